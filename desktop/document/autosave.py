"""Recovery copies: while a case has unsaved edits, a copy is written every N seconds.

Copies live in the app's own data folder (QStandardPaths.AppDataLocation/recovery), never beside
the case (a shared folder might sync a half-finished case) and never in /tmp (cleared at boot).
Each copy `ID.kinscape` has a sidecar `ID.json` (which file it belongs to, when, what title)
and a lock `ID.lock` held while its Kinscape runs, so a second Kinscape does not offer a copy
that is still in use. After a crash the lock is stale, and the next start offers the copy back.
"""
from __future__ import annotations

import datetime as _dt
import json
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, QStandardPaths, QTimer

from genogram.model import Case
from genogram.storage.atomic import write_bytes_atomic
from genogram.storage.casefile import CaseFileError, FileStamp, case_from_bytes, case_to_bytes

from .editor import CaseDocument


def recovery_dir() -> Path:
    """The folder for recovery copies, created on first use."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    folder = Path(base) / "recovery"
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

    def __init__(self, document: CaseDocument, seconds: float, folder: Path | None = None) -> None:
        super().__init__(document)
        self.document = document
        self.folder = folder or recovery_dir()
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
        except OSError:
            return False  # a full disk must not stop the user working; the next tick tries again
        self._written_changes = self._changes
        return True

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
    folder = folder or recovery_dir()
    found: list[Recovery] = []
    for copy in folder.glob("*.kinscape"):
        lock = QLockFile(str(copy.with_suffix(".lock")))
        lock.setStaleLockTime(0)
        if not lock.tryLock(0):
            continue  # another Kinscape is still working on it
        lock.unlock()
        try:
            meta = json.loads(copy.with_suffix(".json").read_text("utf-8"))
        except (OSError, ValueError):
            meta = {}
        found.append(Recovery(
            copy=copy,
            original=meta.get("original"),
            saved_at=str(meta.get("saved_at", "an unknown time")).replace("T", " "),
            title=str(meta.get("title") or "Untitled case"),
            stamp=_stamp_from(meta.get("stamp")),
        ))
    found.sort(key=lambda r: r.copy.stat().st_mtime, reverse=True)
    return found


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
