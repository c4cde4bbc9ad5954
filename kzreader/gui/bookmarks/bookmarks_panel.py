"""The bookmarks dock: the list of bookmarks with search, filters, a "Needs review" group,
copy and export.  Its model and filter are in ``bookmarks_model``, the undo commands in
``commands``, the edit dialog in ``edit_dialog``.

The panel knows nothing of the corpus: interviewee and title come from a callable
``interview_lookup(interview_id) -> Interview | None``.  Every change goes through the
QUndoStack it is given, so Ctrl+Z undoes edits and deletions.  Copy and export of bookmarks
with citations are built by :mod:`kzreader.core.annotations.export`; the panel only adds the clipboard
and the file dialog.
"""
from __future__ import annotations

from typing import Iterable

from PySide6.QtCore import QByteArray, QEvent, QMimeData, QModelIndex, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QGuiApplication, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kzreader.core.annotations.bookmark import STATUS_NEEDS_REVIEW, STATUS_OK, Bookmark, new_bookmark
from kzreader.core.annotations.bookmarks import BookmarkStore
from kzreader.core.annotations.citation import CitationOptions
from kzreader.core.annotations.export import SUFFIXES, bookmarks_to_clipboard_text, export_bookmarks, format_for_path

from ..widgets.combo_width import fit_choices
from ..widgets.two_line_delegate import TwoLineDelegate
from .bookmarks_model import (
    COL_ADDED, COL_INTERVIEWEE, COL_QUESTION, COL_QUOTE, COL_TAGS, ID_ROLE, NOTE_ROLE, SORT_DATE, SORT_POSITION,
    WHERE_ROLE,
    BookmarksFilterProxy, BookmarksTableModel, InterviewLookup)
from .commands import AddBookmarkCommand, DeleteBookmarksCommand, EditBookmarkCommand, ReattachBookmarkCommand, _StoreCommand
from .edit_dialog import BookmarkEditDialog

MARKDOWN_MIME = "text/markdown"


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
        self.view.setItemDelegateForColumn(COL_QUOTE, TwoLineDelegate(WHERE_ROLE, self.view, NOTE_ROLE))
        self.view.setWordWrap(True)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for combo in (self.tag_combo, self.interview_combo):
            # a long tag or title must not widen the panel
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(4)
        fit_choices(self.sort_combo, 4)
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

        # the order beside the search, the filters below: three combos in one row of a narrow
        # dock were cut to a few letters each ("All ta", "By pos")
        top = QHBoxLayout()
        top.addWidget(self.search_edit, 1)
        top.addWidget(self.sort_combo, 1)  # grows with the search up to its longest choice
        filters = QHBoxLayout()
        filters.addWidget(self.tag_combo, 1)
        filters.addWidget(self.interview_combo, 2)
        # two rows of buttons when one would not fit the panel
        self._buttons = [self.edit_button, self.delete_button, self.copy_button, self.export_button]
        buttons = self._button_grid = QGridLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        self._button_rows = 0
        self._place_buttons(1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        lay.addWidget(self.review_box)
        lay.addLayout(top)
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
        v.setTabKeyNavigation(False)  # Tab moves on to the next control, not the next cell
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
        """Citation style key (see ``core.annotations.citation.STYLES``), an optional user template and
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
            fmt = format_for_path(path, filters.get(dlg.selectedNameFilter(), "markdown"))
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
