"""Glue for bookmarks: the store in the data dir, the dock panel, Ctrl+D, highlights, undo,
jumping to a bookmark and re-anchoring bookmarks after their files changed."""
from __future__ import annotations

import os
from pathlib import Path

import html

from PySide6.QtCore import QEvent, QObject, Slot
from PySide6.QtGui import QColor, QTextCursor, QUndoStack
from PySide6.QtWidgets import QMessageBox, QToolTip

from kzreader.core.annotations.bookmark import STATUS_OK
from kzreader.core.annotations.bookmarks import BookmarkStore
from kzreader.core.model import Interview, Problem, text_hash
from kzreader.core.sources.sources import SourceError, read_source

from .bookmarks_panel import BookmarksPanel
from ..reading.highlight_colours import BOOKMARK_UNDERLINE
from ..i18n import error_text, message_text

BOOKMARKS_FILE = "bookmarks.json"
HIGHLIGHT_KEY = "bookmarks"
HIGHLIGHT_COLOUR = QColor(120, 190, 255, 110)  # a bookmark's fill where a view cannot underline
STATUS_MS = 10_000


def exchange_at(iv: Interview, offset: int) -> int | None:
    """The exchange whose stretch of source holds ``offset`` (None: before the first one)."""
    number = None
    for ex in iv.exchanges:
        if ex.question.start <= offset:
            number = ex.number
    return number


