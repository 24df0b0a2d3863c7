"""Photos and drawings brought into a case: checked, turned upright, stripped of metadata.

A phone photo of a child's drawing carries GPS position, time and device in its EXIF data;
none of that may travel in a case file or a printout. Every picture is decoded and re-encoded
from its pixels alone, so nothing but the picture survives.
"""
from __future__ import annotations

import io

from PIL import Image, ImageOps, UnidentifiedImageError

MAX_SIDE = 2400  # pixels; enough for a full A4 page at 200 dpi
MAX_INPUT_PIXELS = 60_000_000  # refuse decompression bombs before decoding them
ACCEPTED = {"JPEG", "PNG", "GIF", "WEBP", "BMP", "TIFF", "MPO"}


class MediaError(ValueError):
    """A picture we cannot take, said in one sentence."""


def clean_picture(data: bytes, max_side: int = MAX_SIDE) -> tuple[bytes, str]:
    """Return (bytes, extension) of the picture without any metadata, upright and bounded.

    Photos become JPEG (quality 88); drawings with transparency or few colours become PNG.
    """
    try:
        with Image.open(io.BytesIO(data)) as probe:
            fmt = probe.format or ""
            width, height = probe.size
            if fmt not in ACCEPTED:
                raise MediaError(f"a {fmt or 'file of this kind'} is not a picture Kinscape takes "
                                 "(use JPEG or PNG)")
            if width * height > MAX_INPUT_PIXELS:
                raise MediaError(f"the picture is too large ({width}×{height} pixels)")
            probe.load()
            image = ImageOps.exif_transpose(probe)
    except MediaError:
        raise
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError, SyntaxError) as exc:
        raise MediaError("the file is not a picture Kinscape can read "
                         "(it may be damaged)") from exc
    image.thumbnail((max_side, max_side))
    keep_alpha = image.mode in ("RGBA", "LA", "P") and _has_alpha(image)
    clean = Image.new("RGBA" if keep_alpha else "RGB", image.size)
    clean.paste(image.convert(clean.mode))  # pixels only: no info, no EXIF, no ICC, no XMP
    out = io.BytesIO()
    if keep_alpha or fmt in {"PNG", "GIF", "BMP"}:
        clean.save(out, format="PNG", optimize=True)
        return out.getvalue(), "png"
    clean.save(out, format="JPEG", quality=88, optimize=True)
    return out.getvalue(), "jpg"


def _has_alpha(image: Image.Image) -> bool:
    if image.mode == "P":
        return "transparency" in image.info
    return image.getchannel("A").getextrema()[0] < 255
