"""Pictures in drawings: the Image glyph, drawn by every painter, and ecomap systems' pictures."""
from __future__ import annotations

import io

from PIL import Image as PILImage
from pypdf import PdfReader
from reportlab.pdfgen.canvas import Canvas

from genogram import pictures
from genogram.export.diagram_pdf import paint
from genogram.export.png import glyphs_to_png
from genogram.export.svg import glyphs_to_svg
from genogram.layout.ecomap import PICTURE, layout_ecomap
from genogram.model import EcoConnection, EcoSystem, Put, SetMedia
from genogram.notation import images
from genogram.notation.ecomap_glyphs import PICTURE_MAX, ecomap_glyphs, picture_size, scaled
from genogram.notation.geometry import bounds
from genogram.notation.glyphs import Circle, Image, Rect, Text, groups, walk
from genogram.notation.metrics import text_width
from tests.test_ecomap_glyphs import case_with

FRAME = Rect(0, 0, 60, 60, "#ffffff", 0.5)


def _red_png(w: int = 8, h: int = 4) -> bytes:
    buf = io.BytesIO()
    PILImage.new("RGB", (w, h), "#ff0000").save(buf, "PNG")
    return buf.getvalue()


def test_every_bundled_pictogram_has_its_rasterised_png_at_144_px():
    for keyword, p in pictures.pictograms().items():
        data = images.pictogram_png(keyword)
        assert data, f"no PNG for {keyword} ({p.code}); run tools/rasterise_pictograms.py"
        assert PILImage.open(io.BytesIO(data)).size == (144, 144)


def test_references_resolve_to_svg_or_raster_and_unknown_ones_to_nothing():
    assert images.vector_or_raster(Image(0, 0, 20, 20, "pictogram:school"))[0] == "svg"
    assert images.raster(Image(0, 0, 20, 20, "pictogram:school")).startswith(b"\x89PNG")
    media = Image(0, 0, 20, 20, "media:d.png", lambda name: _red_png() if name == "d.png" else None)
    assert images.vector_or_raster(media) == ("raster", _red_png())
    for ref in ("pictogram:no-such-thing", "media:gone.png", "nonsense", ""):
        assert images.vector_or_raster(Image(0, 0, 20, 20, ref, lambda n: None)) is None
        assert images.raster(Image(0, 0, 20, 20, ref, lambda n: None)) is None


def test_a_picture_is_fitted_inside_its_box_aspect_kept():
    assert images.fit(Image(10, 20, 40, 40, "x"), 8, 4) == (10, 30, 40, 20)
    assert bounds([Image(10, 20, 40, 30, "x")]) == (10, 20, 50, 50)
    moved = scaled(Image(10, 20, 40, 30, "x"), 0.5, 100, 0)
    assert (moved.x, moved.y, moved.width, moved.height) == (105, 10, 20, 15)


def test_png_draws_the_pictogram_and_the_media_file_and_skips_missing_ones():
    glyphs = [FRAME, Image(5, 5, 20, 20, "pictogram:school"),
              Image(35, 5, 20, 20, "media:d.png", lambda n: _red_png()),
              Image(5, 35, 20, 20, "pictogram:no-such-thing")]
    png = PILImage.open(io.BytesIO(glyphs_to_png(glyphs, dpi=72, margin=0))).convert("RGB")
    assert png.getpixel((45, 15))[0] > 200 and png.getpixel((45, 15))[1] < 60  # the red media
    assert png.getpixel((45, 7)) == (255, 255, 255)  # fitted: a wide picture leaves the top clear
    school = [png.getpixel((x, y)) for x in range(5, 25) for y in range(5, 25)]
    assert sum(1 for p in school if p != (255, 255, 255)) > 40
    assert all(png.getpixel((x, y)) == (255, 255, 255) for x in range(6, 24) for y in range(36, 54))


