"""Themes wired into the window: sidebar counts, filtering, highlights, the map, a bad lexicon."""
from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt  # noqa: E402

from kzreader.core.corpus.corpus import load_file  # noqa: E402
from kzreader.core.sources.sources import read_source  # noqa: E402
from kzreader.core.themes.lexicon import Lexicon  # noqa: E402
from kzreader.core.themes.themes import tag_corpus  # noqa: E402
from gui_helpers import make_window, open_and_wait  # noqa: E402
from kzreader.gui.themes.theme_sidebar import CORPUS_COUNT_ROLE, THEME_ID_ROLE  # noqa: E402

LOAD_TIMEOUT = 20_000


@pytest.fixture
def loaded(qtbot, tmp_path, seeds_dir):
    w = make_window(qtbot, tmp_path)
    open_and_wait(qtbot, w, [seeds_dir])
    yield w
    w.loader.shutdown()


def independent_counts(seeds_dir):
    interviews = [load_file(str(p)) for p in sorted(seeds_dir.glob("*.txt"))]
    return interviews, tag_corpus(Lexicon.load_default(), interviews)


def test_sidebar_counts_match_the_corpus_tagging(loaded, seeds_dir, qtmodeltester):
    interviews, expected = independent_counts(seeds_dir)
    model = loaded.themes.sidebar.model
    qtmodeltester.check(model)
    assert model.rowCount() == len(Lexicon.load_default().themes)
    total = 0
    for row in range(model.rowCount()):
        idx = model.index(row)
        tid = idx.data(THEME_ID_ROLE)
        assert idx.data(CORPUS_COUNT_ROLE) == expected.count(tid) == loaded.themes.counts.count(tid)
        assert str(expected.count(tid)) in idx.data(Qt.ItemDataRole.DisplayRole)
        total += expected.count(tid)
    assert total > 0  # the seeds are about Kazakhstan-Russia relations: themes must be found
    assert loaded.themes_dock.widget() is not None and not loaded.themes_dock.isHidden()


def test_selecting_a_theme_filters_list_navigator_and_highlights(loaded, seeds_dir, qtbot):
    interviews, expected = independent_counts(seeds_dir)
    # a theme found in some but not all interviews, so the filter visibly removes rows
    lexicon = Lexicon.load_default()
    tid = next(t.id for t in lexicon.themes if 0 < len(expected.interviews_with([t.id])) < len(interviews))
    wanted = set(expected.interviews_with([tid]))
    sidebar = loaded.themes.sidebar
    with qtbot.waitSignal(sidebar.selection_changed):
        sidebar.set_selected_theme_ids([tid])
    assert set(loaded.interview_list.visible_ids()) == wanted
    assert loaded.interview_list.visible_count() < len(interviews)

    iid = sorted(wanted)[0]
    loaded.show_interview(iid, None)
    pane = loaded.reading_pane
    numbers = expected.exchanges_with(iid, [tid])
    assert pane.visible_navigator_numbers() == numbers
    assert pane.current_number() in numbers
    # the matched words are highlighted: each highlight is source text the theme matched
    iv = pane.interview()
    source = read_source(iv.path).text
    ranges, _colour = pane._highlights[f"theme:{tid}"]
    assert ranges
    assert len(pane.text.extraSelections()) >= 1
    shown = [sel.cursor.selectedText() for sel in pane.text.extraSelections()]
    for a, b in ranges:
        assert source[a:b].replace("\n", " ") in shown
    # the current exchange's themes are named under the navigation bar
    name = lexicon.get(tid).name(loaded.themes.language)
    assert pane.themes_label.isVisibleTo(pane) and name in pane.themes_label.text()

    # the search panel's "Selected themes" scope follows the selection
    flt = loaded.search.panel._theme_filter
    assert flt is not None and flt(iid, numbers[0])
    assert not any(flt(iid, n) for n in range(1, pane.exchange_count() + 1) if n not in numbers)

    sidebar.clear_button.click()
    assert loaded.search.panel._theme_filter is None
    assert loaded.interview_list.visible_count() == len(interviews)
    assert pane.visible_navigator_numbers() == list(range(1, pane.exchange_count() + 1))
    assert not [k for k in pane._highlights if k.startswith("theme:")]


