"""Run by tests/test_gui_xcb_shortcuts.py in a child process on a real X server (the xcb
platform has the platform's standard keys; offscreen has none, which hid clashes).

Builds the window, types every key the shortcuts dialog lists into the reading pane and
prints one JSON object: for each (menu, action, key) whether the action got the key, and
whether Qt found it ambiguous; plus Qt's warnings about ambiguous overloads.
"""
from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSettings, QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from kzreader.gui.main_window import MainWindow
from kzreader.gui.shortcuts import display_keys, menu_actions

warnings: list[str] = []


def _on_message(kind, _context, text):
    if kind != QtMsgType.QtDebugMsg:
        warnings.append(text)


class ShortcutCatcher(QObject):
    """Takes the Shortcut event an action gets from its key, so the action's slot (a file
    dialog, quitting) does not run."""

    def __init__(self):
        super().__init__()
        self.seen: list[tuple[QAction, bool]] = []

    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Shortcut:
            self.seen.append((obj, event.isAmbiguous()))
            return True
        return False


def main() -> int:
    qInstallMessageHandler(_on_message)
    app = QApplication(sys.argv[:1])
    tmp = Path(tempfile.mkdtemp(prefix="kzreader-xcb-"))
    settings = QSettings(str(tmp / "kzreader.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings, str(tmp / "data"), str(tmp / "cache"))
    window.build_parts()
    window.resize(1280, 800)
    window.show()
    window.activateWindow()
    QTest.qWaitForWindowExposed(window, 5000)
    QTest.qWaitForWindowActive(window, 5000)
    target = window.reading_pane.text
    target.setFocus()
    app.processEvents()

    catcher = ShortcutCatcher()
    rows = []
    for menu, action in menu_actions(window.menuBar()):
        action.setEnabled(True)  # e.g. Undo with nothing to undo: the key must still reach it
        action.installEventFilter(catcher)
    for menu, action in menu_actions(window.menuBar()):
        for text in display_keys(action).split(", "):
            seq = QKeySequence(text, QKeySequence.SequenceFormat.NativeText)
            combo = seq[0]
            catcher.seen.clear()
            QTest.keyClick(target, combo.key(), combo.keyboardModifiers())
            app.processEvents()
            rows.append({
                "menu": menu,
                "action": action.text().replace("&", ""),
                "key": text,
                "fired": any(a is action and not amb for a, amb in catcher.seen),
                "ambiguous": any(amb for _, amb in catcher.seen),
                "others": [a.objectName() for a, _ in catcher.seen if a is not action],
            })
            if app.activePopupWidget() is not None:
                app.activePopupWidget().close()
    print(json.dumps({
        "platform": app.platformName(),
        "active": window.isActiveWindow(),
        "rows": rows,
        "warnings": [w for w in warnings if "mbiguous" in w],
    }))
    window.loader.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
