"""Builds the import test files: two saved web pages, a Word transcript, a Markdown file.

The tests call these functions and write the files into their tmp_path; run this script to
write them here for a look (``python tests/data/import/make_samples.py``).
"""
from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

# -- a Russian news page saved from a browser, windows-1251, full of site furniture -------------
CP1251_PAGE = """<!DOCTYPE html>
<html lang="ru">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">
<title>Экономист Асель Нурланова: «Тенге выдержит» | Деловая Степь</title>
<link rel="stylesheet" href="https://cdn.example.invalid/site.css">
<link rel="canonical" href="https://step.example.invalid/news/tenge-vyderzhit">
<meta property="og:site_name" content="Деловая Степь">
<style>body { font-family: serif; } .share { display: flex; }</style>
<script src="https://counter.example.invalid/c.js"></script>
<script>window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);}</script>
</head>
<body>
<header class="site-header">
  <a class="logo" href="/"><img src="https://step.example.invalid/logo.png" alt="Деловая Степь"></a>
  <nav class="main-menu"><ul>
    <li><a href="/politics">Политика</a><li><a href="/economy">Экономика</a>
    <li><a href="/society">Общество</a><li><a href="/sport">Спорт</a>
  </ul></nav>
</header>
<div class="breadcrumbs"><a href="/">Главная</a> &raquo; <a href="/economy">Экономика</a></div>
<article class="post">
  <h1>Экономист Асель Нурланова: &laquo;Тенге выдержит&raquo;</h1>
  <div class="post-meta"><time datetime="2024-03-12T10:15:00+05:00">12 марта 2024, 10:15</time></div>
  <div class="author">Автор: Данияр Сеитов</div>
  <div class="share-buttons"><a href="#">Поделиться</a> <a href="#">ВКонтакте</a> <a href="#">Telegram</a></div>
  <p class="lead">Экономист Асель Нурланова рассказала нашему изданию, чего ждать от&nbsp;курса тенге весной.</p>
  <p><strong>&mdash; Асель, почему тенге ослаб в&nbsp;феврале?</strong></p>
  <p>&mdash; Главная причина &mdash; дешёвая нефть.<br>
  Экспортная выручка упала, а спрос на валюту остался прежним.</p>
  <p>Нацбанк при этом почти не вмешивался.</p>
  <figure><img src="https://step.example.invalid/photo.jpg" alt="Асель Нурланова"><figcaption>Фото: пресс-служба</figcaption></figure>
  <p><b>&mdash; Будет ли девальвация?</b>
  <p>&mdash; Резкой девальвации я не жду. Резервов достаточно.</p>
  <div class="related"><h3>Читайте также</h3><ul>
    <li><a href="/n/1">Нефть подешевела до минимума года</a>
    <li><a href="/n/2">Курс доллара на бирже вырос</a>
  </ul></div>
  <p><strong>&mdash; Что посоветуете вкладчикам?</strong></p>
  <p>&mdash; Не&shy;рвничать и не бегать по обменникам.</p>
</article>
<section id="comments" class="comments"><h2>Комментарии (2)</h2>
  <div class="comment"><p>Ерлан: всё будет хорошо!</p></div>
  <div class="comment"><p>Гость: а я уже купил доллары</p></div>
</section>
<footer><p>&copy; 2024 Деловая Степь. Все права защищены.</p><p>Реклама на сайте: ads@example.invalid</p></footer>
<script>(function(){var s=document.createElement('script');s.src='https://ads.example.invalid/a.js';})();</script>
</body>
</html>
"""

# -- an English page in UTF-8 whose metadata lives in JSON-LD; questions are headings -------
UTF8_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Page title that loses to JSON-LD</title>
<script type="application/ld+json">
{"@context": "https://schema.org", "@graph": [
  {"@type": "WebSite", "name": "Steppe Review", "url": "https://review.example.invalid/"},
  {"@type": "NewsArticle", "headline": "Water for the Aral: a conversation with Marat Ospanov",
   "datePublished": "2023-11-05T08:00:00Z", "dateModified": "2023-11-06T09:00:00Z",
   "author": [{"@type": "Person", "name": "Jane Miller"}],
   "publisher": {"@type": "Organization", "name": "Steppe Review"},
   "url": "https://review.example.invalid/aral-water"}]}
