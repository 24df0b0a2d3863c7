"""The Ecomap tab: the chosen dated snapshot, drawn with the printed glyphs, and its editors.

Three pages: the map (drawing and inspector), "Compare" (two snapshots side by side, as
printed) and "Important people". Every change is a model edit pushed through the document,
so it is one undo step on the case's one undo stack; the views follow the case's events.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from genogram.ecomap_palette import load_palette
from genogram.export.ecomap_export import (
    EcomapOptions,
    compare_sheet_glyphs,
    export_ecomap,
    pair,
    when,
)
from genogram.layout.ecomap import find_ecomap
from genogram.model import Case, Edit, ModelError
from genogram.storage.atomic import write_bytes_atomic

from .. import savepath
from . import edits as E
from .important import ImportantPeopleEditor
from .inspector import EcoInspector
from .preview import GlyphPreview
from .scene import EcomapScene, EcomapView

EXPORTS = (("This ecomap as PDF…", "ecomap", "pdf"), ("This ecomap as PNG…", "ecomap", "png"),
           ("This ecomap as SVG…", "ecomap", "svg"), ("Then and now side by side (PDF)…", "compare", "pdf"),
           ("My important people sheet (PDF)…", "important-people", "pdf"))
SAVED = {"ecomap": "the ecomap", "compare": "the two ecomaps side by side",
         "important-people": "the important people sheet"}  # "Saved … as PDF to …"
DISABLED_TEXT = QColor("#767676")


class EcomapTab(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = None
        self.case: Case | None = None
        self.ecomap_id: str | None = None
        self.confirm_replace: savepath.Confirm = lambda path: savepath.replace_with_box(path, self)
        self.setAccessibleName("Ecomap")
        palette = self.palette()  # a greyed control stays readable (4:1), not the style's faint grey
        for role in (QPalette.ColorRole.ButtonText, QPalette.ColorRole.WindowText, QPalette.ColorRole.Text):
            palette.setColor(QPalette.ColorGroup.Disabled, role, DISABLED_TEXT)
        self.setPalette(palette)
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self.refresh)

        bar = QHBoxLayout()
        self.snapshots = QComboBox()
        self.snapshots.setAccessibleName("Ecomap snapshot (date)")
        self.snapshots.setMinimumContentsLength(22)
        self.new_snapshot_button = QPushButton("&New snapshot from this one")
        self.system_name = QComboBox()
        self.system_name.setEditable(True)
        self.system_name.setAccessibleName("System to add: choose one or type a name")
        self.system_name.addItems([s.name for s in load_palette().systems])
        self.system_name.setCurrentText("")
        self.system_name.lineEdit().setPlaceholderText("School, GP, a club… (Insert)")
        self.add_button = QPushButton("&Add system")
        self.person = QComboBox()
        self.person.setAccessibleName("Person from the genogram to add to the ecomap")
        self.add_person_button = QPushButton("Add &person")
        self.export_button = QToolButton()
        self.export_button.setText("E&xport")
        self.export_button.setAccessibleName("Export or print the ecomap or a sheet")
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.export_button)
        for label, what, fmt in EXPORTS:
            menu.addAction(label, lambda w=what, f=fmt: self.ask_export(w, f))
        self.export_button.setMenu(menu)
        lab = QLabel("&Snapshot:")
        lab.setBuddy(self.snapshots)
        for w in (lab, self.snapshots, self.new_snapshot_button, self.system_name, self.add_button,
                  self.person, self.add_person_button, self.export_button):
            bar.addWidget(w)
        bar.addStretch(1)

        self.scene = EcomapScene(self)
        self.view = EcomapView(self.scene)
        self.inspector = EcoInspector(self.push)
        self.inspector.setMinimumWidth(300)
        map_page = QSplitter(Qt.Orientation.Horizontal)
        map_page.addWidget(self.view)
        map_page.addWidget(self.inspector)
        map_page.setStretchFactor(0, 1)
        map_page.setSizes([900, 340])
        self.empty = QPushButton("&Start an ecomap for this case")

        compare = QWidget()
        cl = QVBoxLayout(compare)
        pick = QHBoxLayout()
        self.then_box, self.now_box = QComboBox(), QComboBox()
        self.then_box.setAccessibleName("Earlier snapshot")
        self.now_box.setAccessibleName("Later snapshot")
        for text, box in (("Then:", self.then_box), ("Now:", self.now_box)):
            pick.addWidget(QLabel(text))
            pick.addWidget(box)
        pick.addStretch(1)
        cl.addLayout(pick)
        self.compare_view = GlyphPreview("Two ecomaps side by side")
        cl.addWidget(self.compare_view, 1)
        self.important = ImportantPeopleEditor(self.push)

        self.pages = QTabWidget()
        self.pages.addTab(map_page, "&Map")
        self.pages.addTab(compare, "&Compare")
        self.pages.addTab(self.important, "&Important people")
        outer = QVBoxLayout(self)
        outer.addLayout(bar)
        outer.addWidget(self.empty)
        outer.addWidget(self.pages, 1)

        self.snapshots.activated.connect(lambda _i: self.choose(self.snapshots.currentData()))
        self.new_snapshot_button.clicked.connect(self.new_snapshot)
        self.add_button.clicked.connect(lambda: self.add_system(self.system_name.currentText()))
        self.system_name.lineEdit().returnPressed.connect(lambda: self.add_system(self.system_name.currentText()))
        self.add_person_button.clicked.connect(lambda: self.add_person(self.person.currentData()))
        self.person.currentIndexChanged.connect(lambda _i: self._sync_add_buttons())
        self.system_name.editTextChanged.connect(lambda _t: self._sync_add_buttons())
        self.empty.clicked.connect(self.start)
        self.scene.selectionChanged.connect(self._selection_changed)
        self.scene.systemMoved.connect(self.move_system)
        self.view.inspectRequested.connect(lambda: self.inspector.name.setFocus())
        self.view.deleteRequested.connect(self.delete_selected)
        self.view.addRequested.connect(lambda: self.system_name.setFocus())
        self.inspector.connectRequested.connect(self.connect_system)
        self.inspector.deleteRequested.connect(self.delete_selected)
        self.then_box.activated.connect(lambda _i: self._compare())
        self.now_box.activated.connect(lambda _i: self._compare())
        self.refresh()

    # ---- the document ----------------------------------------------------------------------
    def set_document(self, doc) -> None:  # type: ignore[no-untyped-def]
        if self.case is not None:
            self.case.events.disconnect(self._on_change)
        self.document, self.case, self.ecomap_id = doc, doc.case if doc else None, None
        if self.case is not None:
            self.case.events.connect(self._on_change)
        self.refresh()

    def _on_change(self, _change) -> None:  # type: ignore[no-untyped-def]
        self._timer.start()

    def push(self, edit: Edit) -> bool:
        """One undo step through the document; a refused edit is said in one sentence."""
        if self.document is None:
            return False
        try:
            self.document.push(edit)
        except (ModelError, ValueError) as exc:
            QMessageBox.warning(self, "Ecomap", str(exc))
            return False
        self.refresh()
        return True

    # ---- showing ---------------------------------------------------------------------------
    def refresh(self) -> None:
        self._timer.stop()
        case = self.case
        maps = sorted(case.records("ecomaps"), key=lambda m: (m.date is not None,
                      m.date.earliest() if m.date else 0), reverse=True) if case else []
        ids = [m.id for m in maps]
        if self.ecomap_id not in ids:
            self.ecomap_id = find_ecomap(case).id if maps and case else None
        for box in (self.snapshots, self.then_box, self.now_box):
            keep = box.currentData()
            box.clear()
            for m in maps:
                box.addItem(f"{when(m)} · {m.title}", m.id)
            box.setCurrentIndex(max(box.findData(keep), 0))
        self.snapshots.setCurrentIndex(max(self.snapshots.findData(self.ecomap_id), 0))
        if len(maps) > 1 and self.then_box.currentData() == self.now_box.currentData():
            self.then_box.setCurrentIndex(1)
        self.person.clear()
        self.person.addItem("A person from the genogram…", None)
        if case is not None:
            for p in sorted(case.family.people(), key=lambda p: p.display_name):
                self.person.addItem(p.display_name, p.id)
        has_map = self.ecomap_id is not None
        self.empty.setVisible(case is not None and not has_map)
        for w in (self.snapshots, self.new_snapshot_button, self.system_name, self.person):
            w.setEnabled(has_map)
        self._sync_add_buttons()
        self.scene.show(case, self.ecomap_id)
        self.view.fit()
        self._selection_changed()
        self._compare()
        self.important.refresh(case)

    def _sync_add_buttons(self) -> None:
        """"Add system" and "Add person" are enabled only when they can act; the tooltip says
        what to choose first."""
        has_map = self.ecomap_id is not None
        named = bool(self.system_name.currentText().strip())
        chosen = self.person.currentData() is not None
        for button, able, tip, need in (
                (self.add_button, has_map and named, "Add the system named in the box (Insert, then Enter)",
                 "Type a name in the box, or choose a system from its list, first."),
                (self.add_person_button, has_map and chosen, "Add the chosen person from the genogram",
                 "Choose a person from the genogram in the list beside it first.")):
            button.setEnabled(able)
            button.setToolTip(tip if able else ("Start an ecomap first." if not has_map else need))

    def choose(self, ecomap_id: str | None) -> None:
        self.ecomap_id = ecomap_id
        self.refresh()

    def _selection_changed(self) -> None:
        owner = self.scene.selected_owner()
        if self.scene.selected_kind() == "eco_connection" and self.case is not None:
            owner = self.case.record("eco_connections", owner).system
        self.inspector.show_system(self.case, owner if self.scene.selected_kind() != "eco_centre" else None)

    def _compare(self) -> None:
        if self.case is None or len(self.case.records("ecomaps")) < 2:
            self.compare_view.set_message("Make a new snapshot when things change; then two dates "
                                          "can be shown side by side here.")
            return
        a, b = self.then_box.currentData(), self.now_box.currentData()
        if a == b:
            self.compare_view.set_message("Choose two different dates to compare.")
            return
        then, now = pair(self.case, (a, b))
        self.compare_view.set_content(compare_sheet_glyphs(self.case, then, now))

    # ---- printing --------------------------------------------------------------------------
    def export_bytes(self, what: str, fmt: str) -> bytes:
        """What the export menu writes: this snapshot, the compare sheet, or the child's sheet."""
        assert self.case is not None
        if what == "important-people":
            from genogram.export.important_people_pdf import important_people_pdf

            rec = self.important.record()
            if rec is None or not rec.people:
                raise ValueError("there is nobody on the important people sheet yet")
            return important_people_pdf(self.case, rec)
        if what == "compare":
            ids = (self.then_box.currentData(), self.now_box.currentData())
            return export_ecomap(self.case, fmt, EcomapOptions(compare=ids if None not in ids else ()))
        return export_ecomap(self.case, fmt, EcomapOptions(ecomap=self.ecomap_id))

    def export_to(self, path: str, what: str, fmt: str) -> bool:
        try:
            data = self.export_bytes(what, fmt)
            write_bytes_atomic(Path(path), data)
        except (ValueError, OSError, ModelError) as exc:
            QMessageBox.warning(self, "Export", f"Could not export: {exc}")
            return False
        return True

    def ask_export(self, what: str, fmt: str) -> None:
        if self.case is None:
            return
        name = f"{self.case.meta.title or 'case'} {what}.{fmt}".replace("/", "-")
        chosen, _ = QFileDialog.getSaveFileName(self, "Export", name, f"{fmt.upper()} (*.{fmt})")
        if not chosen:
            return
        # "family" becomes "family.svg", asking first if that would replace a file.
        path = savepath.with_suffix(chosen, f".{fmt}", self.confirm_replace)
        if path is None:
            self._say(savepath.kept(chosen, f".{fmt}"))
        elif self.export_to(path, what, fmt):
            self._say(f"Saved {SAVED.get(what, 'the ' + what)} as {fmt.upper()} to {path}.")

    def _say(self, text: str) -> None:
        window = self.window()
        bar = window.statusBar() if hasattr(window, "statusBar") else None
        if bar is not None:
            bar.showMessage(text, 15000)

    # ---- changing --------------------------------------------------------------------------
    def start(self) -> None:
        if self.case is None:
            return
        edit, eid = E.first_ecomap(self.case, self.case.meta.index_person)
        self.ecomap_id = eid
        self.push(edit)

    def new_snapshot(self) -> None:
        if self.case is None or self.ecomap_id is None:
            return
        edit, eid = E.new_snapshot(self.case, self.ecomap_id)
        self.ecomap_id = eid
        self.push(edit)

    def add_system(self, name: str, person: str | None = None) -> str | None:
        if self.case is None or self.ecomap_id is None:
            return None
        try:
            edit, sid = E.add_system(self.case, self.ecomap_id, name, person)
        except ValueError as exc:
            QMessageBox.information(self, "Ecomap", str(exc))
            return None
        if self.push(edit):
            self.system_name.setCurrentText("")
            self.scene.select(sid)
            return sid
        return None

    def add_person(self, pid: str | None) -> str | None:
        return self.add_system("", pid) if pid else None

    def connect_system(self, system_id: str) -> str | None:
        if self.case is None or self.ecomap_id is None or not system_id:
            return None
        edit, cid = E.connect(self.case, self.ecomap_id, system_id)
        if self.push(edit):
            self.scene.select(system_id)
            self.inspector.quality.setFocus()
            return cid
        return None

    def delete_selected(self) -> None:
        sid = self.inspector.system_id
        if self.case is not None and sid:
            self.push(E.delete_system(self.case, sid))

    def move_system(self, system_id: str, x: float, y: float) -> None:
        if self.case is not None:
            self.push(E.move_system(self.case, system_id, x, y))
            self.scene.select(system_id)
