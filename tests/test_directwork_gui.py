"""The Direct work tab on the Rivers demo: used from the keyboard, every change undoable."""
from __future__ import annotations

import io

import pytest
from PIL import Image
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from desktop.directwork.drawpad import DrawingPad
from desktop.directwork.tab import DirectWorkTab
from desktop.document.editor import CaseDocument
from genogram.demo import load_demo


@pytest.fixture
def tab(qtbot):
    doc = CaseDocument(load_demo("rivers"))
    w = DirectWorkTab()
    qtbot.addWidget(w)
    w.set_document(doc)
    w.resize(1280, 760)
    w.show()
    qtbot.waitExposed(w)
    reports: list[str] = []
    w.host.report = reports.append
    w.reports = reports
    return w


def test_three_houses_entry_from_the_keyboard_then_undo(tab, qtbot):
    page = tab.houses
    doc = tab.host.document
    before = doc.case.record("three_houses", "th_1")
    page.words.setFocus()
    qtbot.keyClicks(page.words, "I like the big slide at the park")
    qtbot.keyClick(page.words, Qt.Key.Key_Tab)  # to the house
    assert page.house.hasFocus()
    page.house.setCurrentIndex(page.house.findData("dreams"))
    qtbot.keyClick(page.words, Qt.Key.Key_Return)
    after = doc.case.record("three_houses", "th_1")
    added = after.entries[-1]
    assert (added.house, added.words, added.written_by) == ("dreams", "I like the big slide at the park", "Llŷr")
    assert doc.undo_stack.undoText() == "Add “I like the big slide at the park” to the dream wizard"
    qtbot.waitUntil(lambda: page.lists["dreams"].count() == 4)
    doc.undo_stack.undo()
    assert doc.case.record("three_houses", "th_1") == before
    qtbot.waitUntil(lambda: page.lists["dreams"].count() == 3)


def test_drawing_pad_strokes_saved_to_media_as_png_without_metadata(tab, qtbot):
    pad = DrawingPad()
    qtbot.addWidget(pad)
    pad.resize(450, 320)
    pad.show()
    qtbot.waitExposed(pad)
    qtbot.mousePress(pad, Qt.MouseButton.LeftButton, pos=QPoint(40, 40))
    for x in range(50, 400, 25):
        qtbot.mouseMove(pad, QPoint(x, 40 + x // 3))
    qtbot.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=QPoint(400, 170))
    assert len(pad.strokes) == 1 and len(pad.strokes[0].points) > 5
    pad.undo_stroke()
    assert pad.strokes == []
    qtbot.mousePress(pad, Qt.MouseButton.LeftButton, pos=QPoint(60, 200))
    qtbot.mouseMove(pad, QPoint(300, 90))
    qtbot.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=QPoint(300, 90))

    page = tab.houses
    page.open_pad = pad.to_png
    page.house.setCurrentIndex(page.house.findData("good_things"))
    page.draw()
    case = tab.host.document.case
    names = case.media_names()
    assert names == ["drawing-1.png"]
    data = case.media("drawing-1.png")
    assert data.startswith(b"\x89PNG")
    img = Image.open(io.BytesIO(data))
    assert not {k for k in img.info if k not in ("dpi",)}, img.info
    assert not img.getexif()
    assert img.size == (900, 640) and img.convert("L").getextrema()[0] < 120  # the stroke is there
    entry = case.record("three_houses", "th_1").entries[-1]
    assert (entry.house, entry.drawing) == ("good_things", "media:drawing-1.png")
    tab.host.document.undo_stack.undo()  # one step takes back the picture and its entry
    assert case.media_names() == []
    assert case.record("three_houses", "th_1").entries[-1].drawing is None


