"""Where each account's provider runs: ``isolation = "process"`` (the app's default: a
process of its own, ``app.process_host``) or ``"thread"`` (a thread of the app, for a
debugger's breakpoints inside the provider: ``app.thread_host``).

An account's own ``isolation`` wins; otherwise the run's default (``--isolation``, else
the profile's ``[profile] isolation``, else ``DEFAULT_ISOLATION``).
"""

from __future__ import annotations

from collections.abc import Iterable

from app.hosting import HostFactory, ProviderHost, TaskSetup
from app.process_host import ProcessHost
from app.profile import Account
from app.thread_host import ThreadHost

DEFAULT_ISOLATION = "process"


def host_factory(default: str, accounts: Iterable[Account]) -> HostFactory:
    """The hosts of a run. ``accounts``: the whole profile's, so that no account's
    ``password_env`` variable reaches any provider's process (the app resolves
    passwords and sends each to its own account's process alone)."""
    secret_env = frozenset(
        str(account.settings["password_env"])
        for account in accounts
        if "password_env" in account.settings
    )

    def make(setup: TaskSetup) -> ProviderHost:
        if (setup.account.isolation or default) == "process":
            return ProcessHost(setup, secret_env)
        return ThreadHost(setup)

    return make
