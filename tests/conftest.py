"""Test set-up: Qt runs offscreen and never touches the user's settings or data folders."""
import os
import shutil

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("KINSCAPE_TESTING", "1")


@pytest.fixture
def isolated_home(qapp, tmp_path, monkeypatch):
    """A home of our own: Qt's test-mode folders (settings, recovery copies) under $HOME/.qttest,
    emptied before and after, so no test sees another's settings or recovery copies."""
    from PySide6.QtCore import QCoreApplication, QSettings, QStandardPaths

    from desktop.document.autosave import recovery_dir

    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    QCoreApplication.setOrganizationName("Kinscape")
    QCoreApplication.setApplicationName("Kinscape")
    QStandardPaths.setTestModeEnabled(True)
    QSettings().clear()
    shutil.rmtree(recovery_dir(), ignore_errors=True)
    yield tmp_path / "home"
    QSettings().clear()


@pytest.fixture
def on_demo(qtbot):
    """Show a tab (any widget with `set_document`) on the fictional Rivers family."""

    def show(widget, size: tuple[int, int] = (1280, 760)):
        from desktop.document.editor import CaseDocument
        from genogram.demo import load_demo

        qtbot.addWidget(widget)
        widget.set_document(CaseDocument(load_demo("rivers")))
        widget.resize(*size)
        widget.show()
        qtbot.waitExposed(widget)
        return widget

    return show


@pytest.fixture
def main_window(qtbot, isolated_home):
    """The main window in a home of its own, shown; errors it reports are kept in `.errors`,
    and closing it at the end throws away unsaved changes without asking."""
    import gc

    from desktop.mainwindow import MainWindow

    w = MainWindow()
    w.errors = []
    w.report_error = w.errors.append
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.ask = lambda kind, text: "discard"
    w.close()
    w.deleteLater()
    gc.collect()
