"""`genogram export CASE --what WHAT --format FMT -o OUT`: print a case's diagrams and documents.

Each WHAT is one line in `EXPORTERS`, naming the function that makes it (imported only when
used), the formats it can write and the options it uses. An option the chosen WHAT does not
use, an unknown option value or an id that is not in the case is refused (exit 2) before
anything is drawn, so nobody gets a printout that quietly ignored what they asked for. An
exporter is called as `fn(case, fmt, options)` and returns the file's bytes; the output is
written atomically, so a failure never leaves half a file behind.
"""
from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ._common import CliError, load_case, one_line, write_output


@dataclass(frozen=True)
class Exporter:
    target: str  # "package.module:function"
    formats: tuple[str, ...]
    options: tuple[str, ...] = ()  # the flags it uses, beyond CASE, --what, --format and -o

    def load(self) -> Callable[..., bytes]:
        module, _, name = self.target.partition(":")
        return getattr(importlib.import_module(module), name)  # type: ignore[no-any-return]


_DIRECT = ("--child", "--for")  # the child's documents: whose, and whose copy
EXPORTERS: dict[str, Exporter] = {
    "genogram": Exporter("genogram.export.genogram_export:export_for_cli", ("pdf", "svg", "png"),
                         ("--paper", "--orientation", "--pages", "--dpi")),
    "plan": Exporter("genogram.export.plan_pdf:export_for_cli", ("pdf", "docx"), ("--child",)),
    "child-plan": Exporter("genogram.export.child_plan:export_for_cli", ("pdf",), ("--child",)),
    "ecomap": Exporter("genogram.export.ecomap_export:export_for_cli", ("pdf", "svg", "png"),
                       ("--paper", "--orientation", "--dpi", "--ecomap", "--compare")),
    "important-people": Exporter("genogram.export.important_people_pdf:export_for_cli", ("pdf",),
                                 ("--child", "--sheet", "--paper")),
    "three-houses": Exporter("genogram.export.three_houses_pdf:export_for_cli", ("pdf",),
                             (*_DIRECT, "--theme", "--blank")),
    "safety-map": Exporter("genogram.export.safety_map_pdf:export_for_cli", ("pdf",), _DIRECT),
    "chronology": Exporter("genogram.export.chronology_pdf:export_for_cli", ("pdf",),
                           (*_DIRECT, "--kind", "--person", "--since", "--until", "--significance",
                            "--recorded-only")),
    "words-pictures": Exporter("genogram.export.words_pictures_pdf:export_for_cli", ("pdf",),
                               (*_DIRECT, "--booklet")),
    "gedcom": Exporter("genogram.storage.gedcom_export:export_for_cli", ("ged",)),
}
#: What the design promises; named in the error for a WHAT not written yet (all are written now).
PLANNED: tuple[str, ...] = ()

#: Options that only one kind of file uses (a PDF has no dpi; a PNG or SVG has no paper).
FORMAT_ONLY = {"--paper": "pdf", "--orientation": "pdf", "--pages": "pdf", "--dpi": "png"}
#: Pairs of options where the first makes the second meaningless.
CONFLICTS = (("--blank", "--child", "a blank sheet is not anyone's yet"),
             ("--blank", "--for", "a blank sheet is not anyone's yet"),
             ("--compare", "--ecomap", "--compare names the snapshots itself"),
             ("--person", "--child", "--person already says whose events"))
#: Defaults of the layout options (given as None so that run can tell whether they were asked for).
LAYOUT_DEFAULTS = {"paper": "A4", "orientation": "landscape", "pages": "fit", "dpi": 150.0}

