"""The notation: every fact produces the glyph its style says, the key lists only what is used,
and notes never reach the drawing. Layouts here are built by hand, so these tests do not
depend on the layout engine."""
from __future__ import annotations

from dataclasses import replace

from genogram.layout.types import Box, GenogramLayout, PersonPlace, UnionPlace
from genogram.model import (
    AddPerson,
    AddUnion,
    BirthGroup,
    Bond,
    BondKind,
    Case,
    CaseMeta,
    ChildKind,
    ChildLink,
    FuzzyDate,
    Gender,
    Household,
    LinkChild,
    Person,
    PersonKind,
    Put,
    Union,
    UnionKind,
)
from genogram.model.family import link_id
from genogram.notation import styles as S
from genogram.notation.genogram import genogram_glyphs
from genogram.notation.geometry import bounds, dash_segments, line_paths
from genogram.notation.glyphs import Circle, Cross, Group, Line, Polygon, Rect, Text, groups, walk
from genogram.notation.legend import legend_entries, legend_glyphs
from genogram.notation.metrics import person_box_size, symbol_size

D = FuzzyDate.parse
ROW = 175.0
NOTE = "Private worry about Dad's drinking"


def _person(case: Case, pid: str, given: str, family: str = "", gender: Gender = Gender.UNKNOWN,
            **kw: object) -> None:
    case.apply(AddPerson(Person(pid, given=given, family_name=family, gender=gender, **kw)))  # type: ignore[arg-type]


def every_element_case() -> Case:
    """An invented family that uses every symbol: all genders, losses, twins, every union,
    child and bond kind, households, an index child, and names in many scripts."""
    c = Case(CaseMeta(title="The Pritchard-Doğan family", as_at=D("2026-03-01"), index_person="lowri",
                      fictional=True))
    F, M, N, U = Gender.FEMALE, Gender.MALE, Gender.NON_BINARY, Gender.UNKNOWN
    _person(c, "emrys", "Emrys", "Pritchard", M, born=D("1940-05-02"), died=D("2015-11-20"))
    _person(c, "gwen", "Gwenllian", "Pritchard", F, born=D("1943"), note=NOTE, private=True)
    _person(c, "nikos", "Νίκος", "Παπαδόπουλος", M, born=D("about 1969"))
    _person(c, "zofia", "Zofia", "Łukasiewicz", F, born=D("1970-07-14"))
    _person(c, "dafydd", "Dafydd", "Pritchard", M, born=D("1968-02-03"), note=NOTE)
    _person(c, "ayse", "Ayşe", "Doğan", F, born=D("1980-09-09"))
    _person(c, "kai", "Kai", "Ŵyn", U, born=D("1999"))
    _person(c, "rhi", "Rhiannon", "Pritchard", F, born=D("1995-04-01"))
    _person(c, "sian", "Siân", "Pritchard", F, born=D("1995-04-01"))
    _person(c, "mc", "", "", U, kind=PersonKind.MISCARRIAGE, died=D("1998"))
    _person(c, "olek", "Олександр", "Шевченко", N, born=D("2001-01-05"))
    _person(c, "jordan", "Jordan", "Doğan", M, born=D("2007-06-06"))
    _person(c, "an", "Nguyễn Văn", "An", M, born=D("2012-12-12"))
    _person(c, "lowri", "Lowri", "Pritchard", F, born=D("2015-08-30"))
    _person(c, "sb", "", "", M, kind=PersonKind.STILLBIRTH, died=D("2018"))
    _person(c, "top", "", "", U, kind=PersonKind.TERMINATION, died=D("2020"))
    _person(c, "preg", "", "", U, kind=PersonKind.PREGNANCY)
    unions = [
        Union("u1", ("emrys", "gwen"), UnionKind.WIDOWED, started=D("1962"), ended=D("2015")),
        Union("u2", ("nikos", "zofia"), UnionKind.SEPARATED, started=D("2011"), separated=D("2019")),
        Union("u3", ("dafydd", "zofia"), UnionKind.DIVORCED, started=D("1992"), ended=D("2010")),
        Union("u4", ("dafydd", "ayse"), UnionKind.COHABITING, started=D("2012")),
        Union("u5", ("kai", "olek"), UnionKind.ENGAGED, started=D("2025")),
    ]
    for u in unions:
        c.apply(AddUnion(u))
    links = [("u1", "dafydd", ChildKind.BIRTH), ("u1", "kai", ChildKind.KINSHIP),
             ("u3", "rhi", ChildKind.BIRTH), ("u3", "sian", ChildKind.BIRTH), ("u3", "mc", ChildKind.BIRTH),
             ("u3", "olek", ChildKind.ADOPTED), ("u4", "jordan", ChildKind.STEP),
             ("u4", "an", ChildKind.FOSTERED), ("u4", "lowri", ChildKind.SPECIAL_GUARDIANSHIP),
             ("u4", "sb", ChildKind.BIRTH), ("u4", "top", ChildKind.BIRTH), ("u4", "preg", ChildKind.BIRTH)]
    for u, ch, k in links:
        c.apply(LinkChild(ChildLink(u, ch, k)))
    c.apply(Put("birth_groups", BirthGroup("tw1", "u3", ("rhi", "sian"), identical=True)))
    bonds = [("b1", "lowri", "ayse", BondKind.CLOSE, False), ("b2", "rhi", "sian", BondKind.FUSED, False),
             ("b3", "dafydd", "olek", BondKind.DISTANT, False), ("b4", "zofia", "ayse", BondKind.CONFLICT, False),
             ("b5", "nikos", "dafydd", BondKind.HOSTILE, False), ("b6", "emrys", "dafydd", BondKind.CUT_OFF, False),
             ("b7", "nikos", "zofia", BondKind.ABUSE, True), ("b8", "gwen", "lowri", BondKind.CARING, True)]
    for bid, a, b, k, d in bonds:
        c.apply(Put("bonds", Bond(bid, a, b, k, d, note=NOTE)))
    c.apply(Put("households", Household("h1", "Dafydd and Ayşe's house", ("dafydd", "ayse", "jordan", "an", "lowri"))))
    c.apply(Put("households", Household("h2", "Zofia's flat", ("zofia", "rhi", "sian"))))
    return c


