"""Export of bookmarks, checked by reading each file back."""
from __future__ import annotations

import csv
import json
import re
import uuid
from html.parser import HTMLParser

import pytest

from kzreader.core.annotations.bookmark import STATUS_NEEDS_REVIEW
from kzreader.core.annotations.bookmarks import BookmarkStore
from kzreader.core.annotations.export import (
    ANNO_CONTEXT,
    CSV_COLUMNS,
    bookmarks_to_clipboard_text,
    build_entries,
    format_for_path,
    export_bookmarks,
    md_escape,
)
from kzreader.core.parsing import parse_text

RU = """Атом и степь

Мы поговорили с инженером-атомщиком Ерланом Сагадиевым о первой АЭС, сообщает Пример.kz

— Когда начнётся <script>стройка</script>?

— Весной, если "всё" пойдёт
по плану. Как говорят у нас, «строим „на века“». Это главное.
"""
EN = "Q: Why now?\n\nA: Because demand grew, and \"the corridor\" is open. Ships are full.\n\nQ: What next?\n\nA: More cranes.\n"
EN_META = {"title": "Ports of the Caspian", "interviewee": "Dana Miles", "role": "logistics analyst",
           "source": "The Steppe Herald", "date": "2023-05-17", "url": "https://herald.example/ports_2023"}
GONE = "— Вопрос?\n\n— Ответ тут.\n"

Q_RU = 'Весной, если "всё" пойдёт\nпо плану.'  # commas, straight quotes and a newline
Q_SCRIPT = "<script>стройка</script>"
Q_EN = 'demand grew, and "the corridor" is open'
Q_GONE = "Ответ тут."

# a Russian quote is cited in Russian; no local path unless asked for
CITE_RU = "Ерлан Сагадиев, инженер-атомщик. «Атом и степь», Пример.kz, вопрос 1"
CITE_QUESTION = "«Атом и степь», Пример.kz, вопрос 1"  # no interviewer named
CITE_EN = ("Dana Miles, logistics analyst. “Ports of the Caspian”, The Steppe Herald, 2023-05-17, "
           "question 1. https://herald.example/ports_2023")


def _create(store, iv_id, path, text, quote, **kw):
    s = text.index(quote)
    return store.create(iv_id, path, text, s, s + len(quote), **kw)


@pytest.fixture
def corpus(tmp_path):
    ru = parse_text(RU, "/corpus/atom.txt")
    en = parse_text(EN, "/corpus/ports.txt", metadata=EN_META)
    assert ru.interviewee == "Ерлан Сагадиев" and len(ru.exchanges) == 1  # what the citations rely on
    store = BookmarkStore(tmp_path / "bookmarks.json")
    # created in an order different from the export order
    b_ru = _create(store, ru.id, ru.path, RU, Q_RU, exchange=1, note="сроки, «важно»", tags=["энергия", "сроки"])
    b_script = _create(store, ru.id, ru.path, RU, Q_SCRIPT, exchange=1,
                       note="=HYPERLINK(\"x\") <script>alert(1)</script>", tags=["<b>тег</b>"])
    b_en = _create(store, en.id, en.path, EN, Q_EN, exchange=1, note="Key line", tags=["ports"])
    b_gone = _create(store, "gone-id", "/corpus/gone.txt", GONE, Q_GONE, exchange=1)
    store.reanchor_all({"/corpus/gone.txt": None})  # the file vanished: needs review
    assert store.get(b_gone.id).status == STATUS_NEEDS_REVIEW
    lookup = {ru.id: ru, en.id: en}.get
    ids = {"ru": b_ru.id, "script": b_script.id, "en": b_en.id, "gone": b_gone.id}
    return store, lookup, ids


# Titles compare case-folded: "gone" < "ports of the caspian" < "атом и степь"; inside the
# Russian interview the question (offset 96) comes before the answer.
ORDER = ["gone", "en", "script", "ru"]


def test_entries_are_ordered_by_interview_and_position(corpus):
    store, lookup, ids = corpus
    entries = build_entries(store.list(), lookup)
    assert [e.bookmark.id for e in entries] == [ids[k] for k in ORDER]
    gone, en, script, ru = entries
    assert (gone.title, gone.citation, gone.quoted) == ("gone", "", "«Ответ тут.»")
    assert en.quoted == "“[…] demand grew, and ‘the corridor’ is open […]”"
    assert en.citation == CITE_EN
    assert script.quoted == "«[…] <script>стройка</script> […]»"
    assert script.citation == CITE_QUESTION
    assert ru.quoted == "«Весной, если „всё“ пойдёт по плану.»"
    assert ru.citation == CITE_RU


def _read_csv(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f))


