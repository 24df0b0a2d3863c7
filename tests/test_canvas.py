"""The genogram canvas: building families from the keyboard, dragging, undo, and small updates."""
from __future__ import annotations

import gc

import pytest
from PySide6.QtCore import QPoint, Qt

from genogram.model import Case, CaseMeta, ChildKind, FuzzyDate, Gender, UnionKind
from genogram.model import operations as ops
from genogram.storage.casefile import read_case, write_case


@pytest.fixture(autouse=True)
def _collect_qt_garbage():
    """Free each test's widgets, scenes and items before the next test: cycles of Qt wrappers
    left for a later, larger collection have crashed PySide's garbage collection."""
    yield
    gc.collect()


def start_case() -> tuple[Case, str]:
    """One invented person to build from."""
    case = Case(CaseMeta(title="Keyboard family (fictional)", fictional=True, as_at=FuzzyDate(2026, 1, 1)))
    edit, dana = ops.add_person(case, "Dana", Gender.FEMALE, born=FuzzyDate(1990))
    case.apply(edit)
    return case, dana


@pytest.fixture
def view(qtbot):
    from desktop.canvas.genogram_view import GenogramView
    from desktop.document.editor import CaseDocument

    case, _ = start_case()
    v = GenogramView(CaseDocument(case))
    qtbot.addWidget(v)
    v.resize(1000, 700)
    v.show()
    qtbot.waitExposed(v)
    return v


def person_named(case: Case, name: str) -> str:
    return next(p.id for p in case.family.people() if p.display_name == name)


def select(view, name: str) -> str:
    pid = person_named(view.doc.case, name)
    view.canvas.focus_person(pid)
    view.canvas.setFocus()
    return pid


