"""The Genogram tab's tools: inspector edits, dates as people say them, bonds, households,
the index child, find, export and print."""
from __future__ import annotations

import datetime as dt
import gc

import pytest
from PySide6.QtCore import QPointF, Qt

from genogram.model import BondKind, DateError, FuzzyDate, Gender
from genogram.model import operations as ops
from tests.test_canvas import person_named, press, select, start_case


@pytest.fixture
def view(qtbot):
    from desktop.canvas.genogram_view import GenogramView
    from desktop.document.editor import CaseDocument

    case, dana = start_case()
    for edit in (ops.add_partner(case, dana, "Omar")[0], ops.add_child(case, dana, "Rosa", Gender.FEMALE)[0]):
        case.apply(edit)
    v = GenogramView(CaseDocument(case))
    qtbot.addWidget(v)
    v.resize(1000, 700)
    v.show()
    qtbot.waitExposed(v)
    return v


@pytest.fixture(autouse=True)
def _collect_qt_garbage():
    """Free each test's widgets, scenes and items before the next test: cycles of Qt wrappers
    left for a later, larger collection have crashed PySide's garbage collection."""
    yield
    gc.collect()


def commit(field, text: str) -> None:
    box = getattr(field, "edit", field)
    box.setText(text)
    box.editingFinished.emit()


def test_dates_as_people_say_them():
    from desktop.canvas.fields import parse_when

    today = dt.date(2026, 1, 1)
    assert parse_when("2019", today) == FuzzyDate(2019)
    assert parse_when("2019-03-04", today) == FuzzyDate(2019, 3, 4)
    assert parse_when("about 1980", today) == FuzzyDate(1980, approx=True)
    assert parse_when("about 40", today) == FuzzyDate(1986, approx=True)
    assert parse_when("aged 40", today, since=FuzzyDate(1950)) == FuzzyDate(1990, approx=True)
    assert parse_when("  ", today) is None
    with pytest.raises(DateError, match=r'^"2019-02-30" is not a date Kinscape can read\.'):
        parse_when("2019-02-30", today)


def test_person_details_each_one_undo_step(qtbot, view):
    case = view.doc.case
    dana = select(view, "Dana")
    form = view.inspector.person
    assert view.inspector.stack.currentWidget() is form
    commit(form.family, "Rivers")
    commit(form.known_as, "Dee")
    commit(form.born, "about 40")
    assert case.family.person(dana).family_name == "Rivers"
    assert case.family.person(dana).known_as == "Dee"
    assert case.family.person(dana).born == FuzzyDate(1986, approx=True)
    form.deceased.click()
    assert case.family.person(dana).deceased
    form.private.click()
    assert case.family.person(dana).private
    form.graces.item(GRACES_ROW["religion"], 0).setText("Chapel on Sundays")
    assert case.family.person(dana).graces[0].text == "Chapel on Sundays"
    form.note.setFocus()
    form.note.setPlainText("Invented note")
    view.canvas.setFocus()
    assert case.family.person(dana).note == "Invented note"
    stack = view.doc.undo_stack
    texts = [stack.text(i) for i in range(stack.count())]
    assert texts[:3] == ["Change family name of Dana", "Change what we call Dana Rivers",
                         "Change date of birth of Dee Rivers"]
    assert len(texts) == 7
    for _ in texts:
        stack.undo()
    assert case.family.person(dana).family_name == "" and not case.family.person(dana).private
    view.scene.flush()
    assert form.family.text() == ""  # the form follows undo


GRACES_ROW = {"religion": 3}


