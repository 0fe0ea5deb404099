"""Reliability tests: bad files, atomic writes, no network, crash recovery, fuzzed loaders.

Every test gets its own ``BRIEFING_STUDIO_HOME`` so the NER cache, settings and autosaves of
the person running the tests are never read or touched, and Qt runs offscreen.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def studio_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh user folder for each test (cache, settings, autosave)."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("BRIEFING_STUDIO_HOME", str(home))
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    return home


@pytest.fixture(scope="session")
def qapp_args() -> list[str]:
    """The same QApplication arguments as tests/ui, whichever folder creates it first."""
    return ["briefing-studio"]
