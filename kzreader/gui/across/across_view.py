"""The cross-reading view: one scrolling document of exchanges from many interviews.

Each exchange comes with a header (who answered, outlet, date, question number, a link that
opens it in its interview), then its question and answer, laid out by the reading pane's own
document builder, with the matches (theme words, search words, shared question words)
marked.  The document is built in chunks as the reader scrolls towards its end, so a theme
carried by fifty thousand exchanges costs only what has been looked at.

The view offers the reading pane's selection interface (``selection_source_range``,
``interview``, ``current_number``), so bookmarks and quotes made here go through the same
code and anchor and cite exactly as in the reading pane.
"""
from __future__ import annotations

import bisect
from typing import Callable, Sequence

from PySide6.QtCore import Qt, QTimer, QUrl, Signal, Slot
from PySide6.QtGui import QColor, QFont, QPalette, QTextBlockFormat, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kzreader.core.themes.across import ORDER_DATE, ORDER_INTERVIEW, ORDER_INTERVIEWEE, AcrossItem, header
from kzreader.core.model import Interview

from ..i18n import format_date
from ..reading.document import DocumentBuilder, apply_measure, reading_colours
from ..reading.offsets import Segment, source_range
from ..reading.reading_text import ReadingText
from ..widgets.elided_combo import ElidedComboBox
from ..widgets.elided_label import ElidedLabel

CHUNK = 8  # exchanges built at a time: about a screenful, some 30 ms
AHEAD_PAGES = 3  # build more when the reader is this many pages from the end

MODE_THEME, MODE_SEARCH, MODE_SIMILAR = "theme", "search", "similar"
# (source offsets, colour) to mark in one exchange
Marks = Callable[[Interview, int], Sequence[tuple[tuple[int, int], QColor]]]


class _AcrossBuilder(DocumentBuilder):
    """The reading pane's builder plus the headings of the cross-reading view."""

    def heading(self, pieces: list[tuple[str, QTextCharFormat]], top: float) -> int:
        """One line of differently formatted pieces; returns its document position."""
        if self._in_question:
            self._leave_frame()
            self._in_question = False
        fmt = QTextBlockFormat()
        fmt.setTopMargin(0 if self._empty else top)
        fmt.setBottomMargin(self.em * 0.25)
        self._block(fmt, pieces[0][1])
        pos = self.cursor.block().position()
        for text, char in pieces:
            self.cursor.insertText(text, char)
        return pos

    def section(self, text: str, first: bool) -> None:
        if self._in_question:
            self._leave_frame()
            self._in_question = False
        self.label(text, first)

    def fmt(self, bold=False, colour: QColor | None = None, scale=1.0) -> QTextCharFormat:
        return self._text_fmt(bold=bold, colour=colour, scale=scale)


