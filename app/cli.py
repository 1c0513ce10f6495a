"""Command line: ``sendreceive`` (or ``python main.py``) starts the GUI or runs headless."""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any, NoReturn, TextIO

from app.engine import Run, RunLimits
from app.headless import run_headless
from app.host_process import exit_process, guard_sigint, take_stdout
from app.isolation import DEFAULT_ISOLATION, host_factory
from app.options import Options
from app.paths import default_store_root
from app.plugins import ProviderLoadError, resolve
from app.process_host import stop_all
from app.profile import (
    ALL_ACCOUNTS,
    ISOLATION_MODES,
    LIMIT_KEYS,
    Account,
    Profile,
    ProfileError,
    load_default_profile,
    load_profile,
)

EXIT_OK = 0
EXIT_TASKS_FAILED = 1  # the run ended, but not every task completed successfully
EXIT_BAD_INPUT = 2  # bad arguments or a broken profile: nothing was run


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sendreceive",
        description="Send/Receive Workbench: run MAPI-style store providers (IMAPISync) and "
        "watch their Progress, Error and Done calls. With no arguments, opens the window "
        "on the bundled demo profile.",
        epilog=f"Exit codes: {EXIT_OK} every task completed; {EXIT_TASKS_FAILED} a task failed, "
        f"was cancelled or abandoned; {EXIT_BAD_INPUT} bad arguments or profile.",
    )
    parser.add_argument(
        "--profile", type=Path, metavar="FILE", help="a TOML profile (default: the demo profile)"
    )
    parser.add_argument(
        "--provider",
        action="append",
        default=[],
        metavar="SPEC",
        help="add an account that uses this provider: an entry-point name, module:attr or "
        "path/to/file.py:attr (repeatable). Without --profile, only these accounts are loaded.",
    )
    parser.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        dest="settings",
        help="a setting for the --provider accounts; VALUE is read as TOML (42, true, "
        '"text"), else as plain text (repeatable)',
    )
    parser.add_argument(
        "--group",
        default=ALL_ACCOUNTS,
        help=f"the Send/Receive group to run (default: {ALL_ACCOUNTS})",
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
    limits = parser.add_argument_group(
        "limits", "the host's patience; each overrides the same key of the profile's [profile]"
    )
    limits.add_argument(
        "--max-parallel",
        type=_positive_int,
        metavar="N",
        help=f"tasks run at once (default {RunLimits.max_parallel})",
    )
    limits.add_argument(
        "--stall-timeout",
        type=_positive_float,
        metavar="SECONDS",
        help="silence after which a task is shown as not responding "
        f"(default {RunLimits.stall_timeout:g})",
    )
    limits.add_argument(
        "--cancel-grace",
        type=_positive_float,
        metavar="SECONDS",
        help="how long a cancelled provider has to stop before it is abandoned "
        f"(default {RunLimits.cancel_grace:g})",
    )
    limits.add_argument(
        "--task-timeout",
        type=_positive_float,
        metavar="SECONDS",
        help="cancel a task still running after this long (default: no limit)",
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
    return parser


def _positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def _positive_float(text: str) -> float:
    value = float(text)
    if value <= 0:
        raise argparse.ArgumentTypeError("must be greater than 0")
    return value


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


def adhoc_accounts(specs: Sequence[str], settings: dict[str, Any]) -> list[Account]:
    """Accounts for ``--provider``: named after the spec's attr or entry point."""
    accounts: list[Account] = []
    for spec in specs:
        base = spec.rpartition(":")[2] or spec
        name, n = base, 2
        while any(a.name == name for a in accounts):
            name, n = f"{base} ({n})", n + 1
        accounts.append(Account(name, spec, settings=settings))
    return accounts


def options_from_args(args: argparse.Namespace) -> Options:
    """Raises ``ValueError`` for bad arguments; a broken profile is kept in the options
    so the GUI can show it."""
    for spec in args.provider:
        try:
            resolve(spec)
        except ProviderLoadError as exc:
            raise ValueError(f"--provider {spec}: {exc}") from exc
    extra = adhoc_accounts(args.provider, parse_settings(args.settings))
    try:
        if args.profile is not None:
            profile = load_profile(args.profile).with_accounts(extra)
        elif extra:
            profile = Profile("Command line", None, tuple(extra), ())
        else:
            profile = load_default_profile()
    except ProfileError as exc:
        return Options(None, exc, args.group, args.run, limits=_limits({}, args))
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
    isolation = args.isolation or profile.isolation or DEFAULT_ISOLATION
    limits = _limits(profile.limits, args)
    return Options(profile, None, args.group, args.run, store_root, limits, isolation)


def _limits(from_profile: Mapping[str, float], args: argparse.Namespace) -> RunLimits:
    given = {key: getattr(args, key) for key in LIMIT_KEYS if getattr(args, key) is not None}
    return replace(RunLimits(), **{**from_profile, **given})


def group_accounts(profile: Profile, group: str) -> list[Account]:
    return [profile.account(name) for name in profile.group(group).accounts]


def run() -> NoReturn:
    """The program's entry point (``sendreceive``, ``python main.py``): the host owns
    this process's stdout, Ctrl-C and exit, whatever its providers do."""
    try:
        code = main(own_process=True)
    except KeyboardInterrupt:  # a second Ctrl-C: quit at once
        code = 130
    stop_all()
    exit_process(code)


def main(argv: Sequence[str] | None = None, *, own_process: bool = False) -> int:
    """``own_process``: called by ``run``; a test calling in keeps its stdout and signals."""
    parser = build_parser()
    args = parser.parse_args(argv)
    report = sys.stdout
    if own_process and args.headless:  # before --provider modules are imported
        report = take_stdout()
        guard_sigint()
    logging.basicConfig(
        level=(logging.WARNING, logging.INFO, logging.DEBUG)[min(args.verbose, 2)],
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    try:
        options = options_from_args(args)
    except ValueError as exc:
        parser.print_usage(sys.stderr)
        print(f"{parser.prog}: error: {exc}", file=sys.stderr)
        if not args.headless:
            from app.ui.application import show_startup_error  # Qt only for the GUI

            show_startup_error(str(exc))
        return EXIT_BAD_INPUT
    if args.headless:
        return _main_headless(options, args.json, report)
    from app.ui.application import run_gui

    return run_gui(options)


def _main_headless(options: Options, as_json: bool, report: TextIO) -> int:
    if options.profile is None:
        assert options.profile_error is not None
        print("The profile cannot be used:", file=sys.stderr)
        for line in options.profile_error.lines():
            print(f"  {line}", file=sys.stderr)
        return EXIT_BAD_INPUT
    run = Run(
        group_accounts(options.profile, options.group),
        options.store_root,
        options.limits,
        host_factory=host_factory(options.isolation, options.profile.accounts),
    )
    summary = asyncio.run(run_headless(run, report, as_json))
    return EXIT_OK if summary.all_succeeded else EXIT_TASKS_FAILED
