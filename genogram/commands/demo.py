"""`genogram demo`: write an invented family to a case file, to teach with or to try Kinscape on.

`genogram demo --list` names the demos; `genogram demo NAME -o FILE.kinscape` writes one as a
case file (or as a bare case.json when FILE ends in .json). Without NAME the default demo is used.
An existing FILE is never replaced without --force: it may be a real family's case.
"""
from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from ._common import CliError, write_output


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "demo",
        help="write an invented demo family to a case file",
        description="Write an invented family, made up for training and trying Kinscape out, "
                    "to a .kinscape case file (or a bare case.json). --list names the demos.",
    )
    parser.add_argument("name", metavar="NAME", nargs="?",
                        help="which demo family (default: the first one --list shows)")
    parser.add_argument("--list", action="store_true", help="list the demo families and stop")
    parser.add_argument("-o", "--output", metavar="FILE",
                        help="where to write it: FILE.kinscape, or FILE.json for a bare case.json")
    parser.add_argument("--force", action="store_true", help="replace FILE if it already exists")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..demo import DEFAULT_DEMO, list_demos, load_demo

    if args.list:
        demos = list_demos()
        width = max(len(name) for name, _ in demos)
        for name, description in demos:
            print(f"{name:<{width}}  {description}")
        return 0
    if not args.output:
        raise CliError("say where to write the demo with -o FILE.kinscape (or -o FILE.json); "
                       "genogram demo --list names the demos", code=2)
    out = Path(args.output)
    suffix = out.suffix.lower()
    if suffix not in (".kinscape", ".json"):
        raise CliError(f"{out.name}: the output should end in .kinscape (a case file) "
                       "or .json (a bare case.json)", code=2)
    if out.exists() and not args.force:
        raise CliError(f"{out} already exists; choose another name, or add --force to replace it",
                       code=2)
    try:
        case = load_demo(args.name or DEFAULT_DEMO)
    except ValueError as exc:
        raise CliError(str(exc), code=2) from exc

    from ..storage.casefile import case_json_bytes, case_to_bytes

    write_output(out, case_json_bytes(case) if suffix == ".json" else case_to_bytes(case))
    print(f"wrote {case.meta.title} (invented) to {out}")
    return 0
