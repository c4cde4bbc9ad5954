"""Tokenising and stemming shared by theme tagging and search.

Words are runs of letters/digits; hyphenated compounds split into their parts.  Each token
is folded (lower case, ё→е) and stemmed with Snowball: Russian for Cyrillic words, English
for Latin ones.  Stemming goes through a per-process cache because interview vocabularies
repeat heavily.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import Stemmer

# one letter or digit: the unit every word boundary in themes, search and find is made of
WORD_CHAR = re.compile(r"[^\W_]", re.UNICODE)
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")

_ru = Stemmer.Stemmer("russian")
_en = Stemmer.Stemmer("english")


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    stem: str


def fold(word: str) -> str:
    return word.lower().replace("ё", "е")


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Stem one word (any case); the result is folded."""
    w = fold(word)
    if _CYRILLIC.search(w):
        return _ru.stemWord(w)
    if w.isascii() and w.isalpha():
        return _en.stemWord(w)
    return w


# stem_each's memo: a plain dict is several times faster to consult than the lru_cache above
_STEMS: dict[str, str] = {}
_STEMS_LIMIT = 400_000


def stem_each(words: list[str]) -> list[str]:
    """``[stem(w) for w in words]``, for the long word lists of indexing."""
    try:
        return list(map(_STEMS.__getitem__, words))
    except KeyError:
        pass
    if len(_STEMS) > _STEMS_LIMIT:
        _STEMS.clear()
    for w in set(words).difference(_STEMS):
        _STEMS[w] = stem(w)
    get = _STEMS.get  # another thread may clear the memo meanwhile: then stem again
    return [s if (s := get(w)) is not None else stem(w) for w in words]


def tokens(text: str) -> list[Token]:
    """Tokens with their offsets in ``text``."""
    return [Token(m.start(), m.end(), stem(m.group())) for m in _WORD.finditer(text)]


def stems(text: str) -> list[str]:
    """Just the stems, in order (the fast path for indexing)."""
    return [stem(w) for w in _WORD.findall(text)]


def words(text: str) -> list[str]:
    return _WORD.findall(text)
