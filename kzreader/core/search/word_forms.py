"""Every form of a word, as the stems the index and the theme matcher compare.

Snowball alone gives one Russian word several stems (Казахстан → ``казахста``, Казахстане →
``казахстан``; урожай → ``урожа``, урожая → ``урож``; цепочки → ``цепочк``, цепочек →
``цепочек``), so comparing one stem misses forms.  A query word or a lexicon entry is
therefore expanded through pymorphy3: each lexeme the word may belong to gives all its
forms, and each form is stemmed with the same stemmer the text went through
(:func:`kzreader.core.text.stem`).  A text word matches when its stem is among them.

Only the lexemes pymorphy3 finds likely count (a summed parse score of at least
:data:`MIN_LEMMA_SCORE`): "при" is a preposition, not a form of "переть", and "стали" is
"стать" rather than "сталь".  pymorphy3 handles some 15-35 thousand words a second, so this
runs for the few words of a query or a lexicon, never over bulk text, and is memoised.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..text import fold, stem

MIN_LEMMA_SCORE = 0.05
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


@lru_cache(maxsize=1)
def morph():
    """The process's one pymorphy3 analyser (its dictionaries take some 15 MB), or None
    without pymorphy3 or its dictionary: a word then matches its own stem only, and
    core.search.analysers says once that results are weaker."""
    try:
        import pymorphy3
        import pymorphy3_dicts_ru

        # given the dictionary's folder, pymorphy3 does not look it up among every installed
        # package's entry points (importlib.metadata): 35 ms of CPU instead of 56, in the
        # window before its first load starts and in each worker process
        return pymorphy3.MorphAnalyzer(path=pymorphy3_dicts_ru.get_path(), lang="ru")
    except (ImportError, ValueError, OSError):  # no dictionary for Russian, or a broken one
        return None


@lru_cache(maxsize=100_000)
def form_words(word: str) -> frozenset[str]:
    """Every likely form of ``word`` (any case), folded, the word itself included."""
    w = fold(word)
    if not _CYRILLIC.search(w):
        return frozenset((w,))
    analyser = morph()
    if analyser is None:
        return frozenset((w,))
    parses = analyser.parse(w)
    weight: dict[tuple[str, str], float] = {}
    for p in parses:
        key = (p.normal_form, str(p.tag.POS))
        weight[key] = weight.get(key, 0.0) + p.score
    out = {w}
    for p in parses:
        if weight[(p.normal_form, str(p.tag.POS))] >= MIN_LEMMA_SCORE:
            out.update(fold(f.word) for f in p.lexeme)
    return frozenset(out)


@lru_cache(maxsize=100_000)
def form_stems(word: str) -> frozenset[str]:
    """The stems of every likely form of ``word`` (any case), its own stem included."""
    return frozenset(map(stem, form_words(word)))
