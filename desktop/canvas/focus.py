"""A focus view for big files: only a few generations around one person are laid out and drawn.

A genealogy import of thousands of people is slow to draw and impossible to read whole, so the
Genogram tab can show "N generations around the selected person" instead of everyone. A banner
says what is hidden and offers everyone back; people whose relatives are hidden carry a small
"+" badge (part of the view, not the notation: it never prints), and double-clicking such a
person (or clicking the badge) centres the view on them. A case of more than BIG_CASE people
opens in focus view around the index child (or a well-connected first person) so the window
stays quick; people added while focusing are always shown, so an edit never vanishes.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QMouseEvent, QPainter, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QGraphicsItem,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QStyleOptionGraphicsItem,
    QWidget,
)

from genogram.layout.focus import focus_people
from genogram.model import Case

from .items import PERSON_Z, PersonItem
from .scene import GenogramScene
from .view import GenogramCanvas

BIG_CASE = 400  # more people than this opens in focus view
DEFAULT_GENERATIONS = 2
MAX_GENERATIONS = 6
EVERYONE, AROUND = 0, 1
MARKER_R = 7.0  # pixels on screen
MARKER_FILL = QColor("#5b7fa6")  # a quiet slate blue: noticeable, never alarming
BAR_STYLE = ("QWidget#focusBar { background: #eef3f9; border-bottom: 1px solid #c9d6e4; }"
             " QLabel { color: #23364a; }")


def starting_person(case: Case) -> str | None:
    """Whom a big case opens around: the index child, else the first person with parents and a
    partner (someone in the middle of the family), else the first person."""
    index = case.meta.index_person
    fam = case.family
    if index and fam.has_person(index):
        return index
    first: str | None = None
    for p in fam.people():
        first = first or p.id
        if fam.parents_of(p.id) and fam.unions_of(p.id):
            return p.id
    return first


def relatives(case: Case, pid: str) -> set[str]:
    """Parents, partners and children: the people a family line joins to `pid`."""
    fam = case.family
    out = set(fam.parents_of(pid))
    for u in fam.unions_of(pid):
        out.update(u.partners)
        out.update(link.child for link in fam.children_of(u.id))
    out.discard(pid)
    return out


def hidden_relatives(case: Case, shown: set[str]) -> dict[str, tuple[int, int]]:
    """For each shown person with family left out of the view: how many hidden parents, and how
    many hidden partners and children (the "+" goes above for the first, below for the second)."""
    fam = case.family
    out: dict[str, tuple[int, int]] = {}
    for pid in shown:
        up = sum(1 for q in fam.parents_of(pid) if q not in shown)
        down = len(relatives(case, pid) - shown) - up
        if up or down:
            out[pid] = (up, max(0, down))
    return out


class EdgeMarker(QGraphicsItem):
    """A small "+" at a person's top right: more of the family lies beyond them."""

    def __init__(self, pid: str, hidden: int, name: str, above: bool) -> None:
        super().__init__()
        self.pid = pid
        self.setZValue(PERSON_Z + 1)
        # The same size on screen at any zoom: a large family is seen zoomed out.
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations, True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        if above:
            more = "1 parent" if hidden == 1 else f"{hidden} parents"
        else:
            more = "1 partner or child" if hidden == 1 else f"{hidden} partners and children"
        self.setToolTip(f"{name}'s {more} are not shown here. Click to centre the view on {name}."
                        if hidden > 1 else
                        f"{name}'s {more} is not shown here. Click to centre the view on {name}.")

    def boundingRect(self) -> QRectF:
        r = MARKER_R + 1.0
        return QRectF(-r, -r, 2 * r, 2 * r)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(QPen(QColor("#ffffff"), 1.2))
        painter.setBrush(QBrush(MARKER_FILL))
        painter.drawEllipse(QPointF(0, 0), MARKER_R, MARKER_R)
        pen = QPen(QColor("#ffffff"), 1.6)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        arm = MARKER_R * 0.55
        painter.drawLine(QPointF(-arm, 0), QPointF(arm, 0))
        painter.drawLine(QPointF(0, -arm), QPointF(0, arm))
        painter.restore()


