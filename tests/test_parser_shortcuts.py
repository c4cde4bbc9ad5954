"""The parser's speed shortcuts give exactly what the plain forms they replace give."""
from __future__ import annotations

import os
import random

from kzreader.core.model import Exchange, Paragraph, Turn
from kzreader.core.parsing import _resolved, turns
from kzreader.core.parsing.evidence import plain, plain_head
from kzreader.core.parsing.people import _HEADER_LINE, _header_lines


def test_resolved_path_is_realpath_for_every_spelling(tmp_path, monkeypatch):
    real = tmp_path / "real"
    real.mkdir()
    (real / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / "link").symlink_to(real)
    (real / "b.txt").symlink_to(real / "a.txt")  # a symlinked file in a real folder
    (real / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    monkeypatch.chdir(real)
    t = str(tmp_path)
    spellings = [
        f"{t}/link/a.txt", f"{t}/real/a.txt", f"{t}/link/b.txt", f"{t}/link/../real/a.txt",
        f"{t}/link/./a.txt", f"{t}//link//a.txt", f"{t}/link/missing.txt", f"{t}/real/dangling.txt",
        f"{t}/link/", f"{t}/link/..", f"{t}/nofolder/x.txt", "a.txt", "../link/a.txt",
    ]
    for p in spellings * 2:  # the second round is served from the folder cache
        assert _resolved(p) == os.path.realpath(p), p
    assert _resolved(f"{t}/link/a.txt") == _resolved(f"{t}/real/a.txt") == str(real / "a.txt")


def test_header_lines_are_the_patterns_matches():
    long_body = "Иван Петров " + "слово " * 30  # past the 150 characters a header may have
    lines = [
        "Иван Петров", "Иван Петров, депутат", "  **Анна Белова**  ", "# Заголовок раздела",
        "####   Очень " + "длинный " * 25, "####### Семь решёток", "Анна де Бер", long_body,
        long_body.strip() + "   ", "Иван Петров.", "Ив", "— Вопрос?", "", "   ", "Zoë Kooyman",
        "Иван Петров" + " " * 200, "***Иван Петров", "Иван  Петров\tрассказал",
        "#" + " " * 160 + "Заголовок",  # blanks after the mark: long line, short body
        "Анна Белова " + "и" * 137,  # a body of exactly 150 characters
    ]
    rng = random.Random(7)
    for _ in range(300):
        text = "\n".join(rng.choice(lines) for _ in range(rng.randint(0, 12)))
        want = [(m.span(), m.group(), m.group("h"), m.group("body")) for m in _HEADER_LINE.finditer("\n" + text)]
        got = [(m.span(), m.group(), m.group("h"), m.group("body")) for m in _header_lines(text)]
        assert got == want, text


def test_plain_head_is_the_head_of_plain():
    rng = random.Random(3)
    pieces = list("ab [](!)*_<>#\n™®©x yz") + ["**", "![", "](u)", "<b>", "</b>", "# ", "\n#", "[t](u)"]
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
        n = rng.randint(0, 20)
        assert plain_head(text, n) == plain(text)[:n], (text, n)


def test_direct_constructors_make_equal_objects():
    p = turns.paragraph(3, 9, "text")
    assert p == Paragraph(3, 9, "text") and hash(p) == hash(Paragraph(3, 9, "text"))
    t = turns._turn_of("answer", (p,), "Иван", (0, 3))
    assert t == Turn("answer", (p,), "Иван", (0, 3))
    assert turns._exchange_of(1, t, t) == Exchange(1, t, t)
