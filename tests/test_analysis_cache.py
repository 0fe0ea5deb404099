"""The analyses kept on disk between runs: hit, miss, damaged entry, other analysis code, cap."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from briefing_studio.analysis import analyze
from briefing_studio.analysis import cache as cache_module
from briefing_studio.analysis.cache import AnalysisCache, analyzer_tag
from briefing_studio.paths import seed_files
from briefing_studio.sources import load_source, source_from_text
from briefing_studio.workspace import Workspace

TEXT = (
    "Năm 2024, kim ngạch thương mại hai chiều đạt 86 tỷ USD, tăng 12%.\n"
    "Kết quả nổi bật\n"
    "Bắc Giang thu hút 12,4 tỷ USD vốn FDI và 300 dự án mới (WTO, ASEAN)."
)


@pytest.fixture
def kept(tmp_path: Path) -> AnalysisCache:
    return AnalysisCache(tmp_path / "analyses")


def entries(cache: AnalysisCache) -> list[Path]:
    return sorted(cache.folder.glob("*.pickle"))


def test_a_kept_analysis_is_the_analysis(kept: AnalysisCache) -> None:
    source = source_from_text(TEXT, "mot.txt")
    assert kept.get(source) is None
    first = kept.analyze(source)
    assert len(entries(kept)) == 1
    again = source_from_text(TEXT, "mot.txt")  # the same content, loaded anew
    hit = kept.get(again)
    assert hit is not None and hit is not first
    assert hit.source is again
    assert hit == analyze(again)
    assert hit.figures and hit.acronyms  # the test text has both: they came back


def test_the_seeds_come_back_whole(kept: AnalysisCache) -> None:
    sources = [load_source(path) for path in seed_files()]
    fresh = [analyze(source) for source in sources]
    Workspace.analyze(sources, kept)
    reread = Workspace.analyze([load_source(path) for path in seed_files()], kept)
    assert len(entries(kept)) == len(sources)
    assert [a.to_json() for a in reread] == [a.to_json() for a in fresh]


def test_a_table_and_its_figures_come_back_whole(kept: AnalysisCache, tmp_path: Path) -> None:
    path = tmp_path / "bang.html"
    path.write_text(
        "<html><body><h1>Thương mại Việt Nam - Hàn Quốc năm 2024</h1>"
        "<p>Bảng 1. Một số chỉ tiêu chủ yếu (Đơn vị: tỷ USD)</p><table><thead>"
        '<tr><th rowspan="2">Chỉ tiêu</th><th colspan="2">Năm</th></tr>'
        "<tr><th>2023</th><th>2024</th></tr></thead><tbody>"
        "<tr><td>Kim ngạch xuất khẩu</td><td>10,2</td><td>12,4</td></tr>"
        "</tbody></table></body></html>",
        encoding="utf-8",
    )
    fresh = kept.analyze(load_source(path))
    again = load_source(path)
    hit = kept.get(again)
    assert hit is not None and hit == fresh
    (table,) = [s for s in hit.sections if s.table is not None]
    assert table.table.at(2, 2).text == "12,4"
    assert [f.to_json() for f in hit.figures] == [f.to_json() for f in fresh.figures]
    assert any(f.section == table.id for f in hit.figures)


def test_other_content_or_name_misses(kept: AnalysisCache) -> None:
    kept.analyze(source_from_text(TEXT, "mot.txt"))
    assert kept.get(source_from_text(TEXT + " Thêm 5 dự án.", "mot.txt")) is None
    assert kept.get(source_from_text(TEXT, "hai.txt")) is None


@pytest.mark.parametrize("damage", [b"", b"not a pickle", "truncate"])
def test_a_damaged_entry_is_dropped_and_rebuilt(kept: AnalysisCache, damage) -> None:
    source = source_from_text(TEXT, "mot.txt")
    expected = kept.analyze(source)
    (path,) = entries(kept)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2] if damage == "truncate" else damage)
    assert kept.get(source) is None
    assert not path.exists()
    assert kept.analyze(source) == expected
    assert kept.get(source) == expected


def test_an_entry_of_other_analysis_code_is_not_read(tmp_path: Path, monkeypatch) -> None:
    folder = tmp_path / "analyses"
    source = source_from_text(TEXT, "mot.txt")
    AnalysisCache(folder, tag="old").analyze(source)
    assert AnalysisCache(folder, tag="new").get(source) is None
    # An entry whose file name matches but whose tag does not (a hash collision, a copy) is
    # refused too, and removed.
    (old_entry,) = folder.glob("*.pickle")
    os.replace(old_entry, AnalysisCache(folder, tag="new").path(source))
    assert AnalysisCache(folder, tag="new").get(source) is None
    assert not list(folder.glob("*.pickle"))


def test_the_tag_follows_the_version_and_the_code(tmp_path: Path, monkeypatch) -> None:
    before = analyzer_tag()
    monkeypatch.setattr(cache_module, "ANALYZER_VERSION", cache_module.ANALYZER_VERSION + 1)
    analyzer_tag.cache_clear()
    try:
        assert analyzer_tag() != before
        monkeypatch.undo()
        analyzer_tag.cache_clear()
        assert analyzer_tag() == before
        # A changed module of the analysis (here: a copy of the package with one byte more).
        package = tmp_path / "analysis"
        (package / "data").mkdir(parents=True)
        for path in Path(cache_module.__file__).parent.glob("*.py"):
            (package / path.name).write_bytes(path.read_bytes())
        monkeypatch.setattr(cache_module, "_PACKAGE", package)
        analyzer_tag.cache_clear()
        copied = analyzer_tag()
        (package / "figures.py").write_bytes((package / "figures.py").read_bytes() + b"\n")
        analyzer_tag.cache_clear()
        assert analyzer_tag() != copied
    finally:
        monkeypatch.undo()
        analyzer_tag.cache_clear()


def test_the_folder_is_capped_least_recently_used_first(tmp_path: Path) -> None:
    folder = tmp_path / "analyses"
    texts = [f"Đoạn {n}: xuất khẩu đạt {n} tỷ USD, tăng {n}%." for n in range(1, 5)]
    sources = [source_from_text(text, f"{n}.txt") for n, text in enumerate(texts)]
    unlimited = AnalysisCache(folder)
    unlimited.analyze(sources[0])
    size = unlimited.path(sources[0]).stat().st_size
    capped = AnalysisCache(folder, max_bytes=int(size * 2.5))
    capped.analyze(sources[1])
    old = unlimited.path(sources[0])
    os.utime(old, (1, 1))  # long unused
    capped.analyze(sources[2])
    assert not old.exists()
    assert capped.get(sources[1]) is not None and capped.get(sources[2]) is not None
    assert len(entries(capped)) == 2


def test_an_unwritable_folder_only_costs_speed(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    kept = AnalysisCache(blocker / "analyses")
    source = source_from_text(TEXT, "mot.txt")
    assert kept.analyze(source) == analyze(source)
    assert kept.get(source) is None


# What a render of sources seen before must not import: the analysis proper and the library.
_NOT_IMPORTED = (
    "briefing_studio.analysis.pipeline",
    "briefing_studio.analysis.figures",
    "briefing_studio.analysis.noun_phrases",
    "briefing_studio.library",
    "ssl",
)
_RENDER = """
import json, sys
from briefing_studio.cli import main
status = main(sys.argv[1:])
print(json.dumps({"status": status, "modules": sorted(sys.modules)}))
"""


def test_a_second_render_skips_the_analysis_and_its_imports(tmp_path: Path) -> None:
    env = {**os.environ, "BRIEFING_STUDIO_HOME": str(tmp_path / "home")}
    command = [sys.executable, "-c", _RENDER, "render", *map(str, seed_files())]
    command += ["--select", "all", "--format", "docx,pdf", "--out", str(tmp_path / "out")]

    def render() -> set[str]:
        done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr
        report = json.loads(done.stdout.splitlines()[-1])
        assert report["status"] == 0
        return set(report["modules"])

    first = render()
    assert "briefing_studio.analysis.pipeline" in first  # nothing kept yet: analysed
    second = render()
    assert not second & set(_NOT_IMPORTED), second & set(_NOT_IMPORTED)
    assert len(list((tmp_path / "home" / "cache" / cache_module.FOLDER).glob("*.pickle"))) == 2


def test_analyze_json_is_the_same_from_the_cache(tmp_path: Path) -> None:
    from test_cli import run_cli

    args = ("analyze", "--json", "--no-ner", *seed_files())
    cold = run_cli(*args, cwd=tmp_path)
    warm = run_cli(*args, cwd=tmp_path)
    assert cold.returncode == warm.returncode == 0, cold.stderr + warm.stderr
    assert json.loads(warm.stdout) == json.loads(cold.stdout)
