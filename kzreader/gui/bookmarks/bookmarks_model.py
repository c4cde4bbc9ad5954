"""The bookmarks table model over the core ``BookmarkStore`` and the proxy that filters and
sorts it for the panel (search words, tag, interview, review status; by position or newest).

The model knows nothing of the corpus: interviewee and title come from a callable
``interview_lookup(interview_id) -> Interview | None``.
"""
from __future__ import annotations

from pathlib import PurePath
from typing import Callable

import shiboken6
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor

from kzreader.core.annotations.bookmark import Bookmark
from kzreader.core.annotations.bookmarks import BookmarkStore
from kzreader.core.model import Interview
from kzreader.core.text import fold

from ..i18n import format_datetime
from ..widgets.plain_text import plain_tooltip

ID_ROLE = Qt.ItemDataRole.UserRole + 1
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2
INTERVIEW_ROLE = Qt.ItemDataRole.UserRole + 3
WHERE_ROLE = Qt.ItemDataRole.UserRole + 4  # "interview · question N", the quote's first line in the list
NOTE_ROLE = Qt.ItemDataRole.UserRole + 5  # "Note: … · Tags: …", the line under the quote (None: neither)

COL_QUOTE, COL_INTERVIEWEE, COL_TITLE, COL_QUESTION, COL_NOTE, COL_TAGS, COL_ADDED = range(7)
SORT_POSITION, SORT_DATE = "position", "date"
EXCERPT_CHARS = 120
_NO_INDEX = QModelIndex()

InterviewLookup = Callable[[str], "Interview | None"]


