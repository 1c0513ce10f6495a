"""Command line: ``sendreceive`` (or ``python main.py``) starts the GUI or runs headless."""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tomllib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any, NoReturn, TextIO

from sendreceive import __version__, languages, secrets_guard
from sendreceive.config.limits import RUN_LIMITS, Limit
from sendreceive.config.profile import (
    ALL_ACCOUNTS,
    ISOLATION_MODES,
    Account,
    Profile,
    ProfileError,
    load_profile,
)
from sendreceive.config.program_command import PROGRAM, command_of_spec, is_command
from sendreceive.config.user_profile import open_user_profile
from sendreceive.contract import SyncFlags
from sendreceive.headless import run_headless, run_scheduled
from sendreceive.hosting.isolation import DEFAULT_ISOLATION, host_factory
from sendreceive.hosting.loading import ProviderLoadError, resolve
from sendreceive.hosting.process import containment
from sendreceive.hosting.process.host import stop_all
from sendreceive.logs import configure_logging
from sendreceive.options import Options
from sendreceive.paths import default_log_file, default_profile_file, default_store_root
from sendreceive.process_guard import exit_process, guard_sigint, take_stdout
from sendreceive.records import conformance, recording
from sendreceive.records.junit import write_junit
from sendreceive.records.recording import record_run
from sendreceive.run.send_receive import Run, RunLimits, RunSummary

EXIT_OK = 0
EXIT_TASKS_FAILED = 1  # the run ended, but not every task completed successfully
EXIT_BAD_INPUT = 2  # bad arguments or a broken profile: nothing was run
PRIVATE_UMASK = 0o077


class _Version(argparse.Action):
    """``--version``: the version, and the containment of providers this machine allows
    (a user reporting a leak says which one held them)."""

    def __init__(self, option_strings: list[str], dest: str, help: str | None = None) -> None:
        super().__init__(option_strings, argparse.SUPPRESS, nargs=0, help=help)

    def __call__(self, parser: argparse.ArgumentParser, *args: object) -> None:
        print(f"{parser.prog} {__version__}\n{containment.line(containment.describe())}")
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sendreceive",
        description="Send/Receive Workbench: run MAPI-style store providers (IMAPISync) and "
        "watch their Progress, Error and Done calls. With no arguments, opens the window "
        "on your own profile (made from the bundled demo on first start). "
        "'sendreceive queue --help': put .eml files in the Outbox; "
        "'sendreceive conformance --help': check a provider against the contract.",
        epilog=f"Exit codes: {EXIT_OK} every task completed; {EXIT_TASKS_FAILED} a task failed, "
        f"was cancelled or abandoned; {EXIT_BAD_INPUT} bad arguments or profile.",
    )
    parser.add_argument(
        "--profile",
        type=Path,
        metavar="FILE",
        help=f"a TOML profile (default: your own, {default_profile_file()})",
    )
    parser.add_argument(
        "--provider",
        action="append",
        default=[],
        metavar="SPEC",
        help="add an account that uses this provider: an entry-point name, module:attr, "
        "path/to/file.py:attr, or a program's command line ('./myprovider --fast', "
        "docs/protocol.md) (repeatable). Without --profile, only these accounts are loaded.",
    )
    _add_settings_argument(parser, "every --provider (or --replay) account", per_account=True)
    parser.add_argument(
        "--group",
        default=ALL_ACCOUNTS,
        help=f"the Send/Receive group to run, with what it sends and receives for each "
        f"account (default: {ALL_ACCOUNTS}: every enabled account)",
    )
    parser.add_argument("--run", action="store_true", help="start Send/Receive at launch")
    parser.add_argument(
        "--headless", action="store_true", help="run without a window, print progress, exit"
    )
    parser.add_argument(
        "--json", action="store_true", help="with --headless: print JSON events, one per line"
    )
    parser.add_argument(
        "--store-dir", type=Path, metavar="DIR", help="root of the providers' local stores"
    )
    workbench = parser.add_argument_group("provider authors: record, replay, CI reports")
    workbench.add_argument(
        "--record", type=Path, metavar="DIR", help="write each task's calls as DIR/<account>.jsonl"
    )
    workbench.add_argument(
        "--replay",
        type=Path,
        metavar="PATH",
        help="replay a recording, or every recording in a directory, each as the account it "
        "recorded (--set speed=0: as fast as possible); the recorded limits apply",
    )
    workbench.add_argument(
        "--strict",
        action="store_true",
        help="with --headless: a task that broke the provider contract fails the run (exit 1)",
    )
    workbench.add_argument(
        "--junit",
        type=Path,
        metavar="FILE",
        help="with --headless: write JUnit XML, one test per task",
    )
    limits = parser.add_argument_group(
        "limits", "the host's patience; each overrides the same key of the profile's [profile]"
    )
    limit_help = {
        "max_parallel": f"tasks run at once (default {RunLimits.max_parallel})",
        "stall_timeout": "silence after which a task is shown as not responding "
        f"(default {RunLimits.stall_timeout:g})",
        "cancel_grace": "how long a cancelled provider has to stop before it is abandoned "
        f"(default {RunLimits.cancel_grace:g})",
        "task_timeout": "cancel a task still running after this long (default: no limit)",
    }
    for key, limit in RUN_LIMITS.items():
        limits.add_argument(
            "--" + key.replace("_", "-"),
            type=_limit_argument(limit),
            metavar="N" if limit.whole else limit.unit.upper(),
            help=f"{limit_help[key]}; {limit.rule}",
        )
    parser.add_argument(
        "--lang",
        metavar="CODE",
        help=f"the window's language: {', '.join(languages.available())} (default: the one "
        "chosen in View > Language, else the system's); the headless output is English",
    )
    parser.add_argument(
        "--isolation",
        choices=ISOLATION_MODES,
        help="where providers run: each in a process of its own (the default), or on "
        "threads of the app, for a debugger's breakpoints in a provider; an account's own "
        "'isolation' key still wins",
    )
    parser.add_argument(
        "-v", "--verbose", action="count", default=0, help="log more (-vv for debug)"
    )
    parser.add_argument(
        "--schedule",
        action="store_true",
        help="with --headless: stay, and run each of the profile's scheduled groups "
        "(every_minutes) now and then whenever it falls due, until Ctrl-C",
    )
    parser.add_argument(
        "--version",
        action=_Version,
        help="show the version, and what holds a provider's processes here, and exit",
    )
    parser.add_argument(
        "--log-file",
        type=Path,
        metavar="FILE",
        default=None,
        help=f"append the log here (default: {default_log_file()}; rotated at 1 MiB, "
        "3 old files kept)",
    )
    return parser


