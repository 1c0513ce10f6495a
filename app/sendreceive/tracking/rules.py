"""The contract's rules, by number, as mapi-contract.md states them; every contract
violation the host reports names one, so a provider author can look it up."""

from __future__ import annotations

from enum import Enum


class Rule(Enum):
    STYLES = (2, "in-call or background style")
    RETURN = (3, "what SynchronizeInBackground returns")
    PROGRESS = (4, "Progress arguments")
    DONE_ONCE = (6, "Done exactly once, nothing after it")
    TYPES = (9, "argument types and ranges")

    @property
    def label(self) -> str:
        return f"Rule {self.value[0]} ({self.value[1]})"