def test_csv_round_trips_with_bom_and_cyrillic(corpus, tmp_path):
    store, lookup, ids = corpus
    out = tmp_path / "b.csv"
    assert export_bookmarks(out, "csv", store.list(), lookup) == 4
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")  # the BOM spreadsheets look for
    rows = _read_csv(out)
    assert tuple(rows[0]) == CSV_COLUMNS
    assert len(rows) == 5
    by = dict(zip(ORDER, rows[1:]))
    b = store.get(ids["ru"])
    assert by["ru"] == ["Атом и степь", "Ерлан Сагадиев", "1", Q_RU, "сроки, «важно»", "энергия, сроки", CITE_RU,
                        "/corpus/atom.txt", str(RU.index(Q_RU)), str(RU.index(Q_RU) + len(Q_RU)), b.created]
    assert by["en"][:7] == ["Ports of the Caspian", "Dana Miles", "1", Q_EN, "Key line", "ports", CITE_EN]
    # a note a spreadsheet would run as a formula is kept as text
    assert by["script"][4] == "'=HYPERLINK(\"x\") <script>alert(1)</script>"
    assert by["gone"][:4] == ["gone", "", "1", Q_GONE]


def test_csv_with_selected_bookmarks_only(corpus, tmp_path):
    store, lookup, ids = corpus
    out = tmp_path / "one.csv"
    export_bookmarks(out, "csv", [store.get(ids["en"])], lookup)
    rows = _read_csv(out)
    assert len(rows) == 2 and rows[1][3] == Q_EN


_FIELDS = {
    "collection": {"@context", "id", "type", "label", "created", "generator", "total", "first"},
    "annotation": {"@context", "id", "type", "motivation", "created", "modified", "body", "target"},
    "target": {"type", "source", "dcterms:bibliographicCitation", "selector"},
}


def _validate_annotation(a: dict) -> None:
    """The fields documented in kzreader.core.annotations.export, nothing else."""
    assert set(a) <= _FIELDS["annotation"]
    assert a["@context"] == ANNO_CONTEXT and a["type"] == "Annotation" and a["motivation"] == "bookmarking"
    assert re.fullmatch(r"urn:uuid:[0-9a-f-]{36}", a["id"])
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT[\d:.]+Z", a["created"]) and a["modified"] >= a["created"]
    for body in a.get("body", []):
        assert body["type"] == "TextualBody" and body["purpose"] in ("commenting", "tagging")
        assert isinstance(body["value"], str) and body["value"]
        assert set(body) <= {"type", "purpose", "value", "format"}
    t = a["target"]
    assert set(t) <= _FIELDS["target"] and t["type"] == "SpecificResource"
    assert t["source"].startswith(("file:///", "https://", "http://"))
    kinds = [s["type"] for s in t["selector"]]
    assert kinds in (["TextQuoteSelector", "TextPositionSelector"], ["TextQuoteSelector"])
    assert set(t["selector"][0]) == {"type", "exact", "prefix", "suffix"}
    if len(kinds) == 2:
        assert set(t["selector"][1]) == {"type", "start", "end"}


def test_web_annotation_json(corpus, tmp_path):
    store, lookup, ids = corpus
    out = tmp_path / "b.jsonld"
    export_bookmarks(out, "json", store.list(), lookup)
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert set(doc) == _FIELDS["collection"]
    assert doc["@context"] == ANNO_CONTEXT and doc["type"] == "AnnotationCollection"
    assert doc["id"].startswith("urn:uuid:") and doc["total"] == 4
    page = doc["first"]
    assert page["type"] == "AnnotationPage" and page["startIndex"] == 0
    items = page["items"]
    for a in items:
        _validate_annotation(a)
    assert [a["id"] for a in items] == [uuid.UUID(ids[k]).urn for k in ORDER]
    gone, en, script, ru = items

    b = store.get(ids["ru"])
    assert ru["created"] == b.created
    assert ru["body"] == [
        {"type": "TextualBody", "purpose": "commenting", "value": "сроки, «важно»", "format": "text/plain"},
        {"type": "TextualBody", "purpose": "tagging", "value": "энергия"},
        {"type": "TextualBody", "purpose": "tagging", "value": "сроки"},
    ]
    start = RU.index(Q_RU)
    assert ru["target"] == {
        "type": "SpecificResource",
        "source": "file:///corpus/atom.txt",
        "dcterms:bibliographicCitation": CITE_RU,
        "selector": [
            {"type": "TextQuoteSelector", "exact": Q_RU, "prefix": RU[start - 32:start], "suffix": RU[start + len(Q_RU):][:32]},
            {"type": "TextPositionSelector", "start": start, "end": start + len(Q_RU)},
        ],
    }
    assert en["target"]["dcterms:bibliographicCitation"] == CITE_EN
    # no note and no tags: no body; needs review: no position that may point elsewhere
    assert "body" not in gone
    assert [s["type"] for s in gone["target"]["selector"]] == ["TextQuoteSelector"]


