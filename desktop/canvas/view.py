"""The canvas view: zoom, pan, select, drag and keyboard moves around the family.

The view never edits the case: a finished drag is announced as `personsMoved` (an intent)
and the Genogram tab turns it into one undo step. Zoom: the mouse wheel (with or without
Ctrl), a pinch, Ctrl+= / Ctrl+- and Ctrl+0 to fit. Pan: drag empty paper with the middle
button or while holding Space, the scroll bars, a touchpad's two-finger scroll, or the arrow
keys when nobody is selected (with someone selected the arrows move to their neighbours, and
Alt+arrows nudge them).
"""
from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QKeyCombination, QPoint, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QFont,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QNativeGestureEvent,
    QPainter,
    QPen,
    QWheelEvent,
)
from PySide6.QtWidgets import QFrame, QGraphicsView, QMenu, QPinchGesture, QWidget

from .items import PersonItem
from .scene import GenogramScene

MIN_ZOOM, MAX_ZOOM = 0.1, 8.0
ZOOM_STEP = 1.2
NUDGE_STEP = 6.0  # points moved by one Alt+arrow
PREVIEW_MS = 40  # how often the lines catch up with a drag
DESK = QColor("#e9ecef")  # around the paper
PAPER_EDGE = QColor("#c9ced3")
HINT = QColor("#555555")
HINT_SCALE = 1.2  # the empty drawing's hint, a little larger than the user's text size


