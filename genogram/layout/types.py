"""The geometry a genogram layout produces; the notation draws glyphs at these places.

Units are points (1/72 inch); x grows right, y grows down; (0, 0) is the top-left of the
drawing. Everything here is plain floats: no Qt.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    width: float
    height: float

    @property
    def right(self) -> float:
        return self.x + self.width

    @property
    def bottom(self) -> float:
        return self.y + self.height

    def overlaps(self, other: Box, tol: float = 0.01) -> bool:
        return (self.x < other.right - tol and other.x < self.right - tol
                and self.y < other.bottom - tol and other.y < self.bottom - tol)


@dataclass(frozen=True)
class PersonPlace:
    """Where one person is drawn: `cx`, `cy` is the centre of the symbol, `box` holds symbol and label."""

    id: str
    generation: int
    cx: float
    cy: float
    size: float  # the symbol's width and height (losses are drawn smaller)
    box: Box


@dataclass(frozen=True)
class UnionPlace:
    """A partnership line and the line down to its children.

    The partnership line runs at `bar_y` from `x1` to `x2`, each partner joining it vertically:
    at the symbols' mid-height for neighbours, below the row's labels when it passes over other
    people, and just above the lower partner's symbol when the partners are on different rows
    (a partnership across generations). The child line drops from (`drop_x`, `bar_y`) to the
    sibling bar at `sib_y`, which is stepped when bars of different families would overlap.
    `partners` are in left-to-right order.
    """

    id: str
    partners: tuple[str, str]
    x1: float
    x2: float
    bar_y: float
    drop_x: float
    sib_y: float
    children: tuple[str, ...] = ()


@dataclass
class GenogramLayout:
    people: dict[str, PersonPlace] = field(default_factory=dict)
    unions: dict[str, UnionPlace] = field(default_factory=dict)
    width: float = 0.0
    height: float = 0.0

    def bounds(self) -> Box:
        return Box(0.0, 0.0, self.width, self.height)