#: Options passed through to exporters as given (None when not asked for): flag, key, help.
PASS_THROUGH = (
    ("--child", "child", "the child the document is for, by id (default: the case's index child)"),
    ("--for", "for", ("the reader a copy is for (a name, an id or a tie such as Dad); a person the "
                     "child said no to never gets a copy")),
    ("--ecomap", "ecomap", "ecomap: which dated snapshot, by id (default: the latest)"),
    ("--compare", "compare", ("ecomap: two snapshot ids A,B side by side, or 'latest' for the two "
                             "latest")),
    ("--sheet", "sheet", "important-people: which sheet, by id (default: the child's latest)"),
    ("--theme", "theme", "three-houses: houses, fairies or wizards"),
    ("--booklet", "booklet", ("words-pictures: a4 (landscape pages) or a5-booklet (imposed for "
                             "folding)")),
    ("--kind", "kind", "chronology: only these kinds of event, comma-separated"),
    ("--person", "person", "chronology: only events about these people (ids, comma-separated)"),
    ("--since", "since", "chronology: events from this date (2019, 2019-03 or 2019-03-04)"),
    ("--until", "until", "chronology: events up to this date"),
    ("--significance", "significance", ("chronology: only events whose significance mentions these "
                                       "words")),
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
    parser.add_argument("--paper", choices=["A4", "A3"], help="PDF paper size (default A4)")
    parser.add_argument("--orientation", choices=["landscape", "portrait"],
                        help="PDF page orientation (default landscape)")
    parser.add_argument("--pages", choices=["fit", "tile"],
                        help="PDF: fit the drawing on one page, or tile it across pages at full size")
    parser.add_argument("--dpi", type=float, metavar="N", help="PNG resolution (default 150)")
    for flag, key, text in PASS_THROUGH:
        parser.add_argument(flag, dest=f"opt_{key}", metavar=key.upper(), help=text)
    parser.add_argument("--blank", action="store_true",
                        help="three-houses: a blank sheet to fill in with the child")
    parser.add_argument("--recorded-only", action="store_true",
                        help="chronology: only recorded events, not those drawn from the genogram")
    parser.epilog = ("Each WHAT uses only some options; giving one it does not use is refused: "
                     + "; ".join(f"{what}: {', '.join(e.options) or 'none'}" for what, e in EXPORTERS.items())
                     + ".")
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


def _given(args: argparse.Namespace) -> list[str]:
    """The option flags asked for on the command line, in the order `--help` lists them."""
    flags = [f"--{key}" for key in LAYOUT_DEFAULTS if getattr(args, key) is not None]
    flags += [flag for flag, key, _text in PASS_THROUGH if getattr(args, f"opt_{key}") is not None]
    return flags + [flag for flag in ("--blank", "--recorded-only") if getattr(args, flag[2:].replace("-", "_"))]


def _whats(flag: str) -> str:
    users = [what for what, e in EXPORTERS.items() if flag in e.options]
    return " or ".join(", ".join(users).rsplit(", ", 1))


def _check_options(args: argparse.Namespace, fmt: str, exporter: Exporter) -> None:
    """Refuse an option this WHAT (or this format) does not use: it would be quietly ignored."""
    if args.dpi is not None and not 20 <= args.dpi <= 1200:
        raise CliError(f"--dpi {args.dpi:g} is outside 20 to 1200", code=2)
    given = _given(args)
    for flag in given:
        if flag not in exporter.options:
            raise CliError(f"{flag} is only used with --what {_whats(flag)}", code=2)
        if FORMAT_ONLY.get(flag, fmt) != fmt:
            raise CliError(f"{flag} is only used for {FORMAT_ONLY[flag]} files, not {fmt}", code=2)
    for first, second, why in CONFLICTS:
        if first in given and second in given:
            raise CliError(f"{second} cannot be used with {first}: {why}", code=2)


def _listing(items: list[str], most: int = 12) -> str:
    if len(items) > most:
        return f"{', '.join(items[:most])} and {len(items) - most} more"
    return ", ".join(items) if items else "none"


def _person_label(case: Any, pid: str) -> str:
    name = case.family.person(pid).display_name.strip()
    return f"{name} ({pid})" if name else pid


_CHILD_RECORDS = ("plans", "important_people", "three_houses", "safety_maps", "stories")


def _children(case: Any) -> list[str]:
    """The case's children: the index child and every child a record is about."""
    found: list[str] = []
    for pid in [case.meta.index_person] + [getattr(r, "child", None) for kind in _CHILD_RECORDS
                                             for r in case.records(kind)]:
        if pid and pid not in found and case.family.has_person(pid):
            found.append(pid)
    return found


def _check_ids(case: Any, options: dict[str, object]) -> None:
    """Refuse an id that is not in the case, naming the ones that are."""
    child = options.get("child")
    if child and not case.family.has_person(str(child)):
        children = [_person_label(case, pid) for pid in _children(case)]
        if not children:
            raise CliError(f"no child with id {child} in this case, which has no index child or child's "
                           "records yet", code=2)
        raise CliError(f"no child with id {child} in this case; children are: {_listing(children)}",
                       code=2)
    people = str(options.get("person") or "").split(",")
    for pid in (p.strip() for p in people if p.strip()):
        if not case.family.has_person(pid):
            everyone = [_person_label(case, p.id) for p in case.family.people()]
            raise CliError(f"no person with id {pid} in this case; people are: {_listing(everyone)}"
                           + (" (genogram layout CASE --json lists every id)" if len(everyone) > 12 else ""),
                           code=2)
    ecomaps = [m.id for m in case.records("ecomaps")]
    asked = [str(options["ecomap"])] if options.get("ecomap") else []
    if isinstance(options.get("compare"), str) and options["compare"] != "latest":
        asked += [p.strip() for p in str(options["compare"]).split(",") if p.strip()]
    for eid in asked:
        if eid not in ecomaps:
            raise CliError(f"no ecomap with id {eid} in this case; ecomaps are: {_listing(ecomaps)}", code=2)
    sheet = options.get("sheet")
    sheets = [r.id for r in case.records("important_people")]
    if sheet and sheet not in sheets:
        raise CliError(f"no important people sheet with id {sheet} in this case; sheets are: "
                       f"{_listing(sheets)}", code=2)


def _check_values(case: Any, what: str, options: dict[str, object]) -> None:
    """Refuse an option value the exporter would not understand, naming the ones it does."""
    theme = options.get("theme")
    if theme:
        from ..export.three_houses_pdf import THEMES

        if theme not in THEMES:
            raise CliError(f"there is no three-houses theme {theme!r}; the themes are "
                           f"{', '.join(THEMES[:-1])} and {THEMES[-1]}", code=2)
    booklet = options.get("booklet")
    if booklet:
        from ..export.words_pictures_pdf import LAYOUTS

        if str(booklet).lower() not in LAYOUTS:
            raise CliError(f"there is no booklet layout {booklet!r}; the layouts are {' and '.join(LAYOUTS)}",
                           code=2)
    if what == "chronology":
        _check_chronology(case, options)


def _check_chronology(case: Any, options: dict[str, object]) -> None:
    from ..directwork.chronology import ChronologyFilter, chronology, filter_events, parse_filter
    from ..directwork.consent import is_practitioner
    from ..export.direct_print import option_reader

    try:
        parse_filter(options)
    except ValueError as exc:
        raise CliError(one_line(exc), code=2) from exc
    significance = str(options.get("significance") or "").strip()
    if not significance:
        return
    reader = option_reader(options)
    private = is_practitioner(case, reader) and not case.meta.hide_private_in_exports
    events = chronology(case, include_private=private)
    if filter_events(events, ChronologyFilter(significance=significance)):
        return
    said = list(dict.fromkeys(f"“{e.significance.strip()}”" for e in events if e.significance.strip()))
    if not said:
        raise CliError(f"--significance {significance!r} matches nothing: no event in this case has its "
                       "significance written down yet, so leave --significance out", code=2)
    raise CliError(f"--significance {significance!r} matches no event; it picks events whose significance "
                   f"contains these words, and the significances written are: {_listing(said, 6)}", code=2)


def _important_people_default(case: Any, options: dict[str, object]) -> None:
    """Neither --child nor --sheet: the index child's latest sheet, as --help says; if they have
    none, the latest of anyone's, saying so on stderr (the file is still written)."""
    if options.get("child") or options.get("sheet"):
        return
    from ..export.important_people_pdf import default_record

    try:
        rec, note = default_record(case)
    except ValueError:
        return  # no sheet at all: the exporter says so
    options["sheet"] = rec.id
    if note:
        print(f"genogram: note: {note}", file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    exporter = _exporter(args.what)
    fmt = _format(args, exporter)
    _check_options(args, fmt, exporter)
    case = load_case(args.case)
    options: dict[str, object] = {key: default if getattr(args, key) is None else getattr(args, key)
                                  for key, default in LAYOUT_DEFAULTS.items()}
    options.update(blank=args.blank, recorded_only=args.recorded_only)
    for _flag, key, _text in PASS_THROUGH:
        value = getattr(args, f"opt_{key}")
        if value is not None:
            options[key] = value
    _check_ids(case, options)
    _check_values(case, args.what, options)
    if options.get("compare") == "latest":
        options["compare"] = True
    if args.what == "important-people":
        _important_people_default(case, options)
    try:
        data = exporter.load()(case, fmt, options)
    except ValueError as exc:
        raise CliError(one_line(exc)) from exc
    write_output(args.output, data)
    print(f"wrote {args.what} ({fmt}) to {args.output}")
    return 0
