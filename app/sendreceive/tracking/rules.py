"""The contract's rules, by number, as mapi-contract.md states them; every contract
violation the host reports names one, so a provider author can look it up."""

from __future__ import annotations

from enum import Enum

from sendreceive.languages import QT_TRANSLATE_NOOP


class Rule(Enum):
    """(number, title); the GUI translates the title (context "Rule")."""

    STYLES = (2, QT_TRANSLATE_NOOP("Rule", "in-call or background style"))
    RETURN = (3, QT_TRANSLATE_NOOP("Rule", "what SynchronizeInBackground returns"))
    PROGRESS = (4, QT_TRANSLATE_NOOP("Rule", "Progress arguments"))
    DONE_ONCE = (6, QT_TRANSLATE_NOOP("Rule", "Done exactly once, nothing after it"))
    TYPES = (9, QT_TRANSLATE_NOOP("Rule", "argument types and ranges"))

    @property
    def number(self) -> int:
        return self.value[0]

    @property
    def title(self) -> str:
        return self.value[1]

    @property
    def label(self) -> str:
        return f"Rule {self.number} ({self.title})"
