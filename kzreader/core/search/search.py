"""Corpus-wide search on tantivy, ranked with BM25.

The unit of search is an exchange (question + answer); each interview's lead paragraphs form
one more unit with exchange number 0.  Each unit is one tantivy document: the interview id,
the exchange number, and the unit's stems in text order, made by the process that parsed the
file (``analysis.Terms``), with a break token between paragraphs so that phrases never run
across one.  The window process only hands the documents to tantivy, whose indexing runs on
its own threads outside the GIL; why tantivy, with figures: README, "Choosing a search
engine" (``benchmarks/engine_bench.py``).

A query word matches the stems of all its forms (:mod:`kzreader.core.search.word_forms`), a phrase
any sequence of them, a prefix the stems of the words seen with that prefix.  The best units
are then checked on their own text (a prefix's stems may also stem other words), which also
yields the exact highlight spans (``hits``).  The index remembers every folded word form it has seen per
stem, so that check scans a unit's paragraphs for just the forms the query needs.

Where the loader has a cache folder, the index lives there on disk beside the corpus snapshot
(:meth:`SearchIndex.use_dir`); the snapshot names the index it was saved with by a token
that is also written into the index folder, and an index whose token, format or tantivy
version differs is emptied and built again, never trusted.  Without a folder it is in memory.

Thread safety: adding, removing and searching take one lock, so a loader thread may add
interviews while the GUI thread searches.
"""
from __future__ import annotations

import bisect
import os
import shutil
import threading
import time
import uuid
from itertools import product
from pathlib import Path
from typing import Callable, Collection, Iterable

import tantivy

from ..model import Interview
from ..text import stem
from .analysis import Terms, analyse
from .hits import ExchangeFilter, Hit, checked_hit, deferred_hit, token_finder
from .query import CandidateToken, PhraseTerm, PrefixTerm, Query, Term, WordTerm, parse_query

# what SearchIndex.state() stores and the index folder's token file holds
_STATE_FORMAT = f"2/tantivy-{tantivy.__version__ if hasattr(tantivy, '__version__') else '0.27'}"
_TOKEN_FILE = "kzreader-token"
_NUMBER_BITS = 20  # exchange numbers beside the interview's slot in the "key" field
_NUMBER_MAX = (1 << _NUMBER_BITS) - 1
_WRITER_HEAP = 48_000_000
WRITER_WAIT = 2.0  # seconds to wait for a folder another writer holds  # bytes tantivy may buffer before it writes a segment
_MAX_PHRASE_VARIANTS = 256  # a phrase of many many-stemmed words: the first variants only


def _schema() -> "tantivy.Schema":
    sb = tantivy.SchemaBuilder()
    sb.add_text_field("iid", tokenizer_name="raw", index_option="basic")  # to delete by
    # (interview slot << 20 | exchange number): read per hit from a column, no stored document
    sb.add_unsigned_field("key", fast=True)
    sb.add_text_field("stems", tokenizer_name="whitespace")
    return sb.build()


