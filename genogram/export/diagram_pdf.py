"""Glyphs in PDF: a reportlab painter, and a Flowable whose wrap() scales the drawing to the
frame and whose draw() paints the same glyphs the canvas shows.

The painter works in the glyphs' own coordinates (y down); callers flip the canvas once.
"""
from __future__ import annotations

import io

from reportlab.graphics import renderPDF
from reportlab.lib.colors import HexColor
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from .. import pictures
from ..notation.geometry import line_paths
from ..notation.glyphs import Circle, Cross, Glyph, Group, Image, Line, Point, Polygon, Rect, Text
from ..notation.images import fit, split
from .fonts import register, run_width, runs, text_width

Region = tuple[float, float, float, float]  # x0, y0, x1, y1 in glyph coordinates


def _pen(c: Canvas, colour: str, width: float, dash: tuple[float, ...] = ()) -> None:
    c.setStrokeColor(HexColor(colour))
    c.setLineWidth(width)
    c.setDash(list(dash) if dash else [])
    c.setLineCap(0 if dash else 1)
    c.setLineJoin(1)


def _path(c: Canvas, pts: tuple[Point, ...], close: bool, stroke: bool, fill: bool) -> None:
    p = c.beginPath()
    p.moveTo(*pts[0])
    for q in pts[1:]:
        p.lineTo(*q)
    if close:
        p.close()
    c.drawPath(p, stroke=int(stroke), fill=int(fill))


def paint(c: Canvas, glyphs: list[Glyph] | tuple[Glyph, ...]) -> None:
    """Paint glyphs on a canvas already flipped so that y grows downward."""
    for g in glyphs:
        if isinstance(g, Group):
            paint(c, g.children)
        elif isinstance(g, Line):
            _pen(c, g.colour, g.width, g.dash)
            for pts in line_paths(g):
                _path(c, pts, False, True, False)
        elif isinstance(g, (Rect, Circle, Polygon)):
            stroke, fill = g.colour is not None and g.line_width > 0, g.fill is not None
            if not (stroke or fill):
                continue
            if stroke:
                _pen(c, g.colour or "#000000", g.line_width, g.dash)
            if fill:
                c.setFillColor(HexColor(g.fill or "#ffffff"))
            if isinstance(g, Rect):
                if g.radius:
                    c.roundRect(g.x, g.y, g.width, g.height, g.radius, stroke=int(stroke), fill=int(fill))
                else:
                    c.rect(g.x, g.y, g.width, g.height, stroke=int(stroke), fill=int(fill))
            elif isinstance(g, Circle):
                c.circle(g.cx, g.cy, g.r, stroke=int(stroke), fill=int(fill))
            else:
                _path(c, g.points, True, stroke, fill)
        elif isinstance(g, Cross):
            _pen(c, g.colour, g.width)
            h = g.half
            _path(c, ((g.cx - h, g.cy - h), (g.cx + h, g.cy + h)), False, True, False)
            _path(c, ((g.cx - h, g.cy + h), (g.cx + h, g.cy - h)), False, True, False)
        elif isinstance(g, Image):
            _image(c, g)
        elif isinstance(g, Text):
            _text(c, g)


def _image(c: Canvas, g: Image) -> None:
    """A pictogram as vectors (sharp at any zoom); a media file as an image. Missing: nothing."""
    parts = split(g.ref)
    if parts is None:
        return
    kind, value = parts
    if kind == "pictogram":
        try:
            d = pictures.drawing(value, min(g.width, g.height))
        except (pictures.PictureError, OSError, ValueError):
            return
        x, y, w, h = fit(g, d.width, d.height)
        c.saveState()
        c.translate(x, y + h)
        c.scale(1, -1)  # the drawing is y-up, as reportlab draws
        renderPDF.draw(d, c, 0, 0)
        c.restoreState()
    elif kind == "media" and g.source is not None:
        try:
            data = g.source(value)
            reader = ImageReader(io.BytesIO(data)) if data else None
            size = reader.getSize() if reader else None
        except (KeyError, OSError, ValueError):
            return
        if reader is None or size is None:
            return
        x, y, w, h = fit(g, *size)
        c.saveState()
        c.translate(x, y + h)
        c.scale(1, -1)
        c.drawImage(reader, 0, 0, w, h, mask="auto")
        c.restoreState()


def _text(c: Canvas, t: Text) -> None:
    total = text_width(t.text, t.size, t.role)
    x = t.x - (total / 2 if t.anchor == "middle" else total if t.anchor == "end" else 0.0)
    c.saveState()
    c.translate(x, t.y)
    c.scale(1, -1)  # text upright again on the flipped canvas
    c.setFillColor(HexColor(t.colour))
    pos = 0.0
    for face, piece in runs(t.text, t.role):
        c.setFont(face, t.size)
        c.drawString(pos, 0, piece)
        pos += run_width(face, piece, t.size)
    c.restoreState()


class GlyphFlowable(Flowable):  # type: ignore[misc]
    """A drawing (or one region of it) that scales to the space it is given.

    `reserve` keeps room below for what follows on the page (the key); `max_scale` stops a
    small family being blown up; `scale` fixes the scale (tiles are printed at one size).
    """

    def __init__(self, glyphs: list[Glyph], region: Region, *, max_scale: float = 1.0,
                 reserve: float = 0.0, scale: float | None = None, clip: list[Region] | None = None) -> None:
        super().__init__()
        register()
        self.glyphs, self.region, self.max_scale = glyphs, region, max_scale
        self.reserve, self.fixed, self.clip = reserve, scale, clip
        self.scale = scale or 1.0
        self.hAlign = "CENTER"

    @property
    def size(self) -> tuple[float, float]:
        x0, y0, x1, y1 = self.region
        return max(x1 - x0, 1.0), max(y1 - y0, 1.0)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        w, h = self.size
        if self.fixed is None:
            room = max(availHeight - self.reserve, 1.0)
            self.scale = min(availWidth / w, room / h, self.max_scale)
        return w * self.scale, h * self.scale

    def draw(self) -> None:
        c: Canvas = self.canv
        _w, h = self.size
        x0, y0, _, _ = self.region
        c.saveState()
        c.translate(0, h * self.scale)
        c.scale(self.scale, -self.scale)
        c.translate(-x0, -y0)
        if self.clip:  # only these parts of the drawing belong on this page
            p = c.beginPath()
            for cx0, cy0, cx1, cy1 in self.clip:
                p.rect(cx0, cy0, cx1 - cx0, cy1 - cy0)
            c.clipPath(p, stroke=0, fill=0)
        paint(c, self.glyphs)
        c.restoreState()
