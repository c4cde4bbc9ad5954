"""Python's cyclic garbage collector, run on the GUI thread only.

The interpreter collects in whichever thread happens to allocate, and while a corpus loads
that is mostly the loader thread.  A collection there frees Qt objects that sit in reference
cycles (a closed window, a dialog, a model holding Python attributes) and so destroys them off
the GUI thread, which Qt does not allow: widgets, timers and socket notifiers must be torn
down in the thread they live in.  So while a GUI runs threads, automatic collection is off and
a timer on the GUI thread collects instead, each generation once its count passes the
interpreter's own threshold.
"""
from __future__ import annotations

import gc
import threading

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Slot
from shiboken6 import isValid

# how often the GUI thread looks at the counts; a look with nothing to collect is a few µs
INTERVAL_MS = 1000


class _Collector(QObject):
    def __init__(self, app: QCoreApplication):
        super().__init__(app)
        self._timer = QTimer(self)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.setTimerType(Qt.TimerType.VeryCoarseTimer)  # may share a wake-up with others
        self._timer.timeout.connect(self.collect)
        self._timer.start()

    @Slot()
    def collect(self) -> int:
        """Collect the oldest generation whose count is over its threshold (as the
        interpreter would on an allocation); the number of unreachable objects found."""
        counts, thresholds = gc.get_count(), gc.get_threshold()
        for generation in (2, 1, 0):
            if counts[generation] > thresholds[generation]:
                return gc.collect(generation)
        return 0


def collect_on_gui_thread() -> _Collector | None:
    """Switch automatic collection off and collect on a GUI-thread timer from now on (once
    per application; call it from the GUI thread before starting Python threads).  Returns
    the collector, or None when there is no application to run its timer."""
    global _collector
    app = QCoreApplication.instance()
    # the application lives in the main thread (asking Qt, through QThread, would cost ~1 ms of
    # start-up for PySide to build that class)
    if app is None or threading.current_thread() is not threading.main_thread():
        return None
    # kept here rather than looked up among the application's children: that lookup makes
    # PySide wrap all of them, about 9 ms before the first paint
    if _collector is None or not isValid(_collector):  # not yet, or its application is gone
        _collector = _Collector(app)
    gc.disable()
    return _collector


_collector: _Collector | None = None
