"""The two word lists kept as data: figure kinds (``analysis/kinds.py``) and meeting fields
(``briefing.MEETING_FIELDS``). Every consumer reads them, so these tests walk the tables."""

from __future__ import annotations

import ast
import dataclasses
import inspect
import json
import re
import unicodedata
from pathlib import Path

import docx
import pytest

from briefing_studio import cli
from briefing_studio.analysis import figures as figures_module
from briefing_studio.analysis.figures import find_figures
from briefing_studio.analysis.kinds import BY_ID, KINDS
from briefing_studio.analysis.model import Figure
from briefing_studio.briefing import MEETING_FIELDS, Agency, Briefing, Meeting, MeetingField
from briefing_studio.errors import BriefingError
from briefing_studio.paths import seed_files
from briefing_studio.project import load_briefing, save_briefing
from briefing_studio.summary import summarize
from briefing_studio.templating.filters import figure as write_figure
from briefing_studio.workspace import Workspace

HEX = re.compile(r"^#[0-9a-f]{6}$")


# --- figure kinds -----------------------------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.id)
def test_every_kind_has_both_labels_three_colours_and_a_weight(kind) -> None:
    assert kind.label_vi and kind.label_en
    assert unicodedata.is_normalized("NFC", kind.label_vi)
    assert len(kind.colours) == 3 and all(HEX.match(c) for c in kind.colours), kind.colours
    assert isinstance(kind.weight, float) and kind.weight > 0
    assert kind.writing in ("text", "money", "percent", "number")


def test_kind_ids_and_labels_are_unique() -> None:
    assert len(BY_ID) == len(KINDS)
    assert len({k.label_vi for k in KINDS}) == len(KINDS)
    assert len({k.colours for k in KINDS}) == len(KINDS), "two kinds would look the same"


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.id)
def test_the_extractor_reads_each_example_as_its_kind(kind) -> None:
    found = find_figures(f"Theo báo cáo, {kind.example} trong năm qua.", "s")
    assert [(f.surface in kind.example, f.kind) for f in found if f.kind == kind.id], found


def _kind_literals() -> set[str]:
    """Every string the extractor's source gives a figure as its kind: the third argument of
    ``_Found(...)``, the first item returned by a function typed ``-> tuple[FigureKind, …]``,
    the first item of the ``(kind, pattern)`` pairs it loops over, and kinds it compares."""
    tree = ast.parse(inspect.getsource(figures_module))
    found: set[str] = set()

    def constant(node: ast.AST | None) -> None:
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            found.add(node.value)

    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "_Found":
            constant(node.args[2] if len(node.args) > 2 else None)
        if isinstance(node, ast.FunctionDef) and "FigureKind" in ast.unparse(node.returns or ""):
            for ret in ast.walk(node):
                if isinstance(ret, ast.Return) and isinstance(ret.value, ast.Tuple):
                    constant(ret.value.elts[0])
        if isinstance(node, ast.For) and "kind" in ast.unparse(node.target):
            for item in getattr(node.iter, "elts", []):
                constant(item.elts[0] if isinstance(item, ast.Tuple) else None)
        if isinstance(node, ast.Compare) and "kind" in ast.unparse(node.left):
            for right in node.comparators:
                for item in [right, *getattr(right, "elts", [])]:
                    constant(item)
    return found


def test_every_kind_the_extractor_can_produce_is_in_the_table() -> None:
    literals = _kind_literals()
    assert literals - set(BY_ID) == set(), "add the kind to analysis/kinds.py: KINDS"
    assert set(BY_ID) <= literals, "a kind in the table the extractor never produces"


def test_the_seeds_give_only_kinds_in_the_table() -> None:
    from briefing_studio.sources import load_source

    analyses = Workspace.analyze([load_source(p) for p in seed_files()])
    kinds = {f.kind for a in analyses for f in a.figures}
    assert kinds <= set(BY_ID), kinds
    report = "".join(summarize(a) for a in analyses)
    for kind in kinds:  # `briefing analyze` names each kind with the table's label
        assert f"→  {BY_ID[kind].label_vi}:" in report, kind


def test_a_figure_of_a_kind_not_in_the_table_is_refused() -> None:
    with pytest.raises(ValueError, match=r"kinds\.py"):
        Figure("s/f1", "s", 0, 7, "7 mẫu Anh", "acre", 7)


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.id)
def test_the_figure_filter_writes_each_kind_as_its_row_says(kind) -> None:
    item = {"kind": kind.id, "surface": "gần 1.200,5 x", "value": 1200.5, "unit": "x"}
    written = write_figure(item)
    assert (written == "gần 1.200,5 x") == (kind.writing == "text"), written


# --- meeting fields ---------------------------------------------------------------------------

