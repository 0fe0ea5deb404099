"""A project file is checked on the way in: any bad field is one message naming the file and it.

Before, ``Briefing.from_json`` accepted any JSON type anywhere and the crash came later, in
``build_context``, ``source_label`` or ``content_hash``, as a traceback. Here a valid project
file is fuzzed (values replaced by other JSON types, keys dropped, objects wrapped in lists,
NaN and infinities) and each variant must either open and render, or be refused with a
``BriefingError`` naming the file.
"""

from __future__ import annotations

import copy
import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing_studio.briefing import Briefing, Counterpart
from briefing_studio.errors import BriefingError
from briefing_studio.project import briefing_to_json, load_briefing
from briefing_studio.selection import new_briefing
from briefing_studio.sources import source_from_text
from briefing_studio.templating import TemplateLibrary, make_document
from briefing_studio.workspace import Workspace

TEXT = (
    "Quan hệ hợp tác\n\nKim ngạch thương mại hai chiều đạt trên 12,4 tỷ USD, tăng 6,5% so với "
    "cùng kỳ.\n\nĐề xuất\n\nHai bên ký hơn 170 thỏa thuận hợp tác trong năm 2024."
)
NAME = "dự-án.briefing"


@cache
def valid_project() -> dict[str, Any]:
    analyses = Workspace.analyze([source_from_text(TEXT, "Tin ngắn")])
    briefing = new_briefing(analyses, "all", Counterpart("country", "Hàn Quốc", "KR"))
    briefing.meeting.participants = ["Ông A", "Bà B"]
    briefing.title = "Báo cáo"
    briefing.issued = "2024-12-20"
    return briefing_to_json(briefing)


def paths(value: Any, prefix: tuple = ()) -> list[tuple]:
    """Every place in a JSON document (as key/index tuples), the root excluded."""
    found: list[tuple] = []
    if isinstance(value, dict | list):
        items = value.items() if isinstance(value, dict) else enumerate(value)
        for key, child in items:
            found.append((*prefix, key))
            found.extend(paths(child, (*prefix, key)))
    return found


JSON_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=20),
    st.sampled_from(["", "2024-02-30", "heading", "country", "xx", "0" * 30]),
)
JSON_VALUES = st.recursive(
    JSON_SCALARS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=6,
)


@st.composite
def fuzzed(draw: st.DrawFn) -> dict[str, Any]:
    project = copy.deepcopy(valid_project())
    for _ in range(draw(st.integers(1, 3))):
        places = paths(project["briefing"])
        if not places:
            break
        where = ("briefing", *draw(st.sampled_from(places)))
        parent = project
        for key in where[:-1]:
            parent = parent[key]
        key = where[-1]
        action = draw(st.sampled_from(["replace", "drop", "wrap"]))
        if action == "drop" and isinstance(parent, dict):
            del parent[key]
        elif action == "wrap":
            parent[key] = [parent[key]]
        else:
            parent[key] = draw(JSON_VALUES)
    return project


def open_and_render(path: Path) -> None:
    """What the app does with a project: open it, analyse its sources, render its document."""
    try:
        briefing = load_briefing(path)
    except BriefingError as error:
        assert NAME in error.message("vi") and NAME in error.message("en")
        assert "Traceback" not in error.bilingual()
        return
    assert isinstance(briefing, Briefing)
    analyses = Workspace.analyze(briefing.sources)
    template = TemplateLibrary(None).get("embassy-meeting")
    try:
        make_document(analyses, briefing, template)
    except BriefingError as error:  # a clear problem (an empty source, say) is fine
        assert "Traceback" not in error.bilingual()


