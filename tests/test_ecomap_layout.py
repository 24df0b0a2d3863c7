"""The ecomap palette, the radial layout and its JSON: nothing overlaps, placements are kept."""
from __future__ import annotations

import math
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from genogram.ecomap_palette import OTHER, PaletteError, load_palette, palette_from_dict
from genogram.layout.ecomap import (
    MAX_NAME_LINES,
    MIN_SYSTEM_R,
    SYSTEM_FONT_SIZE,
    SYSTEM_TEXT_WIDTH,
    EcomapLayout,
    ecomap_json,
    layout_ecomap,
    wrap_name,
)
from genogram.layout.ecomap_rings import GAP, LINE_CLEAR, seg_dist
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
    FuzzyDate,
    Gender,
    Household,
    LinkChild,
    Person,
    Put,
    Quality,
    Union,
    UnknownIdError,
    UpdatePerson,
)
from genogram.notation.metrics import text_width
from genogram.pictures import pictograms

USUAL = ["school", "nursery", "gp", "health visitor", "camhs", "hospital", "police", "youth club",
         "faith community", "grandparents", "wider family", "friends", "neighbours", "work",
         "benefits and housing", "solicitor", "children's services", "sport and activities",
         "online life"]


def build(n: int, pins: dict[int, tuple[float, float]] | None = None, typed: int = 0) -> Case:
    """A case with one ecomap of `n` systems cycling through the palette, each connected."""
    case = Case()
    case.apply(AddPerson(Person(id="p1", given="Mia", family_name="Stone")))
    case.apply(AddPerson(Person(id="p2", given="Jo", family_name="Stone")))
    case.apply(Put("households", Household(id="h1", name="Mia and Jo", members=("p1", "p2"))))
    case.apply(Put("ecomaps", Ecomap(id="e1", centre=Centre.HOUSEHOLD, centre_person="p1",
                                     household="h1")))
    kinds = load_palette().systems
    for i in range(n):
        k = kinds[i % len(kinds)]
        name = f"{k.name} {i}" if i >= len(kinds) else k.name
        cat = k.category
        if i < typed:
            name, cat = f"Auntie Bea's allotment and the community garden {i}", OTHER
        case.apply(Put("eco_systems", EcoSystem(id=f"s{i + 1}", ecomap="e1", name=name,
                                                category=cat, position=(pins or {}).get(i))))
        case.apply(Put("eco_connections", EcoConnection(
            id=f"c{i + 1}", ecomap="e1", system=f"s{i + 1}", quality=list(Quality)[i % 5],
            energy=list(Energy)[i % 4], stress=i % 3 == 0)))
    return case


def rel(lay: EcomapLayout, sid: str) -> tuple[float, float]:
    s = lay.systems[sid]
    return s.cx - lay.centre.cx, s.cy - lay.centre.cy


def assert_clear(lay: EcomapLayout, skip_pairs_of: set[str] = frozenset()) -> None:
    """No two circles closer than GAP, none on the centre, no line through a circle, all inside.

    Systems in `skip_pairs_of` (the user's) are not checked against each other or the centre."""
    c = lay.centre
    systems = list(lay.systems.values())
    for s in systems:
        assert s.box.x >= 0 and s.box.y >= 0
        assert s.box.right <= lay.width and s.box.bottom <= lay.height
        if s.id not in skip_pairs_of:
            assert math.hypot(s.cx - c.cx, s.cy - c.cy) >= c.r + s.r + GAP - 0.01
        for t in systems:
            if t.id <= s.id or {s.id, t.id} <= skip_pairs_of:
                continue
            assert math.hypot(s.cx - t.cx, s.cy - t.cy) >= s.r + t.r + GAP - 0.01, (s.id, t.id)
    for line in lay.connections.values():
        for t in systems:
            if t.id == line.system or {t.id, line.system} <= skip_pairs_of:
                continue
            d = seg_dist(t.cx - line.x2, t.cy - line.y2, line.x1 - line.x2, line.y1 - line.y2)
            assert d >= t.r + LINE_CLEAR - 1.0, (line.id, t.id)


# ---- palette ------------------------------------------------------------------------------------
def test_palette_has_the_usual_systems_each_with_a_category_and_picture() -> None:
    pal = load_palette()
    keys = {c.key for c in pal.categories}
    for name in USUAL:
        kind = pal.find(name)
        assert kind is not None, name
        assert kind.category in keys and kind.category != OTHER
        assert kind.picture
    assert pal.find("Doctor").name == "GP"  # type: ignore[union-attr]
    bundled = pictograms()
    assert all(s.picture in bundled for s in pal.systems)


