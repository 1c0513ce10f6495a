"""The IMAP store provider: synchronizes an IMAP account into a local Maildir.

``ImapProvider`` is the ``IMAPISync`` object (entry point ``imap``); the modules each have
one job: ``settings`` (the account's keyword arguments), ``connection`` (TLS and login),
``wire`` (every byte read or sent, bounded in time and size, interrupted by Cancel),
``folders`` (server folders: the wire name to send back, the decoded one to show),
``sync`` (the run), ``server_data`` (checking what the server sent), ``maildir_store``
(the local Maildir, its state and whose it is), ``flags`` (the two-way flag merge),
``progress`` (the callback) and ``errors`` (HRESULTs and messages).
"""

from .provider import ImapProvider

__all__ = ["ImapProvider"]
