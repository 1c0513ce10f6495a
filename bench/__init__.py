"""Benchmarks of the Send/Receive Workbench host: ``python -m bench`` runs them all.

Importing the package first makes every benchmark render offscreen: Qt reads
``QT_QPA_PLATFORM`` when the first ``QGuiApplication`` is made, so it is set here, before
any benchmark module can import PySide6.
"""

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"
