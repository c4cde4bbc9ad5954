"""The web forms of a page: a CMS page, an old windows-1251 table layout, a nested news-app
page, a magazine page with bold lead-in questions, an old blog entry (see render_corpus)."""
from __future__ import annotations

import html
import json
import re

from .pages import Block, Page, english, groups, plain, split_label

_MENU = ["Главная", "Новости", "Политика", "Экономика", "Мир", "Спорт", "Наука", "Видео"]
_MENU_EN = ["Home", "News", "Features", "Interviews", "Reviews", "Podcast", "About"]




def _nav(page: Page) -> list[str]:
    return _MENU_EN if english(page) else _MENU


def _page_block_html(b: Block, inner: str) -> str:
    if b.kind == "h":
        lvl = min(max(b.level, 2), 4)
        return f"<h{lvl}>{inner}</h{lvl}>"
    if b.kind == "quote":
        return f"<blockquote><p>{inner}</p></blockquote>"
    if b.kind == "li":
        return f"<ul><li>{inner}</li></ul>"
    if b.kind == "pre":
        return f"<pre><code>{inner}</code></pre>"
    if b.kind == "html":
        return inner
    return f"<p>{inner}</p>"


def _cms_turn(b: Block) -> str:
    dash, label, rest = split_label(b.html)
    if b.role == "q" and b.kind in ("p", "quote", "li"):
        if "<strong>" in b.html or "<b>" in b.html:
            return b.html  # already bold in the source (Markdown)
        return f"<strong>{b.html}</strong>"
    if label:
        return f"{dash}<strong>{label}</strong> {rest}".strip()
    return b.html


def render_html_cms(page: Page) -> bytes:
    en = english(page)
    body = []
    for kind, bs in groups(page):
        b = bs[0]
        if b.role == "title":
            continue
        if kind == "code":
            body.append("<script>" + "\n".join(html.unescape(x.html) for x in bs) + "</script>")
        elif kind == "caption":
            body.append('<figure class="wp-block-image"><img src="/wp-content/uploads/photo.jpg" alt="">'
                        f"<figcaption>{' '.join(f'<span>{x.html}</span>' for x in bs)}</figcaption></figure>")
        elif kind == "post":
            body.append('<blockquote class="twitter-tweet" data-lang="ru">'
                        + "".join(f"<p>{x.html}</p>" for x in bs)
                        + '</blockquote><script async src="https://platform.twitter.com/widgets.js"></script>')
        elif kind == "teaser":
            body.append('<div class="read-also"><div class="read-also__title">' + bs[0].html + "</div>"
                        + "".join(f'<div class="read-also__item"><a href="/news/1">{x.html}</a></div>' for x in bs[1:])
                        + "</div>")
        elif kind == "subhead":
            body.append(f"<h2>{b.html}</h2>")
        else:
            body.append(_page_block_html(b, _cms_turn(b)))
    title = html.escape(page.title)
    date = page.date
    head_date = (f'<meta property="article:published_time" content="{date}T09:30:00+03:00">' if date else "")
    time_el = f'<time class="entry-date" datetime="{date}T09:30:00+03:00">{date}</time>' if date else ""
    nav = "".join(f'<li class="menu-item"><a href="/{i}">{x}</a></li>' for i, x in enumerate(_nav(page)))
    share = ("Share", "Tweet", "Email") if en else ("Поделиться", "ВКонтакте", "Telegram")
    related = ("You may also like", "More interviews from our archive") if en else \
        ("Читайте также", "Ещё интервью из нашего архива")
    doc = f"""<!DOCTYPE html>
<html lang="{'en' if en else 'ru'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} | {'The Review' if en else 'Новости дня'}</title>
<meta property="og:type" content="article">
<meta property="og:title" content="{title}">
<meta property="og:site_name" content="{'The Review' if en else 'Новости дня'}">
{head_date}
<link rel="stylesheet" href="/wp-content/themes/news/style.css">
<script>window.dataLayer=window.dataLayer||[];function gtag(){{dataLayer.push(arguments);}}gtag('js',new Date());</script>
</head>
<body class="post-template-default single single-post">
<div id="page" class="site">
<header id="masthead" class="site-header"><div class="site-branding"><a href="/" rel="home">{'The Review' if en else 'Новости дня'}</a></div>
<nav id="site-navigation" class="main-navigation"><ul id="primary-menu" class="menu">{nav}</ul></nav></header>
<div id="content" class="site-content"><main id="main" class="site-main">
<article class="post type-post status-publish format-standard hentry">
<header class="entry-header"><h1 class="entry-title">{title}</h1>
<div class="entry-meta"><span class="posted-on">{time_el}</span></div></header>
<div class="sharedaddy sd-sharing-enabled"><a class="share-vk" href="#">{share[0]}</a> <a href="#">{share[1]}</a> <a href="#">{share[2]}</a></div>
<div class="entry-content">
{chr(10).join(body)}
</div>
<footer class="entry-footer"><span class="tags-links"><a href="/tag/interview" rel="tag">{'interview' if en else 'интервью'}</a></span></footer>
</article>
<aside id="secondary" class="widget-area"><section class="widget widget_recent_entries"><h2 class="widget-title">{related[0]}</h2>
<ul><li><a href="/a">{related[1]}</a></li></ul></section></aside>
</main></div>
<footer id="colophon" class="site-footer"><div class="site-info">© 2024 {'The Review. All rights reserved.' if en else 'Новости дня. Все права защищены.'}</div></footer>
</div>
<script src="/wp-includes/js/wp-embed.min.js"></script>
</body>
</html>
"""
    return doc.encode("utf-8")


