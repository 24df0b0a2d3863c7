"""Backend-neutral glyphs: what to draw, in points, with no idea of Qt, PDF, SVG or pixels.

The notation decides every colour, dash and shape; a painter only turns these into calls.
Coordinates: x grows right, y grows down, units are points. Colours are "#rrggbb" strings;
`None` as a fill means no fill.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

Point = tuple[float, float]
Dash = tuple[float, ...]  # on, off, on, off … in points; () is solid

#: How a line is multiplied or shaped along its path (expanded by `geometry.line_paths`).
LineVariant = Literal["single", "double", "triple", "zigzag", "zigzag_double", "cut"]
FontRole = Literal["regular", "bold"]
Anchor = Literal["start", "middle", "end"]


@dataclass(frozen=True)
class Line:
    """An open polyline; `variant` says whether it is drawn as one, two or three strokes, or zigzag."""

    points: tuple[Point, ...]
    colour: str = "#222222"
    width: float = 1.0
    dash: Dash = ()
    variant: LineVariant = "single"
    spacing: float = 3.0  # between parallel strokes, or the zigzag's amplitude


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    width: float
    height: float
    colour: str | None = "#222222"  # outline; None: no outline
    line_width: float = 1.0
    fill: str | None = None
    dash: Dash = ()
    radius: float = 0.0  # rounded corners


@dataclass(frozen=True)
class Circle:
    cx: float
    cy: float
    r: float
    colour: str | None = "#222222"
    line_width: float = 1.0
    fill: str | None = None
    dash: Dash = ()


@dataclass(frozen=True)
class Polygon:
    """A closed shape: diamonds, triangles, arrowheads."""

    points: tuple[Point, ...]
    colour: str | None = "#222222"
    line_width: float = 1.0
    fill: str | None = None
    dash: Dash = ()


@dataclass(frozen=True)
class Cross:
    """An X centred on (cx, cy), reaching `half` in each direction (deceased, termination)."""

    cx: float
    cy: float
    half: float
    colour: str = "#222222"
    width: float = 1.0


@dataclass(frozen=True)
class Text:
    """One line of text; (x, y) is on the baseline, at the start, middle or end per `anchor`."""

    x: float
    y: float
    text: str
    size: float = 9.0
    role: FontRole = "regular"
    anchor: Anchor = "middle"
    colour: str = "#222222"


@dataclass(frozen=True)
class Image:
    """A picture fitted inside a box (aspect kept, centred): a bundled pictogram
    ("pictogram:KEYWORD") or a file of the case ("media:NAME"), whose bytes `source(NAME)`
    gives. A picture that cannot be found is left out, never drawn as an error."""

    x: float
    y: float
    width: float
    height: float
    ref: str
    source: Callable[[str], bytes | None] | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class Group:
    """Glyphs that belong to one thing the user can select: a person, union, link, bond, household."""

    owner: str
    kind: str  # "person", "union", "link", "bond", "household", "legend"
    children: tuple[Glyph, ...] = ()


Glyph = Line | Rect | Circle | Polygon | Cross | Text | Image | Group


def walk(glyphs: list[Glyph] | tuple[Glyph, ...]) -> list[Glyph]:
    """Every leaf glyph, groups flattened, in drawing order."""
    out: list[Glyph] = []
    for g in glyphs:
        if isinstance(g, Group):
            out.extend(walk(g.children))
        else:
            out.append(g)
    return out


def groups(glyphs: list[Glyph] | tuple[Glyph, ...], kind: str | None = None) -> list[Group]:
    """Every group (nested ones too), optionally only those of one kind."""
    out: list[Group] = []
    for g in glyphs:
        if isinstance(g, Group):
            if kind is None or g.kind == kind:
                out.append(g)
            out.extend(groups(g.children, kind))
    return out
