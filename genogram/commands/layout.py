"""`genogram layout CASE --json`: the computed geometry of every symbol, for tools and tests."""
from __future__ import annotations

import argparse
import importlib
import json
import sys
from typing import Any

from ._common import CliError, load_case, write_output


def register(sub: Any) -> None:
    p = sub.add_parser("layout", help="print the computed geometry of a genogram or ecomap",
                       description="Print where every person (or ecomap system) is drawn, in points.")
    p.add_argument("case", help="a .kinscape file or a case.json")
    p.add_argument("--json", action="store_true", help="print JSON (the only format; kept for clarity)")
    p.add_argument("--what", choices=("genogram", "ecomap"), default="genogram")
    p.add_argument("--focus", metavar="ID", help="only the people around this person")
    p.add_argument("--generations", type=int, default=2, metavar="N",
                   help="with --focus: generations up and down (default 2)")
    p.add_argument("-o", "--output", help="write to this file instead of printing")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    case = load_case(args.case)
    if args.what == "ecomap":
        data = _ecomap(case)
    else:
        from ..layout import focus_people, layout_genogram, layout_json

        people = None
        if args.focus is not None:
            if not case.family.has_person(args.focus):
                raise CliError(f"there is no person {args.focus!r} in this case")
            if args.generations < 0:
                raise CliError("--generations must be 0 or more")
            people = focus_people(case, args.focus, args.generations)
        data = layout_json(case, layout_genogram(case, people))
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    if args.output:
        write_output(args.output, (text + "\n").encode("utf-8"))
    else:
        sys.stdout.write(text + "\n")
    return 0


def _ecomap(case: Any) -> Any:
    try:
        module = importlib.import_module("genogram.layout.ecomap")
    except ModuleNotFoundError as exc:
        if exc.name == "genogram.layout.ecomap":
            raise CliError("the ecomap layout is not available in this version yet") from exc
        raise
    fn = getattr(module, "ecomap_json", None)
    if fn is None:
        raise CliError("the ecomap layout is not available in this version yet")
    return fn(case)