def test_systems_show_the_palette_picture_or_one_their_name_suggests() -> None:
    case = build(1)
    case.apply(Put("eco_systems", EcoSystem(id="s2", ecomap="e1", name="Swimming with Grandad")))
    case.apply(Put("eco_systems", EcoSystem(id="s3", ecomap="e1", name="Zz",
                                            picture="media:x.png")))
    lay = layout_ecomap(case, "e1")
    assert lay.systems["s1"].picture == "pictogram:grandparent"
    assert lay.systems["s2"].picture == "pictogram:swimming"
    assert lay.systems["s3"].picture == "media:x.png"


def _luminance(hex_colour: str) -> float:
    def chan(v: int) -> float:
        c = v / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * chan(r) + 0.7152 * chan(g) + 0.0722 * chan(b)


def test_category_colours_are_distinct_and_readable_with_dark_text() -> None:
    pal = load_palette()
    colours = [c.colour for c in pal.categories]
    assert len(set(colours)) == len(colours)
    text = _luminance(pal.text_colour)
    for c in pal.categories:
        ratio = (_luminance(c.colour) + 0.05) / (text + 0.05)
        assert ratio >= 6.0, (c.key, ratio)  # well above WCAG AA (4.5) for normal text


def test_anything_typed_is_other_and_unknown_categories_get_the_other_colour() -> None:
    pal = load_palette()
    assert pal.category_for("Swimming with Grandad") == OTHER
    assert pal.category_for("school") == "education"
    assert pal.colour("made-up") == pal.colour(OTHER)
    assert pal.order("made-up") == pal.order(OTHER)


def test_a_broken_palette_is_refused_in_one_sentence() -> None:
    with pytest.raises(PaletteError, match="other"):
        palette_from_dict({"categories": [{"key": "a", "label": "A", "colour": "#ffffff"}],
                           "systems": []})
    with pytest.raises(PaletteError, match="unknown category"):
        palette_from_dict({"categories": [{"key": "other", "label": "O", "colour": "#dddddd"}],
                           "systems": [{"key": "x", "name": "X", "category": "y", "picture": ""}]})


# ---- layout -------------------------------------------------------------------------------------
@pytest.mark.parametrize("n", [1, 2, 3, 5, 8, 12, 19, 25, 33, 47, 60])
def test_nothing_overlaps(n: int) -> None:
    lay = layout_ecomap(build(n, typed=min(n, 3)), "e1")
    assert len(lay.systems) == n and len(lay.connections) == n
    assert_clear(lay)


def test_labels_fit_inside_their_circles_at_a_readable_size() -> None:
    lay = layout_ecomap(build(30, typed=4), "e1")
    for s in lay.systems.values():
        assert s.r >= MIN_SYSTEM_R and 1 <= len(s.lines) <= MAX_NAME_LINES
        for line in s.lines:
            assert text_width(line, SYSTEM_FONT_SIZE) <= 2 * s.r * 0.9
    assert SYSTEM_FONT_SIZE >= 10


def test_long_names_wrap_to_three_lines_and_say_when_they_are_cut() -> None:
    assert wrap_name("School") == ["School"]
    lines = wrap_name("Speech and language therapy at the children's centre on Tuesdays")
    assert len(lines) == 3 and lines[-1].endswith("…")
    assert all(text_width(t, SYSTEM_FONT_SIZE) <= SYSTEM_TEXT_WIDTH for t in lines)
    word = wrap_name("Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch")
    assert len(word) == 1 and word[0].endswith("…")


def test_the_ring_turns_so_a_system_sits_near_the_person_it_links_to() -> None:
    case = Case()
    for pid, name, gender in (("p1", "Dana", Gender.FEMALE), ("p2", "Lee", Gender.MALE),
                              ("p3", "Mia", Gender.FEMALE)):
        case.apply(AddPerson(Person(id=pid, given=name, gender=gender)))
    case.apply(AddUnion(Union(id="u1", partners=("p1", "p2"))))
    case.apply(LinkChild(ChildLink("u1", "p3")))
    case.apply(Put("households", Household(id="h1", members=("p1", "p2", "p3"))))
    case.apply(Put("ecomaps", Ecomap(id="e1", household="h1")))
    for i, (name, cat) in enumerate([("Work", "work_money"), ("School", "education"),
                                     ("Friends", "community"), ("GP", "health")], start=1):
        case.apply(Put("eco_systems", EcoSystem(id=f"s{i}", ecomap="e1", name=name, category=cat)))
        case.apply(Put("eco_connections", EcoConnection(id=f"c{i}", ecomap="e1", system=f"s{i}",
                                                        person="p3" if i == 2 else None)))
    lay = layout_ecomap(case, "e1")
    px, py, _ = lay.centre.person_at("p3")  # type: ignore[misc]
    assert py > lay.centre.cy  # the child is drawn below the parents
    school = lay.systems["s2"]
    want = math.atan2(py - lay.centre.cy, px - lay.centre.cx)
    got = math.atan2(school.cy - lay.centre.cy, school.cx - lay.centre.cx)
    assert abs((got - want + math.pi) % (2 * math.pi) - math.pi) < math.pi / 4
    line = lay.connections["c2"]  # it stops at the edge and names her, never crossing the family
    assert line.person == "p3" and line.person_label == "Mia" and line.label_at is not None
    assert math.dist((line.x2, line.y2), (lay.centre.cx, lay.centre.cy)) == pytest.approx(
        lay.centre.r)
    lx, ly = line.label_at
    assert math.dist((lx, ly), (school.cx, school.cy)) > school.r + 4


