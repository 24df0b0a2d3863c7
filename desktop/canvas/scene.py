"""The genogram scene: follows one document's model events and keeps one item per glyph group.

After a change the scene relays the family out (a pure function of the case) and asks the
notation for the glyphs again, then touches only the items whose glyphs differ: new owners
get items, vanished owners lose theirs, and everything else is left alone. Changes of one
edit arrive as several notices (a Compound); they are gathered and laid out once, on the next
turn of the event loop, or at once through `flush()` when a caller needs the items now.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QRectF, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGraphicsScene

from genogram.layout.genogram import layout_genogram
from genogram.layout.types import GenogramLayout
from genogram.model import Case, Change
from genogram.notation.genogram import (
    bond_groups,
    household_groups,
    link_groups,
    person_group,
    union_group,
)
from genogram.notation.glyphs import Circle, Cross, Group, Image, Line, Polygon, Rect, Text

from .items import GlyphItem, PersonItem, make_item

PAPER = QColor("#ffffff")
SCENE_PAD = 36.0  # paper around the drawing, so nothing sits on the window's edge

# Changes that never alter the drawing (records of other views).
_DRAWN = frozenset({"people", "unions", "child_links", "bonds", "households", "birth_groups",
                    "meta", "hints"})


class GenogramScene(QGraphicsScene):
    """Items for one case's genogram, kept in step with the model."""

    relaid = Signal()  # after each relayout, with the items up to date

    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self.setBackgroundBrush(PAPER)
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)  # items change often
        self._case: Case | None = None
        self._items: dict[str, GlyphItem] = {}
        self._layout = GenogramLayout()
        self._dirty = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.flush)
        self.touched: set[str] = set()  # owners added, changed or removed by the last relayout
        self._person_cache: dict[str, tuple[tuple[Any, ...], Group]] = {}
        self._moved: dict[str, tuple[Group, float, float]] = {}  # person: (old group, dx, dy)
        self._previewed = False
        # Which people to draw (a focus view on a big file), asked afresh at every relayout;
        # None draws everyone.
        self.people_filter: Callable[[Case], set[str] | None] | None = None

    # ---- the document ---------------------------------------------------------------------
    def set_case(self, case: Case | None) -> None:
        """Follow `case` (or nothing); the old one is let go symmetrically."""
        if self._case is not None:
            self._case.events.disconnect(self._on_change)
        self.clearSelection()
        for item in list(self._items.values()):
            self.removeItem(item)
        self._items.clear()
        self._case = case
        self._layout = GenogramLayout()
        self._person_cache = {}
        if case is not None:
            case.events.connect(self._on_change)
            self.relayout()

    def set_document(self, doc: object) -> None:
        """Follow a CaseDocument (anything with a `.case`)."""
        self.set_case(getattr(doc, "case", None))

    @property
    def case(self) -> Case | None:
        return self._case

    @property
    def layout(self) -> GenogramLayout:
        return self._layout

    # ---- lookup ---------------------------------------------------------------------------
    def item(self, owner: str) -> GlyphItem | None:
        return self._items.get(owner)

    def person_item(self, pid: str) -> PersonItem | None:
        item = self._items.get(pid)
        return item if isinstance(item, PersonItem) else None

    def person_item_count(self) -> int:
        return len(self._layout.people)

    def glyph_items(self, kind: str | None = None) -> list[GlyphItem]:
        return [i for i in self._items.values() if kind is None or i.kind == kind]

    def selected_owners(self, kind: str | None = None) -> list[str]:
        """Selected things' ids, people in reading order (row, then left to right)."""
        found = [i for i in self.selectedItems() if isinstance(i, GlyphItem)
                 and (kind is None or i.kind == kind)]
        people = self._layout.people

        def order(i: GlyphItem) -> tuple[float, float, str]:
            p = people.get(i.owner)
            return (p.cy, p.cx, i.owner) if p else (1e12, 0.0, i.owner)
        return [i.owner for i in sorted(found, key=order)]

    def select_only(self, owners: list[str]) -> None:
        self.clearSelection()
        for o in owners:
            item = self._items.get(o)
            if item is not None:
                item.setSelected(True)

    # ---- following the model ----------------------------------------------------------------
    def _on_change(self, change: Change) -> None:
        if change.collection not in _DRAWN:
            return
        self._dirty = True
        if not self._timer.isActive():
            self._timer.start()

    def flush(self) -> None:
        """Bring the items up to date now if a change is waiting."""
        self._timer.stop()
        if self._dirty:
            self.relayout()

    def _groups(self, case: Case, layout: GenogramLayout) -> list[Group]:
        """The notation's groups, as `genogram_glyphs` makes them (the screen shows private
        people too), with each person's group reused while nothing it shows has changed."""
        out: list[Group] = household_groups(case, layout)
        out += [union_group(case, layout, up) for up in layout.unions.values()]
        for up in layout.unions.values():
            out += link_groups(case, layout, up)
        out += bond_groups(case, layout)
        meta, as_at = case.meta, case.as_at()
        cache: dict[str, tuple[tuple[Any, ...], Group]] = {}
        self._moved = {}
        for pid, place in layout.people.items():
            key = (case.family.person(pid), place, meta.index_person == pid, as_at)
            old = self._person_cache.get(pid)
            group: Group | None = None
            if old is not None and old[0] == key:
                group = old[1]
            elif old is not None and _only_moved(old[0], key):
                # The same person drawn elsewhere (a row made room for a child): the old glyphs
                # shifted, rather than the notation asked again.
                dx, dy = place.cx - old[0][1].cx, place.cy - old[0][1].cy
                group = _shifted(old[1], dx, dy)
                if group is not None:
                    self._moved[pid] = (old[1], dx, dy)
            if group is None:
                group = person_group(case, place)
            cache[pid] = (key, group)
            out.append(group)
        self._person_cache = cache
        return out

    def preview_moves(self, moves: dict[str, tuple[float, float]]) -> None:
        """While people are dragged, the lines that join them follow (nothing is changed in the
        case: the layout runs on the case as it would be with these nudges added)."""
        case = self._case
        if case is None or not moves:
            return
        nudges = dict(case.hints.nudges)
        for pid, (dx, dy) in moves.items():
            ox, oy = nudges.get(pid, (0.0, 0.0))
            nudges[pid] = (ox + dx, oy + dy)
        trial = _WithHints(case, replace(case.hints, nudges=nudges))
        layout = layout_genogram(trial, self._shown(case))  # type: ignore[arg-type]
        lines: list[Group] = household_groups(trial, layout)  # type: ignore[arg-type]
        for up in layout.unions.values():
            lines.append(union_group(trial, layout, up))  # type: ignore[arg-type]
            lines += link_groups(trial, layout, up)  # type: ignore[arg-type]
        lines += bond_groups(trial, layout)  # type: ignore[arg-type]
        for g in lines:
            item = self._items.get(g.owner)
            if item is not None and item.kind == g.kind:
                item.set_group(g)
        self._previewed = True

    def end_preview(self) -> None:
        """Put the lines back where the case has them (after a drag that changed nothing)."""
        if self._previewed:
            self.relayout()

    def _shown(self, case: Case) -> set[str] | None:
        return self.people_filter(case) if self.people_filter is not None else None

    def relayout(self) -> None:
        """Lay out again and update only the items whose glyphs changed."""
        self._dirty = False
        self._previewed = False
        case = self._case
        if case is None:
            return
        layout = layout_genogram(case, self._shown(case))
        wanted = {g.owner: g for g in self._groups(case, layout)}
        touched: set[str] = set()
        for owner in [o for o in self._items if o not in wanted]:
            item = self._items.pop(owner)
            self.removeItem(item)
            touched.add(owner)
        for owner, group in wanted.items():
            item = self._items.get(owner)
            if item is None or item.kind != group.kind:
                if item is not None:
                    self.removeItem(item)
                item = make_item(group)
                self._items[owner] = item
                self.addItem(item)
                touched.add(owner)
            elif item.group is not group:  # (a reused group: nothing to do)
                moved = self._moved.get(owner)
                if moved is not None and item.group is moved[0]:
                    _shift_item(item, group, moved[1], moved[2])
                    touched.add(owner)
                elif item.set_group(group):
                    touched.add(owner)
            if isinstance(item, PersonItem) and not item.pos().isNull():
                item.setPos(0.0, 0.0)  # a finished drag: the layout now holds the nudge
        self._layout = layout
        rect = QRectF(-SCENE_PAD, -SCENE_PAD, layout.width + 2 * SCENE_PAD,
                      layout.height + 2 * SCENE_PAD)
        if rect != self.sceneRect():
            self.setSceneRect(rect)
        self.touched = touched
        self.relaid.emit()


