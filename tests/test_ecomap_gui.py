"""The Ecomap tab: add a system, connect it, describe the connection, drag, delete, undo and redo,
the keyboard, snapshots, the compare view and the important people editor."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt

from genogram.demo import load_demo
from genogram.model import Energy, Quality


@pytest.fixture
def tab(on_demo):
    from desktop.ecomap import EcomapTab

    return on_demo(EcomapTab(), (1200, 760))


def systems(tab) -> dict[str, object]:
    return {s.id: s for s in tab.case.records("eco_systems") if s.ecomap == tab.ecomap_id}


def test_shows_the_latest_snapshot_with_every_system(tab):
    assert tab.ecomap_id == "e_llyr"
    assert set(tab.scene.system_ids()) == set(systems(tab))
    assert tab.snapshots.count() == 2 and tab.snapshots.currentData() == "e_llyr"


def test_add_connect_describe_then_undo_and_redo(tab, qtbot):
    stack = tab.document.undo_stack
    sid = tab.add_system("youth club")
    s = tab.case.record("eco_systems", sid)
    assert s.name == "Youth club" and s.category != "other"  # from the palette
    assert sid in tab.scene.system_ids() and tab.scene.selected_owner() == sid
    assert tab.inspector.system_id == sid and tab.inspector.connect_button.isVisibleTo(tab)
    cid = tab.connect_system(sid)
    assert cid in tab.scene.items_by_owner
    ins = tab.inspector
    ins.quality.setCurrentIndex(ins.quality.findData(Quality.STRONG.value))
    ins.quality.activated.emit(ins.quality.currentIndex())
    ins.energy.setCurrentIndex(ins.energy.findData(Energy.TO_FAMILY.value))
    ins.energy.activated.emit(ins.energy.currentIndex())
    ins.helps.setText("Football on Tuesdays")
    ins.helps.editingFinished.emit()
    conn = tab.case.record("eco_connections", cid)
    assert (conn.quality, conn.energy, conn.helps) == (Quality.STRONG, Energy.TO_FAMILY, "Football on Tuesdays")
    assert stack.count() == 5 and stack.text(0) == "Add Youth club to the ecomap"
    for _ in range(5):
        stack.undo()
    tab.refresh()
    assert sid not in systems(tab) and sid not in tab.scene.items_by_owner
    for _ in range(5):
        stack.redo()
    tab.refresh()
    assert tab.case.record("eco_connections", cid).helps == "Football on Tuesdays"
    assert sid in tab.scene.system_ids()


def test_a_genogram_person_stands_on_the_ecomap_as_themselves(tab):
    sid = tab.add_person("p_efa")
    s = tab.case.record("eco_systems", sid)
    assert s.person == "p_efa" and s.name == "Efa Rivers"
    assert tab.inspector.name.isReadOnly()


def test_drag_saves_the_position_as_one_undo_step(tab, qtbot):
    sid = min(systems(tab))
    place = tab.scene.layout.systems[sid]
    c = tab.scene.layout.centre
    scale = tab.view.transform().m11()
    vp = tab.view.viewport()
    start = tab.view.mapFromScene(QPointF(place.cx, place.cy))
    qtbot.mousePress(vp, Qt.MouseButton.LeftButton, pos=start)
    for k in range(1, 6):
        qtbot.mouseMove(vp, start + QPoint(8 * k, 6 * k))
    qtbot.mouseRelease(vp, Qt.MouseButton.LeftButton, pos=start + QPoint(40, 30))
    s = tab.case.record("eco_systems", sid)
    assert s.position is not None
    assert s.position[0] == pytest.approx(place.cx - c.cx + 40 / scale, abs=3)
    assert s.position[1] == pytest.approx(place.cy - c.cy + 30 / scale, abs=3)
    stack = tab.document.undo_stack
    assert stack.count() == 1 and stack.text(0).startswith("Move ")
    new = tab.scene.layout  # drawn where it was dropped, relative to the centre
    assert new.systems[sid].cx - new.centre.cx == pytest.approx(s.position[0], abs=0.2)
    stack.undo()
    assert tab.case.record("eco_systems", sid).position is None


def test_keyboard_tab_enter_delete_insert(tab, qtbot):
    tab.view.setFocus()
    qtbot.keyClick(tab.view, Qt.Key.Key_Tab)
    first = tab.scene.selected_owner()
    assert first == tab.scene.system_ids()[0]
    qtbot.keyClick(tab.view, Qt.Key.Key_Tab)
    assert tab.scene.selected_owner() == tab.scene.system_ids()[1]
    second = tab.scene.selected_owner()
    qtbot.keyClick(tab.view, Qt.Key.Key_Return)
    assert tab.inspector.name.hasFocus()
    tab.view.setFocus()
    qtbot.keyClick(tab.view, Qt.Key.Key_Delete)
    assert second not in systems(tab)
    assert not any(c.system == second for c in tab.case.records("eco_connections"))
    tab.document.undo_stack.undo()
    assert second in systems(tab)
    tab.view.setFocus()
    qtbot.keyClick(tab.view, Qt.Key.Key_Insert)
    assert tab.system_name.hasFocus()
    for w in (tab.view, tab.inspector.quality, tab.inspector.helps, tab.system_name, tab.snapshots):
        assert w.accessibleName()


def test_new_snapshot_copies_this_one_and_compare_shows_both(tab):
    before = len(systems(tab))
    tab.new_snapshot()
    assert tab.ecomap_id not in ("e_llyr", "e_llyr_2025") and len(systems(tab)) == before
    assert tab.snapshots.count() == 3
    tab.document.undo_stack.undo()
    tab.refresh()
    assert tab.ecomap_id == "e_llyr" and tab.snapshots.count() == 2
    assert tab.then_box.currentData() != tab.now_box.currentData()
    assert tab.compare_view.region is not None and len(tab.compare_view.glyphs) > 10


def test_important_people_editor_edits_and_previews(tab, qtbot):
    ed = tab.important
    rec = ed.record()
    assert rec is not None and ed.table.rowCount() == len(rec.people)
    assert ed.preview.region is not None  # the sheet is previewed
    ed.add_person("Nain", 3, "knits me jumpers")
    assert ed.record().people[-1].name == "Nain" and ed.table.rowCount() == len(rec.people) + 1
    ed.table.item(0, 2).setText("reads with me every night")
    assert ed.record().people[0].words == "reads with me every night"
    ed.table.setCurrentCell(0, 0)
    ed.remove_person()
    assert ed.record().people[0].name != "Mum"
    stack = tab.document.undo_stack
    stack.undo()
    tab.refresh()
    assert ed.record().people[0].name == "Mum" and ed.table.item(0, 0).text() == "Mum"


def test_export_menu_writes_each_sheet(tab, tmp_path):
    from desktop.ecomap.tab import EXPORTS

    for _label, what, fmt in EXPORTS:
        out = tmp_path / f"{what}.{fmt}"
        assert tab.export_to(str(out), what, fmt), what
        assert out.stat().st_size > 1000
    assert tab.export_bytes("ecomap", "pdf")[:4] == b"%PDF"


def test_in_the_main_window_the_tab_follows_the_document(qtbot):
    from desktop.document.editor import CaseDocument
    from desktop.ecomap import EcomapTab
    from desktop.mainwindow import MainWindow

    w = MainWindow()
    qtbot.addWidget(w)
    tab = EcomapTab()
    w.add_view("Ecomap", tab)
    w.set_document(CaseDocument(load_demo("kowalski-price")))
    assert tab.ecomap_id == "e_mums_house" and tab.scene.system_ids()
    sid = tab.add_system("Dentist")
    assert w.undo_action.isEnabled()
    w.undo_action.trigger()
    tab.refresh()
    assert sid not in tab.scene.items_by_owner


def test_a_system_with_two_connections_edits_the_one_chosen(qtbot):
    from desktop.document.editor import CaseDocument
    from desktop.ecomap import EcomapTab

    t = EcomapTab()
    qtbot.addWidget(t)
    t.set_document(CaseDocument(load_demo("kowalski-price")))
    school = next(s.id for s in t.case.records("eco_systems") if s.name == "Orton Brook Academy")
    t.scene.select(school)
    ins = t.inspector
    assert ins.which.count() == 2 and ins.which.isEnabled()
    ins.which.setCurrentIndex(1)
    ins.which.activated.emit(1)
    chosen = ins.connection()
    assert chosen.id == ins.which.itemData(1)
    ins.hard.setText("Lunchtimes")
    ins.hard.editingFinished.emit()
    assert t.case.record("eco_connections", chosen.id).hard == "Lunchtimes"
    assert ins.which.currentData() == chosen.id  # still the one chosen after the refresh
