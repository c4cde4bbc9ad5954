"""The Problems panel in a small window: it does not open by itself over the reading pane (at
800x600 it took 150 px of it); the status bar's "Problems: N" button says there are some and
opens it, and a panel the user opened stays as the user left it.  In a roomy window it still
opens by itself."""
from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QToolButton  # noqa: E402

from kzreader.core.model import Problem  # noqa: E402
from kzreader.gui.library.problems_view import ProblemsDockVisibility  # noqa: E402

BUTTON = {"en": "Problems: {0}", "ru": "Проблемы: {0}"}


def _problem(name="bad.txt"):
    return Problem(f"/nowhere/{name}", "the file is empty", "error")


def _window(qtbot, window_in, language, size):
    w = window_in(language)
    w.resize(*size)
    w.show()
    qtbot.waitExposed(w)
    qtbot.wait(50)  # the docks are fitted after the resize
    return w


def _next_session(qtbot, w, tmp_path):
    """A new window on ``w``'s settings (``w`` closed), at 800x600."""
    from kzreader.gui.main_window import MainWindow

    again = MainWindow(w.settings, str(tmp_path / "data"), str(tmp_path / "cache"))
    qtbot.addWidget(again)
    again.resize(800, 600)
    again.show()
    qtbot.waitExposed(again)
    return again


def _button(w) -> QToolButton:
    return w.statusBar().findChild(QToolButton, "problems_status_button")


@pytest.mark.parametrize("language", ["en", "ru"])
@pytest.mark.parametrize("size", [(720, 540), (800, 600)])
def test_in_a_small_window_problems_are_a_status_bar_button_not_a_panel(qtbot, window_in, language, size):
    w = _window(qtbot, window_in, language, size)
    pane = w.reading_pane.height()
    w.problems_view.append([_problem(), _problem("other.txt")])
    qtbot.wait(20)
    assert w.problems_dock.isHidden()
    assert w.reading_pane.height() >= pane - 2  # the text keeps its room (it lost 150 px)
    button = _button(w)
    assert button.isVisible() and button.text() == BUTTON[language].format(2)
    assert w.problems_dock.windowTitle().endswith("(2)")  # the panel's menu entry counts them too
    assert w.problems_visibility.mode == ProblemsDockVisibility.AUTO  # nothing the user chose


def test_the_button_opens_the_panel_and_it_stays_as_the_user_left_it(qtbot, window_in):
    w = _window(qtbot, window_in, "en", (800, 600))
    w.problems_view.append([_problem()])
    button = _button(w)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(w.problems_dock.isVisible)
    assert not button.isVisible()
    w.problems_view.append([_problem("other.txt")])  # more problems: still open
    assert w.problems_dock.isVisible()
    w.problems_dock.close()  # the user closes it: closed, and the button is the way back
    assert w.problems_visibility.mode == ProblemsDockVisibility.CLOSED
    qtbot.waitUntil(button.isVisible)
    assert button.text() == "Problems: 2"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(w.problems_dock.isVisible)
    assert w.problems_visibility.mode == ProblemsDockVisibility.AUTO


def test_no_problems_no_button(qtbot, window_in):
    w = _window(qtbot, window_in, "en", (800, 600))
    assert not _button(w).isVisible()
    w.problems_view.append([_problem()])
    assert _button(w).isVisible()
    w.problems_view.clear()  # a new corpus without problems
    assert not _button(w).isVisible()


def test_in_a_roomy_window_the_panel_still_opens_by_itself(qtbot, window_in):
    w = _window(qtbot, window_in, "en", (1280, 820))
    w.problems_view.append([_problem()])
    assert w.problems_dock.isVisible()
    assert w.dockWidgetArea(w.problems_dock) == Qt.DockWidgetArea.BottomDockWidgetArea
    assert not _button(w).isVisible()


def test_a_panel_the_user_opened_comes_back_with_the_next_problems(qtbot, window_in, tmp_path):
    w = _window(qtbot, window_in, "en", (800, 600))
    w.problems_view.append([_problem()])
    qtbot.mouseClick(_button(w), Qt.MouseButton.LeftButton)  # the user opens it
    qtbot.waitUntil(w.problems_dock.isVisible)
    w.problems_view.clear()  # a corpus without problems: nothing to list, it goes
    assert w.problems_dock.isHidden()
    w.problems_view.append([_problem("other.txt")])  # and comes back with the next ones
    assert w.problems_dock.isVisible()
    w.close()  # left open at the end of the session ...
    again = _next_session(qtbot, w, tmp_path)
    assert again.problems_dock.isHidden()  # (empty)
    again.problems_view.append([_problem()])
    assert again.problems_dock.isVisible()  # ... open in the next one, small as it is
    again.loader.shutdown()


def test_a_panel_never_opened_in_a_small_window_stays_a_button_in_the_next_session(qtbot, window_in, tmp_path):
    w = _window(qtbot, window_in, "en", (800, 600))
    w.problems_view.append([_problem()])
    w.close()
    again = _next_session(qtbot, w, tmp_path)
    again.problems_view.append([_problem()])
    assert again.problems_dock.isHidden() and _button(again).isVisible()
    again.loader.shutdown()


def test_the_button_shows_while_the_panel_is_behind_another_tab(qtbot, window_in):
    w = _window(qtbot, window_in, "en", (1280, 820))
    w.problems_view.append([_problem()])
    assert w.problems_dock.isVisible() and not _button(w).isVisible()
    w.tabifyDockWidget(w.themes_dock, w.problems_dock)  # the user drags it onto the Themes tab
    w.themes_dock.raise_()
    qtbot.waitUntil(_button(w).isVisible)
    qtbot.mouseClick(_button(w), Qt.MouseButton.LeftButton)  # brings its tab to the front
    qtbot.waitUntil(lambda: not w.problems_dock.visibleRegion().isEmpty())
    assert not _button(w).isVisible()
