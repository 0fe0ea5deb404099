"""Document → DOCX, PDF and PDF/A. Writers read only the ``Document``, never sources.

Each writer renders the whole file in memory first and then writes it atomically, so a failure
half-way (a broken style, a full disk) never leaves a partial file behind. The formats and their
writers are listed once, in ``formats.FORMATS``; the writers' modules (python-docx, reportlab,
pikepdf) are imported only when a file is written, so the CLI starts without them. Importing
the package puts ``lazy_patterns``' import hook in place, before any PDF module imports reportlab.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from briefing_studio.atomic import atomic_write_bytes
from briefing_studio.document import Document
from briefing_studio.errors import BriefingError
from briefing_studio.render import formats, lazy_patterns

lazy_patterns.install()

if TYPE_CHECKING:
    from briefing_studio.render.docx_writer import docx_bytes
    from briefing_studio.render.pdf_writer import pdf_bytes

__all__ = [
    "docx_bytes",
    "formats",
    "pdf_bytes",
    "write",
]


def __getattr__(name: str):
    if name == "docx_bytes":
        from briefing_studio.render.docx_writer import docx_bytes

        return docx_bytes
    if name == "pdf_bytes":
        from briefing_studio.render.pdf_writer import pdf_bytes

        return pdf_bytes
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def write(document: Document, fmt: str, path: str | Path) -> None:
    """Write ``document`` in the format with id ``fmt`` (see ``formats.FORMATS``) at ``path``."""
    try:
        output = formats.get(fmt)
    except BriefingError as exc:
        raise BriefingError(exc.message_vi, exc.message_en, path=path) from None
    atomic_write_bytes(path, output.write(document))
