"""Recovery copies that cannot be written are said once in the status bar and never touch the
case; damaged sidecars are ignored with a log line and never cost the copy they point to."""
from __future__ import annotations

import errno
import logging

import pytest

from genogram.model import Case, CaseMeta, Gender
from genogram.model import operations as ops
from genogram.model.codec import encode
from genogram.storage.casefile import case_to_bytes

MESSAGE = ("Kinscape could not keep a recovery copy (disk full?); save your work now with"
           " Ctrl+S.")


@pytest.fixture
def isolated(isolated_home):
    from desktop.document.autosave import recovery_dir

    return recovery_dir()


@pytest.fixture
def window(main_window, isolated):
    return main_window


def tiny_case() -> Case:
    case = Case(CaseMeta(title="Autosave family (fictional)", fictional=True))
    e, _ = ops.add_person(case, "Dana", Gender.FEMALE)
    case.apply(e)
    return case


def _edit(doc, name: str) -> None:
    dana = next(p for p in doc.case.family.people() if p.given.startswith("Dana"))
    doc.push(ops.rename(doc.case, dana.id, name))


def _state(doc) -> tuple:
    return ([encode(p) for p in doc.case.family.people()], doc.is_modified(),
            doc.undo_stack.count(), doc.undo_stack.index())


def _disk_full(*_args, **_kwargs):
    raise OSError(errno.ENOSPC, "No space left on device")


# ---- a recovery copy that cannot be written ---------------------------------------------------
def test_a_failed_copy_is_said_once_in_the_status_bar_and_the_case_is_untouched(
        qtbot, window, monkeypatch):
    from desktop.document import autosave
    from desktop.document.editor import CaseDocument

    window.set_document(CaseDocument(tiny_case()))
    saver = window.autosaver
    doc = window.document
    _edit(doc, "Dana-1")
    assert saver.write_now()
    good_copy = saver.copy.read_bytes()
    bar = window.statusBar()
    bar.showMessage("Ready")

    monkeypatch.setattr(autosave, "write_bytes_atomic", _disk_full)
    _edit(doc, "Dana-2")
    before = _state(doc)
    assert not saver.write_now()
    assert bar.currentMessage() == MESSAGE
    bar.showMessage("Something else the user did")
    for n in range(3, 8):  # every keystroke, every tick: tried again, told no more
        _edit(doc, f"Dana-{n}")
        assert not saver.write_now()
    qtbot.wait(50)
    assert bar.currentMessage() == "Something else the user did"
    assert not window.errors

    # The failed writes changed nothing: the case, its undo history and the last good copy.
    after = _state(doc)
    assert after[1:] == (True, before[2] + 5, before[3] + 5)
    assert after[0][0]["given"] == "Dana-7"
    doc.undo_stack.setIndex(before[3])  # every edit is still there to undo, one by one
    assert _state(doc)[0] == before[0] and doc.is_modified()
    doc.undo_stack.setIndex(before[3] + 5)
    assert _state(doc) == after
    assert saver.copy.read_bytes() == good_copy

    # Once copies work again, a later failure is news again.
    monkeypatch.undo()
    _edit(doc, "Dana-ok")
    assert saver.write_now() and saver.copy.read_bytes() != good_copy
    monkeypatch.setattr(autosave, "write_bytes_atomic", _disk_full)
    _edit(doc, "Dana-full-again")
    assert not saver.write_now()
    assert bar.currentMessage() == MESSAGE


def test_the_timer_tells_once_too(qtbot, isolated, monkeypatch):
    from desktop.document import autosave
    from desktop.document.autosave import Autosaver
    from desktop.document.editor import CaseDocument

    monkeypatch.setattr(autosave, "write_bytes_atomic", _disk_full)
    doc = CaseDocument(tiny_case())
    saver = Autosaver(doc, seconds=0.05)
    told: list[str] = []
    saver.problem.connect(told.append)
    for n in range(4):
        _edit(doc, f"Dana-{n}")
        qtbot.wait(120)
    assert told == [MESSAGE]
    assert saver.timer.isActive(), "it keeps trying: space may come back"
    saver.stop()


def test_a_recovery_folder_that_cannot_be_made_does_not_stop_the_app(
        qtbot, isolated, tmp_path, monkeypatch):
    from desktop.document import autosave
    from desktop.document.autosave import Autosaver, find_recoveries
    from desktop.document.editor import CaseDocument

    real = autosave.recovery_dir
    blocked = tmp_path / "read-only" / "recovery"

    def recovery_dir(create: bool = True):
        if create:
            raise PermissionError(errno.EACCES, "Permission denied", str(blocked))
        return blocked

    monkeypatch.setattr(autosave, "recovery_dir", recovery_dir)
    assert find_recoveries() == []
    doc = CaseDocument(tiny_case())
    saver = Autosaver(doc, seconds=60)
    told: list[str] = []
    saver.problem.connect(told.append)
    _edit(doc, "Dana-2")
    assert not saver.write_now() and not saver.write_now()
    assert told == [MESSAGE] and doc.is_modified()
    saver.stop()
    assert real() == isolated


# ---- damaged sidecars -------------------------------------------------------------------------
DAMAGED = [b"[1, 2, 3]", b"42", b'"just text"', b"null", b"\x00\xffgarbage\x9c",
           b'{"original": "/cases/fam', b"[" * 100_000,
           b'{"original": 5, "title": ["x"], "saved_at": 7, "stamp": "bad"}']


def _left_behind(folder, sidecar: bytes, name: str):
    copy = folder / f"{name}.kinscape"
    case = tiny_case()
    case.apply(ops.rename(case, case.family.people()[0].id, f"Dana {name}"))
    copy.write_bytes(case_to_bytes(case))
    copy.with_suffix(".json").write_bytes(sidecar)
    return copy


def test_damaged_sidecars_are_ignored_and_their_copies_kept(qtbot, isolated, caplog):
    from desktop.document.autosave import find_recoveries

    copies = [_left_behind(isolated, s, f"s{i}") for i, s in enumerate(DAMAGED)]
    with caplog.at_level(logging.WARNING, logger="desktop.document.autosave"):
        found = find_recoveries()
    assert sorted(r.copy for r in found) == sorted(copies)
    for r in found:
        assert r.original is None and r.title == "Untitled case" and r.stamp is None
        assert r.saved_at[:2] == "20" and "a case that was never saved" in r.describe()
        assert r.load().family.person_count() == 1
    damaged = [rec for rec in caplog.records if "damaged recovery sidecar" in rec.getMessage()]
    assert len(damaged) == len(DAMAGED)
    assert all(c.exists() and c.with_suffix(".json").exists() for c in copies)


def test_the_start_up_recovery_check_survives_damaged_sidecars(qtbot, window, isolated):
    copies = [_left_behind(isolated, s, f"s{i}") for i, s in enumerate(DAMAGED)]
    asked: list[tuple[str, str]] = []
    window.ask = lambda kind, text: asked.append((kind, text)) or "later"
    assert not window.offer_recovery()
    assert len(asked) == len(DAMAGED) and not window.errors
    assert all(c.exists() for c in copies), "deciding later deletes nothing"

    window.ask = lambda kind, text: "recover"
    assert window.offer_recovery()
    assert window.document.case.family.people()[0].given.startswith("Dana s")
    left = [c for c in copies if c.exists()]
    assert len(left) == len(DAMAGED) - 1, "only the copy the user recovered is gone"

    window.ask = lambda kind, text: "discard"
    window.offer_recovery()
    assert not any(c.exists() for c in copies), "discarding, as chosen, removes them"
