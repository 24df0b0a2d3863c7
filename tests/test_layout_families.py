"""Tricky invented families, and the geometry rules every genogram layout must keep."""
from __future__ import annotations

import pytest

from genogram.layout import GenogramLayout, layout_genogram
from genogram.model import (
    AddPerson,
    AddUnion,
    BirthGroup,
    Case,
    CaseMeta,
    ChildKind,
    ChildLink,
    FuzzyDate,
    Gender,
    LinkChild,
    Person,
    PersonKind,
    Put,
    Union,
    UnionKind,
)
from genogram.model import operations as ops

F, M = Gender.FEMALE, Gender.MALE


class Family:
    """A terse way to write an invented family straight into the model."""

    def __init__(self, title: str) -> None:
        self.case = Case(CaseMeta(title=f"{title} (invented)", fictional=True,
                                  as_at=FuzzyDate(2026, 1, 1)))

    def person(self, pid: str, given: str, gender: Gender = Gender.UNKNOWN, born: int | None = None,
               kind: PersonKind = PersonKind.PERSON) -> str:
        self.case.apply(AddPerson(Person(pid, given=given, gender=gender, kind=kind,
                                         born=FuzzyDate(born) if born else None)))
        return pid

    def union(self, uid: str, a: str, b: str, kind: UnionKind = UnionKind.MARRIED,
              started: int | None = None) -> str:
        self.case.apply(AddUnion(Union(uid, (a, b), kind, FuzzyDate(started) if started else None)))
        return uid

    def child(self, uid: str, pid: str, kind: ChildKind = ChildKind.BIRTH) -> None:
        self.case.apply(LinkChild(ChildLink(uid, pid, kind)))

    def twins(self, gid: str, uid: str, *members: str) -> None:
        self.case.apply(Put("birth_groups", BirthGroup(gid, uid, tuple(members))))


def remarriage() -> Case:
    """Dana's children with Omar, then with Lee; Lee's son from before: half- and step-siblings."""
    f = Family("Remarriage")
    f.person("dana", "Dana", F, 1985)
    f.person("omar", "Omar", M, 1983)
    f.person("lee", "Lee", M, 1980)
    f.person("jo", "Jo", F, 1981)
    f.union("u1", "dana", "omar", UnionKind.DIVORCED, 2005)
    f.union("u2", "dana", "lee", UnionKind.COHABITING, 2014)
    f.union("u3", "jo", "lee", UnionKind.SEPARATED, 2002)
    for pid, name, year, u in (("rosa", "Rosa", 2007, "u1"), ("sami", "Sami", 2009, "u1"),
                               ("kit", "Kit", 2016, "u2"), ("max", "Max", 2004, "u3")):
        f.person(pid, name, born=year)
        f.child(u, pid)
    return f.case


def adoption() -> Case:
    """Ana's birth parents and her adoptive parents, both drawn; the adoptive family's own son."""
    f = Family("Adoption")
    f.person("bea", "Bea", F, 1990)
    f.person("carl", "Carl", M, 1988)
    f.person("dee", "Dee", F, 1975)
    f.person("eli", "Eli", M, 1974)
    f.union("ub", "carl", "bea", UnionKind.CASUAL)
    f.union("ua", "eli", "dee", UnionKind.MARRIED, 2000)
    f.person("ana", "Ana", F, 2012)
    f.person("fin", "Fin", M, 2005)
    f.child("ub", "ana")
    f.child("ua", "ana", ChildKind.ADOPTED)
    f.child("ua", "fin")
    return f.case


def cousins() -> Case:
    """Two cousins, grandchildren of Gwen and Huw, who partner and have a baby."""
    f = Family("Cousins")
    f.person("gwen", "Gwen", F, 1940)
    f.person("huw", "Huw", M, 1938)
    f.union("ug", "huw", "gwen")
    for pid, name, g, year, spouse, sname, sg in (("ann", "Ann", F, 1962, "ben", "Ben", M),
                                                  ("cai", "Cai", M, 1965, "del", "Del", F)):
        f.person(pid, name, g, year)
        f.child("ug", pid)
        f.person(spouse, sname, sg, year)
        f.union(f"u_{pid}", spouse if sg is M else pid, pid if sg is M else spouse)
    f.person("eve", "Eve", F, 1988)
    f.child("u_ann", "eve")
    f.person("fred", "Fred", M, 1990)
    f.child("u_cai", "fred")
    f.person("ann2", "Annie", F, 1986)
    f.child("u_ann", "ann2")
    f.union("ucz", "fred", "eve", UnionKind.COHABITING)
    f.person("baby", "Gus", M, 2015)
    f.child("ucz", "baby")
    return f.case


