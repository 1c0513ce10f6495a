"""What a run leaves for later: recordings (versioned JSON Lines) that the replay
provider re-issues, ``sendreceive diff`` between two of them, JUnit XML for CI, and the
conformance kit's verdict on a provider (``sendreceive conformance``).

May import: run and everything below it. Never a front-end.
"""