def _legacy_text(fragment: str) -> str:
    """Typography as an old CMS wrote it: named entities and a no-break space after a dash."""
    s = fragment.replace("\u00a0", "&nbsp;")
    s = re.sub(r"(^|>|\s)— ", lambda m: m.group(1) + "&mdash;&nbsp;", s)
    for ch, ent in (("—", "&mdash;"), ("–", "&ndash;"), ("«", "&laquo;"), ("»", "&raquo;"),
                    ("…", "&hellip;"), ("“", "&ldquo;"), ("”", "&rdquo;"), ("’", "&rsquo;")):
        s = s.replace(ch, ent)
    return s


def _legacy_turn(b: Block) -> str:
    if b.role != "q" or b.kind not in ("p", "quote", "li"):
        dash, label, rest = split_label(b.html)
        return f"{dash}<b>{label}</b> {rest}".strip() if label and b.role == "a" else b.html
    dash, label, rest = split_label(b.html)
    if label:
        return f"{dash}<b>{label}</b> <b>{rest}</b>"
    m = re.match(r"([—–-]\s*)(.*)$", b.html, re.S)
    if m:  # the dash stays outside the bold, as typed
        return f"{m.group(1)}<b>{m.group(2)}</b>"
    return f"<b>{b.html}</b>"


