"""The main window and People table: edit, undo, redo, save, reopen, and every question asked."""
from __future__ import annotations

import shutil
from dataclasses import replace

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths, Qt
from PySide6.QtWidgets import QLabel, QLineEdit

from genogram.model import (
    Case,
    CaseMeta,
    FuzzyDate,
    Gender,
    SetHints,
    SetMeta,
    UpdatePerson,
)
from genogram.model import operations as ops
from genogram.storage.casefile import read_case, write_case


@pytest.fixture
def isolated(qapp):
    """Settings and recovery copies in Qt's test folders, emptied for each test."""
    QCoreApplication.setOrganizationName("Kinscape")
    QCoreApplication.setApplicationName("Kinscape")
    QStandardPaths.setTestModeEnabled(True)
    QSettings().clear()
    from desktop.document.autosave import recovery_dir

    shutil.rmtree(recovery_dir(), ignore_errors=True)
    yield
    QSettings().clear()


def tiny_case() -> tuple[Case, dict[str, str]]:
    """An invented three-person family: mum, dad and the index child."""
    case = Case(CaseMeta(title="Tiny family (fictional)", fictional=True,
                         as_at=FuzzyDate(2026, 11, 1)))
    e, dana = ops.add_person(case, "Dana", Gender.FEMALE, born=FuzzyDate(1990, 5, 2))
    case.apply(e)
    e, omar = ops.add_partner(case, dana, "Omar")
    case.apply(e)
    e, rosa = ops.add_child(case, dana, "Rosa", Gender.FEMALE)
    case.apply(e)
    case.apply(SetMeta(case.with_meta(index_person=rosa)))
    return case, {"dana": dana, "omar": omar, "rosa": rosa}


def demo_case() -> Case:
    from genogram import demo

    return demo.load_demo(demo.DEFAULT_DEMO)


@pytest.fixture
def window(qtbot, isolated):
    from desktop.document.editor import CaseDocument
    from desktop.mainwindow import MainWindow

    w = MainWindow()  # closed below, not by qtbot: its close would ask about unsaved edits
    case, _ = tiny_case()
    w.set_document(CaseDocument(case))
    w.asked: list[tuple[str, str]] = []
    answer(w, "discard")
    w.asked.clear()
    w.errors: list[str] = []
    w.report_error = w.errors.append
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.ask = lambda kind, text: "discard"
    w.close()
    w.deleteLater()


def answer(w, reply: str) -> None:
    def ask(kind: str, text: str) -> str:
        w.asked.append((kind, text))
        return reply
    w.ask = ask


def type_into_cell(qtbot, w, row: int, col: int, text: str) -> None:
    """What a keyboard user does: move to the cell, press F2, type, press Enter."""
    table = w.people.table
    table.setFocus()
    table.setCurrentIndex(w.people.view_index(row, col))
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = open_editor(qtbot, table)
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    commit(qtbot, editor)


def open_editor(qtbot, table) -> QLineEdit:
    """The cell editor now open (a closed one may linger until Qt deletes it later)."""
    def visible() -> list[QLineEdit]:
        return [e for e in table.findChildren(QLineEdit) if e.isVisible()]
    qtbot.waitUntil(lambda: len(visible()) == 1, timeout=2000)
    return visible()[0]


def commit(qtbot, editor) -> None:
    """Enter commits through a queued call in Qt 6: wait for the editor to close."""
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not shiboken6.isValid(editor) or not editor.isVisible(), timeout=2000)


def row_named(w, given: str) -> int:
    model = w.people.model
    return next(r for r in range(model.rowCount()) if model.index(r, 0).data() == given)


def test_demo_opens_edit_undo_redo_save_reopen(qtbot, window, tmp_path):
    from desktop.document.editor import CaseDocument

    window.set_document(CaseDocument(demo_case()))
    model = window.people.model
    assert model.rowCount() == window.document.case.family.person_count() > 5
    child = window.document.case.index_person()
    assert child is not None
    assert model.headerData(3, Qt.Orientation.Horizontal) == \
        f"Relationship to {child.short_name or child.display_name}"
    row = model.row_of(child.id)
    assert model.index(row, 3).data() == "this child"
    old = child.given

    type_into_cell(qtbot, window, row, 0, "Rowan")
    assert window.document.case.family.person(child.id).given == "Rowan"
    assert window.isWindowModified() and "[*]" in window.windowTitle()
    assert window.save_state.text().startswith("Not saved yet · a recovery copy is kept every")
    assert "Rename" in window.undo_action.text() and "Rowan" in window.undo_action.text()

    window.undo_action.trigger()
    assert window.document.case.family.person(child.id).given == old
    assert model.index(row, 0).data() == old
    assert not window.isWindowModified()
    window.redo_action.trigger()
    assert model.index(row, 0).data() == "Rowan"

    target = tmp_path / "demo.kinscape"
    window.choose_path = lambda mode, suggested: str(target) if mode == "save" else None
    assert window.save()
    assert not window.isWindowModified() and target.exists()
    assert window.windowTitle().startswith(window.document.title())

    assert window.save_state.text() == "Saved in demo.kinscape"
    window.set_document(CaseDocument(Case()))
    assert window.open_case(str(target))
    assert window.document.case.family.person(child.id).given == "Rowan"
    assert window.settings.recent_files()[0] == str(target.resolve())


