"""Speaker labels read as people's names: every "Name: …" at a line start, the label as a
possible person ("**Иван Петров**" → "Иван Петров"; not "Вопрос", "Фото" or a time), and a label
without markup or a generation suffix (for the people finder, ``people.py``).
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import Final

from . import names
from .blocks import Block

# labels that are not people
_NOT_PEOPLE: Final = {"interview", "интервью", "note", "примечание", "image", "photo", "фото", "источник",
               "source", "update", "q", "a", "в", "о", "вопрос", "ответ", "question", "answer",
               "корр", "корреспондент", "журналист", "ведущий", "ведущая", "interviewer", "host",
               "reporter", "editor", "видео", "video", "tags", "теги", "date", "дата"}


# The header pattern opens with the newline itself (it runs on "\n" + text): a literal first
# character lets the engine jump from line to line instead of trying every position.
# what stands before a label's colon: maybe emphasis, then up to four words or initials
_LABEL_HEAD: Final = re.compile(r"[ \t]*[*_]{0,3}(?P<lab>[A-ZА-ЯЁ][\w’'.\- ]{0,40}?)[ \t]*[*_]{0,3}[ \t]*")


def speaker_labels(text: str) -> list[tuple[int, str, bool]]:
    """Speaker labels at line starts: (offset, label, does the turn's first line end with '?').
    Only lines with a colon near their start are tried (found with str.find, far faster than a
    pattern tried at every line)."""
    out = []
    i = text.find(":")
    while i != -1:
        ls = text.rfind("\n", 0, i) + 1
        nl = text.find("\n", i)
        # what stands before the line's first colon; a page repeats its labels, so each is
        # read once (the pattern and the label checks cost several times the look-up)
        lab = _label_before_colon(text[ls:i]) if i - ls <= 50 else None
        if lab is not None:
            # the last character of the line after the label but blanks and emphasis marks
            # (read in place: the line is not copied)
            j = nl if nl != -1 else len(text)
            while j > i + 1 and text[j - 1] in " \t*_":
                j -= 1
            if j > i + 1:
                asks = text[j - 1] == "?"
            else:  # a label alone on its line: the turn starts on the next one
                nxt = _NEXT_LINE.match(text, i + 1)
                assert nxt is not None  # (the pattern matches the empty string)
                asks = nxt.group(1).rstrip("*_ ").endswith("?")
            out.append((ls, lab, asks))
        i = text.find(":", nl) if nl != -1 else -1
    return out


@lru_cache(maxsize=4096)
def _label_before_colon(head: str) -> str | None:
    """The person label a line opens with, given the line up to its first colon: a capital
    (maybe after blanks or emphasis), up to four words or initials; None if it is no label."""
    m = _LABEL_HEAD.fullmatch(head)
    return _person_label(m.group("lab")) if m is not None else None


@lru_cache(maxsize=4096)
def _person_label(raw: str) -> str | None:
    """The label as a possible person ("**Иван Петров**" → "Иван Петров"), or None for
    "Вопрос", "Q", "Фото", times and phrases in lower case."""
    if raw.lower().rstrip(". ") in _NOT_PEOPLE or _DIGIT.search(raw):
        return None
    lab = norm_label(raw)
    words = lab.split()
    if not lab or len(words) > 4:
        return None
    if not all(w[:1].isupper() or w.lower() in names.PARTICLES or names.has_particle(w) for w in words) \
            and not names.label_initials(lab):
        return None
    return lab


_NEXT_LINE: Final = re.compile(r"\s*([^\n]*)")


_DIGIT: Final = re.compile(r"\d")


_GENERATION: Final = re.compile(r"\s+(?:I{1,3}|IV|Jr\.?|Sr\.?|мл\.|ст\.)$")


@lru_cache(maxsize=4096)
def norm_label(label: str) -> str:
    """A label as a name: no markup, no generation suffix ("Яхья Абдул-Матин II")."""
    return _GENERATION.sub("", " ".join(str(label).strip(" *_:").split()))


def label_stats(blocks: list[Block], content: list[int], bodies: list[str]) -> dict[str, tuple[int, bool, int]]:
    """label → (how many blocks carry it, does it ask, rank of its first use).  A label asks
    when most of its turns hold a '?', or when it is the recurring label that asks most (an
    interviewer whose turns are often statements still asks more than the guests)."""
    count: Counter[str] = Counter()
    asks: Counter[str] = Counter()
    order: dict[str, int] = {}
    for i, body in zip(content, bodies):
        b = blocks[i]
        if b.marker == "speaker" and b.label:
            count[b.label] += 1
            if "?" in body:
                asks[b.label] += 1
            order.setdefault(b.label, len(order))
    share = {lab: asks[lab] / n for lab, n in count.items()}
    top = max((v for lab, v in share.items() if count[lab] >= 2), default=0.0)
    # in a talk between recurring labels the one heard first leads: it asks when it ever asks,
    # or when no recurring label does (an interviewer whose turns are statements, a second
    # interviewer); a lone recurring label may be a caption's
    recurring = [lab for lab in order if count[lab] >= 2]
    first = recurring[0] if len(recurring) >= 2 else None
    return {lab: (n, share[lab] >= 0.5 or n >= 2 and (0 < share[lab] == top or lab == first and (
        top == 0 or share[lab] > 0)), order[lab]) for lab, n in count.items()}