def _only_moved(old: tuple[Any, ...], new: tuple[Any, ...]) -> bool:
    """Whether a person's drawing keys differ only in where the symbol's centre is."""
    a, b = old[1], new[1]
    return (old[0] == new[0] and old[2:] == new[2:] and a.id == b.id and a.size == b.size)


def _shifted(group: Group, dx: float, dy: float) -> Group | None:
    """The same glyphs moved by (dx, dy); None for a kind of glyph this does not know.

    Copies each frozen glyph's fields and moves only its coordinates, so glyphs that gain new
    fields later still copy whole."""
    out: list[Any] = []
    for g in group.children:
        kind = type(g)
        if kind is Group:
            inner = _shifted(g, dx, dy)  # type: ignore[arg-type]
            if inner is None:
                return None
            out.append(inner)
            continue
        new = object.__new__(kind)
        fields = new.__dict__
        fields.update(g.__dict__)
        if kind is Line or kind is Polygon:
            fields["points"] = tuple((x + dx, y + dy) for x, y in fields["points"])
        elif kind is Rect or kind is Text or kind is Image:
            fields["x"] += dx
            fields["y"] += dy
        elif kind is Circle or kind is Cross:
            fields["cx"] += dx
            fields["cy"] += dy
        else:
            return None
        out.append(new)
    return Group(group.owner, group.kind, tuple(out))


def _shift_item(item: GlyphItem, group: Group, dx: float, dy: float) -> None:
    """`item.set_group(group)` for glyphs that only moved: the measured rectangles move with
    them instead of being measured again from every glyph (most of an update's cost when a
    relayout shifts a whole row)."""
    item.prepareGeometryChange()
    item._group = group
    item._ink = item._ink.translated(dx, dy)
    item._rect = item._rect.translated(dx, dy)
    item._shape = None
    item.updates += 1
    item.update()


class _WithHints:
    """A case seen with other layout hints: for the drag preview only, never edited."""

    def __init__(self, case: Case, hints: Any) -> None:
        self._case = case
        self.hints = hints

    def __getattr__(self, name: str) -> Any:
        return getattr(self._case, name)
