"""The `.kinscape` case file: a zip holding `case.json` and `media/`, read and written safely.

Reading trusts nothing: a file may be damaged, hand-written, made by a newer Kinscape or built to
harm (zip bombs, paths that climb out of a folder). Every refusal is one sentence that starts
with the place of the problem: `family.kinscape: case.json: people[3].born: "next Tuesday" is
not a date`. Writing never loses the previous version: it refuses if someone else changed the
file since it was opened, keeps a `.bak`, writes atomically and reads the result back.
A bare `case.json` (told apart by content, not by name) is accepted wherever a case is read.
"""
from __future__ import annotations

import dataclasses
import hashlib
import io
import json
import os
import re
import stat
import typing
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..model.case import RECORD_TYPES, Case, CaseMeta
from ..model.codec import (
    FAMILY_TYPES,
    CaseFormatError,
    NewerSchemaError,
    case_from_dict,
    case_to_dict,
)
from ..model.entities import LayoutHints
from ..model.errors import ModelError
from .atomic import write_bytes_atomic

CASE_ENTRY = "case.json"
MEDIA_DIR = "media/"
MAX_ENTRY_BYTES = 64 * 1024 * 1024  # one entry, uncompressed
MAX_TOTAL_BYTES = 512 * 1024 * 1024  # all entries, uncompressed
MAX_ENTRIES = 10_000
MAX_RATIO = 200  # uncompressed / compressed, checked for entries over 1 MB
_RATIO_FLOOR = 1024 * 1024
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # fixed, so the same case gives the same bytes
_STORED_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".pdf")  # already compressed
# A plain file name of 1-120 characters: no folders, nothing Windows forbids, no leading dot.
_BAD = '/\\\\:*?"<>|\x00-\x1f\x7f'
MEDIA_NAME_PATTERN = f"^[^.{_BAD} ]([^{_BAD}]{{0,118}}[^.{_BAD} ])?$"  # also in case.schema.json
_MEDIA_NAME = re.compile(MEDIA_NAME_PATTERN)


class CaseFileError(ValueError):
    """The file cannot be read or written as a case; the message is one sentence for the user."""


class ChangedOnDiskError(CaseFileError):
    """The file changed on disk after it was opened; saving would overwrite someone's work."""


class NewerCaseFileError(CaseFileError):
    """The file was saved by a newer Kinscape: update rather than guess at its meaning."""


@dataclass(frozen=True)
class FileStamp:
    """What a file looked like when read, to notice if another program changes it later."""

    mtime_ns: int
    size: int
    sha256: str

    def same_content(self, other: FileStamp) -> bool:
        return self.size == other.size and self.sha256 == other.sha256


def is_safe_media_name(name: str) -> bool:
    """A plain file name that is safe on every system: no folders, no leading or trailing dot."""
    return bool(_MEDIA_NAME.fullmatch(name))


