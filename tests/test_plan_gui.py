"""The Plan tab on the Rivers demo: writing from the keyboard, live checks, one-click swaps, printing."""
from __future__ import annotations

import io

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCharFormat
from PySide6.QtWidgets import QApplication, QLabel, QWidget

pytest.importorskip("pytestqt")

from desktop.document.editor import CaseDocument
from desktop.plans import exporting
from desktop.plans.caretext import DEBOUNCE_MS
from desktop.plans.tab import PlanTab
from genogram.demo import load_demo


@pytest.fixture
def tab(qtbot):
    t = PlanTab()
    qtbot.addWidget(t)
    t.resize(1280, 760)
    t.set_document(CaseDocument(load_demo("rivers")))
    t.show()
    qtbot.waitExposed(t)
    return t


def plan(t: PlanTab):
    return t.case.records("plans")[0]


def item(t: PlanTab, item_id: str):
    return next(i for i in plan(t).items if i.id == item_id)


def settle(qtbot) -> None:
    qtbot.wait(DEBOUNCE_MS + 60)


def test_opens_the_rivers_plan_with_its_sections_and_dues(tab):
    assert tab.plans.currentText() == "Llŷr's child in need plan"
    heads = [tab.tree.topLevelItem(i).text(0) for i in range(tab.tree.topLevelItemCount())]
    assert "Who will do what, and when" in heads and "What the child and parents say" in heads
    # every item of the demo is shown once, under a section of its plan type
    shown = sum(tab.tree.topLevelItem(i).childCount() for i in range(tab.tree.topLevelItemCount()))
    assert shown == len(plan(tab).items)
    assert "Next review: Tuesday 2 February 2027, on track" in tab.header.dues.text()


def test_add_an_action_from_the_keyboard(tab, qtbot):
    tab.select("section", "actions")
    tab.tree.setFocus()
    qtbot.keyClick(tab.tree, Qt.Key.Key_Insert)
    new = plan(tab).items[-1]
    assert new.section == "actions" and new.text == ""
    assert tab.doc.undo_stack.undoText() == "Add action"
    assert QApplication.focusWidget() is tab.form.text
    qtbot.keyClicks(tab.form.text, "Omar will walk his son to school every Monday by 8:30.")
    qtbot.keyClick(tab.form.text, Qt.Key.Key_Return)  # Enter finishes the field: one undo step
    assert item(tab, new.id).text == "Omar will walk his son to school every Monday by 8:30."
    assert tab.doc.undo_stack.undoText() == "Edit action"
    assert tab.doc.undo_stack.count() == 2  # the whole sentence typed is one step, not one per key


def test_smart_finding_appears_for_a_vague_action_and_goes_when_fixed(tab, qtbot):
    tab.select("item", "pi_12")
    box = tab.form.text
    box.setFocus()
    box.selectAll()
    qtbot.keyClicks(box, "Dad will try to support him more.")
    tab.form.how_often.setPlainText("")
    qtbot.waitUntil(lambda: any("vague" in f for f in tab.findings.findings), timeout=2000)
    assert any("hopes rather than shows" in f for f in tab.findings.findings)
    # each finding is shown with its suggestion
    texts = " ".join(w.text() for w in tab.findings.findChildren(QLabel))
    assert "Try:" in texts
    box.selectAll()
    qtbot.keyClicks(box, "Omar will walk his son to school every Monday by 8:30.")

    def texts() -> str:  # labels of earlier checks are unparented, so only the current ones count
        return " ".join(w.text() for w in tab.findings.findChildren(QLabel))

    qtbot.waitUntil(lambda: tab.findings.findings == [] and "A clear action" in texts(), timeout=3000)
    assert "A clear action: nothing to change" in texts()


def test_outcomes_and_actions_are_judged_differently(tab, qtbot):
    text = "The school attendance will be at least 95% each week by the review."
    tab.select("item", "pi_7")
    tab.form.text.setPlainText(text)  # as an outcome: it says nothing of the child
    settle(qtbot)
    assert any("different for Llŷr" in f for f in tab.findings.findings)
    assert not any("the person who will do this" in f for f in tab.findings.findings)
    tab.select("section", "actions")
    tab.add_item()
    tab.form.text.setPlainText(text)  # as an action: nobody is named to do it
    settle(qtbot)
    assert any("the person who will do this" in f for f in tab.findings.findings)
    assert not any("different for Llŷr" in f for f in tab.findings.findings)


