"""PDF fonts: the bundled Liberation Serif/Sans, registered once as embedded TrueType families.

Liberation Serif and Sans are metric-compatible with Times New Roman and Arial, so a template
written for Word keeps its line breaks in the PDF, and they cover every Vietnamese letter.
reportlab embeds TTFonts as subsets, so the PDF shows the same glyphs on any machine.
"""

from __future__ import annotations

from functools import cache

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from briefing_studio.render.font_faces import (
    FACES,
    SANS,
    SERIF,
    face_path,
    face_suffix,
    family_name,
    font_missing,
)


def family_for(font: str | None) -> str:
    """The registered family for a template's font name (``font_faces.family_name``)."""
    family = family_name(font)
    register_family(family)
    return family


def face_for(font: str | None, bold: bool, italic: bool) -> str:
    """The registered face name of a family in the given weight and slant."""
    return family_for(font) + face_suffix(bold, italic)


def register_fonts() -> None:
    """Register both families with reportlab (once per process)."""
    for family in (SERIF, SANS):
        register_family(family)


@cache
def register_family(family: str) -> None:
    """Register the four faces of one family and the family itself (once per process).

    Each face is a TrueType file reportlab parses in 15–30 ms, so a document set in Times
    registers only Liberation Serif.
    """
    for suffix in FACES:
        _register_face(family + suffix)
    pdfmetrics.registerFontFamily(
        family,
        normal=family,
        bold=family + "-Bold",
        italic=family + "-Italic",
        boldItalic=family + "-BoldItalic",
    )


@cache
def _register_face(name: str) -> None:
    path = face_path(name)
    try:
        pdfmetrics.registerFont(TTFont(name, str(path)))
    except (OSError, TTFError) as exc:
        raise font_missing(path) from exc
