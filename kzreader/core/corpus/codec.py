"""Interview ⇄ plain tuples of str/int/float/None.

The parse cache stores this form with ``marshal`` (which can only build plain values, never run
code, so a damaged or planted cache file cannot do more than fail to decode), and worker
processes send it back instead of pickled dataclasses, which unpickle several times slower.
``decode`` checks the shape as it goes and raises ``ValueError`` on anything unexpected.
"""
from __future__ import annotations

from ..messages import Message, from_plain, to_plain
from ..model import Exchange, Interview, Paragraph, Span, Turn, opening_words

FORMAT = 4  # 4: warnings are message codes with parameters (core.messages), not English
# Interview's scalar fields, in the order they are stored ("opening" last: worked out here)
_SCALARS = ("id", "path", "title", "date", "interviewee", "role", "interviewer", "source", "url",
            "language", "encoding", "format", "source_hash", "size", "mtime", "opening")


def encode(iv: Interview) -> tuple:
    return (FORMAT, summary(iv), body(iv))


def summary(iv: Interview) -> tuple:
    """What the interview list, theme counts and Problems need: no paragraph text."""
    opening = iv.opening if iv.opening is not None else opening_words(iv)
    return (tuple(getattr(iv, name) for name in _SCALARS[:-1]) + (opening,), iv.exchange_count,
            tuple(to_plain(w) for w in iv.warnings))


def body(iv: Interview) -> tuple:
    return (
        tuple((p.start, p.end, p.text) for p in iv.lead),
        tuple((ex.number, _turn(ex.question), _turn(ex.answer)) for ex in iv.exchanges),
        tuple((s.start, s.end, s.kind, s.text) for s in iv.removed),
        tuple((s.start, s.end, s.kind, s.text) for s in iv.metadata_spans),
    )


def _turn(t: Turn) -> tuple:
    return (t.role, tuple((p.start, p.end, p.text) for p in t.paragraphs), t.speaker, t.marker)


def decode(data) -> Interview:
    try:
        fmt, head, rest = data
        if fmt != FORMAT:
            raise ValueError("unknown interview format")
        fields, _count, warnings = _summary_fields(head)
        return Interview(**fields, **body_fields(rest), warnings=warnings)
    except (TypeError, KeyError) as e:  # wrong shapes: a damaged file, never our own output
        raise ValueError(f"damaged interview data: {e}") from None


def decode_summary(head) -> tuple[dict, int, tuple[Message, ...]]:
    """(scalar fields, number of exchanges, warnings); ValueError when damaged."""
    try:
        return _summary_fields(head)
    except (TypeError, KeyError) as e:
        raise ValueError(f"damaged interview data: {e}") from None


def _summary_fields(head) -> tuple[dict, int, tuple[Message, ...]]:
    scalars, count, warnings = head
    if len(scalars) != len(_SCALARS) or not isinstance(count, int):
        raise ValueError("unknown interview format")
    fields = dict(zip(_SCALARS, scalars))
    if not isinstance(fields["id"], str) or not isinstance(fields["path"], str):
        raise ValueError("interview without id or path")
    found = tuple(from_plain(w) for w in warnings)
    if not all(isinstance(w, Message) for w in found):
        raise ValueError("a warning without a message code")
    return fields, count, found


def body_fields(rest) -> dict:
    """The body's fields (lead, exchanges, removed, metadata_spans); ValueError when damaged."""
    try:
        lead, exchanges, removed, meta = rest
        return dict(
            lead=_paragraphs(lead),
            exchanges=tuple(Exchange(n, _decode_turn(q), _decode_turn(a)) for n, q, a in exchanges),
            removed=tuple(Span(s, e, k, t) for s, e, k, t in removed),
            metadata_spans=tuple(Span(s, e, k, t) for s, e, k, t in meta),
        )
    except (TypeError, KeyError) as e:
        raise ValueError(f"damaged interview data: {e}") from None


def _paragraphs(items) -> tuple[Paragraph, ...]:
    out = []
    for s, e, t in items:
        if not (isinstance(s, int) and isinstance(e, int) and isinstance(t, str)):
            raise ValueError("damaged paragraph")
        out.append(Paragraph(s, e, t))
    return tuple(out)


def _decode_turn(data) -> Turn:
    role, paras, speaker, marker = data
    return Turn(role, _paragraphs(paras), speaker, tuple(marker) if marker is not None else None)
