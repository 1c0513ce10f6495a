"""A provider that needs its password (``psesSync.password()``) before anything else, as
the IMAP provider does: with ``report = true`` it reports a failure through Error, the
log and Done; otherwise the exception escapes to the host (its traceback is logged)."""

from sendreceive.contract import MAPI_E_LOGON_FAILED, S_OK, IID_IMAPISyncProgressCallback


class NeedsPassword:
    def __init__(self, report: bool = True, **_password_settings: object) -> None:
        self.report = report

    def SynchronizeInBackground(self, psibpb):
        cb = psibpb.punkCallBack.QueryInterface(IID_IMAPISyncProgressCallback)
        session = psibpb.psesSync
        try:
            session.password()
        except Exception as exc:
            if not self.report:
                raise
            session.logger.error("cannot log in to %s: %s", session.account_name, exc)
            cb.Error(MAPI_E_LOGON_FAILED, f"The password could not be obtained: {exc}")
            cb.Done(None, MAPI_E_LOGON_FAILED)
            return S_OK
        cb.Done(None, S_OK)
        return S_OK
