"""Loading many files: the parse cache first, then parsing on every core.

For each file the result is a ``Loaded``: the Interview (or a Problem) plus what search and
themes need from it (``terms``, ``themes``), computed where the parsing happens so that the
GUI process only merges.  Cached files come first, in file order; the rest follow in file
order as they are parsed (when nothing came from the cache before it, the first file to
parse goes out at once).  Small loads parse in the calling thread; larger ones use a pool of
worker *processes* (Python threads would share one core), started with "spawn" because forking
a process that runs Qt threads is unsafe.  Workers send back plain tuples (``codec``), not
pickled dataclasses, and write the cache entries themselves.
"""
from __future__ import annotations

import gc
import multiprocessing
import os
import time
from collections import deque
from concurrent.futures import ProcessPoolExecutor, TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from functools import partial
from itertools import chain, filterfalse
from typing import Callable

from .. import messages
from . import codec, corpus, snapshot, stage_times
from ..search.analysis import analyse
from .lazy import make_lazy
from ..model import Interview, Problem
from .parse_cache import Entry, ParseCache, source_key, terms_blob, terms_from_blob
from ..search.search import SearchIndex
from .snapshot import Record, Snapshot
from ..sources.sources import iter_source_files
from ..themes.lexicon import Lexicon
from ..themes.matching import ThemeIndex, lexicon_key
from ..themes.themes import tag_interview

# below this many files to parse, starting worker processes costs more than it saves
MIN_FILES_FOR_POOL = 48
CHUNK = 12  # files per task sent to a worker
BATCH_SIZE = 64
BATCH_SECONDS = 0.1
# After the first seconds rows come in fewer, larger batches: each batch costs the window a
# repaint of the list, the theme counts and the progress bar (a few ms, whatever its size),
# which at 0.1 s intervals was 0.3 ms of the GUI thread per file on a long load.
SETTLED_AFTER = 2.0  # seconds
SETTLED_BATCH_SECONDS = 0.5
SETTLED_BATCH_SIZE = 5000
SNAPSHOT_BATCH = 1000  # files taken from a corpus snapshot arrive together
HELD_QUERY_FROM = 2000  # from this many look-ups, reading all cached paths (25 ms at 30,000) pays


@dataclass(slots=True)
class Loaded:
    item: Interview | Problem
    # analysis.Terms of the item, for search; from a worker process its word forms leave out
    # those the worker sent with an earlier file of the load (the index takes the files in
    # load order, and a form it has seen once it knows)
    terms: tuple | None = None
    themes: tuple[frozenset[str], ...] | None = None  # per exchange, for ``lexicon_key``
    lexicon_key: str | None = None
    cached: bool = False
    key: tuple | None = None  # parse_cache.source_key the item was made from
    indexed: bool = False  # already added to LoadJob's search index
    record: Record | None = None  # for the corpus snapshot, as a worker sent it


def default_workers() -> int:
    return max(1, min(os.cpu_count() or 1, 8))


