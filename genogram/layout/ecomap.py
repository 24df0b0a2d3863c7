"""Radial ecomap layout: the family in a centre circle, its systems around it by category.

A pure function of the case: systems are grouped by category into angular sectors (the
palette's order, starting at the top and going clockwise), on one ring, or on two staggered
rings when that is smaller, so that each outer line passes between two inner circles.
Nothing overlaps: not the circles, not the centre, and no line runs through a circle.

A system the user has placed keeps its place: `EcoSystem.position` is the centre of its circle
in points, relative to the centre of the ecomap (x right, y down), so it survives the drawing
growing around it. The others are placed around those.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

from ..ecomap_palette import load_palette
from ..model import Case, Centre, EcoConnection, Ecomap, EcoSystem, UnknownIdError
from ..model.family import id_order
from ..pictures import suggest
from ..notation.ecomap_styles import CENTRE_TITLE_SIZE, HOUSEHOLD_SCALE
from ..notation.metrics import text_width, wrap
from .ecomap_rings import Point, nearest_clear, place
from .genogram import layout_genogram
from .types import Box, GenogramLayout

SYSTEM_FONT_SIZE = 10.0  # never smaller: the ecomap is read across a sofa or a room
SYSTEM_LEADING = 12.0
SYSTEM_TEXT_WIDTH = 72.0  # names wrap to two lines within this
PICTURE = 20.0  # square kept above the name for the system's pictogram
MIN_SYSTEM_R = 38.0
MIN_CENTRE_R = 56.0
CENTRE_PAD = 8.0  # between the centre's contents and its circle
TITLE_GAP = 4.0  # between the centre's title and the household drawn under it
LINE_PITCH = 16.0  # room round the centre's edge for each line and its arrowhead
LINE_SPACING = 7.0  # between two connections to the same system
MARGIN = 24.0


@dataclass(frozen=True)
class CentrePlace:
    """The centre circle: its title, and the household as a small genogram inside it.

    `household` is the genogram layout of the members at its own coordinates; a point (x, y)
    of it is drawn at (origin_x + scale * x, origin_y + scale * y). `inner` is that area.
    """

    cx: float
    cy: float
    r: float
    title: str
    title_y: float  # baseline of the title
    members: tuple[str, ...]
    inner: Box
    household: GenogramLayout | None = None
    scale: float = HOUSEHOLD_SCALE
    origin: Point = (0.0, 0.0)

    def person_at(self, pid: str) -> tuple[float, float, float] | None:
        """Where a household member's symbol is drawn: centre x, y and half its size."""
        place = self.household.people.get(pid) if self.household else None
        if place is None:
            return None
        ox, oy = self.origin
        return ox + self.scale * place.cx, oy + self.scale * place.cy, self.scale * place.size / 2

    @property
    def box(self) -> Box:
        return Box(self.cx - self.r, self.cy - self.r, 2 * self.r, 2 * self.r)


@dataclass(frozen=True)
class SystemPlace:
    """One system's circle; the name (and later its picture) is drawn inside it."""

    id: str
    name: str
    category: str
    picture: str  # a picture reference ("pictogram:school", "media:…") or ""
    cx: float
    cy: float
    r: float
    lines: tuple[str, ...]
    pinned: bool = False
    person: str | None = None

    @property
    def box(self) -> Box:
        return Box(self.cx - self.r, self.cy - self.r, 2 * self.r, 2 * self.r)


@dataclass(frozen=True)
class ConnectionPlace:
    """A connection's line: from the system's edge (x1, y1) to the centre's edge (x2, y2),
    then on inside the circle to the edge of one person's symbol when it is theirs."""

    id: str
    system: str
    x1: float
    y1: float
    x2: float
    y2: float
    to_person: Point | None = None

    @property
    def points(self) -> tuple[Point, ...]:
        """The whole line, from the system to the family."""
        ends: tuple[Point, ...] = ((self.x1, self.y1), (self.x2, self.y2))
        return ends + ((self.to_person,) if self.to_person else ())


@dataclass
class EcomapLayout:
    ecomap_id: str
    centre: CentrePlace
    systems: dict[str, SystemPlace] = field(default_factory=dict)
    connections: dict[str, ConnectionPlace] = field(default_factory=dict)
    width: float = 0.0
    height: float = 0.0

    def bounds(self) -> Box:
        return Box(0.0, 0.0, self.width, self.height)


# ---- reading the case ---------------------------------------------------------------------------
def find_ecomap(case: Case, ecomap_id: str | None = None) -> Ecomap:
    """The ecomap asked for, or the latest-dated one (undated ones count as oldest)."""
    maps: list[Ecomap] = case.records("ecomaps")
    if ecomap_id is not None:
        for m in maps:
            if m.id == ecomap_id:
                return m
        raise UnknownIdError(f"this case has no ecomap {ecomap_id!r}")
    if not maps:
        raise UnknownIdError("this case has no ecomap yet")
    return max(maps, key=lambda m: (m.date is not None, m.date.earliest() if m.date else 0,
                                    id_order(m.id)))


