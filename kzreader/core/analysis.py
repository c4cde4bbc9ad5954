"""What search and themes need from one interview, from a single pass of tokenising.

Loading computes both for every file (in worker processes, kept in the parse cache), and
splitting the text into words is the larger part of either, so each paragraph is folded and
split once and the word lists feed both.

Search gets ``Terms``, a plain tuple cheap to send between processes and to store::

    (numbers, lengths, ends, stems, counts, forms)

one search unit per lead (number 0) and exchange: ``numbers[k]`` and ``lengths[k]`` (in
words) describe unit ``k``; its distinct stems are ``stems[ends[k-1]:ends[k]]`` with their
counts at the same places in ``counts``; ``forms`` are the interview's distinct folded words.
The stems are counted here, next to the parsing, so the process that builds the index only
appends postings.
"""
from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from .model import Interview
from .text import fold, stem_each, words

if TYPE_CHECKING:
    from .themes import ThemeIndex

Terms = tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...], tuple[str, ...], tuple[int, ...],
              tuple[str, ...]]


def analyse(iv: Interview, index: "ThemeIndex | None" = None
            ) -> tuple[Terms, tuple[frozenset[str], ...] | None]:
    """``(terms for search, per-exchange themes or None without an index)``."""
    numbers: list[int] = []
    lengths: list[int] = []
    ends: list[int] = []
    stems: list[str] = []
    counts: list[int] = []
    forms: set[str] = set()

    def unit(number: int, paragraph_words: list[list[str]]) -> None:
        tf: Counter[str] = Counter()
        n = 0
        for ws in paragraph_words:
            tf.update(stem_each(ws))
            forms.update(ws)
            n += len(ws)
        numbers.append(number)
        lengths.append(n)
        stems.extend(tf)
        counts.extend(tf.values())
        ends.append(len(stems))

    if iv.lead:
        unit(0, [words(fold(p.text)) for p in iv.lead])
    tags = [] if index is not None else None
    for ex in iv.exchanges:
        q = [words(fold(p.text)) for p in ex.question.paragraphs]
        a = [words(fold(p.text)) for p in ex.answer.paragraphs]
        unit(ex.number, q + a)
        if tags is not None:
            tags.append(index.themes_of_words(q, a))
    terms = (tuple(numbers), tuple(lengths), tuple(ends), tuple(stems), tuple(counts),
             tuple(sorted(forms)))  # sorted: the parse cache stays deterministic
    return terms, (tuple(tags) if tags is not None else None)


def unit_counts(terms: Terms) -> list[tuple[int, dict[str, int], int]]:
    """Per unit ``(number, {stem: count}, length)``: ``terms`` spelled out, for tests and
    tools."""
    numbers, lengths, ends, stems, counts, _forms = terms
    out, a = [], 0
    for number, length, b in zip(numbers, lengths, ends):
        out.append((number, dict(zip(stems[a:b], counts[a:b])), length))
        a = b
    return out
