"""Where a task's provider runs: choosing the host, loading and calling a provider,
and the session it is given.

``host.ProviderHost`` is the small interface a task drives (plain data across it);
``isolation`` chooses, once for every front-end, a ``thread.ThreadHost`` (a worker
thread, for a debugger) or a ``process.ProcessHost`` (a process of its own, the
default); ``loading`` finds a provider from its spec, ``calling`` calls
``SynchronizeInBackground`` and reads what it did, ``session`` is its ``psesSync``.

May import: tracking (the callback a provider is given), mail, config, contract and the
utility modules. Never run/, records/ or a front-end.
"""