def two_families() -> Case:
    """Owen, from one family, partners Pia, a generation younger in another family."""
    f = Family("Two families")
    f.person("a1", "Alun", M, 1930)
    f.person("a2", "Beryl", F, 1932)
    f.union("ua", "a1", "a2")
    f.person("owen", "Owen", M, 1955)
    f.child("ua", "owen")
    f.person("b1", "Bryn", M, 1935)
    f.person("b2", "Cerys", F, 1936)
    f.union("ub", "b1", "b2")
    f.person("b3", "Dilys", F, 1958)
    f.child("ub", "b3")
    f.person("b4", "Emlyn", M, 1957)
    f.union("ub2", "b4", "b3")
    f.person("pia", "Pia", F, 1982)
    f.child("ub2", "pia")
    f.union("uop", "owen", "pia", UnionKind.COHABITING, 2008)
    f.person("kid", "Tom", M, 2010)
    f.child("uop", "kid")
    return f.case


def cross_generation() -> Case:
    """Lee, once Dana's partner, later partners her daughter Rosa: Lee is drawn once, on Dana's row."""
    f = Family("Cross generation")
    f.person("dana", "Dana", F, 1970)
    f.person("omar", "Omar", M, 1968)
    f.union("u1", "omar", "dana", UnionKind.DIVORCED, 1990)
    f.person("rosa", "Rosa", F, 1991)
    f.child("u1", "rosa")
    f.person("lee", "Lee", M, 1972)
    f.union("u2", "dana", "lee", UnionKind.SEPARATED, 2000)
    f.person("kit", "Kit", M, 2001)
    f.child("u2", "kit")
    f.union("u3", "lee", "rosa", UnionKind.COHABITING, 2012)
    f.person("zac", "Zac", M, 2014)
    f.child("u3", "zac")
    return f.case


def same_sex_parents() -> Case:
    f = Family("Same-sex parents")
    f.person("mia", "Mia", F, 1984)
    f.person("zoe", "Zoe", F, 1986)
    f.union("u", "mia", "zoe", UnionKind.MARRIED, 2010)
    f.person("noa", "Noa", Gender.NON_BINARY, 2012)
    f.child("u", "noa")
    f.person("ivy", "Ivy", F, 2015)
    f.child("u", "ivy", ChildKind.ADOPTED)
    return f.case


def unknown_father() -> Case:
    """Added the way the canvas does: a child of someone with no partner gets a 'Not known' parent."""
    case = Case(CaseMeta(title="Unknown father (invented)", fictional=True))
    e, mum = ops.add_person(case, "Tara", F, born=FuzzyDate(1995))
    case.apply(e)
    e, _ = ops.add_child(case, mum, "Leo", M)
    case.apply(e)
    e, _ = ops.add_child(case, mum, "Isla", F)
    case.apply(e)
    return case


def twins_and_loss() -> Case:
    """An older brother, a miscarriage, twins (one with a partner and a baby), a younger sister."""
    f = Family("Twins and a loss")
    f.person("mum", "Rhian", F, 1970)
    f.person("dad", "Gareth", M, 1968)
    f.union("u", "dad", "mum", UnionKind.MARRIED, 1992)
    f.person("old", "Aled", M, 1993)
    f.person("mc", "", Gender.UNKNOWN, 1995, PersonKind.MISCARRIAGE)
    f.person("t1", "Cari", F, 1997)
    f.person("t2", "Dafydd", M, 1997)
    f.person("young", "Ffion", F, 2001)
    for pid in ("old", "mc", "t1", "t2", "young"):
        f.child("u", pid)
    f.twins("tw1", "u", "t1", "t2")
    f.person("sp", "Sion", M, 1996)
    f.union("ut", "sp", "t1", UnionKind.COHABITING, 2020)
    f.person("bb", "Mali", F, 2022)
    f.child("ut", "bb")
    return f.case


TRICKY = {"remarriage": remarriage, "adoption": adoption, "cousins": cousins,
          "two_families": two_families,
          "cross_generation": cross_generation, "same_sex_parents": same_sex_parents,
          "unknown_father": unknown_father, "twins_and_loss": twins_and_loss}


# ---- the rules -------------------------------------------------------------------------------
def overlapping(layout: GenogramLayout) -> list[tuple[str, str]]:
    boxes = sorted(layout.people.values(), key=lambda p: p.box.x)
    bad = []
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            if b.box.x >= a.box.right:
                break
            if a.box.overlaps(b.box):
                bad.append((a.id, b.id))
    return bad