def render_html_legacy(page: Page) -> bytes:
    en = english(page)
    paras: list[str] = []
    group: list[str] = []
    last_role = None
    for kind, bs in groups(page):
        b = bs[0]
        if b.role == "title":
            continue
        same = (b.kind == "p" and not b.gap and b.role == last_role and b.role in ("q", "a")
                and kind is None)
        if group and not same:
            paras.append(f"<p>{'<br>'.join(group)}</p>")
            group = []
        if kind == "code":
            paras.append("<script type=\"text/javascript\">" + "\n".join(html.unescape(x.html) for x in bs)
                         + "</script>")
            last_role = None
        elif kind == "caption":  # the classic WordPress caption
            paras.append('<div class="wp-caption alignnone"><img src="/img/p.jpg" alt="">'
                         '<p class="wp-caption-text">' + "<br>".join(_legacy_text(x.html) for x in bs)
                         + "</p></div>")
            last_role = None
        elif kind in ("post", "teaser"):  # an old page sets these as small print
            paras.append('<p class="small">' + "<br>".join(_legacy_text(x.html) for x in bs) + "</p>")
            last_role = None
        elif b.kind == "p":
            group.append(_legacy_text(_legacy_turn(b)))
            last_role = b.role
        else:
            paras.append(_page_block_html(b, _legacy_text(_legacy_turn(b))))
            last_role = None
    if group:
        paras.append(f"<p>{'<br>'.join(group)}</p>")
    title = _legacy_text(html.escape(page.title))
    date = ""
    if page.date:
        y, m, d = page.date.split("-")
        date = f'<div class="date">{d}.{m}.{y} 10:45</div>'
    menu = " | ".join(f'<a href="/rubric/{i}/">{x}</a>' for i, x in enumerate(_nav(page)))
    doc = f"""<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">
<title>{title}</title>
<meta name="keywords" content="{'interview' if en else 'интервью, новости'}">
<script type="text/javascript" src="/js/jquery.js"></script>
<script type="text/javascript">var _gaq = _gaq || []; _gaq.push(['_trackPageview']);</script>
</head>
<body bgcolor="#FFFFFF">
<table width="100%" border="0" cellspacing="0" cellpadding="0">
<tr><td colspan="2" class="top"><img src="/img/logo.gif" alt="" width="200" height="60"></td></tr>
<tr><td class="menu" width="180" valign="top">{menu}</td>
<td valign="top" class="content">
<h1>{title}</h1>
{date}
<div class="text">
{chr(10).join(paras)}
</div>
<div class="print"><a href="?print=1">{'Print' if en else 'Версия для печати'}</a></div>
</td></tr>
<tr><td colspan="2" class="bottom">{'Copyright 2010. Reprinting only with a link.' if en else 'Все права защищены. Перепечатка только с гиперссылкой.'}<br>
<a href="http://top.mail.ru/">Рейтинг@Mail.ru</a></td></tr>
</table>
</body>
</html>
"""
    return doc.encode("cp1251", errors="xmlcharrefreplace")


def _spa_inline(fragment: str) -> str:
    return re.sub(r"<(/?)strong>", lambda m: "</span>" if m.group(1) else '<span style="font-weight:700">', fragment)


