"""Saved web pages, the metadata side: title, date, interviewer, outlet, URL and language from
what the page declares (JSON-LD, ``meta`` tags, ``<time>``, the headline, bylines)."""
from __future__ import annotations

import json
import re
from typing import Callable

from .derived import clean
from .html_tree import Node, node_text, raw_text

_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_COMPACT_DATE = re.compile(r"((?:19|20)\d{2})(\d{2})(\d{2})(?:$|T)")
_BYLINE_WORDS = re.compile(r"^(?:автор(?:ы)?|текст|беседовал[аи]?|интервью записал[аи]?|by|author|interview by)\s*[:\-—–]?\s*", re.I)
_ARTICLE_TYPES = ("article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle",
                  "opinionnewsarticle", "interview", "webpage", "report", "backgroundnewsarticle")


def page_metadata(nodes: list[Node], headline: Node | None, inside: set[int],
                  is_byline: Callable[[Node], bool]) -> dict:
    """Title, date, interviewer, outlet, URL and language from JSON-LD, ``meta`` tags,
    ``<time>``, the headline and bylines (``inside``: ids of the article's nodes, whose dates
    are preferred)."""
    metas: dict[str, str] = {}
    canonical = title_tag = lang = None
    times: list[Node] = []
    bylines: list[Node] = []
    ld: list[dict] = []
    for n in nodes:
        if n.tag == "meta":
            key = (n.get("property") or n.get("name") or n.get("itemprop")).lower()
            if key and n.get("content") and key not in metas:
                metas[key] = n.get("content").strip()
        elif n.tag == "link" and "canonical" in n.get("rel").lower().split():
            canonical = canonical or n.get("href").strip()
        elif n.tag == "title" and title_tag is None:
            title_tag = clean(raw_text(n)).strip()
        elif n.tag == "html":
            lang = n.get("lang") or n.get("xml:lang")
        elif n.tag == "script" and n.get("type").lower() == "application/ld+json":
            ld.extend(_ld_articles(raw_text(n)))
        elif n.tag == "time" or n.get("itemprop").lower() == "datepublished":
            times.append(n)
        elif is_byline(n):
            bylines.append(n)
    art = ld[0] if ld else {}
    out: dict[str, str] = {}
    headline = clean(node_text(headline)).strip() if headline else None
    out["title"] = _first(_ld_str(art.get("headline")), headline, metas.get("og:title"),
                          metas.get("twitter:title"), title_tag)
    out["date"] = _first(*(_iso(v) for v in (
        _ld_str(art.get("datePublished")), metas.get("article:published_time"),
        metas.get("datepublished"), metas.get("pubdate"), metas.get("date"),
        metas.get("dc.date"), metas.get("dc.date.issued"))), _time_date(times, inside))
    out["interviewer"] = _first(_ld_name(art.get("author")), _not_url(metas.get("author")),
                                _not_url(metas.get("article:author")), _byline(bylines))
    out["source"] = _first(metas.get("og:site_name"), _ld_name(art.get("publisher")),
                           metas.get("application-name"))
    out["url"] = _first(_web_url(canonical), _web_url(metas.get("og:url")),
                        _web_url(_ld_str(art.get("url"))))
    if lang and re.match(r"[A-Za-z]{2}\b", lang):
        out["language"] = lang[:2].lower()
    return {k: v[:300] for k, v in out.items() if v}

def _time_date(times: list[Node], inside: set[int]) -> str | None:
    for prefer_inside in (True, False):
        for n in times:
            if prefer_inside and id(n) not in inside:
                continue
            iso = _iso(n.get("datetime")) or _iso(n.get("content"))
            if iso:
                return iso
            from kzreader.core.parsing.metadata import leading_date  # the parser's date forms, not a copy
            found = leading_date(clean(node_text(n)).strip())
            if found:
                return found[0]
    return None


def _iso(value: str) -> str | None:
    m = _ISO_DATE.search(value or "")
    if m:
        return m.group()
    # the compact form some sites write in their date meta tags ("20141226", "20141226T0930")
    m = _COMPACT_DATE.match((value or "").strip())
    if m and 1 <= int(m.group(2)) <= 12 and 1 <= int(m.group(3)) <= 31:
        return "-".join(m.groups())
    return None


def _first(*values):
    for v in values:
        if v and str(v).strip():
            return str(v).strip()
    return None


def _not_url(v: str | None) -> str | None:
    return None if not v or re.match(r"https?://|www\.", v) else v


def _web_url(v: str | None) -> str | None:
    return v if v and re.match(r"https?://\S+$", v) else None


def _byline(nodes: list[Node]) -> str | None:
    for n in nodes:
        t = _BYLINE_WORDS.sub("", clean(node_text(n)).strip()).strip(" ,.")
        if 3 <= len(t) <= 80:
            return t
    return None


def _ld_articles(raw: str) -> list[dict]:
    """Article objects in a JSON-LD script (one object, a list, or an @graph)."""
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError):
        return []
    items = data if isinstance(data, list) else [data]
    out = []
    for it in items:
        if not isinstance(it, dict):
            continue
        graph = it.get("@graph")
        for obj in (graph if isinstance(graph, list) else [it]):
            if not isinstance(obj, dict):
                continue
            types = obj.get("@type")
            types = types if isinstance(types, list) else [types]
            if any(isinstance(t, str) and t.lower() in _ARTICLE_TYPES for t in types) or "headline" in obj:
                out.append(obj)
    # an article proper beats a WebPage wrapper
    out.sort(key=lambda o: "headline" not in o)
    return out


def _ld_str(v) -> str | None:
    if isinstance(v, list):
        v = v[0] if v else None
    if isinstance(v, dict):
        v = v.get("@id") or v.get("url")
    return clean(v).strip() if isinstance(v, str) else None


def _ld_name(v) -> str | None:
    items = v if isinstance(v, list) else [v]
    names = []
    for it in items:
        if isinstance(it, dict):
            it = it.get("name")
        if isinstance(it, str) and it.strip() and not re.match(r"https?://", it):
            names.append(clean(it).strip())
    return ", ".join(names) or None
