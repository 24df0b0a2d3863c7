"""Drawing primitives shared by the genogram and its legend, so a sample in the key is the
very glyph the drawing uses. Each takes plain positions and returns glyphs; styles come from
`styles.py` only.
"""
from __future__ import annotations

import math

from ..model import BondKind, ChildKind, Gender, PersonKind, UnionKind
from . import styles as S
from .geometry import arrowhead
from .glyphs import Circle, Cross, Glyph, Line, Point, Polygon, Rect, Text
from .metrics import LABEL_GAP, LABEL_LEADING, LABEL_SIZE, text_width


def _line(points: tuple[Point, ...], st: S.Stroke) -> Line:
    return Line(points, st.colour, st.width, st.dash, st.variant, st.spacing)


def halo(text: Text, pad: float = 1.5) -> Rect:
    """A white patch behind a line of text, so lines running under it do not cross the words."""
    w = text_width(text.text, text.size, text.role)
    left = text.x - (w / 2 if text.anchor == "middle" else w if text.anchor == "end" else 0.0)
    return Rect(left - pad, text.y - text.size * 0.82, w + 2 * pad, text.size * 1.1,
                colour=None, line_width=0.0, fill=S.PAPER)


def with_halo(text: Text) -> list[Glyph]:
    return [halo(text), text]


def _outline(shape: str, cx: float, cy: float, size: float, grow: float = 0.0,
             fill: str | None = S.SYMBOL_FILL) -> Glyph:
    st = S.SYMBOL_STROKE
    h = size / 2 + grow
    if shape == "square":
        return Rect(cx - h, cy - h, 2 * h, 2 * h, st.colour, st.width, fill)
    if shape == "circle":
        return Circle(cx, cy, h, st.colour, st.width, fill)
    if shape == "diamond":
        h *= 1.08  # a diamond looks smaller than a square of the same size
        return Polygon(((cx, cy - h), (cx + h, cy), (cx, cy + h), (cx - h, cy)), st.colour, st.width, fill)
    if shape == "triangle":
        return Polygon(((cx, cy - h), (cx + h, cy + h * 0.85), (cx - h, cy + h * 0.85)), st.colour, st.width, fill)
    raise ValueError(shape)


def person_symbol(cx: float, cy: float, size: float, gender: Gender, kind: PersonKind = PersonKind.PERSON,
                  dead: bool = False, index: bool = False, age: str = "") -> list[Glyph]:
    """A person's symbol: shape by gender (or by kind for pregnancies and losses), the index
    child's double outline, the deceased X, and the age inside."""
    out: list[Glyph] = []
    shape = S.GENDER_SHAPES[gender]
    if kind is PersonKind.PREGNANCY:
        out.append(_outline("triangle", cx, cy, size))
    elif kind is PersonKind.MISCARRIAGE:
        out.append(Circle(cx, cy, size * 0.3, S.INK, 1.0, S.INK))
    elif kind is PersonKind.TERMINATION:
        out.append(Cross(cx, cy, size * 0.32, S.INK, 1.6))
    elif kind is PersonKind.STILLBIRTH:
        out.append(_outline(shape, cx, cy, size))
        out.append(Cross(cx, cy, _x_reach(shape, size), S.INK, 1.2))
    else:
        if index:
            out.append(_outline(shape, cx, cy, size, grow=S.INDEX_GAP, fill=S.PAPER))
        out.append(_outline(shape, cx, cy, size))
        if dead:
            out.append(Cross(cx, cy, _x_reach(shape, size), S.DECEASED.colour, S.DECEASED.width))
        diamond = shape == "diamond"
        if gender is Gender.UNKNOWN:
            mark = Text(cx, cy - size * (0.12 if age else -0.14), S.UNKNOWN_MARK,
                        8.0 if age else S.AGE_SIZE, "bold", "middle", S.MUTED)
            out.append(mark)
        if age:
            t = Text(cx, cy + (size * 0.3 if gender is Gender.UNKNOWN else S.AGE_SIZE * 0.36), age,
                     S.AGE_SIZE_SMALL if diamond else S.AGE_SIZE, "bold", "middle", S.INK)
            out.extend(with_halo(t) if dead else [t])
    return out


def _x_reach(shape: str, size: float) -> float:
    """How far the deceased X reaches so its ends touch the outline."""
    return {"square": size / 2, "circle": size / 2 * math.sqrt(0.5), "diamond": size / 4 * 1.08,
            "triangle": size / 4}[shape] - 0.5


