"""Radial ecomap layout: the family in a centre circle, its systems around it by category.

A pure function of the case: systems are grouped by category into angular sectors (the
palette's order, starting at the top and going clockwise), on one ring, or on two staggered
rings when that is smaller, so that each outer line passes between two inner circles.
Nothing overlaps: not the circles, not the centre, and no line runs through a circle.

A system the user has placed keeps its place: `EcoSystem.position` is the centre of its circle
in points, relative to the centre of the ecomap (x right, y down), so it survives the drawing
growing around it. The others are placed around those.

Printouts pass `hide_private`: a private person of the genogram keeps their place on the
ecomap but is named "Private" (on their circle, on a line, in the centre), as on the genogram
printout. The screen shows the practitioner everything.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

from ..ecomap_palette import load_palette
from ..model import Case, EcoConnection, Ecomap, EcoSystem, Energy, UnknownIdError
from ..model.family import id_order
from ..notation.ecomap_styles import ENERGY_ARROW_LENGTH, NOTE_BADGE_R, PERSON_LABEL_SIZE
from ..notation.genogram import hidden_people, mask_private, private_names
from ..notation.metrics import text_width
from ..notation.styles import PRIVATE_LABEL
from ..pictures import suggest
from .ecomap_centre import CentrePlace, layout_centre
from .ecomap_rings import Point, nearest_clear, place
from .types import Box

SYSTEM_FONT_SIZE = 10.0  # never smaller: the ecomap is read across a sofa or a room
SYSTEM_LEADING = 12.0
SYSTEM_TEXT_WIDTH = 76.0  # names wrap within this …
MAX_NAME_LINES = 3  # … to at most three lines
PICTURE = 20.0  # square kept above the name for the system's pictogram
MIN_SYSTEM_R = 38.0
LINE_SPACING = 18.0  # between two connections to the same system: room for a name or a number each
MARGIN = 24.0
_ARROW_AT_SYSTEM = (Energy.FROM_FAMILY, Energy.BOTH)


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
    """A connection's line: from the system's edge (x1, y1) to the centre's edge (x2, y2).

    A connection with one person of the household names them on the line near the system
    (`person_label` centred at `label_at`) rather than running across the household drawing.
    `badge_at` is where a note's number goes.
    """

    id: str
    system: str
    x1: float
    y1: float
    x2: float
    y2: float
    badge_at: Point
    person: str | None = None
    person_label: str = ""
    label_at: Point | None = None

    @property
    def points(self) -> tuple[Point, Point]:
        """The line, from the system to the family."""
        return (self.x1, self.y1), (self.x2, self.y2)


@dataclass
class EcomapLayout:
    ecomap_id: str
    centre: CentrePlace
    systems: dict[str, SystemPlace] = field(default_factory=dict)
    connections: dict[str, ConnectionPlace] = field(default_factory=dict)
    width: float = 0.0
    height: float = 0.0
    #: On a printout that hides private people: their names, to be kept out of every text.
    private_names: tuple[str, ...] = ()

    def bounds(self) -> Box:
        return Box(0.0, 0.0, self.width, self.height)

    def to_position(self, x: float, y: float) -> tuple[float, float]:
        """What to store in `EcoSystem.position` for a system dropped with its centre at (x, y)
        of this drawing: the offset from the ecomap's centre, which later layouts keep."""
        return x - self.centre.cx, y - self.centre.cy


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


def system_name(case: Case, s: EcoSystem, hide_private: bool = False) -> str:
    """A person on the ecomap is the same person as on the genogram: their current name
    ("Private" on a printout that hides private people)."""
    if s.person and s.person in hidden_people(case, hide_private):
        return PRIVATE_LABEL
    if s.person and case.family.has_person(s.person):
        return case.family.person(s.person).display_name
    return s.name or "Unnamed"


# ---- sizes --------------------------------------------------------------------------------------
def system_radius(lines: list[str]) -> float:
    """The circle that holds the picture square and the wrapped name."""
    w = max([text_width(t, SYSTEM_FONT_SIZE) for t in lines] + [PICTURE])
    h = PICTURE + 2.0 + SYSTEM_LEADING * max(1, len(lines))
    return max(MIN_SYSTEM_R, math.hypot(w / 2, h / 2) + 4.0)


