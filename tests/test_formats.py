"""The table of output formats: the one list the CLI, the export and the dialog read."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pikepdf
import pytest

from briefing_studio import cli
from briefing_studio.errors import BriefingError
from briefing_studio.export import parse_formats, write_document
from briefing_studio.render import formats
from writer_fixtures import nd30_document


def test_every_format_has_a_unique_id_a_suffix_labels_and_a_writer() -> None:
    assert len(set(formats.ids())) == len(formats.FORMATS)
    for fmt in formats.FORMATS:
        assert fmt.suffix.startswith(".") and fmt.label_vi and fmt.label_en and callable(fmt.write)
    assert {"docx", "pdf", "pdf-a"} <= set(formats.ids())
    assert set(formats.DEFAULT_IDS) <= set(formats.ids())


def test_names_are_ids_or_aliases_in_any_case() -> None:
    assert formats.get("PDF/A").id == "pdf-a"
    assert formats.get(".DOCX").id == "docx"
    assert parse_formats("docx, PDFA ,pdf-a") == ["docx", "pdf-a"]
    with pytest.raises(BriefingError) as caught:
        parse_formats("odt")
    assert "pdf-a" in caught.value.message("vi")  # the choices come from the table


def test_formats_sharing_a_suffix_get_distinct_file_names() -> None:
    pdf, pdfa, word = formats.get("pdf"), formats.get("pdf-a"), formats.get("docx")
    assert formats.file_names("bao-cao", [pdfa]) == ["bao-cao.pdf"]
    assert formats.file_names("bao-cao", [pdfa, pdf, word]) == [
        "bao-cao-pdfa.pdf",
        "bao-cao.pdf",
        "bao-cao.docx",
    ]


def test_export_writes_each_chosen_format_under_its_own_name(tmp_path: Path) -> None:
    written = write_document(nd30_document(), ["docx", "pdf", "pdf-a"], tmp_path, "tai-lieu")
    assert [p.name for p in written] == ["tai-lieu.docx", "tai-lieu.pdf", "tai-lieu-pdfa.pdf"]
    docx.Document(io.BytesIO(written[0].read_bytes()))
    with pikepdf.open(written[1]) as plain, pikepdf.open(written[2]) as archive:
        assert "/OutputIntents" not in plain.Root
        assert "/OutputIntents" in archive.Root


def test_the_cli_offers_the_table_s_formats(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        cli.main(["render", "--help"])
    help_text = capsys.readouterr().out
    for fmt in formats.FORMATS:
        assert fmt.id in help_text
