"""The words-and-pictures story editor, laid out on the Turnell and Essex outline.

Pages on the left (each with its reading age), the page's words and picture in the middle,
and the story as a whole on the right (storyside.py: title, authors, status, agreed words,
printing). Words are kept when the text box loses focus (or Ctrl+Return), one undo step
per page change.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from genogram.directwork.story import (
    page_heading,
    page_reading_ages,
    story_from_outline,
    unagreed_words,
)
from genogram.export.words_pictures_pdf import booklet
from genogram.language.readability import target_for
from genogram.model.errors import UnknownIdError
from genogram.model.records import Story, StoryPage
from genogram.plans.templates import TemplateError, story_outline, story_outlines

from . import common as C
from .storypics import PicturePanel
from .storyside import StoryDetails


class StoryEditor(C.Page):
    def __init__(self, host: C.Host, parent: QWidget | None = None) -> None:
        super().__init__(host, parent)
        self.story_id: str | None = None
        self.page_index = 0
        self.setAccessibleName("Words and pictures")

        self.record = QComboBox()
        self.record.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.record.setMinimumContentsLength(14)
        self.record.setAccessibleName("Which story")
        self.outline = QComboBox()
        self.outline.setAccessibleName("Outline for a new story")
        for oid in story_outlines():
            try:
                self.outline.addItem(story_outline(oid).name, oid)
            except TemplateError:
                continue
        self.new_button = QPushButton("&New story, on the outline")
        top = C.row(C.label("Story:", self.record), self.record, self.new_button, self.outline)

        self.pages = QListWidget()
        self.pages.setAccessibleName("Pages, with their reading age")
        C.wrapped_list(self.pages)
        self.pages.setMaximumWidth(260)
        self.new_page = QComboBox()
        self.new_page.setAccessibleName("Kind of page to add")
        try:
            for op in story_outline("words_and_pictures_long").pages:
                if op.id != "title":
                    self.new_page.addItem(op.heading, op.id)
        except TemplateError:
            self.new_page.addItem("What happened then?", "what_happened")
        self.new_page.setToolTip("One idea on each page: add another page of the same kind when there is more to say")
        self.add_page_button = QPushButton("Add this pa&ge")
        self.remove_page_button = QPushButton("Remove page")
        self.up_button = QPushButton("Move &up")
        self.down_button = QPushButton("Move &down")
        for b, tip in ((self.up_button, "Move this page earlier (Alt+U)"),
                       (self.down_button, "Move this page later (Alt+D)")):
            b.setToolTip(tip)
        left = QVBoxLayout()
        left.addWidget(C.label("P&ages", self.pages))
        left.addWidget(self.pages, 1)
        left.addWidget(self.new_page)
        left.addLayout(C.row(self.add_page_button, self.remove_page_button))
        left.addLayout(C.row(self.up_button, self.down_button))

        self.heading = C.heading("", 1.3)
        self.prompt = C.label("", role="hint")
        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)
        self.text.setAccessibleName("The page's words")
        self.text.setPlaceholderText("A few short sentences. One idea on each page.")
        self.text.installEventFilter(self)
        self.text.setMinimumHeight(self.text.fontMetrics().height() * 5)
        self.age = C.label("", role="hint")
        self.age.setAccessibleName("Reading age of this page")
        self.unagreed = C.label("", role="problem")
        self.keep_button = QPushButton("&Keep these words")
        self.pictures = PicturePanel()
        mid = QVBoxLayout()
        mid.addWidget(self.heading)
        mid.addWidget(self.prompt)
        mid.addWidget(self.text, 1)
        mid.addLayout(C.row(self.age, None, self.keep_button, stretch_last=False))
        mid.addWidget(self.unagreed)
        mid.addWidget(self.pictures)

        self.details = StoryDetails(self.host, self.current, self._put)

        body = QHBoxLayout()
        body.addLayout(left)
        body.addLayout(mid, 1)
        body.addWidget(self.details)
        outer = QVBoxLayout(self)
        outer.addLayout(top)
        outer.addLayout(body, 1)

        self.record.activated.connect(lambda _i: self._choose(self.record.currentData()))
        self.new_button.clicked.connect(self.new_story)
        self.pages.currentRowChanged.connect(self._picked)
        self.add_page_button.clicked.connect(self.add_page)
        self.remove_page_button.clicked.connect(self.remove_page)
        self.up_button.clicked.connect(lambda: self.move_page(-1))
        self.down_button.clicked.connect(lambda: self.move_page(1))
        self.keep_button.clicked.connect(self.keep_words)
        QShortcut(QKeySequence("Ctrl+Return"), self.text, activated=self.keep_words,
                  context=Qt.ShortcutContext.WidgetShortcut)
        self.text.textChanged.connect(self._live)
        self.pictures.chosen.connect(self.set_picture)
        self.pictures.draw_requested.connect(self.draw)
        self.pictures.photo_requested.connect(self.photo)
        self.details.print_button.clicked.connect(self.print_copy)

    # ---- reading -----------------------------------------------------------------------
    def current(self) -> Story | None:
        self.fresh()  # a page hidden while the case changed catches up before it is used
        case = self.host.case
        if case is None or self.story_id is None:
            return None
        try:
            return case.record("stories", self.story_id)  # type: ignore[no-any-return]
        except UnknownIdError:
            return None

    def _choose(self, sid: str | None) -> None:
        self.story_id, self.page_index = sid, 0
        self.refresh()

    def _target(self, story: Story | None) -> int | None:
        case = self.host.case
        age = case.age_of(story.child) if case is not None and story and story.child and \
            case.family.has_person(story.child) else None
        return target_for("child", age[0] if age else None)

    def refresh(self) -> None:
        case = self.host.case
        stories = case.records("stories") if case is not None else []
        if self.story_id not in {s.id for s in stories}:
            self.story_id = stories[-1].id if stories else None
        self.record.clear()
        for s in stories:
            self.record.addItem(s.title or s.id, s.id)
        self.record.setCurrentIndex(max(self.record.findData(self.story_id), 0))
        st = self.current()
        self.setEnabled(case is not None)
        for w in (self.pages, self.text, self.pictures, self.add_page_button, self.new_page):
            w.setEnabled(st is not None)
        ages = page_reading_ages(st) if st else []
        target = self._target(st)
        self.pages.blockSignals(True)
        self.pages.clear()
        for n, page in enumerate(st.pages if st else (), 1):
            age = ages[n - 1]
            said = f"reading age {age}" if age is not None else ("no words yet" if not page.text.strip()
                                                                  else "too short to score")
            if age is not None and target is not None and age > target:
                said += " (hard)"
            item = QListWidgetItem(f"{n}. {page_heading(page, st)}\n    {said}")
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"Page {n}, {page_heading(page, st)}, {said}")
            self.pages.addItem(item)
        self.page_index = min(self.page_index, max(self.pages.count() - 1, 0))
        self.pages.setCurrentRow(self.page_index)
        self.pages.blockSignals(False)
        self.details.show_story(st)
        self._load_page()

    def _page(self) -> StoryPage | None:
        st = self.current()
        return st.pages[self.page_index] if st and 0 <= self.page_index < len(st.pages) else None

    def _load_page(self) -> None:
        st, page = self.current(), self._page()
        self.heading.setText(page_heading(page, st) if page and st else "")
        self.prompt.setText(self._prompt(page) if page else "")
        if not self.text.hasFocus() or page is None:
            self.text.blockSignals(True)
            self.text.setPlainText(page.text if page else "")
            self.text.blockSignals(False)
        self.remove_page_button.setEnabled(page is not None)
        count = len(st.pages) if st else 0
        movable = page is not None and page.section != "title"  # the cover stays first
        above = st.pages[self.page_index - 1] if st and self.page_index > 0 else None
        self.up_button.setEnabled(movable and above is not None and above.section != "title")
        self.down_button.setEnabled(movable and self.page_index < count - 1)
        self._live()
        self.pictures.show_page(self.host.case, page.picture if page else None, page.text if page else "")

    def _prompt(self, page: StoryPage) -> str:
        for oid in ("words_and_pictures_long", "words_and_pictures"):
            try:
                for p in story_outline(oid).pages:
                    if p.id == page.section:
                        return p.prompt
            except TemplateError:
                continue
        return "One idea, a few short sentences."

    def _live(self) -> None:
        """Reading age and agreed-word reminders as the words are typed, before they are kept."""
        st = self.current()
        words = self.text.toPlainText()
        age = page_reading_ages(Story("x", pages=(StoryPage("x", words),)))[0]
        target = self._target(st)
        if age is None:
            self.age.setText("Reading age: write a few more words to see it")
        else:
            aim = f" (aim for {target} or under)" if target else ""
            self.age.setText(f"Reading age about {age}{aim}")
        self.age.setProperty("role", "problem" if age and target and age > target else "hint")
        self.age.style().unpolish(self.age)
        self.age.style().polish(self.age)
        notes = []
        if st is not None:
            probe = replace(st, pages=(StoryPage("x", words),))
            notes = [f"This page says “{hard}”; the words agreed are “{plain}”." for _n, hard, plain in
                     unagreed_words(probe)]
        self.unagreed.setText("\n".join(notes))
        page = self._page()
        C.able(self.keep_button, page is not None and words != page.text, "Keep the words typed on this page "
               "(Ctrl+Enter; they are kept too when you leave the box)",
               "Start a story first." if st is None else "These words are kept; change them first.")

    def _picked(self, row: int) -> None:
        self.keep_words()  # the words of the page being left
        self.page_index = max(row, 0)
        self.pages.blockSignals(True)
        self.pages.setCurrentRow(self.page_index)
        self.pages.blockSignals(False)
        self._load_page()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.text and event.type() == QEvent.Type.FocusOut:
            self.keep_words()
        return super().eventFilter(obj, event)

    # ---- changing ----------------------------------------------------------------------
    def _put(self, st: Story, text: str) -> bool:
        return self.host.push(C.Put("stories", st), text)

    def _set_page(self, page: StoryPage, text: str) -> bool:
        st = self.current()
        if st is None:
            return False
        pages = st.pages[:self.page_index] + (page,) + st.pages[self.page_index + 1:]
        return self._put(replace(st, pages=pages), text)

    def new_story(self) -> None:
        case = self.host.case
        if case is None:
            return
        child = case.meta.index_person
        if child is None:
            self.host.report("Choose whose story it is first: mark the child in the genogram.")
            return
        sid = self.host.new_id("story_")
        st = story_from_outline(sid, child, self.host.child_name(child), self.outline.currentData())
        if self._put(st, f"Start a words-and-pictures story for {self.host.child_name(child)}"):
            self._choose(sid)

    def keep_words(self) -> bool:
        page = self._page()
        if page is None or self.text.toPlainText() == page.text:
            return False
        return self._set_page(replace(page, text=self.text.toPlainText()),
                              f"Change the words on page {self.page_index + 1}")

    def set_picture(self, ref: str) -> bool:
        page = self._page()
        if page is None or (ref or None) == page.picture:
            return False
        what = {"pictogram": "the picture “{}”", "media": "the drawing {}", "genogram": "a piece of the genogram"}
        kind, _s, value = ref.partition(":")
        said = what.get(kind, "{}").format(value) if ref else "no picture"
        return self._set_page(replace(page, picture=ref or None), f"Use {said} on page {self.page_index + 1}")

    def _add_picture(self, made: Any) -> None:
        page, st = self._page(), self.current()
        if made is None or page is None or st is None:
            return
        set_media, ref = made
        pages = st.pages[:self.page_index] + (replace(page, picture=ref),) + st.pages[self.page_index + 1:]
        self.host.push_all([set_media, C.Put("stories", replace(st, pages=pages))],
                           f"Add a drawing to page {self.page_index + 1}")

    def draw(self) -> None:
        from .drawpad import DrawingDialog

        dialog = DrawingDialog("Draw a picture for the story", self)
        if dialog.exec() and dialog.pad.strokes:
            self._add_picture(self.host.picture_edit(dialog.pad.to_png(), "drawing"))

    def photo(self) -> None:
        path = self.host.choose_open("Add a photo of a drawing", "Pictures (*.jpg *.jpeg *.png *.gif *.webp *.bmp)")
        if not path:
            return
        try:
            with open(path, "rb") as fh:
                data = fh.read()
        except OSError as exc:
            self.host.report(f"The photo could not be read ({exc.strerror or exc}).")
            return
        self._add_picture(self.host.picture_edit(data, "drawing"))

    def add_page(self) -> None:
        st = self.current()
        if st is None:
            return
        self.keep_words()
        st = self.current()
        assert st is not None
        at = self.page_index + 1
        section = self.new_page.currentData() or "what_happened"
        page = StoryPage(section)
        if self._put(replace(st, pages=st.pages[:at] + (page,) + st.pages[at:]),
                     f"Add page {at + 1} ({page_heading(page, st)})"):
            self.page_index = at
            self.refresh()
            self.text.setFocus()

    def move_page(self, step: int) -> bool:
        """The page one place earlier (-1) or later (1); the cover stays first."""
        self.keep_words()
        st, n = self.current(), self.page_index
        if st is None or not 0 <= n < len(st.pages):
            return False
        to = n + step
        if not 0 <= to < len(st.pages) or "title" in (st.pages[n].section, st.pages[to].section):
            self.host.message.emit("The cover stays the first page.")
            return False
        pages = list(st.pages)
        pages[n], pages[to] = pages[to], pages[n]
        heading = page_heading(st.pages[n], st)
        if self._put(replace(st, pages=tuple(pages)), f"Move “{heading}” to page {to + 1}"):
            self.page_index = to
            self.refresh()
            return True
        return False

    def remove_page(self) -> None:
        st, page = self.current(), self._page()
        if st is None or page is None:
            return
        n = self.page_index
        if self._put(replace(st, pages=st.pages[:n] + st.pages[n + 1:]), f"Remove page {n + 1} ({page_heading(page, st)})"):
            self.page_index = max(n - 1, 0)

    def print_copy(self) -> str | None:
        self.fresh()
        self.keep_words()
        st = self.current()
        if st is None:
            return None
        who = self.details.reader.currentText().strip()
        reader = None if who in ("", "My record copy") else who
        layout = self.details.layout_box.currentData()
        stem = (st.title or "Story") + (" booklet" if layout != "a4" else "") + (f" for {reader}" if reader else "")
        return self.host.write_pdf("Print the story", stem,
                                   lambda: booklet(self.host.case, st, layout, reader).pdf)