def _underlined(box, start: int, end: int) -> bool:
    layout = box.document().findBlock(start).layout()
    return any(r.format.underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline
               and r.start <= start - box.document().findBlock(start).position() < r.start + r.length
               for r in layout.formats())


def test_glossary_match_highlighted_replaced_in_one_click_and_undone(tab, qtbot):
    tab.select("item", "pi_3")
    box = tab.form.text
    box.setFocus()
    box.selectAll()
    qtbot.keyClicks(box, "Dana has been non-compliant with the school.")
    qtbot.waitUntil(lambda: any(m.text == "non-compliant" for m in box.matches), timeout=2000)
    match = next(m for m in box.matches if m.text == "non-compliant")
    assert _underlined(box, match.start, match.end)
    assert not _underlined(box, 0, 4)  # "Dana" is not flagged
    assert match.reason and match.suggestions
    # the click menu: its first alternative replaces the words, as its own undo step
    menu = box.suggestion_menu(match)
    choice = next(a for a in menu.actions() if a.isEnabled())
    choice.trigger()
    assert "non-compliant" not in item(tab, "pi_3").text
    assert item(tab, "pi_3").text.startswith("Dana has been has not yet done")
    assert tab.doc.undo_stack.undoText().startswith("Replace “non-compliant”")
    tab.doc.undo_stack.undo()
    assert item(tab, "pi_3").text == "Dana has been non-compliant with the school."
    tab.doc.undo_stack.undo()  # then the typing, as one step
    assert item(tab, "pi_3").text.startswith("Llŷr has missed 14 school days")
    tab.refresh()
    assert box.toPlainText().startswith("Llŷr has missed 14 school days")


def test_child_words_are_quoted_not_corrected(tab, qtbot):
    tab.select("item", "pi_4")
    box = tab.form.text
    box.setPlainText('Llŷr said “Mum is non-compliant and I hate it”.')
    box.check_now()
    assert not any(m.text == "non-compliant" for m in box.matches)
    tab.select("views", "")
    tab.views.child_view.setPlainText("Dad is non-compliant")
    tab.views.child_view.check_now()
    assert tab.views.child_view.matches == ()  # the child's own view is never checked


def test_draft_from_adult_text_says_what_changed(tab, qtbot):
    tab.select("item", "pi_5")
    assert item(tab, "pi_5").child_text == ""
    qtbot.mouseClick(tab.form.draft_button, Qt.MouseButton.LeftButton)
    drafted = item(tab, "pi_5").child_text
    assert drafted and "Llŷr" not in drafted
    assert tab.form.draft_note.isVisible() and "Changed:" in tab.form.draft_note.text()
    tab.doc.undo_stack.undo()
    assert item(tab, "pi_5").child_text == ""


def test_who_picks_a_genogram_person_or_a_named_professional(tab, qtbot):
    tab.select("item", "pi_11")
    assert tab.form.who.currentText() == "Jess Morgan"
    tab.form.who.setCurrentIndex(tab.form.who.findData("p_dana"))
    tab.form.who.activated.emit(tab.form.who.currentIndex())
    assert item(tab, "pi_11").who_person == "p_dana" and item(tab, "pi_11").who == ""
    tab.refresh()
    tab.form.who.setEditText("Dr Patel")
    tab.form._who_finished()
    assert item(tab, "pi_11").who == "Dr Patel" and item(tab, "pi_11").who_person is None


def test_a_bad_date_gets_one_sentence_and_changes_nothing(tab, qtbot):
    tab.select("item", "pi_9")
    tab.form.when.edit.setText("next week sometime")
    tab.form.when.edit.editingFinished.emit()
    assert item(tab, "pi_9").when is None
    assert "is not a date" in tab.form.when.problem.text()


def test_export_child_plan_is_one_page(tab, tmp_path):
    from pypdf import PdfReader

    out = tmp_path / "llyr"
    tab.choose_path = lambda kind, suggested: str(out)
    errors: list[str] = []
    tab.report_error = errors.append
    path = tab.export(next(k for k in exporting.KINDS if k.key == "child"))
    assert errors == [] and path == str(out) + ".pdf"
    with open(path, "rb") as f:
        reader = PdfReader(io.BytesIO(f.read()))
    assert len(reader.pages) == 1
    assert "Mamgu" in reader.pages[0].extract_text()


