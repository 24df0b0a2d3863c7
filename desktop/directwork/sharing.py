"""Before the three houses are shared: the house chosen first, the read-back tick, and what
the child said about each person (may see, said no, not asked yet), then printing.

A copy for someone the child said no to is refused by the export itself, with a sentence,
and nothing is written; this panel records the child's answers, each as one undo step.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from genogram.directwork.validation import HOUSES, validate_houses
from genogram.model.records import ThreeHouses

from . import common as C

RECORD_COPY = "My record copy"
NAMES = {"houses": ("House of worries", "House of good things", "House of dreams"),
         "fairies": ("Worry fairy", "Good fairy", "Dream fairy"),
         "wizards": ("Worry wizard", "Good wizard", "Dream wizard"),
         "own": ("My worries", "My good things", "My dreams")}


def house_name(theme: str, house: str) -> str:
    return NAMES.get(theme, NAMES["houses"])[HOUSES.index(house)]


class SharingPanel(QWidget):
    def __init__(self, host: C.Host, current: Callable[[], ThreeHouses | None],
                 put: Callable[[ThreeHouses, str], bool], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host, self.current, self.put = host, current, put
        self._shown: ThreeHouses | None = None  # the houses as last shown
        self.first = QComboBox()
        self.first.setAccessibleName("Which house the child chose first")
        self.read_back = QCheckBox("Everything was &read back to the child")
        self.consent = QTableWidget(0, 2)
        self.consent.setHorizontalHeaderLabels(["Person", "The child says"])
        self.consent.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.consent.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.consent.horizontalHeader().setStretchLastSection(True)
        self.consent.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.consent.verticalHeader().hide()
        self.consent.setTabKeyNavigation(False)  # Tab moves on; the arrow keys move within
        self.consent.setAccessibleName("Who may see the houses")
        self.consent.setMinimumHeight(120)
        self.ask_who = QComboBox()
        self.ask_who.setEditable(True)
        self.ask_who.setAccessibleName("Person to ask the child about")
        self.ask_who.lineEdit().setPlaceholderText("Who? (Mum, Nanny Po, a teacher…)")
        self.may_button = QPushButton("May &see")
        self.no_button = QPushButton("Sa&id no")
        self.forget_button = QPushButton("Not asked")
        self.reader = QComboBox()
        self.reader.setEditable(True)
        self.reader.setAccessibleName("Whose copy to print")
        self.print_button = QPushButton("&Print…")
        self.blank_button = QPushButton("Print b&lank sheet…")
        share = QVBoxLayout()
        share.addWidget(C.heading("Before sharing", 1.1))
        share.addLayout(C.row(C.label("&Chosen first:", self.first), self.first))
        share.addWidget(self.read_back)
        share.addWidget(C.label("Ask the child who may see the houses:", role="hint"))
        share.addWidget(self.consent, 1)
        share.addWidget(self.ask_who)
        share.addLayout(C.row(self.may_button, self.no_button, self.forget_button, stretch_last=False))
        share.addSpacing(10)
        share.addWidget(C.heading("Print", 1.1))
        share.addLayout(C.row(C.label("Cop&y for:", self.reader), self.reader, stretch_last=False))
        share.addLayout(C.row(self.print_button, self.blank_button))
        self.problems = C.label("", role="problem")
        share.addWidget(self.problems)
        self.setLayout(share)
        self.setMaximumWidth(380)

        self.first.activated.connect(lambda _i: self.set_first(self.first.currentData() or ""))
        self.read_back.clicked.connect(self.set_read_back)
        self.may_button.clicked.connect(lambda: self.set_consent(self.ask_who.currentText(), True))
        self.no_button.clicked.connect(lambda: self.set_consent(self.ask_who.currentText(), False))
        self.forget_button.clicked.connect(lambda: self.set_consent(self.ask_who.currentText(), None))
        self.consent.currentCellChanged.connect(self._consent_row)
        self.ask_who.editTextChanged.connect(lambda _t: self._sync_answers())

    def _sync_answers(self) -> None:
        """May see and Said no need a name; Not asked needs the name of someone already answered.
        Greyed, their tooltips say what to do first."""
        h = self._shown
        name = " ".join(self.ask_who.currentText().split()).casefold()
        answered = h is not None and name in {n.casefold() for n in (*h.consent, *h.refused)}
        need = ("Start with “New three houses” first." if h is None else
                "Write or choose who to ask about first (Mum, a teacher…).")
        C.able(self.may_button, h is not None and bool(name), "The child says this person may see the houses", need)
        C.able(self.no_button, h is not None and bool(name), "The child says this person may not see the houses",
               need)
        C.able(self.forget_button, answered, "Forget the answer for this person (ask the child again)",
               need if h is None or not name else "The child has not answered about this person yet.")

    def show_houses(self, h: ThreeHouses | None, theme: str) -> None:
        case = self.host.case
        for w in (self.first, self.read_back, self.consent, self.ask_who, self.reader, self.print_button):
            w.setEnabled(h is not None)
        self.blank_button.setEnabled(case is not None)
        child = self.host.child_name(h.child) if h else ""
        self.read_back.setText(f"Everything was &read back to {child or 'the child'}")
        self.first.clear()
        self.first.addItem("Not chosen yet", "")
        for house in HOUSES:
            self.first.addItem(house_name(theme, house), house)
        self.first.setCurrentIndex(max(self.first.findData(h.first_house if h else ""), 0))
        self.read_back.setChecked(bool(h and h.read_back))
        names = [n for n, pid in C.people_choices(case, h.child if h else None) if not h or pid != h.child]
        answers: list[tuple[str, bool]] = []
        if h is not None:
            answers = [(n, True) for n in h.consent] + [(n, False) for n in h.refused]
        self.consent.setRowCount(len(answers))
        for r, (name, yes) in enumerate(answers):
            self.consent.setItem(r, 0, _ro(name))
            answer = _ro("may see" if yes else "said no")
            answer.setForeground(QColor("#3f7d4e" if yes else C.WARN))
            self.consent.setItem(r, 1, answer)
        asked = {n.casefold() for n, _ in answers}
        keep_who = self.ask_who.currentText()
        self.ask_who.clear()
        relations = [k for k in (case.meta.preferred_names.values() if case else ()) if k]
        self.ask_who.addItems(["Mum", "Dad"] + [n for n in names + relations if n.casefold() not in asked])
        self.ask_who.setCurrentText(keep_who)
        self._shown = h
        self._sync_answers()
        keep_reader = self.reader.currentText()
        self.reader.clear()
        self.reader.addItems([RECORD_COPY] + ([child] if child else []) + [n for n, _ in answers])
        self.reader.setCurrentText(keep_reader or RECORD_COPY)

        problems = validate_houses(h) if h is not None else []
        self.problems.setText("\n".join(p.message for p in problems))

    def _consent_row(self, row: int, *_rest: int) -> None:
        item = self.consent.item(row, 0)
        if item is not None:
            self.ask_who.setCurrentText(item.text())

    def set_first(self, house: str) -> None:
        h = self.current()
        if h is not None and house != h.first_house:
            child = self.host.child_name(h.child)
            text = (f"{child} chose the {house_name(h.theme, house).lower()} first" if house
                    else "Forget which house was chosen first")
            self.put(replace(h, first_house=house), text)

    def set_read_back(self) -> None:
        h = self.current()
        if h is None:
            return
        on = self.read_back.isChecked()
        child = self.host.child_name(h.child)
        self.put(replace(h, read_back=on), f"Mark the houses as {'' if on else 'not '}read back to {child}")

    def set_consent(self, name: str, yes: bool | None) -> None:
        h, name = self.current(), " ".join(name.split())
        if h is None:
            return
        if not name:
            self.host.message.emit("Write or choose who to ask about first, then press the child's answer.")
            return
        fold = name.casefold()
        consent = tuple(n for n in h.consent if n.casefold() != fold)
        refused = tuple(n for n in h.refused if n.casefold() != fold)
        if yes is True:
            consent += (name,)
        elif yes is False:
            refused += (name,)
        child = self.host.child_name(h.child)
        text = {True: f"{child} says {name} may see the houses",
                False: f"{child} says {name} may not see the houses",
                None: f"Forget what {child} said about {name}"}[yes]
        if self.put(replace(h, consent=consent, refused=refused), text):
            self.ask_who.setCurrentText("")


def _ro(text: str) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    return item
