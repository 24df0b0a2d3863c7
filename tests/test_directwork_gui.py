"""The Direct work tab on the Rivers demo: used from the keyboard, every change undoable."""
from __future__ import annotations

import io

import pytest
from PIL import Image
from PySide6.QtCore import QPoint, Qt

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
    assert img.getpixel((450, 320)) != (255, 255, 255) or any(
        img.getpixel((x, y)) != (255, 255, 255) for x in range(0, 900, 9) for y in range(0, 640, 9))
    entry = case.record("three_houses", "th_1").entries[-1]
    assert (entry.house, entry.drawing) == ("good_things", "media:drawing-1.png")
    tab.host.document.undo_stack.undo()  # one step takes back the picture and its entry
    assert case.media_names() == []
    assert case.record("three_houses", "th_1").entries[-1].drawing is None


def test_houses_copy_for_someone_the_child_said_no_to_writes_nothing(tab, tmp_path):
    page = tab.houses
    target = tmp_path / "dad.pdf"
    tab.host.choose_path = lambda *_a: str(target)
    page.reader.setCurrentText("Dad")
    assert page.print_copy() is None
    assert not target.exists()
    assert tab.reports and "Dad may not see" in tab.reports[-1]
    page.reader.setCurrentText("Mum")
    assert page.print_copy() == str(target)
    assert target.read_bytes().startswith(b"%PDF")
