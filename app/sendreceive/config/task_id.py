"""Which task a line is about, as data: the account and what its sync does.

Outlook names a task "Contoso - Receiving"; that is a sentence, and each front-end says it in its
own language (``sendreceive.headless`` in English for scripts, ``sendreceive.ui`` through Qt's
translations). The core keeps the parts, so no front-end has to take a name apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from sendreceive.contract import SyncFlags


class Activity(Enum):
    """What a task's sync flags ask for, in Outlook's three words."""

    RECEIVING = "receiving"
    SENDING = "sending"
    SYNCHRONIZING = "synchronizing"

    @classmethod
    def of(cls, flags: SyncFlags) -> Activity:
        """SYNC_OUTGOING_MAIL is sending mail (a transport's task); a store task that
        uploads its changes (alone or with downloads) is synchronizing, so that it never
        takes the name of its account's transport task."""
        if flags & SyncFlags.SYNC_OUTGOING_MAIL:
            return cls.SENDING
        up = bool(flags & (SyncFlags.SYNC_UPLOAD_CONTENTS | SyncFlags.SYNC_UPLOAD_HIERARCHY))
        if up:
            return cls.SYNCHRONIZING
        return cls.RECEIVING


@dataclass(frozen=True, slots=True)
class TaskId:
    """A task's identity within a run: account names are unique in a profile."""

    account: str
    activity: Activity