def _add_settings_argument(
    parser: argparse.ArgumentParser, whose: str, per_account: bool = False
) -> None:
    """``--set``: for ``whose``, or with ``per_account`` also ``NAME.KEY`` for one."""
    one = ", or with NAME. for the one named NAME" if per_account else ""
    parser.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="[NAME.]KEY=VALUE" if per_account else "KEY=VALUE",
        dest="settings",
        help=f"a setting for {whose}{one}; VALUE is read as TOML (42, true, "
        '"text"), else as plain text (repeatable)',
    )


def _limit_argument(limit: Limit) -> Callable[[str], float]:
    """An argparse ``type`` that checks ``limit``'s range and says so in plain words."""

    def parse(text: str) -> float:
        try:
            return limit.parse(text)
        except ValueError as exc:
            raise argparse.ArgumentTypeError(str(exc)) from None

    return parse


def parse_settings(pairs: Sequence[str]) -> dict[str, Any]:
    settings: dict[str, Any] = {}
    for pair in pairs:
        key, sep, raw = pair.partition("=")
        if not sep or not key.strip():
            raise ValueError(f"--set expects KEY=VALUE, got {pair!r}")
        try:
            settings[key.strip()] = tomllib.loads(f"v = {raw}")["v"]
        except tomllib.TOMLDecodeError:
            settings[key.strip()] = raw
    return settings


