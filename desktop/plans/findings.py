"""Beside the item: what could be stronger, in plain sentences, each with why and what to try.

SMART findings come from the same rules as `genogram check`; outcomes and actions are judged
differently. Words with a caring alternative are listed with a button that makes the swap (the
keyboard's way to the one-click replace). Reading ages are shown against their reader.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from genogram.language import CheckResult
from genogram.language.readability import assess

from .caretext import CareTextEdit, _esc
from .checking import reading_words

MAX_WORD_BUTTONS = 6
DOT = "<span style='color:#b5562d'>●</span> "


class FindingsPanel(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Checks for the chosen part of the plan")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("FindingsPanel { background: #fbfaf6; border: 1px solid #e3dfd3; "
                           "border-radius: 6px; }")
        self._layout = QVBoxLayout(self)
        self._layout.setSpacing(6)
        self.findings: list[str] = []  # the SMART messages shown now (tests and screen readers)

    def clear(self) -> None:
        while self._layout.count():
            item = self._layout.takeAt(0)
            w = item.widget() if item is not None else None
            if w is not None:
                w.hide()
                w.setParent(None)
                w.deleteLater()
        self.findings = []

    def _text(self, html: str, muted: bool = False, name: str = "") -> QLabel:
        lab = QLabel(html)
        lab.setWordWrap(True)
        lab.setTextFormat(lab.textFormat().RichText)
        if muted:
            lab.setStyleSheet("color: #5f6368;")
        if name:
            lab.setAccessibleName(name)
        self._layout.addWidget(lab)
        return lab

    def _heading(self, text: str) -> None:
        lab = self._text(f"<b>{_esc(text)}</b>")
        lab.setStyleSheet("margin-top: 6px;")

    def show_message(self, text: str) -> None:
        self.clear()
        self._text(_esc(text), muted=True)
        self._layout.addStretch(1)

    def show_summary(self, rows: list[tuple[str, str, list[str]]]) -> None:
        """The plan at a glance: which outcomes and actions could be clearer, and the plan as a whole."""
        self.clear()
        self._heading("The plan at a glance")
        weak = [(role, text, found) for role, text, found in rows[:-1] if found]
        if not weak:
            self._text("✓ Every outcome and action reads clearly.")
        for role, text, found in weak:
            short = " ".join(text.split()[:10]) + (" …" if len(text.split()) > 10 else "")
            self._text(f"{DOT}<b>{role.capitalize()}</b>: {_esc(short)}<br>"
                       f"<span style='color:#5f6368'>{len(found)} thing{'s' if len(found) != 1 else ''} "
                       "to look at (marked ● in the list)</span>")
        whole = rows[-1][2] if rows else []
        self._heading("The plan as a whole")
        if not whole:
            self._text("✓ A contingency, the parents' view and whether they agree are all recorded.",
                       muted=True)
        for line in whole:
            self._text(DOT + _esc(line.split(": ", 1)[-1]))
        self._layout.addStretch(1)

    def show_checks(self, role: str, adult: CheckResult | None, child: CheckResult | None,
                    text_box: CareTextEdit, child_box: CareTextEdit, child_reader: str) -> None:
        self.clear()
        noun = {"outcome": "outcome", "action": "action", "rule": "rule"}.get(role)
        if noun:
            self._heading(f"Is this {noun} SMART?")
            shown = adult.findings if adult is not None else ()
            if adult is None:
                self._text("Write the words and the checks appear here as you type.", muted=True)
            elif not shown:
                self._text(f"✓ A clear {noun}: nothing to change.", name="SMART: nothing to change")
            for f in shown:
                self.findings.append(f.message)
                html = DOT + _esc(f.message)
                if f.suggestion:
                    html += f"<br><span style='color:#5f6368'>Try: {_esc(f.suggestion)}</span>"
                self._text(html, name=f.message)  # what a screen reader says: words, not the rule's code
        words = [(text_box, m) for m in (adult.language if adult else ())]
        words += [(child_box, m) for m in (child.language if child else ())]
        if words:
            self._heading("Words that could be kinder or clearer")
            for box, m in words[:MAX_WORD_BUTTONS]:
                self._word_row(box, m)
        text = text_box.toPlainText()
        if not text.strip():
            if not noun:
                self._text("Write the words; words that could be kinder and how easy they are to read "
                           "appear here as you type.", muted=True)
            self._layout.addStretch(1)
            return
        self._heading("How easy to read")
        line, ok = reading_words(assess(text, "parent"), "parents")
        self._text(_esc(line) if ok else DOT + _esc(line), muted=ok)
        if child is not None:
            line, ok = reading_words(child.readability, child_reader)
            self._text(_esc(line) if ok else DOT + _esc(line), muted=ok)
            for f in child.findings:  # reading age and words are shown above; long sentences here
                if f.rule != "READABILITY" or f.message.startswith("Reading age"):
                    continue
                self._text(f"{DOT}For the child: {_esc(f.message)}")
        elif role in ("outcome", "action", "worry", "strength", "profile", "rule"):
            self._text("No child's wording yet: “Draft from the adult text” makes a start.", muted=True)
        long = assess(text, "parent").long_sentences
        for ls in long:
            start = " ".join(text[ls.start:ls.end].split()[:6])
            self._text(f"{DOT}A long sentence ({ls.words} words) starts “{_esc(start)} …”: "
                       "two shorter ones read more easily.")
        self._layout.addStretch(1)

    def _word_row(self, box: CareTextEdit, m: Any) -> None:
        row = QWidget()
        lay = QHBoxLayout(row)
        lay.setContentsMargins(0, 0, 0, 0)
        lab = QLabel(f"“{_esc(m.text)}”: {_esc(m.reason)}")
        lab.setWordWrap(True)
        lab.setToolTip(f"Source: {m.source}" if m.source else "")
        lay.addWidget(lab, 1)
        if m.suggestions:
            use = m.suggestions[0]
            button = QPushButton(f"Use “{use}”")
            button.setAccessibleName(f"Replace {m.text} with {use}")
            button.clicked.connect(lambda _c=False, b=box, m=m: b.replace_match(m, 0))
            lay.addWidget(button)
        self._layout.addWidget(row)