class SearchIndex:
    def __init__(self) -> None:
        self._lock = threading.RLock()
        self._schema = _schema()
        self._dir: Path | None = None
        self._index = tantivy.Index(self._schema)  # in memory until use_dir
        self._writer = None
        self._searcher = None
        self._changed = False  # documents added or deleted since the last commit
        self._token_cleared = False  # the folder's token no longer names its contents
        self._interviews: dict[str, Interview] = {}
        self._units: dict[str, int] = {}  # interview id -> units indexed
        self._slot_iid: list[str] = []  # the interview id of each slot (see the "key" field)
        self._slot_of: dict[str, int] = {}
        self._forms: dict[str, list[str]] = {}
        self._known_words: set[str] = set()
        self._sorted_words: list[str] | None = None
        self.restored = False  # the contents came from the folder through restore()

    # ---- where the index lives --------------------------------------------------------

    def use_dir(self, path: str | os.PathLike) -> bool:
        """Keep the index in the folder ``path`` (made if missing), before anything is added.

        What the folder holds is used only through :meth:`restore`; until then searches do
        not see it.  False (and the index stays in memory) when the folder cannot be used,
        e.g. while another process writes it.
        """
        path = Path(path)
        with self._lock:
            if self._interviews:
                raise RuntimeError("use_dir before adding interviews")
            try:
                path.mkdir(parents=True, exist_ok=True)
                try:
                    index = tantivy.Index(self._schema, str(path), reuse=True)
                except ValueError:  # not an index of this schema or this tantivy: start afresh
                    shutil.rmtree(path, ignore_errors=True)
                    path.mkdir(parents=True, exist_ok=True)
                    index = tantivy.Index(self._schema, str(path), reuse=False)
                writer = _writer(index)
            except (OSError, ValueError):
                return False
            self._index, self._writer, self._dir = index, writer, path
            self._searcher = None
            self._token_cleared = False
            return True

    def clear(self) -> None:
        """Forget everything, also what the folder holds."""
        with self._lock:
            self._writable().delete_all_documents()
            self._changed = True
            self._interviews.clear()
            self._units.clear()
            self._slot_iid.clear()
            self._slot_of.clear()
            self._forms.clear()
            self._known_words.clear()
            self._sorted_words = None

    def _writable(self):
        if self._dir is not None and not self._token_cleared:
            # before the folder changes: from now on it matches no snapshot
            _write_token(self._dir, "")
            self._token_cleared = True
        if self._writer is None:
            self._writer = _writer(self._index)
        return self._writer

    def commit(self) -> None:
        """Make what was added visible to searches (done by a search when needed)."""
        with self._lock:
            if self._changed:
                self._writable().commit()
                self._changed = False
                self._searcher = None

    def release(self) -> None:
        """Commit and let go of the writer (and its lock on the folder) after a load."""
        with self._lock:
            self.commit()
            if self._writer is not None:
                self._writer.wait_merging_threads()
                self._writer = None

    # ---- building --------------------------------------------------------------------

    def add_interview(self, iv: Interview, terms: Terms | None = None) -> None:
        """Index ``iv``; an interview already indexed under the same id is replaced.

        ``terms`` is ``analyse(iv)[0]`` when a worker process or the parse cache has it.
        """
        if terms is None:
            terms = analyse(iv)[0]
        numbers, _lengths, texts, forms = terms
        with self._lock:
            slot = self._slot_of.get(iv.id)
            if slot is None:
                slot = self._slot_of[iv.id] = len(self._slot_iid)
                self._slot_iid.append(iv.id)
        docs = []
        for number, text in zip(numbers, texts):
            doc = tantivy.Document(iid=iv.id, stems=text)
            doc.add_unsigned("key", slot << _NUMBER_BITS | min(number, _NUMBER_MAX))
            docs.append(doc)
        with self._lock:
            writer = self._writable()
            if iv.id in self._units:
                writer.delete_documents_by_term("iid", iv.id)
            for doc in docs:
                writer.add_document(doc)
            self._changed = True
            self._interviews[iv.id] = iv
            self._units[iv.id] = len(numbers)
            self._add_forms(forms)

    def _add_forms(self, forms: Iterable[str]) -> None:
        new = set(forms).difference(self._known_words)
        if new:
            self._known_words.update(new)
            for w in sorted(new):  # sorted: the same forms in the same order every run
                self._forms.setdefault(stem(w), []).append(w)
            self._sorted_words = None

    def add_interviews(self, ivs: Iterable[Interview]) -> None:
        for iv in ivs:
            self.add_interview(iv)

    def remove_interview(self, interview_id: str) -> bool:
        """Forget an interview (before a reload, or when its file is gone)."""
        with self._lock:
            self._interviews.pop(interview_id, None)
            if self._units.pop(interview_id, None) is None:
                return False
            self._writable().delete_documents_by_term("iid", interview_id)
            self._changed = True
            return True

    # ---- snapshots --------------------------------------------------------------------

    def state(self) -> tuple:
        """What a corpus snapshot keeps so a reopen can use the folder's index as it is:
        plain values ``marshal`` can store.  Commits first; an index in memory gives a
        state that :meth:`restore` refuses."""
        with self._lock:
            self.release()
            token = uuid.uuid4().hex
            if self._dir is not None:
                _write_token(self._dir, token)
                self._token_cleared = False
            return (_STATE_FORMAT, token, tuple(self._slot_iid), tuple(self._units.items()),
                    {s: tuple(f) for s, f in self._forms.items()})

    def restore(self, state: tuple, interviews: dict[str, Interview]) -> None:
        """:meth:`attach` then :meth:`keep_only`."""
        self.attach(state)
        self.keep_only(interviews)

    def attach(self, state: tuple) -> None:
        """Use the folder's index as ``state`` (from :meth:`state`) describes it; its
        interviews count as indexed (``in``) from now on, and are searched once
        :meth:`keep_only` has given their Interview objects.

        Raises ValueError, after emptying the index, when ``state`` does not describe the
        folder's index (another format or tantivy version, another or an unfinished save).
        """
        with self._lock:
            try:
                fmt, token, slots, units, forms = state
                if fmt != _STATE_FORMAT:
                    raise ValueError("unknown search index format")
                if self._dir is None or _read_token(self._dir) != token or not token:
                    raise ValueError("the search index is not the one the snapshot saved")
                units = dict(units)
                slots = list(slots)
                if not all(isinstance(i, str) for i in slots) or not units.keys() <= set(slots):
                    raise ValueError("inconsistent search index")
                form_lists = {s: list(f) for s, f in forms.items()}
                self._index.reload()
                if self._index.searcher().num_docs != sum(units.values()):
                    raise ValueError("the search index holds other documents")
            except (TypeError, ValueError, AttributeError) as e:
                self.clear()
                raise ValueError(f"damaged search index: {e}") from None
            self.restored = True
            self._units = units
            self._slot_iid = slots
            self._slot_of = {iid: k for k, iid in enumerate(slots)}
            self._interviews = {}
            self._forms = form_lists
            self._known_words = {w for f in form_lists.values() for w in f}
            self._sorted_words = None
            self._searcher = None

    def keep_only(self, interviews: dict[str, Interview]) -> None:
        """After :meth:`attach`: the interviews (id → interview) the index serves; those of
        the folder missing here are removed (their files changed or are gone)."""
        with self._lock:
            for iid in [iid for iid in self._units if iid not in interviews]:
                self._units.pop(iid)
                self._writable().delete_documents_by_term("iid", iid)
                self._changed = True
            self._interviews = {iid: interviews[iid] for iid in self._units}

    # ---- information -----------------------------------------------------------------

    def __len__(self) -> int:
        """Number of indexed interviews."""
        return len(self._interviews)

    def __contains__(self, interview_id: str) -> bool:
        return interview_id in self._units  # also between attach and keep_only

    def interview(self, interview_id: str) -> Interview | None:
        return self._interviews.get(interview_id)

    def stats(self) -> dict:
        """Sizes, for benchmarks and the about box."""
        with self._lock:
            disk = 0
            if self._dir is not None:
                disk = sum(f.stat().st_size for f in self._dir.iterdir() if f.is_file())
            return {
                "interviews": len(self._interviews),
                "units": sum(self._units.values()),
                "stems": len(self._forms),
                "word_forms": len(self._known_words),
                "disk_bytes": disk,
            }

    # ---- searching -------------------------------------------------------------------

    def search(
        self,
        query: str | Query,
        *,
        interview_ids: Collection[str] | None = None,
        exchange_filter: ExchangeFilter | None = None,
        limit: int = 200,
    ) -> list[Hit]:
        """The best ``limit`` units matching ``query``, best first.

        ``interview_ids`` restricts the search to those interviews; ``exchange_filter(
        interview_id, exchange_number)`` keeps only units it returns true for (theme scope).
        """
        q = parse_query(query) if isinstance(query, str) else query
        if q.is_empty or limit <= 0:
            return []
        with self._lock:
            tq = self._query(q, interview_ids)
            if tq is None:
                return []
            self.commit()
            if self._searcher is None:
                self._index.reload()
                self._searcher = self._index.searcher()
            return self._collect(q, tq, exchange_filter, limit)

    def _query(self, q: Query, interview_ids: Collection[str] | None):
        Q, Occur, schema = tantivy.Query, tantivy.Occur, self._schema
        clauses = []
        for term in q.include:
            part = self._term_query(term)
            if part is None:
                return None  # a positive term that cannot occur
            clauses.append((Occur.Must, part))
        for term in q.exclude:
            if not isinstance(term, PrefixTerm):  # prefixes are excluded on the text
                part = self._term_query(term)
                if part is not None:
                    clauses.append((Occur.MustNot, part))
        if interview_ids is not None:
            ids = [i for i in interview_ids if i in self._interviews]
            if not ids:
                return None
            clauses.append((Occur.Must, Q.term_set_query(schema, "iid", ids)))
        return Q.boolean_query(clauses)

    def _term_query(self, term: Term):
        Q, Occur, schema = tantivy.Query, tantivy.Occur, self._schema
        if isinstance(term, PhraseTerm):
            variants = [list(v) for _, v in zip(range(_MAX_PHRASE_VARIANTS),
                                                 product(*map(sorted, term.alternatives)))]
            return Q.boolean_query([(Occur.Should, Q.phrase_query(schema, "stems", v))
                                    for v in variants])
        stems = (sorted(term.stems) if isinstance(term, WordTerm)
                 else self._stems_with_prefix(term.prefix))
        if not stems:
            return None
        return Q.boolean_query([(Occur.Should, Q.term_query(schema, "stems", s)) for s in stems])

    def _stems_with_prefix(self, prefix: str) -> list[str]:
        return sorted({stem(w) for w in self._words_with_prefix(prefix)})

    def _words_with_prefix(self, prefix: str) -> list[str]:
        if self._sorted_words is None:
            self._sorted_words = sorted(self._known_words)
        sw = self._sorted_words
        i = bisect.bisect_left(sw, prefix)
        j = bisect.bisect_left(sw, prefix + "\U0010ffff")
        return sw[i:j]

    def _collect(self, q: Query, tq, exchange_filter: ExchangeFilter | None, limit: int) -> list[Hit]:
        finder = self._finder(q)
        searcher = self._searcher
        # When the index answers exactly as the text would, every candidate is a hit and its
        # spans and snippet can wait until something asks for them.
        exact = self._answers_exactly(q)
        hits: list[Hit] = []
        # Most candidates are real hits; rank a few more than needed and widen if some fail
        # the phrase/prefix check or the scope filter.
        # (tantivy makes room for offset + want hits up front: never ask for more than exist)
        docs = searcher.num_docs
        want, offset = limit * 2 + 20, 0
        while True:
            want = min(want, docs - offset)
            if want <= 0:
                return hits
            found = searcher.search(tq, want, count=False, offset=offset).hits
            keys = searcher.fast_field_values("key", [address for _score, address in found])
            for (score, _address), key in zip(found, keys):
                iv = self._interviews.get(self._slot_iid[key >> _NUMBER_BITS])
                if exact:
                    hit = deferred_hit(q, iv, key & _NUMBER_MAX, score, finder, exchange_filter)
                else:
                    hit = checked_hit(q, iv, key & _NUMBER_MAX, score, finder, exchange_filter)
                if hit is not None:
                    hits.append(hit)
                    if len(hits) >= limit:
                        return hits
            if len(found) < want:
                return hits
            offset += want
            want *= 4

    def _answers_exactly(self, q: Query) -> bool:
        """True when every unit the index finds for ``q`` also matches on its text.

        Words and phrases are matched in the index as on the text (a phrase's words are
        adjacent stems there, as they are adjacent words in a paragraph).  A prefix is looked
        up through the stems of the words seen with it, and another form of one of those stems
        may not have the prefix ("газом" and "газ" for "газо*"): exact only when none does.
        Excluded prefixes are only checked on the text.
        """
        if any(isinstance(t, PrefixTerm) for t in q.exclude):
            return False
        for t in q.include:
            if isinstance(t, PrefixTerm):
                for s in self._stems_with_prefix(t.prefix):
                    if not all(f.startswith(t.prefix) for f in self._forms.get(s, ())):
                        return False
        return True

    def _finder(self, q: Query) -> Callable[[str], list[CandidateToken]]:
        return token_finder(q, self._forms, self._words_with_prefix)


def _writer(index):
    """The index's writer; a load stopping in another thread may hold it for a moment."""
    deadline = time.monotonic() + WRITER_WAIT
    while True:
        try:
            return index.writer(heap_size=_WRITER_HEAP, num_threads=1)
        except ValueError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def _write_token(folder: Path, token: str) -> None:
    tmp = folder / (_TOKEN_FILE + ".tmp")
    with open(tmp, "w", encoding="ascii") as f:
        f.write(f"{_STATE_FORMAT}\n{token}\n")
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, folder / _TOKEN_FILE)


def _read_token(folder: Path) -> str:
    try:
        fmt, token = (folder / _TOKEN_FILE).read_text("ascii").split("\n")[:2]
    except (OSError, ValueError, UnicodeDecodeError):
        return ""
    return token if fmt == _STATE_FORMAT else ""
