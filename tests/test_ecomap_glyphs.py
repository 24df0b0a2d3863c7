"""Ecomap glyphs: every quality, stress and direction of energy is drawn as Hartman specifies."""
from __future__ import annotations

import math

import pytest

from genogram.ecomap_palette import OTHER, load_palette
from genogram.layout.ecomap import EcomapLayout, layout_ecomap
from genogram.model import (
    AddPerson,
    AddUnion,
    Case,
    Centre,
    ChildLink,
    EcoConnection,
    Ecomap,
    EcoSystem,
    Energy,
    Gender,
    Household,
    LinkChild,
    Person,
    Put,
    Quality,
    Union,
)
from genogram.notation import ecomap_styles as E
from genogram.notation.ecomap_glyphs import ecomap_glyphs
from genogram.notation.ecomap_legend import ecomap_with_key, legend_entries
from genogram.notation.geometry import bounds
from genogram.notation.glyphs import Circle, Glyph, Group, Line, Polygon, Text, groups, walk
from genogram.notation.styles import DASHED


def case_with(*conns: EcoConnection, category: str = "education") -> Case:
    case = Case()
    case.apply(AddPerson(Person(id="p1", given="Dana", gender=Gender.FEMALE)))
    case.apply(AddPerson(Person(id="p2", given="Lee", gender=Gender.MALE)))
    case.apply(AddPerson(Person(id="p3", given="Mia", gender=Gender.FEMALE)))
    case.apply(AddUnion(Union(id="u1", partners=("p1", "p2"))))
    case.apply(LinkChild(ChildLink("u1", "p3")))
    case.apply(Put("households", Household(id="h1", members=("p1", "p2", "p3"))))
    case.apply(Put("ecomaps", Ecomap(id="e1", centre=Centre.HOUSEHOLD, household="h1",
                                     centre_person="p3")))
    for c in conns:
        if not any(s.id == c.system for s in case.records("eco_systems")):
            case.apply(Put("eco_systems", EcoSystem(id=c.system, ecomap="e1",
                                                    name=f"System {c.system}", category=category)))
        case.apply(Put("eco_connections", c))
    return case


def draw(case: Case) -> tuple[EcomapLayout, list[Glyph]]:
    lay = layout_ecomap(case, "e1")
    return lay, ecomap_glyphs(case, lay)


def conn_group(glyphs: list[Glyph], cid: str) -> Group:
    return next(g for g in groups(glyphs, "eco_connection") if g.owner == cid)


def main_line(group: Group) -> Line:
    return next(g for g in group.children if isinstance(g, Line) and g.colour != E.HATCH.colour)


def hatches(group: Group) -> list[Line]:
    return [g for g in group.children if isinstance(g, Line) and g.colour == E.HATCH.colour]


def arrows(group: Group) -> list[Polygon]:
    return [g for g in group.children if isinstance(g, Polygon)]


@pytest.mark.parametrize("quality, variant, dash", [
    (Quality.STRONG, "triple", ()),
    (Quality.MODERATE, "single", ()),
    (Quality.TENUOUS, "single", DASHED),
    (Quality.STRESSFUL, "zigzag", ()),
    (Quality.BROKEN, "cut", ()),
])
def test_each_quality_has_its_line(quality: Quality, variant: str, dash: tuple[float, ...]) -> None:
    _, glyphs = draw(case_with(EcoConnection(id="c1", ecomap="e1", system="s1", quality=quality)))
    group = conn_group(glyphs, "c1")
    line = main_line(group)
    assert (line.variant, line.dash) == (variant, dash)
    assert line.width == E.CONNECTION_STYLES[quality].stroke.width
    assert not hatches(group) and not arrows(group)


def test_the_qualities_all_look_different() -> None:
    looks = {(s.stroke.variant, s.stroke.dash) for s in E.CONNECTION_STYLES.values()}
    assert len(looks) == len(Quality)


@pytest.mark.parametrize("quality", [Quality.STRONG, Quality.MODERATE, Quality.TENUOUS,
                                     Quality.BROKEN])
