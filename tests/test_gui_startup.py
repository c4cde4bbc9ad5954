"""Start-up: the window paints before the feature parts are built (they follow right after, or
on first use), and the Problems dock stays out of the way until there is a problem."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QSettings, Qt  # noqa: E402
from PySide6.QtWidgets import QApplication, QMessageBox, QScrollArea, QWidget  # noqa: E402

from kzreader.core.model import Problem  # noqa: E402
from kzreader.gui.main_window import MainWindow  # noqa: E402
from kzreader.gui.library.problems_view import K_DOCK_MODE, ProblemsDockVisibility  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
LOAD_TIMEOUT = 20_000


def make(qtbot, tmp_path, **values) -> MainWindow:
    settings = QSettings(str(tmp_path / "settings" / "kzreader.ini"), QSettings.Format.IniFormat)
    for key, value in values.items():
        settings.setValue(key, value)
    w = MainWindow(settings, str(tmp_path / "data"), str(tmp_path / "cache"))
    qtbot.addWidget(w)
    return w


def shown(qtbot, w: MainWindow) -> MainWindow:
    w.show()
    qtbot.waitExposed(w)
    return w


def problem(name: str = "bad.txt") -> Problem:
    return Problem(f"/nowhere/{name}", "the file is empty", "error")


# -- the parts built after the first paint ---------------------------------------------------------
def test_parts_are_built_right_after_the_first_paint(qtbot, tmp_path):
    w = make(qtbot, tmp_path)
    assert not w._parts_built
    # placeholders hold the docks' places in the first paint
    assert not isinstance(w.themes_dock.widget(), QScrollArea)
    assert w.edit_menu.actions() == []
    shown(qtbot, w)
    qtbot.waitUntil(lambda: w._parts_built)
    assert w.themes_dock.widget().objectName() == "theme_sidebar_scroll"
    assert w.bookmarks_dock.widget().objectName() == "bookmarks_panel_scroll"
    assert w.search_dock.widget().objectName() == "search_panel_scroll"
    texts = [a.text() for a in w.edit_menu.actions() if not a.isSeparator()]
    assert texts[:2] == ["&Undo", "&Redo"] and "&Preferences…" in texts
    w.loader.shutdown()


def test_using_a_part_before_the_first_paint_builds_it(qtbot, tmp_path):
    w = make(qtbot, tmp_path)
    assert "themes" not in w.__dict__
    assert w.themes.sidebar is not None  # the attribute builds every part
    assert w._parts_built and w.bookmarks.panel is not None and w.search.find_bar is not None
    with pytest.raises(AttributeError):
        w.no_such_part  # noqa: B018 - other names still fail as usual
    # a toolbar action works before anything was built
    w2 = make(qtbot, tmp_path / "two")
    shown(qtbot, w2)
    w2.find_action.trigger()
    assert w2._parts_built and w2.search.find_bar.isVisible()
    w.loader.shutdown()
    w2.loader.shutdown()


def test_bookmark_store_problems_are_reported_once_the_window_is_up(qtbot, tmp_path, monkeypatch):
    data = tmp_path / "data"
    data.mkdir()
    (data / "bookmarks.json").write_text("{not json", encoding="utf-8")
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warned.append((parent, title)))
    w = make(qtbot, tmp_path)
    assert warned == []
    shown(qtbot, w)
    qtbot.waitUntil(lambda: len(warned) == 1)
    assert warned == [(w, "Bookmarks")]
    w.loader.shutdown()


def at_first_paint(seen: str, before_show: str = "") -> list[str]:
    """Start the window in a new process and return the words ``seen`` (an expression) gives
    at its first paint."""
    code = (
        "import sys, tempfile\n"
        "from PySide6 import QtCore, QtWidgets\n"
        "from PySide6.QtCore import QEvent, QObject\n"
        "from kzreader.gui import app\n"
        "qt, _ = app.create_application([])\n"
        "w = app.MainWindow(*app.user_locations(tempfile.mkdtemp()))\n"
        f"{before_show}\n"
        "class Watch(QObject):\n"
        "    def eventFilter(self, obj, event):\n"
        "        if event.type() == QEvent.Type.Paint and not hasattr(self, 'seen'):\n"
        f"            self.seen = {seen}\n"
        "        return False\n"
        "watch = Watch()\n"
        "w.installEventFilter(watch)\n"
        "w.show()\n"
        "qt.processEvents()\n"
        "print('seen:', *watch.seen)\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
                         check=True, timeout=60).stdout.split()
    assert out[:1] == ["seen:"]
    return out[1:]


def test_nothing_heavy_is_imported_before_the_first_paint():
    """The window is painted without the lexicon, YAML, the bookmark store or the search index."""
    out = at_first_paint("sorted(m for m in sys.modules if m.startswith(('kzreader', 'yaml', 'rapidfuzz',"
                         " 'Stemmer', 'pymorphy3', 'json')))")
    assert "kzreader.gui.main_window" in out and "kzreader.gui.reading.reading_pane" in out
    for heavy in ("yaml", "json", "Stemmer", "kzreader.core.text", "kzreader.core.corpus.stage_times",
                  "kzreader.core.search.analysers", "rapidfuzz", "pymorphy3", "kzreader.core.themes.themes",
                  "kzreader.core.themes.lexicon", "kzreader.core.themes.matching", "kzreader.core.annotations.bookmarks",
                  "kzreader.core.search.search", "kzreader.core.sources.sources", "kzreader.gui.themes.themes_controller",
                  "kzreader.gui.bookmarks.bookmarks_controller", "kzreader.gui.search.search_controller"):
        assert heavy not in out, heavy


def test_the_start_path_leaves_unneeded_qt_classes_alone():
    """PySide builds a class (and every enum in it) the first time it is touched; the window
    paints without the classes below.  QWizard and QFileDialog stand for the search through
    every widget class that a first plain ``viewport()`` call makes."""
    names = ["QWizard", "QFileDialog", "QDate", "QDateTime", "QTranslator", "QLibraryInfo", "QMimeData",
             "QListWidgetItem", "QScrollArea", "QStyle", "QStyleOptionViewItem", "QIcon"]
    touched = at_first_paint(
        f"[n for n in {names!r} if isinstance({{**vars(QtCore), **vars(QtWidgets)}}.get(n), type)]"
        " + [m for m in ('dataclasses',) if m in sys.modules]",
        before_show="w.reading_pane.text.viewport()  # as the benchmark does before showing")
    assert touched == []


def test_reading_text_viewport_is_its_own_plain_widget(qtbot, tmp_path):
    w = shown(qtbot, make(qtbot, tmp_path))
    text = w.reading_pane.text
    viewport = text.viewport()
    assert viewport is text._viewport  # the wrapper made at construction, not a new one
    assert type(viewport) is QWidget and viewport.parent() is text
    # the reading measure is centred in it: both side margins equal, the column at most 40 em
    root = text.document().rootFrame().frameFormat()
    assert root.leftMargin() == root.rightMargin() > 0
    w.loader.shutdown()


def test_plain_copy_from_the_reading_text_is_plain_text(qtbot):
    from PySide6.QtGui import QTextCursor

    from kzreader.gui.reading.reading_text import ReadingText

    text = ReadingText()
    qtbot.addWidget(text)
    text.setPlainText("Первый абзац.\nВторой абзац.")
    cursor = text.textCursor()
    cursor.setPosition(7)  # after "Первый "
    cursor.setPosition(18, QTextCursor.MoveMode.KeepAnchor)  # to "Втор", across the break at 13
    text.setTextCursor(cursor)
    mime = text.createMimeDataFromSelection()
    assert mime.text() == "абзац.\nВтор"  # the paragraph break (U+2029) as a newline
    assert not mime.hasHtml()


# -- the Problems dock -----------------------------------------------------------------------------
def test_problems_dock_is_hidden_while_empty_and_shown_on_the_first_problem(qtbot, tmp_path):
    w = shown(qtbot, make(qtbot, tmp_path))
    assert w.problems_dock.isHidden()
    pane_text = w.reading_pane.text
    pane_text.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is pane_text)
    w.problems_view.append([problem()])
    assert w.problems_dock.isVisible()
    assert w.problems_dock.windowTitle() == "Problems (1)"
    assert QApplication.focusWidget() is pane_text  # it does not take the focus
    assert w.dockWidgetArea(w.problems_dock) == Qt.DockWidgetArea.BottomDockWidgetArea
    w.problems_view.clear()  # a new corpus without problems
    assert w.problems_dock.isHidden()
    assert w.problems_visibility.mode == ProblemsDockVisibility.AUTO
    w.loader.shutdown()


def test_a_closed_problems_dock_stays_closed(qtbot, tmp_path):
    w = shown(qtbot, make(qtbot, tmp_path))
    w.problems_view.append([problem()])
    assert w.problems_dock.isVisible()
    w.problems_dock.close()  # its close button
    assert w.problems_visibility.mode == ProblemsDockVisibility.CLOSED
    w.problems_view.append([problem("other.txt")])
    assert w.problems_dock.isHidden()
    assert w.problems_dock.windowTitle() == "Problems (2)"  # still counted
    w.close()
    # and in the next session too
    again = shown(qtbot, make(qtbot, tmp_path))
    again.problems_view.append([problem()])
    assert again.problems_dock.isHidden()
    # View ▸ Panels ▸ Problems brings it back
    again.problems_dock.toggleViewAction().trigger()
    assert again.problems_dock.isVisible()
    assert again.problems_visibility.mode == ProblemsDockVisibility.AUTO
    again.loader.shutdown()


def test_problems_dock_opened_from_the_view_menu_stays_open_when_empty(qtbot, tmp_path):
    w = shown(qtbot, make(qtbot, tmp_path))
    toggle = w.problems_dock.toggleViewAction()
    assert not toggle.isChecked()
    toggle.trigger()
    assert w.problems_dock.isVisible() and toggle.isChecked()
    assert w.problems_visibility.mode == ProblemsDockVisibility.SHOWN
    w.problems_view.append([problem()])
    w.problems_view.clear()
    assert w.problems_dock.isVisible()
    w.loader.shutdown()


def test_problems_dock_keeps_where_the_user_put_it(qtbot, tmp_path):
    w = shown(qtbot, make(qtbot, tmp_path))
    w.problems_dock.toggleViewAction().trigger()  # open it (empty) ...
    w.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, w.problems_dock)  # ... and move it
    w.close()
    again = make(qtbot, tmp_path)
    assert again.dockWidgetArea(again.problems_dock) == Qt.DockWidgetArea.RightDockWidgetArea
    assert not again.problems_dock.isHidden()
    again.loader.shutdown()
    # a hidden dock moved to the left, in auto mode, comes back on the left with the first problem
    third = shown(qtbot, make(qtbot, tmp_path / "third"))
    third.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, third.problems_dock)
    third.problems_dock.hide()
    third.close()
    fourth = shown(qtbot, make(qtbot, tmp_path / "third"))
    assert fourth.problems_dock.isHidden()
    fourth.problems_view.append([problem()])
    assert fourth.problems_dock.isVisible()
    assert fourth.dockWidgetArea(fourth.problems_dock) == Qt.DockWidgetArea.LeftDockWidgetArea
    fourth.loader.shutdown()


def test_a_first_start_writes_no_settings_before_the_window_closes(qtbot, tmp_path):
    """Writing QSettings makes Qt write and sync their file on the next event-loop turn, which
    would come before the first paint; the dock's mode is stored with the layout instead."""
    w = make(qtbot, tmp_path)
    assert w.settings.allKeys() == []
    w.close()
    assert w.settings.value(K_DOCK_MODE) == ProblemsDockVisibility.AUTO


