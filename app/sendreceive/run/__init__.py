"""A Send/Receive run: its tasks and what comes of them.

``send_receive.Run`` builds an account's send task, then its receive task, bounds how
many run at once and ticks their watchdog; ``task.Task`` owns one task's life from start
to verdict (time limit, cancel grace, done event); ``summary`` counts what every
front-end shows; ``scheduler`` fires the groups' schedules; ``english`` words all of it
in the stable English of headless output, ``--json``, JUnit and the pytest plugin.

May import: hosting, tracking, mail, config, contract and the utility modules. Never a
front-end, never Qt.
"""
