"""Find a person by name (Ctrl+F): a box over the drawing that selects and centres the match.

Matching ignores case and looks inside names: "ana" finds "Ana" and "Joanna".
Enter goes to the next match, Shift+Enter to the previous one, Esc closes the box.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from genogram.model import Case


def matches(case: Case, text: str, order: list[str]) -> list[str]:
    """People whose names contain `text` (any of given, family, known-as), in `order`."""
    needle = " ".join(text.split()).casefold()
    if not needle:
        return []
    out = []
    for pid in order:
        p = case.family.person(pid)
        hay = f"{p.given} {p.family_name} {p.known_as} {p.display_name}".casefold()
        if needle in hay:
            out.append(pid)
    return out


class _Box(QLineEdit):
    step = Signal(int)
    closed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.step.emit(-1 if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else 1)
            return
        if event.key() == Qt.Key.Key_Escape:
            self.closed.emit()
            return
        super().keyPressEvent(event)


class FindBar(QWidget):
    """Type part of a name; the first match is selected and centred at once."""

    found = Signal(str)  # a person id to select and centre
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.box = _Box(self)
        self.box.setAccessibleName("Find a person by name")
        self.box.setPlaceholderText("Find a person by name")
        self.box.setClearButtonEnabled(True)
        self.count = QLabel(self)
        self.count.setMinimumWidth(90)
        close = QToolButton(self)
        close.setText("✕")
        close.setAccessibleName("Close find")
        close.setAutoRaise(True)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(6, 2, 6, 2)
        lay.addWidget(QLabel("Find:", self))
        lay.addWidget(self.box, 1)
        lay.addWidget(self.count)
        lay.addWidget(close)
        self.case: Case | None = None
        self.order: list[str] = []
        self.hits: list[str] = []
        self.at = 0
        self.box.textChanged.connect(self._search)
        self.box.step.connect(self.step)
        self.box.closed.connect(self.close_bar)
        close.clicked.connect(self.close_bar)
        self.hide()

    def open_bar(self, case: Case, order: list[str]) -> None:
        self.case, self.order = case, order
        self.show()
        self.box.setFocus()
        self.box.selectAll()
        self._search(self.box.text())

    def close_bar(self) -> None:
        self.hide()
        self.closed.emit()

    def _search(self, text: str) -> None:
        if self.case is None:
            return
        self.hits = matches(self.case, text, self.order)
        self.at = 0
        self._show()

    def step(self, direction: int) -> None:
        if self.hits:
            self.at = (self.at + direction) % len(self.hits)
        self._show()

    def _show(self) -> None:
        if not self.box.text().strip():
            self.count.setText("")
            return
        if not self.hits:
            self.count.setText("No one found")
            return
        self.count.setText(f"{self.at + 1} of {len(self.hits)}")
        self.found.emit(self.hits[self.at])
