"""Importing never touches the network, bad files become Problems, and `kzreader parse --json`
handles the new formats with the same schema."""
import importlib.util
import io
import json
import os
import socket
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from kzreader.core.corpus.corpus import load_file
from kzreader.core.model import Interview, Problem

_spec = importlib.util.spec_from_file_location(
    "make_samples", Path(__file__).parent / "data" / "import" / "make_samples.py")
samples = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(samples)
ROOT = Path(__file__).resolve().parents[1]


def test_no_network_while_importing(tmp_path, monkeypatch):
    attempts = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise OSError("network use is forbidden in this test")

    class NoSocket(socket.socket):
        def __init__(self, *args, **kwargs):
            refuse(*args)

    monkeypatch.setattr(socket, "socket", NoSocket)
    for name in ("create_connection", "getaddrinfo", "gethostbyname", "socketpair"):
        monkeypatch.setattr(socket, name, refuse)
    import urllib.request
    monkeypatch.setattr(urllib.request, "urlopen", refuse)
    files = samples.write_all(tmp_path)
    # a page full of external references: stylesheet, scripts, images, iframe, an entity
    hostile = tmp_path / "refs.html"
    hostile.write_text(
        '<!DOCTYPE html [<!ENTITY x SYSTEM "http://evil.example.invalid/x">]><html><head>'
        '<link rel="stylesheet" href="http://evil.example.invalid/s.css">'
        '<script src="http://evil.example.invalid/s.js"></script>'
        '<base href="http://evil.example.invalid/"></head><body>'
        '<img src="http://evil.example.invalid/i.png"><iframe src="http://evil.example.invalid/f"></iframe>'
        '<p>— Как Вы оцениваете сотрудничество?</p><p>— Высоко. &x;</p></body></html>', encoding="utf-8")
    for path in list(files.values()) + [hostile]:
        item = load_file(str(path))
        assert isinstance(item, Interview), (path, item)
    assert attempts == []


def _zip(parts: dict) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return buf.getvalue()


@pytest.mark.parametrize("data, words", [
    (b"PK\x03\x04 this is not really a zip", "not a Word document"),
    (b"just some text, no zip at all", "not a Word document"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "old Word .doc"),
    (_zip({"hello.txt": "hi"}), "no document text part"),
    (_zip({"word/document.xml": "<w:document xmlns:w='x'><w:body><w:p>"}), "damaged"),
    (_zip({"word/document.xml": '<!DOCTYPE d [<!ENTITY a "aaaa">]><w:document xmlns:w="x"/>'}), "DOCTYPE"),
    (samples.transcript_docx(""), "no text"),
])
def test_bad_docx_is_a_problem(tmp_path, data, words):
    f = tmp_path / "bad.docx"
    f.write_bytes(data)
    item = load_file(str(f))
    assert isinstance(item, Problem)
    assert words in str(item.message)
    assert "internal error" not in str(item.message)


@pytest.mark.parametrize("data, words", [
    (bytes(range(256)) * 40, "binary"),
    (b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR" + bytes(range(256)) * 4, "binary"),
    (b"<html><head><meta charset='windows-1251'></head>\0\0\0\x01\x02", "binary"),
    (b"<html><body><script>var a = 1;</script><style>p{}</style></body></html>", "no readable text"),
])
def test_bad_html_is_a_problem(tmp_path, data, words):
    f = tmp_path / "bad.html"
    f.write_bytes(data)
    item = load_file(str(f))
    assert isinstance(item, Problem), item
    assert words in str(item.message)


def test_deeply_nested_html_does_not_crash(tmp_path):
    f = tmp_path / "deep.html"
    f.write_text("<div>" * 20000 + "<p>— Вопрос?</p><p>— Ответ.</p>" + "</div>" * 20000, encoding="utf-8")
    item = load_file(str(f))
    assert isinstance(item, Interview)
    assert [(ex.question.text, ex.answer.text) for ex in item.exchanges] == [("Вопрос?", "Ответ.")]


def test_cli_parse_json_new_formats(tmp_path):
    files = samples.write_all(tmp_path)
    txt = tmp_path / "plain.txt"
    txt.write_text("— Как дела?\n\n— Хорошо.\n", encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    r = subprocess.run([sys.executable, "-m", "kzreader", "parse", "--json", str(files["cp1251"]),
                        str(files["docx"]), str(txt)], capture_output=True, env=env, cwd=tmp_path, timeout=60)
    assert r.returncode == 0, r.stderr.decode()
    doc = json.loads(r.stdout.decode("utf-8"))
    assert doc["problems"] == []
    html, docx, plain = doc["interviews"]
    assert set(html) == set(docx) == set(plain)  # one schema for every format
    assert html["encoding"] == "cp1251" and html["date"] == "2024-03-12"
    assert html["exchanges"][1]["answer"] == "Резкой девальвации я не жду. Резервов достаточно."
    assert {"kind": "share", "text": "Поделиться ВКонтакте Telegram"}.items() <= next(
        r for r in html["removed"] if r["kind"] == "share").items()
    assert docx["title"] == "Урожай и засуха"
    assert docx["exchanges"][0]["question"] == "Каким был урожай пшеницы в этом году?"


def test_word_lock_files_are_skipped(tmp_path):
    from kzreader.core.sources.sources import iter_source_files

    (tmp_path / "a.docx").write_bytes(samples.transcript_docx())
    (tmp_path / "~$a.docx").write_bytes(b"\x0bMadina" + b"\0" * 150)
    assert [Path(p).name for p in iter_source_files([tmp_path])] == ["a.docx"]


_HTML_BITS = ["<p>", "</p>", "<b>", "</b>", "<strong>", "<br>", "<br><br>", "<nav>", "</nav>",
              "<article>", "</article>", "<h3>", "</h3>", "<h1>", "<li>", "<ul>", "<table><tr><td>",
              "<td>", "</table>", "— ", "Вопрос?", "Как Вы оцениваете?", "Ответ.", "Фото: ТАСС",
              "&nbsp;", "&shy;", "<time datetime='2024-01-02'>", "</time>", "<div class='share'>",
              "<div class='author'>", "</div>", "<footer>", "**", "\n", "Вопрос: ", "Иван Петров: ",
              "<script>var a=1;</script>", "<pre>a\n\nb</pre>", "---\n", "[[year]]", "<", ">", "&"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_HTML_BITS), max_size=60).map("".join))
def test_any_html_fragment_parses_and_loses_nothing(fragment):
    """Whatever the markup, the converter either refuses with a SourceError or gives a derived
    text in which every non-blank character lies in exactly one span."""
    from kzreader.core.sources.formats.html import html_to_derived
    from kzreader.core.parsing import parse_text
    from kzreader.core.sources.sources import SourceError

    try:
        d = html_to_derived(("<html><body>" + fragment + "</body></html>").encode("utf-8"))
    except SourceError:
        return
    assert d.text == html_to_derived(("<html><body>" + fragment + "</body></html>").encode("utf-8")).text
    iv = parse_text(d.text, "x.html", fmt="html", metadata=d.metadata, removed=d.removed)
    owner = [0] * len(d.text)
    spans = [(s.start, s.end) for s in iv.metadata_spans + iv.removed] + [(p.start, p.end) for p in iv.lead]
    for ex in iv.exchanges:
        for turn in (ex.question, ex.answer):
            spans += [turn.marker] if turn.marker else []
            spans += [(p.start, p.end) for p in turn.paragraphs]
    for s, e in spans:
        for i in range(s, e):
            owner[i] += 1
    assert all(owner[i] == 1 for i, ch in enumerate(d.text) if not ch.isspace())
