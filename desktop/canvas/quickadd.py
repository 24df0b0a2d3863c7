"""Adding family from a selected person with one key, then typing the new name in place.

Adding and naming are one undo step ("Add partner for Dana"): the add is pushed at once, so
the new symbol appears while the name is typed, and the name is folded into that same
command when Enter is pressed. Esc keeps the default name.
"""
from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QUndoCommand
from PySide6.QtWidgets import QLineEdit, QWidget

from genogram.model import Case, Compound, Edit, ModelError, UpdatePerson
from genogram.model import operations as ops

# Quick-add kinds: the key, the toolbar words and the accessible description.
KINDS = {
    "partner": ("P", "Partner", "Add a partner for the selected person"),
    "child": ("C", "Child", "Add a child of the selected person (with their latest partner)"),
    "sibling": ("S", "Sibling", "Add a brother or sister of the selected person"),
    "parents": ("Shift+P", "Parents", "Add a mother and father for the selected person"),
}


class FoldingCommand(QUndoCommand):
    """An applied edit on the undo stack that can take in one more edit (the typed name)."""

    def __init__(self, case: Case, edit: Edit, inverse: Edit, text: str) -> None:
        super().__init__(text)
        self._case = case
        self._forward = edit
        self._inverse: Edit | None = inverse
        self._skip = True  # QUndoStack.push calls redo(); the edit already happened

    def fold(self, edit: Edit, text: str | None = None) -> None:
        """Apply `edit` now and make it part of this step (only while this step is done)."""
        inverse = self._case.apply(edit)
        assert self._inverse is not None
        if text:
            self.setText(text)
        self._forward = Compound([self._forward, edit], self.text())
        self._inverse = Compound([inverse, self._inverse], self.text())

    def redo(self) -> None:
        if self._skip:
            self._skip = False
            return
        self._inverse = self._case.apply(self._forward)

    def undo(self) -> None:
        assert self._inverse is not None
        self._forward = self._case.apply(self._inverse)
        self._inverse = None


def build(case: Case, kind: str, pid: str) -> tuple[Compound, str]:
    """The model's compound for a quick add, and who to select next (ModelError if refused)."""
    if kind == "partner":
        return ops.add_partner(case, pid)
    if kind == "child":
        return ops.add_child(case, pid)
    if kind == "sibling":
        return ops.add_sibling(case, pid)
    if kind == "parents":
        return ops.add_parents(case, pid)
    if kind == "person":
        edit, pid = ops.add_person(case)
        edit.label = "Add a person"
        return edit, pid
    raise ModelError(f"unknown kind of person to add: {kind}")


def push_add(doc: object, kind: str, pid: str) -> tuple[FoldingCommand, str]:
    """Carry out a quick add as one step on the document's undo stack."""
    case: Case = doc.case  # type: ignore[attr-defined]
    edit, new = build(case, kind, pid)
    inverse = case.apply(edit)
    cmd = FoldingCommand(case, edit, inverse, edit.label)
    doc.undo_stack.push(cmd)  # type: ignore[attr-defined]
    return cmd, new


def name_edit(case: Case, pid: str, text: str) -> Edit | None:
    """The edit that gives a new person the typed name, or None when nothing was typed.

    For a parent added with a placeholder ("Mother"), the typed name replaces the placeholder."""
    text = " ".join(text.split())
    if not text:
        return None
    p = case.family.person(pid)
    known_as = "" if p.known_as in ("Mother", "Father", "Not known") else p.known_as
    return UpdatePerson(replace(p, given=text, known_as=known_as))


class NameEditor(QLineEdit):
    """A small box over the new symbol: Enter keeps the typed name, Esc the default."""

    accepted = Signal(str)
    cancelled = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setAccessibleName("Name of the new person")
        self.setPlaceholderText("Type the name, then Enter")
        self.setFrame(True)
        self.setStyleSheet("QLineEdit { border: 2px solid #2f6fd6; border-radius: 4px;"
                           " padding: 2px 4px; background: white; }")
        self._done = False
        self.hide()

    def open_at(self, centre: QPointF, width: int = 180) -> None:
        self._done = False
        self.clear()
        self.resize(width, self.sizeHint().height())
        x = int(centre.x() - width / 2)
        y = int(centre.y())
        parent = self.parentWidget()
        if parent is not None:
            x = max(2, min(x, parent.width() - width - 2))
            y = max(2, min(y, parent.height() - self.height() - 2))
        self.move(x, y)
        self.show()
        self.raise_()
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._finish(True)
            return
        if event.key() == Qt.Key.Key_Escape:
            self._finish(False)
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        if self.isVisible() and event.reason() != Qt.FocusReason.PopupFocusReason:
            self._finish(True)  # clicking away keeps what was typed

    def _finish(self, keep: bool) -> None:
        if self._done:
            return
        self._done = True
        self.hide()
        if keep:
            self.accepted.emit(self.text())
        else:
            self.cancelled.emit()
