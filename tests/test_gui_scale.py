"""Large and changing corpora in the window: stopping a load, files edited on disk, huge files."""
from __future__ import annotations

import os
import time
from pathlib import Path

from PySide6.QtCore import QTimer

from corpus_helpers import write_interviews
from gui_helpers import LOAD_TIMEOUT, make_window, open_and_wait
from kzreader.core.corpus import corpus as core_corpus
from kzreader.core.sources import sources
from kzreader.gui.library.file_watcher import SETTLE_MS

SETTLE_WAIT_MS = SETTLE_MS + 400

TEXT = """Интервью {n}

— Первый вопрос о транспорте?

— Первый ответ: дороги строятся.

— Второй вопрос об энергетике?

— Второй ответ про электростанции и уголь.
"""


def write(folder: Path, n: int) -> list[Path]:
    return write_interviews(folder, n, TEXT, digits=2)


def test_stop_loading_keeps_what_loaded_and_nothing_more_arrives(qtbot, tmp_path, monkeypatch):
    write(tmp_path / "c", 30)
    real = core_corpus.load_file
    monkeypatch.setattr(core_corpus, "load_file", lambda p: (time.sleep(0.05), real(p))[1])
    w = make_window(qtbot, tmp_path)
    w.open_paths([str(tmp_path / "c")])
    assert w.stop_action.isEnabled()
    qtbot.waitUntil(lambda: len(w.corpus.interviews) >= 2, timeout=LOAD_TIMEOUT)
    w.stop_action.trigger()
    loaded = len(w.corpus.interviews)
    assert 2 <= loaded < 30
    assert not w.loader.is_loading() and not w.stop_action.isEnabled()
    assert w.status.progress_bar.isHidden()
    assert "Loading stopped" in w.statusBar().currentMessage()
    qtbot.wait(400)  # batches still in flight are dropped
    assert len(w.corpus.interviews) == loaded
    assert w.interview_list.visible_count() == loaded
    # the window goes on working: another folder opens normally
    write(tmp_path / "d", 2)
    open_and_wait(qtbot, w, [tmp_path / "d"])
    assert len(w.corpus.interviews) == 2
    w.loader.shutdown()


def test_a_file_edited_on_disk_reloads_at_the_same_place_with_bookmarks_reanchored(qtbot, tmp_path):
    files = write(tmp_path / "c", 3)
    w = make_window(qtbot, tmp_path)
    open_and_wait(qtbot, w, [tmp_path / "c"])
    iv = w.corpus.by_id(next(i.id for i in w.corpus.interviews if i.path == str(files[1])))
    assert w.show_interview(iv.id, 2)
    text = sources.read_source(iv.path).text
    quote = "про электростанции"
    start = text.index(quote)
    bid = w.bookmarks.panel.add_bookmark(iv.id, iv.path, text, start, start + len(quote), exchange=2)
    assert bid is not None
    qtbot.waitUntil(lambda: bool(w.watcher.watched()), timeout=LOAD_TIMEOUT)

    # an editor inserts a paragraph near the top: every later offset moves
    edited = text.replace("Интервью 1\n", "Интервью 1\n\nВступление, добавленное позже.\n")
    with qtbot.waitSignal(w.session_signals.loaded, timeout=LOAD_TIMEOUT):
        files[1].write_text(edited, encoding="utf-8")
    new = w.corpus.by_id(iv.id)
    assert new.lead_text == "Вступление, добавленное позже."
    assert w.reading_pane.interview().id == iv.id and w.reading_pane.current_number() == 2
    b = w.bookmarks.store.get(bid)
    assert b.status == "ok"
    assert b.anchor.start == edited.index(quote) and b.anchor.start != start
    assert edited[b.anchor.start:b.anchor.end] == quote
    w.loader.shutdown()


