"""The genogram as glyphs: the case's facts drawn at the places the layout chose.

Drawing order is back to front: households, partnerships and child lines, the emotional
overlay, then people (whose white symbols and label patches sit on top of the lines), and
last the households' names, so that no line runs through one. Every group carries the id of what it shows, so the canvas can hit-test and select.
Notes are never drawn: they are private working notes, not part of the picture.

A printout that hides private people (`hide_private`) also keeps their names out of every
other text it prints: a household named after one of them is drawn without its name, a
label that calls someone by them ("Dana's Nan") falls back to the person's own name, and
anything left has the name replaced by "Private" (`private_names`, `mask_private`).
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from ..layout.types import GenogramLayout, HouseholdPlace, PersonPlace, UnionPlace
from ..model import Case, ChildKind, FuzzyDate, Person, PersonKind
from ..model.family import link_id
from . import draw
from . import styles as S
from .bond_route import bond_points
from .geometry import offset
from .glyphs import Glyph, Group, Point, Rect, Text
from .metrics import label_lines, text_width, wrap, years_label
from .regions import rounded, union_outline

HOUSEHOLD_NAME = "household-name"  # a household's name: drawn last, never selected on its own
#: The family as a child sees it leaves out conflict and harm lines and household outlines,
#: which need the key and a grown-up to explain.
CHILD_VIEW_LEAVES_OUT = ("bond", "household", HOUSEHOLD_NAME)


def age_text(case: Case, person: Person) -> str:
    """The age shown inside a symbol: as at the case date, or at death; "~" when only about."""
    age = case.age_of(person.id)
    if age is None:
        return ""
    years, _ = age
    return f"~{years}" if person.born is not None and person.born.approx else str(years)


def hidden_people(case: Case, hide_private: bool) -> frozenset[str]:
    """Private people whose details a printout leaves out (when the case says so): they keep
    their place and symbol, named "Private", with no age, dates or death, and no bonds."""
    if not hide_private:
        return frozenset()
    return frozenset(p.id for p in case.family.people() if p.private)


def omitted_people(case: Case, hide_private: bool) -> frozenset[str]:
    """Private pregnancies and losses (miscarriage, termination, stillbirth): a printout does
    not draw them at all, nor the line to them, since their symbol alone would tell."""
    return frozenset(pid for pid in hidden_people(case, hide_private)
                     if case.family.person(pid).kind is not PersonKind.PERSON)


# ---- private names in printed text ----------------------------------------------------------------
def private_names(case: Case, hidden: frozenset[str]) -> tuple[str, ...]:
    """What would name one of the `hidden` people in a printed text: their full name, first
    (and other given) names, the name they are known by (whole and word by word), and their
    family name unless someone printed shares it (then it tells nobody anything). Longest first."""
    shared = {p.family_name.strip().casefold() for p in case.family.people() if p.id not in hidden}
    names: set[str] = set()
    for pid in hidden:
        p = case.family.person(pid)
        given, known, family = p.given.strip(), p.known_as.strip(), p.family_name.strip()
        names.update((given, known, f"{known or given} {family}", f"{given} {family}",
                      *given.split(), *known.split()))
        if family.casefold() not in shared:
            names.add(family)
    names = {n.strip() for n in names if sum(ch.isalnum() for ch in n) > 1}  # no initials
    return tuple(sorted(names, key=lambda n: (-len(n), n.casefold())))


def _own_words(person: Person) -> frozenset[str]:
    """The words of a person's own given and family names, which their label may always print."""
    return frozenset(w.casefold() for w in f"{person.given} {person.family_name}".split())


@lru_cache(maxsize=256)
def _pattern(names: tuple[str, ...], keep: frozenset[str]) -> re.Pattern[str] | None:
    """A name as recorded, in capitals, or with a capital first letter, as a whole word: not in
    any case, or a private "Will", "May" or "Hope" would mask "Mum will call" as well."""
    wanted = {f for n in names if n.casefold() not in keep for f in (n, n.upper(), n[:1].upper() + n[1:])}
    if not wanted:
        return None
    forms = sorted(wanted, key=lambda f: (-len(f), f))
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(f) for f in forms) + r")(?!\w)")


