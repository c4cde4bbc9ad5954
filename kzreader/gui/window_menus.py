"""The main window's menus, toolbar and actions.

``build_menus(window)`` makes them before the first paint.  The actions become attributes of
the window (``window.find_action``…), where the parts and the tests reach them; an action
whose work belongs to a feature part reaches it through the window (``window.search``), which
builds the parts on first use.  ``complete_edit_menu(window)`` adds what the parts own once
they exist: Undo/Redo, Find Next/Previous, Preferences.  The texts keep the window's
translation context.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence

from kzreader import __version__

from .log_folder import open_log_folder
from .shortcuts import display_keys, merged_keys, shortcut_rows, shortcuts_dialog

translate = QCoreApplication.translate


def add_action(window, text: str, shortcuts, slot, name: str) -> QAction:
    action = QAction(text, window)
    action.setObjectName(name)
    action.setShortcuts(shortcuts)
    action.triggered.connect(slot)
    window.addAction(action)
    return action


def build_menus(window) -> None:
    bar = window.menuBar()
    _file_menu(window, bar.addMenu(translate("MainWindow", "&File")))
    _edit_actions(window, bar.addMenu(translate("MainWindow", "&Edit")))
    _view_menu(window, bar.addMenu(translate("MainWindow", "&View")))
    _go_menu(window, bar.addMenu(translate("MainWindow", "&Go")))
    _help_menu(window, bar.addMenu(translate("MainWindow", "&Help")))
    _toolbar(window)


def _file_menu(w, menu) -> None:
    opener = w.opener
    w.open_folder_action = add_action(
        w, translate("MainWindow", "Open &Folder…"), [QKeySequence("Ctrl+Shift+O")], opener.choose_folder,
        "action_open_folder")
    w.open_files_action = add_action(
        w, translate("MainWindow", "&Open Files…"), merged_keys(QKeySequence.StandardKey.Open, "Ctrl+O"),
        opener.choose_files, "action_open_files")
    w.recent_menu = opener.recent.menu
    w.quit_action = add_action(
        w, translate("MainWindow", "&Quit"), merged_keys(QKeySequence.StandardKey.Quit, "Ctrl+Q"), w.close,
        "action_quit")
    w.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
    w.reload_action = add_action(
        w, translate("MainWindow", "Re&load"), merged_keys("F5", QKeySequence.StandardKey.Refresh), opener.reload,
        "action_reload")
    w.stop_action = add_action(
        w, translate("MainWindow", "&Stop Loading"), [QKeySequence("Ctrl+.")], opener.stop, "action_stop_loading")
    w.stop_action.setEnabled(False)
    menu.addActions([w.open_folder_action, w.open_files_action])
    menu.addMenu(w.recent_menu)
    menu.addActions([w.reload_action, w.stop_action])
    menu.addSeparator()
    w.export_qdpx_action = add_action(
        w, translate("MainWindow", "&REFI-QDA Project (.qdpx)…"), [], lambda: w.across.export_qdpx(),
        "action_export_qdpx")
    menu.addMenu(translate("MainWindow", "&Export")).addAction(w.export_qdpx_action)
    menu.addSeparator()
    menu.addAction(w.quit_action)


def _edit_actions(w, menu) -> None:
    """The Edit menu is filled by complete_edit_menu; these actions of it are shown by the
    toolbar and the reading pane's context menu from the start."""
    w.edit_menu = menu
    w.copy_quote_action = add_action(
        w, translate("MainWindow", "Copy as &Quote"), [QKeySequence("Ctrl+Shift+C")],
        lambda: w.quotes.copy_as_quote(), "action_copy_quote")
    w.copy_exchange_action = add_action(
        w, translate("MainWindow", "Copy &Exchange"), [QKeySequence("Ctrl+Alt+C")],
        lambda: w.quotes.copy_exchange(), "action_copy_exchange")
    w.bookmark_action = add_action(
        w, translate("MainWindow", "&Bookmark Selection"), [QKeySequence("Ctrl+D")],
        lambda: w.bookmarks.bookmark_selection(), "action_bookmark")
    w.find_action = add_action(
        w, translate("MainWindow", "&Find in Interview…"), merged_keys(QKeySequence.StandardKey.Find, "Ctrl+F"),
        lambda: w.search.open_find(), "action_find")
    w.search_action = add_action(
        w, translate("MainWindow", "&Search All Interviews…"), [QKeySequence("Ctrl+Shift+F")],
        lambda: w.search.show_search(), "action_search")
    w.reading_pane.set_context_actions([w.copy_quote_action, w.copy_exchange_action, w.bookmark_action])


