"""The settings the host passes to ``SmtpTransport(**settings)``, validated once."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..common import check_port, check_timeout

SECURITY_MODES = ("ssl", "starttls", "none")
DEFAULT_PORTS = {"ssl": 465, "starttls": 587, "none": 25}
DEFAULT_TIMEOUT = 60.0


@dataclass(frozen=True)
class SmtpSettings:
    """Where and how to connect. Holds no secret."""

    host: str
    port: int
    security: str
    username: str | None  # None: no AUTH (a relay that trusts this host)
    sender: str | None  # envelope sender for a message without From
    ca_file: Path | None
    verify_certificate: bool
    timeout: float

    @property
    def server(self) -> str:
        return f"{self.host}:{self.port}"

    @classmethod
    def build(
        cls,
        *,
        host: str,
        port: int | None,
        security: str,
        username: str | None,
        sender: str | None,
        ca_file: str | Path | None,
        verify_certificate: bool,
        timeout: float,
    ) -> SmtpSettings:
        """Check types and ranges here, so a bad profile fails when the account loads."""
        if not isinstance(host, str) or not host:
            raise ValueError("host must be a non-empty string")
        if security not in SECURITY_MODES:
            raise ValueError(f"security must be one of {', '.join(SECURITY_MODES)}")
        if port is None:
            port = DEFAULT_PORTS[security]
        port = check_port(port)
        for name, value in (("username", username), ("sender", sender)):
            if value is not None and (not isinstance(value, str) or not value):
                raise ValueError(f"{name} must be a non-empty string")
        if not isinstance(verify_certificate, bool):
            raise TypeError("verify_certificate must be true or false")
        return cls(
            host=host,
            port=port,
            security=security,
            username=username,
            sender=sender,
            ca_file=Path(ca_file).expanduser() if ca_file is not None else None,
            verify_certificate=verify_certificate,
            timeout=check_timeout(timeout),
        )