def test_markdown_export(corpus, tmp_path):
    store, lookup, ids = corpus
    out = tmp_path / "b.md"
    export_bookmarks(out, "markdown", store.list(), lookup)
    md = out.read_text(encoding="utf-8")
    assert md.startswith("# Bookmarks\n\n## gone\n\n")
    headings = re.findall(r"^## (.*)$", md, re.M)
    assert headings == ["gone", "Ports of the Caspian — Dana Miles", "Атом и степь — Ерлан Сагадиев"]
    # the plain style is written as its Markdown flavour
    assert ("> «Весной, если „всё“ пойдёт по плану.»\n>\n"
            "> — **Ерлан Сагадиев**, инженер-атомщик. «Атом и степь», Пример.kz, вопрос 1\n\n"
            "**Note:** сроки, «важно»\n\n**Tags:** энергия, сроки") in md
    assert ("> “[…] demand grew, and ‘the corridor’ is open […]”\n>\n> — **Dana Miles**, logistics analyst. "
            "“Ports of the Caspian”, The Steppe Herald, 2023-05-17, question 1. <https://herald.example/ports_2023>") in md
    # source text cannot inject HTML into a rendered Markdown page
    assert "<script>" not in md and "> «[…] \\<script\\>стройка\\</script\\> […]»" in md
    assert "**Tags:** \\<b\\>тег\\</b\\>" in md
    assert "needs review" in md.split("## Ports")[0]  # said under the vanished file's bookmark


class _TextOf(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []
        self.meta: list[dict] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag == "meta":
            self.meta.append(dict(attrs))

    def handle_data(self, data):
        self.text.append(data)


def test_html_export_is_escaped_and_standalone(corpus, tmp_path):
    store, lookup, ids = corpus
    out = tmp_path / "b.html"
    export_bookmarks(out, "html", store.list(), lookup, style="gost")
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    p = _TextOf()
    p.feed(page)
    assert {"charset": "utf-8"} in p.meta
    assert "script" not in p.tags and "b" in p.tags  # only our own <b> labels
    assert p.tags.count("article") == 4 and p.tags.count("h2") == 3
    text = "".join(p.text)
    # the escaped markup comes back as the literal characters of the source
    assert "«[…] <script>стройка</script> […]»" in text
    assert "=HYPERLINK(\"x\") <script>alert(1)</script>" in text
    assert "Tags: <b>тег</b>" in text
    assert "— Ерлан Сагадиев (инженер-атомщик) // Атом и степь // Пример.kz. — Вопрос 1" in text
    assert text.index("gone") < text.index("Ports of the Caspian") < text.index("Атом и степь —")


def test_clipboard_text_for_selected(corpus):
    store, lookup, ids = corpus
    plain, md, html_text = bookmarks_to_clipboard_text([store.get(ids["ru"]), store.get(ids["en"])], lookup)
    assert plain == (
        "“[…] demand grew, and ‘the corridor’ is open […]”\n— " + CITE_EN + "\nNote: Key line\nTags: ports\n\n"
        "«Весной, если „всё“ пойдёт по плану.»\n— " + CITE_RU + "\nNote: сроки, «важно»\nTags: энергия, сроки"
    )
    assert md.count("\n---\n") == 1 and md.startswith("> “[…] demand grew")
    assert html_text.count("<article>") == 2 and "<blockquote><p>«Весной, если „всё“ пойдёт по плану.»</p>" in html_text


def test_custom_template_and_broken_template(corpus):
    store, lookup, ids = corpus
    [e] = build_entries([store.get(ids["en"])], lookup, template="{speaker} ({year})[, p. {page}]")
    assert e.citation == "Dana Miles (2023)"  # unknown field: its group is dropped
    [e] = build_entries([store.get(ids["en"])], lookup, template="{speaker")  # unbalanced brace
    assert e.citation == CITE_EN  # falls back to the plain style rather than failing the export


def test_write_errors_leave_nothing_behind(corpus, tmp_path):
    store, lookup, _ = corpus
    with pytest.raises(OSError):
        export_bookmarks(tmp_path / "missing" / "b.csv", "csv", store.list(), lookup)
    with pytest.raises(ValueError):
        export_bookmarks(tmp_path / "b.xyz", "xyz", store.list(), lookup)
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("bookmarks")) == []


def test_md_escape():
    assert md_escape("a *b* _c_ <i>") == "a \\*b\\* \\_c\\_ \\<i\\>"
    assert md_escape("# title\n1. item") == "\\# title\n1\\. item"


def test_a_file_names_own_suffix_decides_the_export_format():
    assert format_for_path("/tmp/notes.CSV", "markdown") == "csv"  # typed over the Markdown filter
    assert format_for_path("notes.htm", "json") == "html"
    assert format_for_path("notes.jsonld", "csv") == "json"
    assert format_for_path("notes.txt", "html") == "html"  # unknown suffix: the chosen format
    assert format_for_path("notes", "markdown") == "markdown"
