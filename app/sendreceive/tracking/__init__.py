"""What a task reports, as it reports it: the host's ``IMAPISyncProgressCallback``.

``tracker.TaskTracker`` is the callback a provider calls from any thread (the contract
checks, the task's state, snapshots for front-ends); ``error_log`` folds the run's
errors, warnings and contract violations; ``trace`` keeps every call; ``rules`` numbers
the contract's rules; ``findings`` is the catalogue of the host's own findings (message
ids and their English, which the GUI translates); ``gil_pacer`` lets a GUI thread have
the GIL back from flooding provider threads; ``reentry`` keeps a provider's finalizer
that calls back under a host lock from deadlocking. A provider's process runs its own tracker,
so this wing sits below hosting.

May import: config, contract and the utility modules.
"""