def settings_for(name: str, settings: Mapping[str, Any]) -> dict[str, Any]:
    """One command-line account's settings: every ``--set KEY=VALUE``, and the
    ``--set NAME.KEY=VALUE`` aimed at it (a setting's key is a keyword argument's name:
    it has no dot, so the last dot parts the account's name from it)."""
    chosen = {key: value for key, value in settings.items() if "." not in key}
    for key, value in settings.items():
        target, _, own_key = key.rpartition(".")
        if target == name:
            chosen[own_key] = value
    return chosen


def check_targets(settings: Mapping[str, Any], accounts: Sequence[Account]) -> None:
    """A ``--set NAME.KEY`` naming no command-line account is a mistake, not a no-op."""
    names = {a.name for a in accounts}
    for key in settings:
        target = key.rpartition(".")[0]
        if target and target not in names:
            known = ", ".join(sorted(names)) or "none"
            raise ValueError(f"--set {key}: no --provider account named {target!r} ({known})")


def adhoc_accounts(specs: Sequence[str], settings: dict[str, Any]) -> list[Account]:
    """Accounts for ``--provider``: named after the spec's attr or entry point."""
    accounts: list[Account] = []
    for spec in specs:
        command = command_of_spec(spec, Path.cwd()) if is_command(spec) else None
        base = command.name if command else spec.rpartition(":")[2] or spec
        name, n = base, 2
        while any(a.name == name for a in accounts):
            name, n = f"{base} ({n})", n + 1
        provider = PROGRAM if command else spec
        accounts.append(
            Account(name, provider, settings=settings_for(name, settings), command=command)
        )
    return accounts


def check_provider_spec(spec: str) -> None:
    """A command's words, or that a Python provider loads: raises ``ValueError`` or
    ``ProviderLoadError`` saying what is wrong."""
    if is_command(spec):
        command_of_spec(spec, Path.cwd())
    else:
        resolve(spec)


def options_from_args(args: argparse.Namespace) -> Options:
    """Raises ``ValueError`` for bad arguments; a broken profile is kept in the options
    so the GUI can show it."""
    for spec in args.provider:
        try:
            check_provider_spec(spec)
        except (ProviderLoadError, ValueError) as exc:
            raise ValueError(f"--provider {spec}: {exc}") from exc
    settings = parse_settings(args.settings)
    extra = adhoc_accounts(args.provider, settings)
    recorded_limits: dict[str, Any] = {}
    if args.replay is not None:
        replayed, recorded_limits = replay_accounts(args.replay, settings)
        extra += replayed
    check_targets(settings, extra)
    created = False
    try:
        if args.replay is not None and args.profile is None:
            profile = Profile("Replay", None, tuple(extra), ())
        elif args.profile is not None:
            profile = load_profile(args.profile).with_accounts(extra)
        elif extra:
            profile = Profile("Command line", None, tuple(extra), ())
        else:
            user = open_user_profile()
            profile, created = user.profile, user.created
    except ProfileError as exc:
        return Options(
            None, exc, args.group, args.run, limits=_limits({}, args), language=_language(args.lang)
        )
    names = [a.name for a in profile.accounts]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise ValueError(
            f"--provider account names clash with the profile's: {', '.join(duplicates)}"
        )
    try:
        profile.group(args.group)
    except KeyError:
        known = ", ".join(g.name for g in profile.all_groups())
        raise ValueError(
            f"no group named {args.group!r} in the profile (groups: {known})"
        ) from None
    store_root = args.store_dir or profile.store_dir or default_store_root()
    return Options(
        profile,
        None,
        args.group,
        args.run,
        store_root,
        _limits({**recorded_limits, **profile.limits}, args),
        _language(args.lang),
        args.isolation or profile.isolation or DEFAULT_ISOLATION,
        created,
    )


def replay_accounts(
    path: Path, settings: Mapping[str, Any]
) -> tuple[list[Account], dict[str, Any]]:
    """One ``replay`` account per recording, named and flagged as recorded, and the
    recorded limits (the first recording's) so that time limits replay as they were."""
    try:
        found = [recording.read(p) for p in recording.recordings_in(path)]
        found.sort(key=lambda r: (str(r.header["started"]), int(r.header.get("order", 0))))
    except recording.RecordingError as exc:
        raise ValueError(f"--replay: {exc}") from None
    accounts = [
        Account(
            r.account,
            "replay",
            SyncFlags(int(r.header["flags"])),
            {"trace": str(r.path.absolute()), **settings_for(r.account, settings)},
        )
        for r in found
    ]
    limits = {k: v for k, v in found[0].header.get("limits", {}).items() if k in RUN_LIMITS}
    return accounts, limits


