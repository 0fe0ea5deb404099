"""A ``Chart`` as reportlab vector graphics for the PDF, from the shapes ``chart_drawing``
lays out (the DOCX gets the same shapes as a picture)."""

from __future__ import annotations

from reportlab.graphics.shapes import Circle, Drawing, PolyLine, Rect, String, Wedge
from reportlab.lib import colors

from briefing_studio.document import Chart
from briefing_studio.render.chart_drawing import (
    TEXT,
    DotShape,
    LineShape,
    RectShape,
    WedgeShape,
    chart_shapes,
    chart_size,
)
from briefing_studio.render.font_faces import SANS
from briefing_studio.render.fonts import register_family


def chart_drawing(chart: Chart, width: float) -> Drawing:
    """The chart as a reportlab drawing (a flowable: vector in the PDF)."""
    register_family(SANS)
    w, h = chart_size(width)
    drawing = Drawing(w, h)
    for shape in chart_shapes(chart, w, h):
        if isinstance(shape, RectShape):
            drawing.add(
                Rect(
                    shape.x, shape.y, shape.w, shape.h, fillColor=_rl(shape.fill), strokeColor=None
                )
            )
        elif isinstance(shape, LineShape):
            points = [c for point in shape.points for c in point]
            drawing.add(PolyLine(points, strokeColor=_rl(shape.color), strokeWidth=shape.width))
        elif isinstance(shape, DotShape):
            drawing.add(
                Circle(shape.x, shape.y, shape.r, fillColor=_rl(shape.fill), strokeColor=None)
            )
        elif isinstance(shape, WedgeShape):
            drawing.add(
                Wedge(
                    shape.x,
                    shape.y,
                    shape.r,
                    shape.start,
                    shape.end,
                    fillColor=_rl(shape.fill),
                    strokeColor=colors.white,
                    strokeWidth=0.8,
                )
            )
        else:
            drawing.add(
                String(
                    shape.x,
                    shape.y,
                    shape.text,
                    fontName=SANS + ("-Bold" if shape.bold else ""),
                    fontSize=shape.size,
                    textAnchor=shape.anchor,
                    fillColor=_rl(TEXT),
                )
            )
    return drawing


def _rl(hex_colour: str) -> colors.Color:
    return colors.HexColor(hex_colour)
