"""Matching a lexicon against text: every entry expanded into its word forms and compiled into
an index (``ThemeIndex``), scores per turn, and the rule for when an exchange carries a theme.
The entry syntax is described in ``lexicon``.

Matching is whole-word and case-insensitive through :mod:`kzreader.core.text`, the same
tokeniser and stemmer search uses.  Phrases are consecutive words inside one paragraph
(punctuation between them is ignored).  An exclusion suppresses the theme's matches that
overlap it: "энергетическая безопасность" excluded from *security* keeps that occurrence
out of security while *energy* still counts it.

Score and the rule for carrying a theme
---------------------------------------
A theme's score in a turn is 1 per keyword occurrence plus 2 per phrase occurrence (a
keyword inside a matched phrase of the same theme is not counted again).  An exchange
**carries** a theme when its total score (question + answer) is at least
:data:`MIN_EXCHANGE_SCORE` (2), or the question alone scores at least
:data:`MIN_QUESTION_SCORE` (1) — the question states what the exchange is about, while a
single passing word in a long answer does not.
"""
from __future__ import annotations

import hashlib
import json
import re
import threading
from dataclasses import dataclass
from itertools import compress
from typing import Iterable, Sequence

from .. import text as _text
from ..model import Exchange
from ..search.word_forms import form_words
from .lexicon import Lexicon

MIN_EXCHANGE_SCORE = 2
MIN_QUESTION_SCORE = 1
KEYWORD_WEIGHT = 1
PHRASE_WEIGHT = 2
MIN_SAFE_STEM = 3  # shorter stems need an exact word-form match (see module doc)

_CYRILLIC = re.compile(r"[\u0400-\u04ff]")

@dataclass(frozen=True, slots=True)
class Match:
    """One matched keyword or phrase occurrence; start/end are offsets in the given text."""

    theme_id: str
    start: int
    end: int
    kind: str  # "keyword" or "phrase"
    entry: str  # the lexicon entry that matched

    @property
    def weight(self) -> int:
        return PHRASE_WEIGHT if self.kind == "phrase" else KEYWORD_WEIGHT


@dataclass(frozen=True, slots=True)
class ThemeHit:
    """A theme's matches in one exchange.  ``spans`` are source offsets, for highlighting."""

    score: int
    question_score: int
    spans: tuple[tuple[int, int], ...] = ()

    @property
    def carried(self) -> bool:
        return carries(self.score, self.question_score)


def carries(score: int, question_score: int) -> bool:
    """The documented rule for when an exchange carries a theme (see module doc)."""
    return score >= MIN_EXCHANGE_SCORE or question_score >= MIN_QUESTION_SCORE


def _word_forms(word: str) -> set[str]:
    w = _text.fold(word)
    if len(w) <= 2:
        return {w}
    if _CYRILLIC.search(w):
        # every form in pymorphy3's lexemes (it predicts them for words its dictionary does
        # not know), as Snowball stems some of them apart (урожай / урожая)
        return set(form_words(w))
    if w.isascii() and w.isalpha():
        return {w, w + "s", w + "es"}
    return {w}


