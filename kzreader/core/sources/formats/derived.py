"""The derived text a rich file (HTML, DOCX, Markdown) is read as, and how it is written: the
helpers every converter shares (paragraph runs, bold cues, table rows).

A converter turns file bytes into Markdown-like plain text the parser already understands:
paragraphs separated by blank lines, headings as ``### ``, a wholly bold paragraph as
``**...**``, soft line breaks as ``\\n`` inside a paragraph.  The same file always gives the same
text, so bookmark offsets into it stay valid when the file is read again.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple


@dataclass(slots=True)
class Derived:
    text: str
    encoding: str
    metadata: dict = field(default_factory=dict)  # keys of sources.clean_metadata
    # (start, end, kind) in ``text``: clutter kept but marked removed; a kind "meta:FIELD"
    # marks a metadata span (a byline, a date line) instead
    removed: list = field(default_factory=list)
    warnings: list = field(default_factory=list)


class Run(NamedTuple):
    text: str  # "\n" alone is a soft line break
    bold: bool = False
    kind: str | None = None  # the clutter kind of the element the text came from


BREAK = Run("\n")
# characters that only hinder search and matching: soft hyphen, zero-width space/joiners, BOM
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
# no-break spaces read as spaces: pages use them for layout, and a quote copied from the same
# interview saved as .txt then matches
_SPACES = re.compile(r"[ \t\r\n\f\v\u00a0\u202f]+")
_WORDY = re.compile(r"\w")
_CLOSERS = "\"»”')]*"
# bold that is a label ("Вопрос:", "Иван Петров:") stays marked: the parser reads it as a turn cue
_LABEL_MAX = 60
# a wholly bold paragraph is a heading-like turn cue, unless it is a long bold lead with no '?'
_BOLD_CUE_MAX = 300
# a line that opens with a speaker label: a name, initials or "Вопрос" and a colon
_LABEL_LEAD = re.compile(r"[—–\-\s]*[A-ZА-ЯЁ][^:?!,;«»\"\n]{0,40}:")


def clean(s: str) -> str:
    return _SPACES.sub(" ", _INVISIBLE.sub("", s))


class TextBuilder:
    """Appends paragraphs separated by a blank line and records the removed ranges."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._pos = 0
        self.removed: list[tuple[int, int, str]] = []

    def paragraph(self, text: str, kind: str | None = None, line: bool = False,
                  indent: bool = False) -> None:
        """Append a paragraph; ``line``: on the next line, not after a blank one (the source
        set no space between the two, as plain text breaks only a line); ``indent``: it opens
        with blanks typed into it, kept as one space as a plain-text copy keeps them."""
        text = "\n".join(line.strip() for line in text.strip().split("\n") if line.strip())
        if not text:
            return
        sep = "\n" if line else "\n\n"
        if self._pos:
            self._add(sep)
        start = self._pos
        if indent:
            self._add(" ")
        self._add(text)
        if kind:
            last = self.removed[-1] if self.removed else None
            if last and last[2] == kind and last[1] == start - len(sep):
                self.removed[-1] = (last[0], self._pos, kind)  # one span for a run of clutter
            else:
                self.removed.append((start, self._pos, kind))

    def _add(self, s: str) -> None:
        self._parts.append(s)
        self._pos += len(s)

    def text(self) -> str:
        return "".join(self._parts) + "\n" if self._parts else ""


def render_runs(runs: list[Run]) -> list[tuple[str, str | None]]:
    """One source paragraph's runs → [(derived paragraph, kind)].

    An empty line (two breaks) splits the paragraph; inside a paragraph with soft breaks a wholly
    bold line becomes its own paragraph (the "bold question, break, answer" transcript habit).
    """
    lines: list[list[Run]] = [[]]
    for r in runs:
        if r.text == "\n":
            lines.append([])
            continue
        t = clean(r.text)
        if t:
            lines[-1].append(Run(t, r.bold, r.kind))
    lines = [part for line in lines for part in _split_lead_in(line)]
    out: list[tuple[str, str | None]] = []
    group: list[list[Run]] = []

    def flush():
        if group:
            out.append(_render_lines(group))
            group.clear()

    in_bold = False  # the group is a run of wholly bold lines: one question the breaks cut
    for line in lines:
        if not "".join(r.text for r in line).strip():
            flush()  # an empty line ends the paragraph
            in_bold = False
        elif all_bold(line) and (len(lines) > 1):
            if not in_bold or not bold_continues(group[-1], line):
                flush()
            group.append(line)
            in_bold = True
        else:
            if in_bold:
                flush()
            group.append(line)
            in_bold = False
    flush()
    return [(t, k) for t, k in out if t]


