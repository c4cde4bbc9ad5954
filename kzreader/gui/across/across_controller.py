"""Glue for reading across interviews: the cross-reading window, similar questions and the
REFI-QDA export.

The window (``AcrossWindow``) reads what the other parts already hold: the theme tags and
lexicon (``window.themes``), the search index (``window.search.index``, through its public
``search``), the bookmark store.  Similar questions need an index of every question, built
on first use in a plain Python thread (core.search.similar; it never calls Qt) and built again when
the corpus or the theme tags change.  Bookmarks and quotes go through the window's own
controllers with this view as the selection, so they anchor and cite as in the reading pane.
"""
from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Qt, QTimer, Slot
from PySide6.QtGui import QAction, QColor, QKeySequence
from PySide6.QtWidgets import QMainWindow

from kzreader.core.themes.across import (
    ORDER_INTERVIEW,
    AcrossItem,
    items_for_hits,
    items_for_similar,
    items_for_themes,
    order_items,
)
from kzreader.core.annotations.bookmark import STATUS_OK
from kzreader.core.search.similar import SimilarQuestions, shared_spans

from .across_view import MODE_SEARCH, MODE_SIMILAR, MODE_THEME, AcrossView
from ..bookmarks.bookmarks_controller import HIGHLIGHT_COLOUR
from ..search.search_controller import MATCH_COLOUR
from ..themes.themes_controller import HIGHLIGHT_ALPHA
from ..widgets.dialog_size import open_size

SEARCH_LIMIT = 2000  # exchanges a search shows across the corpus (best first)
SIMILAR_LIMIT = 15
POLL_MS = 50
ACROSS_KEY = "across"  # the reading pane's highlight layer for an exchange opened from here
STATUS_MS = 5_000


class AcrossWindow(QMainWindow):
    """A window of its own around the view, so the reader can keep it beside the main one."""

    def __init__(self, parent=None):
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("across_window")
        self.setWindowTitle(self.tr("Read Across Interviews — kzreader"))
        self.view = AcrossView(self)
        self.view.setObjectName("across_view")
        self.setCentralWidget(self.view)

        def action(text, keys, name):
            a = QAction(text, self)
            a.setObjectName(name)
            a.setShortcuts([QKeySequence(k) for k in keys])
            self.addAction(a)
            return a

        self.bookmark_action = action(self.tr("&Bookmark Selection"), ["Ctrl+D"], "across_bookmark")
        self.quote_action = action(self.tr("Copy as &Quote"), ["Ctrl+Shift+C"], "across_copy_quote")
        self.exchange_action = action(self.tr("Copy &Exchange"), ["Ctrl+Alt+C"], "across_copy_exchange")
        self.open_action = action(self.tr("&Open in Interview"), ["Ctrl+Return"], "across_open")
        self.close_action = action(self.tr("&Close"), ["Ctrl+W", "Escape"], "across_close")
        self.close_action.triggered.connect(self.close)
        self.view.text.extra_context_actions = [self.quote_action, self.exchange_action, self.bookmark_action,
                                                self.open_action]
        bar = self.addToolBar(self.tr("Cross-reading toolbar"))
        bar.setObjectName("across_toolbar")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        bar.setMovable(False)
        bar.addActions([self.bookmark_action, self.quote_action, self.open_action])
        self.resize(open_size(self, 980, 760))  # within a small screen (it was 980x760 on any)


class _SimilarBuild:
    """Building the similar-questions index in a thread; the GUI polls ``done``."""

    def __init__(self, key, interviews, exchange_themes):
        self.key = key
        self.total = len(interviews)
        self.progress = 0
        self.result: SimilarQuestions | None = None
        self.cancelled = False
        self.done = False

        def run() -> None:
            try:
                self.result = SimilarQuestions.build(interviews, exchange_themes, cancelled=lambda: self.cancelled,
                                                     progress=self._on_progress)
            finally:
                self.done = True

        self.thread = threading.Thread(target=run, name="kzreader-similar", daemon=True)
        self.thread.start()

    def _on_progress(self, done: int) -> None:
        self.progress = done


