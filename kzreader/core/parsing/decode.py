"""Roles, then decoding: the most probable role for every block under the grammar of an
interview, found with dynamic programming (Viterbi).

Roles (states), one per block the decoder places:

    P   preamble: title, lead, metadata, anything before the first question
    Q   the first paragraph of a question        q   a further paragraph of that question
    A   the first paragraph of an answer         a   a further paragraph of that answer
    Jq  page debris after a question, before its answer (a caption, a player script)
    Ja  page debris after an answer paragraph (a caption, a teaser) -- the answer may resume
    E   epilogue: everything after the last answer (background, byline, closing thanks)

Grammar (allowed transitions; everything else is impossible):

    start → P | Q        P → P | Q
    Q, q  → q | Jq | A   Jq → Jq | q | A
    A, a  → a | Ja | Q | E
    Ja    → Ja | a | Q | E
    E     → E            end after A | a | Ja | E | P

A block's score for a role is the sum of the weights ``role_weights.EMIT`` gives its features
(``features.py``) for that role; a path's score adds the transition weights
``role_weights.TRANS``.  Because the whole sequence is chosen at once, a paragraph whose marker
misleads (a question without its dash, a caption shaped like a speaker label) costs at most its
own exchange: the turns after it are decoded from their own evidence, not shifted by it.

DESIGN: to add a role, add its state to ``STATES``, its transitions to ``ALLOWED`` (and ``END``
when a file may end in it), say in ``_build`` what blocks in that role become, and refit the
weights (``python tools/fit_roles.py --write``): the fitter learns a column for every state.
Then write ``_native_forward`` out again for the new grammar (the compiled module's Viterbi
pass; until then it falls back to the generated one, and tests/test_viterbi_native.py fails).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import islice
from types import FunctionType
from typing import Any, Final

from .blocks import Block
from .features import block_features
from .role_weights import EMIT, TRANS

STATES: Final = ("P", "Q", "q", "Jq", "A", "a", "Ja", "E")
ALLOWED: Final = {
    "P": ("P", "Q"),
    "Q": ("q", "Jq", "A"),
    "q": ("q", "Jq", "A"),
    "Jq": ("Jq", "q", "A"),
    "A": ("a", "Ja", "Q", "E"),
    "a": ("a", "Ja", "Q", "E"),
    "Ja": ("Ja", "a", "Q", "E"),
    "E": ("E",),
}
START: Final = ("P", "Q")
END: Final = ("A", "a", "Ja", "E", "P")
_NEG: Final = float("-inf")
_N: Final = len(STATES)
_ZEROS: Final = (0.0,) * _N
_SI: Final = {s: k for k, s in enumerate(STATES)}
# predecessors of each state, as (state index, transition key)
_PREDS: Final = tuple(tuple((_SI[p], (p, s)) for p in STATES if s in ALLOWED[p]) for s in STATES)


@dataclass(slots=True, init=False)
class TurnSpan:
    role: str  # "q" or "a"
    blocks: list[int]
    speaker: str | None

    # (written out: see blocks.Block)
    def __init__(self, role: str, blocks: list[int] | None = None, speaker: str | None = None) -> None:
        self.role = role
        self.blocks = [] if blocks is None else blocks
        self.speaker = speaker


@dataclass(slots=True)
class Segmentation:
    scheme: str  # the turn marker most questions carry: "speaker", "dash", "qa", "none" ...
    preamble: list[int]  # blocks before the first question (title, lead)
    exchanges: list[tuple[TurnSpan, TurnSpan]]
    debris: dict[int, str] = field(default_factory=dict)  # block → kind, for removed spans
    roles: dict[int, str] = field(default_factory=dict)  # block → state, for every placed block


class Weights:
    """An emission table and transition weights, with a cache of per-signature score rows
    (most answer paragraphs share one feature tuple, so most blocks cost one dict lookup)."""

    def __init__(self, emit: dict, trans: dict[tuple[str, str], float]):
        # a row is a tuple in STATES order (the stored table) or a {role: weight} mapping (the fit)
        self.emit = {f: tuple(row.get(s, 0.0) for s in STATES) if isinstance(row, dict) else tuple(row)
                     for f, row in emit.items()}
        self.trans = trans
        self.preds = tuple(tuple((p, trans.get(key, 0.0)) for p, key in preds) for preds in _PREDS)
        self.forward = _compile_forward(self.preds)
        # the transition weights in the order _native_forward takes them
        self.flat: tuple[float, ...] = tuple(float(t) for preds in self.preds for _, t in preds)
        self._rows: dict[tuple[str, ...], tuple[float, ...]] = {}

    def row(self, feats: tuple[str, ...]) -> tuple[float, ...]:
        r = self._rows.get(feats)
        if r is None:
            # column sums in C (zip, sum): the same additions in the same order as a loop
            cols = [w for w in map(self.emit.get, feats) if w is not None]
            r = tuple(map(sum, zip(*cols))) if cols else _ZEROS
            if len(self._rows) > 50000:
                self._rows.clear()
            self._rows[feats] = r
        return r


def _compile_forward(preds) -> Callable[..., Any]:
    """The forward pass of Viterbi, unrolled for this grammar and these transition weights:
    ``forward(score, rows) -> (last scores, back pointers per row)``.  The generated code keeps
    the eight scores in local variables and runs a straight line of additions and comparisons
    per row (no inner loops, lookups or calls), several times faster than the loop it replaces,
    which matters because it runs for every block of every file.  It is built only from
    ``ALLOWED`` and the weight table, never from input text."""
    scores = ", ".join(f"s{k}" for k in range(_N))
    lines = ["def forward(score, rows):", f"    {scores} = score", "    back = []",
             "    push = back.append", "    for row in rows:"]
    for s, ps in enumerate(preds):
        (p0, t0), *rest = ps
        lines.append(f"        b = s{p0} + {t0!r}; k{s} = {p0}")
        for p, t in rest:
            lines.append(f"        v = s{p} + {t!r}")
            lines.append(f"        if v > b: b = v; k{s} = {p}")
        lines.append(f"        n{s} = b + row[{s}]")
    lines.append(f"        {scores} = " + ", ".join(f"n{k}" for k in range(_N)))
    lines.append("        push((" + ", ".join(f"k{k}" for k in range(_N)) + "))")
    lines.append(f"    return ({scores}), back")
    env: dict = {}
    exec(compile("\n".join(lines), "<viterbi forward>", "exec"), env)  # noqa: S102 (see above)
    return env["forward"]


def _max3(a: float, ka: int, b: float, kb: int, c: float, kc: int) -> tuple[float, int]:
    """The greatest score and its state, the first of equals (as the generated pass compares)."""
    if b > a:
        a, ka = b, kb
    if c > a:
        a, ka = c, kc
    return a, ka


def _max4(a: float, ka: int, b: float, kb: int, c: float, kc: int, d: float, kd: int) -> tuple[float, int]:
    a, ka = _max3(a, ka, b, kb, c, kc)
    return (d, kd) if d > a else (a, ka)


# The predecessors of each state (indices into STATES) that _native_forward is written for.
_NATIVE_PREDS: Final = ((0,), (0, 4, 5, 6), (1, 2, 3), (1, 2, 3), (1, 2, 3), (4, 5, 6), (4, 5, 6),
                        (4, 5, 6, 7))


def _native_forward(score: tuple[float, ...], rows: list[tuple[float, ...]],
                    t: tuple[float, ...]) -> tuple[tuple[float, ...], list[tuple[int, ...]]]:
    """The generated forward pass (``_compile_forward``) written out for this grammar, for the
    compiled module (mypyc), which cannot compile code made at run time: the scores are C
    doubles there, and the pass several times faster.  Rows from the second on; ``t``: the
    transition weights in ``_PREDS`` order.  The same additions in the same order, and the
    same strict comparisons, so the same path to the last bit (a test compares the two)."""
    s0, s1, s2, s3, s4, s5, s6, s7 = score
    (t0, t1, t2, t3, t4, t5, t6, t7, t8, t9, t10, t11, t12, t13, t14, t15, t16, t17, t18, t19,
     t20, t21, t22, t23) = t
    back: list[tuple[int, ...]] = []
    for i in range(1, len(rows)):
        row = rows[i]
        b1, k1 = _max4(s0 + t1, 0, s4 + t2, 4, s5 + t3, 5, s6 + t4, 6)
        b2, k2 = _max3(s1 + t5, 1, s2 + t6, 2, s3 + t7, 3)
        b3, k3 = _max3(s1 + t8, 1, s2 + t9, 2, s3 + t10, 3)
        b4, k4 = _max3(s1 + t11, 1, s2 + t12, 2, s3 + t13, 3)
        b5, k5 = _max3(s4 + t14, 4, s5 + t15, 5, s6 + t16, 6)
        b6, k6 = _max3(s4 + t17, 4, s5 + t18, 5, s6 + t19, 6)
        b7, k7 = _max4(s4 + t20, 4, s5 + t21, 5, s6 + t22, 6, s7 + t23, 7)
        s0, s1, s2, s3 = s0 + t0 + row[0], b1 + row[1], b2 + row[2], b3 + row[3]
        s4, s5, s6, s7 = b4 + row[4], b5 + row[5], b6 + row[6], b7 + row[7]
        back.append((0, k1, k2, k3, k4, k5, k6, k7))
    return (s0, s1, s2, s3, s4, s5, s6, s7), back


# Compiled, _native_forward is the faster pass; interpreted, the generated one (its weights
# are constants there, and it makes no calls).  A grammar it was not written for takes the
# generated pass.
_NATIVE: Final = not isinstance(_native_forward, FunctionType) and tuple(
    tuple(p for p, _ in preds) for preds in _PREDS) == _NATIVE_PREDS

# (not Final: tools/fit_roles.py swaps it to score a fitted table through parse_source, and a
# compiled module reads a Final name from C, where the swap would not be seen)
DEFAULT = Weights(EMIT, TRANS)


def viterbi(rows: list[tuple[float, ...]], w: Weights) -> list[int]:
    """Best state index per row under ``ALLOWED`` (scores: emission rows + transitions)."""
    n = len(rows)
    if n == 0:
        return []
    start = [_NEG] * _N
    for s in START:
        k = _SI[s]
        start[k] = rows[0][k] + w.trans.get(("^", s), 0.0)
    if _NATIVE:
        score, back = _native_forward(tuple(start), rows, w.flat)
    else:
        score, back = w.forward(tuple(start), islice(rows, 1, None))
    best, arg = _NEG, 0
    for s in END:
        k = _SI[s]
        v = score[k] + w.trans.get((s, "$"), 0.0)
        if v > best:
            best, arg = v, k
    path = [arg]
    for ptr in reversed(back):
        arg = ptr[arg]
        path.append(arg)
    path.reverse()
    return path


def decode(blocks: list[Block], text: str = "", weights: Weights | None = None) -> Segmentation | None:
    """Roles for the blocks of ``text``; None when the best reading has no exchange."""
    w = weights or DEFAULT
    content, feats = block_features(blocks, text)
    if not content:
        return None
    cached = w._rows  # most rows are cached: look them up without a method call
    path = viterbi([cached.get(f) or w.row(f) for f in feats], w)
    return _build(blocks, content, feats, [STATES[k] for k in path])


_DEBRIS_KIND: Final = (("code", "script"), ("tweet", "embed"), ("hashtag", "embed"), ("teaser", "teaser"), ("credit", "credit"),
                ("foot", "footnote"), ("cjk", "site"))


def _debris_kind(f: tuple[str, ...], state: str) -> str:
    for feat, kind in _DEBRIS_KIND:
        if feat in f:
            return kind
    return "epilogue" if state == "E" else "debris"


def _speaker(b: Block) -> str | None:
    if b.marker != "speaker":
        return None
    # (a radio transcript's label ends in a dash: "М.Ш. –"; a newspaper's in a full stop,
    # "Дарья ОСИНИНА.", kept after an initial: "А.С.")
    raw = b.text[: b.body_start - b.start].strip().strip("*_")
    lab = raw.rstrip(":—–-").strip().strip("*_").strip()
    if lab == raw and lab.endswith(".") and len(lab) > 2 and lab[-3] not in ". " and not lab[-2].isspace():
        lab = lab[:-1]
    return lab


_ROLE: Final = {"Q": "q", "A": "a"}


def _build(blocks: list[Block], content: list[int], feats, states: list[str]) -> Segmentation | None:
    preamble: list[int] = []
    debris: dict[int, str] = {}
    turns: list[TurnSpan] = []
    for i, f, s in zip(content, feats, states):
        if s == "Q" or s == "A":  # the commonest first
            b = blocks[i]
            turns.append(TurnSpan(_ROLE[s], [i], _speaker(b) if b.marker == "speaker" else None))
        elif s == "q" or s == "a":
            turns[-1].blocks.append(i)
        elif s == "P":
            preamble.append(i)
        else:
            debris[i] = _debris_kind(f, s)
    exchanges = [(q, a) for q, a in zip(turns, turns[1:]) if q.role == "q" and a.role == "a"]
    if not exchanges:
        return None
    scheme = main_scheme([blocks[q.blocks[0]].marker or "none" for q, _ in exchanges])
    return Segmentation(scheme, preamble, exchanges, debris, dict(zip(content, states)))


def main_scheme(markers: list[str]) -> str:
    """The commonest question marker; of equals, the first asked (a set's order would make the
    choice depend on the process's string hash seed)."""
    return max(dict.fromkeys(markers), key=markers.count)
