"""Entities: who and what a source names, and the NER pass that runs in the background."""

from __future__ import annotations

import json
import re
import threading
from dataclasses import replace
from pathlib import Path

import pytest

from briefing_studio.analysis import analyze
from briefing_studio.analysis import entities as entities_module
from briefing_studio.analysis.entities import (
    Cancelled,
    extract_entities,
    gazetteer_entities,
)
from briefing_studio.analysis.model import Analysis, Entity, Metadata, Section
from briefing_studio.analysis.ner_cache import NerCache, NerToken
from briefing_studio.paths import seeds_dir
from briefing_studio.sources import load_source
from briefing_studio.sources.model import Block, SourceDocument


@pytest.fixture(scope="module")
def bac_giang() -> Analysis:
    return analyze(load_source(seeds_dir() / "ngkt-2024-bac-giang.txt"))


@pytest.fixture(autouse=True)
def _user_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BRIEFING_STUDIO_HOME", str(tmp_path / "home"))


def by_name(entities: list[Entity]) -> dict[str, Entity]:
    return {e.name: e for e in entities}


def pasted(*paragraphs: str) -> Analysis:
    """A small analysis built by hand: one section per paragraph, one sentence per line."""
    source = SourceDocument("", "pasted", "pasted", None, tuple(Block(p) for p in paragraphs))
    sections = []
    for index, text in enumerate(paragraphs):
        spans, position = [], 0
        for sentence in text.split("\n"):
            spans.append((position, position + len(sentence)))
            position += len(sentence) + 1
        sections.append(
            Section(f"{source.key}/s{index}", index, "paragraph", text, 0, tuple(spans))
        )
    return Analysis(source, Metadata(), sections, [], [])


class FakeTagger:
    """Stands in for underthesea's ner: counts calls, tags capitalised words as LOC."""

    def __init__(self) -> None:
        self.calls: list[str] = []

    def __call__(self, sentence: str) -> list[NerToken]:
        self.calls.append(sentence)
        return [
            (w, "Np", "B-NP", "B-LOC") if w[:1].isupper() else (w, "N", "B-NP", "O")
            for w in re.findall(r"\w+|[^\w\s]", sentence)
        ]


@pytest.fixture
def fake_tagger(monkeypatch: pytest.MonkeyPatch) -> FakeTagger:
    tagger = FakeTagger()
    monkeypatch.setattr(entities_module, "_tagger", lambda: tagger)
    return tagger


# ---- the gazetteer pass ---------------------------------------------------------------------


def test_secretary_sees_people_agencies_and_places_of_the_bac_giang_report(
    bac_giang: Analysis,
) -> None:
    found = by_name(extract_entities(bac_giang, use_ner=False))
    ids = [s.id for s in bac_giang.sections]

    pm = found["Phạm Minh Chính"]
    assert pm.kind == "person"
    assert pm.sections == [ids[0], ids[7]]  # both mentions merged into one person
    assert found["Bùi Thanh Sơn"].kind == "person"
    assert found["Bộ Ngoại giao"].kind == "organization"
    assert found["Bộ Ngoại giao"].key == "bo-ngoai-giao"
    assert found["Bắc Giang"].kind == "province"
    assert found["Bắc Giang"].key == "bac-giang"
    korea = found["Hàn Quốc"]
    assert (korea.kind, korea.key) == ("country", "KR")
    assert korea.sections == [ids[2], ids[5]]
    australia = found["Ô-xtrây-li-a"]  # the office's display name, whatever Babel says
    assert (australia.kind, australia.key, australia.aliases) == (
        "country",
        "AU",
        ("Ô-xtrây-li-a", "Úc"),
    )
    assert found["Mỹ Latinh"].kind == "place"
    assert not any("2024" in e.name or "2025" in e.name for e in found.values())


def test_mentions_point_at_the_text(bac_giang: Analysis) -> None:
    sections = {s.id: s for s in bac_giang.sections}
    for entity in extract_entities(bac_giang, use_ner=False):
        for mention in entity.mentions:
            surface = sections[mention.section].text[mention.start : mention.end]
            assert surface in entity.aliases


def test_gazetteer_entities_name_only_what_the_gazetteer_knows(bac_giang: Analysis) -> None:
    found = gazetteer_entities(bac_giang)
    assert {e.kind for e in found} <= {"country", "province", "place", "organization"}
    assert all(e.source == "gazetteer" and e.key for e in found)
    assert "KR" in {e.key for e in found}


def test_titles_introduce_people_foreign_names_included() -> None:
    analysis = pasted(
        "Đại sứ Hàn Quốc tại Việt Nam Choi Young-sam làm việc với ông Nguyễn Văn Quyết.",
        "Tổng thống Mỹ Joe Biden và Thủ tướng Nhật Bản Kishida Fumio hội đàm.",
        "Chủ tịch Công ty Hoa Sen phát biểu.",
    )
    found = by_name(extract_entities(analysis, use_ner=False))
    people = {name for name, e in found.items() if e.kind == "person"}
    assert people == {"Choi Young-sam", "Nguyễn Văn Quyết", "Joe Biden", "Kishida Fumio"}
    assert found["Hoa Kỳ"].aliases == ("Mỹ",)


# ---- the NER pass ---------------------------------------------------------------------------


