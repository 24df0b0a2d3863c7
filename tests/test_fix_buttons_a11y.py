"""Buttons that cannot act are greyed with a tooltip saying what to choose first (or say so in
one sentence), and follow the selection and undo; the genogram's tools are reachable and named
for the keyboard and screen readers; the empty drawing's hint follows the user's text size."""
from __future__ import annotations

import gc

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QApplication

from genogram.model import Case, CaseMeta, FuzzyDate
from tests.test_canvas import person_named, select, start_case

NEED_A_PERSON = ("partner", "child", "sibling", "parents", "household", "index", "delete")


@pytest.fixture(autouse=True)
def _collect_qt_garbage():
    yield
    gc.collect()


def _genogram(qtbot, case: Case):
    from desktop.canvas.genogram_view import GenogramView
    from desktop.document.editor import CaseDocument

    v = GenogramView(CaseDocument(case))
    qtbot.addWidget(v)
    v.resize(1100, 700)
    v.show()
    qtbot.waitExposed(v)
    return v


@pytest.fixture
def view(qtbot):
    case, _ = start_case()
    return _genogram(qtbot, case)


def _button(view, name: str):
    return view.toolbar.widgetForAction(view.actions_by_name[name])


# ---- the Genogram tab ----------------------------------------------------------------------------
def test_genogram_tools_are_greyed_until_a_person_is_selected_then_act(view, qtbot):
    view.scene.clearSelection()
    for name in (*NEED_A_PERSON, "join"):
        action = view.actions_by_name[name]
        assert not action.isEnabled(), name
        assert "Select" in action.toolTip(), name
    assert not _button(view, "sibling").isEnabled() and not _button(view, "delete").isEnabled()
    assert all(view.actions_by_name[n].isEnabled() for n in ("person", "bond", "find", "zoom_in", "fit"))

    select(view, "Dana")
    for name in NEED_A_PERSON:
        assert view.actions_by_name[name].isEnabled(), name
        assert "Select" not in view.actions_by_name[name].toolTip(), name
    assert not view.actions_by_name["join"].isEnabled()  # needs two people

    qtbot.mouseClick(_button(view, "sibling"), Qt.MouseButton.LeftButton)  # the button acts
    assert view.name_editor.isVisible()
    qtbot.keyClicks(view.name_editor, "Rhys")
    qtbot.keyClick(view.name_editor, Qt.Key.Key_Return)
    case = view.doc.case
    rhys = person_named(case, "Rhys")
    assert view.doc.undo_stack.count() == 1 and view.scene.selected_owners("person") == [rhys]
    assert view.actions_by_name["sibling"].isEnabled()

    view.doc.undo_stack.undo()  # the selected sibling goes: nothing is selected, the tools grey
    qtbot.waitUntil(lambda: not case.family.has_person(rhys) and not view.scene.selected_owners())
    view.scene.flush()
    assert not any(view.actions_by_name[n].isEnabled() for n in NEED_A_PERSON)
    view.doc.undo_stack.redo()
    view.scene.flush()
    select(view, "Rhys")
    view.scene.select_only([person_named(case, "Dana"), rhys])
    assert view.actions_by_name["join"].isEnabled() and view.actions_by_name["twins"].isEnabled()

    select(view, "Rhys")
    qtbot.mouseClick(_button(view, "delete"), Qt.MouseButton.LeftButton)
    assert not case.family.has_person(rhys)
    assert not view.actions_by_name["delete"].isEnabled()


def test_a_greyed_tools_key_says_what_to_select_first(view, qtbot):
    view.scene.clearSelection()
    view.canvas.setFocus()
    qtbot.keyClick(view.canvas, Qt.Key.Key_S)
    assert view.status.text() == "Select a person first (click them, or press Tab), then press Sibling."
    qtbot.keyClick(view.canvas, Qt.Key.Key_P, Qt.KeyboardModifier.ShiftModifier)
    assert view.status.text().endswith("then press Parents.")
    qtbot.keyClick(view.canvas, Qt.Key.Key_Delete)
    assert view.status.text().startswith("Select what to remove first")
    qtbot.keyClick(view.canvas, Qt.Key.Key_J)
    assert "Select the two people first" in view.status.text()
    assert view.doc.undo_stack.count() == 0