def complete_edit_menu(w) -> None:
    """Undo/redo and find next/previous, which belong to the parts, then the menu."""
    menu = w.edit_menu
    stack = w.bookmarks.undo_stack
    w.undo_action = stack.createUndoAction(w, translate("MainWindow", "&Undo"))
    w.undo_action.setObjectName("action_undo")
    w.undo_action.setShortcuts(merged_keys("Ctrl+Z", QKeySequence.StandardKey.Undo))
    w.redo_action = stack.createRedoAction(w, translate("MainWindow", "&Redo"))
    w.redo_action.setObjectName("action_redo")
    w.redo_action.setShortcuts(merged_keys("Ctrl+Shift+Z", "Ctrl+Y", QKeySequence.StandardKey.Redo))
    find_bar = w.search.find_bar
    find_bar.find_next_action.setObjectName("action_find_next")
    find_bar.find_previous_action.setObjectName("action_find_previous")
    w.addActions([w.undo_action, w.redo_action, find_bar.find_next_action, find_bar.find_previous_action])
    menu.addActions([w.undo_action, w.redo_action])
    menu.addSeparator()
    menu.addActions([w.copy_quote_action, w.copy_exchange_action])
    menu.addSeparator()
    menu.addAction(w.bookmark_action)
    menu.addSeparator()
    menu.addActions([w.find_action, find_bar.find_next_action, find_bar.find_previous_action, w.search_action])
    try:  # Preferences…, when the preferences dialog is part of this build
        from . import preferences
    except ImportError:
        return
    menu.addSeparator()
    # the platform's key where it has one (none on Linux desktops); Ctrl+, as elsewhere
    keys = merged_keys(QKeySequence.StandardKey.Preferences) or [QKeySequence("Ctrl+,")]
    w.preferences_action = add_action(
        w, translate("MainWindow", "&Preferences…"), keys, lambda: show_preferences(w, preferences),
        "action_preferences")
    w.preferences_action.setMenuRole(QAction.MenuRole.PreferencesRole)
    menu.addAction(w.preferences_action)


def show_preferences(w, preferences=None):
    if preferences is None:
        from . import preferences
    dialog = preferences.PreferencesDialog(w.settings, w.quotes.preview_context(), parent=w)
    dialog.setObjectName("preferences_dialog")
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    # Copy as Quote reads the settings each time; the bookmarks panel keeps its own copy
    dialog.citation_changed.connect(w.bookmarks.set_citation_style)
    dialog.open()
    return dialog


def _view_menu(w, menu) -> None:
    pane = w.reading_pane
    menu.addActions([pane.zoom_in_action, pane.zoom_out_action, pane.zoom_reset_action])
    menu.addSeparator()
    menu.addActions([pane.whole_action, pane.removed_action, pane.caret_action])
    menu.addSeparator()
    w.filter_action = add_action(
        w, translate("MainWindow", "&Filter Interviews"), [QKeySequence("Ctrl+L")], lambda: _focus_filter(w),
        "action_filter")
    w.theme_map_action = add_action(
        w, translate("MainWindow", "Theme &Map…"), [QKeySequence("Ctrl+Shift+M")], lambda: w.themes.open_map(),
        "action_theme_map")
    w.across_action = add_action(
        w, translate("MainWindow", "Read &Across Interviews…"), [QKeySequence("Ctrl+Shift+A")],
        lambda: w.across.open_view(), "action_read_across")
    menu.addActions([w.filter_action, w.theme_map_action, w.across_action])
    panels = menu.addMenu(translate("MainWindow", "&Panels"))
    for dock in (w.interviews_dock, w.questions_dock, w.themes_dock, w.bookmarks_dock,
                 w.search_dock, w.problems_dock):
        panels.addAction(dock.toggleViewAction())
    label_panel_toggles(w)


