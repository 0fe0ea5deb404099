"""A ``Chart`` as shapes, and those shapes as a Pillow image at print resolution for the DOCX.

The PDF draws the same shapes as reportlab vector graphics (``pdf_chart``; reportlab's own
bitmap renderer needs a Cairo binding the app does not ship). Both use the bundled Liberation
Sans. Pillow is imported only when a chart is drawn.
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from briefing_studio.document import Chart
from briefing_studio.render.font_faces import SANS, face_path

if TYPE_CHECKING:
    from PIL import ImageFont

PALETTE = ("#1F4E79", "#C55A11", "#548235", "#7F6000", "#2E75B6", "#A9D18E", "#F4B183", "#9DC3E6")
TEXT = "#222222"
AXIS = "#7F7F7F"
ASPECT = 0.42  # height / width
PRINT_DPI = 300
LABEL_PT = 8.5


@dataclass(frozen=True)
class RectShape:
    x: float
    y: float
    w: float
    h: float
    fill: str


@dataclass(frozen=True)
class LineShape:
    points: tuple[tuple[float, float], ...]
    width: float
    color: str


@dataclass(frozen=True)
class DotShape:
    x: float
    y: float
    r: float
    fill: str


@dataclass(frozen=True)
class TextShape:
    x: float
    y: float  # baseline
    text: str
    size: float
    anchor: str  # "start" or "middle"
    bold: bool = False


@dataclass(frozen=True)
class WedgeShape:
    x: float
    y: float
    r: float
    start: float  # degrees, counter-clockwise from three o'clock
    end: float
    fill: str


Shape = RectShape | LineShape | DotShape | TextShape | WedgeShape


def chart_size(width: float) -> tuple[float, float]:
    """The chart's width and height in points for a column ``width`` points wide."""
    return width, round(width * ASPECT, 2)


def chart_shapes(chart: Chart, width: float, height: float) -> list[Shape]:
    """The chart's shapes in points, origin at the bottom left."""
    if chart.kind == "share":
        return _share(chart, width, height)
    return _columns(chart, width, height)


def _columns(chart: Chart, width: float, height: float) -> list[Shape]:
    """Bars (or a line through points) over the labels, each value written above it."""
    bottom, top = 2.2 * LABEL_PT, 1.8 * LABEL_PT
    room = height - bottom - top
    peak = max(chart.values) or 1.0
    slot = width / len(chart.values)
    shapes: list[Shape] = [LineShape(((0, bottom), (width, bottom)), 0.6, AXIS)]
    points = []
    for i, (label, value, text) in enumerate(
        zip(chart.labels, chart.values, chart.texts, strict=True)
    ):
        centre = slot * (i + 0.5)
        level = bottom + room * value / peak
        if chart.kind == "bar":
            bar = min(slot * 0.6, 60.0)
            shapes.append(RectShape(centre - bar / 2, bottom, bar, level - bottom, PALETTE[0]))
        points.append((centre, level))
        shapes.append(TextShape(centre, level + 0.5 * LABEL_PT, text, LABEL_PT, "middle", True))
        shapes.append(TextShape(centre, bottom - 1.3 * LABEL_PT, label, LABEL_PT, "middle"))
    if chart.kind == "line":
        shapes.insert(1, LineShape(tuple(points), 1.6, PALETTE[0]))
        shapes[2:2] = [DotShape(x, y, 2.4, PALETTE[0]) for x, y in points]
    return shapes


def _share(chart: Chart, width: float, height: float) -> list[Shape]:
    """A pie of the shares at the left, a legend with each label and value at the right."""
    radius = height / 2 - 4
    cx, cy = radius + 4, height / 2
    total = sum(chart.values) or 1.0
    shapes: list[Shape] = []
    angle = 90.0
    line = 1.6 * LABEL_PT
    legend_x = 2 * radius + 24
    legend_top = cy + line * (len(chart.values) - 1) / 2
    for i, (label, value, text) in enumerate(
        zip(chart.labels, chart.values, chart.texts, strict=True)
    ):
        colour = PALETTE[i % len(PALETTE)]
        sweep = 360.0 * value / total
        if sweep > 0:
            shapes.append(WedgeShape(cx, cy, radius, angle - sweep, angle, colour))
        angle -= sweep
        y = legend_top - i * line
        shapes.append(RectShape(legend_x, y - 1, LABEL_PT, LABEL_PT, colour))
        shapes.append(
            TextShape(legend_x + 1.5 * LABEL_PT, y, f"{label}: {text}", LABEL_PT, "start")
        )
    return shapes


def chart_png(chart: Chart, width: float, dpi: int = PRINT_DPI) -> bytes:
    """The same chart as a PNG at ``dpi`` (an image ``width`` points wide when printed)."""
    from PIL import Image, ImageDraw

    w, h = chart_size(width)
    scale = dpi / 72
    image = Image.new("RGBA", (math.ceil(w * scale), math.ceil(h * scale)), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)

    def at(x: float, y: float) -> tuple[float, float]:
        return x * scale, (h - y) * scale

    for shape in chart_shapes(chart, w, h):
        if isinstance(shape, RectShape):
            (x0, y1), (x1, y0) = at(shape.x, shape.y), at(shape.x + shape.w, shape.y + shape.h)
            draw.rectangle((x0, y0, x1, y1), fill=shape.fill)
        elif isinstance(shape, LineShape):
            draw.line([at(x, y) for x, y in shape.points], fill=shape.color,
                      width=max(1, round(shape.width * scale)), joint="curve")  # fmt: skip
        elif isinstance(shape, DotShape):
            x, y = at(shape.x, shape.y)
            r = shape.r * scale
            draw.ellipse((x - r, y - r, x + r, y + r), fill=shape.fill)
        elif isinstance(shape, WedgeShape):
            x, y = at(shape.x, shape.y)
            r = shape.r * scale
            # Pillow's angles run clockwise (y points down): the same wedge is (-end, -start).
            edge = max(1, round(0.8 * scale))
            box = (x - r, y - r, x + r, y + r)
            draw.pieslice(
                box, -shape.end, -shape.start, fill=shape.fill, outline="white", width=edge
            )
        else:
            font = _pil_font(shape.bold, round(shape.size * scale))
            anchor = "ms" if shape.anchor == "middle" else "ls"
            draw.text(at(shape.x, shape.y), shape.text, fill=TEXT, font=font, anchor=anchor)
    out = io.BytesIO()
    image.save(out, "PNG", dpi=(dpi, dpi))
    return out.getvalue()


@cache
def _pil_font(bold: bool, size: int) -> ImageFont.FreeTypeFont:
    from PIL import ImageFont

    return ImageFont.truetype(str(face_path(SANS + ("-Bold" if bold else ""))), size)
