"""Canvas items: each shows one thing the user can select (a person, a partnership, a child's
line, a bond, a household) by drawing the notation's glyph group for it.

Items only draw. `set_group` compares before changing and calls `prepareGeometryChange()`;
`paint()` saves, draws and restores, changing nothing. The selection is a translucent wash
over the glyphs, so the symbol's own colours still read through it.
"""
from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from genogram.notation.genogram import HOUSEHOLD_NAME
from genogram.notation.glyphs import Group

from .qtpainter import glyph_rect, glyph_shape, paint_glyphs

# Stacking, back to front: households, lines, the emotional overlay, people on top.
HOUSEHOLD_Z = 0.0
UNION_Z = 10.0
LINK_Z = 11.0
BOND_Z = 20.0
HOUSEHOLD_NAME_Z = 25.0  # a household's name: over the lines, so none runs through it
PERSON_Z = 30.0
Z_OF = {"household": HOUSEHOLD_Z, "union": UNION_Z, "link": LINK_Z, "bond": BOND_Z, "person": PERSON_Z,
        HOUSEHOLD_NAME: HOUSEHOLD_NAME_Z}

HIGHLIGHT_FILL = QColor(47, 111, 214, 46)  # a calm blue wash behind what is selected
HIGHLIGHT_EDGE = QColor(47, 111, 214)
HIGHLIGHT_PAD = 4.0
HOVER_FILL = QColor(47, 111, 214, 18)


class GlyphItem(QGraphicsItem):
    """One glyph group; its owner id is what the model calls the thing it shows."""

    def __init__(self, group: Group) -> None:
        super().__init__()
        self._group = group
        self._rect = QRectF()
        self._ink = QRectF()
        self._shape: QPainterPath | None = None
        self._hover = False
        self.updates = 0  # how often its drawing changed (tests check edits touch few items)
        self._measure()
        self.setZValue(Z_OF.get(group.kind, UNION_Z))
        label = group.kind == HOUSEHOLD_NAME  # only words: its household's outline is what is picked
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, not label)
        self.setAcceptHoverEvents(not label)
        if label:
            self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setToolTip("")

    # ---- data -------------------------------------------------------------------------------
    @property
    def owner(self) -> str:
        return self._group.owner

    @property
    def kind(self) -> str:
        return self._group.kind

    @property
    def group(self) -> Group:
        return self._group

    def set_group(self, group: Group) -> bool:
        """Show new glyphs; False (and nothing done) when they are the same."""
        if group == self._group:
            return False
        self.prepareGeometryChange()
        self._group = group
        self._measure()
        self.updates += 1
        self.update()
        return True

    def _measure(self) -> None:
        children = self._group.children
        pad = HIGHLIGHT_PAD + 2.0
        self._ink = glyph_rect(children) if children else QRectF()
        self._rect = self._ink.adjusted(-pad, -pad, pad, pad)
        self._shape = None  # worked out when first asked for: most items are never hit-tested

    # ---- Qt virtuals ------------------------------------------------------------------------
    def boundingRect(self) -> QRectF:
        return self._rect

    def shape(self) -> QPainterPath:
        if self._shape is None:
            children = self._group.children
            self._shape = glyph_shape(children) if children else QPainterPath()
        return self._shape

    def highlight_path(self) -> QPainterPath:
        """What the selection wash covers: the clickable outline."""
        return self.shape()

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        paint_glyphs(painter, self._group.children)
        if self.isSelected() or self._hover:  # a translucent wash over the ink, never a recolour
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            edge = QPen(HIGHLIGHT_EDGE, 1.5) if self.isSelected() else QPen(Qt.PenStyle.NoPen)
            edge.setCosmetic(True)
            painter.setPen(edge)
            painter.setBrush(QBrush(HIGHLIGHT_FILL if self.isSelected() else HOVER_FILL))
            painter.drawPath(self.highlight_path())
            painter.restore()

    def hoverEnterEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        self._hover = True
        self.update()
        super().hoverEnterEvent(event)

    def hoverLeaveEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        self._hover = False
        self.update()
        super().hoverLeaveEvent(event)


class PersonItem(GlyphItem):
    """A person can be dragged; the drag becomes one nudge on release (see the view)."""

    def __init__(self, group: Group) -> None:
        super().__init__(group)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsMovable, True)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsFocusable, True)

    def highlight_path(self) -> QPainterPath:
        if self._shape is None:
            path = QPainterPath()
            r = self._ink.adjusted(-HIGHLIGHT_PAD, -HIGHLIGHT_PAD, HIGHLIGHT_PAD, HIGHLIGHT_PAD)
            path.addRoundedRect(r, 6.0, 6.0)
            self._shape = path
        return self._shape

    def shape(self) -> QPainterPath:
        """A person is picked anywhere on their symbol-and-label box, not only on the ink."""
        return self.highlight_path()


def make_item(group: Group) -> GlyphItem:
    return PersonItem(group) if group.kind == "person" else GlyphItem(group)
