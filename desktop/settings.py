"""The app's remembered choices, with typed defaults, over QSettings.

One place knows every key and its default so the rest of the app never spells a key or
guesses a type. Tests call `QStandardPaths.setTestModeEnabled(True)` first, which moves both
these settings and the recovery folder away from the user's own.
"""
from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

MAX_RECENT = 8
DEFAULT_AUTOSAVE_SECONDS = 30
# An override for the recovery test and for anyone who wants a shorter interval at once.
AUTOSAVE_ENV = "KINSCAPE_AUTOSAVE_SECONDS"


class Settings:
    """Typed access to the few things Kinscape remembers between sessions."""

    def __init__(self, store: QSettings | None = None) -> None:
        self._s = store if store is not None else QSettings()

    # ---- recent files ---------------------------------------------------------------------
    def recent_files(self) -> list[str]:
        value = self._s.value("files/recent", [])
        if isinstance(value, str):  # QSettings gives a lone string for a one-item list
            value = [value]
        return [str(v) for v in (value or []) if v]

    def add_recent_file(self, path: str | os.PathLike[str]) -> list[str]:
        entry = str(Path(path).resolve())
        files = [entry] + [f for f in self.recent_files() if f != entry]
        files = files[:MAX_RECENT]
        self._s.setValue("files/recent", files)
        return files

    def remove_recent_file(self, path: str) -> None:
        self._s.setValue("files/recent", [f for f in self.recent_files() if f != path])

    def clear_recent_files(self) -> None:
        self._s.setValue("files/recent", [])

    # ---- window ---------------------------------------------------------------------------
    def window_geometry(self) -> QByteArray | None:
        return self._bytes("window/geometry")

    def set_window_geometry(self, data: QByteArray) -> None:
        self._s.setValue("window/geometry", data)

    def window_state(self) -> QByteArray | None:
        return self._bytes("window/state")

    def set_window_state(self, data: QByteArray) -> None:
        self._s.setValue("window/state", data)

    def _bytes(self, key: str) -> QByteArray | None:
        value = self._s.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    # ---- autosave -------------------------------------------------------------------------
    def autosave_seconds(self) -> float:
        """How often a recovery copy is written while there are unsaved edits."""
        env = os.environ.get(AUTOSAVE_ENV)
        if env:
            try:
                return max(0.05, float(env))
            except ValueError:
                pass
        value = self._s.value("autosave/seconds", DEFAULT_AUTOSAVE_SECONDS)
        try:
            return max(1.0, float(value))
        except (TypeError, ValueError):
            return float(DEFAULT_AUTOSAVE_SECONDS)

    def set_autosave_seconds(self, seconds: float) -> None:
        self._s.setValue("autosave/seconds", float(seconds))

    # ---- folders --------------------------------------------------------------------------
    def last_folder(self) -> str:
        return str(self._s.value("files/last_folder", "") or "")

    def set_last_folder(self, folder: str) -> None:
        self._s.setValue("files/last_folder", folder)

    def sync(self) -> None:
        self._s.sync()
