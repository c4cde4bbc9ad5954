"""Stemming bulk text: core.text's memo against PyStemmer's own cache.

    python benchmarks/stem_bench.py [-n 300]

Stems every word of N generated interviews (benchmarks/gen_corpus.py) the way indexing does
(core.text.stem_each), then the same words through PyStemmer's own cache (``maxCacheSize``),
word by word (``stemWord``) and one call per language (``stemWords``), and checks all three
give the same stems.  Prints CPU time and tokens per second for each, and the memo's cold
pass (every word new) with PyStemmer's cache on and off.  This is why core.text keeps its memo
(keyed by the word as written, so a hit skips folding and the language test too) and turns
PyStemmer's cache off.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import Stemmer  # noqa: E402

from gen_corpus import bench_corpus  # noqa: E402
from kzreader.core import text  # noqa: E402

CACHE = 400_000  # as many words as core.text's memo keeps


def with_pystemmer_cache(size: int):
    ru, en = Stemmer.Stemmer("russian", size), Stemmer.Stemmer("english", size)

    def stem(word: str) -> str:
        w = text.fold(word)
        if text._CYRILLIC.search(w):
            return ru.stemWord(w)
        if w.isascii() and w.isalpha():
            return en.stemWord(w)
        return w

    def stem_word(words: list[str]) -> list[str]:
        return [stem(w) for w in words]

    def stem_words(words: list[str]) -> list[str]:
        out = [text.fold(w) for w in words]
        for stemmer, picked in ((ru, [i for i, w in enumerate(out) if text._CYRILLIC.search(w)]),
                                (en, [i for i, w in enumerate(out) if w.isascii() and w.isalpha()])):
            for i, s in zip(picked, stemmer.stemWords([out[i] for i in picked])):
                out[i] = s
        return out

    return stem_word, stem_words


def cpu(fn, words, runs: int = 5, before=lambda: None) -> float:
    times = []
    for _ in range(runs):
        before()
        t = time.process_time()
        fn(words)
        times.append(time.process_time() - t)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("-n", type=int, default=300)
    ns = ap.parse_args()
    _, paths = bench_corpus(max(ns.n, 300))
    words: list[str] = []
    for p in paths[:ns.n]:
        words.extend(text.words(Path(p).read_text("utf-8", errors="replace")))
    stem_word, stem_words = with_pystemmer_cache(CACHE)
    assert text.stem_each(words) == stem_word(words) == stem_words(words)
    print(f"{len(words)} tokens, {len(set(words))} distinct, from {ns.n} generated interviews "
          f"(CPU time, median of 5)")
    for name, fn in (("core.text.stem_each (memo)", text.stem_each),
                     ("PyStemmer cache, stemWord", stem_word),
                     ("PyStemmer cache, stemWords", stem_words)):
        t = cpu(fn, words)
        print(f"  {name:30} {t * 1000:8.1f} ms  {len(words) / t / 1e6:6.2f} M tokens/s")
    saved = text._ru, text._en
    try:
        for size in (10_000, 0):  # PyStemmer's default, and off
            text._ru, text._en = Stemmer.Stemmer("russian", size), Stemmer.Stemmer("english", size)
            t = cpu(text.stem_each, words, before=text._STEMS.clear)
            print(f"  memo cold, PyStemmer cache {size:6}  {t * 1000:8.1f} ms")
    finally:
        text._ru, text._en = saved
        text._STEMS.clear()


if __name__ == "__main__":
    main()