def test_houses_copy_for_someone_the_child_said_no_to_writes_nothing(tab, tmp_path):
    page = tab.houses
    target = tmp_path / "dad.pdf"
    tab.host.choose_path = lambda *_a: str(target)
    page.sharing.reader.setCurrentText("Dad")
    assert page.print_copy() is None
    assert not target.exists()
    assert tab.reports and "Dad may not see" in tab.reports[-1]
    page.sharing.reader.setCurrentText("Mum")
    assert page.print_copy() == str(target)
    assert target.read_bytes().startswith(b"%PDF")


def test_a_rating_updates_the_chart(tab, qtbot):
    tab.show_tool(1)
    page = tab.pages["safety"]
    case = tab.host.document.case
    before = len(case.record("safety_maps", "sm_1").ratings)
    page.scale.who.setCurrentText("Omar")
    page.scale.date.setText("2026-11-20")
    page.scale.score.setValue(6)
    page.scale.note.setFocus()
    qtbot.keyClicks(page.scale.note, "Handovers are calmer")
    qtbot.keyClick(page.scale.note, Qt.Key.Key_Return)
    smap = case.record("safety_maps", "sm_1")
    assert len(smap.ratings) == before + 1
    assert tab.host.document.undo_stack.undoText() == "Omar rates 6 out of 10 on 20 Nov 2026"
    qtbot.waitUntil(lambda: "Omar" in page.scale.chart.lines)
    date, score = page.scale.chart.lines["Omar"][-1]
    assert (date.iso(), score) == ("2026-11-20", 6)
    assert page.scale.chart.dates[-1].iso() == "2026-11-20"
    assert "Omar: 6 on 20 Nov 2026" in page.scale.chart.accessibleDescription()
    page.scale.date.setText("the 20th")
    page.scale.score.setValue(7)
    assert not page.scale.add()
    assert "is not a date" in tab.reports[-1]
    tab.host.document.undo_stack.undo()
    qtbot.waitUntil(lambda: "Omar" not in page.scale.chart.lines)


def test_safety_statement_missing_its_goal_is_said_beside_it(tab, qtbot):
    tab.show_tool(1)
    page = tab.pages["safety"]
    page.kind.setCurrentIndex(page.kind.findData("danger"))
    page.text.setPlainText("If the car seat is not fixed, Llŷr could be hurt on the way to school.")
    page.who.setText("Jess")
    assert page.add_statement()
    qtbot.waitUntil(lambda: any("has no safety goal" in page.lists["worried"].item(i).text()
                                for i in range(page.lists["worried"].count())))
    worry = page.statement_id
    page.kind.setCurrentIndex(page.kind.findData("next_step"))
    page.text.setPlainText("Fix the car seat.")
    page.who.setText("")
    page.when.setText("")
    assert page.add_statement()
    qtbot.waitUntil(lambda: "needs who and by when" in page.editor_problem.text())
    page.kind.setCurrentIndex(page.kind.findData("goal"))
    page.text.setPlainText("Llŷr travels in a fixed car seat every time.")
    page.pairs.setCurrentIndex(page.pairs.findData(worry))
    assert page.add_statement()
    qtbot.waitUntil(lambda: not any("has no safety goal" in page.lists["worried"].item(i).text()
                                    for i in range(page.lists["worried"].count())))


def test_story_status_moves_only_in_order(tab, qtbot):
    tab.show_tool(3)
    page = tab.pages["story"]
    doc = tab.host.document
    page.new_story()
    st = page.current()
    assert st.status == "draft" and st.id != "story_1"
    depth = doc.undo_stack.count()
    assert not page.details.set_status("read_to_child")
    assert page.current().status == "draft"
    assert doc.undo_stack.count() == depth
    assert "must be parents reviewed before it is read to the child" in page.details.status_note.text()
    assert page.details.next_button.text() == "&Move to next step: parents reviewed"
    qtbot.mouseClick(page.details.next_button, Qt.MouseButton.LeftButton)
    assert page.current().status == "parents_reviewed"
    assert doc.undo_stack.undoText() == "Move the story on to “parents reviewed”"
    assert not page.details.set_status("draft")
    assert "cannot go back" in page.details.status_note.text()
    doc.undo_stack.undo()
    assert page.current().status == "draft"


