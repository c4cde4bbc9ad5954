"""A corpus-wide inverted index over stems, ranked with BM25.

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
import re
import sys
import threading
from array import array
from itertools import repeat
from dataclasses import dataclass
from typing import Callable, Collection, Iterable

from .analysis import Terms, analyse
from .model import Interview, Paragraph
from .query import (
    CandidateToken,
    PhraseTerm,
    PrefixTerm,
    Query,
    Term,
    WordTerm,
    all_tokens,
    match_pieces,
    parse_query,
)
from .text import WORD_CHAR, fold, stem

K1 = 1.2
B = 0.75
_TF_BITS = 8
_TF_MAX = (1 << _TF_BITS) - 1
_MAX_UNITS = 1 << (32 - _TF_BITS)
# what SearchIndex.state() stores; the byte order and item size of the arrays are part of it
_STATE_FORMAT = f"1/{sys.byteorder}/{array('I').itemsize}"  # unit ids must fit beside the tf in 32 bits
# Above this many word forms a query's regular expression gets slow to build; tokenise instead.
_MAX_REGEX_FORMS = 1500
SNIPPET_CHARS = 200
_ELLIPSIS = "…"


@dataclass(frozen=True, slots=True)
class Hit:
    interview_id: str
    exchange_number: int  # 1-based; 0 is the interview's lead
    score: float
    snippet: str  # plain text, one paragraph or a window of it
    snippet_highlights: tuple[tuple[int, int], ...]  # (start, end) offsets in ``snippet``
    match_spans: tuple[tuple[int, int], ...]  # (start, end) offsets in the decoded source


ExchangeFilter = Callable[[str, int], bool]


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

    def add_interview(self, iv: Interview, terms: Terms | None = None) -> None:
        """Index ``iv``; an interview already indexed under the same id is replaced.

        ``terms`` is ``analyse(iv)[0]`` when a worker process or the parse cache has it.
        """
        # Tokenise outside the lock: it is the expensive part.
        if terms is None:
            terms = analyse(iv)[0]
        numbers, lengths, ends, stems, counts, forms = terms
        with self._lock:
            if iv.id in self._slot_of:
                self._remove(iv.id)
            n = len(numbers)
            if len(self._unit_slot) + n >= _MAX_UNITS:
                self._compact(renumber=True)
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

    def restore(self, state: tuple, interviews: dict[str, Interview]) -> None:
        """Replace the contents with ``state`` (from :meth:`state`).  Interviews of the state
        missing from ``interviews`` (id → interview) are left out, as if removed.

        Raises ValueError when ``state`` is not a state of this format.
        """
        try:
            (fmt, ids, unit_slot, unit_num, unit_len, dead, slot_units, postings, forms,
             live_units, live_tokens, dead_units) = state
            if fmt != _STATE_FORMAT:
                raise ValueError("unknown search index format")
            arrays = []
            for raw in (unit_slot, unit_num, unit_len):
                a = array("I")
                a.frombytes(raw)
                arrays.append(a)
            n_units = len(arrays[0])
            if any(len(a) != n_units for a in arrays) or len(dead) != n_units or len(ids) != len(slot_units):
                raise ValueError("inconsistent search index")
            post: dict[str, array] = {}
            for stem_, raw in postings.items():
                a = array("I")
                a.frombytes(raw)
                post[stem_] = a
            form_lists = {s: list(f) for s, f in forms.items()}
            ranges = [range(a, b) for a, b in slot_units]
        except (TypeError, ValueError, AttributeError) as e:
            raise ValueError(f"damaged search index: {e}") from None
        with self._lock:
            self._unit_slot, self._unit_num, self._unit_len = arrays
            self._dead = bytearray(dead)
            self._interviews = [interviews.get(iid) if iid is not None else None for iid in ids]
            self._slot_units = ranges
            self._slot_of = {iid: k for k, iid in enumerate(ids) if iid is not None}
            self._postings = post
            self._forms = form_lists
            self._known_words = {w for f in form_lists.values() for w in f}
            self._sorted_words = None
            self._live_units, self._live_tokens, self._dead_units = live_units, live_tokens, dead_units
            self._norms = None
            for iid in [iid for iid in self._slot_of if iid not in interviews]:
                self._remove(iid)

    def add_interviews(self, ivs: Iterable[Interview]) -> None:
        for iv in ivs:
            self.add_interview(iv)

    def remove_interview(self, interview_id: str) -> bool:
        """Forget an interview (before a reload, or when its file is gone)."""
        with self._lock:
            return self._remove(interview_id)

    def _remove(self, interview_id: str) -> bool:
        slot = self._slot_of.pop(interview_id, None)
        if slot is None:
            return False
        for uid in self._slot_units[slot]:
            if not self._dead[uid]:
                self._dead[uid] = 1
                self._live_units -= 1
                self._live_tokens -= self._unit_len[uid]
                self._dead_units += 1
        self._interviews[slot] = None
        self._slot_units[slot] = range(0)
        self._norms = None
        # Postings of dead units are skipped at query time; drop them once they are many.
        if self._dead_units > 1000 and self._dead_units > self._live_units // 4:
            self._compact(renumber=False)
        return True

    def _compact(self, renumber: bool) -> None:
        dead = self._dead
        if not renumber:
            # Dead unit rows stay (a few bytes each) so unit ids remain valid.
            for s, p in list(self._postings.items()):
                kept = array("I", (x for x in p if not dead[x >> _TF_BITS]))
                if kept:
                    self._postings[s] = kept
                else:
                    del self._postings[s]
            self._dead_units = 0
            return
        # Renumber live units densely (only when unit ids would overflow 24 bits).
        new_id = array("I", bytes(4 * len(dead)))
        n = 0
        for uid in range(len(dead)):
            if not dead[uid]:
                new_id[uid] = n
                n += 1
        for s, p in list(self._postings.items()):
            kept = array(
                "I",
                (new_id[x >> _TF_BITS] << _TF_BITS | (x & _TF_MAX) for x in p if not dead[x >> _TF_BITS]),
            )
            if kept:
                self._postings[s] = kept
            else:
                del self._postings[s]
        keep = [uid for uid in range(len(dead)) if not dead[uid]]
        self._unit_slot = array("I", (self._unit_slot[u] for u in keep))
        self._unit_num = array("I", (self._unit_num[u] for u in keep))
        self._unit_len = array("I", (self._unit_len[u] for u in keep))
        self._dead = bytearray(n)
        self._slot_units = [
            range(new_id[r.start], new_id[r.start] + len(r)) if len(r) else r for r in self._slot_units
        ]
        self._dead_units = 0
        self._norms = None

    # ---- information -----------------------------------------------------------------

    def __len__(self) -> int:
        """Number of indexed interviews."""
        return len(self._slot_of)

    def __contains__(self, interview_id: str) -> bool:
        return interview_id in self._slot_of

    def interview(self, interview_id: str) -> Interview | None:
        slot = self._slot_of.get(interview_id)
        return None if slot is None else self._interviews[slot]

    def stats(self) -> dict:
        """Sizes, for benchmarks and the about box."""
        with self._lock:
            postings = sum(len(p) for p in self._postings.values())
            return {
                "interviews": len(self._slot_of),
                "units": self._live_units,
                "stems": len(self._postings),
                "word_forms": len(self._known_words),
                "postings": postings,
                "posting_bytes": postings * 4,
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
        ws = self._words_with_prefix(prefix)
        return sorted({stem(w) for w in ws} & self._postings.keys())

    def _words_with_prefix(self, prefix: str) -> list[str]:
        if self._sorted_words is None:
            self._sorted_words = sorted(self._known_words)
        sw = self._sorted_words
        i = bisect.bisect_left(sw, prefix)
        j = bisect.bisect_left(sw, prefix + "\U0010ffff")
        return sw[i:j]

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
                iv = self._interviews[self._unit_slot[u]]
                num = self._unit_num[u]
                if iv is None:
                    continue
                if exchange_filter is not None and not exchange_filter(iv.id, num):
                    continue
                paras = _unit_paragraphs(iv, num)
                spans = match_pieces(q, ((p.text, p.start) for p in paras), finder)
                if spans is None:
                    continue
                snippet, marks = make_snippet(paras, spans)
                hits.append(Hit(iv.id, num, score, snippet, marks, tuple(spans)))
                if len(hits) >= limit:
                    return hits
            if len(ranked) >= len(scores):
                return hits
            pos = len(ranked)
            want *= 4
            ranked = _top(scores, want)

    def _finder(self, q: Query) -> Callable[[str], list[CandidateToken]]:
        """A fast token finder that sees only the word forms ``q`` can match."""
        forms: set[str] = set()
        for term in q.all_terms():
            if isinstance(term, PrefixTerm):
                forms.update(self._words_with_prefix(term.prefix))
            else:
                alts = term.alternatives if isinstance(term, PhraseTerm) else (term.stems,)
                for s in frozenset().union(*alts):
                    forms.update(self._forms.get(s, ()))
            if len(forms) > _MAX_REGEX_FORMS:
                return all_tokens
        if not forms:
            return lambda text: []
        # Scan folded text (lower case, ё→е) for a trie-shaped pattern of literal forms: far
        # faster than an IGNORECASE alternation.  Texts whose length changes when lowered
        # (rare letters such as "İ") use the IGNORECASE pattern so offsets stay exact.
        # (very long "words", e.g. runs of digits, would nest the trie too deeply)
        long_forms = max(map(len, forms)) > 80
        fast = None if long_forms else re.compile(_trie_pattern(forms) + r"(?![^\W_])")
        slow = re.compile(
            r"(?<![^\W_])(?:"
            + "|".join(re.escape(f).replace("е", "[её]") for f in sorted(forms, key=len, reverse=True))
            + r")(?![^\W_])",
            re.IGNORECASE,
        )
        word_char = WORD_CHAR.match

        def find(text: str) -> list[CandidateToken]:
            folded = text.lower().replace("ё", "е")
            out = []
            if fast is not None and len(folded) == len(text):
                for m in fast.finditer(folded):
                    s, e = m.span()
                    if s and word_char(folded, s - 1):
                        continue  # the form is the tail of a longer word
                    f = m.group()
                    out.append((s, e, f, stem(f)))
            else:
                for m in slow.finditer(text):
                    f = fold(m.group())
                    out.append((m.start(), m.end(), f, stem(f)))
            return out

        return find




def _trie_pattern(words: Iterable[str]) -> str:
    """A regular expression matching exactly ``words``, with shared prefixes factored out."""
    root: dict = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        optional = "" in node
        if len(branches) == 1 and not optional:
            return branches[0]
        return "(?:" + "|".join(branches) + ")" + ("?" if optional else "")

    return emit(root)


def _top(scores: dict[int, float], n: int) -> list[tuple[float, int]]:
    # ties broken by unit id (corpus order), so results are stable
    keyed = ((-v, u) for u, v in scores.items())
    best = sorted(keyed) if n >= len(scores) else heapq.nsmallest(n, keyed)
    return [(-v, u) for v, u in best]


def display_order(hits: list[Hit]) -> list[Hit]:
    """``hits`` as the search panel lists them: interviews in the order of their best hit,
    and within one interview by exchange number."""
    groups: dict[str, list[Hit]] = {}
    for h in hits:
        groups.setdefault(h.interview_id, []).append(h)
    return [h for group in groups.values() for h in sorted(group, key=lambda h: h.exchange_number)]


def hit_role(iv: Interview, hit: Hit) -> str:
    """Where the hit's first match lies: "lead", "question" or "answer"."""
    if hit.exchange_number == 0:
        return "lead"
    first = hit.match_spans[0][0] if hit.match_spans else -1
    for ex in iv.exchanges:
        if ex.number == hit.exchange_number:
            if any(p.start <= first < p.end for p in ex.question.paragraphs):
                return "question"
            break
    return "answer"


