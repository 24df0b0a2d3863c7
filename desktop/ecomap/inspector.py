"""The inspector beside the ecomap: the chosen system and its connection, in plain words.

Every field change is one model edit handed to `push` (so one undo step); the fields are
refilled from the case after each change, so undo shows up here too.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from genogram.ecomap_palette import load_palette
from genogram.model import Case, Edit, Energy, Put, Quality
from genogram.notation.ecomap_styles import CONNECTION_STYLES, ENERGY_LABELS

from .edits import connections_of

ENERGY_WORDS = {Energy.NONE: "No arrow", **{e: ENERGY_LABELS[e] for e in ENERGY_LABELS}}


class EcoInspector(QWidget):
    connectRequested = Signal(str)
    deleteRequested = Signal()

    def __init__(self, push: Callable[[Edit], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.push = push
        self.case: Case | None = None
        self.system_id: str | None = None
        self._filling = False
        self.setAccessibleName("Ecomap inspector")
        outer = QVBoxLayout(self)
        self.heading = QLabel("Choose a system on the ecomap")
        self.heading.setWordWrap(True)
        outer.addWidget(self.heading)
        form = QFormLayout()
        self.name = QLineEdit()
        self.name.setAccessibleName("System name")
        self.category = QComboBox()
        self.category.setAccessibleName("Category")
        for c in load_palette().categories:
            self.category.addItem(c.label, c.key)
        form.addRow("&Name", self.name)
        form.addRow("Ca&tegory", self.category)
        outer.addLayout(form)
        self.connect_button = QPushButton("&Connect to the family")
        self.connect_button.setAccessibleName("Connect this system to the family")
        outer.addWidget(self.connect_button)
        conn = QFormLayout()
        self.which = QComboBox()
        self.which.setAccessibleName("Which connection of this system")
        self.quality = QComboBox()
        self.quality.setAccessibleName("Connection quality")
        for q in Quality:
            self.quality.addItem(CONNECTION_STYLES[q].label, q.value)
        self.stress = QCheckBox("&Stress on it")
        self.stress.setAccessibleName("Stress on the connection")
        self.energy = QComboBox()
        self.energy.setAccessibleName("Direction of energy")
        for e, label in ENERGY_WORDS.items():
            self.energy.addItem(label, e.value)
        self.helps = QLineEdit()
        self.helps.setAccessibleName("What helps")
        self.hard = QLineEdit()
        self.hard.setAccessibleName("What is hard")
        conn.addRow("&With", self.which)
        conn.addRow("&Quality", self.quality)
        conn.addRow("", self.stress)
        conn.addRow("&Energy", self.energy)
        conn.addRow("What &helps", self.helps)
        conn.addRow("What is ha&rd", self.hard)
        self.conn_box = QWidget()
        self.conn_box.setLayout(conn)
        outer.addWidget(self.conn_box)
        self.delete_button = QPushButton("&Delete this system")
        self.delete_button.setAccessibleName("Delete this system")
        outer.addWidget(self.delete_button)
        outer.addStretch(1)

        self.name.editingFinished.connect(self._system_changed)
        self.category.activated.connect(lambda _i: self._system_changed())
        self.which.activated.connect(lambda _i: self.show_system(self.case, self.system_id))
        self.quality.activated.connect(lambda _i: self._connection_changed())
        self.energy.activated.connect(lambda _i: self._connection_changed())
        self.stress.toggled.connect(lambda _b: self._connection_changed())
        self.helps.editingFinished.connect(self._connection_changed)
        self.hard.editingFinished.connect(self._connection_changed)
        self.connect_button.clicked.connect(lambda: self.connectRequested.emit(self.system_id or ""))
        self.delete_button.clicked.connect(self.deleteRequested.emit)
        self.show_system(None, None)

    # ---- filling ---------------------------------------------------------------------------
    def show_system(self, case: Case | None, system_id: str | None) -> None:
        self.case = case
        ids = {s.id for s in case.records("eco_systems")} if case else set()
        self.system_id = system_id if system_id in ids else None
        self._filling = True
        try:
            self._fill()
        finally:
            self._filling = False

    def _fill(self) -> None:
        has = self.case is not None and self.system_id is not None
        for w in (self.name, self.category, self.connect_button, self.conn_box, self.delete_button):
            w.setEnabled(has)
        if not has:
            self.heading.setText("Choose a system on the ecomap (Tab moves between them)")
            self.conn_box.setVisible(False)
            self.connect_button.setVisible(False)
            return
        assert self.case is not None and self.system_id is not None
        s = self.case.record("eco_systems", self.system_id)
        self.heading.setText(f"<b>{s.name}</b>" + (" (from the genogram)" if s.person else ""))
        self.name.setText(s.name)
        self.name.setReadOnly(s.person is not None)  # a person keeps their genogram name
        i = self.category.findData(s.category)
        self.category.setCurrentIndex(max(i, 0))
        conns = self._connections()
        keep = self.which.currentData()
        self.which.clear()
        for c in conns:
            who = self.case.family.person(c.person).display_name if c.person and \
                self.case.family.has_person(c.person) else "the family"
            self.which.addItem(who, c.id)
        self.which.setCurrentIndex(max(self.which.findData(keep), 0))
        self.which.setEnabled(len(conns) > 1)
        conn = self.connection()
        self.connect_button.setVisible(conn is None)
        self.conn_box.setVisible(conn is not None)
        if conn is not None:
            self.quality.setCurrentIndex(self.quality.findData(conn.quality.value))
            self.stress.setChecked(conn.stress)
            self.energy.setCurrentIndex(self.energy.findData(conn.energy.value))
            self.helps.setText(conn.helps)
            self.hard.setText(conn.hard)

    def _connections(self):  # type: ignore[no-untyped-def]
        if self.case is None or self.system_id is None:
            return []
        return sorted(connections_of(self.case, self.system_id), key=lambda c: c.person is not None)

    def connection(self):  # type: ignore[no-untyped-def]
        """The connection being edited: the one chosen under "With" (to the family first)."""
        conns = self._connections()
        chosen = [c for c in conns if c.id == self.which.currentData()]
        return (chosen or conns or [None])[0]

    # ---- changing --------------------------------------------------------------------------
    def _system_changed(self) -> None:
        if self._filling or self.case is None or self.system_id is None:
            return
        s = self.case.record("eco_systems", self.system_id)
        name = " ".join(self.name.text().split()) or s.name
        new = replace(s, name=name if not s.person else s.name, category=self.category.currentData())
        if new != s:
            self.push(Put("eco_systems", new, f"Change {s.name}"))

    def _connection_changed(self) -> None:
        conn = self.connection()
        if self._filling or conn is None or self.case is None:
            return
        new = replace(conn, quality=Quality(self.quality.currentData()), stress=self.stress.isChecked(),
                      energy=Energy(self.energy.currentData()), helps=self.helps.text().strip(),
                      hard=self.hard.text().strip())
        if new != conn:
            name = self.case.record("eco_systems", conn.system).name
            self.push(Put("eco_connections", new, f"Change the connection with {name}"))
