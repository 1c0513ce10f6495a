"""Send/Receive Workbench: a host for MAPI-style store providers written in Python."""
