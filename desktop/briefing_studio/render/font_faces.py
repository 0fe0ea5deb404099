"""The bundled font faces: which family a template's font name maps to, which file holds each
face, and how wide a text is set in one, read straight from the face's TrueType tables.

Liberation Serif and Sans have the metrics of Times New Roman and Arial, so a width measured
here is the width Word gives the text. Measuring needs no reportlab: the DOCX writer (which
measures a one-line underline) runs without importing it, which saves about 0.15 s of a
fresh process. The PDF writer registers the same files with reportlab (``fonts``).
"""

from __future__ import annotations

import bisect
import struct
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from briefing_studio import paths
from briefing_studio.errors import BriefingError

SERIF = "LiberationSerif"
SANS = "LiberationSans"
FACES = {"": "Regular", "-Bold": "Bold", "-Italic": "Italic", "-BoldItalic": "BoldItalic"}
_SANS_NAMES = frozenset(
    {
        "arial",
        "helvetica",
        "sans",
        "sans-serif",
        "liberation sans",
        "arimo",
        "calibri",
        "verdana",
        "tahoma",
        "segoe ui",
    }
)


def family_name(font: str | None) -> str:
    """The bundled family for a template's font name: Arial, Helvetica and other sans names
    map to Liberation Sans; Times New Roman, serif and any font we do not ship to Liberation
    Serif, the usual face of Vietnamese official papers."""
    name = (font or "").strip().strip("'\"").lower()
    return SANS if name in _SANS_NAMES else SERIF


def face_suffix(bold: bool, italic: bool) -> str:
    return {
        (False, False): "",
        (True, False): "-Bold",
        (False, True): "-Italic",
        (True, True): "-BoldItalic",
    }[(bool(bold), bool(italic))]


def face_path(face: str) -> Path:
    """The file of a face name such as ``LiberationSerif-Bold``."""
    family, _, suffix = face.partition("-")
    return paths.fonts_dir() / f"{family}-{FACES['-' + suffix if suffix else '']}.ttf"


def font_missing(path: Path) -> BriefingError:
    return BriefingError(
        "Thiếu phông chữ đi kèm chương trình; hãy cài lại Briefing Studio.",
        "A font bundled with the program is missing; please reinstall Briefing Studio.",
        path=path,
    )


def text_width_pt(text: str, font: str | None, size: float, bold: bool, italic: bool) -> float:
    """How wide ``text`` is set in the bundled face at ``size`` points: the sum of its
    characters' advance widths, as reportlab measures it (no kerning)."""
    metrics = _metrics(family_name(font) + face_suffix(bold, italic))
    return sum(metrics.advance(ord(char)) for char in text) * size / metrics.units_per_em


@dataclass
class _Metrics:
    """The tables of one face needed to measure text: the character map's format-4 segments
    and the horizontal metrics."""

    data: bytes
    units_per_em: int
    advances: tuple[int, ...]  # per glyph, the last one repeating for the glyphs after it
    ends: tuple[int, ...]
    starts: tuple[int, ...]
    deltas: tuple[int, ...]
    range_offsets: tuple[int, ...]
    range_offsets_at: int  # where the idRangeOffset array starts in ``data``
    known: dict[int, int] = field(default_factory=dict)  # advances looked up so far

    def glyph(self, code: int) -> int:
        """The glyph of a character code (BMP), 0 when the face has none."""
        segment = bisect.bisect_left(self.ends, code)
        if segment == len(self.ends) or code < self.starts[segment] or code == 0xFFFF:
            return 0
        offset = self.range_offsets[segment]
        if offset == 0:
            return (code + self.deltas[segment]) & 0xFFFF
        at = self.range_offsets_at + 2 * segment + offset + 2 * (code - self.starts[segment])
        glyph = struct.unpack_from(">H", self.data, at)[0]
        return (glyph + self.deltas[segment]) & 0xFFFF if glyph else 0

    def advance(self, code: int) -> int:
        width = self.known.get(code)
        if width is None:
            glyph = self.glyph(0x20 if code == 0xA0 else code) if code <= 0xFFFF else 0
            width = self.known[code] = self.advances[min(glyph, len(self.advances) - 1)]
        return width


@cache
def _metrics(face: str) -> _Metrics:
    path = face_path(face)
    try:
        return _read_metrics(path.read_bytes())
    except (OSError, struct.error, KeyError, ValueError) as exc:
        raise font_missing(path) from exc


def _read_metrics(data: bytes) -> _Metrics:
    tables = {}
    for index in range(struct.unpack_from(">H", data, 4)[0]):
        tag, _checksum, offset, _length = struct.unpack_from(">4sIII", data, 12 + 16 * index)
        tables[tag] = offset
    units_per_em = struct.unpack_from(">H", data, tables[b"head"] + 18)[0]
    metrics_count = struct.unpack_from(">H", data, tables[b"hhea"] + 34)[0]
    advances = struct.unpack_from(f">{2 * metrics_count}H", data, tables[b"hmtx"])[0::2]
    cmap = tables[b"cmap"]
    for index in range(struct.unpack_from(">H", data, cmap + 2)[0]):
        platform, encoding, offset = struct.unpack_from(">HHI", data, cmap + 4 + 8 * index)
        if (platform, encoding) in ((3, 1), (0, 3)) and struct.unpack_from(
            ">H", data, cmap + offset
        )[0] == 4:
            at = cmap + offset
            break
    else:
        raise ValueError("no Unicode BMP character map (format 4)")
    segments = struct.unpack_from(">H", data, at + 6)[0] // 2
    arrays = at + 14  # endCode[], a reserved word, startCode[], idDelta[], idRangeOffset[]
    step = 2 * segments
    return _Metrics(
        data=data,
        units_per_em=units_per_em,
        advances=advances,
        ends=struct.unpack_from(f">{segments}H", data, arrays),
        starts=struct.unpack_from(f">{segments}H", data, arrays + step + 2),
        deltas=struct.unpack_from(f">{segments}h", data, arrays + 2 * step + 2),
        range_offsets=struct.unpack_from(f">{segments}H", data, arrays + 3 * step + 2),
        range_offsets_at=arrays + 3 * step + 2,
    )