def test_story_page_words_reading_age_and_print(tab, qtbot, tmp_path):
    tab.show_tool(3)
    page = tab.pages["story"]
    doc = tab.host.document
    page.pages.setCurrentRow(3)
    page.text.setFocus()
    page.text.selectAll()
    qtbot.keyClicks(page.text, "The grown-ups were worried about the handover.")
    assert "handover" in page.unagreed.text() and "swap-over time" in page.unagreed.text()
    assert page.age.text().startswith("Reading age about")
    page.pages.setFocus()  # leaving the words keeps them, as one undo step
    assert doc.case.record("stories", "story_1").pages[3].text == "The grown-ups were worried about the handover."
    assert doc.undo_stack.undoText() == "Change the words on page 4"
    assert page.pictures.suggest(page.text.toPlainText()) is not None
    page.set_picture("pictogram:sad")
    assert doc.case.record("stories", "story_1").pages[3].picture == "pictogram:sad"

    out = tmp_path / "story.pdf"
    tab.host.choose_path = lambda *_a: str(out)
    assert page.print_copy() == str(out)
    a4 = out.read_bytes()
    assert a4.startswith(b"%PDF")
    page.details.layout_box.setCurrentIndex(page.details.layout_box.findData("a5-booklet"))
    assert page.print_copy() == str(out)
    assert out.read_bytes() != a4
    page.details.reader.setCurrentText("Mrs Ali")  # the story is not shared with the network yet
    out.unlink()
    assert page.print_copy() is None and not out.exists()
    assert "not been shared with the network" in tab.reports[-1]


def test_chronology_recorded_events_are_edited_and_genogram_ones_are_not(tab, qtbot, tmp_path):
    tab.show_tool(2)
    page = tab.pages["chronology"]
    doc = tab.host.document
    auto = next(e for e in page.shown if e.id.startswith("auto:"))
    page.select(auto.id)
    assert not page.save_button.isEnabled() and "comes from the genogram" in page.note.text()
    page.date.setText("about 2019")
    page.title.setText("Llŷr started at Ysgol y Ddraig")
    page.source.setText("Dana")
    page.significance.setText("A happy start")
    assert page.add_event()
    ev = doc.case.record("chronology", page.event_id)
    assert (ev.date.label(), ev.source) == ("c. 2019", "Dana")
    assert doc.undo_stack.undoText() == "Add “Llŷr started at Ysgol y Ddraig” (c. 2019) to the chronology"
    page.date.setText("next Tuesday")
    assert not page.save_event()
    assert "is not a date" in tab.reports[-1]
    page.f_kind.setCurrentIndex(page.f_kind.findData("birth"))
    assert page.shown and all(e.kind == "birth" for e in page.shown)
    page.close_up.setChecked(False)
    assert len(page.strip.events) == len([e for e in page.shown if e.date])
    page.f_sig.setText("happy")
    page.f_kind.setCurrentIndex(0)
    assert [e.title for e in page.shown] == ["Llŷr started at Ysgol y Ddraig"]
    out = tmp_path / "chron.pdf"
    tab.host.choose_path = lambda *_a: str(out)
    assert page.print_copy() == str(out)


def test_tab_print_actions_and_text_size(tab):
    titles = [a.text() for a in tab.file_actions()]
    assert titles == ["Print three houses…", "Print safety map…", "Print chronology…",
                      "Print words and pictures…"]
    words = tab.houses.words
    base = words.font().pointSizeF()
    assert tab.scale_text(1) > 1 and words.font().pointSizeF() > base * 1.1
    tab.scale_text(0)
    assert words.font().pointSizeF() == pytest.approx(base, abs=0.1)


