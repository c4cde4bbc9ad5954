"""The main window: builds the parts, wires their signals, keeps window state in QSettings.

Behaviour lives in the parts (loader, interview list, reading pane, problems view); this
module only connects them and remembers what the user had open.
"""
from __future__ import annotations

import os

from PySide6.QtCore import QEvent, QSettings, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence, QPalette
# dialog classes are imported where they are used: each Qt class costs start-up time when first touched
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QMenu, QProgressBar, QWidget

from kzreader import __version__

from .dock_layout import ResponsiveDocks
from .library.interview_list import InterviewListView
from .library.file_watcher import CorpusWatcher
from .library.loader import CorpusLoader
from .log_folder import open_log_folder
from .library.problems_view import ProblemsDockVisibility, ProblemsView
from .reading.reading_pane import ReadingPane
from .shortcuts import merged_keys, shortcut_rows, shortcuts_dialog

# The feature controllers (themes, search, bookmarks, quotes) and their modules are built
# right after the first paint, or on first use: see MainWindow.build_parts.

MAX_RECENT = 10
_STATE_VERSION = 1

# settings keys
K_GEOMETRY = "window/geometry"
K_STATE = "window/state"
K_HEADER = "window/list_header"
K_PATHS = "corpus/paths"
K_RECENT = "corpus/recent"
K_INTERVIEW = "reading/last_interview"
K_QUESTION = "reading/last_question"
K_ZOOM = "reading/zoom"
K_WHOLE = "reading/whole_interview"
K_REMOVED = "reading/show_removed"