def _language(code: str | None) -> str | None:
    if code is None:
        return None
    found = languages.match([code])
    if found is None:
        raise ValueError(
            f"--lang {code}: no such language (available: {', '.join(languages.available())})"
        )
    return found


def _limits(from_profile: Mapping[str, float], args: argparse.Namespace) -> RunLimits:
    given = {key: getattr(args, key) for key in RUN_LIMITS if getattr(args, key) is not None}
    return replace(RunLimits(), **{**from_profile, **given})


def run() -> NoReturn:
    """The program's entry point (``sendreceive``, ``python main.py``): the host owns
    this process's stdout, Ctrl-C and exit, whatever its providers do; and its memory:
    not dumpable, so no process of the user's reads the secrets it resolved. Whatever
    the program and its providers' processes create is private to the user (umask 077):
    stores, the Outbox, logs, recordings, reports, the window's settings."""
    secrets_guard.not_dumpable()
    os.umask(PRIVATE_UMASK)
    try:
        code = main(own_process=True)
    except KeyboardInterrupt:  # a second Ctrl-C: quit at once
        code = 130
    stop_all()
    exit_process(code)


def main(argv: Sequence[str] | None = None, *, own_process: bool = False) -> int:
    """``own_process``: called by ``run``; a test calling in keeps its stdout and signals."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments[:1] == ["queue"]:  # ``sendreceive queue …``: a subcommand of its own
        from sendreceive.mail.queue_command import main as queue_main

        return queue_main(arguments[1:])
    if arguments[:1] == ["conformance"]:  # ``sendreceive conformance PROVIDER``
        return conformance_main(arguments[1:], own_process)
    if arguments[:1] == ["diff"]:  # ``sendreceive diff A B``
        from sendreceive.records.diff import main as diff_main

        code: int = diff_main(arguments[1:])
        return code
    parser = build_parser()
    args = parser.parse_args(arguments)
    if args.json and not args.headless:
        parser.error("--json only works with --headless (the window has no JSON output)")
    if args.schedule and not args.headless:
        parser.error("--schedule only works with --headless (the window keeps the schedules)")
    if args.record is not None and not args.headless:
        parser.error(
            "--record only works with --headless (in the window, the dialog's Save Run "
            "records the run it shows)"
        )
    for flag in ("strict", "junit"):
        if getattr(args, flag) and not args.headless:
            parser.error(f"--{flag} only works with --headless (it is for CI)")
    if args.schedule and (args.record is not None or args.junit is not None):
        parser.error("--record and --junit describe one run: not with --schedule")
    report = sys.stdout
    if own_process and args.headless:  # before --provider modules are imported
        report = take_stdout()
        guard_sigint()
    configure_logging(args.verbose, args.log_file or default_log_file())
    try:
        options = options_from_args(args)
    except ValueError as exc:
        parser.print_usage(sys.stderr)
        print(f"{parser.prog}: error: {exc}", file=sys.stderr)
        if not args.headless and _window_problem() is None:
            from sendreceive.ui.application import show_startup_error  # Qt only for the GUI

            show_startup_error(str(exc))
        return EXIT_BAD_INPUT
    if args.headless:
        return _main_headless(options, args, report)
    problem = _window_problem()
    if problem is not None:  # before Qt aborts with a message that names nothing to do
        print(f"{parser.prog}: {problem}", file=sys.stderr)
        return EXIT_BAD_INPUT
    from sendreceive.ui.application import run_gui

    return run_gui(options)


def conformance_main(argv: Sequence[str], own_process: bool = False) -> int:
    """``sendreceive conformance PROVIDER``: the kit's battery (``records.conformance``)
    against one provider; exit 0 only if every scenario held. In its own process the
    report has stdout to itself, as headless output does: whatever a provider prints
    goes to stderr."""
    parser = argparse.ArgumentParser(
        prog="sendreceive conformance",
        description="Run the conformance kit's fixed battery of scenarios against one "
        "provider and say, per scenario and per contract rule, what held.",
        epilog=f"Exit codes: {EXIT_OK} every scenario held; {EXIT_TASKS_FAILED} one did not; "
        f"{EXIT_BAD_INPUT} bad arguments.",
    )
    parser.add_argument(
        "provider",
        metavar="PROVIDER",
        help="an entry-point name, module:attr or path/to/file.py:attr",
    )
    _add_settings_argument(parser, "the provider's account")
    parser.add_argument(
        "--refuse",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="a setting the provider must refuse, given with the others in the refusal "
        f"scenario (repeatable; default: {conformance.UNKNOWN_SETTING}=true, a setting no "
        "provider knows)",
    )
    parser.add_argument(
        "--isolation", choices=ISOLATION_MODES, help="where it runs (default: a process of its own)"
    )
    parser.add_argument(
        "--junit", type=Path, metavar="FILE", help="write JUnit XML, one test per scenario"
    )
    parser.add_argument("--log-file", type=Path, metavar="FILE", help="append the log here")
    for key in ("task_timeout", "cancel_grace"):
        limit = RUN_LIMITS[key]
        parser.add_argument(
            "--" + key.replace("_", "-"),
            type=_limit_argument(limit),
            metavar=limit.unit.upper(),
            default=getattr(conformance.KIT_LIMITS, key),
            help=f"the host's patience in every scenario (default %(default)g); {limit.rule}",
        )
    args = parser.parse_args(argv)
    report = take_stdout() if own_process else sys.stdout
    configure_logging(0, args.log_file or default_log_file())
    try:
        check_provider_spec(args.provider)
        (account,) = adhoc_accounts([args.provider], parse_settings(args.settings))
        refused = parse_settings(args.refuse) if args.refuse else conformance.REFUSED_SETTINGS
    except (ProviderLoadError, ValueError) as exc:
        parser.error(f"{args.provider}: {exc}")
    account = replace(account, isolation=args.isolation or DEFAULT_ISOLATION)
    hosts = host_factory(account.isolation, [account])
    limits = replace(
        conformance.KIT_LIMITS, task_timeout=args.task_timeout, cancel_grace=args.cancel_grace
    )
    result = asyncio.run(conformance.run_battery(account, hosts, limits, refused))
    print("\n".join(conformance.english_report(result)), file=report, flush=True)
    if args.junit is not None:
        conformance.write_junit(args.junit, result)
    return EXIT_OK if result.held else EXIT_TASKS_FAILED


def _window_problem() -> str | None:
    from sendreceive.ui.platform_check import platform_problem  # Qt only for the GUI

    return platform_problem()


def _main_headless(options: Options, args: argparse.Namespace, report: TextIO) -> int:
    if options.profile is None:
        assert options.profile_error is not None
        print("The profile cannot be used:", file=sys.stderr)
        for line in options.profile_error.lines():
            print(f"  {line}", file=sys.stderr)
        return EXIT_BAD_INPUT
    profile = options.profile

    def make_run(group: str) -> Run:
        return Run(
            profile.run_accounts([group]),
            options.store_root,
            options.limits,
            host_factory=host_factory(options.isolation, profile.accounts),
        )

    def failed(summary: RunSummary) -> bool:
        return not summary.all_completed or (args.strict and summary.violations > 0)

    if not args.schedule:
        run = make_run(options.group)
        summary = asyncio.run(run_headless(run, report, args.json))
        if args.record is not None:
            record_run(run, args.record)
        if args.junit is not None:
            write_junit(args.junit, run, strict=args.strict)
        return EXIT_TASKS_FAILED if failed(summary) else EXIT_OK
    groups = [group for group in profile.all_groups() if group.every_minutes]
    if not groups:
        print(f"{profile.path or 'The profile'}: no group has every_minutes", file=sys.stderr)
        return EXIT_BAD_INPUT
    summaries = asyncio.run(run_scheduled(groups, make_run, report, args.json))
    return EXIT_TASKS_FAILED if any(failed(summary) for summary in summaries) else EXIT_OK


if __name__ == "__main__":  # python -m sendreceive.cli
    run()
