"""The People view: everyone in the case as a table, editable from the keyboard.

Type over a cell to change a name or a date (F2 or Enter edits, Tab moves on); each change is
one step on the undo stack. Add and Remove work on the selected row, with the same undo.
"""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from genogram.model import Gender, ModelError, RemovePerson
from genogram.model import operations as ops

from .document.editor import CaseDocument
from .peoplemodel import (
    AGE,
    BORN,
    DIED,
    FAMILY,
    GENDER,
    GENDER_WORDS,
    GIVEN,
    HOUSEHOLD,
    KNOWN_AS,
    RELATION,
    SORT_ROLE,
    PeopleModel,
)

# Starting widths in average character widths, so the table scales with the system font.
_WIDTH_CHARS = {GIVEN: 16, FAMILY: 14, KNOWN_AS: 12, RELATION: 22, AGE: 9, BORN: 12, DIED: 26,
                GENDER: 11, HOUSEHOLD: 18}


class _GenderDelegate(QStyledItemDelegate):
    """Gender is one of four words: a list to pick from rather than free text."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,  # noqa: N802
                     index: QModelIndex | QPersistentModelIndex) -> QWidget:
        combo = QComboBox(parent)
        combo.setAccessibleName("Gender")
        combo.addItems(list(GENDER_WORDS.values()))
        return combo

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:  # noqa: N802
        assert isinstance(editor, QComboBox)
        editor.setCurrentText(str(index.data(Qt.ItemDataRole.EditRole)))

    def setModelData(self, editor: QWidget, model, index) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentText(), Qt.ItemDataRole.EditRole)


class PeoplePanel(QWidget):
    """A table of everyone, with Add person and Remove person."""

    message = Signal(str)  # for the status bar: refusals and what just happened

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("People")
        self._doc: CaseDocument | None = None
        self.model = PeopleModel(self)
        self.model.problem.connect(self.message)
        # Before the table hears of it (connected first): an editor on a person who is going
        # away closes without writing, so half-typed text never lands on a missing person.
        # (Another case opening resets the model, and Qt's reset drops editors unwritten.)
        self.model.rowsAboutToBeRemoved.connect(self._close_editor_on_rows)

        self.heading = QLabel(self)
        self.heading.setAccessibleName("Case title")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.heading.setFont(font)
        self.summary = QLabel(self)
        self.summary.setAccessibleName("Summary")

        self.table = QTableView(self)
        self.table.setObjectName("peopleTable")
        self.table.setAccessibleName("People in this case")
        self.table.setAccessibleDescription(
            "One row per person. Press F2 or start typing to change a name or a date.")
        # Nearest family first; click a heading to sort by it instead.
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(RELATION, Qt.SortOrder.AscendingOrder)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.table.setTabKeyNavigation(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.setItemDelegateForColumn(GENDER, _GenderDelegate(self.table))
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self._size_columns()

        self.add_button = QPushButton("&Add person", self)
        self.add_button.setAccessibleName("Add person")
        self.add_button.setToolTip("Add someone to the case (Ctrl+Shift+A)")
        self.add_button.clicked.connect(self.add_person)
        self.remove_button = QPushButton("&Remove person", self)
        self.remove_button.setAccessibleName("Remove person")
        self.remove_button.setToolTip("Remove the selected person (Delete); Undo brings them back")
        self.remove_button.clicked.connect(self.remove_selected)
        self.table.selectionModel().currentChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)

        top = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.heading)
        titles.addWidget(self.summary)
        top.addLayout(titles, 1)
        top.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignBottom)
        top.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignBottom)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        for signal in (self.model.rowsInserted, self.model.rowsRemoved, self.model.modelReset,
                       self.model.headerDataChanged, self.model.dataChanged):
            signal.connect(self._update_summary)
        self._update_buttons()

    def _size_columns(self) -> None:
        char = self.table.fontMetrics().averageCharWidth()
        for col, chars in _WIDTH_CHARS.items():
            self.table.setColumnWidth(col, chars * char + 2 * char)
        rows = self.table.verticalHeader()
        rows.setDefaultSectionSize(int(self.table.fontMetrics().height() * 1.6))

    # ---- the document ---------------------------------------------------------------------
    def set_document(self, doc: CaseDocument | None) -> None:
        if self._doc is not None:
            self._doc.titleChanged.disconnect(self._update_summary)
        self._doc = doc
        self.model.set_document(doc)
        if doc is not None:
            doc.titleChanged.connect(self._update_summary)
        self._update_summary()
        if self.model.rowCount():
            child = doc.case.meta.index_person if doc is not None else None
            row = self.model.row_of(child) if child and doc.case.family.has_person(child) else 0
            self.table.setCurrentIndex(self.view_index(row, GIVEN))
            self.table.scrollTo(self.table.currentIndex())

    def _close_editor_on_rows(self, _parent: QModelIndex, first: int, last: int) -> None:
        """Close the cell editor of a row going away, without writing what was typed."""
        if self.table.state() != QAbstractItemView.State.EditingState:
            return
        current = self.proxy.mapToSource(self.table.currentIndex())
        editor = self.table.indexWidget(self.table.currentIndex())
        if editor is not None and current.isValid() and first <= current.row() <= last:
            self.table.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def view_index(self, row: int, column: int) -> QModelIndex:
        """The table's index for the model's `row` (the table may be sorted)."""
        return self.proxy.mapFromSource(self.model.index(row, column))

    def _update_summary(self, *_args: object) -> None:
        if self._doc is None:
            self.heading.setText("")
            self.summary.setText("")
            return
        case = self._doc.case
        self.heading.setText(self._doc.title())
        n = self.model.rowCount()
        parts = [f"{n} {'person' if n == 1 else 'people'}"]
        child = case.index_person()
        if child is not None:
            parts.append(f"relationships shown to {child.display_name}")
        if case.meta.fictional:
            parts.append("a fictional family for practice and training")
        self.summary.setText(" · ".join(parts))

    def _update_buttons(self, *_args: object) -> None:
        self.add_button.setEnabled(self._doc is not None)
        self.remove_button.setEnabled(self._doc is not None and self.table.currentIndex().isValid())

    # ---- actions --------------------------------------------------------------------------
    def add_person(self) -> None:
        if self._doc is None:
            return
        edit, pid = ops.add_person(self._doc.case, "", Gender.UNKNOWN)
        self._doc.push(edit, "Add a person")
        index = self.view_index(self.model.row_of(pid), GIVEN)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        self.table.setFocus()
        self.table.edit(index)

    def remove_selected(self) -> None:
        if self._doc is None or not self.table.currentIndex().isValid():
            return
        row = self.table.currentIndex().row()
        pid = self.model.person_id(self.proxy.mapToSource(self.table.currentIndex()).row())
        name = self._doc.case.family.person(pid).display_name
        try:
            self._doc.push(RemovePerson(pid), f"Remove {name}")
        except ModelError as exc:
            self.message.emit(str(exc))
            return
        self.message.emit(f"Removed {name}. Undo brings them back.")
        if self.model.rowCount():
            self.table.setCurrentIndex(self.proxy.index(min(row, self.proxy.rowCount() - 1), GIVEN))
        self._update_buttons()

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        if event.matches(QKeySequence.StandardKey.Delete) and self.table.hasFocus():
            self.remove_selected()
            return
        super().keyPressEvent(event)
