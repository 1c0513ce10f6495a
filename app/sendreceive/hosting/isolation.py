"""Where each account's provider runs: ``isolation = "process"`` (the app's default: a process of
its own, ``sendreceive.hosting.process.host``) or ``"thread"`` (a thread of the app, for a
debugger's breakpoints inside the provider: ``sendreceive.hosting.thread.host``).

An account's own ``isolation`` wins; otherwise the run's default (``--isolation``, else
the profile's ``[profile] isolation``, else ``DEFAULT_ISOLATION``). A program provider
(``provider = "exec"``) always runs in a process of its own.
"""

from __future__ import annotations

from collections.abc import Iterable

from sendreceive import secrets_guard
from sendreceive.config.profile import Account
from sendreceive.hosting.host import HostFactory, ProviderHost, TaskSetup
from sendreceive.hosting.process.host import ProcessHost
from sendreceive.hosting.thread.host import ThreadHost

#: The one place that decides where providers run unless told: the GUI, headless, the
#: pytest plugin and a ``Run`` built without hosts all read it.
DEFAULT_ISOLATION = "process"


def host_factory(default: str | None, accounts: Iterable[Account]) -> HostFactory:
    """The hosts of a run: ``default`` for the accounts that name none (``None``: the
    app's ``DEFAULT_ISOLATION``). ``accounts``: the whole profile's, so that no
    account's ``password_env`` variable reaches any provider's process (the app resolves
    passwords and sends each to its own account's process alone)."""
    default = default or DEFAULT_ISOLATION
    for account in accounts:  # known before any provider runs, and kept from all of them
        if "password" in account.settings:
            secrets_guard.remember(str(account.settings["password"]))
        if "password_env" in account.settings:
            secrets_guard.environment(str(account.settings["password_env"]))
    secret_env = frozenset(
        str(account.settings["password_env"])
        for account in accounts
        if "password_env" in account.settings
    )

    def make(setup: TaskSetup) -> ProviderHost:
        # A program always runs contained: on a thread of the app, nothing could stop it
        # (a thread is abandoned), and a debugger attaches to the program itself.
        if setup.account.command is not None or (setup.account.isolation or default) == "process":
            return ProcessHost(setup, secret_env)
        return ThreadHost(setup)

    return make
