"""Theme, search, find and bookmark marks stay apart from each other, from the page and from
the question box, for every default theme colour: measured as CIE76 ΔE, not judged by eye."""
from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from PySide6.QtGui import QColor, QPalette, QTextCharFormat  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from kzreader.core.themes.lexicon import Lexicon  # noqa: E402
from kzreader.gui.search import search_controller  # noqa: E402
from kzreader.gui.reading.highlight_colours import (  # noqa: E402
    MIN_DELTA_E, blend, delta_e, distances, theme_tint)
from kzreader.gui.reading.document import reading_colours  # noqa: E402


def test_delta_e_is_cie76():
    # hand-checked CIELAB values: white L*=100, black L*=0; pure red is about (53.2, 80.1, 67.2)
    assert delta_e(QColor("#ffffff"), QColor("#000000")) == pytest.approx(100, abs=0.1)
    assert delta_e(QColor("#ff0000"), QColor("#ffffff")) == pytest.approx((46.8**2 + 80.1**2 + 67.2**2) ** 0.5, abs=0.5)
    assert blend(QColor(0, 0, 0), 0.25, QColor(200, 100, 0)).getRgb()[:3] == (150, 75, 0)


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_every_default_theme_tint_keeps_its_distance(qtbot, dark):
    app = QApplication.instance()
    pal = QPalette(app.palette())
    if dark:  # a dark desktop's reading colours
        pal.setColor(QPalette.ColorRole.Base, QColor("#1e1e1e"))
        pal.setColor(QPalette.ColorRole.Text, QColor("#e6e6e6"))
        pal.setColor(QPalette.ColorRole.Highlight, QColor("#2a82da"))
    colours = reading_colours(pal)
    page, box, selection = colours["page"], colours["question_bg"], pal.color(QPalette.ColorRole.Highlight)
    themes = Lexicon.load_default().themes
    assert len(themes) >= 12
    for theme in themes:
        tint = theme_tint(QColor(theme.colour), page, box, selection)
        gaps = distances(QColor(theme.colour), tint.alphaF(), page, box, selection)
        assert min(gaps.values()) >= MIN_DELTA_E, (theme.id, {k: round(v, 1) for k, v in gaps.items()})
    # the search colours apart from each other and from the page and the box
    match, current = search_controller.MATCH_COLOUR, search_controller.CURRENT_COLOUR
    for a, b in ((match, current), (match, page), (current, page), (match, box), (current, box)):
        assert delta_e(a, b) >= MIN_DELTA_E, (a.name(), b.name())


def test_bookmarks_are_underlined_not_filled_like_the_selection(qtbot, tmp_path):
    from gui_helpers import make_window, open_and_wait
    from pathlib import Path

    samples = Path(__file__).resolve().parents[1] / "kzreader" / "resources" / "samples"
    w = make_window(qtbot, tmp_path)
    open_and_wait(qtbot, w, [samples / "energy_dialogue.txt"])
    try:
        w.bookmarks.bookmark_selection()  # no selection: the current exchange
        pane = w.reading_pane
        marks = [(QTextCharFormat(s.format).underlineStyle(), QTextCharFormat(s.format).background().style())
                 for s in pane.text.extraSelections()]
        assert marks
        for underline, fill in marks:
            assert underline == QTextCharFormat.UnderlineStyle.DotLine
            assert fill.name == "NoBrush"
    finally:
        w.loader.shutdown()