def label_panel_toggles(w) -> None:
    """View ▸ Panels entries with mnemonics (the dock titles have none; a dock resets its
    entry to its title when the title changes)."""
    for dock, text in ((w.interviews_dock, translate("MainWindow", "&Interviews")),
                       (w.questions_dock, translate("MainWindow", "&Questions")),
                       (w.themes_dock, translate("MainWindow", "&Themes")),
                       (w.bookmarks_dock, translate("MainWindow", "&Bookmarks")),
                       (w.search_dock, translate("MainWindow", "&Search")),
                       (w.problems_dock, translate("MainWindow", "&Problems"))):
        dock.toggleViewAction().setText(text)


def _focus_filter(w) -> None:
    w.interviews_dock.show()
    w.interview_list.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
    w.interview_list.filter_edit.selectAll()


def _go_menu(w, menu) -> None:
    pane = w.reading_pane
    menu.addActions([pane.prev_action, pane.next_action])
    menu.addSeparator()
    w.prev_interview_action = add_action(
        w, translate("MainWindow", "Previous &Interview"), [QKeySequence("Alt+Up"), QKeySequence("Ctrl+Shift+PgUp")],
        w.interview_list.select_previous, "action_prev_interview")
    w.next_interview_action = add_action(
        w, translate("MainWindow", "Ne&xt Interview"), [QKeySequence("Alt+Down"), QKeySequence("Ctrl+Shift+PgDown")],
        w.interview_list.select_next, "action_next_interview")
    menu.addActions([w.prev_interview_action, w.next_interview_action])
    menu.addSeparator()
    w.similar_action = add_action(
        w, translate("MainWindow", "&Similar Questions…"), [QKeySequence("Ctrl+Shift+S")],
        lambda: w.across.show_similar(), "action_similar_questions")
    menu.addAction(w.similar_action)
    pane.text.extra_context_actions.append(w.similar_action)  # and in the text's menu


def _help_menu(w, menu) -> None:
    w.shortcuts_action = add_action(
        w, translate("MainWindow", "&Keyboard Shortcuts"), [QKeySequence("F1")],
        lambda: keyboard_shortcuts(w).exec(), "action_shortcuts")
    w.about_action = add_action(w, translate("MainWindow", "&About kzreader"), [], lambda: _about(w), "action_about")
    w.about_action.setMenuRole(QAction.MenuRole.AboutRole)
    w.log_folder_action = add_action(
        w, translate("MainWindow", "Open &Log Folder"), [], lambda: open_log_folder(w), "action_open_log_folder")
    menu.addActions([w.shortcuts_action, w.log_folder_action, w.about_action])


def menu_shortcut_rows(w) -> list[tuple[str, str, str]]:
    """(menu, action, shortcuts) for every menu action that has a shortcut."""
    w.build_parts()  # the Edit menu is completed there
    return shortcut_rows(w.menuBar())


def keyboard_shortcuts(w):
    """The Help ▸ Keyboard Shortcuts dialog."""
    return shortcuts_dialog(w, menu_shortcut_rows(w))


def _about(w) -> None:
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.about(
        w, translate("MainWindow", "About kzreader"),
        translate("MainWindow", "kzreader {0}\n\nA reader for collections of published interviews: "
                  "read them question by question, compare, bookmark and quote.").format(__version__))


def _toolbar(w) -> None:
    """The reader's most used actions, one click away (text only: no icon theme offscreen)."""
    bar = w.addToolBar(translate("MainWindow", "Main toolbar"))
    bar.setObjectName("main_toolbar")
    bar.setAccessibleName(translate("MainWindow", "Main toolbar"))
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    bar.addActions([w.open_folder_action, w.reload_action])
    bar.addSeparator()
    bar.addActions([w.bookmark_action, w.copy_quote_action, w.find_action, w.search_action])
    # short button labels, so every button fits an 800 px screen's window in Russian too (the
    # menus' words took 899 px and hid "Search All Interviews" behind the overflow arrow);
    # the tooltip keeps the menu's words and adds the keys
    for action, label in ((w.open_folder_action, translate("MainWindow", "Open Folder")),
                          (w.reload_action, translate("MainWindow", "Reload")),
                          (w.bookmark_action, translate("MainWindow", "Bookmark")),
                          (w.copy_quote_action, translate("MainWindow", "Copy Quote")),
                          (w.find_action, translate("MainWindow", "Find")),
                          (w.search_action, translate("MainWindow", "Search All"))):
        action.setIconText(label)
        words = action.text().replace("&", "").rstrip("…")
        keys = display_keys(action)
        action.setToolTip(f"{words} ({keys})" if keys else words)
