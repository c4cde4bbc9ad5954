"""Markdown → derived text: links read as their text, images left out.

Everything else (front matter, ``###`` headings, ``**bold**`` questions) is already understood
by the parser, so the text is kept as written.  Front matter and fenced code are not touched.
"""
from __future__ import annotations

import re

from ..decoding import decode_text, normalise_newlines
from .derived import Derived

_FRONT_END = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.M)
_FENCE = re.compile(r"^[ \t]{0,3}(```|~~~)")
_TITLE = r'(?:\s+(?:"[^"\n]*"|\'[^\'\n]*\'))?'
_DEST = r"<[^<>\n]*>|(?:[^()\s]|\([^()\s]*\))*"
# link text stops at the next bracket: a line of 50,000 "[" scanned to its end from every "["
# took 27 s; a bracket inside link text is not a link in Markdown anyway (the inner one is)
_TEXT = r"[^\[\]\n]"
_IMAGE = re.compile(rf"!\[{_TEXT}*\]\((?:{_DEST}){_TITLE}\)|!\[{_TEXT}*\]\[{_TEXT}*\]")
_LINK = re.compile(rf"\[({_TEXT}*)\]\((?:{_DEST}){_TITLE}\)")
_REF_LINK = re.compile(rf"\[({_TEXT}+)\]\[{_TEXT}*\]")
_REF_DEF = re.compile(r"^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*\S+.*$")
_AUTOLINK = re.compile(r"<((?:https?|ftp|mailto):[^<>\s]+)>")


def markdown_text(text: str) -> str:
    """Reduce link syntax in ``text`` (newlines already normalised)."""
    body_start = _front_matter_end(text)
    out = [text[:body_start]]
    fenced = False
    for line in text[body_start:].split("\n"):
        if _FENCE.match(line):
            fenced = not fenced
            out.append(line)
            continue
        if fenced or "[" not in line and "<" not in line:
            out.append(line)
            continue
        if _REF_DEF.match(line):
            continue  # a link target definition is not reading text
        new = _IMAGE.sub("", line)
        new = _LINK.sub(r"\1", new)
        new = _REF_LINK.sub(r"\1", new)
        new = _AUTOLINK.sub(r"\1", new)
        if line.strip() and not new.strip():
            continue  # a line that held only an image goes, so it does not split a paragraph
        out.append(new.rstrip() if new != line else line)
    return out[0] + "\n".join(out[1:])


def _front_matter_end(text: str) -> int:
    # the same rule the parser uses to find front matter
    if not text.startswith("---\n"):
        return 0
    m = _FRONT_END.search(text, 4)
    if m is None or text.count("\n", 0, m.start()) > 200:
        return 0
    return m.end()


def markdown_to_derived(data: bytes) -> Derived:
    text, enc, warnings = decode_text(data)
    return Derived(markdown_text(normalise_newlines(text)), enc, warnings=warnings)
