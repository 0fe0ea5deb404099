"""The one table of output formats: id, file suffix, labels and the writer of each.

The CLI's ``--format``, the export, the GUI's export dialog and the tests all read ``FORMATS``;
adding a format is adding a row here. A format's id is not its suffix: ``pdf`` and ``pdf-a``
both write ``.pdf``. When formats that share a suffix are exported together, the first one in
the table keeps the plain name and the others add their ``tag`` (``NAME.pdf`` and
``NAME-pdfa.pdf``); exported alone, each writes ``NAME.pdf``.

Writers are imported when a format is written, so asking for DOCX never loads pikepdf.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from briefing_studio.document import Document
from briefing_studio.errors import BriefingError


def _docx(document: Document) -> bytes:
    from briefing_studio.render.docx_writer import docx_bytes

    return docx_bytes(document)


def _pdf(document: Document) -> bytes:
    from briefing_studio.render.pdf_writer import pdf_bytes

    return pdf_bytes(document)


def _pdfa(document: Document) -> bytes:
    from briefing_studio.render.pdfa import pdfa_bytes

    return pdfa_bytes(document)


@dataclass(frozen=True)
class OutputFormat:
    """One output format. ``write`` turns a ``Document`` into the file's bytes."""

    id: str
    suffix: str  # with the dot
    label_vi: str
    label_en: str
    write: Callable[[Document], bytes]
    tag: str = ""  # added to the file name when another chosen format has the same suffix
    aliases: tuple[str, ...] = ()  # other spellings accepted on the command line

    def label(self, language: str = "vi") -> str:
        return self.label_vi if language == "vi" else self.label_en


FORMATS: tuple[OutputFormat, ...] = (
    OutputFormat("docx", ".docx", "Word (DOCX)", "Word (DOCX)", _docx),
    OutputFormat("pdf", ".pdf", "PDF", "PDF", _pdf),
    OutputFormat(
        "pdf-a",
        ".pdf",
        "PDF/A (lưu trữ)",
        "PDF/A (archive)",
        _pdfa,
        tag="pdfa",
        aliases=("pdfa", "pdf/a"),
    ),
)
DEFAULT_IDS: tuple[str, ...] = ("docx", "pdf")


def ids() -> tuple[str, ...]:
    """The format ids, in table order."""
    return tuple(f.id for f in FORMATS)


def find(name: str) -> OutputFormat | None:
    """The format called ``name`` (id or alias, any case, leading dot ignored), or None."""
    key = name.strip().lower().lstrip(".")
    for fmt in FORMATS:
        if key == fmt.id or key in fmt.aliases:
            return fmt
    return None


def get(name: str) -> OutputFormat:
    """The format called ``name``; an unknown one is a user error naming the choices."""
    fmt = find(name)
    if fmt is None:
        raise BriefingError(
            f"Không hỗ trợ định dạng “{name}”; chọn một trong: {', '.join(ids())}.",
            f"Unsupported format “{name}”; choose one of: {', '.join(ids())}.",
        )
    return fmt


def file_name(stem: str, fmt: OutputFormat, chosen: Sequence[OutputFormat]) -> str:
    """The file name of ``fmt`` when ``chosen`` are exported together under ``stem``."""
    shares = [f for f in chosen if f.suffix == fmt.suffix]
    first = min(shares, key=FORMATS.index) if shares else fmt
    if fmt is first or not fmt.tag:
        return stem + fmt.suffix
    return f"{stem}-{fmt.tag}{fmt.suffix}"


def file_names(stem: str, chosen: Sequence[OutputFormat]) -> list[str]:
    """The file name of each of ``chosen``, in order."""
    return [file_name(stem, fmt, chosen) for fmt in chosen]
