"""The ecomap on screen: the same glyphs as the printout, one item per centre, system, connection.

The scene is rebuilt from the layout whenever the case changes (an ecomap has tens of items,
so this stays instant). Systems can be dragged; the drop is reported as `systemMoved` with
the new centre relative to the ecomap's centre, which is what `EcoSystem.position` stores.
"""
from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsObject,
    QGraphicsScene,
    QGraphicsView,
    QStyleOptionGraphicsItem,
    QWidget,
)

from desktop.canvas.qtpainter import glyph_rect, glyph_shape, paint_glyphs
from genogram.layout.ecomap import EcomapLayout, layout_ecomap
from genogram.model import Case
from genogram.model.family import id_order
from genogram.notation.ecomap_glyphs import ecomap_glyphs
from genogram.notation.glyphs import Glyph, Group

SELECTED = QColor("#1565c0")


class GlyphItem(QGraphicsObject):
    """One selectable thing on the ecomap, painted from its glyph group."""

    def __init__(self, group: Group, movable: bool = False) -> None:
        super().__init__()
        self.owner, self.kind = group.owner, group.kind
        self.glyphs: Sequence[Glyph] = group.children
        self._rect = glyph_rect(self.glyphs).adjusted(-4, -4, 4, 4)
        self._shape = glyph_shape(self.glyphs)
        flags = QGraphicsItem.GraphicsItemFlag.ItemIsSelectable | QGraphicsItem.GraphicsItemFlag.ItemIsFocusable
        if movable:
            flags |= QGraphicsItem.GraphicsItemFlag.ItemIsMovable
        self.setFlags(flags)
        self.setAcceptHoverEvents(True)

    def boundingRect(self) -> QRectF:
        return self._rect

    def shape(self) -> QPainterPath:
        return self._shape

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        paint_glyphs(painter, self.glyphs)
        if self.isSelected():
            painter.setPen(QPen(SELECTED, 2.0, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(self._rect.adjusted(2, 2, -2, -2))


class EcomapScene(QGraphicsScene):
    """Items for one snapshot of the ecomap."""

    systemMoved = Signal(str, float, float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.case: Case | None = None
        self.ecomap_id: str | None = None
        self.layout: EcomapLayout | None = None
        self.items_by_owner: dict[str, GlyphItem] = {}
        self._press: dict[str, QPointF] = {}

    def show(self, case: Case | None, ecomap_id: str | None) -> None:
        """Draw `ecomap_id` of `case` afresh, keeping what was selected selected."""
        chosen = self.selected_owner()
        self.clear()
        self.items_by_owner = {}
        self.case, self.ecomap_id, self.layout = case, ecomap_id, None
        if case is None or ecomap_id is None:
            return
        self.layout = layout_ecomap(case, ecomap_id)
        for g in ecomap_glyphs(case, self.layout, notes=False):
            if not isinstance(g, Group):
                continue
            item = GlyphItem(g, movable=g.kind == "eco_system")
            item.setZValue({"eco_centre": 0, "eco_connection": 1, "eco_system": 2}.get(g.kind, 0))
            self.addItem(item)
            self.items_by_owner[g.owner] = item
        if chosen in self.items_by_owner:
            self.items_by_owner[chosen].setSelected(True)
        r = self.itemsBoundingRect().adjusted(-40, -40, 40, 40)
        self.setSceneRect(r)

    def selected_owner(self) -> str | None:
        for item in self.selectedItems():
            if isinstance(item, GlyphItem):
                return item.owner
        return None

    def selected_kind(self) -> str | None:
        for item in self.selectedItems():
            if isinstance(item, GlyphItem):
                return item.kind
        return None

    def select(self, owner: str | None) -> None:
        self.clearSelection()
        item = self.items_by_owner.get(owner or "")
        if item is not None:
            item.setSelected(True)
            item.setFocus()
            for view in self.views():
                view.ensureVisible(item)

    def system_ids(self) -> list[str]:
        return sorted((o for o, i in self.items_by_owner.items() if i.kind == "eco_system"), key=id_order)

    # ---- dragging --------------------------------------------------------------------------
    def mousePressEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().mousePressEvent(event)
        self._press = {i.owner: i.pos() for i in self.selectedItems() if isinstance(i, GlyphItem)
                       and i.kind == "eco_system"}

    def mouseReleaseEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().mouseReleaseEvent(event)
        moved = [(o, p) for o, p in self._press.items()
                 if o in self.items_by_owner and self.items_by_owner[o].pos() != p]
        self._press = {}
        for owner, _ in moved:
            self.report_move(owner)

    def report_move(self, owner: str) -> None:
        """Say where a dragged system now stands, relative to the ecomap's centre."""
        if self.layout is None:
            return
        item = self.items_by_owner[owner]
        s, c = self.layout.systems[owner], self.layout.centre
        self.systemMoved.emit(owner, s.cx + item.pos().x() - c.cx, s.cy + item.pos().y() - c.cy)


class EcomapView(QGraphicsView):
    """The ecomap drawing: Tab moves between systems, Enter opens the inspector, Delete deletes."""

    inspectRequested = Signal()
    deleteRequested = Signal()
    addRequested = Signal()

    def __init__(self, scene: EcomapScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName("Ecomap drawing")
        self.setAccessibleDescription("Tab moves between systems; Enter edits the one chosen; "
                                      "Insert adds a system; Delete removes it")
        self.setBackgroundBrush(QColor("#ffffff"))

    def _scene(self) -> EcomapScene:
        s = self.scene()
        assert isinstance(s, EcomapScene)
        return s

    def fit(self) -> None:
        r = self._scene().sceneRect()
        if r.width() > 0:
            self.fitInView(r, Qt.AspectRatioMode.KeepAspectRatio)

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().resizeEvent(event)
        self.fit()

    def step(self, by: int) -> None:
        ids = self._scene().system_ids()
        if not ids:
            return
        now = self._scene().selected_owner()
        i = ids.index(now) + by if now in ids else (0 if by > 0 else -1)
        self._scene().select(ids[i % len(ids)])

    def event(self, event) -> bool:  # type: ignore[no-untyped-def]
        if isinstance(event, QKeyEvent) and event.type() == QKeyEvent.Type.KeyPress \
                and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and self._scene().system_ids():
            self.step(-1 if event.key() == Qt.Key.Key_Backtab else 1)
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._scene().selected_owner():
            self.inspectRequested.emit()
        elif key == Qt.Key.Key_Delete and self._scene().selected_owner():
            self.deleteRequested.emit()
        elif key == Qt.Key.Key_Insert:
            self.addRequested.emit()
        else:
            super().keyPressEvent(event)
