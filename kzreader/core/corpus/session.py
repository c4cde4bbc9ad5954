"""The open corpus as one object: its interviews, their theme tags and the search index.

A :class:`Session` is the one place loaded files go.  ``start(paths)`` empties it and returns a
:class:`Load`; whoever runs the load (the window's loader thread, or :meth:`Session.load` for
the command line and tests) calls ``load.job()`` to get the ``LoadJob`` (``loading``) and
hands every batch of complete records (``Loaded``: the interview or problem, its theme tags
for the session's lexicon, already in the session's search index) to ``load.deliver``, then
``load.finish``.  Results of a load that a newer ``start`` replaced are ignored.

Watchers (see :class:`SessionWatcher`) are told, on the thread that feeds the session (the GUI
thread in the window), when it was emptied, what was added, when a load ended and when the
themes were tagged again after the lexicon changed.  Nothing here knows about Qt.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Iterable

from .corpus import Corpus
from ..model import Interview, Problem
from ..search.search import SearchIndex
from ..themes.lexicon import Lexicon
from ..themes.matching import ThemeIndex, lexicon_key
from ..themes.themes import CorpusThemes, tag_interview

if TYPE_CHECKING:
    from .loading import LoadJob, Loaded


@dataclass(frozen=True, slots=True)
class LoadSettings:
    """How files are loaded (the lexicon and the search index come from the session)."""

    cache_dir: str | None = None  # the parse cache folder (snapshots live beside it); None: none
    workers: int | None = None  # worker processes; None: one per core, at most 8


class SessionWatcher:
    """What a session tells its watchers; each method here does nothing, override what you need."""

    def on_cleared(self) -> None:
        """The session was emptied for a new load."""

    def on_added(self, interviews: list[Interview], problems: list[Problem]) -> None:
        """A batch arrived: its interviews (tagged and searchable) and the problems met,
        including the warnings of those interviews."""

    def on_finished(self, complete: bool) -> None:
        """The load ended: ran to the end (``complete``) or was stopped (what came stays)."""

    def on_retagged(self) -> None:
        """The lexicon changed and every interview was tagged again."""


class Load:
    """One load a session started.  ``job()`` runs in the loader's thread; ``deliver`` and
    ``finish`` are called on the session's thread and are ignored once a newer load began."""

    def __init__(self, session: "Session", generation: int, paths: list[str]):
        self._session = session
        self.generation = generation
        self.paths = tuple(paths)
        # fixed now: the job must not see a lexicon or an index that arrive later
        self.settings = session.settings
        self.lexicon = session.lexicon
        self.index = session.index

    @property
    def current(self) -> bool:
        return self._session._generation == self.generation

    def job(self) -> "LoadJob":
        # imported here, in the loader's thread: the parser's imports would delay the window
        from .loading import LoadJob

        return LoadJob(self.paths, cache_dir=self.settings.cache_dir, lexicon=self.lexicon,
                       workers=self.settings.workers, index=self.index)

    def deliver(self, records: Iterable["Loaded"]) -> None:
        if self.current:
            self._session._add(records)

    def finish(self, complete: bool = True) -> None:
        if self.current:
            self._session._finish(complete)

    def run(self, cancelled: Callable[[], bool] = lambda: False) -> bool:
        """The whole load in this thread (no window); True when it ran to the end."""
        complete = self.job().run(self.deliver, cancelled=cancelled)
        self.finish(complete)
        return complete


