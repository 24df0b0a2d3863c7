"""The focus view for big files: a few generations around one person, markers, refocusing."""
from __future__ import annotations

import gc

import pytest
from PySide6.QtCore import Qt

from genogram.storage.gedcom import import_gedcom


@pytest.fixture(autouse=True)
def _collect_qt_garbage():
    yield
    gc.collect()


def tree_gedcom(depth: int) -> bytes:
    """An invented descent: a couple, a son and a daughter per couple, each with a partner from
    outside, `depth` generations of children (depth 8 is 766 people)."""
    sex: dict[str, str] = {}
    fams: list[tuple[str, str, list[str]]] = []

    def person(s: str) -> str:
        xref = f"@I{len(sex) + 1}@"
        sex[xref] = s
        return xref

    level = [(person("M"), person("F"))]
    for gen in range(depth):
        nxt = []
        for husb, wife in level:
            son, daughter = person("M"), person("F")
            fams.append((husb, wife, [son, daughter]))
            if gen < depth - 1:
                nxt += [(son, person("F")), (person("M"), daughter)]
        level = nxt
    lines = ["0 HEAD", "1 GEDC", "2 VERS 5.5.1"]
    for n, (xref, s) in enumerate(sex.items(), start=1):
        lines += [f"0 {xref} INDI", f"1 NAME P{n} /Tree{n % 7}/", f"1 SEX {s}"]
    for n, (husb, wife, kids) in enumerate(fams, start=1):
        lines += [f"0 @F{n}@ FAM", f"1 HUSB {husb}", f"1 WIFE {wife}"]
        lines += [f"1 CHIL {k}" for k in kids]
    lines.append("0 TRLR")
    return ("\n".join(lines) + "\n").encode()


@pytest.fixture
def open_view(qtbot):
    from desktop.canvas.genogram_view import GenogramView
    from desktop.document.editor import CaseDocument

    def make(case):
        v = GenogramView(CaseDocument(case))
        qtbot.addWidget(v)
        v.resize(1100, 700)
        v.show()
        qtbot.waitExposed(v)
        return v
    return make


def demo_case():
    from genogram import demo

    return demo.load_demo(demo.DEFAULT_DEMO)


def test_the_show_control_changes_how_many_are_drawn(qtbot, open_view):
    v = open_view(demo_case())
    case = v.doc.case
    total = case.family.person_count()
    assert not v.focus.active and v.scene.person_item_count() == total
    assert "Everyone is shown" in v.focus.banner.text()
    assert v.focus.mode.accessibleName() == "Show"
    assert v.focus.spin.accessibleName() == "Generations around the person"
    assert (v.focus.spin.minimum(), v.focus.spin.maximum(), v.focus.spin.value()) == (1, 6, 2)
    assert not v.focus.spin.isEnabled()

    child = case.meta.index_person
    v.canvas.focus_person(child)
    v.focus.mode.setFocus()  # keyboard: the combo box takes the arrow keys
    qtbot.keyClick(v.focus.mode, Qt.Key.Key_Down)
    assert v.focus.active and v.focus.centre == child and v.focus.spin.isEnabled()
    two = v.scene.person_item_count()
    assert 0 < two < total
    people = [i for i in v.scene.glyph_items("person")]
    assert len(people) == two

    v.focus.spin.setFocus()
    qtbot.keyClick(v.focus.spin, Qt.Key.Key_Down)  # 1 generation
    assert v.focus.generations == 1
    one = v.scene.person_item_count()
    assert one < two
    name = case.family.person(child).short_name
    text = v.focus.banner.text()
    assert text.startswith(f"Showing {one} of {total} people around {name}")
    assert v.focus.everyone.isVisible()
    assert v.focus.markers, "people whose parents or children are hidden carry a +"

    v.focus.everyone.setFocus()
    qtbot.keyClick(v.focus.everyone, Qt.Key.Key_Space)
    assert not v.focus.active and v.scene.person_item_count() == total
    assert not v.focus.markers and v.focus.mode.currentIndex() == 0
    assert not v.focus.everyone.isVisible()


def test_a_big_case_opens_in_focus_view_and_says_so(qtbot, open_view):
    case, _ = import_gedcom(tree_gedcom(8))
    total = case.family.person_count()
    assert total > 400
    v = open_view(case)
    assert v.focus.active and v.focus.opened_big
    shown = v.scene.person_item_count()
    assert 0 < shown < 60
    text = v.focus.banner.text()
    assert "A large family" in text and f"{shown} of {total} people" in text
    assert v.focus.mode.currentIndex() == 1 and v.focus.spin.value() == 2


