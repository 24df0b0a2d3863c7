"""Atomic file writes: the target is either the old file or the whole new one, never half.

Write to a temporary file beside the target (same folder, so the rename cannot cross file
systems), flush and fsync it, `os.replace` it over the target, then fsync the folder so the
rename itself survives a power cut. Any failure removes the temporary file and leaves the
target as it was.
"""
from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path

_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)


def write_bytes_atomic(path: str | os.PathLike[str], data: bytes) -> None:
    """Replace `path` with `data` in one step; on any error the old file is untouched."""
    target = Path(path)
    if target.is_symlink():  # replace the file the link points to, and keep the link
        target = Path(os.path.realpath(target))
    folder = target.parent
    if target.is_dir():
        raise IsADirectoryError(21, "is a folder, not a file", str(target))
    tmp_name = str(folder / f".{target.name}.{secrets.token_hex(6)}.tmp")
    # 0o666 less the umask, like any new file; an existing file keeps its own permissions.
    fd = os.open(tmp_name, _FLAGS, 0o666)
    try:
        with os.fdopen(fd, "wb") as handle:
            if target.exists():
                os.chmod(tmp_name, target.stat().st_mode & 0o7777)
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
    fsync_folder(folder)


def fsync_folder(folder: str | os.PathLike[str]) -> None:
    """Make a rename in `folder` durable; a no-op where folders cannot be opened (Windows)."""
    try:
        dir_fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dir_fd)
    except OSError:
        pass
    finally:
        os.close(dir_fd)