EVERY_ROWS = [
    [("emrys", 330), ("gwen", 470)],
    [("nikos", 80), ("zofia", 210), ("dafydd", 400), ("ayse", 560), ("kai", 720), ("olek", 850)],
    [("rhi", 40), ("sian", 140), ("mc", 220), ("jordan", 320), ("an", 420), ("lowri", 520), ("sb", 600),
     ("top", 660), ("preg", 720)],
]


def grid_layout(case: Case, rows: list[list[tuple[str, float]]]) -> GenogramLayout:
    """A hand-made layout: people at given x on rows; each union's line below its partners' labels."""
    lay = GenogramLayout()
    for gen, row in enumerate(rows):
        cy = 40.0 + gen * ROW
        for pid, x in row:
            size = symbol_size(case, pid)
            w, h = person_box_size(case, pid)
            lay.people[pid] = PersonPlace(pid, gen, x, cy, size, Box(x - w / 2, cy - size / 2, w, h))
    per_row: dict[int, int] = {}
    for u in case.family.unions():
        a, b = (lay.people[p] for p in u.partners)
        left, right = sorted((a, b), key=lambda p: p.cx)
        k = per_row.get(a.generation, 0)
        per_row[a.generation] = k + 1
        bar_y = max(a.box.bottom, b.box.bottom) + 12 + 12 * k
        kids = sorted((lk.child for lk in case.family.children_of(u.id) if lk.child in lay.people),
                      key=lambda pid: lay.people[pid].cx)
        next_top = 40.0 + (a.generation + 1) * ROW - 18 - 22
        lay.unions[u.id] = UnionPlace(u.id, u.partners, left.cx, right.cx, bar_y, (left.cx + right.cx) / 2,
                                      next_top - 8 * k, tuple(kids))
    _x0, _y0, x1, y1 = bounds(genogram_glyphs(case, lay))
    lay.width, lay.height = x1, y1
    return lay


