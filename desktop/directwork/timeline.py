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
        self.close_up = False  # only the period of the recorded events
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName("Timeline")
        self.setToolTip("Click a dot to choose that event")

    def sizeHint(self) -> QSize:
        return QSize(600, self.fontMetrics().height() * 6)

    def set_events(self, events: list[Any], selected: str | None = None, close_up: bool = False) -> None:
        dated = [e for e in events if e.date is not None]
        recorded = [e for e in dated if not e.id.startswith(AUTO)]
        self.close_up = close_up and bool(recorded)
        if self.close_up:
            lo = _dt.date(min(e.date.earliest() for e in recorded).year, 1, 1)
            dated = [e for e in dated if e.date.earliest() >= lo]
        # auto events first, so the recorded ones are drawn on top
        self.events = sorted(dated, key=lambda e: (not e.id.startswith(AUTO), e.date.earliest()))
        self.selected = selected
        by_date = sorted(self.events, key=lambda e: e.date.earliest())
        first = by_date[0].date.label() if by_date else ""
        last = by_date[-1].date.label() if by_date else ""
        self.setAccessibleDescription(f"{len(self.events)} dated events from {first} to {last}" if self.events
                                      else "No dated events")
        self.update()

    def _range(self) -> tuple[_dt.date, _dt.date]:
        first = min(e.date.earliest() for e in self.events)
        last = max(e.date.earliest() for e in self.events)
        if self.close_up and (last - first).days < 540:  # a close-up: whole months around the events
            lo = _month(first.year, first.month - 1)
            hi = _month(last.year, last.month + 2)
            return lo, hi
        return _dt.date(first.year, 1, 1), _dt.date(last.year + 1, 1, 1)

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
        p.setPen(QColor(MUTED))
        for when, text in _ticks(lo, hi, years):
            x = left + (right - left) * (when - lo).days / span
            p.drawLine(QPointF(x, axis_y - 4), QPointF(x, axis_y + 4))
            w = fm.horizontalAdvance(text) + 6
            lx = min(max(x - w / 2, r.left() + 4), r.right() - 4 - w)  # end labels stay inside
            p.drawText(QRectF(lx, axis_y + 6, w, fm.height()), int(Qt.AlignmentFlag.AlignCenter), text)
        radius = max(fm.height() * 0.32, 5.0)
        most = max(int((axis_y - r.top() - fm.height() - radius * 2) // (radius * 2.4)), 1)
        lanes: list[float] = []
        place: dict[str, tuple[float, int]] = {}
        for e in sorted(self.events, key=lambda e: e.date.earliest()):  # lanes in date order
            x = left + (right - left) * (e.date.earliest() - lo).days / span
            lane = next((i for i, end in enumerate(lanes) if x - end > radius * 2.4), len(lanes))
            if lane == len(lanes):
                lanes.append(x)
            lanes[lane] = x
            place[e.id] = (x, min(lane, most - 1))
        lx = r.left() + 14  # the key, top left
        for filled, words in ((True, "recorded"), (False, "from the genogram")):
            colour = QColor(ACCENT if filled else AUTO_COLOUR)
            p.setPen(QPen(colour, 2))
            p.setBrush(colour if filled else QColor(CARD))
            p.drawEllipse(QPointF(lx + radius, r.top() + 8 + fm.height() / 2), radius * 0.8, radius * 0.8)
            p.setPen(QColor(MUTED))
            p.drawText(QPointF(lx + radius * 2 + 6, r.top() + 8 + fm.ascent()), words)
            lx += radius * 2 + 18 + fm.horizontalAdvance(words)
        for e in self.events:  # drawn with the recorded events on top
            x, lane = place[e.id]
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


def _month(year: int, month: int) -> _dt.date:
    """The first of a month counted on from January of `year` (month 0 is last December)."""
    year += (month - 1) // 12
    return _dt.date(year, (month - 1) % 12 + 1, 1)


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _ticks(lo: _dt.date, hi: _dt.date, years: int) -> list[tuple[_dt.date, str]]:
    """Year marks (every 1, 2, 5… years); seasons for three years or less; months for a close-up."""
    if (hi - lo).days <= 600:
        out, d = [], lo
        while d <= hi:
            out.append((d, f"{_MONTHS[d.month - 1]} {d.year}" if d.month == 1 or d == lo else _MONTHS[d.month - 1]))
            d = _month(d.year, d.month + 1)
        return out
    if years <= 3:
        out = []
        for y in range(lo.year, hi.year + 1):
            for m, name in ((1, str(y)), (4, "Apr"), (7, "Jul"), (10, "Oct")):
                d = _dt.date(y, m, 1)
                if lo <= d <= hi:
                    out.append((d, name))
        return out
    step = next(s for s in (1, 2, 5, 10, 20, 25, 50, 100) if years / s <= 12)
    return [(_dt.date(y, 1, 1), str(y)) for y in range(lo.year, hi.year + 1) if (y - lo.year) % step == 0]
