"""The page of people's own words: what the child says, what the parents say, and whether they agree.

These words are never checked for language and never corrected: they are quoted as said. A
disagreement is recorded beside them, not erased.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from genogram.language import check_text

from .caretext import CareTextEdit

AGREE = (("Not asked yet", None), ("Yes, they agree with the plan", True),
         ("No, they do not agree (say why below)", False))


class ViewsForm(QWidget):
    def __init__(self, push: Callable[[dict[str, Any], str], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("What the child and the parents say")
        self._push = push
        self.plan: Any = None
        heading = QLabel("<b>What the child and the parents say</b>")
        note = QLabel("Write their own words, exactly as they said or wrote them. Kinscape never "
                      "checks or changes these words.")
        note.setWordWrap(True)
        note.setStyleSheet("color: #5f6368;")
        self.child_view = CareTextEdit("What the child says, in their own words", 4)
        self.parents_view = CareTextEdit("What the parents say, in their own words", 4)
        self.agree = QComboBox()
        self.agree.setAccessibleName("Do the parents agree with the plan?")
        for text, value in AGREE:
            self.agree.addItem(text, value)
        self.dispute = CareTextEdit("What is not agreed, recorded as each person says it", 3)
        self.dispute.checker = lambda t: check_text(t, "text")
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for text, widget in (("What the &child says:", self.child_view),
                             ("What the &parents say:", self.parents_view),
                             ("Do they a&gree?", self.agree),
                             ("What is not a&greed:", self.dispute)):
            lab = QLabel(text)
            lab.setBuddy(widget)
            form.addRow(lab, widget)
        lay = QVBoxLayout(self)
        lay.addWidget(heading)
        lay.addWidget(note)
        lay.addLayout(form)
        lay.addStretch(1)
        self.child_view.committed.connect(lambda t: self._set("child_view", t, "Edit what the child says"))
        self.parents_view.committed.connect(lambda t: self._set("parents_view", t,
                                                                 "Edit what the parents say"))
        self.dispute.committed.connect(lambda t: self._set("dispute", t, "Record what is not agreed"))
        self.dispute.replaced.connect(lambda t, label: self._set("dispute", t, label))
        self.agree.activated.connect(lambda _i: self._set("parents_agree", self.agree.currentData(),
                                                          "Record whether the parents agree"))

    def show_plan(self, plan: Any) -> None:
        self.plan = plan
        self.child_view.show_value(plan.child_view)
        self.parents_view.show_value(plan.parents_view)
        self.dispute.show_value(plan.dispute)
        self.agree.setCurrentIndex([v for _t, v in AGREE].index(plan.parents_agree))

    def _set(self, field: str, value: Any, label: str) -> None:
        if self.plan is None or getattr(self.plan, field) == value:
            return
        self.plan = replace(self.plan, **{field: value})
        self._push({field: value}, label)  # applied to the plan as it is now, not as it was shown

    def commit_all(self) -> None:
        for box in (self.child_view, self.parents_view, self.dispute):
            if box.hasFocus():
                box.commit()
