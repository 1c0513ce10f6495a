"""Python's cycle collector, run on the GUI thread only.

Automatic collection runs on whichever thread happens to allocate past the threshold:
with providers allocating on their own threads, that is often a provider thread, and a
Qt object caught in a reference cycle would then be destroyed off the GUI thread, a
crash waiting for its moment. The app turns automatic collection off and collects from
a GUI timer instead, by the same per-generation thresholds.

What start-up made (modules, classes, functions: some 41,000 objects) lives as long as
the app, so it is frozen out of the collector's sight: a full collection on the GUI
thread then walks what runs made, not everything (15-35 ms → under 1 ms with the main
window open; a gen-2 collection was bench B2's worst stall).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

COLLECT_INTERVAL_MS = 100


class GuiThreadCollector(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setInterval(COLLECT_INTERVAL_MS)
        self._timer.timeout.connect(self.collect_due)

    def start(self) -> None:
        gc.disable()
        gc.collect()  # start-up's garbage is not kept for ever
        gc.freeze()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        gc.unfreeze()
        gc.enable()

    def collect_due(self) -> None:
        """Collect the oldest generation whose count passed its threshold."""
        counts, thresholds = gc.get_count(), gc.get_threshold()
        for generation in (2, 1, 0):
            if counts[generation] > thresholds[generation]:
                gc.collect(generation)
                return
