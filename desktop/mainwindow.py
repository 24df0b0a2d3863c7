"""The main window: one open case, a tab per view, and the File, Edit and Help menus.

The window owns the file decisions (open, save, the unsaved-changes and changed-on-disk
questions, recovery); the views only show and edit the document they are given. Questions,
file choosers and error boxes go through three replaceable callables (`ask`, `choose_path`,
`report_error`) so tests can answer them without a modal dialog.
"""
from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShowEvent, QUndoGroup
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTabWidget,
    QWidget,
)

from genogram.model import Case, CaseMeta
from genogram.storage.casefile import CaseFileError, ChangedOnDiskError

from . import savepath
from .about import AboutDialog
from .document.autosave import Autosaver, Recovery, find_recoveries, recover
from .document.editor import CaseDocument
from .gedcom_actions import GedcomActions
from .lazyview import LazyView
from .peoplepanel import PeoplePanel
from .questions import DISCARD, OVERWRITE, RECOVER, SAVE, SAVE_AS, ask_with_box
from .settings import Settings

FILE_FILTER = "Kinscape cases (*.kinscape);;Case data (*.json);;All files (*)"
DEFAULT_SIZE = (1280, 800)
# Views that later issues add, in tab order after Genogram: (tab title, module, class).
OPTIONAL_VIEWS = (("Ecomap", "desktop.ecomap.tab", "EcomapTab"),
                  ("Plan", "desktop.plans.tab", "PlanTab"),
                  ("Direct work", "desktop.directwork.tab", "DirectWorkTab"))
RECOVERY_KEPT = ("Recovered unsaved changes, but Kinscape could not make a new recovery copy, so"
                 " the old one was kept; save the case now with Ctrl+S.")
LAZY_DELAY_MS = 100  # after the first paint: the window appears before the canvas is built