# ---- bytes ----------------------------------------------------------------------------------
def case_to_bytes(case: Case) -> bytes:
    """The case as a zip: pretty UTF-8 `case.json`, then `media/NAME`; same case, same bytes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        _add_entry(zf, CASE_ENTRY, case_json_bytes(case), zipfile.ZIP_DEFLATED)
        for name in case.media_names():
            if not is_safe_media_name(name):
                raise CaseFileError(
                    f'media: "{name}" is not a simple file name, so it cannot be saved')
            stored = name.lower().endswith(_STORED_SUFFIXES)
            method = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
            _add_entry(zf, MEDIA_DIR + name, case.media(name), method)
    return buffer.getvalue()


def case_json_bytes(case: Case) -> bytes:
    """`case.json` as written: the codec's key order, with free-form maps sorted."""
    data = _sort_maps_top(case_to_dict(case))
    return (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def _add_entry(zf: zipfile.ZipFile, name: str, data: bytes, method: int) -> None:
    info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
    info.compress_type = method
    info.create_system = 3  # the same bytes whichever system saved the case
    info.external_attr = 0o644 << 16
    zf.writestr(info, data, compress_type=method, compresslevel=6 if method else None)


def case_from_bytes(data: bytes, name: str = "case") -> Case:
    """A case from a `.kinscape` zip or a bare `case.json`; CaseFileError names any problem."""
    if not data:
        raise CaseFileError(f"{name}: the file is empty")
    if data[:2] == b"PK":
        obj, media = _read_zip(data, name)
        where = f"{name}: {CASE_ENTRY}"
    else:
        if len(data) > MAX_ENTRY_BYTES:
            raise CaseFileError(f"{name}: is too large to be a case.json ({_mb(len(data))})")
        obj, media = _parse_json(data, name, bare=True), {}
        where = name
    try:
        return case_from_dict(obj, media)
    except NewerSchemaError as exc:
        raise NewerCaseFileError(f"{name}: {exc}") from None
    except (CaseFormatError, ModelError) as exc:
        raise CaseFileError(f"{where}: {exc}") from None
    except RecursionError:
        raise CaseFileError(f"{where}: is nested too deeply to be a case") from None


def _parse_json(raw: bytes, where: str, bare: bool = False) -> Any:
    head = raw.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    if bare and head not in (b"{", b"["):
        raise _no(where, "is not a Kinscape case (neither a .kinscape zip nor case.json)")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line, col = _line_col(raw, exc.start)
        raise _no(where, f"is not valid UTF-8 text (line {line}, column {col})") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        at = f"line {exc.lineno}, column {exc.colno}: {exc.msg}"
        raise _no(where, f"is not valid JSON ({at})") from None
    except RecursionError:
        raise CaseFileError(f"{where}: is nested too deeply to be a case") from None


def _line_col(raw: bytes, offset: int) -> tuple[int, int]:
    before = raw[:offset]
    line_start = before.rfind(b"\n") + 1
    return before.count(b"\n") + 1, len(before[line_start:].decode("utf-8", "replace")) + 1


def _read_zip(data: bytes, name: str) -> tuple[Any, dict[str, bytes]]:
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError):
        raise CaseFileError(f"{name}: is damaged (it is not a readable zip container)") from None
    if len(infos) > MAX_ENTRIES:
        raise _no(name, f"holds {len(infos)} entries, more than a case can ({MAX_ENTRIES})")
    seen: set[str] = set()
    total = 0
    wanted: list[zipfile.ZipInfo] = []
    for info in infos:
        entry = info.orig_filename
        _check_entry_name(entry, name)
        if entry in seen:
            raise CaseFileError(f"{name}: holds {entry} twice")
        seen.add(entry)
        if entry.endswith("/"):
            continue
        if info.file_size > MAX_ENTRY_BYTES:
            raise _no(name, f"{entry} is too large ({_mb(info.file_size)};"
                            f" the limit is {_mb(MAX_ENTRY_BYTES)})")
        total += info.file_size
        if total > MAX_TOTAL_BYTES:
            raise _no(name, f"holds more than {_mb(MAX_TOTAL_BYTES)} in all, more than a case can")
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > _RATIO_FLOOR and ratio > MAX_RATIO:
            raise _no(name, f"{entry} is compressed far more than real data can be (a zip bomb?),"
                            " so it was not opened")
        if info.flag_bits & 0x1:
            raise _no(name, f"{entry} is password-protected, which Kinscape does not use")
        if entry.startswith(MEDIA_DIR) and not is_safe_media_name(entry[len(MEDIA_DIR):]):
            raise _no(name, f'"{entry}" is not a simple picture name, so it was not opened')
        if entry == CASE_ENTRY or entry.startswith(MEDIA_DIR):
            wanted.append(info)  # anything else is ignored: room for later additions
    if CASE_ENTRY not in seen:
        raise CaseFileError(f"{name}: has no {CASE_ENTRY} inside, so it is not a Kinscape case")
    obj: Any = None
    media: dict[str, bytes] = {}
    for info in wanted:
        raw = _read_entry(zf, info, name)
        if info.orig_filename == CASE_ENTRY:
            obj = _parse_json(raw, f"{name}: {CASE_ENTRY}")
        else:
            media[info.orig_filename[len(MEDIA_DIR):]] = raw
    return obj, media


def _check_entry_name(entry: str, name: str) -> None:
    parts = entry.rstrip("/").split("/")
    if (entry.startswith("/") or "\\" in entry or "\x00" in entry
            or re.match(r"^[A-Za-z]:", entry) or any(p in ("", ".", "..") for p in parts)):
        raise _no(name, f'holds an entry with an unsafe path ("{entry}"), so it was not opened')


def _read_entry(zf: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> bytes:
    entry = info.orig_filename
    try:
        with zf.open(info) as handle:
            raw = handle.read(MAX_ENTRY_BYTES + 1)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError):
        raise _no(name, f"{entry} is damaged (its checksum does not match)") from None
    except NotImplementedError:
        raise _no(name, f"{entry} uses a compression Kinscape cannot read") from None
    if len(raw) != info.file_size:
        raise _no(name, f"{entry} is damaged (its size does not match)")
    return raw


def _no(where: str, text: str) -> CaseFileError:
    """A refusal: the place, then what is wrong."""
    return CaseFileError(f"{where}: {text}")


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.0f} MB" if n >= 1024 * 1024 else f"{n} bytes"


# ---- free-form maps sorted, so equal cases give equal bytes ---------------------------------
_TOP_TYPES: dict[str, Any] = {"meta": CaseMeta, "layout": LayoutHints,
                              **FAMILY_TYPES, **RECORD_TYPES}