def names_private(text: str, names: tuple[str, ...], keep: frozenset[str] = frozenset()) -> bool:
    """Whether `text` names a private person (whole words, as `_pattern` matches), `keep` aside."""
    pat = _pattern(names, keep) if text and names else None
    return pat is not None and pat.search(text) is not None


def mask_private(text: str, names: tuple[str, ...], keep: frozenset[str] = frozenset()) -> str:
    """`text` with every private name in it replaced by "Private"."""
    pat = _pattern(names, keep) if text and names else None
    return text if pat is None else pat.sub(S.PRIVATE_LABEL, text)


def mask_glyphs(case: Case, glyphs: list[Glyph], names: tuple[str, ...]) -> list[Glyph]:
    """Every text among `glyphs` with private names replaced; a person's own label keeps
    their own given and family names (two people may share a first name)."""
    if not names:
        return list(glyphs)

    def fix(g: Glyph, keep: frozenset[str]) -> Glyph:
        if isinstance(g, Text):
            text = mask_private(g.text, names, keep)
            return g if text == g.text else replace(g, text=text)
        if isinstance(g, Group):
            if g.kind == "person" and case.family.has_person(g.owner):
                person = case.family.person(g.owner)
                keep = frozenset() if person.private else _own_words(person)
            return replace(g, children=tuple(fix(c, keep) for c in g.children))
        return g

    return [fix(g, frozenset()) for g in glyphs]


def printed_name(p: Person, names: tuple[str, ...]) -> str:
    """How a shown person is named on a printout: as they are known, unless that names a
    private person ("Dana's Nan"); then by their given and family name (or, lacking those,
    the known name masked). Their own given and family names are always theirs to print."""
    own = _own_words(p)
    if not names_private(p.display_name, names, own):
        return p.display_name
    plain = f"{p.given} {p.family_name}".strip()
    if plain and not names_private(plain, names, own):
        return plain
    return mask_private(p.display_name, names, own)


def _label_lines(case: Case, p: Person, names: tuple[str, ...]) -> list[str]:
    """The label under a shown person, named as `printed_name` says."""
    name = printed_name(p, names)
    if name == p.display_name:
        return label_lines(case, p.id)
    years = years_label(case, p.id)
    return wrap(name) + ([years] if years else [])


def person_group(case: Case, place: PersonPlace, masked: bool = False,
                 names: tuple[str, ...] = ()) -> Group:
    p = case.family.person(place.id)
    index = case.meta.index_person == p.id
    if masked:
        glyphs = draw.person_symbol(place.cx, place.cy, place.size, p.gender, p.kind, False, index, "")
        lines = [S.PRIVATE_LABEL] if p.kind is PersonKind.PERSON else []
    else:
        glyphs = draw.person_symbol(place.cx, place.cy, place.size, p.gender, p.kind, p.is_dead, index,
                                    age_text(case, p))
        lines = _label_lines(case, p, names) if names else label_lines(case, p.id)
    glyphs += draw.label_glyphs(place.cx, place.cy + place.size / 2 + (S.INDEX_GAP if index else 0.0), lines)
    return Group(p.id, "person", tuple(glyphs))


def _bottom(place: PersonPlace) -> float:
    return place.cy + place.size / 2