def press(qtbot, view, key, text: str | None = None, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(view.canvas, key, modifier)
    if text is not None:
        assert view.name_editor.isVisible()
        qtbot.keyClicks(view.name_editor, text)
        qtbot.keyClick(view.name_editor, Qt.Key.Key_Return)
    view.scene.flush()


def test_partner_and_child_from_the_keyboard_are_one_step_each(qtbot, view):
    case = view.doc.case
    select(view, "Dana")
    press(qtbot, view, Qt.Key.Key_P, "Omar")
    assert view.scene.selected_owners("person") == [person_named(case, "Omar")]
    press(qtbot, view, Qt.Key.Key_C, "Rosa")
    rosa = person_named(case, "Rosa")
    parents = set(case.family.parents_of(rosa))
    assert parents == {person_named(case, "Dana"), person_named(case, "Omar")}
    stack = view.doc.undo_stack
    assert [stack.text(i) for i in range(stack.count())] == ["Add partner for Dana", "Add child for Omar"]
    stack.undo()
    view.scene.flush()
    assert not any(p.display_name == "Rosa" for p in case.family.people())
    assert view.scene.item(rosa) is None
    stack.redo()
    view.scene.flush()
    assert case.family.person(rosa).given == "Rosa"
    assert view.scene.person_item(rosa) is not None


def test_escape_keeps_the_default_name(qtbot, view):
    select(view, "Dana")
    qtbot.keyClick(view.canvas, Qt.Key.Key_P)
    qtbot.keyClicks(view.name_editor, "Zed")
    qtbot.keyClick(view.name_editor, Qt.Key.Key_Escape)
    assert not view.name_editor.isVisible()
    partner = view.doc.case.family.partners_of(person_named(view.doc.case, "Dana"))[0]
    assert view.doc.case.family.person(partner).given == ""
    assert view.doc.undo_stack.count() == 1


def test_tricky_family_built_from_the_keyboard(qtbot, view):
    """Remarriage with half-siblings, a same-sex couple, parents added above, a sibling."""
    case = view.doc.case
    select(view, "Dana")
    press(qtbot, view, Qt.Key.Key_P, "Omar")
    press(qtbot, view, Qt.Key.Key_C, "Rosa")
    select(view, "Dana")
    press(qtbot, view, Qt.Key.Key_P, "Sam")
    select(view, "Sam")
    qtbot.keyClick(view.canvas, Qt.Key.Key_F)  # Sam is a woman: a same-sex couple
    press(qtbot, view, Qt.Key.Key_C, "Lan")
    select(view, "Dana")
    press(qtbot, view, Qt.Key.Key_P, "Gwen", Qt.KeyboardModifier.ShiftModifier)
    select(view, "Dana")
    press(qtbot, view, Qt.Key.Key_S, "Rhys")
    fam = case.family
    dana, omar, sam = (person_named(case, n) for n in ("Dana", "Omar", "Sam"))
    rosa, lan, gwen, rhys = (person_named(case, n) for n in ("Rosa", "Lan", "Gwen", "Rhys"))
    assert fam.person(sam).gender is Gender.FEMALE
    assert set(fam.parents_of(lan)) == {dana, sam}
    assert set(fam.parents_of(rosa)) == {dana, omar}
    assert gwen in fam.parents_of(dana)
    assert set(fam.parents_of(rhys)) == set(fam.parents_of(dana))
    assert len(fam.unions_of(dana)) == 2
    # everyone drawn, each once
    assert set(view.scene.layout.people) == {p.id for p in fam.people()}
    assert {i.owner for i in view.scene.glyph_items("person")} == set(view.scene.layout.people)


def test_quick_add_needs_a_selection_and_says_so(qtbot, view):
    view.scene.clearSelection()
    qtbot.keyClick(view.canvas, Qt.Key.Key_C)
    assert "Select a person first" in view.status.text()
    assert view.doc.undo_stack.count() == 0


def test_a_refused_add_is_one_sentence_and_no_step(qtbot, view):
    from genogram.model import PersonKind

    select(view, "Dana")
    press(qtbot, view, Qt.Key.Key_C, "Bump")
    bump = person_named(view.doc.case, "Bump")
    view.inspector.person.kind.activated.emit(list(PersonKind).index(PersonKind.PREGNANCY))
    steps = view.doc.undo_stack.count()
    select(view, "Bump")
    qtbot.keyClick(view.canvas, Qt.Key.Key_P)
    assert view.status.text() == "A pregnancy or loss cannot have a partner."
    assert view.doc.undo_stack.count() == steps and view.doc.case.family.has_person(bump)


def drag(qtbot, view, pid: str, dx: int, dy: int = 0, during=None) -> None:
    item = view.scene.person_item(pid)
    place = view.scene.layout.people[pid]
    from PySide6.QtCore import QPointF

    start = view.canvas.mapFromScene(QPointF(place.cx, place.cy))
    end = start + QPoint(dx, dy)
    vp = view.canvas.viewport()
    qtbot.mousePress(vp, Qt.MouseButton.LeftButton, pos=start)
    for k in range(1, 6):
        qtbot.mouseMove(vp, start + QPoint(dx * k // 5, dy * k // 5))
    if during is not None:
        during()
    qtbot.mouseRelease(vp, Qt.MouseButton.LeftButton, pos=end)
    view.scene.flush()
    assert item is view.scene.person_item(pid)


def test_drag_is_one_undo_step_saved_in_the_case(qtbot, view, tmp_path):
    case = view.doc.case
    select(view, "Dana")
    press(qtbot, view, Qt.Key.Key_P, "Omar")
    press(qtbot, view, Qt.Key.Key_C, "Rosa")
    rosa = person_named(case, "Rosa")
    before = view.scene.layout.people[rosa].cx
    zoom = view.canvas.zoom()
    link = view.scene.item(f"{case.family.parent_links(rosa)[0].union}>{rosa}")
    line_before = link.group

    def lines_follow() -> None:
        qtbot.waitUntil(lambda: link.group != line_before)  # the child's line follows the drag
        assert case.hints.nudges == {}  # the case is not touched until the drop

    drag(qtbot, view, rosa, 120, during=lines_follow)
    after = view.scene.layout.people[rosa].cx
    assert after - before == pytest.approx(120 / zoom, abs=2.0)
    stack = view.doc.undo_stack
    assert stack.count() == 3 and stack.text(2) == "Move Rosa"
    assert case.hints.nudges[rosa][0] == pytest.approx(120 / zoom, abs=2.0)
    assert view.scene.person_item(rosa).pos().isNull()  # the layout holds the move now
    path = tmp_path / "moved.kinscape"
    write_case(case, path)
    reopened = read_case(path)
    assert reopened.hints.nudges[rosa] == pytest.approx(case.hints.nudges[rosa])
    from genogram.layout.genogram import layout_genogram

    assert layout_genogram(reopened).people[rosa].cx == pytest.approx(after)
    stack.undo()
    view.scene.flush()
    assert view.scene.layout.people[rosa].cx == pytest.approx(before)


def test_tab_and_arrows_move_between_people(qtbot, view):
    case = view.doc.case
    select(view, "Dana")
    press(qtbot, view, Qt.Key.Key_P, "Omar")
    press(qtbot, view, Qt.Key.Key_C, "Rosa")
    rosa, omar, dana = (person_named(case, n) for n in ("Rosa", "Omar", "Dana"))
    view.canvas.focus_person(rosa)
    qtbot.keyClick(view.canvas, Qt.Key.Key_Up)
    assert view.scene.selected_owners("person")[0] in (omar, dana)
    first = view.scene.selected_owners("person")[0]
    other = omar if first == dana else dana
    qtbot.keyClick(view.canvas, Qt.Key.Key_Left if view.scene.layout.people[other].cx <
                   view.scene.layout.people[first].cx else Qt.Key.Key_Right)
    assert view.scene.selected_owners("person") == [other]
    view.scene.clearSelection()
    qtbot.keyClick(view.canvas, Qt.Key.Key_Tab)
    top_row = sorted(view.scene.layout.people.values(), key=lambda p: (p.generation, p.cx))
    assert view.scene.selected_owners("person") == [top_row[0].id]
    qtbot.keyClick(view.canvas, Qt.Key.Key_Backtab)
    assert view.scene.selected_owners("person") == [top_row[-1].id]


def test_zoom_keys_and_fit(qtbot, view):
    view.canvas.fit()
    fitted = view.canvas.zoom()
    view.actions_by_name["zoom_in"].trigger()
    assert view.canvas.zoom() == pytest.approx(fitted * 1.2)
    view.actions_by_name["zoom_out"].trigger()
    view.actions_by_name["zoom_out"].trigger()
    assert view.canvas.zoom() == pytest.approx(fitted / 1.2)
    view.actions_by_name["fit"].trigger()
    assert view.canvas.zoom() == pytest.approx(fitted)


def big_case(n_families: int) -> tuple[Case, str]:
    """A wide invented family: generations of couples with children, about 3 people a family."""
    case, root = start_case()
    frontier = [root]
    made = 1
    while made < n_families * 3:
        nxt = []
        for pid in frontier:
            e, _partner = ops.add_partner(case, pid, f"P{made}")
            case.apply(e)
            made += 1
            for k in range(2):
                e, child = ops.add_child(case, pid, f"C{made}", Gender.FEMALE if k else Gender.MALE)
                case.apply(e)
                made += 1
                nxt.append(child)
            if made >= n_families * 3:
                break
        frontier = nxt
    return case, frontier[-1]


def test_adding_a_child_updates_only_the_items_it_touches(qtbot):
    from desktop.canvas.scene import GenogramScene

    case, _ = big_case(34)
    assert case.family.person_count() >= 100
    scene = GenogramScene()
    scene.set_case(case)
    total = len(scene.glyph_items())
    leaf = max(case.family.people(), key=lambda p: scene.layout.people[p.id].cx)
    e, partner = ops.add_partner(case, leaf.id, "Newcomer")
    case.apply(e)
    scene.flush()
    e, child = ops.add_child(case, leaf.id, "Baby")
    case.apply(e)
    scene.flush()
    assert child in scene.touched and scene.person_item(child) is not None
    assert len(scene.touched) < total / 4, (len(scene.touched), total)
    untouched = [i for i in scene.glyph_items() if i.owner not in scene.touched]
    assert all(i.updates == 0 for i in untouched if i.owner not in (leaf.id, partner))
    scene.set_case(None)
    assert not scene.glyph_items()
    case.apply(ops.add_child(case, leaf.id, "After")[0])
    scene.flush()
    assert not scene.glyph_items()  # disconnected: no longer follows the case


def test_delete_removes_the_selection_undoably(qtbot, view):
    case = view.doc.case
    select(view, "Dana")
    press(qtbot, view, Qt.Key.Key_P, "Omar")
    omar = select(view, "Omar")
    qtbot.keyClick(view.canvas, Qt.Key.Key_Delete)
    view.scene.flush()
    assert not case.family.has_person(omar)
    assert view.doc.undo_stack.text(view.doc.undo_stack.count() - 1) == "Remove Omar"
    view.doc.undo_stack.undo()
    view.scene.flush()
    assert case.family.has_person(omar) and case.family.unions()
    union = case.family.unions()[0].id
    view.scene.select_only([union])
    view.canvas.setFocus()
    qtbot.keyClick(view.canvas, Qt.Key.Key_Delete)
    assert not case.family.unions() and case.family.has_person(omar)


def test_union_kind_from_the_inspector(qtbot, view):
    case = view.doc.case
    select(view, "Dana")
    press(qtbot, view, Qt.Key.Key_P, "Omar")
    union = case.family.unions()[0].id
    view.scene.select_only([union])
    form = view.inspector.union
    assert view.inspector.stack.currentWidget() is form
    form.kind.setCurrentIndex(list(UnionKind).index(UnionKind.DIVORCED))
    form.kind.activated.emit(form.kind.currentIndex())
    assert case.family.union(union).kind is UnionKind.DIVORCED
    form.ended.edit.setText("2018")
    form.ended.edit.editingFinished.emit()
    assert case.family.union(union).ended == FuzzyDate(2018)
    view.doc.undo_stack.undo()
    assert case.family.union(union).ended is None


def test_child_link_kind_from_the_inspector(qtbot, view):
    case = view.doc.case
    select(view, "Dana")
    press(qtbot, view, Qt.Key.Key_C, "Kai")
    kai = person_named(case, "Kai")
    link = case.family.parent_links(kai)[0]
    view.scene.select_only([f"{link.union}>{kai}"])
    form = view.inspector.link
    assert view.inspector.stack.currentWidget() is form
    form.kind.activated.emit(list(ChildKind).index(ChildKind.ADOPTED))
    assert case.family.child_link(link.union, kai).kind is ChildKind.ADOPTED


def test_scene_draws_exactly_the_notations_groups(qtbot):
    """The scene composes groups itself (to reuse unchanged people); it must match the notation."""
    from desktop.canvas.scene import GenogramScene
    from genogram.demo import load_demo
    from genogram.layout.genogram import layout_genogram
    from genogram.notation.genogram import genogram_glyphs

    case = load_demo()
    scene = GenogramScene()
    scene.set_case(case)
    expected = genogram_glyphs(case, layout_genogram(case))
    assert {g.owner: g for g in expected} == {i.owner: i.group for i in scene.glyph_items()}
    assert [i.owner for i in sorted(scene.glyph_items(), key=lambda i: i.zValue())][-1] in {
        p.id for p in case.family.people()}
    scene.set_case(None)


def test_alt_arrows_nudge_and_merge_into_one_step(qtbot, view):
    dana = select(view, "Dana")
    x0 = view.scene.layout.people[dana].cx
    press(qtbot, view, Qt.Key.Key_P, "Omar")
    dana = select(view, "Dana")
    x0 = view.scene.layout.people[dana].cx
    for _ in range(3):
        qtbot.keyClick(view.canvas, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    view.scene.flush()
    assert view.doc.case.hints.nudges[dana] == (18.0, 0.0)
    assert view.doc.undo_stack.count() == 2  # the add, then one move
    view.doc.undo_stack.undo()
    view.scene.flush()
    assert view.scene.layout.people[dana].cx == pytest.approx(x0)


def test_an_empty_case_starts_with_n(qtbot):
    from desktop.canvas.genogram_view import GenogramView
    from desktop.document.editor import CaseDocument

    v = GenogramView(CaseDocument(Case(CaseMeta(title="Empty"))))
    qtbot.addWidget(v)
    with qtbot.waitActive(v):
        v.show()
        v.activateWindow()
    v.canvas.setFocus()
    press(qtbot, v, Qt.Key.Key_N, "Mia")
    assert [p.given for p in v.doc.case.family.people()] == ["Mia"]
    assert v.doc.undo_stack.text(0) == "Add Mia"


def test_in_the_main_window_undo_reaches_the_drawing(qtbot, tmp_path):
    from PySide6.QtCore import QCoreApplication, QStandardPaths

    from desktop.canvas.genogram_view import GenogramView
    from desktop.document.editor import CaseDocument
    from desktop.mainwindow import MainWindow

    QCoreApplication.setOrganizationName("Kinscape")
    QCoreApplication.setApplicationName("Kinscape")
    QStandardPaths.setTestModeEnabled(True)
    w = MainWindow()
    qtbot.addWidget(w)
    genogram = w.genogram
    assert isinstance(genogram, GenogramView)
    file_menu = [a.objectName() for a in w.menuBar().actions()[0].menu().actions()]
    assert {"export_pdf", "export_svg", "export_png", "print"} <= set(file_menu)
    case, _ = start_case()
    w.set_document(CaseDocument(case))
    w.tabs.setCurrentIndex(next(i for i in range(w.tabs.count()) if w.tabs.tabText(i) == "Genogram"))
    with qtbot.waitActive(w):
        w.show()
        w.activateWindow()
    select(genogram, "Dana")
    press(qtbot, genogram, Qt.Key.Key_C, "Rosa")
    assert w.undo_action.text().endswith("Add child for Dana")
    w.undo_action.trigger()
    qtbot.waitUntil(lambda: len(genogram.scene.glyph_items("person")) == 1)
    assert len(case.family.people()) == 1
    w.ask = lambda kind, text: "discard"
    w.close()


def test_adoption_cousins_who_partner_and_a_child_of_the_selected_couple(qtbot, view):
    case = view.doc.case
    fam = case.family
    select(view, "Dana")
    press(qtbot, view, Qt.Key.Key_P, "Mum", Qt.KeyboardModifier.ShiftModifier)
    select(view, "Dana")
    press(qtbot, view, Qt.Key.Key_P, "Ann", Qt.KeyboardModifier.ShiftModifier)  # a second family
    dana, ann = person_named(case, "Dana"), person_named(case, "Ann")
    kinds = sorted(link.kind.value for link in fam.parent_links(dana))
    assert kinds == ["adopted", "birth"]
    assert fam.person(ann).known_as == "" and ann in fam.parents_of(dana)
    assert view.doc.undo_stack.text(1) == "Add adoptive parents for Dana"
    # cousins: Dana's sibling Bo and Bo's child Cy; Dana's child Di; then Cy and Di partner
    select(view, "Dana")
    press(qtbot, view, Qt.Key.Key_S, "Bo")
    select(view, "Bo")
    press(qtbot, view, Qt.Key.Key_C, "Cy")
    select(view, "Dana")
    press(qtbot, view, Qt.Key.Key_C, "Di")
    cy, di = person_named(case, "Cy"), person_named(case, "Di")
    view.scene.select_only([cy, di])
    view.canvas.setFocus()
    qtbot.keyClick(view.canvas, Qt.Key.Key_J)
    union = next(u for u in fam.unions_of(cy) if di in u.partners)
    assert view.doc.undo_stack.text(view.doc.undo_stack.count() - 1) == "Make Di and Cy partners" or \
        view.doc.undo_stack.text(view.doc.undo_stack.count() - 1) == "Make Cy and Di partners"
    qtbot.keyClick(view.canvas, Qt.Key.Key_C)
    qtbot.keyClicks(view.name_editor, "Ed")
    qtbot.keyClick(view.name_editor, Qt.Key.Key_Return)
    ed = person_named(case, "Ed")
    assert [link.union for link in fam.parent_links(ed)] == [union.id]
    view.scene.flush()
    assert len(view.scene.glyph_items("person")) == len(fam.people())  # nobody drawn twice
    qtbot.keyClick(view.canvas, Qt.Key.Key_J)
    assert "Select the two people first" in view.status.text() or "exactly two" in view.status.text()


def test_a_drag_back_to_the_start_changes_nothing(qtbot, view):
    case = view.doc.case
    select(view, "Dana")
    press(qtbot, view, Qt.Key.Key_C, "Rosa")
    rosa = person_named(case, "Rosa")
    link = view.scene.item(f"{case.family.parent_links(rosa)[0].union}>{rosa}")
    before = link.group
    view.scene.preview_moves({rosa: (40.0, 0.0)})
    assert link.group != before
    view.scene.end_preview()
    assert link.group == before and view.doc.undo_stack.count() == 1


def test_a_households_name_sits_over_the_lines_and_is_not_picked_on_its_own(qtbot):
    from PySide6.QtWidgets import QGraphicsItem

    from desktop.canvas.scene import GenogramScene
    from genogram.demo import load_demo

    scene = GenogramScene()
    scene.set_case(load_demo())
    items = scene.glyph_items()
    names = [i for i in items if i.kind == "household-name"]
    assert names and all(i.owner.endswith("/name") for i in names)
    over = max(i.zValue() for i in items if i.kind in ("household", "union", "link", "bond"))
    for i in names:
        assert i.zValue() > over
        assert not i.flags() & QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
        assert i.acceptedMouseButtons() == Qt.MouseButton.NoButton
    scene.set_case(None)
