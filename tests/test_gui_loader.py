"""The background loader: batches delivered to the session, progress, problems and
cancellation."""
from __future__ import annotations

import threading
import time

import pytest

pytest.importorskip("PySide6")

from kzreader.core.corpus import corpus as core_corpus  # noqa: E402
from kzreader.core.model import Interview, Problem  # noqa: E402
from kzreader.core.corpus.session import Session, SessionWatcher  # noqa: E402
from kzreader.gui.library.loader import CorpusLoader  # noqa: E402
from kzreader.gui.library.session_signals import SessionSignals  # noqa: E402
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


class Items(SessionWatcher):
    """What the session was given, in order (its interviews and problems)."""

    def __init__(self, session):
        self.items = []
        session.watch(self)

    def on_added(self, interviews, problems):
        # a batch's problems here are files that failed, none an interview's warnings
        self.items.extend(interviews + problems)


@pytest.fixture
def session(qtbot):
    session = Session()
    session.signals = SessionSignals(session)  # added(...) to wait for
    return session


def test_loads_everything_in_order_with_progress(qtbot, loader, session, tmp_path):
    folder = make_corpus(tmp_path / "c", 5)
    (folder / "zz_empty.txt").write_text("")
    progress = []
    got = Items(session).items
    loader.progress.connect(lambda d, t: progress.append((d, t)))
    with qtbot.waitSignal(loader.finished, timeout=10_000):
        loader.load(session.start([str(folder), str(tmp_path / "missing")]))
    interviews = [i for i in got if isinstance(i, Interview)]
    problems = [i for i in got if isinstance(i, Problem)]
    assert [i.path.rsplit("/", 1)[1] for i in interviews] == [f"{i:03}.txt" for i in range(5)]
    assert sorted(p.path.rsplit("/", 1)[1] for p in problems) == ["missing", "zz_empty.txt"]
    assert progress[0] == (0, 6) and progress[-1] == (6, 6)
    assert not loader.is_loading()
    assert session.corpus.interviews == interviews and not session.loading


def test_a_new_load_cancels_the_old_one(qtbot, loader, session, tmp_path, monkeypatch):
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
    got = Items(session).items
    finished = []
    loader.finished.connect(lambda: finished.append(True))
    with qtbot.waitSignal(session.signals.added, timeout=10_000):
        loader.load(session.start([str(slow_folder)]))
    assert loader.is_loading()
    with qtbot.waitSignal(loader.finished, timeout=10_000):
        loader.load(session.start([str(fast_folder)]))
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


def start_slow_load(qtbot, loader, session, tmp_path, monkeypatch) -> None:
    """Start loading 30 files at 20 ms each; return once the first has arrived."""
    folder = make_corpus(tmp_path / "c", 30)
    real_load = core_corpus.load_file
    monkeypatch.setattr(core_corpus, "load_file", lambda p: (time.sleep(0.02), real_load(p))[1])
    with qtbot.waitSignal(session.signals.added, timeout=10_000):
        loader.load(session.start([str(folder)]))


def test_cancel_then_shutdown(qtbot, loader, session, tmp_path, monkeypatch):
    start_slow_load(qtbot, loader, session, tmp_path, monkeypatch)
    loader.cancel()
    assert not loader.is_loading()
    with qtbot.assertNotEmitted(session.signals.added, wait=100):
        pass
    loader.shutdown()
    assert not loader._threads


def test_stop_keeps_what_loaded_and_tells_the_session(qtbot, loader, session, tmp_path, monkeypatch):
    start_slow_load(qtbot, loader, session, tmp_path, monkeypatch)
    with qtbot.waitSignal(session.signals.loaded, timeout=1_000) as ended:
        loader.stop()
    assert ended.args == [False] and not session.loading and not loader.is_loading()
    kept = list(session.corpus.interviews)
    assert 1 <= len(kept) < 30
    qtbot.wait(100)
    assert session.corpus.interviews == kept  # nothing more arrives


def test_the_loading_thread_is_a_plain_python_thread(qtbot, loader, session, tmp_path, monkeypatch):
    """Not a QThread: a thread that calls Qt while holding the GIL can deadlock with a GUI
    thread that holds a Qt lock and waits for the GIL, so the loading thread only queues."""
    folder = make_corpus(tmp_path / "c", 3)
    threads = []
    real_load = core_corpus.load_file
    monkeypatch.setattr(core_corpus, "load_file",
                        lambda p: (threads.append(threading.current_thread()), real_load(p))[1])
    with qtbot.waitSignal(loader.finished, timeout=10_000):
        loader.load(session.start([str(folder)]))
    assert len(threads) == 3 and len(set(threads)) == 1
    # threads Python did not start itself (such as a QThread's) show up as _DummyThread
    assert type(threads[0]) is threading.Thread and threads[0].name.startswith("kzreader-loader-")
    assert threads[0] is not threading.main_thread()
    qtbot.waitUntil(lambda: not threads[0].is_alive(), timeout=5_000)
    assert not loader._threads