def test_a_bad_date_is_one_sentence_and_the_text_stays(qtbot, view):
    case = view.doc.case
    dana = select(view, "Dana")
    form = view.inspector.person
    commit(form.born, "last spring")
    assert form.born.problem.isVisibleTo(view)
    assert form.born.problem.text().startswith('"last spring" is not a date Kinscape can read.')
    assert form.born.text() == "last spring"
    assert case.family.person(dana).born == FuzzyDate(1990)
    assert view.doc.undo_stack.count() == 0
    view.scene.flush()
    view.scene.relaid.emit()
    assert form.born.text() == "last spring"  # a refresh does not throw the typing away
    commit(form.born, "1991-07")
    assert not form.born.problem.isVisibleTo(view)
    assert case.family.person(dana).born == FuzzyDate(1991, 7)


def test_bond_tool_picks_two_people_and_a_kind(qtbot, view):
    case = view.doc.case
    dana, rosa = person_named(case, "Dana"), person_named(case, "Rosa")
    asked = []

    def choose(c, a, b):
        asked.append((a, b))
        return (BondKind.CARING, True, False)  # Rosa cares for Dana

    view.choose_bond = choose
    view.scene.clearSelection()
    view.actions_by_name["bond"].trigger()
    assert view.bond_tool.active and "click the first person" in view.status.text()
    vp = view.canvas.viewport()
    for pid in (dana, rosa):
        p = view.scene.layout.people[pid]
        qtbot.mouseClick(vp, Qt.MouseButton.LeftButton, pos=view.canvas.mapFromScene(QPointF(p.cx, p.cy)))
    view.scene.flush()
    assert asked == [(dana, rosa)]
    (bond,) = case.family.bonds()
    assert (bond.a, bond.b, bond.kind, bond.directed) == (rosa, dana, BondKind.CARING, True)
    assert view.scene.item(bond.id) is not None
    assert not view.bond_tool.active and not view.actions_by_name["bond"].isChecked()
    assert view.doc.undo_stack.text(0).startswith("Show caring relationship between Rosa and Dana")
    view.scene.select_only([bond.id])
    assert view.inspector.stack.currentWidget() is view.inspector.bond
    view.inspector.bond.kind.activated.emit(list(BondKind).index(BondKind.CONFLICT))
    assert case.family.bonds()[0].kind is BondKind.CONFLICT


