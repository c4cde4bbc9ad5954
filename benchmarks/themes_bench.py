"""Theme tagging throughput over a generated corpus.

    python benchmarks/themes_bench.py [-n 10000] [--parse]

Texts come from benchmarks/gen_corpus.py (10-20 KB interviews with inflected topical
vocabulary).  By default the interviews are cut into exchanges cheaply in memory (one
question paragraph, then the answer paragraphs up to the next question-sized group) so
that only tagging is timed; ``--parse`` builds them with the real parser instead (slower
to prepare, same tagging cost).  Prints exchanges/s, MB/s and the time for the corpus,
cold (a fresh ThemeIndex with an empty word cache, as after a lexicon edit) and warm (the
same index run again).

Target (issue 4): tagging 10,000 interviews fits in the parse budget of issue 2.
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from kzreader.core.model import Exchange, Interview, Paragraph, Turn  # noqa: E402
from kzreader.core.themes import Lexicon, ThemeIndex, tag_corpus  # noqa: E402


def _texts(n: int) -> list[str]:
    try:
        from gen_corpus import interview_text
    except ImportError:  # gen_corpus.py not there: a plain inline generator
        return [_inline_text(i) for i in range(n)]
    return [interview_text(i)[1] for i in range(n)]


_WORDS = ("газ газа газом нефти энергетической безопасности транспортного коридора логистики "
          "торговли инвестиций образования научных культурного языка ЕАЭС ШОС газете Газета "
          "сотрудничество развитие страны вопрос будет также которые очень проекты региона").split()


def _inline_text(i: int) -> str:
    rng = random.Random(i)
    paras = []
    for _ in range(8):
        paras.append("— " + " ".join(rng.choices(_WORDS, k=20)) + "?")
        for _ in range(3):
            paras.append(" ".join(rng.choices(_WORDS, k=80)) + ".")
    return "\n\n".join(paras)


def _cheap_interview(i: int, text: str) -> Interview:
    paras, pos = [], 0
    for block in text.split("\n\n"):
        start = text.index(block, pos)
        pos = start + len(block)
        if block.strip():
            paras.append(Paragraph(start, pos, block.replace("\n", " ")))
    exchanges = []
    k = 0
    while k + 1 < len(paras):
        q = (paras[k],)
        a = tuple(paras[k + 1:k + 4])
        exchanges.append(Exchange(len(exchanges) + 1, Turn("question", q), Turn("answer", a)))
        k += 1 + len(a)
    return Interview(id=str(i), path=f"/bench/{i}.txt", exchanges=tuple(exchanges))


def _parsed_interviews(texts: list[str]) -> list[Interview]:
    import tempfile

    from kzreader.core.corpus import load_file

    out = []
    with tempfile.TemporaryDirectory() as d:
        for i, t in enumerate(texts):
            p = Path(d) / f"{i:05d}.txt"
            p.write_text(t, encoding="utf-8")
            iv = load_file(str(p))
            if isinstance(iv, Interview):
                out.append(iv)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=10_000, help="number of interviews (default 10000)")
    ap.add_argument("--parse", action="store_true", help="build interviews with the real parser")
    args = ap.parse_args(argv)

    t = time.perf_counter()
    texts = _texts(args.n)
    if args.parse:
        interviews = _parsed_interviews(texts)
    else:
        interviews = [_cheap_interview(i, s) for i, s in enumerate(texts)]
    n_ex = sum(len(iv.exchanges) for iv in interviews)
    mb = sum(len(p.text.encode()) for iv in interviews for ex in iv.exchanges
             for turn in (ex.question, ex.answer) for p in turn.paragraphs) / 1e6
    print(f"prepared {len(interviews)} interviews, {n_ex} exchanges, {mb:.1f} MB of turn text "
          f"in {time.perf_counter() - t:.1f} s")

    t = time.perf_counter()
    lexicon = Lexicon.load_default()
    index = ThemeIndex(lexicon)
    print(f"lexicon load + compile: {(time.perf_counter() - t) * 1000:.1f} ms "
          f"({len(lexicon.themes)} themes)")

    for label in ("cold", "warm"):
        t = time.perf_counter()
        result = tag_corpus(index, interviews)
        dt = time.perf_counter() - t
        print(f"tag_corpus ({label}): {dt:.2f} s, {n_ex / dt:,.0f} exchanges/s, "
              f"{mb / dt:.1f} MB/s, {len(interviews) / dt:,.0f} interviews/s")

    top = sorted(result.corpus_counts.items(), key=lambda kv: -kv[1])
    print("exchanges per theme:", ", ".join(f"{k}={v}" for k, v in top))

    # the reading pane's path: spans for one exchange
    ex = max((e for iv in interviews[:200] for e in iv.exchanges), key=lambda e: len(e.text))
    t = time.perf_counter()
    for _ in range(100):
        index.tag_exchange(ex)
    print(f"tag_exchange with spans (longest of the first 200): "
          f"{(time.perf_counter() - t) * 10:.2f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