</script>
<meta property="og:title" content="Aral water (og title)">
</head><body>
<div id="cookie-banner">We use cookies. <button>Accept</button></div>
<main>
<div class="article-body" itemprop="articleBody">
<h1>Water for the Aral</h1>
<p>Hydrologist Marat Ospanov has spent twenty years on the Syr Darya.</p>
<h3>How much water reaches the northern sea today?</h3>
<p>About a third more than in 2005.<br>The Kokaral dam made the difference.</p>
<div class="social-share"><a href="#">Share on X</a> <a href="#">Share on Facebook</a></div>
<h3>What worries you most?</h3>
<p>Upstream irrigation.</p>
<p>Every canal that leaks is water the sea never sees.</p>
<table><tr><th>Year</th><th>Level, m</th></tr><tr><td>2005</td><td>38</td></tr><tr><td>2023</td><td>42</td></tr></table>
</div>
<aside class="recommended"><h2>More stories</h2><ul><li><a href="/x">Dust storms in Kyzylorda</a></li></ul></aside>
</main>
<footer class="site-footer">Steppe Review 2023</footer>
</body></html>
"""

MARKDOWN = """---
title: Степные дороги
date: 2022-06-01
source: Журнал «Путь»
---

Мы поговорили с [инженером](https://road.example.invalid/who) Болатом Жумабаевым о трассе.

![Трасса у Шымкента](images/road.jpg)

**Сколько километров дорог отремонтируют в этом году?**

Около трёх тысяч, подробнее в [отчёте][rep].

**Почему работы идут так медленно?**

Сезон короткий: с апреля по октябрь.

[rep]: https://road.example.invalid/report.pdf
"""

# -- a Word transcript --------------------------------------------------------------------------
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
</Types>"""
_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
</Relationships>"""
_DOC_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
</Relationships>"""
_STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="{_W}">
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:rPr><w:sz w:val="56"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Question"><w:name w:val="Question"/><w:basedOn w:val="Normal"/><w:rPr><w:b/></w:rPr></w:style>
</w:styles>"""
_CORE = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<dc:title>Интервью с агрономом</dc:title>
<dc:creator>Мадина Касымова</dc:creator>
<dcterms:created xsi:type="dcterms:W3CDTF">2021-09-14T12:00:00Z</dcterms:created>
</cp:coreProperties>"""


def _run(text: str, bold: bool = False) -> str:
    rpr = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def _p(*runs: str, style: str | None = None) -> str:
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f"<w:p>{ppr}{''.join(runs)}</w:p>"


_BR = "<w:r><w:br/></w:r>"

_BODY = "".join([
    _p(_run("Урожай и засуха"), style="Title"),
    _p(_run("Агроном Ерлан Бекетов о прошлом сезоне.")),
    _p(),  # an empty paragraph, as Word transcripts have between turns
    _p(_run("Каким был урожай пшеницы в ", True), _run("этом", True), _run(" году?", True)),
    _p(_run("Ниже среднего."), _BR, _run("Июль был слишком жарким.")),
    _p(_run("Что спасло хозяйства?"), style="Question"),  # bold through its style
    _p(_run("Капельный полив и ранний сев.")),
    # the transcript habit: bold question, a soft break, the answer, in one paragraph
    _p(_run("А что дальше?", True), _BR, _run("Будем сеять засухоустойчивые сорта.")),
    "<w:tbl><w:tr><w:tc>" + _p(_run("Культура")) + "</w:tc><w:tc>" + _p(_run("Урожай, ц/га")) + "</w:tc></w:tr>"
    "<w:tr><w:tc>" + _p(_run("Пшеница")) + "</w:tc><w:tc>" + _p(_run("11")) + "</w:tc></w:tr></w:tbl>",
    _p(_run("Беседовала Мадина Касымова")),
    '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr>',
])


def transcript_docx(body: str = _BODY, styles: str = _STYLES, core: str = _CORE) -> bytes:
    """A minimal but complete WordprocessingML package (what Word needs to open it)."""
    document = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                f'<w:document xmlns:w="{_W}"><w:body>{body}</w:body></w:document>')
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _CONTENT_TYPES)
        z.writestr("_rels/.rels", _RELS)
        z.writestr("word/document.xml", document)
        z.writestr("word/_rels/document.xml.rels", _DOC_RELS)
        z.writestr("word/styles.xml", styles)
        z.writestr("docProps/core.xml", core)
    return buf.getvalue()


def write_all(folder: Path) -> dict[str, Path]:
    files = {
        "cp1251": (folder / "news_cp1251.html", CP1251_PAGE.encode("cp1251")),
        "jsonld": (folder / "review_jsonld.htm", UTF8_PAGE.encode("utf-8")),
        "docx": (folder / "transcript.docx", transcript_docx()),
        "md": (folder / "roads.md", MARKDOWN.encode("utf-8")),
    }
    for path, data in files.values():
        path.write_bytes(data)
    return {k: p for k, (p, _) in files.items()}


if __name__ == "__main__":
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent
    for p in write_all(out).values():
        print(p)
