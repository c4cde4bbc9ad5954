"""tools/fit_roles.py scores a fitted table by swapping decode.DEFAULT and parsing: the parser
must decode with the swapped table, compiled (mypyc) as well as pure Python."""
import importlib

from kzreader.core.parsing import parse_text

D = importlib.import_module("kzreader.core.parsing.decode")  # (the package's name `decode` is the function)

TEXT = "— Как вы начали?\n\n— С малого.\n\n— А что дальше?\n\n— Посмотрим.\n"


def test_parse_decodes_with_the_swapped_default_table(monkeypatch):
    assert len(parse_text(TEXT).exchanges) == 2
    # a table under which no question can ever start: the whole text stays preamble
    no_questions = D.Weights({}, {("^", "Q"): -1e9, ("P", "Q"): -1e9})
    monkeypatch.setattr(D, "DEFAULT", no_questions)
    assert parse_text(TEXT).exchanges == ()
