"""The background loader: batches, progress, problems and cancellation."""
from __future__ import annotations

import threading
import time

import pytest

pytest.importorskip("PySide6")

from kzreader.core.corpus import corpus as core_corpus  # noqa: E402
from kzreader.core.model import Interview, Problem  # noqa: E402
from kzreader.gui.library.loader import CorpusLoader  # noqa: E402
from corpus_helpers import write_interviews  # noqa: E402

TEXT = "Беседа с экспертом Иваном Петровым.\n\n— Первый вопрос?\n\n— Первый ответ.\n"


def make_corpus(folder, n):
    write_interviews(folder, n, TEXT)
    return folder


@pytest.fixture
def loader(qtbot):
    ld = CorpusLoader()
    yield ld
    ld.shutdown()


def test_loads_everything_in_order_with_progress(qtbot, loader, tmp_path):
    folder = make_corpus(tmp_path / "c", 5)
    (folder / "zz_empty.txt").write_text("")
    got, progress = [], []
    loader.items_loaded.connect(got.extend)
    loader.progress.connect(lambda d, t: progress.append((d, t)))
    with qtbot.waitSignal(loader.finished, timeout=10_000):
        loader.load([str(folder), str(tmp_path / "missing")])
    interviews = [i for i in got if isinstance(i, Interview)]
    problems = [i for i in got if isinstance(i, Problem)]
    assert [i.path.rsplit("/", 1)[1] for i in interviews] == [f"{i:03}.txt" for i in range(5)]
    assert sorted(p.path.rsplit("/", 1)[1] for p in problems) == ["missing", "zz_empty.txt"]
    assert progress[0] == (0, 6) and progress[-1] == (6, 6)
    assert not loader.is_loading()


def test_a_new_load_cancels_the_old_one(qtbot, loader, tmp_path, monkeypatch):
    slow_folder = make_corpus(tmp_path / "slow", 40)
    fast_folder = make_corpus(tmp_path / "fast", 2)
    real_load = core_corpus.load_file
    seen_threads = set()

    def slow_load(path):
        seen_threads.add(threading.get_ident())
        if "/slow/" in path:
            time.sleep(0.02)
        return real_load(path)

    monkeypatch.setattr(core_corpus, "load_file", slow_load)
    got = []
    loader.items_loaded.connect(got.extend)
    finished = []
    loader.finished.connect(lambda: finished.append(True))
    with qtbot.waitSignal(loader.items_loaded, timeout=10_000):
        loader.load([str(slow_folder)])
    assert loader.is_loading()
    with qtbot.waitSignal(loader.finished, timeout=10_000):
        loader.load([str(fast_folder)])
    slow_rows = [i for i in got if "/slow/" in i.path]
    fast_rows = [i for i in got if "/fast/" in i.path]
    assert 1 <= len(slow_rows) < 40  # stopped early
    assert len(fast_rows) == 2
    # nothing from the old load arrives after the new one has started
    assert got.index(fast_rows[0]) == len(slow_rows)
    qtbot.wait(100)
    assert len([i for i in got if "/slow/" in i.path]) == len(slow_rows)
    assert finished == [True]  # only the load that completed says so
    assert threading.get_ident() not in seen_threads  # parsing ran off the GUI thread
    qtbot.waitUntil(lambda: not loader._threads, timeout=5_000)  # old thread ended and was freed


def test_cancel_then_shutdown(qtbot, loader, tmp_path, monkeypatch):
    folder = make_corpus(tmp_path / "c", 30)
    real_load = core_corpus.load_file
    monkeypatch.setattr(core_corpus, "load_file", lambda p: (time.sleep(0.02), real_load(p))[1])
    with qtbot.waitSignal(loader.items_loaded, timeout=10_000):
        loader.load([str(folder)])
    loader.cancel()
    assert not loader.is_loading()
    with qtbot.assertNotEmitted(loader.items_loaded, wait=100):
        pass
    loader.shutdown()
    assert not loader._threads


def test_the_loading_thread_is_a_plain_python_thread(qtbot, loader, tmp_path):
    """Not a QThread: a thread that calls Qt while holding the GIL can deadlock with a GUI
    thread that holds a Qt lock and waits for the GIL, so the loading thread only queues."""
    folder = make_corpus(tmp_path / "c", 3)
    threads = []
    loader.worker_hooks.append(lambda iv, loaded: threads.append(threading.current_thread()))
    with qtbot.waitSignal(loader.finished, timeout=10_000):
        loader.load([str(folder)])
    assert len(threads) == 3 and len(set(threads)) == 1
    # threads Python did not start itself (such as a QThread's) show up as _DummyThread
    assert type(threads[0]) is threading.Thread and threads[0].name.startswith("kzreader-loader-")
    assert threads[0] is not threading.main_thread()
    qtbot.waitUntil(lambda: not threads[0].is_alive(), timeout=5_000)
    assert not loader._threads
