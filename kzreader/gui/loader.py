"""Loading a corpus off the GUI thread.

A worker on its own QThread walks the paths with core.sources.iter_source_files and parses
each file with core.corpus.load_file.  Results reach the GUI in batches, because one queued
signal per file would flood the event loop with a large corpus.  Each load carries a
generation number: when a new load starts, the old worker is told to stop and anything it
still manages to send is dropped, so a cancelled load never leaks rows into the new one.
"""
from __future__ import annotations

import threading
import time

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, Slot

from kzreader.core.model import Problem

# a batch is sent when it holds this many items or has waited this long (seconds)
BATCH_SIZE = 64
BATCH_SECONDS = 0.1


class _Worker(QObject):
    batch = Signal(int, object)  # generation, list[Interview | Problem]
    progress = Signal(int, int, int)  # generation, done, total
    done = Signal(int)  # generation

    def __init__(self, generation: int, paths: list[str], hooks=()):
        super().__init__()
        self._generation = generation
        self._paths = list(paths)
        self._hooks = tuple(hooks)
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @Slot()
    def run(self) -> None:
        gen = self._generation
        # the parser is imported here, off the GUI thread, so the window paints sooner
        from kzreader.core import corpus as core_corpus
        from kzreader.core import sources as core_sources

        try:
            errors: list[tuple[str, str]] = []
            files: list[str] = []
            for path in core_sources.iter_source_files(self._paths, errors=errors):
                if self._cancel.is_set():
                    return
                files.append(path)
            total = len(files)
            self.progress.emit(gen, 0, total)
            pending: list = []
            last_sent = time.monotonic()
            for i, path in enumerate(files, 1):
                if self._cancel.is_set():
                    return
                # looked up at call time so tests can substitute a slow or failing loader
                item = core_corpus.load_file(path)
                # per-interview work such as search indexing also stays off the GUI thread
                if self._hooks and not isinstance(item, Problem):
                    for hook in self._hooks:
                        if not self._cancel.is_set():
                            hook(item)
                pending.append(item)
                now = time.monotonic()
                # the first file goes out alone so the window has something to show at once
                if i == 1 or len(pending) >= BATCH_SIZE or now - last_sent >= BATCH_SECONDS:
                    self.batch.emit(gen, pending)
                    self.progress.emit(gen, i, total)
                    pending = []
                    last_sent = now
            pending.extend(Problem(p, msg) for p, msg in errors)
            if pending and not self._cancel.is_set():
                self.batch.emit(gen, pending)
            self.progress.emit(gen, total, total)
        finally:
            # hand the worker back to the GUI thread so it can be freed there once its thread ends
            app = QCoreApplication.instance()
            if app is not None:
                self.moveToThread(app.thread())
            self.done.emit(gen)


class CorpusLoader(QObject):
    """Loads paths in the background; one load at a time, a new one cancels the last.

    Signals carry only the current load's results:
    ``items_loaded(list)`` a batch of Interview/Problem objects in file order,
    ``progress(done, total)``, ``started()`` and ``finished()``.  A cancelled load emits
    no ``finished``.
    """

    items_loaded = Signal(object)
    progress = Signal(int, int)
    started = Signal()
    finished = Signal()

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._generation = 0
        self._current: _Worker | None = None
        # threads of cancelled loads are kept until they end so Qt never destroys a running thread
        self._threads: dict[int, tuple[QThread, _Worker]] = {}
        # callables run in the loader thread for each parsed Interview (must be thread-safe)
        self.worker_hooks: list = []

    def is_loading(self) -> bool:
        return self._current is not None

    def load(self, paths: list[str]) -> None:
        self.cancel()
        self._generation += 1
        gen = self._generation
        worker = _Worker(gen, paths, self.worker_hooks)
        thread = QThread()
        thread.setObjectName(f"kzreader-loader-{gen}")
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        worker.batch.connect(self._on_batch)
        worker.progress.connect(self._on_progress)
        worker.done.connect(self._on_done)
        self._threads[gen] = (thread, worker)
        self._current = worker
        self.started.emit()
        thread.start()

    def cancel(self) -> None:
        """Stop the current load; its remaining results are discarded."""
        if self._current is not None:
            self._current.cancel()
            self._current = None
            self._generation += 1  # stale queued batches now fail the generation check

    def shutdown(self, timeout_ms: int = 5000) -> None:
        """Cancel everything and wait for the worker threads (call before the app quits)."""
        self.cancel()
        for thread, worker in list(self._threads.values()):
            worker.cancel()
            thread.quit()
            thread.wait(timeout_ms)
        self._threads.clear()

    @Slot(int, object)
    def _on_batch(self, gen: int, items: list) -> None:
        if gen == self._generation and items:
            self.items_loaded.emit(items)

    @Slot(int, int, int)
    def _on_progress(self, gen: int, done: int, total: int) -> None:
        if gen == self._generation:
            self.progress.emit(done, total)

    @Slot(int)
    def _on_done(self, gen: int) -> None:
        entry = self._threads.pop(gen, None)
        if entry is not None:
            # run() has returned, so the thread only has to leave its event loop: a short wait
            thread, _worker = entry
            thread.quit()
            thread.wait()
        if gen == self._generation and self._current is not None:
            self._current = None
            self.finished.emit()
