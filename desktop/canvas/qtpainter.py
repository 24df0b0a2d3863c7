"""Glyphs on a QPainter: the screen's painter for the notation, as thin as the PDF's and PNG's.

`paint_glyphs` draws; `glyph_shape` gives an item's clickable outline (thin lines widened so
they can be picked) and `glyph_rect` its bounding rectangle, strokes and text included.
Text is set run by run in the bundled faces with the layout's own widths, so labels sit
exactly where the layout measured them.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache

from PySide6.QtCore import QByteArray, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontDatabase,
    QImage,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
    QPolygonF,
)
from PySide6.QtSvg import QSvgRenderer

from genogram.export.fonts import FILES, font_bytes, run_width, runs, text_width
from genogram.notation.geometry import bounds, line_paths
from genogram.notation.glyphs import (
    Circle,
    Cross,
    Glyph,
    Group,
    Image,
    Line,
    Point,
    Polygon,
    Rect,
    Text,
)
from genogram.notation.images import fit, vector_or_raster

#: reportlab face name → the family Qt knows it by.
FAMILY_OF = {"Andika": "Andika", "Andika-Bold": "Andika", "DejaVuSans": "DejaVu Sans",
             "DejaVuSans-Bold": "DejaVu Sans"}
TEXT_SCALE = 16.0  # fonts take whole pixel sizes: set 16× larger and scale down for exact sizes
PICK_WIDTH = 8.0  # how wide a thin line is for the mouse

_registered = False


def ensure_fonts() -> None:
    """Make the bundled faces known to Qt (once per process)."""
    global _registered
    if _registered:
        return
    for face in FILES:
        QFontDatabase.addApplicationFontFromData(font_bytes(face))
    _registered = True


def _colour(hex_colour: str) -> QColor:
    return QColor(hex_colour)


def _pen(colour: str | None, width: float, dash: Sequence[float] = ()) -> QPen:
    if colour is None or width <= 0:
        return QPen(Qt.PenStyle.NoPen)
    pen = QPen(_colour(colour), width)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    if dash:
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        pen.setDashPattern([max(d / width, 0.01) for d in dash])  # Qt counts dashes in pen widths
    else:
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    return pen


def _brush(fill: str | None) -> QBrush:
    return QBrush(_colour(fill)) if fill else QBrush(Qt.BrushStyle.NoBrush)


def _poly(points: Iterable[Point]) -> QPolygonF:
    return QPolygonF([QPointF(x, y) for x, y in points])


def paint_glyphs(painter: QPainter, glyphs: Sequence[Glyph]) -> None:
    """Draw glyphs in their own coordinates (points, y down); the painter's state is restored."""
    ensure_fonts()
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    _paint(painter, glyphs)
    painter.restore()


def _paint(painter: QPainter, glyphs: Sequence[Glyph]) -> None:
    for g in glyphs:
        if isinstance(g, Group):
            _paint(painter, g.children)
        elif isinstance(g, Line):
            painter.setPen(_pen(g.colour, g.width, g.dash))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            for pts in line_paths(g):
                painter.drawPolyline(_poly(pts))
        elif isinstance(g, Rect):
            painter.setPen(_pen(g.colour, g.line_width, g.dash))
            painter.setBrush(_brush(g.fill))
            r = QRectF(g.x, g.y, g.width, g.height)
            if g.radius:
                painter.drawRoundedRect(r, g.radius, g.radius)
            else:
                painter.drawRect(r)
        elif isinstance(g, Circle):
            painter.setPen(_pen(g.colour, g.line_width, g.dash))
            painter.setBrush(_brush(g.fill))
            painter.drawEllipse(QPointF(g.cx, g.cy), g.r, g.r)
        elif isinstance(g, Polygon):
            painter.setPen(_pen(g.colour, g.line_width, g.dash))
            painter.setBrush(_brush(g.fill))
            painter.drawPolygon(_poly(g.points))
        elif isinstance(g, Cross):
            painter.setPen(_pen(g.colour, g.width))
            h = g.half
            painter.drawLine(QPointF(g.cx - h, g.cy - h), QPointF(g.cx + h, g.cy + h))
            painter.drawLine(QPointF(g.cx - h, g.cy + h), QPointF(g.cx + h, g.cy - h))
        elif isinstance(g, Image):
            _image(painter, g)
        elif isinstance(g, Text):
            _text(painter, g)


