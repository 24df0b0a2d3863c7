"""The Plan tab: write a plan with the family, see its weak spots while typing, print each copy.

Left, the plan's sections as a list (the template's prompts say what belongs in each); in the
middle, the form for the chosen item; right, what could be stronger about it. Every change is
one model edit (`Put("plans", new_plan)`) pushed through the document, so it is one undo step
on the case's one undo stack, and the tab follows the case's change events.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from genogram.model import FuzzyDate, Put
from genogram.model.records import Plan, PlanItem
from genogram.plans.templates import plan_template, plan_types

from . import exporting
from .checking import child_age, item_sections, role_noun, section_of
from .findings import FindingsPanel
from .header import PlanHeader
from .itemform import ItemForm
from .outline import KIND, PlanOutline
from .views import ViewsForm


class PlanTab(QWidget):
    message = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Plan")
        self.doc: Any = None
        self.plan_id: str | None = None
        self.choose_path: Callable[[exporting.ExportKind, str], str | None] = self._choose_with_dialog
        self.report_error: Callable[[str], None] = self._error_box
        self._refresh_timer = QTimer(self, singleShot=True, interval=0)
        self._refresh_timer.timeout.connect(self.refresh)

        self.plans = QComboBox()
        self.plans.setAccessibleName("Plan to show")
        self.plans.setMinimumContentsLength(28)
        self.plans.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.new_type = QComboBox()
        self.new_type.setAccessibleName("Type of new plan")
        for t in plan_types():
            self.new_type.addItem(plan_template(t).name, t)
        self.new_button = QPushButton("&Start a new plan")
        self.new_button.setAccessibleName("Start a new plan of the chosen type")
        top = QHBoxLayout()
        lab = QLabel("Pla&n:")
        lab.setBuddy(self.plans)
        new_lab = QLabel("or a new one:")
        new_lab.setStyleSheet("color: #5f6368; margin-left: 12px;")
        for w in (lab, self.plans, new_lab, self.new_type, self.new_button):
            top.addWidget(w)
        top.addStretch(1)
        self.export_buttons: dict[str, QPushButton] = {}
        self.export_actions: list[QAction] = []
        for kind in exporting.KINDS:
            button = QPushButton(kind.title)
            button.setAccessibleName(kind.what)
            button.clicked.connect(lambda _c=False, k=kind: self.export(k))
            self.export_buttons[kind.key] = button
            action = QAction(kind.menu, self)
            action.setStatusTip(kind.what)
            action.triggered.connect(lambda _c=False, k=kind: self.export(k))
            self.export_actions.append(action)

        self.header = PlanHeader(self._push_fields)
        self.tree = PlanOutline()
        self.add_button = QPushButton("&Add")
        self.add_button.setToolTip("Add to the chosen section (Insert)")
        self.remove_button = QPushButton("Remove")
        self.remove_button.setAccessibleName("Remove the chosen item (Delete)")
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(self.tree, 1)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        ll.addLayout(row)

        self.form = ItemForm(self._push_item)
        self.views = ViewsForm(self._push_fields)
        self.section_page = QLabel()
        self.section_page.setWordWrap(True)
        self.section_page.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.section_page.setAccessibleName("About this section")
        self.section_page.setContentsMargins(9, 9, 9, 9)
        self.pages = QStackedWidget()
        for page in (self.section_page, self.form, self.views):
            self.pages.addWidget(page)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.pages)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.findings = FindingsPanel()
        side = QScrollArea()
        side.setWidgetResizable(True)
        side.setWidget(self.findings)
        side.setFrameShape(QScrollArea.Shape.NoFrame)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(side, 1)
        printing = QLabel("<b>Print each reader's copy</b>")
        printing.setStyleSheet("margin-top: 6px;")
        rl.addWidget(printing)
        for button in self.export_buttons.values():
            rl.addWidget(button)
        for pane in (left, scroll, right):
            self.splitter.addWidget(pane)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([300, 560, 320])
        self.empty = QLabel("This case has no plan yet. Choose a plan type above and press "
                            "“Start a new plan”: its sections and prompts will guide you.")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)

        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.header)
        lay.addWidget(self.splitter, 1)
        lay.addWidget(self.empty, 1)

        self.plans.activated.connect(lambda _i: self._show_plan_id(self.plans.currentData()))
        self.new_button.clicked.connect(self.new_plan)
        self.tree.currentItemChanged.connect(lambda *_: self._show_current())
        self.add_button.clicked.connect(self.add_item)
        self.remove_button.clicked.connect(self.remove_item)
        self.form.checks_changed.connect(self._show_checks)
        QShortcut(QKeySequence(Qt.Key.Key_Insert), self.tree, self.add_item,
                  context=Qt.ShortcutContext.WidgetShortcut)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.tree, self.remove_item,
                  context=Qt.ShortcutContext.WidgetShortcut)
        self._set_enabled(False)

    def file_actions(self) -> list[QAction]:
        """Print the full plan (PDF, DOCX) and the child's page, for the window's File menu."""
        return self.export_actions

    # ---- the document -------------------------------------------------------------------------
    @property
    def case(self) -> Any:
        return self.doc.case if self.doc is not None else None

    def set_document(self, doc: Any) -> None:
        if self.doc is not None:
            self.doc.case.events.disconnect(self._on_change)
            self.doc.undo_stack.indexChanged.disconnect(self._on_undo_step)
            # Words half-typed into the old case must not land in the new one.
            self._drop_typing(self.form, self.views, self.header)
        self.doc = doc
        self.plan_id = None
        doc.case.events.connect(self._on_change)
        doc.undo_stack.indexChanged.connect(self._on_undo_step)
        self.refresh()

    def _drop_typing(self, *forms: QWidget) -> None:
        """Forget what these forms show and take the typing focus out of them, so words
        half-typed there are written nowhere."""
        focused = QApplication.focusWidget()
        for form in forms:
            if form is self.form:
                self.form.item = None
            else:
                form.plan = None  # type: ignore[attr-defined]
            if focused is not None and form.isAncestorOf(focused):
                focused.clearFocus()

    def _on_undo_step(self, _index: int) -> None:
        """Undo and Redo can take away the plan or an item: the list follows at once, so it
        never offers an item that no longer exists (other changes follow on the next turn)."""
        plan = self.plan
        if plan is None:
            if self.plan_id is not None:
                self.refresh()  # the plan shown was taken away
        elif self.tree.item_ids() != {i.id for i in plan.items}:
            self.refresh()

    def _on_change(self, change: Any) -> None:
        if change.collection in ("plans", "people", "meta", "safety_maps", "child_links", "unions"):
            self._refresh_timer.start()

    @property
    def plan(self) -> Plan | None:
        if self.case is None or self.plan_id is None:
            return None
        return next((p for p in self.case.records("plans") if p.id == self.plan_id), None)

    # ---- showing ----------------------------------------------------------------------------
    def refresh(self) -> None:
        self._refresh_timer.stop()
        case = self.case
        plans = case.records("plans") if case is not None else []
        if self.plan_id not in {p.id for p in plans}:
            if self.plan_id is not None:  # the plan being written was taken away (by Undo)
                self._drop_typing(self.form, self.views, self.header)
            self.plan_id = plans[-1].id if plans else None
        elif self.form.item is not None and self.plan is not None \
                and self.form.item.id not in {i.id for i in self.plan.items}:
            self._drop_typing(self.form)  # the item being written was taken away
        self.plans.clear()
        for p in plans:
            self.plans.addItem(self._plan_name(p), p.id)
        self.plans.setCurrentIndex(max(0, self.plans.findData(self.plan_id)))
        plan = self.plan
        self._set_enabled(plan is not None)
        if plan is None:
            return
        self.header.show_plan(case, plan)
        self.tree.fill(case, plan)
        self._show_current()

    def _plan_name(self, p: Plan) -> str:
        from genogram.export.plan_pdf import plan_title

        title, sub = plan_title(self.case, p)
        return title if title != sub.split(" for ")[0] else sub

    def _set_enabled(self, on: bool) -> None:
        self.splitter.setVisible(on)
        self.header.setVisible(on)
        self.empty.setVisible(not on)
        self.plans.setEnabled(on)
        for b in self.export_buttons.values():
            b.setEnabled(on)
        for a in self.export_actions:  # File menu: with no plan yet, it says so rather than grey out
            a.setEnabled(self.doc is not None)

    def select(self, kind: str, ident: str) -> None:
        self.tree.select(kind, ident)

    def _show_current(self) -> None:
        plan, node = self.plan, self.tree.currentItem()
        if plan is None or node is None:
            return
        kind, ident = node.data(0, KIND)
        head = node.parent() or node
        section = next((s for s in item_sections(plan) if s.id == head.data(0, KIND)[1]), None)
        full = section is not None and not section.many and head.childCount() >= 1
        if kind == "item":
            item = next((i for i in plan.items if i.id == ident), None)
            if item is None:
                return
            sid = section_of(plan, item)
            section = next((s for s in item_sections(plan) if s.id == sid), None)
            from genogram.export.plan_pdf import item_role

            self.form.show_item(self.case, plan, item, item_role(plan, item), section)
            self.pages.setCurrentWidget(self.form)
            self._show_checks()
        elif kind == "views":
            self.views.show_plan(plan)
            self.pages.setCurrentWidget(self.views)
            self._show_plan_checks(plan)
        else:
            section = next((s for s in item_sections(plan) if s.id == ident), None)
            count = node.childCount()
            text = f"<h3>{section.title if section else 'Other parts of the plan'}</h3>"
            if section is not None:
                text += f"<p>{section.prompt}</p><p style='color:#5f6368'>For the child: “{section.child_title}”."
                text += f" {section.child_prompt}</p>"
            text += (f"<p>{count} written so far. " if count else "<p>Nothing here yet. ")
            if full:
                text += "This section holds one entry: choose it in the list to change it.</p>"
            else:
                text += "Press <b>Add</b> (Alt+A, or Insert in the list) to write one.</p>"
            self.section_page.setText(text)
            self.pages.setCurrentWidget(self.section_page)
            self._show_plan_checks(plan)
        self.add_button.setEnabled(kind in ("section", "item") and not full)
        self.remove_button.setEnabled(kind == "item")

    def _show_checks(self) -> None:
        plan = self.plan
        if plan is None or self.pages.currentWidget() is not self.form:
            return
        age = child_age(self.case, plan)
        reader = f"the child, aged {age}" if age is not None else "the child"
        self.findings.show_checks(self.form.role, self.form.text.result, self.form.child_text.result,
                                  self.form.text, self.form.child_text, reader)

    def _show_plan_checks(self, plan: Plan) -> None:
        from genogram.export.plan_pdf import smart_rows

        self.findings.show_summary(smart_rows(self.case, plan))

    # ---- changing ---------------------------------------------------------------------------------
    def _push_plan(self, plan: Plan, label: str) -> None:
        if self.doc is not None:
            self.doc.push(Put("plans", plan), label)

    def _push_fields(self, changes: dict[str, Any], label: str) -> None:
        plan = self.plan
        if plan is not None:
            self._push_plan(replace(plan, **changes), label)

    def _push_item(self, item: PlanItem, label: str) -> None:
        plan = self.plan
        if plan is None or all(i.id != item.id for i in plan.items):
            return  # the item was taken away (by Undo) while it was being written
        items = tuple(item if i.id == item.id else i for i in plan.items)
        self._push_plan(replace(plan, items=items), label)

    def _show_plan_id(self, plan_id: str | None) -> None:
        self._commit()
        self.plan_id = plan_id
        self.tree.forget()
        self.refresh()

    def _commit(self) -> None:
        self.form.commit_all()
        self.views.commit_all()
        self.header.title.commit()

    def new_plan(self) -> None:
        case = self.case
        if case is None:
            return
        self._commit()
        kind = self.new_type.currentData()
        index = case.meta.index_person
        plan = Plan(id=case.new_id("plan"), plan_type=kind,
                    child=index if index and case.family.has_person(index) else None,
                    started=FuzzyDate.from_date(case.as_at()))
        self.doc.push(Put("plans", plan), f"Start a {plan_template(kind).name.lower()}")
        self.plan_id = plan.id
        self.tree.forget()
        self.refresh()
        self.message.emit(f"Started a {plan_template(kind).name.lower()}: write it section by section.")

    def add_item(self) -> None:
        plan, node = self.plan, self.tree.currentItem()
        if plan is None or node is None:
            return
        self._commit()
        plan = self.plan
        if plan is None:
            return
        kind, ident = node.data(0, KIND)
        if kind == "item":
            item = next((i for i in plan.items if i.id == ident), None)
            if item is None:  # the list was behind the plan: show the plan as it is now
                self.refresh()
                return
            ident = section_of(plan, item) or item.section
        elif kind != "section":
            return
        if not self.add_button.isEnabled():
            return  # a section that holds one entry already has it
        used = {i.id for i in plan.items}
        n = len(plan.items) + 1
        while f"pi_{n}" in used:
            n += 1
        item = PlanItem(id=f"pi_{n}", section=ident)
        from genogram.export.plan_pdf import item_role

        noun = role_noun(item_role(plan, item))
        self._push_plan(replace(plan, items=(*plan.items, item)), f"Add {noun}")
        self.refresh()
        self.select("item", item.id)
        self.form.text.setFocus(Qt.FocusReason.OtherFocusReason)

    def remove_item(self) -> None:
        plan, node = self.plan, self.tree.currentItem()
        if plan is None or node is None or node.data(0, KIND)[0] != "item":
            return
        ident = node.data(0, KIND)[1]
        item = next((i for i in plan.items if i.id == ident), None)
        if item is None:  # the list was behind the plan (an Undo had taken the item away)
            self.refresh()
            self.message.emit("That item is no longer in the plan, so there was nothing to remove.")
            return
        from genogram.export.plan_pdf import item_role

        self._push_plan(replace(plan, items=tuple(i for i in plan.items if i.id != ident)),
                        f"Remove {role_noun(item_role(plan, item))}")
        self.refresh()

    # ---- printing ---------------------------------------------------------------------------
    def export(self, kind: exporting.ExportKind) -> str | None:
        """Save one reader's copy; ends with one sentence saying where it went, or why not."""
        if self.plan is not None:
            self._commit()  # words still being typed belong in the copy
        return exporting.export(kind, self.case, self.plan, self.choose_path, self.report_error,
                                self.message.emit)

    def _choose_with_dialog(self, kind: exporting.ExportKind, suggested: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(self, kind.what, suggested, kind.filter)
        return path or None

    def _error_box(self, text: str) -> None:
        QMessageBox.warning(self, "Kinscape", text)