def test_households_index_child_and_find(qtbot, view):
    case = view.doc.case
    dana, rosa = person_named(case, "Dana"), person_named(case, "Rosa")
    view.scene.select_only([dana, rosa])
    view.ask_text = lambda title, suggested: "Home with Mum"
    view.canvas.setFocus()
    qtbot.keyClick(view.canvas, Qt.Key.Key_H)
    (hh,) = case.family.households()
    assert hh.name == "Home with Mum" and set(hh.members) == {dana, rosa}
    view.scene.flush()
    view.scene.select_only([hh.id])
    commit(view.inspector.household.name, "Mum's flat")
    assert case.family.households()[0].name == "Mum's flat"
    select(view, "Rosa")
    qtbot.keyClick(view.canvas, Qt.Key.Key_I)
    assert case.meta.index_person == rosa
    view.scene.select_only([hh.id])
    view.canvas.setFocus()
    qtbot.keyClick(view.canvas, Qt.Key.Key_Delete)
    assert not case.family.households()
    view.scene.clearSelection()
    qtbot.keyClick(view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert view.find_bar.isVisible()
    qtbot.keyClicks(view.find_bar.box, "mar")
    assert view.scene.selected_owners("person") == [person_named(case, "Omar")]
    assert view.find_bar.count.text() == "1 of 1"
    view.find_bar.box.clear()
    qtbot.keyClicks(view.find_bar.box, "zz")
    assert view.find_bar.count.text() == "No one found"
    qtbot.keyClick(view.find_bar.box, Qt.Key.Key_Escape)
    assert not view.find_bar.isVisible()


def test_export_writes_the_chosen_format(qtbot, view, tmp_path):
    view.printing.run_dialog = lambda dialog: True
    for fmt, magic in (("pdf", b"%PDF"), ("svg", b"<svg"), ("png", b"\x89PNG")):
        target = tmp_path / f"family.{fmt}"
        view.printing.choose_export_path = lambda f, suggested, t=target: str(t)
        action = next(a for a in view.file_actions() if a.objectName() == f"export_{fmt}")
        action.trigger()
        data = target.read_bytes()
        assert magic in data[:200], fmt
    assert "Saved the genogram" in view.status.text()


def test_print_paints_the_family_on_the_page(qtbot, view, tmp_path):
    from pypdf import PdfReader

    from desktop.canvas.printing import pdf_printer

    out = tmp_path / "printed.pdf"
    view.printing.run_dialog = lambda dialog: True
    assert view.print_dialog(pdf_printer(str(out)))
    text = PdfReader(str(out)).pages[0].extract_text()
    for name in ("Dana", "Omar", "Rosa", "Key"):
        assert name in text


def test_twins_and_a_loss_from_the_keyboard_and_inspector(qtbot, view):
    from genogram.model import PersonKind

    case = view.doc.case
    select(view, "Rosa")
    press(qtbot, view, Qt.Key.Key_S, "Ruby")
    rosa, ruby = person_named(case, "Rosa"), person_named(case, "Ruby")
    view.scene.select_only([rosa, ruby])
    view.canvas.setFocus()
    qtbot.keyClick(view.canvas, Qt.Key.Key_T, Qt.KeyboardModifier.ShiftModifier)
    (group,) = case.family.birth_groups()
    assert set(group.members) == {rosa, ruby} and group.identical
    assert view.doc.undo_stack.text(view.doc.undo_stack.count() - 1) == "Mark Rosa and Ruby as identical twins"
    view.scene.select_only([rosa, person_named(case, "Omar")])
    qtbot.keyClick(view.canvas, Qt.Key.Key_T)
    assert view.status.text() == "Twins must be children of the same parents; these are not."
    select(view, "Dana")
    press(qtbot, view, Qt.Key.Key_C, "")
    new = view.scene.selected_owners("person")[0]
    view.inspector.person.kind.activated.emit(list(PersonKind).index(PersonKind.MISCARRIAGE))
    assert case.family.person(new).kind is PersonKind.MISCARRIAGE
    view.scene.flush()
    assert view.scene.layout.people[new].size < view.scene.layout.people[rosa].size


def test_wheel_zooms_round_the_mouse(qtbot, view):
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    before = view.canvas.zoom()
    vp = view.canvas.viewport()
    centre = QPointF(vp.width() / 2, vp.height() / 2)
    for mods in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ControlModifier):
        ev = QWheelEvent(centre, vp.mapToGlobal(centre), QPoint(), QPoint(0, 120), Qt.MouseButton.NoButton,
                         mods, Qt.ScrollPhase.NoScrollPhase, False)
        QApplication.sendEvent(vp, ev)
    assert view.canvas.zoom() == pytest.approx(before * 1.2 * 1.2)


def test_f2_goes_to_the_details_and_esc_comes_back(qtbot, view):
    select(view, "Omar")
    qtbot.keyClick(view.canvas, Qt.Key.Key_F2)
    assert view.inspector.person.given.hasFocus()
    qtbot.keyClicks(view.inspector.person.given, "Omid")  # the old name is selected: typing replaces it
    qtbot.keyClick(view.inspector.person.given, Qt.Key.Key_Tab)
    assert view.doc.case.family.person(person_named(view.doc.case, "Omid")).given == "Omid"
    qtbot.keyClick(view.inspector.person.family, Qt.Key.Key_Escape)
    assert view.canvas.hasFocus()


def test_export_to_a_folder_that_cannot_be_written_says_so(qtbot, view, tmp_path):
    view.printing.run_dialog = lambda dialog: True
    view.printing.choose_export_path = lambda f, s: str(tmp_path / "missing" / "x.svg")
    assert not view.export("svg")
    assert view.status.text().startswith("The genogram could not be saved there (")
    assert not (tmp_path / "missing").exists()