def label_glyphs(cx: float, symbol_bottom: float, lines: list[str]) -> list[Glyph]:
    """The name and years under a symbol, each line on a white patch."""
    out: list[Glyph] = []
    y = symbol_bottom + LABEL_GAP + LABEL_SIZE * 0.85
    for line in lines:
        out.extend(with_halo(Text(cx, y, line, LABEL_SIZE, "regular", "middle", S.INK)))
        y += LABEL_LEADING
    return out


def union_line(kind: UnionKind, points: tuple[Point, ...], mark_x: float) -> list[Glyph]:
    """The partnership line (through `points`), with its slashes or ring centred on `mark_x`
    of the horizontal stretch, which is the segment at points[1]→points[2] (or the only one)."""
    style = S.UNION_STYLES[kind]
    out: list[Glyph] = [_line(points, style.stroke)]
    y = points[1][1] if len(points) > 2 else points[0][1]
    for i in range(style.slashes):
        x = mark_x + (i - (style.slashes - 1) / 2) * 5.0
        out.append(Line(((x - 3.0, y + 6.0), (x + 3.0, y - 6.0)), S.INK, 1.4))
    if style.ring:
        out.append(Circle(mark_x, y, 3.2, S.INK, 1.2, S.PAPER))
    return out


def union_dates(kind: UnionKind, started: str, separated: str, ended: str) -> str:
    parts = []
    if started:
        parts.append(f"{S.STARTED_WORD[kind]} {started}")
    if separated:
        parts.append(f"{S.SEPARATED_WORD} {separated}")
    if ended:
        parts.append(f"{S.ENDED_WORD.get(kind, S.ENDED_DEFAULT)} {ended}")
    return "  ".join(parts)


def child_line(kind: ChildKind, points: tuple[Point, ...]) -> list[Glyph]:
    return [_line(points, S.CHILD_STYLES[kind].stroke)]


def adoption_brackets(cx: float, cy: float, size: float) -> list[Glyph]:
    """[ ] round an adopted child's symbol."""
    h, reach, lip = size / 2 + 4.0, size / 2 + 6.0, 4.0
    left = Line(((cx - reach + lip, cy - h), (cx - reach, cy - h), (cx - reach, cy + h), (cx - reach + lip, cy + h)),
                S.INK, 1.1)
    right = Line(((cx + reach - lip, cy - h), (cx + reach, cy - h), (cx + reach, cy + h), (cx + reach - lip, cy + h)),
                 S.INK, 1.1)
    return [left, right]


def bond_line(kind: BondKind, points: tuple[Point, ...], directed: bool) -> list[Glyph]:
    """An emotional relationship along `points` (from a to b); an arrowhead at b when directed."""
    st = S.BOND_STYLES[kind].stroke
    if not directed or len(points) < 2:
        return [_line(points, st)]
    (ax, ay), (bx, by) = points[-2], points[-1]
    seg = math.hypot(bx - ax, by - ay) or 1.0
    d = ((bx - ax) / seg, (by - ay) / seg)
    head = arrowhead(points[-1], d, S.ARROW_LENGTH + st.width, S.ARROW_HALF_WIDTH + st.width)
    back = min(S.ARROW_LENGTH, seg * 0.9)
    shaft = (*points[:-1], (bx - d[0] * back, by - d[1] * back))
    return [_line(shaft, st), Polygon(head, st.colour, 0.8, st.colour)]


def household_region(loops: list[tuple[Point, ...]], name: str, label_at: Point) -> list[Glyph]:
    """A household drawn as one or more closed rounded outlines, its name at `label_at`
    (the start of the text, on the top edge of its first outline)."""
    st = S.HOUSEHOLD
    out: list[Glyph] = [Polygon(loop, st.colour, st.width, None, st.dash) for loop in loops]
    if name:
        t = Text(label_at[0], label_at[1] + S.HOUSEHOLD_LABEL_SIZE * 0.35, name, S.HOUSEHOLD_LABEL_SIZE, "bold",
                 "start", st.colour)
        out.extend(with_halo(t))
    return out


def household_outline(x0: float, y0: float, x1: float, y1: float, name: str) -> list[Glyph]:
    st = S.HOUSEHOLD
    radius = min(S.HOUSEHOLD_RADIUS, (y1 - y0) / 2, (x1 - x0) / 2)
    out: list[Glyph] = [Rect(x0, y0, x1 - x0, y1 - y0, st.colour, st.width, None, st.dash, radius)]
    if name:
        t = Text(x0 + S.HOUSEHOLD_RADIUS + 2, y0 + S.HOUSEHOLD_LABEL_SIZE * 0.35, name,
                 S.HOUSEHOLD_LABEL_SIZE, "bold", "start", st.colour)
        out.extend(with_halo(t))
    return out
