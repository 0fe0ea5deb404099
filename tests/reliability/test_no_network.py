"""Briefing Studio works on a machine without network and never tries to reach one.

Sources are often confidential, so no step may phone home: not the NER model, not rendering,
not the app starting. The sockets are blocked and every attempt is recorded; a second variant
installs the guard before anything is imported, so import-time network use is caught too.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from studio_processes import run_python

from briefing_studio.analysis import analyze
from briefing_studio.analysis.entities import extract_entities
from briefing_studio.paths import seed_files
from briefing_studio.render import docx_bytes, pdf_bytes
from briefing_studio.selection import new_briefing
from briefing_studio.sources import load_source, source_from_text
from briefing_studio.templating import TemplateLibrary, make_document
from briefing_studio.workspace import Workspace

SHORT_TEXT = (
    "Chiều 20/12, Đại sứ Hàn Quốc Choi Young Sam đã làm việc với Chủ tịch UBND tỉnh Bắc Giang "
    "Nguyễn Văn Gầu tại thành phố Bắc Giang. Tập đoàn Samsung dự kiến đầu tư thêm 1 tỷ USD."
)
ATTEMPT_MARK = "NETWORK-ATTEMPT"

# Installed with ``python -c`` before briefing_studio is imported, as a sitecustomize would be.
GUARD = f"""
import socket, sys, traceback
def _refuse(name):
    def refuse(*args, **kwargs):
        sys.__stderr__.write("{ATTEMPT_MARK} " + name + " " + repr(args[:3]) + "\\n")
        traceback.print_stack(file=sys.__stderr__)
        raise OSError("network blocked by the test")
    return refuse
for _name in ("connect", "connect_ex", "sendto"):
    setattr(socket.socket, _name, _refuse("socket." + _name))
for _name in ("create_connection", "getaddrinfo", "gethostbyname", "gethostbyname_ex"):
    setattr(socket, _name, _refuse(_name))
import runpy
sys.argv = ["briefing", *sys.argv[1:]]
runpy.run_module("briefing_studio", run_name="__main__", alter_sys=True)
"""


@pytest.fixture
def attempts(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Block every way Python code reaches the network; the list collects who tried."""
    tried: list[str] = []

    def refuse(name: str):
        def blocked(*args: object, **kwargs: object) -> None:
            tried.append(f"{name}{args[:3]!r}")
            raise OSError("network blocked by the test")

        return blocked

    for name in ("connect", "connect_ex", "sendto"):
        monkeypatch.setattr(socket.socket, name, refuse(f"socket.{name}"))
    for name in ("create_connection", "getaddrinfo", "gethostbyname", "gethostbyname_ex"):
        monkeypatch.setattr(socket, name, refuse(name))
    yield tried


def test_the_guard_notices_a_connection_attempt(attempts: list[str]) -> None:
    with pytest.raises(OSError):
        socket.create_connection(("example.org", 80), timeout=1)
    with pytest.raises(OSError), socket.socket() as raw:
        raw.connect(("127.0.0.1", 9))
    assert len(attempts) == 2


def test_finding_names_with_ner_stays_offline(attempts: list[str]) -> None:
    entities = extract_entities(analyze(source_from_text(SHORT_TEXT)))
    assert any(e.source in ("ner", "both") for e in entities), "NER really ran"
    assert attempts == []


def test_rendering_both_formats_stays_offline(attempts: list[str]) -> None:
    analyses = Workspace.analyze([load_source(p) for p in seed_files()])
    template = TemplateLibrary(None).get("embassy-meeting")
    document = make_document(analyses, new_briefing(analyses, "all"), template)
    assert docx_bytes(document).startswith(b"PK")
    assert pdf_bytes(document).startswith(b"%PDF")
    assert attempts == []


def test_starting_the_app_stays_offline(
    attempts: list[str], qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("briefing_studio.ui.main_window", reason="the desktop UI is not built")
    from PySide6.QtWidgets import QMessageBox

    from briefing_studio.ui.app import application
    from briefing_studio.ui.main_window import MainWindow

    application()
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    window.start([])  # the seeds, NER in the background, the live preview
    qtbot.waitUntil(lambda: len(window.state.analyses) == 2 and not window.busy(), timeout=120000)
    assert window.state.analyses[0].entities is not None, "NER ran in the app"
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    window.close()
    assert attempts == []


@pytest.mark.parametrize(
    "args",
    [
        ["render", "--select", "all", "--counterpart", "Hàn Quốc", "--format", "docx,pdf"],
        ["analyze", "--json", "SOURCE"],
    ],
    ids=["render", "analyze-with-ner"],
)
def test_briefing_cli_stays_offline_from_the_first_import(
    tmp_path: Path, studio_home: Path, args: list[str]
) -> None:
    source = tmp_path / "tin-ngan.txt"
    source.write_text(SHORT_TEXT, encoding="utf-8")
    args = [str(source) if a == "SOURCE" else a for a in args]
    if args[0] == "render":
        args += ["--out", str(tmp_path / "out")]
    result = run_python(GUARD, args, studio_home, tmp_path, timeout=300)
    assert ATTEMPT_MARK not in result.stderr, result.stderr
    assert result.returncode == 0, result.stderr
    if args[0] == "render":
        assert {p.suffix for p in (tmp_path / "out").iterdir()} == {".docx", ".pdf"}
    else:
        assert '"entities": [' in result.stdout


def test_the_import_time_guard_notices_a_lookup(tmp_path: Path, studio_home: Path) -> None:
    leaky = GUARD.replace("import runpy", "socket.getaddrinfo('example.org', 443)\nimport runpy")
    result = run_python(leaky, ["templates"], studio_home, tmp_path)
    assert ATTEMPT_MARK in result.stderr and result.returncode != 0
