"""The plan's particulars: whose plan, its status, when it started and when it is reviewed.

The next review and visit are worked out from the plan type's timescales and said in words,
with whether they are on track, due soon or overdue.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QWidget

from desktop.canvas.fields import DateField, parse_when
from genogram.model import DateError

from .caretext import CareTextEdit
from .checking import STATUSES, due_words, template_for


def due_html(words: str) -> str:
    """Overdue in a warm, strong colour; on track calm; due soon in between."""
    parts = []
    for part in words.split(" · "):
        colour, weight = "#3f5f3f", 400
        if part.endswith("overdue"):
            colour, weight = "#9a3412", 600
        elif part.endswith("due soon"):
            colour, weight = "#8a6d00", 600
        parts.append(f"<span style='color:{colour}; font-weight:{weight}'>{part}</span>")
    return " &nbsp;·&nbsp; ".join(parts)


class PlanHeader(QWidget):
    def __init__(self, push: Callable[[dict[str, Any], str], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("About this plan")
        self._push = push
        self.case: Any = None
        self.plan: Any = None
        self.kind = QLabel()
        self.kind.setAccessibleName("Plan type")
        self.title = CareTextEdit("Plan title", 1, placeholder="A title, if the plan needs one")
        self.child = QComboBox()
        self.child.setAccessibleName("The child this plan is for")
        self.child.setMinimumContentsLength(12)
        self.child.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.status = QComboBox()
        self.status.setAccessibleName("Plan status")
        for s in STATUSES:
            self.status.addItem(s.capitalize(), s)
        self.started = DateField("Date the plan started")
        self.review = DateField("Review date")
        for box in (self.started, self.review):
            box.edit.setPlaceholderText("a date, such as 2027-02-02")
        self.dues = QLabel()
        self.dues.setAccessibleName("Next review and visit")
        self.dues.setWordWrap(True)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(10)
        cells = (("Type:", self.kind, None), ("Ch&ild:", self.child, self.child),
                 ("S&tatus:", self.status, self.status), ("Title:", self.title, self.title),
                 ("Sta&rted:", self.started, self.started.edit), ("Re&view:", self.review, self.review.edit))
        for n, (text, widget, buddy) in enumerate(cells):
            lab = QLabel(text)
            if buddy is not None:
                lab.setBuddy(buddy)
            grid.addWidget(lab, n // 3, (n % 3) * 2)
            grid.addWidget(widget, n // 3, (n % 3) * 2 + 1)
        grid.addWidget(self.dues, 2, 0, 1, 6)
        for col in (1, 3, 5):
            grid.setColumnStretch(col, 1)
        self.title.committed.connect(lambda t: self._set("title", t, "Edit plan title"))
        self.title.replaced.connect(lambda t, label: self._set("title", t, label))
        self.child.activated.connect(lambda _i: self._set("child", self.child.currentData(),
                                                          "Change whose plan it is"))
        self.status.activated.connect(lambda _i: self._set("status", self.status.currentData(),
                                                           "Change plan status"))
        self.started.committed.connect(lambda t: self._date("started", self.started, t, "Change start date"))
        self.review.committed.connect(lambda t: self._date("review", self.review, t, "Change review date"))

    def show_plan(self, case: Any, plan: Any) -> None:
        self.case, self.plan = case, plan
        t = template_for(plan)
        self.kind.setText(t.name if t else plan.plan_type.replace("_", " ").capitalize())
        self.kind.setToolTip(t.description if t else "")
        self.title.show_value(plan.title)
        self.child.clear()
        self.child.addItem("Nobody chosen yet", None)
        for p in case.family.people():
            if not p.is_pregnancy_or_loss:
                self.child.addItem(p.display_name, p.id)
        self.child.setCurrentIndex(max(0, self.child.findData(plan.child)))
        index = self.status.findData(plan.status)
        if index < 0:
            self.status.addItem(plan.status.replace("_", " ").capitalize(), plan.status)
            index = self.status.count() - 1
        self.status.setCurrentIndex(index)
        for box, value in ((self.started, plan.started), (self.review, plan.review)):
            box.show_problem("")
            box.show_value(value)
        held = ", ".join(d.label() for d in plan.reviews)
        self.dues.setText(due_html(due_words(case, plan))
                          + (f" &nbsp;·&nbsp; <span style='color:#5f6368'>Reviews held: {held}</span>" if held else ""))

    def _set(self, field: str, value: Any, label: str) -> None:
        if self.plan is None or getattr(self.plan, field) == value:
            return
        self.plan = replace(self.plan, **{field: value})
        self._push({field: value}, label)  # applied to the plan as it is now, not as it was shown

    def _date(self, field: str, box: DateField, text: str, label: str) -> None:
        try:
            when = parse_when(text, self.case.as_at())
        except DateError as exc:
            box.show_problem(str(exc))
            return
        box.show_problem("")
        self._set(field, when, label)