def _split_lead_in(line: list[Run]) -> list[list[Run]]:
    """A question set as the bold lead-in of its answer's paragraph ("**How did you start?**
    My father…", the magazine habit) → the bold question and the answer as two lines.  Only a
    lead-in that asks ('?'), is a sentence of six words or more, or is a dash turn followed by
    another: a bold "No." or a stressed word opening an answer stays where it is."""
    rest_text = "".join(r.text for r in line)
    lead = ""
    for k, r in enumerate(line):
        if not r.bold and _WORDY.search(r.text):
            return [line]  # the bold part ended without a question in it
        lead += r.text
        if not r.bold:
            continue
        after = rest_text[len(lead):]
        if not _WORDY.search(after):
            return [line]  # wholly bold
        body = lead.strip().rstrip(_CLOSERS + " ")
        asks = body.endswith("?") or body.endswith((".", "!", "…")) and len(body.split()) >= 6
        # "**— Вопрос.** — Ответ": a dash turn in bold, and a dash opens the next one
        turns = body[:1] in "—–" and body[-1:] in ".!?…" and after.lstrip()[:1] in "—–"
        if asks or turns:
            return [line[:k + 1], line[k + 1:]]
    return [line]


def bold_continues(prev: list[Run], line: list[Run]) -> bool:
    """Does a wholly bold line continue the bold line before it (one question broken into
    lines), rather than start a turn of its own: a speaker label ends or opens a turn."""
    last = "".join(r.text for r in prev).strip()
    return not last.endswith(":") and _LABEL_LEAD.match("".join(r.text for r in line).strip()) is None


def all_bold(line: list[Run]) -> bool:
    # punctuation outside the bold ("— **Вопрос?**") does not count against it
    return any(r.bold and _WORDY.search(r.text) for r in line) and not any(
        not r.bold and _WORDY.search(r.text) for r in line)


def _render_lines(lines: list[list[Run]]) -> tuple[str, str | None]:
    texts = [" ".join("".join(r.text for r in line).split()) for line in lines]
    kind = _kind([r for line in lines for r in line])
    whole = " ".join(texts)
    if all(all_bold(line) for line in lines) and (len(whole) <= _BOLD_CUE_MAX or "?" in whole):
        return f"**{whole}**", kind
    first = lines[0]
    lead = ""
    for r in first:
        if not r.bold and _WORDY.search(r.text):
            break
        lead += r.text
    lead = " ".join(lead.split())
    if lead.endswith(":") and len(lead) <= _LABEL_MAX and _WORDY.search(lead):
        rest = texts[0][len(lead):].strip() if texts[0].startswith(lead) else None
        if rest is not None:
            texts[0] = f"**{lead}** {rest}".rstrip()
    return "\n".join(texts), kind


def _kind(runs: list[Run]) -> str | None:
    """The paragraph's kind: what most of its letters are; a short paragraph holding a byline or
    a date is that metadata."""
    total = sum(len(r.text.strip()) for r in runs) or 1
    by_kind: dict[str | None, int] = {}
    for r in runs:
        by_kind[r.kind] = by_kind.get(r.kind, 0) + len(r.text.strip())
    metas = [k for k in by_kind if k and k.startswith("meta:")]
    if metas and total <= 120:
        return max(metas, key=by_kind.__getitem__)
    best = max(by_kind, key=lambda k: (by_kind[k], k is None))
    if best and best.startswith("meta:"):
        return best if total <= 120 else None
    return best if by_kind[best] * 2 >= total else None


def quoted(text: str) -> str:
    """A paragraph the source set as a quotation (a blockquote, Word's Quote style), marked as
    Markdown marks it: the parser knows a pull quote and a quoted answer by it."""
    return "\n".join("> " + line for line in text.split("\n"))


def join_rows(rows: list[list[str]]) -> list[str]:
    """Table rows (non-empty cell texts) → one paragraph each, cells joined by " | ".

    A two-column transcript table (a few speakers' names repeating down the first column) reads
    "Name: words", which the parser knows as a speaker label.
    """
    pairs = [r for r in rows if len(r) == 2]
    firsts = {r[0] for r in pairs}
    transcript = (
        len(pairs) >= 2 and len(pairs) >= 0.8 * len([r for r in rows if r])
        and len(firsts) <= 3 and len(pairs) > len(firsts)
        and all(len(f) <= 40 and "\n" not in f and f[:1].isalpha() and not re.search(r"[!?;,]$", f)
                for f in firsts)
    )
    out = []
    for r in rows:
        if transcript and len(r) == 2:
            out.append(r[0] + (" " if r[0].endswith(":") else ": ") + r[1])
        else:
            out.append(" | ".join(r))
    return out
