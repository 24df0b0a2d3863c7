"""QUndoCommands over model edits: the model does the work, the command remembers the inverse.

Commands call only `Case.apply`; every view follows the model's change events, so undo and
redo never touch a widget. Each command's text is what the user reads in Edit > Undo.
"""
from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from genogram.model import Case, Edit

MOVE_ID = 1001  # QUndoCommand.id() for moves, so consecutive nudges of the same people merge


class EditCommand(QUndoCommand):
    """One model edit as one undo step.

    The document applies the edit before pushing (so a refused edit never reaches the stack);
    `done=True` tells the first `redo()`, which QUndoStack.push calls, that it already happened.
    """

    def __init__(self, case: Case, edit: Edit, text: str, *, inverse: Edit | None = None,
                 parent: QUndoCommand | None = None) -> None:
        super().__init__(text or edit.label or "Change", parent)
        self._case = case
        self._forward = edit
        self._inverse = inverse
        self._skip_redo = inverse is not None

    def redo(self) -> None:
        if self._skip_redo:
            self._skip_redo = False
            return
        self._inverse = self._case.apply(self._forward)

    def undo(self) -> None:
        assert self._inverse is not None, "undo before redo"
        # Applying the inverse gives back an edit equal in effect to the original; keeping it
        # (not the original) keeps removed-then-restored details, such as cascades, exact.
        self._forward = self._case.apply(self._inverse)
        self._inverse = None


class MoveCommand(EditCommand):
    """Moving people: a drag is one step, and a run of nudges of the same people is one too."""

    def __init__(self, case: Case, edit: Edit, text: str, people: frozenset[str], *,
                 inverse: Edit | None = None, continues: bool = False) -> None:
        super().__init__(case, edit, text, inverse=inverse)
        self.people = people
        self.continues = continues

    def id(self) -> int:  # noqa: A003 - Qt's name
        return MOVE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt's name
        if not isinstance(other, MoveCommand) or not other.continues or other.people != self.people:
            return False
        # Moves set the whole arrangement (SetHints), so the later move's edit already holds
        # the combined result, and our inverse still returns to where the first move began.
        self._forward = other._forward
        self.setText(other.text())
        return True