class MainWindow(QMainWindow):
    """``settings`` holds window state; ``data_dir`` and ``cache_dir`` are the user's
    directories (resolved by the app) for the panels that store files.

    Signals for other panels: ``interviews_added(list)`` per loaded batch,
    ``corpus_loaded(Corpus)`` when a load completes, ``corpus_cleared()`` when a new
    one starts.  ``corpus`` is the core Corpus being filled (None before the first open).

    The feature parts (``themes``, ``search``, ``bookmarks``, ``quotes`` and the Edit menu)
    are built right after the first paint, or earlier on first use: see ``build_parts``.
    """

    interviews_added = Signal(object)
    corpus_loaded = Signal(object)
    corpus_cleared = Signal()

    def __init__(self, settings: QSettings, data_dir: str = "", cache_dir: str = "", parent=None):
        super().__init__(parent)
        self.settings = settings
        self.data_dir = data_dir
        self.cache_dir = cache_dir
        self.corpus = None  # core.corpus.Corpus; imported on first open to start faster
        self.corpus_paths: list[str] = []
        # (interview id, question) to reopen when that interview arrives from the loader
        self._pending: tuple[str, int] | None = None
        self._layout_defaults_applied = False
        self._parts_built = False  # see build_parts
        self._first_paint_seen = False

        self.setObjectName("main_window")
        self.setWindowTitle("kzreader")
        self.setAcceptDrops(True)
        self.setDockNestingEnabled(True)
        self.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)

        self.loader = CorpusLoader(self)
        self.watcher = CorpusWatcher(self)
        self._reload_wanted = False  # files changed while a load was running
        if cache_dir:
            self.loader.options["cache_dir"] = os.path.join(cache_dir, "parsed")
        self.interview_list = InterviewListView()
        self.reading_pane = ReadingPane()
        self.problems_view = ProblemsView()
        self.setCentralWidget(self.reading_pane)
        self._build_docks()
        self.dock_layout = ResponsiveDocks(self, [self.interviews_dock, self.questions_dock],
                                           [self.themes_dock, self.bookmarks_dock, self.search_dock])
        self._build_status_bar()
        self._build_menus()
        self._connect()
        self._restore_state()
        self.problems_visibility = ProblemsDockVisibility(self.problems_dock, self.problems_view, settings)

    # Attributes made by build_parts; reading one before then builds the parts.
    _PARTS = frozenset({"themes", "search", "bookmarks", "quotes", "across", "undo_action", "redo_action",
                        "preferences_action", "_preferences_module"})

    def __getattr__(self, name: str):
        # only reached for attributes not set yet
        if name in MainWindow._PARTS and not self.__dict__.get("_parts_built", True):
            self.build_parts()
            return getattr(self, name)
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    def build_parts(self) -> None:
        """Build the feature controllers, their panels and the Edit menu (once).

        Their imports (lexicon, bookmark store, search index, YAML, fuzzy matching) and the
        lexicon load are not needed to paint the window, so this runs right after the first
        paint, or before that when something needs them (opening files, a test, a shortcut).
        """
        if self._parts_built:
            return
        self._parts_built = True
        self._build_controllers()
        self._build_edit_menu()

    # -- building ------------------------------------------------------------------------------
    def _dock(self, title: str, name: str, widget: QWidget, area) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def _placeholder(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setWordWrap(True)
        label.setMargin(12)
        label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        return label

    def _build_docks(self) -> None:
        left = Qt.DockWidgetArea.LeftDockWidgetArea
        right = Qt.DockWidgetArea.RightDockWidgetArea
        self.interviews_dock = self._dock(self.tr("Interviews"), "interviews_dock", self.interview_list, left)
        self.questions_dock = self._dock(self.tr("Questions"), "questions_dock", self.reading_pane.navigator, left)
        self.splitDockWidget(self.interviews_dock, self.questions_dock, Qt.Orientation.Vertical)
        self.themes_dock = self._dock(
            self.tr("Themes"), "themes_dock", self._placeholder(self.tr("Themes will appear here.")), right)
        self.bookmarks_dock = self._dock(
            self.tr("Bookmarks"), "bookmarks_dock", self._placeholder(self.tr("Bookmarks will appear here.")), right)
        self.search_dock = self._dock(
            self.tr("Search"), "search_dock", self._placeholder(self.tr("Search will appear here.")), right)
        self.tabifyDockWidget(self.themes_dock, self.bookmarks_dock)
        self.tabifyDockWidget(self.bookmarks_dock, self.search_dock)
        self.themes_dock.raise_()
        self.problems_dock = self._dock(
            self.tr("Problems"), "problems_dock", self.problems_view, Qt.DockWidgetArea.BottomDockWidgetArea)

    def _build_controllers(self) -> None:
        """The feature controllers; each owns its panel's glue, the window only places them."""
        from .bookmarks.bookmarks_controller import BookmarksController
        from .reading.quote_actions import QuoteActions
        from .search.search_controller import SearchController
        from .themes.themes_controller import ThemesController

        self.themes = ThemesController(self)
        self.set_theme_panel(self._scrolled(self.themes.sidebar))
        self.search = SearchController(self)
        self.set_search_panel(self._scrolled(self.search.panel))
        self.reading_pane.add_bar(self.search.find_bar)
        self.bookmarks = BookmarksController(self)
        self.set_bookmarks_panel(self._scrolled(self.bookmarks.panel))
        self.quotes = QuoteActions(self)
        from .across.across_controller import AcrossController

        self.across = AcrossController(self)  # cross-reading window, similar questions, .qdpx export
        self.themes.filter_changed.connect(self.search.panel.set_theme_filter)
        self._on_citation_changed(*self.quotes.citation_style_strings())

    def _scrolled(self, widget: QWidget) -> QWidget:
        """A panel whose controls need more width than a narrow dock gets scrolls instead of
        forcing a wider window."""
        from PySide6.QtWidgets import QScrollArea  # built after the first paint

        area = QScrollArea()
        area.setObjectName(widget.objectName() + "_scroll")
        area.setWidget(widget)
        area.setWidgetResizable(True)
        area.setFrameShape(QScrollArea.Shape.NoFrame)
        area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        return area

    def _apply_default_layout(self) -> None:
        """Proportions for a first start (a saved dock state replaces them)."""
        width = max(self.width(), 1000)
        self.resizeDocks([self.interviews_dock, self.themes_dock],
                         [int(width * 0.34), int(width * 0.23)], Qt.Orientation.Horizontal)
        height = max(self.height(), 600)
        self.resizeDocks([self.interviews_dock, self.questions_dock],
                         [int(height * 0.4), int(height * 0.45)], Qt.Orientation.Vertical)
        self.resizeDocks([self.problems_dock], [int(height * 0.22)], Qt.Orientation.Vertical)  # a few messages

    def _build_status_bar(self) -> None:
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setObjectName("load_progress")
        self.progress_bar.setMaximumWidth(220)
        self.progress_bar.setTextVisible(True)
        self.progress_bar.hide()
        self.count_label = QLabel(self)
        self.count_label.setTextFormat(Qt.TextFormat.PlainText)
        self.statusBar().addPermanentWidget(self.count_label)
        self.statusBar().addPermanentWidget(self.progress_bar)

    def _build_menus(self) -> None:
        bar = self.menuBar()

        file_menu = bar.addMenu(self.tr("&File"))
        self.open_folder_action = self._action(
            self.tr("Open &Folder…"), [QKeySequence("Ctrl+Shift+O")], self.choose_folder, "action_open_folder")
        self.open_files_action = self._action(
            self.tr("&Open Files…"), merged_keys(QKeySequence.StandardKey.Open, "Ctrl+O"), self.choose_files,
            "action_open_files")
        self.recent_menu = QMenu(self.tr("Open &Recent"), self)
        self.recent_menu.setObjectName("recent_menu")
        self.quit_action = self._action(
            self.tr("&Quit"), merged_keys(QKeySequence.StandardKey.Quit, "Ctrl+Q"),
            self.close, "action_quit")
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.reload_action = self._action(
            self.tr("Re&load"), merged_keys("F5", QKeySequence.StandardKey.Refresh), self.reload_corpus,
            "action_reload")
        self.stop_action = self._action(
            self.tr("&Stop Loading"), [QKeySequence("Ctrl+.")], self.stop_loading, "action_stop_loading")
        self.stop_action.setEnabled(False)
        file_menu.addAction(self.open_folder_action)
        file_menu.addAction(self.open_files_action)
        file_menu.addMenu(self.recent_menu)
        file_menu.addAction(self.reload_action)
        file_menu.addAction(self.stop_action)
        file_menu.addSeparator()
        self.export_qdpx_action = self._action(
            self.tr("&REFI-QDA Project (.qdpx)…"), [], lambda: self.across.export_qdpx(), "action_export_qdpx")
        file_menu.addMenu(self.tr("&Export")).addAction(self.export_qdpx_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)

        self._build_edit_actions(bar)

        pane = self.reading_pane
        view_menu = bar.addMenu(self.tr("&View"))
        view_menu.addActions([pane.zoom_in_action, pane.zoom_out_action, pane.zoom_reset_action])
        view_menu.addSeparator()
        view_menu.addActions([pane.whole_action, pane.removed_action, pane.caret_action])
        view_menu.addSeparator()
        self.filter_action = self._action(
            self.tr("&Filter Interviews"), [QKeySequence("Ctrl+L")], self._focus_filter, "action_filter")
        view_menu.addAction(self.filter_action)
        self.theme_map_action = self._action(
            self.tr("Theme &Map…"), [QKeySequence("Ctrl+Shift+M")], lambda: self.themes.open_map(),
            "action_theme_map")
        view_menu.addAction(self.theme_map_action)
        self.across_action = self._action(
            self.tr("Read &Across Interviews…"), [QKeySequence("Ctrl+Shift+A")], lambda: self.across.open_view(),
            "action_read_across")
        view_menu.addAction(self.across_action)
        panels = view_menu.addMenu(self.tr("&Panels"))
        for dock in (self.interviews_dock, self.questions_dock, self.themes_dock, self.bookmarks_dock,
                     self.search_dock, self.problems_dock):
            panels.addAction(dock.toggleViewAction())
        self._label_panel_toggles()

        go_menu = bar.addMenu(self.tr("&Go"))
        go_menu.addActions([pane.prev_action, pane.next_action])
        go_menu.addSeparator()
        self.prev_interview_action = self._action(
            self.tr("Previous &Interview"), [QKeySequence("Alt+Up"), QKeySequence("Ctrl+Shift+PgUp")],
            self.interview_list.select_previous, "action_prev_interview")
        self.next_interview_action = self._action(
            self.tr("Ne&xt Interview"), [QKeySequence("Alt+Down"), QKeySequence("Ctrl+Shift+PgDown")],
            self.interview_list.select_next, "action_next_interview")
        go_menu.addActions([self.prev_interview_action, self.next_interview_action])
        go_menu.addSeparator()
        self.similar_action = self._action(
            self.tr("&Similar Questions…"), [QKeySequence("Ctrl+Shift+S")], lambda: self.across.show_similar(),
            "action_similar_questions")
        go_menu.addAction(self.similar_action)
        self.reading_pane.text.extra_context_actions.append(self.similar_action)  # and in the text's menu

        help_menu = bar.addMenu(self.tr("&Help"))
        self.shortcuts_action = self._action(
            self.tr("&Keyboard Shortcuts"), [QKeySequence("F1")], self.show_shortcuts, "action_shortcuts")
        self.about_action = self._action(self.tr("&About kzreader"), [], self.show_about, "action_about")
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.log_folder_action = self._action(
            self.tr("Open &Log Folder"), [], lambda: open_log_folder(self), "action_open_log_folder")
        help_menu.addActions([self.shortcuts_action, self.log_folder_action, self.about_action])
        # filled when opened: reading the recent list is not needed to paint the window
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self._build_toolbar()

    def _build_edit_actions(self, bar) -> None:
        """The Edit menu (filled by build_parts) and the window's own actions in it, which the
        toolbar and the reading pane's context menu show from the start."""
        self.edit_menu = bar.addMenu(self.tr("&Edit"))
        self.copy_quote_action = self._action(
            self.tr("Copy as &Quote"), [QKeySequence("Ctrl+Shift+C")], lambda: self.quotes.copy_as_quote(),
            "action_copy_quote")
        self.copy_exchange_action = self._action(
            self.tr("Copy &Exchange"), [QKeySequence("Ctrl+Alt+C")], lambda: self.quotes.copy_exchange(),
            "action_copy_exchange")
        self.bookmark_action = self._action(
            self.tr("&Bookmark Selection"), [QKeySequence("Ctrl+D")], lambda: self.bookmarks.bookmark_selection(),
            "action_bookmark")
        self.find_action = self._action(
            self.tr("&Find in Interview…"), merged_keys(QKeySequence.StandardKey.Find, "Ctrl+F"),
            lambda: self.search.open_find(), "action_find")
        self.search_action = self._action(
            self.tr("&Search All Interviews…"), [QKeySequence("Ctrl+Shift+F")], lambda: self.search.show_search(),
            "action_search")
        self.reading_pane.set_context_actions(
            [self.copy_quote_action, self.copy_exchange_action, self.bookmark_action])

    def _build_edit_menu(self) -> None:
        """Undo/redo and find next/previous, which belong to the controllers, then the menu."""
        edit_menu = self.edit_menu
        stack = self.bookmarks.undo_stack
        self.undo_action = stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setObjectName("action_undo")
        self.undo_action.setShortcuts(merged_keys("Ctrl+Z", QKeySequence.StandardKey.Undo))
        self.redo_action = stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setObjectName("action_redo")
        self.redo_action.setShortcuts(merged_keys("Ctrl+Shift+Z", "Ctrl+Y", QKeySequence.StandardKey.Redo))
        for action in (self.undo_action, self.redo_action):
            self.addAction(action)
        edit_menu.addActions([self.undo_action, self.redo_action])
        edit_menu.addSeparator()
        edit_menu.addActions([self.copy_quote_action, self.copy_exchange_action])
        edit_menu.addSeparator()
        edit_menu.addAction(self.bookmark_action)
        edit_menu.addSeparator()
        find_bar = self.search.find_bar
        find_bar.find_next_action.setObjectName("action_find_next")
        find_bar.find_previous_action.setObjectName("action_find_previous")
        self.addAction(find_bar.find_next_action)
        self.addAction(find_bar.find_previous_action)
        edit_menu.addActions([self.find_action, find_bar.find_next_action, find_bar.find_previous_action,
                              self.search_action])
        self._add_preferences(edit_menu)

    def _add_preferences(self, edit_menu: QMenu) -> None:
        """Edit ▸ Preferences…, when the preferences dialog is part of this build."""
        try:
            from . import preferences
        except ImportError:
            return
        self._preferences_module = preferences
        edit_menu.addSeparator()
        # the platform's key where it has one (none on Linux desktops); Ctrl+, as elsewhere
        keys = merged_keys(QKeySequence.StandardKey.Preferences) or [QKeySequence("Ctrl+,")]
        self.preferences_action = self._action(
            self.tr("&Preferences…"), keys, self.show_preferences, "action_preferences")
        self.preferences_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        edit_menu.addAction(self.preferences_action)

    def _build_toolbar(self) -> None:
        """The reader's most used actions, one click away (text only: no icon theme offscreen)."""
        bar = self.addToolBar(self.tr("Main toolbar"))
        bar.setObjectName("main_toolbar")
        bar.setAccessibleName(self.tr("Main toolbar"))
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        bar.addActions([self.open_folder_action, self.reload_action])
        bar.addSeparator()
        bar.addActions([self.bookmark_action, self.copy_quote_action, self.find_action, self.search_action])

    @Slot()
    def show_preferences(self):
        dialog = self._preferences_module.PreferencesDialog(
            self.settings, self.quotes.preview_context(), parent=self)
        dialog.setObjectName("preferences_dialog")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        # Copy as Quote reads the settings each time; the bookmarks panel keeps its own copy
        dialog.citation_changed.connect(self._on_citation_changed)
        dialog.open()
        return dialog

    @Slot(str, str)
    def _on_citation_changed(self, style: str, template: str) -> None:
        panel = self.bookmarks.panel
        if hasattr(panel, "set_citation_style"):
            panel.set_citation_style(style, template or None, self.quotes.citation_options())

    @Slot()
    def reload_corpus(self) -> None:
        """Read the open files again (after they were edited), staying at the same place."""
        if not self.corpus_paths:
            return
        iv = self.reading_pane.interview()
        self.open_paths(list(self.corpus_paths),
                        restore=(iv.id, self.reading_pane.current_number()) if iv is not None else None)

    def _action(self, text, shortcuts, slot, name) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        action.setShortcuts(shortcuts)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _connect(self) -> None:
        self.loader.started.connect(self._on_load_started)
        self.loader.items_loaded.connect(self._on_items_loaded)
        self.loader.progress.connect(self._on_load_progress)
        self.loader.finished.connect(self._on_load_finished)
        self.interview_list.interview_selected.connect(self._on_interview_selected)
        self.reading_pane.current_exchange_changed.connect(self._on_exchange_changed)
        self.reading_pane.zoom_changed.connect(lambda z: self.settings.setValue(K_ZOOM, z))
        self.reading_pane.whole_interview_changed.connect(lambda w: self.settings.setValue(K_WHOLE, w))
        self.reading_pane.show_removed_changed.connect(lambda s: self.settings.setValue(K_REMOVED, s))
        self.problems_view.count_changed.connect(self._on_problem_count)
        self.watcher.changed.connect(self._on_files_changed)

    # -- panels from other modules ---------------------------------------------------------------
    def set_theme_panel(self, widget: QWidget) -> None:
        self._replace_dock_widget(self.themes_dock, widget)

    def set_bookmarks_panel(self, widget: QWidget) -> None:
        self._replace_dock_widget(self.bookmarks_dock, widget)

    def set_search_panel(self, widget: QWidget) -> None:
        self._replace_dock_widget(self.search_dock, widget)

    def _replace_dock_widget(self, dock: QDockWidget, widget: QWidget) -> None:
        old = dock.widget()
        dock.setWidget(widget)
        if old is not None and old is not widget:
            old.deleteLater()

    # -- opening ------------------------------------------------------------------------------------
    def open_paths(self, paths: list[str], restore: tuple[str, int] | None = None) -> None:
        """Replace the corpus with the files under ``paths`` (loaded in the background).

        ``restore`` = (interview id, question): reopen that place when it has loaded.
        """
        paths = [os.path.abspath(p) for p in paths if p]
        if not paths:
            return
        self.build_parts()  # their loader hooks tag and index the files as they load
        import json

        from kzreader.core.corpus.corpus import Corpus

        self.corpus_paths = paths
        self.corpus = Corpus()
        self._pending = restore
        self.interview_list.clear()
        self.problems_view.clear()
        if restore is None:  # a reload keeps the old text in view until the new one arrives
            self.reading_pane.set_interview(None)
        self.corpus_cleared.emit()
        self.settings.setValue(K_PATHS, json.dumps(paths))
        self._add_recent(paths)
        self.loader.load(paths)

    def restore_last_corpus(self) -> bool:
        """Reopen the corpus, interview and question of the last session; False if none."""
        paths = self._json_list(K_PATHS)
        if not paths:
            return False
        iid = self.settings.value(K_INTERVIEW, "", type=str)
        number = self.settings.value(K_QUESTION, 1, type=int)
        self.open_paths(paths, restore=(iid, number) if iid else None)
        return True

    @Slot()
    def choose_folder(self) -> None:
        start = self.corpus_paths[0] if self.corpus_paths else os.path.expanduser("~")
        from PySide6.QtWidgets import QFileDialog

        folder = QFileDialog.getExistingDirectory(self, self.tr("Open Folder of Interviews"), start)
        if folder:
            self.open_paths([folder])

    @Slot()
    def choose_files(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        from kzreader.core.sources.sources import SUPPORTED_SUFFIXES

        start = self.corpus_paths[0] if self.corpus_paths else os.path.expanduser("~")
        patterns = " ".join("*" + s for s in SUPPORTED_SUFFIXES)
        files, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Open Interviews"), start,
            self.tr("Interviews ({0});;All files (*)").format(patterns))
        if files:
            self.open_paths(files)

    def _json_list(self, key: str) -> list:
        import json  # here: not needed to paint the window

        try:
            value = json.loads(self.settings.value(key, "[]", type=str) or "[]")
        except (ValueError, TypeError):
            return []
        return value if isinstance(value, list) else []

    def _add_recent(self, paths: list[str]) -> None:
        import json

        recent = [r for r in self._json_list(K_RECENT) if r != paths]
        recent.insert(0, paths)
        self.settings.setValue(K_RECENT, json.dumps(recent[:MAX_RECENT]))
        self._fill_recent_menu()

    def recent_corpora(self) -> list[list[str]]:
        return [r for r in self._json_list(K_RECENT) if isinstance(r, list) and r]

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = self.recent_corpora()
        for i, paths in enumerate(recent, 1):
            label = paths[0] if len(paths) == 1 else self.tr("{0} (+{1} more)").format(paths[0], len(paths) - 1)
            label = label.replace("&", "&&")  # a path's "&" is not a mnemonic
            action = self.recent_menu.addAction(f"&{i} {label}" if i < 10 else label)
            action.triggered.connect(lambda _checked=False, p=paths: self.open_paths(p))
        if recent:
            self.recent_menu.addSeparator()
        clear = self.recent_menu.addAction(self.tr("&Clear Recent"))
        clear.setEnabled(bool(recent))
        clear.triggered.connect(self._clear_recent)

    def _clear_recent(self) -> None:
        self.settings.setValue(K_RECENT, "[]")
        self._fill_recent_menu()

    # -- drag and drop --------------------------------------------------------------------------------
    def dragEnterEvent(self, event) -> None:
        if any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:
        self.dragEnterEvent(event)

    def dropEvent(self, event) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.open_paths(paths)
        else:
            event.ignore()

    # -- loader ----------------------------------------------------------------------------------------
    @Slot()
    def stop_loading(self) -> None:
        """Stop the running load; what has loaded so far stays open."""
        if not self.loader.is_loading():
            return
        self.loader.cancel()
        self.progress_bar.hide()
        self.stop_action.setEnabled(False)
        self.update_counts()
        self.statusBar().showMessage(
            self.tr("Loading stopped: {0} of {1} files loaded.").format(
                len(self.corpus.interviews), self.progress_bar.maximum()), 10_000)
        self._pending = None
        self._watch_corpus()
        self.corpus_loaded.emit(self.corpus)

    def _watch_corpus(self) -> None:
        # files that failed are watched too, so fixing one brings it in
        self.watcher.watch(self.corpus_paths, [iv.path for iv in self.corpus.interviews]
                           + sorted({p.path for p in self.corpus.problems if os.path.isfile(p.path)}))

    @Slot(list)
    def _on_files_changed(self, paths: list) -> None:
        """Files of the corpus changed on disk: load them again, keeping the reader's place
        (unchanged files come from the parse cache, so this costs little)."""
        if self.loader.is_loading():
            self._reload_wanted = True
            return
        self.statusBar().showMessage(
            self.tr("Files changed on disk; reloading {0}.").format(
                os.path.basename(paths[0]) if len(paths) == 1 else self.tr("{0} files").format(len(paths))),
            5_000)
        self.reload_corpus()

    @Slot()
    def _on_load_started(self) -> None:
        self.watcher.hold()
        self.stop_action.setEnabled(True)
        self.progress_bar.setRange(0, 0)  # busy until the files are counted
        self.progress_bar.show()
        self.count_label.setText(self.tr("Loading…"))

    @Slot(int, int)
    def _on_load_progress(self, done: int, total: int) -> None:
        self.progress_bar.setRange(0, max(total, 1))
        self.progress_bar.setValue(done)
        self.progress_bar.setFormat(self.tr("{0} of {1} files").format(done, total))

    @Slot(object)
    def _on_items_loaded(self, items: list) -> None:
        before = len(self.corpus.problems)
        from kzreader.core.model import Interview

        interviews: list[Interview] = []
        for item in items:
            self.corpus.add(item)
            if isinstance(item, Interview):
                interviews.append(item)
        self.interview_list.append(interviews)
        self.problems_view.append(self.corpus.problems[before:])
        self.update_counts()
        if interviews:
            self.interviews_added.emit(interviews)
        if self._pending is not None:
            if any(iv.id == self._pending[0] for iv in interviews):
                self.interview_list.select_interview(self._pending[0])
        elif self.reading_pane.interview() is None and self.interview_list.visible_count():
            self.interview_list.select_row(0)  # show something to read straight away

    @Slot()
    def _on_load_finished(self) -> None:
        self.progress_bar.hide()
        self.stop_action.setEnabled(False)
        self.update_counts()
        self._watch_corpus()
        if self._reload_wanted:
            self._reload_wanted = False
            QTimer.singleShot(0, self.reload_corpus)
        shown = self.reading_pane.interview()
        if shown is not None and self.interview_list.interview(shown.id) is not shown:
            self.reading_pane.set_interview(None)  # kept through a reload, but gone from the files
        if self._pending is not None:
            self._pending = None
            if self.reading_pane.interview() is None and self.interview_list.visible_count():
                self.interview_list.select_row(0)
        self.corpus_loaded.emit(self.corpus)

    def update_counts(self) -> None:
        """The status bar's count; "3 of 5 interviews" while a filter hides some."""
        if self.corpus is None:
            return
        errors = sum(1 for p in self.corpus.problems if p.severity == "error")
        total, shown = len(self.corpus.interviews), self.interview_list.visible_count()
        count = self.tr("{0} of {1} interviews").format(shown, total) if shown < total else \
            self.tr("{0} interviews").format(total)
        self.count_label.setText(self.tr("{0}, {1} not loaded").format(count, errors) if errors else count)

    @Slot(int)
    def _on_problem_count(self, count: int) -> None:
        self.problems_dock.setWindowTitle(self.tr("Problems ({0})").format(count) if count else self.tr("Problems"))
        self._label_panel_toggles()  # a dock resets its menu entry to its title

    def _label_panel_toggles(self) -> None:
        """View ▸ Panels entries with mnemonics (the dock titles have none)."""
        for dock, text in ((self.interviews_dock, self.tr("&Interviews")), (self.questions_dock, self.tr("&Questions")),
                           (self.themes_dock, self.tr("&Themes")), (self.bookmarks_dock, self.tr("&Bookmarks")),
                           (self.search_dock, self.tr("&Search")), (self.problems_dock, self.tr("&Problems"))):
            dock.toggleViewAction().setText(text)

    # -- reading -------------------------------------------------------------------------------------------
    @Slot(str)
    def _on_interview_selected(self, interview_id: str) -> None:
        interview = self.interview_list.interview(interview_id)
        if interview is None or interview is self.reading_pane.interview():
            return
        number = 1
        if self._pending is not None:
            if self._pending[0] == interview_id:
                number = self._pending[1]
            self._pending = None  # the user (or the restore) has chosen; stop waiting
        self.reading_pane.set_interview(interview, number)
        self.setWindowTitle(self.tr("{0} — kzreader").format(interview.display_title))

    @Slot(str, int)
    def _on_exchange_changed(self, interview_id: str, number: int) -> None:
        if interview_id:
            self.settings.setValue(K_INTERVIEW, interview_id)
            self.settings.setValue(K_QUESTION, number)

    def show_interview(self, interview_id: str, number: int | None = 1) -> bool:
        """Select an interview in the list and open it at question ``number`` (None: where
        opening it leads, e.g. the first exchange on the selected themes)."""
        if not self.interview_list.select_interview(interview_id):
            return False
        if number is None:
            return True
        return self.reading_pane.go_to(number) or number == 1

    @Slot()
    def _focus_filter(self) -> None:
        self.interviews_dock.show()
        self.interview_list.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.interview_list.filter_edit.selectAll()

    # -- help -----------------------------------------------------------------------------------------------
    def shortcut_rows(self) -> list[tuple[str, str, str]]:
        """(menu, action, shortcuts) for every menu action that has a shortcut."""
        self.build_parts()  # the Edit menu is filled there
        return shortcut_rows(self.menuBar())

    @Slot()
    def show_shortcuts(self) -> None:
        self.shortcuts_dialog().exec()

    def shortcuts_dialog(self):
        return shortcuts_dialog(self, self.shortcut_rows())

    @Slot()
    def show_about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(
            self,
            self.tr("About kzreader"),
            self.tr("kzreader {0}\n\nA reader for collections of published interviews: "
                    "read them question by question, compare, bookmark and quote.").format(__version__),
        )

    # -- state -----------------------------------------------------------------------------------------------
    def _restore_state(self) -> None:
        s = self.settings
        geometry = s.value(K_GEOMETRY)
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1280, 820)
        state = s.value(K_STATE)
        self._layout_defaults_applied = bool(state) and self.restoreState(state, _STATE_VERSION)
        self.interview_list.restore_header_state(s.value(K_HEADER))
        self.reading_pane.set_zoom(s.value(K_ZOOM, 0, type=int))
        self.reading_pane.set_whole_interview(s.value(K_WHOLE, False, type=bool))
        self.reading_pane.set_show_removed(s.value(K_REMOVED, False, type=bool))

    def save_state(self) -> None:
        s = self.settings
        s.setValue(K_GEOMETRY, self.saveGeometry())
        s.setValue(K_STATE, self.saveState(_STATE_VERSION))
        self.problems_visibility.save()  # how to read the dock's visibility in that state
        s.setValue(K_HEADER, self.interview_list.header_state())
        s.setValue(K_ZOOM, self.reading_pane.zoom())
        s.setValue(K_WHOLE, self.reading_pane.is_whole_interview())
        s.setValue(K_REMOVED, self.reading_pane.shows_removed())
        iv = self.reading_pane.interview()
        if iv is not None:
            s.setValue(K_INTERVIEW, iv.id)
            s.setValue(K_QUESTION, self.reading_pane.current_number())
        s.sync()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._layout_defaults_applied:
            self._layout_defaults_applied = True
            # the dock sizes stick only once the layout has placed the docks: place them now,
            # so the first frame already has these proportions
            self.layout().activate()
            self._apply_default_layout()

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if not self._first_paint_seen:
            self._first_paint_seen = True
            QTimer.singleShot(0, self._after_first_paint)

    @Slot()
    def _after_first_paint(self) -> None:
        self.build_parts()
        # bookmark store problems found while reading it, once the window is up
        self.bookmarks.report_problems()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        # before the parts are built the store has only just been read
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow() and self._parts_built:
            self.bookmarks.on_window_activated()

    def closeEvent(self, event) -> None:
        self.save_state()
        self.loader.shutdown()
        if self._parts_built:
            self.bookmarks.detach()
        super().closeEvent(event)

