"""The main window: builds the parts, wires their signals, keeps window state in QSettings.

Behaviour lives in the parts: the core session (the open corpus, its theme tags and search
index), the opener (loading, reloads, the recent list), the reading place, the interview list,
the reading pane, the problems view and the feature controllers (themes, search, bookmarks,
quotes, reading across); the menus are made in ``window_menus``.  This module only makes
them and connects them.
"""
from __future__ import annotations

import os

from PySide6.QtCore import QEvent, QSettings, Qt, QTimer, Slot
from PySide6.QtWidgets import QMainWindow

from .dock_layout import ResponsiveDocks, add_dock, apply_default_layout, placeholder, set_panel
from .library.corpus_opener import CorpusOpener
from .library.interview_list import InterviewListView
from .library.problems_view import ProblemsDockVisibility, ProblemsView
from .reading.reading_pane import ReadingPane
from .reading.reading_place import ReadingPlace
from .widgets.dialog_size import open_size
from .window_menus import build_menus, complete_edit_menu, keyboard_shortcuts, label_panel_toggles, \
    menu_shortcut_rows, show_preferences

_STATE_VERSION = 1

# settings keys
K_GEOMETRY = "window/geometry"
K_STATE = "window/state"
K_HEADER = "window/list_header"
K_COLUMNS = "window/list_user_columns"  # "column:width,…": the list's columns the user sized


class BuiltAfterFirstPaint:
    """A part that ``MainWindow.build_parts`` makes right after the first paint.  Reading it
    before then builds the parts first; once built, the window's own attribute of that name
    hides this one."""

    def __set_name__(self, owner, name: str) -> None:
        self.name = name

    def __get__(self, window, owner=None):
        if window is None:
            return self
        window.build_parts()
        try:
            return window.__dict__[self.name]
        except KeyError:  # asked for while build_parts makes the parts before it
            raise AttributeError(f"{self.name} is not built yet") from None


