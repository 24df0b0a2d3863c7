"""Each person's 0–10 safety rating over time, one line each: where people stand, and moving.

The data (`series`) is worked out from the map alone, so tests read what the chart shows
without looking at pixels. Dates are spaced evenly, in order, as on the printed map.
"""
from __future__ import annotations

from itertools import pairwise
from typing import Any

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from genogram.model.dates import FuzzyDate

from .common import CARD, INK, LINE, MUTED

LINE_COLOURS = ("#b5651d", "#2f6fc2", "#3f9d4e", "#8a4fb0", "#c2456a", "#6b7a2a", "#1f8a8a", "#7a5a3a")


def series(ratings: Any) -> tuple[list[FuzzyDate], dict[str, list[tuple[FuzzyDate, int]]]]:
    """The dates in order, and for each person (in the order first rated) their (date, score)."""
    dates = sorted({r.date for r in ratings}, key=lambda d: (d.earliest(), d.latest()))
    out: dict[str, list[tuple[FuzzyDate, int]]] = {}
    for r in sorted(ratings, key=lambda r: (r.date.earliest(), r.date.latest())):
        out.setdefault(r.who, []).append((r.date, r.score))
    return dates, out


class ScaleChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dates: list[FuzzyDate] = []
        self.lines: dict[str, list[tuple[FuzzyDate, int]]] = {}
        self.setMinimumSize(320, 200)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName("Safety scale over time")

    def set_ratings(self, ratings: Any) -> None:
        self.dates, self.lines = series(ratings)
        parts = [f"{who}: " + ", ".join(f"{s} on {d.label()}" for d, s in pts) for who, pts in self.lines.items()]
        self.setAccessibleDescription("; ".join(parts) or "No ratings yet")
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(460, 260)

    def paintEvent(self, _e: object) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        r = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        p.setPen(QPen(QColor(LINE), 1))
        p.setBrush(QColor(CARD))
        p.drawRoundedRect(r, 12, 12)
        fm = self.fontMetrics()
        if not self.lines:
            p.setPen(QColor(MUTED))
            p.drawText(r.adjusted(20, 20, -20, -20), int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap),
                       "No ratings yet.\nAsk each person: on a scale of 0 to 10, where 10 means everyone "
                       "knows the child is safe enough to close the case, where are things today?")
            p.end()
            return
        legend_w = max(fm.horizontalAdvance(w) for w in self.lines) + 30
        pad = fm.horizontalAdvance("15 Sep 2026") / 2
        plot = r.adjusted(fm.horizontalAdvance("10") + 22, fm.height() + 6, -legend_w - 40, -fm.height() * 2 - 8)
        inner = plot.adjusted(pad - 10, 0, -24, 0)
        p.setFont(self.font())
        for v in range(0, 11, 2):  # gridlines every 2
            y = plot.bottom() - plot.height() * v / 10
            p.setPen(QPen(QColor("#efe6d7"), 1))
            p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            p.setPen(QColor(MUTED))
            p.drawText(QRectF(r.left() + 4, y - fm.height() / 2, plot.left() - r.left() - 10, fm.height()),
                       int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), str(v))
        n = len(self.dates)

        def x_of(d: FuzzyDate) -> float:
            i = self.dates.index(d)
            return inner.center().x() if n == 1 else inner.left() + inner.width() * i / (n - 1)

        for d in self.dates:
            p.setPen(QColor(MUTED))
            x = x_of(d)
            w = fm.horizontalAdvance(d.label()) + 8
            p.drawText(QRectF(x - w / 2, plot.bottom() + 6, w, fm.height()), int(Qt.AlignmentFlag.AlignCenter),
                       d.label())
        taken: dict[tuple[float, float], int] = {}
        bold = QFont(self.font())
        bold.setBold(True)
        for k, (who, pts) in enumerate(self.lines.items()):
            colour = QColor(LINE_COLOURS[k % len(LINE_COLOURS)])
            p.setPen(QPen(colour, 3, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
            xy = [QPointF(x_of(d), plot.bottom() - plot.height() * s / 10) for d, s in pts]
            for a, b in pairwise(xy):
                p.drawLine(a, b)
            p.setBrush(colour)
            for pt, (_d, s) in zip(xy, pts):
                p.setPen(QPen(QColor(CARD), 2))
                p.drawEllipse(pt, 6, 6)
                p.setPen(colour)
                p.setFont(bold)
                spot = (round(pt.x()), round(pt.y()))
                shift = taken.get(spot, 0)
                taken[spot] = shift + 1
                p.drawText(QRectF(pt.x() + 7 + shift * fm.horizontalAdvance("10 "), pt.y() - fm.height() - 2, 30,
                                  fm.height()),
                           int(Qt.AlignmentFlag.AlignLeft), str(s))
                p.setFont(self.font())
            ly = plot.top() + k * (fm.height() + 8)
            p.setPen(QPen(colour, 4))
            p.drawLine(QPointF(plot.right() + 44, ly + fm.height() / 2), QPointF(plot.right() + 56, ly + fm.height() / 2))
            p.setPen(QColor(INK))
            p.drawText(QRectF(plot.right() + 62, ly, legend_w, fm.height()), int(Qt.AlignmentFlag.AlignLeft), who)
        p.end()
