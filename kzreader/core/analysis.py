"""What search and themes need from one interview, from a single pass of tokenising.

Loading computes both for every file (in worker processes, kept in the parse cache), and
splitting the text into words is the larger part of either, so each paragraph is folded and
split once and the word lists feed both.
"""
from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from .model import Interview
from .text import fold, words

if TYPE_CHECKING:
    from .themes import ThemeIndex

# per unit: (exchange number, 0 for the lead; folded word -> count; length in words)
UnitWords = tuple[tuple[int, dict[str, int], int], ...]


def _unit(number: int, paragraph_words: list[list[str]]) -> tuple[int, dict[str, int], int]:
    counts: Counter[str] = Counter()
    n = 0
    for ws in paragraph_words:
        counts.update(ws)
        n += len(ws)
    return number, dict(counts), n


def analyse(iv: Interview, index: "ThemeIndex | None" = None
            ) -> tuple[UnitWords, tuple[frozenset[str], ...] | None]:
    """``(unit words for search, per-exchange themes or None without an index)``."""
    units = []
    if iv.lead:
        units.append(_unit(0, [words(fold(p.text)) for p in iv.lead]))
    tags = [] if index is not None else None
    for ex in iv.exchanges:
        q = [words(fold(p.text)) for p in ex.question.paragraphs]
        a = [words(fold(p.text)) for p in ex.answer.paragraphs]
        units.append(_unit(ex.number, q + a))
        if tags is not None:
            tags.append(index.themes_of_words(q, a))
    return tuple(units), (tuple(tags) if tags is not None else None)
