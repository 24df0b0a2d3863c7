"""`genogram import FILE.ged -o CASE.kinscape`: a family tree from a genealogy program.

Prints one summary line (how many people and families, which dates could only be kept as
approximate or were left out and whose they are, what was skipped); a file that cannot be read
gets one line naming the line number and no output file. An existing case is never
replaced unless asked (`--force`), because a case holds a practitioner's work.
"""
from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ._common import CliError, one_line, write_output


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "import",
        help="make a case from a GEDCOM 5.5.1 or 7 file",
        description="Read a GEDCOM file (5.5.1 or 7) into a new case: names, sex, birth and "
                    "death dates, partnerships, marriages and divorces, and children with their "
                    "birth, adoptive or foster families. Other facts are skipped and counted; "
                    "dates that cannot be read exactly are kept as approximate, and the "
                    "summary line names them.",
    )
    parser.add_argument("ged", metavar="FILE.ged", help="the GEDCOM file to read")
    parser.add_argument("-o", "--output", required=True, metavar="CASE",
                        help="the case to write: NAME.kinscape, or NAME.json for a bare case.json")
    parser.add_argument("--force", action="store_true", help="replace CASE if it exists")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..storage.casefile import case_json_bytes, case_to_bytes
    from ..storage.gedcom import GedcomError, import_gedcom

    out = Path(args.output)
    if out.suffix.lower() not in (".kinscape", ".json"):
        raise CliError(f"{out.name}: the case should end in .kinscape (or .json for a bare"
                       " case.json)")
    if out.exists() and not args.force:
        raise CliError(f"{out} already exists; choose another name, or add --force to replace it")
    source = Path(args.ged)
    try:
        case, summary = import_gedcom(source)
    except OSError as exc:
        raise CliError(f"cannot read {source}: {one_line(exc)}") from exc
    except GedcomError as exc:
        raise CliError(f"{source.name}: {one_line(exc)}") from exc
    body = case_json_bytes(case) if out.suffix.lower() == ".json" else case_to_bytes(case)
    write_output(out, body)
    print(summary.line())
    return 0

