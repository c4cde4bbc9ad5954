"""What a search returns: ``Hit`` (one matching unit, its snippet and match spans, worked out
on first use), checking a unit's own text for a query's tokens, snippets, the display order and
where in an exchange a hit lies.  The index that finds the units is ``search``."""
from __future__ import annotations

import re
from typing import Callable, Iterable

from ..model import Interview, Paragraph
from ..text import WORD_CHAR, fold, stem
from .query import CandidateToken, PhraseTerm, PrefixTerm, Query, all_tokens, match_pieces

# Above this many word forms a query's regular expression gets slow to build; tokenise instead.
_MAX_REGEX_FORMS = 1500
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
