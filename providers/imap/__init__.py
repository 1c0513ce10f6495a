"""The IMAP store provider: synchronizes an IMAP account into a local Maildir.

``ImapProvider`` is the ``IMAPISync`` object (entry point ``imap``); the modules each have
one job: ``settings`` (the account's keyword arguments), ``connection`` (TLS and login),
``sync`` (the run), ``maildir_store`` (the local Maildir and its state), ``flags`` (the
two-way flag merge), ``progress`` (the callback) and ``errors`` (HRESULTs and messages).
"""

from .provider import ImapProvider

__all__ = ["ImapProvider"]
