"""Layout fixes found by looking at the demo printouts: household outlines that enclose only
members, losses among their siblings, an adopted child's birth family on its own generation,
twins together in a partial view, and married-in people near their parents."""
from __future__ import annotations

import pytest

from genogram.layout import layout_genogram
from genogram.model import ChildKind, Household, PersonKind, Put, UnionKind

from .test_layout_families import F, Family, M, check_rules


def _row(layout, pid):
    p = layout.people[pid]
    return sorted((q for q in layout.people.values() if q.cy == p.cy), key=lambda q: q.cx)


def two_homes() -> Family:
    """Kim's children with Ash (living with Kim and Ash's new partner) and Kim's new partner."""
    f = Family("Two homes")
    f.person("ash", "Ash", M, 1980)
    f.person("kim", "Kim", F, 1982)
    f.person("lou", "Lou", F, 1984)
    f.person("nat", "Nat", M, 1983)
    f.union("u1", "ash", "kim", UnionKind.SEPARATED, 2005)
    f.union("u2", "ash", "lou", UnionKind.COHABITING, 2015)
    f.union("u3", "kim", "nat", UnionKind.COHABITING, 2016)
    f.person("ola", "Ola", F, 2008)
    f.child("u1", "ola")
    f.person("pip", "Pip", M, 2017)
    f.child("u2", "pip")
    f.person("loss", "", kind=PersonKind.MISCARRIAGE, born=2018)
    f.child("u3", "loss")
    f.person("ren", "Ren", F, 2019)
    f.child("u3", "ren")
    return f


def test_household_runs_never_enclose_anyone_else():
    f = two_homes()
    f.case.apply(Put("households", Household("h_kim", "Kim's", ("kim", "nat", "ola", "ren"))))
    f.case.apply(Put("households", Household("h_ash", "Ash's", ("ash", "lou", "pip"))))
    layout = layout_genogram(f.case)
    check_rules(f.case, layout)
    for hid, members in (("h_kim", {"kim", "nat", "ola", "ren"}), ("h_ash", {"ash", "lou", "pip"})):
        place = layout.households[hid]
        assert {m for r in place.runs for m in r.members} - {"loss"} == members
        for run in place.runs:
            for q in layout.people.values():
                if q.id not in run.members:
                    assert not run.box.overlaps(q.box), f"{hid} run encloses {q.id}"
        for j in place.joins:
            up, low = place.runs[j.upper], place.runs[j.lower]
            assert low.row == up.row + 1 and j.x1 - j.x0 >= 12
            assert up.box.x <= j.x0 < j.x1 <= up.box.right and low.box.x <= j.x0 < j.x1 <= low.box.right


def test_loss_between_members_does_not_split_a_run_but_never_ends_one():
    f = two_homes()
    f.case.apply(Put("households", Household("h", "Kim's", ("ren",))))
    layout = layout_genogram(f.case)
    (run,) = layout.households["h"].runs
    assert run.members == ("ren",)
    f.case.apply(Put("households", Household("h", "Kim's", ("kim", "nat", "ren"))))
    layout = layout_genogram(f.case)
    row = [p.id for p in _row(layout, "ren")]
    assert row.index("loss") + 1 == row.index("ren")  # the loss stands beside its sister


def test_household_split_across_rows_reports_separate_runs_without_a_join():
    """Grandparents caring for a grandchild: two outlines, not one box over the parents' row."""
    f = Family("Kinship care")
    f.person("gp", "Gwil", M, 1950)
    f.person("gm", "Gwen", F, 1952)
    f.union("ug", "gp", "gm")
    f.person("mum", "Mair", F, 1980)
    f.child("ug", "mum")
    f.person("dad", "Dai", M, 1979)
    f.union("um", "dad", "mum")
    f.person("kid", "Kit", M, 2012)
    f.child("um", "kid")
    f.child("ug", "kid", ChildKind.KINSHIP)
    f.case.apply(Put("households", Household("h", "Nain and Taid's", ("gp", "gm", "kid"))))
    layout = layout_genogram(f.case)
    place = layout.households["h"]
    assert [r.members for r in place.runs] == [("gp", "gm"), ("kid",)]
    assert place.joins == ()


def test_adopted_childs_birth_parents_sit_on_the_adoptive_parents_row():
    f = Family("Adoption with a birth sibling")
    f.person("g1", "Glyn", M, 1950)
    f.person("g2", "Gail", F, 1952)
    f.union("ug", "g1", "g2")
    f.person("ad", "Adam", M, 1980)
    f.child("ug", "ad")
    f.person("ae", "Aled", M, 1981)
    f.union("ua", "ad", "ae")
    f.person("bm", "Bex", F, 1995)
    f.person("bf", "Ben", M, 1994)
    f.union("ub", "bf", "bm", UnionKind.CASUAL)
    f.person("kid", "Kai", M, 2016)
    f.child("ub", "kid")
    f.child("ua", "kid", ChildKind.ADOPTED)
    f.person("sib", "Sia", F, 2022)
    f.child("ub", "sib")
    layout = layout_genogram(f.case)
    check_rules(f.case, layout)
    gen = {pid: p.generation for pid, p in layout.people.items()}
    assert gen["bm"] == gen["bf"] == gen["ad"] == 1
    assert gen["sib"] == gen["kid"] == 2
    assert gen["g1"] == 0


def test_grandparents_caring_for_a_grandchild_stay_on_top():
    f = Family("Kinship care")
    f.person("gp", "Gwil", M, 1950)
    f.person("gm", "Gwen", F, 1952)
    f.union("ug", "gp", "gm")
    f.person("mum", "Mair", F, 1980)
    f.child("ug", "mum")
    f.person("dad", "Dai", M, 1979)
    f.union("um", "dad", "mum")
    f.person("kid", "Kit", M, 2012)
    f.child("um", "kid")
    f.child("ug", "kid", ChildKind.KINSHIP)
    layout = layout_genogram(f.case)
    assert [layout.people[p].generation for p in ("gp", "mum", "kid")] == [0, 1, 2]