def test_dates_and_gender_from_the_keyboard(qtbot, window):
    from desktop.peoplemodel import AGE, BORN, GENDER

    row = row_named(window, "Rosa")
    type_into_cell(qtbot, window, row, BORN, "2019-03-04")
    model = window.people.model
    assert model.index(row, BORN).data() == "4 Mar 2019"
    assert model.index(row, AGE).data() == "7"
    assert window.undo_action.text().endswith("Change Rosa's date of birth")

    messages: list[str] = []
    window.people.message.connect(messages.append)
    steps = window.document.undo_stack.count()
    type_into_cell(qtbot, window, row, BORN, "next Tuesday")
    assert model.index(row, BORN).data() == "4 Mar 2019"
    assert window.document.undo_stack.count() == steps
    assert messages and '"next Tuesday" is not a date' in messages[-1]
    assert "\n" not in messages[-1]

    assert model.setData(model.index(row, GENDER), "Non-binary")
    assert window.document.case.family.person(model.person_id(row)).gender is Gender.NON_BINARY


def test_add_and_remove_person_are_undoable(qtbot, window):
    panel = window.people
    assert panel.add_button.accessibleName() == "Add person"
    assert panel.remove_button.accessibleName() == "Remove person"
    before = panel.model.rowCount()
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    assert panel.model.rowCount() == before + 1
    editor = open_editor(qtbot, panel.table)  # a new person opens for typing their name
    qtbot.keyClicks(editor, "Sam")
    commit(qtbot, editor)
    assert panel.model.index(before, 0).data() == "Sam"

    panel.table.setFocus()
    panel.table.setCurrentIndex(panel.view_index(row_named(window, "Dana"), 0))
    qtbot.keyClick(panel.table, Qt.Key.Key_Delete)
    assert panel.model.rowCount() == before
    assert window.undo_action.text().endswith("Remove Dana")
    assert window.people.model.index(row_named(window, "Rosa"), 3).data() == "this child"
    window.undo_action.trigger()
    assert panel.model.rowCount() == before + 1
    assert panel.model.index(row_named(window, "Rosa"), 3).data() == "this child"
    assert window.people.model.index(row_named(window, "Dana"), 3).data() == "mum"


def test_sorting_by_a_heading_keeps_edits_on_the_right_person(qtbot, window):
    from desktop.peoplemodel import AGE, BORN, RELATION

    panel = window.people
    shown = [panel.proxy.index(r, 0).data() for r in range(panel.proxy.rowCount())]
    assert shown == ["Rosa", "Dana", "Omar"], "nearest family first when the case opens"
    model = panel.model
    model.setData(model.index(row_named(window, "Rosa"), BORN), "2019")
    panel.table.sortByColumn(AGE, Qt.SortOrder.AscendingOrder)
    shown = [panel.proxy.index(r, 0).data() for r in range(panel.proxy.rowCount())]
    assert shown == ["Rosa", "Dana", "Omar"], "youngest first, unknown ages last"
    type_into_cell(qtbot, window, row_named(window, "Omar"), 0, "Omid")
    assert {p.given for p in window.document.case.family.people()} == {"Dana", "Omid", "Rosa"}
    panel.table.sortByColumn(RELATION, Qt.SortOrder.AscendingOrder)
    assert [panel.proxy.index(r, 0).data() for r in range(3)] == ["Rosa", "Dana", "Omid"], \
        "by relationship: the child, then parents, by name"


def test_only_the_changed_row_is_refreshed(window):
    model = window.people.model
    rows: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda a, b, *_: rows.append((a.row(), b.row())))
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    row = row_named(window, "Omar")
    assert model.setData(model.index(row, 1), "Haddad")
    assert rows == [(row, row)] and not resets


