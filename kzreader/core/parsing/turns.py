"""Decoded turns → the model's exchanges: each turn's paragraphs, its marker (the dash or label
that opened it), and the markup around its paragraphs as removed spans.

A page of twenty exchanges makes some sixty paragraphs, turns and exchanges.  Their frozen
dataclasses' ``__init__`` sets each field through ``object.__setattr__``; setting the slots
directly makes the same objects in about half the time, so they are made that way here.
"""
from __future__ import annotations

from ..model import Exchange, Paragraph, Turn

# the direct constructors below set every slot, so the classes must have exactly these
if (Paragraph.__slots__, Turn.__slots__, Exchange.__slots__) != (
        ("start", "end", "text"), ("role", "paragraphs", "speaker", "marker"), ("number", "question", "answer")):
    raise ImportError("parsing.turns: the model's Paragraph, Turn or Exchange fields changed")

_new = object.__new__
_P_START, _P_END, _P_TEXT = Paragraph.start.__set__, Paragraph.end.__set__, Paragraph.text.__set__
_T_ROLE, _T_PARAS = Turn.role.__set__, Turn.paragraphs.__set__
_T_SPEAKER, _T_MARKER = Turn.speaker.__set__, Turn.marker.__set__
_E_NUMBER, _E_QUESTION, _E_ANSWER = Exchange.number.__set__, Exchange.question.__set__, Exchange.answer.__set__


def paragraph(start: int, end: int, text: str) -> Paragraph:
    """``Paragraph(start, end, text)``."""
    p = _new(Paragraph)
    _P_START(p, start)
    _P_END(p, end)
    _P_TEXT(p, text)
    return p


def _turn_of(role: str, paragraphs: tuple, speaker, marker) -> Turn:
    t = _new(Turn)
    _T_ROLE(t, role)
    _T_PARAS(t, paragraphs)
    _T_SPEAKER(t, speaker)
    _T_MARKER(t, marker)
    return t


def _exchange_of(number: int, question: Turn, answer: Turn) -> Exchange:
    x = _new(Exchange)
    _E_NUMBER(x, number)
    _E_QUESTION(x, question)
    _E_ANSWER(x, answer)
    return x


def exchanges(b, blocks, pairs) -> tuple[list[Exchange], set[int]]:
    """The exchanges of the decoded (question, answer) ``pairs`` (``decode.TurnSpan``s), and the
    blocks they use; ``b`` (the parser's builder) collects the removed markup."""
    out = []
    used: set[int] = set()
    n = 0
    for q, a in pairs:
        n += 1
        out.append(_exchange_of(n, turn(b, blocks, q.blocks, "question", q.speaker),
                                turn(b, blocks, a.blocks, "answer", a.speaker)))
        used.update(q.blocks, a.blocks)
    return out, used


def turn(b, blocks, idx: list[int], role: str, speaker) -> Turn:
    """One turn from its blocks: the first block's marker opens it, a later block's marker
    and any trailing markup are removed spans."""
    text = b.text
    paras = []
    marker = None
    first = True
    for i in idx:
        bl = blocks[i]
        s = bl.body_start
        e = bl.body_end
        if s > bl.start:
            if first:
                marker = (bl.start, s)
            else:
                b.removed_span(bl.start, s, "markup")
        first = False
        if e < bl.end:
            b.removed_span(e, bl.end, "markup")
        if e > s:
            paras.append(paragraph(s, e, text[s:e].replace("\n", " ")))
    return _turn_of(role, tuple(paras), speaker, marker)
