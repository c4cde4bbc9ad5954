"""The bookmarks dock: a table model over the core BookmarkStore, its filter, undo commands
and the panel widget.

The panel knows nothing of the corpus: interviewee and title come from a callable
``interview_lookup(interview_id) -> Interview | None``.  Every change goes through the
QUndoStack it is given, so Ctrl+Z undoes edits and deletions.  Copy and export of bookmarks
with citations are built by :mod:`kzreader.core.annotations.export`; the panel only adds the clipboard
and the file dialog.
"""
from __future__ import annotations

from pathlib import PurePath
from typing import Callable, Iterable

import shiboken6
from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QEvent,
    QMimeData,
    QModelIndex,
    QObject,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QColor, QGuiApplication, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kzreader.core.annotations.bookmarks import (
    STATUS_NEEDS_REVIEW,
    STATUS_OK,
    Bookmark,
    BookmarkStore,
    StoreError,
    new_bookmark,
)
from kzreader.core.annotations.citation import CitationOptions
from kzreader.core.annotations.export import SUFFIXES, bookmarks_to_clipboard_text, export_bookmarks
from kzreader.core.model import Interview
from kzreader.core.text import fold

from ..widgets.two_line_delegate import TwoLineDelegate

from ..i18n import error_text, format_datetime
from ..widgets.plain_text import plain_tooltip

ID_ROLE = Qt.ItemDataRole.UserRole + 1
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2
INTERVIEW_ROLE = Qt.ItemDataRole.UserRole + 3
WHERE_ROLE = Qt.ItemDataRole.UserRole + 4  # "interview · question N", the quote's first line in the list

COL_QUOTE, COL_INTERVIEWEE, COL_TITLE, COL_QUESTION, COL_NOTE, COL_TAGS, COL_ADDED = range(7)
MARKDOWN_MIME = "text/markdown"
SORT_POSITION, SORT_DATE = "position", "date"
EXCERPT_CHARS = 120
_NO_INDEX = QModelIndex()

InterviewLookup = Callable[[str], "Interview | None"]


