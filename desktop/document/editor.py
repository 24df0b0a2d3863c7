"""The open case: its model, its one undo stack, where it lives on disk, and whether it is saved.

Views never change the case themselves: they call `push()` (or `macro()` for a compound step)
and follow the model's change events. The modified flag follows the stack's `cleanChanged`, so
undoing back to the saved state makes the case clean again.
"""
from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from genogram.model import Case, Edit
from genogram.storage.casefile import FileStamp, read_case_with_stamp, write_case

from .commands import EditCommand, MoveCommand


class CaseDocument(QObject):
    """One open case. New, Open and Recover each make a new document."""

    modifiedChanged = Signal(bool)  # noqa: N815 - Qt signal naming
    pathChanged = Signal(str)  # noqa: N815
    titleChanged = Signal(str)  # noqa: N815

    def __init__(self, case: Case, path: str | os.PathLike[str] | None = None,
                 stamp: FileStamp | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.case = case
        self.undo_stack = QUndoStack(self)
        self._path = Path(path) if path else None
        self.stamp = stamp
        # Names this document's recovery copy; stays the same for the document's life.
        self.session_id = uuid.uuid4().hex
        self._unsaved_without_edits = False
        self._title = case.meta.title
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)
        case.events.connect(self._on_change)

    # ---- opening and saving ---------------------------------------------------------------
    @classmethod
    def open(cls, path: str | os.PathLike[str], parent: QObject | None = None) -> CaseDocument:
        """Read a case file (CaseFileError with one sentence when it cannot be read)."""
        case, stamp = read_case_with_stamp(path)
        return cls(case, Path(path).resolve(), stamp, parent)

    def save(self, path: str | os.PathLike[str] | None = None, *, overwrite: bool = False) -> None:
        """Save to `path` (or where it came from); ChangedOnDiskError if someone else changed it.

        `overwrite=True` is the user's answer "Overwrite" to that question.
        """
        target = Path(path).resolve() if path else self._path
        if target is None:
            raise ValueError("a new case needs a file name before it can be saved")
        same_file = self._path is not None and target == self._path
        expected = self.stamp if same_file and not overwrite else None
        self.stamp = write_case(self.case, target, expected=expected)
        if target != self._path:
            self._path = target
            self.pathChanged.emit(str(target))
        self._unsaved_without_edits = False
        self.undo_stack.setClean()
        self.modifiedChanged.emit(False)

    def mark_unsaved(self) -> None:
        """A recovered case holds edits its file lacks: unsaved, with nothing on the stack."""
        self._unsaved_without_edits = True
        self.undo_stack.resetClean()
        self.modifiedChanged.emit(True)

    # ---- state ----------------------------------------------------------------------------
    @property
    def path(self) -> Path | None:
        return self._path

    def is_modified(self) -> bool:
        return self._unsaved_without_edits or not self.undo_stack.isClean()

    def title(self) -> str:
        """The case's own title, else the file name: what the window and recovery list show."""
        if self.case.meta.title and self.case.meta.title != "Untitled case":
            return self.case.meta.title
        return self._path.stem if self._path else "Untitled case"

    # ---- changing -------------------------------------------------------------------------
    def push(self, edit: Edit, text: str | None = None) -> None:
        """Carry out an edit as one undo step. A refused edit raises and leaves nothing behind."""
        inverse = self.case.apply(edit)
        self.undo_stack.push(EditCommand(self.case, edit, text or edit.label, inverse=inverse))

    def push_move(self, edit: Edit, people: frozenset[str], text: str | None = None,
                  continues: bool = False) -> None:
        """A move (one SetHints); `continues` merges it into the last move of the same people."""
        inverse = self.case.apply(edit)
        self.undo_stack.push(MoveCommand(self.case, edit, text or edit.label, people,
                                         inverse=inverse, continues=continues))

    @contextmanager
    def macro(self, text: str) -> Iterator[None]:
        """Several pushes as one undo step ("Add parents for Rosa"); a failure undoes them all."""
        self.undo_stack.beginMacro(text)
        ok = False
        try:
            yield
            ok = True
        finally:
            self.undo_stack.endMacro()
            if not ok:
                self.undo_stack.undo()
                _drop_tail(self.undo_stack)  # so Redo cannot bring the half-done step back

    def close(self) -> None:
        self.case.events.disconnect(self._on_change)

    # ---- notices --------------------------------------------------------------------------
    def _on_clean_changed(self, clean: bool) -> None:
        self.modifiedChanged.emit(self.is_modified())

    def _on_change(self, change) -> None:  # type: ignore[no-untyped-def]
        if change.collection == "meta" and self.case.meta.title != self._title:
            self._title = self.case.meta.title
            self.titleChanged.emit(self.title())


def _drop_tail(stack: QUndoStack) -> None:
    """Remove commands above the current index (a failed macro) by pushing nothing over them."""
    if stack.index() < stack.count():
        from PySide6.QtGui import QUndoCommand

        class _Nothing(QUndoCommand):
            def __init__(self) -> None:
                super().__init__("")
                self.setObsolete(True)

        stack.push(_Nothing())
