"""A provider module whose top level is still running at the task's time limit
(hostile catalogue): the host must say the provider was still loading, not give a
generic time-out. It waits, as a module that connects at import would, until the
catalogue's hung providers are released (``faulty.wake_hung_providers``)."""

from sendreceive.contract import S_OK
from sendreceive.providers import faulty

faulty._forever.wait()


class Provider:
    def SynchronizeInBackground(self, psibpb: object) -> int:
        return S_OK
