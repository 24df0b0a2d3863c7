"""The case: one family's genogram, ecomaps, plans, direct work and chronology.

Every change goes through `Case.apply(edit)`, which returns the edit that undoes it and
publishes `Change` notices. Callers read through the typed queries and never mutate.
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field, replace
from typing import Any

from .dates import FuzzyDate, years_between
from .ecomap import EcoConnection, Ecomap, EcoSystem
from .entities import LayoutHints, Person, PersonKind
from .errors import ModelWarning, UnknownIdError
from .events import Change, Events
from .family import SIDE_COLLECTIONS, FamilyGraph, id_order
from .records import ChronologyEvent, ImportantPeople, Plan, SafetyMap, Story, ThreeHouses

# Record collections beside the family graph, and the record type each holds.
RECORD_TYPES: dict[str, type] = {
    "ecomaps": Ecomap,
    "eco_systems": EcoSystem,
    "eco_connections": EcoConnection,
    "plans": Plan,
    "three_houses": ThreeHouses,
    "safety_maps": SafetyMap,
    "stories": Story,
    "chronology": ChronologyEvent,
    "important_people": ImportantPeople,
}


@dataclass(frozen=True)
class CaseMeta:
    title: str = "Untitled case"
    worker: str = ""
    as_at: FuzzyDate | None = None  # ages are shown "as at" this date; None: today
    index_person: str | None = None
    fictional: bool = False
    note: str = ""
    hide_private_in_exports: bool = True
    preferred_names: dict[str, str] = field(default_factory=dict)


_ID_NUM = re.compile(r"^([a-z_]+?)(\d+)$")


class Case:
    def __init__(self, meta: CaseMeta | None = None) -> None:
        self.family = FamilyGraph()
        self._meta = meta or CaseMeta()
        self._hints = LayoutHints()
        self._records: dict[str, dict[str, Any]] = {name: {} for name in RECORD_TYPES}
        self._media: dict[str, bytes] = {}
        self._next_id: dict[str, int] = {}
        self.events = Events()

    # ---- reading --------------------------------------------------------------------------
    @property
    def meta(self) -> CaseMeta:
        return self._meta

    @property
    def hints(self) -> LayoutHints:
        return self._hints

    def records(self, collection: str) -> list[Any]:
        store = self._store(collection)
        return [store[k] for k in sorted(store, key=id_order)]

    def record(self, collection: str, record_id: str) -> Any:
        try:
            return self._store(collection)[record_id]
        except KeyError:
            raise UnknownIdError(f"no {collection} record {record_id!r}") from None

    def media_names(self) -> list[str]:
        return sorted(self._media)

    def media(self, name: str) -> bytes:
        return self._media[name]

    def as_at(self) -> _dt.date:
        return self._meta.as_at.latest() if self._meta.as_at else _dt.date.today()

    def index_person(self) -> Person | None:
        pid = self._meta.index_person
        return self.family.person(pid) if pid and self.family.has_person(pid) else None

    def age_of(self, pid: str) -> tuple[int, bool] | None:
        """Age in whole years as at the case date (or at death), and whether it is approximate."""
        p = self.family.person(pid)
        if p.born is None or p.kind is not PersonKind.PERSON:
            return None
        end: FuzzyDate | _dt.date = p.died if p.died is not None else self.as_at()
        if p.died is None and p.deceased:
            return None
        if isinstance(end, FuzzyDate) and end.earliest() < p.born.earliest():
            return None
        if isinstance(end, _dt.date) and end < p.born.earliest():
            return None
        return years_between(p.born, end)

    def new_id(self, prefix: str) -> str:
        """A fresh id such as "p12"; never reused within this session, even after undo."""
        if prefix not in self._next_id:
            highest = 0
            for existing in self._all_ids():
                m = _ID_NUM.match(existing)
                if m and m.group(1) == prefix:
                    highest = max(highest, int(m.group(2)))
            self._next_id[prefix] = highest + 1
        n = self._next_id[prefix]
        self._next_id[prefix] = n + 1
        return f"{prefix}{n}"

    def _all_ids(self) -> list[str]:
        ids = [p.id for p in self.family.people()] + [u.id for u in self.family.unions()]
        for name in SIDE_COLLECTIONS:
            ids += [i.id for i in self.family.items(name)]
        for store in self._records.values():
            ids += list(store)
        return ids

    def warnings(self) -> list[ModelWarning]:
        """Questionable facts the UI shows beside the person; none of them stops an edit."""
        from .checks import case_warnings

        return case_warnings(self)

    # ---- changing -------------------------------------------------------------------------
    def apply(self, edit: Any) -> Any:
        """Carry out an edit; return the edit that undoes it exactly."""
        return edit.apply(self)

    def _store(self, collection: str) -> dict[str, Any]:
        try:
            return self._records[collection]
        except KeyError:
            raise UnknownIdError(f"no collection {collection!r}") from None

    def _emit(self, collection: str, action: str, item_id: str | None = None) -> None:
        self.events.emit(Change(collection, action, item_id))  # type: ignore[arg-type]

    def _set_meta(self, meta: CaseMeta) -> CaseMeta:
        old, self._meta = self._meta, meta
        self._emit("meta", "changed")
        return old

    def _set_hints(self, hints: LayoutHints) -> LayoutHints:
        old, self._hints = self._hints, hints
        self._emit("hints", "changed")
        return old

    def _put_record(self, collection: str, record: Any) -> Any | None:
        store = self._store(collection)
        expected = RECORD_TYPES[collection]
        if not isinstance(record, expected):
            raise TypeError(f"{collection} holds {expected.__name__}, not {type(record).__name__}")
        old = store.get(record.id)
        store[record.id] = record
        self._emit(collection, "changed" if old is not None else "added", record.id)
        return old

    def _remove_record(self, collection: str, record_id: str) -> Any:
        old = self.record(collection, record_id)
        del self._store(collection)[record_id]
        self._emit(collection, "removed", record_id)
        return old

    def _set_media(self, name: str, data: bytes | None) -> bytes | None:
        old = self._media.get(name)
        if data is None:
            self._media.pop(name, None)
            self._emit("media", "removed", name)
        else:
            self._media[name] = data
            self._emit("media", "changed" if old is not None else "added", name)
        return old

    def with_meta(self, **changes: Any) -> CaseMeta:
        return replace(self._meta, **changes)