def every_element() -> tuple[Case, GenogramLayout]:
    case = every_element_case()
    return case, grid_layout(case, EVERY_ROWS)


def _group(glyphs, owner):
    return next(g for g in groups(glyphs) if g.owner == owner)


def _lines(group: Group) -> list[Line]:
    return [g for g in walk([group]) if isinstance(g, Line)]


# ---- people ------------------------------------------------------------------------------------
def test_people_are_drawn_by_gender_and_kind():
    case, lay = every_element()
    gl = genogram_glyphs(case, lay)
    assert isinstance(_group(gl, "emrys").children[0], Rect)  # male: square
    assert isinstance(_group(gl, "gwen").children[0], Circle)  # female: circle
    olek = _group(gl, "olek").children[0]
    assert isinstance(olek, Polygon) and len(olek.points) == 4  # non-binary: diamond
    kai = walk([_group(gl, "kai")])
    assert isinstance(kai[0], Polygon) and any(isinstance(t, Text) and t.text == "?" for t in kai)
    assert isinstance(_group(gl, "preg").children[0], Polygon) and len(_group(gl, "preg").children[0].points) == 3
    mc = _group(gl, "mc").children[0]
    assert isinstance(mc, Circle) and mc.fill == S.INK and mc.r < S.SYMBOL_STROKE.width * 10
    assert isinstance(_group(gl, "top").children[0], Cross)
    sb = _group(gl, "sb").children
    assert isinstance(sb[0], Rect) and isinstance(sb[1], Cross) and sb[0].width == symbol_size(case, "sb")


def test_deceased_has_an_x_and_age_at_death_inside():
    case, lay = every_element()
    g = _group(genogram_glyphs(case, lay), "emrys")
    crosses = [x for x in g.children if isinstance(x, Cross)]
    assert len(crosses) == 1 and crosses[0].cx == lay.people["emrys"].cx
    texts = [t.text for t in g.children if isinstance(t, Text)]
    assert "75" in texts  # 2 May 1940 to 20 Nov 2015
    assert "1940–2015" in texts and "Emrys Pritchard" in texts


def test_age_is_as_at_the_case_date_and_index_child_has_a_double_outline():
    case, lay = every_element()
    g = _group(genogram_glyphs(case, lay), "lowri")
    circles = [c for c in g.children if isinstance(c, Circle)]
    assert len(circles) == 2 and circles[0].r - circles[1].r == S.INDEX_GAP
    assert "10" in [t.text for t in g.children if isinstance(t, Text)]  # born Aug 2015, as at Mar 2026
    case.apply(replace_meta(case, as_at=D("2026-09-01")))
    g = _group(genogram_glyphs(case, lay), "lowri")
    assert "11" in [t.text for t in g.children if isinstance(t, Text)]
    nikos = _group(genogram_glyphs(case, lay), "nikos")
    assert any(isinstance(t, Text) and t.text.startswith("~") for t in nikos.children)  # born "about 1969"


def replace_meta(case: Case, **kw: object):
    from genogram.model import SetMeta

    return SetMeta(replace(case.meta, **kw))


