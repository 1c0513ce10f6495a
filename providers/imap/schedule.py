"""Pass 2 over several connections: the folders shared out as connections free up.

Waiting for the server is most of a full sync's time (a FETCH's round trip and the
server's work, then ``sync()`` for each batch), so ``connections`` connections, each on
its own thread, take the next part of the queue (consecutive messages of one folder;
``SyncRun._receive`` makes a whole folder one part) until it is empty. The first
connection is the run's own, already logged in; the others log in as they start, and
one that cannot (a server limiting connections per user, say) only leaves the work to
the rest.

A failure that ends the run (Cancel, a timeout, too many failed messages) sets ``stop``:
every connection's waits check it, so each one stops within its wire's wait slice, its
batch committed, and is closed; the failure is raised again here, in the run's thread.
A folder's own failure skips that part only (``Receiver.receive``).
"""

from __future__ import annotations

import logging
import queue
import threading

from .batching import Part
from .bounded_client import BoundedClient
from .progress import UserCancelledError
from .receive import FolderJob, ReceiveContext, Receiver

Work = queue.SimpleQueue[tuple[FolderJob, Part]]


def receive_all(
    context: ReceiveContext,
    work: list[tuple[FolderJob, Part]],
    client: BoundedClient,
    connections: int,
    stop: threading.Event,
) -> None:
    """Receive every part of ``work`` over at most ``connections`` connections, the first
    ``client``; every connection is closed on return."""
    queued: Work = queue.SimpleQueue()
    for item in work:
        queued.put(item)
    count = max(1, min(connections, len(work)))
    if count == 1:  # as it always was: this thread, this connection
        receiver = Receiver(context, client)
        try:
            _drain(receiver, queued, stop)
        finally:
            receiver.close()
        return
    failures: list[BaseException] = []
    threads = [
        threading.Thread(
            target=_work,
            args=(Receiver(context, client if number == 0 else None), queued, stop, failures),
            kwargs={"log": context.log if number else None},
            name=f"imap-receive-{number}",
            daemon=True,
        )
        for number in range(count)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if failures:  # the failure that stopped the others, not the stops it caused
        raise next((f for f in failures if not isinstance(f, UserCancelledError)), failures[0])


def _drain(receiver: Receiver, work: Work, stop: threading.Event) -> None:
    while not stop.is_set():
        try:
            job, part = work.get_nowait()
        except queue.Empty:
            return
        receiver.receive(job, part)


def _work(
    receiver: Receiver,
    work: Work,
    stop: threading.Event,
    failures: list[BaseException],
    *,
    log: logging.Logger | None,
) -> None:
    """One connection's thread; ``log`` is given to a connection it has to open first."""
    try:
        if log is not None and not _opened(receiver, log):
            return
        _drain(receiver, work, stop)
    except BaseException as exc:  # handed to the run's thread, which raises it
        failures.append(exc)
        stop.set()
    finally:
        receiver.close()


def _opened(receiver: Receiver, log: logging.Logger) -> bool:
    """Open an extra connection; one the server refuses leaves its share to the others."""
    try:
        receiver.connect()
    except UserCancelledError:
        raise
    except Exception as exc:
        log.warning("An extra connection could not be opened (%s); the others go on", exc)
        return False
    return True
