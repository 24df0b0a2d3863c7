"""The case file: round trips, atomic saves that never lose the old file, and every refusal."""
from __future__ import annotations

import dataclasses
import io
import json
import os
import re
import types
import typing
import zipfile
from dataclasses import replace
from enum import Enum
from pathlib import Path
from typing import Any

import pytest

from genogram.model import (
    Bond,
    BondKind,
    Case,
    CaseMeta,
    ChildKind,
    ChronologyEvent,
    EcoConnection,
    Ecomap,
    EcoSystem,
    Energy,
    FuzzyDate,
    Gender,
    GraceNote,
    HouseEntry,
    Household,
    PersonKind,
    Plan,
    PlanItem,
    Put,
    Quality,
    SafetyMap,
    SafetyStatement,
    ScaleRating,
    SetHints,
    SetMedia,
    SetMeta,
    Story,
    StoryPage,
    ThreeHouses,
    UnionKind,
    UpdatePerson,
    case_to_dict,
    codec,
)
from genogram.model import operations as ops
from genogram.model.case import RECORD_TYPES
from genogram.model.codec import FAMILY_TYPES, SCHEMA_VERSION
from genogram.model.entities import BirthGroup, LayoutHints
from genogram.model.records import AgreedWords, ImportantPeople, ImportantPerson
from genogram.storage import casefile
from genogram.storage.atomic import write_bytes_atomic
from genogram.storage.casefile import (
    CaseFileError,
    ChangedOnDiskError,
    NewerCaseFileError,
    case_from_bytes,
    case_json_bytes,
    case_to_bytes,
    file_stamp,
    read_case,
    read_case_with_stamp,
    write_case,
)

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4  # invented bytes, not a real picture


def rich_case() -> Case:
    """An invented family touching every record type, every date form and a picture."""
    case = Case(CaseMeta(title="The Okafor-Lewis family (invented)", worker="Sam Worker",
                         as_at=FuzzyDate(2026, 11, 1), fictional=True))

    def do(built: tuple[Any, str]) -> str:
        case.apply(built[0])
        return built[1]

    def put(collection: str, item: Any) -> None:
        case.apply(Put(collection, item))

    dana = do(ops.add_person(case, "Dana", Gender.FEMALE, born=FuzzyDate(1990, 5, 2)))
    omar = do(ops.add_partner(case, dana, "Omar", kind=UnionKind.DIVORCED))
    rosa = do(ops.add_child(case, dana, "Rosa", Gender.FEMALE))
    tom = do(ops.add_sibling(case, rosa, "Tomasz", Gender.MALE))
    do(ops.add_child(case, dana, "", kind=ChildKind.BIRTH, person_kind=PersonKind.MISCARRIAGE))
    nan = do(ops.add_parents(case, dana))
    case.apply(UpdatePerson(replace(
        case.family.person(nan), known_as="Nanny Mo", died=FuzzyDate(2019, 3),
        born=FuzzyDate(1950, approx=True), note="Łódź → Cardiff", private=True,
        graces=(GraceNote("religion", "Catholic", True, False),))))
    uid = case.family.parent_links(rosa)[0].union
    do(ops.add_bond(case, dana, omar, BondKind.ABUSE, directed=True))
    put("bonds", Bond(case.new_id("b"), rosa, tom, BondKind.CLOSE))
    put("birth_groups", BirthGroup(case.new_id("tw"), uid, (rosa, tom), True))
    put("households", Household("h1", "Dana's flat", (dana, rosa, tom)))
    names = {rosa: "Ro", dana: "Mum"}
    case.apply(SetMeta(case.with_meta(index_person=rosa, preferred_names=names)))
    case.apply(SetHints(LayoutHints(nudges={rosa: (1.5, -2.0), dana: (0.0, 3.25)},
                                    child_order={uid: (tom, rosa)})))
    put("ecomaps", Ecomap("em1", "Rosa's world", FuzzyDate(2026, 10)))
    put("eco_systems", EcoSystem("es1", "em1", "Hillside Primary", "school",
                                 picture="media:school.png", position=(10.0, -4.5)))
    put("eco_connections", EcoConnection("ec1", "em1", "es1", Quality.STRESSFUL, True,
                                         Energy.BOTH, rosa, "lunch club", "the bus"))
    put("plans", Plan("pl1", title="Rosa's plan", child=rosa, review=FuzzyDate(2027, 1, 15),
                      reviews=(FuzzyDate(2026, 6, 1),), parents_agree=True, items=(
                          PlanItem("i1", "worry", "Mum gets sad", "Mum is sad sometimes"),
                          PlanItem("i2", "action", "Walk to school", who_person=dana,
                                   when=FuzzyDate(2026, 12), links=("sm1/s1",)))))
    puppy = HouseEntry("dreams", "a puppy", drawing="media:house.png")
    put("three_houses", ThreeHouses("th1", rosa, date=FuzzyDate(2026), consent=("Mum",),
                                    refused=("Dad",), entries=(puppy,)))
    put("safety_maps", SafetyMap("sm1", rosa, statements=(SafetyStatement("s1", "worry", "late"),),
                                 ratings=(ScaleRating("Mum", FuzzyDate(2026, 9, 1), 6),)))
    put("stories", Story("st1", rosa, "Why I live with Nanny", authors=("Mum", "Sam"),
                         pages=(StoryPage("beginning", "Once", "media:house.png"),),
                         agreed_words=(AgreedWords("neglect", "Mum could not look after us"),)))
    put("chronology", ChronologyEvent("c1", FuzzyDate(2020, 2), "Moved to Cardiff", people=(dana,)))
    put("important_people", ImportantPeople("ip1", rosa, FuzzyDate(2026, 10, 2), people=(
        ImportantPerson("Nanny Mo", 1, nan, "she makes pancakes", "media:house.png"),
        ImportantPerson("Miss Patel", 2))))
    case.apply(SetMedia("house.png", PNG))
    case.apply(SetMedia("school.png", b"drawing of a school"))
    return case


