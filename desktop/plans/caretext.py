"""A text box that checks its words as they are typed, and never changes them by itself.

Words with a caring alternative are underlined (a calm wavy line, not red); hovering shows the
alternative, why, and where the advice comes from; a click on the words, or the context menu,
offers the alternatives, and choosing one is the one-click replace (an undoable step). The
check runs ~150 ms after the last key so typing never waits for it. The finished text is
reported once per visit to the box (on leaving it, or Enter), so one visit is one undo step.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QFocusEvent,
    QFontMetrics,
    QKeyEvent,
    QMouseEvent,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextDocument,
)
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QToolTip, QWidget

from genogram.language import CheckResult, Match, apply_suggestion

DEBOUNCE_MS = 150
UNDERLINE = {"blaming": "#b5562d", "care": "#b5562d", "jargon": "#2f6f9f", "acronym": "#2f6f9f",
             "plain-english": "#6b7f2a", "preferred": "#7a4fa0"}


class CareHighlighter(QSyntaxHighlighter):
    """Underlines the matches its box last found; the box tells it when they change."""

    def __init__(self, document: QTextDocument, box: CareTextEdit) -> None:
        super().__init__(document)
        self._box = box

    def highlightBlock(self, text: str) -> None:
        start = self.currentBlock().position()
        end = start + len(text)
        for m in self._box.matches:
            if m.end <= start or m.start >= end:
                continue
            fmt = QTextCharFormat()
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            fmt.setUnderlineColor(QColor(UNDERLINE.get(m.kind, "#b5562d")))
            fmt.setBackground(QColor("#fbe6c8"))
            a = max(m.start, start) - start
            self.setFormat(a, min(m.end, end) - start - a, fmt)


class CareTextEdit(QPlainTextEdit):
    """`committed(text)` when a visit ends with new text; `checked(result)` after each check."""

    committed = Signal(str)
    checked = Signal(object)
    replaced = Signal(str, str)  # the new text, and what the undo step should say
    edited = Signal()  # the words changed (not just their underlining)

    def __init__(self, name: str, lines: int = 3, parent: QWidget | None = None,
                 placeholder: str = "") -> None:
        super().__init__(parent)
        self.setAccessibleName(name)
        self.setTabChangesFocus(True)
        self.setPlaceholderText(placeholder)
        self.single_line = lines == 1
        self.checker: Callable[[str], CheckResult | None] | None = None
        self.matches: tuple[Match, ...] = ()
        self.result: CheckResult | None = None
        self._shown = ""
        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._timer.timeout.connect(self.check_now)
        self._last_text = ""
        self.textChanged.connect(self._on_text_changed)
        self.highlighter = CareHighlighter(self.document(), self)
        if self.single_line:
            self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
            self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._lines = lines
        self._fit_height()
        self.setMouseTracking(True)

    def _fit_height(self) -> None:
        line = QFontMetrics(self.font()).lineSpacing()
        margins = self.contentsMargins().top() + self.contentsMargins().bottom()
        self.setFixedHeight(int(line * self._lines + 2 * self.document().documentMargin() + margins + 2))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_height()

    def _on_text_changed(self) -> None:
        # Underlining also counts as a change to Qt's document: only new words start a check.
        text = self.toPlainText()
        if text != self._last_text:
            self._last_text = text
            self._timer.start()
            self.edited.emit()

    # ---- showing and reporting --------------------------------------------------------------
    def show_value(self, text: str) -> None:
        """Show the model's text; a box being typed in keeps what the user is typing."""
        if self.hasFocus() and self.toPlainText() != self._shown:
            self._shown = text
            return
        self._shown = text
        if self.toPlainText() != text:
            self.setPlainText(text)
        self.check_now()

    def commit(self) -> None:
        text = self.toPlainText()
        if text != self._shown:
            self._shown = text
            self.committed.emit(text)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        if event.reason() != Qt.FocusReason.PopupFocusReason:
            self.commit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and (self.single_line or not event.modifiers() & Qt.KeyboardModifier.ShiftModifier):
            self.commit()  # Enter finishes; Shift+Enter starts a new line in a longer box
            return
        super().keyPressEvent(event)

    # ---- checking ---------------------------------------------------------------------------
    def check_now(self) -> None:
        self._timer.stop()
        text = self.toPlainText()
        result = self.checker(text) if self.checker is not None and text.strip() else None
        self.result = result
        self.matches = tuple(result.language) if result is not None else ()
        self.highlighter.rehighlight()
        self.checked.emit(result)

    def match_at(self, pos: QPoint) -> Match | None:
        at = self.cursorForPosition(pos).position()
        return next((m for m in self.matches if m.start <= at <= m.end), None)

    def replace_match(self, match: Match, choice: int | str) -> bool:
        """The one-click replace: the new text is reported as its own undo step."""
        try:
            new = apply_suggestion(self.toPlainText(), match, choice)
        except ValueError:
            self.check_now()  # the text moved on since the check: check again, change nothing
            return False
        self.commit()  # what was typed before the click is its own step
        self._shown = new
        self.setPlainText(new)
        self.check_now()
        chosen = match.suggestions[choice] if isinstance(choice, int) else choice
        self.replaced.emit(new, f"Replace “{match.text}” with “{chosen}”")
        return True

    def suggestion_menu(self, match: Match, parent: QWidget | None = None) -> QMenu:
        menu = QMenu(parent or self)
        menu.setAccessibleName(f"Alternatives to {match.text}")
        head = menu.addAction(f"Instead of “{match.text}”:")
        head.setEnabled(False)
        for i, s in enumerate(match.suggestions[:6]):
            action = menu.addAction(f"{'&' + str(i + 1) + '  ' if i < 9 else ''}{s}")
            action.triggered.connect(lambda _c=False, i=i: self.replace_match(match, i))
        menu.addSeparator()
        why = menu.addAction(f"Why: {match.reason}")
        why.setEnabled(False)
        return menu

    # ---- pointer ------------------------------------------------------------------------------
    def viewportEvent(self, e: QEvent) -> bool:
        if e.type() == QEvent.Type.ToolTip:
            m = self.match_at(e.pos())  # type: ignore[attr-defined]
            if m is not None:
                QToolTip.showText(e.globalPos(), tooltip(m), self.viewport())  # type: ignore[attr-defined]
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(e)

    def mouseReleaseEvent(self, e: QMouseEvent) -> None:
        super().mouseReleaseEvent(e)
        if e.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            m = self.match_at(e.position().toPoint())
            if m is not None and m.suggestions:
                self.suggestion_menu(m).popup(e.globalPosition().toPoint())

    def contextMenuEvent(self, e: QContextMenuEvent) -> None:
        m = self.match_at(e.pos())
        menu = self.suggestion_menu(m) if m is not None and m.suggestions else QMenu(self)
        if m is not None:
            menu.addSeparator()
        standard = self.createStandardContextMenu()
        for action in standard.actions():
            menu.addAction(action)
        menu.exec(e.globalPos())
        standard.deleteLater()


def tooltip(m: Match) -> str:
    tries = " or ".join(f"“{s}”" for s in m.suggestions[:3])
    lines = [f"<b>{_esc(m.text)}</b>: try {_esc(tries)}" if tries else f"<b>{_esc(m.text)}</b>",
             _esc(m.reason)]
    if m.source:
        lines.append(f"<i>Source: {_esc(m.source)}</i>")
    lines.append("Click the words to choose an alternative.")
    return "<br>".join(lines)


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