def test_a_layout_saved_before_with_problems_closed_keeps_it_closed(qtbot, tmp_path):
    """Settings from a version without the automatic dock: a hidden dock was the user's choice."""
    old = shown(qtbot, make(qtbot, tmp_path))
    old.problems_dock.close()
    old.close()
    settings = QSettings(str(tmp_path / "settings" / "kzreader.ini"), QSettings.Format.IniFormat)
    settings.remove(K_DOCK_MODE)
    settings.sync()
    w = shown(qtbot, make(qtbot, tmp_path))
    assert w.problems_visibility.mode == ProblemsDockVisibility.CLOSED
    w.problems_view.append([problem()])
    assert w.problems_dock.isHidden()
    w.loader.shutdown()


def test_problems_dock_appears_when_a_load_finds_bad_files(qtbot, tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "good.txt").write_text("Беседа.\n\n— Вопрос?\n\n— Ответ.\n", encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    w = shown(qtbot, make(qtbot, tmp_path))
    assert w.problems_dock.isHidden()
    with qtbot.waitSignal(w.loader.finished, timeout=LOAD_TIMEOUT):
        w.open_paths([str(folder)])
    assert w.problems_dock.isVisible()
    assert w.problems_view.model.rowCount() == 1
    assert json.loads(w.settings.value("corpus/paths")) == [str(folder)]
    w.loader.shutdown()


def test_recent_menu_is_filled_when_it_opens(qtbot, tmp_path):
    first = make(qtbot, tmp_path)
    first.recent.add(["/corpus/one"])
    first.close()
    w = make(qtbot, tmp_path)
    assert w.recent_menu.actions() == []  # nothing read before the first paint
    w.recent_menu.aboutToShow.emit()
    texts = [a.text() for a in w.recent_menu.actions() if not a.isSeparator()]
    assert texts == ["&1 /corpus/one", "&Clear Recent"]
    w.loader.shutdown()


def test_first_frame_of_a_first_start_already_has_the_default_dock_proportions(qtbot, tmp_path, monkeypatch):
    from PySide6.QtCore import QEvent, QObject

    from PySide6.QtCore import QSize

    import kzreader.gui.main_window as main_window

    # the proportions of the usual first size; offscreen's 800x800 screen would shrink it
    monkeypatch.setattr(main_window, "open_size", lambda widget, width, height: QSize(width, height))
    w = make(qtbot, tmp_path)  # no saved layout: the defaults apply
    at_first_paint = []

    class FirstPaint(QObject):
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint and not at_first_paint:
                at_first_paint.append((w.interviews_dock.width(), w.themes_dock.width()))
            return False

    spy = FirstPaint()
    w.installEventFilter(spy)
    shown(qtbot, w)
    qtbot.waitUntil(lambda: w._parts_built)
    QApplication.processEvents()
    # the list takes about a third of the 1280 px window, the theme sidebar about a fifth,
    # and nothing moves after the first frame
    settled = (w.interviews_dock.width(), w.themes_dock.width())
    assert at_first_paint == [settled]
    assert 380 < settled[0] < 480 and 240 < settled[1] < 330
    w.removeEventFilter(spy)
    w.loader.shutdown()


def test_a_first_start_opens_within_a_small_screen(qtbot, tmp_path):
    """The first window was 1280x820 whatever the screen, so on an 800x600 one its right part
    and status bar were off the screen; a saved geometry still wins."""
    w = make(qtbot, tmp_path)
    screen = w.screen().availableGeometry()
    assert w.width() <= screen.width() and w.height() <= screen.height()
    if screen.width() >= 1420 and screen.height() >= 911:  # room for the usual first size
        assert (w.width(), w.height()) == (1280, 820)