class GenogramCanvas(QGraphicsView):
    """Shows a GenogramScene; announces intents, never edits the model."""

    personsMoved = Signal(object)  # {person id: (dx, dy)} when a drag ends
    personsNudged = Signal(object)  # the same for Alt+arrow: a run of nudges is one step
    personClicked = Signal(str)
    zoomChanged = Signal(float)
    unavailable = Signal(QAction)  # the key of a tool that cannot act yet (nothing selected)

    def __init__(self, scene: GenogramScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.setAccessibleName("Genogram drawing")
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setRubberBandSelectionMode(Qt.ItemSelectionMode.IntersectsItemShape)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.viewport().grabGesture(Qt.GestureType.PinchGesture)
        self.empty_hint = "Nobody is drawn yet. Press N (or Add person) to start with the child."
        self.picking = False  # a tool wants clicks on people, not selection or drags
        self._space = False
        self._pan_from: QPoint | None = None
        self._auto_fit = True  # fit to the window until the user zooms
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(PREVIEW_MS)
        self._preview_timer.timeout.connect(self._preview)

    # ---- zoom -----------------------------------------------------------------------------
    def zoom(self) -> float:
        return self.transform().m11()

    def set_zoom(self, factor: float, anchor: QPointF | None = None) -> None:
        factor = max(MIN_ZOOM, min(MAX_ZOOM, factor))
        current = self.zoom()
        if abs(factor - current) < 1e-9:
            return
        old_anchor = self.transformationAnchor()
        if anchor is None:
            self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.scale(factor / current, factor / current)
        self.setTransformationAnchor(old_anchor)
        self.zoomChanged.emit(self.zoom())

    def zoom_in(self) -> None:
        self._auto_fit = False
        self.set_zoom(self.zoom() * ZOOM_STEP)

    def zoom_out(self) -> None:
        self._auto_fit = False
        self.set_zoom(self.zoom() / ZOOM_STEP)

    def fit(self) -> None:
        """The whole family in the window (never larger than 1.5×, so a small family stays calm)."""
        rect = self.sceneRect()
        if rect.isEmpty() or not self.isVisible() or self.viewport().width() < 50:
            return
        vw, vh = self.viewport().width() - 4, self.viewport().height() - 4
        factor = min(vw / rect.width(), vh / rect.height(), 1.5)
        self.resetTransform()
        self.set_zoom(factor)
        self.centerOn(rect.center())

    def request_fit(self) -> None:
        """Fit now, and again as the window takes its size, until the user zooms (on opening)."""
        self._auto_fit = True
        self.fit()

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().resizeEvent(event)
        if self._auto_fit:
            self.fit()

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().showEvent(event)
        if self._auto_fit:
            self.fit()

    def wheelEvent(self, event: QWheelEvent) -> None:
        ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        touchpad = not event.pixelDelta().isNull() or event.phase() != Qt.ScrollPhase.NoScrollPhase
        if touchpad and not ctrl:  # two fingers on a touchpad pan, as everywhere else
            super().wheelEvent(event)
            return
        steps = event.angleDelta().y() / 120.0 or event.angleDelta().x() / 120.0
        if steps:
            self._auto_fit = False
            self.set_zoom(self.zoom() * math.pow(ZOOM_STEP, steps), event.position())
        event.accept()

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.NativeGesture:
            assert isinstance(event, QNativeGestureEvent)
            if event.gestureType() == Qt.NativeGestureType.ZoomNativeGesture:
                self._auto_fit = False
                self.set_zoom(self.zoom() * (1.0 + event.value()), event.position())
                return True
        if event.type() == QEvent.Type.Gesture:
            pinch = event.gesture(Qt.GestureType.PinchGesture)  # type: ignore[attr-defined]
            if isinstance(pinch, QPinchGesture):
                self._auto_fit = False
                self.set_zoom(self.zoom() * pinch.scaleFactor())
                event.accept()  # type: ignore[attr-defined]
                return True
        return super().viewportEvent(event)

    # ---- pan, drag and pick -----------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.MiddleButton or (
                self._space and event.button() == Qt.MouseButton.LeftButton):
            self._pan_from = event.position().toPoint()
            self._auto_fit = False
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        if self.picking and event.button() == Qt.MouseButton.LeftButton:
            item = self._person_at(event.position().toPoint())
            if item is not None:
                self.personClicked.emit(item.owner)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None:
            delta = event.position().toPoint() - self._pan_from
            self._pan_from = event.position().toPoint()
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - delta.x())
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - delta.y())
            event.accept()
            return
        super().mouseMoveEvent(event)
        if event.buttons() & Qt.MouseButton.LeftButton and not self._preview_timer.isActive():
            self._preview_timer.start()  # lines follow a drag, a few times a second at most

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None:
            self._pan_from = None
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor if self._space
                                      else Qt.CursorShape.ArrowCursor)
            event.accept()
            return
        super().mouseReleaseEvent(event)
        self._preview_timer.stop()
        moves = self._dragged()
        if moves:
            self.personsMoved.emit(moves)
        else:
            self._scene().end_preview()

    def _dragged(self) -> dict[str, tuple[float, float]]:
        return {i.owner: (i.pos().x(), i.pos().y()) for i in self._scene().glyph_items("person")
                if not i.pos().isNull()}

    def _preview(self) -> None:
        moves = self._dragged()
        if moves:
            self._scene().preview_moves(moves)

    def contextMenuEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        """The drawing's actions; a right-click on someone not yet selected selects them first,
        so the menu acts on them."""
        item = self._person_at(event.pos())
        if item is not None and not item.isSelected():
            self.focus_person(item.owner)
        menu = QMenu(self)
        for action in self.actions():
            if action.objectName() not in ("cancel", "details"):
                menu.addAction(action)
        menu.exec(event.globalPos())

    def _person_at(self, pos: QPoint) -> PersonItem | None:
        for item in self.items(pos):
            if isinstance(item, PersonItem):
                return item
        return None

    def _scene(self) -> GenogramScene:
        scene = self.scene()
        assert isinstance(scene, GenogramScene)
        return scene

    # ---- keys -------------------------------------------------------------------------------
    def event(self, event: QEvent) -> bool:
        """Tab and Shift+Tab move between people rather than out of the drawing."""
        if event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and self._scene().person_item_count():
                self.step_person(-1 if event.key() == Qt.Key.Key_Backtab else 1)
                return True
        return super().event(event)

    def _disabled_action(self, event: QKeyEvent) -> QAction | None:
        """The drawing's tool whose key this is, when that tool cannot act now."""
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        pressed = QKeySequence(QKeyCombination(mods, Qt.Key(event.key())))
        for action in self.actions():
            if not action.isEnabled() and any(k == pressed for k in action.shortcuts()):
                return action
        return None

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        disabled = self._disabled_action(event)
        if disabled is not None:  # a greyed tool's key: the view says what to select first
            self.unavailable.emit(disabled)
            event.accept()
            return
        if key == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = True
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            return
        arrows = {Qt.Key.Key_Left: (-1, 0), Qt.Key.Key_Right: (1, 0), Qt.Key.Key_Up: (0, -1),
                  Qt.Key.Key_Down: (0, 1)}
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if key in arrows and mods == Qt.KeyboardModifier.AltModifier:
            chosen = self._scene().selected_owners("person")
            if chosen:  # Alt+arrow nudges the selected people; a run of nudges is one step
                dx, dy = arrows[key]
                self.personsNudged.emit({p: (dx * NUDGE_STEP, dy * NUDGE_STEP) for p in chosen})
            return
        if key in arrows and not mods:
            if self._scene().selected_owners("person"):
                self.move_to_neighbour(*arrows[key])
                return
            bar = self.horizontalScrollBar() if arrows[key][0] else self.verticalScrollBar()
            bar.setValue(bar.value() + (arrows[key][0] or arrows[key][1]) * bar.singleStep() * 3)
            return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = False
            self._pan_from = None
            self.viewport().setCursor(Qt.CursorShape.ArrowCursor)
            return
        super().keyReleaseEvent(event)

    def focus_person(self, pid: str) -> None:
        """Select one person and bring them into view."""
        scene = self._scene()
        scene.select_only([pid])
        item = scene.person_item(pid)
        if item is not None:
            item.setFocus()
            self.ensureVisible(item.boundingRect(), 40, 40)

    def step_person(self, step: int) -> None:
        """Tab order: rows top to bottom, left to right in each row."""
        layout = self._scene().layout
        order = sorted(layout.people.values(), key=lambda p: (p.generation, p.cx))
        if not order:
            return
        ids = [p.id for p in order]
        chosen = self._scene().selected_owners("person")
        if chosen and chosen[0] in ids:
            i = (ids.index(chosen[-1] if step > 0 else chosen[0]) + step) % len(ids)
        else:
            i = 0 if step > 0 else len(ids) - 1
        self.focus_person(ids[i])

    def move_to_neighbour(self, dx: int, dy: int) -> None:
        """The nearest person in that direction, favouring those straight ahead."""
        layout = self._scene().layout
        chosen = self._scene().selected_owners("person")
        if not chosen or chosen[0] not in layout.people:
            return
        here = layout.people[chosen[0]]
        best: tuple[float, str] | None = None
        for p in layout.people.values():
            vx, vy = p.cx - here.cx, p.cy - here.cy
            ahead = vx * dx + vy * dy
            if p.id == here.id or ahead <= 1.0:
                continue
            side = abs(vx * dy) + abs(vy * dx)
            score = ahead + 2.5 * side
            if best is None or score < best[0]:
                best = (score, p.id)
        if best is not None:
            self.focus_person(best[1])

    def hint_font(self) -> QFont:
        """The empty drawing's hint: the widget's own font (which follows the application's, so
        the user's text size), a little larger."""
        font = QFont(self.font())
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * HINT_SCALE)
        elif font.pixelSize() > 0:
            font.setPixelSize(round(font.pixelSize() * HINT_SCALE))
        return font

    # ---- paper ------------------------------------------------------------------------------
    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:
        painter.fillRect(rect, DESK)
        paper = self.sceneRect()
        pen = QPen(PAPER_EDGE, 1.0)
        pen.setCosmetic(True)
        painter.setPen(pen)
        painter.setBrush(QColor("#ffffff"))
        painter.drawRect(paper)

    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:
        if self._scene().person_item_count():
            return
        painter.save()
        painter.resetTransform()
        painter.setPen(HINT)
        painter.setFont(self.hint_font())
        painter.drawText(self.viewport().rect(), Qt.AlignmentFlag.AlignCenter, self.empty_hint)
        painter.restore()
