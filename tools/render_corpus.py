"""Render the annotated corpus as the web pages and Word files such interviews really arrive as,
and score each form against the text form with the same truth.

    python tools/render_corpus.py [CORPUS] [--out DIR] [--forms a,b] [--only 01,07] [--score]

Every ``NN_name.txt`` / ``.md`` page of CORPUS (default ``../shared/corpus``) is written once per
form into DIR as ``NN_name.FORM.html`` / ``.docx``, with its truth file copied beside it as
``NN_name.FORM.truth.yaml`` (``check_parse.py`` pairs them by name).  The text and the
exchanges are the page's own; only the markup changes, so a form that scores under the text
form has lost something in reading.  ``--score`` parses DIR and the corpus with
``kzreader parse --json`` and prints, per form, the exchanges, metadata and leaks against the
text form, then every file that differs.

The page's paragraphs are its text's lines, with the lines a scraper broke at inline elements
(a link, a stage direction, a lone dash, a note in brackets) joined again, as the page held
them; debris is set the way news pages set it (a caption and its credit in a figure, a
"read also" box, a player's script with its title, an embedded post, a subhead).  The forms
copy what sites and editors do, not what the reader expects:

* ``html-cms``: a UTF-8 CMS page (``<article>``, ``<h1>``, ``og:``/``article:published_time``,
  ``<time>``); a question wholly in ``<strong>``, a speaker label in ``<strong>``; captions in
  ``<figure><figcaption>``, teasers in a box, subheads in ``<h2>``, posts in
  ``blockquote.twitter-tweet``; menus, share buttons, scripts, a footer around the article.
* ``html-legacy``: an old windows-1251 page laid out with tables, no ``<article>``: the
  paragraphs of a turn in one ``<p>`` broken by ``<br>``, questions in ``<b>`` after the dash,
  ``&nbsp;`` after dashes, named entities, the date as text, WordPress's caption box.
* ``html-spa``: a news-app page of nested ``<div>``/``<span>`` blocks with generated class
  names, metadata in JSON-LD; a bold question, ``<br>`` and its answer's first paragraph in
  one ``<p>``, bold by ``style="font-weight:700"`` spans, share boxes between paragraphs.
* ``html-magazine``: a question as the bold lead-in of the paragraph that holds its answer's
  first paragraph, a byline, the date in a compact meta tag (``20141226``).
* ``html-blog``: an old blog entry: the whole text in one ``<div>``, paragraphs apart by
  ``<br><br>``, questions in ``<b>``, a caption in ``<i>`` under its picture, the title in a
  ``<div>``.
* ``docx-lines``: plain text pasted into Word: a paragraph per line with its leading blanks,
  an empty paragraph per blank line, questions in bold runs, the title in the Title style,
  headings and quotations in Word's styles (as a web page pasted in keeps them).
* ``docx-breaks``: a question and its answer's paragraphs in one Word paragraph broken by soft
  breaks (``<w:br/>``), runs split in the middle of words with revision ids, spelling marks
  and bookmarks between them, a tab after a speaker label and at the start of every paragraph.
* ``docx-styles``: an edited file: questions in a bold paragraph style of the user's, subheads
  and headings in Heading styles, quotations in the Quote style, captions in Word's caption
  style, bold through a character style, no player scripts.

The corpus's one HTML page (29) is not rendered again.  Stdlib and PyYAML only; the renderer
never reads the reader's code (the Word package writer is the test samples').  The page model
and the forms live in ``tools/rendering/`` (pages, web, word).
"""
from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from rendering.pages import load_page  # noqa: E402
from rendering.web import (render_html_blog, render_html_cms, render_html_legacy,  # noqa: E402
                           render_html_magazine, render_html_spa)
from rendering.word import render_docx_breaks, render_docx_lines, render_docx_styles  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
CHECKER = "check_parse.py"

HTML_FORMS = ("html-cms", "html-legacy", "html-spa", "html-magazine", "html-blog")
DOCX_FORMS = ("docx-lines", "docx-breaks", "docx-styles")
FORMS = HTML_FORMS + DOCX_FORMS


RENDER = {"html-cms": render_html_cms, "html-legacy": render_html_legacy, "html-spa": render_html_spa,
          "html-magazine": render_html_magazine, "html-blog": render_html_blog,
          "docx-lines": render_docx_lines, "docx-breaks": render_docx_breaks, "docx-styles": render_docx_styles}


def pages(corpus: Path, only: list[str] | None = None) -> list[Path]:
    out = []
    for p in sorted(corpus.iterdir()):
        if p.suffix in (".txt", ".md") and p.with_name(p.stem + ".turns.json").exists():
            if not only or any(p.name.startswith(o) for o in only):
                out.append(p)
    return out