def test_toolbar_buttons_take_tab_focus_have_names_and_keys(view, qtbot):
    actions = [a for a in view.toolbar.actions() if not a.isSeparator()]
    assert len(actions) >= 14
    for action in actions:
        button = view.toolbar.widgetForAction(action)
        assert button.focusPolicy() & Qt.FocusPolicy.TabFocus, action.objectName()
        assert button.accessibleName() == action.text().replace("&", ""), action.objectName()
        assert button.accessibleDescription(), action.objectName()
        assert action.shortcuts(), action.objectName()  # every tool has a key as well
    select(view, "Dana")
    view.activateWindow()
    first = _button(view, "person")
    first.setFocus()
    qtbot.waitUntil(first.hasFocus)
    qtbot.keyClick(first, Qt.Key.Key_Tab)
    partner = _button(view, "partner")
    assert partner.hasFocus()
    select(view, "Dana")
    partner.setFocus()
    qtbot.keyClick(partner, Qt.Key.Key_Space)  # a focused tool acts from the keyboard
    assert view.doc.undo_stack.undoText().startswith("Add partner")


def _hint_height(qtbot, points: float) -> int:
    """Rows of the empty drawing that the hint's words darken, at this application text size."""
    app = QApplication.instance()
    font = QFont(app.font())
    font.setPointSizeF(points)
    app.setFont(font)
    v = _genogram(qtbot, Case(CaseMeta(title="Empty (fictional)", fictional=True, as_at=FuzzyDate(2026))))
    assert v.scene.person_item_count() == 0
    image = v.canvas.viewport().grab().toImage()
    rows = [y for y in range(image.height())
            if any(QColor(image.pixel(x, y)).lightness() < 150 for x in range(0, image.width(), 2))]
    v.close()
    return max(rows) - min(rows) + 1 if rows else 0


def test_the_empty_drawings_hint_follows_a_larger_app_font(qtbot):
    app = QApplication.instance()
    before = QFont(app.font())
    try:
        small, large = _hint_height(qtbot, 9.0), _hint_height(qtbot, 18.0)
    finally:
        app.setFont(before)
    assert small > 0 and large > small * 1.6


# ---- the Ecomap tab ------------------------------------------------------------------------------
@pytest.fixture
def ecomap(on_demo):
    from desktop.ecomap import EcomapTab

    return on_demo(EcomapTab(), (1200, 760))


def test_ecomap_add_person_and_add_system_wait_for_a_choice(ecomap, qtbot):
    tab = ecomap
    assert tab.person.currentData() is None
    assert not tab.add_person_button.isEnabled() and "Choose a person" in tab.add_person_button.toolTip()
    assert not tab.add_button.isEnabled() and "Type a name" in tab.add_button.toolTip()
    tab.person.setCurrentIndex(1)
    pid = tab.person.currentData()
    assert tab.add_person_button.isEnabled()
    before = tab.document.undo_stack.count()
    qtbot.mouseClick(tab.add_person_button, Qt.MouseButton.LeftButton)
    assert tab.document.undo_stack.count() == before + 1
    assert any(s.person == pid for s in tab.case.records("eco_systems") if s.ecomap == tab.ecomap_id)
    assert not tab.add_person_button.isEnabled()  # the list starts again at "A person…"
    tab.system_name.setCurrentText("Youth club")
    assert tab.add_button.isEnabled()
    tab.system_name.setCurrentText("  ")
    assert not tab.add_button.isEnabled()
    tab.person.setCurrentIndex(1)
    tab.document.undo_stack.undo()
    tab.refresh()
    assert not tab.add_person_button.isEnabled()


def test_important_people_remove_waits_for_a_chosen_person(ecomap, qtbot):
    ed = ecomap.important
    rec = ed.record()
    assert rec is not None and rec.people
    ed.table.setCurrentCell(-1, -1)
    assert not ed.remove_button.isEnabled() and "Choose a person" in ed.remove_button.toolTip()
    ed.table.setCurrentCell(0, 0)
    assert ed.remove_button.isEnabled()
    gone = rec.people[0]
    qtbot.mouseClick(ed.remove_button, Qt.MouseButton.LeftButton)
    assert gone not in ed.record().people


# ---- the Direct work tab -------------------------------------------------------------------------
@pytest.fixture
def work(on_demo):
    from desktop.directwork.tab import DirectWorkTab

    w = on_demo(DirectWorkTab())
    w.said = []
    w.message.connect(w.said.append)
    w.host.report = w.said.append
    return w