class MainWindow(QMainWindow):
    """``settings`` holds window state; ``data_dir`` and ``cache_dir`` are the user's
    directories (resolved by the app) for the parts that store files.

    The core session, its signals and the feature parts are built right after the first
    paint (their imports and the lexicon are not needed to paint the window), or earlier on
    first use: see ``build_parts``.
    """

    session = BuiltAfterFirstPaint()  # core.corpus.session.Session: the open corpus
    session_signals = BuiltAfterFirstPaint()  # its news as Qt signals (session_signals.py)
    themes = BuiltAfterFirstPaint()
    search = BuiltAfterFirstPaint()
    bookmarks = BuiltAfterFirstPaint()
    quotes = BuiltAfterFirstPaint()
    across = BuiltAfterFirstPaint()
    undo_action = BuiltAfterFirstPaint()
    redo_action = BuiltAfterFirstPaint()
    preferences_action = BuiltAfterFirstPaint()

    def __init__(self, settings: QSettings, data_dir: str = "", cache_dir: str = "", parent=None):
        super().__init__(parent)
        self.settings = settings
        self.data_dir = data_dir
        self.cache_dir = cache_dir
        self._parts_built = False
        self._layout_defaults_applied = False
        self._first_paint_seen = False

        self.setObjectName("main_window")
        self.setWindowTitle("kzreader")
        self.setAcceptDrops(True)
        self.setDockNestingEnabled(True)
        self.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)

        self.interview_list = InterviewListView()
        self.reading_pane = ReadingPane()
        self.problems_view = ProblemsView()
        self.setCentralWidget(self.reading_pane)
        self._build_docks()
        self.dock_layout = ResponsiveDocks(self, [self.interviews_dock, self.questions_dock],
                                           [self.themes_dock, self.bookmarks_dock, self.search_dock])
        self.opener = CorpusOpener(self, settings)
        self.loader, self.watcher, self.status = self.opener.loader, self.opener.watcher, self.opener.status
        self.recent = self.opener.recent
        self.place = ReadingPlace(self, settings)
        build_menus(self)
        self._connect()
        self._restore_state()
        self.problems_visibility = ProblemsDockVisibility(self.problems_dock, self.problems_view, settings)

    # -- building ------------------------------------------------------------------------------
    def _build_docks(self) -> None:
        left = Qt.DockWidgetArea.LeftDockWidgetArea
        right = Qt.DockWidgetArea.RightDockWidgetArea
        self.interviews_dock = add_dock(self, self.tr("Interviews"), "interviews_dock", self.interview_list, left)
        self.questions_dock = add_dock(
            self, self.tr("Questions"), "questions_dock", self.reading_pane.navigator, left)
        self.splitDockWidget(self.interviews_dock, self.questions_dock, Qt.Orientation.Vertical)
        # the feature panels take their places in build_parts
        self.themes_dock = add_dock(
            self, self.tr("Themes"), "themes_dock", placeholder(self.tr("Themes will appear here.")), right)
        self.bookmarks_dock = add_dock(
            self, self.tr("Bookmarks"), "bookmarks_dock", placeholder(self.tr("Bookmarks will appear here.")), right)
        self.search_dock = add_dock(
            self, self.tr("Search"), "search_dock", placeholder(self.tr("Search will appear here.")), right)
        self.tabifyDockWidget(self.themes_dock, self.bookmarks_dock)
        self.tabifyDockWidget(self.bookmarks_dock, self.search_dock)
        self.themes_dock.raise_()
        self.problems_dock = add_dock(
            self, self.tr("Problems"), "problems_dock", self.problems_view, Qt.DockWidgetArea.BottomDockWidgetArea)

    def parts_built(self) -> bool:
        return self._parts_built

    def build_parts(self) -> None:
        """Build the session, the feature controllers, their panels and the rest of the Edit
        menu (once), and connect the session to the window's parts.

        Their imports (the core session, lexicon, bookmark store, search index, YAML, fuzzy
        matching) and the lexicon load are not needed to paint the window, so this runs right
        after the first paint, or before that when something needs them (opening files, a
        test, a shortcut).
        """
        if self._parts_built:
            return
        self._parts_built = True
        from kzreader.core.corpus.session import LoadSettings, Session

        from .library.session_signals import SessionSignals

        cache = os.path.join(self.cache_dir, "parsed") if self.cache_dir else None
        self.session = Session(settings=LoadSettings(cache_dir=cache))
        events = self.session_signals = SessionSignals(self.session, self)
        # the window's own parts first: the controllers' slots below read what they show
        events.cleared.connect(self.interview_list.clear)
        events.cleared.connect(self.problems_view.clear)
        events.cleared.connect(self.place.on_cleared)
        events.added.connect(lambda interviews, _problems: self.interview_list.append(interviews))
        events.added.connect(lambda _interviews, problems: self.problems_view.append(problems))
        events.added.connect(lambda *_: self.status.update_counts())
        events.loaded.connect(self.opener.on_loaded)
        self._build_controllers()
        # after the controllers: a theme filter applies before the first row is chosen
        events.added.connect(self.place.on_added)
        events.loaded.connect(self.place.on_loaded)
        complete_edit_menu(self)
        from .empty_hints import add_empty_hints  # here: not needed to paint the window

        add_empty_hints(self)

    def _build_controllers(self) -> None:
        """The feature controllers; each owns its panel's glue, the window only places them."""
        from .across.across_controller import AcrossController
        from .bookmarks.bookmarks_controller import BookmarksController
        from .reading.quote_actions import QuoteActions
        from .search.search_controller import SearchController
        from .themes.themes_controller import ThemesController

        self.themes = ThemesController(self)
        set_panel(self.themes_dock, self.themes.sidebar)
        self.search = SearchController(self)
        set_panel(self.search_dock, self.search.panel)
        self.reading_pane.add_bar(self.search.find_bar)
        self.bookmarks = BookmarksController(self)
        set_panel(self.bookmarks_dock, self.bookmarks.panel)
        self.quotes = QuoteActions(self)
        self.across = AcrossController(self)  # cross-reading window, similar questions, .qdpx export
        self.themes.filter_changed.connect(self.search.panel.set_theme_filter)
        self.bookmarks.set_citation_style(*self.quotes.citation_style_strings())

    def _connect(self) -> None:
        self.problems_view.count_changed.connect(self._on_problem_count)

    @Slot(int)
    def _on_problem_count(self, count: int) -> None:
        self.problems_dock.setWindowTitle(self.tr("Problems ({0})").format(count) if count else self.tr("Problems"))
        label_panel_toggles(self)  # a dock resets its menu entry to its title

    # -- what other parts and the app ask of the window -------------------------------------------
    @property
    def corpus(self):
        """The open corpus (core.corpus.corpus.Corpus) of the session."""
        return self.session.corpus

    @property
    def corpus_paths(self) -> list[str]:
        return self.opener.paths

    def open_paths(self, paths: list[str], restore: tuple[str, int] | None = None) -> None:
        self.opener.open(paths, restore)

    def restore_last_corpus(self) -> bool:
        return self.opener.restore_last()

    def show_interview(self, interview_id: str, number: int | None = 1) -> bool:
        return self.place.show_interview(interview_id, number)

    def shortcut_rows(self) -> list[tuple[str, str, str]]:
        return menu_shortcut_rows(self)

    def shortcuts_dialog(self):
        return keyboard_shortcuts(self)

    def show_preferences(self):
        return show_preferences(self)

    # -- drag and drop ----------------------------------------------------------------------------
    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802, A002 - Qt's names
        from .focus_chain import tab_on_screen  # here: only when Tab is pressed

        return tab_on_screen(self, next) or super().focusNextPrevChild(next)

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

    # -- state -------------------------------------------------------------------------------------
    def _restore_state(self) -> None:
        s = self.settings
        geometry = s.value(K_GEOMETRY)
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(open_size(self, 1280, 820))  # a small screen gets 90% of itself
        state = s.value(K_STATE)
        self._layout_defaults_applied = bool(state) and self.restoreState(state, _STATE_VERSION)
        self.interview_list.restore_header_state(s.value(K_HEADER), s.value(K_COLUMNS, "", type=str))
        self.place.restore_view()

    def save_state(self) -> None:
        s = self.settings
        s.setValue(K_GEOMETRY, self.saveGeometry())
        s.setValue(K_STATE, self.saveState(_STATE_VERSION))
        self.problems_visibility.save()  # how to read the dock's visibility in that state
        s.setValue(K_HEADER, self.interview_list.header_state())
        s.setValue(K_COLUMNS, self.interview_list.user_columns())
        self.place.save()
        s.sync()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._layout_defaults_applied:
            self._layout_defaults_applied = True
            # the dock sizes stick only once the layout has placed the docks: place them now,
            # so the first frame already has these proportions
            self.layout().activate()
            apply_default_layout(self, [self.interviews_dock, self.questions_dock], self.themes_dock,
                                 self.problems_dock)

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
