"""Counts past a C int reach the dialog as numbers, never as an OverflowError on the GUI
thread: a provider's process claims a trillion errors (well-formed messages, each within
its range) and a huge position, and every place that words a count shows it."""

from __future__ import annotations

import pytest

from sendreceive.ui.task_model import TaskColumn
from sendreceive.ui.wording import number, words

CLAIMS = 256  # times ULONG_MAX errors: about 2**40
ULONG_MAX = 2**32 - 1

CLAIMING_PROVIDER = f"""
import gc, json, socket
from sendreceive.hosting.process import messages

STATE = {{"t": "state", "calls": 1, "step": "Claiming", "index": {ULONG_MAX},
          "max": {ULONG_MAX}, "done": None, "failed": None, "ended": [None, None],
          "entries": [{{"key": 1, "kind": "error", "hresult": 2147500037, "text": "flood",
                        "count": {ULONG_MAX}, "found": None}}]}}


class Claims:
    def SynchronizeInBackground(self, psibpb):
        (sock,) = [o for o in gc.get_objects() if isinstance(o, socket.socket)
                   and o.family == socket.AF_UNIX and o.fileno() >= 0]
        for calls in range({CLAIMS}):
            messages.send_frame(sock, json.dumps({{**STATE, "calls": calls}}).encode())
        cb = psibpb.punkCallBack.QueryInterface(
            __import__("sendreceive.contract").contract.IID_IMAPISyncProgressCallback)
        cb.Done(None, 0)
        return 0
"""


@pytest.fixture(autouse=True)
def english(install_language):
    install_language("en")


def test_a_trillion_errors_are_shown_as_a_number(sendreceive, tmp_path):
    provider = tmp_path / "claims.py"
    provider.write_text(CLAIMING_PROVIDER)
    dialog, result = sendreceive.show(f"{provider}:Claims", isolation="process")
    claimed = CLAIMS * ULONG_MAX
    assert result.state.errors == claimed
    shown = number(claimed)
    assert dialog.tabs.tabText(1) == f"Errors ({shown})"
    status = dialog.tasks_view.model().index(0, TaskColumn.STATUS).data()
    assert status == f"Completed with {shown} errors"
    assert words.errors(claimed) == f"{shown} errors"