class MainWindow(QMainWindow):
    documentChanged = Signal(object)  # noqa: N815 - Qt signal naming

    def __init__(self, settings: Settings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings or Settings()
        self.document: CaseDocument | None = None
        self.autosaver: Autosaver | None = None
        # A recovered document whose old recovery copy had to be kept (no new copy could be
        # written); the old copy goes once that document is saved or thrown away on purpose.
        self._kept_recovery: tuple[CaseDocument, Recovery] | None = None
        self.undo_group = QUndoGroup(self)
        self.ask: Callable[[str, str], str] = self._ask_with_box
        self.choose_path: Callable[[str, str], str | None] = self._choose_with_dialog
        self.report_error: Callable[[str], None] = self._error_box
        # May ".kinscape", added to a name chosen without it, replace the file of that name?
        self.confirm_replace: Callable[[str], bool] = lambda p: savepath.replace_with_box(p, self)

        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.setAccessibleName("Views of the case")
        self.setCentralWidget(self.tabs)
        self._views: list[QWidget] = []
        self._shown_once = False
        self.build_deferred_views = True  # False for --screenshot, which exits after first paint
        self.people = PeoplePanel(self)
        self.people.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self._build_menus()
        self.add_view("People", self.people)
        self._add_standard_views()
        self.save_state = QLabel(self)
        self.save_state.setAccessibleName("Save state")
        self.statusBar().addPermanentWidget(self.save_state)
        self.statusBar().showMessage("Ready")
        self._restore_window()

    # ---- views ----------------------------------------------------------------------------
    def add_view(self, title: str, widget: QWidget) -> int:
        """Add a tab; a view with `set_document(doc)` is given each document the window opens.

        A LazyView is wired when its real view is built (just after the first paint).
        """
        widget.setAccessibleName(widget.accessibleName() or title)
        index = self.tabs.addTab(widget, title)
        self._views.append(widget)
        if isinstance(widget, LazyView):
            widget.built.connect(self._wire_view)
        else:
            self._wire_view(widget)
        if self.document is not None and hasattr(widget, "set_document"):
            widget.set_document(self.document)
        return index

    def _wire_view(self, widget: QWidget) -> None:
        """A view's messages go to the status bar; its export and print actions to File."""
        message = getattr(widget, "message", None)
        if message is not None and widget is not self.people:
            message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        actions = widget.file_actions() if hasattr(widget, "file_actions") else []
        if actions:
            self.file_menu.insertSeparator(self.close_action)
            for action in actions:
                self.file_menu.insertAction(self.close_action, action)
            self.file_menu.insertSeparator(self.close_action)

    def _add_standard_views(self) -> None:
        def genogram() -> QWidget:
            from .canvas.genogram_view import GenogramView

            return GenogramView(parent=self)

        self._genogram_tab = LazyView(genogram, self)
        self.add_view("Genogram", self._genogram_tab)
        for title, module, name in OPTIONAL_VIEWS:
            if _module_present(module):
                self.add_view(title, LazyView(partial(_make_view, module, name), self))
        self.tabs.currentChanged.connect(self._build_current_view)

    def view_titles(self) -> list[str]:
        return [self.tabs.tabText(i).replace("&", "") for i in range(self.tabs.count())]

    def show_view(self, title: str) -> bool:
        """Bring the tab called `title` (any case) to the front, building it if deferred."""
        for i, text in enumerate(self.view_titles()):
            if text.lower() == title.strip().lower():
                self.tabs.setCurrentIndex(i)
                widget = self.tabs.widget(i)
                if isinstance(widget, LazyView):
                    widget.ensure()
                return True
        return False

    @property
    def genogram(self) -> QWidget:
        return self._genogram_tab.ensure()

    def build_views(self) -> None:
        """Build every deferred view (called just after the window first appears)."""
        for view in self._views:
            if isinstance(view, LazyView):
                view.ensure()

    def _build_current_view(self, index: int) -> None:
        widget = self.tabs.widget(index)
        if isinstance(widget, LazyView):
            widget.ensure()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if not self._shown_once and self.build_deferred_views:
            self._shown_once = True
            app = QApplication.instance()
            if app is not None:  # deferred views wait for the first paint, however slow it is
                app.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if (event.type() == QEvent.Type.Paint and isinstance(obj, QWidget)
                and obj.window() is self):
            QApplication.instance().removeEventFilter(self)
            QTimer.singleShot(LAZY_DELAY_MS, self.build_views)
        return False

    # ---- menus ----------------------------------------------------------------------------
    def _action(self, text: str, slot: Callable[[], object], key: object = None,
                tip: str = "") -> QAction:
        action = QAction(text, self)
        if isinstance(key, tuple):  # a standard key, and the usual keys where a platform has none
            standard, fallback = key
            keys = QKeySequence.keyBindings(standard) or [QKeySequence(fallback)]
            action.setShortcuts(keys)
        elif key is not None:
            action.setShortcut(QKeySequence(key))  # type: ignore[call-overload]
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _build_menus(self) -> None:
        std = QKeySequence.StandardKey
        bar = self.menuBar()
        file_menu = self.file_menu = bar.addMenu("&File")
        self.new_action = self._action("&New case", self.new_case, (std.New, "Ctrl+N"),
                                       "Start a new, empty case")
        self.open_action = self._action("&Open…", self.open_case, (std.Open, "Ctrl+O"),
                                        "Open a case file")
        self.save_action = self._action("&Save", self.save, (std.Save, "Ctrl+S"), "Save the case")
        self.save_as_action = self._action("Save &As…", self.save_as, (std.SaveAs, "Ctrl+Shift+S"),
                                           "Save the case under a new name")
        self.close_action = self._action("&Close case", self.close_case, (std.Close, "Ctrl+W"),
                                         "Close this case")
        self.quit_action = self._action("&Quit", self.close, (std.Quit, "Ctrl+Q"), "Quit Kinscape")
        self.recent_menu = file_menu.addMenu("Open &Recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.insertAction(self.recent_menu.menuAction(), self.new_action)
        file_menu.insertAction(self.recent_menu.menuAction(), self.open_action)
        file_menu.addSeparator()
        for action in (self.save_action, self.save_as_action):
            file_menu.addAction(action)
        file_menu.addSeparator()
        self.gedcom = GedcomActions(self)
        file_menu.addActions(self.gedcom.actions)
        file_menu.addSeparator()
        file_menu.addAction(self.close_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)

        edit_menu = bar.addMenu("&Edit")
        self.undo_action = self.undo_group.createUndoAction(self, "&Undo")
        self.undo_action.setShortcuts(QKeySequence.keyBindings(std.Undo)
                                      or [QKeySequence("Ctrl+Z")])
        self.redo_action = self.undo_group.createRedoAction(self, "&Redo")
        self.redo_action.setShortcuts(QKeySequence.keyBindings(std.Redo)
                                      or [QKeySequence("Ctrl+Shift+Z")])
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self._action("&Add person", self._add_person, "Ctrl+Shift+A",
                                         "Add someone to the case, in the People table"))

        help_menu = bar.addMenu("&Help")
        self.about_action = self._action("&About Kinscape", self.show_about, None,
                                         "Version, licences and privacy")
        help_menu.addAction(self.about_action)

    def _add_person(self) -> None:
        self.tabs.setCurrentWidget(self.people)
        self.people.add_person()

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        files = self.settings.recent_files()
        for n, path in enumerate(files, start=1):
            label = f"&{n} {Path(path).name}" if n < 10 else Path(path).name
            action = self.recent_menu.addAction(label)
            action.setToolTip(path)
            action.setStatusTip(path)
            action.triggered.connect(lambda _c=False, p=path: self.open_case(p))
        if not files:
            self.recent_menu.addAction("No recent cases").setEnabled(False)
        else:
            self.recent_menu.addSeparator()
            self.recent_menu.addAction("&Clear this list", self.settings.clear_recent_files)

    # ---- the document ---------------------------------------------------------------------
    def set_document(self, doc: CaseDocument) -> None:
        """Show `doc`; the old one is closed (the caller has already asked about its edits)."""
        old = self.document
        if old is not None:
            if self.autosaver is not None:
                self.autosaver.stop()
            self.undo_group.removeStack(old.undo_stack)
            old.close()
            old.deleteLater()
        doc.setParent(self)
        self.document = doc
        self.undo_group.addStack(doc.undo_stack)
        self.undo_group.setActiveStack(doc.undo_stack)
        self.autosaver = Autosaver(doc, self.settings.autosave_seconds())
        self.autosaver.problem.connect(self.statusBar().showMessage)
        doc.modifiedChanged.connect(self._update_title)
        doc.titleChanged.connect(self._update_title)
        doc.pathChanged.connect(self._on_path_changed)
        for view in self._views:
            if hasattr(view, "set_document"):
                view.set_document(doc)
        self._update_title()
        self.documentChanged.emit(doc)

    def _update_title(self, *_args: object) -> None:
        doc = self.document
        if doc is None:
            self.setWindowTitle("Kinscape")
            return
        where = f" ({doc.path.name})" if doc.path else ""
        self.setWindowTitle(f"{doc.title()}{where}[*] — Kinscape")
        self.setWindowModified(doc.is_modified())
        self.save_state.setText(_save_state(doc, self.settings.autosave_seconds()))

    def _on_path_changed(self, path: str) -> None:
        self.settings.add_recent_file(path)
        self._update_title()

    # ---- File menu ------------------------------------------------------------------------
    def new_case(self) -> None:
        if self.maybe_save():
            self.set_document(CaseDocument(Case(CaseMeta(title="Untitled case"))))
            self.statusBar().showMessage("New case", 5000)

    def open_case(self, path: str | None = None) -> bool:
        """Open a case; if it cannot be read, say why in one sentence and keep what is open."""
        path = path or self.choose_path("open", self.settings.last_folder())
        if not path:
            return False
        try:
            doc = CaseDocument.open(path)
        except CaseFileError as exc:
            self.report_error(str(exc))
            if not Path(path).exists():
                self.settings.remove_recent_file(str(Path(path).resolve()))
            return False
        if not self.maybe_save():
            doc.deleteLater()
            return False
        self.set_document(doc)
        self.settings.add_recent_file(path)
        self.settings.set_last_folder(str(Path(path).resolve().parent))
        self.statusBar().showMessage(f"Opened {Path(path).name}", 5000)
        return True

    def save(self) -> bool:
        doc = self.document
        if doc is None:
            return False
        if doc.path is None:
            return self.save_as()
        return self._save_to(None)

    def save_as(self) -> bool:
        doc = self.document
        if doc is None:
            return False
        folder = str(doc.path.parent) if doc.path else self.settings.last_folder()
        suggested = str(Path(folder or Path.home()) / f"{_file_stem(doc.title())}.kinscape")
        chosen = self.choose_path("save", suggested)
        if not chosen:
            return False
        path = savepath.with_suffix(chosen, ".kinscape", self.confirm_replace, any_suffix=True)
        if path is None:
            self.statusBar().showMessage(savepath.kept(chosen, ".kinscape"), 10000)
            return False
        return self._save_to(path)

    def _save_to(self, path: str | None, overwrite: bool = False) -> bool:
        doc = self.document
        assert doc is not None
        try:
            doc.save(path, overwrite=overwrite)
        except ChangedOnDiskError as exc:
            answer = self.ask("changed_on_disk", f"{exc}.")
            if answer == OVERWRITE:
                return self._save_to(path, overwrite=True)
            if answer == SAVE_AS:
                return self.save_as()
            return False
        except CaseFileError as exc:
            self.report_error(str(exc))
            return False
        assert doc.path is not None
        self._drop_kept_recovery(doc)
        self.settings.add_recent_file(doc.path)
        self.settings.set_last_folder(str(doc.path.parent))
        self.statusBar().showMessage(f"Saved {doc.path.name}", 5000)
        return True

    def close_case(self) -> None:
        """Close the case, leaving an empty one to start from."""
        if self.maybe_save():
            self.set_document(CaseDocument(Case(CaseMeta(title="Untitled case"))))
            self.statusBar().showMessage("Case closed", 5000)

    def maybe_save(self) -> bool:
        """Ask about unsaved edits: True when it is safe to let the case go."""
        doc = self.document
        if doc is None or not doc.is_modified():
            return True
        answer = self.ask("unsaved", f"“{doc.title()}” has changes that are not saved yet.")
        if answer == SAVE:
            return self.save()
        if answer == DISCARD:
            if self.autosaver is not None:
                self.autosaver.stop()  # thrown away on purpose: no recovery copy either
            self._drop_kept_recovery(doc)
            return True
        return False

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if not self.maybe_save():
            event.ignore()
            return
        if self.autosaver is not None:
            self.autosaver.stop()
        self.settings.set_window_geometry(self.saveGeometry())
        self.settings.set_window_state(self.saveState())
        self.settings.sync()
        event.accept()

    # ---- recovery -------------------------------------------------------------------------
    def offer_recovery(self) -> bool:
        """After a crash: offer each recovery copy back (Recover, Discard, or decide later)."""
        recovered = False
        for found in find_recoveries():
            answer = self.ask("recover", f"Kinscape closed without saving {found.describe()}.")
            if answer == DISCARD:
                found.discard()
            elif answer == RECOVER and not recovered:
                try:
                    doc = recover(found)
                except CaseFileError as exc:
                    self.report_error(str(exc))
                    continue
                if not self.maybe_save():
                    continue
                self.set_document(doc)
                assert self.autosaver is not None
                recovered = True
                if self.autosaver.write_now():  # the copy now lives on under this session
                    found.discard()
                    self.statusBar().showMessage(
                        "Recovered unsaved changes. Save the case to keep them.", 10000)
                else:  # a full disk: the old copy is the only one, so it stays
                    self._kept_recovery = (doc, found)
                    self.statusBar().showMessage(RECOVERY_KEPT)
        return recovered

    def _drop_kept_recovery(self, doc: CaseDocument) -> None:
        """`doc` was saved, or its edits thrown away on purpose: its kept old copy is done with."""
        if self._kept_recovery is not None and self._kept_recovery[0] is doc:
            self._kept_recovery[1].discard()
            self._kept_recovery = None

    # ---- help -----------------------------------------------------------------------------
    def show_about(self) -> None:
        AboutDialog(self).exec()

    # ---- questions (replaced in tests) ----------------------------------------------------
    def _ask_with_box(self, kind: str, text: str) -> str:
        return ask_with_box(self, kind, text)

    def _choose_with_dialog(self, mode: str, suggested: str) -> str | None:
        if mode == "open":
            path, _ = QFileDialog.getOpenFileName(self, "Open a case", suggested, FILE_FILTER)
        else:
            path, _ = QFileDialog.getSaveFileName(self, "Save the case", suggested, FILE_FILTER)
        return path or None

    def _error_box(self, text: str) -> None:
        QMessageBox.warning(self, "Kinscape", text)

    def _restore_window(self) -> None:
        geometry = self.settings.window_geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(*DEFAULT_SIZE)
        state = self.settings.window_state()
        if state is not None:
            self.restoreState(state)


def _module_present(module: str) -> bool:
    """Whether `package.leaf` is installed, without importing the package (that costs start-up)."""
    package, _, leaf = module.rpartition(".")
    try:
        spec = importlib.util.find_spec(package)
    except ModuleNotFoundError:
        return False
    folders = spec.submodule_search_locations if spec is not None else None
    return any((Path(folder) / f"{leaf}.py").is_file() or (Path(folder) / leaf).is_dir()
               for folder in folders or [])


def _make_view(module: str, name: str) -> QWidget:
    view: QWidget = getattr(importlib.import_module(module), name)()
    return view


def _save_state(doc: CaseDocument, seconds: float) -> str:
    """The status bar's calm answer to "is my work safe?"."""
    if doc.is_modified():
        every = f"{seconds:g} seconds" if seconds != 1 else "second"
        return f"Not saved yet · a recovery copy is kept every {every}"
    return f"Saved in {doc.path.name}" if doc.path else ""


def _file_stem(title: str) -> str:
    """A file name from a case title: letters, digits, spaces and dashes only."""
    keep = "".join(c if c.isalnum() or c in " -_" else " " for c in title)
    return " ".join(keep.split())[:60] or "case"
