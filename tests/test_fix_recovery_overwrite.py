"""A recovery copy is deleted only once its case lives on in a new copy; a failed copy is said in
the status bar once; a window closed just after its tabs were built leaves no timer behind; an
extension added to a chosen name never replaces a file unasked."""
from __future__ import annotations

import errno
import gc

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QMetaMethod, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from genogram.model import Case, CaseMeta, Gender
from genogram.model import operations as ops
from genogram.storage.casefile import case_from_bytes, case_to_bytes

WRITE_FAILED = ("Kinscape could not keep a recovery copy (disk full?); save your work now with"
                " Ctrl+S.")


def tiny_case(name: str = "Dana") -> Case:
    case = Case(CaseMeta(title="Overwrite family (fictional)", fictional=True))
    e, _ = ops.add_person(case, name, Gender.FEMALE)
    case.apply(e)
    return case


def _disk_full(*_args, **_kwargs):
    raise OSError(errno.ENOSPC, "No space left on device")


@pytest.fixture
def window(main_window):
    main_window.confirm_replace = lambda path: pytest.fail(f"nothing should be replaced: {path}")
    return main_window


def _left_behind(name: str):
    from desktop.document.autosave import recovery_dir

    copy = recovery_dir() / f"{name}.kinscape"
    copy.write_bytes(case_to_bytes(tiny_case(f"Dana {name}")))
    copy.with_suffix(".json").write_text('{"title": "Overwrite family (fictional)"}')
    return copy


def _messages(window) -> list[str]:
    shown: list[str] = []
    window.statusBar().messageChanged.connect(shown.append)
    return shown


# ---- 1. recovering on a full disk keeps the only copy -----------------------------------------
def test_recovering_on_a_full_disk_keeps_the_old_copy_and_says_so(window, monkeypatch, tmp_path):
    from desktop.document import autosave
    from desktop.mainwindow import RECOVERY_KEPT

    old = _left_behind("crashed")
    window.ask = lambda kind, text: "recover"
    monkeypatch.setattr(autosave, "write_bytes_atomic", _disk_full)
    shown = _messages(window)
    assert window.offer_recovery()
    assert window.document.case.family.people()[0].given == "Dana crashed"
    assert old.exists() and old.with_suffix(".json").exists(), "the only copy must stay"
    assert window.statusBar().currentMessage() == RECOVERY_KEPT
    assert shown.count(WRITE_FAILED) <= 1 and not window.errors

    # Once the recovered case is saved, the old copy has done its job and goes.
    monkeypatch.undo()
    window.choose_path = lambda mode, suggested: str(tmp_path / "saved.kinscape")
    assert window.save()
    assert not old.exists() and not old.with_suffix(".json").exists()


def test_recovered_edits_thrown_away_on_purpose_take_the_kept_copy_along(window, monkeypatch):
    from desktop.document import autosave

    old = _left_behind("thrown")
    window.ask = lambda kind, text: "recover"
    monkeypatch.setattr(autosave, "write_bytes_atomic", _disk_full)
    assert window.offer_recovery() and old.exists()
    window.ask = lambda kind, text: "discard"
    window.close_case()
    assert not old.exists()


def test_a_recovered_copy_is_discarded_when_its_new_copy_is_written(window):
    old = _left_behind("fine")
    window.ask = lambda kind, text: "recover"
    assert window.offer_recovery()
    assert not old.exists() and window.autosaver.copy.exists()
    assert window.statusBar().currentMessage().startswith("Recovered unsaved changes.")


# ---- 1b. the Autosaver's problem goes straight to the status bar, once ------------------------
def test_the_autosavers_problem_is_connected_and_said_once(window, monkeypatch):
    from desktop.document import autosave
    from desktop.document.editor import CaseDocument

    for make in (lambda: window.set_document(CaseDocument(tiny_case())), window.new_case):
        make()
        saver = window.autosaver
        assert saver.isSignalConnected(QMetaMethod.fromSignal(saver.problem))
        saver.problem.emit("A sentence from the autosaver.")
        assert window.statusBar().currentMessage() == "A sentence from the autosaver."

    doc = window.document
    shown = _messages(window)
    monkeypatch.setattr(autosave, "write_bytes_atomic", _disk_full)
    for n in range(4):
        doc.push(ops.add_person(doc.case, f"Kim {n}", Gender.FEMALE)[0])
        assert not window.autosaver.write_now()
    assert shown.count(WRITE_FAILED) == 1
    assert window.statusBar().currentMessage() == WRITE_FAILED


# ---- 2. a window closed just after its Direct work tab was built ------------------------------
def test_closing_right_after_the_direct_work_tab_is_built_leaves_no_timer_behind(
        qtbot, isolated_home):
    from desktop.mainwindow import MainWindow

    w = MainWindow()
    w.show()
    qtbot.waitExposed(w)
    assert w.show_view("Direct work")  # its wrapped lists see their font change as they show
    w.ask = lambda kind, text: "discard"
    w.close()
    w.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # gone before any timer
    gc.collect()
    qtbot.wait(300)  # a timer calling into a deleted list would fail the test here


