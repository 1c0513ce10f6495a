"""What a run leaves for later: recordings (versioned JSON Lines) that the replay
provider re-issues, ``sendreceive diff`` between two of them, and JUnit XML for CI.

May import: run and everything below it. Never a front-end.
"""
