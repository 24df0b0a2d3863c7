"""The Genogram tab: the drawing, its tools and the inspector, for one open case.

This is where the canvas's intents become undoable edits: a drag becomes one Move, a quick
add becomes "Add partner for Dana" with the typed name folded in, the bond tool's two picks
become one new relationship. The scene then follows the model's events; nothing here draws.
The main window adds `file_actions()` (export and print) to its File menu.
"""
from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise
from typing import Any

from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QAction, QColor, QKeySequence, QPalette
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QInputDialog,
    QLabel,
    QSplitter,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from genogram.model import BondKind, Case, DateError, Edit, Gender, ModelError
from genogram.model import operations as ops

from . import selection_edits as se
from .find import FindBar
from .focus import FocusControl
from .inspector import Inspector
from .interactions import BondTool, Chooser, choose_with_menu
from .printing import GenogramPrinting
from .quickadd import KINDS, FoldingCommand, NameEditor, join_as_partners, name_edit, push_add
from .scene import GenogramScene
from .view import GenogramCanvas

DISABLED_TEXT = QColor("#767676")  # a tool that needs a selection first: quieter, still readable


class GenogramView(QWidget):
    """One case's genogram: toolbar, find bar, canvas and inspector side by side."""

    message = Signal(str)

    def __init__(self, document: Any = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Genogram")
        self.doc: Any = None
        self.scene = GenogramScene(self)
        self.canvas = GenogramCanvas(self.scene, self)
        self.inspector = Inspector(self._push, self)
        self.find_bar = FindBar(self)
        self.name_editor = NameEditor(self.canvas.viewport())
        self.status = QLabel(self)
        self.status.setAccessibleName("Genogram messages")
        self.status.setWordWrap(True)
        # Replaceable in tests: the chooser of a bond's kind, and the file and dialog steps.
        self.choose_bond: Chooser = choose_with_menu(self)
        self.ask_text: Callable[[str, str], str | None] = self._ask_text
        self.printing = GenogramPrinting(self, lambda: self.case, self.say)
        self.bond_tool = BondTool(self.canvas, lambda: self.case, lambda c, a, b: self.choose_bond(c, a, b))
        self._naming: tuple[FoldingCommand, str] | None = None

        self.toolbar = QToolBar("Genogram tools", self)
        self.toolbar.setAccessibleName("Genogram tools")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.actions_by_name: dict[str, QAction] = {}
        # What an action needs selected before it can act, and the sentence that says so.
        self._needs: dict[str, tuple[Callable[[list[str], int], bool], str, str]] = {}
        self._tips: dict[str, str] = {}
        self._build_actions()
        self._keyboard_toolbar()
        self.focus = FocusControl(self.scene, self.canvas,
                                  lambda: self.scene.selected_owners("person"), self)

        split = QSplitter(self)
        left = QWidget(split)
        lay = QVBoxLayout(left)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        lay.addWidget(self.find_bar)
        lay.addWidget(self.focus.bar)
        lay.addWidget(self.canvas, 1)
        lay.addWidget(self.status)
        split.addWidget(left)
        split.addWidget(self.inspector)
        split.setStretchFactor(0, 4)
        split.setStretchFactor(1, 1)
        split.setSizes([900, 300])
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self.toolbar)
        outer.addWidget(split, 1)

        self.scene.selectionChanged.connect(self._show_selection)
        self.scene.relaid.connect(self._show_selection)
        self.canvas.unavailable.connect(self._unavailable)
        self.canvas.personsMoved.connect(self._moved)
        self.canvas.personsNudged.connect(lambda moves: self._moved(moves, continues=True))
        self.bond_tool.bondChosen.connect(self._add_bond)
        self.bond_tool.status.connect(self.say)
        self.bond_tool.finished.connect(lambda: self.actions_by_name["bond"].setChecked(False))
        self.find_bar.found.connect(self._found)
        self.find_bar.closed.connect(self.canvas.setFocus)
        self.name_editor.accepted.connect(self._named)
        self.name_editor.cancelled.connect(lambda: self._named(None))
        self.inspector.message.connect(self.say)
        if document is not None:
            self.set_document(document)

    # ---- actions ----------------------------------------------------------------------------
    def _act(self, name: str, text: str, slot: Callable[[], object], key: str | None = None,
             tip: str = "", toolbar: bool = True, on_canvas: bool = True) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        action.setToolTip(f"{tip} ({key})" if key and tip else tip or text)
        action.setStatusTip(tip)
        self._tips[name] = action.toolTip()  # the tooltip while the action can act
        if key:
            action.setShortcut(QKeySequence(key))
            # Single letters act in the drawing only, never while typing in a box.
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut if on_canvas
                                      else Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda _c=False: slot())
        (self.canvas if on_canvas else self).addAction(action)
        if toolbar:
            self.toolbar.addAction(action)
        self.actions_by_name[name] = action
        return action

    def _build_actions(self) -> None:
        self._act("person", "Add person", lambda: self.quick_add("person"), "N",
                  "Add someone who is not yet connected")
        for kind, (key, text, tip) in KINDS.items():
            self._act(kind, text, lambda k=kind: self.quick_add(k), key, tip)
        self.toolbar.addSeparator()
        self._act("join", "Join as partners", self.join_partners, "J",
                  "Make the two selected people partners (cousins, or across generations)")
        bond = self._act("bond", "Relationship", self.toggle_bond_tool, "B",
                         "Draw an emotional relationship: click two people")
        bond.setCheckable(True)
        self._act("household", "Household", self.make_household, "H",
                  "Draw a household round the selected people")
        self._act("index", "Index child", self.toggle_index, "I",
                  "Mark the selected person as the child this case is about")
        self._act("female", "Female", lambda: self.set_gender(Gender.FEMALE), "F",
                  "Mark the selected people as female", toolbar=False)
        self._act("male", "Male", lambda: self.set_gender(Gender.MALE), "M",
                  "Mark the selected people as male", toolbar=False)
        self._act("twins", "Twins", lambda: self.make_twins(False), "T",
                  "Mark the selected brothers and sisters as twins", toolbar=False)
        self._act("identical_twins", "Identical twins", lambda: self.make_twins(True), "Shift+T",
                  "Mark the selected brothers and sisters as identical twins", toolbar=False)
        self._act("delete", "Remove", self.delete_selection, "Del", "Remove what is selected")
        self.toolbar.addSeparator()
        self._act("find", "Find", self.open_find, "Ctrl+F", "Find a person by name", on_canvas=False)
        zoom_in = self._act("zoom_in", "Zoom in", self.canvas.zoom_in, "Ctrl+=",
                            "Make the drawing larger", on_canvas=False)
        zoom_in.setShortcuts([QKeySequence("Ctrl+="), QKeySequence("Ctrl++")])
        self._act("zoom_out", "Zoom out", self.canvas.zoom_out, "Ctrl+-", "Make the drawing smaller",
                  on_canvas=False)
        self._act("fit", "Fit", self.canvas.fit, "Ctrl+0", "Show the whole family", on_canvas=False)
        details = self._act("details", "Details", self.inspector.focus_first, "F2",
                            "Type in the details of the selection", toolbar=False)
        details.setShortcuts([QKeySequence("F2"), QKeySequence("Return")])
        back = QAction("Back to the drawing", self.inspector)
        back.setShortcut(QKeySequence("Esc"))
        back.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        back.triggered.connect(lambda _c=False: self.canvas.setFocus())
        self.inspector.addAction(back)
        self._act("cancel", "Stop", self.cancel_tool, "Esc", "Stop the tool, clear the selection",
                  toolbar=False)

        def people(least: int, most: int = 1000) -> Callable[[list[str], int], bool]:
            return lambda chosen, _things: least <= len(chosen) <= most
        one = "Select a person first (click them, or press Tab), then press {}."
        for kind, (_key, text, _tip) in KINDS.items():
            self._needs[kind] = (people(1), one.format(text), "Select a person first.")
        two = "Select two or more brothers and sisters first, then press {}."
        self._needs.update({
            "join": (people(2, 2), ("Select the two people first (click one, Ctrl+click the other), "
                                    "then press Join as partners."), "Select two people first."),
            "household": (people(1), ("Select the people who live together first (drag a box round them), "
                                      "then press Household."), "Select the people who live together first."),
            "index": (people(1), "Select the child this case is about first, then press Index child.",
                      "Select the child first."),
            "female": (people(1), one.format("F"), "Select a person first."),
            "male": (people(1), one.format("M"), "Select a person first."),
            "twins": (people(2), two.format("T"), "Select two or more brothers and sisters first."),
            "identical_twins": (people(2), two.format("Shift+T"), "Select two or more brothers and sisters first."),
            "delete": (lambda _chosen, things: things > 0,
                       "Select what to remove first (a person, a line or a household), then press Remove.",
                       "Select something first."),
        })

    def _keyboard_toolbar(self) -> None:
        """Tab reaches every tool button, a screen reader names each one, and a greyed one
        stays readable (4:1 against the toolbar rather than the style's faint grey)."""
        palette = self.toolbar.palette()
        for role in (QPalette.ColorRole.ButtonText, QPalette.ColorRole.WindowText, QPalette.ColorRole.Text):
            palette.setColor(QPalette.ColorGroup.Disabled, role, DISABLED_TEXT)
        self.toolbar.setPalette(palette)
        buttons: list[QWidget] = []
        for action in self.toolbar.actions():
            button = self.toolbar.widgetForAction(action)
            if button is None or action.isSeparator():
                continue
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            button.setAccessibleName(action.text().replace("&", ""))
            button.setAccessibleDescription(action.statusTip())
            buttons.append(button)
        for a, b in pairwise(buttons):
            QWidget.setTabOrder(a, b)

    def _sync_actions(self) -> None:
        """Each tool that needs a selection is enabled only while one it can act on is chosen;
        its tooltip then says what to select. (Called on every selection change and relayout,
        so undo and redo keep it right.)"""
        has_case = self.case is not None
        chosen = self.scene.selected_owners("person") if has_case else []
        things = sum(1 for i in self.scene.selectedItems() if hasattr(i, "owner")) if has_case else 0
        for name, (ok, _sentence, short) in self._needs.items():
            action = self.actions_by_name[name]
            able = has_case and ok(chosen, things)
            action.setEnabled(able)
            action.setToolTip(self._tips[name] if able else f"{self._tips[name]}. {short}")
        for name in ("person", "find"):
            self.actions_by_name[name].setEnabled(has_case)

    def _unavailable(self, action: QAction) -> None:
        """A key of a tool that cannot act yet: say what to select first."""
        need = self._needs.get(action.objectName())
        if self.case is None:  # no selection would help yet
            self.say("Open or start a case first.")
        elif need is not None:
            self.say(need[1])

    def file_actions(self) -> list[QAction]:
        """Export as PDF, SVG, PNG and Print, for the main window's File menu."""
        return self.printing.actions

    # ---- the document -----------------------------------------------------------------------
    @property
    def case(self) -> Case | None:
        return self.doc.case if self.doc is not None else None

    def set_document(self, doc: Any) -> None:
        self.bond_tool.cancel()
        self.name_editor.hide()
        self._naming = None
        self.doc = doc
        self.focus.document_opened(getattr(doc, "case", None))  # a big case starts in focus
        self.scene.set_document(doc)
        self.canvas.request_fit()
        self._show_selection()

    def _push(self, edit: Edit, text: str) -> None:
        if self.doc is None:
            return
        self.doc.push(edit, text)
        self.scene.flush()

    def say(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))
        if text:
            self.message.emit(text)

    def _try(self, work: Callable[[], object]) -> bool:
        try:
            work()
        except (ModelError, DateError, ValueError) as exc:
            msg = str(exc)
            self.say(msg[:1].upper() + msg[1:] + ("" if msg.endswith(".") else "."))
            return False
        return True

    def _show_selection(self) -> None:
        self._sync_actions()
        case = self.case
        if case is None:
            return
        picked = [(i.kind, i.owner) for i in self.scene.selectedItems() if hasattr(i, "owner")]
        self.inspector.show_selection(case, picked)

    def _selected_person(self) -> str | None:
        chosen = self.scene.selected_owners("person")
        if not chosen:
            self.say("Select a person first (click them, or press Tab).")
            return None
        return chosen[0]

    # ---- quick add and naming ---------------------------------------------------------------
    def quick_add(self, kind: str) -> str | None:
        """Add a partner, child, sibling or parents of the selected person (or a new person)."""
        if self.doc is None:
            return None
        self._finish_naming()
        pid = "" if kind == "person" else self._selected_person()
        if pid is None:
            return None
        chosen = self.scene.selected_owners("person")
        other = chosen[1] if kind == "child" and len(chosen) == 2 else None  # a child of these two
        result: list[tuple[FoldingCommand, str]] = []
        if not self._try(lambda: result.append(push_add(self.doc, kind, pid, other))):
            return None
        cmd, new = result[0]
        self.scene.flush()
        self.canvas.focus_person(new)
        self.say("")
        place = self.scene.layout.people.get(new)
        if place is not None:
            self._naming = (cmd, new)
            at = self.canvas.mapFromScene(QPointF(place.cx, place.cy + place.size / 2 + 2))
            self.name_editor.open_at(QPointF(at))
        return new

    def _named(self, text: str | None) -> None:
        naming, self._naming = self._naming, None
        if naming is None or self.doc is None:
            return
        cmd, pid = naming
        case = self.doc.case
        if text and case.family.has_person(pid):
            edit = name_edit(case, pid, text)
            stack = self.doc.undo_stack
            if edit is not None:
                if stack.index() == stack.count() and stack.command(stack.count() - 1) is cmd:
                    cmd.fold(edit, f"Add {text.strip()}" if cmd.text() == "Add a person" else None)
                else:
                    self.doc.push(edit, f"Rename {case.family.person(pid).display_name}")
            self.scene.flush()
        if case.family.has_person(pid):
            self.canvas.focus_person(pid)
        self.canvas.setFocus()

    def _finish_naming(self) -> None:
        if self._naming is not None and self.name_editor.isVisible():
            self.name_editor._finish(True)

    # ---- other edits ------------------------------------------------------------------------
    def _moved(self, moves: dict[str, tuple[float, float]], continues: bool = False) -> None:
        if self.doc is None:
            return
        self._try(lambda: self.doc.push_move(ops.nudge(self.doc.case, moves), frozenset(moves),
                                             continues=continues))
        self.scene.flush()

    def toggle_bond_tool(self) -> None:
        if self.bond_tool.active:
            self.bond_tool.cancel()
            return
        self.actions_by_name["bond"].setChecked(True)
        chosen = self.scene.selected_owners("person")
        self.bond_tool.start(chosen[0] if len(chosen) == 1 else None)

    def _add_bond(self, a: str, b: str, kind: BondKind, directed: bool) -> None:
        case = self.case
        if case is None:
            return
        if self._try(lambda: self._push(ops.add_bond(case, a, b, kind, directed)[0], "")):
            self.say("")

    def cancel_tool(self) -> None:
        if self.bond_tool.active:
            self.bond_tool.cancel()
        elif self.find_bar.isVisible():
            self.find_bar.close_bar()
        else:
            self.scene.clearSelection()

    def _with_selection(self, build: Callable[[Case, list[str]], Edit], need: str) -> None:
        case = self.case
        people = self.scene.selected_owners("person")
        if case is None or not people:
            self.say(need)
            return
        self._try(lambda: self._push(build(case, people), ""))

    def make_household(self) -> None:
        def build(case: Case, people: list[str]) -> Edit:
            first = case.family.person(people[0]).short_name or "Someone"
            name = self.ask_text("Name of the household", f"{first}'s home")
            if name is None:
                raise _Cancelled
            return se.household(case, people, name)
        try:
            self._with_selection(build, "Select the people who live together first (drag a box round them).")
        except _Cancelled:
            pass

    def toggle_index(self) -> None:
        self._with_selection(lambda case, people: se.toggle_index(case, people[0]),
                             "Select the child this case is about first.")

    def set_gender(self, gender: Gender) -> None:
        self._with_selection(lambda case, people: se.set_gender(case, people, gender),
                             "Select a person first (click them, or press Tab).")

    def join_partners(self) -> None:
        def build(case: Case, people: list[str]) -> Edit:
            if len(people) != 2:
                raise ModelError("select exactly two people to make them partners")
            return join_as_partners(case, people[0], people[1])
        self._with_selection(build, "Select the two people first (click one, Ctrl+click the other).")

    def make_twins(self, identical: bool) -> None:
        self._with_selection(lambda case, people: se.twins(case, people, identical),
                             "Select two or more brothers and sisters first.")

    def delete_selection(self) -> None:
        case = self.case
        chosen = [(i.kind, i.owner) for i in self.scene.selectedItems() if hasattr(i, "owner")]
        if case is None or not chosen:
            self.say(self._needs["delete"][1])
            return
        edit = se.removal(case, chosen)
        self.scene.clearSelection()
        self._try(lambda: self._push(edit, edit.label))

    # ---- find -------------------------------------------------------------------------------
    def open_find(self) -> None:
        case = self.case
        if case is None:
            return
        order = [p.id for p in sorted(self.scene.layout.people.values(), key=lambda p: (p.generation, p.cx))]
        if self.focus.active:  # people outside the focus can be found too (the view moves to them)
            shown = set(order)
            order += [p.id for p in case.family.people() if p.id not in shown]
        self.find_bar.open_bar(case, order)

    def _found(self, pid: str) -> None:
        if self.focus.active and pid not in self.scene.layout.people:
            self.focus.focus_on(pid)
        self.scene.select_only([pid])
        item = self.scene.person_item(pid)
        if item is not None:
            self.canvas.centerOn(item.boundingRect().center())

    # ---- export and print -------------------------------------------------------------------
    def export(self, fmt: str) -> bool:
        return self.printing.export(fmt)

    def print_dialog(self, printer: QPrinter | None = None) -> bool:
        return self.printing.print_dialog(printer)

    # ---- replaceable questions ----------------------------------------------------------------
    def _ask_text(self, title: str, suggested: str) -> str | None:
        text, ok = QInputDialog.getText(self, title, title + ":", text=suggested)
        return text if ok else None


class _Cancelled(Exception):
    """The user closed a question without answering."""
