"""REFI-QDA project export: the rules of the Project schema (urn:QDA-XML:project:1.0, the
2019 Project.xsd), checked on the written file, and every coding read back from the
exported text."""
from __future__ import annotations

import shutil
import zipfile
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from kzreader.core.annotations.bookmarks import BookmarkStore
from kzreader.core.corpus.corpus import load_paths
from kzreader.core.annotations.qdpx import GUID_PATTERN, NAMESPACE, export_qdpx, guid
from kzreader.core.sources.sources import read_source
from kzreader.core.themes.lexicon import Lexicon
from kzreader.core.themes.themes import tag_corpus

SAMPLES = Path(__file__).resolve().parents[1] / "kzreader" / "resources" / "samples"
NS = {"q": NAMESPACE}
Q = "{" + NAMESPACE + "}"
# an interview whose text holds characters outside the BMP before its themed exchanges:
# positions must count code points (a UTF-16 count would be off by one per emoji)
EMOJI = """Энергия 🌍 и степь 🚆

Мы поговорили с инженером Ерланом Сагадиевым о нефти и газе.

— Как изменится добыча нефти и газа 🛢 в ближайшие годы?

— Добыча нефти вырастет, а газ пойдёт по новому трубопроводу. Это энергетика 🔋 будущего.

— А что с транспортными коридорами?

— Коридор через Каспий уже работает.
"""
# child elements in the order the schema's sequences give them
ORDER = {
    "Project": ["Users", "CodeBook", "Variables", "Cases", "Sources", "Notes", "Links", "Sets", "Graphs",
                "Description", "NoteRef"],
    "TextSource": ["Description", "PlainTextContent", "PlainTextSelection", "Coding", "NoteRef", "VariableValue"],
    "PlainTextSelection": ["Description", "Coding", "NoteRef"],
    "Coding": ["CodeRef", "NoteRef"],
    "Code": ["Description", "NoteRef", "Code"],
    "Note": ["Description", "PlainTextContent", "PlainTextSelection", "Coding", "NoteRef", "VariableValue"],
}
# attributes the schema marks use="required"
REQUIRED = {"Project": {"name"}, "User": {"guid"}, "Code": {"guid", "name", "isCodable"},
            "TextSource": {"guid"}, "PlainTextSelection": {"guid", "startPosition", "endPosition"},
            "Coding": {"guid"}, "CodeRef": {"targetGUID"}, "NoteRef": {"targetGUID"}, "Note": {"guid"}}


@pytest.fixture
def corpus_dir(tmp_path):
    folder = tmp_path / "corpus"
    shutil.copytree(SAMPLES, folder)
    (folder / "emoji.txt").write_text(EMOJI, encoding="utf-8")
    return folder


def _export(tmp_path, corpus_dir, bookmarks=(), **kw):
    corpus = load_paths([str(corpus_dir)])
    assert not [p for p in corpus.problems if p.severity == "error"]
    out = tmp_path / "project.qdpx"
    result = export_qdpx(out, corpus.interviews, Lexicon.load_default(), bookmarks, **kw)
    return corpus, out, result


def _read(out):
    with zipfile.ZipFile(out) as zf:
        names = zf.namelist()
        root = ET.fromstring(zf.read("project.qde"))
        texts = {n: zf.read(n).decode("utf-8") for n in names if n.startswith("sources/")}
    return root, texts, names


def _bookmark(store, iv, text, phrase, **kw):
    start = text.index(phrase)
    return store.create(iv.id, iv.path, text, start, start + len(phrase), **kw)


