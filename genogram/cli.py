"""Headless commands: `genogram …` or `python -m genogram …`.

Each command lives in its own module under `genogram/commands/` with a `register(sub)`
function, so commands can be added without touching this file. A bad input gets one line on
stderr and a non-zero exit: never a traceback, never a half-written output file (outputs are
written through `genogram.commands._common.write_output`, which is atomic). Anything else that
goes wrong is Kinscape's fault, not the user's: one line says so and asks for a report, exit
status 3; `GENOGRAM_DEBUG=1` prints the traceback as well, for whoever fixes it.
"""
from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import sys
import traceback
from collections.abc import Sequence

from . import commands as _commands_pkg
from .commands import _common
from .commands._common import CliError, one_line

PROG = "genogram"
#: Exit status when something went wrong inside Kinscape (1 and 2 are the user's input and request).
UNEXPECTED = 3


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Kinscape headless commands: demo cases, import, export, layout, checks.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    for info in sorted(pkgutil.iter_modules(_commands_pkg.__path__), key=lambda m: m.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{_commands_pkg.__name__}.{info.name}")
        register = getattr(module, "register", None)
        if register is not None:
            register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    _common.WRITTEN.clear()
    try:
        return int(args.run(args) or 0)
    except CliError as exc:
        print(f"{PROG}: {exc}", file=sys.stderr)
        return exc.code
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130
    except OSError as exc:  # the computer said no (a file, a folder, the disk): the line says which
        print(f"{PROG}: {one_line(exc)}", file=sys.stderr)
        return 1
    except Exception as exc:  # noqa: BLE001  a fault in Kinscape: one line, no traceback unless asked
        if os.environ.get("GENOGRAM_DEBUG", "").strip() not in ("", "0"):
            traceback.print_exc()
        print(f"{PROG}: {unexpected(exc)}", file=sys.stderr)
        return UNEXPECTED


def unexpected(exc: BaseException) -> str:
    """The one sentence for a fault in Kinscape: what it was, what was written, what to do."""
    if isinstance(exc, KeyError) and len(exc.args) == 1:
        detail = repr(exc.args[0])  # str() of a KeyError is the key's repr; say it the same way
    else:
        detail = " ".join(str(exc).split())
    what = f"{type(exc).__name__}: {detail}" if detail else type(exc).__name__
    written = ", ".join(str(p) for p in _common.WRITTEN)
    outcome = f"{written} had already been written" if written else "nothing was written"
    return (f"an unexpected problem inside Kinscape, not something you did ({what}); {outcome}, "
            "so please report it (GENOGRAM_DEBUG=1 shows the details)")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
