"""Direct-work printouts: consent honoured, pictures and fonts embedded, nothing private, sizes kept."""
from __future__ import annotations

import io
import json
import re
from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from genogram.cli import main
from genogram.demo import load_demo
from genogram.directwork.consent import ConsentError
from genogram.export import chronology_pdf, safety_map_pdf, three_houses_pdf, words_pictures_pdf
from genogram.export.words_pictures_pdf import BookletError, booklet
from genogram.media import clean_picture
from genogram.model import Case, HouseEntry, Put, SetMedia, StoryPage, case_to_dict

PRIVATE_WORDS = ("a secret about the house", "private worry of her own", "in confidence", "Kai")


def _photo_with_gps() -> bytes:
    """A tiny invented 'photo of a drawing' carrying EXIF (GPS and camera) as a phone would."""
    img = Image.new("RGB", (120, 90), "#fffdf7")
    for x in range(10, 110):
        img.putpixel((x, 45), (29, 78, 137))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # camera make
    exif[0x8825] = {1: "N", 2: (51.0, 29.0, 1.0)}  # GPS
    out = io.BytesIO()
    img.save(out, format="JPEG", exif=exif)
    return out.getvalue()


@pytest.fixture(scope="module")
def case() -> Case:
    """Rivers, with Llŷr's drawing brought in through the media path and used in his houses and story."""
    c = load_demo("rivers")
    data, ext = clean_picture(_photo_with_gps())
    c.apply(SetMedia(f"dragon.{ext}", data))
    houses = c.records("three_houses")[0]
    c.apply(Put("three_houses", replace(houses, entries=houses.entries + (
        HouseEntry("good_things", "My dragon", "Llŷr", drawing=f"media:dragon.{ext}"),))))
    story = c.records("stories")[0]
    c.apply(Put("stories", replace(story, pages=(replace(story.pages[0], picture=f"media:dragon.{ext}"),
                                                 *story.pages[1:]))))
    return c


def _text(data: bytes) -> str:
    return " ".join(" ".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(data)).pages).split())


def _pages(data: bytes) -> int:
    return len(PdfReader(io.BytesIO(data)).pages)


def _images(data: bytes) -> int:
    return sum(len(p.images) for p in PdfReader(io.BytesIO(data)).pages)


def _check_common(data: bytes) -> str:
    assert data.startswith(b"%PDF")
    assert b"/FontFile2" in data  # the bundled fonts travel with the file
    text = _text(data)
    assert text.strip()
    for secret in PRIVATE_WORDS:
        assert secret not in text, secret
    return text


# ---- media ------------------------------------------------------------------------------------------
def test_imported_photos_lose_their_metadata() -> None:
    raw = _photo_with_gps()
    assert Image.open(io.BytesIO(raw)).getexif()  # the phone's data is there before
    data, ext = clean_picture(raw)
    cleaned = Image.open(io.BytesIO(data))
    assert ext == "jpg" and not cleaned.getexif() and b"PhoneMaker" not in data and b"Exif" not in data


def test_the_drawing_in_the_printout_carries_no_metadata(case: Case) -> None:
    data = three_houses_pdf.export_for_cli(case, "pdf", {})
    assert b"PhoneMaker" not in data and b"GPS" not in data


# ---- three houses ------------------------------------------------------------------------------------
def test_filled_houses_quote_the_child_exactly_with_drawing_and_writer(case: Case) -> None:
    data = three_houses_pdf.export_for_cli(case, "pdf", {})
    text = _check_common(data)
    assert _pages(data) == 1 and _images(data) >= 1
    assert "“When Mum and Dad shout at the door I go upstairs and hide under my duvet”" in text
    assert "“Goalkeeper for Wales!!”" in text  # punctuation as said
    assert "written by Llŷr" in text and "written by Jess" in text
    assert "Llŷr’s three wizards" in text and "Worry wizard" in text and "started here" in text
    assert "OpenMoji" in text  # pictograms are attributed


def test_a_copy_for_someone_the_child_said_no_to_is_never_made(case: Case) -> None:
    for reader in ("Dad", "Omar", "p_omar"):
        with pytest.raises(ConsentError, match="Llŷr said .* may not see these houses"):
            three_houses_pdf.export_for_cli(case, "pdf", {"for": reader})
    with pytest.raises(ConsentError, match="has not said Mrs Ali may see"):
        three_houses_pdf.export_for_cli(case, "pdf", {"for": "Mrs Ali"})
    assert _text(three_houses_pdf.export_for_cli(case, "pdf", {"for": "Mamgu"}))


