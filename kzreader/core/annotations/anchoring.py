"""Anchoring a passage to its source text and finding it again after the text changes.

An :class:`Anchor` follows the W3C Web Annotation model: a TextQuoteSelector (``exact`` with
about 32 characters of ``prefix`` and ``suffix``) plus a TextPositionSelector (``start``,
``end``), both over the *decoded* source text in Python ``str`` offsets, and the sha256 of
that text.

:func:`reanchor` looks for the passage in a new version of the text:

1. the old position, accepted only if the text there still equals the quote (and its
   context has not been replaced wholesale);
2. candidates: every exact copy of the quote, plus fuzzy regions found by voting of short
   pieces of prefix+quote+suffix (so an edited original is considered even when an untouched
   copy exists elsewhere), plus a rapidfuzz alignment in a window around the old position;
   fuzzy boundaries are re-aligned against the quote's head/tail and the context;
3. each candidate is scored by quote similarity, prefix/suffix similarity and closeness to
   the old position; the best is accepted only if it is confident and not ambiguous,
   otherwise the result is ``needs_review`` — a passage is never silently moved.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel

from ..model import text_hash

CONTEXT_CHARS = 32

# Scoring weights: the quote itself dominates; context and distance break ties.
W_QUOTE, W_CONTEXT, W_PROXIMITY = 0.6, 0.3, 0.1
MIN_QUOTE_SIMILARITY = 0.80  # below this the words themselves have changed too much
MIN_CONFIDENCE = 0.70
# Short quotes are not distinctive alone: they also need their context to agree.  A fuzzy
# match needs more of it, since a deleted short phrase often has a near-twin elsewhere.
SHORT_EXACT, MIN_CONTEXT_SHORT_EXACT = 24, 0.5
SHORT_FUZZY, MIN_CONTEXT_SHORT_FUZZY = 64, 0.7
POSITION_MIN_CONTEXT = 0.5  # same words at the same offset but new surroundings: re-check
AMBIGUITY_MARGIN = 0.02
BOUNDARY_PENALTY = 0.02  # per end that is mid-word where the original was at a word edge  # a second place this close in score makes the choice a guess

EXACT_POSITION = "exact_position"
EXACT_QUOTE = "exact_quote"
FUZZY = "fuzzy"
NEEDS_REVIEW = "needs_review"

_MAX_EXACT_COPIES = 200
_MAX_PIECE_HITS = 32  # a piece found more often than this says nothing about where we are
_EDGE = 16  # characters of quote/context used to place a boundary
_SLACK = 12  # boundary search radius beyond what the votes suggest


@dataclass(frozen=True, slots=True)
class Anchor:
    exact: str
    prefix: str
    suffix: str
    start: int
    end: int
    source_hash: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "exact": self.exact,
            "prefix": self.prefix,
            "suffix": self.suffix,
            "start": self.start,
            "end": self.end,
            "source_hash": self.source_hash,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Anchor":
        a = cls(
            exact=str(d["exact"]),
            prefix=str(d.get("prefix", "")),
            suffix=str(d.get("suffix", "")),
            start=int(d["start"]),
            end=int(d["end"]),
            source_hash=str(d.get("source_hash", "")),
        )
        if not a.exact or a.start < 0 or a.end - a.start != len(a.exact):
            raise ValueError("anchor offsets do not match its quote")
        return a


@dataclass(frozen=True, slots=True)
class AnchorResult:
    status: str  # EXACT_POSITION, EXACT_QUOTE, FUZZY or NEEDS_REVIEW
    start: int | None  # None when status is NEEDS_REVIEW
    end: int | None
    confidence: float

    @property
    def found(self) -> bool:
        return self.status != NEEDS_REVIEW


def make_anchor(source_text: str, start: int, end: int, context: int = CONTEXT_CHARS) -> Anchor:
    """Anchor ``source_text[start:end]`` (Python str offsets into the decoded text)."""
    if not (0 <= start < end <= len(source_text)):
        raise ValueError(f"invalid range {start}..{end} for a text of {len(source_text)} characters")
    return Anchor(
        exact=source_text[start:end],
        prefix=source_text[max(0, start - context) : start],
        suffix=source_text[end : end + context],
        start=start,
        end=end,
        source_hash=text_hash(source_text),
    )


def reanchor(anchor: Anchor, new_text: str) -> AnchorResult:
    """Find ``anchor`` in ``new_text``; see the module docstring for the method."""
    exact, start, end = anchor.exact, anchor.start, anchor.end
    if end <= len(new_text) and new_text[start:end] == exact:
        if (anchor.source_hash and text_hash(new_text) == anchor.source_hash) or _context(
            anchor, new_text, start, end
        ) >= POSITION_MIN_CONTEXT:
            return AnchorResult(EXACT_POSITION, start, end, 1.0)

    spans: set[tuple[int, int]] = set()
    for pos in _find_all(new_text, exact, _MAX_EXACT_COPIES):
        spans.add((pos, pos + len(exact)))
    for s_range, e_range in _vote_regions(anchor, new_text):
        span = _refine(anchor, new_text, s_range, e_range)
        if span:
            spans.add(span)
    span = _window_alignment(anchor, new_text)
    if span:
        spans.add(span)
    if not spans:
        return AnchorResult(NEEDS_REVIEW, None, None, 0.0)

    scored = sorted(((_score(anchor, new_text, s, e), s, e) for s, e in spans), reverse=True)
    (score, q, c), s, e = scored[0]
    for (other, _, _), s2, e2 in scored[1:]:
        if other < score - AMBIGUITY_MARGIN:
            break
        if s2 >= e or e2 <= s:  # an equally good, different place: do not guess
            return AnchorResult(NEEDS_REVIEW, None, None, round(score, 3))
    is_exact = new_text[s:e] == exact
    if is_exact:
        need_context = MIN_CONTEXT_SHORT_EXACT if len(exact) < SHORT_EXACT else 0.0
    else:
        need_context = MIN_CONTEXT_SHORT_FUZZY if len(exact) < SHORT_FUZZY else 0.0
    if q < MIN_QUOTE_SIMILARITY or score < MIN_CONFIDENCE or c < need_context:
        return AnchorResult(NEEDS_REVIEW, None, None, round(score, 3))
    return AnchorResult(EXACT_QUOTE if is_exact else FUZZY, s, e, round(score, 3))


# --- Qt text positions ---------------------------------------------------------------------
# Qt counts UTF-16 code units; Python counts code points.  They differ after any character
# outside the Basic Multilingual Plane (emoji, some symbols).


def str_offset_from_utf16(text: str, utf16_pos: int) -> int:
    """Python offset in ``text`` of the UTF-16 position ``utf16_pos`` (e.g. a QTextCursor's)."""
    units = 0
    for i, ch in enumerate(text):
        if units >= utf16_pos:
            return i
        units += 2 if ord(ch) > 0xFFFF else 1
    return len(text)


def utf16_offset_from_str(text: str, pos: int) -> int:
    """UTF-16 position of the Python offset ``pos`` in ``text``."""
    return pos + sum(1 for ch in text[:pos] if ord(ch) > 0xFFFF)


# --- internals -------------------------------------------------------------------------------


def _find_all(text: str, needle: str, limit: int) -> list[int]:
    out: list[int] = []
    i = text.find(needle)
    while i != -1 and len(out) < limit:
        out.append(i)
        i = text.find(needle, i + 1)
    return out


def _sim(a: str, b: str) -> float:
    if not a and not b:
        return 1.0
    return fuzz.ratio(a, b) / 100.0


def _context(anchor: Anchor, text: str, s: int, e: int) -> float:
    left = text[max(0, s - len(anchor.prefix)) : s]
    right = text[e : e + len(anchor.suffix)]
    return (_sim(anchor.prefix, left) + _sim(anchor.suffix, right)) / 2


def _score(anchor: Anchor, text: str, s: int, e: int) -> tuple[float, float, float]:
    """(overall score, quote similarity, context similarity)."""
    q = _sim(anchor.exact, text[s:e])
    c = _context(anchor, text, s, e)
    p = 1.0 / (1.0 + abs(s - anchor.start) / (len(anchor.exact) + 500))
    # a selection that began/ended at a word edge is unlikely to now begin/end mid-word
    want_s, want_e = _boundary_kinds(anchor)
    edge = BOUNDARY_PENALTY * ((_is_boundary(text, s) != want_s) + (_is_boundary(text, e) != want_e))
    return W_QUOTE * q + W_CONTEXT * c + W_PROXIMITY * p - edge, q, c


def _boundary_kinds(anchor: Anchor) -> tuple[bool, bool]:
    """Whether the original selection started / ended at a word edge."""
    ex = anchor.exact
    return (
        not anchor.prefix or _is_boundary(anchor.prefix[-1:] + ex[:1], 1),
        not anchor.suffix or _is_boundary(ex[-1:] + anchor.suffix[:1], 1),
    )


def _vote_regions(anchor: Anchor, text: str) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """Places where pieces of prefix+quote+suffix recur, as (start range, end range).

    Each piece found in ``text`` votes for where the quote would start; votes that agree
    form a region.  Edits break only the pieces they touch, so an edited passage still
    collects votes from its intact pieces.
    """
    exact = anchor.exact
    n = len(exact)
    ctx = anchor.prefix + exact + anchor.suffix
    base = len(anchor.prefix)
    k = 8 if n < 96 else 16
    step = max(k // 2, len(ctx) // 400)  # bound the work on very long quotes
    votes: list[tuple[int, int]] = []  # (implied quote start, piece offset relative to quote)
    for off in range(0, max(1, len(ctx) - k + 1), step):
        piece = ctx[off : off + k]
        if not piece.strip():
            continue
        hits = _find_all(text, piece, _MAX_PIECE_HITS + 1)
        if len(hits) > _MAX_PIECE_HITS:
            continue
        rel = off - base
        votes.extend((h - rel, rel) for h in hits)
    if not votes:
        return []
    votes.sort()
    tol = 8 + n // 4
    clusters: list[list[tuple[int, int]]] = [[votes[0]]]
    for v in votes[1:]:
        if v[0] - clusters[-1][-1][0] <= tol:
            clusters[-1].append(v)
        else:
            clusters.append([v])
    weighted = sorted(clusters, key=lambda c: len({rel for _, rel in c}), reverse=True)
    regions = []
    for cl in weighted[:10]:
        if len({rel for _, rel in cl}) < 2:
            continue
        head = [s for s, rel in cl if rel < n / 2] or [s for s, _ in cl]
        tail = [s + n for s, rel in cl if rel >= n / 2] or [s + n for s, _ in cl]
        regions.append(((min(head), max(head)), (min(tail), max(tail))))
    return regions


def _window_alignment(anchor: Anchor, text: str) -> tuple[int, int] | None:
    """Best fuzzy alignment of the quote near its old position (catches dense edits)."""
    n = len(anchor.exact)
    if n > 2000:  # long quotes always keep intact pieces; the votes find them
        return None
    lo = max(0, anchor.start - n - 200)
    window = text[lo : anchor.end + n + 200]
    if len(window) < n // 2:
        return None
    al = fuzz.partial_ratio_alignment(anchor.exact, window, score_cutoff=MIN_QUOTE_SIMILARITY * 90)
    if al is None:
        return None
    if len(anchor.exact) <= len(window):
        s, e = lo + al.dest_start, lo + al.dest_end
    else:
        s, e = lo + al.src_start, lo + al.src_end
    return _refine(anchor, text, (s, s), (e, e))


def _is_boundary(text: str, i: int) -> bool:
    return i <= 0 or i >= len(text) or not (text[i - 1].isalnum() and text[i].isalnum())


def _refine(
    anchor: Anchor, text: str, s_range: tuple[int, int], e_range: tuple[int, int]
) -> tuple[int, int] | None:
    """Place each boundary where the quote's edge and the neighbouring context fit best.

    Fuzzy alignments and votes give boundaries that can be several characters off; the
    boundary that minimises the edit distance of (context | quote edge) across it, preferring
    the original kind of boundary (word edge or mid-word), is the one the reader meant.
    """
    exact = anchor.exact
    head, tail = exact[:_EDGE], exact[-_EDGE:]
    pre, suf = anchor.prefix[-_EDGE:], anchor.suffix[:_EDGE]
    want_s, want_e = _boundary_kinds(anchor)

    def best(lo: int, hi: int, cost) -> int | None:
        mid = (lo + hi) / 2
        lo, hi = max(0, lo - _SLACK), min(len(text), hi + _SLACK)
        if lo > hi:
            return None
        return min(range(lo, hi + 1), key=lambda i: (cost(i), abs(i - mid)))

    def start_cost(i: int) -> float:
        d = Indel.distance(head, text[i : i + len(head)])
        if pre:
            d += Indel.distance(pre, text[max(0, i - len(pre)) : i])
        return d + (0.5 if _is_boundary(text, i) != want_s else 0.0)

    def end_cost(i: int) -> float:
        d = Indel.distance(tail, text[max(0, i - len(tail)) : i])
        if suf:
            d += Indel.distance(suf, text[i : i + len(suf)])
        return d + (0.5 if _is_boundary(text, i) != want_e else 0.0)

    s = best(s_range[0], s_range[1], start_cost)
    e = best(e_range[0], e_range[1], end_cost)
    return (s, e) if s is not None and e is not None and e > s else None
