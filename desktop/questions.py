"""The three questions Kinscape asks before it could lose work, as message boxes.

Each answer is a plain word, so the window's logic (and its tests) never depend on which button
a platform puts where.
"""
from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

SAVE, DISCARD, CANCEL = "save", "discard", "cancel"
OVERWRITE, SAVE_AS = "overwrite", "save_as"
RECOVER, LATER = "recover", "later"

_ROLE = QMessageBox.ButtonRole
_CHOICES = {
    "unsaved": [("&Save", _ROLE.AcceptRole, SAVE),
                ("&Don't save", _ROLE.DestructiveRole, DISCARD),
                ("Cancel", _ROLE.RejectRole, CANCEL)],
    "changed_on_disk": [("Save &As…", _ROLE.AcceptRole, SAVE_AS),
                        ("&Overwrite", _ROLE.DestructiveRole, OVERWRITE),
                        ("Cancel", _ROLE.RejectRole, CANCEL)],
    "recover": [("&Recover", _ROLE.AcceptRole, RECOVER),
                ("&Discard", _ROLE.DestructiveRole, DISCARD),
                ("Decide &later", _ROLE.RejectRole, LATER)],
}
_TITLES = {"unsaved": "Unsaved changes", "changed_on_disk": "File changed on disk",
           "recover": "Recover unsaved changes"}
_MORE = {"unsaved": "Save them before closing the case?",
         "changed_on_disk": "Save As keeps both versions; Overwrite replaces the other one.",
         "recover": "Recover opens those changes so you can save them; Discard throws them away."}


def ask_with_box(parent: QWidget, kind: str, text: str) -> str:
    """Ask `kind` ("unsaved", "changed_on_disk", "recover"); closing the box is the last choice."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(_TITLES[kind])
    box.setText(text)
    box.setInformativeText(_MORE[kind])
    answers = {}
    for label, role, answer in _CHOICES[kind]:
        answers[box.addButton(label, role)] = answer
    box.setDefaultButton(next(iter(answers)))
    box.exec()
    return answers.get(box.clickedButton(), _CHOICES[kind][-1][2])
