"""Theme tagging throughput over a generated corpus.

    python benchmarks/themes_bench.py [-n 10000] [--parse]

Texts come from benchmarks/gen_corpus.py (10-20 KB interviews with inflected topical
vocabulary).  By default the interviews are cut into exchanges cheaply in memory (one
question paragraph, then the answer paragraphs up to the next question-sized group) so
that only tagging is timed; ``--parse`` builds them with the real parser instead (slower
to prepare, same tagging cost).  Prints exchanges/s, MB/s and the time for the corpus,
cold (a fresh ThemeIndex with an empty word cache, as after a lexicon edit) and warm (the
same index run again).

Target (issue 4): tagging 10,000 interviews fits in the parse budget of issue 2, i.e. takes at
most 10x the plain read+decode time of the same files.  ``--budget`` checks that the way the
app tags: on the parse benchmark's files, with one worker process per core, each worker
parsing its share (untimed) and then tagging it (timed); the wall time is the slowest worker's.
It also times the app's whole per-file analysis (tags plus the words search indexes).
"""
from __future__ import annotations

import argparse
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from kzreader.core.model import Exchange, Interview, Paragraph, Turn  # noqa: E402
from kzreader.core.themes.lexicon import Lexicon  # noqa: E402
from kzreader.core.themes.matching import ThemeIndex  # noqa: E402
from kzreader.core.themes.themes import tag_corpus  # noqa: E402


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

    from kzreader.core.corpus.corpus import load_file

    out = []
    with tempfile.TemporaryDirectory() as d:
        for i, t in enumerate(texts):
            p = Path(d) / f"{i:05d}.txt"
            p.write_text(t, encoding="utf-8")
            iv = load_file(str(p))
            if isinstance(iv, Interview):
                out.append(iv)
    return out


def _worker_tagging(paths: list[str]) -> tuple[float, float, int]:
    """In a worker: parse ``paths`` untimed, then time tagging alone and tags + search words."""
    from kzreader.core.search.analysis import analyse
    from kzreader.core.corpus.corpus import load_file
    from kzreader.core.themes.themes import tag_interview

    index = ThemeIndex(Lexicon.load_default())
    interviews = [iv for iv in map(load_file, paths) if isinstance(iv, Interview)]
    t = time.perf_counter()
    n_ex = sum(len(tag_interview(index, iv)) for iv in interviews)
    t_tag = time.perf_counter() - t
    index = ThemeIndex(Lexicon.load_default())  # cold again: an empty word cache
    t = time.perf_counter()
    for iv in interviews:
        analyse(iv, index)
    return t_tag, time.perf_counter() - t, n_ex


def _budget(n: int, workers: int) -> None:
    from concurrent.futures import ProcessPoolExecutor

    from gen_corpus import bench_corpus, read_decode

    _, paths = bench_corpus(n)
    t_read, _ = read_decode(paths)
    shares = [paths[i::workers] for i in range(workers)]
    with ProcessPoolExecutor(workers) as pool:
        results = list(pool.map(_worker_tagging, shares))
    t_tag = max(r[0] for r in results)
    t_all = max(r[1] for r in results)
    n_ex = sum(r[2] for r in results)
    print(f"{len(paths)} files, {n_ex} exchanges, {workers} worker processes")
    print(f"read+decode:                    {t_read:6.2f} s")
    print(f"tagging (slowest worker):       {t_tag:6.2f} s = {t_tag / t_read:5.1f}x read+decode "
          f"(target <= 10x)")
    print(f"tagging + search words:         {t_all:6.2f} s = {t_all / t_read:5.1f}x read+decode")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=10_000, help="number of interviews (default 10000)")
    ap.add_argument("--parse", action="store_true", help="build interviews with the real parser")
    ap.add_argument("--budget", action="store_true",
                    help="tag in worker processes next to read+decode of the same files")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    args = ap.parse_args(argv)
    if args.budget:
        _budget(args.n, args.workers)
        return 0

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