def _units(iv: Interview) -> Iterable[tuple[int, tuple[Paragraph, ...]]]:
    if iv.lead:
        yield 0, iv.lead
    for ex in iv.exchanges:
        yield ex.number, ex.question.paragraphs + ex.answer.paragraphs


def _unit_paragraphs(iv: Interview, number: int) -> tuple[Paragraph, ...]:
    if number == 0:
        return iv.lead
    exs = iv.exchanges
    # exchanges are numbered 1..n in order; fall back to a scan if a parser ever skips one
    if 0 < number <= len(exs) and exs[number - 1].number == number:
        ex = exs[number - 1]
    else:
        ex = next((e for e in exs if e.number == number), None)
        if ex is None:
            return ()
    return ex.question.paragraphs + ex.answer.paragraphs


def make_snippet(
    paras: tuple[Paragraph, ...], spans: list[tuple[int, int]], width: int = SNIPPET_CHARS
) -> tuple[str, tuple[tuple[int, int], ...]]:
    """A window of the paragraph with the most matches, and the matches' offsets in it.

    ``spans`` are source offsets; a paragraph's text maps to the source one to one.
    """
    best, best_spans = None, []
    for p in paras:
        inside = [(s - p.start, e - p.start) for s, e in spans if p.start <= s and e <= p.end]
        if len(inside) > len(best_spans):
            best, best_spans = p, inside
    if best is None:
        if not paras:
            return "", ()
        p = paras[0]
        text = p.text[:width]
        cut = text.rfind(" ") if len(p.text) > width else -1
        return (text[:cut] if cut > 0 else text) + (_ELLIPSIS if len(p.text) > width else ""), ()
    text = best.text
    first = best_spans[0][0]
    start = max(0, first - width // 3)
    if start > 0:
        sp = text.find(" ", start, first)
        start = sp + 1 if sp >= 0 else start
    end = min(len(text), start + width)
    if end < len(text):
        sp = text.rfind(" ", max(best_spans[0][1], start), end)
        end = sp if sp > 0 else end
    head = _ELLIPSIS if start > 0 else ""
    tail = _ELLIPSIS if end < len(text) else ""
    shift = len(head) - start
    marks = tuple((s + shift, e + shift) for s, e in best_spans if s >= start and e <= end)
    return head + text[start:end] + tail, marks
