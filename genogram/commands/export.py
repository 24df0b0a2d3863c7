"""`genogram export CASE --what WHAT --format FMT -o OUT`: print a case's diagrams and documents.

Each WHAT is one line in `EXPORTERS`, naming the function that makes it (imported only when
used) and the formats it can write. An exporter is called as `fn(case, fmt, options)` and
returns the file's bytes; the output is written atomically, so a failure never leaves half
a file behind.
"""
from __future__ import annotations

import argparse
import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ._common import CliError, load_case, one_line, write_output


@dataclass(frozen=True)
class Exporter:
    target: str  # "package.module:function"
    formats: tuple[str, ...]

    def load(self) -> Callable[..., bytes]:
        module, _, name = self.target.partition(":")
        return getattr(importlib.import_module(module), name)  # type: ignore[no-any-return]


EXPORTERS: dict[str, Exporter] = {
    "genogram": Exporter("genogram.export.genogram_export:export_for_cli", ("pdf", "svg", "png")),
    "plan": Exporter("genogram.export.plan_pdf:export_for_cli", ("pdf", "docx")),
    "child-plan": Exporter("genogram.export.child_plan:export_for_cli", ("pdf",)),
    "ecomap": Exporter("genogram.export.ecomap_export:export_for_cli", ("pdf", "svg", "png")),
    "important-people": Exporter("genogram.export.important_people_pdf:export_for_cli", ("pdf",)),
    "three-houses": Exporter("genogram.export.three_houses_pdf:export_for_cli", ("pdf",)),
    "safety-map": Exporter("genogram.export.safety_map_pdf:export_for_cli", ("pdf",)),
    "chronology": Exporter("genogram.export.chronology_pdf:export_for_cli", ("pdf",)),
    "words-pictures": Exporter("genogram.export.words_pictures_pdf:export_for_cli", ("pdf",)),
    "gedcom": Exporter("genogram.storage.gedcom_export:export_for_cli", ("ged",)),
}
#: What the design promises; named in the error for a WHAT not written yet (all are written now).
PLANNED: tuple[str, ...] = ()

#: Options passed through to exporters as given (None when not asked for): flag, key, help.
PASS_THROUGH = (
    ("--child", "child", "the child the document is for, by id (default: the case's index child)"),
    ("--for", "for", "the reader a copy is for (a name, an id or a tie such as Dad); a person the "
                     "child said no to never gets a copy"),
    ("--ecomap", "ecomap", "ecomap: which dated snapshot, by id (default: the latest)"),
    ("--compare", "compare", "ecomap: two snapshot ids A,B side by side, or 'latest' for the two "
                             "latest"),
    ("--sheet", "sheet", "important-people: which sheet, by id (default: the child's latest)"),
    ("--theme", "theme", "three-houses: houses, fairies or wizards"),
    ("--booklet", "booklet", "words-pictures: a4 (landscape pages) or a5-booklet (imposed for "
                             "folding)"),
    ("--kind", "kind", "chronology: only these kinds of event, comma-separated"),
    ("--person", "person", "chronology: only events about these people (ids, comma-separated)"),
    ("--since", "since", "chronology: events from this date (2019, 2019-03 or 2019-03-04)"),
    ("--until", "until", "chronology: events up to this date"),
    ("--significance", "significance", "chronology: only events of this significance"),
)


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "export", help="print a case's diagrams and documents to PDF, SVG, PNG, DOCX or GEDCOM",
        description="Write one view of a case to a file: the genogram or ecomap as PDF (A4 or A3, "
                    "fitted to one page or tiled at full size, with title, date and key), SVG or "
                    "PNG; the plan as PDF or DOCX; the child's one-page plan, important people, "
                    "three houses, safety map, chronology and words-and-pictures booklet as PDF; "
                    "the family's structure as GEDCOM 7.")
    parser.add_argument("case", metavar="CASE", help="a .kinscape case file or a bare case.json")
    parser.add_argument("--what", required=True, metavar="WHAT",
                        help=f"what to export: {', '.join(EXPORTERS)}")
    parser.add_argument("--format", dest="fmt", metavar="FMT",
                        help="pdf, svg or png (default: from the output file's ending)")
    parser.add_argument("-o", "--output", required=True, metavar="OUT", help="the file to write")
    parser.add_argument("--paper", default="A4", choices=["A4", "A3"], help="PDF paper size (default A4)")
    parser.add_argument("--orientation", default="landscape", choices=["landscape", "portrait"],
                        help="PDF page orientation (default landscape)")
    parser.add_argument("--pages", default="fit", choices=["fit", "tile"],
                        help="PDF: fit the drawing on one page, or tile it across pages at full size")
    parser.add_argument("--dpi", type=float, default=150.0, metavar="N", help="PNG resolution (default 150)")
    for flag, key, text in PASS_THROUGH:
        parser.add_argument(flag, dest=f"opt_{key}", metavar=key.upper(), help=text)
    parser.add_argument("--blank", action="store_true",
                        help="three-houses: a blank sheet to fill in with the child")
    parser.add_argument("--recorded-only", action="store_true",
                        help="chronology: only recorded events, not those drawn from the genogram")
    parser.set_defaults(run=run)


def _exporter(what: str) -> Exporter:
    if what in EXPORTERS:
        return EXPORTERS[what]
    available = ", ".join(EXPORTERS)
    if what in PLANNED:
        raise CliError(f"exporting {what!r} is not available yet; available: {available}", code=2)
    raise CliError(f"unknown --what {what!r}; available: {available}", code=2)


def _format(args: argparse.Namespace, exporter: Exporter) -> str:
    suffix = Path(args.output).suffix.lower().lstrip(".")
    fmt = (args.fmt or suffix).lower()
    if not fmt:
        raise CliError("say which format with --format (or give OUT an ending such as .pdf)", code=2)
    if fmt not in exporter.formats:
        raise CliError(f"--what {args.what} can be written as {', '.join(exporter.formats)}, not {fmt!r}",
                       code=2)
    if suffix and suffix != fmt and suffix in exporter.formats:
        raise CliError(f"{Path(args.output).name} ends in .{suffix} but the format is {fmt}", code=2)
    return fmt


def run(args: argparse.Namespace) -> int:
    exporter = _exporter(args.what)
    fmt = _format(args, exporter)
    if not 20 <= args.dpi <= 1200:
        raise CliError(f"--dpi {args.dpi:g} is outside 20 to 1200", code=2)
    case = load_case(args.case)
    options: dict[str, object] = {"paper": args.paper, "orientation": args.orientation,
                                  "pages": args.pages, "dpi": args.dpi,
                                  "blank": args.blank, "recorded_only": args.recorded_only}
    for _flag, key, _text in PASS_THROUGH:
        value = getattr(args, f"opt_{key}")
        if value is not None:
            options[key] = value
    if options.get("compare") == "latest":
        options["compare"] = True
    try:
        data = exporter.load()(case, fmt, options)
    except ValueError as exc:
        raise CliError(one_line(exc)) from exc
    write_output(args.output, data)
    print(f"wrote {args.what} ({fmt}) to {args.output}")
    return 0