class _Analyser:
    """Parse + analyse + cache one file; the same code runs in-thread and in workers."""

    def __init__(self, lexicon: Lexicon | ThemeIndex | None, cache_dir: str | None):
        if isinstance(lexicon, ThemeIndex):  # compiled already (sent to a worker process)
            self._index: ThemeIndex | None = lexicon.adopt()
            lexicon = lexicon.lexicon
        else:
            self._index = None
        self.lexicon = lexicon
        self.key = lexicon_key(lexicon) if lexicon is not None else None
        self.cache = ParseCache(cache_dir) if cache_dir else None
        # in a worker process, the word forms sent with earlier files: not sent again (hashing
        # and comparing them in the window cost 0.1 ms a file, a file's forms being some 600)
        self.sent_forms: set[str] | None = None

    def index(self) -> ThemeIndex | None:
        if self._index is None and self.lexicon is not None:
            self._index = ThemeIndex.compiled(self.lexicon)
        return self._index

    def tags(self, iv: Interview) -> tuple[tuple[str, ...], ...] | None:
        index = self.index()
        if index is None:
            return None
        return _plain_tags(tag_interview(index, iv))

    def parse(self, path: str) -> tuple:
        """The file as a plain tuple (see ``from_plain``)."""
        return self.parse_many([path])[0]

    def parse_many(self, paths: list[str]) -> list[tuple]:
        """The files as plain tuples, their cache entries written in one transaction."""
        parsed = []
        for path in paths:
            try:
                parsed.append(self._parse(path))
            except Exception as e:  # noqa: BLE001 — one bad file must not lose the others
                parsed.append(("problem", path, f"internal error while parsing: {type(e).__name__}: {e}",
                               "error"))
        with stage_times.stage("cache write"):
            stored = self.cache is not None and self.cache.put_many(
                (p[1], p[2], p[3]) for p in parsed if p[0] == "parsed")
        with stage_times.stage("encode for the window"):
            return [_plain(p, stored, self.sent_forms) for p in parsed]

    def _parse(self, path: str) -> tuple:
        key = source_key(path)  # taken before reading: an edit during the read makes it stale
        with stage_times.stage("parse (read, decode, parse)"):
            item = corpus.load_file(path)  # looked up per call so tests can substitute it
        if isinstance(item, Problem):
            return ("problem", item.path, messages.to_plain(item.message), item.severity)
        with stage_times.stage("analyse (words, stems, themes)"):
            terms, per_exchange = analyse(item, self.index())
            themes = (self.key, _plain_tags(per_exchange)) if per_exchange is not None else None
        with stage_times.stage("search terms to bytes"):
            blob = terms_blob(terms)  # once, for the cache and for the window
        return ("parsed", path, key, Entry(item, terms, themes, blob))

    def from_cache(self, path: str) -> Loaded | None:
        if self.cache is None:
            return None
        key = source_key(path)
        entry = self.cache.get(path, key, lazy=True)
        if entry is None:
            return None
        themes = entry.themes
        if self.key is not None and (themes is None or themes[0] != self.key):
            # the lexicon changed since the entry was written: re-tag and keep the entry current
            iv = entry.interview
            themes = (self.key, self.tags(iv))
            self.cache.put(path, key, Entry(iv, entry.terms, themes, entry.blob))
            iv.unload()
        return _loaded(entry.interview, entry.terms, themes, cached=True, key=key)


def _plain(parsed: tuple, stored: bool, sent_forms: set[str] | None) -> tuple:
    if parsed[0] != "parsed":
        return parsed
    _, path, key, entry = parsed
    new = forms = entry.terms[3]
    if sent_forms is not None:
        new = tuple(filterfalse(sent_forms.__contains__, forms))  # in C: most are known
        sent_forms.update(new)
    if stored and key is not None:
        # the body is in the cache now: send only what the list needs
        return ("lazy", codec.summary(entry.interview), entry.blob, new, entry.themes, path, key)
    return ("ok", codec.encode(entry.interview), entry.blob, new, entry.themes)


def _plain_tags(per_exchange) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(sorted(t)) for t in per_exchange)  # sorted: the cache stays deterministic


def _loaded(iv: Interview, terms, themes, cached: bool = False, key: tuple | None = None,
            indexed: bool = False) -> Loaded:
    if themes is None:
        return Loaded(iv, terms, cached=cached, key=key, indexed=indexed)
    lex_key, tags = themes
    return Loaded(iv, terms, tuple(frozenset(t) for t in tags), lex_key, cached, key, indexed)


def from_plain(data: tuple, cache: ParseCache | None = None) -> Loaded:
    if data[0] == "problem":
        return Loaded(Problem(data[1], messages.from_plain(data[2]), data[3]))
    if data[0] == "lazy":  # only made where a cache was written, and ``cache`` is that cache
        _, head, blob, forms, themes, path, key = data
        fields, count, warnings = codec.decode_summary(head)
        iv = make_lazy(fields, count, warnings, partial(cache.body, path, key))
        loaded = _loaded(iv, terms_from_blob(blob, forms), themes, key=key)
        loaded.record = Record(key, head, themes[1] if themes is not None else None)
        return loaded
    _, iv, blob, forms, themes = data
    return _loaded(codec.decode(iv), terms_from_blob(blob, forms), themes)


# -- worker processes -----------------------------------------------------------------------
_worker: _Analyser | None = None


