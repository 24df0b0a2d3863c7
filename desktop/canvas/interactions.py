"""Tools that need more than one click: drawing a relationship (bond) between two people.

A tool listens to the canvas's `personClicked` intent and, when it has what it needs, asks
the Genogram tab to carry out the edit. It never edits the model itself.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QPoint, Signal
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QMenu, QWidget

from genogram.model import BondKind, Case
from genogram.notation import styles as S

from .view import GenogramCanvas

# Kinds drawn with an arrow: the user says which way it runs.
DIRECTED = (BondKind.ABUSE, BondKind.CARING)

#: (kind, directed, first-to-second?) chosen for a pair, or None when the user changed their mind.
Choice = tuple[BondKind, bool, bool] | None
Chooser = Callable[[Case, str, str], Choice]


def choose_with_menu(parent: QWidget) -> Chooser:
    """The everyday chooser: a menu of kinds at the mouse, directed kinds offered both ways."""

    def choose(case: Case, a: str, b: str) -> Choice:
        na = case.family.person(a).short_name or case.family.person(a).display_name
        nb = case.family.person(b).short_name or case.family.person(b).display_name
        menu = QMenu(parent)
        menu.setAccessibleName("Kind of relationship")
        options: dict[object, tuple[BondKind, bool, bool]] = {}
        for kind, style in S.BOND_STYLES.items():
            if kind in DIRECTED:
                options[menu.addAction(f"{style.label}: {na} → {nb}")] = (kind, True, True)
                options[menu.addAction(f"{style.label}: {nb} → {na}")] = (kind, True, False)
            else:
                options[menu.addAction(style.label)] = (kind, False, True)
        picked = menu.exec(QCursor.pos() if not QCursor.pos().isNull() else QPoint(0, 0))
        return options.get(picked)

    return choose


class BondTool(QObject):
    """Pick one person, then another, then the kind: one new relationship."""

    finished = Signal()
    status = Signal(str)
    bondChosen = Signal(str, str, object, bool)

    def __init__(self, canvas: GenogramCanvas, case_of: Callable[[], Case | None],
                 chooser: Chooser) -> None:
        super().__init__(canvas)
        self.canvas = canvas
        self.case_of = case_of
        self.chooser = chooser
        self.first: str | None = None
        self.active = False

    def start(self, first: str | None = None) -> None:
        """Begin; a person already selected counts as the first pick."""
        self.active = True
        self.first = first
        self.canvas.picking = True
        self.canvas.personClicked.connect(self._picked)
        self.status.emit(self._prompt())

    def cancel(self) -> None:
        if not self.active:
            return
        self.active = False
        self.first = None
        self.canvas.picking = False
        self.canvas.personClicked.disconnect(self._picked)
        self.status.emit("")
        self.finished.emit()

    def _prompt(self) -> str:
        case = self.case_of()
        if self.first is None or case is None:
            return "Draw a relationship: click the first person (Esc to stop)."
        return (f"Draw a relationship from {case.family.person(self.first).display_name}: "
                "click the second person (Esc to stop).")

    def _picked(self, pid: str) -> None:
        case = self.case_of()
        if case is None:
            return
        if self.first is None or self.first == pid:
            self.first = pid
            self.canvas.focus_person(pid)
            self.status.emit(self._prompt())
            return
        a, b = self.first, pid
        choice = self.chooser(case, a, b)
        if choice is not None:
            kind, directed, forward = choice
            self.bondChosen.emit(a if forward else b, b if forward else a, kind, directed)
        self.cancel()