# ---- the layout ---------------------------------------------------------------------------------
def layout_ecomap(case: Case, ecomap_id: str | None = None, *, include_private: bool = True,
                  hide_private: bool | None = None) -> EcomapLayout:
    """Place the centre, every system of the ecomap and every connection line.

    `include_private=False` leaves out systems marked private; `hide_private` names private
    people of the genogram "Private" (by default: whenever private systems are left out)."""
    hide = (not include_private) if hide_private is None else hide_private
    eco = find_ecomap(case, ecomap_id)
    palette = load_palette()
    systems = [s for s in case.records("eco_systems")
               if s.ecomap == eco.id and (include_private or not s.private)]
    shown = {s.id for s in systems}
    conns = [c for c in case.records("eco_connections") if c.ecomap == eco.id and c.system in shown]
    centre = layout_centre(case, eco, len(conns), hide)
    rc = centre.r
    masked = hidden_people(case, hide)
    secret = private_names(case, masked) if masked else ()
    names = {s.id: mask_private(system_name(case, s, hide), secret) for s in systems}
    labels = {s.id: wrap_name(names[s.id]) for s in systems}
    r = max([system_radius(v) for v in labels.values()] + [MIN_SYSTEM_R])

    pinned = [s for s in systems if s.position is not None]
    free = sorted((s for s in systems if s.position is None),
                  key=lambda s: (palette.order(s.category), s.category, id_order(s.id)))
    placed: list[Point] = [(float(s.position[0]), float(s.position[1]))  # type: ignore[index]
                           for s in pinned]
    spots = place([s.category for s in free], placed, rc, r, _targets(centre, free, conns))
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
    centre = centre.moved(dx, dy)
    out = EcomapLayout(eco.id, centre, width=x_hi + dx + MARGIN, height=y_hi + dy + MARGIN,
                       private_names=secret)
    for s in systems:
        x, y = centres[s.id]
        out.systems[s.id] = SystemPlace(
            s.id, names[s.id], s.category, _picture(s, s.person in masked),
            x + dx, y + dy, r, tuple(labels[s.id]), s.position is not None, s.person)
    _connect(case, eco, out, masked)
    return out


def _targets(centre: CentrePlace, free: list[EcoSystem],
             conns: list[EcoConnection]) -> list[float | None]:
    """For each free system linked to one person in the centre, the angle of that person."""
    person = {c.system: c.person for c in conns if c.person}
    out: list[float | None] = []
    for s in free:
        at = centre.person_at(person[s.id]) if s.id in person else None  # type: ignore[arg-type]
        out.append(math.atan2(at[1] - centre.cy, at[0] - centre.cx) if at else None)
    return out


def wrap_name(name: str) -> list[str]:
    """A system's name in up to three lines inside its circle (the last ends with … if cut)."""
    lines: list[str] = []
    for word in name.split():
        trial = f"{lines[-1]} {word}" if lines else word
        if lines and text_width(trial, SYSTEM_FONT_SIZE) <= SYSTEM_TEXT_WIDTH:
            lines[-1] = trial
        else:
            lines.append(word)
    lines = [_fit(t) for t in lines] or [""]
    if len(lines) > MAX_NAME_LINES:
        lines = lines[:MAX_NAME_LINES - 1] + [_fit(" ".join(lines[MAX_NAME_LINES - 1:]), True)]
    return lines


def _fit(text: str, cut: bool = False) -> str:
    """`text` shortened with … until it fits the circle's text width."""
    if not cut and text_width(text, SYSTEM_FONT_SIZE) <= SYSTEM_TEXT_WIDTH:
        return text
    while text and text_width(text + "…", SYSTEM_FONT_SIZE) > SYSTEM_TEXT_WIDTH:
        text = text[:-1]
    return text.rstrip() + "…"


def _picture(s: EcoSystem, masked: bool = False) -> str:
    """The system's own picture, else the palette's pictogram, else one its name suggests.
    A masked private person shows no photo or drawing, and nothing their name suggests."""
    if masked:
        return s.picture if s.picture and s.picture.startswith("pictogram:") else ""
    if s.picture:
        return s.picture
    kind = load_palette().find(s.name)
    keywords = [kind.picture] if kind else suggest(s.name, limit=1)
    return f"pictogram:{keywords[0]}" if keywords else ""


def _connect(case: Case, eco: Ecomap, out: EcomapLayout,
             masked: frozenset[str] = frozenset()) -> None:
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
            x1, y1 = s.cx - ux * b + ox, s.cy - uy * b + oy
            x2, y2 = cx + ux * a + ox, cy + uy * a + oy
            length = math.hypot(x2 - x1, y2 - y1)
            name = _person_name(case, c.person, masked)
            label_at = None
            along = ENERGY_ARROW_LENGTH + 3.0 if c.energy in _ARROW_AT_SYSTEM else 0.0
            if name:  # out from the system's edge (and its arrowhead) far enough to clear it
                w, h = text_width(name, PERSON_LABEL_SIZE, "bold") + 4, PERSON_LABEL_SIZE + 3
                reach = abs(ux) * w / 2 + abs(uy) * h / 2
                along += 3.0 + reach + k * (h + 2)
                label_at = (x1 - ux * along, y1 - uy * along)
                along += reach
            badge = min(max(length * 0.35, along + NOTE_BADGE_R + 3), length - 16.0)
            out.connections[c.id] = ConnectionPlace(
                c.id, sid, x1, y1, x2, y2, (x1 - ux * badge, y1 - uy * badge),
                c.person, name, label_at)


def _person_name(case: Case, pid: str | None, masked: frozenset[str] = frozenset()) -> str:
    if not pid or not case.family.has_person(pid):
        return ""
    if pid in masked:
        return PRIVATE_LABEL
    p = case.family.person(pid)
    return p.short_name or p.display_name


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
