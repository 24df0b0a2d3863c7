"""Starting Kinscape: `kinscape [CASE] [--demo NAME] [--screenshot OUT.png]`.

Names the application before anything touches QSettings or QStandardPaths (they use the names),
checks there is a display before Qt would abort without one, registers the bundled fonts, and
opens the case (or a fictional demo family). `--screenshot` shows the window, waits for its
first paint, saves its image and exits: the README's picture and the start-up benchmark.
"""
from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

NO_DISPLAY = ("Kinscape needs a display, and none was found: run it on a desktop, under "
              "`xvfb-run ./run`, or set QT_QPA_PLATFORM=offscreen to make a screenshot.")
_NEEDS_NO_DISPLAY = {"offscreen", "minimal", "vnc", "eglfs", "linuxfb", "vkkhrdisplay",
                     "windows", "cocoa", "direct2d", "minimalegl", "ios", "android", "wasm"}


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one sentence, no usage dump
        self.exit(2, f"kinscape: {message} (try kinscape --help)\n")


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = _Parser(prog="kinscape", description="Genograms, ecomaps and plans for work with "
                     "children and families. Opens a fictional demo family when no case is given.")
    parser.add_argument("case", nargs="?", help="a .kinscape file (or a case.json) to open")
    parser.add_argument("--demo", metavar="NAME", help="open one of the fictional demo families")
    parser.add_argument("--view", metavar="TAB",
                        help="open on this tab (People, Genogram, Ecomap, Plan, Direct work)")
    parser.add_argument("--screenshot", metavar="OUT.png",
                        help="save a picture of the window after its first paint, then exit")
    return parser.parse_args(list(argv) if argv is not None else sys.argv[1:])


def has_display(env: dict[str, str] | os._Environ[str] = os.environ) -> bool:
    """Whether Qt can open a window here, without letting Qt abort to find out."""
    platform = (env.get("QT_QPA_PLATFORM") or "").split(":")[0].split(";")[0].strip().lower()
    if platform in _NEEDS_NO_DISPLAY:
        return True
    if platform == "wayland" or (not platform and env.get("WAYLAND_DISPLAY")):
        return bool(env.get("WAYLAND_DISPLAY"))
    if platform in ("xcb", "") and sys.platform.startswith(("linux", "freebsd", "openbsd")):
        return _x_display_reachable(env.get("DISPLAY", ""))
    return True


def _x_display_reachable(display: str) -> bool:
    """A local display ":N" needs its socket; a remote one ("host:N") is left to Qt."""
    if not display:
        return False
    host, _, rest = display.rpartition(":")
    if host not in ("", "unix"):
        return True
    number = rest.split(".")[0]
    return not number.isdigit() or Path(f"/tmp/.X11-unix/X{number}").exists()


_NOISE = ("does not support propagateSizeHints",)  # the offscreen platform says this on every show


def _qt_message(mode: object, context: object, message: str) -> None:
    """Qt's own messages go to stderr as usual, less known noise that would alarm a user."""
    if not any(n in message for n in _NOISE):
        print(message, file=sys.stderr)


def main(argv: Sequence[str] | None = None, ready: Callable[[object], object] | None = None) -> int:
    """Run Kinscape; `ready(window)` is called once the window is up (used by tests)."""
    args = parse_args(argv)
    if not has_display():
        print(NO_DISPLAY, file=sys.stderr)
        return 2

    # The core before Qt: once PySide6 is imported it reads the source of every module imported
    # after it (looking for its __feature__ switches), which cost 60 ms at start-up for the
    # 300 modules of networkx. Imported first, they are not looked at.
    import genogram.demo  # noqa: F401
    import genogram.model  # noqa: F401
    import genogram.storage.casefile  # noqa: F401

    from PySide6.QtCore import QCoreApplication, QStandardPaths, qInstallMessageHandler

    qInstallMessageHandler(_qt_message)

    QCoreApplication.setOrganizationName("Kinscape")
    QCoreApplication.setApplicationName("Kinscape")
    if os.environ.get("KINSCAPE_TESTING"):
        QStandardPaths.setTestModeEnabled(True)  # never the user's own settings or recovery copies

    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    QGuiApplication.setDesktopFileName("kinscape")
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "kinscape"])
    assert isinstance(app, QApplication)
    app.setApplicationDisplayName("Kinscape")

    from .fonts import apply_app_font, register_bundled_fonts
    from .mainwindow import MainWindow
    from .startup import first_document

    apply_app_font(app, register_bundled_fonts())
    doc, problem = first_document(args.case, args.demo)
    if problem and args.screenshot:
        print(problem, file=sys.stderr)
        return 1
    window = MainWindow()
    window.set_document(doc)
    # What is loaded now lives as long as the window: keep it out of the collector's sweeps,
    # whose pauses were the worst spikes while drawing (80 ms at 500 people; 44 ms frozen).
    import gc

    gc.freeze()
    if args.view and not window.show_view(args.view):
        print(f"kinscape: there is no {args.view!r} tab (try one of: "
              f"{', '.join(window.view_titles())})", file=sys.stderr)
        return 2

    if args.screenshot:
        from .startup import screenshot

        return screenshot(app, window, args.screenshot)

    window.show()
    from PySide6.QtCore import QTimer

    def after_show() -> None:
        if problem:
            window.report_error(problem)
        window.offer_recovery()
        if ready is not None:
            ready(window)

    QTimer.singleShot(0, after_show)
    return app.exec()
