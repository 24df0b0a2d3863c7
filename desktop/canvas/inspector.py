"""The inspector: the details of what is selected on the canvas, each change one undo step.

A person (names, gender, dates or an approximate age, deceased, note, Social GRACES, private),
a partnership (kind, dates), a child's line (kind), a relationship (kind, direction) or a
household (name). The forms read the model after every change, so undo shows at once.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QLabel,
    QScrollArea,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from genogram.model import (
    GRACES_ASPECTS,
    BondKind,
    Case,
    ChildKind,
    DateError,
    Edit,
    Gender,
    GraceNote,
    ModelError,
    PersonKind,
    Put,
    UnionKind,
    UpdateChildLink,
    UpdatePerson,
    UpdateUnion,
)
from genogram.notation import styles as S

from .fields import ChoiceField, DateField, LineField, NoteField, parse_when

GENDERS = {Gender.FEMALE: "Female", Gender.MALE: "Male", Gender.NON_BINARY: "Non-binary",
           Gender.UNKNOWN: "Not known"}
KIND_WORDS = {PersonKind.PERSON: "A person", PersonKind.PREGNANCY: "A pregnancy",
              PersonKind.MISCARRIAGE: "A miscarriage", PersonKind.TERMINATION: "A termination",
              PersonKind.STILLBIRTH: "A stillbirth"}
Push = Callable[[Edit, str], None]


def _form(parent: QWidget) -> QFormLayout:
    form = QFormLayout(parent)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
    return form


def _check(name: str) -> QCheckBox:
    box = QCheckBox(name)
    box.setAccessibleName(name)
    return box


class PersonForm(QWidget):
    def __init__(self, inspector: Inspector) -> None:
        super().__init__()
        self.ins = inspector
        form = _form(self)
        self.given = LineField("Given names")
        self.family = LineField("Family name")
        self.known_as = LineField("Known as")
        self.gender = ChoiceField("Gender", list(GENDERS), GENDERS)  # type: ignore[arg-type]
        self.kind = ChoiceField("Born, or a pregnancy or loss", list(PersonKind), KIND_WORDS)  # type: ignore[arg-type]
        self.born = DateField("Born")
        self.died = DateField("Died")
        self.deceased = _check("Has died")
        self.private = _check("Private: leave out of printouts")
        self.note = NoteField("Note")
        self.graces = QTableWidget(len(GRACES_ASPECTS), 1)
        self.graces.setAccessibleName("Social GRACES")
        self.graces.setHorizontalHeaderLabels(["In their words"])
        self.graces.setVerticalHeaderLabels([a.capitalize() for a in GRACES_ASPECTS])
        self.graces.horizontalHeader().setStretchLastSection(True)
        self.graces.setMinimumHeight(200)
        for label, widget in (("Given names", self.given), ("Family name", self.family),
                              ("Known as", self.known_as), ("Gender", self.gender), ("Is", self.kind),
                              ("Born (or age)", self.born), ("Died", self.died)):
            form.addRow(label, widget)
        form.addRow("", self.deceased)
        form.addRow("Note", self.note)
        form.addRow(QLabel("Social GRACES"))
        form.addRow(self.graces)
        form.addRow("", self.private)
        self.given.committed.connect(lambda t: self._set("given", t.strip(), "Rename"))
        self.family.committed.connect(lambda t: self._set("family_name", t.strip(), "Change family name of"))
        self.known_as.committed.connect(lambda t: self._set("known_as", t.strip(), "Change what we call"))
        self.gender.chosen.connect(lambda g: self._set("gender", g, "Change gender of"))
        self.kind.chosen.connect(lambda k: self._set("kind", k, "Change what is recorded for"))
        self.born.committed.connect(lambda t: self._date("born", self.born, t))
        self.died.committed.connect(lambda t: self._date("died", self.died, t))
        self.deceased.clicked.connect(lambda on: self._set("deceased", on, "Record the death of" if on
                                                           else "Record {name} as living"))
        self.private.clicked.connect(lambda on: self._set("private", on, "Keep {name} private" if on else
                                                          "Stop keeping {name} private"))
        self.note.committed.connect(lambda t: self._set("note", t, "Change note on"))
        self.graces.itemChanged.connect(self._grace)
        self.pid = ""

    def show_person(self, case: Case, pid: str) -> None:
        if pid != self.pid:  # a problem with someone else's date is not this person's
            self.born.show_problem("")
            self.died.show_problem("")
        self.pid = pid
        p = case.family.person(pid)
        self.given.show_value(p.given)
        self.family.show_value(p.family_name)
        self.known_as.show_value(p.known_as)
        self.gender.show_value(p.gender)
        self.kind.show_value(p.kind)
        self.born.show_value(p.born)
        self.died.show_value(p.died)
        self.deceased.setChecked(p.deceased or p.died is not None)
        self.deceased.setEnabled(p.died is None)
        self.private.setChecked(p.private)
        self.note.show_value(p.note)
        notes = {g.aspect: g.text for g in p.graces}
        self.graces.blockSignals(True)
        for row, aspect in enumerate(GRACES_ASPECTS):
            current = self.graces.item(row, 0)
            if current is None or current.text() != notes.get(aspect, ""):
                self.graces.setItem(row, 0, QTableWidgetItem(notes.get(aspect, "")))
        self.graces.blockSignals(False)

    def _person(self) -> Any:
        return self.ins.case.family.person(self.pid)

    def _set(self, field: str, value: object, verb: str) -> None:
        p = self._person()
        if getattr(p, field) == value:
            return
        name = p.display_name
        text = verb.format(name=name) if "{name}" in verb else f"{verb} {name}"
        self.ins.push(UpdatePerson(replace(p, **{field: value})), text)

    def _date(self, field: str, box: DateField, typed: str) -> None:
        p = self._person()
        try:
            value = parse_when(typed, self.ins.case.as_at(), p.born if field == "died" else None)
        except DateError as exc:
            box.show_problem(str(exc))
            return
        box.show_problem("")
        what = "date of birth" if field == "born" else "date of death"
        self._set(field, value, f"Change {what} of")

    def _grace(self, item: QTableWidgetItem) -> None:
        p = self._person()
        aspect = GRACES_ASPECTS[item.row()]
        text = item.text().strip()
        kept = [g for g in p.graces if g.aspect != aspect]
        old = next((g for g in p.graces if g.aspect == aspect), None)
        if text:
            kept.append(replace(old, text=text) if old else GraceNote(aspect, text))
        order = {a: i for i, a in enumerate(GRACES_ASPECTS)}
        graces = tuple(sorted(kept, key=lambda g: order.get(g.aspect, 99)))
        if graces != p.graces:
            self.ins.push(UpdatePerson(replace(p, graces=graces)),
                          f"Change {aspect} note of {p.display_name}")


class UnionForm(QWidget):
    def __init__(self, inspector: Inspector) -> None:
        super().__init__()
        self.ins = inspector
        form = _form(self)
        labels = {k: s.label for k, s in S.UNION_STYLES.items()}
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.kind = ChoiceField("Kind of partnership", list(UnionKind), labels)  # type: ignore[arg-type]
        self.started = DateField("Started")
        self.separated = DateField("Separated")
        self.ended = DateField("Ended")
        form.addRow(self.title)
        form.addRow("Kind", self.kind)
        form.addRow("Married or started", self.started)
        form.addRow("Separated", self.separated)
        form.addRow("Divorced or ended", self.ended)
        self.kind.chosen.connect(lambda k: self._set("kind", k))
        for field in ("started", "separated", "ended"):
            box: DateField = getattr(self, field)
            box.committed.connect(lambda t, f=field, b=box: self._date(f, b, t))
        self.uid = ""

    def show_union(self, case: Case, uid: str) -> None:
        if uid != self.uid:
            for box in (self.started, self.separated, self.ended):
                box.show_problem("")
        self.uid = uid
        u = case.family.union(uid)
        names = " and ".join(case.family.person(p).display_name for p in u.partners)
        self.title.setText(f"Partnership of {names}")
        self.kind.show_value(u.kind)
        self.started.show_value(u.started)
        self.separated.show_value(u.separated)
        self.ended.show_value(u.ended)

    def _set(self, field: str, value: object) -> None:
        u = self.ins.case.family.union(self.uid)
        if getattr(u, field) != value:
            names = " and ".join(self.ins.case.family.person(p).short_name or "someone" for p in u.partners)
            self.ins.push(UpdateUnion(replace(u, **{field: value})), f"Change partnership of {names}")

    def _date(self, field: str, box: DateField, typed: str) -> None:
        try:
            value = parse_when(typed, self.ins.case.as_at()) if typed.strip() else None
        except DateError as exc:
            box.show_problem(str(exc))
            return
        box.show_problem("")
        self._set(field, value)


class LinkForm(QWidget):
    def __init__(self, inspector: Inspector) -> None:
        super().__init__()
        self.ins = inspector
        form = _form(self)
        labels = {k: s.label for k, s in S.CHILD_STYLES.items()}
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.kind = ChoiceField("How the child belongs", list(ChildKind), labels)  # type: ignore[arg-type]
        form.addRow(self.title)
        form.addRow("Child is", self.kind)
        self.kind.chosen.connect(self._set)
        self.key = ("", "")

    def show_link(self, case: Case, owner: str) -> None:
        uid, child = owner.split(">", 1)
        self.key = (uid, child)
        self.title.setText(f"{case.family.person(child).display_name}'s line to their parents")
        self.kind.show_value(case.family.child_link(uid, child).kind)

    def _set(self, kind: ChildKind) -> None:
        link = self.ins.case.family.child_link(*self.key)
        if link.kind is not kind:
            name = self.ins.case.family.person(link.child).display_name
            self.ins.push(UpdateChildLink(replace(link, kind=kind)), f"Change how {name} belongs")


class BondForm(QWidget):
    def __init__(self, inspector: Inspector) -> None:
        super().__init__()
        self.ins = inspector
        form = _form(self)
        labels = {k: s.label for k, s in S.BOND_STYLES.items()}
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.kind = ChoiceField("Kind of relationship", list(BondKind), labels)  # type: ignore[arg-type]
        self.directed = _check("Has a direction (arrow)")
        self.note = NoteField("Relationship note")
        form.addRow(self.title)
        form.addRow("Kind", self.kind)
        form.addRow("", self.directed)
        form.addRow("Note", self.note)
        self.kind.chosen.connect(lambda k: self._set("kind", k))
        self.directed.clicked.connect(lambda on: self._set("directed", on))
        self.note.committed.connect(lambda t: self._set("note", t))
        self.bid = ""

    def show_bond(self, case: Case, bid: str) -> None:
        self.bid = bid
        b = case.family.item("bonds", bid)
        a, z = case.family.person(b.a).display_name, case.family.person(b.b).display_name
        self.title.setText(f"{a} → {z}" if b.directed else f"{a} and {z}")
        self.kind.show_value(b.kind)
        self.directed.setChecked(b.directed)
        self.note.show_value(b.note)

    def _set(self, field: str, value: object) -> None:
        b = self.ins.case.family.item("bonds", self.bid)
        if getattr(b, field) != value:
            self.ins.push(Put("bonds", replace(b, **{field: value})), "Change relationship")


class HouseholdForm(QWidget):
    def __init__(self, inspector: Inspector) -> None:
        super().__init__()
        self.ins = inspector
        form = _form(self)
        self.name = LineField("Household name")
        self.members = QLabel()
        self.members.setWordWrap(True)
        form.addRow("Name", self.name)
        form.addRow("Lives here", self.members)
        self.name.committed.connect(self._rename)
        self.hid = ""

    def show_household(self, case: Case, hid: str) -> None:
        self.hid = hid
        h = case.family.item("households", hid)
        self.name.show_value(h.name)
        self.members.setText(", ".join(case.family.person(m).display_name for m in h.members))

    def _rename(self, text: str) -> None:
        h = self.ins.case.family.item("households", self.hid)
        if h.name != text.strip():
            self.ins.push(Put("households", replace(h, name=text.strip())), "Rename household")


class Inspector(QScrollArea):
    """Shows a form for the one selected thing; says what to do when nothing or many are."""

    message = Signal(str)

    def __init__(self, push: Push, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Details of the selection")
        self.setWidgetResizable(True)
        self._push = push
        self.case: Case = Case()
        self.stack = QStackedWidget()
        self.blank = QLabel("Select someone to see and change their details.\n\n"
                            "P partner · C child · S sibling · Shift+P parents")
        self.blank.setWordWrap(True)
        self.blank.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.person, self.union, self.link = PersonForm(self), UnionForm(self), LinkForm(self)
        self.bond, self.household = BondForm(self), HouseholdForm(self)
        for w in (self.blank, self.person, self.union, self.link, self.bond, self.household):
            self.stack.addWidget(w)
        holder = QWidget()
        lay = QVBoxLayout(holder)
        lay.addWidget(self.stack)
        lay.addStretch(1)
        self.setWidget(holder)

    def focus_first(self) -> bool:
        """Move the keyboard into the form shown (F2 or Enter on the drawing)."""
        form = self.stack.currentWidget()
        first = next((w for w in form.findChildren(QWidget)
                      if w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.isEnabled()), None)
        if first is None:
            return False
        first.setFocus(Qt.FocusReason.TabFocusReason)
        return True

    def push(self, edit: Edit, text: str) -> None:
        try:
            self._push(edit, text)
        except ModelError as exc:
            self.message.emit(str(exc)[:1].upper() + str(exc)[1:] + ".")

    def show_selection(self, case: Case, owners: list[tuple[str, str]]) -> None:
        """`owners` are (kind, id) pairs of what is selected."""
        self.case = case
        if len(owners) != 1:
            n = len(owners)
            self.blank.setText(f"{n} things selected. Press Delete to remove them, or H to make "
                               "a household of the people." if n else
                               "Select someone to see and change their details.\n\n"
                               "P partner · C child · S sibling · Shift+P parents")
            self.stack.setCurrentWidget(self.blank)
            return
        kind, owner = owners[0]
        try:
            if kind == "person":
                self.person.show_person(case, owner)
            elif kind == "union":
                self.union.show_union(case, owner)
            elif kind == "link":
                self.link.show_link(case, owner)
            elif kind == "bond":
                self.bond.show_bond(case, owner)
            elif kind == "household":
                self.household.show_household(case, owner)
        except ModelError:
            self.stack.setCurrentWidget(self.blank)
            return
        self.stack.setCurrentWidget(getattr(self, kind, self.blank))
