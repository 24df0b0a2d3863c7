"""File > Import GEDCOM… and File > Export GEDCOM…: genealogy files in and out of the window.

Import opens a .ged as a new, unsaved case (the current case is asked about first, as Open
does) and puts the importer's one-line summary in the status bar; when the import had to guess
(dates kept as approximate or left out, a character set assumed) the same line is also shown in
a message box (`inform`, replaceable in tests), because a status bar message can be cut short
or replaced before anyone reads it. A file that cannot be read is one sentence in a message box
and the open case stays as it was. Export writes the family
structure as GEDCOM 7 atomically, so a failed write never leaves half a file. Questions, file
choices and errors go through the window's replaceable `ask`, `choose_path` and `report_error`
(the file chooser is asked with the modes "import_gedcom" and "export_gedcom").
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox

from .document.editor import CaseDocument

if TYPE_CHECKING:
    from .mainwindow import MainWindow

GEDCOM_FILTER = "GEDCOM files (*.ged *.gedcom);;All files (*)"


class GedcomActions:
    """The two File menu actions, working on one main window."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.import_action = QAction("&Import GEDCOM…", window)
        self.import_action.setStatusTip("Open a family tree from a genealogy program (.ged) as a new case")
        self.import_action.triggered.connect(lambda _c=False: self.import_gedcom())
        self.export_action = QAction("&Export GEDCOM…", window)
        self.export_action.setStatusTip("Save the family structure for a genealogy program (.ged)")
        self.export_action.triggered.connect(lambda _c=False: self.export_gedcom())
        self.actions = [self.import_action, self.export_action]
        self.inform: Callable[[str], None] = self._inform_with_box

    # ---- import -------------------------------------------------------------------------------
    def import_gedcom(self, path: str | None = None) -> bool:
        """Read a .ged into a new case; False (and the open case untouched) when it cannot."""
        from genogram.storage.gedcom import GedcomError  # imported when asked: start-up
        from genogram.storage.gedcom import import_gedcom as read_gedcom

        w = self.window
        path = path or self._choose("import_gedcom", w.settings.last_folder())
        if not path:
            return False
        name = Path(path).name
        try:
            case, summary = read_gedcom(path)
        except GedcomError as exc:
            w.report_error(f"{name} could not be imported: {_sentence(str(exc))}")
            return False
        except OSError as exc:
            w.report_error(f"{name} could not be read: {_sentence(exc.strerror or str(exc))}")
            return False
        if not w.maybe_save():
            return False
        w.set_document(CaseDocument(case))
        w.settings.set_last_folder(str(Path(path).resolve().parent))
        line = f"{name}: {summary.line()}"
        w.statusBar().showMessage(line, 15000)
        if summary.needs_attention():
            self.inform(line)
        return True

    def _inform_with_box(self, text: str) -> None:
        """The summary in a box the user closes; window-modal but not blocking the caller."""
        box = QMessageBox(QMessageBox.Icon.Information, "Import GEDCOM", text,
                          QMessageBox.StandardButton.Ok, self.window)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setObjectName("gedcomImportSummary")
        box.open()

    # ---- export -------------------------------------------------------------------------------
    def export_gedcom(self, path: str | None = None) -> bool:
        """Write the case's family structure as GEDCOM 7; errors in one sentence."""
        from genogram.storage.atomic import write_bytes_atomic
        from genogram.storage.gedcom_export import export_gedcom7

        w = self.window
        doc = w.document
        if doc is None:
            return False
        if path is None:
            folder = doc.path.parent if doc.path else Path(w.settings.last_folder() or Path.home())
            path = self._choose("export_gedcom", str(folder / f"{_stem(doc.title())}.ged"))
        if not path:
            return False
        if not Path(path).suffix:
            path += ".ged"
        name = Path(path).name
        try:
            write_bytes_atomic(path, export_gedcom7(doc.case).encode("utf-8"))
        except OSError as exc:
            w.report_error(f"{name} could not be written: {_sentence(exc.strerror or str(exc))}")
            return False
        case = doc.case
        people = case.family.person_count()
        private = sum(1 for p in case.family.people() if p.private)
        masked = ""
        if private and case.meta.hide_private_in_exports:
            masked = (f"; {private} private {'person is' if private == 1 else 'people are'}"
                      " named “Private”, with no dates")
        w.statusBar().showMessage(
            f"Exported the family structure ({people:,} {'person' if people == 1 else 'people'})"
            f" to {name}{masked}.", 10000)
        return True

    # ---- the file chooser ---------------------------------------------------------------------
    def _choose(self, mode: str, suggested: str) -> str | None:
        """The window's chooser when a test replaced it; otherwise a dialog for .ged files."""
        chooser = self.window.choose_path
        if getattr(chooser, "__func__", None) is not type(self.window)._choose_with_dialog:
            return chooser(mode, suggested)
        if mode == "import_gedcom":
            path, _ = QFileDialog.getOpenFileName(self.window, "Import a GEDCOM file", suggested,
                                                  GEDCOM_FILTER)
        else:
            path, _ = QFileDialog.getSaveFileName(self.window, "Export as GEDCOM", suggested,
                                                  GEDCOM_FILTER)
        return path or None


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "!", "?")) else text + "."


def _stem(title: str) -> str:
    keep = "".join(c if c.isalnum() or c in " -_" else " " for c in title)
    return " ".join(keep.split())[:60] or "family"