class FocusControl(QObject):
    """The "Show:" control, the banner and the edge markers of one Genogram tab."""

    changed = Signal()  # the view now shows someone else, or everyone

    def __init__(self, scene: GenogramScene, canvas: GenogramCanvas,
                 selected: Callable[[], list[str]], parent: QWidget) -> None:
        super().__init__(parent)
        self.scene, self.canvas, self._selected = scene, canvas, selected
        self.active = False
        self.centre: str | None = None
        self.generations = DEFAULT_GENERATIONS
        self.opened_big = False  # this case opened in focus view because it is big
        self._known: set[str] = set()  # everyone in the case when the focus was chosen
        self.markers: dict[str, list[EdgeMarker]] = {}  # edge person: their "+" (above, below)
        self.shown_count = 0

        # One calm row above the drawing: the "Show:" control, then what is shown and the way back.
        self.bar = QWidget(parent)
        self.bar.setObjectName("focusBar")
        self.bar.setAccessibleName("Focus view")
        self.bar.setStyleSheet(BAR_STYLE)
        row = QHBoxLayout(self.bar)
        row.setContentsMargins(8, 3, 8, 3)
        row.setSpacing(6)
        label = QLabel("&Show:", self.bar)
        self.mode = QComboBox(self.bar)
        self.mode.setAccessibleName("Show")
        self.mode.addItems(["everyone", "around the selected person"])
        self.mode.setToolTip("Show everyone, or only a few generations around one person")
        label.setBuddy(self.mode)
        self.spin = QSpinBox(self.bar)
        self.spin.setAccessibleName("Generations around the person")
        self.spin.setRange(1, MAX_GENERATIONS)
        self.spin.setValue(DEFAULT_GENERATIONS)
        self.spin.setSuffix(" generations")
        self.spin.setToolTip("How many generations up and down to show around the person")
        self.spin.setEnabled(False)
        self.banner = QLabel(self.bar)
        self.banner.setAccessibleName("What is shown")
        self.banner.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.banner.setTextFormat(Qt.TextFormat.PlainText)
        self.everyone = QPushButton("Show everyone", self.bar)
        self.everyone.setAccessibleName("Show everyone")
        self.everyone.setToolTip("Lay out and draw the whole family (slower for a large family)")
        self.everyone.clicked.connect(lambda _c=False: self.show_everyone())
        self.everyone.hide()
        for w in (label, self.mode, self.spin):
            row.addWidget(w)
        row.addSpacing(10)
        row.addWidget(self.banner, 1)
        row.addWidget(self.everyone)
        self.mode.currentIndexChanged.connect(self._mode_chosen)
        self.spin.valueChanged.connect(self._generations_chosen)

        scene.people_filter = self._filter
        scene.relaid.connect(self._after_relayout)
        canvas.viewport().installEventFilter(self)

    # ---- choosing what to show ----------------------------------------------------------------
    def document_opened(self, case: Case | None) -> None:
        """Before the first layout of a case: a big one starts around its index child."""
        self.opened_big = False
        self.active = False
        self.centre = None
        self._clear_markers()
        if case is not None and case.family.person_count() > BIG_CASE:
            self.centre = starting_person(case)
            self.active = self.centre is not None
            self.opened_big = self.active
            self._known = {p.id for p in case.family.people()}
        self._sync_widgets()

    def focus_on(self, pid: str, generations: int | None = None) -> None:
        """Show `generations` up and down around `pid` (and relayout now)."""
        case = self.scene.case
        if case is None or not case.family.has_person(pid):
            return
        if generations is not None:
            self.generations = max(1, min(MAX_GENERATIONS, generations))
        self.centre, self.active, self.opened_big = pid, True, False
        self._known = {p.id for p in case.family.people()}
        self._sync_widgets()
        self._relayout()
        self.canvas.focus_person(pid)
        self.changed.emit()

    def show_everyone(self) -> None:
        if not self.active:
            return
        self.active, self.opened_big = False, False
        self._sync_widgets()
        self._relayout()
        self.changed.emit()

    def _relayout(self) -> None:
        self.scene.relayout()
        self.canvas.request_fit()

    def _mode_chosen(self, index: int) -> None:
        if index == EVERYONE:
            self.show_everyone()
            return
        case = self.scene.case
        chosen = self._selected()
        pid = chosen[0] if chosen else self.centre or (starting_person(case) if case else None)
        if pid is None:
            self._sync_widgets()
            return
        self.focus_on(pid)

    def _generations_chosen(self, value: int) -> None:
        self.spin.setSuffix(" generation" if value == 1 else " generations")
        if value == self.generations:
            return
        self.generations = value
        if self.active and self.centre is not None:
            self.focus_on(self.centre)

    def _sync_widgets(self) -> None:
        for w, value in ((self.mode, AROUND if self.active else EVERYONE),
                         (self.spin, self.generations)):
            w.blockSignals(True)
            if isinstance(w, QComboBox):
                w.setCurrentIndex(value)
            else:
                w.setValue(value)
                w.setSuffix(" generation" if value == 1 else " generations")
            w.blockSignals(False)
        self.spin.setEnabled(self.active)

    # ---- the scene asks whom to draw ------------------------------------------------------------
    def _filter(self, case: Case) -> set[str] | None:
        if not self.active:
            return None
        if self.centre is None or not case.family.has_person(self.centre):
            self.centre = starting_person(case)  # the centre was removed: start again nearby
            if self.centre is None:
                return None
        shown = focus_people(case, self.centre, self.generations)
        shown.update(p.id for p in case.family.people() if p.id not in self._known)
        return shown

    # ---- after each relayout: banner and markers ------------------------------------------------
    def _clear_markers(self) -> None:
        for marker in [m for ms in self.markers.values() for m in ms]:
            if marker.scene() is self.scene:
                self.scene.removeItem(marker)
        self.markers = {}

    def _after_relayout(self) -> None:
        case = self.scene.case
        self._clear_markers()
        layout = self.scene.layout
        self.shown_count = len(layout.people)
        if case is None or not self.active or self.centre is None:
            total = case.family.person_count() if case is not None else 0
            self.banner.setText("" if total < 2 else f"Everyone is shown ({total:,} people).")
            self.everyone.hide()
            return
        shown = set(layout.people)
        for pid, (up, down) in hidden_relatives(case, shown).items():
            place, name = layout.people[pid], _name(case, pid)
            top = place.cy - place.size / 2
            for hidden, above, y in ((up, True, top),
                                     (down, False, place.box.bottom + MARKER_R + 2.0)):
                if hidden:  # on the symbol's top edge, where parents' line would come in;
                    # below the name, where children's would go
                    marker = EdgeMarker(pid, hidden, name, above)
                    marker.setPos(place.cx, y)
                    self.scene.addItem(marker)
                    self.markers.setdefault(pid, []).append(marker)
        self.banner.setText(self.banner_text(case))
        self.banner.setToolTip(self.banner.text())
        self.everyone.show()

    def banner_text(self, case: Case) -> str:
        total = case.family.person_count()
        name = _name(case, self.centre or "")
        text = f"Showing {self.shown_count:,} of {total:,} people around {name}"
        if self.opened_big:
            text = f"A large family, so to stay quick: {self.shown_count:,} of {total:,} people " \
                   f"around {name}"
        return text + (". Double-click a + to move there." if self.markers else ".")

    # ---- double-click on an edge person, or a click on a "+" ------------------------------------
    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        kind = event.type()
        if (self.active and kind in (QEvent.Type.MouseButtonDblClick, QEvent.Type.MouseButtonPress)
                and isinstance(event, QMouseEvent) and event.button() == Qt.MouseButton.LeftButton):
            pid = self._edge_at(event, double=kind == QEvent.Type.MouseButtonDblClick)
            if pid is not None:
                self.focus_on(pid)
                return True
        return False

    def _edge_at(self, event: QMouseEvent, double: bool) -> str | None:
        for item in self.canvas.items(event.position().toPoint()):
            if isinstance(item, EdgeMarker):
                return item.pid
            if double and isinstance(item, PersonItem) and item.owner in self.markers:
                return item.owner
        return None


def _name(case: Case, pid: str) -> str:
    if not case.family.has_person(pid):
        return "this person"
    p = case.family.person(pid)
    return p.short_name or p.display_name or "this person"


__all__ = ["BIG_CASE", "EdgeMarker", "FocusControl", "hidden_relatives", "starting_person"]