class ThemeIndex:
    """A lexicon compiled for fast matching; build once per lexicon and reuse.

    Each distinct word matcher ("atom") gets an id; a per-word cache maps every text word
    seen so far to the atoms it matches, so tagging a corpus is mostly dict look-ups.
    """

    _CACHE_LIMIT = 400_000

    @classmethod
    def compiled(cls, lexicon: Lexicon) -> "ThemeIndex":
        """The index of ``lexicon``, compiled once per process and lexicon (expanding every
        entry into its word forms takes about 1.5 s): the window, its loader thread and
        each parse worker (which receives it pickled) share one compilation."""
        key = lexicon_key(lexicon)
        # one thread compiles, another asking meanwhile (the window's and the loader's) waits
        with _COMPILING:
            index = _COMPILED.get(key)
            if index is None or index.lexicon != lexicon:
                index = cls(lexicon)
                _COMPILED.clear()  # only the lexicon in use is worth keeping
                _COMPILED[key] = index
        return index

    def adopt(self) -> "ThemeIndex":
        """Make this index (e.g. unpickled in a worker) the one :meth:`compiled` returns for
        its lexicon."""
        with _COMPILING:
            _COMPILED.clear()
            _COMPILED[lexicon_key(self.lexicon)] = self
        return self

    def __getstate__(self) -> dict:
        # the per-word memo grows with the corpus; a new process starts without it
        state = {k: getattr(self, k) for k in self.__dict__ if k not in ("_cache", "_sets")}
        return state

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self._cache = {}
        self._sets = {}

    def __init__(self, lexicon: Lexicon):
        self.lexicon = lexicon
        self.theme_ids: tuple[str, ...] = lexicon.ids
        self._atoms: dict[tuple[str, str], int] = {}
        self._stem_atoms: dict[str, set[int]] = {}
        self._exact_atoms: dict[str, set[int]] = {}
        self._prefix_atoms: list[tuple[str, int]] = []
        # first atom -> [(atoms sequence, theme index, kind, entry)]
        self._patterns: dict[int, list[tuple[tuple[int, ...], int, str, str]]] = {}
        self._exclusions: dict[int, list[tuple[tuple[int, ...], int]]] = {}
        self._cache: dict[str, tuple[int, ...]] = {}
        self._sets: dict[frozenset[str], frozenset[str]] = {}
        for ti, theme in enumerate(lexicon.themes):
            for entry in theme.keywords:
                seq = self._compile_entry(entry)
                kind = "keyword" if len(seq) == 1 else "phrase"
                if seq:
                    self._patterns.setdefault(seq[0], []).append((seq, ti, kind, entry))
            for entry in theme.phrases:
                seq = self._compile_entry(entry)
                if seq:
                    self._patterns.setdefault(seq[0], []).append((seq, ti, "phrase", entry))
            for entry in theme.exclusions:
                seq = self._compile_entry(entry)
                if seq:
                    self._exclusions.setdefault(seq[0], []).append((seq, ti))
        for lst in self._patterns.values():  # longest first: a phrase wins over its words
            lst.sort(key=lambda p: -len(p[0]))

    # -- compiling ---------------------------------------------------------------------
    def _compile_entry(self, entry: str) -> tuple[int, ...]:
        out = []
        for piece in entry.split():
            exact = piece.startswith("=")
            prefix = piece.endswith("*")
            core = piece.lstrip("=").rstrip("*")
            parts = _text.words(core)  # hyphenated pieces split like text does
            for k, w in enumerate(parts):
                if prefix and k == len(parts) - 1:
                    out.append(self._atom("prefix", _text.fold(w)))
                elif exact:
                    out.append(self._atom("exact", _text.fold(w)))
                else:
                    out.append(self._atom("word", _text.fold(w)))
        return tuple(out)

    def _atom(self, kind: str, value: str) -> int:
        key = (kind, value)
        if key in self._atoms:
            return self._atoms[key]
        aid = len(self._atoms)
        self._atoms[key] = aid
        if kind == "prefix":
            self._prefix_atoms.append((value, aid))
        elif kind == "exact":
            self._exact_atoms.setdefault(value, set()).add(aid)
        else:
            for form in _word_forms(value):
                s = _text.stem(form)
                if len(s) >= MIN_SAFE_STEM:
                    self._stem_atoms.setdefault(s, set()).add(aid)
                else:
                    self._exact_atoms.setdefault(form, set()).add(aid)
        return aid

    def _atoms_of(self, word: str) -> tuple[int, ...]:
        f = _text.fold(word)
        ids = set(self._stem_atoms.get(_text.stem(word), ()))
        ids.update(self._exact_atoms.get(f, ()))
        for p, aid in self._prefix_atoms:
            if f.startswith(p):
                ids.add(aid)
        return tuple(sorted(ids))

    def _lookup(self, words: Sequence[str]) -> list[tuple[int, ...]]:
        return _text.memo_map(self._cache, self._atoms_of, words, self._CACHE_LIMIT)

    # -- matching ----------------------------------------------------------------------
    def _match_atoms(self, atoms: list[tuple[int, ...]]) -> list[tuple[int, int, int, str, str]]:
        """(theme index, first token, end token, kind, entry) for one token run."""
        n = len(atoms)
        found: list[tuple[int, int, int, str, str]] = []
        excluded: dict[int, list[tuple[int, int]]] = {}
        patterns, exclusions, seq_at = self._patterns, self._exclusions, self._seq_at
        for i in compress(range(n), atoms):  # only words that match some atom
            for a in atoms[i]:
                for seq, ti, kind, entry in patterns.get(a, ()):
                    # a one-word entry matches wherever its atom is: most matches, no call
                    if len(seq) == 1 or seq_at(atoms, i, seq, n):
                        found.append((ti, i, i + len(seq), kind, entry))
                if a in exclusions:
                    for seq, ti in exclusions[a]:
                        if seq_at(atoms, i, seq, n):
                            excluded.setdefault(ti, []).append((i, i + len(seq)))
        if len(found) < 2 and not excluded:
            return found
        # per theme: drop matches inside exclusions, then overlaps (longer/earlier wins)
        found.sort(key=lambda m: (m[0], m[1], -(m[2] - m[1])))
        out = []
        last_theme, last_end = -1, -1
        for m in found:
            ti, s, e = m[0], m[1], m[2]
            spans = excluded.get(ti)
            if spans and any(s < xe and xs < e for xs, xe in spans):
                continue
            if ti == last_theme and s < last_end:
                continue
            out.append(m)
            last_theme, last_end = ti, e
        return out

    @staticmethod
    def _seq_at(atoms, i: int, seq: tuple[int, ...], n: int) -> bool:
        if i + len(seq) > n:
            return False
        for k, a in enumerate(seq):
            if a not in atoms[i + k]:
                return False
        return True

    def match_text(self, text: str) -> list[Match]:
        """Every kept match in ``text`` (one paragraph), with offsets into ``text``."""
        toks = _text.tokens(text)
        atoms = self._lookup([text[t.start:t.end] for t in toks])
        out = []
        for ti, s, e, kind, entry in self._match_atoms(atoms):
            out.append(Match(self.theme_ids[ti], toks[s].start, toks[e - 1].end, kind, entry))
        out.sort(key=lambda m: (m.start, m.theme_id))
        return out

    def _word_scores(self, words: Sequence[str], scores: list[int]) -> None:
        atoms = self._lookup(words)
        if not any(atoms):
            return
        for ti, _s, _e, kind, _entry in self._match_atoms(atoms):
            scores[ti] += PHRASE_WEIGHT if kind == "phrase" else KEYWORD_WEIGHT

    def themes_of_words(self, question: Iterable[Sequence[str]],
                        answer: Iterable[Sequence[str]]) -> frozenset[str]:
        """The themes an exchange carries, from its turns' words, paragraph by paragraph.

        Words may be folded or not; matching folds them anyway.
        """
        n = len(self.theme_ids)
        q = [0] * n
        for words in question:
            self._word_scores(words, q)
        a = [0] * n
        for words in answer:
            self._word_scores(words, a)
        return self._carried(q, a)

    def themes_of_run(self, words: Sequence[str], question_end: int) -> frozenset[str]:
        """:meth:`themes_of_words` for an exchange given as one run of folded words: its
        paragraphs' words with a separator between paragraphs that no word equals (such as
        ``analysis.BREAK``, which matches no atom, so no phrase or exclusion spans it), the
        question's words before ``question_end``.  One look-up and one matching pass per
        exchange instead of one per paragraph; the scores are the same, as no match spans
        a separator.
        """
        n = len(self.theme_ids)
        q = [0] * n
        a = [0] * n
        atoms = self._lookup(words)
        if any(atoms):
            for ti, s, _e, kind, _entry in self._match_atoms(atoms):
                (q if s < question_end else a)[ti] += PHRASE_WEIGHT if kind == "phrase" else KEYWORD_WEIGHT
        return self._carried(q, a)

    def _carried(self, q: list[int], a: list[int]) -> frozenset[str]:
        """The themes an exchange carries, from each theme's question and answer scores."""
        found = frozenset(self.theme_ids[i] for i in range(len(q))
                          if (q[i] or a[i]) and carries(q[i] + a[i], q[i]))
        # a corpus has few distinct theme sets: share them instead of one per exchange
        return self._sets.setdefault(found, found)

    def exchange_themes(self, exchange: Exchange) -> frozenset[str]:
        """Ids of the themes ``exchange`` carries (the fast path: no offsets)."""
        return self.themes_of_words((_text.words(p.text) for p in exchange.question.paragraphs),
                                    (_text.words(p.text) for p in exchange.answer.paragraphs))

    def tag_exchange(self, exchange: Exchange) -> dict[str, ThemeHit]:
        """Every theme with at least one match in ``exchange``, with scores and source spans.

        Themes whose hit is not ``carried`` are included too (the reading pane may still
        highlight them); use :attr:`ThemeHit.carried` for the rule.
        """
        acc: dict[str, list] = {}
        for role, turn in (("q", exchange.question), ("a", exchange.answer)):
            for p in turn.paragraphs:
                for m in self.match_text(p.text):
                    rec = acc.setdefault(m.theme_id, [0, 0, []])
                    rec[0] += m.weight
                    if role == "q":
                        rec[1] += m.weight
                    rec[2].append((p.start + m.start, p.start + m.end))
        order = {tid: i for i, tid in enumerate(self.theme_ids)}
        return {tid: ThemeHit(r[0], r[1], tuple(sorted(r[2])))
                for tid, r in sorted(acc.items(), key=lambda kv: order[kv[0]])}


def tag_exchange(lexicon: Lexicon | ThemeIndex, exchange: Exchange) -> dict[str, ThemeHit]:
    index = lexicon if isinstance(lexicon, ThemeIndex) else ThemeIndex(lexicon)
    return index.tag_exchange(exchange)


_COMPILED: dict[str, ThemeIndex] = {}  # lexicon_key -> index, see ThemeIndex.compiled
_COMPILING = threading.Lock()


# Bumped when matching changes, so tags stored under the old rules are made again.
MATCHER_VERSION = 2  # 2: entries match every form in pymorphy3's lexeme


def lexicon_key(lexicon: Lexicon) -> str:
    """A digest of everything that decides tags, so stored tags can be checked against it."""
    data = json.dumps([MATCHER_VERSION, [t.to_dict() for t in lexicon.themes]],
                      ensure_ascii=False, sort_keys=True)
    return hashlib.sha1(data.encode("utf-8")).hexdigest()
