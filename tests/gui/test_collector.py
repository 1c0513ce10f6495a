"""Cycles are collected by the GUI thread's timer, never by a provider thread."""

import gc
import threading
import weakref

from sendreceive.ui.cycle_collector import GuiThreadCollector


class Node:
    def __init__(self) -> None:
        self.me = self


def test_collection_happens_on_the_gui_thread_only(qtbot):
    collector = GuiThreadCollector()
    collector.start()
    try:
        assert not gc.isenabled()
        assert gc.get_freeze_count() > 1000  # start-up's objects: out of every collection
        probe = weakref.ref(Node())  # a cycle: only the collector frees it

        def allocate() -> None:  # a provider thread allocating far past the threshold
            for _ in range(gc.get_threshold()[0] * 3):
                Node()

        worker = threading.Thread(target=allocate)
        worker.start()
        worker.join()
        assert probe() is not None  # the worker thread did not collect
        qtbot.waitUntil(lambda: probe() is None)  # the GUI timer did
    finally:
        collector.stop()
    assert gc.isenabled() and gc.get_freeze_count() == 0