HOLDERS = {"meeting": Meeting, "agency": Agency, "briefing": Briefing}
SAMPLES = {"text": ("Phòng họp số 3", "Phòng họp số 3"), "date": ("20/12/2024", "2024-12-20")}


def _sample(row: MeetingField, number: int) -> tuple[list[str], object]:
    """The CLI arguments giving ``row`` a value of its own, and the value it must become."""
    if row.type == "lines":
        return [row.flag, f"Ông A{number}", row.flag, f"Bà B{number}"], [
            f"Ông A{number}",
            f"Bà B{number}",
        ]
    if row.type == "date":
        day = 10 + number
        return [row.flag, f"{day}/12/2024"], f"2024-12-{day}"
    return [row.flag, f"Giá trị {number} của {row.name}"], f"Giá trị {number} của {row.name}"


def test_each_field_is_an_attribute_of_its_holder_with_both_labels() -> None:
    for row in MEETING_FIELDS:
        names = {f.name for f in dataclasses.fields(HOLDERS[row.holder])}
        assert row.name in names, row
        assert row.label_vi and row.label_en and row.hint_vi and row.hint_en, row
        assert row.flag.startswith("--") and row.help, row
    assert len({r.key for r in MEETING_FIELDS}) == len(MEETING_FIELDS)
    assert len({r.flag for r in MEETING_FIELDS}) == len(MEETING_FIELDS)


def test_every_meeting_and_agency_attribute_is_a_row() -> None:
    keys = {r.key for r in MEETING_FIELDS}
    for holder in ("meeting", "agency"):
        for attribute in dataclasses.fields(HOLDERS[holder]):
            if attribute.name != "counterpart":  # chosen with its own combo box and option
                assert f"{holder}.{attribute.name}" in keys, attribute.name


def test_every_field_survives_a_project_file(tmp_path: Path) -> None:
    briefing = Briefing()
    for number, row in enumerate(MEETING_FIELDS):
        row.set(briefing, _sample(row, number)[1])
    loaded = load_briefing(save_briefing(briefing, tmp_path / "p.briefing"))
    for number, row in enumerate(MEETING_FIELDS):
        assert row.get(loaded) == _sample(row, number)[1], row.key


def test_a_meeting_date_that_is_no_date_names_the_field(tmp_path: Path) -> None:
    path = save_briefing(Briefing(), tmp_path / "p.briefing")
    data = json.loads(path.read_text(encoding="utf-8"))
    data["briefing"]["meeting"]["date"] = "20/12/2024"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(BriefingError) as caught:
        load_briefing(path)
    assert "briefing.meeting.date" in caught.value.message("en")
    assert "p.briefing" in caught.value.message("vi")


FIELDS_TEMPLATE = """\
id = "fields-check"
version = 1
name_vi = "Kiểm tra trường"
name_en = "Field check"
page = "handout"
entry = "briefing.html.j2"
"""


def test_every_field_goes_from_its_cli_option_to_the_template(tmp_path: Path) -> None:
    """One row, one option, one template variable: set each through the CLI and read it back
    from the rendered DOCX (dates also as ``<name>_text``, lists joined)."""
    folder = tmp_path / "templates" / "fields-check"
    folder.mkdir(parents=True)
    (folder / "template.toml").write_text(FIELDS_TEMPLATE, encoding="utf-8")
    lines = []
    for row in MEETING_FIELDS:
        variable = "briefing." + (row.name if row.holder == "briefing" else row.key)
        if row.type == "lines":
            lines.append(f"<p>{row.key}={{{{ {variable}|join(';') }}}}</p>")
        else:
            lines.append(f"<p>{row.key}={{{{ {variable} }}}}</p>")
        if row.type == "date":
            lines.append(f"<p>{row.key}_text={{{{ {variable}_text }}}}</p>")
    (folder / "briefing.html.j2").write_text("\n".join(lines), encoding="utf-8")
    argv = ["render", "--templates-dir", str(tmp_path / "templates"), "--template"]
    argv += ["fields-check", "--format", "docx", "--out", str(tmp_path), "--name", "out"]
    expected = {}
    for number, row in enumerate(MEETING_FIELDS):
        args, value = _sample(row, number)
        argv += args
        expected[row.key] = ";".join(value) if isinstance(value, list) else value
        if row.type == "date":
            day = int(str(value)[-2:])
            expected[f"{row.key}_text"] = f"ngày {day} tháng 12 năm 2024"
    assert cli.main(argv) == 0
    shown = dict(p.text.split("=", 1) for p in docx.Document(str(tmp_path / "out.docx")).paragraphs)
    assert shown == expected


def test_the_agency_reference_has_a_cli_option_like_every_field() -> None:
    briefing = Briefing()
    args = cli._parser().parse_args(["render", "--agency-reference", " Số: 12/TTr-TH "])
    cli._apply_meeting_options(briefing, args)
    assert briefing.agency.reference == "Số: 12/TTr-TH"