def render(corpus: Path, out: Path, forms=FORMS, only: list[str] | None = None) -> list[Path]:
    """Write every page of ``corpus`` in every form into ``out`` with its truth; the originals
    are copied too (form "text"), so one parse scores them all."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for path in pages(corpus, only):
        page = load_page(path)
        truth = path.with_name(path.stem + ".truth.yaml")
        shutil.copyfile(path, out / path.name)
        shutil.copyfile(truth, out / truth.name)
        for form in forms:
            ext = ".html" if form.startswith("html") else ".docx"
            target = out / f"{path.stem}.{form}{ext}"
            target.write_bytes(RENDER[form](page))
            shutil.copyfile(truth, out / f"{path.stem}.{form}.truth.yaml")
            written.append(target)
    return written


# -- scoring -----------------------------------------------------------------------------------
_FILE = re.compile(r"^(\S+): (\d+)/(\d+) exchanges, count (\d+) vs (\d+)$")
_META_MISS = re.compile(r"^(\S+): (date|interviewee) want")
_LEAK = re.compile(r"^(\S+): junk leaked")


def score(folder: Path, checker: Path) -> dict[str, dict[str, dict]]:
    """{form: {page: {"ex", "of", "meta_miss", "leaks"}}} from one parse of ``folder``."""
    parsed = subprocess.run([sys.executable, "-m", "kzreader", "parse", "--json", str(folder)],
                            cwd=ROOT, capture_output=True, check=True).stdout
    js = folder / "parsed.json"
    js.write_bytes(parsed)
    report = subprocess.run([sys.executable, str(checker), str(js), str(folder), "--verbose"],
                            capture_output=True, text=True).stdout
    return parse_report(report)


def parse_report(report: str) -> dict[str, dict[str, dict]]:
    out: dict[str, dict[str, dict]] = defaultdict(dict)

    def entry(stem: str) -> dict:
        page, _, form = stem.partition(".")
        return out[form or "text"].setdefault(page, {"ex": 0, "of": 0, "meta_miss": 0, "leaks": 0})

    for line in report.splitlines():
        if m := _FILE.match(line):
            e = entry(m.group(1))
            e["ex"], e["of"] = int(m.group(2)), int(m.group(3))
        elif m := _META_MISS.match(line):
            entry(m.group(1))["meta_miss"] += 1
        elif m := _LEAK.match(line):
            entry(m.group(1))["leaks"] += 1
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", nargs="?", default=str(CORPUS))
    ap.add_argument("--out", default="/tmp/kzreader-rendered")
    ap.add_argument("--forms", default=",".join(FORMS))
    ap.add_argument("--only", default="", help="page number prefixes, comma-separated")
    ap.add_argument("--score", action="store_true")
    a = ap.parse_args(argv)
    corpus, out = Path(a.corpus), Path(a.out)
    forms = [f for f in a.forms.split(",") if f]
    if out.exists():
        shutil.rmtree(out)
    render(corpus, out, forms, [o for o in a.only.split(",") if o] or None)
    if not a.score:
        print(out)
        return 0
    res = score(out, corpus.parent / "tools" / CHECKER)
    base = res.get("text", {})
    metas = {p: sum(1 for k in ("date", "interviewee")
                    if yaml.safe_load((corpus / f"{p}.truth.yaml").read_text(encoding="utf-8")).get(k) is not None)
             for p in base}
    print(f"{'form':14} {'exchanges':>12} {'metadata':>9} {'leaks':>6}   "
          "pages that differ from the text (exchanges +/-, metadata, leak)")
    for form in ["text"] + forms:
        rows = res.get(form, {})
        ex = sum(r["ex"] for r in rows.values())
        of = sum(r["of"] for r in rows.values())
        meta = sum(metas[p] - r["meta_miss"] for p, r in rows.items())
        leaks = sum(r["leaks"] for r in rows.values())
        worse = [f"{p[:2]}({r['ex'] - base[p]['ex']:+d}"
                 f"{'' if r['meta_miss'] <= base[p]['meta_miss'] else ' meta'}"
                 f"{'' if r['leaks'] <= base[p]['leaks'] else ' leak'})"
                 for p, r in sorted(rows.items())
                 if (r["ex"], -r["meta_miss"], -r["leaks"]) != (base[p]["ex"], -base[p]["meta_miss"], -base[p]["leaks"])]
        print(f"{form:14} {ex:>5}/{of:<6} {meta:>4}/{sum(metas[p] for p in rows):<4} {leaks:>6}   {' '.join(worse)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