def married_in_youngest(dana_born: int = 1992) -> Family:
    """A stillborn daughter among her brother and sisters; Dana married an only child."""
    f = Family("Stillbirth among siblings")
    f.person("gar", "Gareth", M, 1949)
    f.person("eir", "Eirlys", F, 1952)
    f.union("ug", "gar", "eir", started=1973)
    for pid, name, g, year, kind in (("cat", "Catrin", F, 1974, PersonKind.PERSON),
                                     ("rhys", "Rhys", M, 1977, PersonKind.PERSON),
                                     ("ser", "Seren", F, 1985, PersonKind.STILLBIRTH),
                                     ("dana", "Dana", F, dana_born, PersonKind.PERSON)):
        f.person(pid, name, g, year, kind)
        f.child("ug", pid)
    f.person("soph", "Sophie", F, 1979)
    f.union("ur", "rhys", "soph", started=2004)
    f.person("mah", "Mahmoud", M, 1915)
    f.person("fat", "Fatima", F, 1920)
    f.union("um", "mah", "fat")
    f.person("lay", "Layla", F, 1940)
    f.child("um", "lay")
    f.person("ahm", "Ahmad", M, 1936)
    f.union("ua", "ahm", "lay")
    f.person("yus", "Yusuf", M, 1962)
    f.child("ua", "yus")
    f.person("sam", "Samira", F, 1964)
    f.union("uy", "yus", "sam")
    f.person("omar", "Omar", M, 1989)
    f.child("uy", "omar")
    f.person("ele", "Eleni", F, 1993)
    f.person("lan", "Lan", F, 1990)
    f.union("uo", "omar", "dana", UnionKind.SEPARATED, 2015)
    f.union("ue", "omar", "ele", UnionKind.COHABITING, 2022)
    f.union("ul", "dana", "lan", UnionKind.ENGAGED, 2023)
    return f


@pytest.mark.parametrize("dana_born", [1992, 1970])
def test_stillbirth_stays_among_her_siblings_in_birth_order(dana_born):
    """Dana's line back to her family stays short whether she is the youngest or the eldest."""
    f = married_in_youngest(dana_born)
    layout = layout_genogram(f.case)
    check_rules(f.case, layout)
    order = ("cat", "rhys", "ser", "dana") if dana_born > 1985 else ("dana", "cat", "rhys", "ser")
    xs = [layout.people[p].cx for p in order]
    assert xs == sorted(xs), "oldest on the left, the stillbirth in her place"
    sibs = {"cat", "rhys", "ser", "dana"}
    partners = {"soph", "lan"}  # a sibling's partner may stand beside them
    between = [p.id for p in _row(layout, "cat") if xs[0] < p.cx < xs[-1]]
    assert set(between) <= sibs | partners, f"others among the siblings: {between}"


def test_adopted_child_hangs_under_the_family_she_lives_with():
    from .test_layout_families import adoption
    case = adoption()
    layout = layout_genogram(case)
    ana = layout.people["ana"].cx
    assert abs(ana - layout.unions["ub"].drop_x) < abs(ana - layout.unions["ua"].drop_x)
    case.apply(Put("households", Household("h", "Home", ("dee", "eli", "ana", "fin"))))
    layout = layout_genogram(case)
    check_rules(case, layout)
    ana = layout.people["ana"].cx
    assert abs(ana - layout.unions["ua"].drop_x) < abs(ana - layout.unions["ub"].drop_x)
    place = layout.households["h"]
    assert [r.members for r in place.runs] == [("eli", "dee"), ("fin", "ana")]
    assert len(place.joins) == 1, "one region: parents and children together"


def test_household_view_keeps_twins_together_under_the_parent_who_is_there():
    """The ecomap centre draws only a household: the twins' father lives elsewhere."""
    f = Family("Twins in Mum's home")
    f.person("dad", "Michal", M, 1978)
    f.person("mum", "Karen", F, 1982)
    f.person("step", "Dogan", M, 1980)
    f.union("u1", "dad", "mum", UnionKind.DIVORCED, 2008)
    f.union("u2", "step", "mum", UnionKind.MARRIED, 2019)
    for pid, name in (("t1", "Tosh"), ("t2", "Zosia")):
        f.person(pid, name, born=2012)
        f.child("u1", pid)
    f.twins("tw", "u1", "t1", "t2")
    f.person("den", "Deniz", M, 2020)
    f.child("u2", "den")
    home = {"mum", "step", "t1", "t2", "den"}
    layout = layout_genogram(f.case, people=home)
    check_rules(f.case, layout, people=home)
    gen = {pid: p.generation for pid, p in layout.people.items()}
    assert gen["t1"] == gen["t2"] == gen["den"] == gen["mum"] + 1
    row = [p.id for p in _row(layout, "t1")]
    assert abs(row.index("t1") - row.index("t2")) == 1, "twins side by side"
    assert "u1" not in layout.unions  # no partnership line to someone not drawn


def test_regions_group_runs_joined_through_the_gap_between_rows():
    from .test_layout_families import adoption
    case = adoption()
    case.apply(Put("households", Household("h", "Home", ("dee", "eli", "ana", "fin", "bea"))))
    place = layout_genogram(case).households["h"]
    regions = place.regions()
    assert sorted(len(r) for r in regions) == [1, 2]  # Bea's own outline; the family's, joined
    (bea,) = next(r for r in regions if len(r) == 1)
    assert place.runs[bea].members == ("bea",)
