"""The interview list: a table model over core Interview objects, its filter, and the view."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelectionModel,
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLineEdit, QTableView, QVBoxLayout, QWidget


from ..i18n import format_date
from ..widgets.plain_text import plain_tooltip

if TYPE_CHECKING:  # annotations only; the model is imported when files load
    from kzreader.core.model import Interview


SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
_NO_INDEX = QModelIndex()

COL_TITLE, COL_INTERVIEWEE, COL_DATE, COL_OUTLET, COL_QUESTIONS = range(5)
TITLE_SHARE = 0.4  # the least share of the list's width the Title column keeps
# the columns sized to their longest text (names, outlets), up to this share of the list's
# width each; a column the user sized keeps the user's width
CONTENT_SHARES = {COL_INTERVIEWEE: 0.24, COL_OUTLET: 0.16}
_CELL_PADDING = 14  # a cell's margins around its text (and room for the header's sort arrow)
_DERIVED_FONT = []  # one italic font for every made-up title, made on first use


def _derived_font():
    if not _DERIVED_FONT:
        from PySide6.QtGui import QFont  # here: not needed to paint the window

        font = QFont()
        font.setItalic(True)
        _DERIVED_FONT.append(font)
    return _DERIVED_FONT[0]


def _fold(text: str) -> str:
    # imported on the first filtering: the modules the first paint does not use (here core.text
    # and PyStemmer; also json, core.corpus.stage_times, core.search.analysers) took it 8 ms of CPU
    from kzreader.core.text import fold

    return fold(text)


class InterviewTableModel(QAbstractTableModel):
    """Rows are interviews in load order; the model never changes an Interview."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._items: list[Interview] = []
        self._row_of: dict[str, int] = {}
        # folded text of all columns, for the filter; made on first use, as most loads are
        # never filtered and making it for 10,000 rows is a tenth of a warm load
        self._haystack: list[str | None] = []
        self._filled: set[int] = set()  # the optional columns some row has a value in
        self._longest: dict[int, str] = {}  # per content-sized column, its longest text

    # -- changing the rows --------------------------------------------------------------
    def append(self, interviews: list[Interview]) -> None:
        new = [iv for iv in interviews if iv.id not in self._row_of]
        if not new:
            return
        first = len(self._items)
        self.beginInsertRows(_NO_INDEX, first, first + len(new) - 1)
        for iv in new:
            self._row_of[iv.id] = len(self._items)
            self._items.append(iv)
        self._haystack.extend([None] * len(new))
        for col, field in ((COL_INTERVIEWEE, "interviewee"), (COL_DATE, "date"), (COL_OUTLET, "source")):
            if col not in self._filled and any(getattr(iv, field) for iv in new):
                self._filled.add(col)
        for col, field in ((COL_INTERVIEWEE, "interviewee"), (COL_OUTLET, "source")):
            # by characters: measuring every name in pixels would cost a load its time
            longest = max((getattr(iv, field) or "" for iv in new), key=len)
            if len(longest) > len(self._longest.get(col, "")):
                self._longest[col] = longest
        self.endInsertRows()

    def clear(self) -> None:
        self.beginResetModel()
        self._items.clear()
        self._row_of.clear()
        self._haystack.clear()
        self._filled.clear()
        self._longest.clear()
        self.endResetModel()

    def empty_columns(self) -> set[int]:
        """The optional columns (interviewee, date, outlet) no row has a value in."""
        return {COL_INTERVIEWEE, COL_DATE, COL_OUTLET} - self._filled

    def longest_text(self, col: int) -> str:
        """The longest text (in characters) in a content-sized column."""
        return self._longest.get(col, "")

    # -- lookups ------------------------------------------------------------------------
    def interview(self, row: int) -> Interview | None:
        return self._items[row] if 0 <= row < len(self._items) else None

    def interviews(self) -> list[Interview]:
        return list(self._items)

    def row_of(self, interview_id: str) -> int:
        return self._row_of.get(interview_id, -1)

    def haystack(self, row: int) -> str:
        hay = self._haystack[row]
        if hay is None:
            iv = self._items[row]
            hay = self._haystack[row] = _fold(" \t".join((*self._cells(iv), format_date(iv.date))))
        return hay

    @staticmethod
    def _cells(iv: Interview) -> tuple[str, str, str, str, str]:
        return (
            iv.display_title,
            iv.interviewee or "",
            iv.date or "",
            iv.source or "",
            str(iv.exchange_count),
        )

    # -- QAbstractTableModel ------------------------------------------------------------
    def rowCount(self, parent=_NO_INDEX) -> int:
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent=_NO_INDEX) -> int:
        return 0 if parent.isValid() else 5

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._items):
            return None
        iv = self._items[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == COL_DATE:
                return format_date(iv.date)  # in the reader's locale; SORT_ROLE keeps ISO order
            return self._cells(iv)[col]
        if role == SORT_ROLE:
            if col == COL_QUESTIONS:
                return iv.exchange_count
            return _fold(self._cells(iv)[col])
        if role == ID_ROLE:
            return iv.id
        if role == Qt.ItemDataRole.ToolTipRole:  # file-derived text: never rendered as HTML
            if col == COL_INTERVIEWEE and iv.role:
                return plain_tooltip(f"{iv.interviewee or ''}\n{iv.role}")
            if col == COL_TITLE and iv.title_is_derived:
                return plain_tooltip(self.tr("The file has no title; this one is made up from it.") + "\n" + iv.path)
            return plain_tooltip(iv.path)
        if role == Qt.ItemDataRole.FontRole and col == COL_TITLE and iv.title_is_derived:
            return _derived_font()  # a title the file did not give: set apart in italics
        if role == Qt.ItemDataRole.TextAlignmentRole and col == COL_QUESTIONS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < 5:
            return None
        if role == Qt.ItemDataRole.ToolTipRole and section == COL_QUESTIONS:
            return self.tr("Number of questions")
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("Title"),
            self.tr("Interviewee"),
            self.tr("Date"),
            self.tr("Outlet"),
            self.tr("Qs", "column: number of questions"),
        )[section]