def test_schema_rules(tmp_path, corpus_dir):
    corpus = load_paths([str(corpus_dir)])
    store = BookmarkStore(tmp_path / "bookmarks.json")
    iv = next(i for i in corpus.interviews if i.path.endswith("emoji.txt"))
    text = read_source(iv.path).text
    _bookmark(store, iv, text, "газ пойдёт по новому трубопроводу", note="важно: <газ> & «трубы»", tags=["energy"])
    corpus2, out, result = _export(tmp_path, corpus_dir, store.list(), language="ru")
    root, texts, names = _read(out)

    # the root and its namespace, its required attribute, its children in schema order
    assert root.tag == Q + "Project"
    assert root.get("name")
    children = [c.tag.removeprefix(Q) for c in root]
    assert {"Users", "CodeBook", "Sources", "Notes"} <= set(children)
    assert all(el.tag.startswith(Q) for el in root.iter())  # nothing outside the namespace
    for el in root.iter():
        name = el.tag.removeprefix(Q)
        kids = [c.tag.removeprefix(Q) for c in el]
        if name in ORDER:  # only children the schema allows, in its order
            assert kids == sorted(kids, key=ORDER[name].index), name
        assert REQUIRED.get(name, set()) <= set(el.attrib), name
    for sel in root.iter(Q + "PlainTextSelection"):
        assert sel.get("startPosition").isdigit() and sel.get("endPosition").isdigit()  # xsd:integer, >= 0

    guids = []
    for el in root.iter():
        if "guid" in el.attrib:
            guids.append(el.get("guid"))
        for attr in ("guid", "targetGUID", "creatingUser", "creatingUserGUID"):
            if attr in el.attrib:
                assert GUID_PATTERN.match(el.get(attr)), (el.tag, attr, el.get(attr))
    assert len(guids) == len(set(guids))  # every object has its own GUID

    users = root.findall("q:Users/q:User", NS)
    assert len(users) == 1 and users[0].get("guid")

    codes = root.findall(".//q:CodeBook/q:Codes//q:Code", NS)
    themes = Lexicon.load_default().themes
    assert len(codes) == len(themes) + 2  # every theme, "Bookmarks" and its one tag
    for code in codes:
        assert code.get("name") and code.get("isCodable") in ("true", "false")
    by_name = {c.get("name"): c for c in codes}
    for t in themes:
        assert by_name[t.name("ru")].get("color") == t.colour.upper()
        assert len(t.colour) == 7  # "#RRGGBB" in the lexicon, so the export keeps all six digits
    code_guids = {c.get("guid") for c in codes}

    sources = root.findall("q:Sources/q:TextSource", NS)
    assert len(sources) == len(corpus.interviews) == result.sources == 5
    for src in sources:
        path = src.get("plainTextPath")
        assert path == f"internal://{src.get('guid')}.txt"
        assert f"sources/{src.get('guid')}.txt" in names
        # PlainTextContent and plainTextPath are exclusive
        assert src.find("q:PlainTextContent", NS) is None
        for sel in src.findall("q:PlainTextSelection", NS):
            codings = sel.findall("q:Coding", NS)
            assert codings
            for coding in codings:
                refs = coding.findall("q:CodeRef", NS)
                assert len(refs) == 1 and refs[0].get("targetGUID") in code_guids
    note_guids = {n.get("guid") for n in root.findall("q:Notes/q:Note", NS)}
    refs = [r.get("targetGUID") for r in root.iter(Q + "NoteRef")]
    assert refs and set(refs) == note_guids
    note = root.find("q:Notes/q:Note/q:PlainTextContent", NS)
    assert note.text == "важно: <газ> & «трубы»"


