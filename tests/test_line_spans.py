"""blocks._line_spans (the compiled module's way to a text's lines) finds what the pattern
_LINE finds: every non-blank line without its surrounding blanks, for every blank Unicode has."""
import random
import sys

from kzreader.core.parsing import blocks

BLANKS = "".join(c for c in map(chr, range(sys.maxunicode + 1)) if c.isspace())


def _pattern_spans(text: str, pos: int) -> list[tuple[int, int]]:
    return [m.span() for m in blocks._LINE.finditer(text, pos)]


def test_every_blank_of_unicode_is_one_for_both():
    # each blank alone, between letters, at a line's ends and alone on a line
    for c in BLANKS + "\u200b\ufeff\x00x":  # (and a few that are not blanks)
        for text in (c, f"a{c}b", f"{c}a{c}\n{c}\n{c}b{c}", f"\n{c}\n", f"Жж{c}\nж{c}"):
            assert blocks._line_spans(text, 0) == _pattern_spans(text, 0), repr(text)


def test_random_texts_and_start_positions():
    rng = random.Random(18)
    alphabet = BLANKS + "\n\n\nab—Жё?.:"
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        pos = rng.randint(0, len(text))
        assert blocks._line_spans(text, pos) == _pattern_spans(text, pos), repr((text, pos))
