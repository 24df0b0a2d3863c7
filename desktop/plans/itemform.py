"""The form for one plan item: the words, the child's wording, who, when, how we will know.

Rows appear by what the item is: an action asks who, when, how often and what support; an
outcome asks where things are now and how we will know; a worry links to the safety map.
Each finished field is one model edit ("Edit action"), pushed through the document.
"""
from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.canvas.fields import DateField, parse_when
from genogram import pictures
from genogram.language import Context, check_text
from genogram.model import DateError
from genogram.plans.drafting import child_names, child_pronoun, draft_child_text, preferred_words
from genogram.plans.templates import Section

from .caretext import CareTextEdit
from .checking import AS_BY_ROLE, base_context, role_noun
from .outline import short as _short

LINK_KINDS = {"worry": ("harm", "danger", "worry"), "outcome": ("goal",), "strength": ("strength", "safety")}
NOBODY = "Nobody chosen yet"


def _label(text: str, buddy: QWidget) -> QLabel:
    lab = QLabel(text)
    lab.setBuddy(buddy)
    return lab


class ItemForm(QWidget):
    """`push(new_item, label)` is called for every finished change."""

    checks_changed = Signal()

    def __init__(self, push: Callable[[Any, str], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("The chosen part of the plan")
        self._push = push
        self.case: Any = None
        self.plan: Any = None
        self.item: Any = None
        self.role = "text"
        self._base: Context | None = None
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setProperty("role", "heading")
        self.prompt = QLabel()
        self.prompt.setWordWrap(True)
        self.prompt.setStyleSheet("color: #5f6368;")

        self.text = CareTextEdit("What it says", 3)
        self.child_text = CareTextEdit("The child's wording", 2)
        self.draft_button = QPushButton("&Draft from the adult text")
        self.draft_button.setAccessibleName("Draft the child's wording from the adult text")
        self.draft_note = QLabel()
        self.draft_note.setWordWrap(True)
        self.draft_note.setAccessibleName("What the draft changed")
        self.draft_note.hide()
        self.who = QComboBox()
        self.who.setEditable(True)
        self.who.setAccessibleName("Who will do it: someone in the family, or type a professional's name")
        self._who_line().setPlaceholderText("Choose someone, or type a name")
        self.role_box = CareTextEdit("Their role", 1, placeholder="mum, class teacher, social worker…")
        self.when = DateField("By when")
        self.when.edit.setPlaceholderText("a date, such as 2027-01-15")
        self.how_often = CareTextEdit("How often", 1, placeholder="every Friday, every two weeks…")
        self.support = CareTextEdit("Support offered", 2)
        self.baseline = CareTextEdit("Where things are now", 2)
        self.measure = CareTextEdit("How we will know", 2)
        self.serves = QComboBox()
        self.serves.setAccessibleName("The outcome this action helps")
        self.links = QListWidget()
        self.links.setAccessibleName("Statements on the safety map this stands for")
        self.links.setMaximumHeight(120)
        self.links.setWordWrap(True)
        self.links.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.picture = QComboBox()
        self.picture.setAccessibleName("Picture beside this idea on the child's page")
        self.private = QCheckBox("&Private: leave out of copies for the family")

        form = self.form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._rows: dict[str, QWidget] = {}
        child_row = QWidget()
        cl = QVBoxLayout(child_row)
        cl.setContentsMargins(0, 0, 0, 0)
        cl.addWidget(self.child_text)
        bl = QHBoxLayout()
        bl.addWidget(self.draft_button)
        bl.addStretch(1)
        cl.addLayout(bl)
        cl.addWidget(self.draft_note)
        for key, text, widget, buddy in (
                ("text", "&Words:", self.text, self.text),
                ("child", "For the &child:", child_row, self.child_text),
                ("who", "&Who:", self.who, self.who),
                ("role", "R&ole:", self.role_box, self.role_box),
                ("when", "By whe&n:", self.when, self.when.edit),
                ("how_often", "How o&ften:", self.how_often, self.how_often),
                ("support", "S&upport:", self.support, self.support),
                ("serves", "Hel&ps with:", self.serves, self.serves),
                ("baseline", "Where things are &now:", self.baseline, self.baseline),
                ("measure", "How we will &know:", self.measure, self.measure),
                ("links", "On the safety &map:", self.links, self.links),
                ("picture", "Pic&ture:", self.picture, self.picture),
                ("private", "", self.private, None)):
            if buddy is None:
                form.addRow(widget)
            else:
                form.addRow(_label(text, buddy), widget)
            self._rows[key] = widget
        outer = QVBoxLayout(self)
        outer.addWidget(self.heading)
        outer.addWidget(self.prompt)
        outer.addLayout(form)
        outer.addStretch(1)

        for box, field in ((self.text, "text"), (self.child_text, "child_text"), (self.role_box, "role"),
                           (self.how_often, "how_often"), (self.support, "support"),
                           (self.baseline, "baseline"), (self.measure, "measure")):
            box.committed.connect(lambda t, f=field: self._set(f, t))
            box.replaced.connect(lambda t, label, f=field: self._set(f, t, label))
        self.text.checker = lambda t: check_text(t, AS_BY_ROLE.get(self.role, "text"), self.context())
        self.child_text.checker = lambda t: check_text(t, "child", self.context())
        for box in (self.role_box, self.how_often, self.support, self.baseline, self.measure):
            box.checker = lambda t: check_text(t, "text", self.context())
        for box in (self.text, self.child_text):
            box.checked.connect(lambda _r: self.checks_changed.emit())
        for box in (self.role_box, self.how_often):  # who and when feed the action's SMART check
            box.edited.connect(self.text._timer.start)
        self._who_line().editingFinished.connect(self._who_finished)
        self.who.activated.connect(lambda _i: self._who_finished())
        self.who.editTextChanged.connect(lambda _t: self.text._timer.start())
        self.when.committed.connect(self._when_finished)
        self.serves.activated.connect(lambda _i: self._set("serves", self.serves.currentData()))
        self.links.itemChanged.connect(self._links_changed)
        self.picture.activated.connect(lambda _i: self._set("picture", self.picture.currentData()))
        self.private.toggled.connect(lambda on: self._set("private", on))
        self.draft_button.clicked.connect(self.draft)
        order = (self.text, self.child_text, self.draft_button, self.who, self.role_box, self.when.edit,
                 self.how_often, self.support, self.serves, self.baseline, self.measure, self.links,
                 self.picture, self.private)
        for a, b in itertools.pairwise(order):
            QWidget.setTabOrder(a, b)

    def _who_line(self) -> QLineEdit:
        line = self.who.lineEdit()
        assert line is not None  # the box is editable
        return line

    # ---- showing --------------------------------------------------------------------------------
    def show_item(self, case: Any, plan: Any, item: Any, role: str, section: Section | None) -> None:
        same = self.item is not None and item.id == self.item.id
        self.case, self.plan, self.item, self.role = case, plan, item, role
        self._base = base_context(case, plan)
        if not same:
            self.draft_note.hide()
        noun = role_noun(role)
        title, prompt = (section.title, section.prompt) if section else ("Other parts of the plan", "")
        self.heading.setText(f"<b>{noun.capitalize()}</b> · {title}")
        self.prompt.setText(prompt)
        self.text.setPlaceholderText(prompt)
        child_prompt = section.child_prompt if section and section.child_prompt else ""
        self.child_text.setPlaceholderText(
            f"Short, warm words for the child, speaking to them. {child_prompt}".strip())
        visible = {"text", "child", "picture", "private"}
        if role in ("action", "rule"):
            visible |= {"who", "role", "when", "how_often", "support", "serves"}
        if role == "outcome":
            visible |= {"baseline", "measure"}
        if role in LINK_KINDS:
            visible |= {"links"}
        for key, widget in self._rows.items():
            self.form.setRowVisible(widget, key in visible)
        self._fill_who(case, item)
        self.role_box.show_value(item.role)
        self.when.show_problem("")
        self.when.show_value(item.when)
        self.how_often.show_value(item.how_often)
        for box, value in ((self.support, item.support), (self.baseline, item.baseline),
                           (self.measure, item.measure), (self.child_text, item.child_text)):
            box.show_value(value)
        self.text.show_value(item.text)  # last: its check reads who and when from the rows above
        self._fill_serves(plan, item)
        self._fill_links(case, item, role)
        self._fill_picture(item)
        self.private.blockSignals(True)
        self.private.setChecked(item.private)
        self.private.blockSignals(False)

    def _fill_who(self, case: Any, item: Any) -> None:
        self.who.blockSignals(True)
        self.who.clear()
        for p in case.family.people():
            if not p.is_pregnancy_or_loss:
                self.who.addItem(p.display_name, p.id)
        if item.who_person and case.family.has_person(item.who_person):
            self.who.setCurrentIndex(self.who.findData(item.who_person))
        else:
            self.who.setCurrentIndex(-1)
            self.who.setEditText(item.who)
        self.who.blockSignals(False)

    def _fill_serves(self, plan: Any, item: Any) -> None:
        from genogram.export.plan_pdf import item_role

        self.serves.clear()
        self.serves.addItem("No outcome chosen", None)
        for other in plan.items:
            if item_role(plan, other) == "outcome":
                self.serves.addItem(_short(other.text), other.id)
        self.serves.setCurrentIndex(max(0, self.serves.findData(item.serves)))

    def _fill_links(self, case: Any, item: Any, role: str) -> None:
        self.links.blockSignals(True)
        self.links.clear()
        kinds = LINK_KINDS.get(role, ())
        for m in case.records("safety_maps"):
            for s in m.statements:
                if s.kind in kinds:
                    ref = f"{m.id}/{s.id}"
                    row = QListWidgetItem(f"{s.kind.capitalize()}: {s.text}")
                    row.setData(Qt.ItemDataRole.UserRole, ref)
                    row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                    row.setCheckState(Qt.CheckState.Checked if ref in item.links else Qt.CheckState.Unchecked)
                    self.links.addItem(row)
        if self.links.count() == 0:
            self.links.addItem("The case has no safety map statements of this kind yet.")
        self.links.blockSignals(False)

    def _fill_picture(self, item: Any) -> None:
        self.picture.clear()
        self.picture.addItem("Picked from the words when printed", None)
        for name in self.case.media_names():  # the child's own drawings and photos come first
            self.picture.addItem(f"Drawing or photo: {name}", f"media:{name}")
        suggested = pictures.suggest(f"{item.child_text} {item.text}")
        for k in suggested:
            self.picture.addItem(f"{k} (suggested)", f"pictogram:{k}")
        for k in sorted(pictures.pictograms()):
            if k not in suggested:
                self.picture.addItem(k, f"pictogram:{k}")
        if item.picture and self.picture.findData(item.picture) < 0:
            self.picture.addItem(item.picture, item.picture)
        self.picture.setCurrentIndex(max(0, self.picture.findData(item.picture)))

    # ---- what the checker knows -------------------------------------------------------------------
    def context(self) -> Context:
        base = self._base or Context()
        who = ", ".join(x for x in (self.who.currentText().strip(), self.role_box.toPlainText().strip()) if x)
        when = " ".join(x for x in (self.when.text().strip(), self.how_often.toPlainText().strip()) if x)
        return Context(**{**base.__dict__, "who": who, "when": when})

    # ---- changing -------------------------------------------------------------------------------
    def _set(self, field: str, value: Any, label: str | None = None) -> None:
        if self.item is None or getattr(self.item, field) == value:
            return
        noun = role_noun(self.role)
        self.item = replace(self.item, **{field: value})
        self._push(self.item, label or (f"Edit {noun}" if field == "text" else f"Edit {noun}: {FIELD_WORDS[field]}"))

    def _who_finished(self) -> None:
        if self.item is None:
            return
        text = self.who.currentText().strip()
        index = self.who.findText(text, Qt.MatchFlag.MatchExactly)
        pid = self.who.itemData(index) if index >= 0 else None
        if (pid, "" if pid else text) != (self.item.who_person, self.item.who):
            self.item = replace(self.item, who_person=pid, who="" if pid else text)
            self._push(self.item, f"Edit {role_noun(self.role)}: who")

    def _when_finished(self, text: str) -> None:
        try:
            when = parse_when(text, self.case.as_at())
        except DateError as exc:
            self.when.show_problem(str(exc))
            return
        self.when.show_problem("")
        self._set("when", when)

    def _links_changed(self, _row: QListWidgetItem) -> None:
        refs = tuple(self.links.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.links.count())
                     if self.links.item(i).checkState() == Qt.CheckState.Checked)
        self._set("links", refs)

    def draft(self) -> None:
        """Draft the child's wording from the adult text, and say what changed (never silent)."""
        if self.item is None:
            return
        self.text.commit()
        text = self.text.toPlainText()
        if not text.strip():
            self._note("Write the adult text first; the child's wording is drafted from it.")
            return
        d = draft_child_text(text, child_names(self.case, self.plan.child), preferred_words(self.case),
                             child_pronoun(self.case, self.plan.child, text))
        changes = [f"“{c.before}” → “{c.after}” ({c.why})" for c in d.changes]
        note = "Drafted from the adult text. " + ("Changed: " + "; ".join(changes) + "." if changes
                                                  else "Nothing needed changing.")
        if d.needs_words:
            note += " Still needs the child's own word for: " + ", ".join(d.needs_words) + "."
        self._note(note + " Edit it freely; Undo puts the old wording back.")
        self.child_text.setPlainText(d.text)
        self.child_text.check_now()
        self._set("child_text", d.text, f"Draft the child's wording for this {role_noun(self.role)}")
        self.child_text.show_value(d.text)

    def _note(self, text: str) -> None:
        self.draft_note.setText(text)
        self.draft_note.show()

    def commit_all(self) -> None:
        """Finish whatever is being typed (before the selection moves to another item)."""
        for box in (self.text, self.child_text, self.role_box, self.how_often, self.support,
                    self.baseline, self.measure):
            if box.hasFocus():
                box.commit()
        if self.who.hasFocus() or self._who_line().hasFocus():
            self._who_finished()


FIELD_WORDS = {"child_text": "child's wording", "role": "role", "how_often": "how often",
               "support": "support", "baseline": "where things are now", "measure": "how we will know",
               "serves": "outcome it helps", "links": "safety map links", "picture": "picture",
               "private": "private", "when": "by when"}

