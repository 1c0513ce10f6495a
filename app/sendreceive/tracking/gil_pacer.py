"""Gives the GUI thread the GIL back when provider threads starve it.

CPython hands the GIL between threads only every switch interval, to any waiting thread.
Fifty provider threads calling ``Progress`` flat out are fifty CPU-bound threads; every
time Qt calls into Python (a timer, a model's ``data``, a delegate's ``paint``) the GUI
thread must win the GIL from all of them, and a 5 ms timer then fires once in seconds
(bench B2). No design of the callbacks avoids that: the threads must step aside.

The GUI thread calls ``beat`` from a short timer. Every ``CHECK_EVERY`` callbacks, a
provider thread calls ``checkpoint``: if the GUI has missed its beat, the provider thread
waits (GIL released) for the next beat, at most ``max_wait``. A healthy GUI costs a
provider a clock read per ``CHECK_EVERY`` calls; headless, there is no pacer at all.

A beat 1 ms overdue already means the GUI thread is waiting for the GIL: the switch
interval lets a provider thread keep it 5 ms, each of the GUI's calls into Python waits
that long again, and stepping aside only after 6 ms (as before) left the GUI late by
one or two switch intervals at every tick (bench B2 and B3 in thread isolation, paired
runs: p99 25-106 ms → 15-16 ms, and 13-122 ms → 9-45 ms for a million errors, with
the providers' throughput unchanged).
"""

from __future__ import annotations

import threading
import time

CHECK_EVERY = 64  # callbacks between checkpoints (a power of two: tested with a mask)
CHECK_MASK = CHECK_EVERY - 1


class GuiPacer:
    def __init__(
        self, beat_interval: float = 0.004, starved_after: float = 0.001, max_wait: float = 0.05
    ) -> None:
        self.beat_interval = beat_interval
        self._starved = beat_interval + starved_after
        self._max_wait = max_wait
        self._last_beat = time.monotonic()
        self._beat = threading.Event()
        self.waits = 0  # how often a provider thread stepped aside (for the log and benches)

    def __repr__(self) -> str:
        return f"<GuiPacer waits={self.waits}>"

    def beat(self) -> None:
        """The GUI thread is running: release the threads waiting for it."""
        self._last_beat = time.monotonic()
        self._beat.set()
        self._beat.clear()

    def checkpoint(self) -> None:
        """A provider thread's chance to step aside for a starved GUI thread."""
        if time.monotonic() - self._last_beat > self._starved:
            self.waits += 1
            self._beat.wait(self._max_wait)
