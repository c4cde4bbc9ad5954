"""Glue for corpus search (the search dock) and the find bar over the open interview.

The session's SearchIndex (one per corpus load, filled by the loader as files arrive).  The find bar searches a text
that has the shown paragraphs at their source offsets and blanks elsewhere, so its matches
are source offsets (as the reading pane's highlights expect) and never fall in text the
reader cannot see (metadata, removed page junk).
"""
from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtGui import QColor

from kzreader.core.model import Interview
from kzreader.core.search.search import SearchIndex

from ..reading.find_bar import FindBar
from .search_panel import SearchPanel

SEARCH_KEY = "search"
FIND_KEY = "find"
FIND_CURRENT_KEY = "find:current"
MATCH_COLOUR = QColor(255, 224, 102)  # the search panel's snippet highlight
CURRENT_COLOUR = QColor(255, 150, 50)


def shown_text(iv: Interview | None) -> str:
    """Lead and exchange paragraphs at their source offsets, spaces in between."""
    if iv is None:
        return ""
    paragraphs = list(iv.lead)
    for ex in iv.exchanges:
        paragraphs.extend(ex.question.paragraphs)
        paragraphs.extend(ex.answer.paragraphs)
    if not paragraphs:
        return ""
    chars = [" "] * max(p.end for p in paragraphs)
    for p in paragraphs:
        chars[p.start:p.start + len(p.text)] = p.text
    return "".join(chars)


class SearchController(QObject):
    def __init__(self, window, parent=None):
        super().__init__(parent or window)
        self.window = window
        self.session = window.session
        self.panel = SearchPanel(self.index)
        self.panel.setObjectName("search_panel")
        self.find_bar = FindBar(self._find_text)
        self.find_bar.setObjectName("find_bar")
        self.find_bar.hide()
        self._text_cache: tuple[str, str] | None = None  # (interview id, text)
        # window-wide F3/Shift+F3 (the bar gives them a widget context of its own)
        for action in (self.find_bar.find_next_action, self.find_bar.find_previous_action):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        # changing the actions made their buttons take the menu text again: keep the arrows
        self.find_bar.previous_button.setText("↑")
        self.find_bar.next_button.setText("↓")

        self.panel.hit_activated.connect(self.open_hit)
        self.find_bar.matches_changed.connect(self._on_find_matches)
        self.find_bar.current_match_changed.connect(self._on_find_current)
        self.find_bar.closed.connect(self._on_find_closed)
        events = window.session_signals
        events.cleared.connect(self._on_corpus_cleared)
        events.loaded.connect(lambda _complete: self.panel.refresh())
        window.reading_pane.current_exchange_changed.connect(self._on_exchange_changed)
        self._current_iid = ""

    @property
    def index(self) -> SearchIndex:
        """Filled by the loader in its thread as files load, or restored from the corpus
        snapshot (SearchIndex is locked)."""
        return self.session.index

    # -- corpus --------------------------------------------------------------------------------
    @Slot()
    def _on_corpus_cleared(self) -> None:
        self.panel.set_index(self.index)  # a new load has a new index
        self.window.reading_pane.clear_highlights(SEARCH_KEY)

    # -- corpus search ---------------------------------------------------------------------------
    def show_search(self) -> None:
        dock = self.window.search_dock
        dock.show()
        dock.raise_()
        self.panel.focus_query()

    @Slot(str, int, object)
    def open_hit(self, interview_id: str, number: int, spans) -> None:
        window = self.window
        if not window.show_interview(interview_id, max(number, 1)):
            return
        pane = window.reading_pane
        pane.highlight_source_ranges(list(spans or []), MATCH_COLOUR, key=SEARCH_KEY)
        if spans:
            pane.show_source_offset(spans[0][0])

    # -- find bar ----------------------------------------------------------------------------------
    def _find_text(self) -> str:
        iv = self.window.reading_pane.interview()
        if iv is None:
            return ""
        if self._text_cache is None or self._text_cache[0] != iv.id:
            self._text_cache = (iv.id, shown_text(iv))
        return self._text_cache[1]

    def open_find(self) -> None:
        self.find_bar.open_bar()
        self.find_bar.refresh()

    @Slot(object)
    def _on_find_matches(self, spans) -> None:
        pane = self.window.reading_pane
        pane.highlight_source_ranges(spans, MATCH_COLOUR, key=FIND_KEY)

    @Slot(int)
    def _on_find_current(self, _index: int) -> None:
        pane = self.window.reading_pane
        span = self.find_bar.current_span()
        if span is None:
            pane.clear_highlights(FIND_CURRENT_KEY)
            return
        # going to another exchange re-renders; the highlight layers survive that
        pane.show_source_offset(span[0])
        pane.highlight_source_ranges([span], CURRENT_COLOUR, key=FIND_CURRENT_KEY)

    @Slot()
    def _on_find_closed(self) -> None:
        pane = self.window.reading_pane
        pane.clear_highlights(FIND_KEY)
        pane.clear_highlights(FIND_CURRENT_KEY)
        pane.text.setFocus()

    @Slot(str, int)
    def _on_exchange_changed(self, interview_id: str, _number: int) -> None:
        if interview_id != self._current_iid:
            self._current_iid = interview_id
            self.panel.set_current_interview(interview_id or None)
            self.window.reading_pane.clear_highlights(SEARCH_KEY)
            if self.find_bar.isVisible():
                self.find_bar.refresh()
