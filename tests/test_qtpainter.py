"""The QPainter backend paints the notation's glyphs (offscreen) and gives items a pickable shape."""
from __future__ import annotations

from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter
from PySide6.QtWidgets import QApplication

from desktop.canvas.qtpainter import glyph_rect, glyph_shape, paint_glyphs
from genogram.notation.genogram import genogram_glyphs
from genogram.notation.glyphs import Line, groups
from tests.test_notation import every_element


def _app() -> QGuiApplication:
    # a QApplication, so widget tests run after these in the same process still work
    return QApplication.instance() or QApplication([])


def _render(glyphs) -> QImage:
    rect = glyph_rect(glyphs)
    image = QImage(int(rect.width()) + 20, int(rect.height()) + 20, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.translate(10 - rect.x(), 10 - rect.y())
    paint_glyphs(painter, glyphs)
    painter.end()
    return image


def _dark(image: QImage, x: float, y: float, r: int = 2) -> bool:
    return any(QColor(image.pixel(int(x) + dx, int(y) + dy)).lightness() < 128
               for dx in range(-r, r + 1) for dy in range(-r, r + 1))


def test_the_whole_family_paints_offscreen_and_is_not_blank():
    _app()
    case, lay = every_element()
    glyphs = genogram_glyphs(case, lay)
    image = _render(glyphs)
    rect = glyph_rect(glyphs)
    ox, oy = 10 - rect.x(), 10 - rect.y()
    emrys = lay.people["emrys"]
    assert _dark(image, emrys.cx - emrys.size / 2 + ox, emrys.cy + oy)  # the square's left side
    assert not _dark(image, emrys.cx - emrys.size / 2 - 8 + ox, emrys.cy - 12 + oy)  # outside: white
    dark = sum(QColor(image.pixel(x, y)).lightness() < 128
               for x in range(0, image.width(), 3) for y in range(0, image.height(), 3))
    assert dark > 500


def test_text_is_drawn_where_the_layout_measured_it():
    _app()
    case, lay = every_element()
    person = next(g for g in groups(genogram_glyphs(case, lay), "person") if g.owner == "an")
    image = _render([person])
    assert image.width() > 40  # the label "Nguyễn Văn An" is wider than the symbol
    columns = [x for x in range(image.width()) if any(QColor(image.pixel(x, y)).lightness() < 128
                                                     for y in range(image.height()))]
    rect = glyph_rect([person])
    assert columns and abs((max(columns) - min(columns)) - (rect.width())) < 8


def test_shape_widens_thin_lines_so_they_can_be_picked():
    _app()
    case, lay = every_element()
    bond = next(g for g in groups(genogram_glyphs(case, lay), "bond") if g.owner == "b3")
    line = next(c for c in bond.children if isinstance(c, Line))
    mid = QPointF(*line.points[len(line.points) // 2])  # the top of its arch over the row
    shape = glyph_shape([bond])
    assert shape.contains(mid) and shape.contains(mid + QPointF(0, 3))
    assert not shape.contains(mid + QPointF(0, 30))
    person = next(g for g in groups(genogram_glyphs(case, lay), "person") if g.owner == "gwen")
    centre = QPointF(lay.people["gwen"].cx, lay.people["gwen"].cy)
    assert glyph_shape([person]).contains(centre)  # a filled symbol is hit anywhere inside


def test_pictures_are_painted_from_svg_and_from_media_and_missing_ones_are_skipped():
    import io

    from PIL import Image as PILImage

    from genogram.notation.glyphs import Image, Rect

    _app()
    buf = io.BytesIO()
    PILImage.new("RGB", (8, 4), "#0000ff").save(buf, "PNG")
    glyphs = [Rect(0, 0, 60, 60, "#ffffff", 0.5), Image(5, 5, 20, 20, "pictogram:school"),
              Image(35, 5, 20, 20, "media:d.png", lambda n: buf.getvalue()),
              Image(5, 35, 20, 20, "pictogram:no-such-thing")]
    image = _render(glyphs)
    ox = oy = 10 - glyph_rect(glyphs).x()
    blue = QColor(image.pixel(int(ox + 45), int(oy + 15)))
    assert blue.blue() > 200 and blue.red() < 60
    school = [QColor(image.pixel(int(ox + x), int(oy + y))) for x in range(5, 25) for y in range(5, 25)]
    assert sum(1 for c in school if c.lightness() < 250) > 40
    assert all(QColor(image.pixel(int(ox + x), int(oy + y))).lightness() > 250
               for x in range(8, 22) for y in range(38, 52))
    assert glyph_shape(glyphs[1:2]).contains(QPointF(15, 15))
