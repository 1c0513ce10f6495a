"""A provider that leaks its own password: it reads it through ``psesSync.password()``
and puts it in a step text, an error text and a bytes argument."""

from sendreceive.contract import E_FAIL, S_OK, IID_IMAPISyncProgressCallback


class LeaksPassword:
    def __init__(self, **_password_settings: object) -> None:
        pass

    def SynchronizeInBackground(self, psibpb):
        cb = psibpb.punkCallBack.QueryInterface(IID_IMAPISyncProgressCallback)
        secret = psibpb.psesSync.password()
        cb.Progress(f"Logging in with {secret}", 1, 2)
        cb.Progress(secret.encode(), 2, 2)
        cb.Error(E_FAIL, f"The server refused password {secret!r}")
        cb.Done(None, S_OK)
        return S_OK
