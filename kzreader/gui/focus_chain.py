"""Tab and Shift+Tab over what the reader can see.  A dock behind another dock's tab stays
"visible" to Qt, only moved off the window's edge, so Qt's own focus chain went into the
hidden Themes, Search and Bookmarks panels: at 800 px Tab from the questions vanished for
a dozen presses."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget


def _takes_tab(w: QWidget) -> bool:
    return (bool(w.focusPolicy() & Qt.FocusPolicy.TabFocus) and w.isEnabled() and w.isVisible()
            and w.focusProxy() is None and not w.visibleRegion().isEmpty())


def next_on_screen(window: QWidget, forward: bool) -> QWidget | None:
    """The widget Tab (``forward``) or Shift+Tab moves to from the focus in ``window``:
    the next one in Qt's focus chain that takes Tab and shows on screen."""
    start = QApplication.focusWidget() or window
    w = start
    while True:
        w = w.nextInFocusChain() if forward else w.previousInFocusChain()
        if w is start or w is None:
            return None
        if w.window() is window and _takes_tab(w):
            return w


def tab_on_screen(window: QWidget, forward: bool) -> bool:
    """Move the focus as Tab (``forward``) or Shift+Tab does, past hidden panels; False when
    there is nowhere to go (Qt's own chain is then left to answer)."""
    target = next_on_screen(window, forward)
    if target is None:
        return False
    target.setFocus(Qt.FocusReason.TabFocusReason if forward else Qt.FocusReason.BacktabFocusReason)
    return True