class AcrossView(QWidget):
    """Pick what to read across (a theme, a search, similar questions) and read it.

    ``request_changed()`` when the reader changed the source, the theme, the query or the
    order; ``open_requested(interview_id, number)`` when a header's link was clicked.
    """

    request_changed = Signal()
    open_requested = Signal(str, int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._items: list[AcrossItem] = []
        self._lookup: Callable[[str], Interview | None] = lambda _iid: None
        self._marks: Marks | None = None
        self._built = 0
        self._segments: list[Segment] = []
        self._segment_starts: list[int] = []
        self._segment_item: list[int] = []  # per segment, the index of its item
        self._item_segments: list[tuple[int, int]] = []  # per built item, its [first, last) segments
        self._item_starts: list[int] = []  # document position of each built item's header
        self._builder: _AcrossBuilder | None = None
        self._font = QFont(self.font())
        self._grouped = True
        self._span_colour = QColor(255, 224, 102)
        self._message = ""
        self._sections: dict[int, str] = {}
        self._filling = False
        self._build_widgets()
        self.set_items([], self._lookup)

    # -- construction ----------------------------------------------------------------------
    def _build_widgets(self) -> None:
        self.mode_combo = QComboBox(self)
        self.mode_combo.setObjectName("across_mode")
        self.mode_combo.addItem(self.tr("Theme"), MODE_THEME)
        self.mode_combo.addItem(self.tr("Search"), MODE_SEARCH)
        self.mode_combo.addItem(self.tr("Similar questions"), MODE_SIMILAR)
        self.mode_combo.setAccessibleName(self.tr("Read across by"))
        # a long theme name ends in "…" at 720 px, the whole name in the tooltip
        self.theme_combo = ElidedComboBox(self)
        self.theme_combo.setObjectName("across_theme")
        self.theme_combo.setAccessibleName(self.tr("Theme"))
        self.theme_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.theme_combo.setMinimumContentsLength(16)
        self.query_edit = QLineEdit(self)
        self.query_edit.setObjectName("across_query")
        self.query_edit.setPlaceholderText(self.tr("Words to find in every interview"))
        self.query_edit.setAccessibleName(self.tr("Search words"))
        self.query_edit.setClearButtonEnabled(True)
        self.similar_label = ElidedLabel(self)
        self.similar_label.setObjectName("across_similar_label")
        self.source_stack = QStackedWidget(self)
        for w in (self.theme_combo, self.query_edit, self.similar_label):
            self.source_stack.addWidget(w)
        self.order_combo = QComboBox(self)
        self.order_combo.setObjectName("across_order")
        self.order_combo.addItem(self.tr("By interview"), ORDER_INTERVIEW)
        self.order_combo.addItem(self.tr("By date"), ORDER_DATE)
        self.order_combo.addItem(self.tr("By interviewee"), ORDER_INTERVIEWEE)
        self.order_combo.setAccessibleName(self.tr("Order"))
        self.count_label = QLabel(self)
        self.count_label.setObjectName("across_count")
        self.count_label.setTextFormat(Qt.TextFormat.PlainText)
        self.count_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        bar = QHBoxLayout()
        bar.setContentsMargins(10, 8, 10, 6)
        bar.addWidget(self.mode_combo)
        bar.addWidget(self.source_stack, 1)
        # a theme name or a query needs no more than this; a wide window leaves the rest empty
        self.source_stack.setMaximumWidth(self.fontMetrics().horizontalAdvance("M") * 48)
        bar.addStretch(0)
        bar.addWidget(self.order_combo)
        bar.addWidget(self.count_label)

        self.text = ReadingText(self)
        self.text.setObjectName("across_text")
        self.text.setAccessibleName(self.tr("Exchanges from every interview"))
        self.text.anchorClicked.connect(self._on_anchor)
        bar_widget = self.text.verticalScrollBar()
        bar_widget.valueChanged.connect(self._schedule_more)
        bar_widget.rangeChanged.connect(self._schedule_more)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(bar)
        layout.addWidget(self.text, 1)

        self.mode_combo.currentIndexChanged.connect(self._on_mode)
        self.theme_combo.currentIndexChanged.connect(lambda _i: self.request_changed.emit())
        self.query_edit.returnPressed.connect(self.request_changed.emit)
        self.order_combo.currentIndexChanged.connect(lambda _i: self.request_changed.emit())

    # -- the request -----------------------------------------------------------------------
    def mode(self) -> str:
        return self.mode_combo.currentData()

    def set_mode(self, mode: str) -> None:
        """Switch the source without asking for new items (the caller fills them)."""
        self.mode_combo.blockSignals(True)
        self.mode_combo.setCurrentIndex(self.mode_combo.findData(mode))
        self.mode_combo.blockSignals(False)
        self.source_stack.setCurrentIndex(self.mode_combo.currentIndex())

    @Slot(int)
    def _on_mode(self, _index: int) -> None:
        self.source_stack.setCurrentIndex(self.mode_combo.currentIndex())
        if self.mode() == MODE_SEARCH:
            self.query_edit.setFocus()
        self.request_changed.emit()

    def order(self) -> str:
        return self.order_combo.currentData()

    def set_order(self, order: str) -> None:
        self.order_combo.setCurrentIndex(self.order_combo.findData(order))

    def theme_id(self) -> str:
        return self.theme_combo.currentData() or ""

    def set_themes(self, themes: list[tuple[str, str, int]], current: str = "") -> None:
        """(theme id, name, exchanges carrying it) for the theme picker."""
        current = current or self.theme_id()
        self.theme_combo.blockSignals(True)
        self.theme_combo.clear()
        for tid, name, count in themes:
            self.theme_combo.addItem(self.tr("{0} ({1})").format(name, count), tid)
        index = self.theme_combo.findData(current)
        self.theme_combo.setCurrentIndex(max(index, 0))
        self.theme_combo.blockSignals(False)

    def set_theme(self, theme_id: str) -> None:
        self.theme_combo.blockSignals(True)
        self.theme_combo.setCurrentIndex(max(self.theme_combo.findData(theme_id), 0))
        self.theme_combo.blockSignals(False)

    def query(self) -> str:
        return self.query_edit.text().strip()

    def set_query(self, text: str) -> None:
        self.query_edit.setText(text)

    def set_similar_label(self, text: str) -> None:
        """The question followed, elided to the room there is (the tooltip has all of it)."""
        self.similar_label.setText(text)

    # -- items -----------------------------------------------------------------------------
    def set_reading_font(self, font: QFont) -> None:
        if font != self._font:
            self._font = QFont(font)
            self._rebuild()

    def set_items(self, items: Sequence[AcrossItem], lookup: Callable[[str], Interview | None],
                  marks: Marks | None = None, message: str = "", grouped: bool = True,
                  span_colour: QColor | None = None, sections: dict[int, str] | None = None) -> None:
        """Show ``items`` (already in reading order); each item's own spans are marked in
        ``span_colour`` and ``marks(iv, number)`` gives more ranges to mark; ``message`` shows
        when there are no items.  ``grouped``: one heading per run of items from the same
        interview (otherwise every exchange has the full header).  ``sections``: a label to
        show above the item of that index."""
        self._sections = dict(sections or {})
        self._span_colour = QColor(span_colour) if span_colour is not None else QColor(255, 224, 102)
        self._items = list(items)
        self._lookup = lookup
        self._marks = marks
        self._message = message
        self._grouped = grouped
        self._rebuild()
        count = len(self._items)
        interviews = len({it.interview_id for it in self._items})
        # two source strings each, so English reads well untranslated; %n gives Russian its plurals
        self.count_label.setText((
            (self.tr("%n exchange", "", count) if count == 1 else self.tr("%n exchanges", "", count)) + " "
            + (self.tr("in %n interview", "", interviews) if interviews == 1
               else self.tr("in %n interviews", "", interviews))) if count else "")

    def items(self) -> list[AcrossItem]:
        return list(self._items)

    def built_count(self) -> int:
        """How many items the document holds so far (it grows as the reader scrolls)."""
        return self._built

    def _rebuild(self) -> None:
        doc = QTextDocument(self.text)
        doc.setDefaultFont(self._font)
        doc.setUndoRedoEnabled(False)
        self._segments, self._segment_starts, self._segment_item = [], [], []
        self._item_segments, self._item_starts = [], []
        self._built = 0
        self._builder = _AcrossBuilder(doc, self._font, reading_colours(self.palette()), self._segments)
        if not self._items:
            self._builder.message(self._message or self.tr("Nothing to show."))
        self.text.setDocument(doc)
        apply_measure(self.text)
        self.text.verticalScrollBar().setValue(0)
        self.build_more()

    def build_more(self, count: int = CHUNK) -> int:
        """Append the next ``count`` items to the document; returns how many were added."""
        b = self._builder
        if b is None:
            return 0
        added = 0
        while self._built < len(self._items) and added < count:
            self._build_item(b, self._built)
            self._built += 1
            added += 1
        return added

    def build_all(self) -> None:
        self.build_more(len(self._items))

    @Slot()
    def _schedule_more(self, *_args) -> None:
        if not self._filling and self._built < len(self._items):
            self._filling = True
            QTimer.singleShot(0, self._fill_to_view)

    @Slot()
    def _fill_to_view(self) -> None:
        self._filling = False
        bar = self.text.verticalScrollBar()
        if self._built < len(self._items) and bar.value() >= bar.maximum() - AHEAD_PAGES * max(bar.pageStep(), 1):
            self.build_more()

    def _build_item(self, b: _AcrossBuilder, index: int) -> None:
        item = self._items[index]
        iv = self._lookup(item.interview_id)
        colours = b.colours
        h = header(iv, item.number)
        first_of_group = index == 0 or self._items[index - 1].interview_id != item.interview_id
        sectioned = index in self._sections
        if sectioned:
            b.section(self._sections[index], first=index == 0)
        link = b.fmt(colour=self.palette().color(QPalette.ColorRole.Link), scale=0.85)
        link.setAnchor(True)
        link.setAnchorHref(f"item:{index}")
        link.setFontUnderline(True)
        muted = b.fmt(colour=colours["muted"], scale=0.85)
        who = h.interviewee or self.tr("(interviewee not found)")
        facts = [p for p in (h.outlet, format_date(h.date, long=True)) if p]
        if not self._grouped or first_of_group:
            title_line = [(who, b.fmt(bold=True))]
            if h.role:
                title_line.append((", " + h.role, b.fmt(colour=colours["muted"])))
            if facts:
                title_line.append(("  ·  " + "  ·  ".join(facts), b.fmt(colour=colours["muted"])))
            start = b.heading(title_line, b.em * (0.2 if sectioned else 2.2))
            if h.title:
                b.heading([(h.title, muted)], 0)
            top = b.em * 0.4
        else:
            start = None
            top = b.em * 1.4
        pos = b.heading([(self.tr("Question {0} of {1}").format(h.number, h.count) + "  ·  ", muted),
                         (self.tr("Open in interview"), link)], top)
        self._item_starts.append(start if start is not None else pos)
        first_seg = len(self._segments)
        ex = iv.exchanges[item.number - 1] if 0 < item.number <= len(iv.exchanges) else None
        if ex is not None:
            for i, p in enumerate(ex.question.paragraphs):
                b.question(p, ex.question.speaker if i == 0 else None, continued=i > 0)
            for i, p in enumerate(ex.answer.paragraphs):
                b.answer(p, ex.answer.speaker if i == 0 else None, first=i == 0)
        segs = range(first_seg, len(self._segments))
        self._segment_item.extend(index for _ in segs)
        self._segment_starts.extend(self._segments[k].doc_start for k in segs)
        self._item_segments.append((first_seg, len(self._segments)))
        marks = [(span, self._span_colour) for span in item.spans]
        if self._marks is not None and ex is not None:
            marks.extend(self._marks(iv, item.number))
        for (s, e), colour in marks:
            self._mark(index, s, e, colour)

    def _mark(self, index: int, start: int, end: int, colour: QColor) -> None:
        fmt = QTextCharFormat()
        fmt.setBackground(colour)
        lo, hi = self._item_segments[index]
        for seg in self._segments[lo:hi]:
            p = seg.paragraph
            if start < p.end and end > p.start:
                cur = QTextCursor(self.text.document())
                cur.setPosition(seg.to_document(max(start, p.start)))
                cur.setPosition(seg.to_document(min(end, p.end)), QTextCursor.MoveMode.KeepAnchor)
                cur.mergeCharFormat(fmt)

    def mark_source_range(self, interview_id: str, start: int, end: int, colour: QColor) -> None:
        """Tint a source range of an interview wherever a built item shows it (a new bookmark)."""
        for index in range(self._built):
            if self._items[index].interview_id == interview_id:
                self._mark(index, start, end, colour)

    # -- where things are --------------------------------------------------------------------
    def item_at(self, pos: int) -> int | None:
        """The index of the item shown at document position ``pos``."""
        k = bisect.bisect_right(self._item_starts, pos) - 1
        return k if k >= 0 else (0 if self._item_starts else None)

    def item_document_position(self, index: int) -> int | None:
        return self._item_starts[index] if 0 <= index < len(self._item_starts) else None

    def scroll_to_item(self, index: int) -> None:
        while self._built <= index < len(self._items):
            self.build_more()
        pos = self.item_document_position(index)
        if pos is None:
            return
        self.text.document().size()
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(pos)
        bar = self.text.verticalScrollBar()
        bar.setValue(max(0, self.text.cursorRect(cursor).top() + bar.value() - 8))

    def _current_index(self) -> int | None:
        cursor = self.text.textCursor()
        if cursor.hasSelection():
            return self.item_at(cursor.selectionStart())
        if cursor.position() > 0:
            return self.item_at(cursor.position())
        return self.item_at(self.text.cursorForPosition(self.text.viewport().rect().topLeft()).position())

    # -- the reading pane's selection interface ---------------------------------------------------
    def selection_source_range(self) -> tuple[Interview, int, int] | None:
        """The selection as (interview, start, end) source offsets, cut to the exchange where
        it starts (one quote or bookmark cannot span two interviews)."""
        cursor = self.text.textCursor()
        if not cursor.hasSelection() or not self._segments:
            return None
        a, b = cursor.selectionStart(), cursor.selectionEnd()
        k = bisect.bisect_right(self._segment_starts, a) - 1
        if k < 0 or self._segments[k].doc_end <= a:
            k += 1  # the selection starts between paragraphs: from the next one on
        if k >= len(self._segments):
            return None
        index = self._segment_item[k]
        lo, hi = self._item_segments[index]
        found = source_range(self._segments[lo:hi], a, b)
        if found is None:
            return None
        return (self._lookup(self._items[index].interview_id), *found)

    def interview(self) -> Interview | None:
        index = self._current_index()
        return self._lookup(self._items[index].interview_id) if index is not None and self._items else None

    def current_number(self) -> int:
        index = self._current_index()
        return self._items[index].number if index is not None and self._items else 0

    def current_item(self) -> AcrossItem | None:
        index = self._current_index()
        return self._items[index] if index is not None and self._items else None

    # -- events ----------------------------------------------------------------------------------
    @Slot(QUrl)
    def _on_anchor(self, url: QUrl) -> None:
        text = url.toString()
        if text.startswith("item:") and text[5:].isdigit():
            index = int(text[5:])
            if index < len(self._items):
                item = self._items[index]
                self.open_requested.emit(item.interview_id, item.number)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        apply_measure(self.text)
        self._schedule_more()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        from PySide6.QtCore import QEvent

        if event.type() == QEvent.Type.PaletteChange and self._builder is not None:
            self._rebuild()

