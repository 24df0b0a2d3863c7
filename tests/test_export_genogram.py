"""Genogram export as a reader gets it: SVG that parses, PNG at the asked resolution, PDFs with
the right pages, names (in every script) extractable, the key present, fonts embedded, the
same bytes every time, and `genogram export` giving one clear line for bad requests."""
from __future__ import annotations

import io
import math
import xml.etree.ElementTree as ET

import pytest
from PIL import Image
from pypdf import PdfReader

from genogram.cli import main
from genogram.export.genogram_export import (
    ExportOptions,
    _tiles,
    render_genogram,
    sheet_glyphs,
    tile_cuts,
)
from genogram.notation.genogram import genogram_glyphs
from genogram.notation.geometry import bounds
from tests.test_notation import NOTE, every_element

NAMES = ["Νίκος", "Παπαδόπουλος", "Łukasiewicz", "Ayşe Doğan", "Ŵyn", "Олександр", "Шевченко",
         "Nguyễn Văn", "Siân"]


@pytest.fixture(scope="module")
def family():
    return every_element()


def _pdf(family, **kw) -> bytes:
    case, lay = family
    return render_genogram(case, lay, "pdf", ExportOptions(**kw))


def _text(data: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def test_svg_is_well_formed_and_keeps_owners(family):
    case, lay = family
    data = render_genogram(case, lay, "svg")
    root = ET.fromstring(data)
    ns = "{http://www.w3.org/2000/svg}"
    owners = {g.get("data-owner") for g in root.iter(f"{ns}g")}
    assert {"lowri", "u3", "b7", "h1", "legend"} <= owners
    text = " ".join(t.text or "" for t in root.iter(f"{ns}text"))
    for name in NAMES + ["Key", "Divorced", "The Pritchard-Doğan family"]:
        assert name in text
    assert "drinking" not in data.decode()
    assert "Andika" in root.get("font-family") and "DejaVu Sans" in root.get("font-family")


def test_png_is_the_size_the_resolution_asks_for(family):
    case, lay = family
    x0, y0, x1, y1 = bounds(sheet_glyphs(case, lay))
    for dpi in (72, 144):
        image = Image.open(io.BytesIO(render_genogram(case, lay, "png", ExportOptions(dpi=dpi))))
        assert image.size == (math.ceil((x1 - x0 + 24) * dpi / 72), math.ceil((y1 - y0 + 24) * dpi / 72))
        assert round(image.info["dpi"][0]) == dpi
    histogram = image.convert("L").histogram()
    assert sum(histogram[:100]) > 2000  # drawn, not blank
    assert sum(histogram[30:220]) > 500  # smoothed edges from supersampling


def test_pdf_fit_is_one_page_with_names_in_every_script_and_the_key(family):
    data = _pdf(family)
    pages = _text(data)
    assert len(pages) == 1
    for name in NAMES + ["Lowri Pritchard", "Key", "Divorced", "Identical twins", "Conflict",
                         "The Pritchard-Doğan family", "1 March 2026"]:
        assert name in pages[0], name
    assert NOTE not in pages[0] and "drinking" not in pages[0]


def test_pdf_embeds_the_bundled_fonts_and_is_reproducible(family):
    data = _pdf(family)
    assert data.count(b"/FontFile2") >= 2  # Andika and DejaVu Sans (for the Greek) as TrueType
    assert b"Andika" in data and b"DejaVuSans" in data
    assert data == _pdf(family)
    assert _pdf(family, paper="A3") != data


def test_page_size_and_orientation(family):
    for paper, orientation, (w, h) in (("A4", "landscape", (842, 595)), ("A4", "portrait", (595, 842)),
                                       ("A3", "landscape", (1191, 842))):
        page = PdfReader(io.BytesIO(_pdf(family, paper=paper, orientation=orientation))).pages[0]
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (w, h)


def test_pdf_tile_spreads_over_pages_and_never_cuts_a_person(family):
    case, lay = family
    data = _pdf(family, pages="tile", orientation="portrait")
    pages = _text(data)
    assert len(pages) >= 2
    everything = "\n".join(pages)
    for name in ("Lowri Pritchard", "Jordan Doğan", "Rhiannon Pritchard", "Шевченко"):
        assert everything.count(name) == 1, name  # each person printed once, whole
    assert "Key" in pages[-1]
    region = bounds(genogram_glyphs(case, lay))
    tiles = _tiles(lay, region, 527.0, 740.0)
    for place in lay.people.values():
        b = place.box
        holders = [clip for _, clips in tiles for clip in clips
                   if clip[0] <= b.x and b.right <= clip[2] and clip[1] <= b.y and b.bottom <= clip[3]]
        assert len(holders) == 1, place.id
    for window, _ in tiles:
        assert window[2] - window[0] <= 527.01 and window[3] - window[1] <= 740.01


def test_tile_cuts_fall_between_people():
    spans = [(0, 50), (60, 110), (120, 170), (180, 230)]
    assert tile_cuts(spans, 0, 230, 100) == [0, 60, 120, 180, 230]
    assert tile_cuts(spans, 0, 230, 300) == [0, 230]
    assert tile_cuts([(0, 150)], 0, 150, 100) == [0, 100, 150]  # wider than a page: cut at the edge


# ---- the command -------------------------------------------------------------------------------
@pytest.fixture()
def case_file(tmp_path, family):
    from genogram.storage.casefile import case_json_bytes

    path = tmp_path / "case.json"
    path.write_bytes(case_json_bytes(family[0]))
    return path


@pytest.mark.parametrize("fmt,magic", [("pdf", b"%PDF"), ("svg", b"<?xml"), ("png", b"\x89PNG")])
def test_command_writes_each_format(case_file, tmp_path, fmt, magic, capsys):
    out = tmp_path / f"g.{fmt}"
    assert main(["export", str(case_file), "--what", "genogram", "-o", str(out)]) == 0
    assert out.read_bytes().startswith(magic)


def test_command_options_reach_the_pdf(case_file, tmp_path):
    out = tmp_path / "g.pdf"
    assert main(["export", str(case_file), "--what", "genogram", "--format", "pdf", "-o", str(out),
                 "--paper", "A3", "--orientation", "portrait", "--pages", "tile"]) == 0
    page = PdfReader(str(out)).pages[0]
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (842, 1191)


@pytest.mark.parametrize("args,message", [
    (["--what", "someday"], "exporting 'someday' is not available yet; available: genogram"),
    (["--what", "nonsense"], "unknown --what 'nonsense'; available: genogram"),
    (["--what", "genogram", "--format", "docx"], "can be written as pdf, svg, png"),
    (["--what", "genogram", "--dpi", "5"], "--dpi 5 is outside"),
])
def test_command_refuses_bad_requests_in_one_line(case_file, tmp_path, capsys, monkeypatch, args, message):
    from genogram.commands import export as export_command

    monkeypatch.setattr(export_command, "PLANNED", (*export_command.PLANNED, "someday"))
    out = tmp_path / "g.pdf"
    assert main(["export", str(case_file), *args, "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1 and "Traceback" not in err
    assert not out.exists()


def test_command_on_a_case_with_nobody_says_so(tmp_path, capsys):
    from genogram.model import Case
    from genogram.storage.casefile import case_json_bytes

    path = tmp_path / "empty.json"
    path.write_bytes(case_json_bytes(Case()))
    out = tmp_path / "g.png"
    assert main(["export", str(path), "--what", "genogram", "-o", str(out)]) == 1
    assert "nobody in its genogram" in capsys.readouterr().err and not out.exists()


def test_private_people_are_masked_in_printouts_unless_the_case_says_otherwise(family):
    from dataclasses import replace as _replace

    from genogram.model import SetMeta

    case, lay = family
    for fmt in ("pdf", "svg"):
        data = render_genogram(case, lay, fmt)
        text = "\n".join(_text(data)) if fmt == "pdf" else data.decode()
        assert "Gwenllian" not in text and "Private" in text and "b. 1943" not in text
        assert "Caring" not in text  # her only relationship is left out, so the key does not explain it
        assert "Lowri Pritchard" in text
    undo = case.apply(SetMeta(_replace(case.meta, hide_private_in_exports=False)))
    try:
        text = "\n".join(_text(render_genogram(case, lay, "pdf")))
        assert "Gwenllian" in text and "Caring" in text
        assert NOTE not in text  # notes are never drawn, private or not
    finally:
        case.apply(undo)
