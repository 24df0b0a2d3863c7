"""Small editors the inspector is built from, and reading dates as people say them.

Dates are typed as families give them: "2019", "2019-03", "2019-03-04", "about 1980", or an
approximate age, "about 40" (as at the case date). A date that cannot be read is shown in one
sentence under the box and the typed text stays, so nothing the user typed is lost.
"""
from __future__ import annotations

import datetime as _dt
import re
from enum import Enum

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from genogram.model import DateError, FuzzyDate

_AGE = re.compile(r"^(?:about|abt\.?|approx\.?|aged?|c\.?|~)\s*(\d{1,3})(?:\s*(?:years?|yrs?)(?:\s*old)?)?$",
                  re.IGNORECASE)
DATE_HELP = 'Type 2019, 2019-03-04, "about 1980" or an age such as "about 40".'


def parse_when(text: str, as_at: _dt.date, since: FuzzyDate | None = None) -> FuzzyDate | None:
    """A date from what was typed; an age counts from `since` (a birth) or back from `as_at`.

    Empty text is no date. DateError carries one sentence for the user."""
    t = " ".join(text.split())
    if not t:
        return None
    m = _AGE.match(t)
    if m and int(m.group(1)) < 130:
        years = int(m.group(1))
        year = since.year + years if since is not None else as_at.year - years
        return FuzzyDate(year, approx=True)
    try:
        return FuzzyDate.parse(t)
    except DateError:
        raise DateError(f'"{t}" is not a date Kinscape can read. {DATE_HELP}') from None


def words(value: Enum) -> str:
    """An enum value as a person reads it: "special_guardianship" → "Special guardianship"."""
    text = str(value.value).replace("_", " ")
    return text[:1].upper() + text[1:]


class LineField(QLineEdit):
    """A one-line box that reports the finished text once, when the user leaves or presses Enter."""

    committed = Signal(str)

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(name)
        self._shown = ""
        self.editingFinished.connect(self._finish)

    def show_value(self, text: str) -> None:
        if self.hasFocus() and self.isModified():
            return  # the user is typing here: never snatch it away
        self._shown = text
        self.setText(text)
        self.setModified(False)

    def _finish(self) -> None:
        if self.text() != self._shown:
            self._shown = self.text()
            self.committed.emit(self.text())


class DateField(QWidget):
    """A date box with its one-sentence problem shown underneath."""

    committed = Signal(str)

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = LineField(name, self)
        self.edit.setPlaceholderText('2019, 2019-03-04, about 1980')
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.setAccessibleName(f"Problem with {name.lower()}")
        self.problem.hide()
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addWidget(self.edit)
        lay.addWidget(self.problem)
        self.edit.committed.connect(self.committed)

    def show_value(self, value: FuzzyDate | None) -> None:
        if self.problem.isVisible():
            return  # keep the text the user typed until they fix it
        self.edit.show_value(value.iso() if value else "")

    def show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))

    def text(self) -> str:
        return self.edit.text()


class NoteField(QPlainTextEdit):
    """A few lines of text, committed when the user leaves the box."""

    committed = Signal(str)

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(name)
        self.setTabChangesFocus(True)
        self.setFixedHeight(64)
        self._shown = ""

    def show_value(self, text: str) -> None:
        if self.hasFocus() and self.toPlainText() != self._shown:
            return
        self._shown = text
        if self.toPlainText() != text:
            self.setPlainText(text)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        if self.toPlainText() != self._shown:
            self._shown = self.toPlainText()
            self.committed.emit(self._shown)


class ChoiceField(QComboBox):
    """A choice among enum values, reported as the enum value."""

    chosen = Signal(object)

    def __init__(self, name: str, values: list[Enum], labels: dict[Enum, str] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(name)
        self._values = values
        for v in values:
            self.addItem((labels or {}).get(v, words(v)), v)
        self.activated.connect(lambda i: self.chosen.emit(self._values[i]))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def show_value(self, value: Enum) -> None:
        self.blockSignals(True)
        self.setCurrentIndex(self._values.index(value))
        self.blockSignals(False)
