"""A full disk or a read-only folder never costs the user their previous file.

Tests run as root in CI, where a read-only folder does not stop writes, so the failures are
simulated: the disk "fills up" half-way through writing the temporary file, or at the final
rename. A real read-only folder is tried too when the tests do not run as root.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, BinaryIO

import pytest

from briefing_studio import atomic
from briefing_studio.briefing import Briefing
from briefing_studio.document import Document
from briefing_studio.errors import BriefingError
from briefing_studio.export import export_briefing
from briefing_studio.paths import seed_files
from briefing_studio.project import load_briefing, save_briefing
from briefing_studio.render import write
from briefing_studio.selection import new_briefing
from briefing_studio.sources import load_source
from briefing_studio.templating import Template, TemplateLibrary, make_document
from briefing_studio.workspace import Workspace

OLD = b"the previous version, which must survive\n"


class _DiskFull(BinaryIO):
    """A file that accepts a few bytes and then fails as a full disk does."""

    def __init__(self, handle: BinaryIO) -> None:
        self._handle = handle

    def write(self, data: Any) -> int:
        half = bytes(data)[: max(len(data) // 2, 1)]
        self._handle.write(half)
        self._handle.flush()
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._handle, name)

    def __enter__(self) -> _DiskFull:
        return self

    def __exit__(self, *exc: object) -> None:
        self._handle.close()


def _full_disk_while_writing(monkeypatch: pytest.MonkeyPatch) -> None:
    real_fdopen = os.fdopen

    def fdopen(fd: int, *args: Any, **kwargs: Any) -> _DiskFull:
        return _DiskFull(real_fdopen(fd, *args, **kwargs))

    monkeypatch.setattr(atomic.os, "fdopen", fdopen)


def _full_disk_at_rename(monkeypatch: pytest.MonkeyPatch) -> None:
    def replace(src: object, dst: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(atomic.os, "replace", replace)


def _no_temp_file_allowed(monkeypatch: pytest.MonkeyPatch) -> None:
    def mkstemp(*args: object, **kwargs: object) -> tuple[int, str]:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))

    monkeypatch.setattr(atomic.tempfile, "mkstemp", mkstemp)


FAILURES: dict[str, Callable[[pytest.MonkeyPatch], None]] = {
    "disk-full-while-writing": _full_disk_while_writing,
    "disk-full-at-rename": _full_disk_at_rename,
    "read-only-folder": _no_temp_file_allowed,
}


@pytest.fixture(scope="module")
def seed_work() -> tuple[Briefing, Template, list, Document]:
    analyses = Workspace.analyze([load_source(p) for p in seed_files()])
    briefing = new_briefing(analyses, "suggested")
    template = TemplateLibrary(None).get("embassy-meeting")
    return briefing, template, analyses, make_document(analyses, briefing, template)


def _assert_old_file_kept(folder: Path, target: Path, error: BriefingError) -> None:
    assert target.read_bytes() == OLD
    leftovers = [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]
    assert not leftovers, f"temporary files left behind: {leftovers}"
    assert target.name in error.message("vi") and target.name in error.message("en")
    assert "Tệp cũ" in error.message("vi") and "unchanged" in error.message("en")


def _listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@pytest.mark.parametrize("failure", sorted(FAILURES))
def test_saving_a_briefing_on_a_failing_disk_keeps_the_old_project(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seed_work: tuple, failure: str
) -> None:
    briefing = seed_work[0]
    target = tmp_path / "han-quoc.briefing"
    target.write_bytes(OLD)
    FAILURES[failure](monkeypatch)
    with pytest.raises(BriefingError) as caught:
        save_briefing(briefing, target)
    _assert_old_file_kept(tmp_path, target, caught.value)
    assert _listing(tmp_path) == ["han-quoc.briefing"]


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
@pytest.mark.parametrize("failure", sorted(FAILURES))
def test_rendering_on_a_failing_disk_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seed_work: tuple, failure: str, fmt: str
) -> None:
    document = seed_work[3]
    target = tmp_path / f"briefing.{fmt}"
    target.write_bytes(OLD)
    FAILURES[failure](monkeypatch)
    with pytest.raises(BriefingError) as caught:
        write(document, fmt, target)
    _assert_old_file_kept(tmp_path, target, caught.value)
    assert _listing(tmp_path) == [target.name]


@pytest.mark.parametrize("failure", sorted(FAILURES))
def test_exporting_on_a_failing_disk_keeps_the_old_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seed_work: tuple, failure: str
) -> None:
    briefing, template, analyses, _ = seed_work
    old = {tmp_path / "tiep-dai-su.docx", tmp_path / "tiep-dai-su.pdf"}
    for path in old:
        path.write_bytes(OLD)
    FAILURES[failure](monkeypatch)
    with pytest.raises(BriefingError) as caught:
        export_briefing(analyses, briefing, template, ["docx", "pdf"], tmp_path, "tiep-dai-su")
    # The first format fails, so nothing was replaced.
    _assert_old_file_kept(tmp_path, tmp_path / "tiep-dai-su.docx", caught.value)
    assert all(path.read_bytes() == OLD for path in old)
    assert _listing(tmp_path) == ["tiep-dai-su.docx", "tiep-dai-su.pdf"]


@pytest.mark.parametrize("docx_before", [False, True])
def test_export_failing_on_the_second_format_takes_the_first_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seed_work: tuple, docx_before: bool
) -> None:
    briefing, template, analyses, _ = seed_work
    pdf, docx = tmp_path / "tiep-dai-su.pdf", tmp_path / "tiep-dai-su.docx"
    pdf.write_bytes(OLD)
    if docx_before:
        docx.write_bytes(OLD)
    real_replace = os.replace

    def replace(src: str, dst: str | Path) -> None:
        if str(dst).endswith(".pdf"):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_replace(src, dst)

    monkeypatch.setattr(atomic.os, "replace", replace)
    with pytest.raises(BriefingError) as caught:
        export_briefing(analyses, briefing, template, ["docx", "pdf"], tmp_path, "tiep-dai-su")
    _assert_old_file_kept(tmp_path, pdf, caught.value)
    message = caught.value.message("vi")
    assert "ổ đĩa đã đầy" in message and "Không tệp nào được ghi" in message
    if docx_before:
        assert docx.read_bytes() == OLD
        assert "Đã trả lại bản cũ của tiep-dai-su.docx" in message
        assert _listing(tmp_path) == ["tiep-dai-su.docx", "tiep-dai-su.pdf"]
    else:
        assert "Đã xóa lại tiep-dai-su.docx vừa ghi" in message
        assert _listing(tmp_path) == ["tiep-dai-su.pdf"]


def test_a_failed_save_can_be_retried_and_then_loads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seed_work: tuple
) -> None:
    briefing = seed_work[0]
    target = tmp_path / "han-quoc.briefing"
    with monkeypatch.context() as patched:
        _full_disk_at_rename(patched)
        with pytest.raises(BriefingError):
            save_briefing(briefing, target)
    assert _listing(tmp_path) == []
    save_briefing(briefing, target)
    assert load_briefing(target).section_ids() == briefing.section_ids()


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0,
    reason="as root a read-only folder does not stop writes (the simulated cases cover it)",
)
def test_saving_into_a_really_read_only_folder_keeps_the_old_project(
    tmp_path: Path, seed_work: tuple
) -> None:
    folder = tmp_path / "chi-doc"
    folder.mkdir()
    target = folder / "han-quoc.briefing"
    target.write_bytes(OLD)
    folder.chmod(0o555)
    try:
        with pytest.raises(BriefingError) as caught:
            save_briefing(seed_work[0], target)
        with pytest.raises(BriefingError):
            write(seed_work[3], "pdf", folder / "han-quoc.briefing")
    finally:
        folder.chmod(0o755)
    _assert_old_file_kept(folder, target, caught.value)
    assert _listing(folder) == ["han-quoc.briefing"]
