"""The core's message catalogue (core.messages): every message the core reports is a code with
parameters and an English text, every kind of removed text has a name, messages survive the
caches and worker processes, and old cache entries holding English text are never misread."""
from __future__ import annotations

import ast
import importlib
import json
import pickle
import re
from pathlib import Path

import pytest

import kzreader.core
from kzreader.core import messages
from kzreader.core.corpus import codec
from kzreader.core.corpus.corpus import load_file, load_paths
from kzreader.core.messages import Message, from_plain, to_plain

CORE = Path(kzreader.core.__file__).resolve().parent


def test_each_code_has_an_english_template_with_named_parameters():
    assert len(messages.TEXTS) == len(set(messages.TEXTS.values()))  # one text, one code
    for code, english in messages.TEXTS.items():
        assert re.fullmatch(r"[a-z0-9_]+", code)
        assert english.strip() and "%" not in english
        # every brace is a {name} placeholder
        assert re.sub(r"\{\w+\}", "", english).count("{") == 0, code


def test_english_is_the_template_filled_in():
    m = Message(messages.FILE_TOO_LARGE, size_mb=80, limit_mb=64)
    assert str(m) == m.english == "file is too large (80 MB; the limit is 64 MB)"
    assert m.params == (("size_mb", "80"), ("limit_mb", "64"))
    # one pass: a parameter that looks like a placeholder stays as it is
    odd = Message(messages.SIDECAR_UNREADABLE, name="{reason}", reason="{name}")
    assert str(odd) == "metadata file {reason} ignored: {name}"
    with pytest.raises(ValueError):
        Message("no_such_code")


def test_messages_compare_by_code_and_parameters():
    assert Message(messages.CANNOT_OPEN, reason="x") == Message(messages.CANNOT_OPEN, reason="x")
    assert Message(messages.CANNOT_OPEN, reason="x") != Message(messages.CANNOT_READ, reason="x")
    assert Message(messages.CANNOT_OPEN, reason="x") != "cannot open: x"  # not a string
    assert len({Message(messages.FILE_EMPTY), Message(messages.FILE_EMPTY)}) == 1
    with pytest.raises(AttributeError):
        Message(messages.FILE_EMPTY).code = messages.FILE_NO_TEXT


def test_plain_and_pickled_forms_round_trip():
    m = Message(messages.DOCX_BAD_XML, part="word/document.xml", error="not well-formed")
    assert from_plain(to_plain(m)) == m
    assert pickle.loads(pickle.dumps(m)) == m
    assert from_plain(to_plain("text a GUI part made")) == "text a GUI part made"
    for damaged in (("no_such_code", ()), (messages.FILE_EMPTY, (("a", 1),)), (1, 2), None, ("x",)):
        with pytest.raises(ValueError):
            from_plain(damaged)


# -- every producer reports codes --------------------------------------------------------------
# calls that carry a message for the reader, and which argument it is
_MESSAGE_ARG = {"SourceError": 0, "StoreError": 0, "LexiconError": 0, "Problem": 1, "_problem": 1,
                "report": 1, "append": 0}


def _text_literals(tree: ast.AST) -> list[tuple[int, str]]:
    """(line, call) of message-carrying calls given a string or f-string instead of a Message."""
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        if name not in _MESSAGE_ARG:
            continue
        if name == "append" and not (isinstance(func.value, ast.Attribute) and func.value.attr == "warnings"
                                     or isinstance(func.value, ast.Name) and func.value.id == "problems"):
            continue
        i = _MESSAGE_ARG[name]
        if len(node.args) > i and isinstance(node.args[i], (ast.JoinedStr, ast.Constant, ast.BinOp)):
            if not isinstance(node.args[i], ast.Constant) or isinstance(node.args[i].value, str):
                found.append((node.lineno, name))
    return found


def test_the_core_reports_codes_not_english_text():
    offenders = {}
    for path in sorted(CORE.rglob("*.py")):
        found = _text_literals(ast.parse(path.read_text(encoding="utf-8")))
        if found:
            offenders[str(path.relative_to(CORE))] = found
    assert offenders == {}
    # the scan sees what it is meant to see
    assert _text_literals(ast.parse('raise SourceError("the file is empty")\n'
                                    'b.warnings.append(f"at {x}")\nProblem(p, "x" + y)\n')) == [
        (1, "SourceError"), (2, "append"), (3, "Problem")]


