"""Kinscape makes no network connections: not in its code, and not at run time.

The run-time check runs the app and the headless exports under a Python audit hook that stops
the process at the first socket connection or name lookup, so a library that phones home
(a font fetch, an update check, telemetry) fails the test rather than passing unnoticed.
"""
from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NETWORK_MODULES = {"socket", "ssl", "http", "urllib.request", "urllib3", "requests", "httpx",
                   "aiohttp", "ftplib", "smtplib", "telnetlib", "xmlrpc", "websocket"}

GUARD = r"""
import runpy, sys
def hook(event, args):
    if event in ("socket.connect", "socket.getaddrinfo", "socket.gethostbyname", "socket.bind",
                 "socket.sendto", "urllib.Request"):
        sys.stderr.write(f"NETWORK USED: {event} {args!r}\n")
        sys.stderr.flush()
        import os
        os._exit(97)
sys.addaudithook(hook)
module, *rest = sys.argv[1:]
sys.argv = [module, *rest]
runpy.run_module(module, run_name="__main__", alter_sys=True)
"""


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{a.name}" for a in node.names)
    return found


def test_no_module_of_ours_imports_a_network_library():
    offenders = []
    for package in ("genogram", "desktop"):
        for path in sorted((ROOT / package).rglob("*.py")):
            for name in _imports(path):
                if any(name == m or name.startswith(m + ".") for m in NETWORK_MODULES):
                    offenders.append(f"{path.relative_to(ROOT)}: {name}")
    assert offenders == []


def _guarded(module: str, *args: str, tmp_path: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "KINSCAPE_TESTING": "1",
           "HOME": str(tmp_path / "home")}
    return subprocess.run([sys.executable, "-c", GUARD, module, *args], env=env, cwd=tmp_path,
                          capture_output=True, text=True, timeout=120, check=False)


def test_the_guard_itself_stops_a_connection(tmp_path):
    probe = tmp_path / "probe.py"
    probe.write_text("import socket\nsocket.getaddrinfo('example.org', 80)\n")
    done = _guarded("probe", tmp_path=tmp_path)
    assert done.returncode == 97 and "NETWORK USED" in done.stderr


@pytest.mark.parametrize("view", ["People", "Genogram", "Ecomap", "Plan", "Direct work"])
def test_the_app_opens_every_view_without_the_network(tmp_path, view):
    done = _guarded("desktop", "--view", view, "--screenshot", str(tmp_path / "s.png"),
                    tmp_path=tmp_path)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "s.png").stat().st_size > 0


def test_every_printout_is_made_without_the_network(tmp_path):
    case = tmp_path / "rivers.kinscape"
    done = _guarded("genogram", "demo", "rivers", "-o", str(case), tmp_path=tmp_path)
    assert done.returncode == 0, done.stderr
    jobs = [("genogram", "pdf"), ("genogram", "svg"), ("genogram", "png"), ("ecomap", "pdf"),
            ("plan", "pdf"), ("plan", "docx"), ("child-plan", "pdf"), ("three-houses", "pdf"),
            ("safety-map", "pdf"), ("chronology", "pdf"), ("words-pictures", "pdf"),
            ("important-people", "pdf"), ("gedcom", "ged")]
    for what, fmt in jobs:
        out = tmp_path / f"{what}.{fmt}"
        done = _guarded("genogram", "export", str(case), "--what", what, "--format", fmt,
                        "-o", str(out), tmp_path=tmp_path)
        assert done.returncode == 0, (what, fmt, done.stderr)
        assert out.stat().st_size > 0
