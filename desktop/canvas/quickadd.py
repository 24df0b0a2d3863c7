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

from genogram.model import (
    AddPerson,
    AddUnion,
    Case,
    ChildKind,
    ChildLink,
    Compound,
    Edit,
    Gender,
    LinkChild,
    ModelError,
    Person,
    Union,
    UnionKind,
    UpdatePerson,
)
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


def build(case: Case, kind: str, pid: str, other: str | None = None) -> tuple[Compound, str]:
    """The model's compound for a quick add, and who to select next (ModelError if refused).

    A child of two selected partners hangs from their partnership; parents for someone who
    already has birth parents are a second family, adoptive to start with (the line's kind can
    then be changed to fostered, kinship care or special guardianship in the inspector)."""
    if kind == "partner":
        return ops.add_partner(case, pid)
    if kind == "child":
        shared = _shared_union(case, pid, other) if other else None
        if shared is not None:
            edit, child = ops.add_child(case, pid, union_id=shared)
            names = " and ".join(_short(case, p) for p in (pid, other) if p)
            edit.label = f"Add child for {names}"
            return edit, child
        return ops.add_child(case, pid)
    if kind == "sibling":
        return ops.add_sibling(case, pid)
    if kind == "parents":
        if any(link.kind is ChildKind.BIRTH for link in case.family.parent_links(pid)):
            return _adoptive_parents(case, pid)
        return ops.add_parents(case, pid)
    if kind == "person":
        edit, pid = ops.add_person(case)
        edit.label = "Add a person"
        return edit, pid
    raise ModelError(f"unknown kind of person to add: {kind}")


def _short(case: Case, pid: str) -> str:
    p = case.family.person(pid)
    return p.short_name or p.display_name


def _shared_union(case: Case, a: str, b: str) -> str | None:
    return next((u.id for u in case.family.unions_of(a) if b in u.partners), None)


def _adoptive_parents(case: Case, pid: str) -> tuple[Compound, str]:
    mother, father, union = case.new_id("p"), case.new_id("p"), case.new_id("u")
    steps: list[Edit] = [
        AddPerson(Person(id=mother, known_as="Adoptive mother", gender=Gender.FEMALE)),  # type: ignore[arg-type]
        AddPerson(Person(id=father, known_as="Adoptive father", gender=Gender.MALE)),  # type: ignore[arg-type]
        AddUnion(Union(id=union, partners=(father, mother), kind=UnionKind.MARRIED)),  # type: ignore[arg-type]
        LinkChild(ChildLink(union, pid, ChildKind.ADOPTED)),  # type: ignore[arg-type]
    ]
    return Compound(steps, f"Add adoptive parents for {_short(case, pid)}"), mother


def join_as_partners(case: Case, a: str, b: str) -> Compound:
    """Two people already drawn become partners (cousins who partner, a partner from another
    generation): no one is drawn twice."""
    if _shared_union(case, a, b) is not None:
        raise ModelError(f"{_short(case, a)} and {_short(case, b)} are already partners")
    union = Union(id=case.new_id("u"), partners=(a, b), kind=UnionKind.MARRIED)  # type: ignore[arg-type]
    return Compound([AddUnion(union)], f"Make {_short(case, a)} and {_short(case, b)} partners")


def push_add(doc: object, kind: str, pid: str, other: str | None = None) -> tuple[FoldingCommand, str]:
    """Carry out a quick add as one step on the document's undo stack."""
    case: Case = doc.case  # type: ignore[attr-defined]
    edit, new = build(case, kind, pid, other)
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
    placeholders = ("Mother", "Father", "Not known", "Adoptive mother", "Adoptive father")
    known_as = "" if p.known_as in placeholders else p.known_as
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