def test_double_click_on_an_edge_person_refocuses_there(qtbot, open_view):
    case, _ = import_gedcom(tree_gedcom(8))
    v = open_view(case)
    before = set(v.scene.layout.people)
    edge = next(pid for pid in v.focus.markers if pid != v.focus.centre)
    item = v.scene.person_item(edge)
    v.canvas.centerOn(item.boundingRect().center())
    at = v.canvas.mapFromScene(item.boundingRect().center())
    qtbot.mouseDClick(v.canvas.viewport(), Qt.MouseButton.LeftButton, pos=at)
    assert v.focus.centre == edge and not v.focus.opened_big
    after = set(v.scene.layout.people)
    assert edge in after and after != before
    assert "A large family" not in v.focus.banner.text()
    assert v.scene.selected_owners("person") == [edge]


def test_a_child_added_at_the_edge_of_the_focus_is_shown(qtbot, open_view):
    from genogram.model import operations as ops

    case, _ = import_gedcom(tree_gedcom(8))
    v = open_view(case)
    deepest = max(v.scene.layout.people.values(), key=lambda p: p.generation).id
    edit, baby = ops.add_child(case, deepest, "New baby")
    v._push(edit, "Add child")
    assert baby in v.scene.layout.people
    v.doc.undo_stack.undo()
    v.scene.flush()
    assert baby not in v.scene.layout.people and v.focus.active


def _numbers(glyph) -> list:
    """A glyph tree as a flat list, numbers rounded (a shifted glyph may differ in the last bit)."""
    if hasattr(glyph, "children") and not hasattr(glyph, "x"):
        return [glyph.owner, glyph.kind] + [n for c in glyph.children for n in _numbers(c)]
    out: list = [type(glyph).__name__]
    for value in vars(glyph).values():
        if isinstance(value, float):
            out.append(round(value, 6))
        elif isinstance(value, tuple):
            out.append(tuple(tuple(round(v, 6) for v in p) if isinstance(p, tuple) else p for p in value))
        elif not callable(value):
            out.append(value)
    return out


def test_people_a_relayout_only_moves_are_shifted_not_redrawn_and_still_exact(qtbot):
    """Adding a child shifts most of a row: those people's glyphs and rectangles move with
    them, and the result is still what the notation draws at the new places."""
    from desktop.canvas.qtpainter import glyph_rect
    from desktop.canvas.scene import GenogramScene
    from genogram.layout.genogram import layout_genogram
    from genogram.model import operations as ops
    from genogram.notation.genogram import genogram_glyphs

    case, _ = import_gedcom(tree_gedcom(5))
    scene = GenogramScene()
    scene.set_case(case)
    before = {pid: (p.cx, p.cy) for pid, p in scene.layout.people.items()}
    deepest = max(p.generation for p in scene.layout.people.values())
    parents = [p for p in scene.layout.people.values() if p.generation == deepest - 1]
    left = min(parents, key=lambda p: p.cx).id  # a new child here widens the bottom row
    case.apply(ops.add_child(case, left, "New baby")[0])
    scene.flush()
    moved = [pid for pid, at in before.items()
             if (scene.layout.people[pid].cx, scene.layout.people[pid].cy) != at]
    assert len(moved) > 5 and scene._moved
    expected = {g.owner: _numbers(g) for g in genogram_glyphs(case, layout_genogram(case))}
    assert expected == {i.owner: _numbers(i.group) for i in scene.glyph_items()}
    for item in scene.glyph_items("person"):
        want = glyph_rect(item.group.children)
        got = item._ink
        assert abs(got.x() - want.x()) < 1e-6 and abs(got.width() - want.width()) < 1e-6
        assert abs(got.y() - want.y()) < 1e-6 and abs(got.height() - want.height()) < 1e-6
    scene.set_case(None)


def test_a_click_on_a_plus_moves_there_and_find_reaches_hidden_people(qtbot, open_view):
    case, _ = import_gedcom(tree_gedcom(8))
    v = open_view(case)
    pid, markers = next((p, ms) for p, ms in v.focus.markers.items() if p != v.focus.centre)
    marker = markers[0]
    assert "not shown here" in marker.toolTip()
    v.canvas.centerOn(marker.pos())
    qtbot.mouseClick(v.canvas.viewport(), Qt.MouseButton.LeftButton,
                     pos=v.canvas.mapFromScene(marker.pos()))
    assert v.focus.centre == pid

    hidden = next(p.id for p in case.family.people() if p.id not in v.scene.layout.people)
    v.open_find()
    v._found(hidden)
    assert v.focus.centre == hidden and hidden in v.scene.layout.people