def same(a: Case, b: Case) -> None:
    assert case_to_dict(a) == case_to_dict(b)
    assert a.media_names() == b.media_names()
    assert all(a.media(n) == b.media(n) for n in a.media_names())


# ---- round trips ----------------------------------------------------------------------------
def test_save_and_load_give_back_the_same_case(tmp_path: Path) -> None:
    case = rich_case()
    path = tmp_path / "family.kinscape"
    stamp = write_case(case, path)
    back, stamp2 = read_case_with_stamp(path)
    same(case, back)
    assert stamp.same_content(stamp2) and stamp == file_stamp(path)
    assert back.family.person_count() == case.family.person_count() == 7
    assert back.media("house.png") == PNG


def test_the_same_case_gives_the_same_bytes(tmp_path: Path) -> None:
    case = rich_case()
    first = case_to_bytes(case)
    assert case_to_bytes(case) == first
    assert case_to_bytes(case_from_bytes(first)) == first
    # a map built in another order still gives the same bytes
    reordered = case_from_bytes(first)
    hints = reordered.hints
    reordered.apply(SetHints(LayoutHints(nudges=dict(reversed(list(hints.nudges.items()))),
                                         child_order=hints.child_order)))
    assert case_to_bytes(reordered) == first


def test_the_zip_layout_is_case_json_then_media(tmp_path: Path) -> None:
    with zipfile.ZipFile(io.BytesIO(case_to_bytes(rich_case()))) as zf:
        names = zf.namelist()
        text = zf.read("case.json").decode("utf-8")
        assert all(i.date_time == (1980, 1, 1, 0, 0, 0) for i in zf.infolist())
    assert names == ["case.json", "media/house.png", "media/school.png"]
    assert text.startswith('{\n  "format": "kinscape-case",\n  "schema_version": 1,')
    assert "Łódź → Cardiff" in text  # UTF-8, not \\u escapes


def test_a_bare_case_json_is_accepted_and_written_for_json_paths(tmp_path: Path) -> None:
    case = rich_case()
    case.apply(SetMedia("house.png", None))
    case.apply(SetMedia("school.png", None))
    path = tmp_path / "case.json"
    write_case(case, path)
    assert path.read_bytes().startswith(b"{")
    same(case, read_case(path))
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())  # Notepad's byte-order mark is fine
    same(case, read_case(path))
    with pytest.raises(CaseFileError, match="cannot hold pictures"):
        write_case(rich_case(), tmp_path / "other.json")


