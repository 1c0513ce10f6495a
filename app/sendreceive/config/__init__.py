"""What the user configures: profiles (TOML, with file:line problems), the editor that
writes them back keeping comments, the range of every number (``limits``), and a task's
identity (``task_id``).

May import: contract and the utility modules.
"""
