"""Undo while typing: a person or a plan item taken away by Undo never breaks the window,
and every plan export either writes its file and says so, or says in one sentence why not."""
from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog

from tests.test_desktop_window import isolated, open_editor, window  # noqa: F401 (fixtures)

pytest.importorskip("pytestqt")


# ---- the People table ----------------------------------------------------------------------
def test_undo_add_person_while_typing_their_name_closes_the_editor(qtbot, window):  # noqa: F811
    panel = window.people
    before = panel.model.rowCount()
    written: list[object] = []
    real = type(panel.model).setData
    panel.model.setData = lambda *a: (written.append(a), real(panel.model, *a))[1]
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    editor = open_editor(qtbot, panel.table)
    qtbot.keyClicks(editor, "Sam")
    window.undo_action.trigger()  # Edit > Undo takes the new person away again
    assert panel.model.rowCount() == before
    assert not shiboken6.isValid(editor) or not editor.isVisible()
    assert written == []  # "Sam" is not written anywhere: the editor closed without a commit
    names = {p.given for p in window.document.case.family.people()}
    assert names == {"Dana", "Omar", "Rosa"}
    window.redo_action.trigger()  # and Redo brings back the unnamed person, still editable
    assert panel.model.rowCount() == before + 1


def test_a_commit_for_a_person_already_gone_is_refused_not_raised(qtbot, window):  # noqa: F811
    from genogram.model import RemovePerson

    model = window.people.model
    doc = window.document
    pid = next(p.id for p in doc.case.family.people() if p.given == "Omar")
    row = model.row_of(pid)
    seen: list[tuple[object, object, bool]] = []

    def during_removal(_parent, first, last):  # the case has lost Omar; the table not yet
        index = model.index(row, 0)
        seen.append((index.data(), model.flags(index), model.setData(index, "Omid")))

    model.rowsAboutToBeRemoved.connect(during_removal)
    doc.push(RemovePerson(pid), "Remove Omar")
    model.rowsAboutToBeRemoved.disconnect(during_removal)
    assert seen == [(None, Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable, False)]
    assert not doc.case.family.has_person(pid)


# ---- the Plan tab: Add, Undo, Remove ---------------------------------------------------------
def plan_tab(qtbot, window, demo: str | None = "rivers"):  # noqa: F811
    """The window's Plan tab, built, showing `demo` (or the window's tiny case without a plan)."""
    from desktop.document.editor import CaseDocument
    from genogram.demo import load_demo

    if demo is not None:
        window.set_document(CaseDocument(load_demo(demo)))
    lazy = next(window.tabs.widget(i) for i in range(window.tabs.count())
                if window.tabs.tabText(i) == "Plan")
    window.tabs.setCurrentWidget(lazy)
    tab = lazy.ensure()
    tab.reported = []
    tab.report_error = tab.reported.append
    return tab


def shown_items(tab) -> set[str]:
    return {tab.tree.topLevelItem(i).child(j).data(0, Qt.ItemDataRole.UserRole)[1]
            for i in range(tab.tree.topLevelItemCount())
            for j in range(tab.tree.topLevelItem(i).childCount())}


def test_add_undo_remove_leaves_the_plan_as_it_was(qtbot, window):  # noqa: F811
    tab = plan_tab(qtbot, window)
    before = tab.plan.items
    tab.select("section", "actions")
    tab.tree.setFocus()
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    assert len(tab.plan.items) == len(before) + 1
    tab.tree.setFocus()
    qtbot.keyClick(tab.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # Undo
    assert tab.plan.items == before
    assert shown_items(tab) == {i.id for i in before}  # at once: the undone item is not listed
    qtbot.mouseClick(tab.remove_button, Qt.MouseButton.LeftButton)
    assert tab.plan.items == before  # Remove had nothing chosen to take away
    assert window.document.undo_stack.redoText() == "Add action"  # Redo still brings it back


def test_remove_or_add_on_a_list_behind_the_plan_does_not_fail(qtbot, window):  # noqa: F811
    from dataclasses import replace

    from genogram.model import Put

    tab = plan_tab(qtbot, window)
    messages: list[str] = []
    tab.message.connect(messages.append)
    plan = tab.plan
    gone = plan.items[0]
    tab.select("item", gone.id)
    # The case changes without the undo stack: the list catches up only on the next turn.
    window.document.case.apply(Put("plans", replace(plan, items=tuple(
        i for i in plan.items if i.id != gone.id))))
    steps = window.document.undo_stack.count()
    tab.remove_item()
    assert messages == ["That item is no longer in the plan, so there was nothing to remove."]
    assert gone.id not in shown_items(tab)
    window.document.case.apply(Put("plans", plan))
    tab.refresh()
    tab.select("item", gone.id)
    assert tab.tree.key() == ("item", gone.id)
    window.document.case.apply(Put("plans", replace(plan, items=tuple(
        i for i in plan.items if i.id != gone.id))))
    tab.add_item()
    assert gone.id not in shown_items(tab)
    assert window.document.undo_stack.count() == steps


def test_words_typed_into_an_item_taken_away_by_undo_go_nowhere(qtbot, window):  # noqa: F811
    tab = plan_tab(qtbot, window)
    tab.select("section", "actions")
    tab.tree.setFocus()
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    assert QApplication.focusWidget() is tab.form.text
    qtbot.keyClicks(tab.form.text, "Omar will walk him to school")
    window.undo_action.trigger()  # Edit > Undo while the words are still being typed
    qtbot.wait(50)
    stack = window.document.undo_stack
    assert stack.redoText() == "Add action"  # no empty "Edit action" step pushed over the redo
    assert not any("walk him" in i.text for i in tab.plan.items)


# ---- the plan's File menu exports -------------------------------------------------------------
MENU = {"pdf": "Export full plan as P&DF…", "docx": "Export full plan as DOC&X…",
        "child": "Export child's one-pa&ge plan…"}


def menu_action(window, key: str):  # noqa: F811
    return next(a for a in window.file_menu.actions() if a.text() == MENU[key])


def save_dialog_returns(monkeypatch, path: str) -> list[tuple]:
    asked: list[tuple] = []

    def fake(*args, **kwargs):
        asked.append(args)
        return path, ""
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake))
    return asked


