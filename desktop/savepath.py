"""The file a save dialog's answer names, with its extension, never replacing a file unasked.

A save dialog asks before replacing only the name as typed. When Kinscape adds the extension
afterwards ("family" becomes "family.pdf"), a file of that name would be replaced in silence,
so `with_suffix` asks first (`replace_with_box`, or whatever the caller puts in its place).
"""
from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

Confirm = Callable[[str], bool]  # the full path -> True when the user chose to replace it


def with_suffix(path: str, suffix: str, confirm: Confirm | None = None, *,
                any_suffix: bool = False) -> str | None:
    """`path` ending in `suffix` (".pdf"), or None when the user keeps the file it would replace.

    A path that already ends in `suffix` (or, with `any_suffix`, in any extension at all) is
    returned as it is: the dialog asked about that name itself.
    """
    if path.lower().endswith(suffix.lower()) or (any_suffix and Path(path).suffix):
        return path
    full = path + suffix
    if os.path.exists(full) and not (confirm or replace_with_box)(full):
        return None
    return full


def kept(path: str, suffix: str) -> str:
    """The sentence for a file the user chose to keep: nothing was saved, and what to do."""
    return (f"Nothing was saved, so {Path(path + suffix).name} is as it was; choose another "
            "name to save a new file.")


def replace_with_box(path: str, parent: Any = None) -> bool:
    """Ask in a message box whether to replace the file at `path` (Cancel is the default)."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    box = QMessageBox(parent or QApplication.activeWindow())
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle("Replace the file?")
    box.setText(f"There is already a file called {Path(path).name} in that folder; replace it?")
    replace = box.addButton("&Replace", QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is replace
