"""Everyone in the case as table rows, kept in step with the model's change events.

This is the keyboard route through a case (fast typists and screen readers): every cell a
practitioner can type into becomes one undoable command. A change to one person updates only
their row; a change to the family's structure refreshes the relationship column only.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QPalette

from genogram.model import Change, DateError, FuzzyDate, Gender, Person, PersonKind, UpdatePerson
from genogram.model.family import id_order
from genogram.model.relations import closeness, relationships

from .document.editor import CaseDocument

GIVEN, FAMILY, KNOWN_AS, RELATION, AGE, BORN, DIED, GENDER, HOUSEHOLD = range(9)
HEADERS = ["Given names", "Family name", "Known as", "Relationship", "Age", "Born", "Died",
           "Gender", "Household"]
EDITABLE = {GIVEN, FAMILY, KNOWN_AS, BORN, DIED, GENDER}
GENDER_WORDS = {Gender.FEMALE: "Female", Gender.MALE: "Male",
                Gender.NON_BINARY: "Non-binary", Gender.UNKNOWN: "Not known"}
SORT_ROLE = Qt.ItemDataRole.UserRole  # what a click on a heading sorts by
_STRUCTURE = {"unions", "child_links", "birth_groups", "meta", "people"}

Index = QModelIndex | QPersistentModelIndex


class PeopleModel(QAbstractTableModel):
    """Rows are people in the order they were added (stable under undo)."""

    problem = Signal(str)  # one sentence for the status bar when typed text is refused

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._doc: CaseDocument | None = None
        self._ids: list[str] = []
        self._ties: dict[str, str] | None = None

    # ---- the document ---------------------------------------------------------------------
    def set_document(self, doc: CaseDocument | None) -> None:
        self.beginResetModel()
        if self._doc is not None:
            self._doc.case.events.disconnect(self._on_change)
        self._doc = doc
        self._ids = [p.id for p in doc.case.family.people()] if doc else []
        self._ties = None
        if doc is not None:
            doc.case.events.connect(self._on_change)
        self.endResetModel()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, RELATION, RELATION)

    def person_id(self, row: int) -> str:
        return self._ids[row]

    def row_of(self, pid: str) -> int:
        return self._ids.index(pid)

    def _person_at(self, row: int) -> Person | None:
        """The person on `row`, or None while their row is on its way out.

        An undo takes the person out of the case first and tells the table afterwards, and
        the view commits an open editor in between: that row must read as empty, not raise.
        """
        if self._doc is None or not 0 <= row < len(self._ids):
            return None
        pid = self._ids[row]
        family = self._doc.case.family
        return family.person(pid) if family.has_person(pid) else None

    # ---- Qt model API ---------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == RELATION and self._doc is not None:
            child = self._doc.case.index_person()
            if child is not None:
                return f"Relationship to {child.short_name or child.display_name}"
        return HEADERS[section]

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        person = self._person_at(index.row()) if index.column() in EDITABLE else None
        if person is not None and (person.kind is PersonKind.PERSON
                                   or index.column() in (KNOWN_AS, BORN)):
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        person = self._person_at(index.row()) if index.isValid() else None
        if person is None or self._doc is None:  # (no document: no person either)
            return None
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(person, col)
        if role == Qt.ItemDataRole.EditRole:
            return self._edit_text(person, col)
        if role == SORT_ROLE:
            return self._sort_key(person, col)
        if role == Qt.ItemDataRole.ToolTipRole and col in (BORN, DIED):
            return "Type a date: 2019-03-04, 2019-03, 2019 or about 1980"
        if role == Qt.ItemDataRole.ForegroundRole and col == GIVEN and _unnamed(person):
            return QPalette().brush(QPalette.ColorGroup.Active, QPalette.ColorRole.PlaceholderText)
        if role == Qt.ItemDataRole.FontRole and person.id == self._doc.case.meta.index_person:
            font = QFont()
            font.setBold(True)  # the child the work is about stands out
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and col == AGE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, p: Person, col: int) -> str:
        case = self._doc.case  # type: ignore[union-attr]
        if col == GIVEN:
            return p.display_name if _unnamed(p) or p.kind is not PersonKind.PERSON else p.given
        if col == FAMILY:
            return p.family_name
        if col == KNOWN_AS:
            return p.known_as
        if col == RELATION:
            return self._relations().get(p.id, "")
        if col == AGE:
            age = None if p.is_dead else case.age_of(p.id)
            return "" if age is None else _years(p, *age)
        if col == BORN:
            return p.born.label() if p.born else ""
        if col == DIED:
            if not p.is_dead:
                return ""
            when = p.died.label() if p.died else "died"
            age = case.age_of(p.id)
            return f"{when} (aged {_years(p, *age)})" if age is not None else when
        if col == GENDER:
            return GENDER_WORDS[p.gender] if p.kind is PersonKind.PERSON else ""
        if col == HOUSEHOLD:
            return ", ".join(h.name or "Household" for h in case.family.households_of(p.id))
        return ""

    def _sort_key(self, p: Person, col: int) -> Any:
        """Ages and dates sort as numbers; unknown ones go last, words sort as words."""
        if col == AGE:
            age = None if p.is_dead else self._doc.case.age_of(p.id)  # type: ignore[union-attr]
            return age[0] if age is not None else 10_000
        if col in (BORN, DIED):
            date = p.born if col == BORN else p.died
            return date.earliest().toordinal() if date else 10_000_000
        if col == RELATION:  # nearest first, then by name
            tie = self._relations().get(p.id, "")
            return f"{closeness(tie):03d} {p.display_name.casefold()}"
        return self._display(p, col).casefold()

    def _edit_text(self, p: Person, col: int) -> str:
        if col == GIVEN:
            return p.given
        if col == BORN:
            return p.born.iso() if p.born else ""
        if col == DIED:
            return p.died.iso() if p.died else ""
        if col == GENDER:
            return GENDER_WORDS[p.gender]
        return self._display(p, col)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or self._doc is None or index.column() not in EDITABLE:
            return False
        person = self._person_at(index.row())
        if person is None:
            return False  # removed (by an undo) while their cell was being typed in
        text = str(value if value is not None else "").strip()
        try:
            changed, what = self._changed(person, index.column(), text)
        except DateError as exc:
            self.problem.emit(f"{_sentence(str(exc))} "
                              "Type a date such as 2019-03-04, 2019 or about 1980.")
            return False
        if changed == person:
            return True
        self._doc.push(UpdatePerson(changed), what)
        return True

    def _changed(self, p: Person, col: int, text: str) -> tuple[Person, str]:
        name = p.short_name or p.display_name
        if col in (GIVEN, FAMILY, KNOWN_AS):
            field = {GIVEN: "given", FAMILY: "family_name", KNOWN_AS: "known_as"}[col]
            new = replace(p, **{field: text})
            return new, f"Rename {p.display_name} to {new.display_name}"
        if col == BORN:
            return replace(p, born=FuzzyDate.parse(text) if text else None), \
                f"Change {name}'s date of birth"
        if col == DIED:
            died = FuzzyDate.parse(text) if text else None
            return replace(p, died=died, deceased=p.deceased if died is None else True), \
                f"Change {name}'s date of death"
        if col == GENDER:
            gender = _gender_from(text, p.gender)
            return replace(p, gender=gender), f"Change {name}'s gender"
        raise ValueError(col)

    # ---- following the model --------------------------------------------------------------
    def _relations(self) -> dict[str, str]:
        if self._ties is None:
            case = self._doc.case  # type: ignore[union-attr]
            index = case.meta.index_person
            known = index is not None and case.family.has_person(index)
            self._ties = relationships(case, index) if known else {}  # type: ignore[arg-type]
        return self._ties

    def _on_change(self, change: Change) -> None:
        if change.collection in _STRUCTURE:
            self._ties = None  # a person's words depend on the structure and their own gender
        if change.collection == "people" and change.id is not None:
            self._person_changed(change.action, change.id)
            return  # other rows' words depend only on structure, which has its own notices
        if change.collection == "meta":
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, RELATION, RELATION)
            self._column_changed(AGE)
        if change.collection in _STRUCTURE:
            self._column_changed(RELATION)
        elif change.collection == "households":
            self._column_changed(HOUSEHOLD)

    def _person_changed(self, action: str, pid: str) -> None:
        if action == "added" and pid not in self._ids:
            key = id_order(pid)
            later = (i for i, other in enumerate(self._ids) if id_order(other) > key)
            row = next(later, len(self._ids))
            self.beginInsertRows(QModelIndex(), row, row)
            self._ids.insert(row, pid)
            self.endInsertRows()
        elif action == "removed" and pid in self._ids:
            row = self._ids.index(pid)
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._ids[row]
            self.endRemoveRows()
        elif action == "changed" and pid in self._ids:
            row = self._ids.index(pid)
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(HEADERS) - 1))

    def _column_changed(self, col: int) -> None:
        if self._ids:
            self.dataChanged.emit(self.index(0, col), self.index(len(self._ids) - 1, col))


def _years(p: Person, years: int, approx: bool) -> str:
    """ "about 74" only when a date is a year or a guess; a month off by one is still "7"."""
    rough = approx and any(d is not None and d.month is None for d in (p.born, p.died))
    return f"about {years}" if rough else str(years)


def _unnamed(p: Person) -> bool:
    return not (p.given or p.family_name or p.known_as)


def _gender_from(text: str, current: Gender) -> Gender:
    t = text.strip().lower().replace("-", "_").replace(" ", "_")
    for gender, word in GENDER_WORDS.items():
        if t in (gender.value, word.lower().replace("-", "_").replace(" ", "_")):
            return gender
    if t in ("f", "girl", "woman"):
        return Gender.FEMALE
    if t in ("m", "boy", "man"):
        return Gender.MALE
    if t in ("nb", "non_binary", "nonbinary"):
        return Gender.NON_BINARY
    return current if t else Gender.UNKNOWN


def _sentence(text: str) -> str:
    text = text.strip()
    text = text[:1].upper() + text[1:]
    return text if text.endswith(".") else text + "."
