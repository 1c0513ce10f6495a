"""Where a key sits in TOML source: best-effort line numbers for problems found after
parsing (tomllib gives positions only for syntax errors).

The source is indexed once — every table header and every key that starts a line — so
locating N problems in a profile of N tables costs O(N log N), not O(N²) rescans.
"""

from __future__ import annotations

import re
from bisect import bisect_left

# "[table]" or "[[table]]", maybe with a comment: the name between the brackets.
_HEADER = re.compile(r"^\s*\[\[?\s*(?P<name>[^\[\]]*?)\s*\]\]?\s*(#.*)?$")
# A line that assigns a key: its first part (``key =``, ``"key" =``, ``key.sub =``).
_KEY = re.compile(
    r"""^\s*(?:"(?P<quoted>(?:[^"\\]|\\.)*)"|'(?P<literal>[^']*)'|(?P<bare>[A-Za-z0-9_-]+))\s*[=.]"""
)


class TomlLines:
    """An index of ``source``'s table headers and keys, by line."""

    def __init__(self, source: str) -> None:
        lines = source.split("\n")  # TOML's lines; str.splitlines also splits at \x0c, \u2028…
        self._line_count = len(lines)
        self._headers: list[tuple[int, str]] = []  # (line index, text after the "["s)
        self._tables: dict[str, list[int]] = {}  # header name -> positions in _headers
        self._keys: dict[str, list[int]] = {}  # key or header name -> line indexes, ascending
        self._sections: dict[tuple[str, int], tuple[int, int] | None] = {}
        for i, text in enumerate(lines):
            stripped = text.strip()
            if stripped.startswith("["):
                header = _HEADER.match(text)
                if header is not None:
                    self._tables.setdefault(header["name"], []).append(len(self._headers))
                    self._keys.setdefault(header["name"], []).append(i)
                self._headers.append((i, stripped.lstrip("[")))
                continue
            key = _KEY.match(text)
            if key is not None:
                name = key["quoted"] if key["quoted"] is not None else key["literal"] or key["bare"]
                self._keys.setdefault(name, []).append(i)

    def line_of(self, where: tuple[str, int] | None, key: str | None) -> int | None:
        """The 1-based line of ``key`` inside the ``where``-th ``[[table]]`` (the whole
        file when ``where`` is None); the table's header line when the key is not found
        there or ``key`` is None; None when nothing fits."""
        start, end = 0, self._line_count
        if where is not None:
            section = self._section(*where)
            if section is None:  # an inline or dotted table: the line that names it
                return self._first(where[0], 0, end)
            start, end = section
            if key is None:
                return start + 1
        if key is None:
            return None
        found = self._first(key, start, end)
        if found is None and where is not None:
            return start + 1
        return found

    def _section(self, table: str, nth: int) -> tuple[int, int] | None:
        """Lines [header, next header not of a sub-table) of the ``nth`` ``table``."""
        if (table, nth) not in self._sections:
            positions = self._tables.get(table, [])
            bounds = None
            if nth < len(positions):
                at = positions[nth]
                following = at + 1
                while following < len(self._headers) and self._headers[following][1].startswith(
                    f"{table}."
                ):
                    following += 1
                end = (
                    self._headers[following][0]
                    if following < len(self._headers)
                    else self._line_count
                )
                bounds = (self._headers[at][0], end)
            self._sections[(table, nth)] = bounds
        return self._sections[(table, nth)]

    def _first(self, key: str, start: int, end: int) -> int | None:
        """The first line in [start, end) that assigns ``key`` or names a table ``key``."""
        hits = self._keys.get(key, [])
        i = bisect_left(hits, start)
        return hits[i] + 1 if i < len(hits) and hits[i] < end else None
