"""Questionable facts: allowed, but worth a second look (usually a typing slip)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from .entities import ChildKind, PersonKind
from .errors import ModelWarning

if TYPE_CHECKING:
    from .case import Case

YOUNGEST_PARENT = 12


def case_warnings(case: Case) -> list[ModelWarning]:
    fam = case.family
    out: list[ModelWarning] = []
    for p in fam.people():
        if p.born and p.died and p.died.latest() < p.born.earliest():
            out.append(ModelWarning("died_before_born",
                                    f"{p.display_name} is recorded as dying before being born", (p.id,)))
        if p.kind is PersonKind.PERSON and p.born and p.born.earliest() > case.as_at():
            out.append(ModelWarning("born_in_future",
                                    f"{p.display_name} is recorded as born after the case date", (p.id,)))
        birth_unions = [l for l in fam.parent_links(p.id) if l.kind is ChildKind.BIRTH]
        if len(birth_unions) > 1:
            out.append(ModelWarning("two_birth_families",
                                    f"{p.display_name} has more than one birth family", (p.id,)))
        if p.born is None:
            continue
        for link in birth_unions:
            for parent_id in fam.union(link.union).partners:
                parent = fam.person(parent_id)
                if parent.born is None:
                    continue
                if p.born.latest() < parent.born.earliest():
                    out.append(ModelWarning(
                        "child_before_parent",
                        f"{p.display_name} is recorded as born before their parent {parent.display_name}",
                        (p.id, parent.id)))
                elif p.born.year - parent.born.year < YOUNGEST_PARENT and not p.born.approx:
                    out.append(ModelWarning(
                        "very_young_parent",
                        f"{parent.display_name} would have been under {YOUNGEST_PARENT}"
                        f" when {p.display_name} was born",
                        (p.id, parent.id)))
    for g in fam.birth_groups():
        births = {fam.person(m).born for m in g.members if fam.person(m).born}
        if len({b.iso() for b in births if b}) > 1:
            out.append(ModelWarning("twins_dates", "twins are recorded with different birth dates",
                                    g.members))
    return out
