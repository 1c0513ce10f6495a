"""The account settings the host passes to ``ImapProvider(**settings)``, validated once."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sendreceive.providers.common import check_port, check_timeout

SECURITY_MODES = ("ssl", "starttls", "none")
DEFAULT_BATCH_SIZE = 250
DEFAULT_TIMEOUT = 60.0
DEFAULT_MAX_MESSAGE_SIZE = 50 * 1024 * 1024
DEFAULT_CONNECTIONS = 3  # enough to hide a server's latency, few enough to be polite
MAX_CONNECTIONS = 8  # servers limit connections per user (Dovecot: 10 by default)


@dataclass(frozen=True)
class ImapSettings:
    """Where and how to connect, and how much to fetch at once. Holds no secret."""

    host: str
    username: str
    port: int
    security: str
    ca_file: Path | None
    verify_certificate: bool
    batch_size: int
    timeout: float
    max_message_size: int
    folders: tuple[str, ...] | None
    shared_folders: bool = False  # other users' and shared namespaces too
    expunge: bool = False  # expunge what a mail reader deleted, not only mark it \Deleted
    connections: int = DEFAULT_CONNECTIONS  # at most this many at once while receiving
    pipelining: bool = True  # the next FETCH sent while a batch is written

    @classmethod
    def build(
        cls,
        *,
        host: str,
        username: str,
        port: int | None,
        security: str,
        ca_file: str | Path | None,
        verify_certificate: bool,
        batch_size: int,
        timeout: float,
        max_message_size: int,
        folders: Sequence[str] | None,
        shared_folders: bool = False,
        expunge: bool = False,
        connections: int = DEFAULT_CONNECTIONS,
        pipelining: bool = True,
    ) -> ImapSettings:
        """Check types and ranges here, so a bad profile fails when the account loads."""
        if not isinstance(host, str) or not host:
            raise ValueError("host must be a non-empty string")
        if not isinstance(username, str) or not username:
            raise ValueError("username must be a non-empty string")
        if security not in SECURITY_MODES:
            raise ValueError(f"security must be one of {', '.join(SECURITY_MODES)}")
        if port is None:
            port = 993 if security == "ssl" else 143
        port = check_port(port)
        if not isinstance(verify_certificate, bool):
            raise TypeError("verify_certificate must be true or false")
        if isinstance(batch_size, bool) or not isinstance(batch_size, int) or batch_size < 1:
            raise ValueError("batch_size must be a positive integer")
        timeout = check_timeout(timeout)
        if (
            isinstance(max_message_size, bool)
            or not isinstance(max_message_size, int)
            or max_message_size < 1
        ):
            raise ValueError("max_message_size must be a positive whole number of bytes")
        if folders is not None and (
            isinstance(folders, str) or not all(isinstance(name, str) for name in folders)
        ):
            raise TypeError("folders must be a list of folder names")
        if not isinstance(shared_folders, bool):
            raise TypeError("shared_folders must be true or false")
        if not isinstance(expunge, bool):
            raise TypeError("expunge must be true or false")
        if (
            isinstance(connections, bool)
            or not isinstance(connections, int)
            or not 1 <= connections <= MAX_CONNECTIONS
        ):
            raise ValueError(f"connections must be a whole number from 1 to {MAX_CONNECTIONS}")
        if not isinstance(pipelining, bool):
            raise TypeError("pipelining must be true or false")
        return cls(
            host=host,
            username=username,
            port=port,
            security=security,
            ca_file=Path(ca_file).expanduser() if ca_file is not None else None,
            verify_certificate=verify_certificate,
            batch_size=batch_size,
            timeout=float(timeout),
            max_message_size=max_message_size,
            folders=tuple(folders) if folders is not None else None,
            shared_folders=shared_folders,
            expunge=expunge,
            connections=connections,
            pipelining=pipelining,
        )
