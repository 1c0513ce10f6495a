"""A provider module that calls ``sys.exit(0)`` while it is imported (hostile catalogue):
the host must report a failed task, never exit silently."""

import sys

from sendreceive.contract import S_OK

sys.exit(0)


class Provider:
    def SynchronizeInBackground(self, psibpb: object) -> int:
        return S_OK
