"""Package names imported on first use (PEP 562), for packages whose submodules are costly.

A package lists each public name with the submodule that defines it and sets
``__getattr__ = lazy_exports(__name__, homes, globals())``; the first ``package.name`` imports
that submodule and keeps the value in the package's namespace, so later lookups cost nothing.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any


def lazy_exports(
    package: str, homes: Mapping[str, str], namespace: dict[str, Any]
) -> Callable[[str], object]:
    """The module ``__getattr__`` of ``package``: each name in ``homes`` from its submodule."""

    def __getattr__(name: str) -> object:
        home = homes.get(name)
        if home is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f"{package}.{home}"), name)
        namespace[name] = value
        return value

    return __getattr__
