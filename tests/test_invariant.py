"""Parsing never raises, and every non-blank character of the source lies in exactly one of:
a metadata span, the lead, a turn (paragraph or marker), or a removed span."""
import random
from pathlib import Path

from hypothesis import HealthCheck, given, settings, strategies as st

from kzreader.core.parsing import parse_text

DATA = Path(__file__).parent / "data" / "parse"
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


def assert_covered(text: str) -> None:
    iv = parse_text(text, "x.txt")
    owner = [0] * len(text)

    def claim(s, e):
        for i in range(s, e):
            owner[i] += 1

    for sp in iv.metadata_spans + iv.removed:
        claim(sp.start, sp.end)
    for p in iv.lead:
        claim(p.start, p.end)
    for ex in iv.exchanges:
        for turn in (ex.question, ex.answer):
            if turn.marker:
                claim(*turn.marker)
            for p in turn.paragraphs:
                assert text[p.start:p.end].replace("\n", " ") == p.text
                claim(p.start, p.end)
    for i, ch in enumerate(text):
        if not ch.isspace():
            assert owner[i] == 1, (i, ch, owner[i], text[max(0, i - 30):i + 30])


def _samples():
    out = [p.read_text(encoding="utf-8") for p in sorted(DATA.glob("*.*")) if p.suffix in (".txt", ".md")]
    if SEEDS.is_dir():
        out += [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    return out


SAMPLES = _samples()
ALPHABET = st.sampled_from(list("абвгд еёжзий АБВ\n\n—–-:?.«»*#>Q:A:\t 12") + ["Вопрос:", "Ответ:", "— ", "\n\n", "**", "date 2025-01-02 ", "Фото: ", "[[year]]", "Популярное\n", "Иван Петров: ", "---\n"])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_arbitrary_text(text):
    assert_covered(text.replace("\r", ""))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(ALPHABET, max_size=80).map("".join))
def test_structured_noise(text):
    assert_covered(text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, len(SAMPLES) - 1), st.randoms(use_true_random=False), st.integers(1, 12))
def test_mutated_samples(k, rnd: random.Random, n_mut):
    text = SAMPLES[k]
    pieces = ["\n", "\n\n", "— ", "?", "Вопрос: ", "Q: ", "**", "## ", "Фото: x", "»", "", " "]
    for _ in range(n_mut):
        i = rnd.randrange(len(text) + 1)
        op = rnd.random()
        if op < 0.4:
            text = text[:i] + rnd.choice(pieces) + text[i:]
        elif op < 0.7:
            text = text[:i] + text[i + rnd.randrange(1, 200):]
        else:
            j = rnd.randrange(len(text) + 1)
            a, b = sorted((i, j))
            text = text[b:] + text[a:b] + text[:a]  # move a chunk
    assert_covered(text)


def test_all_samples_covered():
    for text in SAMPLES:
        assert_covered(text)
