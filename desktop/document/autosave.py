"""Recovery copies: while a case has unsaved edits, a copy is written every N seconds.

Copies live in the app's own data folder (QStandardPaths.AppDataLocation/recovery), never beside
the case (a shared folder might sync a half-finished case) and never in /tmp (cleared at boot).
Each copy `ID.kinscape` has a sidecar `ID.json` (which file it belongs to, when, what title)
and a lock `ID.lock` held while its Kinscape runs, so a second Kinscape does not offer a copy
that is still in use. After a crash the lock is stale, and the next start offers the copy back.

A copy that cannot be written (disk full, folder read-only) never stops the user working and
never touches the case: the user is told once, in the status bar of the window that holds the
document (or whoever listens to `problem`), and told again only after a copy has been written
since. A sidecar that cannot be read (garbage, cut short, not a JSON object) is ignored with a
log line; its copy is still offered, and only the user's Discard deletes it.
"""
from __future__ import annotations

import datetime as _dt
import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QLockFile, QObject, QStandardPaths, QTimer, Signal

from genogram.model import Case
from genogram.storage.atomic import write_bytes_atomic
from genogram.storage.casefile import CaseFileError, FileStamp, case_from_bytes, case_to_bytes

from .editor import CaseDocument

log = logging.getLogger(__name__)

WRITE_FAILED = ("Kinscape could not keep a recovery copy (disk full?); save your work now with"
                " Ctrl+S.")


def recovery_dir(create: bool = True) -> Path:
    """The folder for recovery copies, created on first use (OSError if it cannot be)."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    folder = Path(base) / "recovery"
    if create:
        folder.mkdir(parents=True, exist_ok=True)
    return folder


@dataclass(frozen=True)
class Recovery:
    """A copy left behind by a Kinscape that did not close properly."""

    copy: Path
    original: str | None
    saved_at: str
    title: str
    stamp: FileStamp | None

    def describe(self) -> str:
        where = Path(self.original).name if self.original else "a case that was never saved"
        return f"“{self.title}” ({where}), as it was at {self.saved_at}"

    def load(self) -> Case:
        return case_from_bytes(self.copy.read_bytes(), self.copy.name)

    def discard(self) -> None:
        for path in (self.copy, self.copy.with_suffix(".json"), self.copy.with_suffix(".lock")):
            path.unlink(missing_ok=True)


class Autosaver(QObject):
    """Writes the document's recovery copy every `seconds` while it has unsaved edits."""

    problem = Signal(str)  # one sentence for the user, once per run of failed writes

    def __init__(self, document: CaseDocument, seconds: float, folder: Path | None = None) -> None:
        super().__init__(document)
        self.document = document
        if folder is None:
            try:
                folder = recovery_dir()
            except OSError:  # a read-only profile: each write will fail, and say so once
                folder = recovery_dir(create=False)
        self.folder = folder
        self._told = False  # the user has been told that copies are failing
        self.copy = self.folder / f"{document.session_id}.kinscape"
        self._lock = QLockFile(str(self.copy.with_suffix(".lock")))
        self._lock.setStaleLockTime(0)  # only a dead process's lock is stale, never a slow one
        self._written_at: int | None = None  # the stack index the copy holds
        self._changes = 0
        self._written_changes = -1
        self.timer = QTimer(self)
        self.timer.setInterval(max(50, int(seconds * 1000)))
        self.timer.timeout.connect(self.write_now)
        document.modifiedChanged.connect(self._on_modified)
        document.case.events.connect(self._on_change)
        if document.is_modified():
            self._on_modified(True)

    def _on_change(self, _change) -> None:  # type: ignore[no-untyped-def]
        self._changes += 1

    def _on_modified(self, modified: bool) -> None:
        if modified:
            if not self.timer.isActive():
                self.timer.start()
        else:
            self.timer.stop()
            self.remove()

    def write_now(self) -> bool:
        """Write the copy if the case changed since the last one; True when a copy was written."""
        if not self.document.is_modified() or self._changes == self._written_changes:
            return False
        if not self._lock.isLocked():
            self._lock.tryLock(0)
        data = case_to_bytes(self.document.case)
        try:
            write_bytes_atomic(self.copy, data)
            sidecar = {
                "original": str(self.document.path) if self.document.path else None,
                "saved_at": _dt.datetime.now().isoformat(timespec="seconds"),
                "title": self.document.title(),
                "stamp": _stamp_dict(self.document.stamp),
            }
            write_bytes_atomic(self.copy.with_suffix(".json"),
                               json.dumps(sidecar, indent=1).encode("utf-8"))
        except OSError as exc:  # a full disk must not stop the user working: the next tick retries
            self._failed(exc)
            return False
        self._written_changes = self._changes
        self._told = False  # copies work again: a later failure is news
        return True

    def _failed(self, exc: OSError) -> None:
        log.warning("recovery copy %s not written: %s", self.copy, exc)
        if self._told:
            return
        self._told = True
        self.problem.emit(WRITE_FAILED)  # the main window shows it in its status bar

    def remove(self) -> None:
        """The case was saved, or its edits were thrown away on purpose: no copy is needed."""
        self.copy.unlink(missing_ok=True)
        self.copy.with_suffix(".json").unlink(missing_ok=True)
        self._written_changes = -1
        if self._lock.isLocked():
            self._lock.unlock()

    def stop(self) -> None:
        """The document is closing (after the user chose): stop writing and remove the copy."""
        self.timer.stop()
        self.document.case.events.disconnect(self._on_change)
        self.remove()


