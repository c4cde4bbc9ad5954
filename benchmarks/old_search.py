"""The hand-written search index kzreader used before tantivy, kept for
``benchmarks/engine_bench.py`` only: a corpus-wide inverted index over stems, ranked with BM25.

The unit of search is an exchange (question + answer); each interview's lead paragraphs form
one more unit with exchange number 0.  Postings hold no positions, to keep memory small: a
posting is one 32-bit integer, ``unit id << 8 | min(term frequency, 255)``, appended to an
``array('I')`` per stem, so postings stay sorted by unit id.  Phrases and prefixes are
narrowed down with the postings and then checked on the unit's own text at query time (only
for the hits actually returned), which also yields the exact highlight spans.

To find the words of a unit quickly, the index remembers every folded word form it has seen
per stem; at query time a regular expression of just the forms the query needs scans the
unit's paragraphs, instead of tokenising them in full.

Thread safety: adding, removing and searching take one lock, so a loader thread may add
interviews while the GUI thread searches (tokenising happens outside the lock).
"""
from __future__ import annotations

import bisect
import heapq
import math
import sys
import threading
from array import array
from itertools import repeat
from typing import Callable, Collection

from kzreader.core.search.analysis import BREAK
from kzreader.core.model import Interview
from kzreader.core.search.query import CandidateToken, PhraseTerm, Query, Term, WordTerm, parse_query
from kzreader.core.search.hits import ExchangeFilter, Hit, checked_hit, token_finder
from kzreader.core.search.search import SearchIndex as NewIndex
from kzreader.core.text import stem


def old_terms(terms: tuple) -> tuple:
    """``analysis.Terms`` as this index took them: per unit its distinct stems and counts."""
    from collections import Counter

    numbers, lengths, texts, forms = terms
    ends, stems, counts = [], [], []
    for text in texts:
        tf = Counter(text.split())
        tf.pop(BREAK, None)
        stems.extend(tf)
        counts.extend(tf.values())
        ends.append(len(stems))
    return numbers, lengths, tuple(ends), tuple(stems), tuple(counts), forms


K1 = 1.2
B = 0.75
_TF_BITS = 8
_TF_MAX = (1 << _TF_BITS) - 1
_MAX_UNITS = 1 << (32 - _TF_BITS)
# what SearchIndex.state() stores; the byte order and item size of the arrays are part of it
_STATE_FORMAT = f"1/{sys.byteorder}/{array('I').itemsize}"  # unit ids must fit beside the tf in 32 bits
# Above this many word forms a query's regular expression gets slow to build; tokenise instead.
_MAX_REGEX_FORMS = 1500




