"""Quotes with citations: language-correct quotation marks, bracketed ellipses where a
selection cuts a sentence, and citation styles built from named-field templates."""
from __future__ import annotations

import html
import os
import re
import string
from dataclasses import dataclass
from pathlib import Path

from ..model import Exchange, Interview

# (outer open, outer close, inner open, inner close)
QUOTE_MARKS = {"ru": ("«", "»", "„", "“"), "en": ("“", "”", "‘", "’")}
_SENTENCE_END = re.compile(r"[.!?…][»”\"')\]]*\s*$")


# The words a citation itself uses, in the citation's language (the quote's by default).
CITATION_WORDS = {
    "ru": {"question": "вопрос", "answer": "Ответ", "question_label": "Вопрос"},
    "en": {"question": "question", "answer": "Answer", "question_label": "Question"},
}


@dataclass(frozen=True)
class CitationOptions:
    """``language``: "auto" (the quote's own language), "ru" or "en" for the words and
    quotation marks of the citation; ``include_path``: name the local file when the interview
    has no URL (off by default: a published citation must not carry a private path)."""

    language: str = "auto"
    include_path: bool = False

    def language_for(self, quote_language: str) -> str:
        lang = quote_language if self.language == "auto" else self.language
        return lang if lang in CITATION_WORDS else "en"


@dataclass(frozen=True)
class QuoteContext:
    """Who said the quoted words, where and when."""

    interview: Interview
    exchange: Exchange | None
    in_question: bool = False
    options: CitationOptions = CitationOptions()

    @property
    def language(self) -> str:
        """The language the citation is written in."""
        return self.options.language_for(self.interview.language)

    def fields(self) -> dict[str, str]:
        iv = self.interview
        if self.in_question:
            speaker, role = iv.interviewer or "", ""
        else:
            speaker, role = iv.interviewee or "", iv.role or ""
        ex = self.exchange
        lang = self.language
        path = iv.path or ""
        return {
            "speaker": speaker,
            "role": role,
            "title": iv.title or "",
            # the title in the quotation marks of the citation's language
            "title_q": _quoted(iv.title, lang),
            "source": iv.source or "",
            "date": iv.date or "",
            "year": (iv.date or "")[:4],
            "question": str(ex.number) if ex else "",
            "question_word": CITATION_WORDS[lang]["question"],
            # where to find it: the URL; the local file only when the user asks for it
            "location": iv.url or (file_uri(path) if path and self.options.include_path else ""),
            "url": iv.url or "",
            "path": path if self.options.include_path else "",
        }


# Templates use {field}; a bracketed group [ ... ] is dropped when any field inside it is
# empty, so missing metadata never leaves "None" or dangling commas.
STYLES = {
    "plain": "[{speaker}][, {role}][. {title_q}][, {source}][, {date}][, {question_word} {question}][. {location}]",
    "markdown": ("[**{speaker}**][, {role}][. {title_q}][, {source}][, {date}][, {question_word} {question}]"
                 "[. <{location}>]"),
    "gost": "[{speaker}][ ({role})][ // {title}][ // {source}][. — {date}][. — Вопрос {question}][. — URL: {url}]",
    "apa": "[{speaker}][ ({year})][. {title}][. {source}][. Question {question}][. {url}]",
}
STYLE_NAMES = {"plain": "Plain", "markdown": "Markdown", "gost": "ГОСТ-like (Russian)", "apa": "APA-like (English)"}
_GROUP = re.compile(r"\[([^\[\]]*)\]")


def file_uri(path: str) -> str:
    p = Path(path)
    return (p if p.is_absolute() else Path(os.path.abspath(p))).as_uri()


def _quoted(title: str | None, lang: str) -> str:
    if not title:
        return ""
    o, c, _, _ = QUOTE_MARKS.get(lang, QUOTE_MARKS["en"])
    return f"{o}{title}{c}"


def render_template(template: str, fields: dict[str, str]) -> str:
    def group(m):
        part = m.group(1)
        names = [f for _, f, _, _ in string.Formatter().parse(part) if f]
        if any(not fields.get(n) for n in names):
            return ""
        return part.format_map(_Safe(fields))

    out = _GROUP.sub(group, template)
    out = out.format_map(_Safe(fields))
    out = re.sub(r"^(?:[\s.,;:—-]|//)+", "", out)
    return re.sub(r"\s{2,}", " ", out).strip()