def union_group(case: Case, layout: GenogramLayout, up: UnionPlace, hidden: frozenset[str] = frozenset(),
                omitted: frozenset[str] = frozenset()) -> Group:
    u = case.family.union(up.id)
    places = [layout.people[pid] for pid in up.partners if pid in layout.people]
    places.sort(key=lambda pl: pl.cx)
    left_x, right_x = min(up.x1, up.x2), max(up.x1, up.x2)
    pts: list[Point] = []
    if places:
        pts.append((places[0].cx, _bottom(places[0])))
    pts += [(left_x, up.bar_y), (right_x, up.bar_y)]
    if len(places) > 1:
        pts.append((places[1].cx, _bottom(places[1])))
    side = bool(places) and all(abs(up.bar_y - pl.cy) < pl.size / 2 for pl in places)
    lo, hi = (left_x, right_x)
    if side and len(places) == 2:  # a line between two symbols side by side: marks go in the gap
        lo, hi = places[0].cx + places[0].size / 2, places[1].cx - places[1].size / 2
    mark_x = (lo + hi) / 2
    if any(c not in omitted for c in up.children) and abs(mark_x - up.drop_x) < 8:
        mark_x = max(lo + 6, min(hi - 6, up.drop_x - 9))
    glyphs: list[Glyph] = draw.union_line(u.kind, tuple(pts), mark_x)
    dates = "" if hidden & set(u.partners) else draw.union_dates(u.kind, _year(u.started), _year(u.separated),
                                                                   _year(u.ended))
    if dates and side:  # stacked above the line in the gap, shrunk to fit it
        for i, line in enumerate(reversed(dates.split("  "))):
            size = max(6.0, min(S.DATE_SIZE, S.DATE_SIZE * (hi - lo - 2) / text_width(line, S.DATE_SIZE)))
            t = Text((lo + hi) / 2, up.bar_y - 3.5 - i * (S.DATE_SIZE + 1.0), line, size, "regular",
                     "middle", S.INK)
            glyphs += draw.with_halo(t)
    elif dates:
        glyphs += draw.with_halo(_date_text(layout, up, dates, left_x, right_x, places))
    glyphs += _sibling_lines(case, layout, up, omitted)
    return Group(u.id, "union", tuple(glyphs))


def _year(d: FuzzyDate | None) -> str:
    """Partnership dates are given as years on the line ("m. 2009"), as genograms write them."""
    if d is None:
        return ""
    return f"c. {d.year}" if d.approx else str(d.year)


def _date_text(layout: GenogramLayout, up: UnionPlace, dates: str, left_x: float, right_x: float,
               places: list[PersonPlace]) -> Text:
    """Dates sit just above the partnership line between the partners' labels when they fit;
    otherwise just below it, beside the line down to the children."""
    w = text_width(dates, S.DATE_SIZE)
    mid = (left_x + right_x) / 2
    inner_left = max((pl.box.right for pl in places if pl.cx <= mid), default=left_x)
    inner_right = min((pl.box.x for pl in places if pl.cx > mid), default=right_x)
    labels_bottom = max((pl.box.bottom for pl in places), default=up.bar_y)
    room_above = up.bar_y - 2 - S.DATE_SIZE >= labels_bottom or inner_right - inner_left >= w + 4
    if room_above:
        return Text(mid, up.bar_y - 3.0, dates, S.DATE_SIZE, "regular", "middle", S.INK)
    below = up.bar_y + S.DATE_SIZE + 2.0
    if not up.children:
        return Text(mid, below, dates, S.DATE_SIZE, "regular", "middle", S.INK)
    if up.drop_x - 4 - w >= left_x - 20:
        return Text(up.drop_x - 4, below, dates, S.DATE_SIZE, "regular", "end", S.INK)
    return Text(up.drop_x + 4, below, dates, S.DATE_SIZE, "regular", "start", S.INK)


def _child_anchor(case: Case, layout: GenogramLayout, up: UnionPlace,
                  omitted: frozenset[str] = frozenset()) -> dict[str, float]:
    """Where each child's line leaves the sibling bar (children left out of a printout have
    none): twins share one point."""
    anchor = {c: layout.people[c].cx for c in up.children if c in layout.people and c not in omitted}
    for group in case.family.birth_groups():
        if group.union != up.id:
            continue
        members = [m for m in group.members if m in anchor]
        if len(members) > 1:
            x = sum(layout.people[m].cx for m in members) / len(members)
            for m in members:
                anchor[m] = x
    return anchor


def _sibling_lines(case: Case, layout: GenogramLayout, up: UnionPlace,
                   omitted: frozenset[str] = frozenset()) -> list[Glyph]:
    anchor = _child_anchor(case, layout, up, omitted)
    if not anchor:
        return []
    xs = [*anchor.values(), up.drop_x]
    out: list[Glyph] = [draw._line(((up.drop_x, up.bar_y), (up.drop_x, up.sib_y)), S.SIBLING_BAR)]
    if max(xs) - min(xs) > 0.5:
        out.append(draw._line(((min(xs), up.sib_y), (max(xs), up.sib_y)), S.SIBLING_BAR))
    for group in case.family.birth_groups():
        members = [m for m in group.members if m in anchor and group.union == up.id]
        if group.identical and len(members) > 1:
            xs_m = sorted(layout.people[m].cx for m in members)
            top = min(layout.people[m].cy - layout.people[m].size / 2 for m in members)
            t = 0.45
            y = up.sib_y + (top - up.sib_y) * t
            ax = anchor[members[0]]
            out.append(draw._line(((ax + (xs_m[0] - ax) * t, y), (ax + (xs_m[-1] - ax) * t, y)), S.SIBLING_BAR))
    return out


