"""A provider module whose top level is still running at the task's time limit
(hostile catalogue): the host must say the provider was still loading, not give a
generic time-out. It waits, as a module that connects at import would, until the
catalogue's hung providers are released (``faulty.wake_hung_providers``). A thread
host imports a module once per process: in its later runs the factory waits instead,
so the provider is still loading there too. The run that imported it does not wait
again in the factory: the release replaces the event, and a second wait on the new
one would keep that run's thread forever."""

from sendreceive.contract import S_OK
from sendreceive.providers import faulty

faulty._forever.wait()
_imported_by_this_run = True


class Provider:
    def __init__(self) -> None:
        global _imported_by_this_run
        if _imported_by_this_run:
            _imported_by_this_run = False
            return
        faulty._forever.wait()

    def SynchronizeInBackground(self, psibpb: object) -> int:
        return S_OK
