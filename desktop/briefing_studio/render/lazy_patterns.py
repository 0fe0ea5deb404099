"""reportlab's paragraph module imported with its regular expressions compiled on first use.

``reportlab.platypus.paragraph`` compiles at import a pattern for web addresses whose letter
ranges up to U+FFFF, case-insensitive, make Python's ``re`` expand every character's case: 0.12 s,
a fifth of a command-line render, for a pattern used only when a paragraph breaks a long address
across lines. While such a module (listed in ``MODULES``) runs its import, each ``re.compile``
*it* calls returns a ``LazyPattern``, which compiles on its first use; the patterns it uses at
import (``re.compile(...).split``) are compiled then, as before, the others when needed.

``install`` puts the import hook first on ``sys.meta_path`` (once per process; the render
package does it, so every PDF module finds it in place). A module that no other finder on the
path can locate, or whose loader cannot run a module (a frozen bundle's may differ), is imported
as usual.
"""

from __future__ import annotations

import importlib.abc
import re
import sys
import threading
from typing import Any

# reportlab's modules whose import-time patterns are used only later (and often never): the
# paragraph's web-address pattern (0.12 s), the CJK splitter's (15 ms), the Python colouriser's
# for preformatted code (9 ms).
MODULES = frozenset(
    {"reportlab.platypus.paragraph", "reportlab.lib.textsplit", "reportlab.lib.PyFontify"}
)


class LazyPattern:
    """A compiled pattern, compiled when one of its attributes is first used."""

    __slots__ = ("_compiled", "_flags", "_pattern")

    def __init__(self, pattern: Any, flags: int) -> None:
        self._pattern = pattern
        self._flags = flags
        self._compiled: re.Pattern | None = None

    def compiled(self) -> re.Pattern:
        found = self._compiled
        if found is None:  # two threads may both compile: the same pattern either way
            found = self._compiled = _compile(self._pattern, self._flags)
        return found

    def __getattr__(self, name: str) -> Any:
        return getattr(self.compiled(), name)

    def __repr__(self) -> str:
        return f"LazyPattern({self._pattern!r}, {self._flags!r})"


_compile = re.compile
_installed = False
_install_lock = threading.Lock()


def install() -> None:
    """Put the import hook on ``sys.meta_path`` (once)."""
    global _installed
    with _install_lock:
        if _installed:
            return
        sys.meta_path.insert(0, _Finder())
        _installed = True


class _Finder(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name not in MODULES:
            return None
        for finder in sys.meta_path:
            if finder is self or not hasattr(finder, "find_spec"):
                continue
            spec = finder.find_spec(name, path, target)
            if spec is not None:
                break
        else:
            return None
        if spec.loader is None or not hasattr(spec.loader, "exec_module"):
            return spec
        spec.loader = _Loader(spec.loader)
        return spec


class _Loader(importlib.abc.Loader):
    def __init__(self, loader: importlib.abc.Loader) -> None:
        self.loader = loader

    def create_module(self, spec):
        return self.loader.create_module(spec)

    def exec_module(self, module) -> None:
        namespace = module.__dict__
        previous = re.compile  # another listed module's, when it imports this one

        def compile_later(pattern, flags=0):
            if sys._getframe(1).f_globals is namespace:
                return LazyPattern(pattern, flags)
            return previous(pattern, flags)  # other modules', this thread's or another's

        re.compile = compile_later
        try:
            self.loader.exec_module(module)
        finally:
            re.compile = previous

    def __getattr__(self, name: str) -> Any:  # get_code, get_source, … for tools
        return getattr(self.loader, name)