def centre_members(case: Case, eco: Ecomap) -> tuple[str, ...]:
    """Who is drawn in the centre: the child alone, or the people of the household."""
    fam = case.family
    focus = eco.centre_person or case.meta.index_person
    if eco.centre is Centre.CHILD:
        return (focus,) if focus and fam.has_person(focus) else ()
    hh = None
    if eco.household:
        hh = next((h for h in fam.households() if h.id == eco.household), None)
    elif focus and fam.has_person(focus):
        homes = fam.households_of(focus)
        hh = homes[0] if homes else None
    if hh is not None:
        return tuple(p for p in hh.members if fam.has_person(p))
    return (focus,) if focus and fam.has_person(focus) else ()


def centre_title(case: Case, eco: Ecomap) -> str:
    fam = case.family
    focus = eco.centre_person or case.meta.index_person
    if eco.centre is Centre.HOUSEHOLD and eco.household:
        hh = next((h for h in fam.households() if h.id == eco.household), None)
        if hh is not None and hh.name:
            return hh.name
    if focus and fam.has_person(focus):
        name = fam.person(focus).display_name
        if eco.centre is Centre.CHILD:
            return name
        return f"{fam.person(focus).short_name or name}'s home"
    return "The family"


def system_name(case: Case, s: EcoSystem) -> str:
    """A person on the ecomap is the same person as on the genogram: their current name."""
    if s.person and case.family.has_person(s.person):
        return case.family.person(s.person).display_name
    return s.name or "Unnamed"


# ---- sizes --------------------------------------------------------------------------------------
def system_radius(lines: list[str]) -> float:
    """The circle that holds the picture square and the wrapped name."""
    w = max([text_width(t, SYSTEM_FONT_SIZE) for t in lines] + [PICTURE])
    h = PICTURE + 2.0 + SYSTEM_LEADING * max(1, len(lines))
    return max(MIN_SYSTEM_R, math.hypot(w / 2, h / 2) + 4.0)


def _content_box(lay: GenogramLayout) -> Box:
    """What the household's genogram actually covers (its own margins left out)."""
    boxes = [p.box for p in lay.people.values()]
    if not boxes:
        return Box(0.0, 0.0, 0.0, 0.0)
    x0, y0 = min(b.x for b in boxes), min(b.y for b in boxes)
    x1, y1 = max(b.right for b in boxes), max(b.bottom for b in boxes)
    return Box(x0, y0, x1 - x0, y1 - y0)


def _centre(case: Case, eco: Ecomap, members: tuple[str, ...],
            lines: int) -> tuple[float, str, float, GenogramLayout | None]:
    """The centre's radius, title, title block height and the household genogram it holds.

    Big enough for its contents, and for `lines` connections to meet its edge apart."""
    title = centre_title(case, eco)
    title_w = text_width(title, CENTRE_TITLE_SIZE, "bold")
    household = layout_genogram(case, people=set(members)) if members else None
    content = _content_box(household) if household else Box(0.0, 0.0, 0.0, 0.0)
    w, h = content.width * HOUSEHOLD_SCALE, content.height * HOUSEHOLD_SCALE
    block_w = max(w, title_w)
    block_h = CENTRE_TITLE_SIZE + (TITLE_GAP + h if h else 0.0)
    r = max(MIN_CENTRE_R, math.hypot(block_w / 2, block_h / 2) + CENTRE_PAD,
            lines * LINE_PITCH / (2 * math.pi))
    return r, title, block_h, household


# ---- the layout ---------------------------------------------------------------------------------
def layout_ecomap(case: Case, ecomap_id: str | None = None, *,
                  include_private: bool = True) -> EcomapLayout:
    """Place the centre, every system of the ecomap and every connection line."""
    eco = find_ecomap(case, ecomap_id)
    palette = load_palette()
    systems = [s for s in case.records("eco_systems")
               if s.ecomap == eco.id and (include_private or not s.private)]
    members = centre_members(case, eco)
    shown = {s.id for s in systems}
    lines = sum(1 for c in case.records("eco_connections")
                if c.ecomap == eco.id and c.system in shown)
    rc, title, block_h, household = _centre(case, eco, members, lines)
    labels = {s.id: wrap(system_name(case, s), SYSTEM_TEXT_WIDTH, SYSTEM_FONT_SIZE)
              for s in systems}
    r = max([system_radius(v) for v in labels.values()] + [MIN_SYSTEM_R])

    pinned = [s for s in systems if s.position is not None]
    free = sorted((s for s in systems if s.position is None),
                  key=lambda s: (palette.order(s.category), s.category, id_order(s.id)))
    placed: list[Point] = [(float(s.position[0]), float(s.position[1]))  # type: ignore[index]
                           for s in pinned]
    spots = place([s.category for s in free], placed, rc, r)
    centres: dict[str, Point] = {s.id: p for s, p in zip(pinned, placed)}
    for s, (x, y) in zip(free, spots):
        if pinned:  # the rings step round pins; make sure, spot by spot
            x, y = nearest_clear(x, y, placed, rc, r)
        placed.append((x, y))
        centres[s.id] = (x, y)

    # everything relative to the centre so far; shift so the drawing starts at MARGIN
    xs = [-rc] + [x - r for x, _ in placed]
    ys = [-rc] + [y - r for _, y in placed]
    x_hi = max([rc] + [x + r for x, _ in placed])
    y_hi = max([rc] + [y + r for _, y in placed])
    dx, dy = MARGIN - min(xs), MARGIN - min(ys)
    centre = _centre_place(dx, dy, rc, title, block_h, members, household)
    out = EcomapLayout(eco.id, centre, width=x_hi + dx + MARGIN, height=y_hi + dy + MARGIN)
    for s in systems:
        x, y = centres[s.id]
        out.systems[s.id] = SystemPlace(
            s.id, system_name(case, s), s.category, _picture(s),
            x + dx, y + dy, r, tuple(labels[s.id]), s.position is not None, s.person)
    _connect(case, eco, out)
    return out


