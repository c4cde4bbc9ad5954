"""Loading a corpus off the GUI thread.

Each load is a ``core.corpus.session.Load``: its LoadJob (parse cache, then worker
processes; it tags and indexes each file as well) runs in a plain Python thread that never
calls Qt, and the complete records it makes are delivered to the session on the GUI thread.
That is deliberate: PySide keeps the GIL through calls such as emit or moveToThread, which
take Qt's internal locks, while the GUI thread may hold one of those locks (destroying a
widget) and wait for the GIL to run Python code; a loader thread calling Qt can therefore
deadlock the whole program, and once hung a test run.  So the thread only appends messages to
a deque (appends and pops are thread-safe), and the GUI thread takes them out on a short timer
while a load runs, hands the batches to the session (which tells its watchers) and turns
progress into signals.

Results come in batches, because one message per file would flood the event loop with a large
corpus.  Each load carries a generation number: when a new load starts, the old one is told to
stop and anything it still manages to send is dropped, so a cancelled load never leaks rows
into the new one.
"""
from __future__ import annotations

import gc
import logging
import threading
import time
from collections import deque

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from kzreader.gui.collector import collect_on_gui_thread

log = logging.getLogger(__name__)

# how often the GUI thread looks for results while a load runs (ms)
POLL_MS = 10
# ...and once a load has run this long (the loader then sends larger batches, 0.5 s apart):
# each wake-up costs the GUI thread some processor time even with nothing to take, about
# 8 ms a second at 10 ms intervals, 2 ms at 50 ms (offscreen, on this machine)
SETTLED_POLL_MS = 50
SETTLED_AFTER_S = 2.0


class _Job:
    """One load; ``run`` is the body of its thread and talks only through ``outbox``."""

    def __init__(self, generation: int, load, outbox: deque):
        self.generation = generation
        self.load = load  # core.corpus.session.Load
        self._outbox = outbox
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def run(self) -> None:
        gen, post = self.generation, self._outbox.append
        # the parser and the model are imported here, off the GUI thread, so the window paints sooner
        from kzreader.core.corpus.loading import Loaded
        from kzreader.core.messages import LOADING_STOPPED, Message
        from kzreader.core.model import Problem

        cancelled = self._cancel.is_set

        def emit(loaded: list) -> None:
            for entry in loaded:
                if isinstance(entry.item, Problem) and entry.item.severity == "error":
                    log.warning("not loaded: %s: %s", entry.item.path, entry.item.message)
            if not cancelled():
                post(("batch", gen, loaded))
            # a loaded corpus is long-lived and acyclic: moving it out of the collector's
            # generations keeps full collections (which pause every thread) short: 0.4 ms
            # instead of 51-121 ms after a warm load of 10,000 interviews
            gc.freeze()

        def progress(done: int, total: int) -> None:
            if not cancelled():
                post(("progress", gen, done, total))

        try:
            self.load.job().run(emit, progress, cancelled)
            from kzreader.core.corpus import stage_times  # here: see interview_list._fold

            stage_times.add("window: loader thread, all", time.thread_time())
        except Exception as e:  # a bug in loading must not leave the window waiting forever
            error = Message(LOADING_STOPPED, error=f"{type(e).__name__}: {e}")
            post(("batch", gen, [Loaded(Problem(", ".join(self.load.paths), error))]))
        finally:
            post(("done", gen))


class CorpusLoader(QObject):
    """Runs a session's loads in the background; one at a time, a new one cancels the last.

    The current load's batches go to its session (``Load.deliver``, in file order) and its end
    to ``Load.finish``; signals: ``progress(done, total)``, ``started()`` and ``finished()``.
    A cancelled load emits no ``finished``.
    """

    progress = Signal(int, int)
    started = Signal()
    finished = Signal()

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._generation = 0
        self._current: _Job | None = None
        # threads of cancelled loads are kept until they end, so shutdown can wait for them
        self._threads: dict[int, tuple[threading.Thread, _Job]] = {}
        self._outbox: deque = deque()  # filled by loader threads, emptied by the GUI thread only
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._drain)
        self._poll_since = 0.0
        # the loader thread must never be the one that collects (and so destroys) Qt objects
        collect_on_gui_thread()

    def is_loading(self) -> bool:
        return self._current is not None

    def load(self, load) -> None:
        """Run ``load`` (from ``core.corpus.session.Session.start``), cancelling the running one."""
        self.cancel()
        self._generation += 1
        gen = self._generation
        job = _Job(gen, load, self._outbox)
        # a daemon: a load stuck on a dead network share must not keep the program from quitting
        thread = threading.Thread(target=job.run, name=f"kzreader-loader-{gen}", daemon=True)
        self._threads[gen] = (thread, job)
        self._current = job
        self.started.emit()
        thread.start()
        self._poll_since = time.monotonic()
        self._poll.start(POLL_MS)

    def cancel(self) -> None:
        """Stop the current load; its remaining results are discarded."""
        if self._current is not None:
            self._current.cancel()
            self._current = None
            self._generation += 1  # results still queued now fail the generation check

    def stop(self) -> None:
        """Stop the current load and tell its session so: what has loaded stays."""
        job = self._current
        self.cancel()
        if job is not None:
            job.load.finish(complete=False)

    def shutdown(self, timeout_ms: int = 5000) -> None:
        """Cancel everything and wait for the loader threads (call before the app quits)."""
        self.cancel()
        for thread, job in list(self._threads.values()):
            job.cancel()
            thread.join(timeout_ms / 1000)
        self._threads.clear()
        self._poll.stop()

    @Slot()
    def _drain(self) -> None:
        outbox = self._outbox
        while outbox:
            message = outbox.popleft()
            kind, gen = message[0], message[1]
            if kind == "done":
                self._on_done(gen)
            elif gen != self._generation:
                continue  # from a load that was cancelled since
            elif kind == "batch":
                if message[2]:
                    self._current.load.deliver(message[2])
            else:
                self.progress.emit(message[2], message[3])
        if not self._threads:
            self._poll.stop()
        elif self._poll.interval() < SETTLED_POLL_MS and time.monotonic() - self._poll_since > SETTLED_AFTER_S:
            self._poll.setInterval(SETTLED_POLL_MS)

    def _on_done(self, gen: int) -> None:
        entry = self._threads.pop(gen, None)
        if entry is not None:
            entry[0].join(1.0)  # it has only to return from run()
        if gen == self._generation and self._current is not None:
            job, self._current = self._current, None
            job.load.finish(complete=True)
            self.finished.emit()
