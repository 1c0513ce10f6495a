"""The README's minimal provider, kept here so a test proves the README's example runs."""

import threading

from sendreceive.contract import MAPI_E_USER_CANCEL, S_OK, IID_IMAPISyncProgressCallback


class Hello:
    def __init__(self, count: int = 5) -> None:  # the account's settings arrive here
        self.count = count

    def SynchronizeInBackground(self, psibpb):
        cb = psibpb.punkCallBack.QueryInterface(IID_IMAPISyncProgressCallback)
        pause = threading.Event()
        for i in range(1, self.count + 1):
            pause.wait(0.01)  # real work goes here
            if cb.Progress(f"Hello step {i} of {self.count}", i, self.count) == MAPI_E_USER_CANCEL:
                cb.Done(None, MAPI_E_USER_CANCEL)
                return S_OK
        cb.Done(None, S_OK)
        return S_OK