@pytest.mark.parametrize("theme, name", [("houses", "House of dreams"), ("fairies", "Dream fairy"),
                                         ("wizards", "Dream wizard")])
def test_blank_sheets_in_each_theme(case: Case, theme: str, name: str) -> None:
    data = three_houses_pdf.export_for_cli(case, "pdf", {"blank": True, "theme": theme})
    text = _check_common(data)
    assert _pages(data) == 1 and name in text and "duvet" not in text


def test_an_unknown_theme_is_a_clear_error(case: Case) -> None:
    with pytest.raises(ValueError, match="not one Kinscape prints"):
        three_houses_pdf.export_for_cli(case, "pdf", {"blank": True, "theme": "planets"})


# ---- safety map --------------------------------------------------------------------------------------
def test_safety_map_columns_goals_steps_and_the_scale_chart() -> None:
    c = load_demo("kowalski-price")
    data = safety_map_pdf.export_for_cli(c, "pdf", {})
    text = _check_common(data)
    for words in ("What are we worried about?", "What’s working well?", "What needs to happen?",
                  "Goal for W1:", "Goal for W2:", "Not agreed: Michał says", "Who: Karen and Michał",
                  "By: 15 November 2026", "Safety scale: 0 to 10", "Karen (Mum)", "Priya", "22 Sep 2026"):
        assert words in text, words
    assert "Still needed" not in text  # the demo map is complete
    assert "Leanne told Priya" not in text


def test_the_record_copy_lists_what_the_map_still_needs(case: Case) -> None:
    smap = case.records("safety_maps")[0]
    broken = replace(smap, statements=tuple(s for s in smap.statements if s.kind != "goal"))
    text = _text(safety_map_pdf.safety_map_pdf(case, broken))
    assert "Still needed on this map" in text and "has no safety goal paired with it" in text
    assert "Still needed" not in _text(safety_map_pdf.safety_map_pdf(case, broken, reader="Mum"))
    assert "private worry" not in text


# ---- chronology --------------------------------------------------------------------------------------
def test_chronology_has_the_timeline_and_table_without_private_events(case: Case) -> None:
    data = chronology_pdf.export_for_cli(case, "pdf", {})
    text = _check_common(data)
    assert "Llŷr Rivers-Haddad was born" in text and "Child in need plan agreed" in text
    assert "Every event, recorded and from the genogram" in text
    assert "Dana spoke to Jess" not in text


def test_chronology_filters_are_applied_and_said(case: Case) -> None:
    data = chronology_pdf.export_for_cli(case, "pdf", {"since": "2026", "child": "p_llyr"})
    text = _text(data)
    assert "from 2026 to now" in text and "about Llŷr Rivers-Haddad" in text
    assert "Yasmin Haddad was born" not in text and "A neighbour rang" in text
    with pytest.raises(ValueError, match="no events match"):
        chronology_pdf.export_for_cli(case, "pdf", {"since": "2030"})


# ---- words and pictures ------------------------------------------------------------------------------
def test_a4_booklet_one_idea_per_page_big_type_name_on_the_cover(case: Case) -> None:
    story = case.records("stories")[0]
    made = booklet(case, story, "a4")
    text = _check_common(made.pdf)
    assert _pages(made.pdf) == made.pages == 1 + len([p for p in story.pages if p.section != "title"])
    first = _text_page(made.pdf, 0)
    assert "Llŷr's story" in first
    assert min(s for s in made.sizes) >= 20
    assert _images(made.pdf) >= 1  # the child's drawing on the cover
    assert "“handover” means swap-over time" in text  # the agreed words
    assert len(made.reading_ages) == len(story.pages) and "reading age" not in text.lower()
    genogram = [i + 1 for i, p in enumerate(q for q in story.pages if q.section != "title")
                if (p.picture or "").startswith("genogram:")]
    for n in range(made.pages):  # all but page numbers, the licence line and genogram names is large
        if n not in genogram:
            assert all(size >= 20 or size in (16, 7.5) for size in _sizes(made.pdf, n)), n