def test_unsaved_prompt_cancel_discard_save(qtbot, window, tmp_path):
    from desktop.document.autosave import recovery_dir

    model = window.people.model
    model.setData(model.index(row_named(window, "Omar"), 0), "Omari")
    answer(window, "cancel")
    window.close()
    assert window.isVisible(), "Cancel keeps the window and the edit"
    assert window.asked[-1][0] == "unsaved" and "Tiny family" in window.asked[-1][1]
    window.new_case()
    assert window.document.case.family.person_count() == 3

    window.autosaver.write_now()
    assert list(recovery_dir().glob("*.kinscape"))
    target = tmp_path / "tiny.kinscape"
    window.choose_path = lambda mode, suggested: str(target)
    answer(window, "save")
    window.new_case()
    assert window.document.case.family.person_count() == 0
    assert {p.given for p in read_case(target).family.people()} >= {"Omari"}
    assert not list(recovery_dir().glob("*.kinscape")), "saved: no recovery copy is kept"

    assert window.open_case(str(target))
    model.setData(model.index(0, 0), "Dee")
    window.autosaver.write_now()
    answer(window, "discard")
    window.close()
    assert not window.isVisible()
    assert "Dee" not in {p.given for p in read_case(target).family.people()}
    assert not list(recovery_dir().glob("*.kinscape")), "discarded on purpose: no recovery copy"


def test_open_asks_first_and_a_bad_file_loses_nothing(window, tmp_path):
    good = tmp_path / "good.kinscape"
    other, _ = tiny_case()
    other.apply(SetMeta(other.with_meta(title="Other family (fictional)")))
    write_case(other, good)
    bad = tmp_path / "bad.kinscape"
    bad.write_bytes(b"this is not a zip")
    model = window.people.model
    model.setData(model.index(0, 0), "Edited")

    assert not window.open_case(str(bad))
    assert len(window.errors) == 1 and "bad.kinscape" in window.errors[0]
    assert "\n" not in window.errors[0] and "Traceback" not in window.errors[0]
    assert window.document.case.family.person(model.person_id(0)).given == "Edited"
    assert not window.asked, "nothing to decide when the new file cannot be read"

    answer(window, "cancel")
    assert not window.open_case(str(good))
    assert window.document.case.family.person(model.person_id(0)).given == "Edited"
    answer(window, "discard")
    assert window.open_case(str(good))
    assert window.document.title() == "Other family (fictional)"
    assert not window.isWindowModified()


def test_changed_on_disk_overwrite_save_as_or_cancel(window, tmp_path):
    target = tmp_path / "family.kinscape"
    window.choose_path = lambda mode, suggested: str(target)
    assert window.save_as()
    someone_else, _ = tiny_case()
    someone_else.apply(SetMeta(someone_else.with_meta(title="Changed elsewhere")))
    write_case(someone_else, target)
    model = window.people.model
    model.setData(model.index(0, 0), "Mine")

    answer(window, "cancel")
    assert not window.save()
    assert window.asked[-1][0] == "changed_on_disk"
    assert read_case(target).meta.title == "Changed elsewhere" and window.isWindowModified()

    copy = tmp_path / "family copy.kinscape"
    window.choose_path = lambda mode, suggested: str(copy)
    answer(window, "save_as")
    assert window.save()
    assert read_case(copy).family.person(model.person_id(0)).given == "Mine"
    assert read_case(target).meta.title == "Changed elsewhere"

    write_case(someone_else, copy)
    answer(window, "overwrite")
    model.setData(model.index(0, 0), "Mine again")
    assert window.save()
    assert read_case(copy).family.person(model.person_id(0)).given == "Mine again"


def test_moves_merge_and_a_failed_macro_leaves_nothing(window):
    doc = window.document
    case = doc.case
    pid = case.family.people()[0].id
    stack = doc.undo_stack
    start = stack.count()
    doc.push_move(ops.nudge(case, {pid: (5.0, 0.0)}), frozenset({pid}))
    doc.push_move(ops.nudge(case, {pid: (5.0, 5.0)}), frozenset({pid}), continues=True)
    assert stack.count() == start + 1
    assert case.hints.nudges[pid] == (10.0, 5.0)
    stack.undo()
    assert pid not in case.hints.nudges
    stack.redo()
    assert case.hints.nudges[pid] == (10.0, 5.0)

    before = case.family.person(pid)
    with pytest.raises(KeyError), doc.macro("Two steps"):
        doc.push(UpdatePerson(replace(before, given="Half")), "first")
        raise KeyError("second step failed")
    assert case.family.person(pid) == before
    assert stack.count() == start + 1 and not stack.canRedo()
    doc.push(SetHints(replace(case.hints, nudges={})), "Reset arrangement")
    assert stack.undoText() == "Reset arrangement"


