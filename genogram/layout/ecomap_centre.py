"""The ecomap's centre: the child, or the household drawn inside it as a small genogram.

The household's genogram is the genogram's own layout of just those people, scaled down;
its emotional lines and household outline are left out (the circle already says "household",
and the ecomap is about the world around the family). The circle grows to hold its title and
that drawing, and to give every connection line room where it meets the edge.

A printout masks private people here as the genogram printout does (`hide_private`): they
keep their symbol, labelled "Private"; a private child at the centre is titled "Private".
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, fields, replace

from ..model import Case, Centre, Ecomap
from ..notation.ecomap_styles import CENTRE_LEAVES_OUT, CENTRE_TITLE_SIZE, HOUSEHOLD_SCALE
from ..notation.genogram import genogram_glyphs, hidden_people
from ..notation.geometry import bounds
from ..notation.glyphs import Glyph, Group
from ..notation.metrics import text_width
from ..notation.styles import PRIVATE_LABEL
from .genogram import layout_genogram
from .types import Box, GenogramLayout

MIN_CENTRE_R = 56.0
CENTRE_PAD = 8.0  # between the centre's contents and its circle
TITLE_GAP = 4.0  # between the centre's title and the household drawn under it
LINE_PITCH = 16.0  # room round the centre's edge for each line and its arrowhead

Point = tuple[float, float]


@dataclass
class HouseholdLayout(GenogramLayout):
    """The household's genogram layout, remembering whether it is drawn for a printout that
    masks private people (so whoever draws the centre masks them the same way)."""

    hide_private: bool = False


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

    @property
    def box(self) -> Box:
        return Box(self.cx - self.r, self.cy - self.r, 2 * self.r, 2 * self.r)

    def person_at(self, pid: str) -> tuple[float, float, float] | None:
        """Where a household member's symbol is drawn: centre x, y and half its size."""
        place = self.household.people.get(pid) if self.household else None
        if place is None:
            return None
        ox, oy = self.origin
        return ox + self.scale * place.cx, oy + self.scale * place.cy, self.scale * place.size / 2

    def moved(self, dx: float, dy: float) -> CentrePlace:
        i = self.inner
        return replace(self, cx=self.cx + dx, cy=self.cy + dy, title_y=self.title_y + dy,
                       inner=Box(i.x + dx, i.y + dy, i.width, i.height),
                       origin=(self.origin[0] + dx, self.origin[1] + dy))


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


def names_someone(case: Case, text: str, people: frozenset[str]) -> bool:
    """Whether `text` (a household's name) uses the first or known-as name of one of `people`."""
    words = {re.sub(r"['’]s$", "", w.strip(".,;:()")).casefold() for w in text.split()}
    for pid in people:
        p = case.family.person(pid)
        if words & {w.casefold() for w in f"{p.given} {p.known_as}".split()}:
            return True
    return False


def centre_title(case: Case, eco: Ecomap, hide_private: bool = False) -> str:
    """The household's name, else the child's name (or "NAME's home"); on a printout that
    masks private people, no title that names one of them."""
    fam = case.family
    focus = eco.centre_person or case.meta.index_person
    hidden = hidden_people(case, hide_private)
    if eco.centre is Centre.HOUSEHOLD and eco.household:
        hh = next((h for h in fam.households() if h.id == eco.household), None)
        if hh is not None and hh.name and not names_someone(case, hh.name, hidden):
            return hh.name
    if focus and focus in hidden:
        return PRIVATE_LABEL if eco.centre is Centre.CHILD else "The family"
    if focus and fam.has_person(focus):
        name = fam.person(focus).display_name
        if eco.centre is Centre.CHILD:
            return name
        return f"{fam.person(focus).short_name or name}'s home"
    return "The family"


def household_glyphs(case: Case, household: GenogramLayout,
                     hide_private: bool | None = None) -> list[Glyph]:
    """The household's genogram glyphs at its own coordinates, less what the ecomap leaves out;
    private people masked when `hide_private` (by default: as the layout was made for)."""
    if hide_private is None:
        hide_private = getattr(household, "hide_private", False)
    return [g for g in genogram_glyphs(case, household, hide_private)
            if not (isinstance(g, Group) and g.kind in CENTRE_LEAVES_OUT)]


def layout_centre(case: Case, eco: Ecomap, lines: int, hide_private: bool = False) -> CentrePlace:
    """The centre at (0, 0): big enough for its title and household, and for `lines` to meet
    its edge apart. Title on top, the household centred under it, the block centred.
    `hide_private` masks private people, for printouts."""
    members = centre_members(case, eco)
    title = centre_title(case, eco, hide_private)
    title_w = text_width(title, CENTRE_TITLE_SIZE, "bold")
    household = None
    if members:
        plain = layout_genogram(case, people=set(members))
        household = HouseholdLayout(**{f.name: getattr(plain, f.name) for f in fields(plain)},
                                    hide_private=hide_private)
    content = Box(0.0, 0.0, 0.0, 0.0)
    if household is not None and household.people:
        x0, y0, x1, y1 = bounds(household_glyphs(case, household))
        content = Box(x0, y0, x1 - x0, y1 - y0)
    s = HOUSEHOLD_SCALE
    w, h = content.width * s, content.height * s
    block_w = max(w, title_w)
    block_h = CENTRE_TITLE_SIZE + (TITLE_GAP + h if h else 0.0)
    r = max(MIN_CENTRE_R, math.hypot(block_w / 2, block_h / 2) + CENTRE_PAD,
            lines * LINE_PITCH / (2 * math.pi))
    top = -block_h / 2
    title_y = top + CENTRE_TITLE_SIZE * 0.8
    if household is None or not household.people:
        return CentrePlace(0.0, 0.0, r, title, title_y, members, Box(0.0, 0.0, 0.0, 0.0))
    inner = Box(-w / 2, top + CENTRE_TITLE_SIZE + TITLE_GAP, w, h)
    origin = (inner.x - content.x * s, inner.y - content.y * s)
    return CentrePlace(0.0, 0.0, r, title, title_y, members, inner, household, s, origin)
