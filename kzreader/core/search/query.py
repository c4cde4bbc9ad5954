"""The search query language, and matching a query against one piece of text.

The language is kept small:

- ``word`` matches any form of the word: words are compared by their Snowball stems
  (Russian for Cyrillic, English for Latin), so *энергетическая* finds *энергетической*;
  Snowball gives some words several stems (Казахстан / Казахстаном), so a Russian word
  matches the stems of every form pymorphy3 lists for it (:mod:`kzreader.core.search.word_forms`).
- ``"quoted words"`` match that sequence of words (each in any form), in order and adjacent.
- ``-word`` (or ``-"a phrase"``, ``-pre*``) excludes units that contain it.
- ``pre*`` matches every word that *starts with* ``pre`` (compared on folded words, not stems).
- Case does not matter and ``ё`` equals ``е``.

All positive terms must occur in a unit (an exchange, or in :func:`find_in_text` the whole
text) and no excluded term may.  Parsing never raises: an unbalanced quote runs to the end of
the input, stray ``-``/``*``/punctuation are ignored.

Tokens and stems come from :mod:`kzreader.core.text` only, so search, Ctrl+F and themes agree
on what a word is.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Iterable, Iterator

from ..text import WORD_CHAR, fold, stem, tokens, words
from .word_forms import form_stems

# Phrases never run across a paragraph break.
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


@dataclass(frozen=True, slots=True)
class WordTerm:
    stem: str
    text: str  # the word as typed, folded

    @property
    def stems(self) -> frozenset[str]:
        """Every stem a form of the word may have; a text word with one of them matches."""
        return _alternatives(self.stem, self.text)


@dataclass(frozen=True, slots=True)
class PrefixTerm:
    prefix: str  # folded


@dataclass(frozen=True, slots=True)
class PhraseTerm:
    stems: tuple[str, ...]
    text: str  # the words as typed, folded, joined by one space

    @property
    def alternatives(self) -> tuple[frozenset[str], ...]:
        """Per word of the phrase, the stems its forms may have (see ``WordTerm.stems``)."""
        return _phrase_alternatives(self.stems, self.text)


Term = WordTerm | PrefixTerm | PhraseTerm


@lru_cache(maxsize=4096)
def _alternatives(stem_: str, word: str) -> frozenset[str]:
    return form_stems(word) | {stem_}


@lru_cache(maxsize=4096)
def _phrase_alternatives(stems: tuple[str, ...], text: str) -> tuple[frozenset[str], ...]:
    ws = text.split(" ")
    if len(ws) != len(stems):  # made by hand with other words: the stems alone
        return tuple(frozenset((s,)) for s in stems)
    return tuple(map(_alternatives, stems, ws))


@dataclass(frozen=True, slots=True)
class Query:
    include: tuple[Term, ...] = ()
    exclude: tuple[Term, ...] = ()
    raw: str = ""

    @property
    def is_empty(self) -> bool:
        """True when nothing can match (no positive term)."""
        return not self.include

    def all_terms(self) -> tuple[Term, ...]:
        return self.include + self.exclude


# A clause: optional "-", then a quoted phrase (closing quote optional) or a bare run of
# non-space, non-quote characters.  Typographic quotes count as quotes.
_CLAUSE = re.compile(r'(-?)(?:["«»“”„]([^"«»“”„]*)["«»“”„]?|([^\s"«»“”„]+))')


def parse_query(s: str) -> Query:
    """Parse a query string; never raises."""
    if not isinstance(s, str):
        return Query()
    include: list[Term] = []
    exclude: list[Term] = []
    for m in _CLAUSE.finditer(s):
        negative = m.group(1) == "-"
        for term in _terms(m.group(2), m.group(3)):
            target = exclude if negative else include
            if term not in target:
                target.append(term)
    return Query(tuple(include), tuple(exclude), s)


def _terms(phrase: str | None, bare: str | None) -> Iterator[Term]:
    if phrase is not None:
        ws = [fold(w) for w in words(phrase)]
        if len(ws) == 1:
            yield WordTerm(stem(ws[0]), ws[0])
        elif ws:
            yield PhraseTerm(tuple(stem(w) for w in ws), " ".join(ws))
        return
    # A bare clause may hold punctuation ("газ,нефть", "энерг*"): split it into words with
    # the shared tokeniser; a "*" right after the last word makes that word a prefix.
    assert bare is not None
    ws = words(bare)
    if not ws:
        return
    fs = [fold(w) for w in ws]
    if bare.endswith("*") and bare.rstrip("*").endswith(ws[-1]):
        yield from (WordTerm(stem(f), f) for f in fs[:-1])
        yield PrefixTerm(fs[-1])
    elif len(fs) == 1:
        yield WordTerm(stem(fs[0]), fs[0])
    else:
        # "Касым-Жомарт", "don't": the parts are adjacent in the text, so match them as a phrase
        yield PhraseTerm(tuple(stem(f) for f in fs), " ".join(fs))


# ---------------------------------------------------------------------------------------
# Matching.  A "candidate token" is (start, end, folded word, stem) for a word in a piece of
# text; callers may pass only the tokens that could matter (the index does, to stay fast),
# because adjacency for phrases is checked on the text between two tokens.

CandidateToken = tuple[int, int, str, str]
TokenFinder = Callable[[str], Iterable[CandidateToken]]


def all_tokens(text: str) -> list[CandidateToken]:
    """Every token of ``text`` (the complete finder, from the shared tokeniser)."""
    return [(t.start, t.end, fold(text[t.start : t.end]), t.stem) for t in tokens(text)]


def _adjacent(text: str, end: int, start: int) -> bool:
    gap = text[end:start]
    return WORD_CHAR.search(gap) is None and _PARAGRAPH_BREAK.search(gap) is None


def term_spans(term: Term, text: str, toks: list[CandidateToken]) -> list[tuple[int, int]]:
    """Spans of ``term`` in ``text`` given its candidate tokens (in text order)."""
    if isinstance(term, WordTerm):
        wanted = term.stems
        return [(s, e) for s, e, _f, st in toks if st in wanted]
    if isinstance(term, PrefixTerm):
        return [(s, e) for s, e, f, _st in toks if f.startswith(term.prefix)]
    # Phrase: the tokens that carry its stems, then runs of adjacent tokens in order.
    alts = term.alternatives
    wanted = frozenset().union(*alts)
    rel = [t for t in toks if t[3] in wanted]
    n = len(alts)
    spans = []
    i = 0
    while i + n <= len(rel):
        ok = rel[i][3] in alts[0]
        k = 1
        while ok and k < n:
            prev, cur = rel[i + k - 1], rel[i + k]
            ok = cur[3] in alts[k] and _adjacent(text, prev[1], cur[0])
            k += 1
        if ok:
            spans.append((rel[i][0], rel[i + n - 1][1]))
            i += n
        else:
            i += 1
    return spans


def match_pieces(
    query: Query,
    pieces: Iterable[tuple[str, int]],
    finder: TokenFinder = all_tokens,
) -> list[tuple[int, int]] | None:
    """Match ``query`` against one unit made of ``(text, offset)`` pieces.

    Returns the sorted spans (shifted by each piece's offset) of the positive terms, or
    ``None`` when the unit does not match: a positive term is missing or an excluded term
    occurs.  Phrases do not cross pieces.
    """
    if query.is_empty:
        return None
    found = [False] * len(query.include)
    spans: list[tuple[int, int]] = []
    for text, offset in pieces:
        toks = list(finder(text))
        if not toks:
            continue
        for term in query.exclude:
            if term_spans(term, text, toks):
                return None
        for i, term in enumerate(query.include):
            ts = term_spans(term, text, toks)
            if ts:
                found[i] = True
                spans.extend((s + offset, e + offset) for s, e in ts)
    if not all(found):
        return None
    return _merge(spans)


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sort and merge overlapping spans (a word can match two terms)."""
    spans.sort()
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out and s < out[-1][1]:
            if e > out[-1][1]:
                out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


def find_in_text(query: Query | str, text: str) -> list[tuple[int, int]]:
    """Spans of ``query`` in ``text`` for in-interview find (Ctrl+F) highlighting.

    ``text`` is one unit, matched exactly as the index matches an exchange: if a positive term
    is missing or an excluded term occurs, nothing is found.  Phrases do not cross blank-line
    paragraph breaks.
    """
    if isinstance(query, str):
        query = parse_query(query)
    if not text:
        return []
    return match_pieces(query, [(text, 0)]) or []
