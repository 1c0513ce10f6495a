"""Send/Receive Workbench: a host for MAPI-style store providers written in Python."""

__version__ = "0.1.0"