@pytest.mark.parametrize("key", ["pdf", "child"])
def test_pdf_exports_write_the_file_and_say_where(qtbot, window, tmp_path, monkeypatch, key):  # noqa: F811
    from pypdf import PdfReader

    tab = plan_tab(qtbot, window)
    asked = save_dialog_returns(monkeypatch, str(tmp_path / "llyr plan"))  # no ".pdf" typed
    menu_action(window, key).trigger()
    out = tmp_path / "llyr plan.pdf"
    assert len(asked) == 1 and tab.reported == []
    pages = PdfReader(str(out)).pages
    assert len(pages) == 1 if key == "child" else len(pages) >= 2
    said = window.statusBar().currentMessage()
    assert said.startswith("Saved the ") and said.endswith(f" to {out}.")


def test_docx_export_writes_the_file_and_says_where(qtbot, window, tmp_path, monkeypatch):  # noqa: F811
    import docx

    plan_tab(qtbot, window)
    save_dialog_returns(monkeypatch, str(tmp_path / "plan"))
    menu_action(window, "docx").trigger()
    out = tmp_path / "plan.docx"
    assert any(p.text.strip() for p in docx.Document(str(out)).paragraphs)
    assert window.statusBar().currentMessage() == \
        f"Saved the full plan as a Word document to {out}."


@pytest.mark.parametrize("key", list(MENU))
def test_no_plan_yet_says_so_instead_of_doing_nothing(qtbot, window, monkeypatch, key):  # noqa: F811
    tab = plan_tab(qtbot, window, demo=None)  # the tiny family has no plan
    asked = save_dialog_returns(monkeypatch, "/nowhere/plan.pdf")
    action = menu_action(window, key)
    assert action.isEnabled()
    action.trigger()
    assert asked == [] and tab.reported == []
    assert window.statusBar().currentMessage() == ("There is no plan in this case yet, so there "
                                                   "is nothing to save: start one on the Plan tab.")


def test_cancelled_dialog_says_nothing_was_saved(qtbot, window, monkeypatch):  # noqa: F811
    plan_tab(qtbot, window)
    save_dialog_returns(monkeypatch, "")
    menu_action(window, "docx").trigger()
    assert window.statusBar().currentMessage() == \
        "The full plan as a Word document was not saved, because no file was chosen."


@pytest.mark.parametrize("key", list(MENU))
def test_a_fault_in_a_writer_is_one_sentence_not_silence(qtbot, window, tmp_path, monkeypatch,  # noqa: F811
                                                         key):
    from desktop.plans import exporting

    def broken(*_args):
        raise KeyError("layout")
    monkeypatch.setattr(exporting, "build", broken)
    tab = plan_tab(qtbot, window)
    save_dialog_returns(monkeypatch, str(tmp_path / "plan"))
    menu_action(window, key).trigger()
    assert list(tmp_path.iterdir()) == []
    assert len(tab.reported) == 1 and tab.reported[0].count(".") == 1
    assert tab.reported[0].endswith(
        "was not saved because of a fault in Kinscape; please tell whoever supports Kinscape.")
    assert "Traceback" not in tab.reported[0] and "KeyError" not in tab.reported[0]


def test_opening_another_case_while_typing_a_name_writes_it_nowhere(qtbot, window):  # noqa: F811
    from desktop.document.editor import CaseDocument
    from tests.test_desktop_window import tiny_case

    panel = window.people
    old_case = window.document.case
    panel.table.setFocus()
    panel.table.setCurrentIndex(panel.view_index(0, 0))
    qtbot.keyClick(panel.table, Qt.Key.Key_F2)
    editor = open_editor(qtbot, panel.table)
    editor.selectAll()
    qtbot.keyClicks(editor, "Typed")
    new = CaseDocument(tiny_case()[0])
    window.set_document(new)
    qtbot.wait(20)
    assert not shiboken6.isValid(editor) or not editor.isVisible()
    for case in (old_case, new.case):
        assert "Typed" not in {p.given for p in case.family.people()}
    assert new.undo_stack.count() == 0