def render_html_spa(page: Page) -> bytes:
    en = english(page)
    items: list[str] = []
    pending_q: str | None = None

    def block(inner: str, tag: str = "p") -> str:
        return (f'<div class="article__block" data-type="text"><div class="article__text">'
                f'<{tag} class="css-1x8k2yq"><span class="css-7zv4m1">{inner}</span></{tag}></div></div>')

    for n, (kind, bs) in enumerate(groups(page)):
        b = bs[0]
        if b.role == "title":
            continue
        if b.role == "q" and b.kind == "p":
            if pending_q is not None:
                items.append(block(pending_q))
            dash, label, rest = split_label(b.html)
            pending_q = (f'{dash}<span style="font-weight:700">{label}</span> {rest}' if label
                         else f"<b>{_spa_inline(b.html)}</b>")
            continue
        if b.role == "a" and b.kind == "p" and pending_q is not None:
            dash, label, rest = split_label(b.html)
            inner = f"{dash}<b>{label}</b> {rest}" if label else b.html
            items.append(block(f"{pending_q}<br>{_spa_inline(inner)}"))
            pending_q = None
            continue
        if pending_q is not None:
            items.append(block(pending_q))
            pending_q = None
        if kind == "code":
            items.append(f'<div class="article__block" data-type="embed"><div id="player-{n}"></div>'
                         "<script>" + "\n".join(html.unescape(x.html) for x in bs) + "</script></div>")
        elif kind == "caption":
            items.append('<div class="article__block" data-type="media"><div class="media">'
                         '<div class="media__image"><img src="/i/p.jpg" alt=""></div>'
                         + "".join(f'<div class="media__copyright"><span>{x.html}</span></div>' for x in bs)
                         + "</div></div>")
        elif kind == "post":
            items.append('<div class="article__block" data-type="embed"><blockquote class="instagram-media">'
                         + "".join(f"<p>{x.html}</p>" for x in bs) + "</blockquote></div>")
        elif kind == "teaser":
            items.append('<div class="article__block" data-type="incut"><div class="article__incut">'
                         + "".join(f'<div class="article__incut-item"><a href="/news/1"><span>{x.html}</span></a></div>'
                                   for x in bs)
                         + "</div></div>")
        elif kind == "subhead":
            items.append(block(b.html, "h3"))
        elif b.kind == "p":
            dash, label, rest = split_label(b.html)
            items.append(block(f"{dash}<b>{label}</b> {_spa_inline(rest)}" if label and b.role == "a"
                               else _spa_inline(b.html)))
        else:
            items.append(f'<div class="article__block">{_page_block_html(b, _spa_inline(b.html))}</div>')
        if n % 9 == 8:
            items.append('<div class="article__block" data-type="share"><div class="share-panel">'
                         f'<button>{"Share" if en else "Поделиться"}</button></div></div>')
    if pending_q is not None:
        items.append(block(pending_q))
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": page.title,
          "publisher": {"@type": "Organization", "name": "Lenta" if not en else "Newsroom"}}
    if page.date:
        ld["datePublished"] = page.date + "T12:00:00Z"
    doc = f"""<!doctype html><html lang="{'en' if en else 'ru'}"><head><meta charset="utf-8">
<title>{html.escape(page.title)}</title>
<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>
<script>window.__INITIAL_STATE__={{"page":{{"id":1,"ads":true}}}};</script>
<script async src="/static/js/main.3f9a1c.js"></script>
</head><body><div id="root"><div class="layout">
<div class="header"><div class="header__menu">{''.join(f'<a class="header__link" href="/r/{i}">{x}</a>' for i, x in enumerate(_nav(page)))}</div></div>
<div class="layout__content"><div class="article" itemscope itemtype="http://schema.org/NewsArticle">
<div class="article__header"><h1 class="article__title" itemprop="headline">{html.escape(page.title)}</h1></div>
<div class="article__body" itemprop="articleBody">
{chr(10).join(items)}
</div>
<div class="article__tags"><a href="/tags/1">{'Interview' if en else 'Интервью'}</a></div>
</div></div>
<div class="footer"><div class="footer__copyright">{'© 2024 Newsroom' if en else '© 2024 Новостная служба. 18+'}</div></div>
</div></div></body></html>
"""
    return doc.encode("utf-8")


_LOOSE_LABEL = re.compile(r"^[—–-]?\s*(?:[A-ZА-ЯЁ][\w.’' -]{0,30}:|[QA]\.\s)")


