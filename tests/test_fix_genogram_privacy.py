"""Genogram printouts never name a private person in any text: not a household's name, not
a title, not a label that calls someone by them, not a note; the screen still shows all."""
from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import replace

import pytest

from genogram.cli import main
from genogram.export.genogram_export import ExportOptions, export_genogram
from genogram.layout.genogram import layout_genogram
from genogram.model import (
    AddPerson,
    AddUnion,
    Bond,
    BondKind,
    Case,
    ChildLink,
    Gender,
    Household,
    LinkChild,
    Person,
    Put,
    SetMeta,
    Union,
    UnionKind,
)
from genogram.notation.genogram import genogram_glyphs, mask_private, names_private, private_names
from genogram.notation.glyphs import Text, groups, walk
from tests.pdftext import pdf_text, pdftotext

SVG = "{http://www.w3.org/2000/svg}"
SECRET = ("Dana", "Quillfeather")  # the private person's first and family name


def tiny(hide: bool = True, title: str = "Sky and Dana") -> Case:
    """An invented case: Sky (the child), Lee (Sky's mum) and Dana (Lee's new partner, private);
    Maud is known as "Dana's Nan". Dana is named in a household, a title, a label and notes."""
    case = Case()
    case.apply(AddPerson(Person(id="p1", given="Sky", family_name="Tern", gender=Gender.FEMALE,
                                note="Sky sees Dana at weekends")))
    case.apply(AddPerson(Person(id="p2", given="Lee", family_name="Tern", gender=Gender.FEMALE,
                                note="Lee says Dana Quillfeather helps")))
    case.apply(AddPerson(Person(id="p3", given="Dana", family_name="Quillfeather", gender=Gender.MALE,
                                private=True, note="Left his last address")))
    case.apply(AddPerson(Person(id="p4", given="Maud", family_name="Birch", known_as="Dana's Nan",
                                gender=Gender.FEMALE)))
    case.apply(AddUnion(Union(id="u1", partners=("p2", "p3"), kind=UnionKind.COHABITING,
                              note="Lee and Dana moved in together")))
    case.apply(LinkChild(ChildLink("u1", "p1")))
    case.apply(Put("bonds", Bond(id="b1", a="p1", b="p2", kind=BondKind.CLOSE, note="Close since Dana came")))
    case.apply(Put("households", Household(id="h1", name="Dana's flat", members=("p1", "p2", "p3"),
                                           note="Dana owns the flat")))
    case.apply(Put("households", Household(id="h2", name="Maud's bungalow", members=("p4",))))
    case.apply(SetMeta(replace(case.meta, title=title, hide_private_in_exports=hide, index_person="p1")))
    return case


def _svg_text(data: bytes) -> str:
    root = ET.fromstring(data)
    return " ".join(t.text or "" for t in root.iter() if t.tag in (f"{SVG}text", f"{SVG}title"))


def _absent(text: str) -> None:
    low = text.casefold()
    for word in SECRET:
        assert word.casefold() not in low, f"{word!r} printed in: {text}"


@pytest.mark.parametrize("pages", ["fit", "tile"])
def test_the_pdf_names_no_private_person_anywhere(pages, tmp_path):
    data = export_genogram(tiny(), "pdf", ExportOptions(pages=pages))
    for text in (pdf_text(data), pdftotext(data, tmp_path)):
        _absent(text)
        assert "Private" in text and "Sky Tern" in text and "Maud Birch" in text
        assert "Maud's bungalow" in text  # a household that names nobody private keeps its name
    assert b"Dana" not in data and b"Quillfeather" not in data  # not even in the file's metadata


def test_the_svg_and_png_name_no_private_person_anywhere(monkeypatch):
    svg = export_genogram(tiny(), "svg")
    _absent(svg.decode())  # not in a text, the title, an attribute or a comment
    words = _svg_text(svg)
    assert "Private" in words and "Maud Birch" in words and "Maud's bungalow" in words
    from genogram.export import png as png_module

    painted: list[str] = []
    real = png_module.glyphs_to_png

    def spy(glyphs, **kw):
        painted.extend(t.text for t in walk(glyphs) if isinstance(t, Text))
        return real(glyphs, **kw)

    monkeypatch.setattr(png_module, "glyphs_to_png", spy)
    assert export_genogram(tiny(), "png").startswith(b"\x89PNG")
    _absent(" ".join(painted))  # every text the PNG paints
    assert "Private" in painted and "Maud Birch" in painted