def test_save_keeps_a_backup_and_leaves_no_temporary_files(tmp_path: Path) -> None:
    path = tmp_path / "family.kinscape"
    write_case(rich_case(), path)
    old = path.read_bytes()
    assert not (tmp_path / "family.kinscape.bak").exists()
    case = read_case(path)
    case.apply(SetMeta(case.with_meta(title="Renamed")))
    write_case(case, path)
    assert (tmp_path / "family.kinscape.bak").read_bytes() == old
    assert read_case(path).meta.title == "Renamed"
    assert sorted(os.listdir(tmp_path)) == ["family.kinscape", "family.kinscape.bak"]
    write_case(case, tmp_path / "nobak.kinscape")
    write_case(case, tmp_path / "nobak.kinscape", backup=False)
    assert not (tmp_path / "nobak.kinscape.bak").exists()


def test_a_file_changed_on_disk_is_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "family.kinscape"
    write_case(rich_case(), path)
    case, stamp = read_case_with_stamp(path)
    other = read_case(path)
    other.apply(SetMeta(other.with_meta(title="Saved by someone else")))
    write_case(other, path)
    theirs = path.read_bytes()
    with pytest.raises(ChangedOnDiskError, match="changed by another program"):
        write_case(case, path, expected=stamp)
    assert path.read_bytes() == theirs
    os.utime(path, ns=(1, 1))  # touched but not changed: saving is safe
    write_case(other, path, expected=file_stamp(path))
    stamp = write_case(case, path, expected=file_stamp(path))
    write_case(case, path, expected=stamp)  # the returned stamp is good for the next save


def _refuse_replace(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)


