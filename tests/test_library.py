"""The source library on both backends: the same tests on SQLite and on a real PostgreSQL.

Search as a Vietnamese user expects it (with or without diacritics, đ = d, phrases, filters by
counterpart across the 2025 province mergers, dates, figures and source), deduplication and
versions, a source rebuilt from the library after its file moved, migrations and a schema from a
newer version, two processes adding at once, and each way the database can fail.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from briefing_studio.analysis import analyze
from briefing_studio.errors import BriefingError, Cancelled
from briefing_studio.library import build_query, open_library, schema, store
from briefing_studio.library.scan import add_awaiting, add_paths, add_paths_apart, remember
from briefing_studio.library.schema import SCHEMA_VERSION
from briefing_studio.project import load_briefing, save_briefing
from briefing_studio.selection import new_briefing
from briefing_studio.sources import load_source
from briefing_studio.textutil import fold
from briefing_studio.workspace import Workspace
from library_fixtures import (
    BACKENDS,
    PG_URL,
    REPORT_JP,
    REPORT_KR,
    library_location,
    make_schema_1_library,
    numbered_report,
    write,
)


@pytest.fixture(params=BACKENDS)
def location(request, tmp_path: Path):
    with library_location(request.param, tmp_path) as where:
        yield where


@pytest.fixture
def library(location: str):
    with open_library(location) as opened:
        yield opened


def add_file(library, path: Path):
    return library.add(analyze(load_source(path)))


@pytest.fixture
def filled(library, tmp_path: Path):
    """The library with the Korean and the Japanese report added from files."""
    add_file(library, write(tmp_path / "src", "kr.txt", REPORT_KR))
    add_file(library, write(tmp_path / "src", "jp.txt", REPORT_JP))
    return library


def texts(hits) -> list[str]:
    return [hit.text for hit in hits]


def test_search_ignores_diacritics_and_case_and_d_matches_dj(filled):
    for typed in ("han quoc", "Hàn Quốc", "HAN QUỐC", "hàn quoc"):
        found = texts(filled.search(build_query(typed)))
        assert any("81,5 tỷ USD" in text for text in found), typed
    # "đ" typed as "d", and "d" in the text found by "đ".
    assert any("Đà Nẵng" in t for t in texts(filled.search(build_query("da nang"))))
    assert any("đầu tư" in t for t in texts(filled.search(build_query("dau tu"))))
    assert any("đăng ký" in t for t in texts(filled.search(build_query("dang ky"))))
    assert filled.search(build_query("không có từ này xyzzy")) == []


def test_highlights_are_the_matched_words_in_the_original_text(filled):
    hits = filled.search(build_query("han quoc"))
    assert hits
    for hit in hits:
        marked = [fold(hit.text[start:end]) for start, end in hit.spans]
        # Together where they stand together, else each word.
        assert (
            marked == ["han", "quoc"] if "Hàn và Quốc" in hit.text else set(marked) == {"han quoc"}
        )


def test_phrase_needs_the_words_together(filled):
    loose = texts(filled.search(build_query("han quoc")))
    phrase = texts(filled.search(build_query('"han quoc"')))
    assert any("Hàn và Quốc" in t for t in loose)
    assert phrase and not any("Hàn và Quốc" in t for t in phrase)
    assert all("Hàn Quốc" in t for t in phrase)


def test_prefix_search_as_you_type(filled):
    assert any("Hàn Quốc" in t for t in texts(filled.search(build_query("han quo", prefix=True))))
    assert not filled.search(build_query("han quo"))


def test_counterpart_filter_relates_former_and_current_provinces(filled):
    # Bắc Giang merged into Bắc Ninh on 1 July 2025: each finds the other.
    for name in ("Bắc Ninh", "Bac Giang"):
        found = texts(filled.search(build_query(counterpart=name)))
        assert any("Bắc Giang tiếp tục" in t for t in found), name
        assert any("Tỉnh Bắc Ninh đã đón" in t for t in found), name
    korea = texts(filled.search(build_query(counterpart="Hàn Quốc")))
    assert korea and all("Hàn Quốc" in t for t in korea)
    assert not any("Nhật Bản" in t for t in korea)
    with pytest.raises(BriefingError, match="Xứ Sở"):
        build_query(counterpart="Xứ Sở Thần Tiên")


def test_figure_filters_by_unit_value_and_kind(filled):
    big = filled.search(build_query(figure="tỷ USD > 1"))
    assert texts(big) and all("81,5 tỷ USD" in t for t in texts(big))
    million = texts(filled.search(build_query(figure="> 100 triệu USD")))
    assert any("81,5 tỷ" in t for t in million) and any("500 triệu" in t for t in million)
    percent = filled.search(build_query(figure_kind="percent"))
    assert [f.surface for h in percent for f in h.figures if f.kind == "percent"] == ["6,5%"]
    assert filled.search(build_query(figure="tỷ USD > 100")) == []


def test_date_and_source_filters(filled):
    # The Korean report is of 2024 and the Japanese one of 2023 (years named in their text).
    y2024 = texts(filled.search(build_query(year_from=2024, year_to=2024)))
    assert y2024 and not any("Nhật Bản" in t for t in y2024)
    y2023 = texts(filled.search(build_query(date_to="2023-12")))
    assert y2023 and all("Hàn Quốc" not in t or "Hàn và Quốc" in t for t in y2023)
    only_jp = texts(filled.search(build_query("han", source="jp.txt")))
    assert only_jp == [t for t in only_jp if "Hàn và Quốc" in t] and only_jp
    with pytest.raises(BriefingError, match="year-month-day"):
        build_query(date_from="15/3/2024")


def test_hits_carry_their_figures_and_source(filled):
    hit = next(h for h in filled.search(build_query("kim ngach")))
    assert [f.surface for f in hit.figures if f.kind == "money"] == ["81,5 tỷ USD"]
    money = next(f for f in hit.figures if f.kind == "money")
    assert money.value == 81.5e9 and money.unit == "USD" and money.year == 2024
    assert hit.source.name == "kr.txt" and hit.source.year == 2024


def test_same_content_is_stored_once_and_a_changed_file_is_a_new_version(library, tmp_path):
    path = write(tmp_path / "src", "report.txt", REPORT_KR)
    assert add_file(library, path).status == "added"
    assert add_file(library, path).status == "duplicate"
    copy = write(tmp_path / "elsewhere", "copy.txt", REPORT_KR)
    assert add_file(library, copy).status == "duplicate"
    assert library.stats()["sources"] == 1

    write(tmp_path / "src", "report.txt", REPORT_KR.replace("81,5 tỷ USD", "90 tỷ USD"))
    second = add_file(library, path)
    assert second.status == "new_version" and second.source.version == 2
    stats = library.stats()
    assert (stats["sources"], stats["versions"]) == (1, 2)
    found = texts(library.search(build_query("kim ngach")))
    assert len(found) == 1 and "90 tỷ USD" in found[0]
    both = texts(library.search(build_query("kim ngach", all_versions=True)))
    assert len(both) == 2

    # Removing the newest version brings the previous one back.
    library.remove(str(second.source.id))
    assert "81,5 tỷ USD" in texts(library.search(build_query("kim ngach")))[0]
    library.remove(str(path))
    assert library.stats()["versions"] == 0 and library.stats()["sections"] == 0
    assert library.search(build_query("kim ngach")) == []
    with pytest.raises(BriefingError, match="holds no source"):
        library.remove("12345")


def test_stats_count_what_was_added(filled):
    stats = filled.stats()
    kr, jp = analyze(load_source_text(REPORT_KR)), analyze(load_source_text(REPORT_JP))
    assert stats["sources"] == 2
    assert stats["sections"] == len(kr.sections) + len(jp.sections)
    assert stats["figures"] == len(kr.figures) + len(jp.figures)
    assert stats["bytes"] > 0


def load_source_text(text: str):
    from briefing_studio.sources import source_from_text

    return source_from_text(text)


def test_a_briefing_keeps_working_after_the_original_file_moved(library, tmp_path):
    path = write(tmp_path / "src", "kr.txt", REPORT_KR)
    original = load_source(path)
    add_file(library, path)
    path.unlink()  # the original is gone

    hit = library.search(build_query('"bac ninh"'))[0]
    document = library.document(hit.source.id)
    assert document.sha256 == original.sha256 and document.path == str(path)
    analysis = analyze(document)
    assert hit.section_key in [s.id for s in analysis.sections]
    briefing = new_briefing(Workspace([analysis]))
    project = save_briefing(briefing, tmp_path / "b.briefing")
    reopened = load_briefing(project)
    assert reopened.sources[0].text == original.text


def test_folder_scan_adds_each_file_once_and_skips_unchanged(library, tmp_path):
    folder = tmp_path / "reports"
    for n in range(4):
        write(folder / ("sub" if n % 2 else ""), f"r{n}.txt", numbered_report(n))
    write(folder, "~$lock.docx", "x")
    write(folder, "notes.xyz", "x")
    seen = []
    first = add_paths(library, [folder], progress=lambda d, t: seen.append((d, t)))
    assert len(first.added) == 4 and not first.errors
    assert seen[-1] == (4, 4)
    again = add_paths(library, [folder])
    assert len(again.unchanged) == 4 and not again.added
    assert any("maso3" in t for t in texts(library.search(build_query("maso3"))))


def test_folder_scan_can_be_cancelled_keeping_what_was_added(library, tmp_path):
    from briefing_studio.errors import Cancelled

    folder = tmp_path / "reports"
    for n in range(5):
        write(folder, f"r{n}.txt", numbered_report(n))
    calls = []

    def cancelled() -> bool:
        calls.append(1)
        return len(library.sources()) >= 2

    with pytest.raises(Cancelled):
        add_paths(library, [folder], cancelled=cancelled)
    assert len(library.sources()) == 2


def test_bad_files_in_a_folder_are_reported_and_the_rest_added(library, tmp_path):
    folder = tmp_path / "reports"
    write(folder, "good.txt", numbered_report(1))
    (folder / "broken.docx").write_bytes(b"not a zip")
    report = add_paths(library, [folder])
    assert len(report.added) == 1
    assert [Path(e.path).name for e in report.errors] == ["broken.docx"]


def test_reopening_migrates_once_and_a_newer_schema_is_refused(location):
    with open_library(location) as library:
        assert library.schema_version() == SCHEMA_VERSION == 2
    with open_library(location) as library:  # already current: nothing to do
        assert library.schema_version() == SCHEMA_VERSION
        library._execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    with pytest.raises(BriefingError) as caught:
        open_library(location)
    assert "phiên bản Briefing Studio mới hơn (lược đồ 99)" in caught.value.message("vi")
    assert caught.value.path


def test_a_library_of_schema_1_is_migrated_and_its_sections_found(location, monkeypatch):
    """Version 2 re-indexes the words of every section on PostgreSQL (pairs of neighbouring
    words, split like the query); a library of version 1 with content keeps all of it."""
    make_schema_1_library(location, monkeypatch, ["Đoàn Ca-dắc-xtan thăm Đà Nẵng năm 2024."])
    with open_library(location) as library:
        assert library.schema_version() == SCHEMA_VERSION
        for typed in ("ca dac xtan", '"doan ca dac"', '"tham da nang"', "nang nam", "da nan"):
            hits = library.search(build_query(typed, prefix=True))
            assert [hit.section_id for hit in hits] == [7], typed
        assert library.search(build_query('"xtan da"')) == []


def test_an_upgrade_reports_progress_and_a_cancelled_one_leaves_version_1(location, monkeypatch):
    """Upgrading schema 1 reports its progress up to the end; cancelled at any point (here:
    before it starts, then once it has reported some progress) it is rolled back, the library
    stays at version 1 with its content and is upgraded whole the next time."""
    texts = [f"Đoạn maso{n} về hợp tác với Hàn Quốc năm {2015 + n}." for n in range(7)]
    ids = make_schema_1_library(location, monkeypatch, texts)
    monkeypatch.setattr(schema, "FILL_BATCH", 2)  # PostgreSQL re-indexes 2 sections a batch

    def at_version_1() -> None:
        with pytest.raises(store.UpgradeNeeded) as waiting:
            open_library(location, upgrade=False)
        assert waiting.value.version == 1
        assert "lược đồ 1" in waiting.value.message("vi")

    with pytest.raises(Cancelled):
        open_library(location, cancelled=lambda: True)
    at_version_1()
    seen: list[tuple[int, int]] = []
    postgres = location.startswith("postgres")

    def midway() -> bool:  # PostgreSQL: once a batch of sections was re-indexed
        return any(done % 1000 for done, _ in seen) if postgres else bool(seen)

    with pytest.raises(Cancelled):
        open_library(
            location, progress=lambda done, total: seen.append((done, total)), cancelled=midway
        )
    assert seen[0][0] == 0 and seen[-1][0] < seen[-1][1]
    at_version_1()
    if postgres:  # the re-indexing had begun: rolled back as well
        import psycopg

        with psycopg.connect(location) as db:
            columns = db.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = "
                "'sections' AND table_schema = current_schema()"
            ).fetchall()
        assert ("folded",) in columns

    seen.clear()
    with open_library(location, progress=lambda done, total: seen.append((done, total))) as lib:
        assert lib.schema_version() == SCHEMA_VERSION
        assert [done for done, _ in seen] == sorted(done for done, _ in seen)
        assert seen[-1][0] == seen[-1][1]
        if lib.dialect == "postgresql":  # a report after each batch of sections
            assert len({done for done, _ in seen}) >= 2 + len(texts) // 2
        hits = lib.search(build_query("han quoc"))
        assert sorted(hit.section_id for hit in hits) == ids
    seen.clear()
    with open_library(location, progress=lambda done, total: seen.append((done, total))):
        assert seen == []  # nothing left to upgrade: no progress


def test_two_processes_adding_at_once_lose_and_duplicate_nothing(location, tmp_path):
    folder = tmp_path / "reports"
    paths = [write(folder, f"r{n:02d}.txt", numbered_report(n)) for n in range(24)]
    twin = write(tmp_path / "twin", "r00-copy.txt", numbered_report(0))  # same content as r00
    first = [*paths[:16], twin]
    second = [*paths[8:], twin]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    command = [sys.executable, "-m", "briefing_studio", "library", "add", "--library", location]
    processes = [
        subprocess.Popen(
            [*command, *map(str, chunk)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for chunk in (first, second)
    ]
    for process in processes:
        out, err = process.communicate(timeout=300)
        assert process.returncode == 0, (out, err)
    with open_library(location) as library:
        stats = library.stats()
        assert stats["sources"] == stats["versions"] == 24
        assert stats["sections"] == 24 * 3
        for n in range(24):
            assert len(library.search(build_query(f"maso{n}"))) == 2, n


def test_remember_adds_opened_sources_unless_turned_off(location, tmp_path, monkeypatch):
    monkeypatch.setenv("BRIEFING_STUDIO_HOME", str(tmp_path / "home"))
    analysis = analyze(load_source(write(tmp_path, "kr.txt", REPORT_KR)))
    from briefing_studio.settings import settings_file

    settings_file().write_text("[library]\nauto_add=false\n", encoding="utf-8")
    assert remember([analysis], location) is None
    with open_library(location) as library:
        assert library.stats()["sources"] == 0
    settings_file().write_text("[library]\nauto_add=true\n", encoding="utf-8")
    assert remember([analysis], location) is None
    with open_library(location) as library:
        assert library.stats()["sources"] == 1


def test_sources_opened_while_the_library_awaits_its_upgrade_are_added_after_it(
    location, tmp_path, monkeypatch
):
    """Opening a file does not upgrade the library (the Library tab does, with progress and
    Cancel); the opened source waits and goes in once the library is upgraded."""
    monkeypatch.setenv("BRIEFING_STUDIO_HOME", str(tmp_path / "home"))
    make_schema_1_library(location, monkeypatch, ["Đoạn cũ về Nhật Bản."])
    analysis = analyze(load_source(write(tmp_path, "kr.txt", REPORT_KR)))
    assert remember([analysis], location) is None
    with pytest.raises(store.UpgradeNeeded):
        open_library(location, upgrade=False)
    with open_library(location) as library:
        assert add_awaiting(library) == 1  # what the Library tab's upgrade does
        assert add_awaiting(library) == 0
        assert library.stats()["sources"] == 2
        assert library.search(build_query("han quoc"))


def test_sources_waiting_for_an_upgrade_done_elsewhere_go_in_with_the_next_one(
    location, tmp_path, monkeypatch
):
    monkeypatch.setenv("BRIEFING_STUDIO_HOME", str(tmp_path / "home"))
    make_schema_1_library(location, monkeypatch, ["Đoạn cũ về Nhật Bản."])
    assert remember([analyze(load_source(write(tmp_path, "kr.txt", REPORT_KR)))], location) is None
    with open_library(location):  # upgraded by another process: ``briefing library stats``
        pass
    assert remember([analyze(load_source(write(tmp_path, "jp.txt", REPORT_JP)))], location) is None
    with open_library(location) as library:
        assert library.stats()["sources"] == 3
        assert add_awaiting(library) == 0


# ----- failures of the database itself ----------------------------------------------------------


def test_a_damaged_library_file_is_named_and_left_alone(tmp_path):
    path = tmp_path / "library.sqlite3"
    garbage = b"this is not a database " * 400
    path.write_bytes(garbage)
    with pytest.raises(BriefingError) as caught:
        open_library(str(path))
    message = caught.value.message("vi")
    assert str(path) in message and "không phải là thư viện" in message
    assert "Traceback" not in message
    assert path.read_bytes() == garbage


def test_a_locked_library_says_so_and_keeps_its_content(tmp_path):
    path = tmp_path / "library.sqlite3"
    with open_library(str(path)) as library:
        add_file(library, write(tmp_path, "jp.txt", REPORT_JP))
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(BriefingError) as caught:
            with open_library(str(path), busy_timeout=0.2) as library:
                add_file(library, write(tmp_path, "kr.txt", REPORT_KR))
        assert "đang bị một chương trình khác khoá" in caught.value.message("vi")
        assert caught.value.path == str(path)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    with open_library(str(path)) as library:
        assert library.stats()["sources"] == 1


def test_a_full_disk_stops_the_add_and_loses_nothing(tmp_path):
    path = tmp_path / "library.sqlite3"
    with open_library(str(path)) as library:
        add_file(library, write(tmp_path, "jp.txt", REPORT_JP))
        pages = library._one("PRAGMA page_count")[0]
        library._execute(f"PRAGMA max_page_count = {pages + 1}")  # the disk is now full
        big = "\n".join(numbered_report(n) for n in range(300))
        with pytest.raises(BriefingError) as caught:
            library.add(analyze(load_source(write(tmp_path, "big.txt", big))))
        assert "ổ đĩa đã đầy" in caught.value.message("vi")
        assert "the disk is full" in caught.value.message("en")
        assert library.stats()["sources"] == 1
        assert library.search(build_query("nhat ban"))


@pytest.mark.skipif(not PG_URL, reason="BRIEFING_TEST_PG is not set")
def test_a_server_that_is_down_is_named_without_its_password():
    with pytest.raises(BriefingError) as caught:
        open_library("postgresql://office:secret@127.0.0.1:1/library")
    message = caught.value.bilingual()
    assert "Không kết nối được máy chủ" in message
    assert "127.0.0.1:1/library" in message and "secret" not in message


def test_a_scan_in_a_child_process_adds_reports_cancels_and_names_a_failing_library(
    location, tmp_path
):
    folder = tmp_path / "watched"
    for n in range(4):
        write(folder, f"r{n}.txt", numbered_report(n))
    write(folder, "bad.txt", "")  # empty: reported, the others added
    seen: list[tuple[int, int]] = []
    report = add_paths_apart([folder], location, progress=lambda d, t: seen.append((d, t)))
    assert len(report.added) == 4 and report.added[0].source.path.endswith("r0.txt")
    assert [e.path for e in report.errors] == [str(folder / "bad.txt")]
    assert seen[-1] == (5, 5)
    with open_library(location) as library:
        assert library.stats()["sources"] == 4
    write(folder, "r9.txt", numbered_report(9))
    with pytest.raises(Cancelled):
        add_paths_apart([folder], location, cancelled=lambda: True)
    again = add_paths_apart([folder], location)
    assert len(again.added) == 1 and len(again.unchanged) == 4

    damaged = tmp_path / "damaged.sqlite3"
    damaged.write_bytes(b"not a database" * 100)
    with pytest.raises(BriefingError) as caught:
        add_paths_apart([folder], str(damaged))
    assert caught.value.path == str(damaged)


def test_section_lexemes_keep_postgresql_limits():
    """Each word with its positions and each pair of neighbours; positions stop at 256 a word
    and at 16 383 (later words all stand there); a word too long to index is left out, and so
    are its pairs and a pair too long for PostgreSQL."""
    from briefing_studio.library.records import section_lexemes

    assert section_lexemes("han quoc han") == "'han':1,3 'quoc':2 'han quoc' 'quoc han'"
    many = " ".join(["x"] * 16390 + ["y", "x", "z"])
    x_places = ",".join(str(n) for n in range(1, 257))
    assert section_lexemes(many) == f"'x':{x_places} 'y':16383 'z':16383 'x x' 'x y' 'x z' 'y x'"
    fits, too_long = "b" * 1023, "c" * 1024
    assert section_lexemes(f"a {fits} d {too_long} e") == (
        f"'a':1 '{fits}':2 'd':3 'e':5 'a {fits}' '{fits} d'"
    )
    # Two words that each fit make a pair that would not: the pair is left out (PostgreSQL
    # refused the whole section, and the add failed).
    other = "d" * 1023
    assert section_lexemes(f"{fits} {other}") == f"'{fits}':1 '{other}':2"
    assert section_lexemes("") == ""


@pytest.mark.skipif(not PG_URL, reason="BRIEFING_TEST_PG is not set")
def test_binary_lexemes_are_stored_as_the_server_reads_their_text(tmp_path):
    """PostgreSQL receives a section's lexemes in binary (``section_tsvector``); the server
    keeps exactly what it makes of their text form: same lexemes, positions and layout."""
    from briefing_studio.library.records import section_lexemes, section_tsvector

    texts = [
        fold(REPORT_KR),
        fold(REPORT_JP),
        "zeta alpha zeta beta alpha",  # not in the server's order
        "ngach kim ngach 日本 東京 ü u",  # beyond ASCII: ordered by UTF-8 bytes
        " ".join(["x"] * 300 + ["y"]),  # more than 256 positions of one word
        " ".join(["w"] * 16390 + ["v"]),  # past the last position
        "a " + "b" * 1023 + " " + "c" * 1023,  # a pair too long to keep
    ]
    with library_location("postgresql", tmp_path) as where, open_library(where) as library:
        library._execute("CREATE TABLE check_tsv (id BIGINT, tsv TSVECTOR)")
        library._insert_many(
            "check_tsv", ("id", "tsv"), [(n, section_tsvector(t)) for n, t in enumerate(texts)]
        )
        for n, text in enumerate(texts):
            same = library._one(
                "SELECT tsv = ?::tsvector AND tsvectorsend(tsv) = tsvectorsend(?::tsvector) "
                "AND tsv::text = ?::tsvector::text FROM check_tsv WHERE id = ?",
                (section_lexemes(text),) * 3 + (n,),
            )
            assert same == (True,), text[:40]
