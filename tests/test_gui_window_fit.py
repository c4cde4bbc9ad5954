"""What a reader needs stays in sight at real window sizes, in English and Russian: the
toolbar's actions without its overflow arrow, the reading pane's header on few lines."""
from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from PySide6.QtWidgets import QToolBar, QToolButton  # noqa: E402

from gui_helpers import shown_tooltip  # noqa: E402

LANGUAGES = ("en", "ru")


def settle(qtbot, w, width, height):
    w.resize(width, height)
    w.show()
    qtbot.waitExposed(w)
    qtbot.wait(50)  # the docks are fitted after the resize, on the next turn of the loop
    w.layout().activate()


def _extension_button(bar: QToolBar) -> QToolButton:
    # Qt's "more" arrow: shown only when some of the toolbar's actions are hidden behind it
    return bar.findChild(QToolButton, "qt_toolbar_ext_button")


# an 800x600 screen opens the window at 90% of it (720 px), so the toolbar must fit there
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("width", [720, 800, 1920])
def test_every_toolbar_action_is_on_a_visible_button(qtbot, window_in, language, width):
    w = window_in(language)
    settle(qtbot, w, width, 600)
    bar = w.findChild(QToolBar, "main_toolbar")
    ext = _extension_button(bar)
    assert ext is None or not ext.isVisible()
    for action in bar.actions():
        if action.isSeparator():
            continue
        button = bar.widgetForAction(action)
        assert button.isVisible(), action.text()
        # the button's whole width lies inside the toolbar (not cut by the window's edge)
        assert button.geometry().right() <= bar.contentsRect().right(), action.text()


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_toolbar_button_with_a_short_label_says_it_all_in_its_tooltip(qtbot, window_in, language):
    w = window_in(language)
    bar = w.findChild(QToolBar, "main_toolbar")
    for action in (w.search_action, w.find_action, w.bookmark_action):
        full = action.text().replace("&", "").rstrip("…").strip()
        tip = shown_tooltip(action.toolTip())
        assert full in tip  # the menu's words, not only the button's short label
        assert action.shortcut().toString() in tip
        assert bar.widgetForAction(action).text() != ""