def test_three_houses_buttons_wait_for_words_and_an_entry(work, qtbot):
    page = work.houses
    doc = work.host.document
    assert page.words.text() == ""
    assert not page.add_button.isEnabled() and "Write the child's words" in page.add_button.toolTip()
    qtbot.keyClick(page.words, Qt.Key.Key_Return)  # Enter in the empty box says what to do
    assert work.said[-1] == "Write the child's words in the box first, then press Add words."
    page.words.setText("Swings")
    assert page.add_button.isEnabled()
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert doc.case.record("three_houses", "th_1").entries[-1].words == "Swings"
    assert not page.add_button.isEnabled()

    assert page.selected_entry() is None
    for b in (page.remove_button, page.private_button):
        assert not b.isEnabled() and "Choose an entry" in b.toolTip()
    lst = page.lists["dreams"]
    lst.setCurrentRow(0)
    assert page.remove_button.isEnabled() and page.private_button.isEnabled()
    count = len(doc.case.record("three_houses", "th_1").entries)
    qtbot.mouseClick(page.remove_button, Qt.MouseButton.LeftButton)
    assert len(doc.case.record("three_houses", "th_1").entries) == count - 1
    assert not page.remove_button.isEnabled()
    lst.setCurrentRow(0)
    assert page.remove_button.isEnabled()
    doc.undo_stack.undo()  # the lists are filled again with nothing chosen: greyed again
    qtbot.waitUntil(lambda: len(doc.case.record("three_houses", "th_1").entries) == count)
    qtbot.waitUntil(lambda: not page.remove_button.isEnabled())


def test_consent_buttons_wait_for_a_name_and_not_asked_for_an_answer(work, qtbot):
    share = work.houses.sharing
    doc = work.host.document
    share.ask_who.setCurrentText("")
    for b in (share.may_button, share.no_button, share.forget_button):
        assert not b.isEnabled() and "who to ask about" in b.toolTip()
    share.ask_who.setCurrentText("Nanny Po")
    assert share.may_button.isEnabled() and share.no_button.isEnabled()
    assert not share.forget_button.isEnabled() and "not answered" in share.forget_button.toolTip()
    qtbot.mouseClick(share.may_button, Qt.MouseButton.LeftButton)
    assert "Nanny Po" in doc.case.record("three_houses", "th_1").consent
    share.ask_who.setCurrentText("nanny po")
    assert share.forget_button.isEnabled()
    qtbot.mouseClick(share.forget_button, Qt.MouseButton.LeftButton)
    assert "Nanny Po" not in doc.case.record("three_houses", "th_1").consent
    share.set_consent("", True)
    assert work.said[-1].startswith("Write or choose who to ask about first")


def test_safety_chronology_and_story_buttons_wait_for_a_choice(work, qtbot):
    work.show_tool(1)
    scale = work.pages["safety"].scale
    scale.table.setCurrentCell(-1, -1)
    assert not scale.remove_button.isEnabled() and "Choose a rating" in scale.remove_button.toolTip()
    scale.table.setCurrentCell(0, 0)
    assert scale.remove_button.isEnabled()

    work.show_tool(2)
    chron = work.pages["chronology"]
    recorded = next(e for e in chron.shown if not e.id.startswith("auto"))
    chron.select(recorded.id)
    assert chron.save_button.isEnabled()
    assert not chron.save_event()  # nothing changed: said, not silent
    assert work.said[-1].startswith("Nothing to save")

    work.show_tool(3)
    story = work.pages["story"]
    details = story.details
    details.words.setCurrentCell(-1, -1)
    assert not details.forget_button.isEnabled()
    if details.words.rowCount():
        details.words.setCurrentCell(0, 0)
        assert details.forget_button.isEnabled()
    story.pages.setCurrentRow(1)
    assert not story.keep_button.isEnabled() and "change them first" in story.keep_button.toolTip()
    story.text.setPlainText(story.text.toPlainText() + " More.")
    assert story.keep_button.isEnabled()
    qtbot.mouseClick(story.keep_button, Qt.MouseButton.LeftButton)
    assert work.host.document.undo_stack.undoText() == "Change the words on page 2"
    assert not story.keep_button.isEnabled()
    assert story.pictures.none_button.isEnabled() == bool(story._page().picture)


def test_print_from_the_file_menu_with_nothing_to_print_says_so(qtbot):
    from desktop.directwork.tab import DirectWorkTab
    from desktop.document.editor import CaseDocument

    case, _ = start_case()
    w = DirectWorkTab()
    qtbot.addWidget(w)
    w.set_document(CaseDocument(case))
    said: list[str] = []
    w.message.connect(said.append)
    w.host.choose_path = lambda *_a: pytest.fail("nothing to print: no file is asked for")
    w.file_actions()[0].trigger()
    assert said == ["There is nothing to print yet: start three houses in Direct work first."]