class BookmarksController(QObject):
    def __init__(self, window, parent=None):
        super().__init__(parent or window)
        self.window = window
        data_dir = window.data_dir or os.path.join(os.path.expanduser("~"), ".kzreader")
        self.store = BookmarkStore(Path(data_dir) / BOOKMARKS_FILE)
        self.undo_stack = QUndoStack(self)
        self.panel = BookmarksPanel(self.store, self.undo_stack, self._lookup)
        self.panel.setObjectName("bookmarks_panel")
        self._texts: dict[str, tuple[str, str]] = {}  # interview id -> (source hash, text)
        # what the Problems view keeps showing about the store (read-only, moved bookmarks);
        # a new load clears that view, so these are put back each time
        self._notices: list[Problem] = []

        self._undo_place: tuple[int, list] = (0, [])  # index and commands, to tell undo from a push
        self.undo_stack.indexChanged.connect(self._on_undo_index)
        self.panel.activated.connect(self.jump_to)
        self.panel.reattach_requested.connect(self._on_reattach)
        self.panel.store_error.connect(self._show_error)
        self.store.add_listener(self._on_store_changed)
        events = window.session_signals
        events.cleared.connect(self._texts.clear)
        events.cleared.connect(self._show_notices)
        events.loaded.connect(self._on_corpus_loaded)
        window.reading_pane.current_exchange_changed.connect(lambda *_: self.refresh_highlights())
        window.reading_pane.text.viewport().installEventFilter(self)

    def report_problems(self) -> None:
        """Store problems found while reading the file (shown once, after the window is up).

        A store that cannot be written is said in the status bar and the Problems view (the
        window works, bookmarks are read-only); damage is shown in a message box."""
        self._notices = [Problem(p.path, p.message, "warning") for p in self.store.problems
                         if p.kind == "read_only"]
        for p in self._notices:
            self._status(message_text(p.message))
        self._show_notices()
        damage = [p for p in self.store.problems if p.kind != "read_only"]
        if damage:
            text = "\n\n".join(message_text(p.message) for p in damage)
            QMessageBox.warning(self.window, self.tr("Bookmarks"), text)

    @Slot()
    def _show_notices(self) -> None:
        self.window.problems_view.append(list(self._notices))

    def detach(self) -> None:
        self.store.remove_listener(self._on_store_changed)

    # -- lookups ---------------------------------------------------------------------------
    def _lookup(self, interview_id: str) -> Interview | None:
        return self.window.session.interview(interview_id)

    @Slot(str, str)
    def set_citation_style(self, style: str, template: str) -> None:
        """The style Preferences chose, for the panel's exports (Copy as Quote reads the
        settings each time)."""
        if hasattr(self.panel, "set_citation_style"):
            self.panel.set_citation_style(style, template or None, self.window.quotes.citation_options())

    def source_text(self, iv: Interview) -> str | None:
        """The decoded source the interview was parsed from (None if the file has changed)."""
        cached = self._texts.get(iv.id)
        if cached is not None and cached[0] == iv.source_hash:
            return cached[1]
        try:
            text = read_source(iv.path).text
        except SourceError:
            return None
        if iv.source_hash and text_hash(text) != iv.source_hash:
            return None  # offsets of the shown text would not fit the file any more
        self._texts[iv.id] = (iv.source_hash, text)
        return text

    # -- creating --------------------------------------------------------------------------
    def bookmark_selection(self, view=None) -> str | None:
        """Ctrl+D: bookmark the selected text, or the current exchange when nothing is selected.

        ``view`` is where the reader selected (default: the reading pane); another view (the
        cross-reading view) offers the same ``selection_source_range``, ``interview`` and
        ``current_number``, so its bookmarks anchor exactly as the pane's do."""
        pane = view if view is not None else self.window.reading_pane
        found = pane.selection_source_range()
        if found is None:
            iv = pane.interview()
            number = pane.current_number()
            if iv is None or not number:
                self._status(self.tr("Select some text to bookmark."))
                return None
            ex = iv.exchanges[number - 1]
            start, end = ex.question.start, ex.answer.end if ex.answer.paragraphs else ex.question.end
        else:
            iv, start, end = found
        text = self.source_text(iv)
        if text is None:
            self._status(self.tr("The file has changed on disk; reload it before bookmarking."))
            return None
        bid = self.panel.add_bookmark(iv.id, iv.path, text, start, end, exchange=exchange_at(iv, start))
        if bid is not None:
            self.panel.select_bookmark(bid)
            self._status(self.tr("Bookmark added."))
        return bid

    @Slot(str)
    def _on_reattach(self, bookmark_id: str) -> None:
        found = self.window.reading_pane.selection_source_range()
        if found is None:
            self._status(self.tr("Select the passage in the reading pane first."))
            return
        iv, start, end = found
        text = self.source_text(iv)
        if text is not None:
            self.panel.reattach(bookmark_id, iv.id, iv.path, text, start, end, exchange_at(iv, start))

    # -- showing -----------------------------------------------------------------------------
    @Slot(str)
    def jump_to(self, bookmark_id: str) -> bool:
        b = self.store.get(bookmark_id)
        if b is None:
            return False
        window = self.window
        if not window.show_interview(b.interview_id, b.exchange or 1):
            self._status(self.tr("The interview of this bookmark is not loaded."))
            return False
        pane = window.reading_pane
        if b.status != STATUS_OK or not pane.show_source_offset(b.anchor.start):
            return False
        start, end = pane.document_position(b.anchor.start), pane.document_position(b.anchor.end)
        if start is not None and end is not None:
            cursor = QTextCursor(pane.document())
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            pane.text.setTextCursor(cursor)
        return True

    def refresh_highlights(self) -> None:
        pane = self.window.reading_pane
        iv = pane.interview()
        if iv is None:
            return
        ranges = [(b.anchor.start, b.anchor.end) for b in self.store.list(iv.id) if b.status == STATUS_OK]
        pane.highlight_source_ranges(ranges, BOOKMARK_UNDERLINE, key=HIGHLIGHT_KEY, underline=True)

    def notes_at(self, offset: int) -> list[str]:
        iv = self.window.reading_pane.interview()
        if iv is None:
            return []
        return [b.note for b in self.store.list(iv.id)
                if b.status == STATUS_OK and b.note and b.anchor.start <= offset < b.anchor.end]

    def eventFilter(self, obj, event) -> bool:
        # hovering a bookmarked passage shows its note
        if event.type() == QEvent.Type.ToolTip:
            pane = self.window.reading_pane
            offset = pane.source_offset_at(pane.text.cursorForPosition(event.pos()).position())
            notes = self.notes_at(offset) if offset is not None else []
            if notes:
                # tooltips render HTML; notes are the user's text, shown as typed
                QToolTip.showText(event.globalPos(), "<p style='white-space:pre-wrap'>"
                                  + "<hr>".join(html.escape(n) for n in notes) + "</p>", pane.text)
                return True
        return super().eventFilter(obj, event)

    def _on_store_changed(self, _event: str, _ids) -> None:
        self.refresh_highlights()

    # -- after loading -----------------------------------------------------------------------
    def _follow_moves(self, corpus) -> None:
        """Bookmarks of files that are gone follow a loaded file with the same text (a moved
        or renamed folder), and the Problems view says so."""
        loaded = {iv.source_hash: (iv.id, iv.path) for iv in corpus.interviews if iv.source_hash}
        moves = self.store.follow_moves(loaded, {iv.id for iv in corpus.interviews})
        if not moves:
            return
        counts: dict[tuple[str, str], int] = {}
        for b, old in moves:
            counts[(old, b.path)] = counts.get((old, b.path), 0) + 1
        notices = [Problem(new, self.tr("%n bookmark(s) followed this file from {0}", "", n).format(old),
                           "warning")
                   for (old, new), n in counts.items()]
        self.window.problems_view.append(notices)
        self._status(self.tr("%n bookmark(s) followed their files to a new place.", "", len(moves)))

    @Slot(bool)
    def _on_corpus_loaded(self, _complete: bool) -> None:
        corpus = self.window.session.corpus
        try:
            self._follow_moves(corpus)
        except Exception as e:  # a store that cannot be written must not break loading
            self._show_error(error_text(e))
        by_path = {iv.path: iv for iv in corpus.interviews}
        roots = [os.path.realpath(p) for p in self.window.corpus_paths]  # as interviews' paths
        texts: dict[str, str | None] = {}
        for b in self.store.list():
            if b.path in texts:
                continue
            iv = by_path.get(b.path)
            if iv is not None:
                if iv.source_hash != b.anchor.source_hash or b.status != STATUS_OK:
                    text = self.source_text(iv)
                    if text is not None:
                        texts[b.path] = text
            elif not os.path.exists(b.path) and any(
                    os.path.abspath(b.path).startswith(r.rstrip(os.sep) + os.sep) or b.path == r for r in roots):
                texts[b.path] = None  # the file was in this corpus and is gone
        if not texts:
            return

        def locate(path: str, offset: int) -> int | None:
            iv = by_path.get(path)
            return exchange_at(iv, offset) if iv is not None else None

        try:
            self.store.reanchor_all(texts, locate_exchange=locate)
        except Exception as e:  # a store that cannot be written must not break loading
            self._show_error(error_text(e))
        self.refresh_highlights()

    def on_window_activated(self) -> None:
        """Other instances may have saved bookmarks meanwhile."""
        try:
            self.store.reload()
        except Exception as e:
            self._show_error(error_text(e))

    # -- messages ------------------------------------------------------------------------------
    @Slot(str)
    def _show_error(self, message: str) -> None:
        self._status(self.tr("Bookmarks: {0}").format(message))

    @Slot(int)
    def _on_undo_index(self, index: int) -> None:
        """Say what Undo/Redo did, so "Bookmark added." does not stay after its undo."""
        stack = self.undo_stack
        before, commands = self._undo_place
        now = [stack.command(i) for i in range(stack.count())]
        self._undo_place = (index, now)
        if len(now) != len(commands) or any(a is not b for a, b in zip(now, commands)):
            return  # a new command (or one dropped): its owner reports it
        if index < before:
            self._status(self.tr("Undone: {0}").format(stack.text(index)))
        elif index > before:
            self._status(self.tr("Redone: {0}").format(stack.text(index - 1)))

    def _status(self, message: str) -> None:
        self.window.statusBar().showMessage(message, STATUS_MS)
