"""The chronology on screen: recorded events and those the genogram already knows, in order.

Births, deaths, partnerships and moves come from the genogram: they are shown read-only,
marked "from the genogram", and corrected there. Recorded events are added and changed here
(date exact or approximate, what happened, source, significance, the family's view, who).
The filters are the same as the printout's, so what is printed is what is shown.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from genogram.directwork.chronology import AUTO, KINDS, ChronologyFilter, chronology, filter_events
from genogram.export.chronology_pdf import chronology_pdf
from genogram.model.records import ChronologyEvent

from . import common as C
from .timeline import TimelineStrip

HEADERS = ("Date", "What happened", "Kind", "Source", "Significance", "Family’s view", "People", "")


def _short(text: str, n: int = 40) -> str:
    t = " ".join(text.split())
    return f"“{t}”" if len(t) <= n else f"“{t[:n - 1]}…”"


class ChronologyPage(C.Page):
    def __init__(self, host: C.Host, parent: QWidget | None = None) -> None:
        super().__init__(host, parent)
        self.event_id: str | None = None
        self.shown: list[ChronologyEvent] = []
        self._seen: object = None
        self._shown = False
        self.setAccessibleName("Chronology")

        self.f_kind = QComboBox()
        self.f_kind.addItem("All kinds", "")
        for k in KINDS:
            self.f_kind.addItem(k.capitalize(), k)
        self.f_person = QComboBox()
        self.f_since, self.f_until = QLineEdit(), QLineEdit()
        for w, tip in ((self.f_since, "2019"), (self.f_until, "2026-11")):
            w.setPlaceholderText(tip)
            w.setToolTip("A year, a month (2026-03) or a day (2026-03-14)")
            w.setMaximumWidth(110)
        self.f_sig = QLineEdit()
        self.f_sig.setPlaceholderText("Significance has…")
        self.f_recorded = QCheckBox("Recorded only")
        self.close_up = QCheckBox("Timeline: &zoom to the recorded events")
        self.close_up.setChecked(True)
        self.close_up.setAccessibleName("Timeline shows only the period of the recorded events")
        for w, name in ((self.f_kind, "Show events of kind"), (self.f_person, "Show events about"),
                        (self.f_since, "Show events from"), (self.f_until, "Show events until"),
                        (self.f_sig, "Significance has the words"), (self.f_recorded, "Recorded events only")):
            w.setAccessibleName(name)
        self.print_button = QPushButton("&Print…")
        filters = QHBoxLayout()
        for w in (C.label("Sho&w:", self.f_kind), self.f_kind, C.label("a&bout", self.f_person), self.f_person,
                  C.label("fro&m", self.f_since), self.f_since, C.label("to", self.f_until), self.f_until,
                  self.f_sig, self.f_recorded):
            filters.addWidget(w)
        filters.addStretch(1)
        filters.addWidget(self.print_button)
        self.filter_problem = C.label("", role="problem")

        self.strip = TimelineStrip()
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.verticalHeader().hide()
        self.table.setTabKeyNavigation(False)  # Tab moves on; the arrow keys move within
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        self.table.setAlternatingRowColors(True)
        self.table.setStyleSheet("QTableWidget { alternate-background-color: #fbf3e6; }")
        self.table.setAccessibleName("Chronology events")
        self.table.horizontalHeader().setStretchLastSection(False)

        self.date = QLineEdit()
        self.date.setPlaceholderText("2026-06-20, 2026-06, 2026 or about 2019")
        self.title = QLineEdit()
        self.kind = QComboBox()
        for k in KINDS:
            self.kind.addItem(k.capitalize(), k)
        self.kind.setCurrentIndex(self.kind.findData("event"))
        self.source = QLineEdit()
        self.significance = QLineEdit()
        self.family_view = QLineEdit()
        self.people = QListWidget()
        self.people.setMaximumHeight(130)
        self.private = QCheckBox("Private (never printed)")
        form = QFormLayout()
        for text, w, name in (("&Date:", self.date, "Date of the event"), ("Wha&t happened:", self.title, "What happened"),
                              ("&Kind:", self.kind, "Kind of event"), ("&Source:", self.source, "Source"),
                              ("Si&gnificance:", self.significance, "Significance"),
                              ("Fami&ly’s view:", self.family_view, "The family's view"),
                              ("Pe&ople:", self.people, "People in the event")):
            w.setAccessibleName(name)
            form.addRow(C.label(text, w), w)
        form.addRow("", self.private)
        self.add_button = QPushButton("&Add as new")
        self.add_button.setProperty("primary", True)
        self.save_button = QPushButton("Sa&ve changes")
        self.remove_button = QPushButton("&Remove")
        self.note = C.label("", role="hint")
        editor = QVBoxLayout()
        editor.addWidget(C.heading("Event", 1.1))
        editor.addLayout(form)
        editor.addLayout(C.row(self.add_button, self.save_button, self.remove_button))
        editor.addWidget(self.note)
        editor.addStretch(1)
        side = QWidget()
        side.setLayout(editor)
        side.setMaximumWidth(400)

        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(self.strip)
        ll.addWidget(self.close_up)
        ll.addWidget(self.table, 1)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(side)
        split.setStretchFactor(0, 1)
        outer = QVBoxLayout(self)
        outer.addLayout(filters)
        outer.addWidget(self.filter_problem)
        outer.addWidget(split, 1)

        for w in (self.f_kind, self.f_person):
            w.currentIndexChanged.connect(lambda _i: self.show_events())
        for w in (self.f_since, self.f_until, self.f_sig):
            w.textChanged.connect(lambda _t: self.show_events())
        self.f_recorded.toggled.connect(lambda _on: self.show_events())
        self.close_up.toggled.connect(lambda _on: self.show_events())
        self.table.currentCellChanged.connect(lambda r, _c, _pr, _pc: self._picked_row(r))
        self.strip.picked.connect(self.select)
        self.add_button.clicked.connect(self.add_event)
        self.save_button.clicked.connect(self.save_event)
        self.remove_button.clicked.connect(self.remove_event)
        self.print_button.clicked.connect(self.print_copy)

    # ---- reading -----------------------------------------------------------------------
    def current_filter(self) -> ChronologyFilter:
        """The filter as set; a date that cannot be read is said under the filters and ignored."""
        problems = []
        dates = []
        for w, what in ((self.f_since, "start date"), (self.f_until, "end date")):
            try:
                dates.append(C.parse_date(w.text(), what))
            except ValueError as exc:
                problems.append(str(exc))
                dates.append(None)
        self.filter_problem.setText("\n".join(problems))
        self.filter_problem.setVisible(bool(problems))
        kind, person = self.f_kind.currentData(), self.f_person.currentData()
        return ChronologyFilter((kind,) if kind else (), (person,) if person else (), dates[0], dates[1],
                                self.f_sig.text(), self.f_recorded.isChecked())

    def refresh(self) -> None:
        """The people to filter by and tick, then the events."""
        case = self.host.case
        first_look = case is not self._seen
        self._seen = case
        keep = self.f_person.currentData()
        self.f_person.blockSignals(True)
        self.f_person.clear()
        self.f_person.addItem("Everyone", "")
        self.people.clear()
        for name, pid in C.people_choices(case, case.meta.index_person if case else None):
            self.f_person.addItem(name, pid)
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, pid)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.people.addItem(item)
        self.f_person.setCurrentIndex(max(self.f_person.findData(keep), 0))
        self.f_person.blockSignals(False)
        self.show_events()
        if first_look:  # open at the recorded events, not at great-grandparents' births
            QTimer.singleShot(0, self.scroll_to_recorded)

    def scroll_to_recorded(self) -> None:
        row = next((r for r, e in enumerate(self.shown) if not e.id.startswith(AUTO)), -1)
        if row >= 0:
            self.table.scrollToItem(self.table.item(row, 0), QTableWidget.ScrollHint.PositionAtTop)

    def showEvent(self, e: QShowEvent) -> None:
        super().showEvent(e)
        if not self._shown:
            self._shown = True
            QTimer.singleShot(0, self.scroll_to_recorded)

    def show_events(self) -> None:
        """The events that pass the filters, in the table and on the timeline."""
        case = self.host.case
        self.setEnabled(case is not None)
        events = chronology(case, include_private=True) if case is not None else []
        self.shown = filter_events(events, self.current_filter())
        names = {pid: n for n, pid in C.people_choices(case, None)}
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.shown))
        chosen_row = -1
        for r, e in enumerate(self.shown):
            auto = e.id.startswith(AUTO)
            values = (e.date.label() if e.date else "no date", e.title, e.kind, e.source, e.significance,
                      e.family_view, ", ".join(names.get(p, p) for p in e.people),
                      "from the genogram" if auto else ("private" if e.private else ""))
            for c, v in enumerate(values):
                item = QTableWidgetItem(v)
                item.setData(Qt.ItemDataRole.UserRole, e.id)
                if auto:
                    item.setForeground(QColor(C.MUTED))
                self.table.setItem(r, c, item)
            if e.id == self.event_id:
                chosen_row = r
        self.table.resizeColumnsToContents()
        for c, most in ((1, 320), (4, 220), (5, 220), (6, 180)):
            self.table.setColumnWidth(c, min(self.table.columnWidth(c), most))
        self.table.resizeRowsToContents()
        if chosen_row >= 0:
            self.table.selectRow(chosen_row)
        self.table.blockSignals(False)
        self.strip.set_events(self.shown, self.event_id, self.close_up.isChecked())
        self._load()

    def select(self, event_id: str) -> None:
        self.event_id = event_id
        for r, e in enumerate(self.shown):
            if e.id == event_id:
                self.table.selectRow(r)
        self.strip.set_events(self.shown, event_id, self.close_up.isChecked())
        self._load()

    def _picked_row(self, row: int) -> None:
        if 0 <= row < len(self.shown):
            self.select(self.shown[row].id)

    def _event(self) -> ChronologyEvent | None:
        self.fresh()
        return next((e for e in self.shown if e.id == self.event_id), None)

    def _load(self) -> None:
        e = self._event()
        auto = e is not None and e.id.startswith(AUTO)
        self.save_button.setEnabled(e is not None and not auto)
        self.remove_button.setEnabled(e is not None and not auto)
        self.note.setText("This event comes from the genogram: change the dates there, and the chronology "
                          "follows." if auto else "")
        if e is None or auto:
            return
        self.date.setText(C.date_text(e.date))
        self.title.setText(e.title)
        self.kind.setCurrentIndex(max(self.kind.findData(e.kind), 0))
        self.source.setText(e.source)
        self.significance.setText(e.significance)
        self.family_view.setText(e.family_view)
        for i in range(self.people.count()):
            item = self.people.item(i)
            on = item.data(Qt.ItemDataRole.UserRole) in e.people
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        self.private.setChecked(e.private)

    # ---- changing ----------------------------------------------------------------------
    def _from_form(self, eid: str) -> ChronologyEvent | None:
        try:
            date = C.parse_date(self.date.text())
        except ValueError as exc:
            self.host.report(str(exc))
            self.date.setFocus()
            return None
        title = " ".join(self.title.text().split())
        if not title:
            self.host.report("Say what happened.")
            self.title.setFocus()
            return None
        people = tuple(self.people.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.people.count())
                       if self.people.item(i).checkState() == Qt.CheckState.Checked)
        return ChronologyEvent(eid, date, title, self.kind.currentData(), self.source.text().strip(),
                               self.significance.text().strip(), self.family_view.text().strip(), people,
                               self.private.isChecked())

    def add_event(self) -> str | None:
        self.fresh()
        if self.host.case is None:
            return None
        e = self._from_form(self.host.new_id("ev_"))
        if e is None:
            return None
        when = f" ({e.date.label()})" if e.date else ""
        if self.host.push(C.Put("chronology", e), f"Add {_short(e.title)}{when} to the chronology"):
            self.select(e.id)
            return e.id
        return None

    def save_event(self) -> bool:
        old = self._event()
        if old is None or old.id.startswith(AUTO):
            return False
        e = self._from_form(old.id)
        if e is None:
            return False
        if e == old:
            self.host.message.emit("Nothing to save: change the event first, then press Save changes.")
            return False
        return self.host.push(C.Put("chronology", e), f"Change {_short(e.title)} in the chronology")

    def remove_event(self) -> None:
        old = self._event()
        if old is None or old.id.startswith(AUTO):
            return
        if self.host.push(C.Delete("chronology", old.id), f"Remove {_short(old.title)} from the chronology"):
            self.event_id = None

    def print_copy(self) -> str | None:
        self.fresh()
        if self.host.case is None:
            return None
        f = self.current_filter()
        return self.host.write_pdf("Print the chronology", f"{self.host.case.meta.title} chronology",
                                   lambda: chronology_pdf(self.host.case, f))

