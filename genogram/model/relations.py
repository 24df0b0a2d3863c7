"""Who each person is to the index child, in the plain words a family uses ("mum", "half-brother").

The People table, plans and children's pages all say "your nan" rather than a kinship code, so
the wording lives here, in the core, once. Every answer is a short lower-case phrase; someone
with no known tie gets "" and the caller shows nothing.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from .entities import ChildKind, Gender, PersonKind, UnionKind

if TYPE_CHECKING:
    from .case import Case

_Tie = Callable[[str, str], None]  # record a tie unless the person already has one

# (female, male, anyone else) for each tie.
_WORDS: dict[str, tuple[str, str, str]] = {
    "parent": ("mum", "dad", "parent"),
    "birth parent": ("birth mum", "birth dad", "birth parent"),
    "adoptive parent": ("adoptive mum", "adoptive dad", "adoptive parent"),
    "step-parent": ("step-mum", "step-dad", "step-parent"),
    "sibling": ("sister", "brother", "sibling"),
    "twin": ("twin sister", "twin brother", "twin"),
    "half-sibling": ("half-sister", "half-brother", "half-sibling"),
    "step-sibling": ("step-sister", "step-brother", "step-sibling"),
    "foster sibling": ("foster sister", "foster brother", "foster sibling"),
    "grandparent": ("nan", "grandad", "grandparent"),
    "great-grandparent": ("great-nan", "great-grandad", "great-grandparent"),
    "aunt or uncle": ("aunt", "uncle", "parent's sibling"),
    "cousin": ("cousin", "cousin", "cousin"),
    "niece or nephew": ("niece", "nephew", "sibling's child"),
    "child": ("daughter", "son", "child"),
    "grandchild": ("granddaughter", "grandson", "grandchild"),
    "partner": ("partner", "partner", "partner"),
    "ex-partner": ("ex-partner", "ex-partner", "ex-partner"),
}

# Carers named by the kind of link, whatever their gender.
_CARER = {
    ChildKind.FOSTERED: "foster carer",
    ChildKind.KINSHIP: "kinship carer",
    ChildKind.SPECIAL_GUARDIANSHIP: "special guardian",
}
_ENDED = {UnionKind.SEPARATED, UnionKind.DIVORCED}
_FAMILY_LINKS = {ChildKind.BIRTH, ChildKind.ADOPTED}  # links that make grandparents, aunts …
_PLACED = {ChildKind.ADOPTED, ChildKind.FOSTERED, ChildKind.SPECIAL_GUARDIANSHIP}  # "birth mum"


def _word(tie: str, gender: Gender) -> str:
    female, male, other = _WORDS[tie]
    return female if gender is Gender.FEMALE else male if gender is Gender.MALE else other


def relationship_to(case: Case, index_id: str | None, pid: str) -> str:
    """What `pid` is to the index child ("mum", "cousin"), or "" when there is no known tie."""
    if not index_id or not case.family.has_person(index_id):
        return ""
    return relationships(case, index_id).get(pid, "")


def relationships(case: Case, index_id: str) -> dict[str, str]:
    """Everyone's tie to the index child at once (what the People table needs on each change)."""
    fam = case.family
    ties: dict[str, str] = {index_id: "this child"}

    def put(pid: str, tie: str) -> None:
        if pid not in ties:
            ties[pid] = tie

    def family_parents(pid: str) -> list[str]:
        out: list[str] = []
        for link in fam.parent_links(pid):
            if link.kind in _FAMILY_LINKS:
                out += [p for p in fam.union(link.union).partners if p not in out]
        return out

    def siblings(pid: str) -> set[str]:
        out: set[str] = set()
        for link in fam.parent_links(pid):
            if link.kind in _FAMILY_LINKS:
                out |= {c.child for c in fam.children_of(link.union) if c.kind in _FAMILY_LINKS}
        for parent in _birth_parents(case, pid):
            for union in fam.unions_of(parent):
                out |= {c.child for c in fam.children_of(union.id) if c.kind is ChildKind.BIRTH}
        out.discard(pid)
        return {s for s in out if fam.person(s).kind is PersonKind.PERSON}

    _parents(case, index_id, put)
    parents = family_parents(index_id)
    _siblings(case, index_id, put)

    grandparents: list[str] = []
    for parent in parents:
        for gp in family_parents(parent):
            grandparents.append(gp)
            put(gp, _word("grandparent", fam.person(gp).gender))
    for gp in grandparents:
        for ggp in family_parents(gp):
            put(ggp, _word("great-grandparent", fam.person(ggp).gender))

    aunts_uncles: set[str] = set()
    for parent in parents:
        for au in siblings(parent):
            if au not in ties:
                aunts_uncles.add(au)
                put(au, _word("aunt or uncle", fam.person(au).gender))
    for au in sorted(aunts_uncles):
        for union in fam.unions_of(au):
            other = next(p for p in union.partners if p != au)
            if union.kind not in _ENDED and union.kind is not UnionKind.CASUAL:
                put(other, _word("aunt or uncle", fam.person(other).gender))
            for link in fam.children_of(union.id):
                if fam.person(link.child).kind is PersonKind.PERSON:
                    put(link.child, "cousin")

    for union in fam.unions_of(index_id):
        other = next(p for p in union.partners if p != index_id)
        tie = "ex-partner" if union.kind in _ENDED else "partner"
        put(other, _word(tie, fam.person(other).gender))
        for link in fam.children_of(union.id):
            child = link.child
            if fam.person(child).kind is PersonKind.PERSON:
                put(child, _word("child", fam.person(child).gender))
                for cu in fam.unions_of(child):
                    for gl in fam.children_of(cu.id):
                        put(gl.child, _word("grandchild", fam.person(gl.child).gender))

    for sib in siblings(index_id):
        for union in fam.unions_of(sib):
            for link in fam.children_of(union.id):
                if fam.person(link.child).kind is PersonKind.PERSON:
                    put(link.child, _word("niece or nephew", fam.person(link.child).gender))

    _losses(case, index_id, put)
    _kin_carers(case, index_id, ties)

    connected = _connected(case, index_id)
    for p in fam.people():
        if p.id not in ties and p.id in connected:
            ties[p.id] = "relative" if p.kind is PersonKind.PERSON else p.kind.value
    return ties


