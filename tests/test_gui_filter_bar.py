"""Filters are shown as such: the filter bar names the themes and the list's text, counts what
is left of the corpus, offers Any/All and Clear; the status bar and "Question N of M" count
what is visible; a chosen theme opens at its first highlighted passage."""
from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from kzreader.core.corpus.corpus import load_file  # noqa: E402
from kzreader.core.themes.lexicon import Lexicon  # noqa: E402
from kzreader.core.themes.themes import tag_corpus  # noqa: E402
from gui_helpers import make_window, open_and_wait  # noqa: E402


@pytest.fixture
def loaded(qtbot, tmp_path, seeds_dir):
    w = make_window(qtbot, tmp_path)
    w.resize(1280, 800)
    w.show()
    qtbot.waitExposed(w)
    open_and_wait(qtbot, w, [seeds_dir])
    yield w
    w.loader.shutdown()


def _tagging(seeds_dir):
    interviews = [load_file(str(p)) for p in sorted(seeds_dir.glob("*.txt"))]
    return interviews, tag_corpus(Lexicon.load_default(), interviews)


def _two_themes(expected, interviews):
    """Two themes that meet in some question but not in every one of them (so All differs)."""
    ids = [t.id for t in Lexicon.load_default().themes]
    for a in ids:
        for b in ids:
            if a < b:
                any_n = sum(len(expected.exchanges_with(iv.id, [a, b])) for iv in interviews)
                all_n = sum(len(expected.exchanges_with(iv.id, [a, b], True)) for iv in interviews)
                if 0 < all_n < any_n:
                    return a, b, any_n, all_n
    pytest.fail("no two seed themes that meet in only some questions")


def test_the_bar_says_what_is_filtered_and_counts_what_is_left(loaded, seeds_dir, qtbot):
    interviews, expected = _tagging(seeds_dir)
    bar = loaded.themes.filter_bar
    total_q = sum(len(iv.exchanges) for iv in interviews)
    assert not bar.isVisible()
    assert loaded.status.count_label.text() == "5 interviews"

    a, b, any_n, all_n = _two_themes(expected, interviews)
    lexicon = Lexicon.load_default()
    names = [lexicon.get(t).name(loaded.themes.language) for t in (a, b)]
    loaded.themes.select_themes([a, b])
    assert bar.isVisible()
    assert all(n in bar.what_label.text() for n in names)
    any_iv = len(expected.interviews_with([a, b]))
    assert bar.count_label.text() == f"{any_iv} of 5 interviews, {any_n} of {total_q} questions"
    assert bar.any_button.isVisible() and bar.all_button.isVisible() and bar.any_button.isChecked()
    if any_iv < 5:
        assert loaded.status.count_label.text() == f"{any_iv} of 5 interviews"

    # All: only the questions where both themes meet
    bar.all_button.click()
    all_iv = [iv.id for iv in interviews if expected.exchanges_with(iv.id, [a, b], True)]
    assert set(loaded.interview_list.visible_ids()) == set(all_iv)
    assert bar.count_label.text() == f"{len(all_iv)} of 5 interviews, {all_n} of {total_q} questions"
    pane = loaded.reading_pane
    iv = pane.interview()
    assert iv.id in all_iv
    kept = expected.exchanges_with(iv.id, [a, b], True)
    assert pane.visible_navigator_numbers() == kept
    # "Question N of M" counts the questions shown, and names the question's own number
    assert pane.current_number() == kept[0]
    n_all = len(iv.exchanges)
    assert pane.position_label.text() == f"Question 1 of {len(kept)} shown (no. {kept[0]} of {n_all})"
    # Next steps through the questions the filter keeps
    if len(kept) > 1:
        pane.next_action.trigger()
        assert pane.current_number() == kept[1]
    else:
        assert not pane.next_action.isEnabled()

    # the list's own text filter shows too, and Clear drops both
    loaded.interview_list.filter_edit.setText("Токаев")
    assert "Токаев" in bar.what_label.text()
    bar.clear_button.click()
    assert not bar.isVisible()
    assert loaded.themes.selected == [] and loaded.interview_list.filter_edit.text() == ""
    assert loaded.interview_list.visible_count() == 5
    assert loaded.status.count_label.text() == "5 interviews"
    assert pane.position_label.text().startswith("Question ") and "shown" not in pane.position_label.text()


def test_a_chosen_theme_opens_at_its_first_highlighted_passage(loaded, seeds_dir, qtbot):
    interviews, expected = _tagging(seeds_dir)
    pane = loaded.reading_pane
    # a theme that is not in the first question of the open interview
    iv = pane.interview()
    tid = next(t.id for t in Lexicon.load_default().themes
               if expected.exchanges_with(iv.id, [t.id]) and 1 not in expected.exchanges_with(iv.id, [t.id]))
    loaded.themes.select_themes([tid])
    first = expected.exchanges_with(iv.id, [tid])[0]
    assert pane.current_number() == first
    ranges, _colour = pane._highlights[f"theme:{tid}"]
    start = min(a for a, _b in ranges)
    # the first highlighted word lies inside the visible part of the text
    cursor = pane.text.textCursor()
    cursor.setPosition(pane.document_position(start))
    rect = pane.text.cursorRect(cursor)
    assert 0 <= rect.top() and rect.bottom() <= pane.text.viewport().height()
