"""Start Send/Receive Workbench from a source checkout: ``python main.py --help``.

The package lives in ``app/sendreceive``; this puts ``app/`` first on the path, so the
checkout's code runs whether or not it is installed.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "app"))

from sendreceive.cli import run

if __name__ == "__main__":
    run()