def test_svg_embeds_the_pictogram_and_the_media_file_whole():
    svg = glyphs_to_svg([FRAME, Image(5, 5, 20, 20, "pictogram:school"),
                         Image(35, 5, 20, 20, "media:d.png", lambda n: _red_png()),
                         Image(5, 35, 20, 20, "media:gone.png", lambda n: None)]).decode()
    assert svg.count("<image ") == 2
    assert 'href="data:image/svg+xml;base64,' in svg and 'href="data:image/png;base64,' in svg


def test_pdf_draws_pictograms_as_vectors_and_media_as_an_image():
    def pdf(glyphs) -> PdfReader:
        buf = io.BytesIO()
        c = Canvas(buf, pagesize=(60, 60))
        c.translate(0, 60)
        c.scale(1, -1)
        paint(c, glyphs)
        c.save()
        return PdfReader(io.BytesIO(buf.getvalue()))

    plain = len(pdf([FRAME]).pages[0].get_contents().get_data())
    vector = pdf([FRAME, Image(5, 5, 20, 20, "pictogram:school")]).pages[0]
    assert len(vector.get_contents().get_data()) > plain + 500  # the pictogram's paths
    assert not list(vector.images)
    media = pdf([FRAME, Image(35, 5, 20, 20, "media:d.png", lambda n: _red_png())]).pages[0]
    assert len(list(media.images)) == 1
    pdf([FRAME, Image(5, 5, 20, 20, "pictogram:nothing"), Image(5, 5, 20, 20, "media:x")])  # no error


def test_each_system_with_a_picture_shows_it_above_its_name_inside_its_circle():
    case = case_with(EcoConnection(id="c1", ecomap="e1", system="s1"),
                     EcoConnection(id="c2", ecomap="e1", system="s2"))
    case.apply(Put("eco_systems", EcoSystem(id="s1", ecomap="e1", name="Ysgol Glan Morfa",
                                            category="education", picture="pictogram:school")))
    case.apply(SetMedia("drawing.png", _red_png()))
    case.apply(Put("eco_systems", EcoSystem(id="s2", ecomap="e1", name="Nain", category="family",
                                            picture="media:drawing.png")))
    lay = layout_ecomap(case, "e1")
    glyphs = ecomap_glyphs(case, lay)
    for sid, ref in (("s1", "pictogram:school"), ("s2", "media:drawing.png")):
        g = next(x for x in groups(glyphs, "eco_system") if x.owner == sid)
        circle = next(c for c in g.children if isinstance(c, Circle))
        pic = next(c for c in g.children if isinstance(c, Image))
        names = [t for t in g.children if isinstance(t, Text)]
        assert pic.ref == ref and PICTURE <= pic.width == pic.height <= PICTURE_MAX
        assert pic.y + pic.height < names[0].y - names[0].size * 0.8  # above the name
        for x, y in ((pic.x, pic.y), (pic.x + pic.width, pic.y), (names[-1].x, names[-1].y)):
            assert (x - circle.cx) ** 2 + (y - circle.cy) ** 2 < circle.r ** 2
    media = next(x for x in walk(glyphs) if isinstance(x, Image) and x.ref.startswith("media:"))
    assert images.raster(media) == _red_png()


def test_a_roomier_circle_gets_a_bigger_picture_that_still_fits():
    three = ("Speech and", "language", "therapy")
    assert picture_size(38.0, three) == PICTURE  # a small circle: what the layout kept room for
    assert picture_size(60.0, ("GP",)) == PICTURE_MAX
    for r, lines in ((38.0, ("GP",)), (42.0, ("Ysgol Glan", "Morfa")), (50.0, three), (60.0, three)):
        size = picture_size(r, lines)
        half = (size + 2.0 + 12.0 * len(lines)) / 2
        widest = max(text_width(t, 10.0) for t in lines)
        assert (size / 2) ** 2 + half ** 2 <= r ** 2  # the picture's top corners are inside
        assert (widest / 2) ** 2 + half ** 2 <= r ** 2  # and the name's bottom corners
