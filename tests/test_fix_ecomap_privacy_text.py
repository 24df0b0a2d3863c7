"""The ecomap printout keeps a private person's name out of every text, not only their circle:
a note ("Karen and Pauline help each other…") and a system named after them are masked too,
in SVG, PDF (drawing and notes list) and PNG alike; the screen still shows everything."""
from __future__ import annotations

import subprocess
from dataclasses import replace

import pytest
from pypdf import PdfReader

from genogram.demo import load_demo
from genogram.export.ecomap_export import export_ecomap
from genogram.layout.ecomap import layout_ecomap
from genogram.model.edits import Put, UpdatePerson
from genogram.notation.ecomap_glyphs import ecomap_glyphs
from genogram.notation.glyphs import Text, walk


def pauline_private():
    case = load_demo("kowalski-price")
    case.apply(UpdatePerson(replace(case.family.person("p_pauline"), private=True)))
    s = next(s for s in case.records("eco_systems") if s.person is None)
    case.apply(Put("eco_systems", replace(s, name="Nanny Po's caravan")))
    return case


def _pdf_text(data: bytes, tmp_path) -> str:
    path = tmp_path / "e.pdf"
    path.write_bytes(data)
    plain = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return " ".join((plain + " ".join(p.extract_text() or "" for p in PdfReader(path).pages)).split())


@pytest.mark.parametrize("fmt", ["svg", "pdf"])
def test_no_text_on_the_printed_ecomap_names_a_private_person(fmt, tmp_path):
    case = pauline_private()
    data = export_ecomap(case, fmt)
    text = data.decode("utf-8") if fmt == "svg" else _pdf_text(data, tmp_path)
    assert "Pauline" not in text and "Nanny Po" not in text and "Po's" not in text
    assert "help each other" in text and "Private" in text  # the note is kept, the name is not


def test_the_screen_still_names_everyone():
    case = pauline_private()
    shown = " ".join(t.text for t in walk(ecomap_glyphs(case, layout_ecomap(case)))
                     if isinstance(t, Text))
    assert "Pauline" in shown and "caravan" in shown
