"""The Signs of Safety map on screen: three columns, a statement editor, ratings over time.

What are we worried about (harm, danger and worry statements, complicating factors), what is
working well (strengths, existing safety), what needs to happen (safety goals, each answering
a worry, and next steps with who and by when). What is still missing is said beside the
statement it belongs to, in the words of `validate_map`. Each person's 0–10 rating is kept per
date and drawn as a line over time.
"""
from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from genogram.directwork.validation import WORRY_KINDS, validate_map
from genogram.export.safety_map_pdf import safety_map_pdf
from genogram.model.errors import UnknownIdError
from genogram.model.records import SafetyMap, SafetyStatement

from . import common as C
from .ratings import RatingsPanel

KIND_WORDS = {"harm": "Harm", "danger": "Danger statement", "worry": "Worry statement",
              "complicating": "Complicating factor", "strength": "Existing strength",
              "safety": "Existing safety", "goal": "Safety goal", "next_step": "Next step"}
COLUMNS = (("worried", "What are we worried about?", ("harm", "danger", "worry", "complicating")),
           ("well", "What’s working well?", ("strength", "safety")),
           ("happen", "What needs to happen?", ("goal", "next_step")))


def _short(text: str, n: int = 36) -> str:
    t = " ".join(text.split())
    return f"“{t}”" if len(t) <= n else f"“{t[:n - 1]}…”"


