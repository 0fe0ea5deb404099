"""Scans made by the tests: Vietnamese text rendered with the bundled font at 300 dpi.

A page is an A4 grey image with 12-point Liberation Serif, lines wrapped to the margins and a
blank line between paragraphs, the way a printed letter looks when scanned. An item that is a
list of rows (each a list of cells) is drawn as a table: each cell at its column's left edge,
the columns spread over the text width, a rule above and below the header row and under the
last row. ``scanned_pdf`` wraps pages as an image-only PDF (no text layer), as a scanner
writes it.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from briefing_studio.paths import fonts_dir

DPI = 300
_A4 = (round(8.27 * DPI), round(11.69 * DPI))
_MARGIN = DPI  # one inch
_POINTS = 12


Table = list[list[str]]


def render_page(paragraphs: list[str | Table]) -> Image.Image:
    """One A4 page holding ``paragraphs`` (each wrapped to the margins) and tables."""
    image = Image.new("L", _A4, 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(str(fonts_dir() / "LiberationSerif-Regular.ttf"), _POINTS * DPI // 72)
    line_height = round(_POINTS * DPI / 72 * 1.5)
    width = _A4[0] - 2 * _MARGIN
    y = _MARGIN
    for paragraph in paragraphs:
        if not isinstance(paragraph, str):
            y = _draw_table(draw, font, paragraph, y, line_height, width)
            continue
        line = ""
        for word in paragraph.split():
            candidate = f"{line} {word}".strip()
            if line and font.getlength(candidate) > width:
                draw.text((_MARGIN, y), line, font=font, fill=0)
                y += line_height
                line = word
            else:
                line = candidate
        draw.text((_MARGIN, y), line, font=font, fill=0)
        y += 2 * line_height
    return image


def _draw_table(
    draw: ImageDraw.ImageDraw,
    font: ImageFont.FreeTypeFont,
    rows: Table,
    y: int,
    line_height: int,
    width: int,
) -> int:
    """``rows`` drawn from ``y`` down: the first column takes half the width, the others share
    the rest; returns where the next paragraph starts."""
    columns = len(rows[0])
    lefts = [_MARGIN] + [
        _MARGIN + width // 2 + i * (width // 2) // (columns - 1) for i in range(columns - 1)
    ]
    rule = line_height // 4
    for number, row in enumerate(rows):
        if number <= 1:
            draw.line((_MARGIN, y - rule, _MARGIN + width, y - rule), fill=0, width=3)
        for left, cell in zip(lefts, row, strict=True):
            draw.text((left, y), cell, font=font, fill=0)
        y += line_height
    draw.line((_MARGIN, y - rule, _MARGIN + width, y - rule), fill=0, width=3)
    return y + line_height


def scanned_pdf(path: Path, pages: list[list[str | Table]]) -> Path:
    """An image-only PDF with one rendered page per item of ``pages``."""
    images = [render_page(paragraphs) for paragraphs in pages]
    images[0].save(path, save_all=True, append_images=images[1:], resolution=DPI)
    return path
