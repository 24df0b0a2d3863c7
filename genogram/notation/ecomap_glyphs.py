"""The ecomap as glyphs: Hartman's lines, energy arrows, category circles, the household inside.

Drawing order is back to front: the centre (with the household's small genogram, the
genogram's own glyphs scaled down), the connection lines (which stop at the centre's edge, or
run on to one person in it), the systems, then the numbered notes.
Every group carries the id of what it shows so the canvas can hit-test and select.
Styles come from `ecomap_styles.py` (and through it the genogram's `styles.py`) only.
"""
from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import replace

from ..ecomap_palette import load_palette
from ..layout.ecomap import MARGIN, PICTURE, SYSTEM_FONT_SIZE, SYSTEM_LEADING, EcomapLayout
from ..layout.ecomap_centre import household_glyphs
from ..model import Case, EcoConnection, Energy, Quality
from ..model.family import id_order
from . import ecomap_styles as E
from .draw import with_halo
from .genogram import mask_glyphs, mask_private
from .geometry import arrowhead, point_at
from .glyphs import Circle, Cross, Glyph, Group, Image, Line, Point, Polygon, Rect, Text
from .metrics import text_width
from .styles import INK, PAPER, Stroke


def ecomap_glyphs(case: Case, layout: EcomapLayout, notes: bool = True) -> list[Glyph]:
    """Everything the ecomap shows; `notes` adds the numbered list of what helps, what is hard."""
    conns = sorted((c for c in case.records("eco_connections") if c.id in layout.connections),
                   key=lambda c: id_order(c.id))
    numbered = [c for c in conns if c.helps.strip() or c.hard.strip()] if notes else []
    number = {c.id: i for i, c in enumerate(numbered, start=1)}
    out: list[Glyph] = [centre_group(case, layout)]
    out += [connection_group(case, layout, c, number.get(c.id)) for c in conns]
    out += [system_group(layout, sid, _media_source(case)) for sid in sorted(layout.systems, key=id_order)]
    if numbered:
        out.append(notes_group(layout, numbered))
    return mask_glyphs(case, out, layout.private_names)  # "Karen and Pauline help…": no names


# ---- connections ------------------------------------------------------------------------------
def _line(points: tuple[Point, ...], st: Stroke) -> Line:
    return Line(points, st.colour, st.width, st.dash, st.variant, st.spacing)


def connection_line(quality: Quality, stress: bool, energy: Energy,
                    points: tuple[Point, ...], keep_clear: float = 0.0) -> list[Glyph]:
    """One connection from the system (first point) to the family (last point).

    Also used by the key, so a sample there is the very glyph the drawing uses. Stress marks
    stay `keep_clear` away from the system's end (where a name or a note number sits).
    """
    st = E.CONNECTION_STYLES[quality].stroke
    length, width = E.ENERGY_ARROW_LENGTH + st.width, E.ENERGY_ARROW_HALF + st.width
    if st.variant == "triple":
        width += st.spacing  # the head spans all three strokes
    shaft = points
    heads: list[Glyph] = []
    if energy in (Energy.TO_FAMILY, Energy.BOTH):
        tip, d = _end(shaft, at_start=False)
        heads.append(Polygon(arrowhead(tip, d, length, width), st.colour, 0.8, st.colour))
        shaft = _trim(shaft, length * 0.9, at_start=False)
    if energy in (Energy.FROM_FAMILY, Energy.BOTH):
        tip, d = _end(shaft if energy is Energy.FROM_FAMILY else points, at_start=True)
        heads.append(Polygon(arrowhead(tip, d, length, width), st.colour, 0.8, st.colour))
        shaft = _trim(shaft, length * 0.9, at_start=True)
    out: list[Glyph] = [_line(shaft, st)]
    if stress and quality is not Quality.STRESSFUL:  # a zigzag already says "stressful"
        family_arrow = length if energy in (Energy.TO_FAMILY, Energy.BOTH) else 0.0
        total = math.dist(points[0], points[1])
        out += hatch_marks(points[:2], quality is Quality.BROKEN,
                           keep_clear, total - family_arrow - 3.0)
    return out + heads


def _end(points: tuple[Point, ...], at_start: bool) -> tuple[Point, Point]:
    """An end point of the line and the unit direction an arrowhead there points."""
    (ax, ay), (bx, by) = (points[1], points[0]) if at_start else (points[-2], points[-1])
    seg = math.hypot(bx - ax, by - ay) or 1.0
    return (bx, by), ((bx - ax) / seg, (by - ay) / seg)


def _trim(points: tuple[Point, ...], by: float, at_start: bool) -> tuple[Point, ...]:
    """The line shortened at one end, so a thick or triple line stops inside its arrowhead."""
    tip, (dx, dy) = _end(points, at_start)
    moved = (tip[0] - dx * by, tip[1] - dy * by)
    return (moved, *points[1:]) if at_start else (*points[:-1], moved)