def _init_worker(lexicon: Lexicon | ThemeIndex | None, cache_dir: str | None) -> None:
    global _worker
    _worker = _Analyser(lexicon, cache_dir)
    _worker.sent_forms = set()
    # What a worker keeps (modules, the theme index, its memos) lives as long as it does, and
    # a chunk's objects die together once it is sent: the collector need not go through the
    # first again and again, nor look at the second every 700 allocations (0.057 ms a file of
    # collecting before, 0.010 after).  Cycles are still collected, less often.
    gc.freeze()
    gc.set_threshold(20_000, 20, 20)


def _ready() -> None:
    """A task that only makes the pool start a worker process."""


def _parse_chunk(paths: list[str]) -> list[tuple]:
    assert _worker is not None
    out = _worker.parse_many(paths)
    stage_times.flush(every=1.0)  # and when the worker ends
    return out


# -- the load ----------------------------------------------------------------------------------
class LoadJob:
    """One load of ``paths``.  ``run`` calls ``emit(list[Loaded])`` with batches as they are
    ready and ``progress(done, total)``; it returns early when ``cancelled()`` turns true."""

    def __init__(self, paths, *, cache_dir: str | None = None, lexicon: Lexicon | None = None,
                 workers: int | None = None, index: SearchIndex | None = None):
        self.paths = list(paths)
        # filled here, off the GUI thread; with a parse cache its state is kept in a snapshot
        self.index = index
        self.from_snapshot = 0  # files the last run took from the snapshot
        self.cache_dir = cache_dir or None
        self.lexicon = lexicon
        self.workers = default_workers() if workers is None else max(1, workers)
        self.used_pool = False

    def run(self, emit: Callable[[list[Loaded]], None],
            progress: Callable[[int, int], None] = lambda done, total: None,
            cancelled: Callable[[], bool] = lambda: False) -> bool:
        """True when the load ran to the end, False when it was cancelled."""
        analyser = _Analyser(self.lexicon, self.cache_dir)
        if self.index is not None and analyser.cache is not None:
            # the index lives beside the snapshot; what it holds counts only once restored
            self.index.use_dir(snapshot.index_dir(self.cache_dir, self.paths))
        try:
            return self._run(analyser, emit, progress, cancelled)
        finally:
            if self.index is not None:
                with stage_times.stage("window: index commit"):
                    self.index.release()  # commit, and free the folder for the next load

    def _run(self, analyser: "_Analyser", emit, progress, cancelled) -> bool:
        errors: list[tuple[str, messages.Message]] = []
        files = []
        for path in iter_source_files(self.paths, errors=errors):
            if cancelled():
                return False
            files.append(path)
        total = len(files)
        progress(0, total)
        out = _Batcher(emit, progress, total, self.index)

        remaining = self._restore(files, analyser, out, cancelled)
        if remaining is None:
            return False
        misses = []
        pool = None
        held = analyser.cache.held_paths() if analyser.cache and len(remaining) >= HELD_QUERY_FROM else None
        try:
            for path in remaining:
                if cancelled():
                    return False
                with stage_times.stage("window: cache look-ups"):  # only what the cache holds
                    hit = analyser.from_cache(path) if held is None or path in held else None
                if hit is not None:
                    out.add(hit)
                elif not out.done:
                    # the first row waits neither for the other files' cache look-ups (some 2 s
                    # of misses for 30,000 new files) nor for worker processes to start
                    out.add(from_plain(analyser.parse(path), analyser.cache))
                    if len(remaining) > MIN_FILES_FOR_POOL and self.workers > 1:
                        # a cold load, most likely: the workers start (import, about 0.5 s
                        # each) while the other files are looked up in the cache
                        pool = self._start_pool(len(remaining))
                else:
                    misses.append(path)
            if len(misses) >= MIN_FILES_FOR_POOL and self.workers > 1:
                self.used_pool = True
                pool, started = None, pool
                misses = self._run_pool(misses, out, cancelled, analyser.cache, started)
                if misses is None:
                    return False
        finally:
            if pool is not None:  # started for nothing (the files were in the cache after all)
                pool.shutdown(wait=False, cancel_futures=True)
        # small loads, and whatever a broken pool left over, are parsed here
        for path in misses:
            if cancelled():
                return False
            out.add(from_plain(analyser.parse(path), analyser.cache))
        for p, message in errors:
            out.add(Loaded(Problem(p, message)))
        out.flush()
        if self._snapshot_stale and self.index is not None and analyser.cache is not None:
            with stage_times.stage("window: snapshot save"):
                snapshot.save(self.cache_dir, self.paths,
                          Snapshot(analyser.key, out.records, self.index.state()))
        return True

    def _restore(self, files: list[str], analyser: _Analyser, out: "_Batcher",
                 cancelled) -> list[str] | None:
        """Hand out the files the corpus snapshot still holds; return the rest (None when
        cancelled)."""
        self.from_snapshot = 0
        self._snapshot_stale = True
        if self.index is None:
            return files
        snap = snapshot.load(self.cache_dir, self.paths) if analyser.cache is not None else None
        if snap is None or snap.lexicon_key != analyser.key or not files:
            self.index.clear()  # whatever its folder holds, every file is added again
            return files
        try:
            # before any row goes out: the window indexes a row its index does not hold
            self.index.attach(snap.index_state)
        except ValueError:
            # not the index the snapshot saved (attach emptied it), or its folder is busy in
            # another process: load the normal way; the snapshot is written again at the end
            return files
        cache, records = analyser.cache, snap.records
        kept: list[Loaded] = []
        rest = []
        sent_first = False  # the first row goes out before the whole snapshot is gone through
        folders = _FolderNames()
        # the objects made here live as long as the corpus: collecting meanwhile is wasted work
        # (where collection is on, as in `kzreader search`: 114 fewer collections, some 100 ms,
        # for 10,000 interviews; the window has it off already, see gui.collector)
        collecting = gc.isenabled()
        gc.disable()
        try:
            # a corpus has few distinct sets of themes per exchange: make each frozenset once
            sets = {t: frozenset(t) for t in chain.from_iterable(
                r.themes for r in records.values() if r.themes is not None)}
            for path in files:
                if cancelled():
                    return None
                rec = records.get(path)
                key = source_key(path, folders.names(path)) if rec is not None else None
                if rec is None or key != rec.key:
                    rest.append(path)
                    continue
                fields, count, warnings = codec.decode_summary(rec.summary)
                iv = make_lazy(fields, count, warnings, partial(cache.body, path, key))
                themes = tuple(map(sets.__getitem__, rec.themes)) if rec.themes is not None else None
                kept.append(Loaded(iv, None, themes, snap.lexicon_key if themes is not None else None,
                                   cached=True, key=key, indexed=True))
                out.records[path] = rec
                if len(kept) == 1 and not out.done:
                    out.add(kept[0])
                    sent_first = True
            self.index.keep_only({k.item.id: k.item for k in kept})
        except (ValueError, TypeError, KeyError):
            snapshot.remove(self.cache_dir, self.paths)  # damaged: load the normal way
            self.index.clear()
            if not sent_first:
                return files
            self.index.add_interview(kept[0].item)  # it went out already: index it the slow way
            return [p for p in files if p != kept[0].item.path]
        finally:
            if collecting:
                gc.enable()
        # they are ready all at once: big batches mean fewer signals, row inserts and repaints
        out.add_many(kept[1:] if sent_first else kept, SNAPSHOT_BATCH)
        self.from_snapshot = len(kept)
        self._snapshot_stale = bool(rest) or len(kept) != len(records)
        return rest

    def _start_pool(self, files: int) -> ProcessPoolExecutor | None:
        """A pool of worker processes for ``files`` files, its processes starting now; None
        when processes cannot be started here."""
        workers = min(self.workers, -(-files // CHUNK))
        try:
            pool = ProcessPoolExecutor(
                max_workers=workers,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_init_worker,
                # the compiled theme index, not the lexicon: no worker compiles it again
                initargs=(ThemeIndex.compiled(self.lexicon) if self.lexicon is not None else None,
                          self.cache_dir),
            )
            for _ in range(workers):  # each task no worker has taken yet starts one
                pool.submit(_ready)
            return pool
        except (OSError, ValueError, NotImplementedError, RuntimeError, BrokenProcessPool):
            return None

    def _run_pool(self, paths: list[str], out: "_Batcher", cancelled,
                  cache: ParseCache | None, pool: ProcessPoolExecutor | None = None
                  ) -> list[str] | None:
        """Parse ``paths`` in worker processes (``pool`` if started already), in order.
        Returns the paths still to parse (all of them when the pool cannot start or
        breaks), or None when cancelled."""
        chunks = [paths[i:i + CHUNK] for i in range(0, len(paths), CHUNK)]
        done = 0  # chunks whose results were handed out
        if pool is None:
            pool = self._start_pool(len(paths))
            if pool is None:
                return paths
        # a bounded window of chunks in flight: results come back in order, memory stays flat
        window = 3 * self.workers
        pending: deque = deque()
        try:
            while done < len(chunks):
                while len(pending) < window and done + len(pending) < len(chunks):
                    pending.append(pool.submit(_parse_chunk, chunks[done + len(pending)]))
                fut = pending[0]
                while True:
                    if cancelled():
                        return None
                    try:
                        results = fut.result(timeout=0.05)
                        break
                    except FutureTimeout:
                        continue
                pending.popleft()
                done += 1
                for r in results:
                    with stage_times.stage("window: decode worker results"):
                        loaded = from_plain(r, cache)
                    out.add(loaded)
            return []
        except (BrokenProcessPool, OSError, RuntimeError):
            # a worker died (killed, out of memory) or processes cannot start here
            return [p for chunk in chunks[done:] for p in chunk]
        finally:
            pool.shutdown(wait=False, cancel_futures=True)


class _FolderNames:
    """File names per folder, listed once, to look sidecars up without a stat each."""

    def __init__(self):
        self._names: dict[str, frozenset[str] | None] = {}

    def names(self, path: str) -> frozenset[str] | None:
        folder = os.path.dirname(path)
        if folder not in self._names:
            try:
                self._names[folder] = frozenset(os.listdir(folder))
            except OSError:
                self._names[folder] = None  # then source_key stats as usual
        return self._names[folder]


class _Batcher:
    """Indexes results (when given a search index), notes what a snapshot needs, and groups
    them so a large load does not send one message per file."""

    def __init__(self, emit, progress, total: int, index: SearchIndex | None = None):
        self.emit = emit
        self.progress = progress
        self.total = total
        self.index = index
        self.records: dict[str, Record] = {}
        self.done = 0
        self.pending: list[Loaded] = []
        self.last = self.start = time.monotonic()
        self.size, self.seconds = BATCH_SIZE, BATCH_SECONDS

    def add(self, loaded: Loaded) -> None:
        item = loaded.item
        if isinstance(item, Interview):
            if self.index is not None and not loaded.indexed:
                with stage_times.stage("window: index add"):
                    self.index.add_interview(item, loaded.terms)
                loaded.indexed = True
            if loaded.key is not None and item.path not in self.records:
                with stage_times.stage("window: snapshot records"):
                    self.records[item.path] = loaded.record or Record(
                        loaded.key, codec.summary(item),
                        _plain_tags(loaded.themes) if loaded.themes is not None else None)
        self.pending.append(loaded)
        self.done += 1
        now = time.monotonic()
        # the first file goes out alone so the window has something to show at once
        if self.done == 1 or len(self.pending) >= self.size or now - self.last >= self.seconds:
            if now - self.start >= SETTLED_AFTER:
                self.size, self.seconds = SETTLED_BATCH_SIZE, SETTLED_BATCH_SECONDS
            self.flush()

    def add_many(self, items: list[Loaded], batch: int) -> None:
        """Hand out items that are ready together (indexed and recorded already)."""
        self.flush()
        for i in range(0, len(items), batch):
            chunk = items[i:i + batch]
            self.pending = list(chunk)
            self.done += len(chunk)
            self.flush()

    def flush(self) -> None:
        if self.pending:
            batch, self.pending = self.pending, []
            with stage_times.stage("window: hand to the GUI (hooks)"):
                self.emit(batch)
        self.progress(min(self.done, self.total), self.total)
        self.last = time.monotonic()