# ---- partnerships, children, twins ----------------------------------------------------------------
def test_every_union_kind_has_its_line_and_dates():
    case, lay = every_element()
    gl = genogram_glyphs(case, lay)
    married = _lines(_group(gl, "u1"))[0]
    assert married.dash == () and married.variant == "single"
    assert _lines(_group(gl, "u4"))[0].dash == S.DASHED  # living together
    engaged = _group(gl, "u5")
    assert _lines(engaged)[0].dash == S.DASHED and any(isinstance(c, Circle) for c in engaged.children)

    def slashes(uid):
        return [ln for ln in _lines(_group(gl, uid)) if len(ln.points) == 2 and ln.points[0][0] != ln.points[1][0]
                and ln.points[0][1] != ln.points[1][1]]
    assert len(slashes("u2")) == 1 and len(slashes("u3")) == 2 and not slashes("u1")
    texts = {t.text for t in walk([_group(gl, "u3")]) if isinstance(t, Text)}
    assert texts == {"m. 1992  div. 2010"}
    texts = {t.text for t in walk([_group(gl, "u2")]) if isinstance(t, Text)}
    assert texts == {"m. 2011  sep. 2019"}
    case.apply(AddUnion(Union("u9", ("rhi", "jordan"), UnionKind.CASUAL)))
    lay2 = grid_layout(case, EVERY_ROWS)
    assert _lines(_group(genogram_glyphs(case, lay2), "u9"))[0].dash == S.DOTTED


def test_child_lines_follow_the_link_kind_and_adopted_children_get_brackets():
    case, lay = every_element()
    gl = genogram_glyphs(case, lay)
    for union, child, kind in (("u3", "rhi", ChildKind.BIRTH), ("u3", "olek", ChildKind.ADOPTED),
                               ("u4", "an", ChildKind.FOSTERED), ("u4", "jordan", ChildKind.STEP),
                               ("u1", "kai", ChildKind.KINSHIP), ("u4", "lowri", ChildKind.SPECIAL_GUARDIANSHIP)):
        first = _lines(_group(gl, link_id(union, child)))[0]
        assert first.dash == S.CHILD_STYLES[kind].stroke.dash, kind
        assert first.colour == S.CHILD_STYLES[kind].stroke.colour
    assert len(_lines(_group(gl, link_id("u3", "olek")))) == 3  # line and two brackets
    # every child line ends on its child's symbol
    olek = lay.people["olek"]
    assert _lines(_group(gl, link_id("u3", "olek")))[0].points[-1] == (olek.cx, olek.cy - olek.size / 2)


def test_twins_leave_from_one_point_and_identical_twins_have_a_bar():
    case, lay = every_element()
    gl = genogram_glyphs(case, lay)
    a = _lines(_group(gl, link_id("u3", "rhi")))[0].points[0]
    b = _lines(_group(gl, link_id("u3", "sian")))[0].points[0]
    assert a == b
    sib_y = lay.unions["u3"].sib_y
    bars = [ln for ln in _lines(_group(gl, "u3")) if ln.points[0][1] == ln.points[1][1] and ln.points[0][1] > sib_y]
    assert len(bars) == 1
    case.apply(Put("birth_groups", BirthGroup("tw1", "u3", ("rhi", "sian"), identical=False)))
    gl = genogram_glyphs(case, lay)
    bars = [ln for ln in _lines(_group(gl, "u3")) if ln.points[0][1] == ln.points[1][1] and ln.points[0][1] > sib_y]
    assert bars == []


# ---- bonds, households --------------------------------------------------------------------------
def test_bonds_are_an_overlay_with_their_own_style_and_arrows_point_to_b():
    case, lay = every_element()
    gl = genogram_glyphs(case, lay)
    variants = {bid: _lines(_group(gl, bid))[0].variant for bid in ("b1", "b2", "b4", "b5", "b6")}
    assert variants == {"b1": "double", "b2": "triple", "b4": "zigzag", "b5": "zigzag_double", "b6": "cut"}
    assert _lines(_group(gl, "b3"))[0].dash == S.DOTTED
    abuse = _group(gl, "b7")
    head = next(c for c in abuse.children if isinstance(c, Polygon))
    zofia, nikos = lay.people["zofia"], lay.people["nikos"]
    tip = head.points[0]
    assert abs(tip[0] - zofia.cx) < abs(tip[0] - nikos.cx)  # arrow at Zofia's end: Nikos harms Zofia
    assert not any(isinstance(c, Polygon) for c in _group(gl, "b1").children)  # undirected: no arrow
    # bonds never change where anyone is drawn
    without = Case(case.meta)
    assert lay.people["zofia"] == grid_layout(case, EVERY_ROWS).people["zofia"] and without is not None
    # a bond between people on one row with others between them arches over the row
    caring = _lines(_group(gl, "b5"))[0]
    assert max(p[1] for p in caring.points) < lay.people["zofia"].cy - lay.people["zofia"].size / 2


