"""'My important people': concentric circles with nobody overlapping, and a one-page sheet."""
from __future__ import annotations

import io
import random

import pytest
from pypdf import PdfReader

from genogram.demo import load_demo
from genogram.export.fonts import text_width
from genogram.export.important_people_pdf import export_for_cli, important_people_pdf, sheet
from genogram.layout.important_people import inside, layout_circles, overlaps
from genogram.model import FuzzyDate, ImportantPeople, ImportantPerson, SetMedia, UpdatePerson
from genogram.notation.glyphs import Text, walk

WORDS = ["", "reads with me", "my best friend in the whole world", "football", "makes pancakes on Sundays",
         "she is kind", "takes me swimming and to the park after school"]
NAMES = ["Mum", "Dad", "Nanny Mo", "Kai", "Ms Bevan", "Uncle Dafydd", "Teta", "Jiddo", "Bea", "Lan"]


def measure(text: str, size: float, bold: bool) -> float:
    return text_width(text, size, "bold" if bold else "regular")


def people(n: int, seed: int) -> list[ImportantPerson]:
    rnd = random.Random(seed)
    return [ImportantPerson(f"{rnd.choice(NAMES)} {i}", rnd.choice([1, 1, 2, 2, 3, 4]), None,
                            rnd.choice(WORDS)) for i in range(n)]


@pytest.mark.parametrize("n", [1, 2, 3, 5, 8, 12, 17, 25])
@pytest.mark.parametrize("beside", [False, True])
def test_nobody_overlaps_and_rings_go_outwards(n, beside):
    for seed in range(2):
        ppl = people(n, seed)
        lay = layout_circles(ppl, 40.0, 16.0, measure, aspect=1.25, beside=beside)
        assert len(lay.tokens) == n
        assert overlaps(lay) == []
        assert inside(lay) == []  # clear of the child's circle, within the outer ring
        # a closer ring is drawn inside a further one
        assert list(lay.ring_radii) == sorted(lay.ring_radii)
        assert all(a <= b for a, b in zip(lay.band_radii, lay.band_radii[1:]))


def test_too_long_words_are_refused_with_a_sentence():
    long = ImportantPerson("Gran", 1, None, " ".join(["very"] * 60))
    with pytest.raises(ValueError, match="too long"):
        layout_circles([long], 40.0, 16.0, measure)


def _record(n: int = 8) -> ImportantPeople:
    ppl = [ImportantPerson("Mum", 1, "p_dana", "she reads with me", "pictogram:love"),
           ImportantPerson("Lan", 1, "p_lan", "makes pho"),
           ImportantPerson("Mamgu", 2, "p_eirlys", "dragon stories"),
           ImportantPerson("Kai", 2, None, "my best friend"),
           ImportantPerson("Ms Bevan", 3, None, "my teacher"),
           ImportantPerson("Jiddo", 3, "p_omar", "takes me to the park"),
           ImportantPerson("Dad", 1, None, "football on Saturdays", "media:llyr-wizards.png"),
           ImportantPerson("Teta", 2, None, "")]
    return ImportantPeople("ip_test", "p_llyr", FuzzyDate(2026, 10, 14), people=tuple(ppl[:n]))


def _drawing() -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (40, 30), "#3a7bd5").save(buf, "PNG")
    return buf.getvalue()


def test_sheet_is_one_page_large_type_names_and_attribution():
    case = load_demo("rivers")
    case.apply(SetMedia("llyr-wizards.png", _drawing()))
    data = important_people_pdf(case, _record())
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) == 1
    text = " ".join(reader.pages[0].extract_text().split())
    assert "Llŷr’s important people" in text
    for name in ("Mum", "Mamgu", "Ms Bevan", "Jiddo", "“takes me to the park”"):
        assert name in text
    assert "OpenMoji" in text and "14 October 2026" in text
    assert b"/FontFile2" in data
    s = sheet(case, _record())
    big = [t for t in walk(list(s.glyphs)) if isinstance(t, Text)]
    assert min(t.size for t in big) >= 16.0 - 1e-6
    assert any(p.ref == "media:llyr-wizards.png" for p in s.pictures)  # the child's own drawing


def test_nothing_private_is_printed():
    case = load_demo("rivers")
    text = " ".join(PdfReader(io.BytesIO(important_people_pdf(case, _record()))).pages[0]
                    .extract_text().split())
    for private in ("Haddad", "Rivers-Haddad", "Nguyễn", "2018", case.meta.worker):
        assert private not in text  # no surnames, birth years or the worker's name
    jiddo = case.family.person("p_omar")
    case.apply(UpdatePerson(jiddo.__class__(**{**jiddo.__dict__, "private": True})))
    with pytest.raises(ValueError, match="Jiddo .*private"):
        important_people_pdf(case, _record())


def test_too_many_people_for_one_page_says_so_and_a3_holds_more():
    case = load_demo("rivers")
    many = ImportantPeople("ip_many", "p_llyr", people=tuple(people(40, 1)))
    with pytest.raises(ValueError, match="do not fit on one page.*--paper A3"):
        important_people_pdf(case, many)
    sixteen = ImportantPeople("ip_16", "p_llyr", people=tuple(people(16, 2)))
    with pytest.raises(ValueError, match="do not fit"):
        important_people_pdf(case, sixteen)
    data = important_people_pdf(case, sixteen, "A3")
    page = PdfReader(io.BytesIO(data)).pages[0]
    assert round(float(page.mediabox.width)) == 842 and len(PdfReader(io.BytesIO(data)).pages) == 1


def test_cli_prints_the_latest_sheet_or_says_there_is_none():
    case = load_demo("rivers")
    for rec in case.records("important_people"):
        from genogram.model import Delete
        case.apply(Delete("important_people", rec.id))
    with pytest.raises(ValueError, match="no \"my important people\" sheet"):
        export_for_cli(case, "pdf", {})
    from genogram.model import Put
    case.apply(Put("important_people", _record(3)))
    assert export_for_cli(case, "pdf", {}).startswith(b"%PDF")
    with pytest.raises(ValueError, match="as pdf"):
        export_for_cli(case, "png", {})


@pytest.mark.parametrize("name", ["rivers", "kowalski-price"])
def test_each_demo_family_has_a_sheet_that_prints_on_one_page(name):
    case = load_demo(name)
    data = export_for_cli(case, "pdf", {})
    assert len(PdfReader(io.BytesIO(data)).pages) == 1
