"""What every headless command shares: reading a case, writing an output, one-line errors."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..model import Case


#: The outputs written by the command now running (so a failure can say whether anything was).
WRITTEN: list[Path] = []


class CliError(Exception):
    """A problem the user can fix, said in one sentence; `code` is the exit status."""

    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.code = code


def one_line(exc: BaseException) -> str:
    """An exception as one readable line (no traceback, no newlines)."""
    text = " ".join(str(exc).split())
    if isinstance(exc, OSError) and exc.strerror:
        where = f"{exc.filename}: " if exc.filename else ""
        text = f"{where}{exc.strerror}"
    return text or type(exc).__name__


def load_case(path: str | Path) -> Case:
    """Read a `.kinscape` file or a bare `case.json`; any problem becomes a CliError."""
    from ..model import ModelError
    from ..storage.casefile import CaseFileError, read_case

    try:
        return read_case(Path(path))
    except (CaseFileError, ModelError, OSError, ValueError) as exc:
        raise CliError(one_line(exc)) from exc


def write_output(path: str | Path, data: bytes) -> None:
    """Write an output file atomically: it either appears whole or not at all."""
    from ..storage.atomic import write_bytes_atomic

    folder = Path(path).resolve().parent
    if not folder.is_dir():
        raise CliError(f"cannot write {path}: the folder {folder} does not exist")
    try:
        write_bytes_atomic(Path(path), data)
    except OSError as exc:
        raise CliError(f"cannot write {path}: {one_line(exc)}") from exc
    WRITTEN.append(Path(path))
