"""The Vietnamese interface is complete and the compiled .qm matches the .ts."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from briefing_studio.paths import resources_dir

TRANSLATIONS = resources_dir() / "translations"
TS = TRANSLATIONS / "briefing_vi.ts"
CATALOGUES = ("briefing_vi", "qtbase_vi")  # ours, and our Vietnamese for Qt's own strings
UI_DIR = Path(__file__).resolve().parents[2] / "desktop" / "briefing_studio" / "ui"


def _tool(name: str) -> str:
    found = Path(sys.executable).with_name(name)
    if found.exists():
        return str(found)
    which = shutil.which(name)
    if which is None:
        pytest.skip(f"{name} is not installed")
    return which


def _unfinished(ts: Path) -> list[str]:
    missing = []
    for message in ET.parse(ts).getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        kind = translation.get("type") if translation is not None else "missing"
        forms = [f.text for f in translation.iter("numerusform")] if translation is not None else []
        text = translation.text if translation is not None else None
        if kind in ("unfinished", "missing") or not (text or any(forms)):
            missing.append(source)
    return missing


@pytest.mark.parametrize("name", CATALOGUES)
def test_every_interface_string_has_a_vietnamese_translation(name: str) -> None:
    assert _unfinished(TRANSLATIONS / f"{name}.ts") == []


def test_the_ts_file_holds_every_string_in_the_code(tmp_path: Path) -> None:
    copy = tmp_path / "briefing_vi.ts"
    shutil.copy(TS, copy)
    sources = sorted(str(p) for p in UI_DIR.glob("*.py"))
    subprocess.run(
        [_tool("pyside6-lupdate"), *sources, "-ts", str(copy), "-no-obsolete"],
        check=True,
        capture_output=True,
    )
    assert _unfinished(copy) == [], "run resources/translations/update.sh and translate"


@pytest.mark.parametrize("name", CATALOGUES)
def test_the_compiled_qm_matches_the_ts(tmp_path: Path, name: str) -> None:
    compiled = tmp_path / f"{name}.qm"
    ts = TRANSLATIONS / f"{name}.ts"
    subprocess.run(
        [_tool("pyside6-lrelease"), str(ts), "-qm", str(compiled)], check=True, capture_output=True
    )
    shipped = TRANSLATIONS / f"{name}.qm"
    assert compiled.read_bytes() == shipped.read_bytes(), "run resources/translations/update.sh"
