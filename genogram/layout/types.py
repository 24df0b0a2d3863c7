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


@dataclass(frozen=True)
class HouseholdRun:
    """Members of one household standing side by side on one row, with no one else between.

    `box` is the union of their boxes (symbol and label). Losses and pregnancies between two
    members do not break a run (they belong with their family), but a run never starts or ends
    on one, and no other person's box lies inside a run's box.
    """

    row: int
    members: tuple[str, ...]
    box: Box


@dataclass(frozen=True)
class HouseholdJoin:
    """Two runs of one household on neighbouring rows that may be drawn as one region.

    The band from `x0` to `x1`, between the bottom of run `upper` and the top of run `lower`
    (indices into `HouseholdPlace.runs`), lies over both runs and crosses only the gap between
    the rows, where no one stands.
    """

    upper: int
    lower: int
    x0: float
    x1: float


@dataclass(frozen=True)
class HouseholdPlace:
    """Where a household's outline goes: one rounded region per run, joined where `joins` says.

    Runs not joined to each other are separate outlines of the same household (a member who
    lives there but is drawn elsewhere in the family); the name goes on the first run.
    """

    id: str
    runs: tuple[HouseholdRun, ...]  # top to bottom, then left to right
    joins: tuple[HouseholdJoin, ...] = ()

    def regions(self) -> list[list[int]]:
        """Runs drawn as one outline (indices into `runs`, joined through `joins`), top first."""
        group = list(range(len(self.runs)))

        def root(i: int) -> int:
            while group[i] != i:
                i = group[i]
            return i

        for j in self.joins:
            a, b = root(j.upper), root(j.lower)
            group[max(a, b)] = min(a, b)
        out: dict[int, list[int]] = {}
        for i in range(len(self.runs)):
            out.setdefault(root(i), []).append(i)
        return list(out.values())


@dataclass
class GenogramLayout:
    people: dict[str, PersonPlace] = field(default_factory=dict)
    unions: dict[str, UnionPlace] = field(default_factory=dict)
    width: float = 0.0
    height: float = 0.0
    households: dict[str, HouseholdPlace] = field(default_factory=dict)  # by household id

    def bounds(self) -> Box:
        return Box(0.0, 0.0, self.width, self.height)