def test_systems_are_grouped_by_category_round_the_circle() -> None:
    lay = layout_ecomap(build(19), "e1")
    order = sorted(lay.systems.values(),
                   key=lambda s: math.atan2(s.cy - lay.centre.cy, s.cx - lay.centre.cx)
                   % (2 * math.pi))
    cats = [s.category for s in order]
    runs = [c for i, c in enumerate(cats) if i == 0 or c != cats[i - 1]]
    if runs[0] == runs[-1] and len(runs) > 1:
        runs = runs[:-1]
    assert len(runs) == len(set(runs))  # each category is one contiguous sector


def test_layout_is_deterministic() -> None:
    a = layout_ecomap(build(40, pins={3: (300.0, 10.0)}), "e1")
    b = layout_ecomap(build(40, pins={3: (300.0, 10.0)}), "e1")
    assert a == b


def test_user_placements_are_kept_and_the_rest_go_round_them() -> None:
    pins = {0: (0.0, -200.0), 5: (260.0, 90.0), 9: (-150.0, 150.0)}
    lay = layout_ecomap(build(24, pins=pins), "e1")
    for i, (x, y) in pins.items():
        assert rel(lay, f"s{i + 1}") == pytest.approx((x, y))
        assert lay.systems[f"s{i + 1}"].pinned
    assert_clear(lay)
    # a drop on the canvas stored with to_position comes back exactly where it was dropped
    s5 = lay.systems["s5"]
    case = build(24, pins={**pins, 4: lay.to_position(s5.cx + 3.0, s5.cy)})
    again = layout_ecomap(case, "e1")
    assert again.systems["s5"].cx - again.centre.cx == pytest.approx(s5.cx + 3.0 - lay.centre.cx)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(n=st.integers(5, 60), seed_angles=st.lists(st.floats(0, 2 * math.pi), max_size=4),
       dist=st.floats(180, 600))
def test_generated_ecomaps_with_pins_never_overlap(n: int, seed_angles: list[float],
                                                   dist: float) -> None:
    pins: dict[int, tuple[float, float]] = {}
    for k, a in enumerate(seed_angles):
        p = (dist * math.cos(a), dist * math.sin(a))
        if k * 3 < n and all(math.hypot(p[0] - q[0], p[1] - q[1]) > 2 * MIN_SYSTEM_R + 60
                             for q in pins.values()):
            pins[k * 3] = p
    lay = layout_ecomap(build(n, pins=pins), "e1")
    for i, (x, y) in pins.items():
        assert rel(lay, f"s{i + 1}") == pytest.approx((x, y))
    pinned = {f"s{i + 1}" for i in pins}
    assert_clear(lay, skip_pairs_of=pinned)  # pins on pins or on the centre: the user's choice


def test_the_centre_grows_with_the_household_and_a_person_keeps_their_name() -> None:
    case = build(3)
    small = layout_ecomap(case, "e1").centre.r
    case.apply(Put("ecomaps", Ecomap(id="e1", centre=Centre.CHILD, centre_person="p1")))
    assert layout_ecomap(case, "e1").centre.r < small
    assert layout_ecomap(case, "e1").centre.members == ("p1",)
    case.apply(Put("eco_systems", EcoSystem(id="s1", ecomap="e1", name="Old name", person="p2")))
    assert layout_ecomap(case, "e1").systems["s1"].name == "Jo Stone"


def test_private_systems_can_be_left_out() -> None:
    case = build(4)
    case.apply(Put("eco_systems", EcoSystem(id="s2", ecomap="e1", name="Refuge", private=True)))
    assert "s2" in layout_ecomap(case, "e1").systems
    lay = layout_ecomap(case, "e1", include_private=False)
    assert "s2" not in lay.systems and "c2" not in lay.connections


