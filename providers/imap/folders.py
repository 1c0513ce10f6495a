"""Server folders: the exact name to send back, and a readable name to show and store.

IMAP folder names travel in modified UTF-7. Decoding is not one-to-one (``&AC8-`` and
``/`` both read as "/"), and what a server sends may decode to a NUL or a lone surrogate,
so the provider never re-encodes a name: commands carry the *wire* name exactly as the
server listed it (``IMAPClient.folder_encode`` is off), and the decoded *name* is only
shown, matched against the ``folders`` setting and mapped to a local folder.
"""

from __future__ import annotations

from dataclasses import dataclass

from imapclient import IMAPClient, imap_utf7

_NOT_SELECTABLE = frozenset({b"\\NOSELECT", b"\\NONEXISTENT"})


@dataclass(frozen=True)
class ServerFolder:
    """A server folder: its decoded name, its wire name, and its hierarchy separator."""

    name: str
    wire: str
    delimiter: str | None
    selectable: bool = True


@dataclass(frozen=True)
class UnusableFolder:
    """A listed folder whose name cannot be sent back in a command (not ASCII)."""

    name: str


def decode_name(wire: str) -> str:
    """The readable form of a wire name (the wire name itself if it is not valid UTF-7)."""
    try:
        return str(imap_utf7.decode(wire.encode("ascii")))
    except (UnicodeError, ValueError):
        return wire


def list_folders(client: IMAPClient) -> tuple[list[ServerFolder], list[UnusableFolder]]:
    """Every listed folder; ``client.folder_encode`` must be off (names stay raw)."""
    folders, unusable = [], []
    for flags, delimiter, raw in client.list_folders():
        if isinstance(raw, bytes):
            try:
                wire = raw.decode("ascii")
            except UnicodeDecodeError:
                unusable.append(UnusableFolder(raw.decode("utf-8", "replace")))
                continue
        else:
            wire = str(raw)  # IMAPClient turns a numeric name into an int, then a str
        if wire.upper() == "INBOX":
            wire = "INBOX"
        if isinstance(delimiter, bytes):
            delimiter = delimiter.decode("ascii", "replace")
        folders.append(
            ServerFolder(
                name=decode_name(wire),
                wire=wire,
                delimiter=delimiter or None,
                selectable=not _NOT_SELECTABLE & {flag.upper() for flag in flags},
            )
        )
    return folders, unusable