def check_rules(case: Case, layout: GenogramLayout, level_partners: bool = True,
                people: set[str] | None = None, twins: bool | None = True) -> None:
    """twins: True checks every twin group, False those not tied to another family, None none."""
    fam = case.family
    want = {p.id for p in fam.people()} if people is None else people
    assert set(layout.people) == want, "everyone present, no one invented"
    assert not overlapping(layout)
    unions = {u.id: u for u in fam.unions() if u.partners[0] in want and u.partners[1] in want}
    assert set(layout.unions) == set(unions), "no invented or lost unions"
    for uid, place in layout.unions.items():
        u = unions[uid]
        assert set(place.partners) == set(u.partners)
        pa, pb = (layout.people[p] for p in u.partners)
        if level_partners:
            assert pa.cy == pb.cy, f"{uid}: partners on one row"
        kids = [l.child for l in fam.children_of(uid) if l.child in want]
        assert sorted(place.children) == sorted(kids)
        for k in kids:
            for p in (pa, pb):
                assert layout.people[k].box.y > p.box.y + 1, f"{k} below parent {p.id}"
            assert place.sib_y < layout.people[k].box.y
    for g in fam.birth_groups() if twins is not None else ():
        members = [m for m in g.members if m in layout.people]
        partners = [q for m in members for q in fam.partners_of(m)]
        tied = {r for q in partners for r in [q, *fam.partners_of(q)] if r not in members}
        if not twins and any(fam.parents_of(r) for r in tied):
            continue  # a twin's partner from another family, or one shared with a sibling
        row = sorted((p for p in layout.people.values() if p.cy == layout.people[members[0]].cy),
                     key=lambda p: p.cx)
        idx = sorted(i for i, p in enumerate(row) if p.id in members)
        assert idx == list(range(idx[0], idx[0] + len(idx))), "twins side by side"


@pytest.mark.parametrize("name", sorted(TRICKY))
def test_tricky_family_keeps_the_rules(name):
    case = TRICKY[name]()
    layout = layout_genogram(case)
    check_rules(case, layout, level_partners=name != "cross_generation")


def _x(layout, pid):
    return layout.people[pid].cx


def test_remarriage_partners_in_order_and_children_under_their_own_parents():
    case = remarriage()
    lay = layout_genogram(case)
    # Dana's first partner on her left, the second on her right
    assert _x(lay, "omar") < _x(lay, "dana") < _x(lay, "lee")
    u1, u2 = lay.unions["u1"], lay.unions["u2"]
    assert u1.drop_x < u2.drop_x
    assert _x(lay, "rosa") < _x(lay, "sami") < _x(lay, "kit")  # oldest on the left, by family
    assert lay.people["rosa"].cy == lay.people["kit"].cy == lay.people["max"].cy


def test_cross_generation_union_keeps_each_partner_in_their_generation():
    lay = layout_genogram(cross_generation())
    assert lay.people["lee"].generation == lay.people["dana"].generation == 0
    assert lay.people["rosa"].generation == lay.people["kit"].generation == 1
    assert lay.people["zac"].generation == 2
    assert lay.unions["u3"].children == ("zac",)


def test_partners_from_two_unrelated_families_share_a_row():
    lay = layout_genogram(two_families())
    assert lay.people["owen"].cy == lay.people["pia"].cy
    assert lay.people["a1"].generation == lay.people["b3"].generation  # Owen's parents moved down


def test_cousins_partner_without_anyone_drawn_twice():
    lay = layout_genogram(cousins())
    assert lay.people["eve"].cy == lay.people["fred"].cy
    assert lay.people["baby"].generation == 3


def test_twins_with_a_partner_stand_together_and_loss_is_smaller():
    lay = layout_genogram(twins_and_loss())
    assert _x(lay, "old") < _x(lay, "mc") < _x(lay, "t1") < _x(lay, "t2") < _x(lay, "young")
    assert _x(lay, "sp") < _x(lay, "t1")  # the partner stands on the far side of the twin
    assert lay.people["mc"].size < lay.people["old"].size


def test_marrying_in_shares_the_partners_row():
    lay = layout_genogram(cousins())
    assert lay.people["ben"].cy == lay.people["ann"].cy
    assert lay.people["del"].cy == lay.people["cai"].cy


def test_adopted_child_drawn_once_under_one_family_with_both_unions():
    lay = layout_genogram(adoption())
    assert "ana" in lay.unions["ub"].children and "ana" in lay.unions["ua"].children
    assert lay.people["ana"].generation == 1