def find_recoveries(folder: Path | None = None) -> list[Recovery]:
    """Copies whose Kinscape is no longer running, newest first."""
    folder = folder or recovery_dir(create=False)  # none yet (or none possible): no copies
    found: list[Recovery] = []
    for copy in folder.glob("*.kinscape"):
        lock = QLockFile(str(copy.with_suffix(".lock")))
        lock.setStaleLockTime(0)
        if not lock.tryLock(0):
            continue  # another Kinscape is still working on it
        lock.unlock()
        meta = _read_sidecar(copy.with_suffix(".json"))
        original = meta.get("original")
        title = meta.get("title")
        saved_at = meta.get("saved_at")
        found.append(Recovery(
            copy=copy,
            original=original if isinstance(original, str) and original else None,
            saved_at=(saved_at.replace("T", " ") if isinstance(saved_at, str) and saved_at
                      else _modified_at(copy)),
            title=title if isinstance(title, str) and title.strip() else "Untitled case",
            stamp=_stamp_from(meta.get("stamp")),
        ))
    found.sort(key=lambda r: _mtime(r.copy), reverse=True)
    return found


def _read_sidecar(path: Path) -> dict[str, Any]:
    """The sidecar's fields, or {} (with a log line) when it is missing or damaged."""
    try:
        meta = json.loads(path.read_bytes().decode("utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError, RecursionError) as exc:
        log.warning("ignoring damaged recovery sidecar %s: %s", path, exc)
        return {}
    if not isinstance(meta, dict):
        log.warning("ignoring damaged recovery sidecar %s: not a JSON object", path)
        return {}
    wrong = [k for k in ("original", "saved_at", "title")
             if meta.get(k) is not None and not isinstance(meta[k], str)]
    if wrong or not isinstance(meta.get("stamp"), (dict, type(None))):
        log.warning("ignoring damaged recovery sidecar %s: fields of the wrong kind", path)
        return {}
    return meta


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def _modified_at(copy: Path) -> str:
    """When the copy was last written, for a copy whose sidecar does not say."""
    seconds = _mtime(copy)
    if not seconds:
        return "an unknown time"
    return _dt.datetime.fromtimestamp(seconds).isoformat(sep=" ", timespec="seconds")


def recover(recovery: Recovery) -> CaseDocument:
    """A document holding the recovered case, unsaved, belonging to its original file."""
    try:
        case = recovery.load()
    except (OSError, CaseFileError) as exc:
        raise CaseFileError(
            f"The recovery copy of {recovery.title} cannot be read ({exc})") from None
    doc = CaseDocument(case, recovery.original, recovery.stamp)
    doc.mark_unsaved()
    return doc


def _stamp_dict(stamp: FileStamp | None) -> dict[str, object] | None:
    if stamp is None:
        return None
    return {"mtime_ns": stamp.mtime_ns, "size": stamp.size, "sha256": stamp.sha256}


def _stamp_from(value: object) -> FileStamp | None:
    if not isinstance(value, dict):
        return None
    try:
        return FileStamp(int(value["mtime_ns"]), int(value["size"]), str(value["sha256"]))
    except (KeyError, TypeError, ValueError):
        return None
