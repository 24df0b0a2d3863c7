"""The safety scale under the map: each person's 0–10 rating per date, a table and a chart.

Ratings are kept per person and date (a second rating by the same person on the same day
replaces the first). The panel edits the map it is given through the page's `put`, so each
rating is one undo step.
"""
from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from genogram.model.dates import FuzzyDate
from genogram.model.records import SafetyMap, ScaleRating

from . import common as C
from .chart import ScaleChart


class RatingsPanel(QWidget):
    def __init__(self, host: C.Host, current: Callable[[], SafetyMap | None],
                 put: Callable[[SafetyMap, str], bool], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host, self.current, self.put = host, current, put
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(["Who", "Date", "0–10", "Why"])
        head = self.table.horizontalHeader()
        head.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setTabKeyNavigation(False)  # Tab moves on; the arrow keys move within
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setAccessibleName("Safety scale ratings")
        self.who = QComboBox()
        self.who.setEditable(True)
        self.who.setAccessibleName("Whose rating")
        self.who.lineEdit().setPlaceholderText("Who?")
        self.date = QLineEdit(_dt.date.today().isoformat())
        self.date.setAccessibleName("Date of the rating")
        self.date.setMaximumWidth(110)
        self.score = QSpinBox()
        self.score.setRange(0, 10)
        self.score.setAccessibleName("Rating from 0 to 10")
        self.note = QLineEdit()
        self.note.setAccessibleName("Why this number")
        self.note.setPlaceholderText("Why this number?")
        self.add_button = QPushButton("Add ra&ting")
        self.remove_button = QPushButton("Remove rat&ing")
        self.chart = ScaleChart()
        form = QHBoxLayout()
        for w in (self.who, self.date, self.score, self.note, self.add_button):
            form.addWidget(w)
        form.setStretch(3, 1)
        self.left = QVBoxLayout()
        self.left.addWidget(C.heading("Safety scale: 0 (cannot live at home) to 10 (safe enough to close)", 1.05))
        self.left.addWidget(self.table, 1)
        self.left.addLayout(form)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(self.left, 1)
        lay.addWidget(self.chart, 1)
        self.add_button.clicked.connect(self.add)
        self.note.returnPressed.connect(self.add)
        self.remove_button.clicked.connect(self.remove)
        self.table.currentCellChanged.connect(lambda *_a: self._sync_remove())
        self._count = 0  # ratings shown

    def _sync_remove(self) -> None:
        """Remove rating is enabled only while a rating in the table is chosen."""
        C.able(self.remove_button, self.table.isEnabled() and 0 <= self.table.currentRow() < self._count,
               "Take the chosen rating out", "Choose a rating in the table first.")

    def show_map(self, m: SafetyMap | None, case: Any) -> None:
        ratings = list(m.ratings) if m else []
        self.table.setRowCount(len(ratings))
        for r, rating in enumerate(ratings):
            for c, v in enumerate((rating.who, rating.date.label(), str(rating.score), rating.note)):
                self.table.setItem(r, c, QTableWidgetItem(v))
        self.chart.set_ratings(ratings)
        keep = self.who.currentText()
        self.who.clear()
        names = list(dict.fromkeys([x.who for x in ratings] + [n for n, _ in C.people_choices(case, None)]))
        if case is not None and case.meta.worker:
            names.insert(0, case.meta.worker)
        self.who.addItems(names)
        self.who.setCurrentText(keep)
        for w in (self.table, self.add_button):
            w.setEnabled(m is not None)
        self._count = len(ratings)
        self._sync_remove()

    def add(self) -> bool:
        m = self.current()
        who = " ".join(self.who.currentText().split())
        if m is None:
            return False
        if not who:
            self.host.report("Say whose rating this is.")
            return False
        try:
            date = C.parse_date(self.date.text(), "date") or FuzzyDate.from_date(_dt.date.today())
        except ValueError as exc:
            self.host.report(str(exc))
            return False
        score = self.score.value()
        kept = tuple(r for r in m.ratings if not (r.who == who and r.date == date))
        text = f"{who} rates {score} out of 10 on {date.label()}"
        if self.put(replace(m, ratings=(*kept, ScaleRating(who, date, score, self.note.text().strip()))), text):
            self.note.clear()
            return True
        return False

    def remove(self) -> None:
        m, row = self.current(), self.table.currentRow()
        if m is None or not 0 <= row < len(m.ratings):
            return
        r = m.ratings[row]
        self.put(replace(m, ratings=m.ratings[:row] + m.ratings[row + 1:]),
                 f"Remove {r.who}’s rating of {r.score} on {r.date.label()}")
