"""A widget that shows glyphs (and pictures) scaled to fit: the compare view and the live
preview of the important people sheet draw exactly what is printed."""
from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop.canvas.qtpainter import paint_glyphs
from genogram import pictures
from genogram.model import Case
from genogram.notation.geometry import bounds
from genogram.notation.glyphs import Glyph


class GlyphPreview(QWidget):
    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(name)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(240, 200)
        self.glyphs: Sequence[Glyph] = ()
        self.pictures: Sequence[object] = ()
        self.case: Case | None = None
        self.region: tuple[float, float, float, float] | None = None
        self.paper = QColor("#ffffff")
        self.message = ""

    def set_content(self, glyphs: Sequence[Glyph], pictures_: Sequence[object] = (),
                    case: Case | None = None, region: tuple[float, float, float, float] | None = None,
                    paper: str = "#ffffff") -> None:
        self.glyphs, self.pictures, self.case = glyphs, pictures_, case
        self.region = region or (bounds(list(glyphs)) if glyphs else None)
        self.paper = QColor(paper)
        self.message = ""
        self.update()

    def set_message(self, text: str) -> None:
        """Say why there is nothing to show (in words, in the middle of the widget)."""
        self.glyphs, self.pictures, self.region, self.message = (), (), None, text
        self.setAccessibleDescription(text)
        self.update()

    def paintEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        p = QPainter(self)
        p.fillRect(self.rect(), QColor("#f4f4f4"))
        if self.region is None:
            p.drawText(self.rect().adjusted(12, 12, -12, -12), Qt.AlignmentFlag.AlignCenter
                       | Qt.TextFlag.TextWordWrap, self.message)
            p.end()
            return
        x0, y0, x1, y1 = self.region
        w, h = max(x1 - x0, 1.0), max(y1 - y0, 1.0)
        s = min((self.width() - 16) / w, (self.height() - 16) / h)
        ox = (self.width() - w * s) / 2
        oy = (self.height() - h * s) / 2
        p.fillRect(QRectF(ox, oy, w * s, h * s), self.paper)
        p.translate(ox, oy)
        p.scale(s, s)
        p.translate(-x0, -y0)
        paint_glyphs(p, list(self.glyphs))
        for pic in self.pictures:
            self._picture(p, pic)
        p.end()

    def _picture(self, p: QPainter, pic) -> None:  # type: ignore[no-untyped-def]
        kind, value = pictures.parse_ref(pic.ref)
        box = QRectF(pic.cx - pic.size / 2, pic.cy - pic.size / 2, pic.size, pic.size)
        if kind == "media" and self.case is not None:
            img = QImage.fromData(self.case.media(value))
            if not img.isNull():
                p.drawImage(box, img)
            return
        if kind == "pictogram":
            QSvgRenderer(QByteArray(pictures.svg_bytes(value))).render(p, box)
