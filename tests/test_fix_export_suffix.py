"""The ecomap's and direct work's printouts add the extension a chosen name lacks ("family"
becomes "family.svg"), and ask before that replaces a file, as the genogram and plan exports do."""
from __future__ import annotations

import pytest

from genogram.demo import load_demo


@pytest.fixture
def ecomap_tab(on_demo):
    from desktop.ecomap import EcomapTab

    return on_demo(EcomapTab())


@pytest.fixture
def houses(on_demo):
    from desktop.directwork.tab import DirectWorkTab

    w = on_demo(DirectWorkTab())
    w.reports, w.messages, w.asked = [], [], []
    w.host.report = w.reports.append
    w.host.message.connect(w.messages.append)
    return w


def test_ecomap_export_adds_the_extension(ecomap_tab, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(tmp_path / "family"), "")))
    ecomap_tab.ask_export("ecomap", "svg")
    assert (tmp_path / "family.svg").read_text(encoding="utf-8").lstrip().startswith("<")
    assert not (tmp_path / "family").exists()


@pytest.mark.parametrize("replace", [False, True])
def test_ecomap_export_asks_before_replacing_a_file(ecomap_tab, tmp_path, monkeypatch, replace):
    from PySide6.QtWidgets import QFileDialog

    old = tmp_path / "family.pdf"
    old.write_bytes(b"the family's own file")
    asked: list[str] = []
    ecomap_tab.confirm_replace = lambda path: (asked.append(path), replace)[1]
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(tmp_path / "family"), "")))
    ecomap_tab.ask_export("ecomap", "pdf")
    assert asked == [str(old)]
    assert old.read_bytes().startswith(b"%PDF") is replace


def test_three_houses_print_adds_pdf_and_asks_before_replacing(houses, tmp_path):
    page = houses.houses
    houses.host.choose_path = lambda *_a: str(tmp_path / "houses")
    asked: list[str] = []
    houses.host.confirm_replace = lambda path: (asked.append(path), False)[1]
    assert page.print_copy() == str(tmp_path / "houses.pdf")
    assert (tmp_path / "houses.pdf").read_bytes().startswith(b"%PDF") and asked == []

    (tmp_path / "houses.pdf").write_bytes(b"kept")
    assert page.print_copy() is None
    assert asked == [str(tmp_path / "houses.pdf")]
    assert (tmp_path / "houses.pdf").read_bytes() == b"kept"
    assert "Nothing was saved" in houses.messages[-1]


@pytest.mark.parametrize(("what", "said"), [("compare", "Saved the two ecomaps side by side as PDF"),
                                            ("important-people", "Saved the important people sheet as PDF")])
def test_ecomap_export_says_what_it_saved_in_words(qtbot, what, said, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog, QMainWindow

    from desktop.document.editor import CaseDocument
    from desktop.ecomap import EcomapTab

    window = QMainWindow()
    qtbot.addWidget(window)
    tab = EcomapTab()
    window.setCentralWidget(tab)
    tab.set_document(CaseDocument(load_demo("rivers")))
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(tmp_path / "out.pdf"), "")))
    tab.ask_export(what, "pdf")
    assert window.statusBar().currentMessage().startswith(said)
    assert (tmp_path / "out.pdf").read_bytes().startswith(b"%PDF")
