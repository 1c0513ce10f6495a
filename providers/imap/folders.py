"""Server folders: the exact name to send back, and a readable name to show and store.

IMAP folder names travel in modified UTF-7. Decoding is not one-to-one (``&AC8-`` and
``/`` both read as "/"), and what a server sends may decode to a NUL or a lone surrogate,
so the provider never re-encodes a name: commands carry the *wire* name exactly as the
server listed it (``IMAPClient.folder_encode`` is off), and the decoded *name* is only
shown, matched against the ``folders`` setting and mapped to a local folder.

Names are relative to the personal namespace (RFC 2342 ``NAMESPACE``): Cyrus's
``INBOX.Archive`` and Dovecot's ``Archive`` are both "Archive". Folders in other
users' and shared namespaces keep their full name and are marked ``shared``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from imapclient import IMAPClient, imap_utf7

_NOT_SELECTABLE = frozenset({b"\\NOSELECT", b"\\NONEXISTENT"})


@dataclass(frozen=True)
class ServerFolder:
    """A server folder: its decoded name, its wire name, and its hierarchy separator."""

    name: str
    wire: str
    delimiter: str | None
    selectable: bool = True
    shared: bool = False  # in another user's or a shared namespace


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


@dataclass(frozen=True)
class Namespaces:
    """The prefixes of the personal namespaces, and of the others (other users', shared)."""

    personal: tuple[str, ...] = ("",)
    others: tuple[str, ...] = ()

    def place(self, wire: str) -> tuple[str, bool]:
        """A wire name's readable name and whether it is outside the personal namespaces.
        The longest prefix decides (Cyrus's shared prefix is ``""``, under all others)."""
        if wire == "INBOX":
            return wire, False
        prefixes = [(prefix, False) for prefix in self.personal]
        prefixes += [(prefix, True) for prefix in self.others]
        matching = [(prefix, shared) for prefix, shared in prefixes if wire.startswith(prefix)]
        prefix, shared = max(matching, key=lambda item: len(item[0]), default=("", False))
        if shared or not wire[len(prefix) :]:
            return decode_name(wire), shared
        return decode_name(wire[len(prefix) :]), False


def _prefixes(group: Any) -> tuple[str, ...]:
    prefixes = []
    for prefix, _separator in group or ():
        prefixes.append(prefix.decode("ascii", "replace") if isinstance(prefix, bytes) else prefix)
    return tuple(prefixes)


def namespaces(client: IMAPClient) -> Namespaces:
    """The server's namespaces; without ``NAMESPACE``, one personal namespace of all."""
    if not client.has_capability("NAMESPACE"):
        return Namespaces()
    found = client.namespace()
    personal = _prefixes(found.personal)
    return Namespaces(personal or ("",), _prefixes(found.other) + _prefixes(found.shared))


def list_folders(
    client: IMAPClient, spaces: Namespaces
) -> tuple[list[ServerFolder], list[UnusableFolder]]:
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
        name, shared = spaces.place(wire)
        folders.append(
            ServerFolder(
                name=name,
                wire=wire,
                delimiter=delimiter or None,
                selectable=not _NOT_SELECTABLE & {flag.upper() for flag in flags},
                shared=shared,
            )
        )
    return folders, unusable
