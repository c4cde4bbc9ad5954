"""Loading a corpus off the GUI thread.

A worker on its own QThread runs a core.loading.LoadJob (parse cache, then worker processes)
and the per-interview hooks (search indexing, theme tagging).  Results reach the GUI in
batches, because one queued signal per file would flood the event loop with a large corpus.  Each load carries a
generation number: when a new load starts, the old worker is told to stop and anything it
still manages to send is dropped, so a cancelled load never leaks rows into the new one.
"""
from __future__ import annotations

import gc
import threading

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, Slot


class _Worker(QObject):
    batch = Signal(int, object)  # generation, list[Interview | Problem]
    progress = Signal(int, int, int)  # generation, done, total
    done = Signal(int)  # generation

    def __init__(self, generation: int, paths: list[str], hooks=(), options: dict | None = None):
        super().__init__()
        self._generation = generation
        self._paths = list(paths)
        self._hooks = tuple(hooks)
        self._options = dict(options or {})
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    @Slot()
    def run(self) -> None:
        gen = self._generation
        # the parser and the model are imported here, off the GUI thread, so the window paints sooner
        from kzreader.core.loading import LoadJob
        from kzreader.core.model import Interview, Problem

        cancelled = self._cancel.is_set

        def emit(loaded: list) -> None:
            items = []
            for entry in loaded:
                # per-interview work such as search indexing also stays off the GUI thread
                if self._hooks and isinstance(entry.item, Interview):
                    for hook in self._hooks:
                        if not cancelled():
                            hook(entry.item, entry)
                items.append(entry.item)
            if not cancelled():
                self.batch.emit(gen, items)
            # a loaded corpus is long-lived and acyclic: moving it out of the collector's
            # generations keeps full collections (which pause every thread) short
            gc.freeze()

        def progress(done: int, total: int) -> None:
            if not cancelled():
                self.progress.emit(gen, done, total)

        try:
            LoadJob(self._paths, **self._options).run(emit, progress, cancelled)
        except Exception as e:  # a bug in loading must not leave the window waiting forever
            self.batch.emit(gen, [Problem(", ".join(self._paths), f"loading stopped: {type(e).__name__}: {e}")])
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
        # callables run in the loader thread as hook(interview, loaded) for each parsed
        # Interview, ``loaded`` being its core.loading.Loaded (must be thread-safe)
        self.worker_hooks: list = []
        # passed to core.loading.LoadJob: cache_dir, lexicon, workers
        self.options: dict = {}

    def is_loading(self) -> bool:
        return self._current is not None

    def load(self, paths: list[str]) -> None:
        self.cancel()
        self._generation += 1
        gen = self._generation
        worker = _Worker(gen, paths, self.worker_hooks, self.options)
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
