"""case.json: the case as plain JSON, and back, naming the exact place of any problem.

Records are frozen dataclasses; one generic converter, driven by their type hints, reads and
writes all of them, so a later feature adds a field by adding it to its dataclass (with a
default, so older files still load). Fields at their default are left out of the file.
"""
from __future__ import annotations

import dataclasses
import types
import typing
from enum import Enum
from functools import lru_cache
from typing import Any, Callable

from .case import RECORD_TYPES, Case, CaseMeta
from .dates import DateError, FuzzyDate
from .entities import BirthGroup, Bond, ChildLink, Household, LayoutHints, Person, Union
from .errors import ModelError
from .family import SIDE_COLLECTIONS

SCHEMA_VERSION = 1
FORMAT_NAME = "kinscape-case"

FAMILY_TYPES: dict[str, type] = {
    "people": Person,
    "unions": Union,
    "child_links": ChildLink,
    "birth_groups": BirthGroup,
    "bonds": Bond,
    "households": Household,
}


class CaseFormatError(ValueError):
    """case.json does not describe a case; the message names the place ("people[3].born: …")."""


class NewerSchemaError(CaseFormatError):
    pass


def _fail(path: str, message: str) -> CaseFormatError:
    return CaseFormatError(f"{path}: {message}" if path else message)


def _describe(value: Any) -> str:
    text = repr(value) if not isinstance(value, str) else f'"{value}"'
    return text if len(text) <= 60 else text[:57] + "…"


# ---- decoding -------------------------------------------------------------------------------
Decoder = Callable[[Any, str], Any]


@lru_cache(maxsize=None)
def _decoder(tp: Any) -> Decoder:
    if hasattr(tp, "__supertype__"):  # NewType ids are plain text in the file
        return _decoder(tp.__supertype__)
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in args if a is not type(None)]
        if len(inner) != 1:
            raise TypeError(f"unsupported union {tp}")
        sub = _decoder(inner[0])
        return lambda v, p: None if v is None else sub(v, p)
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            item = _decoder(args[0])

            def dec_seq(v: Any, p: str) -> tuple[Any, ...]:
                if not isinstance(v, list):
                    raise _fail(p, f"{_describe(v)} is not a list")
                return tuple(item(x, f"{p}[{i}]") for i, x in enumerate(v))

            return dec_seq
        items = [_decoder(a) for a in args]

        def dec_fixed(v: Any, p: str) -> tuple[Any, ...]:
            if not isinstance(v, list) or len(v) != len(items):
                raise _fail(p, f"{_describe(v)} is not a list of {len(items)}")
            return tuple(d(x, f"{p}[{i}]") for i, (d, x) in enumerate(zip(items, v)))

        return dec_fixed
    if origin is dict:
        val = _decoder(args[1])

        def dec_map(v: Any, p: str) -> dict[str, Any]:
            if not isinstance(v, dict):
                raise _fail(p, f"{_describe(v)} is not an object")
            return {str(k): val(x, f"{p}.{k}") for k, x in v.items()}

        return dec_map
    if tp is FuzzyDate:
        def dec_date(v: Any, p: str) -> FuzzyDate:
            if not isinstance(v, str):
                raise _fail(p, f"{_describe(v)} is not a date")
            try:
                return FuzzyDate.parse(v)
            except DateError:
                raise _fail(p, f"{_describe(v)} is not a date") from None

        return dec_date
    if isinstance(tp, type) and issubclass(tp, Enum):
        allowed = ", ".join(m.value for m in tp)

        def dec_enum(v: Any, p: str) -> Enum:
            try:
                return tp(v)
            except ValueError:
                raise _fail(p, f"{_describe(v)} is not one of: {allowed}") from None

        return dec_enum
    if tp is bool:
        def dec_bool(v: Any, p: str) -> bool:
            if not isinstance(v, bool):
                raise _fail(p, f"{_describe(v)} is not true or false")
            return v

        return dec_bool
    if tp is int:
        def dec_int(v: Any, p: str) -> int:
            if isinstance(v, bool) or not isinstance(v, int):
                raise _fail(p, f"{_describe(v)} is not a whole number")
            return v

        return dec_int
    if tp is float:
        def dec_float(v: Any, p: str) -> float:
            if isinstance(v, bool) or not isinstance(v, (int, float)) or v != v or abs(v) == float("inf"):
                raise _fail(p, f"{_describe(v)} is not a number")
            return float(v)

        return dec_float
    if tp is str:
        def dec_str(v: Any, p: str) -> str:
            if not isinstance(v, str):
                raise _fail(p, f"{_describe(v)} is not text")
            return v

        return dec_str
    if dataclasses.is_dataclass(tp):
        return _dataclass_decoder(tp)
    raise TypeError(f"no decoder for {tp!r}")


def _dataclass_decoder(cls: Any) -> Decoder:
    hints = typing.get_type_hints(cls)
    fields = [f for f in dataclasses.fields(cls) if f.init]
    required = {f.name for f in fields if f.default is dataclasses.MISSING
                and f.default_factory is dataclasses.MISSING}  # type: ignore[misc]
    decoders = {f.name: _decoder(hints[f.name]) for f in fields}

    def dec(v: Any, p: str) -> Any:
        if not isinstance(v, dict):
            raise _fail(p, f"{_describe(v)} is not an object")
        unknown = [k for k in v if k not in decoders]
        if unknown:
            raise _fail(f"{p}.{unknown[0]}" if p else unknown[0], "is not a field Kinscape knows")
        missing = [k for k in required if k not in v]
        if missing:
            raise _fail(p, f'"{sorted(missing)[0]}" is missing')
        kwargs = {k: decoders[k](x, f"{p}.{k}" if p else k) for k, x in v.items()}
        try:
            return cls(**kwargs)
        except (ValueError, TypeError) as exc:
            raise _fail(p, str(exc)) from None

    return dec