class InterviewFilterModel(QSortFilterProxyModel):
    """Filters by free text (every word must occur in some column; case and ё/е folded)
    and, optionally, by a set of interview ids given by another panel (themes)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._words: list[str] = []
        self._ids: frozenset[str] | None = None
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)

    def set_text(self, text: str) -> None:
        words = _fold(text).split()
        if words != self._words:
            self._refilter(lambda: setattr(self, "_words", words))

    def set_id_filter(self, ids) -> None:
        new = None if ids is None else frozenset(ids)
        if new != self._ids:
            self._refilter(lambda: setattr(self, "_ids", new))

    def _refilter(self, change) -> None:
        # Qt 6.9 replaced invalidateRowsFilter with a begin/end pair around the change
        if hasattr(self, "beginFilterChange"):
            self.beginFilterChange()
            change()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            change()
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:
        model = self.sourceModel()
        if not isinstance(model, InterviewTableModel):
            return True
        if self._ids is not None:
            iv = model.interview(source_row)
            if iv is None or iv.id not in self._ids:
                return False
        if self._words:
            hay = model.haystack(source_row)
            return all(w in hay for w in self._words)
        return True


class InterviewListView(QWidget):
    """Filter box above a sortable table; selecting a row emits ``interview_selected(id)``."""

    interview_selected = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.source_model = InterviewTableModel(self)
        self.proxy = InterviewFilterModel(self)
        self.proxy.setSourceModel(self.source_model)

        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName("interview_filter")
        self.filter_edit.setPlaceholderText(self.tr("Filter by title, name, date, outlet…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setAccessibleName(self.tr("Filter interviews"))
        self.filter_edit.textChanged.connect(self.proxy.set_text)

        self.table = QTableView(self)
        self.table.setObjectName("interview_table")
        self.table.setModel(self.proxy)
        self.table.setAccessibleName(self.tr("Interview list"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # rows, not cells: Tab leaves the list (a table's Tab went from cell to cell, and
        # keyboard focus never got past the list)
        self.table.setTabKeyNavigation(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        fm = self.table.fontMetrics()
        header.setMinimumSectionSize(fm.horizontalAdvance("Wwww"))
        header.resizeSection(COL_INTERVIEWEE, fm.horizontalAdvance("Александр Бобров"))
        header.resizeSection(COL_DATE, fm.horizontalAdvance("2025-11-13") + 14)  # until a date comes
        header.resizeSection(COL_OUTLET, fm.horizontalAdvance("Kazpravda"))
        header.resizeSection(COL_QUESTIONS, fm.horizontalAdvance("Qs") + 16)
        # unsorted (load order) until the user clicks a header
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_row_changed)
        # never a horizontal scrollbar: a narrow list drops its lesser columns instead
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # the least widths; the content-sized columns grow from there
        self._widths = {c: header.sectionSize(c) for c in range(COL_QUESTIONS + 1)}
        self._user_widths: dict[int, int] = {}  # columns the user sized, at the user's width
        self._sizing = False  # the widths being set here, not by the user
        self._date_fitted = False  # the Date column's width made for the reader's locale
        header.sectionResized.connect(self._on_section_resized)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.table)
        self.setFocusProxy(self.table)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.fit_columns()

    def fit_columns(self) -> None:
        """Show the columns that fit beside a readable title, lesser ones dropped first; the
        names and outlets as wide as their longest text within bounds, the title the rest."""
        header = self.table.horizontalHeader()
        # the table's inner width (not viewport(): its first call costs a search through every
        # widget class before the first paint)
        bar = self.table.verticalScrollBar()
        inner = self.table.contentsRect().width() - (bar.width() if bar.isVisible() else 0)
        # the title, what tells interviews apart, keeps 40% (at 1280 px it had 30%: 15 letters)
        room = inner - max(self.table.fontMetrics().horizontalAdvance("M" * 12), int(inner * TITLE_SHARE))
        keep = True
        empty = self.source_model.empty_columns()  # a column of blanks (no dates at all) goes
        self._sizing = True
        try:
            for col in (COL_INTERVIEWEE, COL_DATE, COL_QUESTIONS, COL_OUTLET):  # in order of worth
                if col in empty:
                    header.setSectionHidden(col, True)
                    continue
                width = self._wanted_width(col, inner)
                if col in CONTENT_SHARES and col not in self._user_widths:
                    width = max(self._widths[col], min(width, room))  # cut to the room left, if need be
                keep = keep and room >= width  # a lesser column never shows in place of a worthier one
                header.setSectionHidden(col, not keep)
                if keep:
                    if header.sectionSize(col) != width:
                        header.resizeSection(col, width)
                    room -= width
        finally:
            self._sizing = False

    def _wanted_width(self, col: int, inner: int) -> int:
        if col in self._user_widths:
            return self._user_widths[col]
        if col == COL_DATE and not self._date_fitted:  # asked once some row has a date
            self._date_fitted = True
            # a date as the reader's locale writes it (the widest month and day)
            self._widths[COL_DATE] = max(
                self.table.fontMetrics().horizontalAdvance(format_date("2025-12-28")) + _CELL_PADDING,
                self._label_width(COL_DATE))
        least = self._widths[col]
        share = CONTENT_SHARES.get(col)
        if share is None:
            return least
        fm = self.table.fontMetrics()
        text = fm.horizontalAdvance(self.source_model.longest_text(col)) + _CELL_PADDING
        return max(least, min(max(text, self._label_width(col)), int(inner * share)))

    def _label_width(self, col: int) -> int:
        """The column's name, with room for the sort arrow."""
        label = self.source_model.headerData(col, Qt.Orientation.Horizontal)
        return self.table.horizontalHeader().fontMetrics().horizontalAdvance(label) + 2 * _CELL_PADDING

    @Slot(int, int, int)
    def _on_section_resized(self, col: int, _old: int, new: int) -> None:
        header = self.table.horizontalHeader()
        if self._sizing or col == COL_TITLE or new <= 0 or not header.isVisible():
            return
        self._user_widths[col] = new  # dragged by the user: kept, and remembered by the window

    # -- the columns the user sized, as "column:width,…" (kept in the settings by the window) ----
    def user_columns(self) -> str:
        return ",".join(f"{c}:{w}" for c, w in sorted(self._user_widths.items()))

    def restore_user_columns(self, text: str) -> None:
        widths = {}
        for part in (text or "").split(","):
            col, _, width = part.partition(":")
            if col.strip().isdigit() and width.strip().isdigit():  # what cannot be read is left out
                widths[int(col)] = int(width)
        self._user_widths = {c: w for c, w in widths.items() if c in self._widths and c != COL_TITLE and w > 0}
        self.fit_columns()

    # -- rows -----------------------------------------------------------------------------
    def append(self, interviews: list[Interview]) -> None:
        model = self.source_model
        before = (model.empty_columns(), [model.longest_text(c) for c in CONTENT_SHARES])
        model.append(interviews)
        if (model.empty_columns(), [model.longest_text(c) for c in CONTENT_SHARES]) != before:
            self.fit_columns()

    def clear(self) -> None:
        self.source_model.clear()
        self.fit_columns()

    def interview(self, interview_id: str) -> Interview | None:
        return self.source_model.interview(self.source_model.row_of(interview_id))

    def set_filter_text(self, text: str) -> None:
        self.filter_edit.setText(text)

    def set_id_filter(self, ids) -> None:
        """Show only these interview ids (None: no restriction)."""
        self.proxy.set_id_filter(ids)

    def visible_count(self) -> int:
        return self.proxy.rowCount()

    def visible_ids(self) -> list[str]:
        return [self.proxy.index(r, 0).data(ID_ROLE) for r in range(self.proxy.rowCount())]

    # -- selection --------------------------------------------------------------------------
    def current_interview_id(self) -> str | None:
        idx = self.table.currentIndex()
        return idx.data(ID_ROLE) if idx.isValid() else None

    def select_interview(self, interview_id: str) -> bool:
        """Make the interview current (if it is visible); emits interview_selected."""
        row = self.source_model.row_of(interview_id)
        if row < 0:
            return False
        proxy_index = self.proxy.mapFromSource(self.source_model.index(row, 0))
        if not proxy_index.isValid():
            return False
        self._select_proxy_row(proxy_index.row())
        return True

    def select_row(self, row: int) -> bool:
        """Select by visible (sorted, filtered) row number."""
        if not 0 <= row < self.proxy.rowCount():
            return False
        self._select_proxy_row(row)
        return True

    def select_next(self) -> bool:
        return self._step(1)

    def select_previous(self) -> bool:
        return self._step(-1)

    def _step(self, delta: int) -> bool:
        current = self.table.currentIndex()
        row = current.row() + delta if current.isValid() else 0
        return self.select_row(row)

    def _select_proxy_row(self, row: int) -> None:
        idx = self.proxy.index(row, 0)
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.table.selectionModel().setCurrentIndex(idx, flags)
        self.table.scrollTo(idx)

    @Slot(QModelIndex, QModelIndex)
    def _on_current_row_changed(self, current, _previous) -> None:
        if current.isValid():
            self.interview_selected.emit(current.data(ID_ROLE))

    # -- persistence of the header (sort column, widths) ------------------------------------
    def header_state(self):
        return self.table.horizontalHeader().saveState()

    def restore_header_state(self, state, user_columns: str = "") -> None:
        """The header as saved (sort column, widths), then the columns the user sized."""
        if state:
            self._sizing = True
            try:
                self.table.horizontalHeader().restoreState(state)
            finally:
                self._sizing = False
        self.restore_user_columns(user_columns)

