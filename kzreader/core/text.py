"""Tokenising and stemming shared by theme tagging and search.

Words are runs of letters/digits; hyphenated compounds split into their parts.  Each token
is folded (lower case, ё→е) and stemmed with Snowball: Russian for Cyrillic words, English
for Latin ones.  Stemming goes through a per-process cache because interview vocabularies
repeat heavily.
"""
from __future__ import annotations

import re
from typing import NamedTuple

try:
    import Stemmer
except ImportError:  # runs without it, matching exact word forms only; analysers.py says so
    Stemmer = None

# one letter or digit: the unit every word boundary in themes, search and find is made of
WORD_CHAR = re.compile(r"[^\W_]", re.UNICODE)
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")



class _Unstemmed:
    @staticmethod
    def stemWord(word: str) -> str:  # noqa: N802 - PyStemmer's name
        return word


# PyStemmer's own cache is off (maxCacheSize 0): the memo below, keyed by the word as
# written, stems 29 M tokens/s where PyStemmer's cache gives 1.6 M (stemWord or stemWords, as
# benchmarks/stem_bench.py measures), and a cache behind it would only hold copies
_ru = Stemmer.Stemmer("russian", 0) if Stemmer else _Unstemmed()
_en = Stemmer.Stemmer("english", 0) if Stemmer else _Unstemmed()


class Token(NamedTuple):
    start: int
    end: int
    stem: str


def fold(word: str) -> str:
    return word.lower().replace("ё", "е")


def memo_map(memo: dict, compute, keys, limit: int) -> list:
    """``[compute(k) for k in keys]`` through ``memo``, emptied when it grows past ``limit``.

    Vocabularies repeat heavily, so usually every key is known and the list is made in one
    C-level pass.  Another thread may empty the memo meanwhile: a key gone is computed again.
    """
    try:
        return list(map(memo.__getitem__, keys))
    except KeyError:
        pass
    if len(memo) > limit:
        memo.clear()
    for k in set(keys).difference(memo):
        memo[k] = compute(k)
    try:  # the usual case: a few keys were new (a name, a rare word), now all are known
        return list(map(memo.__getitem__, keys))
    except KeyError:
        pass
    get = memo.get
    return [v if (v := get(k)) is not None else compute(k) for k in keys]


def _stem(word: str) -> str:
    w = fold(word)
    if _CYRILLIC.search(w):
        return _ru.stemWord(w)
    if w.isascii() and w.isalpha():
        return _en.stemWord(w)
    return w


_STEMS: dict[str, str] = {}  # word -> stem, shared by stem and stem_each
_STEMS_LIMIT = 400_000


def stem(word: str) -> str:
    """Stem one word (any case); the result is folded."""
    s = _STEMS.get(word)
    if s is None:
        if len(_STEMS) > _STEMS_LIMIT:
            _STEMS.clear()
        s = _STEMS[word] = _stem(word)
    return s


def stem_each(words: list[str]) -> list[str]:
    """``[stem(w) for w in words]``, for the long word lists of indexing."""
    return memo_map(_STEMS, _stem, words, _STEMS_LIMIT)


def tokens(text: str) -> list[Token]:
    """Tokens with their offsets in ``text``."""
    return [Token(m.start(), m.end(), stem(m.group())) for m in _WORD.finditer(text)]


def stems(text: str) -> list[str]:
    """Just the stems, in order (the fast path for indexing)."""
    return [stem(w) for w in _WORD.findall(text)]


def words(text: str) -> list[str]:
    return _WORD.findall(text)


# what a token split at white space most often carries around its word; none of these is a
# word character, so once they are stripped, a token that is all word characters is one word
_AROUND_WORDS = ".,!?:;\"'()[]«»„“”‘’—–-…*/"


def folded_words(text: str) -> list[str]:
    """``words(fold(text))``, faster (the loading hot path: 1,300 words a file).

    The regular expression tests every character against a Unicode class in its own loop;
    splitting at white space (no word has any) and ``str.isalnum`` (the very class ``_WORD``
    is made of) are quicker, so only tokens that still hold something else once the
    punctuation around them is stripped go through the expression.  (A memo of tokens took
    fewer instructions but more time in a parse worker, where parsing keeps pushing the memo
    out of the processor's caches: 1.21 ms a file of analysis against 1.12 for this.)
    """
    out = []
    add = out.append
    for token in fold(text).split():
        if token.isalnum():
            add(token)
            continue
        core = token.strip(_AROUND_WORDS)
        if core.isalnum():
            add(core)
        else:
            out += _WORD.findall(token)
    return out