def decode(cls: type, value: Any, path: str = "") -> Any:
    return _decoder(cls)(value, path)


# ---- encoding -------------------------------------------------------------------------------
def encode(value: Any) -> Any:
    if isinstance(value, FuzzyDate):
        return value.iso()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        out: dict[str, Any] = {}
        for f in _field_defaults(type(value)):
            name, default = f
            v = getattr(value, name)
            if default is not dataclasses.MISSING and v == default:
                continue
            out[name] = encode(v)
        return out
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (tuple, list)):
        return [encode(v) for v in value]
    if isinstance(value, dict):
        return {str(k): encode(v) for k, v in value.items()}
    return value


@lru_cache(maxsize=None)
def _field_defaults(cls: type) -> tuple[tuple[str, Any], ...]:
    out = []
    for f in dataclasses.fields(cls):  # type: ignore[arg-type]
        if f.default is not dataclasses.MISSING:
            default = f.default
        elif f.default_factory is not dataclasses.MISSING:  # type: ignore[misc]
            default = f.default_factory()  # type: ignore[misc]
        else:
            default = dataclasses.MISSING
        out.append((f.name, default))
    return tuple(out)


# ---- the whole case -------------------------------------------------------------------------
def case_to_dict(case: Case) -> dict[str, Any]:
    fam = case.family
    out: dict[str, Any] = {
        "format": FORMAT_NAME,
        "schema_version": SCHEMA_VERSION,
        "meta": encode(case.meta),
        "people": [encode(p) for p in fam.people()],
        "unions": [encode(u) for u in fam.unions()],
        "child_links": [encode(link) for link in fam.child_links()],
    }
    for name in SIDE_COLLECTIONS:
        out[name] = [encode(i) for i in fam.items(name)]
    out["layout"] = encode(case.hints)
    for name in RECORD_TYPES:
        out[name] = [encode(r) for r in case.records(name)]
    out["media"] = case.media_names()
    return out


_TOP_KEYS = {"format", "schema_version", "app_version", "meta", "layout", "media",
             *FAMILY_TYPES, *RECORD_TYPES}


def case_from_dict(data: Any, media: dict[str, bytes] | None = None) -> Case:
    """Build a case from case.json's content; CaseFormatError names the first problem found."""
    if not isinstance(data, dict):
        raise _fail("", "the file does not hold a case (expected a JSON object)")
    version = data.get("schema_version")
    if version is None:
        raise _fail("schema_version", "is missing")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise _fail("schema_version", f"{_describe(version)} is not a schema version")
    if version > SCHEMA_VERSION:
        raise NewerSchemaError(
            f"this case was saved by a newer Kinscape (schema {version}; this one reads up to"
            f" {SCHEMA_VERSION}); update Kinscape to open it")
    fmt = data.get("format", FORMAT_NAME)
    if fmt != FORMAT_NAME:
        raise _fail("format", f"{_describe(fmt)} is not a Kinscape case")
    unknown = sorted(set(data) - _TOP_KEYS)
    if unknown:
        raise _fail(unknown[0], "is not a section Kinscape knows")

    case = Case(decode(CaseMeta, data.get("meta", {}), "meta"))
    fam = case.family
    muted = case.events
    muted._muted += 1
    try:
        people = _list(data, "people", Person)
        for i, person in people:
            _guard(lambda: fam._add_person(person), f"people[{i}]")
        for i, union in _list(data, "unions", Union):
            _guard(lambda: fam._add_union(union), f"unions[{i}]")
        links = _list(data, "child_links", ChildLink)
        for i, link in links:
            _guard(lambda: fam._link_child(link, check_cycles=False), f"child_links[{i}]")
        cycle = fam._find_cycle()
        if cycle:
            names = [fam.person(n).display_name for n in cycle if fam.has_person(n)]
            raise _fail("child_links", "someone would be their own ancestor: " + " → ".join(names))
        for name in SIDE_COLLECTIONS:
            for i, item in _list(data, name, FAMILY_TYPES[name]):
                _guard(lambda: fam._put_item(name, item), f"{name}[{i}]")
        case._hints = decode(LayoutHints, data.get("layout", {}), "layout")
        for name, cls in RECORD_TYPES.items():
            store = case._records[name]
            for i, rec in _list(data, name, cls):
                if rec.id in store:
                    raise _fail(f"{name}[{i}].id", f'"{rec.id}" is used twice')
                store[rec.id] = rec
        meta = case.meta
        if meta.index_person is not None and not fam.has_person(meta.index_person):
            raise _fail("meta.index_person", f'"{meta.index_person}" is not a person in this case')
        listed = data.get("media", [])
        if not isinstance(listed, list) or not all(isinstance(n, str) for n in listed):
            raise _fail("media", "is not a list of file names")
        media = media or {}
        for n in listed:
            if n not in media:
                raise _fail("media", f'"{n}" is listed but not in the file')
        case._media = {n: media[n] for n in listed}
    finally:
        muted._muted -= 1
    return case


def _list(data: dict[str, Any], key: str, cls: type) -> list[tuple[int, Any]]:
    raw = data.get(key, [])
    if not isinstance(raw, list):
        raise _fail(key, "is not a list")
    dec = _decoder(cls)
    return [(i, dec(v, f"{key}[{i}]")) for i, v in enumerate(raw)]


def _guard(action: Callable[[], None], path: str) -> None:
    try:
        action()
    except ModelError as exc:
        raise _fail(path, str(exc)) from None
