"""The search panel (Ctrl+Shift+F) and the find bar (Ctrl+F), driven with pytest-qt."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from kzreader.core.search.search import SearchIndex
from kzreader.gui.reading.find_bar import FindBar
from kzreader.gui.search.search_panel import (
    EXCHANGE_ROLE,
    HIGHLIGHTS_ROLE,
    INTERVIEW_ID_ROLE,
    SCOPE_ALL,
    SCOPE_CURRENT,
    SCOPE_THEMES,
    SPANS_ROLE,
    SearchPanel,
)
from test_search import make_interview


@pytest.fixture
def sources():
    return {}


@pytest.fixture
def index(sources):
    idx = SearchIndex()
    for iid, exchanges in {
        "energy": [
            ("Что с энергетической безопасностью?",
             ["Энергетическая безопасность — главное. Энергетическую безопасность строят годами."]),
            ("А школы?", ["Школы строятся."]),
            ("И снова про энергетическую безопасность?", ["Да, энергетической безопасности много."]),
        ],
        "passing": [
            ("Как лето?", ["Жарко. Кстати, энергетическая безопасность упоминалась вскользь."]),
        ],
        "english": [
            ("What about gas?", ["Gas prices and gas pipelines matter."]),
        ],
    }.items():
        iv, src = make_interview(iid, exchanges)
        sources[iid] = src
        idx.add_interview(iv)
    return idx


@pytest.fixture
def panel(qtbot, index):
    p = SearchPanel(index)
    qtbot.addWidget(p)
    p.resize(500, 400)
    p.show()
    qtbot.waitExposed(p)
    return p


def groups(panel) -> list[tuple[str, list[str]]]:
    m = panel.model
    out = []
    for r in range(m.rowCount()):
        g = m.index(r, 0)
        out.append((g.data(INTERVIEW_ID_ROLE), [m.index(c, 0, g).data() for c in range(m.rowCount(g))]))
    return out


def hit_index(panel, iid: str, number: int):
    m = panel.model
    for r in range(m.rowCount()):
        g = m.index(r, 0)
        for c in range(m.rowCount(g)):
            ix = m.index(c, 0, g)
            if ix.data(INTERVIEW_ID_ROLE) == iid and ix.data(EXCHANGE_ROLE) == number:
                return ix
    raise AssertionError(f"no hit {iid} {number}")


def type_text(widget, text: str) -> None:
    """Type any text, Cyrillic included (keyClicks aborts on non-ASCII)."""
    for ch in text:
        QApplication.sendEvent(widget, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_unknown,
                                                 Qt.KeyboardModifier.NoModifier, ch))


# ---- search panel ----------------------------------------------------------------------

def test_typing_gives_grouped_results(qtbot, qtmodeltester, panel):
    with qtbot.waitSignal(panel.results_changed, timeout=3000) as blocker:
        type_text(panel.query_edit, "энергетическая безопасность")
        # debounced: nothing is searched while typing
        assert panel.model.rowCount() == 0
    assert blocker.args == [3]
    assert groups(panel) == [
        # the snippet is the paragraph with the most matches: Q1's answer, Q3's question
        ("energy", ["Q1  Энергетическая безопасность — главное. Энергетическую безопасность строят годами.",
                    "Q3  — И снова про энергетическую безопасность?"]),
        ("passing", ["Q1  Жарко. Кстати, энергетическая безопасность упоминалась вскользь."]),
    ]
    # no title: the group shows the made-up one (the first question's opening words)
    assert panel.model.index(0, 0).data() == "[Что с энергетической безопасностью?] (2)"
    assert panel.count_label.text() == "3 hits in 2 interviews"
    qtmodeltester.check(panel.model)


def test_highlight_ranges_point_at_the_matched_words(qtbot, panel):
    with qtbot.waitSignal(panel.results_changed, timeout=3000):
        panel.query_edit.setText("энергетическая безопасность")
    ix = hit_index(panel, "passing", 1)
    text = ix.data()
    assert [text[s:e] for s, e in ix.data(HIGHLIGHTS_ROLE)] == ["энергетическая", "безопасность"]
    ix = hit_index(panel, "energy", 3)
    assert [ix.data()[s:e] for s, e in ix.data(HIGHLIGHTS_ROLE)] == ["энергетическую", "безопасность"]


def test_ascii_typing_and_count_of_one(qtbot, panel):
    with qtbot.waitSignal(panel.results_changed, timeout=3000):
        qtbot.keyClicks(panel.query_edit, "pipeline")
    assert groups(panel) == [("english", ["Q1  Gas prices and gas pipelines matter."])]
    assert panel.count_label.text() == "1 hit in 1 interview"


def test_clicking_a_hit_emits_its_exchange_and_spans(qtbot, panel, sources):
    with qtbot.waitSignal(panel.results_changed, timeout=3000):
        panel.query_edit.setText("энергетическая безопасность")
    ix = hit_index(panel, "energy", 3)
    rect = panel.view.visualRect(ix)
    with qtbot.waitSignal(panel.hit_activated, timeout=3000) as blocker:
        qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    iid, number, spans = blocker.args
    assert (iid, number) == ("energy", 3)
    assert [sources["energy"][s:e] for s, e in spans] == [
        "энергетическую", "безопасность", "энергетической", "безопасности"]
    assert spans == ix.data(SPANS_ROLE)


def test_enter_opens_the_first_hit(qtbot, panel):
    panel.query_edit.setText("энергетическая безопасность")
    with qtbot.waitSignal(panel.hit_activated, timeout=3000) as blocker:
        qtbot.keyClick(panel.query_edit, Qt.Key.Key_Return)  # searches now, focuses the first hit
        qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    assert blocker.args[:2] == ["energy", 1]


def test_clicking_a_group_emits_nothing(qtbot, panel):
    with qtbot.waitSignal(panel.results_changed, timeout=3000):
        panel.query_edit.setText("безопасность")
    with qtbot.assertNotEmitted(panel.hit_activated):
        rect = panel.view.visualRect(panel.model.index(0, 0))
        qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_scope_current_interview_and_themes(qtbot, panel):
    # without a current interview or a theme filter, those scopes are unavailable
    panel.set_scope(SCOPE_CURRENT)
    assert panel.scope() == SCOPE_ALL
    panel.set_current_interview("passing")
    panel.set_scope(SCOPE_CURRENT)
    with qtbot.waitSignal(panel.results_changed, timeout=3000):
        panel.query_edit.setText("безопасность")
    assert [g for g, _ in groups(panel)] == ["passing"]

    panel.set_theme_filter({("energy", 3)})
    with qtbot.waitSignal(panel.results_changed, timeout=3000):
        panel.set_scope(SCOPE_THEMES)
    assert groups(panel) == [("energy", ["Q3  — И снова про энергетическую безопасность?"])]
    with qtbot.waitSignal(panel.results_changed, timeout=3000):
        panel.set_theme_filter(lambda iid, n: iid == "passing")
    assert [g for g, _ in groups(panel)] == ["passing"]

    with qtbot.waitSignal(panel.results_changed, timeout=3000):
        panel.set_scope(SCOPE_ALL)
    assert [g for g, _ in groups(panel)] == ["energy", "passing"]


def test_no_matches_and_clearing(qtbot, panel):
    with qtbot.waitSignal(panel.results_changed, timeout=3000):
        panel.query_edit.setText("марсоход")
    assert panel.model.rowCount() == 0
    assert panel.count_label.text() == "No matches"
    with qtbot.waitSignal(panel.results_changed, timeout=3000):
        panel.query_edit.setText('"')  # odd input: no crash, no results
    assert panel.count_label.text() == "No matches"
    with qtbot.waitSignal(panel.results_changed, timeout=3000):
        panel.query_edit.clear()
    assert panel.count_label.text() == ""


def test_refresh_after_a_reload(qtbot, panel, index):
    with qtbot.waitSignal(panel.results_changed, timeout=3000):
        panel.query_edit.setText("лето")
    assert [g for g, _ in groups(panel)] == ["passing"]
    index.remove_interview("passing")
    with qtbot.waitSignal(panel.results_changed, timeout=3000):
        panel.refresh()
    assert groups(panel) == []


def test_snippet_is_shown_as_plain_text(qtbot):
    idx = SearchIndex()
    iv, _ = make_interview("html", [("<b>газ</b>?", ["<img src=x onerror=alert(1)> газ & нефть"])])
    idx.add_interview(iv)
    panel = SearchPanel(idx)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.results_changed, timeout=3000):
        panel.query_edit.setText("газ")
    ix = panel.model.index(0, 0, panel.model.index(0, 0))
    assert ix.data() == "Q1  — <b>газ</b>?"
    assert ix.data(Qt.ItemDataRole.ToolTipRole) == "<p>— &lt;b&gt;газ&lt;/b&gt;?</p>"
    panel.view.grab()  # paints through the delegate


# ---- find bar --------------------------------------------------------------------------

TEXT = "Газ и газета. Про газ говорили много, газом топят."


@pytest.fixture
def bar(qtbot):
    b = FindBar(lambda: TEXT)
    qtbot.addWidget(b)
    b.show()
    qtbot.waitExposed(b)
    return b


def test_find_bar_counts_and_wraps(qtbot, bar):
    with qtbot.waitSignal(bar.find_requested) as req, qtbot.waitSignal(bar.matches_changed) as m:
        bar.set_query("газ")
    assert req.args == ["газ"]
    assert [TEXT[s:e] for s, e in m.args[0]] == ["Газ", "газ", "газом"]
    assert bar.count_label.text() == "1 of 3"
    with qtbot.waitSignal(bar.current_match_changed) as cur:
        bar.find_next()
    assert cur.args == [1] and bar.count_label.text() == "2 of 3"
    bar.find_next()
    with qtbot.waitSignal(bar.current_match_changed) as cur:
        bar.find_next()  # past the last: back to the first
    assert cur.args == [0] and bar.count_label.text() == "1 of 3"
    with qtbot.waitSignal(bar.current_match_changed) as cur:
        bar.find_previous()  # before the first: the last
    assert cur.args == [2] and bar.count_label.text() == "3 of 3"
    assert TEXT[slice(*bar.current_span())] == "газом"


def test_find_bar_keys(qtbot, bar):
    bar.open_bar()
    qtbot.keyClicks(bar.edit, "x")  # ASCII, no match
    assert bar.count_label.text() == "No matches" and bar.current_index() == -1
    bar.edit.clear()
    type_text(bar.edit, "газета")
    assert bar.count_label.text() == "1 of 1"
    bar.set_query("газ")
    bar.activateWindow()
    qtbot.waitActive(bar)
    with qtbot.waitSignal(bar.current_match_changed) as cur:
        qtbot.keyClick(bar.edit, Qt.Key.Key_F3)
    assert cur.args == [1]
    with qtbot.waitSignal(bar.current_match_changed) as cur:
        qtbot.keyClick(bar.edit, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert cur.args == [0]
    with qtbot.waitSignal(bar.current_match_changed) as cur:
        qtbot.keyClick(bar.edit, Qt.Key.Key_Return)
    assert cur.args == [1]
    with qtbot.waitSignal(bar.closed):
        qtbot.keyClick(bar.edit, Qt.Key.Key_Escape)
    assert not bar.isVisible()


def test_find_bar_follows_the_text(qtbot):
    text = {"now": "нефть"}
    bar = FindBar(lambda: text["now"])
    qtbot.addWidget(bar)
    bar.set_query("газ")
    assert bar.matches() == [] and bar.count_label.text() == "No matches"
    text["now"] = "газ, газ"
    with qtbot.waitSignal(bar.matches_changed) as m:
        bar.refresh()
    assert m.args == [[(0, 3), (5, 8)]]
    assert bar.count_label.text() == "1 of 2"


def test_the_panel_lists_hits_in_display_order(qtbot, panel, index):
    # `kzreader search` prints core.search.display_order: the panel must list the same order
    from kzreader.core.search.hits import display_order

    with qtbot.waitSignal(panel.results_changed, timeout=3000):
        type_text(panel.query_edit, "безопасность")
    shown = [(iid, panel.model.index(c, 0, panel.model.index(r, 0)).data(EXCHANGE_ROLE))
             for r, (iid, rows) in enumerate(groups(panel)) for c in range(len(rows))]
    expected = [(h.interview_id, h.exchange_number)
                for h in display_order(index.search("безопасность"))]
    assert shown == expected
    assert [iid for iid, _n in shown] == ["energy", "energy", "passing"]


def test_a_full_panel_works_out_the_snippets_of_the_rows_on_screen(qtbot, monkeypatch):
    """200 hits fill the panel; only the rows painted (and those asked for) get snippets."""
    import kzreader.core.search.hits as hits_mod

    made = []
    real = hits_mod.make_snippet
    monkeypatch.setattr(hits_mod, "make_snippet", lambda *a, **k: made.append(1) or real(*a, **k))
    idx = SearchIndex()
    for k in range(40):
        iv, _src = make_interview(f"iv{k:02d}", [(f"Вопрос {n} про газ?", ["Газ дорожает."])
                                                 for n in range(1, 6)])
        idx.add_interview(iv)
    p = SearchPanel(idx)
    qtbot.addWidget(p)
    p.resize(500, 400)
    p.show()
    qtbot.waitExposed(p)
    p.query_edit.setText("газ")
    p.run_search()
    qtbot.wait(50)
    assert len(p.hits()) == 200
    assert p.count_label.text().startswith("200 hits in 40 interviews")
    assert 0 < len(made) < 100
    last = p.model.item(p.model.rowCount() - 1).child(4)  # a row far below the fold
    assert last.data(SPANS_ROLE) and last.data(Qt.ItemDataRole.DisplayRole).startswith("Q5")
    assert "газ" in last.data(Qt.ItemDataRole.DisplayRole).lower()