def test_child_plan_too_long_says_what_to_shorten_and_writes_nothing(tab, tmp_path):
    p = plan(tab)
    long = " ".join(["You will go to school and see your friends and read every day."] * 12)
    from dataclasses import replace

    from genogram.model import Put
    items = tuple(replace(i, child_text=long) if i.section in ("outcome", "action") else i for i in p.items)
    tab.doc.push(Put("plans", replace(p, items=items)), "Make it long")
    out = tmp_path / "too-long.pdf"
    tab.choose_path = lambda kind, suggested: str(out)
    errors: list[str] = []
    tab.report_error = errors.append
    assert tab.export(next(k for k in exporting.KINDS if k.key == "child")) is None
    assert len(errors) == 1 and "shorten" in errors[0]
    assert not out.exists()


def test_full_plan_pdf_and_docx(tab, tmp_path):
    for key in ("pdf", "docx"):
        tab.choose_path = lambda kind, suggested: str(tmp_path / suggested)
        path = tab.export(next(k for k in exporting.KINDS if k.key == key))
        assert path and path.endswith("." + key) and (tmp_path / path).stat().st_size > 1000


def test_new_plan_from_a_template_shows_prompts(tab, qtbot):
    tab.new_type.setCurrentIndex(tab.new_type.findData("safety_plan"))
    qtbot.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)
    assert len(tab.case.records("plans")) == 2
    assert tab.doc.undo_stack.undoText().startswith("Start a safety plan")
    assert tab.pages.currentWidget() is tab.section_page
    assert "Nothing here yet" in tab.section_page.text()


def test_every_control_has_a_name_and_is_reachable(tab):
    tab.select("item", "pi_9")
    for w in tab.findChildren(QWidget):
        if not w.isVisible() or w.focusPolicy() == Qt.FocusPolicy.NoFocus or isinstance(w, QLabel):
            continue
        if w.metaObject().className() in ("QScrollBar", "QSplitterHandle", "QWidget", "QStackedWidget",
                                          "QScrollArea", "QLineEdit"):
            continue
        named = w.accessibleName() or (hasattr(w, "text") and callable(w.text) and w.text())
        assert named, f"{w.metaObject().className()} has no accessible name"
        assert w.focusPolicy() & Qt.FocusPolicy.TabFocus


def test_hovering_a_match_explains_it(tab, qtbot):
    from desktop.plans.caretext import tooltip

    tab.select("item", "pi_8")
    box = tab.form.child_text
    box.setPlainText("Your contact with Dad will be calm.")
    box.check_now()
    m = next(m for m in box.matches if m.text == "contact")
    tip = tooltip(m)
    assert "family time" in tip and m.reason.split()[0] in tip and "Source:" in tip
    # hovering over the word shows it; clicking the word offers the alternatives
    from PySide6.QtGui import QHelpEvent, QTextCursor
    from PySide6.QtWidgets import QMenu, QToolTip

    cursor = QTextCursor(box.document())
    cursor.setPosition(m.start + 2)
    at = box.cursorRect(cursor).center()
    QApplication.sendEvent(box.viewport(), QHelpEvent(QHelpEvent.Type.ToolTip, at, box.viewport().mapToGlobal(at)))
    assert "family time" in QToolTip.text()
    QToolTip.hideText()
    qtbot.mouseClick(box.viewport(), Qt.MouseButton.LeftButton, pos=at)
    popup = QApplication.activePopupWidget()
    assert isinstance(popup, QMenu) and any("family time" in a.text() for a in popup.actions())
    popup.close()


def test_header_changes_are_undoable_steps(tab, qtbot):
    tab.header.status.setCurrentIndex(tab.header.status.findData("active"))
    tab.header.status.activated.emit(tab.header.status.currentIndex())
    assert plan(tab).status == "active"
    assert tab.doc.undo_stack.undoText() == "Change plan status"
    tab.header.review.edit.setText("2026-10-01")
    tab.header.review.edit.editingFinished.emit()
    assert plan(tab).review.iso() == "2026-10-01"
    qtbot.waitUntil(lambda: "overdue" in tab.header.dues.text().split("Next visit")[0], timeout=1000)
    tab.doc.undo_stack.undo()
    tab.doc.undo_stack.undo()
    assert plan(tab).status == "agreed" and plan(tab).review.iso() == "2027-02-02"


def test_text_boxes_grow_with_the_system_font(tab, qtbot):
    before = tab.form.text.height()
    font = tab.font()
    font.setPointSizeF(font.pointSizeF() * 1.6)
    tab.setFont(font)
    qtbot.wait(10)
    assert tab.form.text.height() > before * 1.3