def _one_line(text: str, limit: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def _plain_tooltip(text: str) -> str:
    # tooltips render anything that looks like HTML; the quote is untrusted
    return plain_tooltip(text)


def _local_time(iso: str) -> str:
    return format_datetime(iso)


# --- model -------------------------------------------------------------------------------------


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
        if role == WHERE_ROLE:
            where = self.title_of(b)
            return where if b.exchange is None else self.tr("{0} · question {1}").format(where, b.exchange)
        return None

    def _display(self, b: Bookmark, col: int) -> str:
        if col == COL_QUOTE:
            return _one_line(b.quote, EXCERPT_CHARS)
        if col == COL_INTERVIEWEE:
            iv = self._lookup(b.interview_id)
            return (iv.interviewee or "") if iv is not None else ""
        if col == COL_TITLE:
            return self.title_of(b)
        if col == COL_QUESTION:
            return "" if b.exchange is None else str(b.exchange)
        if col == COL_NOTE:
            return _one_line(b.note, EXCERPT_CHARS)
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


# --- undo commands -----------------------------------------------------------------------------


class _StoreCommand(QUndoCommand):
    """A failed save (read-only store, full disk) marks the command obsolete, so the undo
    stack drops it, and keeps the message in ``error`` for the panel to report."""

    error: str = ""

    def _guard(self, fn) -> None:
        try:
            fn()
        except (StoreError, OSError) as e:
            self.error = error_text(e)
            self.setObsolete(True)

    def redo(self) -> None:
        self._guard(self._redo)

    def undo(self) -> None:
        self._guard(self._undo)


class AddBookmarkCommand(_StoreCommand):
    def __init__(self, store: BookmarkStore, bookmark: Bookmark, parent=None):
        super().__init__(QCoreApplication.translate("BookmarksPanel", "Add bookmark"), parent)
        self._store = store
        self._bookmark = bookmark
        self._added = False

    @property
    def bookmark_id(self) -> str:
        return self._bookmark.id

    def _redo(self) -> None:
        if self._added:
            self._bookmark = self._store.restore(self._bookmark)
        else:
            self._bookmark = self._store.add(self._bookmark)
            self._added = True

    def _undo(self) -> None:
        if self._bookmark.id in self._store:
            self._bookmark = self._store.delete(self._bookmark.id)


class EditBookmarkCommand(_StoreCommand):
    def __init__(self, store: BookmarkStore, bookmark_id: str, note: str, tags: Iterable[str],
                 colour: str | None, parent=None):
        super().__init__(QCoreApplication.translate("BookmarksPanel", "Edit bookmark"), parent)
        self._store = store
        self._id = bookmark_id
        old = store.get(bookmark_id)
        self._old = (old.note, old.tags, old.colour) if old else None
        self._new = (note, tuple(tags), colour)

    def _apply(self, values) -> None:
        if values is None or self._id not in self._store:
            return  # deleted meanwhile (e.g. by another instance): nothing to change
        note, tags, colour = values
        self._store.update(self._id, note=note, tags=tags, colour=colour)

    def _redo(self) -> None:
        self._apply(self._new)

    def _undo(self) -> None:
        self._apply(self._old)


class DeleteBookmarksCommand(_StoreCommand):
    def __init__(self, store: BookmarkStore, bookmark_ids: Iterable[str], parent=None):
        ids = list(bookmark_ids)
        # no %n plural: lupdate drops or flattens plurals given to QCoreApplication.translate
        text = (QCoreApplication.translate("BookmarksPanel", "Delete bookmark") if len(ids) == 1 else
                QCoreApplication.translate("BookmarksPanel", "Delete %1 bookmarks").replace("%1", str(len(ids))))
        super().__init__(text, parent)
        self._store = store
        self._ids = ids
        self._removed: list[Bookmark] = []

    def _redo(self) -> None:
        self._removed = [self._store.delete(i) for i in self._ids if i in self._store]

    def _undo(self) -> None:
        for b in reversed(self._removed):
            self._store.restore(b)
        self._removed = []


class ReattachBookmarkCommand(_StoreCommand):
    def __init__(self, store: BookmarkStore, bookmark_id: str, interview_id: str, path: str,
                 source_text: str, start: int, end: int, exchange: int | None = None, parent=None):
        super().__init__(QCoreApplication.translate("BookmarksPanel", "Re-attach bookmark"), parent)
        self._store = store
        self._id = bookmark_id
        self._args = (interview_id, path, source_text, start, end, exchange)
        self._old: Bookmark | None = store.get(bookmark_id)

    def _redo(self) -> None:
        if self._id in self._store:
            self._old = self._store.get(self._id)
            self._store.reattach(self._id, *self._args)

    def _undo(self) -> None:
        if self._old is not None:
            self._store.restore(self._old)


def _format_for(path: str, chosen: str) -> str:
    """A file name's own known suffix wins over the chosen filter (typing "notes.csv" while
    the Markdown filter is on means CSV)."""
    suffix = PurePath(path).suffix.lower()
    by_suffix = {".md": "markdown", ".markdown": "markdown", ".csv": "csv", ".html": "html",
                 ".htm": "html", ".jsonld": "json", ".json": "json"}
    return by_suffix.get(suffix, chosen)


# --- edit dialog -------------------------------------------------------------------------------

# names translated where shown (BookmarkEditDialog's self.tr)
COLOURS = [("", QT_TRANSLATE_NOOP("BookmarkEditDialog", "None")),
           ("#ffe066", QT_TRANSLATE_NOOP("BookmarkEditDialog", "Yellow")),
           ("#8ce99a", QT_TRANSLATE_NOOP("BookmarkEditDialog", "Green")),
           ("#74c0fc", QT_TRANSLATE_NOOP("BookmarkEditDialog", "Blue")),
           ("#faa2c1", QT_TRANSLATE_NOOP("BookmarkEditDialog", "Pink"))]


class BookmarkEditDialog(QDialog):
    def __init__(self, bookmark: Bookmark, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit bookmark"))
        self.bookmark_id = bookmark.id
        quote = QLabel(_one_line(bookmark.quote, 400))
        quote.setTextFormat(Qt.TextFormat.PlainText)
        quote.setWordWrap(True)
        self.note_edit = QPlainTextEdit()
        self.note_edit.setPlainText(bookmark.note)
        self.tags_edit = QLineEdit(", ".join(bookmark.tags))
        self.tags_edit.setPlaceholderText(self.tr("comma-separated, e.g. economy, energy"))
        self.colour_combo = QComboBox()
        for value, name in COLOURS:
            self.colour_combo.addItem(self.tr(name), value)
        if bookmark.colour and self.colour_combo.findData(bookmark.colour) < 0:
            self.colour_combo.addItem(bookmark.colour, bookmark.colour)
        self.colour_combo.setCurrentIndex(max(0, self.colour_combo.findData(bookmark.colour or "")))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Quote:"), quote)
        form.addRow(self.tr("Note:"), self.note_edit)
        form.addRow(self.tr("Tags:"), self.tags_edit)
        form.addRow(self.tr("Colour:"), self.colour_combo)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(buttons)

    def values(self) -> tuple[str, tuple[str, ...], str | None]:
        tags = tuple(t.strip() for t in self.tags_edit.text().split(",") if t.strip())
        return self.note_edit.toPlainText(), tags, self.colour_combo.currentData() or None


# --- the panel ---------------------------------------------------------------------------------


class BookmarksPanel(QWidget):
    """List of all bookmarks with search, filters, a "Needs review" group and undoable edits.

    Signals: ``activated(bookmark_id)`` on double-click / Enter (jump to the passage);
    ``reattach_requested(bookmark_id)`` when the user asks to re-attach an orphan to the
    current selection — answer it with :meth:`reattach`; ``exported(path, count)`` after an
    export file was written.  Copy and export cite in the style given to
    :meth:`set_citation_style`.
    """

    activated = Signal(str)
    reattach_requested = Signal(str)
    store_error = Signal(str)  # a change could not be saved; the message is for the user
    exported = Signal(str, int)

    def __init__(self, store: BookmarkStore, undo_stack: QUndoStack, interview_lookup: InterviewLookup,
                 parent=None):
        super().__init__(parent)
        self.store = store
        self.undo_stack = undo_stack
        self._lookup = interview_lookup
        self._citation_style = "plain"
        self._citation_template: str | None = None
        self._citation_options = CitationOptions()
        self.model = BookmarksTableModel(store, interview_lookup, self)

        self.proxy = BookmarksFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.set_status(STATUS_OK)
        self.proxy.setDynamicSortFilter(True)
        self.proxy.sort(0)
        self.review_proxy = BookmarksFilterProxy(self)
        self.review_proxy.setSourceModel(self.model)
        self.review_proxy.set_status(STATUS_NEEDS_REVIEW)
        self.review_proxy.setDynamicSortFilter(True)
        self.review_proxy.sort(0)

        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Search quotes and notes"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setAccessibleName(self.tr("Search bookmarks"))
        self.search_edit.textChanged.connect(self.proxy.set_search)
        self.tag_combo = QComboBox()
        self.tag_combo.setToolTip(self.tr("Show bookmarks with this tag"))
        self.tag_combo.setAccessibleName(self.tr("Tag"))
        self.tag_combo.currentIndexChanged.connect(self._on_tag_chosen)
        self.interview_combo = QComboBox()
        self.interview_combo.setToolTip(self.tr("Show bookmarks of this interview"))
        self.interview_combo.setAccessibleName(self.tr("Interview"))
        self.interview_combo.currentIndexChanged.connect(self._on_interview_chosen)
        self.sort_combo = QComboBox()
        self.sort_combo.setAccessibleName(self.tr("Sort order"))
        self.sort_combo.addItem(self.tr("By position"), SORT_POSITION)
        self.sort_combo.addItem(self.tr("Newest first"), SORT_DATE)
        self.sort_combo.currentIndexChanged.connect(self._on_sort_chosen)

        self.view = self._make_view(self.proxy)
        self.view.setAccessibleName(self.tr("Bookmarks"))
        # one column of two-line items (where, then the quote), wrapped: no horizontal scrolling
        for col in range(COL_INTERVIEWEE, COL_ADDED + 1):
            self.view.setColumnHidden(col, True)
        self.view.horizontalHeader().hide()
        self.view.setItemDelegateForColumn(COL_QUOTE, TwoLineDelegate(WHERE_ROLE, self.view))
        self.view.setWordWrap(True)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for combo in (self.tag_combo, self.interview_combo, self.sort_combo):
            # a long tag or title must not widen the panel
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(4)
        self.view.doubleClicked.connect(self._on_double_clicked)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._on_context_menu)

        # the "Needs review" group: bookmarks that could not be found confidently
        self.review_box = QGroupBox()
        self.review_view = self._make_view(self.review_proxy)
        self.review_view.setAccessibleName(self.tr("Bookmarks that need review"))
        for col in (COL_INTERVIEWEE, COL_QUESTION, COL_TAGS, COL_ADDED):
            self.review_view.setColumnHidden(col, True)
        self.review_view.setWordWrap(True)
        self.review_quote = QLabel()
        self.review_quote.setTextFormat(Qt.TextFormat.PlainText)
        self.review_quote.setWordWrap(True)
        self.review_quote.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reattach_button = QPushButton(self.tr("Re-attach to selection"))
        self.reattach_button.setToolTip(self.tr("Point this bookmark at the text selected in the reading pane"))
        self.reattach_button.clicked.connect(self._on_reattach_clicked)
        self.review_delete_button = QPushButton(self.tr("Delete"))
        self.review_delete_button.clicked.connect(self._on_review_delete_clicked)
        review_buttons = QHBoxLayout()
        review_buttons.addWidget(self.reattach_button)
        review_buttons.addWidget(self.review_delete_button)
        review_buttons.addStretch(1)
        rl = QVBoxLayout(self.review_box)
        rl.addWidget(self.review_view)
        rl.addWidget(self.review_quote)
        rl.addLayout(review_buttons)
        self.review_view.selectionModel().currentRowChanged.connect(self._update_review_actions)

        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.clicked.connect(self._on_edit_clicked)
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.clicked.connect(self._on_delete_clicked)
        self.copy_button = QPushButton(self.tr("Copy"))
        self.copy_button.setToolTip(self.tr("Copy the selected bookmarks with their citations"))
        self.copy_button.clicked.connect(self.copy_selected)
        self.export_button = QPushButton(self.tr("Export…"))
        export_menu = QMenu(self.export_button)
        export_menu.addAction(self.tr("Export all bookmarks…"), lambda: self.open_export_dialog(False))
        self.export_selected_action = export_menu.addAction(
            self.tr("Export selected bookmarks…"), lambda: self.open_export_dialog(True))
        export_menu.aboutToShow.connect(
            lambda: self.export_selected_action.setEnabled(bool(self.selected_ids())))
        self.export_button.setMenu(export_menu)

        filters = QHBoxLayout()
        filters.addWidget(self.tag_combo, 1)
        filters.addWidget(self.interview_combo, 2)
        filters.addWidget(self.sort_combo, 1)
        # two rows of buttons when one would not fit the panel
        self._buttons = [self.edit_button, self.delete_button, self.copy_button, self.export_button]
        buttons = self._button_grid = QGridLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        self._button_rows = 0
        self._place_buttons(1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        lay.addWidget(self.review_box)
        lay.addWidget(self.search_edit)
        lay.addLayout(filters)
        lay.addWidget(self.view, 1)
        lay.addLayout(buttons)

        # filters and the review group follow the store; coalesce bursts of changes
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(0)
        self._refresh_timer.timeout.connect(self.refresh_filters)
        for sig in (self.model.rowsInserted, self.model.rowsRemoved, self.model.modelReset, self.model.dataChanged):
            sig.connect(self._refresh_timer.start)
        self.refresh_filters()

    def _place_buttons(self, rows: int) -> None:
        if rows == self._button_rows:
            return
        self._button_rows = rows
        per_row = len(self._buttons) // rows
        for i, button in enumerate(self._buttons):
            self._button_grid.removeWidget(button)
            self._button_grid.addWidget(button, i // per_row, i % per_row)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        needed = sum(b.sizeHint().width() for b in self._buttons) + 6 * len(self._buttons)
        self._place_buttons(1 if self.width() >= needed else 2)

    def _make_view(self, model) -> QTableView:
        v = QTableView()
        v.setModel(model)
        v.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        v.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        v.setWordWrap(False)
        v.verticalHeader().hide()
        v.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        v.horizontalHeader().setStretchLastSection(True)
        v.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        v.installEventFilter(self)
        return v

    def _push(self, cmd: _StoreCommand) -> bool:
        self.undo_stack.push(cmd)
        if cmd.error:
            self.store_error.emit(cmd.error)
            return False
        return True

    # -- API for the main window --
    def add_bookmark(self, interview_id: str, path: str, source_text: str, start: int, end: int,
                     exchange: int | None = None, note: str = "", tags: Iterable[str] = (),
                     colour: str | None = None) -> str | None:
        """Bookmark ``source_text[start:end]`` (Python offsets) undoably; returns the new id (None if it could not be saved)."""
        b = new_bookmark(interview_id, path, source_text, start, end, exchange, note, tuple(tags), colour)
        cmd = AddBookmarkCommand(self.store, b)
        return cmd.bookmark_id if self._push(cmd) else None

    def reattach(self, bookmark_id: str, interview_id: str, path: str, source_text: str, start: int,
                 end: int, exchange: int | None = None) -> None:
        self._push(ReattachBookmarkCommand(
            self.store, bookmark_id, interview_id, path, source_text, start, end, exchange))

    def edit_note(self, bookmark_id: str, note: str, tags: Iterable[str], colour: str | None = None) -> None:
        self._push(EditBookmarkCommand(self.store, bookmark_id, note, tags, colour))

    def delete_bookmarks(self, bookmark_ids: Iterable[str]) -> None:
        ids = [i for i in bookmark_ids if i in self.store]
        if ids:
            self._push(DeleteBookmarksCommand(self.store, ids))

    def open_edit_dialog(self, bookmark_id: str) -> BookmarkEditDialog | None:
        """Open the note/tags dialog (non-blocking); accepting it pushes an undoable edit."""
        b = self.store.get(bookmark_id)
        if b is None:
            return None
        dlg = BookmarkEditDialog(b, self)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.accepted.connect(lambda: self.edit_note(bookmark_id, *dlg.values()))
        dlg.open()
        return dlg

    def selected_ids(self) -> list[str]:
        return [i.data(ID_ROLE) for i in self.view.selectionModel().selectedRows()]

    def select_bookmark(self, bookmark_id: str) -> bool:
        row = self.model.row_of(bookmark_id)
        if row < 0:
            return False
        for view, proxy in ((self.view, self.proxy), (self.review_view, self.review_proxy)):
            idx = proxy.mapFromSource(self.model.index(row, 0))
            if idx.isValid():
                view.setCurrentIndex(idx)
                view.scrollTo(idx)
                return True
        return False

    # -- copy and export --
    def set_citation_style(self, style: str, template: str | None = None,
                           options: CitationOptions | None = None) -> None:
        """Citation style key (see ``core.citation.STYLES``), an optional user template and
        the citation's language and path options."""
        self._citation_style = style or "plain"
        self._citation_template = template or None
        self._citation_options = options or CitationOptions()

    def citation_style(self) -> tuple[str, str | None]:
        return self._citation_style, self._citation_template

    def selected_bookmarks(self) -> list[Bookmark]:
        ids = self.selected_ids() or list(filter(None, [self._current_id(self.view)]))
        return [b for b in map(self.store.get, ids) if b is not None]

    def _labels(self) -> dict[str, str]:
        columns = {
            "interview": self.tr("interview"), "interviewee": self.tr("interviewee"),
            "question number": self.tr("question number"), "quote": self.tr("quote"), "note": self.tr("note"),
            "tags": self.tr("tags"), "citation": self.tr("citation"), "path": self.tr("path"),
            "start": self.tr("start"), "end": self.tr("end"), "created": self.tr("created"),
        }
        return {
            "bookmarks": self.tr("Bookmarks"),
            "note": self.tr("Note"),
            "tags": self.tr("Tags"),
            "needs_review": self.tr("needs review: the passage was not found again in the current file"),
            **{f"column:{name}": text for name, text in columns.items()},
        }

    @Slot()
    def copy_selected(self) -> bool:
        """Put the selected bookmarks on the clipboard as plain text, HTML and Markdown."""
        bookmarks = self.selected_bookmarks()
        if not bookmarks:
            return False
        plain, markdown, html_text = bookmarks_to_clipboard_text(
            bookmarks, self._lookup, self._citation_style, self._citation_template, self._labels(),
            self._citation_options)
        mime = QMimeData()
        mime.setText(plain)
        mime.setHtml(html_text)
        mime.setData(MARKDOWN_MIME, QByteArray(markdown.encode("utf-8")))
        QGuiApplication.clipboard().setMimeData(mime)
        return True

    def export_to(self, path: str, fmt: str, only_selected: bool = False) -> int:
        """Write all (or the selected) bookmarks to ``path`` in ``fmt`` ("markdown", "csv",
        "html", "json"); returns how many were written.  Raises OSError on write errors."""
        bookmarks = self.selected_bookmarks() if only_selected else self.store.list()
        n = export_bookmarks(path, fmt, bookmarks, self._lookup, self._citation_style,
                             self._citation_template, self._labels(), self._citation_options)
        self.exported.emit(str(path), n)
        return n

    def _export_filters(self) -> dict[str, str]:
        """Name filter -> format; the order is the order in the dialog."""
        return {
            self.tr("Markdown (*.md)"): "markdown",
            self.tr("CSV, UTF-8 (*.csv)"): "csv",
            self.tr("HTML (*.html *.htm)"): "html",
            self.tr("Web Annotation JSON (*.jsonld *.json)"): "json",
        }

    def open_export_dialog(self, only_selected: bool = False) -> QFileDialog:
        """Ask for a file and a format (non-blocking); accepting writes the export."""
        filters = self._export_filters()
        dlg = QFileDialog(self, self.tr("Export selected bookmarks") if only_selected
                          else self.tr("Export bookmarks"))
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dlg.setFileMode(QFileDialog.FileMode.AnyFile)
        dlg.setNameFilters(list(filters))
        dlg.setDefaultSuffix(SUFFIXES["markdown"].lstrip("."))
        dlg.selectFile(self.tr("bookmarks") + SUFFIXES["markdown"])

        def on_filter(name: str) -> None:
            fmt = filters.get(name, "markdown")
            dlg.setDefaultSuffix(SUFFIXES[fmt].lstrip("."))

        def on_file(path: str) -> None:
            fmt = _format_for(path, filters.get(dlg.selectedNameFilter(), "markdown"))
            try:
                self.export_to(path, fmt, only_selected)
            except OSError as e:
                box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Export failed"),
                                  self.tr("Could not write %1: %2").replace("%1", path).replace(
                                      "%2", e.strerror or str(e)), QMessageBox.StandardButton.Ok, self)
                box.setTextFormat(Qt.TextFormat.PlainText)
                box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
                box.open()

        dlg.filterSelected.connect(on_filter)
        dlg.fileSelected.connect(on_file)
        dlg.open()
        return dlg

    # -- filters --
    @Slot()
    def refresh_filters(self) -> None:
        self._refill(self.tag_combo, self.tr("All tags"), [(t, t) for t in self.store.tags()])
        interviews: dict[str, str] = {}
        for b in self.store.list():
            interviews.setdefault(b.interview_id, self.model.title_of(b))
        items = sorted(((title, iid) for iid, title in interviews.items()), key=lambda x: x[0].casefold())
        self._refill(self.interview_combo, self.tr("All interviews"), items)
        n = sum(1 for b in self.store.list() if b.status == STATUS_NEEDS_REVIEW)
        self.review_box.setTitle(self.tr("Needs review (%n)", None, n))
        self.review_box.setVisible(n > 0)
        self._update_review_actions()

    @staticmethod
    def _refill(combo: QComboBox, all_label: str, items: list[tuple[str, str]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(all_label, None)
        for label, value in items:
            combo.addItem(label, value)
        i = combo.findData(current) if current is not None else 0
        combo.setCurrentIndex(max(0, i))
        combo.blockSignals(False)
        if i < 0:  # the chosen tag/interview has no bookmarks any more: show all
            combo.currentIndexChanged.emit(0)

    @Slot(int)
    def _on_tag_chosen(self, _i: int) -> None:
        self.proxy.set_tag(self.tag_combo.currentData())

    @Slot(int)
    def _on_interview_chosen(self, _i: int) -> None:
        self.proxy.set_interview(self.interview_combo.currentData())

    @Slot(int)
    def _on_sort_chosen(self, _i: int) -> None:
        self.proxy.set_sort_mode(self.sort_combo.currentData())

    # -- actions --
    def _current_id(self, view: QTableView) -> str | None:
        idx = view.currentIndex()
        return idx.data(ID_ROLE) if idx.isValid() else None

    @Slot(QModelIndex)
    def _on_double_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.activated.emit(index.data(ID_ROLE))

    @Slot()
    def _on_edit_clicked(self) -> None:
        bid = self._current_id(self.view)
        if bid:
            self.open_edit_dialog(bid)

    @Slot()
    def _on_delete_clicked(self) -> None:
        self.delete_bookmarks(self.selected_ids() or filter(None, [self._current_id(self.view)]))

    @Slot()
    def _on_reattach_clicked(self) -> None:
        bid = self._current_id(self.review_view)
        if bid:
            self.reattach_requested.emit(bid)

    @Slot()
    def _on_review_delete_clicked(self) -> None:
        bid = self._current_id(self.review_view)
        if bid:
            self.delete_bookmarks([bid])

    @Slot()
    def _update_review_actions(self, *_args) -> None:
        bid = self._current_id(self.review_view)
        b = self.store.get(bid) if bid else None
        self.reattach_button.setEnabled(b is not None)
        self.review_delete_button.setEnabled(b is not None)
        self.review_quote.setText(b.quote if b is not None else "")

    @Slot("QPoint")
    def _on_context_menu(self, pos) -> None:
        idx = self.view.indexAt(pos)
        if not idx.isValid():
            return
        bid = idx.data(ID_ROLE)
        menu = QMenu(self)
        menu.addAction(self.tr("Go to passage"), lambda: self.activated.emit(bid))
        menu.addAction(self.tr("Edit note and tags…"), lambda: self.open_edit_dialog(bid))
        menu.addAction(self.tr("Copy with citation"), self.copy_selected)
        menu.addAction(self.tr("Export selected…"), lambda: self.open_export_dialog(True))
        menu.addAction(self.tr("Delete"), lambda: self.delete_bookmarks(self.selected_ids() or [bid]))
        menu.popup(self.view.viewport().mapToGlobal(pos))

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and obj in (self.view, self.review_view):
            key = event.key()
            if event.matches(QKeySequence.StandardKey.Copy) and obj is self.view:
                self.copy_selected()  # instead of the view's copy of one cell
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and obj is self.view:
                bid = self._current_id(self.view)
                if bid:
                    self.activated.emit(bid)
                    return True
            if event.matches(QKeySequence.StandardKey.Delete):
                if obj is self.view:
                    self._on_delete_clicked()
                else:
                    self._on_review_delete_clicked()
                return True
        return super().eventFilter(obj, event)