def test_ner_adds_names_but_the_gazetteer_reading_wins(bac_giang: Analysis, tmp_path: Path) -> None:
    """Real underthesea on one seed (~30 sentences): it calls Bắc Giang a person and
    ``năm 2024`` a place; neither survives."""
    found = extract_entities(bac_giang, cache=NerCache(tmp_path / "ner.jsonl"))
    named = by_name(found)
    assert named["Bắc Giang"].kind == "province"
    assert named["Phạm Minh Chính"].kind == "person"
    assert named["Phạm Minh Chính"].source == "both"
    assert named["Hàn Quốc"].source == "both"
    for entity in found:
        assert entity.name[:1].isupper() or entity.kind == "place"
        assert not any(c.isdigit() for c in entity.name)
        assert entity.name not in {"NGKT", "FDI", "FTA", "ODA", "CQĐD", "OCOP", "Halal"}


def test_ner_finds_a_company_and_a_foreign_city(tmp_path: Path) -> None:
    analysis = pasted("Tập đoàn Samsung Electronics mở rộng nhà máy tại Yên Phong và Suwon.")
    found = by_name(extract_entities(analysis, cache=NerCache(tmp_path / "ner.jsonl")))
    assert found["Tập đoàn Samsung Electronics"].kind == "organization"
    assert found["Yên Phong"].kind == "place"


def test_progress_reports_each_sentence(fake_tagger: FakeTagger) -> None:
    analysis = pasted("Câu một ở Hà Nội.\nCâu hai.", "Câu ba tại Suwon.")
    reports: list[tuple[int, int]] = []
    extract_entities(
        analysis, progress=lambda done, total: reports.append((done, total)), cache=NerCache(None)
    )
    assert reports == [(1, 3), (2, 3), (3, 3)]
    assert len(fake_tagger.calls) == 3


def test_sections_without_sentence_spans_are_split_by_underthesea(
    fake_tagger: FakeTagger,
) -> None:
    analysis = pasted("Đoàn thăm Suwon. Sau đó đoàn tới Yongin.")
    analysis.sections[0] = replace(analysis.sections[0], sentences=())
    extract_entities(analysis, cache=NerCache(None))
    assert fake_tagger.calls == ["Đoàn thăm Suwon.", "Sau đó đoàn tới Yongin."]


def test_cancel_stops_between_sentences(fake_tagger: FakeTagger) -> None:
    analysis = pasted("Một.\nHai.\nBa.\nBốn.")
    asked: list[int] = []

    def cancelled() -> bool:
        asked.append(1)
        return len(asked) > 2

    with pytest.raises(Cancelled):
        extract_entities(analysis, cancelled=cancelled, cache=NerCache(None))
    assert len(fake_tagger.calls) == 2


def test_ner_offsets_map_back_into_the_section(fake_tagger: FakeTagger) -> None:
    analysis = pasted("Đoàn   thăm thành phố Suwon, sau đó tới  Yongin.")
    found = by_name(extract_entities(analysis, cache=NerCache(None)))
    text = analysis.sections[0].text
    for name in ("Suwon", "Yongin"):
        mention = found[name].mentions[0]
        assert text[mention.start : mention.end] == name


def test_without_ner_the_tagger_is_never_called(fake_tagger: FakeTagger) -> None:
    extract_entities(pasted("Đoàn thăm Suwon."), use_ner=False)
    assert fake_tagger.calls == []


# ---- the NER cache --------------------------------------------------------------------------


def test_second_extraction_of_the_same_text_makes_no_ner_call(
    fake_tagger: FakeTagger, tmp_path: Path
) -> None:
    analysis = pasted("Đoàn thăm Suwon.\nĐoàn về Hà Nội.", "Đoàn tới Yongin.")
    path = tmp_path / "ner.jsonl"
    first = extract_entities(analysis, cache=NerCache(path))
    assert len(fake_tagger.calls) == 3
    again = extract_entities(analysis, cache=NerCache(path))  # a new session, same file
    assert len(fake_tagger.calls) == 3
    assert again == first


def test_default_cache_lives_in_the_user_cache_folder(fake_tagger: FakeTagger) -> None:
    from briefing_studio.paths import user_cache_dir

    extract_entities(pasted("Đoàn thăm Suwon."))
    assert (user_cache_dir() / "ner-v1.jsonl").is_file()


def test_a_new_model_version_does_not_reuse_old_results(tmp_path: Path) -> None:
    path = tmp_path / "ner.jsonl"
    NerCache(path, tag="model-1").put("Câu.", [("Câu", "N", "B-NP", "O")])
    assert NerCache(path, tag="model-1").get("Câu.") == [("Câu", "N", "B-NP", "O")]
    assert NerCache(path, tag="model-2").get("Câu.") is None


def test_a_corrupt_cache_file_starts_empty_and_is_repaired(tmp_path: Path) -> None:
    path = tmp_path / "ner.jsonl"
    path.write_bytes(b'\x00\xffnot json at all\n{"k": 1}\n{broken')
    cache = NerCache(path)
    assert len(cache) == 0
    cache.put("Câu.", [("Câu", "N", "B-NP", "O")])
    reopened = NerCache(path)
    assert reopened.get("Câu.") == [("Câu", "N", "B-NP", "O")]
    assert all(json.loads(line) for line in path.read_text(encoding="utf-8").splitlines())


def test_cache_is_safe_to_share_between_threads(tmp_path: Path) -> None:
    path = tmp_path / "ner.jsonl"
    cache = NerCache(path)

    def work(offset: int) -> None:
        for n in range(50):
            cache.put(f"Câu {offset}-{n}.", [(str(n), "M", "B-NP", "O")])
            assert cache.get(f"Câu {offset}-{n}.") is not None

    threads = [threading.Thread(target=work, args=(t,)) for t in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(cache) == 200
    assert len(NerCache(path)) == 200