def test_stress_is_hatched_over_any_strength(quality: Quality) -> None:
    lay, glyphs = draw(case_with(EcoConnection(id="c1", ecomap="e1", system="s1", quality=quality,
                                               stress=True)))
    group = conn_group(glyphs, "c1")
    marks = hatches(group)
    assert 2 <= len(marks) <= E.HATCH_MAX
    assert main_line(group).variant == E.CONNECTION_STYLES[quality].stroke.variant
    place = lay.connections["c1"]
    ux, uy = place.x2 - place.x1, place.y2 - place.y1
    for m in marks:  # each mark crosses the line
        (ax, ay), (bx, by) = m.points
        cross = ux * (by - ay) - uy * (bx - ax)
        assert abs(cross) > 0.5 * math.hypot(ux, uy) * math.dist(m.points[0], m.points[1])


def test_a_stressful_line_is_a_zigzag_without_extra_hatching() -> None:
    _, glyphs = draw(case_with(EcoConnection(id="c1", ecomap="e1", system="s1",
                                             quality=Quality.STRESSFUL, stress=True)))
    group = conn_group(glyphs, "c1")
    assert main_line(group).variant == "zigzag" and not hatches(group)


def _tips(group: Group) -> list[tuple[float, float]]:
    return [a.points[0] for a in arrows(group)]


def test_energy_arrows_point_toward_the_family_away_or_both() -> None:
    lay, glyphs = draw(case_with(
        EcoConnection(id="c1", ecomap="e1", system="s1", energy=Energy.TO_FAMILY),
        EcoConnection(id="c2", ecomap="e1", system="s2", energy=Energy.FROM_FAMILY),
        EcoConnection(id="c3", ecomap="e1", system="s3", energy=Energy.BOTH,
                      quality=Quality.STRONG),
        EcoConnection(id="c4", ecomap="e1", system="s4", energy=Energy.NONE)))
    at_family = {cid: (p.x2, p.y2) for cid, p in lay.connections.items()}
    at_system = {cid: (p.x1, p.y1) for cid, p in lay.connections.items()}
    assert _tips(conn_group(glyphs, "c1")) == [pytest.approx(at_family["c1"])]
    assert _tips(conn_group(glyphs, "c2")) == [pytest.approx(at_system["c2"])]
    assert _tips(conn_group(glyphs, "c3")) == [pytest.approx(at_family["c3"]),
                                               pytest.approx(at_system["c3"])]
    assert _tips(conn_group(glyphs, "c4")) == []
    # the shaft stops inside the arrowhead, so a triple line never pokes past the point
    shaft = main_line(conn_group(glyphs, "c3")).points
    assert math.dist(shaft[-1], at_family["c3"]) > 5 and math.dist(shaft[0], at_system["c3"]) > 5


def test_a_line_to_one_person_names_them_near_the_system() -> None:
    lay, glyphs = draw(case_with(
        EcoConnection(id="c1", ecomap="e1", system="s1", person="p3", energy=Energy.TO_FAMILY),
        EcoConnection(id="c2", ecomap="e1", system="s1", person="p1", helps="Lifts to school")))
    texts = {cid: [t.text for t in conn_group(glyphs, cid).children if isinstance(t, Text)]
             for cid in ("c1", "c2")}
    assert texts == {"c1": ["Mia"], "c2": ["Dana", "1"]}
    a, b = lay.connections["c1"], lay.connections["c2"]
    assert math.dist(a.points[0], b.points[0]) >= 10  # two lines to one system run side by side
    tip = _tips(conn_group(glyphs, "c1"))[0]
    assert tip == pytest.approx((a.x2, a.y2))  # the arrow stops at the centre's edge


def test_systems_are_filled_with_their_category_colour_and_dark_text() -> None:
    pal = load_palette()
    case = case_with(EcoConnection(id="c1", ecomap="e1", system="s1"), category="health")
    case.apply(Put("eco_systems", EcoSystem(id="s2", ecomap="e1", name="Gran's allotment",
                                            category="made-up")))
    lay, glyphs = draw(case)
    by_owner = {g.owner: g for g in groups(glyphs, "eco_system")}
    assert set(by_owner) == {"s1", "s2"}
    assert isinstance(by_owner["s1"].children[0], Circle)
    assert by_owner["s1"].children[0].fill == pal.colour("health")
    assert by_owner["s2"].children[0].fill == pal.colour(OTHER)
    for sid, group in by_owner.items():
        s = lay.systems[sid]
        texts = [t for t in group.children if isinstance(t, Text)]
        assert " ".join(t.text for t in texts) == " ".join(s.lines)
        x0, y0, x1, y1 = bounds(texts)
        corners = [(x0, y0), (x1, y0), (x0, y1), (x1, y1)]
        assert all(math.dist(c, (s.cx, s.cy)) <= s.r for c in corners)
        assert all(t.colour == pal.text_colour for t in texts)


