"""The core session's news as Qt signals, for the window's parts to connect to.

The session tells its watchers on the thread that feeds it, which in the window is the GUI
thread (the loader delivers there), so this adapter only re-emits.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class SessionSignals(QObject):
    """A ``core.corpus.session.SessionWatcher`` of ``session`` that emits ``cleared()`` when a
    new load empties it, ``added(interviews, problems)`` per batch, ``loaded(complete)`` when
    a load ends (ran to the end, or was stopped: what came stays) and ``retagged()`` after
    the lexicon changed."""

    cleared = Signal()
    added = Signal(object, object)
    loaded = Signal(bool)
    retagged = Signal()

    def __init__(self, session, parent: QObject | None = None):
        super().__init__(parent)
        self.session = session
        session.watch(self)

    def on_cleared(self) -> None:
        self.cleared.emit()

    def on_added(self, interviews: list, problems: list) -> None:
        self.added.emit(interviews, problems)

    def on_finished(self, complete: bool) -> None:
        self.loaded.emit(complete)

    def on_retagged(self) -> None:
        self.retagged.emit()
