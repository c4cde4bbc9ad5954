"""The reading pane: one interview's metadata, then one exchange at a time (or all of them).

The document is built by ``document.DocumentBuilder``, which records where each source
paragraph landed (``offsets.Segment``), so a selection or a highlight can be translated
between document positions and source offsets; the text widget is ``reading_text.ReadingText``.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtGui import QAction, QColor, QFont, QTextCursor, QTextDocument
from PySide6.QtWidgets import QWidget

from .document import (
    DocumentBuilder, Piece, apply_measure, exchange_pieces, highlight_selections, interview_pieces, reading_colours)
from .offsets import Segment, offset_at, position_of, source_range
from .pane_ui import NAVIGATOR_CHARS, build_actions, build_widgets, fill_header, fill_navigator

if TYPE_CHECKING:  # annotations only; the model is imported when files load
    from kzreader.core.model import Interview

ZOOM_MIN, ZOOM_MAX = -6, 12
_ZOOM_FACTOR = 1.1


class ReadingPane(QWidget):
    """Metadata header, navigation bar and the text of the current interview.

    The question navigator is a separate widget (``navigator``) so the window can place it
    in a dock; it is fully wired here.
    """

    current_exchange_changed = Signal(str, int)  # interview id, exchange number (0: none)
    zoom_changed = Signal(int)
    whole_interview_changed = Signal(bool)
    show_removed_changed = Signal(bool)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._interview: Interview | None = None
        self._pieces: list[Piece] = []
        self._number = 0
        self._whole = False
        self._show_removed = False
        self._zoom = 0
        self._segments: list[Segment] = []
        self._segment_starts: list[int] = []
        self._exchange_pos: dict[int, int] = {}  # whole mode: exchange → document position
        self._highlights: dict[str, tuple[list[tuple[int, int]], QColor]] = {}
        self._underlined: set[str] = set()  # highlight keys drawn as an underline
        self._syncing = False
        self._exchange_filter: set[int] | None = None
        self._empty_text = ""  # what the text says while no interview is shown ("": how to open one)

        build_actions(self)
        build_widgets(self)
        fill_header(self)
        self._update_navigation()
        self._render()

    def add_bar(self, widget: QWidget) -> None:
        """Place a bar (e.g. the find bar) between the header and the text."""
        self._layout.insertWidget(self._layout.indexOf(self.text), widget)

    def add_top_bar(self, widget: QWidget) -> None:
        """Place a bar (e.g. the filter bar) above the header."""
        self._layout.insertWidget(0, widget)

    def set_context_actions(self, actions: list[QAction]) -> None:
        """Extra actions for the text's context menu (after the standard ones)."""
        self.text.extra_context_actions = list(actions)

    def set_themes_line(self, text: str) -> None:
        """One line under the navigation bar (the current exchange's themes); "" hides it."""
        self.themes_label.setText(text)
        self.themes_label.setVisible(bool(text))
        self.nav_bar.arrange()

    def set_exchange_filter(self, numbers) -> None:
        """Show only these exchange numbers in the navigator (None: all of them)."""
        keep = None if numbers is None else set(numbers)
        for row in range(self.navigator.count()):
            self.navigator.setRowHidden(row, keep is not None and row + 1 not in keep)
        changed = keep != self._exchange_filter
        self._exchange_filter = keep
        self._update_navigation()
        if changed and self._interview is not None and not self._whole:
            self._render(keep_scroll=True)  # the line under the answer names the next question shown

    def visible_navigator_numbers(self) -> list[int]:
        return [row + 1 for row in range(self.navigator.count()) if not self.navigator.isRowHidden(row)]

    # -- public state -------------------------------------------------------------------------
    def interview(self) -> Interview | None:
        return self._interview

    def empty_text(self) -> str:
        """What the text says while no interview is shown ("": how to open one)."""
        return self._empty_text

    def current_number(self) -> int:
        """The current exchange, 1-based; 0 when nothing (or no exchange) is shown."""
        return self._number

    def exchange_count(self) -> int:
        return len(self._interview.exchanges) if self._interview else 0

    def is_whole_interview(self) -> bool:
        return self._whole

    def shows_removed(self) -> bool:
        return self._show_removed

    def zoom(self) -> int:
        return self._zoom

    def document(self) -> QTextDocument:
        return self.text.document()

    def set_interview(self, interview: Interview | None, number: int = 1, empty_text: str = "") -> None:
        """Show ``interview`` at exchange ``number``; with None, the text says ``empty_text``
        (by default, how to open an interview)."""
        self._interview = interview
        self._empty_text = empty_text
        self._pieces = interview_pieces(interview) if interview is not None else []
        count = self.exchange_count()
        self._number = max(1, min(number, count)) if count else 0
        self._exchange_filter = None  # a filter belongs to one interview; the owner sets it anew
        self._highlights.clear()  # source offsets of another text; the owners set them anew
        fill_header(self)
        fill_navigator(self)
        self._render()
        self._update_navigation()
        self._emit_current()

    def go_to(self, number: int) -> bool:
        """Show exchange ``number`` (1-based); False if there is no such exchange."""
        if not 1 <= number <= self.exchange_count():
            return False
        if number == self._number and not self._whole:
            return True
        self._number = number
        if self._whole:
            self._scroll_to_exchange(number)
        else:
            self._render()
        self._update_navigation()
        self._emit_current()
        return True

    def _step(self, delta: int) -> int:
        """The next (delta 1) or previous (-1) question, among those the filter keeps; 0: none."""
        count = self.exchange_count()
        n = self._number + delta
        while 1 <= n <= count:
            if self._exchange_filter is None or n in self._exchange_filter:
                return n
            n += delta
        return 0

    @Slot()
    def next_question(self) -> bool:
        n = self._step(1)
        return self.go_to(n) if n else False

    @Slot()
    def previous_question(self) -> bool:
        n = self._step(-1)
        return self.go_to(n) if n else False

    @Slot(bool)
    def set_whole_interview(self, whole: bool) -> None:
        whole = bool(whole)
        if whole == self._whole:
            return
        self._whole = whole
        self.whole_action.setChecked(whole)
        self._render()
        self._update_navigation()
        self.whole_interview_changed.emit(whole)

    @Slot(bool)
    def set_show_removed(self, show: bool) -> None:
        show = bool(show)
        if show == self._show_removed:
            return
        self._show_removed = show
        self.removed_action.setChecked(show)
        self._render(keep_scroll=True)
        self.show_removed_changed.emit(show)

    def caret_browsing(self) -> bool:
        return self.caret_action.isChecked()

    @Slot(bool)
    def set_caret_browsing(self, on: bool) -> None:
        """A visible text cursor that the keys move and Shift+keys extend, so a passage can be
        selected, bookmarked and quoted without a mouse (browsers do this on F7)."""
        on = bool(on)
        flags = Qt.TextInteractionFlag.TextBrowserInteraction
        if on:
            flags |= Qt.TextInteractionFlag.TextSelectableByKeyboard
        was = bool(self.text.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.text.setTextInteractionFlags(flags)
        self.caret_action.setChecked(on)
        if on and not was:
            # start where the reader is looking, not at the top of the document
            cursor = self.text.cursorForPosition(self.text.viewport().rect().topLeft())
            if not self.text.textCursor().hasSelection():
                self.text.setTextCursor(cursor)
            self.text.setFocus(Qt.FocusReason.ShortcutFocusReason)

    @Slot()
    def _on_paged_past_end(self) -> None:
        if not self._whole:
            self.next_question()

    def set_zoom(self, steps: int) -> None:
        steps = max(ZOOM_MIN, min(ZOOM_MAX, int(steps)))
        if steps == self._zoom:
            return
        self._zoom = steps
        self._render(keep_scroll=True)
        self.zoom_changed.emit(steps)

    @Slot()
    def zoom_in(self) -> None:
        self.set_zoom(self._zoom + 1)

    @Slot()
    def zoom_out(self) -> None:
        self.set_zoom(self._zoom - 1)

    @Slot()
    def reset_zoom(self) -> None:
        self.set_zoom(0)

    def reading_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(self._base_point_size() * _ZOOM_FACTOR ** self._zoom)
        return font

    def _base_point_size(self) -> float:
        size = self.font().pointSizeF()
        return (size if size > 0 else 10.0) * 1.15  # reading text a little larger than the UI

    # -- source positions ------------------------------------------------------------------------
    def selection_source_range(self) -> tuple[Interview, int, int] | None:
        """The selected text as (interview, start, end) source offsets, or None.

        A selection that starts or ends between paragraphs (in labels or spacing) is trimmed
        to the paragraphs it covers.
        """
        cursor = self.text.textCursor()
        if self._interview is None or not cursor.hasSelection():
            return None
        return self._source_range(cursor.selectionStart(), cursor.selectionEnd())

    def _source_range(self, a: int, b: int) -> tuple[Interview, int, int] | None:
        found = source_range(self._segments, a, b)
        return (self._interview, *found) if found is not None else None

    def source_offset_at(self, pos: int) -> int | None:
        """The source offset shown at document position ``pos`` (None: not source text)."""
        return offset_at(self._segments, pos)

    def document_position(self, offset: int) -> int | None:
        """Where source ``offset`` is shown in the current document (None: not shown)."""
        return position_of(self._segments, offset)

    def highlight_source_ranges(self, ranges, colour, key: str = "default", underline: bool = False) -> None:
        """Tint source ranges [(start, end), …] of the current interview wherever they are
        shown, now and after every re-render, until replaced (same key) or cleared.
        Different keys (search, bookmarks, themes) keep separate layers.  ``underline``
        marks them with a line in ``colour`` instead of a fill (bookmarks: a fill would look
        like the selection)."""
        ranges = [(int(a), int(b)) for a, b in ranges]
        if ranges:
            self._highlights[key] = (ranges, QColor(colour))
        else:
            self._highlights.pop(key, None)
        if underline:
            self._underlined.add(key)
        else:
            self._underlined.discard(key)
        self._apply_highlights()

    def clear_highlights(self, key: str | None = None) -> None:
        if key is None:
            self._highlights.clear()
        else:
            self._highlights.pop(key, None)
        self._apply_highlights()

    def show_source_offset(self, offset: int) -> bool:
        """Go to the exchange holding source ``offset`` and scroll it into view."""
        iv = self._interview
        if iv is None:
            return False
        target = 0
        for ex in iv.exchanges:
            if ex.question.start <= offset:
                target = ex.number
        if target and target != self._number:
            self.go_to(target)
        pos = self.document_position(offset)
        if pos is None and not self._whole and target == 0 and iv.exchanges:
            self.go_to(1)
            pos = self.document_position(offset)
        if pos is None:
            return False
        cursor = QTextCursor(self.document())
        cursor.setPosition(pos)
        self.text.setTextCursor(cursor)
        # the passage a quarter down the view, with what leads to it above
        bar = self.text.verticalScrollBar()
        self.document().size()  # lay out first, so the position is known
        bar.setValue(bar.value() + self.text.cursorRect(cursor).top() - self.text.viewport().height() // 4)
        return True

    # -- rendering ---------------------------------------------------------------------------
    def _colours(self) -> dict[str, QColor]:
        return reading_colours(self.palette())

    def _render(self, keep_scroll: bool = False) -> None:
        bar = self.text.verticalScrollBar()
        fraction = bar.value() / bar.maximum() if keep_scroll and bar.maximum() > 0 else 0.0

        doc = QTextDocument(self.text)
        font = self.reading_font()
        doc.setDefaultFont(font)
        doc.setUndoRedoEnabled(False)
        self._segments = []
        self._exchange_pos = {}
        builder = DocumentBuilder(doc, font, self._colours(), self._segments)
        iv = self._interview
        if iv is None:
            builder.message(self._empty_text or self.tr("No interview is open. Use File ▸ Open Folder… or drop files here."))
        else:
            if self._whole or not iv.exchanges:
                shown = [pc for pc in self._pieces if self._show_removed or pc.kind != "removed"]
            else:
                shown = exchange_pieces(self._pieces, iv, self._number, self._show_removed)
            self._exchange_pos = builder.pieces(shown, self._whole, self.exchange_count())
            if iv.exchanges and not self._whole:
                builder.message(self._invitation())
            if not iv.exchanges:
                builder.message(self.tr("No questions were recognised in this file; its text is shown as it was read."))
        self._segment_starts = [s.doc_start for s in self._segments]
        # (the browser deletes its previous document itself when it owned it)
        self.text.setDocument(doc)
        self._apply_width()
        self._apply_highlights()
        if self._whole and not keep_scroll:
            self._scroll_to_exchange(self._number)
        elif keep_scroll:
            doc.size()  # finish the layout so the scroll range is known
            bar.setValue(round(fraction * bar.maximum()))
        else:
            bar.setValue(0)

    def _invitation(self) -> str:
        """The line under an answer that says how to read on."""
        following = self._step(1)
        if not following:
            return self.tr("End of the interview. Alt+Down opens the next one.")
        words = " ".join(self._interview.exchanges[following - 1].question.text.split()).lstrip("—–- ")
        if len(words) > NAVIGATOR_CHARS:
            words = words[: NAVIGATOR_CHARS - 1].rstrip() + "…"
        return self.tr("Space: question {0} — {1}").format(following, words)

    def _apply_width(self) -> None:
        apply_measure(self.text)

    def _apply_highlights(self) -> None:
        self.text.setExtraSelections(
            highlight_selections(self._highlights, self._underlined, self._segments, self.text.document()))

    def _scroll_to_exchange(self, number: int) -> None:
        pos = self._exchange_pos.get(number)
        if pos is None:
            return
        self.text.document().size()  # lay out everything above first
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(pos)
        bar = self.text.verticalScrollBar()
        y = self.text.cursorRect(cursor).top() + bar.value()
        self._syncing = True
        try:
            bar.setValue(max(0, y - 8))
        finally:
            self._syncing = False

    # -- header, navigator, navigation state -------------------------------------------------------
    def _update_navigation(self) -> None:
        count = self.exchange_count()
        self.prev_action.setEnabled(self._number > 0 and bool(self._step(-1)))
        self.next_action.setEnabled(self._number > 0 and bool(self._step(1)))
        kept = sorted(self._exchange_filter) if self._exchange_filter is not None else None
        if self._interview is None:
            self.position_label.setText("")
        elif count == 0:
            self.position_label.setText(self.tr("No questions"))
        elif kept is not None and self._number in kept:
            # a filter hides questions: count those shown, and say which of all this is
            self.position_label.setText(self.tr("Question {0} of {1} shown (no. {2} of {3})").format(
                kept.index(self._number) + 1, len(kept), self._number, count))
        else:
            self.position_label.setText(self.tr("Question {0} of {1}").format(self._number, count))
        self.nav_bar.arrange()  # the position's text may have changed its width
        self._syncing = True
        try:
            self.navigator.setCurrentRow(self._number - 1 if self._number else -1)
        finally:
            self._syncing = False

    def _emit_current(self) -> None:
        iv = self._interview
        self.current_exchange_changed.emit(iv.id if iv else "", self._number)

    @Slot(int)
    def _on_navigator_row(self, row: int) -> None:
        if not self._syncing and row >= 0:
            self.go_to(row + 1)

    @Slot(int)
    def _on_scrolled(self, value: int) -> None:
        # in whole-interview mode the current question follows the reader's scrolling
        if not self._whole or self._syncing or not self._exchange_pos:
            return
        top = value + self.text.viewport().height() // 4
        current = self._number
        bar_value = self.text.verticalScrollBar().value()
        for number, pos in sorted(self._exchange_pos.items()):
            cursor = QTextCursor(self.text.document())
            cursor.setPosition(pos)
            if self.text.cursorRect(cursor).top() + bar_value <= top:
                current = number
            else:
                break
        if current != self._number:
            self._number = current
            self._update_navigation()
            self._emit_current()

    # -- Qt events -------------------------------------------------------------------------------
    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._apply_width()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        # light/dark switch or a new font: rebuild with colours taken from the new palette
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange):
            self._render(keep_scroll=True)