def test_the_window_shows_the_plan_tab_and_its_print_actions(qtbot, tmp_path):
    from PySide6.QtCore import QSettings

    from desktop.mainwindow import MainWindow
    from desktop.settings import Settings

    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    w = MainWindow(settings)
    qtbot.addWidget(w)
    w.set_document(CaseDocument(load_demo("rivers")))
    assert w.show_view("Plan")  # built when first shown
    menu = [a.text() for a in w.file_menu.actions()]
    assert "Export child's one-pa&ge plan…" in menu
    view = w.tabs.widget(w.view_titles().index("Plan")).ensure()
    assert view.plans.currentText() == "Llŷr's child in need plan"


def test_a_case_without_plans_invites_one(qtbot):
    from genogram.model import Case, CaseMeta

    t = PlanTab()
    qtbot.addWidget(t)
    t.set_document(CaseDocument(Case(CaseMeta(title="Empty (fictional)"))))
    t.show()
    assert t.empty.isVisible() and not t.splitter.isVisible()
    assert not t.export_buttons["child"].isEnabled()
    t.new_type.setCurrentIndex(t.new_type.findData("early_help"))
    t.new_plan()
    assert t.splitter.isVisible() and t.case.records("plans")[0].plan_type == "early_help"
    t.doc.undo_stack.undo()
    t.refresh()
    assert t.empty.isVisible()


def test_tab_walks_through_the_item_form(tab, qtbot):
    tab.select("item", "pi_9")
    tab.form.text.setFocus()
    seen = []
    for _ in range(20):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    form = tab.form
    for w in (form.child_text, form.draft_button, form.role_box, form.when.edit, form.how_often,
              form.support, form.serves, form.picture, form.private):
        assert w in seen, w.accessibleName()
    assert seen.index(form.child_text) < seen.index(form.role_box) < seen.index(form.private)


def test_a_one_entry_section_takes_no_second(tab, qtbot):
    tab.select("section", "if_not_working")
    assert not tab.add_button.isEnabled()
    count = len(plan(tab).items)
    tab.tree.setFocus()
    qtbot.keyClick(tab.tree, Qt.Key.Key_Insert)
    assert len(plan(tab).items) == count
    assert "holds one entry" in tab.section_page.text()


def test_picture_is_suggested_from_the_words_and_changeable(tab, qtbot):
    tab.select("item", "pi_2")
    box = tab.form.picture
    labels = [box.itemText(i) for i in range(box.count())]
    assert any(t.endswith("(suggested)") and "football" in t for t in labels[:4])
    box.setCurrentIndex(box.findData("pictogram:football"))
    box.activated.emit(box.currentIndex())
    assert item(tab, "pi_2").picture == "pictogram:football"
    assert tab.doc.undo_stack.undoText() == "Edit strength: picture"


def test_one_visit_to_a_field_is_one_undo_step_and_removal_is_undoable(tab, qtbot):
    tab.select("item", "pi_11")
    start = tab.doc.undo_stack.count()
    tab.form.support.setFocus()
    qtbot.keyClicks(tab.form.support, "Jess brings the bus fare")
    qtbot.keyClick(tab.form.support, Qt.Key.Key_Tab)  # leaving the box finishes it
    assert item(tab, "pi_11").support == "Jess brings the bus fare"
    assert tab.doc.undo_stack.count() == start + 1
    assert tab.doc.undo_stack.undoText() == "Edit action: support"
    tab.tree.setFocus()
    tab.select("item", "pi_11")
    qtbot.keyClick(tab.tree, Qt.Key.Key_Delete)
    assert all(i.id != "pi_11" for i in plan(tab).items)
    assert tab.doc.undo_stack.undoText() == "Remove action"
    tab.doc.undo_stack.undo()
    assert item(tab, "pi_11").support == "Jess brings the bus fare"


def test_half_typed_words_stay_with_their_case(tab, qtbot):
    tab.select("item", "pi_3")
    tab.form.text.setFocus()
    qtbot.keyClicks(tab.form.text, " More words")
    other = CaseDocument(load_demo("rivers"))
    tab.set_document(other)
    tab.select("item", "pi_3")
    tab.tree.setFocus()
    assert other.undo_stack.count() == 0
    assert item(tab, "pi_3").text.startswith("Llŷr has missed") and "More words" not in item(tab, "pi_3").text
