"""Reading across interviews: the exchanges that answer one theme, one search or one
question, gathered from every interview into one ordered list.

An :class:`AcrossItem` names an exchange (interview id, exchange number) and the source
ranges to mark in it.  Items come from the theme tags (:func:`items_for_themes`), from
search hits (:func:`items_for_hits`) or from similar questions (:func:`items_for_similar`),
and are put in reading order by :func:`order_items`: grouped by interview (interviews in the
order they first appear, exchanges by number), by publication date, or by interviewee.
Ordering reads only list metadata, so a corpus of lazily loaded interviews stays unloaded
until an item is shown.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable, Sequence

from ..model import Interview
from ..text import fold

ORDER_INTERVIEW = "interview"
ORDER_DATE = "date"
ORDER_INTERVIEWEE = "interviewee"
ORDERS = (ORDER_INTERVIEW, ORDER_DATE, ORDER_INTERVIEWEE)

Lookup = Callable[[str], "Interview | None"]


@dataclass(frozen=True, slots=True)
class AcrossItem:
    """One exchange to read; ``spans`` are source offsets to mark (may be empty)."""

    interview_id: str
    number: int  # 1-based exchange number
    spans: tuple[tuple[int, int], ...] = ()
    score: float = 0.0


@dataclass(frozen=True, slots=True)
class Header:
    """What a reader needs to know before an exchange read out of its interview."""

    interviewee: str  # "" when unknown
    role: str
    outlet: str
    date: str  # ISO "YYYY-MM-DD" or ""
    number: int
    count: int  # exchanges in the interview
    title: str  # "" when there is none worth showing


def header(iv: Interview, number: int) -> Header:
    """The header of exchange ``number``.  ``title`` is "" when the file has none and the
    made-up one would only repeat the interviewee and date the header shows anyway."""
    title = iv.title or ("" if iv.interviewee else iv.display_title)
    return Header(iv.interviewee or "", iv.role or "", iv.source or "", iv.date or "", number,
                  iv.exchange_count, title)


def items_for_themes(exchange_themes: dict[str, Sequence[frozenset[str]]], theme_ids: Iterable[str],
                     interview_ids: Iterable[str]) -> list[AcrossItem]:
    """Every exchange carrying any of ``theme_ids``, interviews in ``interview_ids`` order.

    ``exchange_themes`` is :attr:`CorpusThemes.exchange_themes` (per interview, the themes of
    each exchange); the marks are found when an item is shown.
    """
    wanted = set(theme_ids)
    if not wanted:
        return []
    out = []
    for iid in interview_ids:
        for k, themes in enumerate(exchange_themes.get(iid, ())):
            if wanted & themes:
                out.append(AcrossItem(iid, k + 1))
    return out


def items_for_hits(hits: Iterable) -> list[AcrossItem]:
    """Search hits (best first) as items; a hit in an interview's lead is no exchange."""
    return [AcrossItem(h.interview_id, h.exchange_number, tuple(h.match_spans), h.score)
            for h in hits if h.exchange_number > 0]


def items_for_similar(source: AcrossItem | None, results: Iterable) -> list[AcrossItem]:
    """The question being followed first (when given), then its similar questions."""
    out = [source] if source is not None else []
    out.extend(AcrossItem(r.interview_id, r.number, tuple(r.spans), r.score) for r in results)
    return out


def _date_key(iv: Interview | None) -> tuple:
    date = iv.date if iv is not None else None
    return (0, date) if date else (1, "")  # undated interviews last


def _name_key(iv: Interview | None) -> tuple:
    name = iv.interviewee if iv is not None else None
    return (0, fold(name)) if name else (1, "")  # unknown interviewees last


def _title_key(iv: Interview | None) -> tuple:
    return (fold(iv.display_title), iv.path) if iv is not None else ("", "")


def order_items(items: Sequence[AcrossItem], lookup: Lookup, order: str = ORDER_INTERVIEW) -> list[AcrossItem]:
    """``items`` in reading order; items of interviews ``lookup`` does not know are dropped.

    ``interview``: grouped by interview, interviews in the order of their first item (so a
    search keeps its best interview first), exchanges by number.  ``date``: oldest first,
    undated last.  ``interviewee``: alphabetically, unknown last, then by date.  Within an
    interview exchanges always follow their number.
    """
    if order not in ORDERS:
        raise ValueError(f"unknown order {order!r}")
    ivs: dict[str, Interview] = {}
    first: dict[str, int] = {}
    kept = []
    for item in items:
        iid = item.interview_id
        if iid not in ivs:
            iv = lookup(iid)
            if iv is None:
                continue
            ivs[iid] = iv
            first[iid] = len(first)
        kept.append(item)
    if order == ORDER_INTERVIEW:
        key = lambda it: (first[it.interview_id], it.number)  # noqa: E731
    elif order == ORDER_DATE:
        key = lambda it: (_date_key(ivs[it.interview_id]), _title_key(ivs[it.interview_id]),  # noqa: E731
                          first[it.interview_id], it.number)
    else:
        key = lambda it: (_name_key(ivs[it.interview_id]), _date_key(ivs[it.interview_id]),  # noqa: E731
                          _title_key(ivs[it.interview_id]), first[it.interview_id], it.number)
    # one item per exchange: a theme and a search may name the same exchange twice
    seen: set[tuple[str, int]] = set()
    out = []
    for it in sorted(kept, key=key):
        if (it.interview_id, it.number) not in seen:
            seen.add((it.interview_id, it.number))
            out.append(it)
    return out


def group_starts(items: Sequence[AcrossItem]) -> list[int]:
    """Indexes where a new interview starts in ``items`` (for group headings)."""
    return [i for i, it in enumerate(items) if i == 0 or items[i - 1].interview_id != it.interview_id]
