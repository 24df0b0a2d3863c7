"""File > Import GEDCOM… and File > Export GEDCOM… in the main window."""
from __future__ import annotations

import gc
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from genogram.model import operations as ops
from genogram.storage.gedcom import import_gedcom

FIXTURES = Path(__file__).parent / "fixtures" / "gedcom"


@pytest.fixture
def window(qtbot, isolated_home):
    from desktop.document.editor import CaseDocument
    from desktop.mainwindow import MainWindow

    w = MainWindow()
    case, _ = _tiny()
    w.set_document(CaseDocument(case))
    w.asked, w.errors, w.chosen = [], [], []
    w.report_error = w.errors.append
    w.ask = lambda kind, text: (w.asked.append((kind, text)), "cancel")[1]
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.ask = lambda kind, text: "discard"
    w.close()
    w.deleteLater()
    QSettings().clear()
    gc.collect()


def _tiny():
    from genogram.model import Case, CaseMeta, Gender

    case = Case(CaseMeta(title="Tiny family (fictional)", fictional=True))
    edit, dana = ops.add_person(case, "Dana", Gender.FEMALE)
    case.apply(edit)
    return case, dana


def choose(w, path) -> None:
    def chooser(mode: str, suggested: str) -> str | None:
        w.chosen.append((mode, suggested))
        return str(path) if path else None
    w.choose_path = chooser


def names(w) -> set[str]:
    return {p.display_name for p in w.document.case.family.people()}


def test_import_gedcom_opens_its_people_and_says_what_was_read(qtbot, window):
    titles = [a.text() for a in window.file_menu.actions()]
    assert "&Import GEDCOM…" in titles and "&Export GEDCOM…" in titles
    choose(window, FIXTURES / "edge_v7.ged")
    window.gedcom.import_action.trigger()
    assert window.chosen[0][0] == "import_gedcom"
    assert not window.errors and not window.asked  # nothing unsaved: no question
    assert {"Alex Marsh", "Sam Fenwick", "Robin Marsh", "Kit Marsh"} <= names(window)
    assert window.statusBar().currentMessage().startswith("edge_v7.ged: Imported 8 people")
    window.tabs.setCurrentIndex(window.tabs.indexOf(window._genogram_tab))
    view = window.genogram
    assert view.scene.person_item_count() == window.document.case.family.person_count()
    assert window.people.model.rowCount() == window.document.case.family.person_count()


def test_unsaved_changes_are_asked_about_first(qtbot, window):
    edit, _ = ops.add_person(window.document.case, "Rosa")
    window.document.push(edit, "Add Rosa")
    choose(window, FIXTURES / "edge_v7.ged")
    assert window.gedcom.import_gedcom() is False  # the answer was Cancel
    assert window.asked and window.asked[0][0] == "unsaved"
    assert "Rosa" in names(window) and "Alex Marsh" not in names(window)


def test_a_malformed_file_is_one_sentence_and_the_case_is_untouched(qtbot, window):
    before = window.document
    for bad in ("bad_level.ged", "cycle.ged", "binary.ged"):
        choose(window, FIXTURES / bad)
        assert window.gedcom.import_gedcom() is False
    assert window.document is before and names(window) == {"Dana"}
    assert len(window.errors) == 3 and not window.asked
    for text in window.errors:
        assert text.count(". ") == 0 and text.endswith(".") and "Traceback" not in text
    assert window.errors[0].startswith("bad_level.ged could not be imported: line 6: level 3")
    choose(window, FIXTURES / "missing.ged")
    assert window.gedcom.import_gedcom() is False
    assert window.errors[-1].startswith("missing.ged could not be read")


def test_export_gedcom_round_trips(qtbot, window, tmp_path):
    choose(window, FIXTURES / "edge_v7.ged")
    window.gedcom.import_gedcom()
    case = window.document.case
    out = tmp_path / "marsh"
    choose(window, out)
    window.gedcom.export_action.trigger()
    assert window.chosen[-1][0] == "export_gedcom" and window.chosen[-1][1].endswith(".ged")
    written = tmp_path / "marsh.ged"
    assert written.exists() and not window.errors
    message = window.statusBar().currentMessage()
    assert "Exported the family structure" in message
    private = {p.display_name for p in case.family.people() if p.private}
    assert private and "1 private person is named “Private”" in message  # as the case asks
    again, _ = import_gedcom(written)
    assert again.family.person_count() == case.family.person_count()
    assert {p.display_name for p in again.family.people()} == names(window) - private | {"Private"}
    assert len(list(again.family.unions())) == len(list(case.family.unions()))


def test_an_export_that_cannot_be_written_says_so(qtbot, window, tmp_path):
    choose(window, tmp_path / "no such folder" / "out.ged")
    assert window.gedcom.export_gedcom() is False
    assert len(window.errors) == 1 and window.errors[0].startswith("out.ged could not be written")
    assert not (tmp_path / "no such folder").exists()