def _birth_parents(case: Case, pid: str) -> list[str]:
    fam = case.family
    out: list[str] = []
    for link in fam.parent_links(pid):
        if link.kind is ChildKind.BIRTH:
            out += [p for p in fam.union(link.union).partners if p not in out]
    return out


def _parents(case: Case, index_id: str, put: _Tie) -> None:
    """Parents and carers first: they win over any other tie the same person has."""
    fam = case.family
    links = fam.parent_links(index_id)
    placed = any(link.kind in _PLACED for link in links)
    for link in sorted(links, key=lambda link: link.kind is ChildKind.BIRTH):
        if link.kind in (ChildKind.KINSHIP, ChildKind.SPECIAL_GUARDIANSHIP):
            continue  # named last, beside any family tie they also have (_kin_carers)
        for p in fam.union(link.union).partners:
            gender = fam.person(p).gender
            if link.kind is ChildKind.BIRTH:
                put(p, _word("birth parent" if placed else "parent", gender))
            elif link.kind is ChildKind.ADOPTED:
                put(p, _word("adoptive parent", gender))
            elif link.kind is ChildKind.STEP:
                put(p, _word("step-parent", gender))
            else:
                put(p, _CARER[link.kind])
    # A parent's later partner: a step-parent while together, "mum's ex-partner" after.
    for link in links:
        if link.kind is not ChildKind.BIRTH and link.kind is not ChildKind.ADOPTED:
            continue
        for parent in fam.union(link.union).partners:
            for union in fam.unions_of(parent):
                if union.id == link.union:
                    continue
                other = next(p for p in union.partners if p != parent)
                if union.kind in _ENDED or union.kind is UnionKind.CASUAL:
                    whose = _word("parent", fam.person(parent).gender)
                    put(other, f"{whose}'s ex-partner")
                else:
                    put(other, _word("step-parent", fam.person(other).gender))


