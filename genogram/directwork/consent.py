"""Who may read a direct-work record: the child decides for their three houses.

A reader is named as the child and family say it ("Mum", "Nanny Po", "Lan"), by a person's
id in the genogram, or as a role. The practitioner's own record copy (no reader, or the
worker) sees everything that is not private; a person the child said no to never gets a
copy, and a person the child was not asked about does not get one until they are asked.
"""
from __future__ import annotations

from typing import Any

from ..model.records import ThreeHouses

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


def may_see(record: Any, reader: str | None, case: Any = None) -> bool:
    """Whether `reader` may have a copy of `record` (None: the practitioner's record copy)."""
    if is_practitioner(case, reader):
        return True
    if getattr(record, "private", False):
        return False
    if isinstance(record, ThreeHouses):
        names = reader_names(case, reader, record.child)
        if names & {_fold(n) for n in record.refused}:
            return False
        if record.child and record.child in {reader} | names:
            return True
        child = case.family.person(record.child) if case is not None and record.child and \
            case.family.has_person(record.child) else None
        if child is not None and _fold(child.short_name) in names:
            return True
        return bool(names & {_fold(n) for n in record.consent})
    return True


def require_reader(record: Any, reader: str | None, case: Any = None, what: str = "this") -> None:
    """Raise ConsentError, saying why, unless `reader` may see `record`."""
    if may_see(record, reader, case):
        return
    child = ""
    if case is not None and getattr(record, "child", None) and case.family.has_person(record.child):
        child = case.family.person(record.child).short_name
    child = child or "the child"
    if getattr(record, "private", False):
        raise ConsentError(f"{what} is marked private, so no copy is made for {reader}")
    if isinstance(record, ThreeHouses) and reader_names(case, reader, record.child) & {
            _fold(n) for n in record.refused}:
        raise ConsentError(f"{child} said {reader} may not see {what}, so no copy is made for {reader}")
    raise ConsentError(f"{child} has not said {reader} may see {what}; ask {child} first "
                       "(then add them to who may see it)")