def hatch_marks(points: tuple[Point, ...], broken: bool = False, lo: float = 0.0,
                hi: float | None = None) -> list[Glyph]:
    """Short bars across the middle of a line (or of its free part, from arc length `lo` to
    `hi`): stress, on a line of any strength."""
    total = sum(math.dist(a, b) for a, b in zip(points, points[1:]))
    hi = total if hi is None else hi
    if hi - lo < E.HATCH_EVERY + 6.0:  # no room beside the words: use the whole line
        lo, hi = 0.0, total
    span = min((hi - lo) * E.HATCH_SPAN, E.HATCH_EVERY * (E.HATCH_MAX - 1))
    count = max(2, int(span / E.HATCH_EVERY) + 1)
    start = (lo + hi - (count - 1) * E.HATCH_EVERY) / 2
    out: list[Glyph] = []
    for i in range(count):
        s = start + i * E.HATCH_EVERY
        if broken and abs(s - total / 2) < 9.0:  # leave the break itself clear
            continue
        (x, y), (dx, dy) = point_at(points, s)
        h = E.HATCH_HALF
        ends = ((x - dy * h + dx * 2, y + dx * h + dy * 2),
                (x + dy * h - dx * 2, y - dx * h - dy * 2))
        out.append(Line(ends, E.HATCH.colour, E.HATCH.width))
    return out


def connection_group(case: Case, layout: EcomapLayout, c: EcoConnection,
                     number: int | None) -> Group:
    place = layout.connections[c.id]
    start = place.points[0]
    clear = 0.0
    if place.label_at is not None:
        clear = math.dist(start, place.label_at) + 12.0
    if number is not None:
        clear = max(clear, math.dist(start, place.badge_at) + E.NOTE_BADGE_R + 4.0)
    glyphs = connection_line(c.quality, c.stress, c.energy, place.points, clear)
    if place.label_at is not None:
        x, y = place.label_at
        label = Text(x, y + E.PERSON_LABEL_SIZE * 0.35, place.person_label, E.PERSON_LABEL_SIZE,
                     "bold", "middle", INK)
        glyphs += with_halo(label)
    if number is not None:
        glyphs += note_badge(*place.badge_at, number)
    return Group(c.id, "eco_connection", tuple(glyphs))


def note_badge(x: float, y: float, number: int) -> list[Glyph]:
    r = E.NOTE_BADGE_R + (2.0 if number >= 10 else 0.0)
    return [Circle(x, y, r, INK, 0.9, E.NOTE_BADGE_FILL),
            Text(x, y + 2.9, str(number), 8.0, "bold", "middle", INK)]


# ---- the centre and the systems -----------------------------------------------------------------
def centre_group(case: Case, layout: EcomapLayout) -> Group:
    c = layout.centre
    st = E.CENTRE_STROKE
    out: list[Glyph] = [Circle(c.cx, c.cy, c.r, st.colour, st.width, E.CENTRE_FILL),
                        Text(c.cx, c.title_y, c.title, E.CENTRE_TITLE_SIZE, "bold", "middle", INK)]
    if c.household is not None:
        ox, oy = c.origin
        out += [scaled(g, c.scale, ox, oy) for g in household_glyphs(case, c.household)]
    return Group(layout.ecomap_id, "eco_centre", tuple(out))


PICTURE_MAX = 32.0


def _media_source(case: Case) -> Callable[[str], bytes | None]:
    """The case's own pictures (a child's drawing) by name, for media: references."""
    def source(name: str) -> bytes | None:
        return case.media(name) if name in case.media_names() else None
    return source


def picture_size(r: float, lines: tuple[str, ...]) -> float:
    """The largest picture (up to PICTURE_MAX) that fits above the name inside a circle of
    radius `r`, the name's corners inside too: the layout keeps room for at least PICTURE, a
    roomier circle gets a bigger picture."""
    text_w = max((text_width(t, SYSTEM_FONT_SIZE) for t in lines), default=0.0)
    room = (r - 3.0) ** 2
    size = PICTURE_MAX
    while size > PICTURE:
        half = (size + 2.0 + SYSTEM_LEADING * max(1, len(lines))) / 2  # block's half height
        if (size / 2) ** 2 + half ** 2 <= room and (text_w / 2) ** 2 + half ** 2 <= room:
            return size
        size -= 2.0
    return PICTURE


