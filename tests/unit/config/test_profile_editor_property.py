"""The profile editor over generated profiles — arrays of tables or inline arrays of
inline tables, one-line or multi-line arrays with a comment per item, comments between
sections, LF or CRLF, with or without a byte-order mark: opening and saving changes no
byte; an edit changes what it should, keeps every comment, the line ends and the mark,
and, where the file is written as ``[[tables]]``, every line of the original in order."""

from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from tempfile import TemporaryDirectory

from hypothesis import given, settings
from hypothesis import strategies as st

from sendreceive.config.profile import Group, load_profile
from sendreceive.config.profile_editor import ProfileEditor

NAMES = ["Contoso", "Fabrikam", "Tailspin", "Wingtip"]


@dataclass(frozen=True)
class Shape:
    accounts: list[tuple[str, bool]]  # name, enabled
    groups: list[tuple[str, list[str]]]
    inline: bool  # accounts and groups as inline arrays of inline tables
    multi_line: bool  # a group's accounts one per line, each with a comment
    comments: bool
    newline: str
    bom: bool

    def text(self) -> str:
        out: list[str] = []
        comment = (lambda n: f"# comment {n}") if self.comments else (lambda n: "")
        out.append(comment("at the top"))
        if self.inline:
            out.append("accounts = [")
            for name, enabled in self.accounts:
                off = ", enabled = false" if not enabled else ""
                out.append(f'  {{name = "{name}", provider = "demo-fast"{off}}},  # {name}')
            out.append("]")
            if self.groups:
                items = ", ".join(
                    f'{{name = "{g}", accounts = [{", ".join(map(repr_, members))}]}}'
                    for g, members in self.groups
                )
                out.append(f"groups = [{items}]  {comment('groups')}")
        else:
            for name, enabled in self.accounts:
                out += [comment(name), "[[accounts]]", f'name = "{name}"  {comment("name")}']
                out.append('provider = "demo-fast"')
                if not enabled:
                    out.append("enabled = false")
            for group, members in self.groups:
                out += [comment(group), "[[groups]]", f'name = "{group}"']
                if self.multi_line:
                    out.append("accounts = [")
                    out += [f"  {repr_(m)},  # member {m}" for m in members]
                    out.append("]")
                else:
                    out.append(f"accounts = [{', '.join(map(repr_, members))}]")
        text = self.newline.join(line for line in out if line) + self.newline
        return ("\ufeff" if self.bom else "") + text


def repr_(name: str) -> str:
    return f'"{name}"'


@st.composite
def shapes(draw: st.DrawFn) -> Shape:
    names = draw(st.lists(st.sampled_from(NAMES), min_size=1, max_size=4, unique=True))
    accounts = [(name, draw(st.booleans())) for name in names]
    groups = [
        (f"G{n}", draw(st.lists(st.sampled_from(names), unique=True).map(sorted_like(names))))
        for n in range(draw(st.integers(0, 3)))
    ]
    return Shape(
        accounts,
        groups,
        inline=draw(st.booleans()),
        multi_line=draw(st.booleans()),
        comments=draw(st.booleans()),
        newline=draw(st.sampled_from(["\n", "\r\n"])),
        bom=draw(st.booleans()),
    )


def sorted_like(order: list[str]) -> Callable[[list[str]], list[str]]:
    return lambda chosen: [n for n in order if n in chosen]


@given(shape=shapes(), edit=st.integers(0, 2), pick=st.integers(0, 3))
@settings(max_examples=150, deadline=None)
def test_an_edit_keeps_everything_it_did_not_change(shape: Shape, edit: int, pick: int) -> None:
    with TemporaryDirectory() as folder:
        path = Path(folder, "p.toml")
        original = shape.text().encode("utf-8")
        path.write_bytes(original)
        before = load_profile(path)
        editor = ProfileEditor(path)
        assert editor.text().encode("utf-8") == original  # a round trip changes no byte

        names = [a.name for a in before.accounts]
        if edit == 0:  # a new group
            members = tuple(names[: pick + 1])
            editor.set_group(Group("New", members, 15.0))
            expected = replace(before, groups=(*before.groups, Group("New", members, 15.0)))
        elif edit == 1:  # an account switched off
            name = names[pick % len(names)]
            editor.set_enabled(name, False)
            accounts = tuple(
                replace(a, enabled=False) if a.name == name else a for a in before.accounts
            )
            expected = replace(before, accounts=accounts)
        else:  # every account in every group
            for group in before.groups:
                editor.set_group(replace(group, accounts=tuple(names)))
            groups = tuple(replace(g, accounts=tuple(names)) for g in before.groups)
            expected = replace(before, groups=groups)
        editor.save()

        written = path.read_bytes()
        assert load_profile(path) == expected
        assert written.startswith(b"\xef\xbb\xbf") == shape.bom
        if shape.newline == "\r\n":
            assert b"\n" not in written.replace(b"\r\n", b"")
        else:
            assert b"\r" not in written
        old_lines = original.decode().splitlines()
        new_lines = written.decode().splitlines()
        comments = [line[line.index("#") :] for line in old_lines if "#" in line]
        assert all(any(c in line for line in new_lines) for c in comments)
        if not shape.inline and (shape.multi_line or edit != 2):
            matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
            kept = sum(block.size for block in matcher.get_matching_blocks())
            assert kept == len(old_lines), "\n".join(difflib.unified_diff(old_lines, new_lines))