def test_the_household_is_drawn_as_a_small_genogram_inside_the_centre() -> None:
    lay, glyphs = draw(case_with(EcoConnection(id="c1", ecomap="e1", system="s1")))
    centre = next(iter(groups(glyphs, "eco_centre")))
    people = {g.owner for g in groups(centre.children, "person")}
    assert people == {"p1", "p2", "p3"}
    assert not groups(centre.children, "household")  # the circle already says "household"
    c = lay.centre
    x0, y0, x1, y1 = bounds(centre.children[1:])
    for corner in [(x0, y0), (x1, y0), (x0, y1), (x1, y1)]:
        assert math.dist(corner, (c.cx, c.cy)) <= c.r + 1.0


def test_notes_get_a_number_on_the_line_and_are_listed_whole() -> None:
    long_note = "Mrs Khan listens to Mia and rings Dana every Friday to say how the week went"
    lay, glyphs = draw(case_with(
        EcoConnection(id="c1", ecomap="e1", system="s1", helps=long_note),
        EcoConnection(id="c2", ecomap="e1", system="s2"),
        EcoConnection(id="c3", ecomap="e1", system="s3", hard="Mornings")))
    notes = groups(glyphs, "eco_notes")
    assert len(notes) == 1
    listed = " ".join(t.text for t in walk(notes[0].children) if isinstance(t, Text))
    assert long_note.split()[-1] in listed and "Helps:" in listed and "Hard: Mornings" in listed
    numbers = {cid: [t.text for t in conn_group(glyphs, cid).children if isinstance(t, Text)]
               for cid in ("c1", "c2", "c3")}
    assert numbers == {"c1": ["1"], "c2": [], "c3": ["2"]}
    assert bounds(notes[0].children)[1] >= lay.height - 4  # under the drawing, not on it
    _, plain = draw(case_with(EcoConnection(id="c1", ecomap="e1", system="s1")))
    assert not groups(plain, "eco_notes")


def test_every_system_and_connection_is_one_selectable_group() -> None:
    case = case_with(*(EcoConnection(id=f"c{i}", ecomap="e1", system=f"s{i}",
                                     quality=list(Quality)[i % 5], energy=list(Energy)[i % 4],
                                     stress=bool(i % 2)) for i in range(1, 21)))
    lay, glyphs = draw(case)
    assert {g.owner for g in groups(glyphs, "eco_system")} == set(lay.systems)
    assert {g.owner for g in groups(glyphs, "eco_connection")} == set(lay.connections)


def test_the_key_lists_only_what_this_ecomap_uses_drawn_with_the_same_lines() -> None:
    case = case_with(
        EcoConnection(id="c1", ecomap="e1", system="s1", quality=Quality.TENUOUS, stress=True),
        EcoConnection(id="c2", ecomap="e1", system="s2", quality=Quality.BROKEN,
                      energy=Energy.TO_FAMILY, hard="Never rings back"))
    lay = layout_ecomap(case, "e1")
    keys = [e.key for e in legend_entries(case, lay)]
    assert keys == ["quality:tenuous", "quality:broken", "stress", "energy:to_family",
                    "category:education"]
    glyphs = ecomap_with_key(case, lay)
    legend = groups(glyphs, "legend")[0]
    samples = {g.owner: g for g in groups(legend.children, "legend_entry")}
    tenuous = next(g for g in samples["quality:tenuous"].children if isinstance(g, Line))
    assert tenuous.dash == E.CONNECTION_STYLES[Quality.TENUOUS].stroke.dash
    assert any(isinstance(g, Polygon) for g in samples["energy:to_family"].children)
    notes = groups(glyphs, "eco_notes")[0]
    assert bounds(legend.children)[1] > bounds(notes.children)[3]  # the key sits under the notes