def test_a_failed_save_leaves_the_old_file_whole(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "family.kinscape"
    write_case(rich_case(), path, backup=False)
    old = path.read_bytes()
    case = read_case(path)
    case.apply(SetMeta(case.with_meta(title="Unsaved")))
    _refuse_replace(monkeypatch)
    expected = r"^family\.kinscape: cannot be saved \(Permission denied\); the file on disk"
    with pytest.raises(CaseFileError, match=expected):
        write_case(case, path)
    assert path.read_bytes() == old
    assert os.listdir(tmp_path) == ["family.kinscape"]


def test_a_folder_that_refuses_new_files_leaves_the_old_file_whole(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "family.kinscape"
    write_case(rich_case(), path, backup=False)
    old = path.read_bytes()
    real_open = os.open

    def refuse_new_files(name: Any, flags: int, *args: Any) -> int:
        if flags & os.O_CREAT:  # a read-only folder: nothing new can be made in it
            raise PermissionError(13, "Permission denied", str(name))
        return real_open(name, flags, *args)

    monkeypatch.setattr(os, "open", refuse_new_files)
    with pytest.raises(CaseFileError, match=r"Permission denied\); the file on disk is unchanged"):
        write_case(rich_case(), path)
    assert path.read_bytes() == old and os.listdir(tmp_path) == ["family.kinscape"]


def test_a_save_that_would_not_open_again_is_refused(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "family.kinscape"
    write_case(rich_case(), path)
    old = path.read_bytes()

    def broken(data: bytes, name: str = "case") -> Case:
        raise CaseFileError(f"{name}: case.json: people[0].born: 2019-13 is not a date")

    monkeypatch.setattr(casefile, "case_from_bytes", broken)
    with pytest.raises(CaseFileError, match=r"^family\.kinscape: was not saved because it would not"
                                            r" open again \(case\.json: people\[0\]"):
        write_case(rich_case(), path)
    assert path.read_bytes() == old


def test_a_save_that_reads_back_differently_is_reported(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "family.kinscape"
    write_case(rich_case(), path)
    monkeypatch.setattr(casefile, "write_bytes_atomic",
                        lambda target, data: write_bytes_atomic(target, data[:-1] + b"?"))
    with pytest.raises(CaseFileError, match=r"did not read back as written .*kinscape\.bak"):
        write_case(rich_case(), path)


def test_saving_through_a_link_and_after_the_file_has_gone(tmp_path: Path) -> None:
    real = tmp_path / "real.kinscape"
    link = tmp_path / "link.kinscape"
    write_case(rich_case(), real)
    link.symlink_to(real)
    case, stamp = read_case_with_stamp(link)
    case.apply(SetMeta(case.with_meta(title="Through the link")))
    write_case(case, link, expected=stamp)
    assert link.is_symlink() and read_case(real).meta.title == "Through the link"
    case2, stamp2 = read_case_with_stamp(real)
    real.unlink()
    link.unlink()
    write_case(case2, real, expected=stamp2)  # nothing on disk to lose: saved again
    same(case2, read_case(real))


def test_pictures_named_in_any_script_round_trip(tmp_path: Path) -> None:
    case = rich_case()
    case.apply(SetMedia("Zoë's house (2).png".replace("'", ""), b"zoe"))
    case.apply(SetMedia("房子.jpg", b"fangzi"))
    write_case(case, tmp_path / "family.kinscape")
    back = read_case(tmp_path / "family.kinscape")
    assert back.media("房子.jpg") == b"fangzi" and back.media("Zoës house (2).png") == b"zoe"


def test_atomic_write_removes_its_temporary_file_on_any_failure(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out.pdf"
    target.write_bytes(b"old")
    real_fdopen = os.fdopen

    def failing_fdopen(fd: int, *args: object, **kw: object) -> object:
        handle = real_fdopen(fd, *args, **kw)  # type: ignore[call-overload]
        handle.write = lambda _data: (_ for _ in ()).throw(OSError(28, "No space left on device"))
        return handle

    monkeypatch.setattr(os, "fdopen", failing_fdopen)
    with pytest.raises(OSError, match="No space"):
        write_bytes_atomic(target, b"new" * 1000)
    assert target.read_bytes() == b"old" and os.listdir(tmp_path) == ["out.pdf"]
    monkeypatch.undo()
    target.chmod(0o640)
    write_bytes_atomic(target, b"new")
    assert target.read_bytes() == b"new" and (target.stat().st_mode & 0o777) == 0o640
    with pytest.raises(IsADirectoryError):
        write_bytes_atomic(tmp_path, b"x")


def test_saving_into_a_missing_folder_or_over_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(CaseFileError, match=r"cannot be saved .*nothing was written"):
        write_case(rich_case(), tmp_path / "nowhere" / "family.kinscape")
    (tmp_path / "dir.kinscape").mkdir()
    with pytest.raises(CaseFileError, match="is a folder"):
        write_case(rich_case(), tmp_path / "dir.kinscape")


def test_unsafe_media_names_are_not_saved(tmp_path: Path) -> None:
    case = rich_case()
    case.apply(SetMedia("../evil.png", b"x"))
    with pytest.raises(CaseFileError, match=r'"\.\./evil\.png" is not a simple file name'):
        write_case(case, tmp_path / "family.kinscape")
    assert not (tmp_path / "family.kinscape").exists()
    assert casefile.is_safe_media_name("Zoë's drawing (2).png".replace("'", ""))
    unsafe = ["a/b.png", "a\\b.png", "..", ".hidden", "x.", "", "con:x", "a\nb", "x" * 121]
    assert not any(map(casefile.is_safe_media_name, unsafe))


# ---- refusals -------------------------------------------------------------------------------
def zip_of(entries: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as zf:
        for name, data in entries.items():
            zf.writestr(name, data)
    return buffer.getvalue()


def minimal(**extra: object) -> bytes:
    return json.dumps({"format": "kinscape-case", "schema_version": 1, **extra}).encode()


def refusal(data: bytes, name: str = "family.kinscape") -> str:
    with pytest.raises(CaseFileError) as info:
        case_from_bytes(data, name)
    message = str(info.value)
    assert "\n" not in message and message.startswith(name + ": ")
    return message


def test_a_minimal_case_opens() -> None:
    assert case_from_bytes(zip_of({"case.json": minimal()})).family.person_count() == 0
    assert case_from_bytes(minimal(people=[{"id": "p1", "given": "Ann"}])).family.person(
        "p1").given == "Ann"


def test_files_that_are_not_cases_are_refused() -> None:
    assert refusal(b"") == "family.kinscape: the file is empty"
    assert "neither a .kinscape zip nor case.json" in refusal(b"\x00\x01binary stuff")
    assert "neither" in refusal(b"hello, world")
    assert "is damaged" in refusal(b"PK\x03\x04 truncated nonsense")
    assert "expected a JSON object" in refusal(b"[1, 2]")


def test_bad_json_and_utf8_are_refused_with_line_and_column() -> None:
    text = b'{\n  "schema_version": 1,\n  "people": [\n    {"id": "p1",}\n  ]\n}'
    message = refusal(text, "case.json")
    assert message.startswith("case.json: is not valid JSON (line 4, column")
    message = refusal(zip_of({"case.json": b'{\n "meta": {"title": "caf\xe9"}}'}))
    assert message == "family.kinscape: case.json: is not valid UTF-8 text (line 2, column 24)"
    assert "nested too deeply" in refusal(b"[" * 100000 + b"]" * 100000)


def test_model_problems_name_the_place() -> None:
    bad = minimal(people=[{"id": "p1"}, {"id": "p2"}, {"id": "p3"},
                          {"id": "p4", "born": "next Tuesday"}])
    assert refusal(bad, "case.json") == 'case.json: people[3].born: "next Tuesday" is not a date'
    assert refusal(zip_of({"case.json": bad})) == (
        'family.kinscape: case.json: people[3].born: "next Tuesday" is not a date')


def test_a_newer_schema_is_refused_with_advice() -> None:
    data = json.dumps({"schema_version": SCHEMA_VERSION + 1, "hologram": {}}).encode()
    with pytest.raises(NewerCaseFileError) as info:
        case_from_bytes(zip_of({"case.json": data}), "family.kinscape")
    assert f"newer Kinscape (schema {SCHEMA_VERSION + 1}" in str(info.value)
    assert "update Kinscape" in str(info.value)


def test_damaged_and_hostile_zips_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    good = zip_of({"case.json": minimal(), "media/a.png": b"picture" * 100}, zipfile.ZIP_STORED)
    damaged = good.replace(b"picturepicture", b"pictureXicture", 1)
    assert refusal(damaged) == (
        "family.kinscape: media/a.png is damaged (its checksum does not match)")
    assert "has no case.json" in refusal(zip_of({"notes.txt": b"hi"}))
    for entry in ("/etc/passwd", "../../x", "media/../../x", "media\\x.png", "C:/x", "a//b"):
        assert "unsafe path" in refusal(zip_of({"case.json": minimal(), entry: b"x"})), entry
    hidden = zip_of({"case.json": minimal(), "media/.x": b"x"})
    assert "not a simple picture name" in refusal(hidden)
    bomb = zip_of({"case.json": minimal(), "media/big.bmp": b"\0" * (3 * 1024 * 1024)})
    assert "zip bomb" in refusal(bomb)
    monkeypatch.setattr(casefile, "MAX_ENTRY_BYTES", 1000)
    big = zip_of({"case.json": minimal(), "media/a.png": os.urandom(2000)})
    assert "media/a.png is too large" in refusal(big)
    monkeypatch.setattr(casefile, "MAX_TOTAL_BYTES", 1500)
    many = {"case.json": minimal(), **{f"media/{i}.png": os.urandom(600) for i in range(3)}}
    assert "more than 1500 bytes in all" in refusal(zip_of(many))
    monkeypatch.setattr(casefile, "MAX_ENTRIES", 3)
    four = zip_of({"case.json": minimal(), "a": b"", "b": b"", "c": b""})
    assert "holds 4 entries" in refusal(four)


def test_duplicate_entries_and_unlisted_media(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr("case.json", minimal())
        with pytest.warns(UserWarning):
            zf.writestr("case.json", minimal(meta={"title": "second"}))
    assert "holds case.json twice" in refusal(buffer.getvalue())
    unlisted = zip_of({"case.json": minimal(media=["x.png"])})
    assert '"x.png" is listed but not in the file' in refusal(unlisted)


def test_files_that_are_missing_empty_or_folders(tmp_path: Path) -> None:
    with pytest.raises(CaseFileError, match=r"^missing.kinscape: there is no such file$"):
        read_case(tmp_path / "missing.kinscape")
    (tmp_path / "empty.kinscape").write_bytes(b"")
    with pytest.raises(CaseFileError, match=r"^empty.kinscape: the file is empty$"):
        read_case(tmp_path / "empty.kinscape")
    (tmp_path / "folder.kinscape").mkdir()
    with pytest.raises(CaseFileError, match=r"^folder.kinscape: is a folder, not a case file$"):
        read_case(tmp_path / "folder.kinscape")


# ---- docs/case.schema.json and docs/case-format.md stay in step with the code ----------------
DOCS = Path(__file__).resolve().parent.parent / "docs"
_ANNOTATIONS = {"$schema", "title", "description", "default"}


def schema_errors(value: object, schema: dict, root: dict, path: str = "") -> list[str]:
    """A validator for the part of JSON Schema 2020-12 that case.schema.json uses (and no more)."""
    unknown = set(schema) - _ANNOTATIONS - {"$ref", "$defs", "type", "const", "enum", "pattern",
                                            "properties", "required", "additionalProperties",
                                            "items", "prefixItems", "minItems", "anyOf"}
    assert not unknown, f"{path}: the test validator does not know {unknown}"
    if "$ref" in schema:
        return schema_errors(value, root["$defs"][schema["$ref"].split("/")[-1]], root, path)
    if "anyOf" in schema and all(schema_errors(value, s, root, path) for s in schema["anyOf"]):
        return [f"{path}: matches none of the choices"]
    kinds = {"object": dict, "array": list, "string": str, "boolean": bool, "null": type(None)}
    kind = schema.get("type")
    if kind == "integer" and (isinstance(value, bool) or not isinstance(value, int)):
        return [f"{path}: not an integer"]
    if kind == "number" and (isinstance(value, bool) or not isinstance(value, (int, float))):
        return [f"{path}: not a number"]
    if kind in kinds and not isinstance(value, kinds[kind]):
        return [f"{path}: not {kind}"]
    if "const" in schema and value != schema["const"]:
        return [f"{path}: not {schema['const']!r}"]
    if "enum" in schema and value not in schema["enum"]:
        return [f"{path}: {value!r} not in enum"]
    if "pattern" in schema and not re.search(schema["pattern"], value):  # type: ignore[arg-type]
        return [f"{path}: {value!r} does not match"]
    errors: list[str] = []
    if isinstance(value, dict):
        props = schema.get("properties", {})
        errors += [f"{path}.{k}: required" for k in schema.get("required", []) if k not in value]
        for k, v in value.items():
            sub = props.get(k, schema.get("additionalProperties", True))
            if sub is False:
                errors.append(f"{path}.{k}: not allowed")
            elif sub is not True:
                errors += schema_errors(v, sub, root, f"{path}.{k}")
    if isinstance(value, list):
        prefix = schema.get("prefixItems", [])
        if len(value) < schema.get("minItems", 0):
            errors.append(f"{path}: too few items")
        for i, v in enumerate(value):
            sub = prefix[i] if i < len(prefix) else schema.get("items", True)
            if sub is False:
                errors.append(f"{path}[{i}]: not allowed")
            elif sub is not True:
                errors += schema_errors(v, sub, root, f"{path}[{i}]")
    return errors


def expected_schema(tp: Any) -> Any:
    """What the schema must say for a type hint (annotations aside)."""
    if hasattr(tp, "__supertype__"):
        return expected_schema(tp.__supertype__)
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin in (typing.Union, types.UnionType):
        (inner,) = [a for a in args if a is not type(None)]
        return {"anyOf": [expected_schema(inner), {"type": "null"}]}
    if origin is tuple and args[-1] is Ellipsis:
        return {"type": "array", "items": expected_schema(args[0])}
    if origin is tuple:
        return {"type": "array", "prefixItems": [expected_schema(a) for a in args], "items": False,
                "minItems": len(args)}
    if origin is dict:
        return {"type": "object", "additionalProperties": expected_schema(args[1])}
    if tp is FuzzyDate:
        return {"$ref": "#/$defs/Date"}
    if isinstance(tp, type) and (issubclass(tp, Enum) or dataclasses.is_dataclass(tp)):
        return {"$ref": f"#/$defs/{tp.__name__}"}
    return {"type": {bool: "boolean", int: "integer", float: "number", str: "string"}[tp]}


def strip(schema: Any) -> Any:
    if isinstance(schema, dict):
        return {k: strip(v) for k, v in schema.items() if k not in _ANNOTATIONS}
    return [strip(v) for v in schema] if isinstance(schema, list) else schema


def model_types() -> tuple[set[type], set[type]]:
    """Every dataclass and enum a case.json can hold, found by walking the type hints."""
    found: set[type] = set()
    todo: list[Any] = [CaseMeta, LayoutHints, *FAMILY_TYPES.values(), *RECORD_TYPES.values()]
    while todo:
        tp = todo.pop()
        if tp is FuzzyDate:  # text in the file ("2019-03"), not an object
            continue
        wanted = isinstance(tp, type) and (dataclasses.is_dataclass(tp) or issubclass(tp, Enum))
        if wanted and tp not in found:
            found.add(tp)
            if dataclasses.is_dataclass(tp):
                todo += typing.get_type_hints(tp).values()
        todo += typing.get_args(tp)
    classes = {t for t in found if dataclasses.is_dataclass(t)}
    return classes, found - classes


@pytest.fixture(scope="module")
def schema() -> dict:
    return json.loads((DOCS / "case.schema.json").read_text(encoding="utf-8"))


def test_the_schema_names_every_field_and_enum_value(schema: dict) -> None:
    classes, enums = model_types()
    defs = schema["$defs"]
    assert set(defs) == {t.__name__ for t in classes | enums} | {"Date"}
    for cls in classes:
        hints = typing.get_type_hints(cls)
        fields = dataclasses.fields(cls)
        where = f"docs/case.schema.json $defs.{cls.__name__}"
        assert list(defs[cls.__name__]["properties"]) == [f.name for f in fields], where
        required = [f.name for f in fields if f.default is dataclasses.MISSING
                    and f.default_factory is dataclasses.MISSING]
        assert defs[cls.__name__].get("required", []) == required, where
        for f in fields:
            said = strip(defs[cls.__name__]["properties"][f.name])
            assert said == expected_schema(hints[f.name]), f"{where}.{f.name}"
    for enum in enums:
        assert defs[enum.__name__]["enum"] == [m.value for m in enum], enum.__name__
    assert set(schema["properties"]) == codec._TOP_KEYS
    assert schema["properties"]["schema_version"]["const"] == SCHEMA_VERSION
    assert schema["properties"]["media"]["items"]["pattern"] == casefile.MEDIA_NAME_PATTERN
    assert re.fullmatch(defs["Date"]["pattern"], "about 1980") and not re.fullmatch(
        defs["Date"]["pattern"], "next Tuesday")


def test_a_saved_case_follows_the_schema(schema: dict) -> None:
    data = json.loads(case_json_bytes(rich_case()))
    assert schema_errors(data, schema, schema) == []
    for bad, place in [({**data, "people": [{"id": "p1", "born": "soon"}]}, ".people[0].born"),
                       ({**data, "people": [{"id": "p1", "gender": "robot"}]}, ".people[0].gender"),
                       ({**data, "people": [{"given": "Ann"}]}, ".people[0].id: required"),
                       ({**data, "colour": "red"}, ".colour: not allowed"),
                       ({**data, "layout": {"nudges": {"p1": [1.0]}}}, ".layout.nudges.p1"),
                       ({**data, "schema_version": 2}, ".schema_version"),
                       ({**data, "media": ["../x.png"]}, ".media[0]")]:
        assert any(e.startswith(place) for e in schema_errors(bad, schema, schema)), place


def test_the_demo_families_follow_the_schema(schema: dict) -> None:
    from genogram.demo import list_demos, load_demo

    names = [name for name, _ in list_demos()]
    assert names
    for name in names:
        data = json.loads(case_json_bytes(load_demo(name)))
        assert schema_errors(data, schema, schema) == [], name


def test_the_format_page_covers_every_record_and_its_example_opens(schema: dict) -> None:
    text = (DOCS / "case-format.md").read_text(encoding="utf-8")
    classes, enums = model_types()
    for cls in classes:
        assert f"### {cls.__name__}\n" in text, cls.__name__
        for f in dataclasses.fields(cls):
            assert f"| `{f.name}` |" in text, f"{cls.__name__}.{f.name}"
    for enum in enums:
        assert all(f"`{m.value}`" in text for m in enum), enum.__name__
    example = text.split("```json\n", 1)[1].split("```", 1)[0]
    assert schema_errors(json.loads(example), schema, schema) == []
    case = case_from_bytes(example.encode(), "example")
    assert case.family.person("p3").born == FuzzyDate(2019, 3)
