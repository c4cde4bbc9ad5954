"""Turn schemes: every way the blocks could be questions and answers, scored; the best wins.

Each scheme proposes turn starts ``[(block index, "q" | "a"), ...]``.  Unmarked blocks after a
turn continue it; junk blocks are skipped wherever they sit.  The score rewards schemes whose
questions look like questions (short, '?', addressed to "Вы"/"you") and whose answers look
like answers, plus a small prior for explicit markers.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from .blocks import Block

# letter classes instead of IGNORECASE: Unicode case folding makes the search about 3x slower
_ADDRESS = re.compile(r"\b(?:[вВ](?:[ыЫ]|[аА](?:[сСмМ]|[мМ][иИ]|[шШ]\w*))|[yY][oO][uU][rR]?)\b")
_INTERVIEWER_LABELS = {"корр", "корреспондент", "журналист", "интервьюер", "вопрос", "ведущий",
                       "ведущая", "interviewer", "reporter", "host", "q"}


@dataclass
class TurnSpan:
    role: str  # "q" or "a"
    blocks: list[int] = field(default_factory=list)
    speaker: str | None = None


@dataclass
class Segmentation:
    scheme: str
    preamble: list[int]  # non-junk blocks before the first question
    exchanges: list[tuple[TurnSpan, TurnSpan]]
    score: float = 0.0


def question_likeness(text: str) -> float:
    t = text.strip()
    s = 0.0
    if t.endswith("?") or t.rstrip("»\"”)").endswith("?"):
        s += 1.0
    elif "?" in t:
        s += 0.5
    if len(t) <= 500:
        s += 0.5
    elif len(t) > 1200:
        s -= 1.0
    if _ADDRESS.search(t, 0, 800):
        s += 0.3
    return s


def _body(blocks: list[Block], idx: list[int]) -> str:
    return "\n".join(blocks[i].body for i in idx)


def build(blocks: list[Block], starts: list[tuple[int, str]], scheme: str, speakers=None) -> Segmentation | None:
    starts = sorted(starts)
    # drop answers before the first question: they are part of the preamble
    while starts and starts[0][1] != "q":
        starts.pop(0)
    if not starts:
        return None
    turns: list[TurnSpan] = []
    bounds = [s for s, _ in starts] + [len(blocks)]
    for k, (s, role) in enumerate(starts):
        idx = [i for i in range(s, bounds[k + 1]) if not blocks[i].junk]
        if not idx:
            continue
        spk = speakers.get(s) if speakers else None
        if turns and turns[-1].role == role:
            turns[-1].blocks.extend(idx)  # two questions or two answers in a row: one turn
        else:
            turns.append(TurnSpan(role, idx, spk))
    exchanges = []
    for k in range(0, len(turns) - 1):
        if turns[k].role == "q" and turns[k + 1].role == "a":
            exchanges.append((turns[k], turns[k + 1]))
    if not exchanges:
        return None
    # a question left without an answer at the end: fold it into the last answer
    if turns[-1].role == "q":
        exchanges[-1][1].blocks.extend(turns[-1].blocks)
    preamble = [i for i in range(starts[0][0]) if not blocks[i].junk]
    return Segmentation(scheme, preamble, exchanges)


_PRIOR = {"qa": 1.5, "speaker": 1.0, "chevron": 1.0, "dash": 0.6, "heading": 0.5,
          "marked-answers": 0.4, "bare": 0.0}


class _Features:
    """Per block: body length, ends with '?', contains '?'; whether it addresses "Вы"/"you"
    is looked up only for blocks that start a question, since only those are scored on it."""

    __slots__ = ("blocks", "rows", "_addr")

    def __init__(self, blocks: list[Block]):
        self.blocks = blocks
        self.rows = []
        for b in blocks:
            body = b.body
            self.rows.append((len(body), body.rstrip().rstrip("»\"”)").endswith("?"), "?" in body))
        self._addr: dict[int, bool] = {}

    def __getitem__(self, i: int):
        return self.rows[i]

    def addresses(self, i: int) -> bool:
        hit = self._addr.get(i)
        if hit is None:
            body = self.blocks[i].body
            # long blocks are answers whatever they say: skip the search there
            hit = self._addr[i] = len(body) <= 1200 and bool(_ADDRESS.search(body, 0, 800))
        return hit


def score(blocks: list[Block], seg: Segmentation, feats=None) -> float:
    """Like question_likeness over each turn's joined text, but from per-block features, so
    trying many schemes does not re-scan long answers."""
    feats = feats or _Features(blocks)
    rows = feats.rows
    prior = _PRIOR.get(seg.scheme, 0.0)
    total = 0.0
    for q, a in seg.exchanges:
        qb, ab = q.blocks, a.blocks
        qlen = len(qb) - 1
        has_q = False
        for i in qb:
            r = rows[i]
            qlen += r[0]
            has_q = has_q or r[2]
        alen = len(ab) - 1
        for i in ab:
            alen += rows[i][0]
        if rows[qb[-1]][1]:
            total += 1.0
        elif has_q:
            total += 0.5
        if qlen <= 500:
            total += 0.5
        elif qlen > 1200:
            total -= 1.0
        if feats.addresses(qb[0]):
            total += 0.3
        total += prior
        if alen >= 0.5 * qlen:
            total += 0.5
        if len(ab) == 1 and rows[ab[0]][1]:
            total -= 0.7
        if qlen > 2000:
            total -= 2.0
    return total


def _turn_blocks(blocks: list[Block], marker: str) -> list[int]:
    return [i for i, b in enumerate(blocks) if b.marker == marker and not b.junk and b.body.strip()]


def scheme_qa(blocks):
    starts = [(i, blocks[i].qa) for i in _turn_blocks(blocks, "qa")]
    if sum(1 for _, r in starts if r == "q") >= 1 and sum(1 for _, r in starts if r == "a") >= 1:
        yield build(blocks, starts, "qa")


def scheme_dash(blocks):
    dashed = _turn_blocks(blocks, "dash")
    if len(dashed) < 2:
        return
    for parity in (0, 1):
        starts = [(i, "q" if k % 2 == parity else "a") for k, i in enumerate(dashed)]
        yield build(blocks, starts, "dash")


def scheme_chevron(blocks):
    marked = _turn_blocks(blocks, "chevron")
    if not marked:
        return
    starts = [(i, "q") for i in marked]
    # the block after a question that is not itself a question starts the answer
    for i in marked:
        if i + 1 < len(blocks) and blocks[i + 1].marker != "chevron":
            starts.append((i + 1, "a"))
    yield build(blocks, starts, "chevron")


def scheme_speaker(blocks):
    marked = _turn_blocks(blocks, "speaker")
    counts = Counter(blocks[i].label for i in marked)
    labels = [lab for lab, c in counts.items() if c >= 2]
    if not labels:
        return
    marked = [i for i in marked if blocks[i].label in labels]
    speakers = {i: blocks[i].text[: blocks[i].body_start - blocks[i].start].strip().strip("*").rstrip(":").strip() for i in marked}
    if len(labels) == 1:
        # only one labelled speaker: their turns are answers, the questions are bare paragraphs
        yield from _marked_answers(blocks, marked, "marked-answers", speakers)
        return
    # the interviewer is the speaker whose turns look most like questions
    def qscore(lab):
        turns = [blocks[i].body for i in marked if blocks[i].label == lab]
        known = 3.0 if lab.rstrip(".") in _INTERVIEWER_LABELS else 0.0
        return known + sum(question_likeness(t) for t in turns) / len(turns)
    for interviewer in sorted(labels, key=qscore, reverse=True)[:2]:
        starts = [(i, "q" if blocks[i].label == interviewer else "a") for i in marked]
        yield build(blocks, starts, "speaker", speakers)


def _marked_answers(blocks, answers, scheme, speakers=None):
    """Answers carry a marker; a question is the unmarked block just before an answer."""
    starts = []
    for i in answers:
        j = i - 1
        while j >= 0 and blocks[j].junk:
            j -= 1
        if j >= 0 and blocks[j].marker in (None, "heading") and ("?" in blocks[j].text or blocks[j].marker == "heading"):
            starts.append((j, "q"))
        starts.append((i, "a"))
    yield build(blocks, starts, scheme, speakers)


def scheme_dash_answers(blocks):
    dashed = _turn_blocks(blocks, "dash")
    if dashed:
        yield from _marked_answers(blocks, dashed, "marked-answers")


def scheme_heading(blocks):
    heads = _turn_blocks(blocks, "heading")
    # a first-line heading with no '?' is the title, not a question
    if heads and heads[0] == _first_content(blocks) and "?" not in blocks[heads[0]].body:
        heads = heads[1:]
    if not heads:
        return
    starts = [(i, "q") for i in heads]
    for i in heads:
        if i + 1 < len(blocks) and blocks[i + 1].marker != "heading":
            starts.append((i + 1, "a"))
    yield build(blocks, starts, "heading")


def scheme_bare(blocks):
    starts = []
    for i, b in enumerate(blocks):
        if b.junk or b.marker not in (None,):
            continue
        t = b.text.rstrip().rstrip("»\"”)")
        if t.endswith("?") and len(t) < 700:
            starts.append((i, "q"))
            if i + 1 < len(blocks):
                starts.append((i + 1, "a"))
    if starts:
        yield build(blocks, [s for s in starts if s[0] < len(blocks)], "bare")


def _first_content(blocks):
    for i, b in enumerate(blocks):
        if not b.junk:
            return i
    return -1


SCHEMES = (scheme_qa, scheme_speaker, scheme_chevron, scheme_dash, scheme_dash_answers,
           scheme_heading, scheme_bare)


def segment(blocks: list[Block]) -> Segmentation | None:
    best = None
    feats = _Features(blocks)
    for scheme in SCHEMES:
        for seg in scheme(blocks):
            if seg is None:
                continue
            seg.score = score(blocks, seg, feats)
            if best is None or seg.score > best.score:
                best = seg
    return best
