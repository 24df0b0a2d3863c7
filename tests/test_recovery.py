"""Autosave and recovery: a kill -9 after an edit loses at most the autosave interval."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QStandardPaths

from genogram.model import Case, CaseMeta, FuzzyDate, Gender, SetMeta
from genogram.model import operations as ops
from genogram.storage.casefile import read_case, write_case

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def isolated(isolated_home):
    return isolated_home


def tiny_case() -> Case:
    case = Case(CaseMeta(title="Recovery family (fictional)", fictional=True,
                         as_at=FuzzyDate(2026, 11, 1)))
    e, dana = ops.add_person(case, "Dana", Gender.FEMALE)
    case.apply(e)
    e, rosa = ops.add_child(case, dana, "Rosa", Gender.FEMALE)
    case.apply(e)
    case.apply(SetMeta(case.with_meta(index_person=rosa)))
    return case


def test_copy_written_while_unsaved_and_removed_on_save(qtbot, isolated, tmp_path):
    from desktop.document.autosave import Autosaver, find_recoveries, recovery_dir
    from desktop.document.editor import CaseDocument

    target = tmp_path / "cases" / "family.kinscape"
    target.parent.mkdir()
    write_case(tiny_case(), target)
    doc = CaseDocument.open(target)
    saver = Autosaver(doc, seconds=0.05)
    assert not saver.timer.isActive(), "nothing to protect before the first edit"
    rosa = doc.case.index_person()
    doc.push(ops.rename(doc.case, rosa.id, "Rosie"))
    qtbot.waitUntil(saver.copy.exists, timeout=3000)
    app_data = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    assert saver.copy.parent == recovery_dir() == Path(app_data) / "recovery"
    assert not list(target.parent.glob("*.kinscape.*")) and target.parent not in saver.copy.parents
    sidecar = json.loads(saver.copy.with_suffix(".json").read_text())
    assert sidecar["original"] == str(target.resolve())
    assert sidecar["title"] == "Recovery family (fictional)" and sidecar["saved_at"]
    assert find_recoveries() == [], "the copy is in use by this running Kinscape"

    doc.save()
    assert not saver.copy.exists() and not saver.copy.with_suffix(".json").exists()
    assert not saver.timer.isActive()
    doc.push(ops.rename(doc.case, rosa.id, "Ro"))
    assert saver.write_now()
    assert not saver.write_now(), "unchanged since the last copy: nothing to write"
    doc.undo_stack.undo()  # back to what is on disk: clean, so the copy goes
    assert not saver.copy.exists()


def _edit_then_wait(case_path: Path) -> str:
    """A child script: start the real app on a case, make one edit, and keep running."""
    return textwrap.dedent(f"""
        import sys
        from desktop.app import main
        from genogram.model import operations as ops

        def ready(window):
            doc = window.document
            child = doc.case.index_person()
            doc.push(ops.rename(doc.case, child.id, "Rosie-after-crash"))
            print("EDITED", flush=True)

        sys.exit(main([{str(case_path)!r}], ready=ready))
    """)


def test_kill_9_after_an_edit_and_the_next_start_offers_it_back(qtbot, isolated, tmp_path):
    from desktop.document.autosave import find_recoveries, recovery_dir
    from desktop.mainwindow import MainWindow

    case_path = tmp_path / "family.kinscape"
    write_case(tiny_case(), case_path)
    env = {**os.environ, "HOME": str(isolated), "QT_QPA_PLATFORM": "offscreen",
           "KINSCAPE_TESTING": "1", "KINSCAPE_AUTOSAVE_SECONDS": "0.2"}
    child = subprocess.Popen([sys.executable, "-c", _edit_then_wait(case_path)], cwd=ROOT, env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        folder = recovery_dir()
        deadline = time.monotonic() + 30
        while not list(folder.glob("*.json")):
            assert child.poll() is None, child.stderr.read() if child.stderr else ""
            assert time.monotonic() < deadline, "no recovery copy appeared"
            time.sleep(0.05)
        assert find_recoveries() == [], "a running Kinscape's copy is not offered to another"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(10)
    assert child.returncode == -signal.SIGKILL
    assert read_case(case_path).index_person().given == "Rosa", "the file itself was not touched"

    found = find_recoveries()
    assert len(found) == 1 and found[0].original == str(case_path.resolve())

    window = MainWindow()
    asked: list[tuple[str, str]] = []
    window.ask = lambda kind, text: asked.append((kind, text)) or "recover"
    assert window.offer_recovery()
    assert asked and asked[0][0] == "recover" and "Recovery family" in asked[0][1]
    doc = window.document
    assert doc.case.index_person().given == "Rosie-after-crash"
    assert doc.is_modified() and window.isWindowModified()
    assert doc.path == case_path.resolve()
    assert [r.copy for r in find_recoveries()] == [], "the old copy is now this session's"

    assert window.save()
    assert read_case(case_path).index_person().given == "Rosie-after-crash"
    assert not list(recovery_dir().glob("*.kinscape"))
    window.close()
    window.deleteLater()


def test_discard_throws_the_copy_away(qtbot, isolated, tmp_path):
    from desktop.document.autosave import Autosaver, find_recoveries
    from desktop.document.editor import CaseDocument
    from desktop.mainwindow import MainWindow

    doc = CaseDocument(tiny_case())
    saver = Autosaver(doc, seconds=60)
    doc.push(ops.rename(doc.case, doc.case.index_person().id, "Gone"))
    assert saver.write_now()
    saver._lock.unlock()  # as if that Kinscape had died
    assert len(find_recoveries()) == 1

    window = MainWindow()
    window.ask = lambda kind, text: "later"
    assert not window.offer_recovery()
    assert len(find_recoveries()) == 1, "Decide later keeps the copy"
    window.ask = lambda kind, text: "discard"
    assert not window.offer_recovery()
    assert find_recoveries() == []
    window.close()
    window.deleteLater()