# ---- 3. an extension added after the dialog asks before replacing ----------------------------
@pytest.fixture
def printing(qtbot):
    from desktop.canvas.printing import GenogramPrinting

    parent = QWidget()
    qtbot.addWidget(parent)
    said: list[str] = []
    p = GenogramPrinting(parent, tiny_case, said.append)
    p.run_dialog = lambda dialog: True
    p.said = said
    return p


@pytest.mark.parametrize("answer", [False, True])
def test_genogram_export_asks_before_the_added_extension_replaces_a_file(
        printing, tmp_path, answer):
    existing = tmp_path / "family.svg"
    existing.write_bytes(b"someone else's drawing")
    asked: list[str] = []
    printing.choose_export_path = lambda fmt, suggested: str(tmp_path / "family")
    printing.confirm_replace = lambda path: asked.append(path) or answer
    assert printing.export("svg") is answer
    assert asked == [str(existing)]
    if answer:
        assert b"<svg" in existing.read_bytes()[:200]
    else:
        assert existing.read_bytes() == b"someone else's drawing"
        assert printing.said[-1] == ("Nothing was saved, so family.svg is as it was; choose "
                                     "another name to save a new file.")


def test_genogram_export_does_not_ask_when_the_dialog_already_did(printing, tmp_path):
    for chosen in ("family.svg", "new"):  # typed with its extension, or naming no file yet
        if chosen.endswith(".svg"):
            (tmp_path / chosen).write_bytes(b"old")
        printing.choose_export_path = lambda fmt, suggested, c=chosen: str(tmp_path / c)
        printing.confirm_replace = lambda path: pytest.fail("the dialog asked already")
        assert printing.export("svg")
    assert (tmp_path / "new.svg").exists() and (tmp_path / "family.svg").read_bytes() != b"old"


@pytest.fixture
def plan_tab(qtbot):
    from desktop.document.editor import CaseDocument
    from desktop.plans.tab import PlanTab
    from genogram.demo import load_demo

    t = PlanTab()
    qtbot.addWidget(t)
    t.set_document(CaseDocument(load_demo("rivers")))
    return t


@pytest.mark.parametrize("answer", [False, True])
def test_plan_export_asks_before_the_added_extension_replaces_a_file(
        plan_tab, tmp_path, monkeypatch, answer):
    from desktop import savepath
    from desktop.plans import exporting

    existing = tmp_path / "review.docx"
    existing.write_bytes(b"last month's plan")
    asked: list[str] = []
    monkeypatch.setattr(savepath, "replace_with_box", lambda path: asked.append(path) or answer)
    told: list[str] = []
    plan_tab.message.connect(told.append)
    plan_tab.choose_path = lambda kind, suggested: str(tmp_path / "review")
    kind = next(k for k in exporting.KINDS if k.key == "docx")
    written = plan_tab.export(kind)
    assert asked == [str(existing)]
    if answer:
        assert written == str(existing) and existing.read_bytes()[:2] == b"PK"
    else:
        assert written is None and existing.read_bytes() == b"last month's plan"
        assert told[-1].startswith("Nothing was saved, so review.docx is as it was")


@pytest.mark.parametrize("answer", [False, True])
def test_save_as_asks_before_kinscape_added_to_the_name_replaces_a_case(
        window, tmp_path, answer):
    from desktop.document.editor import CaseDocument

    other = tmp_path / "other family.kinscape"
    other.write_bytes(case_to_bytes(tiny_case("Someone else")))
    before = other.read_bytes()
    window.set_document(CaseDocument(tiny_case("Mine")))
    asked: list[str] = []
    window.confirm_replace = lambda path: asked.append(path) or answer
    window.choose_path = lambda mode, suggested: str(tmp_path / "other family")
    assert window.save_as() is answer
    assert asked == [str(other)]
    if answer:
        assert case_from_bytes(other.read_bytes()).family.people()[0].given == "Mine"
    else:
        assert other.read_bytes() == before and window.document.path is None


def test_save_as_keeps_a_name_with_its_own_extension(window, tmp_path):
    from desktop.document.editor import CaseDocument

    window.set_document(CaseDocument(tiny_case("Mine")))
    window.choose_path = lambda mode, suggested: str(tmp_path / "mine.json")
    assert window.save_as() and (tmp_path / "mine.json").exists()
    assert not (tmp_path / "mine.json.kinscape").exists()


@pytest.mark.parametrize("press", ["replace", "cancel"])
def test_the_replace_box_says_one_sentence_and_cancel_is_the_default(qtbot, tmp_path, press):
    from desktop.savepath import replace_with_box

    seen: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer)
            return
        seen.append(box.text())
        assert box.defaultButton() is box.escapeButton()  # Enter and Escape both keep the file
        button = (box.defaultButton() if press == "cancel"
                  else next(b for b in box.buttons() if b is not box.defaultButton()))
        button.click()

    QTimer.singleShot(0, answer)
    assert replace_with_box(str(tmp_path / "family.pdf")) is (press == "replace")
    assert seen == ["There is already a file called family.pdf in that folder; replace it?"]
