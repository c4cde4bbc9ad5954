"""Every wired feature is reachable from the keyboard, without two actions on one key."""
from __future__ import annotations

import collections

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtGui import QKeySequence  # noqa: E402

from kzreader.gui.main_window import MainWindow  # noqa: E402


def test_menu_shortcuts_cover_the_wired_features_and_do_not_clash(qtbot, tmp_path):
    settings = QSettings(str(tmp_path / "kzreader.ini"), QSettings.Format.IniFormat)
    w = MainWindow(settings, str(tmp_path / "data"), str(tmp_path / "cache"))
    qtbot.addWidget(w)
    try:
        keys = collections.Counter()
        by_key = {}
        for menu, action, shortcuts in w.shortcut_rows():
            for key in shortcuts.split(", "):
                keys[key] += 1
                by_key[key] = (menu, action)
        native = QKeySequence.SequenceFormat.NativeText
        wanted = {
            "Ctrl+D": "Bookmark Selection",
            "Ctrl+Shift+C": "Copy as Quote",
            "Ctrl+F": "Find in Interview…",
            "F3": "Find Next",
            "Shift+F3": "Find Previous",
            "Ctrl+Shift+F": "Search All Interviews…",
            "Ctrl+Z": "Undo",
            "Ctrl+Shift+Z": "Redo",
            "Ctrl+Shift+M": "Theme Map…",
            "F5": "Reload",
            "Ctrl+Alt+C": "Copy Exchange",
        }
        for key, action in wanted.items():
            shown = QKeySequence(key).toString(native)
            assert keys[shown] == 1, key  # one action per key, or the key does nothing
            assert shown in by_key, key
            assert by_key[shown][1].startswith(action.split("…")[0].split(" ")[0]), (key, by_key[shown])
        # the copy actions and Ctrl+D are also in the reading pane's context menu
        assert {w.copy_quote_action, w.copy_exchange_action, w.bookmark_action} <= set(
            w.reading_pane.text.extra_context_actions)
    finally:
        w.loader.shutdown()


def test_preferences_opens_and_changes_the_citation_style(qtbot, tmp_path):
    settings = QSettings(str(tmp_path / "kzreader.ini"), QSettings.Format.IniFormat)
    w = MainWindow(settings, str(tmp_path / "data"), str(tmp_path / "cache"))
    qtbot.addWidget(w)
    try:
        assert w.preferences_action in w.findChildren(type(w.preferences_action))
        dialog = w.show_preferences()
        qtbot.addWidget(dialog)
        assert dialog.isVisible()
        with qtbot.waitSignal(dialog.citation_changed):
            dialog.style_combo.setCurrentIndex(dialog.style_combo.findData("gost"))
            dialog.accept()
        assert w.quotes.citation_style()[0] == "gost"
        assert w.bookmarks.panel.citation_style()[0] == "gost"
    finally:
        w.loader.shutdown()


def test_toolbar_offers_bookmark_and_quote(qtbot, tmp_path):
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QToolBar

    from kzreader.gui.main_window import MainWindow

    w = MainWindow(QSettings(str(tmp_path / "t.ini"), QSettings.Format.IniFormat), str(tmp_path / "d"), str(tmp_path / "c"))
    qtbot.addWidget(w)
    bar = w.findChild(QToolBar, "main_toolbar")
    assert bar is not None
    assert w.bookmark_action in bar.actions() and w.copy_quote_action in bar.actions()
