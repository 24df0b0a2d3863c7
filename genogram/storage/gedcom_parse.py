"""Reading GEDCOM 5.5.1 and 7 text into a tree of lines: encodings, levels, CONT/CONC.

Our own small reader rather than a library: Kinscape needs only the line grammar plus a few
record types, and it must turn every kind of broken file into one sentence with a line number
(`GedcomError`), which is easier to promise for sixty lines we own. It is lenient where real
exports are sloppy (a byte-order mark, CR, LF or CRLF line ends, blank lines, a note broken over
lines without CONT) and strict where guessing would change the family (levels that jump, a
missing HEAD or TRLR, an xref used twice, binary data).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

__all__ = ["GedcomError", "Node", "Parsed", "decode_bytes", "parse_gedcom"]


class GedcomError(ValueError):
    """A GEDCOM file that cannot be read; the message starts with "line N:" where it can."""

    def __init__(self, line: int | None, message: str) -> None:
        super().__init__(f"line {line}: {message}" if line else message)
        self.line = line


@dataclass(slots=True)
class Node:
    """One GEDCOM line with its subordinate lines; CONT/CONC are already folded into `value`."""

    level: int
    xref: str | None
    tag: str
    value: str
    line: int
    children: list[Node] = field(default_factory=list)

    def first(self, tag: str) -> Node | None:
        return next((c for c in self.children if c.tag == tag), None)

    def text(self, tag: str) -> str:
        node = self.first(tag)
        return node.value.strip() if node else ""


@dataclass
class Parsed:
    head: Node
    records: list[Node]  # every level-0 record except HEAD and TRLR, in file order
    version: str  # HEAD.GEDC.VERS as written ("5.5.1", "7.0"); "" when the header has none
    notes: list[str] = field(default_factory=list)  # things the user should know we assumed

    @property
    def is_v7(self) -> bool:
        return self.version.startswith("7")


# ---- bytes to text ---------------------------------------------------------------------------
_CHAR = re.compile(rb"(?m)^[ \t]*1[ \t]+CHAR[ \t]+([A-Za-z0-9_-]+)")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1a\x1c-\x1f\x7f]")

# ANSEL (ANSI Z39.47), the default character set of GEDCOM 5.5.1: spacing letters, and combining
# marks written *before* the letter they sit on.
_ANSEL_SPACING = {
    0xA1: "Ł", 0xA2: "Ø", 0xA3: "Đ", 0xA4: "Þ", 0xA5: "Æ", 0xA6: "Œ", 0xA7: "ʹ", 0xA8: "·",
    0xA9: "♭", 0xAA: "®", 0xAB: "±", 0xAC: "Ơ", 0xAD: "Ư", 0xAE: "ʼ", 0xB0: "ʻ", 0xB1: "ł",
    0xB2: "ø", 0xB3: "đ", 0xB4: "þ", 0xB5: "æ", 0xB6: "œ", 0xB7: "ʺ", 0xB8: "ı", 0xB9: "£",
    0xBA: "ð", 0xBC: "ơ", 0xBD: "ư", 0xBE: "□", 0xBF: "■", 0xC0: "°", 0xC1: "ℓ", 0xC2: "℗",
    0xC3: "©", 0xC4: "♯", 0xC5: "¿", 0xC6: "¡", 0xC7: "ß", 0xC8: "€", 0xCF: "ß",
}
_ANSEL_COMBINING = {
    0xE0: "\u0309", 0xE1: "\u0300", 0xE2: "\u0301", 0xE3: "\u0302", 0xE4: "\u0303",
    0xE5: "\u0304", 0xE6: "\u0306", 0xE7: "\u0307", 0xE8: "\u0308", 0xE9: "\u030c",
    0xEA: "\u030a", 0xEB: "\ufe20", 0xEC: "\ufe21", 0xED: "\u0315", 0xEE: "\u030b",
    0xEF: "\u0310", 0xF0: "\u0327", 0xF1: "\u0328", 0xF2: "\u0323", 0xF3: "\u0324",
    0xF4: "\u0325", 0xF5: "\u0333", 0xF6: "\u0332", 0xF7: "\u0326", 0xF8: "\u031c",
    0xF9: "\u032e", 0xFA: "\ufe22", 0xFB: "\ufe23", 0xFE: "\u0313",
}


def decode_ansel(data: bytes) -> str:
    out: list[str] = []
    marks: list[str] = []
    for b in data:
        if b in _ANSEL_COMBINING:
            marks.append(_ANSEL_COMBINING[b])
            continue
        ch = chr(b) if b < 0x80 else _ANSEL_SPACING.get(b, "\ufffd")
        out.append(ch)
        if marks:
            out.extend(marks)
            marks = []
    return unicodedata.normalize("NFC", "".join(out))


def _line_of(data: bytes, index: int) -> int:
    return data.count(b"\n", 0, index) + 1


def decode_bytes(data: bytes) -> tuple[str, str | None]:
    """The file's text, and a note when we had to guess its character set."""
    if not data.strip(b" \t\r\n\x00\x1a\xef\xbb\xbf"):
        raise GedcomError(1, "the file is empty")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _strict(data, "utf-16"), None
    if data[:2] == b"0\x00":
        return _strict(data, "utf-16-le"), None
    if data[:2] == b"\x000":
        return _strict(data, "utf-16-be"), None
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    nul = data.find(b"\x00")
    if nul >= 0:
        raise GedcomError(_line_of(data, nul), "this is not a GEDCOM text file (it holds binary data)")
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        bad_line = _line_of(data, exc.start)
    m = _CHAR.search(data[:4000])
    declared = m.group(1).decode("ascii").upper() if m else ""
    if declared == "ANSEL":
        return decode_ansel(data), None
    if declared in ("ANSI", "WINDOWS-1252", "CP1252"):
        return data.decode("cp1252", errors="replace"), None
    if declared in ("UTF-8", "UTF8", "UNICODE"):
        note = (f"the file says UTF-8 but line {bad_line} is not; read it as Latin-1, so check"
                " accented letters in names")
    else:
        note = "the file is not UTF-8; read it as Latin-1, so check accented letters in names"
    return data.decode("latin-1"), note


