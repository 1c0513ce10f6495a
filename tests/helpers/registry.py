"""Hand a provider object to the real plugin loader: ``spec = register(obj)`` gives a
``module:attr`` spec that ``sendreceive.hosting.loading`` resolves like any other."""

from __future__ import annotations

import itertools
import sys
from typing import Any

from sendreceive.config.profile import Account

_counter = itertools.count(1)


def register(provider: Any) -> str:
    name = f"provider_{next(_counter)}"
    setattr(sys.modules[__name__], name, provider)
    return f"{__name__}:{name}"


def account(provider: Any, name: str | None = None, **settings: Any) -> Account:
    spec = provider if isinstance(provider, str) else register(provider)
    return Account(name or f"Account {next(_counter)}", spec, settings=settings)
