"""Ecomap exports: the PDF (title, date, key, numbered notes), SVG, PNG, the compare sheet, the CLI."""
from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from dataclasses import replace

import pytest
from PIL import Image
from pypdf import PdfReader

from genogram.cli import main
from genogram.demo import load_demo
from genogram.export.ecomap_export import EcomapOptions, changes, export_ecomap, pair
from genogram.layout.ecomap import find_ecomap, layout_ecomap
from genogram.model import Centre, Ecomap, FuzzyDate, Put

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def rivers():
    return load_demo("rivers")


def _pages(data: bytes) -> list[str]:
    return [p.extract_text() for p in PdfReader(io.BytesIO(data)).pages]


def test_pdf_has_title_date_names_notes_and_embedded_fonts(rivers):
    data = export_ecomap(rivers, "pdf")
    text = " ".join(_pages(data))
    flat = " ".join(text.split())
    assert "The Rivers family" in flat and "14 Oct 2026" in flat  # the latest snapshot by default
    for name in ("Ysgol Glan Morfa", "Omar Haddad", "Penylan Panthers"):
        assert name in flat
    assert "What helps and what is hard" in flat
    assert "Key" in flat and "Strong" in flat
    assert data.count(b"/FontFile2") >= 1 and b"Andika" in data
    assert data == export_ecomap(rivers, "pdf")  # same case, same bytes


def test_pdf_of_a_chosen_snapshot_on_a3_portrait(rivers):
    data = export_ecomap(rivers, "pdf", EcomapOptions(paper="A3", orientation="portrait",
                                                      ecomap="e_llyr_2025"))
    reader = PdfReader(io.BytesIO(data))
    box = reader.pages[0].mediabox
    assert round(float(box.width)) == 842 and round(float(box.height)) == 1191
    text = " ".join(" ".join(_pages(data)).split())
    assert "10 Apr 2025" in text and "Penylan Panthers" not in text  # the club came later


def test_svg_parses_and_names_every_system(rivers):
    data = export_ecomap(rivers, "svg")
    root = ET.fromstring(data)
    kinds = {g.get("class") for g in root.iter(f"{SVG}g")}
    assert {"eco_system", "eco_connection", "legend"} <= kinds
    words = " ".join(t.text or "" for t in root.iter(f"{SVG}text"))
    lay = layout_ecomap(rivers)
    for s in lay.systems.values():
        assert s.lines[0] in words


def test_png_size_follows_dpi(rivers):
    small = Image.open(io.BytesIO(export_ecomap(rivers, "png", EcomapOptions(dpi=50))))
    big = Image.open(io.BytesIO(export_ecomap(rivers, "png", EcomapOptions(dpi=100))))
    assert abs(big.width - 2 * small.width) <= 2 and abs(big.height - 2 * small.height) <= 2
    assert small.width > 300 and small.height > 300


def test_compare_puts_then_and_now_side_by_side(rivers):
    then, now = pair(rivers, ())
    assert (then.id, now.id) == ("e_llyr_2025", "e_llyr")
    assert pair(rivers, ("e_llyr", "e_llyr_2025")) == (then, now)  # older first, whatever the order
    text = " ".join(" ".join(_pages(export_ecomap(rivers, "pdf", EcomapOptions(compare=())))).split())
    assert "Then: 10 Apr 2025" in text and "Now: 14 Oct 2026" in text
    assert "What changed" in text and "New: Penylan Panthers under-9s" in text
    png = Image.open(io.BytesIO(export_ecomap(rivers, "png", EcomapOptions(compare=(), dpi=40))))
    assert png.width > png.height  # two drawings next to each other


def test_changes_name_stronger_weaker_new_and_gone(rivers):
    case = load_demo("rivers")
    then, now = pair(case, ())
    old_school = next(s for s in case.records("eco_systems") if s.ecomap == then.id and "Ysgol" in s.name)
    lines = changes(case, then, now)
    assert any(line.startswith("Stronger: Ysgol Glan Morfa") for line in lines)
    gone = replace(old_school, id="sys_gone", name="Holiday club")
    case.apply(Put("eco_systems", gone))
    assert "No longer on the map: Holiday club" in changes(case, then, now)
    assert changes(case, now, now) == ["Nothing changed between these two dates."]


def test_compare_needs_two_snapshots():
    case = load_demo("kowalski-price")
    with pytest.raises(ValueError, match="two ecomaps"):
        export_ecomap(case, "pdf", EcomapOptions(compare=()))


