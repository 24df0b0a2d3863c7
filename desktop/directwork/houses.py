"""Three houses (Weld and Greening): the child's exact words in three big houses.

The child chooses the theme (houses, fairies, wizards or their own), which house to start in
and who writes. Words are kept exactly as said: an entry can be added or removed, never
reworded. Drawings come from the drawing pad or a photo of a paper drawing (metadata
stripped). Before sharing: a read-back tick and the child's answer for each person; a copy for
someone the child said no to is refused with a sentence, and no file is written.
"""
from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from genogram.directwork.validation import HOUSES
from genogram.export.three_houses_pdf import three_houses_pdf
from genogram.model.dates import FuzzyDate
from genogram.model.errors import UnknownIdError
from genogram.model.records import HouseEntry, ThreeHouses

from . import common as C
from .banner import Banner
from .drawpad import DrawingDialog
from .sharing import RECORD_COPY, SharingPanel, house_name

THEMES = (("houses", "Houses"), ("fairies", "Fairies"), ("wizards", "Wizards"), ("own", "The child’s own"))
def _short(words: str, n: int = 32) -> str:
    t = " ".join(words.split())
    return f"“{t}”" if len(t) <= n else f"“{t[:n - 1]}…”"


class HousesPage(C.Page):
    def __init__(self, host: C.Host, parent: QWidget | None = None) -> None:
        super().__init__(host, parent)
        self.houses_id: str | None = None
        self.setAccessibleName("Three houses")
        # Replaceable in tests: run the drawing pad, return PNG bytes or None.
        self.open_pad: Callable[[], bytes | None] = self._run_pad

        self.record = QComboBox()
        self.record.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.record.setMinimumContentsLength(14)
        self.record.setAccessibleName("Which three houses")
        self.new_button = QPushButton("&New three houses")
        self.theme = QComboBox()
        self.theme.setAccessibleName("Theme")
        for key, text in THEMES:
            self.theme.addItem(text, key)
        top = C.row(C.label("Three houses:", self.record), self.record, self.new_button, None,
                    C.label("&Theme:", self.theme), self.theme, stretch_last=False)

        self.banners: dict[str, Banner] = {}
        self.lists: dict[str, QListWidget] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        for col, house in enumerate(HOUSES):
            banner = Banner()
            lst = QListWidget()
            lst.setIconSize(QSize(72, 72))
            lst.setSpacing(2)
            lst.setMinimumHeight(160)
            lst.setAccessibleName(f"Entries in the {house.replace('_', ' ')} house")
            fill = C.HOUSE_COLOURS[house][1]
            C.wrapped_list(lst, fill, fill)
            lst.setStyleSheet(f"QListWidget {{ background: {C.CARD}; border: 2px solid {fill}; "
                              "border-radius: 12px; padding: 4px; }")
            lst.currentRowChanged.connect(lambda _r, h=house: self._picked(h))
            lst.itemSelectionChanged.connect(self._sync_buttons)
            self.banners[house], self.lists[house] = banner, lst
            grid.addWidget(banner, 0, col)
            grid.addWidget(lst, 1, col)

        self.words = QLineEdit()
        self.words.setAccessibleName("The child's exact words")
        self.words.setPlaceholderText("Write exactly what the child says, then press Enter")
        self.house = QComboBox()
        self.house.setAccessibleName("Which house")
        self.writer = QComboBox()
        self.writer.setEditable(True)
        self.writer.setAccessibleName("Who wrote it")
        self.writer.setMinimumContentsLength(10)
        self.add_button = QPushButton("&Add words")
        self.add_button.setProperty("primary", True)
        self.draw_button = QPushButton("&Draw…")
        self.photo_button = QPushButton("Ph&oto of a drawing…")
        self.photo_button.setToolTip("Add a photo of a drawing on paper (where and when it was taken is removed)")
        self.remove_button = QPushButton("Re&move")
        self.private_button = QPushButton("Pri&vate")
        add = QHBoxLayout()
        add.addWidget(C.label("&Words:", self.words))
        add.addWidget(self.words, 1)
        add.addWidget(self.add_button)
        more = C.row(C.label("in", self.house), self.house, C.label("written &by", self.writer), self.writer,
                     None, self.draw_button, self.photo_button, self.private_button, self.remove_button,
                     stretch_last=False)

        self.sharing = SharingPanel(self.host, self.current, self._put)

        left = QVBoxLayout()
        left.addLayout(grid, 1)
        left.addLayout(add)
        left.addLayout(more)
        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addWidget(self.sharing)
        outer = QVBoxLayout(self)
        outer.addLayout(top)
        outer.addLayout(body, 1)

        self.record.activated.connect(lambda _i: self._choose(self.record.currentData()))
        self.new_button.clicked.connect(self.new_houses)
        self.theme.activated.connect(lambda _i: self.set_theme(self.theme.currentData()))
        self.words.returnPressed.connect(self.add_words)
        self.words.textChanged.connect(lambda _t: self._sync_buttons())
        self.add_button.clicked.connect(self.add_words)
        self.draw_button.clicked.connect(self.draw)
        self.photo_button.clicked.connect(self.add_photo)
        self.remove_button.clicked.connect(self.remove_entry)
        self.private_button.clicked.connect(self.toggle_private)
        self.sharing.print_button.clicked.connect(self.print_copy)
        self.sharing.blank_button.clicked.connect(self.print_blank)
        self.setTabOrder(self.words, self.house)
        self.setTabOrder(self.house, self.writer)
        self.setTabOrder(self.writer, self.add_button)

    # ---- reading -----------------------------------------------------------------------
    def current(self) -> ThreeHouses | None:
        self.fresh()  # a page hidden while the case changed catches up before it is used
        case = self.host.case
        if case is None or self.houses_id is None:
            return None
        try:
            return case.record("three_houses", self.houses_id)  # type: ignore[no-any-return]
        except UnknownIdError:
            return None

    def _choose(self, hid: str | None) -> None:
        self.houses_id = hid
        self.refresh()

    def refresh(self) -> None:
        case = self.host.case
        records = case.records("three_houses") if case is not None else []
        if self.houses_id not in {r.id for r in records}:
            self.houses_id = records[-1].id if records else None
        self.record.clear()
        for r in records:
            when = r.date.label() if r.date else "no date"
            self.record.addItem(f"{self.host.child_name(r.child)} · {when}", r.id)
        self.record.setCurrentIndex(max(self.record.findData(self.houses_id), 0))
        h = self.current()
        for w in (self.theme, self.words, self.house, self.writer, self.draw_button, self.photo_button):
            w.setEnabled(h is not None)
        self.new_button.setEnabled(case is not None)
        self.words.setPlaceholderText("Write exactly what the child says, then press Enter" if h is not None else
                                      "Start with “New three houses” (Alt+N)")
        theme = h.theme if h is not None else "houses"
        self.theme.setCurrentIndex(max(self.theme.findData(theme), 0))
        keep_house = self.house.currentData()
        self.house.clear()
        for house in HOUSES:
            ink, fill = C.HOUSE_COLOURS[house]
            name = house_name(theme, house)
            self.banners[house].set(name, theme, ink, fill, bool(h and h.first_house == house))
            self.house.addItem(name, house)
            self._fill_list(house, h)
        self.house.setCurrentIndex(max(self.house.findData(keep_house or (h.first_house if h else "")), 0))
        self._fill_writers(h)
        self.sharing.show_houses(h, theme)
        self._sync_buttons()

    def _sync_buttons(self) -> None:
        """Add words, Private and Remove are enabled only while they can act (words typed, an
        entry chosen); greyed, their tooltips say what to do first."""
        h = self.current()
        start = "Start with “New three houses” (Alt+N) first."
        C.able(self.add_button, h is not None and bool(self.words.text().strip()),
               "Add these words to the chosen house (Enter)",
               start if h is None else "Write the child's words in the box first.")
        chosen = h is not None and self.selected_entry() is not None
        need = start if h is None else "Choose an entry in one of the houses first."
        C.able(self.remove_button, chosen, "The child changed their mind: take the chosen entry out", need)
        C.able(self.private_button, chosen,
               "Keep the chosen entry in the record but never print it (or print it again)", need)

    def _fill_list(self, house: str, h: ThreeHouses | None) -> None:
        lst = self.lists[house]
        lst.clear()
        if h is None:
            return
        for i, e in enumerate(h.entries):
            if e.house != house:
                continue
            lines = [f"“{e.words}”"] if e.words.strip() else ["(a drawing)"]
            meta = [f"written by {e.written_by}"] if e.written_by else []
            if e.private:
                meta.append("private: never printed")
            if meta:
                lines.append("— " + ", ".join(meta))
            item = QListWidgetItem("\n".join(lines))
            item.setData(Qt.ItemDataRole.UserRole, i)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, " ".join(lines))
            if e.drawing and e.drawing.startswith("media:"):
                pix = QPixmap()
                name = e.drawing.partition(":")[2]
                if self.host.case is not None and name in self.host.case.media_names():
                    pix.loadFromData(self.host.case.media(name))
                    item.setIcon(QIcon(pix))
            lst.addItem(item)

    def _fill_writers(self, h: ThreeHouses | None) -> None:
        case = self.host.case
        child = self.host.child_name(h.child) if h else ""
        worker = case.meta.worker if case is not None else ""
        keep = self.writer.currentText()
        self.writer.clear()
        self.writer.addItems([n for n in (child, worker.split()[0] if worker else "") if n])
        self.writer.setCurrentText(keep or child)

    def _picked(self, house: str) -> None:
        for other, lst in self.lists.items():
            if other != house and lst.currentRow() >= 0:
                lst.blockSignals(True)
                lst.setCurrentRow(-1)
                lst.clearSelection()
                lst.blockSignals(False)
        self.house.setCurrentIndex(max(self.house.findData(house), 0))

    def selected_entry(self) -> int | None:
        for lst in self.lists.values():
            item = lst.currentItem()
            if item is not None and item.isSelected():
                return int(item.data(Qt.ItemDataRole.UserRole))
        return None

    # ---- changing ----------------------------------------------------------------------
    def _put(self, new: ThreeHouses, text: str) -> bool:
        return self.host.push(C.Put("three_houses", new), text)

    def new_houses(self) -> None:
        case = self.host.case
        if case is None:
            return
        child = case.meta.index_person
        hid = self.host.new_id("th_")
        rec = ThreeHouses(hid, child=child, date=FuzzyDate.from_date(_dt.date.today()))
        if self._put(rec, f"Start three houses with {self.host.child_name(child)}"):
            self._choose(hid)
            self.words.setFocus()

    def set_theme(self, theme: str) -> None:
        h = self.current()
        if h is not None and theme != h.theme:
            self._put(replace(h, theme=theme), f"Use the {dict(THEMES)[theme].lower()} theme")

    def add_words(self) -> bool:
        h = self.current()
        words = self.words.text()
        if h is None:
            return False
        if not words.strip():
            self.host.message.emit("Write the child's words in the box first, then press Add words.")
            return False
        writer = self.writer.currentText().strip()
        if not writer:
            self.host.report("Say who wrote these words: the child or the worker.")
            self.writer.setFocus()
            return False
        house = self.house.currentData() or HOUSES[0]
        entry = HouseEntry(house, words, writer)
        if self._put(replace(h, entries=(*h.entries, entry)),
                     f"Add {_short(words)} to the {house_name(h.theme, house).lower()}"):
            self.words.clear()
            self.words.setFocus()
            return True
        return False

    def add_picture(self, data: bytes, photo: bool = False) -> bool:
        """A drawing (PNG from the pad) or a photo, into the chosen house, as one undo step."""
        h = self.current()
        if h is None:
            return False
        made = self.host.picture_edit(data, "drawing")
        if made is None:
            return False
        set_media, ref = made
        house = self.house.currentData() or HOUSES[0]
        entry = HouseEntry(house, self.words.text(), self.writer.currentText().strip() or
                           self.host.child_name(h.child), drawing=ref)
        what = "a photo of a drawing" if photo else "a drawing"
        text = f"Add {what} to the {house_name(h.theme, house).lower()}"
        if not self.host.push_all([set_media, C.Put("three_houses", replace(h, entries=(*h.entries, entry)))],
                                  text):
            return False
        self.words.clear()
        return True

    def _run_pad(self) -> bytes | None:
        dialog = DrawingDialog("Draw a picture", self)
        return dialog.pad.to_png() if dialog.exec() and dialog.pad.strokes else None

    def draw(self) -> None:
        if self.current() is None:
            return
        data = self.open_pad()
        if data:
            self.add_picture(data)

    def add_photo(self) -> None:
        if self.current() is None:
            return
        made = self.host.choose_open("Add a photo of a paper drawing",
                                     "Pictures (*.jpg *.jpeg *.png *.gif *.webp *.bmp *.tif *.tiff)")
        if not made:
            return
        try:
            with open(made, "rb") as fh:
                data = fh.read()
        except OSError as exc:
            self.host.report(f"The photo could not be read ({exc.strerror or exc}).")
            return
        self.add_picture(data, photo=True)

    def toggle_private(self) -> None:
        h, i = self.current(), self.selected_entry()
        if h is None or i is None:
            self.host.message.emit("Choose an entry in one of the houses first.")
            return
        e = h.entries[i]
        what = _short(e.words) if e.words.strip() else "the drawing"
        text = f"Keep {what} out of print (private)" if not e.private else f"Print {what} again"
        entries = h.entries[:i] + (replace(e, private=not e.private),) + h.entries[i + 1:]
        self._put(replace(h, entries=entries), text)

    def remove_entry(self) -> None:
        h, i = self.current(), self.selected_entry()
        if h is None or i is None:
            self.host.message.emit("Choose an entry in one of the houses first.")
            return
        e = h.entries[i]
        what = _short(e.words) if e.words.strip() else "a drawing"
        self._put(replace(h, entries=h.entries[:i] + h.entries[i + 1:]),
                  f"Take {what} out of the {house_name(h.theme, e.house).lower()}")

    def print_copy(self) -> str | None:
        self.fresh()
        h = self.current()
        if h is None:
            return None
        who = self.sharing.reader.currentText().strip()
        reader = None if who in ("", RECORD_COPY) else who
        child = self.host.child_name(h.child)
        theme = h.theme if h.theme in ("houses", "fairies", "wizards") else "houses"
        stem = f"{child} three houses" + (f" for {reader}" if reader else "")
        return self.host.write_pdf("Print the three houses", stem,
                                   lambda: three_houses_pdf(self.host.case, h, theme, reader))

    def print_blank(self) -> str | None:
        if self.host.case is None:
            return None
        theme = self.theme.currentData() if self.theme.currentData() in ("houses", "fairies", "wizards") else "houses"
        return self.host.write_pdf("Print a blank sheet", f"Blank three {theme}",
                                   lambda: three_houses_pdf(self.host.case, None, theme))

