"""The coloured top of each house (or fairy, or wizard): a small drawn shape and its name.

Drawn with QPainter rather than emoji, so it looks the same on every laptop and scales with
the text.
"""
from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget


class Banner(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = ""
        self.shape = "houses"
        self.ink, self.fill = "#5b6c8f", "#e3e8f3"
        self.first = False
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set(self, text: str, shape: str, ink: str, fill: str, first: bool) -> None:
        self.text, self.shape, self.ink, self.fill, self.first = text, shape, ink, fill, first
        self.setAccessibleName(text + (", chosen first" if first else ""))
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        h = int(self.fontMetrics().height() * 3.2)
        return QSize(200, h)

    def paintEvent(self, _e: object) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        r = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(self.fill))
        p.drawRoundedRect(r, 12, 12)
        s = r.height() * 0.62
        icon = QRectF(r.left() + s * 0.35, r.center().y() - s / 2, s, s)
        p.setBrush(QColor(self.ink))
        p.drawPath(_shape(self.shape, icon))
        f = QFont(self.font())
        f.setBold(True)
        f.setPointSizeF(max(f.pointSizeF(), 9.0) * 1.3)
        p.setFont(f)
        p.setPen(QColor(self.ink))
        star_w = s * 0.8 if self.first else 0.0
        left = icon.right() + s * 0.3
        text_rect = QRectF(left, r.top() + 2, r.right() - left - star_w - 8, r.height() - 4)
        p.drawText(text_rect, int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
                                  | Qt.TextFlag.TextWordWrap), self.text)
        if self.first:  # a gold star: the house the child chose to start in
            star = QRectF(r.right() - star_w - 6, r.top() + 6, star_w, star_w)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor("#e2a72e"))
            p.drawPath(_shape("star", star))
        p.end()


def _shape(kind: str, r: QRectF) -> QPainterPath:
    """A simple filled silhouette: a house, a fairy's star, a wizard's hat, or a heart."""
    path = QPainterPath()
    x, y, w, h = r.x(), r.y(), r.width(), r.height()
    if kind == "houses":
        path.addPolygon(QPolygonF([QPointF(x + w / 2, y), QPointF(x + w, y + h * 0.45),
                                   QPointF(x + w * 0.86, y + h * 0.45), QPointF(x + w * 0.86, y + h),
                                   QPointF(x + w * 0.14, y + h), QPointF(x + w * 0.14, y + h * 0.45),
                                   QPointF(x, y + h * 0.45)]))
        door = QPainterPath()
        door.addRect(QRectF(x + w * 0.42, y + h * 0.66, w * 0.16, h * 0.34))
        path = path.subtracted(door)
    elif kind in ("fairies", "star"):
        import math

        pts = []
        for i in range(10):
            a = -math.pi / 2 + i * math.pi / 5
            rad = (w / 2) if i % 2 == 0 else (w / 2) * 0.45
            pts.append(QPointF(x + w / 2 + rad * math.cos(a), y + h / 2 + rad * math.sin(a)))
        path.addPolygon(QPolygonF(pts))
    elif kind == "wizards":
        path.addPolygon(QPolygonF([QPointF(x + w * 0.55, y), QPointF(x + w * 0.8, y + h * 0.8),
                                   QPointF(x + w * 0.2, y + h * 0.8)]))
        path.addEllipse(QRectF(x, y + h * 0.72, w, h * 0.24))
    else:  # the child's own: a heart
        path.moveTo(x + w / 2, y + h)
        path.cubicTo(x - w * 0.1, y + h * 0.55, x + w * 0.1, y, x + w / 2, y + h * 0.28)
        path.cubicTo(x + w * 0.9, y, x + w * 1.1, y + h * 0.55, x + w / 2, y + h)
    return path.simplified()
