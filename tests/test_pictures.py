"""Pictograms are bundled, findable by the words of a sentence, and drawable in a PDF;
pictures brought in from a phone lose every scrap of metadata."""
import io

import pytest
from PIL import Image
from PIL.PngImagePlugin import PngInfo

from genogram import pictures
from genogram.media import MediaError, clean_picture


def test_every_bundled_pictogram_draws():
    assert len(pictures.pictograms()) >= 80
    for keyword in pictures.pictograms():
        d = pictures.drawing(keyword, 48)
        assert abs(max(d.width, d.height) - 48) < 0.01
        assert d.contents, keyword


def test_suggestions_follow_the_words_of_the_sentence():
    assert pictures.suggest("Mum will walk Sam to school every morning")[:2] == ["family", "walk"]
    assert "sleep" in pictures.suggest("Bedtime will be at 8 so Sam is not tired")
    assert pictures.suggest("Nanny Mo visits on Sundays", limit=1) == ["grandparent"]
    assert "swimming" in pictures.suggest("Sam goes swimming")
    assert pictures.suggest("xyzzy plugh") == []


def test_picture_references():
    assert pictures.parse_ref("pictogram:home") == ("pictogram", "home")
    assert pictures.parse_ref("media:drawing1.png") == ("media", "drawing1.png")
    for bad in ("home", "web:http://x", "media:"):
        with pytest.raises(pictures.PictureError):
            pictures.parse_ref(bad)
    with pytest.raises(pictures.PictureError, match="no picture called"):
        pictures.svg_bytes("spaceship")


def test_attribution_names_openmoji_and_its_licence():
    assert "OpenMoji" in pictures.attribution() and "CC BY-SA 4.0" in pictures.attribution()


def _jpeg_with_exif() -> bytes:
    img = Image.new("RGB", (40, 20), (200, 30, 30))
    exif = Image.Exif()
    exif[0x010F] = "TestPhone"  # Make
    exif[0x0132] = "2026:11:01 10:00:00"  # DateTime
    exif[0x0112] = 6  # Orientation: rotate 90° clockwise to display
    exif[0x8825] = {1: "N", 2: (53.0, 48.0, 0.0)}  # GPS latitude
    out = io.BytesIO()
    img.save(out, format="JPEG", exif=exif)
    return out.getvalue()


def test_photo_metadata_is_stripped_and_the_photo_turned_upright():
    data, ext = clean_picture(_jpeg_with_exif())
    assert ext == "jpg"
    assert b"TestPhone" not in data and b"Exif" not in data
    with Image.open(io.BytesIO(data)) as img:
        assert img.size == (20, 40)
        assert not img.getexif()


def test_png_text_chunks_are_stripped_and_transparency_kept():
    img = Image.new("RGBA", (30, 30), (0, 0, 0, 0))
    info = PngInfo()
    info.add_text("Author", "Real Name")
    out = io.BytesIO()
    img.save(out, format="PNG", pnginfo=info)
    data, ext = clean_picture(out.getvalue())
    assert ext == "png" and b"Real Name" not in data
    with Image.open(io.BytesIO(data)) as again:
        assert again.mode == "RGBA"


def test_large_pictures_are_scaled_down():
    out = io.BytesIO()
    Image.new("RGB", (5000, 1000), "white").save(out, format="JPEG")
    data, _ = clean_picture(out.getvalue())
    with Image.open(io.BytesIO(data)) as img:
        assert max(img.size) == 2400


@pytest.mark.parametrize("data", [b"", b"not a picture", b"\x89PNG\r\n\x1a\n" + b"\0" * 40])
def test_damaged_files_get_one_sentence(data):
    with pytest.raises(MediaError, match="not a picture Kinscape can read"):
        clean_picture(data)


def test_decompression_bombs_are_refused_before_decoding():
    out = io.BytesIO()
    Image.new("1", (8000, 8000)).save(out, format="PNG")
    with pytest.raises(MediaError, match="too large"):
        clean_picture(out.getvalue())
