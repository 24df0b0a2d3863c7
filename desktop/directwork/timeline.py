"""A timeline strip above the chronology table: every shown event as a dot along the years.

Recorded events are filled; those worked out from the genogram are hollow. Clicking a dot
chooses that event in the table. The dots' places (`spots`) are plain data, so tests and the
accessible description read them without pixels.
"""
from __future__ import annotations

import datetime as _dt
from typing import Any

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from genogram.directwork.chronology import AUTO

from .common import ACCENT, CARD, INK, LINE, MUTED

AUTO_COLOUR = "#5b6c8f"


class TimelineStrip(QWidget):
    picked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.events: list[Any] = []
        self.selected: str | None = None
        self.spots: list[tuple[str, float, int]] = []  # (event id, x, lane)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName("Timeline")
        self.setToolTip("Click a dot to choose that event")

    def sizeHint(self) -> QSize:
        return QSize(600, self.fontMetrics().height() * 6)

    def set_events(self, events: list[Any], selected: str | None = None) -> None:
        self.events = [e for e in events if e.date is not None]
        self.selected = selected
        first = self.events[0].date.label() if self.events else ""
        last = self.events[-1].date.label() if self.events else ""
        self.setAccessibleDescription(f"{len(self.events)} dated events from {first} to {last}" if self.events
                                      else "No dated events")
        self.update()

    def _range(self) -> tuple[_dt.date, _dt.date]:
        lo = min(e.date.earliest() for e in self.events)
        hi = max(e.date.earliest() for e in self.events)
        lo = _dt.date(lo.year, 1, 1)
        hi = _dt.date(hi.year + 1, 1, 1)
        return lo, hi

    def paintEvent(self, _e: object) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        r = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        p.setPen(QPen(QColor(LINE), 1))
        p.setBrush(QColor(CARD))
        p.drawRoundedRect(r, 12, 12)
        fm = self.fontMetrics()
        self.spots = []
        if not self.events:
            p.setPen(QColor(MUTED))
            p.drawText(r, int(Qt.AlignmentFlag.AlignCenter), "No dated events to show")
            p.end()
            return
        lo, hi = self._range()
        span = max((hi - lo).days, 1)
        axis_y = r.bottom() - fm.height() * 1.6
        left, right = r.left() + 24, r.right() - 24
        p.setPen(QPen(QColor("#cbb89c"), 2))
        p.drawLine(QPointF(left, axis_y), QPointF(right, axis_y))
        years = hi.year - lo.year
        step = next(s for s in (1, 2, 5, 10, 20, 25, 50, 100) if years / s <= 12)
        p.setPen(QColor(MUTED))
        for y in range(lo.year, hi.year + 1):
            if (y - lo.year) % step:
                continue
            x = left + (right - left) * (_dt.date(y, 1, 1) - lo).days / span
            p.drawLine(QPointF(x, axis_y - 4), QPointF(x, axis_y + 4))
            w = fm.horizontalAdvance(str(y)) + 6
            p.drawText(QRectF(x - w / 2, axis_y + 6, w, fm.height()), int(Qt.AlignmentFlag.AlignCenter), str(y))
        lanes: list[float] = []
        radius = max(fm.height() * 0.32, 5.0)
        for e in self.events:
            x = left + (right - left) * (e.date.earliest() - lo).days / span
            lane = next((i for i, end in enumerate(lanes) if x - end > radius * 2.4), len(lanes))
            if lane == len(lanes):
                lanes.append(x)
            lanes[lane] = x
            lane = min(lane, 3)
            y = axis_y - radius * 2.2 - lane * radius * 2.4
            self.spots.append((e.id, x, lane))
            auto = e.id.startswith(AUTO)
            colour = QColor(AUTO_COLOUR if auto else ACCENT)
            chosen = e.id == self.selected
            p.setPen(QPen(QColor(INK) if chosen else colour, 3 if chosen else 2))
            p.setBrush(QColor(CARD) if auto else colour)
            p.drawEllipse(QPointF(x, y), radius * (1.35 if chosen else 1), radius * (1.35 if chosen else 1))
        p.end()

    def mousePressEvent(self, e: QMouseEvent) -> None:
        if not self.spots:
            return
        fm = self.fontMetrics()
        radius = max(fm.height() * 0.32, 5.0)
        axis_y = self.height() - 1 - fm.height() * 1.6
        best = None
        for eid, x, lane in self.spots:
            y = axis_y - radius * 2.2 - lane * radius * 2.4
            d = (x - e.position().x()) ** 2 + (y - e.position().y()) ** 2
            if best is None or d < best[0]:
                best = (d, eid)
        if best is not None and best[0] <= (radius * 3) ** 2:
            self.picked.emit(best[1])
