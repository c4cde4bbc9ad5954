"""Read Across's theme box at 720 px: a long theme name ends in "…" and can be read whole in
the tooltip, in the list's item tooltips, and in the list itself (as wide as its names)."""
from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from gui_helpers import open_and_wait, shown_tooltip  # noqa: E402
from kzreader.gui.across.across_view import MODE_THEME  # noqa: E402

SAMPLES = Path(__file__).resolve().parents[1] / "kzreader" / "resources" / "samples"
LONG = {"en": "Integration blocs (EAEU, CIS, CSTO, SCO, BRICS)",
        "ru": "Интеграционные объединения (ЕАЭС, СНГ, ОДКБ, ШОС, БРИКС)"}


def _tooltip(qtbot, widget) -> str:
    """The tooltip shown when the pointer rests on ``widget`` ("" when none is)."""
    from PySide6.QtCore import QEvent, QPoint
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QApplication, QToolTip

    QToolTip.hideText()
    qtbot.wait(10)
    centre = widget.rect().center()
    QApplication.sendEvent(widget, QHelpEvent(QEvent.Type.ToolTip, centre, widget.mapToGlobal(centre)))
    text = QToolTip.text() if QToolTip.isVisible() else ""
    QToolTip.hideText()
    return text


@pytest.mark.parametrize("language", ["en", "ru"])
def test_a_long_theme_name_is_elided_and_whole_in_the_tooltips(qtbot, window_in, language):
    w = window_in(language)
    w.show()
    qtbot.waitExposed(w)
    open_and_wait(qtbot, w, [SAMPLES])
    win = w.across.open_view(MODE_THEME)
    try:
        win.resize(720, 540)
        qtbot.waitExposed(win)
        qtbot.wait(20)
        combo = win.view.theme_combo
        row = next(i for i in range(combo.count()) if combo.itemText(i).startswith(LONG[language]))
        combo.setCurrentIndex(row)
        qtbot.waitUntil(lambda: win.view.count_label.text() != "")  # its count takes the bar's room
        qtbot.wait(20)
        full = combo.currentText()
        assert combo.fontMetrics().horizontalAdvance(full) > combo.width()  # too long for the box
        shown = combo.shown_text()
        assert shown.endswith("…") and full.startswith(shown[:-1])
        assert shown_tooltip(_tooltip(qtbot, combo)) == full
        assert shown_tooltip(combo.itemData(row, 3)) == full  # 3: Qt.ToolTipRole
        # the open list is as wide as its longest name (Qt widens the popup to its contents)
        combo.showPopup()
        popup = combo.view()
        qtbot.waitUntil(popup.isVisible)
        assert popup.width() >= combo.fontMetrics().horizontalAdvance(full)
        combo.hidePopup()
        # a short name shows whole, and the box then needs no tooltip
        short = min(range(combo.count()), key=lambda i: len(combo.itemText(i)))
        combo.setCurrentIndex(short)
        assert combo.shown_text() == combo.itemText(short)
        assert _tooltip(qtbot, combo) == ""
    finally:
        win.close()
        w.loader.shutdown()
