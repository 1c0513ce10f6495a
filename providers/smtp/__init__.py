"""The ``smtp`` transport: sends an account's queued Outbox mail with ``smtplib``.

A transport is a provider like any other: the host calls ``SynchronizeInBackground``
with ``SYNC_OUTGOING_MAIL`` and the account's queued messages reachable through
``psesSync.outbox``.
"""

from .provider import SmtpTransport

__all__ = ["SmtpTransport"]
