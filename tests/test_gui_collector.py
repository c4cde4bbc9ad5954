"""Cyclic garbage (Qt objects among it) is collected on the GUI thread, never in the loader
thread, where destroying Qt objects is not allowed."""
from __future__ import annotations

import gc
import threading
import weakref

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QObject  # noqa: E402

from kzreader.gui.collector import INTERVAL_MS, collect_on_gui_thread  # noqa: E402
from kzreader.core.corpus.session import Session  # noqa: E402
from kzreader.gui.library.loader import CorpusLoader  # noqa: E402
from corpus_helpers import write_interviews  # noqa: E402

LOAD_TIMEOUT = 20_000


def qt_garbage(freed: list[str]) -> None:
    """A QObject whose Python wrapper sits in a reference cycle, so only the cyclic collector
    can free it; ``freed`` gets the name of the thread that did."""
    obj = QObject()
    obj.myself = obj
    weakref.finalize(obj, lambda: freed.append(threading.current_thread().name))


ANSWER = "\n\n".join(f"Абзац {j} ответа номер {{n}} о транспорте и энергетике." for j in range(30))
TEXT = f"Интервью {{n}}\n\nИван Петров, эксперт\n\n— Вопрос {{n}} о торговле?\n\n{ANSWER}\n"


def test_a_loader_turns_automatic_collection_off_and_the_gui_thread_collects(qtbot):
    CorpusLoader()
    assert not gc.isenabled()
    collector = collect_on_gui_thread()
    assert collector is not None and collect_on_gui_thread() is collector  # one per application
    freed: list[str] = []
    saved = gc.get_threshold()
    try:
        gc.collect()
        gc.set_threshold(100_000, 100, 100)
        qt_garbage(freed)
        assert collector.collect() == 0 and freed == []  # below the thresholds: left alone
        gc.set_threshold(1, 1, 1)
        assert collector.collect() > 0
        assert freed == [threading.main_thread().name]
        qt_garbage(freed)  # and its timer does the same on its own
        qtbot.waitUntil(lambda: len(freed) == 2, timeout=3 * INTERVAL_MS)
    finally:
        gc.set_threshold(*saved)
    assert freed == [threading.main_thread().name] * 2


def test_only_the_gui_thread_can_take_collection_over(qapp):
    results = []
    thread = threading.Thread(target=lambda: results.append(collect_on_gui_thread()))
    thread.start()
    thread.join()
    assert results == [None]


def test_a_load_never_collects_qt_objects_in_its_thread(qtbot, tmp_path):
    loader = CorpusLoader()
    write_interviews(tmp_path / "corpus", 40, TEXT)
    freed: list[str] = []
    for _ in range(20):
        qt_garbage(freed)
    try:
        with qtbot.waitSignal(loader.finished, timeout=LOAD_TIMEOUT):
            loader.load(Session().start([str(tmp_path / "corpus")]))
    finally:
        loader.shutdown()
    # parsing 40 files allocates far past the first threshold: the loader thread would have
    # collected by now if it could (the GUI thread's timer may have, on a slow machine)
    assert set(freed) <= {threading.main_thread().name}
    gc.unfreeze()  # the loader froze what was alive between batches, the garbage too
    gc.collect()
    assert freed == [threading.main_thread().name] * 20
