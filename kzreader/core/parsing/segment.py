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

# "вы", "вас", "вам", "вами", "ваш…", "you", "your" as whole words, in any letter case.
# Letter classes instead of IGNORECASE: Unicode case folding makes the search about 3x slower.
# The pattern opens with one character class so the engine skips straight to candidate letters
# (about 3x faster than a leading \b); the lookbehinds then ask "does a word start here?"
# and "which letter was it?".
_ADDRESS = re.compile(
    r"[вВyY](?<!\w.)"
    r"(?:(?<=[вВ])(?:[ыЫ]|[аА](?:[сСмМ]|[мМ][иИ]|[шШ]\w*))|(?<=[yY])[oO][uU][rR]?)\b"
)
_INTERVIEWER_LABELS = {"корр", "корреспондент", "журналист", "интервьюер", "вопрос", "ведущий",
                       "ведущая", "interviewer", "reporter", "host", "q"}


@dataclass(slots=True)
class TurnSpan:
    role: str  # "q" or "a"
    blocks: list[int] = field(default_factory=list)
    speaker: str | None = None


@dataclass(slots=True)
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


class _Index:
    """What the schemes and their scores ask of the blocks, found in one pass per file instead
    of once per scheme: the non-junk blocks; by marker, the non-junk blocks with some reading
    text; and per block the features ``score`` uses (``rows``): body length, ends with '?',
    contains '?'.  Whether a block addresses "Вы"/"you" is looked up only for blocks that
    start a question, since only those are scored on it."""

    __slots__ = ("blocks", "content", "rank", "rows", "_marked", "_addr")

    def __init__(self, blocks: list[Block]):
        self.blocks = blocks
        content: list[int] = []
        # rank[i]: how many non-junk blocks come before block i, so the non-junk blocks in
        # range(s, e) are content[rank[s]:rank[e]]
        rank: list[int] = []
        rows: list[tuple[int, bool, bool]] = []
        self._marked: dict[str, list[int]] = {}
        self._addr: dict[int, bool] = {}
        for i, b in enumerate(blocks):
            rank.append(len(content))
            body = b.body
            has_q = "?" in body
            # only a body with a '?' can end with one: skip the rstrip copies otherwise
            rows.append((len(body), has_q and body.rstrip().rstrip("»\"”)").endswith("?"), has_q))
            if not b.junk:
                content.append(i)
                if b.marker and body.strip():
                    self._marked.setdefault(b.marker, []).append(i)
        rank.append(len(content))
        self.content, self.rank, self.rows = content, rank, rows

    def content_between(self, s: int, e: int) -> list[int]:
        """Indices of the non-junk blocks in ``range(s, e)``, as a new list."""
        return self.content[self.rank[s] : self.rank[e]]

    def turn_blocks(self, marker: str) -> list[int]:
        """Non-junk blocks with this marker and text after it (callers must not change it)."""
        return self._marked.get(marker, [])

    def addresses(self, i: int) -> bool:
        hit = self._addr.get(i)
        if hit is None:
            body = self.blocks[i].body
            # long blocks are answers whatever they say: skip the search there
            hit = self._addr[i] = len(body) <= 1200 and bool(_ADDRESS.search(body, 0, 800))
        return hit


def build(ix: _Index, starts: list[tuple[int, str]], scheme: str, speakers=None) -> Segmentation | None:
    blocks = ix.blocks
    starts = sorted(starts)
    # drop answers before the first question: they are part of the preamble
    while starts and starts[0][1] != "q":
        starts.pop(0)
    if not starts:
        return None
    turns: list[TurnSpan] = []
    bounds = [s for s, _ in starts] + [len(blocks)]
    content, rank = ix.content, ix.rank  # content_between, inlined: this runs per turn
    last = None
    for k, (s, role) in enumerate(starts):
        idx = content[rank[s] : rank[bounds[k + 1]]]
        if not idx:
            continue
        if last is not None and last.role == role:
            last.blocks.extend(idx)  # two questions or two answers in a row: one turn
        else:
            last = TurnSpan(role, idx, speakers.get(s) if speakers else None)
            turns.append(last)
    exchanges = [(q, a) for q, a in zip(turns, turns[1:]) if q.role == "q" and a.role == "a"]
    if not exchanges:
        return None
    # a question left without an answer at the end: fold it into the last answer
    if turns[-1].role == "q":
        exchanges[-1][1].blocks.extend(turns[-1].blocks)
    preamble = ix.content_between(0, starts[0][0])
    return Segmentation(scheme, preamble, exchanges)


_PRIOR = {"qa": 1.5, "speaker": 1.0, "chevron": 1.0, "dash": 0.6, "heading": 0.5,
          "marked-answers": 0.4, "bare": 0.0}