def _sort_maps_top(data: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for key, value in data.items():
        tp = _TOP_TYPES.get(key)
        if tp is None or not _has_maps(tp):
            out[key] = value
        elif isinstance(value, list):
            out[key] = [_sort_maps(v, tp) for v in value]
        else:
            out[key] = _sort_maps(value, tp)
    return out


def _sort_maps(value: Any, tp: Any) -> Any:
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin is dict and isinstance(value, dict):
        return {k: _sort_maps(value[k], args[1]) for k in sorted(value)}
    if origin is tuple and args and args[-1] is Ellipsis and isinstance(value, list):
        return [_sort_maps(v, args[0]) for v in value]
    if isinstance(tp, type) and dataclasses.is_dataclass(tp) and isinstance(value, dict):
        hints = _hints(tp)
        return {k: _sort_maps(v, hints[k]) if _has_maps(hints.get(k)) else v
                for k, v in value.items()}
    return value


def _hints(cls: Any) -> dict[str, Any]:
    cached = _HINTS.get(cls)
    if cached is None:
        cached = _HINTS[cls] = typing.get_type_hints(cls)
    return cached


_HINTS: dict[Any, dict[str, Any]] = {}


def _has_maps(tp: Any, depth: int = 0) -> bool:
    if tp is None or depth > 6:
        return False
    if typing.get_origin(tp) is dict:
        return True
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return any(_has_maps(h, depth + 1) for h in _hints(tp).values())
    return any(_has_maps(a, depth + 1) for a in typing.get_args(tp))


# ---- files ----------------------------------------------------------------------------------
def _stamp_of(data: bytes, mtime_ns: int) -> FileStamp:
    return FileStamp(mtime_ns, len(data), hashlib.sha256(data).hexdigest())


def _read_file(path: Path) -> tuple[bytes, FileStamp]:
    name = path.name or str(path)
    try:
        with open(path, "rb") as handle:
            info = os.fstat(handle.fileno())
            if stat.S_ISDIR(info.st_mode):
                raise IsADirectoryError(21, "Is a directory", str(path))
            if info.st_size > MAX_TOTAL_BYTES + MAX_ENTRY_BYTES:
                raise CaseFileError(f"{name}: is too large to be a case ({_mb(info.st_size)})")
            data = handle.read()
    except FileNotFoundError:
        raise CaseFileError(f"{name}: there is no such file") from None
    except IsADirectoryError:
        raise CaseFileError(f"{name}: is a folder, not a case file") from None
    except OSError as exc:
        if path.is_dir():
            raise CaseFileError(f"{name}: is a folder, not a case file") from None
        raise CaseFileError(f"{name}: cannot be read ({exc.strerror or exc})") from None
    return data, _stamp_of(data, info.st_mtime_ns)


def file_stamp(path: str | os.PathLike[str]) -> FileStamp:
    """The stamp of the file as it is now on disk."""
    return _read_file(Path(path))[1]


def read_case(path: str | os.PathLike[str]) -> Case:
    """Open a `.kinscape` file or a bare `case.json`."""
    return read_case_with_stamp(path)[0]


def read_case_with_stamp(path: str | os.PathLike[str]) -> tuple[Case, FileStamp]:
    """Open a case and say what the file looked like, for `write_case(expected=…)` later."""
    p = Path(path)
    data, stamp = _read_file(p)
    return case_from_bytes(data, p.name or str(p)), stamp


def backup_path(path: str | os.PathLike[str]) -> Path:
    """Where the previous version is kept: `family.kinscape` → `family.kinscape.bak`."""
    p = Path(path)
    return p.with_name(p.name + ".bak")


def write_case(case: Case, path: str | os.PathLike[str], *, expected: FileStamp | None = None,
               backup: bool = True) -> FileStamp:
    """Save the case; return the new stamp.

    Refuses (ChangedOnDiskError) if the file no longer matches `expected`, the stamp taken when
    it was opened or last saved. A file that has gone since is simply written again: nothing is
    lost. The previous version is kept as `NAME.bak`. A path ending in `.json` gets a bare
    case.json (no pictures), so hand-written cases stay hand-editable.
    """
    p = Path(path)
    name = p.name or str(p)
    if p.suffix.lower() == ".json":
        if case.media_names():
            raise CaseFileError(f"{name}: a bare case.json cannot hold pictures; save as .kinscape")
        data = case_json_bytes(case)
    else:
        data = case_to_bytes(case)
    if p.is_dir():
        raise CaseFileError(f"{name}: is a folder, not a case file")
    exists = p.exists()
    untouched = "the file on disk is unchanged" if exists else "nothing was written"
    try:  # a file that would not open again must never replace one that does
        case_from_bytes(data, name)
    except CaseFileError as exc:
        why = str(exc).removeprefix(name + ": ")
        raise _no(name, f"was not saved because it would not open again ({why}); {untouched}"
                  ) from None
    old: bytes | None = None
    if exists:
        old, on_disk = _read_file(p)
        if expected is not None and not on_disk.same_content(expected):
            raise ChangedOnDiskError(
                f"{name}: was changed by another program since it was opened; save under a new"
                " name so neither version is lost")
    try:
        if old is not None and backup:
            write_bytes_atomic(backup_path(p), old)
        write_bytes_atomic(p, data)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise CaseFileError(f"{name}: cannot be saved ({reason}); {untouched}") from None
    written, stamp = _read_file(p)
    if written != data:
        kept = old is not None and backup
        where = f"; the previous version is in {backup_path(p).name}" if kept else ""
        raise CaseFileError(f"{name}: did not read back as written (is the disk failing?){where}")
    return stamp
