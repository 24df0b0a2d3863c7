"""Emotional bonds are an overlay: they move nobody, so long ones bend round the people between."""
from __future__ import annotations

import math

from genogram.layout.types import Box, GenogramLayout, PersonPlace
from genogram.model import BondKind
from genogram.notation import draw
from genogram.notation import styles as S
from genogram.notation.bond_route import _hits, bond_points
from genogram.notation.genogram import genogram_glyphs
from genogram.notation.geometry import line_paths
from genogram.notation.glyphs import Line, Polygon, groups
from tests.test_notation import EVERY_ROWS, every_element_case, grid_layout

SIZE = 36.0


def place(pid: str, gen: int, cx: float, cy: float) -> PersonPlace:
    return PersonPlace(pid, gen, cx, cy, SIZE, Box(cx - 40, cy - SIZE / 2, 80, SIZE + 30))


def layout(*places: PersonPlace) -> GenogramLayout:
    lay = GenogramLayout()
    for p in places:
        lay.people[p.id] = p
    return lay


def symbol(p: PersonPlace) -> Box:
    return Box(p.cx - SIZE / 2, p.cy - SIZE / 2, SIZE, SIZE)


def label(p: PersonPlace) -> Box:
    return Box(p.box.x, p.cy + SIZE / 2, p.box.width, p.box.bottom - p.cy - SIZE / 2)


def test_a_bond_with_nobody_in_the_way_is_straight_and_stops_short_of_both_symbols():
    a, b = place("a", 0, 0, 0), place("b", 1, 300, 60)
    pts = bond_points(layout(a, b), a, b)
    assert len(pts) == 2
    gap = SIZE / 2 + S.BOND_CLEARANCE
    assert abs(math.dist(pts[0], (a.cx, a.cy)) - gap) < 1e-6 and abs(math.dist(pts[-1], (b.cx, b.cy)) - gap) < 1e-6


def test_a_long_bond_curves_round_a_person_its_straight_line_would_cross():
    a, b, c = place("a", 0, 0, 0), place("b", 2, 300, 300), place("c", 1, 150, 150)
    lay = layout(a, b, c)
    pts = bond_points(lay, a, b)
    assert _hits(((a.cx, a.cy), (b.cx, b.cy)), symbol(c))  # the straight line would go through c
    assert len(pts) > 8 and not _hits(pts, symbol(c)) and not _hits(pts, label(c))
    gap = SIZE / 2 + S.BOND_CLEARANCE
    assert abs(math.dist(pts[0], (a.cx, a.cy)) - gap) < 0.5
    assert abs(math.dist(pts[-1], (b.cx, b.cy)) - gap) < 0.5
    # gentle: it bows no further than it must, never more than half its length
    far = max(abs(p[0] - p[1]) / math.sqrt(2) for p in pts)
    assert 20 < far < 0.5 * math.dist((a.cx, a.cy), (b.cx, b.cy))


def test_the_curve_bows_to_the_side_with_fewer_people():
    a, b = place("a", 0, 0, 0), place("b", 2, 0, 400)
    middle = place("m", 1, 0, 200)
    left = place("l", 1, -90, 200)  # someone on the left, so going right crosses fewer
    pts = bond_points(layout(a, b, middle, left), a, b)
    assert not any(_hits(pts, box) for box in (symbol(middle), label(middle), symbol(left), label(left)))
    assert max(p[0] for p in pts) > 40


def test_people_between_on_one_row_are_arched_over():
    a, b, m = place("a", 1, 0, 200), place("b", 1, 300, 200), place("m", 1, 150, 200)
    arch = bond_points(layout(a, b, m), a, b)
    assert max(p[1] for p in arch) < a.cy - SIZE / 2  # over the row
    assert not _hits(arch, m.box)


def test_every_variant_and_the_arrow_follow_the_curve():
    a, b, c = place("a", 0, 0, 0), place("b", 2, 300, 300), place("c", 1, 150, 150)
    curve = bond_points(layout(a, b, c), a, b)
    for kind in BondKind:
        glyphs = draw.bond_line(kind, curve, directed=kind in (BondKind.ABUSE, BondKind.CARING))
        line = next(x for x in glyphs if isinstance(x, Line))
        assert len(line.points) > 8, kind  # the curve itself
        for path in line_paths(line):  # every stroke (double, triple, zigzag, cut) runs alongside it
            assert all(min(math.dist(q, p) for p in curve) < 12 for q in path), kind
        strokes = [q for path in line_paths(line) for q in path]
        assert not any(_hits(path, symbol(c)) for path in line_paths(line)), kind
        assert len(strokes) >= len(curve) // 2
        heads = [x for x in glyphs if isinstance(x, Polygon)]
        if heads:
            assert math.dist(heads[0].points[0], curve[-1]) < 0.01  # the arrow at b, along the curve


def test_genogram_bonds_use_the_routed_path_and_never_move_anyone():
    case = every_element_case()
    lay = grid_layout(case, EVERY_ROWS)
    before = dict(lay.people)
    for g in groups(genogram_glyphs(case, lay), "bond"):
        bond = next(x for x in case.family.bonds() if x.id == g.owner)
        line = next(x for x in g.children if isinstance(x, Line))
        same = [x for x in case.family.bonds() if {x.a, x.b} == {bond.a, bond.b}]
        if len(same) == 1 and not bond.directed:
            assert line.points == bond_points(lay, lay.people[bond.a], lay.people[bond.b])
    assert lay.people == before
