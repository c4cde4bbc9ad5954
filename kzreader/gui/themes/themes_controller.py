"""Glue between the session's theme tags, the theme sidebar, the theme map and the reading pane.

The window owns the widgets and the session tags what is loaded (core.corpus.session); this object
reads the user's lexicon (and saves the user's edits to it), hands it to the session, shows
the counts and turns the sidebar's selection into filters: the interview list, the question
navigator, the search scope and highlighted words.
"""
from __future__ import annotations

import os

from PySide6.QtCore import QLocale, QObject, Signal, Slot
from PySide6.QtGui import QColor

from kzreader.core.model import Problem
from kzreader.core.themes.lexicon import Lexicon, LexiconError, reload as reload_lexicon, save_user_lexicon

from ..i18n import error_text
from ..library.filter_bar import FilterBar
from ..reading.highlight_colours import theme_tint
from ..reading.document import reading_colours
from .theme_map import ThemeMapDialog
from .theme_sidebar import ThemeSidebar

USER_LEXICON = "themes.yaml"
HIGHLIGHT_ALPHA = 90  # theme colours are strong; the text must stay readable over them
STATUS_MS = 15_000


def ui_language() -> str:
    return "ru" if QLocale().language() == QLocale.Language.Russian else "en"


class ThemesController(QObject):
    """``filter_changed(callable | None)``: ``(interview_id, exchange_number) -> bool`` for
    the selected themes, None when nothing is selected (for the search panel's scope)."""

    filter_changed = Signal(object)

    def __init__(self, window, parent=None):
        super().__init__(parent or window)
        self.window = window
        self.language = ui_language()
        self.user_path = os.path.join(window.data_dir, USER_LEXICON) if window.data_dir else ""
        self.default = Lexicon.load_default()
        lexicon = self.default
        self.error: str | None = None
        if self.user_path:
            lexicon, err = reload_lexicon(self.default, self.user_path, base=self.default)
            self.error = error_text(err) if err is not None else None
        self.session = window.session
        self.session.set_lexicon(lexicon)
        self.selected: list[str] = []
        self.require_all = False  # several themes: all of them in one question, or any
        self._to_first_passage = False  # show the first highlight once the pane is updated
        self._hits: dict[str, dict] = {}  # interview id -> {exchange number: {theme: ThemeHit}}
        self._highlight_keys: set[str] = set()
        self._current_iid = ""
        self.map_dialog: ThemeMapDialog | None = None

        self.sidebar = ThemeSidebar(self.lexicon, self.counts, language=self.language)
        self.sidebar.setObjectName("theme_sidebar")
        self.sidebar.selection_changed.connect(self._on_selection_changed)
        self.sidebar.lexicon_edited.connect(self._on_lexicon_edited)
        events = window.session_signals
        events.cleared.connect(self._on_corpus_cleared)
        events.added.connect(self._on_interviews_added)
        events.retagged.connect(self._on_retagged)
        window.reading_pane.current_exchange_changed.connect(self._on_exchange_changed)
        self.filter_bar = FilterBar()
        window.reading_pane.add_top_bar(self.filter_bar)
        self.filter_bar.clear_requested.connect(self.clear_filters)
        self.filter_bar.mode_changed.connect(self._on_mode_changed)
        window.interview_list.filter_edit.textChanged.connect(self._update_filter_bar)
        if self.error:
            # after the window has built its status bar; repeated on every corpus load
            self.report_error()

    # -- lexicon ---------------------------------------------------------------------------
    def report_error(self) -> None:
        if not self.error:
            return
        message = self.tr("Your themes file could not be used; the default themes stay in force: {0}").format(
            self.error)
        self.window.problems_view.append([Problem(self.user_path, message, "warning")])
        self.window.statusBar().showMessage(message, STATUS_MS)

    @Slot(list)
    def _on_lexicon_edited(self, themes: list) -> None:
        try:
            save_user_lexicon(self.user_path, themes, base=self.default)
        except (LexiconError, OSError) as e:
            self.window.statusBar().showMessage(self.tr("Themes were not saved: {0}").format(error_text(e)), STATUS_MS)
            return
        lexicon, err = reload_lexicon(self.lexicon, self.user_path, base=self.default)
        self.error = error_text(err) if err is not None else None
        if err is not None:
            self.report_error()
        self.set_lexicon(lexicon)

    def set_lexicon(self, lexicon: Lexicon) -> None:
        """Re-tag the whole corpus with ``lexicon`` and show the new counts."""
        self.session.set_lexicon(lexicon)  # tells _on_retagged

    # the session's lexicon, its tags and the theme matcher they were made with
    @property
    def lexicon(self) -> Lexicon:
        return self.session.lexicon

    @property
    def counts(self):
        return self.session.themes

    @property
    def index(self):
        return self.session.theme_index

    # -- corpus ------------------------------------------------------------------------------
    @Slot()
    def _on_retagged(self) -> None:
        self._hits.clear()
        self.sidebar.set_lexicon_counts(self.lexicon, self.counts)
        self._apply_filters()
        self._refresh_map()

    @Slot()
    def _on_corpus_cleared(self) -> None:
        self._hits.clear()
        self.sidebar.set_lexicon_counts(self.lexicon, self.counts)
        self.report_error()  # the Problems view was just emptied

    @Slot(object, object)
    def _on_interviews_added(self, _interviews: list, _problems: list) -> None:
        self.sidebar.refresh_counts()
        if self.selected:
            self.window.interview_list.set_id_filter(set(self._matching_interviews()))
        self._update_filter_bar()
        self._refresh_map()

    # -- selection -----------------------------------------------------------------------------
    @Slot(list)
    def _on_selection_changed(self, ids: list) -> None:
        self.selected = list(ids)
        self._to_first_passage = bool(self.selected)
        self._apply_filters()
        self._open_first_passage()

    @Slot(bool)
    def _on_mode_changed(self, require_all: bool) -> None:
        self.require_all = require_all
        self._to_first_passage = bool(self.selected)
        self._apply_filters()
        self._open_first_passage()

    @Slot()
    def clear_filters(self) -> None:
        """Every filter off: themes and the list's text."""
        self.window.interview_list.filter_edit.clear()
        self.sidebar.clear_selection()

    def _numbers(self, interview_id: str) -> list[int]:
        """The interview's questions on the chosen themes (any or all of them)."""
        return self.counts.exchanges_with(interview_id, self.selected, self.require_all)

    def _matching_interviews(self) -> list[str]:
        if not self.require_all:
            return self.counts.interviews_with(self.selected)
        # all themes in one question, not merely somewhere in the interview
        return [iid for iid in self.counts.interviews_with(self.selected, True) if self._numbers(iid)]

    def _open_first_passage(self) -> None:
        """The open interview moves to its first question on the themes; the pane update
        then scrolls to the first highlighted passage."""
        pane = self.window.reading_pane
        iv = pane.interview()
        if iv is not None and self.selected:
            numbers = self._numbers(iv.id)
            if numbers and pane.current_number() not in numbers:
                pane.go_to(numbers[0])
                return
        self._update_pane()

    def _apply_filters(self) -> None:
        window = self.window
        if self.selected:
            window.interview_list.set_id_filter(set(self._matching_interviews()))
            wanted = set(self.selected)
            per = self.counts.exchange_themes
            require_all = self.require_all

            def carries(iid: str, number: int) -> bool:
                themes = per.get(iid, ())
                if not 0 < number <= len(themes):
                    return False
                return wanted <= themes[number - 1] if require_all else bool(wanted & themes[number - 1])

            self.filter_changed.emit(carries)
        else:
            window.interview_list.set_id_filter(None)
            self.filter_changed.emit(None)
        self._update_filter_bar()
        self._update_pane()

    @Slot()
    def _update_filter_bar(self, *_args) -> None:
        window = self.window
        text = window.interview_list.filter_edit.text().strip()
        if not self.selected and not text:  # nothing filtered: nothing to count
            self.filter_bar.show_state([], "", (0, 0), (0, 0))
            window.status.update_counts()
            return
        corpus = window.corpus
        interviews = corpus.interviews if corpus is not None else []
        shown = window.interview_list.visible_ids()
        if self.selected:
            shown_questions = sum(len(self._numbers(iid)) for iid in shown)
        else:
            lookup = window.interview_list.interview
            shown_questions = sum(lookup(iid).exchange_count for iid in shown if lookup(iid) is not None)
        names = [t.name(self.language) for t in self.lexicon.themes if t.id in self.selected]
        self.filter_bar.show_state(names, text,
                                   (len(shown), len(interviews)),
                                   (shown_questions, sum(iv.exchange_count for iv in interviews)))
        window.status.update_counts()

    def select_themes(self, theme_ids: list[str]) -> None:
        self.sidebar.set_selected_theme_ids(theme_ids)

    # -- reading pane --------------------------------------------------------------------------
    @Slot(str, int)
    def _on_exchange_changed(self, interview_id: str, number: int) -> None:
        if interview_id != self._current_iid:
            self._current_iid = interview_id
            self.sidebar.set_current_interview(interview_id or None)
            if interview_id and self.selected:
                # a newly opened interview starts at its first passage on the selected themes
                self._to_first_passage = True
                numbers = self._numbers(interview_id)
                if numbers and number not in numbers:
                    self.window.reading_pane.go_to(numbers[0])
                    return  # go_to reported the new exchange; the pane was updated then
        self._update_pane()

    def _update_pane(self) -> None:
        pane = self.window.reading_pane
        iv = pane.interview()
        if iv is None:
            pane.set_exchange_filter(None)
            pane.set_themes_line("")
            self._set_highlights({})
            return
        pane.set_exchange_filter(self._numbers(iv.id) if self.selected else None)
        number = pane.current_number()
        per = self.counts.exchange_themes.get(iv.id, ())
        carried = per[number - 1] if 0 < number <= len(per) else frozenset()
        names = [t.name(self.language) for t in self.lexicon.themes if t.id in carried]
        pane.set_themes_line(self.tr("Themes: {0}").format(", ".join(names)) if names else "")
        ranges: dict[str, list[tuple[int, int]]] = {}
        if self.selected:
            hits = self._interview_hits(iv)
            shown = hits.keys() if pane.is_whole_interview() else [number]
            for n in shown:
                for tid, hit in hits.get(n, {}).items():
                    if tid in self.selected:
                        ranges.setdefault(tid, []).extend(hit.spans)
        self._set_highlights(ranges)
        if self._to_first_passage:
            self._to_first_passage = False
            starts = [a for spans in ranges.values() for a, _b in spans]
            if starts:
                pane.show_source_offset(min(starts))

    def _interview_hits(self, iv) -> dict:
        if iv.id not in self._hits:
            self._hits[iv.id] = {ex.number: self.index.tag_exchange(ex) for ex in iv.exchanges}
        return self._hits[iv.id]

    def tint(self, colour: str) -> QColor:
        """The theme colour at a strength that stays apart from the page, the question box,
        the search colours and the selection (see highlight_colours)."""
        pal = self.window.reading_pane.palette()
        colours = reading_colours(pal)
        return theme_tint(QColor(colour), colours["page"], colours["question_bg"],
                          pal.color(pal.ColorRole.Highlight))

    def _set_highlights(self, ranges: dict[str, list[tuple[int, int]]]) -> None:
        pane = self.window.reading_pane
        for key in self._highlight_keys - {f"theme:{t}" for t in ranges}:
            pane.clear_highlights(key)
        self._highlight_keys = set()
        for tid, spans in ranges.items():
            theme = self.lexicon.get(tid)
            colour = self.tint(theme.colour if theme is not None else "#ffd54f")
            key = f"theme:{tid}"
            pane.highlight_source_ranges(spans, colour, key=key)
            self._highlight_keys.add(key)

    # -- theme map ------------------------------------------------------------------------------
    def open_map(self) -> ThemeMapDialog:
        corpus = self.window.corpus
        interviews = corpus.interviews if corpus is not None else []
        if self.map_dialog is None:
            self.map_dialog = ThemeMapDialog(self.lexicon, self.counts, interviews, self.window, self.language)
            self.map_dialog.setObjectName("theme_map_dialog")
            self.map_dialog.cell_activated.connect(self.open_cell)
        else:
            self.map_dialog.map.set_data(self.lexicon, self.counts, interviews)
        self.map_dialog.show()
        self.map_dialog.raise_()
        self.map_dialog.activateWindow()
        return self.map_dialog

    def _refresh_map(self) -> None:
        if self.map_dialog is not None and self.map_dialog.isVisible():
            corpus = self.window.corpus
            self.map_dialog.map.set_data(self.lexicon, self.counts, corpus.interviews if corpus else [])

    @Slot(str, str)
    def open_cell(self, interview_id: str, theme_id: str) -> None:
        """Open the interview filtered to the theme, at its first exchange carrying it."""
        self.select_themes([theme_id])
        numbers = self._numbers(interview_id)
        self.window.show_interview(interview_id, numbers[0] if numbers else 1)
