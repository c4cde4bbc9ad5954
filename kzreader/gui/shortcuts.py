"""Key lists for actions: the platform's standard keys merged with our own, each key once.

A key bound twice to the same action (the platform's Quit is Ctrl+Q on X11, and we add
Ctrl+Q for the platforms that have none) registers two shortcuts for one sequence; Qt then
reports an "ambiguous shortcut overload" and the key does nothing.  So every action with a
standard key builds its list here.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence

# Keys from Qt::Key_Back up are media and browser keys (Refresh, ZoomIn, Back…), and F13 and
# above exist on few keyboards (X11 binds F14 to Undo): a platform may bind them, but they are
# no keys a reader types, so the shortcuts dialog leaves them out.
_FIRST_MEDIA_KEY = Qt.Key.Key_Back.value
_RARE_F_KEYS = range(Qt.Key.Key_F13.value, Qt.Key.Key_F35.value + 1)


def merged_keys(*parts) -> list[QKeySequence]:
    """Each part is a key string ("Ctrl+Q"), a QKeySequence or a StandardKey (all of the
    platform's bindings for it); the result keeps the first occurrence of each sequence and
    drops empty ones (offscreen and some platforms have no standard keys)."""
    out: list[QKeySequence] = []
    for part in parts:
        if isinstance(part, QKeySequence.StandardKey):
            seqs = QKeySequence.keyBindings(part)
        else:
            seqs = [QKeySequence(part)]
        for seq in seqs:
            if not seq.isEmpty() and seq not in out:
                out.append(seq)
    return out


def _typeable(seq: QKeySequence) -> bool:
    if seq.isEmpty():
        return False
    key = seq[0].key().value
    return key < _FIRST_MEDIA_KEY and key not in _RARE_F_KEYS


def display_keys(action: QAction) -> str:
    """The action's keys for people: native text, each once, no media keys."""
    shown: list[str] = []
    for seq in action.shortcuts():
        if not _typeable(seq):
            continue
        text = seq.toString(QKeySequence.SequenceFormat.NativeText)
        if text and text not in shown:
            shown.append(text)
    return ", ".join(shown)


def menu_actions(menu_bar) -> list[tuple[str, QAction]]:
    """(top menu's title, action) for every action with a key, submenus included."""
    out: list[tuple[str, QAction]] = []

    def walk(menu, title: str) -> None:
        for action in menu.actions():
            if action.menu() is not None:
                walk(action.menu(), title)
            elif display_keys(action):
                out.append((title, action))

    for top in menu_bar.actions():
        if top.menu() is not None:
            walk(top.menu(), top.text().replace("&", ""))
    return out


def shortcut_rows(menu_bar) -> list[tuple[str, str, str]]:
    """(menu, action, keys) as Help ▸ Keyboard Shortcuts lists them."""
    return [(title, action.text().replace("&", ""), display_keys(action)) for title, action in menu_actions(menu_bar)]


def shortcuts_dialog(parent, rows):
    """The Keyboard Shortcuts dialog for ``rows`` (see shortcut_rows)."""
    from PySide6.QtWidgets import (
        QDialog, QDialogButtonBox, QHeaderView, QTableWidget, QTableWidgetItem, QVBoxLayout)

    dialog = QDialog(parent)
    dialog.setWindowTitle(QCoreApplication.translate("MainWindow", "Keyboard Shortcuts"))
    table = QTableWidget(len(rows), 3, dialog)
    table.setHorizontalHeaderLabels([QCoreApplication.translate("MainWindow", "Menu"),
                                     QCoreApplication.translate("MainWindow", "Action"),
                                     QCoreApplication.translate("MainWindow", "Keys")])
    table.verticalHeader().hide()
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setTabKeyNavigation(False)  # Tab reaches the Close button
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.setItem(r, c, QTableWidgetItem(text))
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(table)
    layout.addWidget(buttons)
    dialog.resize(560, 480)
    return dialog
