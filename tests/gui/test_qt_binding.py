"""Guards against a known PySide6 bug: 6.12.0 on CPython 3.11 drops a reference to
True on every Signal.emit() and to None on every Python override Qt calls, until the
process aborts (bool_dealloc / none_dealloc). pyproject.toml pins around it; this test
shows a regression long before the abort would."""

import sys

from PySide6.QtCore import QAbstractListModel, QObject, Qt, Signal

CALLS = 20_000
SLACK = 500  # unrelated code may hold or drop a few references meanwhile


class Emitter(QObject):
    flag = Signal(bool)


class Model(QAbstractListModel):
    def rowCount(self, parent=None):
        return 1

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        return None  # a Python override called by Qt, returning None


def test_signal_emit_keeps_refcounts(qtbot):
    emitter = Emitter()
    received = []
    emitter.flag.connect(received.append)
    before_true, before_none = sys.getrefcount(True), sys.getrefcount(None)
    for _ in range(CALLS):
        emitter.flag.emit(True)
    assert len(received) == CALLS
    received.clear()
    assert abs(sys.getrefcount(True) - before_true) < SLACK
    assert abs(sys.getrefcount(None) - before_none) < SLACK


def test_python_overrides_called_by_qt_keep_refcounts(qtbot):
    model = Model()
    index = model.index(0, 0)
    before_none = sys.getrefcount(None)
    for _ in range(CALLS):
        assert model.data(index) is None  # through Python
        assert index.data() is None  # through Qt calling the override
    assert abs(sys.getrefcount(None) - before_none) < SLACK