def test_a_new_file_in_the_folder_is_picked_up(qtbot, tmp_path):
    write(tmp_path / "c", 2)
    w = make_window(qtbot, tmp_path)
    open_and_wait(qtbot, w, [tmp_path / "c"])
    qtbot.waitUntil(lambda: bool(w.watcher.watched()), timeout=LOAD_TIMEOUT)
    with qtbot.waitSignal(w.session_signals.loaded, timeout=LOAD_TIMEOUT):
        (tmp_path / "c" / "09.txt").write_text(TEXT.format(n=9), encoding="utf-8")
    assert len(w.corpus.interviews) == 3
    w.loader.shutdown()


def test_a_readme_in_the_folder_is_no_interview_and_editing_it_reloads_nothing(qtbot, tmp_path):
    write(tmp_path / "c", 2)
    (tmp_path / "c" / "README.md").write_text("| Файл | Что |\n|---|---|\n| 01.txt | тире |\n", encoding="utf-8")
    w = make_window(qtbot, tmp_path)
    open_and_wait(qtbot, w, [tmp_path / "c"])
    assert len(w.corpus.interviews) == 2 and not w.corpus.problems
    qtbot.waitUntil(lambda: bool(w.watcher.watched()), timeout=LOAD_TIMEOUT)
    with qtbot.assertNotEmitted(w.watcher.changed, wait=SETTLE_WAIT_MS):
        (tmp_path / "c" / "CHANGELOG.md").write_text("- 2025: первые записи\n", encoding="utf-8")
    w.loader.shutdown()


def test_a_100_mb_file_is_refused_with_a_message_while_the_window_stays_responsive(qtbot, tmp_path):
    write(tmp_path / "c", 2)
    huge = tmp_path / "c" / "huge.txt"
    with open(huge, "wb") as f:
        f.write(("— Вопрос?\n\n— Ответ.\n\n" * 1000).encode("utf-8"))
        f.truncate(100 * 1024 * 1024)  # sparse: quick to make, 100 MB to the loader
    w = make_window(qtbot, tmp_path)
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start(20)
    open_and_wait(qtbot, w, [tmp_path / "c"])
    timer.stop()
    assert len(w.corpus.interviews) == 2
    (problem,) = [p for p in w.corpus.problems if p.path == str(huge)]
    assert "too large" in str(problem.message) and "100 MB" in str(problem.message)
    assert w.problems_view.model.rowCount() >= 1
    gaps = [b - a for a, b in zip(ticks, ticks[1:])]
    assert not gaps or max(gaps) < 1.0  # the event loop kept turning
    assert os.path.getsize(huge) == 100 * 1024 * 1024
    w.loader.shutdown()


def test_watching_the_same_corpus_again_keeps_its_watches_and_a_held_watcher_is_quiet(qtbot, tmp_path):
    from kzreader.gui.library.file_watcher import CorpusWatcher

    files = [str(p) for p in write(tmp_path / "c", 3)]
    folder = str(tmp_path / "c")
    watcher = CorpusWatcher()
    watcher.watch([folder], files)
    assert sorted(watcher.watched()) == sorted(files + [folder])
    removed, added = [], []
    real = watcher._watcher
    orig_remove, orig_add = real.removePaths, real.addPaths
    real.removePaths = lambda paths: (removed.extend(paths), orig_remove(paths))[1]
    real.addPaths = lambda paths: (added.extend(paths), orig_add(paths))[1]
    watcher.hold()
    watcher.watch([folder], files)  # a reload of the same corpus
    assert removed == [] and added == []
    watcher.watch([folder], files[:2])  # one file gone from the corpus
    assert removed == [files[2]] and added == []
    # held: an edit during a load is not reported
    got = []
    watcher.changed.connect(got.append)
    watcher.hold()
    Path(files[0]).write_text("изменено во время загрузки", encoding="utf-8")
    qtbot.wait(SETTLE_WAIT_MS)
    assert got == []
    # watching again: the next edit is reported once the burst settles
    watcher.watch([folder], files[:2])
    with qtbot.waitSignal(watcher.changed, timeout=LOAD_TIMEOUT) as blocker:
        Path(files[1]).write_text("изменено потом", encoding="utf-8")
    assert files[1] in blocker.args[0]