def link_groups(case: Case, layout: GenogramLayout, up: UnionPlace, hidden: frozenset[str] = frozenset(),
                omitted: frozenset[str] = frozenset()) -> list[Group]:
    """The line down to each child; a private child's line in a printout is a plain one, since
    an adoption's dots and brackets (or fostering's dashes) would tell what the privacy hides."""
    anchor = _child_anchor(case, layout, up, omitted)
    out: list[Group] = []
    for child in up.children:
        if child not in anchor:
            continue
        place = layout.people[child]
        link = case.family.child_link(up.id, child)
        if child in hidden:
            link = replace(link, kind=ChildKind.BIRTH)
        top = place.cy - place.size / 2
        if case.meta.index_person == child:
            top -= S.INDEX_GAP
        pts = ((anchor[child], up.sib_y), (place.cx, top))
        glyphs = draw.child_line(link.kind, pts)
        if link.kind is ChildKind.ADOPTED and case.family.person(child).kind is PersonKind.PERSON:
            glyphs += draw.adoption_brackets(place.cx, place.cy, place.size)
        out.append(Group(link_id(up.id, child), "link", tuple(glyphs)))
    return out


def bond_groups(case: Case, layout: GenogramLayout, hidden: frozenset[str] = frozenset()) -> list[Group]:
    out: list[Group] = []
    shown = [bd for bd in case.family.bonds() if bd.a not in hidden and bd.b not in hidden
             and bd.a in layout.people and bd.b in layout.people]
    pairs: dict[frozenset[str], list[str]] = {}
    for bd in shown:
        pairs.setdefault(frozenset((bd.a, bd.b)), []).append(bd.id)
    for bond in shown:
        a, b = layout.people[bond.a], layout.people[bond.b]
        pts = bond_points(layout, a, b)
        same = pairs[frozenset((bond.a, bond.b))]
        if len(same) > 1:  # two relationships between the same people: side by side, not on top
            shift = (same.index(bond.id) - (len(same) - 1) / 2) * S.BOND_SEPARATION
            pts = offset(pts, shift if (a.cx, a.cy) <= (b.cx, b.cy) else -shift)
        out.append(Group(bond.id, "bond", tuple(draw.bond_line(bond.kind, pts, bond.directed))))
    return out


def household_groups(case: Case, layout: GenogramLayout, hidden: frozenset[str] = frozenset(),
                     names: tuple[str, ...] = ()) -> list[Group]:
    """One outline per household. Where the layout reports the household's runs (members side
    by side on a row), each region of joined runs is one rounded outline that encloses only the
    members; otherwise one rounded box round them all. A name that names a private person
    (one of `names`, as a printout masks them) is left off: the outline alone still says home.

    The names come after all the outlines, as groups of their own (kind HOUSEHOLD_NAME, owner
    "ID/name"), to be drawn on top of the lines and bonds so that none runs through a name."""
    out: list[Group] = []
    labels: list[Group] = []
    for i, hh in enumerate(case.family.households()):
        grow = S.HOUSEHOLD_PAD + 3.0 * (i % 3)  # households that touch do not draw on top of each other
        place = layout.households.get(hh.id)
        name = "" if names_private(hh.name, names) else hh.name
        glyphs = (_household_regions(layout, place, name, hidden, grow) if place is not None
                  else _household_box(layout, hh.members, name, hidden, grow))
        if glyphs:
            out.append(Group(hh.id, "household", tuple(g for g in glyphs if not _is_name(g))))
            label = tuple(g for g in glyphs if _is_name(g))
            if label:
                labels.append(Group(f"{hh.id}/name", HOUSEHOLD_NAME, label))
    return out + labels


