"""A provider that logs and raises what a hostile server would send: ESC and BEL."""

from sendreceive.contract import S_OK

SERVER_TEXT = "\x1b[31mred\x07"


class Noisy:
    def SynchronizeInBackground(self, psibpb):
        psibpb.psesSync.logger.warning("folder %s is gone", SERVER_TEXT)
        raise RuntimeError(f"server said {SERVER_TEXT}")
        return S_OK
