"""The hub thread's Python work comes in slices, with a rest between them that hands the
interpreter lock to the GUI thread (bench B3: a flood of errors from one provider)."""

from __future__ import annotations

import time

from sendreceive.hosting.process import hub


def test_the_hub_rests_once_its_slice_is_used_up(monkeypatch):
    rests: list[float] = []
    monkeypatch.setattr(hub.time, "sleep", rests.append)
    hub._Slices.began = time.perf_counter()
    hub.rest_if_due()
    assert rests == []  # the slice has just begun
    hub._Slices.began = time.perf_counter() - hub.SLICE
    hub.rest_if_due()
    assert rests == [hub.REST]
    hub.rest_if_due()
    assert rests == [hub.REST]  # a new slice began after the rest