class Session:
    """The interviews of the open files (``corpus``), the themes each exchange carries under
    ``lexicon`` (``themes``) and the search ``index`` over them."""

    def __init__(self, lexicon: Lexicon | None = None, settings: LoadSettings | None = None):
        self.settings = settings or LoadSettings()
        self.paths: list[str] = []
        self.corpus = Corpus()
        self.index = SearchIndex()
        self.loading = False
        self._generation = 0
        self._watchers: list[SessionWatcher] = []
        self._use_lexicon(lexicon)

    # -- watchers ----------------------------------------------------------------------------
    def watch(self, watcher: SessionWatcher) -> None:
        self._watchers.append(watcher)

    def unwatch(self, watcher: SessionWatcher) -> None:
        self._watchers.remove(watcher)

    # -- loading -----------------------------------------------------------------------------
    def start(self, paths: Iterable[str]) -> Load:
        """Empty the session for a load of ``paths`` and return that load."""
        self._generation += 1
        self.paths = list(paths)
        self.corpus = Corpus()
        self.index = SearchIndex()
        self.themes = CorpusThemes(self.theme_ids)
        self.loading = True
        for w in list(self._watchers):
            w.on_cleared()
        return Load(self, self._generation, self.paths)

    def load(self, paths: Iterable[str], cancelled: Callable[[], bool] = lambda: False) -> bool:
        """Load ``paths`` here and now (the command line, tests); True when complete."""
        return self.start(paths).run(cancelled)

    def _add(self, records: Iterable["Loaded"]) -> None:
        corpus = self.corpus
        interviews: list[Interview] = []
        first_problem = len(corpus.problems)
        for record in records:
            item = record.item
            corpus.add(item)
            if not isinstance(item, Interview):
                continue
            interviews.append(item)
            if not record.indexed:  # the loader indexes as it goes; this is a safety net
                self.index.add_interview(item, record.terms)
                record.indexed = True
            if self.lexicon is not None:
                tags = record.themes
                if tags is None or record.lexicon_key != self._lexicon_key:
                    tags = self._tag(item)  # the lexicon changed while the file was loading
                self.themes.add(item.id, tags)
        problems = corpus.problems[first_problem:]
        if interviews or problems:
            for w in list(self._watchers):
                w.on_added(interviews, problems)

    def _finish(self, complete: bool) -> None:
        if not self.loading:
            return
        self.loading = False
        for w in list(self._watchers):
            w.on_finished(complete)

    # -- themes ------------------------------------------------------------------------------
    @property
    def lexicon_key(self) -> str | None:
        return self._lexicon_key

    def set_lexicon(self, lexicon: Lexicon | None) -> None:
        """Tag every interview again under ``lexicon`` (files still loading are tagged as
        they arrive)."""
        self._use_lexicon(lexicon)
        if self.lexicon is not None:
            for iv in self.corpus.interviews:
                self.themes.add(iv.id, self._tag(iv))
        for w in list(self._watchers):
            w.on_retagged()

    def _use_lexicon(self, lexicon: Lexicon | None) -> None:
        self.lexicon = lexicon
        self._theme_index: ThemeIndex | None = None
        self._lexicon_key = lexicon_key(lexicon) if lexicon is not None else None
        self.theme_ids = lexicon.ids if lexicon is not None else ()
        self.themes = CorpusThemes(self.theme_ids)

    @property
    def theme_index(self) -> ThemeIndex | None:
        """The lexicon compiled for matching (None without a lexicon).  Compiled where it is
        first needed, usually by the load tagging its first new file in the loader's thread
        (``ThemeIndex.compiled`` shares it): compiling here when the lexicon is set took the
        window's thread 90 ms of CPU (pymorphy3's start and the word forms) before the
        first load could start."""
        if self._theme_index is None and self.lexicon is not None:
            self._theme_index = ThemeIndex.compiled(self.lexicon)
        return self._theme_index

    def _tag(self, iv: Interview) -> tuple[frozenset[str], ...]:
        was_loaded = getattr(iv, "loaded", True)
        tags = tag_interview(self.theme_index, iv)
        if not was_loaded:
            iv.unload()  # a body read only for tagging goes back to the parse cache
        return tags

    # -- lookups -----------------------------------------------------------------------------
    def interview(self, interview_id: str) -> Interview | None:
        return self.corpus.by_id(interview_id)