def test_the_export_command_names_no_private_person(tmp_path):
    from genogram.storage.casefile import case_json_bytes

    path = tmp_path / "case.json"
    path.write_bytes(case_json_bytes(tiny()))
    for fmt in ("pdf", "svg"):
        out = tmp_path / f"g.{fmt}"
        assert main(["export", str(path), "--what", "genogram", "-o", str(out)]) == 0
        text = pdftotext(out.read_bytes(), tmp_path) if fmt == "pdf" else out.read_text()
        _absent(text)
        assert "Private" in text


def test_what_replaces_the_names_reads_well():
    case = tiny()
    shown = genogram_glyphs(case, layout_genogram(case), hide_private=True)
    household = {g.owner: [] for g in groups(shown, "household")}  # names are drawn on top
    for g in groups(shown, "household-name"):
        household[g.owner.removesuffix("/name")] += [t.text for t in walk(g.children)
                                                     if isinstance(t, Text)]
    assert household["h1"] == []  # the outline stays; "Private's flat" would read oddly
    assert set(household["h2"]) == {"Maud's bungalow"}
    maud = next(g for g in groups(shown, "person") if g.owner == "p4")
    assert "Maud Birch" in {t.text for t in walk(maud.children) if isinstance(t, Text)}
    title = _svg_text(export_genogram(case, "svg")).split()
    assert title[0] == "Genogram"  # a title that names Dana falls back to the plain one
    kept = _svg_text(export_genogram(tiny(title="The Tern family"), "svg"))
    assert kept.startswith("The Tern family")


def test_the_screen_and_a_case_that_prints_everyone_still_show_the_names():
    case = tiny()
    on_screen = " ".join(t.text for t in walk(genogram_glyphs(case, layout_genogram(case)))
                         if isinstance(t, Text))
    assert "Dana's flat" in on_screen and "Dana's Nan" in on_screen and "Dana Quillfeather" in on_screen
    everyone = _svg_text(export_genogram(tiny(hide=False), "svg"))
    assert "Sky and Dana" in everyone and "Dana's flat" in everyone and "Dana's Nan" in everyone


def test_names_are_matched_whole_word_as_written_or_capitalised_and_shared_names_stay():
    case = tiny()
    names = private_names(case, frozenset({"p3"}))
    assert names_private("DANA'S FLAT", names) and names_private("with Quillfeather", names)
    # not in any case: a private Will or May must not turn "Mum will call" into "Mum Private call"
    assert mask_private("Mum will call; school may help", ("Will", "May")) == "Mum will call; school may help"
    assert mask_private("Will and MAY came", ("Will", "May")) == "Private and Private came"
    assert not names_private("Danaher Road", names) and not names_private("Adana", names)
    assert mask_private("Lee and Dana Quillfeather", names) == "Lee and Private"
    # a family name someone printed shares tells nothing, so "The Tern family" is kept …
    case.apply(AddPerson(Person(id="p5", given="Jo", family_name="Tern", known_as="JoJo", private=True)))
    names = private_names(case, frozenset({"p3", "p5"}))
    assert not names_private("The Tern family", names)
    assert names_private("Jo's room", names) and names_private("JoJo", names)
    assert names_private("Jo Tern", names)  # … but the full name is still masked
    # two people with one first name: the one shown keeps their own name on their label
    case.apply(AddPerson(Person(id="p6", given="Dana", family_name="Birch")))
    shown = genogram_glyphs(case, layout_genogram(case), hide_private=True)
    other = next(g for g in groups(shown, "person") if g.owner == "p6")
    assert "Dana Birch" in {t.text for t in walk(other.children) if isinstance(t, Text)}
    assert not {"Dana's flat", "Jo Tern"} & {t.text for t in walk(shown) if isinstance(t, Text)}


def test_the_plan_pdf_figure_and_a_words_and_pictures_page_name_no_private_person():
    from genogram.export.plan_pdf import plan_pdf
    from genogram.export.words_pictures_pdf import booklet
    from genogram.model.records import Plan, Story, StoryPage

    case = tiny(title="The Tern family")
    plan = Plan(id="pl1", child="p1", title="Sky's plan")
    case.apply(Put("plans", plan))
    text = pdf_text(plan_pdf(case, plan))
    assert "Private" in text and "Maud Birch" in text
    _absent(text)
    story = Story(id="st1", child="p1", title="Sky's family",
                  pages=(StoryPage("custom", "Here is my family.", "genogram:p1,p2,p3,p4"),))
    case.apply(Put("stories", story))
    text = pdf_text(booklet(case, story).pdf)
    assert "Maud Birch" in text
    _absent(text)