@settings(
    max_examples=300,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(project=fuzzed())
def test_a_fuzzed_project_opens_or_is_refused_by_name(project: dict, tmp_path: Path) -> None:
    path = tmp_path / NAME
    path.write_text(json.dumps(project, ensure_ascii=False), encoding="utf-8")
    open_and_render(path)


def test_the_valid_project_opens_and_renders(tmp_path: Path) -> None:
    path = tmp_path / NAME
    path.write_text(json.dumps(valid_project(), ensure_ascii=False), encoding="utf-8")
    briefing = load_briefing(path)
    assert briefing.issued == "2024-12-20" and briefing.meeting.counterpart is not None
    open_and_render(path)


@pytest.mark.parametrize(
    ("where", "value", "field"),
    [
        (("title",), None, "briefing.title"),
        (("meeting", "participants"), [1], "briefing.meeting.participants[0]"),
        (("meeting", "counterpart", "name"), 7, "briefing.meeting.counterpart.name"),
        (("sources", 0, "blocks", 1, "text"), None, "briefing.sources[0].blocks[1].text"),
        (("sources", 0, "title"), 3.5, "briefing.sources[0].title"),
        (("sections", 0, "section"), ["a"], "briefing.sections[0].section"),
        (("figures",), "abc", "briefing.figures"),
        (("issued",), "20/12/2024", "briefing.issued"),
        (("issued",), 2024, "briefing.issued"),
    ],
)
def test_a_wrong_field_is_named(tmp_path: Path, where: tuple, value: Any, field: str) -> None:
    project = copy.deepcopy(valid_project())
    parent = project["briefing"]
    for key in where[:-1]:
        parent = parent[key]
    parent[where[-1]] = value
    path = tmp_path / NAME
    path.write_text(json.dumps(project, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(BriefingError) as caught:
        load_briefing(path)
    message = caught.value.message("en")
    assert NAME in message and f"“{field}”" in message, message


def test_a_project_nested_100000_deep_is_refused(tmp_path: Path) -> None:
    path = tmp_path / NAME
    deep = "[" * 100_000 + "]" * 100_000
    path.write_text(
        '{"format": "briefing-studio/briefing", "version": 1, "briefing": ' + deep + "}",
        encoding="utf-8",
    )
    with pytest.raises(BriefingError, match="nested far too deeply"):
        load_briefing(path)


@pytest.mark.parametrize("version", ["NaN", "Infinity", '"1"', "1.5", "true", "0"])
def test_a_version_that_is_not_a_whole_number_is_not_called_newer(
    tmp_path: Path, version: str
) -> None:
    path = tmp_path / NAME
    path.write_text(
        '{"format": "briefing-studio/briefing", "version": ' + version + ', "briefing": {}}',
        encoding="utf-8",
    )
    with pytest.raises(BriefingError) as caught:
        load_briefing(path)
    message = caught.value.message("en")
    assert "“version”" in message and "newer" not in message, message


def test_an_ocr_source_keeps_its_unsure_words_through_save_and_open(tmp_path: Path) -> None:
    from dataclasses import replace

    from briefing_studio.project import save_briefing

    source = source_from_text("Kim ngạch đạt 12,4 tỷ USD")
    block = replace(source.blocks[0], uncertain=((14, 18),))
    scanned = replace(source, blocks=(block,), ocr=True, format="image")
    path = tmp_path / "quet.briefing"
    save_briefing(Briefing(sources=[scanned]), path)
    reopened = load_briefing(path).sources[0]
    assert reopened.ocr and reopened.blocks[0].uncertain == ((14, 18),)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["briefing"]["sources"][0]["blocks"][0]["uncertain"] = [[20, 99]]  # past the text
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(BriefingError, match=r"blocks\[0\]\.uncertain\[0\]"):
        load_briefing(path)


def test_a_scanned_table_keeps_its_unsure_words_through_save_and_open(tmp_path: Path) -> None:
    from briefing_studio.project import save_briefing
    from briefing_studio.sources.model import Block, SourceDocument
    from briefing_studio.sources.tables import build_table

    table = build_table(
        [
            [("Chỉ tiêu", 1, 1, True), ("Năm 2024", 1, 1, True)],
            [("Kim ngạch xuất khẩu", 1, 1, False), ("12,4", 1, 1, False)],
        ]
    )
    assert table is not None
    at = table.text.index("12,4")
    block = Block.of_table(table, ((at, at + 4),))
    scanned = SourceDocument("quet.pdf", "quet.pdf", "pdf", None, (block,), ocr=True)
    path = tmp_path / "quet.briefing"
    save_briefing(Briefing(sources=[scanned]), path)
    reopened = load_briefing(path).sources[0]
    assert reopened.blocks == (block,)
    assert reopened.uncertain_in(table.text) == [(at, at + 4)]
    data = json.loads(path.read_text(encoding="utf-8"))
    data["briefing"]["sources"][0]["blocks"][0]["uncertain"] = [[at, len(table.text) + 1]]
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(BriefingError, match=r"blocks\[0\]\.uncertain\[0\]"):
        load_briefing(path)