def test_menus_have_shortcuts_and_window_state_is_remembered(qtbot, window):
    from desktop.mainwindow import MainWindow

    for action in (window.new_action, window.open_action, window.save_action,
                   window.save_as_action, window.close_action, window.quit_action,
                   window.undo_action, window.redo_action):
        assert not action.shortcut().isEmpty(), action.text()
    for menu in window.menuBar().actions():
        assert "&" in menu.text()
    assert "&" in window.about_action.text()
    assert window.people.table.accessibleName()
    window.resize(760, 520)  # within the offscreen screen, which clamps restored geometry
    answer(window, "discard")
    window.close()
    again = MainWindow()
    qtbot.addWidget(again)
    assert (again.width(), again.height()) == (760, 520)


def test_about_lists_bundled_licences(qtbot, isolated):
    from desktop.about import NO_ASSETS, AboutDialog, bundled_licences

    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    text = dialog.licences.toPlainText()
    listed = bundled_licences()
    if listed is None:
        assert text == NO_ASSETS
    else:
        assert "Andika" in text and "OFL" in text.replace("Open Font License", "OFL")
    labels = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "Apache License" in labels and "no network connections" in labels


def test_genogram_tab_is_built_after_the_window_appears(qtbot, window):
    tab = window._genogram_tab
    assert window.tabs.indexOf(tab) == 1 and window.tabs.tabText(1) == "Genogram"
    qtbot.waitUntil(lambda: tab.view is not None, timeout=5000)
    assert tab.view.doc is window.document, "the genogram is given the open case"
    menu_texts = [a.text() for a in window.file_menu.actions()]
    assert any("Export" in t for t in menu_texts), menu_texts
    close_at = menu_texts.index(window.close_action.text())
    assert close_at > menu_texts.index(window.save_as_action.text())
    case, _ = tiny_case()
    from desktop.document.editor import CaseDocument

    window.set_document(CaseDocument(case))
    assert tab.view.doc is window.document


def test_open_recent_lists_cases_and_opens_them(window, tmp_path):
    paths = []
    for n in range(2):
        case, _ = tiny_case()
        case.apply(SetMeta(case.with_meta(title=f"Family {n} (fictional)")))
        paths.append(tmp_path / f"family{n}.kinscape")
        write_case(case, paths[-1])
        assert window.open_case(str(paths[-1]))
    window._fill_recent_menu()
    actions = [a for a in window.recent_menu.actions() if a.text().startswith("&")]
    assert [a.text() for a in actions[:2]] == ["&1 family1.kinscape", "&2 family0.kinscape"]
    actions[1].trigger()
    assert window.document.title() == "Family 0 (fictional)"
    paths[1].unlink()
    assert not window.open_case(str(paths[1]))
    assert "no such file" in window.errors[-1]
    assert str(paths[1].resolve()) not in window.settings.recent_files(), "a vanished file leaves"


def test_first_document_falls_back_to_the_demo_with_a_reason(isolated, tmp_path):
    from desktop.startup import first_document

    bad = tmp_path / "broken.kinscape"
    bad.write_bytes(b"PK not really")
    doc, problem = first_document(str(bad), None)
    assert problem and problem.startswith("broken.kinscape:") and "\n" not in problem
    assert doc.case.meta.fictional and doc.case.family.person_count() > 5
    doc, problem = first_document(None, "no-such-family")
    assert problem and "no demo family called" in problem and problem.endswith(".")


def test_views_of_later_issues_join_when_present(window):
    from desktop.mainwindow import OPTIONAL_VIEWS, _module_present

    assert not _module_present("desktop.no_such_view.tab")
    assert not _module_present("desktop.peoplepanel_missing")
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert titles[:2] == ["People", "Genogram"]
    for title, module, _name in OPTIONAL_VIEWS:
        assert (title in titles) == _module_present(module)


@pytest.mark.parametrize(("kind", "button", "expected"), [
    ("unsaved", "&Don't save", "discard"), ("unsaved", None, "cancel"),
    ("changed_on_disk", "&Overwrite", "overwrite"), ("recover", "&Recover", "recover"),
    ("recover", None, "later"),
])
def test_question_boxes_answer_in_plain_words(qtbot, isolated, kind, button, expected):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from desktop.questions import ask_with_box

    def answer_box() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox) and box.informativeText()
        if button is None:
            box.reject()  # Escape or the window's close button
        else:
            next(b for b in box.buttons() if b.text() == button).click()

    QTimer.singleShot(50, answer_box)
    assert ask_with_box(None, kind, "Something needs deciding.") == expected
