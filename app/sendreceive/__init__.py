"""Send/Receive Workbench: a host for MAPI-style store providers.

Provider authors need one module, ``sendreceive.contract`` (the MAPI names, HRESULTs,
flags and the callback protocol), and, in tests, the ``sendreceive`` pytest fixture
(``sendreceive.pytest_plugin``). Everything else is the host's and may move.

The floor plan, top to bottom (each wing imports only those below it; import-linter
checks it, see ``pyproject.toml``): the front-ends (``cli``, ``pytest_plugin``, ``ui``,
``headless``) and the bundled ``providers``; ``options``; ``records``; ``run``;
``hosting``; ``tracking``; ``mail``; ``config``; ``contract``; small utilities
(``logs``, ``languages``, ``process_guard``, ``printable``, ``durable``, ``paths``,
``bundled``). Only ``ui`` imports Qt.
"""

__version__ = "0.1.0"