def system_group(layout: EcomapLayout, sid: str,
                 source: Callable[[str], bytes | None] | None = None) -> Group:
    """A system's circle in its category colour, its picture above its name, in dark text.

    The layout sized the circle for a PICTURE square above the name; a system without a
    picture keeps its name centred."""
    s = layout.systems[sid]
    pal = load_palette()
    st = E.SYSTEM_STROKE
    out: list[Glyph] = [Circle(s.cx, s.cy, s.r, st.colour, st.width, pal.colour(s.category))]
    first = s.cy - SYSTEM_LEADING * (len(s.lines) - 1) / 2 + SYSTEM_FONT_SIZE * 0.35
    if s.picture:
        size = picture_size(s.r, s.lines)
        top = s.cy - (size + 2.0 + SYSTEM_LEADING * len(s.lines)) / 2
        out.append(Image(s.cx - size / 2, top, size, size, s.picture, source))
        first = top + size + 2.0 + SYSTEM_FONT_SIZE * 0.95
    for i, line in enumerate(s.lines):
        out.append(Text(s.cx, first + i * SYSTEM_LEADING, line, SYSTEM_FONT_SIZE, "regular",
                         "middle", pal.text_colour))
    return Group(sid, "eco_system", tuple(out))


def scaled(g: Glyph, s: float, ox: float, oy: float) -> Glyph:
    """A glyph drawn at (ox + s·x, oy + s·y), its strokes and type scaled with it."""
    def p(pt: Point) -> Point:
        return ox + s * pt[0], oy + s * pt[1]

    if isinstance(g, Group):
        return replace(g, children=tuple(scaled(c, s, ox, oy) for c in g.children))
    if isinstance(g, Line):
        return replace(g, points=tuple(map(p, g.points)), width=g.width * s,
                       dash=tuple(d * s for d in g.dash), spacing=g.spacing * s)
    if isinstance(g, Polygon):
        return replace(g, points=tuple(map(p, g.points)), line_width=g.line_width * s,
                       dash=tuple(d * s for d in g.dash))
    if isinstance(g, Rect):
        x, y = p((g.x, g.y))
        return replace(g, x=x, y=y, width=g.width * s, height=g.height * s,
                       line_width=g.line_width * s, dash=tuple(d * s for d in g.dash),
                       radius=g.radius * s)
    if isinstance(g, Circle):
        x, y = p((g.cx, g.cy))
        return replace(g, cx=x, cy=y, r=g.r * s, line_width=g.line_width * s,
                       dash=tuple(d * s for d in g.dash))
    if isinstance(g, Image):
        x, y = p((g.x, g.y))
        return replace(g, x=x, y=y, width=g.width * s, height=g.height * s)
    if isinstance(g, Cross):
        x, y = p((g.cx, g.cy))
        return replace(g, cx=x, cy=y, half=g.half * s, width=g.width * s)
    x, y = p((g.x, g.y))
    return replace(g, x=x, y=y, size=g.size * s)


# ---- notes ------------------------------------------------------------------------------------
def note_text(layout: EcomapLayout, c: EcoConnection) -> str:
    parts = [layout.systems[c.system].name + ":"]
    if c.helps.strip():
        parts.append(f"{E.HELPS_WORD} {c.helps.strip()}")
    if c.hard.strip():
        parts.append(f"{E.HARD_WORD} {c.hard.strip()}")
    return mask_private(" ".join(parts), layout.private_names)


def _wrap(text: str, width: float, size: float) -> list[str]:
    """Greedy word wrap with no line limit (notes are listed whole)."""
    lines: list[str] = []
    cur = ""
    for word in text.split():
        trial = f"{cur} {word}".strip()
        if cur and text_width(trial, size) > width:
            lines.append(cur)
            cur = word
        else:
            cur = trial
    return lines + ([cur] if cur else [])


def notes_group(layout: EcomapLayout, numbered: list[EcoConnection]) -> Group:
    """The numbered notes under the drawing, in the order of their numbers."""
    x = MARGIN
    width = max(layout.width - 2 * MARGIN, 320.0)
    y = layout.height + E.NOTE_SIZE
    out: list[Glyph] = [Text(x, y, E.NOTE_LIST_TITLE, E.NOTE_SIZE + 1.5, "bold", "start", INK)]
    y += E.NOTE_LEADING + 6.0
    for i, c in enumerate(numbered, start=1):
        out += note_badge(x + E.NOTE_BADGE_R, y - 3.0, i)
        for line in _wrap(note_text(layout, c), width - 24.0, E.NOTE_SIZE):
            out.append(Text(x + 20.0, y, line, E.NOTE_SIZE, "regular", "start", INK))
            y += E.NOTE_LEADING
        y += 4.0
    out.insert(0, Rect(x - 4, layout.height - 4, width + 8, y - layout.height,
                       colour=None, line_width=0.0, fill=PAPER))
    return Group(layout.ecomap_id, "eco_notes", tuple(out))
