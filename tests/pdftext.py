"""Reading a PDF's text back in tests, two ways: pypdf (page text and the document's metadata)
and poppler's pdftotext (what a user copying text out of the file would get)."""
from __future__ import annotations

import io
import subprocess
from pathlib import Path

from pypdf import PdfReader


def pdf_text(data: bytes) -> str:
    """Every page's text through pypdf, then the metadata (title, author, subject …)."""
    reader = PdfReader(io.BytesIO(data))
    meta = " ".join(str(v) for v in (reader.metadata or {}).values())
    return " ".join(page.extract_text() for page in reader.pages) + " " + meta


def pdftotext(data: bytes, tmp_path: Path) -> str:
    """The text as poppler's pdftotext reads it (installed by ./run as poppler-utils)."""
    path = tmp_path / "read-back.pdf"
    path.write_bytes(data)
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout
