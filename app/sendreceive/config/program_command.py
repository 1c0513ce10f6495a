"""A provider that is a program (``provider = "exec"``): the command that starts it.

A profile names it as ``command = ["./myprovider", "--fast"]``; ``--provider`` and the
pytest fixture as a command line (``"./myprovider --fast"``) or a list. A first word
that is a path (it holds a ``/``) is taken from the profile's folder (the current
directory for the command line) and made absolute; a bare name is looked up on
``PATH`` when the program starts. The program runs in that folder, so its relative
arguments (``["node", "provider.js"]``) mean what they say in the profile.
"""

from __future__ import annotations

import shlex
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sendreceive.paths import resolve_path

PROGRAM = "exec"  # the provider name of an account whose provider is a program
ARGUMENT_LIMIT = 4096  # characters of one word of a command
WORDS_LIMIT = 256
NAME_LIMIT = 60


@dataclass(frozen=True)
class ProgramCommand:
    argv: tuple[str, ...]  # the first word absolute when it was a path
    folder: str  # where it runs: the profile's folder

    @classmethod
    def of(cls, words: Sequence[str], folder: Path) -> ProgramCommand:
        """``words`` checked (``ValueError`` names what is wrong), the first resolved
        from ``folder``."""
        if not words:
            raise ValueError("must name a program: an empty command")
        if len(words) > WORDS_LIMIT:
            raise ValueError(f"{len(words):,} words, at most {WORDS_LIMIT}")
        for i, word in enumerate(words):
            if type(word) is not str or not word or "\0" in word or len(word) > ARGUMENT_LIMIT:
                raise ValueError(
                    f"word {i + 1} must be a non-empty string without NUL, at most "
                    f"{ARGUMENT_LIMIT:,} characters"
                )
        program = words[0]
        if "/" in program:
            program = str(resolve_path(folder / Path(program).expanduser()))
        return cls((program, *words[1:]), str(folder))

    @property
    def name(self) -> str:
        """An account name for it: its last word that is no option (``provider.js`` of
        ``node provider.js``, ``myprovider`` of ``./myprovider --fast``), as a file name."""
        words = [word for word in self.argv if not word.startswith("-")] or [self.argv[0]]
        return Path(words[-1]).name[:NAME_LIMIT] or self.argv[0][:NAME_LIMIT]

    @property
    def text(self) -> str:
        """The command as one shell-quoted line, for titles and recordings."""
        return shlex.join(self.argv)


def is_command(spec: str) -> bool:
    """Whether a ``--provider`` spec is a command line rather than a Python provider: it
    holds a space, or its first word is a path to no ``.py`` file and has no ``:attr``."""
    first = spec.split(maxsplit=1)[0] if spec.strip() else ""
    return len(spec.split()) > 1 or ("/" in first and ":" not in first)


def command_of_spec(spec: str | Sequence[str], folder: Path) -> ProgramCommand:
    """A command given as one line (shell words) or as a list of words."""
    words = shlex.split(spec) if isinstance(spec, str) else list(spec)
    return ProgramCommand.of(words, folder)
