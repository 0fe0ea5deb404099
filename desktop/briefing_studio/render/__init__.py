"""Document → DOCX and Document → PDF. Writers read only the ``Document``, never sources.

Each writer renders the whole file in memory first and then writes it atomically, so a failure
half-way (a broken style, a full disk) never leaves a partial file behind.
"""

from __future__ import annotations

from pathlib import Path

from briefing_studio.atomic import atomic_write_bytes
from briefing_studio.document import Document
from briefing_studio.errors import BriefingError
from briefing_studio.render.docx_writer import docx_bytes
from briefing_studio.render.pdf_writer import pdf_bytes

FORMATS = ("docx", "pdf")

__all__ = [
    "FORMATS",
    "document_bytes",
    "docx_bytes",
    "pdf_bytes",
    "write",
    "write_docx",
    "write_pdf",
]


def write_docx(document: Document, path: str | Path) -> None:
    """Write ``document`` as a Word file at ``path``."""
    atomic_write_bytes(path, docx_bytes(document))


def write_pdf(document: Document, path: str | Path) -> None:
    """Write ``document`` as a PDF at ``path``."""
    atomic_write_bytes(path, pdf_bytes(document))


def document_bytes(document: Document, fmt: str) -> bytes:
    """The whole file for ``document`` in ``fmt`` ("docx" or "pdf"), in memory."""
    fmt = fmt.lower().lstrip(".")
    if fmt == "docx":
        return docx_bytes(document)
    if fmt == "pdf":
        return pdf_bytes(document)
    raise BriefingError(
        f"Không hỗ trợ định dạng “{fmt}”; chọn DOCX hoặc PDF.",
        f"Unsupported format “{fmt}”; choose DOCX or PDF.",
    )


def write(document: Document, fmt: str, path: str | Path) -> None:
    """Write ``document`` in ``fmt`` ("docx" or "pdf") at ``path``."""
    atomic_write_bytes(path, document_bytes(document, fmt))