def test_zigzag_and_parallel_lines_expand_to_strokes():
    base = Line(((0.0, 0.0), (100.0, 0.0)), variant="zigzag", spacing=3.0)
    (zz,) = line_paths(base)
    assert len(zz) > 10 and max(abs(p[1]) for p in zz) == 3.0
    assert len(line_paths(replace(base, variant="triple"))) == 3
    assert sorted({p[1] for path in line_paths(replace(base, variant="double")) for p in path}) == [-1.5, 1.5]
    cut = line_paths(replace(base, variant="cut"))
    assert cut[0][-1][0] < 50 < cut[1][0][0]
    assert len(dash_segments(((0.0, 0.0), (80.0, 0.0)), (5.0, 3.0))) == 10


def test_households_are_rounded_outlines_round_their_members():
    case, lay = every_element()
    g = _group(genogram_glyphs(case, lay), "h1")
    rect = g.children[0]
    assert isinstance(rect, Rect) and rect.radius > 0 and rect.dash == S.HOUSEHOLD.dash
    for pid in ("dafydd", "ayse", "lowri"):
        box = lay.people[pid].box
        assert rect.x < box.x and rect.x + rect.width > box.right and rect.y < box.y
    drawn = genogram_glyphs(case, lay)
    name = _group(drawn, "h1/name")  # the name is its own group, drawn over every line and bond
    assert name.kind == "household-name" and not any(isinstance(t, Text) for t in g.children)
    assert any(isinstance(t, Text) and t.text == "Dafydd and Ayşe's house" for t in name.children)
    assert drawn.index(name) > max(i for i, d in enumerate(drawn) if d.kind in ("union", "link", "bond"))


def test_notes_are_never_drawn():
    case, lay = every_element()
    texts = " ".join(t.text for t in walk(genogram_glyphs(case, lay) + legend_glyphs(case)) if isinstance(t, Text))
    assert "drinking" not in texts and "Gwenllian" in texts


def test_groups_are_owned_by_what_they_show():
    case, lay = every_element()
    gl = genogram_glyphs(case, lay)
    owners = {(g.kind, g.owner) for g in gl}
    assert {("person", p.id) for p in case.family.people()} <= owners
    assert {("union", u.id) for u in case.family.unions()} <= owners
    assert {("bond", b.id) for b in case.family.bonds()} <= owners
    assert ("link", link_id("u4", "lowri")) in owners and ("household", "h2") in owners


# ---- legend -------------------------------------------------------------------------------------
def test_legend_lists_every_symbol_of_a_full_family():
    case, _ = every_element()
    keys = {e.key for e in legend_entries(case)}
    expected = ({f"gender:{g.value}" for g in Gender} | {f"union:{u.value}" for u in UnionKind} - {"union:casual", "union:married"}
                | {f"child:{k.value}" for k in ChildKind} | {f"bond:{b.value}" for b in BondKind}
                | {f"kind:{k.value}" for k in PersonKind if k is not PersonKind.PERSON}
                | {"age", "deceased", "index", "twins:identical", "household"})
    assert keys == expected


def test_legend_lists_only_the_symbols_used():
    c = Case(CaseMeta(as_at=D("2026-01-01")))
    _person(c, "a", "Ann", gender=Gender.FEMALE)
    _person(c, "b", "Bob", gender=Gender.MALE)
    c.apply(AddUnion(Union("u1", ("a", "b"), UnionKind.DIVORCED)))
    keys = [e.key for e in legend_entries(c)]
    assert keys == ["gender:female", "gender:male", "union:divorced"]
    (legend,) = legend_glyphs(c)
    labels = [t.text for t in walk([legend]) if isinstance(t, Text)]
    assert labels == ["Key", "Female", "Male", "Divorced"]
    assert legend_glyphs(Case()) == []