class SafetyPage(C.Page):
    def __init__(self, host: C.Host, parent: QWidget | None = None) -> None:
        super().__init__(host, parent)
        self.map_id: str | None = None
        self.statement_id: str | None = None
        self.setAccessibleName("Safety map")

        self.record = QComboBox()
        self.record.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.record.setMinimumContentsLength(14)
        self.record.setAccessibleName("Which safety map")
        self.new_button = QPushButton("New safety &map")
        self.question = QLineEdit()
        self.question.setAccessibleName("The map's question")
        self.question.setPlaceholderText("The question this map answers")
        top = QHBoxLayout()
        for w in (C.label("Map:", self.record), self.record, self.new_button, C.label("&Question:", self.question)):
            top.addWidget(w)
        top.addWidget(self.question, 1)

        self.lists: dict[str, QListWidget] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        for col, (key, title, _kinds) in enumerate(COLUMNS):
            ink, fill = C.COLUMN_COLOURS[key]
            head = C.heading(title, 1.15, ink)
            head.setStyleSheet(f"color: {ink}; background: {fill}; border-radius: 10px; padding: 8px;")
            lst = QListWidget()
            lst.setSpacing(2)
            lst.setAccessibleName(title)
            C.wrapped_list(lst, fill, fill)
            lst.currentItemChanged.connect(lambda cur, _prev, k=key: self._picked(k, cur))
            self.lists[key] = lst
            grid.addWidget(head, 0, col)
            grid.addWidget(lst, 1, col)
        grid.setRowStretch(1, 1)

        # the statement editor
        self.kind = QComboBox()
        for k, words in KIND_WORDS.items():
            self.kind.addItem(words, k)
        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)
        self.text.setMaximumHeight(90)
        self.who = QLineEdit()
        self.meaning = QLineEdit()
        self.dispute = QLineEdit()
        self.pairs = QComboBox()
        self.when = QLineEdit()
        self.when.setPlaceholderText("2026-11-08")
        self.private = QCheckBox("Private (never printed)")
        self.form = QFormLayout()
        self.form.addRow(C.label("&Kind:", self.kind), self.kind)
        self.form.addRow(C.label("&Words:", self.text), self.text)
        self.form.addRow(C.label("Wh&o:", self.who), self.who)
        self.form.addRow(C.label("What it could mean for the &child:", self.meaning), self.meaning)
        self.form.addRow(C.label("Not a&greed:", self.dispute), self.dispute)
        self.form.addRow(C.label("A&nswers the worry:", self.pairs), self.pairs)
        self.form.addRow(C.label("&By when:", self.when), self.when)
        self.form.addRow("", self.private)
        for w, name in ((self.kind, "Kind of statement"), (self.text, "Statement words"),
                        (self.who, "Who"), (self.meaning, "What it could mean for the child"),
                        (self.dispute, "What is not agreed"), (self.pairs, "The worry this goal answers"),
                        (self.when, "By when"), (self.private, "Private")):
            w.setAccessibleName(name)
        self.add_button = QPushButton("&Add as new")
        self.add_button.setProperty("primary", True)
        self.save_button = QPushButton("&Save changes")
        self.remove_button = QPushButton("&Remove")
        self.editor_problem = C.label("", role="problem")
        editor = QVBoxLayout()
        self.editor_title = C.heading("New statement", 1.1)
        editor.addWidget(self.editor_title)
        editor.addLayout(self.form)
        editor.addLayout(C.row(self.add_button, self.save_button, self.remove_button))
        editor.addWidget(self.editor_problem)
        editor.addStretch(1)
        side = QWidget()
        side.setLayout(editor)
        side.setMaximumWidth(420)
        upper = QWidget()
        ul = QHBoxLayout(upper)
        ul.setContentsMargins(0, 0, 0, 0)
        cols = QVBoxLayout()
        cols.addLayout(grid, 1)
        self.problems = C.label("", role="problem")
        cols.addWidget(self.problems)
        ul.addLayout(cols, 1)
        ul.addWidget(side)

        self.scale = RatingsPanel(self.host, self.current, self._put)
        self.reader = QComboBox()
        self.reader.setEditable(True)
        self.reader.setAccessibleName("Whose copy to print")
        self.print_button = QPushButton("&Print…")
        self.scale.left.addLayout(C.row(self.scale.remove_button, None, C.label("Cop&y for:", self.reader),
                                        self.reader, self.print_button, stretch_last=False))
        lower = self.scale
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(upper)
        split.addWidget(lower)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        outer = QVBoxLayout(self)
        outer.addLayout(top)
        outer.addWidget(split, 1)

        self.record.activated.connect(lambda _i: self._choose(self.record.currentData()))
        self.new_button.clicked.connect(self.new_map)
        self.question.editingFinished.connect(self.set_question)
        self.kind.currentIndexChanged.connect(self._show_fields)
        self.add_button.clicked.connect(self.add_statement)
        self.save_button.clicked.connect(self.save_statement)
        self.remove_button.clicked.connect(self.remove_statement)
        QShortcut(QKeySequence("Ctrl+Return"), self, activated=self._save_or_add,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.print_button.clicked.connect(self.print_copy)
        self._show_fields()

    # ---- reading -----------------------------------------------------------------------
    def current(self) -> SafetyMap | None:
        self.fresh()  # a page hidden while the case changed catches up before it is used
        case = self.host.case
        if case is None or self.map_id is None:
            return None
        try:
            return case.record("safety_maps", self.map_id)  # type: ignore[no-any-return]
        except UnknownIdError:
            return None

    def _choose(self, mid: str | None) -> None:
        self.map_id, self.statement_id = mid, None
        self.refresh()

    def refresh(self) -> None:
        case = self.host.case
        maps = case.records("safety_maps") if case is not None else []
        if self.map_id not in {m.id for m in maps}:
            self.map_id = maps[-1].id if maps else None
        self.record.clear()
        for m in maps:
            self.record.addItem(m.title or f"{self.host.child_name(m.child)}’s safety map", m.id)
        self.record.setCurrentIndex(max(self.record.findData(self.map_id), 0))
        m = self.current()
        self.setEnabled(case is not None)
        for w in (self.question, self.add_button, self.print_button):
            w.setEnabled(m is not None)
        if not self.question.hasFocus():
            self.question.setText(m.question if m else "")
        problems = validate_map(m) if m is not None else []
        by_item: dict[str, list[str]] = {}
        general = []
        for p in problems:
            sid = p.where.split("/", 1)[1] if "/" in p.where else ""
            if m is not None and any(s.id == sid for s in m.statements):
                by_item.setdefault(sid, []).append(p.message)
            else:
                general.append(p.message)
        self.problems.setText("\n".join(general))
        labels = {s.id: _short(s.text) for s in (m.statements if m else ())}
        for key, _title, kinds in COLUMNS:
            lst = self.lists[key]
            lst.blockSignals(True)
            lst.clear()
            for s in (m.statements if m else ()):
                if s.kind not in kinds:
                    continue
                lst.addItem(self._item(s, labels, by_item.get(s.id, [])))
                if s.id == self.statement_id:
                    lst.setCurrentRow(lst.count() - 1)
            lst.blockSignals(False)
        self.pairs.clear()
        self.pairs.addItem("(choose the worry)", None)
        for s in (m.statements if m else ()):
            if s.kind in WORRY_KINDS:
                self.pairs.addItem(f"{KIND_WORDS[s.kind]}: {_short(s.text, 50)}", s.id)
        self.scale.show_map(m, case)
        self._fill_readers()
        self._load_statement()

    def _item(self, s: SafetyStatement, labels: dict[str, str], problems: list[str]) -> QListWidgetItem:
        lines = [f"{KIND_WORDS.get(s.kind, s.kind)}: {s.text}"]
        if s.who and s.kind in WORRY_KINDS:
            lines.append(f"Who is worried: {s.who}")
        if s.meaning:
            lines.append(f"What it could mean: {s.meaning}")
        if s.dispute:
            lines.append(f"Not agreed: {s.dispute}")
        if s.kind == "goal" and s.pairs_with:
            lines.append(f"Answers {labels.get(s.pairs_with, s.pairs_with)}")
        if s.kind == "next_step":
            lines.append(f"Who: {s.who or '?'} · by {s.when.label() if s.when else '?'}")
        if s.private:
            lines.append("Private: never printed")
        lines += [f"Still needed: {p}" for p in problems]
        item = QListWidgetItem("\n".join(lines))
        item.setData(Qt.ItemDataRole.UserRole, s.id)
        if problems:
            item.setForeground(QColor(C.WARN))
        return item

    def _fill_readers(self) -> None:
        keep_reader = self.reader.currentText()
        self.reader.clear()
        self.reader.addItems(["My record copy", "Mum", "Dad"])
        self.reader.setCurrentText(keep_reader or "My record copy")

    def _picked(self, key: str, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        for other, lst in self.lists.items():
            if other != key:
                lst.blockSignals(True)
                lst.setCurrentRow(-1)
                lst.blockSignals(False)
        self.statement_id = item.data(Qt.ItemDataRole.UserRole)
        self._load_statement()

    def _statement(self) -> SafetyStatement | None:
        m = self.current()
        return next((s for s in m.statements if s.id == self.statement_id), None) if m else None

    def _load_statement(self) -> None:
        s = self._statement()
        self.save_button.setEnabled(s is not None)
        self.remove_button.setEnabled(s is not None)
        self.editor_title.setText("New statement" if s is None else "The chosen statement")
        if s is None:
            self.editor_problem.setText("")
            return
        self.kind.setCurrentIndex(max(self.kind.findData(s.kind), 0))
        self.text.setPlainText(s.text)
        self.who.setText(s.who)
        self.meaning.setText(s.meaning)
        self.dispute.setText(s.dispute)
        self.pairs.setCurrentIndex(max(self.pairs.findData(s.pairs_with), 0))
        self.when.setText(C.date_text(s.when))
        self.private.setChecked(s.private)
        m = self.current()
        mine = [p.message for p in validate_map(m) if p.where.endswith("/" + s.id)] if m else []
        self.editor_problem.setText("\n".join(f"Still needed: {p}" for p in mine))

    def _show_fields(self) -> None:
        kind = self.kind.currentData()
        show = {self.who: kind in (*WORRY_KINDS, "next_step"), self.meaning: kind in WORRY_KINDS,
                self.dispute: kind in WORRY_KINDS, self.pairs: kind == "goal", self.when: kind == "next_step"}
        for w, on in show.items():
            self.form.setRowVisible(w, on)
        self.form.labelForField(self.who).setText("Wh&o is worried:" if kind in WORRY_KINDS else "Wh&o:")

    # ---- changing ----------------------------------------------------------------------
    def _put(self, m: SafetyMap, text: str) -> bool:
        return self.host.push(C.Put("safety_maps", m), text)

    def new_map(self) -> None:
        case = self.host.case
        if case is None:
            return
        child = case.meta.index_person
        mid = self.host.new_id("sm_")
        name = self.host.child_name(child)
        if self._put(SafetyMap(mid, child=child, title=f"{name}’s safety map"), f"Start a safety map for {name}"):
            self._choose(mid)

    def set_question(self) -> None:
        m = self.current()
        if m is not None and self.question.text() != m.question:
            self._put(replace(m, question=self.question.text()), "Change the map’s question")

    def _from_form(self, sid: str) -> SafetyStatement | None:
        try:
            when = C.parse_date(self.when.text(), "date") if self.kind.currentData() == "next_step" else None
        except ValueError as exc:
            self.host.report(str(exc))
            return None
        kind = self.kind.currentData()
        text = self.text.toPlainText().strip()
        if not text:
            self.host.report("Write the words of the statement first.")
            return None
        return SafetyStatement(sid, kind, text, who=self.who.text().strip() if self.form.isRowVisible(self.who) else "",
                               when=when, meaning=self.meaning.text().strip() if kind in WORRY_KINDS else "",
                               dispute=self.dispute.text().strip() if kind in WORRY_KINDS else "",
                               pairs_with=self.pairs.currentData() if kind == "goal" else None,
                               private=self.private.isChecked())

    def add_statement(self) -> bool:
        m = self.current()
        if m is None:
            return False
        s = self._from_form(self.host.new_id("st_"))
        if s is None:
            return False
        if self._put(replace(m, statements=(*m.statements, s)),
                     f"Add the {KIND_WORDS[s.kind].lower()} {_short(s.text)}"):
            self.statement_id = s.id
            self.refresh()
            return True
        return False

    def save_statement(self) -> bool:
        m, old = self.current(), self._statement()
        if m is None or old is None:
            return False
        s = self._from_form(old.id)
        if s is None:
            return False
        if s == old:
            self.host.message.emit("Nothing to save: change the statement first, then press Save changes.")
            return False
        statements = tuple(s if x.id == old.id else x for x in m.statements)
        return self._put(replace(m, statements=statements), f"Change the {KIND_WORDS[s.kind].lower()} {_short(s.text)}")

    def _save_or_add(self) -> None:
        if self._statement() is not None:
            self.save_statement()
        else:
            self.add_statement()

    def remove_statement(self) -> None:
        m, old = self.current(), self._statement()
        if m is None or old is None:
            return
        statements = tuple(
            replace(x, pairs_with=None) if x.pairs_with == old.id else x for x in m.statements if x.id != old.id)
        if self._put(replace(m, statements=statements), f"Remove the {KIND_WORDS[old.kind].lower()} {_short(old.text)}"):
            self.statement_id = None

    def print_copy(self) -> str | None:
        self.fresh()
        m = self.current()
        if m is None:
            return None
        who = self.reader.currentText().strip()
        reader = None if who in ("", "My record copy") else who
        stem = (m.title or "Safety map") + (f" for {reader}" if reader else "")
        return self.host.write_pdf("Print the safety map", stem, lambda: safety_map_pdf(self.host.case, m, reader))