def test_theme_map_cell_opens_interview_filtered(loaded, seeds_dir, qtbot):
    interviews, expected = independent_counts(seeds_dir)
    loaded.show()
    qtbot.waitExposed(loaded)
    loaded.theme_map_action.trigger()
    dialog = loaded.themes.map_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitExposed(dialog)
    mw = dialog.map
    # the last interview (not the one open) and a theme it carries
    target = interviews[-1]
    tid = next(t for t in expected.theme_ids if expected.count(t, target.id))
    row = next(r for r in range(mw.model.rowCount()) if mw.model.interview_id(r) == target.id)
    col = next(c for c in range(mw.model.columnCount()) if mw.model.theme(c) and mw.model.theme(c).id == tid)
    proxy_index = mw.proxy.mapFromSource(mw.model.index(row, col))
    rect = mw.view.visualRect(proxy_index)
    mw.view.scrollTo(proxy_index)
    rect = mw.view.visualRect(proxy_index)
    qtbot.mouseClick(mw.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    pane = loaded.reading_pane
    assert pane.interview().id == target.id
    assert loaded.themes.sidebar.selected_theme_ids() == [tid]
    assert pane.current_number() == expected.exchanges_with(target.id, [tid])[0]
    assert pane.visible_navigator_numbers() == expected.exchanges_with(target.id, [tid])
    dialog.close()


def test_bad_user_lexicon_is_reported_and_default_kept(qtbot, tmp_path, seeds_dir):
    data = tmp_path / "data"
    data.mkdir()
    (data / "themes.yaml").write_text("themes:\n  - id: energy\n    keywords: [нефть\n", encoding="utf-8")
    w = make_window(qtbot, tmp_path)
    try:
        default = Lexicon.load_default()
        assert w.themes.lexicon.ids == default.ids
        assert w.themes.error
        assert "themes.yaml" in w.statusBar().currentMessage()
        # it stays visible in the Problems view after a corpus is opened (which clears it)
        open_and_wait(qtbot, w, [seeds_dir])
        assert any("themes.yaml" in p.path for p in w.problems_view.model.problems())
    finally:
        w.loader.shutdown()


def test_edited_lexicon_is_saved_and_applied(loaded, tmp_path, qtbot):
    import dataclasses

    themes = list(Lexicon.load_default().themes)
    themes[0] = dataclasses.replace(themes[0], name_en="Renamed theme", name_ru="Переименованная тема")
    loaded.themes.sidebar.lexicon_edited.emit(themes)
    user_file = tmp_path / "data" / "themes.yaml"
    assert user_file.exists() and "Renamed theme" in user_file.read_text("utf-8")
    assert loaded.themes.lexicon.get(themes[0].id).name_en == "Renamed theme"
    names = [loaded.themes.sidebar.model.index(r).data(Qt.ItemDataRole.DisplayRole)
             for r in range(loaded.themes.sidebar.model.rowCount())]
    assert any("Renamed theme" in n or "Переименованная" in n for n in names)


def test_exchanges_are_tagged_off_the_gui_thread(qtbot, tmp_path, seeds_dir, monkeypatch):
    import threading

    from kzreader.core.corpus import loading, session

    threads = []
    original_tag, original_analyse = session.tag_interview, loading.analyse

    def spy_tag(index, iv):
        threads.append(threading.current_thread())
        return original_tag(index, iv)

    def spy_analyse(iv, index=None):
        if index is not None:
            threads.append(threading.current_thread())
        return original_analyse(iv, index)

    # tags are made where the file is parsed (core.loading, with the search words), or by the
    # session when stale
    monkeypatch.setattr(session, "tag_interview", spy_tag)
    monkeypatch.setattr(loading, "tag_interview", spy_tag)
    monkeypatch.setattr(loading, "analyse", spy_analyse)
    w = make_window(qtbot, tmp_path)
    open_and_wait(qtbot, w, [seeds_dir])
    assert len(threads) == 5 and all(t is not threading.main_thread() for t in threads)
    # counts still equal a tagging done from scratch
    from kzreader.core.themes.themes import tag_corpus

    fresh = tag_corpus(w.themes.index, w.corpus.interviews)
    for tid in w.themes.index.theme_ids:
        assert w.themes.counts.count(tid) == fresh.count(tid)
    w.loader.shutdown()