class SearchIndex:
    def __init__(self) -> None:
        self._lock = threading.RLock()
        # per unit (index = unit id)
        self._unit_slot = array("I")  # interview slot
        self._unit_num = array("I")  # exchange number
        self._unit_len = array("I")  # tokens
        self._dead = bytearray()
        # per interview slot
        self._interviews: list[Interview | None] = []
        self._slot_units: list[range] = []
        self._slot_of: dict[str, int] = {}
        self._postings: dict[str, array] = {}
        self._forms: dict[str, list[str]] = {}
        self._known_words: set[str] = set()
        self._sorted_words: list[str] | None = None
        self._live_units = 0
        self._live_tokens = 0
        self._dead_units = 0
        self._norms: list[float] | None = None

    # ---- building --------------------------------------------------------------------

    def add_interview(self, iv: Interview, terms: tuple) -> None:
        """Index ``iv`` from its old-style terms, ``old_terms(analysis.Terms)``."""
        numbers, lengths, ends, stems, counts, forms = terms
        with self._lock:
            assert iv.id not in self._slot_of, "the benchmark adds each interview once"
            n = len(numbers)
            assert len(self._unit_slot) + n < _MAX_UNITS
            slot = len(self._interviews)
            self._interviews.append(iv)
            self._slot_of[iv.id] = slot
            first = len(self._unit_slot)
            self._unit_slot.extend(repeat(slot, n))
            self._unit_num.extend(numbers)
            self._unit_len.extend(lengths)
            self._dead.extend(bytes(n))
            self._live_units += n
            self._live_tokens += sum(lengths)
            self._slot_units.append(range(first, first + n))
            self._norms = None
            new = set(forms).difference(self._known_words)
            if new:
                self._known_words.update(new)
                for w in sorted(new):  # sorted: the same forms in the same order every run
                    self._forms.setdefault(stem(w), []).append(w)
                self._sorted_words = None
            postings = self._postings
            a = 0
            for uid, b in enumerate(ends, first):
                base = uid << _TF_BITS
                for s, c in zip(stems[a:b], counts[a:b]):
                    p = postings.get(s)
                    if p is None:
                        p = postings[s] = array("I")
                    p.append(base | (c if c < _TF_MAX else _TF_MAX))
                a = b

    # ---- snapshots --------------------------------------------------------------------

    def state(self) -> tuple:
        """The index without its interviews, as plain values ``marshal`` can store, so a
        reopened corpus restores it instead of merging every interview again."""
        with self._lock:
            ids: list[str | None] = [None] * len(self._interviews)
            for iid, slot in self._slot_of.items():
                ids[slot] = iid
            return (
                _STATE_FORMAT, tuple(ids),
                self._unit_slot.tobytes(), self._unit_num.tobytes(), self._unit_len.tobytes(),
                bytes(self._dead), tuple((r.start, r.stop) for r in self._slot_units),
                {s: p.tobytes() for s, p in self._postings.items()},
                {s: tuple(f) for s, f in self._forms.items()},
                self._live_units, self._live_tokens, self._dead_units,
            )

    # ---- searching -------------------------------------------------------------------

    def search(
        self,
        query: str | Query,
        *,
        interview_ids: Collection[str] | None = None,
        exchange_filter: ExchangeFilter | None = None,
        limit: int = 200,
    ) -> list[Hit]:
        q = parse_query(query) if isinstance(query, str) else query
        if q.is_empty or limit <= 0:
            return []
        with self._lock:
            scores = self._candidates(q, interview_ids)
            if not scores:
                return []
            return self._collect(q, scores, exchange_filter, limit)

    def _norm(self) -> list[float]:
        if self._norms is None:
            avg = self._live_tokens / self._live_units if self._live_units else 1.0
            avg = avg or 1.0
            a, b = K1 * (1 - B), K1 * B / avg
            self._norms = [a + b * n for n in self._unit_len]
        return self._norms

    def _idf(self, df: int) -> float:
        n = max(self._live_units, df)
        return math.log(1.0 + (n - df + 0.5) / (df + 0.5))

    def _stems_with_prefix(self, prefix: str) -> list[str]:
        return sorted(set(NewIndex._stems_with_prefix(self, prefix)) & self._postings.keys())

    _words_with_prefix = NewIndex._words_with_prefix

    def _groups(self, term: Term) -> list[list[str]]:
        """Stem groups a unit must have (one stem of each group) to possibly match ``term``."""
        if isinstance(term, WordTerm):
            return [sorted(term.stems)]
        if isinstance(term, PhraseTerm):
            return [sorted(a) for a in dict.fromkeys(term.alternatives)]
        return [self._stems_with_prefix(term.prefix)]

    def _candidates(self, q: Query, interview_ids: Collection[str] | None) -> dict[int, float]:
        """unit id → BM25 score for units holding every positive term's stems."""
        norms = self._norm()
        groups: list[list[str]] = []
        for term in q.include:
            groups.extend(self._groups(term))
        post = self._postings
        sized = []
        for g in groups:
            df = sum(len(post[s]) for s in g if s in post)
            if df == 0:
                return {}  # a positive term occurs nowhere
            sized.append((df, g))
        sized.sort(key=lambda t: t[0])

        allowed: list[int] | None = None
        if interview_ids is not None:
            allowed = [u for iid in interview_ids for u in self._units_of(iid)]
            if not allowed:
                return {}

        scores: dict[int, float] = {}
        if allowed is not None and len(allowed) < sized[0][0]:
            scores = dict.fromkeys(allowed, 0.0)
            rest = sized
        else:
            first = sized[0][1]
            for s in first:
                p = post.get(s)
                if not p:
                    continue
                idf = self._idf(len(p))
                k = idf * (K1 + 1)
                for x in p:
                    u = x >> _TF_BITS
                    tf = x & _TF_MAX
                    scores[u] = scores.get(u, 0.0) + k * tf / (tf + norms[u])
            if allowed is not None:
                keep = set(allowed)
                scores = {u: v for u, v in scores.items() if u in keep}
            rest = sized[1:]

        for df, g in rest:
            if not scores:
                return {}
            new: dict[int, float] = {}
            for s in g:
                p = post.get(s)
                if not p:
                    continue
                k = self._idf(len(p)) * (K1 + 1)
                if len(p) > 4 * len(scores):
                    # long postings list: look each candidate up by binary search
                    n = len(p)
                    for u in scores:
                        i = bisect.bisect_left(p, u << _TF_BITS)
                        if i < n and p[i] >> _TF_BITS == u:
                            tf = p[i] & _TF_MAX
                            new[u] = new.get(u, 0.0) + k * tf / (tf + norms[u])
                else:
                    for x in p:
                        u = x >> _TF_BITS
                        if u in scores:
                            tf = x & _TF_MAX
                            new[u] = new.get(u, 0.0) + k * tf / (tf + norms[u])
            scores = {u: scores[u] + v for u, v in new.items()}

        for term in q.exclude:
            if not isinstance(term, WordTerm):
                continue  # phrases and prefixes are checked on the text
            for s in term.stems:
                p = post.get(s)
                if not p or not scores:
                    continue
                if len(p) > 4 * len(scores):
                    n = len(p)
                    for u in list(scores):
                        i = bisect.bisect_left(p, u << _TF_BITS)
                        if i < n and p[i] >> _TF_BITS == u:
                            del scores[u]
                else:
                    for x in p:
                        scores.pop(x >> _TF_BITS, None)
        dead = self._dead
        if self._dead_units:
            scores = {u: v for u, v in scores.items() if not dead[u]}
        return scores

    def _units_of(self, interview_id: str) -> range:
        slot = self._slot_of.get(interview_id)
        return range(0) if slot is None else self._slot_units[slot]

    def _collect(
        self, q: Query, scores: dict[int, float], exchange_filter: ExchangeFilter | None, limit: int
    ) -> list[Hit]:
        finder = self._finder(q)
        hits: list[Hit] = []
        # Most candidates are real hits; rank a few more than needed and widen if some fail
        # the phrase/prefix check or the scope filter.
        want = limit * 2 + 20
        ranked = _top(scores, want)
        pos = 0
        while True:
            for score, u in ranked[pos:]:
                hit = checked_hit(q, self._interviews[self._unit_slot[u]], self._unit_num[u], score,
                                  finder, exchange_filter)
                if hit is not None:
                    hits.append(hit)
                    if len(hits) >= limit:
                        return hits
            if len(ranked) >= len(scores):
                return hits
            pos = len(ranked)
            want *= 4
            ranked = _top(scores, want)

    def _finder(self, q: Query) -> Callable[[str], list[CandidateToken]]:
        return token_finder(q, self._forms, self._words_with_prefix)


def _top(scores: dict[int, float], n: int) -> list[tuple[float, int]]:
    # ties broken by unit id (corpus order), so results are stable
    keyed = ((-v, u) for u, v in scores.items())
    best = sorted(keyed) if n >= len(scores) else heapq.nsmallest(n, keyed)
    return [(-v, u) for v, u in best]