# ---- JSON ---------------------------------------------------------------------------------------
def test_json_has_the_documented_shape() -> None:
    data = ecomap_json(build(6), "e1")
    assert set(data) == {"unit", "systems", "connections", "bounds"}
    assert data["unit"] == "pt"
    systems = data["systems"]
    assert [s["id"] for s in systems] == [f"s{i}" for i in range(1, 7)]
    for s in systems:
        assert set(s) == {"id", "name", "x", "y", "width", "height"}
        assert s["width"] == s["height"] > 0
    conns = data["connections"]
    assert conns[0] == {"id": "c1", "system": "s1", "quality": "strong", "stress": True,
                        "energy": "none", "person": None}
    b = data["bounds"]
    assert set(b) == {"x", "y", "width", "height"}
    assert all(s["x"] + s["width"] <= b["width"] and s["y"] + s["height"] <= b["height"]
               for s in systems)


def test_json_defaults_to_the_latest_dated_ecomap() -> None:
    case = build(2)
    case.apply(Put("ecomaps", Ecomap(id="e1", date=FuzzyDate(2024, 5))))
    case.apply(Put("ecomaps", Ecomap(id="e2", date=FuzzyDate(2025, 1))))
    case.apply(Put("ecomaps", Ecomap(id="e3")))
    case.apply(Put("eco_systems", EcoSystem(id="s9", ecomap="e2", name="School")))
    data = ecomap_json(case)
    assert [s["id"] for s in data["systems"]] == ["s9"]


def test_missing_ecomaps_are_one_clear_sentence() -> None:
    with pytest.raises(UnknownIdError, match="no ecomap yet"):
        ecomap_json(Case())
    with pytest.raises(UnknownIdError, match="no ecomap 'e7'"):
        layout_ecomap(build(1), "e7")


def _with_private_person() -> Case:
    """Jo (p2) is private: on the ecomap as a system, named on a line, and in the household."""
    case = build(2)
    case.apply(UpdatePerson(replace(case.family.person("p2"), private=True)))
    case.apply(Put("eco_systems", EcoSystem(id="s3", ecomap="e1", name="Jo", person="p2",
                                            picture="media:jo.png")))
    case.apply(Put("eco_connections", EcoConnection(id="c3", ecomap="e1", system="s3", person="p1")))
    case.apply(Put("eco_connections", EcoConnection(id="c4", ecomap="e1", system="s1", person="p2")))
    return case


def test_a_printout_names_a_private_person_private_and_the_screen_shows_them() -> None:
    from genogram.notation.ecomap_glyphs import ecomap_glyphs
    from genogram.notation.glyphs import Text, walk

    case = _with_private_person()
    screen = layout_ecomap(case, "e1")
    assert screen.systems["s3"].name == "Jo Stone" and screen.connections["c4"].person_label == "Jo"
    assert screen.systems["s3"].picture == "media:jo.png"
    printed = layout_ecomap(case, "e1", hide_private=True)
    assert printed.systems["s3"].name == "Private" and printed.systems["s3"].picture == ""
    assert printed.connections["c4"].person_label == "Private"
    assert printed.connections["c3"].person_label == "Mia"  # only the private person is masked
    words = " ".join(g.text for g in walk(ecomap_glyphs(case, printed)) if isinstance(g, Text))
    assert "Jo" not in words.split() and "Stone" in words  # Mia Stone, in the household
    assert "Private" in words
    shown = " ".join(g.text for g in walk(ecomap_glyphs(case, screen)) if isinstance(g, Text))
    assert "Jo" in shown.split()
    # leaving private systems out (what a printout does) masks private people too
    assert layout_ecomap(case, "e1", include_private=False).systems["s3"].name == "Private"


def test_a_private_child_in_the_centre_is_titled_private_on_a_printout() -> None:
    case = build(1)
    case.apply(UpdatePerson(replace(case.family.person("p1"), private=True)))
    assert layout_ecomap(case, "e1", hide_private=True).centre.title == "The family"
    case.apply(Put("ecomaps", Ecomap(id="e1", centre=Centre.CHILD, centre_person="p1")))
    assert layout_ecomap(case, "e1", hide_private=True).centre.title == "Private"
    assert layout_ecomap(case, "e1").centre.title == "Mia Stone"


def test_a_household_name_that_names_a_private_person_is_not_printed() -> None:
    from genogram.layout.ecomap_centre import names_someone

    case = build(1)
    case.apply(UpdatePerson(replace(case.family.person("p2"), private=True)))
    hidden = frozenset({"p2"})
    assert names_someone(case, "Mia and Jo", hidden) and names_someone(case, "Jo's flat", hidden)
    assert not names_someone(case, "Joanne's flat", hidden) and not names_someone(case, "Stone house", hidden)
    assert layout_ecomap(case, "e1", hide_private=True).centre.title == "Mia's home"
    assert layout_ecomap(case, "e1").centre.title == "Mia and Jo"
