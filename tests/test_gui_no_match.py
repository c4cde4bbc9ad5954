"""When the list's filter hides every interview, the reading pane says no interview matches
(it does not keep showing one the list no longer has), and the interview comes back at its
question when the filter lets it through again."""
from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from gui_helpers import open_and_wait  # noqa: E402

NO_MATCH = {
    "en": "No interview matches the filter.",
    "ru": "Ни одно интервью не подходит под фильтр.",
}


@pytest.fixture
def reading(qtbot, window_in, seeds_dir):
    made = []

    def make(language):
        w = window_in(language)
        w.resize(1000, 700)
        w.show()
        qtbot.waitExposed(w)
        open_and_wait(qtbot, w, [seeds_dir])
        made.append(w)
        return w

    yield make
    for w in made:
        w.loader.shutdown()


def _read_second_at_question_3(w):
    second = w.interview_list.visible_ids()[1]
    assert w.show_interview(second, 3)
    assert w.reading_pane.current_number() == 3
    return second


def _filter_out_everything(qtbot, w):
    """Read the second interview at question 3, then filter out every interview; its id."""
    second = _read_second_at_question_3(w)
    w.interview_list.filter_edit.setText("zzzqqq")
    qtbot.waitUntil(lambda: w.reading_pane.interview() is None)
    return second


@pytest.mark.parametrize("language", ["en", "ru"])
def test_a_filter_that_hides_every_interview_empties_the_pane_and_says_why(qtbot, reading, language):
    w = reading(language)
    pane = w.reading_pane
    _filter_out_everything(qtbot, w)
    text = pane.document().toPlainText()
    assert NO_MATCH[language] in text
    # nothing of the interview that was shown: no title, no questions to step through
    assert not pane.title_label.isVisible() and not pane.nav_bar.isVisible()
    assert pane.navigator.count() == 0
    assert w.windowTitle() == "kzreader"


def test_clearing_the_filter_brings_the_interview_back_at_its_question(qtbot, reading):
    w = reading("en")
    pane = w.reading_pane
    second = _filter_out_everything(qtbot, w)
    w.interview_list.filter_edit.clear()
    qtbot.waitUntil(lambda: pane.interview() is not None)
    assert pane.interview().id == second
    assert pane.current_number() == 3
    assert w.interview_list.current_interview_id() == second  # the list shows where the reader is
    assert NO_MATCH["en"] not in pane.document().toPlainText()


def test_a_filter_that_lets_only_another_interview_through_opens_that_one(qtbot, reading):
    w = reading("en")
    pane = w.reading_pane
    second = _filter_out_everything(qtbot, w)
    first = w.interview_list.source_model.interview(0)
    assert first.id != second
    w.interview_list.set_id_filter([first.id])  # e.g. a theme carried only by the first
    w.interview_list.filter_edit.clear()
    qtbot.waitUntil(lambda: pane.interview() is not None)
    assert pane.interview().id == first.id



def test_a_reload_while_the_filter_hides_everything_keeps_the_place_to_come_back_to(qtbot, reading):
    w = reading("en")
    pane = w.reading_pane
    second = _filter_out_everything(qtbot, w)
    with qtbot.waitSignal(w.loader.finished, timeout=20_000):
        w.opener.reload()
    qtbot.waitUntil(lambda: NO_MATCH["en"] in pane.document().toPlainText())
    assert pane.interview() is None
    w.interview_list.filter_edit.clear()
    qtbot.waitUntil(lambda: pane.interview() is not None)
    assert (pane.interview().id, pane.current_number()) == (second, 3)


def test_the_place_put_aside_is_the_one_saved_for_the_next_start(qtbot, reading):
    w = reading("en")
    second = _filter_out_everything(qtbot, w)
    w.place.save()
    assert w.place.last() == (second, 3)
