"""Who may read a direct-work record: the child decides for their three houses.

A reader is named as the child and family say it ("Mum", "Nanny Po", "Lan"), by a person's
id in the genogram, or as a role. The practitioner's own record copy (no reader, or the
worker) sees everything that is not private; a person the child said no to never gets a
copy, and a person the child was not asked about does not get one until they are asked
(and only once the houses were read back to the child). A words-and-pictures story follows
its own order: parents see the draft, the child once parents reviewed it, everyone else
once it is shared with the network.
"""
from __future__ import annotations

from typing import Any

from ..model.records import STORY_STATUSES, Story, ThreeHouses

PRACTITIONER = ("", "practitioner", "worker", "social worker", "record")


class ConsentError(ValueError):
    """A copy for a reader the child has not agreed may see it; nothing is written."""


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


def reader_names(case: Any, reader: str | None, child: str | None = None) -> set[str]:
    """Every name the reader may go by: as typed, and if they are in the genogram their
    names and what they are to the child ("mum"), and the family's own word for that."""
    if reader is None:
        return {""}
    names = {_fold(reader)}
    fam = case.family if case is not None else None
    pids = [reader] if fam is not None and fam.has_person(reader) else []
    if fam is not None and not pids:
        pids = [p.id for p in fam.people()
                if _fold(reader) in {_fold(n) for n in (p.given, p.known_as, p.short_name, p.display_name) if n}]
    for pid in pids:
        assert fam is not None
        p = fam.person(pid)
        names |= {_fold(n) for n in (p.id, p.given, p.known_as, p.short_name, p.display_name) if n}
        if child:
            from ..model.relations import relationship_to

            tie = relationship_to(case, child, pid)
            if tie:
                names.add(_fold(tie))
                own = case.meta.preferred_names.get(tie)
                if own:
                    names.add(_fold(own))
    return names


def is_practitioner(case: Any, reader: str | None) -> bool:
    if reader is None or _fold(reader) in PRACTITIONER:
        return True
    worker = case.meta.worker if case is not None else ""
    return bool(worker.strip()) and _fold(reader) in {_fold(worker), _fold(worker.split()[0])}


PARENT_TIES = ("mum", "dad", "parent", "step-mum", "step-dad", "step-parent", "adoptive mum",
               "adoptive dad", "adoptive parent", "foster carer", "kinship carer", "special guardian",
               "parents", "carer")


def _child_name(case: Any, record: Any) -> str:
    child = getattr(record, "child", None)
    if case is not None and child and case.family.has_person(child):
        return str(case.meta.preferred_names.get(child) or case.family.person(child).short_name)
    return "the child"


def _is_child(case: Any, record: Any, names: set[str], reader: str) -> bool:
    child = getattr(record, "child", None)
    if not child:
        return False
    if reader == child or _fold(child) in names:
        return True
    if case is not None and case.family.has_person(child):
        p = case.family.person(child)
        return bool(names & {_fold(n) for n in (p.short_name, p.given, p.known_as) if n})
    return False


def refusal(record: Any, reader: str | None, case: Any = None, what: str = "this") -> str | None:
    """Why `reader` may not have a copy of `record`, as a sentence; None when they may."""
    if is_practitioner(case, reader):
        return None
    assert reader is not None
    if getattr(record, "private", False):
        return f"{what} is marked private, so no copy is made for {reader}"
    child = _child_name(case, record)
    names = reader_names(case, reader, getattr(record, "child", None))
    if isinstance(record, ThreeHouses):
        if names & {_fold(n) for n in record.refused}:
            return f"{child} said {reader} may not see {what}, so no copy is made for {reader}"
        if _is_child(case, record, names, reader):
            return None
        if not record.read_back:
            return f"{what} have not been read back to {child} yet; read them back before sharing them"
        if names & {_fold(n) for n in record.consent}:
            return None
        return f"{child} has not said {reader} may see {what}; ask {child} first (then add them to who may see it)"
    if isinstance(record, Story):  # draft → parents reviewed → read to the child → shared with the network
        step = STORY_STATUSES.index(record.status) if record.status in STORY_STATUSES else 0
        if names & {_fold(t) for t in PARENT_TIES}:
            return None
        if _is_child(case, record, names, reader):
            return None if step >= 1 else (f"the story is still a draft; the parents review it before it is "
                                           f"read to {child}")
        if step < STORY_STATUSES.index("shared_with_network"):
            return (f"the story has not been shared with the network yet (it is at “"
                    f"{record.status.replace('_', ' ')}”), so no copy is made for {reader}")
    return None


def may_see(record: Any, reader: str | None, case: Any = None) -> bool:
    """Whether `reader` may have a copy of `record` (None: the practitioner's record copy)."""
    return refusal(record, reader, case) is None


def require_reader(record: Any, reader: str | None, case: Any = None, what: str = "this") -> None:
    """Raise ConsentError, saying why, unless `reader` may see `record`."""
    why = refusal(record, reader, case, what)
    if why is not None:
        raise ConsentError(why)
