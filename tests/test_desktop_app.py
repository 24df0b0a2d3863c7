"""Starting the app: the screenshot mode, no display, bad arguments, fonts and settings."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths
from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[1]


def run_app(args: list[str], tmp_path: Path,
            **env_changes: str | None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "HOME": str(tmp_path / "home"), "KINSCAPE_TESTING": "1"}
    for key, value in env_changes.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return subprocess.run([sys.executable, "-m", "desktop", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=60)


def test_screenshot_of_the_demo_family(tmp_path):
    out = tmp_path / "window.png"
    result = run_app(["--screenshot", str(out)], tmp_path, QT_QPA_PLATFORM="offscreen")
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1280, 800)
    colours = {image.pixel(x, y) for x in range(0, 1280, 16) for y in range(0, 800, 16)}
    assert len(colours) > 5, "the picture is not blank"
    assert "Traceback" not in result.stderr


def test_screenshot_of_a_bad_case_says_why(tmp_path):
    bad = tmp_path / "broken.kinscape"
    bad.write_bytes(b"not a case")
    result = run_app([str(bad), "--screenshot", str(tmp_path / "x.png")], tmp_path,
                     QT_QPA_PLATFORM="offscreen")
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert lines and lines[-1].startswith("broken.kinscape:")
    assert "Traceback" not in result.stderr and not (tmp_path / "x.png").exists()


def test_no_display_gives_one_sentence_and_exit_2(tmp_path):
    result = run_app([], tmp_path, DISPLAY=None, WAYLAND_DISPLAY=None, QT_QPA_PLATFORM=None)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "display" in lines[0]
    assert "xvfb-run" in lines[0] and "QT_QPA_PLATFORM=offscreen" in lines[0]
    assert "Abort" not in result.stderr and "Traceback" not in result.stderr


def test_unknown_option_is_one_line(tmp_path):
    result = run_app(["--colour", "red"], tmp_path, QT_QPA_PLATFORM="offscreen")
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1 and "--help" in result.stderr


@pytest.mark.parametrize(("env", "expected"), [
    ({"QT_QPA_PLATFORM": "offscreen"}, True),
    ({"QT_QPA_PLATFORM": "minimal"}, True),
    ({}, False),
    ({"QT_QPA_PLATFORM": "xcb"}, False),
    ({"QT_QPA_PLATFORM": "wayland"}, False),
    ({"WAYLAND_DISPLAY": "wayland-0"}, True),
    ({"DISPLAY": ":987"}, False),  # no such X server socket
    ({"DISPLAY": "remote.example:0"}, True),  # left to Qt
])
def test_has_display(env, expected, monkeypatch):
    from desktop import app

    monkeypatch.setattr(app.sys, "platform", "linux")
    assert app.has_display(env) is expected


def test_bundled_fonts_are_registered_at_the_system_size(qapp):
    from desktop.fonts import PRIMARY_FAMILY, apply_app_font, register_bundled_fonts

    size = qapp.font().pointSizeF()
    families = register_bundled_fonts()
    assert PRIMARY_FAMILY in families and "DejaVu Sans" in families
    before = qapp.font()
    try:
        apply_app_font(qapp, families)
        assert qapp.font().families()[0] == PRIMARY_FAMILY
        assert qapp.font().pointSizeF() == size, "text follows the system font size"
    finally:
        qapp.setFont(before)


def test_settings_defaults_and_recent_files(qapp, monkeypatch, tmp_path):
    from desktop.settings import DEFAULT_AUTOSAVE_SECONDS, MAX_RECENT, Settings

    QCoreApplication.setOrganizationName("Kinscape")
    QCoreApplication.setApplicationName("Kinscape")
    QStandardPaths.setTestModeEnabled(True)
    QSettings().clear()
    monkeypatch.delenv("KINSCAPE_AUTOSAVE_SECONDS", raising=False)
    s = Settings()
    assert s.recent_files() == [] and s.window_geometry() is None
    assert s.autosave_seconds() == DEFAULT_AUTOSAVE_SECONDS == 30
    s.set_autosave_seconds(5)
    assert Settings().autosave_seconds() == 5
    monkeypatch.setenv("KINSCAPE_AUTOSAVE_SECONDS", "0.5")
    assert Settings().autosave_seconds() == 0.5
    for n in range(MAX_RECENT + 2):
        s.add_recent_file(tmp_path / f"case{n}.kinscape")
    s.add_recent_file(tmp_path / "case3.kinscape")
    files = Settings().recent_files()
    assert len(files) == MAX_RECENT and files[0].endswith("case3.kinscape")
    assert files.count(str((tmp_path / "case3.kinscape").resolve())) == 1
    QSettings().clear()
