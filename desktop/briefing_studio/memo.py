"""Bounded memo tables: a plain dict read inline on the hot path, and ``keep`` on a miss.

Writers and the template context remember small results (a word's width, a number's PDF text,
a section's marked text) in module- or object-level dicts. Each table has a limit and is emptied
when it reaches it: its entries are cheap to remake, and a memo must never grow with every
document a long-running app renders. The read stays an inline ``dict.get`` because these
lookups run hundreds of thousands of times a document.
"""

from __future__ import annotations

from typing import TypeVar

K = TypeVar("K")
V = TypeVar("V")


def keep(table: dict[K, V], key: K, value: V, limit: int) -> V:
    """``value``, stored under ``key`` in ``table`` (emptied first when it holds ``limit``)."""
    if len(table) >= limit:
        table.clear()
    table[key] = value
    return value
