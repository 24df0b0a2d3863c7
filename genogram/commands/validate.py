"""`genogram validate CASE`: does this file open, and is anything in it worth a second look?

Exit 0 with `ok: 14 people, 6 unions, 0 warnings` and then each warning on its own line (a
warning never stops a case opening); exit 1 with one line on stderr naming the first problem.
"""
from __future__ import annotations

import argparse
from typing import Any

from ._common import load_case


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "validate",
        help="check that a case file opens, and list questionable facts",
        description="Check a .kinscape file or a bare case.json. Prints 'ok: …' and any "
                    "warnings (exit 0), or the first problem found (exit 1).",
    )
    parser.add_argument("case", metavar="CASE", help="a .kinscape file or a case.json")
    parser.set_defaults(run=run)


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def run(args: argparse.Namespace) -> int:
    case = load_case(args.case)
    warnings = case.warnings()
    fam = case.family
    print("ok: " + ", ".join([
        _count(fam.person_count(), "person", "people"),
        _count(len(fam.unions()), "union", "unions"),
        _count(len(warnings), "warning", "warnings"),
    ]))
    for warning in warnings:
        print(f"warning: {warning.message}")
    return 0