def _siblings(case: Case, index_id: str, put: _Tie) -> None:
    fam = case.family
    mine = {link.union: link.kind for link in fam.parent_links(index_id)}
    my_birth_parents = set(_birth_parents(case, index_id))
    group = fam.birth_group_of(index_id)
    my_parents = set(fam.parents_of(index_id))
    for union_id, my_kind in mine.items():
        for link in fam.children_of(union_id):
            sib = link.child
            if sib == index_id or fam.person(sib).kind is not PersonKind.PERSON:
                continue
            gender = fam.person(sib).gender
            if ChildKind.FOSTERED in (my_kind, link.kind):
                put(sib, _word("foster sibling", gender))
            elif ChildKind.STEP in (my_kind, link.kind):
                put(sib, _word("step-sibling", gender))
            elif group is not None and sib in group.members:
                put(sib, _word("twin", gender))
            else:
                put(sib, _word("sibling", gender))
    # Children of a parent with someone else: half-siblings; of a step-parent: step-siblings.
    for parent in my_parents:
        for union in fam.unions_of(parent):
            if union.id in mine:
                continue
            other = next(p for p in union.partners if p != parent)
            for link in fam.children_of(union.id):
                sib = link.child
                if sib == index_id or fam.person(sib).kind is not PersonKind.PERSON:
                    continue
                shares_birth = parent in my_birth_parents and link.kind is ChildKind.BIRTH
                tie = "half-sibling" if shares_birth else "step-sibling"
                put(sib, _word(tie, fam.person(sib).gender))
            # The step-parent's children from another partnership are step-siblings too.
            for their in fam.unions_of(other):
                if their.id == union.id or parent in their.partners:
                    continue
                for link in fam.children_of(their.id):
                    if fam.person(link.child).kind is PersonKind.PERSON and link.child != index_id:
                        put(link.child, _word("step-sibling", fam.person(link.child).gender))


def _losses(case: Case, index_id: str, put: _Tie) -> None:
    """Pregnancies and losses of the child's own parents are named for what they were."""
    fam = case.family
    for link in fam.parent_links(index_id):
        for c in fam.children_of(link.union):
            kind = fam.person(c.child).kind
            if kind is not PersonKind.PERSON:
                put(c.child, "mum's pregnancy" if kind is PersonKind.PREGNANCY else kind.value)


def _kin_carers(case: Case, index_id: str, ties: dict[str, str]) -> None:
    """Kinship carers and special guardians last: a nan who cares is "nan and kinship carer"."""
    fam = case.family
    for link in fam.parent_links(index_id):
        if link.kind not in (ChildKind.KINSHIP, ChildKind.SPECIAL_GUARDIANSHIP):
            continue
        for pid in fam.union(link.union).partners:
            blood = ties.get(pid)
            if blood is None:
                ties[pid] = _CARER[link.kind]
            elif _CARER[link.kind] not in blood:
                ties[pid] = f"{blood} and {_CARER[link.kind]}"


def _connected(case: Case, index_id: str) -> set[str]:
    """Everyone joined to the child through partnerships and parentage, however distantly."""
    fam = case.family
    seen = {index_id}
    todo = [index_id]
    while todo:
        pid = todo.pop()
        near: list[str] = list(fam.partners_of(pid))
        for link in fam.parent_links(pid):
            near += list(fam.union(link.union).partners)
            near += [c.child for c in fam.children_of(link.union)]
        for union in fam.unions_of(pid):
            near += [c.child for c in fam.children_of(union.id)]
        for n in near:
            if n not in seen:
                seen.add(n)
                todo.append(n)
    return seen


# Nearest first: the order a practitioner reads a family in (the People table's default order).
_CLOSENESS = (
    ("this child",), ("partner",), ("mum", "dad", "parent"),
    ("carer", "guardian"), ("twin",), ("sister", "brother", "sibling"),
    ("son", "daughter", "child"), ("nan", "grandad", "grandparent"),
    ("aunt", "uncle", "parent's sibling"), ("cousin",), ("great-",),
    ("grandson", "granddaughter", "grandchild"), ("niece", "nephew", "sibling's child"),
    ("ex-partner",), ("relative",), ("pregnancy", "miscarriage", "termination", "stillbirth"),
)


def closeness(tie: str) -> int:
    """A rank for sorting ties nearest first: the child, parents, step-parents, carers, siblings …

    A "step-" or "half-" tie sorts just after the full one; no tie at all sorts last.
    """
    if not tie:
        return 2 * len(_CLOSENESS) + 2
    if tie.endswith("ex-partner"):
        return 2 * (len(_CLOSENESS) - 3)
    if tie.startswith("great-"):
        return 2 * 10
    after = 1 if tie.startswith(("step-", "half-")) else 0
    words = tie.replace("-", " ").split()
    for rank, keys in enumerate(_CLOSENESS):
        if tie in keys or any(k in words or k in tie.split(" and ") for k in keys):
            return 2 * rank + after
    return 2 * len(_CLOSENESS)