def test_a5_booklet_is_imposed_for_folding(case: Case) -> None:
    story = case.records("stories")[0]
    made = booklet(case, story, "a5-booklet")
    assert made.pages % 4 == 0 and made.sheets == made.pages // 2 == _pages(made.pdf)
    first_side = _text_page(made.pdf, 0)  # the back cover on the left, the front cover on the right
    assert first_side.index("This book belongs to Llŷr") < first_side.index("Llŷr's story")
    assert words_pictures_pdf._imposed(8) == [(7, 0), (1, 6), (5, 2), (3, 4)]


def test_a_page_too_long_for_20_pt_is_refused(case: Case) -> None:
    story = case.records("stories")[0]
    long = replace(story, pages=(*story.pages, StoryPage("custom", "Words and more words. " * 60)))
    with pytest.raises(BookletError, match="too many words to print at 20 pt"):
        booklet(case, long)


def test_the_booklet_is_the_same_bytes_each_time(case: Case) -> None:
    story = case.records("stories")[0]
    assert booklet(case, story).pdf == booklet(case, story).pdf


def test_a_booklet_reaches_each_reader_in_its_turn(case: Case) -> None:
    assert case.records("stories")[0].status == "read_to_child"
    with pytest.raises(ConsentError, match="not been shared with the network yet"):
        words_pictures_pdf.export_for_cli(case, "pdf", {"for": "Mrs Ali"})
    for reader in ("Mum", "Dad", "Llŷr", "Jess"):
        assert words_pictures_pdf.export_for_cli(case, "pdf", {"for": reader}).startswith(b"%PDF")


def test_booklet_refuses_to_name_a_private_person(case: Case) -> None:
    story = case.records("stories")[0]
    named = replace(story, pages=(*story.pages, StoryPage("custom", "Kai lives with Jac.")))
    with pytest.raises(BookletError, match="may not name Kai"):
        booklet(case, named)


# ---- the command ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("what", ["three-houses", "safety-map", "chronology", "words-pictures"])
def test_command_writes_each_document(tmp_path: Path, what: str) -> None:
    path = tmp_path / "case.json"
    path.write_text(json.dumps(case_to_dict(load_demo("kowalski-price")), ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "out.pdf"
    assert main(["export", str(path), "--what", what, "-o", str(out)]) == 0
    _check_common(out.read_bytes())


def test_command_with_nothing_to_print_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    c = load_demo("kowalski-price")
    from genogram.model import Delete

    c.apply(Delete("stories", c.records("stories")[0].id))
    path = tmp_path / "case.json"
    path.write_text(json.dumps(case_to_dict(c), ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "out.pdf"
    assert main(["export", str(path), "--what", "words-pictures", "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "has no words-and-pictures story yet" in err and err.count("\n") == 1
    assert not out.exists()


def test_consent_errors_reach_the_user_as_one_line(case: Case) -> None:
    from genogram.commands._common import one_line

    with pytest.raises(ConsentError) as info:
        three_houses_pdf.export_for_cli(case, "pdf", {"for": "Dad"})
    assert "\n" not in one_line(info.value)


# ---- helpers -------------------------------------------------------------------------------------------
def _text_page(data: bytes, n: int) -> str:
    return " ".join((PdfReader(io.BytesIO(data)).pages[n].extract_text() or "").split())


def _sizes(data: bytes, n: int) -> list[float]:
    out = []
    for page in PdfReader(io.BytesIO(data)).pages[n:n + 1]:
        for block in re.findall(rb"\bBT\b(.*?)\bET\b", page.get_contents().get_data(), re.DOTALL):
            if re.search(rb"T[jJ]\b", block):
                out += [float(s) for s in re.findall(rb"/F[\w+]+ ([\d.]+) Tf", block)]
    return out


def test_a_child_who_said_a_lot_gets_more_pages_in_the_same_order(case: Case) -> None:
    houses = case.records("three_houses")[0]
    many = tuple(HouseEntry("worries", f"Worry number {i} that I said in my own words today", "Llŷr")
                 for i in range(1, 31))
    data = three_houses_pdf.three_houses_pdf(case, replace(houses, entries=houses.entries + many))
    pages = [_text_page(data, n) for n in range(_pages(data))]
    assert len(pages) >= 2 and "page 1 of" in pages[0] and "Worry number 30" in pages[-1]
    text = " ".join(pages)
    assert all(f"Worry number {i} that" in text for i in range(1, 31))
    assert text.index("Worry number 9 ") < text.index("Worry number 10 ") < text.index("Worry number 30")
    assert "“Goalkeeper for Wales!!”" in pages[0]
