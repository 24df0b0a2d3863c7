"""The story as a whole, beside its pages: title, who made it, where it is up to, agreed words.

The status moves one step at a time ("Move to next step"); a click on a step further on, or
back, says why not instead of doing it. Agreed plain words are kept with the story and
reminded on any page that still uses the hard word. Every change is one undo step through
the page's `put`.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from genogram.directwork.validation import STATUS_WORDS, StatusError, advance_status
from genogram.model.records import STORY_STATUSES, AgreedWords, Story

from . import common as C

LAYOUTS = (("a4", "A4 landscape pages"), ("a5-booklet", "A5 booklet to fold"))


class StoryDetails(QWidget):
    def __init__(self, host: C.Host, current: Callable[[], Story | None], put: Callable[[Story, str], bool],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host, self.current, self.put = host, current, put
        self.title = QLineEdit()
        self.title.setAccessibleName("Story title")
        self.authors = QLineEdit()
        self.authors.setAccessibleName("Authors")
        self.authors.setPlaceholderText("Mum, Dad, Jess (social worker)")
        self.steps: list[QPushButton] = []
        steps = QGridLayout()
        steps.setSpacing(4)
        for i, s in enumerate(STORY_STATUSES):
            b = QPushButton(f"{i + 1}. {STATUS_WORDS[s][0].upper()}{STATUS_WORDS[s][1:]}")
            b.setCheckable(True)
            b.setAccessibleName(f"Step {i + 1}: {STATUS_WORDS[s]}")
            b.setStyleSheet("QPushButton:checked { background: #f3d9b5; border: 2px solid #b5651d; }"
                            "QPushButton[done=\"true\"] { color: #3f7d4e; }")
            b.clicked.connect(lambda _c=False, to=s: self.set_status(to))
            self.steps.append(b)
            steps.addWidget(b, i // 2, i % 2)
        self.next_button = QPushButton()
        self.next_button.setProperty("primary", True)
        self.status_note = C.label("", role="problem")
        self.words = QTableWidget(0, 2)
        self.words.setHorizontalHeaderLabels(["Hard word", "Plain words we agreed"])
        self.words.horizontalHeader().setStretchLastSection(True)
        self.words.verticalHeader().hide()
        self.words.setTabKeyNavigation(False)  # Tab moves on; the arrow keys move within
        self.words.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.words.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.words.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.words.setWordWrap(True)
        self.words.setAccessibleName("Agreed plain words")
        self.words.setMinimumHeight(120)
        self.hard = QLineEdit()
        self.hard.setPlaceholderText("hard word")
        self.hard.setAccessibleName("Hard word")
        self.plain = QLineEdit()
        self.plain.setPlaceholderText("the plain words everyone agreed")
        self.plain.setAccessibleName("Plain words")
        self.agree_button = QPushButton("Ag&ree")
        self.forget_button = QPushButton("Forget")
        self.layout_box = QComboBox()
        self.layout_box.setAccessibleName("Print as")
        for key, text in LAYOUTS:
            self.layout_box.addItem(text, key)
        self.reader = QComboBox()
        self.reader.setEditable(True)
        self.reader.setAccessibleName("Whose copy to print")
        self.print_button = QPushButton("&Print…")
        right = QVBoxLayout()
        right.addWidget(C.label("&Title:", self.title))
        right.addWidget(self.title)
        right.addWidget(C.label("Made &by:", self.authors))
        right.addWidget(self.authors)
        right.addSpacing(6)
        right.addWidget(C.heading("Where the story is up to", 1.05))
        right.addLayout(steps)
        right.addWidget(self.next_button)
        right.addWidget(self.status_note)
        right.addSpacing(6)
        right.addWidget(C.heading("Agreed words for hard things", 1.05))
        right.addWidget(self.words, 1)
        right.addLayout(C.row(self.hard, self.plain, stretch_last=False))
        right.addLayout(C.row(self.agree_button, self.forget_button))
        right.addSpacing(6)
        right.addWidget(C.heading("Print", 1.05))
        right.addLayout(C.row(self.layout_box, self.reader, stretch_last=False))
        right.addWidget(self.print_button)
        self.setLayout(right)
        self.setMaximumWidth(430)

        self.title.editingFinished.connect(self.set_title)
        self.authors.editingFinished.connect(self.set_authors)
        self.next_button.clicked.connect(self.next_step)
        self.agree_button.clicked.connect(self.agree)
        self.plain.returnPressed.connect(self.agree)
        self.forget_button.clicked.connect(self.forget)
        self.words.currentCellChanged.connect(lambda *_a: self._sync_forget())

    def _sync_forget(self) -> None:
        """Forget is enabled only while a pair of agreed words is chosen."""
        C.able(self.forget_button, self.words.isEnabled() and 0 <= self.words.currentRow() < self.words.rowCount(),
               "Forget the chosen agreed words", "Choose a pair of agreed words in the table first.")

    def show_story(self, st: Story | None) -> None:
        for w in (self.title, self.authors, self.next_button, self.words, self.agree_button, self.print_button,
                  *self.steps):
            w.setEnabled(st is not None)
        if not self.title.hasFocus():
            self.title.setText(st.title if st else "")
        if not self.authors.hasFocus():
            self.authors.setText(", ".join(st.authors) if st else "")
        here = STORY_STATUSES.index(st.status) if st and st.status in STORY_STATUSES else 0
        for i, b in enumerate(self.steps):
            b.setChecked(st is not None and i == here)
            b.setProperty("done", st is not None and i < here)
            b.style().unpolish(b)
            b.style().polish(b)
            b.setToolTip("Done" if st is not None and i < here else "")
        if st is not None and here + 1 < len(STORY_STATUSES):
            self.next_button.setText(f"&Move to next step: {STATUS_WORDS[STORY_STATUSES[here + 1]]}")
        else:
            self.next_button.setText("Shared with the network: the last step")
            self.next_button.setEnabled(False)
        pairs = list(st.agreed_words) if st else []
        self.words.setRowCount(len(pairs))
        for r, a in enumerate(pairs):
            self.words.setItem(r, 0, QTableWidgetItem(a.hard))
            self.words.setItem(r, 1, QTableWidgetItem(a.plain))
        self.words.resizeColumnToContents(0)
        self.words.resizeRowsToContents()
        self._sync_forget()
        keep = self.reader.currentText()
        self.reader.clear()
        child = self.host.child_name(st.child) if st else ""
        self.reader.addItems(["My record copy", "Mum", "Dad"] + ([child] if child else []) + ["The network"])
        self.reader.setCurrentText(keep or "My record copy")

    def set_title(self) -> None:
        st = self.current()
        if st is not None and self.title.text().strip() and self.title.text() != st.title:
            self.put(replace(st, title=self.title.text().strip()), f"Call the story “{self.title.text().strip()}”")

    def set_authors(self) -> None:
        st = self.current()
        names = tuple(n.strip() for n in self.authors.text().split(",") if n.strip())
        if st is not None and names != st.authors:
            self.put(replace(st, authors=names), "Change who made the story")

    def set_status(self, to: str) -> bool:
        """Move to `to` if it is the very next step; otherwise say why not and change nothing."""
        st = self.current()
        if st is None:
            return False
        try:
            new = advance_status(st, to)
        except StatusError as exc:
            self.status_note.setText(C.sentence(str(exc)))
            self.show_story(st)  # the clicked step goes back to how it was
            return False
        self.status_note.setText("")
        if new == st:
            self.show_story(st)
            return False
        return self.put(new, f"Move the story on to “{STATUS_WORDS[to]}”")

    def next_step(self) -> bool:
        st = self.current()
        if st is None or st.status not in STORY_STATUSES or st.status == STORY_STATUSES[-1]:
            return False
        return self.set_status(STORY_STATUSES[STORY_STATUSES.index(st.status) + 1])

    def agree(self) -> bool:
        st = self.current()
        hard, plain = " ".join(self.hard.text().split()), " ".join(self.plain.text().split())
        if st is None or not hard or not plain:
            if st is not None:
                self.host.report("Write the hard word and the plain words everyone agreed to use instead.")
            return False
        kept = tuple(a for a in st.agreed_words if a.hard.casefold() != hard.casefold())
        if self.put(replace(st, agreed_words=(*kept, AgreedWords(hard, plain))), f"Agree to say “{hard}” as “{plain}”"):
            self.hard.clear()
            self.plain.clear()
            self.hard.setFocus()
            return True
        return False

    def forget(self) -> None:
        st, row = self.current(), self.words.currentRow()
        if st is None or not 0 <= row < len(st.agreed_words):
            return
        a = st.agreed_words[row]
        self.put(replace(st, agreed_words=st.agreed_words[:row] + st.agreed_words[row + 1:]),
                  f"Forget the agreed words for “{a.hard}”")