def test_joins_the_main_window_with_print_in_file_and_undo_in_edit(qtbot, qapp, monkeypatch):
    import shutil

    from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths

    import desktop.mainwindow as mw
    from desktop.document.autosave import recovery_dir

    QCoreApplication.setOrganizationName("Kinscape")
    QCoreApplication.setApplicationName("Kinscape")
    QStandardPaths.setTestModeEnabled(True)
    QSettings().clear()
    monkeypatch.setattr(mw, "OPTIONAL_VIEWS",
                        (*mw.OPTIONAL_VIEWS, ("Direct work", "desktop.directwork.tab", "DirectWorkTab")))
    w = mw.MainWindow()
    try:
        w.set_document(CaseDocument(load_demo("rivers")))
        w.show()
        qtbot.waitExposed(w)
        titles = [w.tabs.tabText(i) for i in range(w.tabs.count())]
        w.tabs.setCurrentIndex(titles.index("Direct work"))
        view = w.tabs.currentWidget().ensure()
        assert isinstance(view, DirectWorkTab)
        assert "Print three houses…" in [a.text() for a in w.file_menu.actions()]
        page = view.houses
        page.words.setText("Pizza on Fridays")
        assert page.add_words()
        assert w.undo_action.text() == "&Undo Add “Pizza on Fridays” to the good wizard"
        w.undo_action.trigger()
        assert all(e.words != "Pizza on Fridays" for e in w.document.case.record("three_houses", "th_1").entries)
    finally:
        w.ask = lambda kind, text: "discard"
        w.close()
        w.deleteLater()
        QSettings().clear()
        shutil.rmtree(recovery_dir(), ignore_errors=True)


def test_story_pages_added_from_the_outline_and_removed(tab):
    tab.show_tool(3)
    page = tab.pages["story"]
    doc = tab.host.document
    page.pages.setCurrentRow(5)  # What happened then?
    page.new_page.setCurrentIndex(page.new_page.findData("what_happened"))
    page.add_page()
    st = doc.case.record("stories", "story_1")
    assert len(st.pages) == 11 and st.pages[6].section == "what_happened" and st.pages[6].text == ""
    assert doc.undo_stack.undoText() == "Add page 7 (What happened then?)"
    assert page.page_index == 6 and page.heading.text() == "What happened then?"
    page.remove_page()
    assert len(doc.case.record("stories", "story_1").pages) == 10


def test_photo_of_a_paper_drawing_loses_its_metadata(tab, tmp_path):
    photo = tmp_path / "IMG_0042.jpg"
    img = Image.new("RGB", (320, 240), (250, 240, 220))
    for x in range(40, 280):
        img.putpixel((x, 120), (200, 40, 40))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # camera make
    exif[0x9003] = "2026:10:14 16:02:11"  # when it was taken
    img.save(photo, "JPEG", exif=exif.tobytes())
    assert Image.open(photo).getexif()
    page = tab.houses
    tab.host.choose_open = lambda *_a: str(photo)
    page.house.setCurrentIndex(page.house.findData("worries"))
    page.add_photo()
    case = tab.host.document.case
    [name] = case.media_names()
    kept = Image.open(io.BytesIO(case.media(name)))
    assert name.endswith(".jpg") and not kept.getexif() and "exif" not in kept.info
    assert b"PhoneMaker" not in case.media(name)
    entry = case.record("three_houses", "th_1").entries[-1]
    assert (entry.house, entry.drawing) == ("worries", f"media:{name}")
    assert tab.host.document.undo_stack.undoText() == "Add a photo of a drawing to the worry wizard"

    tab.host.choose_open = lambda *_a: str(tmp_path / "notes.txt")
    (tmp_path / "notes.txt").write_text("not a picture")
    page.add_photo()
    assert tab.reports[-1] == "The file is not a picture Kinscape can read (it may be damaged)."
    assert case.media_names() == [name]


