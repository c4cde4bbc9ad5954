"""The same interviews saved as web pages and Word files parse as well as their text (issue 18's
score on the forms real interviews arrive in).

tools/render_corpus.py renders corpus pages as a CMS page, an old windows-1251 page, a nested
news-app page, a magazine page with bold lead-in questions, an old blog entry (one <div>,
<br><br> between paragraphs), plain text pasted into Word, a Word
transcript with soft breaks and split runs, and an edited Word file with styles; the truth
stays the text's.  A sample of pages chosen for what they exercise is
rendered in every form, all parsed at once with ``kzreader parse --json`` and scored with the
project's checker: each form must find, page by page, the exchanges and metadata the text form
finds, and leak nothing.  A format reader that loses a paragraph's layout fails here.
"""
import importlib.util

from conftest import REPO

_spec = importlib.util.spec_from_file_location("render_corpus", REPO / "tools" / "render_corpus.py")
render_corpus = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(render_corpus)

# labels alone on their line (01), initials of two guests and an Instagram post (02), captions
# under a lone dash line (05), words broken across lines (06), a player script and its title
# inside an answer (07), dashless answers after bold questions (12), 62 short turns with stage
# directions on their own line (15), five guests' labels in sections, on an old page the last
# answer before the site's footer (14), a subhead over a second coach's section (16), Markdown:
# bold questions, figures and front matter (30), pull quotes (32), Q. headings with A. labels
# (34), blockquote answers (35), a nickname label under a title of capitalised words (36),
# questions and subheads at two heading levels (40)
SAMPLE = ["01", "02", "05", "06", "07", "12", "14", "15", "16", "30", "32", "34", "35", "36", "40"]
# what a form cannot carry: the Markdown page's <figcaption> captions, pasted into Word as
# plain paragraphs, are marked by nothing (docx-styles sets them in Word's Caption style); a
# blog engine without headings sets questions and subheads alike in bold (40 asks in ### and
# heads its answer's parts in ####); in a Word file whose every paragraph opens with a tab, the
# blanks that set 05's caption apart in its text mark nothing
CARRIES_LESS = {("docx-lines", "30"), ("docx-breaks", "30"), ("html-blog", "40"), ("docx-breaks", "05")}


def test_every_form_scores_as_the_text(corpus_dir, tmp_path):
    out = tmp_path / "rendered"
    render_corpus.render(corpus_dir, out, render_corpus.FORMS, SAMPLE)
    res = render_corpus.score(out, corpus_dir.parent / "tools" / "check_parse.py")
    text = res["text"]
    assert sorted(text) and len(text) == len(SAMPLE), sorted(text)
    assert sum(r["ex"] for r in text.values()) >= 0.95 * sum(r["of"] for r in text.values())
    worse = []
    for form in render_corpus.FORMS:
        rows = res[form]
        assert sorted(rows) == sorted(text), form
        for page, r in sorted(rows.items()):
            t = text[page]
            if (form, page[:2]) in CARRIES_LESS:
                continue
            if r["ex"] < t["ex"] or r["meta_miss"] > t["meta_miss"] or r["leaks"]:
                worse.append(f"{form} {page}: {r['ex']}/{r['of']} exchanges (text {t['ex']}), "
                             f"metadata missed {r['meta_miss']} (text {t['meta_miss']}), leaks {r['leaks']}")
    assert not worse, "\n".join(worse)