def render_html_magazine(page: Page) -> bytes:
    """A magazine's page: a question as the bold lead-in of the paragraph that holds the first
    paragraph of its answer (a speaker label as the lead-in where the page has labels),
    ``&nbsp;`` before dashes, inline spans and links, a byline and a date in the header."""
    en = english(page)
    out: list[str] = []
    pending: str | None = None
    for kind, bs in groups(page):
        b = bs[0]
        if b.role == "title" or kind == "code":
            continue
        dash, label, rest = split_label(b.html)
        labelled = label or _LOOSE_LABEL.match(plain(b.html))  # (a Markdown page's own bold label)
        if b.role == "q" and b.kind == "p" and not labelled:
            if pending is not None:
                out.append(f"<p>{pending}</p>")
            pending = b.html if "<strong>" in b.html else f"<strong>{b.html}</strong>"
            continue
        inner = f"{dash}<strong>{label}</strong> {rest}" if label else b.html
        inner = re.sub(r" — ", "&nbsp;— ", inner)
        if pending is not None and b.kind == "p" and b.role == "a" and not labelled:
            out.append(f'<p>{pending} <span class="answer">{inner}</span></p>')
            pending = None
            continue
        if pending is not None:
            out.append(f"<p>{pending}</p>")
            pending = None
        if kind == "caption":
            out.append('<div class="image-caption">' + " ".join(x.html for x in bs) + "</div>")
        elif kind in ("post", "teaser"):
            out.append('<aside class="related-content">' + "".join(f"<p>{x.html}</p>" for x in bs) + "</aside>")
        elif kind == "subhead":
            out.append(f"<h3>{b.html}</h3>")
        else:
            out.append(_page_block_html(b, inner))
    if pending is not None:
        out.append(f"<p>{pending}</p>")
    date = (f'<meta name="pubdate" content="{page.date.replace("-", "")}">' if page.date else "")
    doc = f"""<!DOCTYPE html>
<html lang="{'en' if en else 'ru'}"><head><meta charset="utf-8">
<title>{html.escape(page.title)} - {'Magazine' if en else 'Журнал'}</title>{date}
<meta name="description" content="{'Interview' if en else 'Интервью'}">
</head><body>
<div class="site-wrap"><div class="topbar"><a href="/subscribe">{'Subscribe' if en else 'Подписаться'}</a> <a href="/login">{'Sign in' if en else 'Войти'}</a></div>
<div class="post"><div class="post-header"><h1 class="post-title">{html.escape(page.title)}</h1>
<div class="post-meta"><span class="byline">{'By the editors' if en else 'Редакция'}</span></div></div>
<div class="post-body">
{chr(10).join(out)}
</div>
<div class="post-share"><a href="#">{'Share' if en else 'Поделиться'}</a></div>
</div>
<div class="newsletter-signup">{'Get our newsletter every week' if en else 'Подпишитесь на рассылку'}</div>
<div class="site-footer">© {'Magazine' if en else 'Журнал'} 2024</div></div>
</body></html>
"""
    return doc.encode("utf-8")


def render_html_blog(page: Page) -> bytes:
    """A blog entry as old blog engines store it: the whole text in one ``<div>``, paragraphs
    apart by ``<br><br>``, questions in ``<b>``, a caption in ``<i>`` under its picture, no
    article element."""
    en = english(page)
    parts: list[str] = []
    for kind, bs in groups(page):
        b = bs[0]
        if b.role == "title" or kind == "code":
            continue
        if b.role == "q" and b.kind in ("p", "h"):
            parts.append(b.html if "<strong>" in b.html else f"<b>{b.html}</b>")
        elif kind == "caption":  # under its picture
            parts.append('<img src="/pics/1.jpg" width="600"><br>' + "<br>".join(f"<i>{x.html}</i>" for x in bs))
        elif kind in ("post", "teaser"):
            parts.append("<br>".join(f"<i>{x.html}</i>" for x in bs))
        elif b.kind == "quote":
            parts.append(f"<blockquote>{b.html}</blockquote>")
        elif b.kind == "h":
            parts.append(f"<b>{b.html}</b>")
        else:
            parts.append(b.html)
    date = ""
    if page.date:
        y, m, d = page.date.split("-")
        date = f'<div class="entry-date">{d}.{m}.{y}</div>'
    doc = f"""<html><head><meta http-equiv="content-type" content="text/html; charset=utf-8">
<title>{html.escape(page.title)}: {'my journal' if en else 'мой журнал'}</title></head>
<body><div id="header"><a href="/">{'my journal' if en else 'мой журнал'}</a> | <a href="/profile">{'profile' if en else 'профиль'}</a></div>
<div class="entry"><div class="entry-title">{html.escape(page.title)}</div>{date}
<div class="entry-text">{"<br><br>".join(parts)}</div>
<div class="entry-footer"><a href="?reply">{'Leave a comment' if en else 'Оставить комментарий'}</a></div></div>
<div id="footer">{'Powered by a blog engine' if en else 'Работает на блог-движке'}</div></body></html>
"""
    return doc.encode("utf-8")