def test_problems_and_warnings_from_real_files_carry_codes(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "plain.txt").write_text("Just one line of text without any questions.\n", encoding="utf-8")
    (tmp_path / "plain.yaml").write_text("- a list\n", encoding="utf-8")
    corpus = load_paths([str(tmp_path), str(tmp_path / "gone.txt")])
    found = sorted((Path(p.path).name, p.message.code) for p in corpus.problems)
    assert found == [("binary.txt", messages.BINARY_FILE), ("empty.txt", messages.FILE_EMPTY),
                     ("gone.txt", messages.NO_SUCH_PATH),
                     ("plain.txt", messages.NO_EXCHANGES), ("plain.txt", messages.SIDECAR_NOT_MAPPING)]
    assert str(load_file(str(tmp_path / "empty.txt")).message) == "the file is empty"


def test_a_sidecar_that_cannot_be_used_says_why(tmp_path):
    text = "— Как Вы оцениваете урожай этого года?\n\n— Урожай ниже среднего, июль был жарким.\n"
    for name, sidecar, code in (("a", b"title: \xff\xfe\n", messages.SIDECAR_NOT_UTF8),
                                ("b", b"title: : :\n  - x\n", messages.SIDECAR_YAML_AT),
                                ("c", b"- a list\n", messages.SIDECAR_NOT_MAPPING)):
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
        (tmp_path / f"{name}.yaml").write_bytes(sidecar)
        iv = load_file(str(tmp_path / f"{name}.txt"))
        assert [w.code for w in iv.warnings] == [code], name
        assert dict(iv.warnings[0].params)["name"] == f"{name}.yaml"
    assert str(iv.warnings[0]) == "metadata file c.yaml ignored: not a mapping"
    yaml_problem = load_file(str(tmp_path / "b.txt")).warnings[0]
    assert dict(yaml_problem.params)["line"] == "1"
    assert str(yaml_problem).startswith("metadata file b.yaml ignored: invalid YAML at line 1 (")


def test_theme_problems_are_messages(tmp_path):
    from kzreader.core.themes.lexicon import Lexicon, LexiconError, Theme, validate_theme

    problems = validate_theme(Theme("Bad", "", "", "blue", ("ат*",)))
    assert [m.code for m in problems] == [messages.THEME_BAD_ID, messages.THEME_NO_NAME,
                                          messages.THEME_BAD_COLOUR, messages.THEME_PREFIX_SHORT]
    assert str(problems[2]) == "theme 'Bad': colour 'blue' is not #rrggbb"
    p = tmp_path / "themes.yaml"
    p.write_text("themes:\n  - id: energy\n  - id: energy\n", encoding="utf-8")
    with pytest.raises(LexiconError) as ei:
        Lexicon.load_file(p, base=Lexicon.load_default())
    assert ei.value.message == Message(messages.THEME_ID_TWICE, id="'energy'")
    assert (ei.value.path, ei.value.line) == (str(p), 3)
    assert str(ei.value) == f"{p}: line 3: theme id 'energy' appears twice"


# -- kinds of removed text ---------------------------------------------------------------------
def _constants(node) -> set[str]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return {node.value}
    if isinstance(node, ast.BoolOp):  # bl.junk or "unplaced"
        return _constants(node.values[-1])
    if isinstance(node, ast.IfExp):  # "epilogue" if ... else "debris"
        return _constants(node.body) | _constants(node.orelse)
    return set()


def _parser_kinds() -> set[str]:
    """The kinds the parser gives removed text: junk marks it assigns, what its kind functions
    return, and the kinds it passes to removed_span."""
    kinds: set[str] = set()
    for path in (CORE / "parsing").glob("*.py"):
        for fn in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(fn, ast.FunctionDef) and fn.name in ("block_junk", "_debris_kind"):
                kinds |= {c for r in ast.walk(fn) if isinstance(r, ast.Return) for c in _constants(r.value)}
            elif isinstance(fn, ast.Assign) and any(isinstance(t, ast.Attribute) and t.attr == "junk"
                                                    for t in fn.targets):
                kinds |= _constants(fn.value)
            elif (isinstance(fn, ast.Call) and getattr(fn.func, "attr", "") == "removed_span"
                  and len(fn.args) == 3):
                kinds |= _constants(fn.args[2])
    decode = importlib.import_module("kzreader.core.parsing.decode")  # the package exports a function of that name
    kinds |= {kind for _feature, kind in decode._DEBRIS_KIND}
    return {k for k in kinds if not k.startswith("meta:")}