def test_cli_writes_each_format_and_refuses_an_unknown_snapshot(tmp_path, capsys):
    src = tmp_path / "k.kinscape"
    assert main(["demo", "kowalski-price", "-o", str(src)]) == 0
    for fmt in ("pdf", "svg", "png"):
        out = tmp_path / f"eco.{fmt}"
        assert main(["export", str(src), "--what", "ecomap", "-o", str(out)]) == 0
        assert out.stat().st_size > 1000
    assert find_ecomap(load_demo("kowalski-price")).id == "e_mums_house"
    with pytest.raises(ValueError, match="no ecomap 'nope'"):
        from genogram.export.ecomap_export import export_for_cli
        export_for_cli(load_demo("kowalski-price"), "pdf", {"ecomap": "nope"})


# ---- privacy and the pictograms' licence line -----------------------------------------------------
ATTRIBUTION = "OpenMoji"


def _tiny(school: bool = True, hide: bool = True):
    """An invented case: Sky (the child) and Rowan, who is private, on the ecomap and in the home."""
    from genogram.model import (
        AddPerson,
        Case,
        Centre,
        EcoConnection,
        Ecomap,
        EcoSystem,
        Household,
        Person,
        SetMeta,
    )

    case = Case()
    case.apply(SetMeta(replace(case.meta, title="The Tern family", hide_private_in_exports=hide)))
    case.apply(AddPerson(Person(id="p1", given="Sky", family_name="Tern")))
    case.apply(AddPerson(Person(id="p2", given="Rowan", family_name="Quillfeather", private=True)))
    case.apply(Put("households", Household(id="h1", members=("p1", "p2"))))
    case.apply(Put("ecomaps", Ecomap(id="e1", centre=Centre.HOUSEHOLD, centre_person="p1", household="h1")))
    case.apply(Put("eco_systems", EcoSystem(id="s1", ecomap="e1", name="Rowan", person="p2")))
    case.apply(Put("eco_connections", EcoConnection(id="c1", ecomap="e1", system="s1", person="p1",
                                                    helps="Weekend visits")))
    case.apply(Put("eco_systems", EcoSystem(id="s2", ecomap="e1", name="School" if school else "Zq")))
    case.apply(Put("eco_connections", EcoConnection(id="c2", ecomap="e1", system="s2", person="p2")))
    return case


def _svg_words(data: bytes) -> str:
    return " ".join(t.text or "" for t in ET.fromstring(data).iter(f"{SVG}text"))


@pytest.mark.parametrize("orientation", ["landscape", "portrait"])
def test_a_private_person_is_printed_as_private(orientation):
    case = _tiny()
    text = " ".join(_pages(export_ecomap(case, "pdf", EcomapOptions(orientation=orientation))))
    assert "Rowan" not in text and "Quillfeather" not in text
    assert "Private" in text and "Sky" in text and "Weekend visits" in text
    assert "Rowan" not in _svg_words(export_ecomap(case, "svg"))
    shown = " ".join(_pages(export_ecomap(_tiny(hide=False), "pdf")))  # the case says: show all
    assert "Rowan" in shown and "Quillfeather" in shown


def test_what_changed_does_not_name_a_private_person():
    case = _tiny()
    case.apply(Put("ecomaps", Ecomap(id="e0", centre=Centre.HOUSEHOLD, centre_person="p1",
                                     household="h1", date=FuzzyDate(2025))))
    lines = changes(case, find_ecomap(case, "e0"), find_ecomap(case, "e1"))
    assert "New: Private" in lines and not any("Rowan" in line for line in lines)
    text = " ".join(_pages(export_ecomap(case, "pdf", EcomapOptions(compare=()))))
    assert "Rowan" not in text and "Quillfeather" not in text


def test_the_licence_line_is_printed_only_on_pages_with_a_pictogram():
    assert ATTRIBUTION in " ".join(_pages(export_ecomap(_tiny(school=True), "pdf")))
    pages = _pages(export_ecomap(load_demo("kowalski-price"), "pdf"))
    assert len(pages) == 2 and ATTRIBUTION in pages[0]
    assert ATTRIBUTION not in pages[1]  # the key overleaf shows no pictogram
    assert ATTRIBUTION not in " ".join(_pages(export_ecomap(_tiny(school=False), "pdf")))
    assert ATTRIBUTION in _svg_words(export_ecomap(_tiny(school=True), "svg"))
    assert ATTRIBUTION not in _svg_words(export_ecomap(_tiny(school=False), "svg"))


def test_the_demo_sheets_carry_the_licence_line(rivers):
    assert ATTRIBUTION in _pages(export_ecomap(rivers, "pdf"))[0]
    assert ATTRIBUTION in " ".join(_pages(export_ecomap(rivers, "pdf", EcomapOptions(compare=()))))
    assert ATTRIBUTION in _svg_words(export_ecomap(rivers, "svg", EcomapOptions(compare=())))
