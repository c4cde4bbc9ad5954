"""What search and themes need from one interview, from a single pass of tokenising.

Loading computes both for every file (in worker processes, kept in the parse cache), and
splitting the text into words is the larger part of either, so each paragraph is folded and
split once and the word lists feed both.

Search gets ``Terms``, a plain tuple cheap to send between processes and to store::

    (numbers, lengths, texts, forms)

one search unit per lead (number 0) and exchange: ``numbers[k]`` and ``lengths[k]`` (in
words) describe unit ``k``, ``texts[k]`` is its stems in text order separated by spaces, with
:data:`BREAK` between paragraphs (the search index's document); ``forms`` are the
interview's distinct folded words.  The stems are made here, next to the parsing, so the
process that builds the index only hands documents over.
"""
from __future__ import annotations

from collections import Counter
from itertools import chain
from typing import TYPE_CHECKING

from ..model import Interview
from ..text import folded_words, stem_each

if TYPE_CHECKING:
    from ..themes.matching import ThemeIndex

Terms = tuple[tuple[int, ...], tuple[int, ...], tuple[str, ...], tuple[str, ...]]
# between two paragraphs' stems: never a word ("_" is no word character), so phrases stop there
BREAK = "_"


def analyse(iv: Interview, index: "ThemeIndex | None" = None
            ) -> tuple[Terms, tuple[frozenset[str], ...] | None]:
    """``(terms for search, per-exchange themes or None without an index)``."""
    numbers: list[int] = []
    lengths: list[int] = []
    texts: list[str] = []
    runs: list[list[str]] = []  # every unit's words, for the forms

    def unit(number: int, paragraph_words: list[list[str]]) -> list[str]:
        # one list for the unit, BREAK between its paragraphs: one pass of stemming and one
        # join (BREAK stems to itself) instead of one per paragraph
        unit_words: list[str] = []
        for ws in paragraph_words:
            if ws:
                if unit_words:
                    unit_words.append(BREAK)
                unit_words += ws
        runs.append(unit_words)
        numbers.append(number)
        lengths.append(len(unit_words) - unit_words.count(BREAK))
        texts.append(" ".join(stem_each(unit_words)))
        return unit_words

    if iv.lead:
        unit(0, [folded_words(p.text) for p in iv.lead])
    tags = [] if index is not None else None
    for ex in iv.exchanges:
        q = [folded_words(p.text) for p in ex.question.paragraphs]
        run = unit(ex.number, q + [folded_words(p.text) for p in ex.answer.paragraphs])
        if tags is not None:
            # the question's words end where its paragraphs' words (and the BREAKs between
            # them) do; themes match on the same run of words
            question_end = sum(map(len, q))
            question_end += max(0, sum(1 for ws in q if ws) - 1)
            tags.append(index.themes_of_run(run, question_end))
    # distinct, in order of first occurrence: deterministic (the parse cache stays the same
    # from run to run) without sorting them, which cost as much as finding them
    forms = dict.fromkeys(chain.from_iterable(runs))
    forms.pop(BREAK, None)
    terms = (tuple(numbers), tuple(lengths), tuple(texts), tuple(forms))
    return terms, (tuple(tags) if tags is not None else None)


def unit_counts(terms: Terms) -> list[tuple[int, dict[str, int], int]]:
    """Per unit ``(number, {stem: count}, length)``: ``terms`` spelled out, for tests and
    tools."""
    numbers, lengths, texts, _forms = terms
    out = []
    for number, length, text in zip(numbers, lengths, texts):
        counts = Counter(text.split())
        counts.pop(BREAK, None)
        out.append((number, dict(counts), length))
    return out