class AcrossController(QObject):
    def __init__(self, window, parent=None):
        super().__init__(parent or window)
        self.window = window
        self.win: AcrossWindow | None = None
        self._similar: SimilarQuestions | None = None
        self._similar_key = None
        self._build: _SimilarBuild | None = None
        self._similar_source: tuple[str, int] | None = None
        self.export_job = None
        self._marks = self._bookmark_marks  # what the items shown are marked with, besides their spans
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._poll_build)
        events = window.session_signals
        events.cleared.connect(self._on_corpus_cleared)
        events.loaded.connect(self._on_corpus_loaded)

    # -- the window ------------------------------------------------------------------------
    def open_view(self, mode: str | None = None) -> AcrossWindow:
        if self.win is None:
            self.win = AcrossWindow(self.window)
            view = self.win.view
            view.request_changed.connect(self.refresh)
            view.open_requested.connect(self.open_exchange)
            self.win.bookmark_action.triggered.connect(self.bookmark)
            self.win.quote_action.triggered.connect(self.copy_quote)
            self.win.exchange_action.triggered.connect(self.copy_exchange)
            self.win.open_action.triggered.connect(self.open_current)
            self._fill_themes()
            if self.window.themes.selected:
                view.set_theme(self.window.themes.selected[0])
        view = self.win.view
        view.set_reading_font(self.window.reading_pane.reading_font())
        if mode is not None:
            view.set_mode(mode)
        if mode != MODE_SIMILAR:
            self.refresh()
        self.win.show()
        self.win.raise_()
        self.win.activateWindow()
        return self.win

    def show_theme(self, theme_id: str) -> AcrossWindow:
        win = self.open_view(MODE_THEME)
        win.view.set_theme(theme_id)
        self.refresh()
        return win

    def show_search(self, query: str) -> AcrossWindow:
        win = self.open_view(MODE_SEARCH)
        win.view.set_query(query)
        self.refresh()
        return win

    def show_similar(self, interview_id: str | None = None, number: int | None = None) -> AcrossWindow:
        """Similar questions for an exchange (default: the one being read)."""
        pane = self.window.reading_pane
        if interview_id is None:
            iv = pane.interview()
            interview_id, number = (iv.id, pane.current_number()) if iv is not None else ("", 0)
        self._similar_source = (interview_id, number or 0) if interview_id and number else None
        win = self.open_view(MODE_SIMILAR)
        self.refresh()
        return win

    def _fill_themes(self) -> None:
        themes = self.window.themes
        counts = themes.counts
        entries = [(t.id, t.name(themes.language), counts.count(t.id)) for t in themes.lexicon.themes]
        self.win.view.set_themes(entries)

    def _lookup(self, iid: str):
        corpus = self.window.corpus
        return corpus.by_id(iid) if corpus is not None else None

    @Slot()
    def refresh(self) -> None:
        """Gather the items for what the view asks, and show them."""
        if self.win is None:
            return
        view = self.win.view
        corpus = self.window.corpus
        mode = view.mode()
        if corpus is None or not corpus.interviews:
            view.set_items([], self._lookup, message=self.tr("No interviews are open."))
            return
        order = view.order()
        grouped = order == ORDER_INTERVIEW
        if mode == MODE_THEME:
            self._fill_themes()
            tid = view.theme_id()
            items = items_for_themes(self.window.themes.counts.exchange_themes, [tid],
                                     [iv.id for iv in corpus.interviews]) if tid else []
            self._marks = self._theme_marks(tid)
            view.set_items(order_items(items, self._lookup, order), self._lookup, self._marks,
                           self.tr("No exchange carries this theme."), grouped)
        elif mode == MODE_SEARCH:
            query = view.query()
            if not query:
                view.set_items([], self._lookup, message=self.tr("Type words to find and press Enter."))
                return
            items = items_for_hits(self.window.search.index.search(query, limit=SEARCH_LIMIT))
            self._marks = self._bookmark_marks
            view.set_items(order_items(items, self._lookup, order), self._lookup, self._bookmark_marks,
                           self.tr("No exchange matches “{0}”.").format(query), grouped, MATCH_COLOUR)
        else:
            self._refresh_similar(order, grouped)

    def _refresh_similar(self, order: str, grouped: bool) -> None:
        view = self.win.view
        source = self._similar_source
        iv = self._lookup(source[0]) if source else None
        if iv is None or not 0 < source[1] <= len(iv.exchanges):
            view.set_similar_label(self.tr("Open a question in the reading pane first."))
            view.set_items([], self._lookup, message=self.tr("Choose a question to follow through the corpus: "
                                                             "Go ▸ Similar Questions while reading it."))
            return
        question = " ".join(iv.exchanges[source[1] - 1].question.text.split())
        view.set_similar_label(self.tr("Like question {0} of {1}: {2}").format(source[1], iv.display_title, question))
        index = self._similar_index()
        if index is None:
            build = self._build
            view.set_items([], self._lookup, message=self.tr("Comparing the questions of {0} interviews…").format(
                build.total if build else len(self.window.corpus.interviews)))
            return
        results = index.similar(source[0], source[1], SIMILAR_LIMIT)
        first = AcrossItem(source[0], source[1])
        items = items_for_similar(first, results)
        # the followed question stays on top; the others in the order asked for
        items = [first] + order_items(items[1:], self._lookup, order)
        # with no proposal the heading says so: the index proposes only questions that clear
        # its confidence floor, and most questions of a mixed collection have no counterpart
        none = self.tr("No similar questions in this collection")
        sections = ({0: self.tr("The question followed"), 1: self.tr("Similar questions in other interviews")}
                    if results else {0: none})
        self._marks = self._similar_marks(results)
        view.set_items(items, self._lookup, self._marks, grouped=False, sections=sections)
        if not results:
            self.win.statusBar().showMessage(none, STATUS_MS)

    def _theme_marks(self, theme_id: str):
        themes = self.window.themes
        theme = themes.lexicon.get(theme_id)
        colour = QColor(theme.colour if theme is not None else "#ffd54f")
        colour.setAlpha(HIGHLIGHT_ALPHA)

        def marks(iv, number):
            hit = themes.index.tag_exchange(iv.exchanges[number - 1]).get(theme_id)
            out = [(span, colour) for span in (hit.spans if hit is not None else ())]
            return out + self._bookmark_marks(iv, number)

        return marks

    def _similar_marks(self, results):
        """The shared words of each similar question, found when it is shown (its body is
        read then, not for all of them at once)."""
        shared = {(r.interview_id, r.number): r.shared for r in results}

        def marks(iv, number):
            terms = shared.get((iv.id, number))
            spans = shared_spans(iv, number, terms) if terms else ()
            return [(span, MATCH_COLOUR) for span in spans] + self._bookmark_marks(iv, number)

        return marks

    def _bookmark_marks(self, iv, number):
        ex = iv.exchanges[number - 1]
        lo, hi = ex.question.start, ex.answer.end if ex.answer.paragraphs else ex.question.end
        return [((b.anchor.start, b.anchor.end), HIGHLIGHT_COLOUR) for b in self.window.bookmarks.store.list(iv.id)
                if b.status == STATUS_OK and b.anchor.start < hi and b.anchor.end > lo]

    # -- similar questions ---------------------------------------------------------------------
    def _corpus_key(self):
        corpus = self.window.corpus
        return (id(corpus), len(corpus.interviews) if corpus else 0, id(self.window.themes.counts))

    def _similar_index(self) -> SimilarQuestions | None:
        """The index when it is ready; otherwise starts building it and returns None."""
        key = self._corpus_key()
        if self._similar is not None and self._similar_key == key:
            return self._similar
        if self._build is None or self._build.key != key:
            if self._build is not None:
                self._build.cancelled = True
            corpus = self.window.corpus
            self._build = _SimilarBuild(key, list(corpus.interviews), dict(self.window.themes.counts.exchange_themes))
            self._timer.start()
        return None

    def similar_ready(self) -> bool:
        return self._similar is not None and self._similar_key == self._corpus_key()

    @Slot()
    def _poll_build(self) -> None:
        build = self._build
        if build is None:
            self._timer.stop()
            return
        if not build.done:
            return
        self._timer.stop()
        self._build = None
        if build.result is not None:
            self._similar, self._similar_key = build.result, build.key
            if self.win is not None and self.win.view.mode() == MODE_SIMILAR:
                self.refresh()

    @Slot()
    def _on_corpus_cleared(self) -> None:
        if self._build is not None:
            self._build.cancelled = True
            self._build = None
        self._similar = None
        self._similar_source = None
        if self.win is not None:
            self.refresh()

    @Slot(bool)
    def _on_corpus_loaded(self, _complete: bool) -> None:
        if self.win is not None and self.win.isVisible():
            self.refresh()

    # -- acting on the view ----------------------------------------------------------------------
    @Slot()
    def bookmark(self) -> str | None:
        view = self.win.view
        bid = self.window.bookmarks.bookmark_selection(view)
        if bid is not None:
            b = self.window.bookmarks.store.get(bid)
            view.mark_source_range(b.interview_id, b.anchor.start, b.anchor.end, HIGHLIGHT_COLOUR)
        self._mirror_status()
        return bid

    @Slot()
    def copy_quote(self) -> bool:
        done = self.window.quotes.copy_as_quote(self.win.view)
        self._mirror_status()
        return done

    @Slot()
    def copy_exchange(self) -> bool:
        done = self.window.quotes.copy_exchange(self.win.view)
        self._mirror_status()
        return done

    def _mirror_status(self) -> None:
        # the controllers report in the main window's status bar; say it here too
        self.win.statusBar().showMessage(self.window.statusBar().currentMessage(), STATUS_MS)

    @Slot()
    def open_current(self) -> bool:
        item = self.win.view.current_item() if self.win is not None else None
        return self.open_exchange(item.interview_id, item.number) if item is not None else False

    @Slot(str, int)
    def open_exchange(self, interview_id: str, number: int) -> bool:
        """Show the exchange in its interview in the main window, its marks highlighted."""
        window = self.window
        if not window.show_interview(interview_id, number):
            return False
        item = next((it for it in self.win.view.items() if (it.interview_id, it.number) == (interview_id, number)),
                    None) if self.win is not None else None
        # the same words marked as in the cross-reading view (bookmarks have their own layer)
        pane = window.reading_pane
        iv = pane.interview()
        marks = [(span, MATCH_COLOUR) for span in item.spans] if item is not None else []
        marks += [m for m in self._marks(iv, number) if m[1] != HIGHLIGHT_COLOUR] if item is not None else []
        pane.highlight_source_ranges([span for span, _ in marks], marks[0][1] if marks else MATCH_COLOUR,
                                     key=ACROSS_KEY)
        window.raise_()
        window.activateWindow()
        return True

    # -- export -----------------------------------------------------------------------------------
    def export_qdpx(self, path: str | None = None):
        """File ▸ Export ▸ REFI-QDA Project: ask where, then export in the background."""
        from ..bookmarks.qdpx_export import QdpxExportJob

        window = self.window
        if window.corpus is None or not window.corpus.interviews:
            window.statusBar().showMessage(self.tr("Open some interviews first."), STATUS_MS)
            return None
        if self.export_job is not None:
            return self.export_job  # one export at a time
        if path is None:
            from PySide6.QtWidgets import QFileDialog

            path, _ = QFileDialog.getSaveFileName(window, self.tr("Export REFI-QDA Project"), "kzreader.qdpx",
                                                  self.tr("REFI-QDA projects (*.qdpx)"))
            if not path:
                return None
            if not path.lower().endswith(".qdpx"):
                path += ".qdpx"
        job = self.export_job = QdpxExportJob(window, path)
        job.finished.connect(self._on_export_finished)
        job.start()
        return job

    @Slot(object)
    def _on_export_finished(self, _result) -> None:
        self.export_job = None
