"""Similar questions, for a person to judge: build the index over the given folders, draw a
seeded random sample of questions, and print each with its top proposals (score, shared
terms, the proposed question), then how many questions got a proposal and how many
proposals were shown.

    python benchmarks/similar_eval.py ../shared/seeds ../shared/corpus [--seed 1] [-n 20] [--top 3]

Judge each proposal by reading: is it about the same specific subject as the question?
Precision is on-topic proposals / proposals shown; coverage is questions with any proposal.
Tune on one seed and score on another you have not looked at.
"""
from __future__ import annotations

import argparse
import random
import sys
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kzreader.core.corpus.corpus import load_paths  # noqa: E402
from kzreader.core.search import similar  # noqa: E402
from kzreader.core.search.similar import SimilarQuestions  # noqa: E402
from kzreader.core.themes.lexicon import Lexicon  # noqa: E402
from kzreader.core.themes.themes import tag_corpus  # noqa: E402

WIDTH = 110


def _question(iv, number: int, limit: int = 300) -> str:
    text = " ".join(iv.exchanges[number - 1].question.text.split())
    return text if len(text) <= limit else text[:limit] + "…"


def _show(label: str, text: str) -> None:
    print(textwrap.fill(text, WIDTH, initial_indent=label, subsequent_indent=" " * len(label)))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("folders", nargs="+")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("-n", type=int, default=20, help="questions in the sample")
    ap.add_argument("--top", type=int, default=3)
    ap.add_argument("--no-themes", action="store_true", help="build without the bundled themes")
    ap.add_argument("--set", action="append", default=[], metavar="NAME=VALUE",
                    help="override a constant of kzreader.core.search.similar (for tuning), e.g. MIN_SCORE=0.2")
    a = ap.parse_args()
    for item in a.set:
        name, value = item.split("=", 1)
        if not hasattr(similar, name):
            ap.error(f"kzreader.core.search.similar has no {name}")
        setattr(similar, name, type(getattr(similar, name))(value))

    corpus = load_paths(a.folders)
    ivs = [iv for iv in corpus.interviews if iv.exchanges]
    themes = None if a.no_themes else tag_corpus(Lexicon.load_default(), ivs).exchange_themes
    t = time.perf_counter()
    index = SimilarQuestions.build(ivs, themes)
    built = time.perf_counter() - t
    print(f"{len(ivs)} interviews, {len(index)} questions indexed in {built:.2f} s")

    pool = [(iv, ex.number) for iv in ivs for ex in iv.exchanges]
    sample = random.Random(a.seed).sample(pool, min(a.n, len(pool)))
    with_any = shown = 0
    for k, (iv, number) in enumerate(sample, 1):
        found = index.similar(iv.id, number, a.top)
        print()
        _show(f"[{k}] {Path(iv.path).name} Q{number}: ", _question(iv, number))
        if not found:
            print("     (nothing proposed)")
        with_any += bool(found)
        shown += len(found)
        for j, r in enumerate(found, 1):
            other = corpus.by_id(r.interview_id)
            _show(f"   {k}.{j} {r.score:.3f} {Path(other.path).name} Q{r.number}: ", _question(other, r.number, 220))
            _show("          shared: ", ", ".join(r.shared))
    print()
    print(f"seed {a.seed}: {with_any} of {len(sample)} questions got a proposal; {shown} proposals shown")
    return 0


if __name__ == "__main__":
    sys.exit(main())
