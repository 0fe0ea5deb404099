"""What every test shares: the process's garbage collector as each test expects to find it."""

from __future__ import annotations

import sys
from collections.abc import Iterator

import pytest


@pytest.fixture(autouse=True)
def collector_unpinned() -> Iterator[None]:
    """A test that started the GUI (``app.application``) pinned garbage collection to the UI
    thread (``ui/collector.py``); the next test, GUI or not, starts with automatic collection."""
    yield
    collector = sys.modules.get("briefing_studio.ui.collector")
    if collector is not None:
        collector.unpin()