def one_line(text: str, limit: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def _plain_tooltip(text: str) -> str:
    # tooltips render anything that looks like HTML; the quote is untrusted
    return plain_tooltip(text)


def _local_time(iso: str) -> str:
    return format_datetime(iso)


class BookmarksTableModel(QAbstractTableModel):
    """One row per bookmark in creation order; a thin adapter that follows store events."""

    def __init__(self, store: BookmarkStore, interview_lookup: InterviewLookup, parent=None):
        super().__init__(parent)
        self._store = store
        self._lookup = interview_lookup
        self._ids: list[str] = [b.id for b in store.list()]

        def listener(event: str, ids: tuple[str, ...]) -> None:
            if not shiboken6.isValid(self):  # the model was deleted before the store
                store.remove_listener(listener)
                return
            self._on_store_changed(event, ids)

        self._listener = listener
        store.add_listener(listener)

    def detach(self) -> None:
        self._store.remove_listener(self._listener)

    # -- lookups --
    def bookmark(self, row: int) -> Bookmark | None:
        if 0 <= row < len(self._ids):
            return self._store.get(self._ids[row])
        return None

    def row_of(self, bookmark_id: str) -> int:
        try:
            return self._ids.index(bookmark_id)
        except ValueError:
            return -1

    def interview_of(self, b: Bookmark) -> Interview | None:
        return self._lookup(b.interview_id)

    def title_of(self, b: Bookmark) -> str:
        iv = self._lookup(b.interview_id)
        return iv.display_title if iv is not None else PurePath(b.path).stem

    # -- following the store --
    def _on_store_changed(self, event: str, ids: tuple[str, ...]) -> None:
        if event == "reset":
            self.beginResetModel()
            self._ids = [b.id for b in self._store.list()]
            self.endResetModel()
            return
        for bid in ids:
            row = self.row_of(bid)
            present = bid in self._store
            if present and row < 0:
                n = len(self._ids)
                self.beginInsertRows(_NO_INDEX, n, n)
                self._ids.append(bid)
                self.endInsertRows()
            elif not present and row >= 0:
                self.beginRemoveRows(_NO_INDEX, row, row)
                del self._ids[row]
                self.endRemoveRows()
            elif present:
                self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    # -- QAbstractTableModel --
    def rowCount(self, parent=_NO_INDEX) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent=_NO_INDEX) -> int:
        return 0 if parent.isValid() else 7

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        names = {
            COL_QUOTE: self.tr("Quote"),
            COL_INTERVIEWEE: self.tr("Interviewee"),
            COL_TITLE: self.tr("Interview"),
            COL_QUESTION: self.tr("Question"),
            COL_NOTE: self.tr("Note"),
            COL_TAGS: self.tr("Tags"),
            COL_ADDED: self.tr("Added"),
        }
        return names.get(section)

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        b = self.bookmark(index.row())
        if b is None:
            return None
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(b, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == COL_QUOTE:
                return _plain_tooltip(b.quote)
            if col == COL_NOTE and b.note:
                return _plain_tooltip(b.note)
            return None
        if role == Qt.ItemDataRole.DecorationRole and col == COL_QUOTE and b.colour:
            c = QColor(b.colour)
            return c if c.isValid() else None
        if role == Qt.ItemDataRole.TextAlignmentRole and col == COL_QUESTION:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == ID_ROLE:
            return b.id
        if role == STATUS_ROLE:
            return b.status
        if role == INTERVIEW_ROLE:
            return b.interview_id
        if role == NOTE_ROLE:
            parts = [self.tr("Note: {0}").format(one_line(b.note, EXCERPT_CHARS))] if b.note.strip() else []
            if b.tags:
                parts.append(self.tr("Tags: {0}").format(", ".join(b.tags)))
            return " · ".join(parts) or None
        if role == WHERE_ROLE:
            where = self.title_of(b)
            return where if b.exchange is None else self.tr("{0} · question {1}").format(where, b.exchange)
        return None

    def _display(self, b: Bookmark, col: int) -> str:
        if col == COL_QUOTE:
            return one_line(b.quote, EXCERPT_CHARS)
        if col == COL_INTERVIEWEE:
            iv = self._lookup(b.interview_id)
            return (iv.interviewee or "") if iv is not None else ""
        if col == COL_TITLE:
            return self.title_of(b)
        if col == COL_QUESTION:
            return "" if b.exchange is None else str(b.exchange)
        if col == COL_NOTE:
            return one_line(b.note, EXCERPT_CHARS)
        if col == COL_TAGS:
            return ", ".join(b.tags)
        if col == COL_ADDED:
            return _local_time(b.created)
        return ""


class BookmarksFilterProxy(QSortFilterProxyModel):
    """Search over quote and note, filters by tag / interview / status, two sort orders."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._words: list[str] = []
        self._tag: str | None = None
        self._interview: str | None = None
        self._status: str | None = None
        self._sort_mode = SORT_POSITION

    def _change_filter(self, name: str, value) -> None:
        # Qt 6.9 deprecated invalidateFilter for a begin/end pair around the change
        if hasattr(self, "beginFilterChange"):
            self.beginFilterChange()
            setattr(self, name, value)
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            setattr(self, name, value)
            self.invalidateRowsFilter()

    def set_search(self, text: str) -> None:
        self._change_filter("_words", fold(text).split())

    def set_tag(self, tag: str | None) -> None:
        self._change_filter("_tag", tag.casefold() if tag else None)

    def set_interview(self, interview_id: str | None) -> None:
        self._change_filter("_interview", interview_id or None)

    def set_status(self, status: str | None) -> None:
        self._change_filter("_status", status)

    def set_sort_mode(self, mode: str) -> None:
        self._sort_mode = mode
        self.invalidate()
        self.sort(0, Qt.SortOrder.AscendingOrder)

    def sort_mode(self) -> str:
        return self._sort_mode

    def _bookmark(self, row: int) -> Bookmark | None:
        src = self.sourceModel()
        return src.bookmark(row) if isinstance(src, BookmarksTableModel) else None

    def filterAcceptsRow(self, row: int, parent: QModelIndex) -> bool:
        b = self._bookmark(row)
        if b is None:
            return False
        if self._status is not None and b.status != self._status:
            return False
        if self._interview is not None and b.interview_id != self._interview:
            return False
        if self._tag is not None and self._tag not in {t.casefold() for t in b.tags}:
            return False
        if self._words:
            hay = fold(b.quote + "\n" + b.note)
            return all(w in hay for w in self._words)
        return True

    def lessThan(self, left: QModelIndex, right: QModelIndex) -> bool:
        a, b = self._bookmark(left.row()), self._bookmark(right.row())
        if a is None or b is None:
            return False
        if self._sort_mode == SORT_DATE:  # newest first
            return (a.created, a.id) > (b.created, b.id)
        src = self.sourceModel()
        ta, tb = src.title_of(a).casefold(), src.title_of(b).casefold()
        return (ta, a.path, a.anchor.start, a.id) < (tb, b.path, b.anchor.start, b.id)
