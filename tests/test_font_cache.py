"""reportlab's parse of the bundled faces kept between processes: same face, damage, stale."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest
from reportlab.pdfbase.ttfonts import TTFont, TTFontFace

from briefing_studio.render import font_cache, fonts
from briefing_studio.render.font_faces import face_path

FACE = "LiberationSerif-Bold"
# Vietnamese letters, in two subsets' worth of codes, as a document uses them.
TEXT = "Nghị quyết số 12/NQ-CP về phát triển kinh tế – xã hội, Ưu tiên đầu tư ĐỒNG BẰNG"


def _entries(folder: Path) -> list[Path]:
    return sorted(folder.glob(f"*{font_cache.SUFFIX}"))


def _same_face(kept: TTFontFace, parsed: TTFontFace) -> None:
    skip = {"_pdfScale", "_subsets"}
    assert {k: v for k, v in kept.__dict__.items() if k not in skip} == {
        k: v for k, v in parsed.__dict__.items() if k not in skip
    }
    for units in (0, 1, 1229, 2048, -431):
        assert kept._pdfScale(units) == parsed._pdfScale(units)
    subset = [0, *sorted({ord(c) for c in TEXT})]
    assert kept.makeSubset(subset) == parsed.makeSubset(subset)


def test_second_load_reads_the_kept_face_and_equals_a_parse(tmp_path: Path, monkeypatch) -> None:
    path = face_path(FACE)
    first = font_cache.load_face(TTFontFace, path, tmp_path)
    assert len(_entries(tmp_path)) == 1

    def no_parse(*args, **kwargs):
        raise AssertionError("parsed again")

    monkeypatch.setattr(TTFontFace, "__init__", no_parse)
    second = font_cache.load_face(TTFontFace, path, tmp_path)
    monkeypatch.undo()
    assert second is not first
    _same_face(second, TTFontFace(str(path)))


def test_a_damaged_entry_is_parsed_again_and_rewritten(tmp_path: Path) -> None:
    path = face_path(FACE)
    font_cache.load_face(TTFontFace, path, tmp_path)
    (entry,) = _entries(tmp_path)
    for damage in (b"", entry.read_bytes()[:100], pickle.dumps({"name": "x"}), b"\x80junk"):
        entry.write_bytes(damage)
        face = font_cache.load_face(TTFontFace, path, tmp_path)
        _same_face(face, TTFontFace(str(path)))
        assert pickle.loads(entry.read_bytes())["unitsPerEm"] == face.unitsPerEm


def test_other_reportlab_or_font_bytes_use_another_entry(tmp_path: Path, monkeypatch) -> None:
    path = face_path(FACE)
    font_cache.load_face(TTFontFace, path, tmp_path)
    (old,) = _entries(tmp_path)
    monkeypatch.setattr(font_cache.reportlab, "Version", "0.0-other")
    font_cache.load_face(TTFontFace, path, tmp_path)
    (new,) = _entries(tmp_path)  # the entry of the other reportlab is gone
    assert new != old
    copy = tmp_path / "fonts" / path.name
    copy.parent.mkdir()
    copy.write_bytes(path.read_bytes()[:-4] + b"\0\0\0\0")  # other bytes, same name
    font_cache.load_face(TTFontFace, copy, tmp_path)
    assert new not in _entries(tmp_path) and len(_entries(tmp_path)) == 1


def test_an_unwritable_folder_only_costs_a_parse(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_bytes(b"")
    face = font_cache.load_face(TTFontFace, face_path(FACE), blocker / "fonts")
    _same_face(face, TTFontFace(str(face_path(FACE))))


def test_the_registered_font_matches_reportlabs_own(tmp_path: Path, monkeypatch) -> None:
    """``fonts._TTFont`` sets what ``TTFont.__init__`` sets, with the kept face."""
    monkeypatch.setenv("BRIEFING_STUDIO_HOME", str(tmp_path / "home"))
    path = face_path(FACE)
    for _ in range(2):  # parsed, then kept
        ours = fonts._TTFont(FACE, path)
        theirs = TTFont(FACE, str(path))
        assert ours.__dict__.keys() == theirs.__dict__.keys()
        for key in ours.__dict__.keys() - {"face", "state", "encoding"}:
            assert getattr(ours, key) == getattr(theirs, key), key
        assert vars(ours.encoding) == vars(theirs.encoding)
        _same_face(ours.face, theirs.face)
        assert isinstance(ours.face, fonts._TTFontFace)
    assert len(_entries(tmp_path / "home" / "cache" / font_cache.FOLDER)) == 1


def test_a_missing_font_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(OSError):
        font_cache.load_face(TTFontFace, tmp_path / "missing.ttf", tmp_path)