def test_a_new_case_starts_each_tool_and_says_what_is_missing(qtbot):
    from genogram.model import Case, CaseMeta
    from genogram.model import operations as ops
    from genogram.model.edits import SetMeta
    from genogram.model.entities import Gender

    case = Case(CaseMeta(title="Tiny family (fictional)", fictional=True))
    e, dana = ops.add_person(case, "Dana", Gender.FEMALE)
    case.apply(e)
    w = DirectWorkTab()
    qtbot.addWidget(w)
    w.set_document(CaseDocument(case))
    reports: list[str] = []
    w.host.report = reports.append
    w.show()
    w.show_tool(3)
    story = w.pages["story"]
    story.new_story()
    assert case.records("stories") == [] and "mark the child" in reports[-1]
    e, rosa = ops.add_child(case, dana, "Rosa", Gender.FEMALE)
    case.apply(e)
    case.apply(SetMeta(case.with_meta(index_person=rosa)))
    story.new_story()
    [st] = case.records("stories")
    assert st.title == "Rosa’s story" and [p.section for p in st.pages][:2] == ["title", "who_worried"]
    w.show_tool(0)
    houses = w.houses
    houses.new_houses()
    [h] = case.records("three_houses")
    assert h.child == rosa and houses.writer.currentText() == "Rosa"
    houses.words.setText("My cat")
    assert houses.add_words() and case.records("three_houses")[0].entries[0].written_by == "Rosa"
    w.show_tool(1)
    w.pages["safety"].new_map()
    assert [m.title for m in case.records("safety_maps")] == ["Rosa’s safety map"]


def test_keys_choose_the_tool_and_size_the_text(tab, qtbot):
    tab.activateWindow()
    tab.houses.words.setFocus()
    qtbot.waitUntil(lambda: tab.houses.words.hasFocus())
    words = tab.houses.words
    base = words.font().pointSizeF()
    qtbot.keyClick(words, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert words.font().pointSizeF() > base
    qtbot.keyClick(words, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert words.font().pointSizeF() == pytest.approx(base, abs=0.1)
    qtbot.keyClick(words, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)
    assert tab.sidebar.currentRow() == 2 and tab.stack.currentIndex() == 2
    assert tab.pages["chronology"].isAncestorOf(QApplication.focusWidget())


def test_an_entry_kept_private_then_taken_out(tab, qtbot):
    page = tab.houses
    case = tab.host.document.case
    lst = page.lists["dreams"]
    lst.setFocus()
    lst.setCurrentRow(2)  # “A dog called Draig”
    page.toggle_private()
    entry = next(e for e in case.record("three_houses", "th_1").entries if e.words == "A dog called Draig")
    assert entry.private
    assert tab.host.document.undo_stack.undoText() == "Keep “A dog called Draig” out of print (private)"
    assert "never printed" in lst.item(2).text()
    lst.setCurrentRow(2)
    page.remove_entry()
    assert all(e.words != "A dog called Draig" for e in case.record("three_houses", "th_1").entries)
    tab.host.document.undo_stack.undo()
    tab.host.document.undo_stack.undo()
    entry = next(e for e in case.record("three_houses", "th_1").entries if e.words == "A dog called Draig")
    assert not entry.private


def test_story_pages_move_but_the_cover_stays_first(tab):
    tab.show_tool(3)
    page = tab.pages["story"]
    doc = tab.host.document
    before = [p.section for p in doc.case.record("stories", "story_1").pages]
    page.pages.setCurrentRow(2)  # Who is worried?
    assert page.move_page(1)
    after = [p.section for p in doc.case.record("stories", "story_1").pages]
    assert after[2:4] == [before[3], before[2]] and page.page_index == 3
    assert doc.undo_stack.undoText() == "Move “Who is worried?” to page 4"
    page.pages.setCurrentRow(1)
    assert not page.move_page(-1)  # not above the cover
    assert [p.section for p in doc.case.record("stories", "story_1").pages] == after