class _Safe(dict):
    def __missing__(self, key):
        return ""


def _renest(text: str, lang: str) -> str:
    """Quotation marks inside the quote become the inner pair of the language."""
    o, c, io, ic = QUOTE_MARKS[lang]
    text = text.replace("«", io).replace("»", ic) if lang == "ru" else text.replace("“", io).replace("”", ic)
    # straight double quotes alternate open/close
    parts = text.split('"')
    if len(parts) > 1 and len(parts) % 2 == 1:
        text = "".join(p + (io if k % 2 == 0 else ic) for k, p in enumerate(parts[:-1])) + parts[-1]
    return text


def quote_text(selected: str, before: str, after: str, lang: str) -> str:
    """The selection in quotation marks, with "[…]" where it starts or ends mid-sentence.
    ``before``/``after`` are the paragraph text around the selection."""
    lang = lang if lang in QUOTE_MARKS else "en"
    o, c, _, _ = QUOTE_MARKS[lang]
    body = " ".join(selected.split())
    starts_mid = bool(before.strip()) and not _SENTENCE_END.search(before)
    ends_mid = bool(after.strip()) and not _SENTENCE_END.search(body)
    body = _renest(body, lang)
    ell = "[…]"
    if starts_mid:
        body = f"{ell} {body}"
    if ends_mid:
        body = f"{body.rstrip(' ,;:')} {ell}"
    return f"{o}{body}{c}"


@dataclass(frozen=True)
class FormattedQuote:
    plain: str
    markdown: str
    html: str


def format_quote(selected: str, before: str, after: str, ctx: QuoteContext,
                 style: str = "plain", template: str | None = None) -> FormattedQuote:
    # the quoted words keep the marks of their own language; the citation uses ctx.language
    q = quote_text(selected, before, after, ctx.interview.language)
    f = ctx.fields()
    cite = render_template(template or STYLES.get(style, STYLES["plain"]), f)
    # the Markdown flavour of the plain style is the Markdown style
    md_template = template or (STYLES["markdown"] if style == "plain" else STYLES.get(style, STYLES["plain"]))
    cite_md = render_template(md_template, f)
    plain = f"{q}\n— {cite}" if cite else q
    markdown = "> " + q + ("\n>\n> — " + cite_md if cite_md else "")
    esc = html.escape
    cite_html = esc(cite)
    html_doc = f"<blockquote><p>{esc(q)}</p>" + (f"<footer>— {cite_html}</footer>" if cite else "") + "</blockquote>"
    return FormattedQuote(plain, markdown, html_doc)


def format_exchange(ctx: QuoteContext, style: str = "plain", template: str | None = None) -> FormattedQuote:
    """A whole question and answer, quoted, with the citation."""
    ex = ctx.exchange
    assert ex is not None
    lang = ctx.interview.language
    o, c, _, _ = QUOTE_MARKS.get(lang, QUOTE_MARKS["en"])
    words = CITATION_WORDS[ctx.language]
    qlabel, alabel = words["question_label"], words["answer"]
    q = " ".join(ex.question.text.split())
    a = "\n\n".join(" ".join(p.text.split()) for p in ex.answer.paragraphs)
    cite = render_template(template or STYLES.get(style, STYLES["plain"]),
                           QuoteContext(ctx.interview, ex, options=ctx.options).fields())
    plain = f"{qlabel}: {q}\n\n{alabel}: {o}{_renest(a, lang)}{c}" + (f"\n— {cite}" if cite else "")
    quoted = f"{o}{_renest(a, lang)}{c}".split("\n\n")
    md = f"**{qlabel}:** {q}\n\n" + "\n>\n".join("> " + para for para in quoted)
    md += f"\n\n— {cite}" if cite else ""
    esc = html.escape
    h = (f"<p><b>{esc(qlabel)}:</b> {esc(q)}</p><blockquote>"
         + "".join(f"<p>{esc(p)}</p>" for p in (o + _renest(a, lang) + c).split("\n\n"))
         + "</blockquote>" + (f"<p>— {esc(cite)}</p>" if cite else ""))
    return FormattedQuote(plain, md, h)