def test_legend_columns_fit_the_width():
    case, _ = every_element()
    narrow = bounds(legend_glyphs(case, 200))
    wide = bounds(legend_glyphs(case, 800))
    assert wide[2] - wide[0] <= 800 and wide[3] - wide[1] < narrow[3] - narrow[1]


# ---- the documentation keeps up with the style table ------------------------------------------------
def test_docs_name_every_symbol_and_show_the_current_key():
    import io
    from pathlib import Path

    from PIL import Image

    from genogram.export.legend_image import full_legend_png
    from genogram.notation.legend import all_entries

    root = Path(__file__).resolve().parents[1]
    doc = (root / "docs" / "notation.md").read_text(encoding="utf-8")
    labels = ([S.GENDER_LABELS[g] for g in Gender] + list(S.KIND_LABELS.values())
              + [s.label for s in S.UNION_STYLES.values()] + [s.label.split(" (")[0] for s in S.CHILD_STYLES.values()]
              + list(S.TWIN_LABELS.values()) + [s.label for s in S.BOND_STYLES.values()] + ["Household"])
    missing = [label for label in labels if label not in doc]
    assert not missing, f"docs/notation.md does not describe: {missing}"
    committed = Image.open(root / "docs" / "images" / "notation-legend.png")
    fresh = Image.open(io.BytesIO(full_legend_png()))
    assert committed.size == fresh.size, "run python -m genogram.export.legend_image docs/images/notation-legend.png"
    assert len(all_entries()) == len({e.key for e in all_entries()})


def test_a_bond_between_partners_side_by_side_runs_below_their_partnership_line():
    case, lay = every_element()
    # put Nikos and Zofia's partnership line at mid-height, as the layout does for neighbours
    up = lay.unions["u2"]
    lay.unions["u2"] = replace(up, bar_y=lay.people["zofia"].cy)
    gl = genogram_glyphs(case, lay)
    shaft = _lines(_group(gl, "b7"))[0]
    assert {p[1] for p in shaft.points} == {lay.people["zofia"].cy + S.BOND_DROP * 36.0}
    dates = [t for t in walk([_group(gl, "u2")]) if isinstance(t, Text)]
    assert [t.text for t in dates] == ["sep. 2019", "m. 2011"]
    gap = (lay.people["nikos"].cx + 18, lay.people["zofia"].cx - 18)
    for t in dates:  # inside the gap between the two symbols, above the line
        assert gap[0] < t.x < gap[1] and t.y < lay.people["zofia"].cy
        from genogram.notation.metrics import text_width
        assert text_width(t.text, t.size) <= gap[1] - gap[0]


def test_hiding_private_people_keeps_their_place_and_symbol_only():
    case, lay = every_element()
    gl = genogram_glyphs(case, lay, hide_private=True)
    gwen = _group(gl, "gwen")
    assert isinstance(gwen.children[0], Circle)
    assert [t.text for t in walk([gwen]) if isinstance(t, Text)] == ["Private"]
    assert "b8" not in {g.owner for g in groups(gl, "bond")}
    assert "u1" in {g.owner for g in groups(gl, "union")}
    assert not [t for t in walk([_group(gl, "u1")]) if isinstance(t, Text)]  # no dates beside her
    assert "bond:caring" not in {e.key for e in legend_entries(case, hide_private=True)}
    assert "bond:caring" in {e.key for e in legend_entries(case)}


def test_two_relationships_between_the_same_people_are_drawn_apart():
    case, lay = every_element()
    case.apply(Put("bonds", Bond("b9", "ayse", "lowri", BondKind.CONFLICT)))
    gl = genogram_glyphs(case, lay)
    close, conflict = _lines(_group(gl, "b1"))[0], _lines(_group(gl, "b9"))[0]
    gap = min(abs(p[0] - q[0]) + abs(p[1] - q[1]) for p in close.points for q in conflict.points)
    assert gap > S.BOND_SEPARATION * 0.8