def test_every_coding_reads_back(tmp_path, corpus_dir):
    """Each selection's text, cut from the exported file by its positions, is what was coded:
    a bookmark's quote, or an exchange from its question to its answer."""
    corpus = load_paths([str(corpus_dir)])
    store = BookmarkStore(tmp_path / "bookmarks.json")
    phrases = {}
    for iv in corpus.interviews:
        text = read_source(iv.path).text
        phrase = iv.exchanges[-1].answer.paragraphs[-1].text[:25]
        phrases[iv.id] = phrase
        _bookmark(store, iv, text, phrase, note=f"note {iv.id}")
    emoji = next(i for i in corpus.interviews if i.path.endswith("emoji.txt"))
    emoji_text = read_source(emoji.path).text
    _bookmark(store, emoji, emoji_text, "энергетика 🔋 будущего")
    _, out, result = _export(tmp_path, corpus_dir, store.list())
    root, texts, _ = _read(out)
    assert result.bookmarks_coded == 6 and result.bookmarks_left_out == 0

    by_guid = {guid("source", iv.id): iv for iv in corpus.interviews}
    tagged = tag_corpus(Lexicon.load_default(), corpus.interviews).exchange_themes
    seen_bookmarks = 0
    exchanges = 0
    for src in root.findall("q:Sources/q:TextSource", NS):
        iv = by_guid[src.get("guid")]
        exported = texts[f"sources/{src.get('guid')}.txt"]
        assert exported == read_source(iv.path).text  # the decoded text, exactly
        themed = {n + 1 for n, ts in enumerate(tagged[iv.id]) if ts}
        for sel in src.findall("q:PlainTextSelection", NS):
            s, e = int(sel.get("startPosition")), int(sel.get("endPosition"))
            assert 0 <= s < e <= len(exported)
            piece = exported[s:e]
            if sel.get("guid") in {guid("bookmark", b.id) for b in store.list(iv.id)}:
                b = next(b for b in store.list(iv.id) if guid("bookmark", b.id) == sel.get("guid"))
                assert piece == b.anchor.exact
                seen_bookmarks += 1
            else:
                number = int(sel.get("name")[1:])
                ex = iv.exchanges[number - 1]
                assert number in themed
                assert piece.startswith(ex.question.paragraphs[0].text[:20])
                assert piece.endswith(ex.answer.paragraphs[-1].text[-20:])
                exchanges += 1
        assert exchanges  # every sample has a themed exchange
    assert seen_bookmarks == 6
    # hand-checked: the emoji interview's first exchange is about oil and gas (energy)
    src = next(s for s in root.findall("q:Sources/q:TextSource", NS) if by_guid[s.get("guid")] is emoji)
    first = src.find("q:PlainTextSelection[@name='Q1']", NS)
    piece = texts[f"sources/{src.get('guid')}.txt"][int(first.get("startPosition")):int(first.get("endPosition"))]
    assert piece == ("Как изменится добыча нефти и газа 🛢 в ближайшие годы?\n\n— Добыча нефти вырастет, "
                     "а газ пойдёт по новому трубопроводу. Это энергетика 🔋 будущего.")
    energy = guid("theme", "energy")
    assert energy in {r.get("targetGUID") for r in first.iter(Q + "CodeRef")}


def test_same_guids_on_a_second_export(tmp_path, corpus_dir):
    _, out, _ = _export(tmp_path, corpus_dir)
    first = sorted(el.get("guid") for el in _read(out)[0].iter() if el.get("guid"))
    _, out, _ = _export(tmp_path, corpus_dir)
    assert sorted(el.get("guid") for el in _read(out)[0].iter() if el.get("guid")) == first


def test_changed_file_is_left_out_and_reported(tmp_path, corpus_dir):
    corpus = load_paths([str(corpus_dir)])
    changed = corpus.interviews[0]
    Path(changed.path).write_text("— Другой вопрос?\n\n— Другой ответ.\n", encoding="utf-8")
    out = tmp_path / "p.qdpx"
    result = export_qdpx(out, corpus.interviews, Lexicon.load_default())
    assert result.sources == len(corpus.interviews) - 1
    assert [p for p, _ in result.skipped] == [changed.path]
    root, _, _ = _read(out)
    assert guid("source", changed.id) not in {s.get("guid") for s in root.iter(Q + "TextSource")}


def test_cancelled_export_leaves_no_file(tmp_path, corpus_dir):
    corpus = load_paths([str(corpus_dir)])
    out = tmp_path / "p.qdpx"
    calls = []
    result = export_qdpx(out, corpus.interviews, Lexicon.load_default(),
                         progress=lambda d, t: calls.append(d), cancelled=lambda: len(calls) >= 2)
    assert result.cancelled and not out.exists()
    assert not list(tmp_path.glob(".kzreader-export-*"))


def test_xml_illegal_characters_do_not_break_the_file(tmp_path):
    from kzreader.core.parsing import parse_text

    text = "— Вопрос про нефть?\n\n— Ответ про газ.\n"
    iv = parse_text(text, str(tmp_path / "a.txt"), metadata={"title": "Нефть\x0bи газ"})
    out = tmp_path / "p.qdpx"
    export_qdpx(out, [iv], Lexicon.load_default(), read_text=lambda _iv: text + "\x0b")
    root, texts, _ = _read(out)  # parses
    (src,) = root.findall("q:Sources/q:TextSource", NS)
    assert src.get("name") == "Нефть\ufffdи газ"
    assert next(iter(texts.values())) == text + "\x0b"  # the text itself is kept as it was
