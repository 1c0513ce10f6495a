"""The Qt front-end: the main window, the Send/Receive dialog, their models and
delegates, and every word the GUI shows (``wording``, through Qt Linguist).

The only package that imports PySide6 (import-linter enforces it for every other
module). It reads the core's data and words it; it never runs provider code.
"""
