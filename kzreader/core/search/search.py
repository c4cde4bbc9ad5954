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
yields the exact highlight spans.  The index remembers every folded word form it has seen per
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
import re
import shutil
import threading
import time
import uuid
from itertools import product
from pathlib import Path
from typing import Callable, Collection, Iterable

import tantivy

from .analysis import Terms, analyse
from ..model import Interview, Paragraph
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
from ..text import WORD_CHAR, fold, stem

# what SearchIndex.state() stores and the index folder's token file holds
_STATE_FORMAT = f"2/tantivy-{tantivy.__version__ if hasattr(tantivy, '__version__') else '0.27'}"
_TOKEN_FILE = "kzreader-token"
_NUMBER_BITS = 20  # exchange numbers beside the interview's slot in the "key" field
_NUMBER_MAX = (1 << _NUMBER_BITS) - 1
_WRITER_HEAP = 48_000_000
WRITER_WAIT = 2.0  # seconds to wait for a folder another writer holds  # bytes tantivy may buffer before it writes a segment
# Above this many word forms a query's regular expression gets slow to build; tokenise instead.
_MAX_REGEX_FORMS = 1500
_MAX_PHRASE_VARIANTS = 256  # a phrase of many many-stemmed words: the first variants only
SNIPPET_CHARS = 200
_ELLIPSIS = "…"


class Hit:
    """One matching unit.  ``snippet``, ``snippet_highlights`` and ``match_spans`` may be
    worked out from the unit's text on first use (see :meth:`SearchIndex.search`): a panel
    that shows the first screenful pays only for those."""

    __slots__ = ("interview_id", "exchange_number", "score", "_detail", "_make")

    def __init__(self, interview_id: str, exchange_number: int, score: float, snippet: str,
                 snippet_highlights: tuple[tuple[int, int], ...],
                 match_spans: tuple[tuple[int, int], ...]) -> None:
        self.interview_id = interview_id
        self.exchange_number = exchange_number  # 1-based; 0 is the interview's lead
        self.score = score
        self._detail = (snippet, snippet_highlights, match_spans)
        self._make = None

    @classmethod
    def deferred(cls, interview_id: str, exchange_number: int, score: float,
                 make: Callable[[], tuple[str, tuple, tuple]]) -> "Hit":
        """A hit whose (snippet, snippet_highlights, match_spans) ``make()`` returns when
        first asked for."""
        h = cls.__new__(cls)
        h.interview_id, h.exchange_number, h.score = interview_id, exchange_number, score
        h._detail, h._make = None, make
        return h

    def _details(self) -> tuple[str, tuple, tuple]:
        if self._detail is None:
            self._detail, self._make = self._make(), None
        return self._detail

    @property
    def snippet(self) -> str:  # plain text, one paragraph or a window of it
        return self._details()[0]

    @property
    def snippet_highlights(self) -> tuple[tuple[int, int], ...]:  # offsets in ``snippet``
        return self._details()[1]

    @property
    def match_spans(self) -> tuple[tuple[int, int], ...]:  # offsets in the decoded source
        return self._details()[2]

    def _key(self) -> tuple:
        return (self.interview_id, self.exchange_number, self.score) + self._details()

    def __eq__(self, other: object) -> bool:
        return self._key() == other._key() if isinstance(other, Hit) else NotImplemented

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return (f"Hit({self.interview_id!r}, {self.exchange_number}, {self.score:.3f}, "
                f"{self.snippet!r}, {self.snippet_highlights!r}, {self.match_spans!r})")


ExchangeFilter = Callable[[str, int], bool]


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


def checked_hit(q: Query, iv: Interview | None, number: int, score: float,
                finder: Callable[[str], list[CandidateToken]],
                exchange_filter: ExchangeFilter | None) -> Hit | None:
    """The hit for unit ``number`` of ``iv`` when it is in scope and its text matches ``q``
    (the engine's candidates are checked on the text, which also gives the spans; the
    snippet is made when first asked for)."""
    if iv is None or (exchange_filter is not None and not exchange_filter(iv.id, number)):
        return None
    paras = _unit_paragraphs(iv, number)
    spans = match_pieces(q, ((p.text, p.start) for p in paras), finder)
    if spans is None:
        return None
    return Hit.deferred(iv.id, number, score,
                        lambda: make_snippet(paras, spans) + (tuple(spans),))


def deferred_hit(q: Query, iv: Interview | None, number: int, score: float,
                 finder: Callable[[str], list[CandidateToken]],
                 exchange_filter: ExchangeFilter | None) -> Hit | None:
    """The hit for unit ``number`` of ``iv`` when it is in scope, its text matched against
    ``q`` only when its spans or snippet are first asked for (for queries the index answers
    exactly: see ``SearchIndex._collect``)."""
    if iv is None or (exchange_filter is not None and not exchange_filter(iv.id, number)):
        return None

    def details() -> tuple[str, tuple, tuple]:
        paras = _unit_paragraphs(iv, number)
        spans = match_pieces(q, ((p.text, p.start) for p in paras), finder) or []
        snippet, marks = make_snippet(paras, spans)
        return snippet, marks, tuple(spans)

    return Hit.deferred(iv.id, number, score, details)


def token_finder(q: Query, forms_of: dict[str, list[str]],
                 words_with_prefix: Callable[[str], list[str]]) -> Callable[[str], list[CandidateToken]]:
    """A fast token finder that sees only the word forms ``q`` can match, given the folded
    forms seen per stem and a way to list the words seen with a prefix."""
    forms: set[str] = set()
    for term in q.all_terms():
        if isinstance(term, PrefixTerm):
            forms.update(words_with_prefix(term.prefix))
        else:
            alts = term.alternatives if isinstance(term, PhraseTerm) else (term.stems,)
            for s in frozenset().union(*alts):
                forms.update(forms_of.get(s, ()))
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
