"""metadata._source_line (the "Источник: …" line, looked for before each colon only) finds
what a search with the pattern finds, at the same place, on real texts and random ones."""
import importlib
import random
from pathlib import Path

M = importlib.import_module("kzreader.core.parsing.metadata")
SHARED = Path(__file__).resolve().parents[2] / "shared"


def _same(text: str) -> None:
    want = M._SOURCE_LINE.search(text)
    got = M._source_line(text)
    assert (got and (got.span(), got.group("o"))) == (want and (want.span(), want.group("o"))), repr(text)


def test_random_texts():
    rng = random.Random(18)
    pieces = ["Источник", "ИСТОЧНИК", "издание", "Издание", "иᲃточник", "source", "SOURCE", "ſource",
              "Outlet", "outlet", "и", "о", "s", "o", ":", " : ", ":", "\t", "\n", " ", "\u2003", "x",
              "ТАСС", "«РИА»", "Reuters", "ource", "сточник", "зданиe"]
    for _ in range(5000):
        _same("".join(rng.choice(pieces) for _ in range(rng.randint(0, 14))))


def test_real_texts():
    texts = [p.read_text(encoding="utf-8", errors="replace")
             for folder in ("corpus", "seeds") for p in sorted((SHARED / folder).glob("*"))
             if p.suffix in (".txt", ".md", ".html")]
    for t in texts:
        _same(t)
        for k in range(0, len(t), 997):  # and tails of it, so that later lines come first
            _same(t[k:])