@lru_cache(maxsize=128)
def _svg(data: bytes) -> QSvgRenderer:
    return QSvgRenderer(QByteArray(data))


@lru_cache(maxsize=32)
def _raster(data: bytes) -> QImage:
    return QImage.fromData(QByteArray(data))


def _image(painter: QPainter, g: Image) -> None:
    """A pictogram through QSvgRenderer (sharp at every zoom), a media file as an image."""
    found = vector_or_raster(g)
    if found is None:
        return
    kind, data = found
    if kind == "svg":
        r = _svg(data)
        if not r.isValid():
            return
        size = r.defaultSize()
        x, y, w, h = fit(g, size.width(), size.height())
        r.render(painter, QRectF(x, y, w, h))
    else:
        img = _raster(data)
        if img.isNull():
            return
        x, y, w, h = fit(g, img.width(), img.height())
        painter.drawImage(QRectF(x, y, w, h), img)


def _text(painter: QPainter, t: Text) -> None:
    total = text_width(t.text, t.size, t.role)
    x = t.x - (total / 2 if t.anchor == "middle" else total if t.anchor == "end" else 0.0)
    painter.save()
    painter.translate(x, t.y)
    painter.scale(1 / TEXT_SCALE, 1 / TEXT_SCALE)
    painter.setPen(QPen(_colour(t.colour)))
    pos = 0.0
    for face, piece in runs(t.text, t.role):
        font = QFont()
        font.setFamilies([FAMILY_OF[face]])
        font.setBold(t.role == "bold")
        font.setPixelSize(max(1, round(t.size * TEXT_SCALE)))
        font.setKerning(False)  # the layout measured without kerning, as reportlab does
        painter.setFont(font)
        painter.drawText(QPointF(pos * TEXT_SCALE, 0.0), piece)
        pos += run_width(face, piece, t.size)
    painter.restore()


def glyph_rect(glyphs: Sequence[Glyph]) -> QRectF:
    """The bounding rectangle of glyphs, strokes and text included (for boundingRect())."""
    x0, y0, x1, y1 = bounds(glyphs)
    return QRectF(x0, y0, x1 - x0, y1 - y0)


def glyph_shape(glyphs: Sequence[Glyph], pick_width: float = PICK_WIDTH) -> QPainterPath:
    """The outline the mouse can hit (for shape()): filled shapes as they are, lines and
    crosses widened to at least `pick_width`, text as its box."""
    lines = QPainterPath()
    areas = QPainterPath()
    areas.setFillRule(Qt.FillRule.WindingFill)  # overlapping parts add up rather than cancel
    for g in _leaves(glyphs):
        if isinstance(g, Line):
            for pts in line_paths(g):
                lines.moveTo(*pts[0])
                for q in pts[1:]:
                    lines.lineTo(*q)
        elif isinstance(g, Cross):
            h = g.half
            lines.moveTo(g.cx - h, g.cy - h)
            lines.lineTo(g.cx + h, g.cy + h)
            lines.moveTo(g.cx - h, g.cy + h)
            lines.lineTo(g.cx + h, g.cy - h)
        elif isinstance(g, (Rect, Circle, Polygon)):
            target = areas if g.fill else lines  # an outline alone is hit on its line only
            if isinstance(g, Rect):
                target.addRoundedRect(QRectF(g.x, g.y, g.width, g.height), g.radius, g.radius)
            elif isinstance(g, Circle):
                target.addEllipse(QPointF(g.cx, g.cy), g.r, g.r)
            else:
                target.addPolygon(_poly(g.points))
                target.closeSubpath()
        elif isinstance(g, (Text, Image)):
            areas.addRect(glyph_rect([g]))
    stroker = QPainterPathStroker()
    stroker.setWidth(pick_width)
    stroker.setCapStyle(Qt.PenCapStyle.RoundCap)
    stroker.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    shape = stroker.createStroke(lines) if not lines.isEmpty() else QPainterPath()
    shape.setFillRule(Qt.FillRule.WindingFill)
    shape.addPath(areas)
    return shape.simplified()


def _leaves(glyphs: Sequence[Glyph]) -> list[Glyph]:
    out: list[Glyph] = []
    for g in glyphs:
        out.extend(_leaves(g.children) if isinstance(g, Group) else [g])
    return out