def _picture(s: EcoSystem) -> str:
    """The system's own picture, else the palette's pictogram, else one its name suggests."""
    if s.picture:
        return s.picture
    kind = load_palette().find(s.name)
    keywords = [kind.picture] if kind else suggest(s.name, limit=1)
    return f"pictogram:{keywords[0]}" if keywords else ""


def _centre_place(cx: float, cy: float, rc: float, title: str, block_h: float,
                  members: tuple[str, ...], household: GenogramLayout | None) -> CentrePlace:
    """Title on top, the household centred under it, the whole block centred in the circle."""
    top = cy - block_h / 2
    title_y = top + CENTRE_TITLE_SIZE * 0.8
    if household is None or not household.people:
        return CentrePlace(cx, cy, rc, title, title_y, members, Box(cx, cy, 0.0, 0.0))
    content = _content_box(household)
    s = HOUSEHOLD_SCALE
    inner = Box(cx - content.width * s / 2, top + CENTRE_TITLE_SIZE + TITLE_GAP,
                content.width * s, content.height * s)
    origin = (inner.x - content.x * s, inner.y - content.y * s)
    return CentrePlace(cx, cy, rc, title, title_y, members, inner, household, s, origin)


def _connect(case: Case, eco: Ecomap, out: EcomapLayout) -> None:
    """Lines run along the ray from the centre; several to one system run side by side."""
    conns: list[EcoConnection] = [c for c in case.records("eco_connections")
                                  if c.ecomap == eco.id and c.system in out.systems]
    by_system: dict[str, list[EcoConnection]] = {}
    for c in conns:
        by_system.setdefault(c.system, []).append(c)
    cx, cy, rc = out.centre.cx, out.centre.cy, out.centre.r
    for sid, group in by_system.items():
        s = out.systems[sid]
        dist = math.hypot(s.cx - cx, s.cy - cy) or 1.0
        ux, uy = (s.cx - cx) / dist, (s.cy - cy) / dist
        for k, c in enumerate(group):
            off = (k - (len(group) - 1) / 2) * LINE_SPACING
            ox, oy = -uy * off, ux * off
            a = math.sqrt(max(0.0, rc * rc - off * off))
            b = math.sqrt(max(0.0, s.r * s.r - off * off))
            x2, y2 = cx + ux * a + ox, cy + uy * a + oy
            out.connections[c.id] = ConnectionPlace(
                c.id, sid, s.cx - ux * b + ox, s.cy - uy * b + oy, x2, y2,
                _person_end(out.centre, c.person, x2, y2))


def _person_end(centre: CentrePlace, pid: str | None, x2: float, y2: float) -> Point | None:
    """The edge of a household member's symbol, on the side the line comes in from."""
    at = centre.person_at(pid) if pid else None
    if at is None:
        return None
    px, py, half = at
    d = math.hypot(x2 - px, y2 - py) or 1.0
    reach = half * 1.1 + 2.0  # clear of a circle, a square's corner or a diamond's point
    return px + (x2 - px) / d * reach, py + (y2 - py) / d * reach


def ecomap_json(case: Case, ecomap_id: str | None = None) -> dict[str, object]:
    """Each system's box and each connection, for `genogram layout CASE --what ecomap --json`."""
    lay = layout_ecomap(case, ecomap_id)
    conns = {c.id: c for c in case.records("eco_connections") if c.id in lay.connections}
    return {
        "unit": "pt",
        "systems": [{"id": s.id, "name": s.name, "x": _r(s.box.x), "y": _r(s.box.y),
                     "width": _r(s.box.width), "height": _r(s.box.height)}
                    for s in sorted(lay.systems.values(), key=lambda s: id_order(s.id))],
        "connections": [{"id": c.id, "system": c.system, "quality": c.quality.value,
                         "stress": c.stress, "energy": c.energy.value, "person": c.person}
                        for c in sorted(conns.values(), key=lambda c: id_order(c.id))],
        "bounds": {"x": 0.0, "y": 0.0, "width": _r(lay.width), "height": _r(lay.height)},
    }


def _r(v: float) -> float:
    return round(v, 2)