def _page_kinds() -> set[str]:
    from kzreader.core.sources.formats import html

    return ({*html._TAG_KIND.values(), *html._ROLE_KIND.values(), *html._TOKEN_KIND.values(),
             html.OUTSIDE} | {kind for _word, kind in html._SUBSTR_KIND}) - {
        k for k in html._TAG_KIND.values() if k.startswith("meta:")}


def test_every_kind_of_removed_text_is_named_and_every_name_is_used():
    parser, page = _parser_kinds(), _page_kinds()
    assert {"counter", "headline list", "epilogue", "debris", "unplaced", "markup"} <= parser
    assert {"navigation", "cookie notice", "outside article"} <= page
    assert parser | page == set(messages.REMOVED_KINDS)


def test_removed_kinds_of_real_files_are_named():
    shared = Path(__file__).resolve().parents[1].parent / "shared"
    paths = [str(p) for p in (shared / "seeds", shared / "corpus") if p.is_dir()]
    if not paths:
        pytest.skip("no shared corpus beside the checkout")
    kinds = {s.kind for iv in load_paths(paths).interviews for s in iv.removed}
    assert len(kinds) > 5
    assert kinds <= set(messages.REMOVED_KINDS)


# -- stored forms --------------------------------------------------------------------------------
def test_warnings_survive_the_codec_and_english_ones_are_refused(tmp_path):
    f = tmp_path / "a.txt"
    f.write_bytes(("Одна строка без вопросов, зато довольно длинная, чтобы её прочитали как текст.\n" * 3
                   + "\x01\n").encode("utf-8"))
    iv = load_file(str(f))
    assert [w.code for w in iv.warnings] == [messages.CONTROL_CHARS_LINE, messages.NO_EXCHANGES]
    assert codec.decode(codec.encode(iv)).warnings == iv.warnings
    # a summary as an older version stored it (English text): refused, so the file is parsed again
    head = codec.summary(iv)
    old = (head[0], head[1], tuple(str(w) for w in iv.warnings))
    with pytest.raises(ValueError):
        codec.decode_summary(old)
    assert codec.FORMAT == 4


def test_an_old_cache_entry_is_parsed_again(tmp_path):
    """Entries written before messages had codes carry an older cache version: a miss."""
    from kzreader.core.corpus import parse_cache
    from kzreader.core.corpus.parse_cache import Entry, ParseCache, source_key
    from kzreader.core.search.analysis import analyse

    f = tmp_path / "a.txt"
    f.write_text("Одна строка без вопросов.\n", encoding="utf-8")
    cache = ParseCache(tmp_path / "cache")
    iv = load_file(str(f))
    key = source_key(str(f))
    terms, _themes = analyse(iv, None)
    assert cache.put(str(f), key, Entry(iv, terms, None))
    assert cache.get(str(f), key) is not None
    real = parse_cache.CACHE_VERSION
    try:
        parse_cache.CACHE_VERSION = real - 1  # what a kzreader before message codes reads
        assert cache.get(str(f), key) is None
    finally:
        parse_cache.CACHE_VERSION = real
    assert real >= 6


def test_json_problems_carry_code_and_english(tmp_path, capsys):
    from kzreader.cli import run

    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "a.txt").write_text("— Вопрос?\n\n— Ответ.\n", encoding="utf-8")
    run(["parse", "--json", str(tmp_path)])
    out, err = capsys.readouterr()
    doc = json.loads(out)
    assert doc["problems"] == [{"path": str(tmp_path / "empty.txt"), "code": "file_empty",
                                "message": "the file is empty"}]
    assert f"{tmp_path / 'empty.txt'}: the file is empty" in err
    iv = doc["interviews"][0]
    assert len(iv["warnings"]) == len(iv["warning_codes"])
    assert all(isinstance(w, str) for w in iv["warnings"])
