"""The corpora opened before: the last one (reopened at start) and File ▸ Open Recent.

Kept in QSettings as JSON lists of paths, newest first.  The menu is filled when it opens:
reading the list is not needed to paint the window.  Its texts keep the window's translation
context.
"""
from __future__ import annotations


from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QMenu

translate = QCoreApplication.translate

MAX_RECENT = 10
K_PATHS = "corpus/paths"
K_RECENT = "corpus/recent"


def _json():
    import json  # here: not needed to paint the window (see interview_list._fold)

    return json


class RecentCorpora(QObject):
    """``open_requested(paths)`` when the user picks a corpus from ``menu``."""

    open_requested = Signal(list)

    def __init__(self, settings, parent=None):
        super().__init__(parent)
        self.settings = settings
        self.menu = QMenu(translate("MainWindow", "Open &Recent"), parent)
        self.menu.setObjectName("recent_menu")
        self.menu.aboutToShow.connect(self.fill_menu)

    def last(self) -> list[str]:
        """The paths of the corpus open when the program last ran ([] if none)."""
        return self._json_list(K_PATHS)

    def add(self, paths: list[str]) -> None:
        """``paths`` are opened now: the last corpus, and first in the recent list."""
        self.settings.setValue(K_PATHS, _json().dumps(paths))
        recent = [r for r in self._json_list(K_RECENT) if r != paths]
        recent.insert(0, paths)
        self.settings.setValue(K_RECENT, _json().dumps(recent[:MAX_RECENT]))
        self.fill_menu()

    def corpora(self) -> list[list[str]]:
        return [r for r in self._json_list(K_RECENT) if isinstance(r, list) and r]

    def fill_menu(self) -> None:
        menu = self.menu
        menu.clear()
        recent = self.corpora()
        for i, paths in enumerate(recent, 1):
            label = paths[0] if len(paths) == 1 else \
                translate("MainWindow", "{0} (+{1} more)").format(paths[0], len(paths) - 1)
            label = label.replace("&", "&&")  # a path's "&" is not a mnemonic
            action = menu.addAction(f"&{i} {label}" if i < 10 else label)
            action.triggered.connect(lambda _checked=False, p=paths: self.open_requested.emit(p))
        if recent:
            menu.addSeparator()
        clear = menu.addAction(translate("MainWindow", "&Clear Recent"))
        clear.setEnabled(bool(recent))
        clear.triggered.connect(self.clear)

    def clear(self) -> None:
        self.settings.setValue(K_RECENT, "[]")
        self.fill_menu()

    def _json_list(self, key: str) -> list:
        try:
            value = _json().loads(self.settings.value(key, "[]", type=str) or "[]")
        except (ValueError, TypeError):
            return []
        return value if isinstance(value, list) else []
