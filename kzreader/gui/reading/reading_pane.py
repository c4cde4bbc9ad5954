"""The reading pane: one interview's metadata, then one exchange at a time (or all of them).

The text is built with QTextCursor.insertText and explicit formats only — source text is
never interpreted as HTML — and the browser refuses to load any resource.  While building,
the pane records where each source paragraph landed in the document, so a selection or a
highlight can be translated between document positions and source offsets.

QTextDocument counts positions in UTF-16 code units while the core counts Python characters;
the two differ only for characters outside the BMP (emoji), which _Segment converts.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtGui import (
    QAction,
    QColor,
    QFont,
    QFontInfo,
    QKeySequence,
    QPalette,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFrameFormat,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QSizePolicy,
    QTextBrowser,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..widgets.elided_label import ElidedLabel
from .removed_labels import removed_label
from ..i18n import format_date
from ..shortcuts import merged_keys
from ..widgets.plain_text import plain_tooltip

if TYPE_CHECKING:  # annotations only; the model is imported when files load
    from kzreader.core.model import Interview, Paragraph, Span

# reading measure: at most this many ems of text per line, centred in the pane
MEASURE_EM = 40
ZOOM_MIN, ZOOM_MAX = -6, 12
_ZOOM_FACTOR = 1.1
NAVIGATOR_CHARS = 80


def _u16len(s: str) -> int:
    return len(s.encode("utf-16-le")) // 2


def _u16_to_index(s: str, u16: int) -> int:
    """Python index in ``s`` of UTF-16 offset ``u16`` (clamped to the string)."""
    if s.isascii() or all(ord(c) < 0x10000 for c in s):
        return max(0, min(u16, len(s)))
    count = 0
    for i, c in enumerate(s):
        if count >= u16:
            return i
        count += 2 if ord(c) >= 0x10000 else 1
    return len(s)


def _mix(a: QColor, b: QColor, t: float) -> QColor:
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * t,
        a.greenF() + (b.greenF() - a.greenF()) * t,
        a.blueF() + (b.blueF() - a.blueF()) * t,
    )


# NamedTuples rather than dataclasses: importing dataclasses and building two of them cost
# about 2 ms before the first paint, and these only need to be small immutable records
class _Segment(NamedTuple):
    """A source paragraph as placed in the document: [doc_start, doc_end) ↔ [start, end)."""

    doc_start: int
    doc_end: int
    paragraph: Paragraph

    def to_source(self, pos: int) -> int:
        pos = max(self.doc_start, min(pos, self.doc_end))
        return self.paragraph.start + _u16_to_index(self.paragraph.text, pos - self.doc_start)

    def to_document(self, offset: int) -> int:
        i = max(0, min(offset - self.paragraph.start, len(self.paragraph.text)))
        return self.doc_start + _u16len(self.paragraph.text[:i])


class _Piece(NamedTuple):
    """One thing to show, in source order: a paragraph of the lead or a turn, or removed text."""

    start: int
    kind: str  # "lead", "question", "answer", "removed"
    exchange: int  # 1-based; 0 for lead and removed text
    paragraph: Paragraph | None = None
    span: Span | None = None
    speaker: str | None = None  # set on the first paragraph of a turn with a known speaker


def reading_colours(pal: QPalette) -> dict[str, QColor]:
    """The colours of reading text, taken from ``pal`` (light or dark)."""
    base = pal.color(QPalette.ColorRole.Base)
    text = pal.color(QPalette.ColorRole.Text)
    return {
        "page": base,
        "text": text,
        "muted": _mix(text, base, 0.45),
        "question_bg": _mix(base, pal.color(QPalette.ColorRole.Highlight), 0.13),
        "removed_bg": _mix(base, text, 0.05),
        "removed_border": _mix(base, text, 0.35),
    }


def apply_measure(text: QTextBrowser) -> None:
    """Centre a column of at most MEASURE_EM ems (the reading measure) in the viewport."""
    doc = text.document()
    em = QFontInfo(doc.defaultFont()).pixelSize() or 16
    avail = text.viewport().width()
    side = max(em * 0.9, (avail - MEASURE_EM * em) / 2)
    fmt = doc.rootFrame().frameFormat()
    if abs(fmt.leftMargin() - side) < 0.5 and fmt.topMargin() == em:
        return
    fmt.setLeftMargin(side)
    fmt.setRightMargin(side)
    fmt.setTopMargin(em)
    fmt.setBottomMargin(em * 2)
    doc.rootFrame().setFrameFormat(fmt)


def source_range(segments: list[_Segment], a: int, b: int) -> tuple[int, int] | None:
    """Document range [a, b) as source offsets (start, end) over ``segments`` (one text's
    paragraphs in document order), trimmed to the paragraphs it covers; None if it covers none."""
    first = next((i for i, s in enumerate(segments) if s.doc_end > a), None)
    last = next((i for i in range(len(segments) - 1, -1, -1) if segments[i].doc_start < b), None)
    if first is None or last is None or first > last:
        return None
    start = segments[first].to_source(a)
    end = segments[last].to_source(b)
    return (start, end) if end > start else None


def _pieces(iv: Interview) -> list[_Piece]:
    out = [_Piece(p.start, "lead", 0, p) for p in iv.lead]
    for ex in iv.exchanges:
        for role, turn in (("question", ex.question), ("answer", ex.answer)):
            for i, p in enumerate(turn.paragraphs):
                speaker = turn.speaker if i == 0 else None
                out.append(_Piece(p.start, role, ex.number, p, speaker=speaker))
    out.extend(_Piece(s.start, "removed", 0, span=s) for s in iv.removed)
    out.sort(key=lambda pc: (pc.start, pc.kind != "removed"))
    return out


_CARET_KEYS = (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Home, Qt.Key.Key_End)


class ReadingText(QTextBrowser):
    """A read-only browser that never follows links and never fetches a resource.

    Space/PgDn at the bottom emit ``paged_past_end`` (Shift+Space/PgUp at the top
    ``paged_before_start``); Shift+arrows without a caret emit ``caret_wanted``.
    """

    paged_past_end = Signal()
    paged_before_start = Signal()
    caret_wanted = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        # Wrap the viewport as the plain QWidget it is, found by Qt's name for it: the first
        # viewport() call makes PySide look for a more derived class among every widget class
        # (about 10 ms before the first paint).  viewport() then returns this wrapper.
        self._viewport = self.findChild(QWidget, "qt_scrollarea_viewport")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setReadOnly(True)
        self.setUndoRedoEnabled(False)
        self.setFrameShape(QTextBrowser.Shape.NoFrame)
        self.resource_requests = 0  # how often Qt asked for a resource (tests expect 0)
        self.extra_context_actions: list[QAction] = []  # appended to the standard menu

    def loadResource(self, type_, name):
        self.resource_requests += 1
        return None

    def setSource(self, url, type_=None):  # noqa: N802 - a reader never navigates
        return

    def createMimeDataFromSelection(self):
        # Ctrl+C copies the words as plain text; formatting belongs to Copy as Quote
        from PySide6.QtCore import QMimeData  # here: not needed to paint the window

        mime = QMimeData()
        mime.setText(self.textCursor().selection().toPlainText())
        return mime

    def contextMenuEvent(self, event):
        menu = self.createStandardContextMenu(event.pos())
        if self.extra_context_actions:
            menu.addSeparator()
            menu.addActions(self.extra_context_actions)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(event.globalPos())

    def keyPressEvent(self, event):
        key, mods = event.key(), event.modifiers()
        # QTextBrowser binds Alt+Left/Right to history navigation; here they belong to the
        # Go menu, so let them travel up to the window's shortcuts instead
        if mods & Qt.KeyboardModifier.AltModifier and key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            event.ignore()
            return
        bar = self.verticalScrollBar()
        paging_on = key == Qt.Key.Key_PageDown or (key == Qt.Key.Key_Space and not mods)
        paging_back = key == Qt.Key.Key_PageUp or (key == Qt.Key.Key_Space and mods == Qt.KeyboardModifier.ShiftModifier)
        caret = bool(self.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByKeyboard)
        # with a caret, PgDn/PgUp move it first; Space always pages the view
        free = key == Qt.Key.Key_Space or not caret
        # reading on past the end of an answer turns to the next question, as a book does
        if paging_on and bar.value() >= bar.maximum() and (free or self.textCursor().atEnd()):
            self.paged_past_end.emit()
            return
        if paging_back and bar.value() <= bar.minimum() and (free or self.textCursor().atStart()):
            self.paged_before_start.emit()
            return
        if key == Qt.Key.Key_Space and (paging_on or paging_back):  # a browser's Space: a page on (Shift: back)
            bar.triggerAction(bar.SliderAction.SliderPageStepSub if paging_back else bar.SliderAction.SliderPageStepAdd)
            return
        if (not caret and mods & Qt.KeyboardModifier.ShiftModifier and key in _CARET_KEYS):
            # Shift+arrow starts keyboard selection: the caret appears at the top of the view
            self.caret_wanted.emit()
        super().keyPressEvent(event)


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
        self._pieces: list[_Piece] = []
        self._number = 0
        self._whole = False
        self._show_removed = False
        self._zoom = 0
        self._segments: list[_Segment] = []
        self._segment_starts: list[int] = []
        self._exchange_pos: dict[int, int] = {}  # whole mode: exchange → document position
        self._highlights: dict[str, tuple[list[tuple[int, int]], QColor]] = {}
        self._underlined: set[str] = set()  # highlight keys drawn as an underline
        self._syncing = False
        self._exchange_filter: set[int] | None = None

        self._build_actions()
        self._build_widgets()
        self._update_navigation()
        self._render()

    # -- construction -----------------------------------------------------------------------
    def _build_actions(self) -> None:
        def action(text, shortcuts, slot, name, checkable=False):
            a = QAction(text, self)
            a.setObjectName(name)
            a.setShortcuts(merged_keys(*shortcuts))
            a.setCheckable(checkable)
            (a.toggled if checkable else a.triggered).connect(slot)
            self.addAction(a)
            return a

        self.prev_action = action(
            self.tr("&Previous Question"), ["Alt+Left", "Ctrl+PgUp"], self.previous_question,
            "action_prev_question")
        self.next_action = action(
            self.tr("&Next Question"), ["Alt+Right", "Ctrl+PgDown"], self.next_question,
            "action_next_question")
        self.whole_action = action(
            self.tr("&Whole Interview"), ["Ctrl+Shift+W"], self.set_whole_interview,
            "action_whole_interview", checkable=True)
        self.removed_action = action(
            self.tr("Show &Removed Text"), ["Ctrl+Shift+R"], self.set_show_removed,
            "action_show_removed", checkable=True)
        self.zoom_in_action = action(
            self.tr("Zoom &In"), ["Ctrl+=", "Ctrl++", QKeySequence.StandardKey.ZoomIn],
            self.zoom_in, "action_zoom_in")
        self.zoom_out_action = action(
            self.tr("Zoom &Out"), ["Ctrl+-", QKeySequence.StandardKey.ZoomOut], self.zoom_out,
            "action_zoom_out")
        self.zoom_reset_action = action(
            self.tr("Reset &Zoom"), ["Ctrl+0"], self.reset_zoom, "action_zoom_reset")
        self.caret_action = action(
            self.tr("&Caret Browsing"), ["F7"], self.set_caret_browsing, "action_caret_browsing",
            checkable=True)
        self.caret_action.setToolTip(self.tr("Move a text cursor with the keys and select with Shift+arrows"))
        # short labels for the buttons of the navigation bar (menus show the full text)
        self.prev_action.setIconText(self.tr("Previous"))
        self.next_action.setIconText(self.tr("Next"))
        self.whole_action.setIconText(self.tr("Whole interview"))
        self.removed_action.setIconText(self.tr("Removed text"))
        self.prev_action.setToolTip(self.tr("Previous question (Alt+Left)"))
        self.next_action.setToolTip(self.tr("Next question (Alt+Right)"))
        self.whole_action.setToolTip(self.tr("Show all questions as one continuous text"))
        self.removed_action.setToolTip(self.tr("Show page junk that was left out of the text, marked"))

    def _build_widgets(self) -> None:
        self.title_label = QLabel(self)
        self.title_label.setObjectName("title_label")
        self.meta_label = QLabel(self)
        self.meta_label.setObjectName("meta_label")
        for label in (self.title_label, self.meta_label):
            label.setTextFormat(Qt.TextFormat.PlainText)  # metadata comes from the files
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        title_font = QFont(self.font())
        title_font.setPointSizeF(self.font().pointSizeF() * 1.35)
        title_font.setBold(True)
        self.title_label.setFont(title_font)

        self.prev_button = QToolButton(self)
        self.prev_button.setDefaultAction(self.prev_action)
        self.prev_button.setArrowType(Qt.ArrowType.LeftArrow)
        self.prev_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.next_button = QToolButton(self)
        self.next_button.setDefaultAction(self.next_action)
        self.next_button.setArrowType(Qt.ArrowType.RightArrow)
        self.next_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.position_label = QLabel(self)
        self.position_label.setObjectName("position_label")
        self.position_label.setTextFormat(Qt.TextFormat.PlainText)
        self.position_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.whole_button = QToolButton(self)
        self.whole_button.setDefaultAction(self.whole_action)
        self.removed_button = QToolButton(self)
        self.removed_button.setDefaultAction(self.removed_action)
        for button in (self.whole_button, self.removed_button):
            # a switched-on toggle must look on, not merely a shade darker
            button.setStyleSheet("QToolButton:checked { background: palette(highlight);"
                                 " color: palette(highlighted-text); border-radius: 3px; padding: 2px 6px; }")
        # the themes of the current exchange (filled by the window's themes controller)
        self.themes_label = ElidedLabel(self)
        self.themes_label.setObjectName("themes_label")
        self.themes_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.themes_label.hide()

        # the view toggles beside the metadata, so the navigation row stays narrow
        meta_row = QHBoxLayout()
        meta_row.setContentsMargins(0, 0, 0, 0)
        meta_row.addWidget(self.meta_label, 1)
        meta_row.addWidget(self.whole_button, 0, Qt.AlignmentFlag.AlignTop)
        meta_row.addWidget(self.removed_button, 0, Qt.AlignmentFlag.AlignTop)
        nav = QHBoxLayout()
        nav.setContentsMargins(0, 0, 0, 0)
        nav.addWidget(self.prev_button)
        nav.addWidget(self.position_label)
        nav.addWidget(self.next_button)
        nav.addSpacing(8)
        nav.addWidget(self.themes_label, 1)  # one line; the whole list in its tooltip

        self.text = ReadingText(self)
        self.text.setObjectName("reading_text")
        self.text.setAccessibleName(self.tr("Interview text"))
        self.setAccessibleName(self.tr("Reading pane"))
        self.text.verticalScrollBar().valueChanged.connect(self._on_scrolled)
        self.text.paged_past_end.connect(self._on_paged_past_end)
        self.text.paged_before_start.connect(self.previous_question)
        self.text.caret_wanted.connect(lambda: self.set_caret_browsing(True))

        self.navigator = QListWidget()
        self.navigator.setObjectName("question_navigator")
        self.navigator.setAccessibleName(self.tr("Questions"))
        self.navigator.setWordWrap(True)
        self.navigator.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.navigator.setUniformItemSizes(False)
        self.navigator.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.navigator.currentRowChanged.connect(self._on_navigator_row)

        header = QVBoxLayout()
        header.setContentsMargins(12, 10, 12, 4)
        header.setSpacing(2)
        header.addWidget(self.title_label)
        header.addLayout(meta_row)
        header.addSpacing(6)
        header.addLayout(nav)

        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(0)
        self._layout.addLayout(header)
        self._layout.addWidget(self.text, 1)

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

    def set_interview(self, interview: Interview | None, number: int = 1) -> None:
        self._interview = interview
        self._pieces = _pieces(interview) if interview is not None else []
        count = self.exchange_count()
        self._number = max(1, min(number, count)) if count else 0
        self._exchange_filter = None  # a filter belongs to one interview; the owner sets it anew
        self._highlights.clear()  # source offsets of another text; the owners set them anew
        self._fill_header()
        self._fill_navigator()
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
        for seg in self._segments:
            if seg.doc_start <= pos < seg.doc_end:
                return seg.to_source(pos)
        return None

    def document_position(self, offset: int) -> int | None:
        """Where source ``offset`` is shown in the current document (None: not shown)."""
        for seg in self._segments:
            if seg.paragraph.start <= offset <= seg.paragraph.end:
                return seg.to_document(offset)
        return None

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
        builder = _Builder(doc, font, self._colours(), self._segments)
        iv = self._interview
        if iv is None:
            builder.message(self.tr("No interview is open. Use File ▸ Open Folder… or drop files here."))
        else:
            if self._whole or not iv.exchanges:
                shown = [pc for pc in self._pieces if self._show_removed or pc.kind != "removed"]
            else:
                shown = self._pieces_of_exchange(self._number)
            self._build(builder, shown)
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

    def _pieces_of_exchange(self, number: int) -> list[_Piece]:
        """The pieces of one exchange plus the lead/removed text lying in its stretch of source."""
        ex = self._interview.exchanges
        lo = 0 if number == 1 else ex[number - 1].question.start
        hi = ex[number].question.start if number < len(ex) else float("inf")
        out = []
        for pc in self._pieces:
            if pc.exchange:
                if pc.exchange == number:
                    out.append(pc)
            elif lo <= pc.start < hi and (pc.kind != "removed" or self._show_removed):
                out.append(pc)
        return out

    def _build(self, b: "_Builder", pieces: list[_Piece]) -> None:
        previous_kind = None
        previous_exchange = 0
        run: list[Span] = []  # consecutive removed spans of one kind share a box
        for pc in pieces:
            if run and (pc.kind != "removed" or pc.span.kind != run[0].kind):
                b.removed(run, removed_label(run[0].kind))
                run = []
            if pc.kind == "removed":
                run.append(pc.span)
                previous_kind = "removed"
                continue
            if pc.kind == "question":
                if self._whole and pc.exchange != previous_exchange:
                    self._exchange_pos[pc.exchange] = b.label(
                        self.tr("Question {0} of {1}").format(pc.exchange, self.exchange_count()),
                        first=previous_kind is None,
                    )
                b.question(pc.paragraph, pc.speaker, continued=previous_kind == "question")
                previous_exchange = pc.exchange
            elif pc.kind == "answer":
                b.answer(pc.paragraph, pc.speaker, first=previous_kind == "question")
            else:
                b.lead(pc.paragraph)
            previous_kind = pc.kind
        if run:
            b.removed(run, removed_label(run[0].kind))

    def _apply_width(self) -> None:
        apply_measure(self.text)

    def _apply_highlights(self) -> None:
        selections = []
        for key, (ranges, colour) in self._highlights.items():
            fmt = QTextCharFormat()
            if key in self._underlined:
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)  # lighter than a link
                fmt.setUnderlineColor(colour)
            else:
                fmt.setBackground(colour)
            for seg in self._segments:
                p = seg.paragraph
                for a, b in ranges:
                    if a < p.end and b > p.start:
                        sel = QTextEdit.ExtraSelection()
                        cur = QTextCursor(self.text.document())
                        cur.setPosition(seg.to_document(max(a, p.start)))
                        cur.setPosition(seg.to_document(min(b, p.end)), QTextCursor.MoveMode.KeepAnchor)
                        sel.cursor = cur
                        sel.format = fmt
                        selections.append(sel)
        self.text.setExtraSelections(selections)

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
    def _fill_header(self) -> None:
        iv = self._interview
        if iv is None:
            self.title_label.setText(self.tr("No interview open"))
            self.meta_label.setText("")
            self.meta_label.hide()
            return
        self.title_label.setText(iv.display_title)
        font = self.title_label.font()
        font.setItalic(iv.title_is_derived)  # a title the file did not give, set apart
        self.title_label.setFont(font)
        who = iv.interviewee or ""
        if iv.role:
            who = f"{who}, {iv.role}" if who else iv.role
        parts = [p for p in (who, iv.source, format_date(iv.date, long=True)) if p]
        if iv.interviewer:
            parts.append(self.tr("interviewed by {0}").format(iv.interviewer))
        self.meta_label.setText("  ·  ".join(parts) if parts else self.tr("(no interviewee, outlet or date found)"))
        self.meta_label.show()
        # where the file is: in the title's tooltip, not a line of its own
        where = "\n".join(p for p in (iv.url, iv.path) if p)
        self.title_label.setToolTip(plain_tooltip(  # the path and URL come from the file system and file
            self.tr("The file has no title; this one is made up from it.") + "\n" + where
            if iv.title_is_derived else where))

    def _fill_navigator(self) -> None:
        self._syncing = True
        try:
            self.navigator.clear()
            if self._interview is not None:
                from PySide6.QtWidgets import QListWidgetItem  # here: not needed to paint the window

                for ex in self._interview.exchanges:
                    text = " ".join(ex.question.text.split())
                    if len(text) > NAVIGATOR_CHARS:
                        text = text[: NAVIGATOR_CHARS - 1].rstrip() + "…"
                    item = QListWidgetItem(f"{ex.number}. {text}")
                    item.setToolTip(plain_tooltip(ex.question.text[:600]))  # source text: never HTML
                    self.navigator.addItem(item)
                    if self._exchange_filter is not None and ex.number not in self._exchange_filter:
                        self.navigator.setRowHidden(self.navigator.count() - 1, True)
        finally:
            self._syncing = False

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


class _Builder:
    """Appends formatted blocks to a document and records where source paragraphs land."""

    def __init__(self, doc: QTextDocument, font: QFont, colours: dict, segments: list[_Segment]):
        self.doc = doc
        self.cursor = QTextCursor(doc)
        self.colours = colours
        self.segments = segments
        self.pt = font.pointSizeF()
        self.em = QFontInfo(font).pixelSize() or 16
        self._empty = True
        self._in_question = False  # the cursor is inside a question's tinted frame

    def _block(self, block_fmt: QTextBlockFormat, char_fmt: QTextCharFormat) -> None:
        if self._empty:
            self.cursor.setBlockFormat(block_fmt)
            self.cursor.setBlockCharFormat(char_fmt)
            self._empty = False
        else:
            self.cursor.insertBlock(block_fmt, char_fmt)

    def _leave_frame(self) -> None:
        self.cursor = self.doc.rootFrame().lastCursorPosition()
        self._empty = False

    def _paragraph(self, p: Paragraph, fmt: QTextCharFormat) -> None:
        start = self.cursor.position()
        self.cursor.insertText(p.text, fmt)
        self.segments.append(_Segment(start, self.cursor.position(), p))

    def _text_fmt(self, bold=False, italic=False, colour: QColor | None = None, scale=1.0) -> QTextCharFormat:
        fmt = QTextCharFormat()
        fmt.setFontWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
        fmt.setFontItalic(italic)
        fmt.setForeground(colour or self.colours["text"])
        if scale != 1.0:
            fmt.setFontPointSize(self.pt * scale)
        return fmt

    def _reading_block(self, top: float, bottom: float = 0.0) -> QTextBlockFormat:
        fmt = QTextBlockFormat()
        fmt.setTopMargin(top)
        fmt.setBottomMargin(bottom)
        fmt.setLineHeight(140, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        return fmt

    def message(self, text: str) -> None:
        fmt = self._reading_block(self.em)
        fmt.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._block(fmt, self._text_fmt(italic=True, colour=self.colours["muted"]))
        self.cursor.insertText(text, self._text_fmt(italic=True, colour=self.colours["muted"]))

    def label(self, text: str, first: bool) -> int:
        """A small heading that is not source text; returns its document position."""
        fmt = QTextBlockFormat()
        fmt.setTopMargin(0 if first else self.em * 2)
        fmt.setBottomMargin(self.em * 0.3)
        char = self._text_fmt(bold=True, colour=self.colours["muted"], scale=0.8)
        self._block(fmt, char)
        pos = self.cursor.block().position()
        self.cursor.insertText(text, char)
        return pos

    def lead(self, p: Paragraph) -> None:
        fmt = self._reading_block(0 if self._empty else self.em * 0.6)
        char = self._text_fmt(italic=True)
        self._block(fmt, char)
        self._paragraph(p, char)

    def question(self, p: Paragraph, speaker: str | None, continued: bool) -> None:
        char = self._text_fmt(bold=True)
        if continued:
            # a multi-paragraph question stays inside the tinted frame it started
            self.cursor.insertBlock(self._reading_block(self.em * 0.4), char)
        else:
            frame = QTextFrameFormat()
            frame.setBackground(self.colours["question_bg"])
            frame.setPadding(self.em * 0.7)
            frame.setBorder(0)
            frame.setTopMargin(0 if self._empty else self.em * 1.2)
            frame.setBottomMargin(self.em * 0.4)
            if self._empty:
                self._empty = False
            self.cursor.insertFrame(frame)
            self.cursor.setBlockFormat(self._reading_block(0))
            self.cursor.setBlockCharFormat(char)
        if speaker:
            self.cursor.insertText(f"{speaker}: ", self._text_fmt(bold=True, colour=self.colours["muted"]))
        self._paragraph(p, char)
        self._in_question = True

    def answer(self, p: Paragraph, speaker: str | None, first: bool) -> None:
        if self._in_question:
            self._leave_frame()
            self._in_question = False
        char = self._text_fmt()
        self._block(self._reading_block(self.em * (0.5 if first else 0.7)), char)
        if speaker:
            self.cursor.insertText(f"{speaker}: ", self._text_fmt(bold=True, colour=self.colours["muted"]))
        self._paragraph(p, char)

    def removed(self, spans: list[Span], label: str) -> None:
        if self._in_question:
            self._leave_frame()
            self._in_question = False
        frame = QTextFrameFormat()
        frame.setBackground(self.colours["removed_bg"])
        frame.setBorder(1)
        frame.setBorderBrush(self.colours["removed_border"])
        frame.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Dashed)
        frame.setPadding(self.em * 0.4)
        frame.setTopMargin(0 if self._empty else self.em * 0.6)
        self._empty = False
        self.cursor.insertFrame(frame)
        label_fmt = self._text_fmt(bold=True, colour=self.colours["muted"], scale=0.8)
        self.cursor.setBlockCharFormat(label_fmt)
        self.cursor.insertText(label, label_fmt)
        body = self._text_fmt(colour=self.colours["muted"], scale=0.9)
        for span in spans:
            self.cursor.insertBlock(QTextBlockFormat(), body)
            self.cursor.insertText(span.text.strip("\n"), body)
        self._leave_frame()