def _strict(data: bytes, codec: str) -> str:
    try:
        return data.decode(codec).lstrip("\ufeff")
    except UnicodeDecodeError as exc:
        raise GedcomError(_line_of(data, exc.start), f"the file is not valid {codec.upper()}") from None


# ---- text to a tree --------------------------------------------------------------------------
_LINE = re.compile(r"^[ \t]*(\d{1,2})[ \t]+(?:(@[^@\s]+@)[ \t]+)?([A-Za-z0-9_]+)(?: (.*))?$")
_NEWLINE = re.compile(r"\r\n|\n\r|\r|\n")


def parse_gedcom(data: bytes | str) -> Parsed:
    """Read a whole file; raise GedcomError naming the first line that cannot be read."""
    if isinstance(data, bytes):
        text, note = decode_bytes(data)
    else:
        text, note = data.lstrip("\ufeff"), None
        if not text.strip():
            raise GedcomError(1, "the file is empty")
    bad = _CONTROL.search(text.rstrip("\x1a \t\r\n"))
    if bad:
        raise GedcomError(text.count("\n", 0, bad.start()) + 1,
                          "this is not a GEDCOM text file (it holds binary data)")
    top: list[Node] = []
    stack: list[Node] = []
    loose = 0
    seen: dict[str, int] = {}
    trailer = False
    last = 1
    for number, raw in enumerate(_NEWLINE.split(text), start=1):
        if not raw.strip():
            continue
        last = number
        m = _LINE.match(raw)
        if m is None:
            if raw.lstrip()[:1].isdigit() or not stack:
                raise GedcomError(number, f"cannot read this line: {_show(raw)}")
            # A note broken over lines without CONT (hand-edited files): keep the text.
            stack[-1].value += "\n" + raw
            loose += 1
            continue
        level, xref, tag, value = int(m.group(1)), m.group(2), m.group(3).upper(), m.group(4) or ""
        if not top and (level != 0 or tag != "HEAD"):
            raise GedcomError(number, 'a GEDCOM file starts with "0 HEAD"; this one does not')
        if level > len(stack):
            raise GedcomError(number, f"level {level} follows level {len(stack) - 1}; a line can"
                              " only go one level deeper than the line before it")
        if tag in ("CONT", "CONC") and level > 0:
            parent = stack[level - 1]
            parent.value += ("\n" if tag == "CONT" else "") + _unescape(value)
            del stack[level:]
            continue
        if level == 0 and tag == "TRLR":
            trailer = True
            break
        node = Node(level, xref, tag, _unescape(value), number)
        del stack[level:]
        if level == 0:
            top.append(node)
            if xref:
                if xref in seen:
                    raise GedcomError(number, f"{xref} is used for two records (lines {seen[xref]}"
                                      f" and {number})")
                seen[xref] = number
        else:
            stack[-1].children.append(node)
        stack.append(node)
    if not trailer:
        raise GedcomError(last, 'the file ends without the closing "0 TRLR" line; it may have'
                          " been cut short")
    head = top[0]
    gedc = head.first("GEDC")
    version = gedc.text("VERS") if gedc else ""
    notes = [note] if note else []
    if not version:
        notes.append("the header gives no GEDCOM version, so it was read as 5.5.1")
    elif not version.startswith(("5", "7")):
        notes.append(f"GEDCOM {version} is not a version Kinscape knows; read as 5.5.1")
    if loose:
        notes.append(f"{loose} line{'s' if loose != 1 else ''} without a level number were read"
                     " as part of the line before")
    return Parsed(head, top[1:], version, notes)


def _unescape(value: str) -> str:
    """A payload starting with "@@" stands for one "@" (GEDCOM 7 and 5.5.1)."""
    return value[1:] if value.startswith("@@") else value


def _show(raw: str) -> str:
    raw = raw.strip()
    return f'"{raw[:40]}…"' if len(raw) > 40 else f'"{raw}"'
