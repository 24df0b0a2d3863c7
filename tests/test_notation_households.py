"""Household outlines enclose only the people who live there: one rounded region per household."""
from __future__ import annotations

import itertools

from genogram.layout.genogram import layout_genogram
from genogram.layout.types import Box, GenogramLayout, HouseholdJoin, HouseholdPlace, HouseholdRun
from genogram.model import Household, Put
from genogram.notation.genogram import genogram_glyphs
from genogram.notation.glyphs import Polygon, Rect, Text, groups
from genogram.notation.regions import rounded, union_outline
from tests.test_notation import EVERY_ROWS, every_element_case, grid_layout


def inside(pt, loop) -> bool:
    """Even-odd rule: whether a point lies inside a closed polyline."""
    x, y = pt
    hit = False
    for (x0, y0), (x1, y1) in itertools.pairwise(loop):
        if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
            hit = not hit
    return hit


def test_union_outline_of_two_boxes_and_a_bridge_is_one_loop():
    loops = union_outline([(0, 0, 100, 40), (40, 40, 60, 100), (0, 100, 200, 140)])
    assert len(loops) == 1
    assert sorted(loops[0]) == sorted([(0, 0), (100, 0), (100, 40), (60, 40), (60, 100), (200, 100), (200, 140),
                                       (0, 140), (0, 100), (40, 100), (40, 40), (0, 40)])
    assert len(union_outline([(0, 0, 10, 10), (20, 0, 30, 10)])) == 2  # apart: two loops
    assert union_outline([]) == []


def test_rounded_corners_stay_within_the_shape_and_close():
    loop = union_outline([(0, 0, 100, 40), (40, 40, 60, 100)])[0]
    pts = rounded(loop, 12.0)
    assert pts[0] == pts[-1]
    assert all(-1e-9 <= x <= 100 + 1e-9 and -1e-9 <= y <= 100 + 1e-9 for x, y in pts)
    assert not any(p in pts for p in ((0, 0), (100, 0)))  # outer corners cut
    assert inside((50, 90), pts) and inside((10, 20), pts) and not inside((10, 80), pts)


def _with_places(case, lay: GenogramLayout, hid: str, runs: list[list[str]], joins=()) -> GenogramLayout:
    made = []
    for members in runs:
        boxes = [lay.people[m].box for m in members]
        x0, y0 = min(b.x for b in boxes), min(b.y for b in boxes)
        x1, y1 = max(b.right for b in boxes), max(b.bottom for b in boxes)
        made.append(HouseholdRun(lay.people[members[0]].generation, tuple(members), Box(x0, y0, x1 - x0, y1 - y0)))
    lay.households[hid] = HouseholdPlace(hid, tuple(made), tuple(joins))
    return lay


def test_a_household_split_over_two_rows_is_one_region_that_leaves_out_the_people_between():
    case = every_element_case()
    lay = grid_layout(case, EVERY_ROWS)
    # h1: Dafydd and Ayşe on the middle row; Jordan, An and Lowri below, joined under Ayşe
    x = lay.people["ayse"].cx
    lay = _with_places(case, lay, "h1", [["dafydd", "ayse"], ["jordan", "an", "lowri"]],
                       [HouseholdJoin(0, 1, x - 20, x + 20)])
    g = next(h for h in groups(genogram_glyphs(case, lay), "household") if h.owner == "h1")
    outlines = [c for c in g.children if isinstance(c, Polygon)]
    assert len(outlines) == 1 and outlines[0].dash
    loop = outlines[0].points
    for pid in ("dafydd", "ayse", "jordan", "an", "lowri"):
        p = lay.people[pid]
        assert inside((p.cx, p.cy), loop) and inside((p.box.x + 1, p.box.bottom - 1), loop), pid
    for pid in ("zofia", "kai", "mc", "sian"):  # beside the runs, or under the gap: outside
        p = lay.people[pid]
        assert not inside((p.cx, p.cy), loop), pid
    name = next(h for h in groups(genogram_glyphs(case, lay), "household-name") if h.owner == "h1/name")
    assert any(isinstance(t, Text) and t.text == "Dafydd and Ayşe's house" for t in name.children)


def test_runs_the_layout_does_not_join_are_separate_outlines_of_one_household():
    case = every_element_case()
    lay = _with_places(case, grid_layout(case, EVERY_ROWS), "h2", [["zofia"], ["rhi", "sian"]])
    g = next(h for h in groups(genogram_glyphs(case, lay), "household") if h.owner == "h2")
    assert len([c for c in g.children if isinstance(c, Polygon)]) == 2
    name = next(h for h in groups(genogram_glyphs(case, lay), "household-name") if h.owner == "h2/name")
    texts = [c for c in name.children if isinstance(c, Text)]
    assert len(texts) == 1 and texts[0].y < lay.people["zofia"].cy  # the name once, on the first


def test_one_run_is_a_plain_rounded_box_and_a_private_member_is_left_outside():
    case = every_element_case()
    lay = _with_places(case, grid_layout(case, EVERY_ROWS), "h2", [["rhi", "sian"]])
    g = next(h for h in groups(genogram_glyphs(case, lay), "household") if h.owner == "h2")
    assert isinstance(g.children[0], Rect) and g.children[0].radius > 0
    case.apply(Put("households", Household("h3", "Gwen's", ("emrys", "gwen"))))
    lay = _with_places(case, lay, "h3", [["emrys", "gwen"]])
    box = next(h for h in groups(genogram_glyphs(case, lay, hide_private=True), "household") if h.owner == "h3")
    rect = box.children[0]
    assert rect.x + rect.width < lay.people["gwen"].box.x  # Gwen is private: not shown as living there


def test_the_real_layout_of_a_household_apart_gives_outlines_round_members_only():
    case = every_element_case()
    lay = layout_genogram(case)
    for g in groups(genogram_glyphs(case, lay), "household"):
        members = set(next(h for h in case.family.households() if h.id == g.owner).members)
        shapes = [c for c in g.children if isinstance(c, (Polygon, Rect))]
        loops = [c.points if isinstance(c, Polygon) else
                 ((c.x, c.y), (c.x + c.width, c.y), (c.x + c.width, c.y + c.height), (c.x, c.y + c.height), (c.x, c.y))
                 for c in shapes]
        for p in lay.people.values():
            if p.id in members:
                assert any(inside((p.cx, p.cy), lp) for lp in loops), (g.owner, p.id)
            else:
                assert not any(inside((p.cx, p.cy), lp) for lp in loops), (g.owner, p.id)


def test_two_bridges_between_the_same_runs_make_one_band_not_a_ring():
    case = every_element_case()
    lay = grid_layout(case, EVERY_ROWS)
    left, right = lay.people["dafydd"].cx, lay.people["ayse"].cx
    lay = _with_places(case, lay, "h1", [["dafydd", "ayse"], ["jordan", "an", "lowri"]],
                       [HouseholdJoin(0, 1, left - 10, left + 10), HouseholdJoin(0, 1, right - 10, right + 10)])
    g = next(h for h in groups(genogram_glyphs(case, lay), "household") if h.owner == "h1")
    outlines = [c for c in g.children if isinstance(c, Polygon)]
    assert len(outlines) == 1  # no inner loop between the bridges
    gap_y = (lay.people["ayse"].box.bottom + lay.people["lowri"].box.y) / 2
    assert inside(((left + right) / 2, gap_y), outlines[0].points)