def _is_name(glyph: Glyph) -> bool:
    """A household name's text, or the halo behind it (a patch of paper with no outline)."""
    return isinstance(glyph, Text) or (isinstance(glyph, Rect) and glyph.colour is None)


def _household_box(layout: GenogramLayout, members: tuple[str, ...], name: str, hidden: frozenset[str],
                   grow: float) -> list[Glyph]:
    boxes = [layout.people[m].box for m in members if m in layout.people and m not in hidden]
    if not boxes:
        return []
    x0 = min(b.x for b in boxes) - grow
    y0 = min(b.y for b in boxes) - grow - S.INDEX_GAP
    x1 = max(b.right for b in boxes) + grow
    y1 = max(b.bottom for b in boxes) + grow
    return draw.household_outline(x0, y0, x1, y1, name)


def _household_regions(layout: GenogramLayout, place: HouseholdPlace, name: str, hidden: frozenset[str],
                       grow: float) -> list[Glyph]:
    """Each run's box (round the members a printout shows), grown; runs the layout joins are
    bridged through the gap between their rows; the union of it all, corners rounded."""
    boxes: dict[int, tuple[float, float, float, float]] = {}
    for k, run in enumerate(place.runs):
        shown = [layout.people[m].box for m in run.members if m in layout.people and m not in hidden]
        if shown:
            boxes[k] = (min(b.x for b in shown) - grow, min(b.y for b in shown) - grow - S.INDEX_GAP,
                        max(b.right for b in shown) + grow, max(b.bottom for b in shown) + grow)
    if not boxes:
        return []
    loops: list[tuple[Point, ...]] = []
    label: Point | None = None
    for region in place.regions():
        rects = [boxes[k] for k in region if k in boxes]
        if not rects:
            continue
        spans: dict[tuple[int, int], tuple[float, float]] = {}
        for j in place.joins:  # two bridges between the same runs become one, leaving no hole
            if j.upper in boxes and j.lower in boxes and j.upper in region:
                lo, hi = spans.get((j.upper, j.lower), (j.x0, j.x1))
                spans[(j.upper, j.lower)] = (min(lo, j.x0), max(hi, j.x1))
        for (upper, lower), (lo, hi) in spans.items():
            if hi - lo < 2 * S.HOUSEHOLD_JOIN:  # wide enough for its rounded corners
                mid = (lo + hi) / 2
                lo, hi = mid - S.HOUSEHOLD_JOIN, mid + S.HOUSEHOLD_JOIN
            rects.append((lo, boxes[upper][3] - 1.0, hi, boxes[lower][1] + 1.0))
        for loop in union_outline(rects):
            loops.append(rounded(loop, S.HOUSEHOLD_RADIUS))
        if label is None:
            first = boxes[min(k for k in region if k in boxes)]
            label = (first[0] + S.HOUSEHOLD_RADIUS + 2, first[1])
    if len(loops) == 1 and len(boxes) == 1:  # a single run: the plain rounded box
        x0, y0, x1, y1 = next(iter(boxes.values()))
        return draw.household_outline(x0, y0, x1, y1, name)
    return draw.household_region(loops, name, label or (0.0, 0.0))


def genogram_glyphs(case: Case, layout: GenogramLayout, hide_private: bool = False) -> list[Glyph]:
    """Everything the genogram shows, as glyphs grouped by what the user can select.

    `hide_private` is for printouts (pass `case.meta.hide_private_in_exports`): private people
    are masked and no text names them; the screen shows everything to the practitioner."""
    hidden = hidden_people(case, hide_private)
    omitted = omitted_people(case, hide_private)
    names = private_names(case, hidden) if hidden else ()
    out: list[Glyph] = []
    households = household_groups(case, layout, hidden, names)
    out += [g for g in households if g.kind != HOUSEHOLD_NAME]
    for up in layout.unions.values():
        out.append(union_group(case, layout, up, hidden, omitted))
    for up in layout.unions.values():
        out += link_groups(case, layout, up, hidden, omitted)
    out += bond_groups(case, layout, hidden)
    for place in layout.people.values():
        if place.id not in omitted:
            out.append(person_group(case, place, place.id in hidden, names))
    out += [g for g in households if g.kind == HOUSEHOLD_NAME]  # on top: no line crosses a name
    return mask_glyphs(case, out, names)
