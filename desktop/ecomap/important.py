"""The "my important people" editor: who the child puts on which ring, in their own words,
with a live preview of the printed sheet beside the list."""
from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from genogram import pictures
from genogram.export.important_people_pdf import COLOURS, find_record, sheet
from genogram.model import Case, Edit, FuzzyDate, ImportantPeople, ImportantPerson, Put

from .preview import GlyphPreview

COLUMNS = ("Name", "Ring", "The child's words", "Picture")
TIPS = ("The name as the child says it", "Ring 1 is closest to the child", "In the child's own words",
        "A picture, or one suggested by their words")
AUTO = "(from their words)"


class ImportantPeopleEditor(QWidget):
    def __init__(self, push: Callable[[Edit], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.push = push
        self.case: Case | None = None
        self.record_id: str | None = None
        self._filling = False
        self.setAccessibleName("My important people")
        split = QSplitter(Qt.Orientation.Horizontal, self)
        left = QWidget()
        col = QVBoxLayout(left)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        col.addWidget(self.heading)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(list(COLUMNS))
        self.table.setAccessibleName("Important people: name, ring, words, picture")
        head = self.table.horizontalHeader()
        head.setSectionResizeMode(2, head.ResizeMode.Stretch)
        for i, tip in enumerate(TIPS):
            self.table.horizontalHeaderItem(i).setToolTip(tip)
        self.table.setColumnWidth(0, 130)
        self.table.setColumnWidth(1, 60)
        self.table.setColumnWidth(3, 130)
        col.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.add_button = QPushButton("&Add someone")
        self.add_button.setAccessibleName("Add someone to the circles")
        self.remove_button = QPushButton("&Remove")
        self.remove_button.setAccessibleName("Remove the chosen person from the circles")
        self.start_button = QPushButton("&Start a sheet")
        self.start_button.setAccessibleName("Start a my important people sheet")
        for b in (self.start_button, self.add_button, self.remove_button):
            row.addWidget(b)
        col.addLayout(row)
        split.addWidget(left)
        self.preview = GlyphPreview("Preview of the important people sheet")
        split.addWidget(self.preview)
        split.setSizes([420, 380])
        QVBoxLayout(self).addWidget(split)
        self.table.itemChanged.connect(lambda _i: self._changed())
        self.table.currentCellChanged.connect(lambda *_a: self._sync_remove())
        self.add_button.clicked.connect(self.add_person)
        self.remove_button.clicked.connect(self.remove_person)
        self.start_button.clicked.connect(self.start)

    # ---- showing ----------------------------------------------------------------------------
    def record(self) -> ImportantPeople | None:
        if self.case is None:
            return None
        for rid, child in ((self.record_id, None), (None, self.case.meta.index_person), (None, None)):
            if rid or child or (rid, child) == (None, None):
                try:  # the sheet shown, else the index child's latest, else anyone's latest
                    return find_record(self.case, rid, child)
                except ValueError:
                    continue
        return None

    def refresh(self, case: Case | None) -> None:
        self.case = case
        rec = self.record()
        self.record_id = rec.id if rec else None
        self.start_button.setVisible(case is not None and rec is None)
        self.add_button.setEnabled(rec is not None)
        self.heading.setText(f"{self._whose(rec)}: who matters? Put the closest on ring 1." if rec else
                             "There is no \"my important people\" sheet yet: start one with the child.")
        if rec is not None and self._shown() != list(rec.people):
            self._fill(rec)
        elif rec is None:
            self.table.setRowCount(0)
        self._preview(rec)
        self._sync_remove()

    def _sync_remove(self) -> None:
        """Remove is enabled only while someone in the list is chosen."""
        rec = self.record()
        able = rec is not None and 0 <= self.table.currentRow() < len(rec.people)
        self.remove_button.setEnabled(able)
        self.remove_button.setToolTip("Take the chosen person off the circles" if able else
                                      "Choose a person in the list first.")

    def _whose(self, rec: ImportantPeople) -> str:
        from genogram.export.important_people_pdf import child_name

        assert self.case is not None
        name = child_name(self.case, rec)
        return f"{name}’s important people" if name else "My important people"

    def _fill(self, rec: ImportantPeople) -> None:
        self._filling = True
        try:
            self.table.setRowCount(len(rec.people))
            for r, p in enumerate(rec.people):
                self.table.setItem(r, 0, QTableWidgetItem(p.name))
                ring = QComboBox()
                ring.addItems(["1", "2", "3"])
                ring.setCurrentIndex(min(max(p.ring, 1), 3) - 1)
                ring.setAccessibleName(f"Ring for {p.name}")
                ring.activated.connect(lambda _i: self._changed())
                self.table.setCellWidget(r, 1, ring)
                self.table.setItem(r, 2, QTableWidgetItem(p.words))
                pic = QComboBox()
                pic.addItem(AUTO, "")
                if p.picture and p.picture.startswith("media:"):
                    pic.addItem(f"Drawing: {p.picture[6:]}", p.picture)
                for k in sorted(pictures.pictograms()):
                    pic.addItem(k, f"pictogram:{k}")
                pic.setCurrentIndex(max(pic.findData(p.picture or ""), 0))
                pic.setAccessibleName(f"Picture for {p.name}")
                pic.activated.connect(lambda _i: self._changed())
                self.table.setCellWidget(r, 3, pic)
        finally:
            self._filling = False

    def _shown(self) -> list[ImportantPerson]:
        """The people as the table shows them (kept links to the genogram from the record)."""
        rec = self.record()
        old = list(rec.people) if rec else []
        out = []
        for r in range(self.table.rowCount()):
            name = self.table.item(r, 0).text().strip() if self.table.item(r, 0) else ""
            words = self.table.item(r, 2).text().strip() if self.table.item(r, 2) else ""
            ring_box, pic_box = self.table.cellWidget(r, 1), self.table.cellWidget(r, 3)
            ring = int(ring_box.currentText()) if isinstance(ring_box, QComboBox) else 1
            pic = (pic_box.currentData() or None) if isinstance(pic_box, QComboBox) else None
            person = old[r].person if r < len(old) else None
            out.append(ImportantPerson(name, ring, person, words, pic))
        return out

    def _preview(self, rec: ImportantPeople | None) -> None:
        if self.case is None or rec is None or not rec.people:
            self.preview.set_message("The sheet appears here as you add people.")
            return
        try:
            s = sheet(self.case, rec)
        except ValueError as exc:
            self.preview.set_message(str(exc))
            return
        self.preview.set_content(s.glyphs, s.pictures, self.case, (0, 0, s.width, s.height),
                                 COLOURS["paper"])

    # ---- changing ---------------------------------------------------------------------------
    def _changed(self) -> None:
        rec = self.record()
        if self._filling or rec is None:
            return
        people = tuple(self._shown())
        if people != rec.people:
            self.push(Put("important_people", replace(rec, people=people), "Change the important people"))

    def start(self) -> None:
        if self.case is None:
            return
        rid = self.case.new_id("ip")
        child = self.case.meta.index_person
        self.record_id = rid
        self.push(Put("important_people", ImportantPeople(rid, child, FuzzyDate.from_date(_dt.date.today())),
                      "Start a my important people sheet"))

    def add_person(self, name: str = "", ring: int = 1, words: str = "") -> None:
        rec = self.record()
        if rec is None:
            return
        new = ImportantPerson(name or "Someone", ring, None, words)
        self.push(Put("important_people", replace(rec, people=(*rec.people, new)),
                      f"Add {new.name} to the important people"))
        self.table.setCurrentCell(self.table.rowCount() - 1, 0)
        self.table.editItem(self.table.item(self.table.rowCount() - 1, 0))

    def remove_person(self) -> None:
        rec = self.record()
        r = self.table.currentRow()
        if rec is None or not 0 <= r < len(rec.people):
            return
        gone = rec.people[r]
        people = tuple(p for i, p in enumerate(rec.people) if i != r)
        self.push(Put("important_people", replace(rec, people=people),
                      f"Take {gone.name} off the important people"))