def score(blocks: list[Block], seg: Segmentation, feats: _Index | None = None) -> float:
    """Like question_likeness over each turn's joined text, but from per-block features, so
    trying many schemes does not re-scan long answers."""
    feats = feats or _Index(blocks)
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


def scheme_qa(ix: _Index):
    blocks = ix.blocks
    starts = [(i, blocks[i].qa) for i in ix.turn_blocks("qa")]
    if sum(1 for _, r in starts if r == "q") >= 1 and sum(1 for _, r in starts if r == "a") >= 1:
        yield build(ix, starts, "qa")


def scheme_dash(ix: _Index):
    dashed = ix.turn_blocks("dash")
    if len(dashed) < 2:
        return
    for parity in (0, 1):
        starts = [(i, "q" if k % 2 == parity else "a") for k, i in enumerate(dashed)]
        yield build(ix, starts, "dash")


def scheme_chevron(ix: _Index):
    blocks = ix.blocks
    marked = ix.turn_blocks("chevron")
    if not marked:
        return
    starts = [(i, "q") for i in marked]
    # the block after a question that is not itself a question starts the answer
    for i in marked:
        if i + 1 < len(blocks) and blocks[i + 1].marker != "chevron":
            starts.append((i + 1, "a"))
    yield build(ix, starts, "chevron")


def scheme_speaker(ix: _Index):
    blocks = ix.blocks
    marked = ix.turn_blocks("speaker")
    counts = Counter(blocks[i].label for i in marked)
    labels = [lab for lab, c in counts.items() if c >= 2]
    if not labels:
        return
    marked = [i for i in marked if blocks[i].label in labels]
    speakers = {i: blocks[i].text[: blocks[i].body_start - blocks[i].start].strip().strip("*").rstrip(":").strip() for i in marked}
    if len(labels) == 1:
        # only one labelled speaker: their turns are answers, the questions are bare paragraphs
        yield from _marked_answers(ix, marked, "marked-answers", speakers)
        return
    # the interviewer is the speaker whose turns look most like questions
    def qscore(lab):
        turns = [blocks[i].body for i in marked if blocks[i].label == lab]
        known = 3.0 if lab.rstrip(".") in _INTERVIEWER_LABELS else 0.0
        return known + sum(question_likeness(t) for t in turns) / len(turns)
    for interviewer in sorted(labels, key=qscore, reverse=True)[:2]:
        starts = [(i, "q" if blocks[i].label == interviewer else "a") for i in marked]
        yield build(ix, starts, "speaker", speakers)


def _marked_answers(ix: _Index, answers, scheme, speakers=None):
    """Answers carry a marker; a question is the unmarked block just before an answer."""
    blocks = ix.blocks
    starts = []
    for i in answers:
        j = i - 1
        while j >= 0 and blocks[j].junk:
            j -= 1
        if j >= 0 and blocks[j].marker in (None, "heading") and ("?" in blocks[j].text or blocks[j].marker == "heading"):
            starts.append((j, "q"))
        starts.append((i, "a"))
    yield build(ix, starts, scheme, speakers)


def scheme_dash_answers(ix: _Index):
    dashed = ix.turn_blocks("dash")
    if dashed:
        yield from _marked_answers(ix, dashed, "marked-answers")


def scheme_heading(ix: _Index):
    blocks = ix.blocks
    heads = ix.turn_blocks("heading")
    # a first-line heading with no '?' is the title, not a question
    first_content = ix.content[0] if ix.content else -1
    if heads and heads[0] == first_content and "?" not in blocks[heads[0]].body:
        heads = heads[1:]
    if not heads:
        return
    starts = [(i, "q") for i in heads]
    for i in heads:
        if i + 1 < len(blocks) and blocks[i + 1].marker != "heading":
            starts.append((i + 1, "a"))
    yield build(ix, starts, "heading")


def scheme_bare(ix: _Index):
    blocks = ix.blocks
    starts = []
    for i in ix.content:
        b = blocks[i]
        if b.marker is not None:
            continue
        t = b.text.rstrip().rstrip("»\"”)")
        if t.endswith("?") and len(t) < 700:
            starts.append((i, "q"))
            if i + 1 < len(blocks):
                starts.append((i + 1, "a"))
    if starts:
        yield build(ix, [s for s in starts if s[0] < len(blocks)], "bare")


SCHEMES = (scheme_qa, scheme_speaker, scheme_chevron, scheme_dash, scheme_dash_answers,
           scheme_heading, scheme_bare)


def segment(blocks: list[Block]) -> Segmentation | None:
    best = None
    ix = _Index(blocks)
    for scheme in SCHEMES:
        for seg in scheme(ix):
            if seg is None:
                continue
            seg.score = score(blocks, seg, ix)
            if best is None or seg.score > best.score:
                best = seg
    return best
