"""The interview parser: decoded text → Interview.

Public API: ``parse_source(Source) -> Interview`` and ``parse_text(text, path="", ...)``.
Parsing never raises on any text; a file with no exchanges loads as a document with a
warning.  Every non-blank character of the source ends up in exactly one of: a metadata span,
the lead, a turn (its paragraphs or its marker), or a removed span.
"""
from __future__ import annotations

from . import native

native.choose()  # compiled modules or their .py files: decided before any of them is imported

import os  # noqa: E402 (after the choice above, as every import below)
import re
import stat
import time

import yaml

from .. import messages as msg
from ..messages import Message
from ..model import Exchange, Interview, Paragraph, Span, interview_id, text_hash
from ..sources.source_record import Source, clean_metadata, safe_yaml
from . import metadata as meta
from . import people, turns
from .blocks import Block, describe, ends_terminal, split_blocks
from .junk import mark_junk
from .version import PARSER_VERSION  # noqa: F401 (the caches key their entries with it)
from .decode import decode

_CYR = re.compile(r"[А-Яа-яЁё]")
# every byte value but those of A-Z and a-z: deleting them from UTF-8 leaves the Latin letters
# (the bytes of multi-byte characters are all >= 0x80)
_NOT_LATIN_BYTES = bytes(b for b in range(256) if not (0x41 <= b <= 0x5A or 0x61 <= b <= 0x7A))
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_FRONT_END = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.M)
NO_EXCHANGES = Message(msg.NO_EXCHANGES)  # the warning of a file shown as a plain document


def parse_source(src: Source) -> Interview:
    return parse_text(src.text, src.path, fmt=src.format, metadata=src.metadata,
                      encoding=src.encoding, warnings=src.warnings, removed=src.removed,
                      size=src.size, mtime=src.mtime)


def _paragraph(text: str, s: int, e: int) -> Paragraph:
    return turns.paragraph(s, e, text[s:e].replace("\n", " "))


class _Builder:
    """Collects spans while an interview is assembled, so nothing is lost."""

    def __init__(self, text: str):
        self.text = text
        self.meta: list[Span] = []
        self.removed: list[Span] = []
        self.fields: dict[str, str] = {}
        self.warnings: list[Message] = []

    def meta_span(self, s: int, e: int, kind: str) -> None:
        if e > s:
            self.meta.append(Span(s, e, kind, self.text[s:e]))

    def removed_span(self, s: int, e: int, kind: str) -> None:
        if e > s and self.text[s:e].strip():
            self.removed.append(Span(s, e, kind, self.text[s:e]))

    def set(self, key: str, value, overwrite: bool = False) -> None:
        if value and (overwrite or not self.fields.get(key)):
            self.fields[key] = value


def parse_text(text: str, path: str = "", *, fmt: str = "txt", metadata: dict | None = None,
               encoding: str = "utf-8", warnings=(), removed=(), size: int = 0,
               mtime: float = 0.0) -> Interview:
    b = _Builder(text)
    b.warnings.extend(warnings)
    blocks = _blocks(b, removed)
    english = _is_english(text)
    seg = decode(blocks, text)

    exchanges: list[Exchange] = []
    if seg is None:
        preamble = [i for i, bl in enumerate(blocks) if not bl.junk]
        used = set(preamble)
        b.warnings.append(NO_EXCHANGES)
    else:
        preamble = seg.preamble
        for i, kind in seg.debris.items():
            blocks[i].junk = kind
        exchanges, used = turns.exchanges(b, blocks, seg.exchanges)
        used.update(preamble)
        # a question speaker's label names the interviewer (the guests' labels are weighed
        # with the other evidence in people.py)
        if seg.scheme == "speaker":
            q0 = seg.exchanges[0][0]
            q0_name = _named(q0.speaker)
            b.set("interviewer", q0_name if _looks_like_name(q0_name) else None)

    lead_idx = _title(b, blocks, preamble, fmt)
    lead = []
    for i in lead_idx:
        bl = blocks[i]
        lead.append(_paragraph(text, bl.start, bl.end))
        used.add(i)
    # the blocks no turn or lead took, in order (most blocks are taken: the set difference
    # leaves few to visit)
    for i in sorted(set(range(len(blocks))).difference(used)):
        bl = blocks[i]
        if bl.junk and bl.junk.startswith("meta:"):
            b.meta_span(bl.start, bl.end, bl.junk[5:])
        else:
            b.removed_span(bl.start, bl.end, bl.junk or "unplaced")

    lead_text = "\n".join(p.text for p in lead)
    captions = "\n".join(s.text for s in b.removed if s.kind == "credit")
    if metadata:
        for k, v in metadata.items():
            b.set(k, v, overwrite=True)
    around = lead_text + "\n" + "\n".join(s.text for s in b.removed)
    b.set("source", meta.outlet(around))
    b.set("url", meta.url(around))
    if not b.fields.get("interviewee") or not b.fields.get("role"):
        zones = _zones(b, lead_text, captions, exchanges, english)
        try:
            name, role = meta.interviewee(zones)
        except Exception as e:  # morphology is best-effort; a failure must not lose the file
            name, role = None, None
            b.warnings.append(Message(msg.NAME_DETECTION_FAILED, error=type(e).__name__))
        if not b.fields.get("interviewee"):
            b.set("interviewee", name)
            b.set("role", role)
        elif name and _same_person(name, b.fields["interviewee"]):
            b.set("role", role)

    f = b.fields
    return Interview(
        # from the resolved path: "../x.txt" and a symlinked folder's copy are one interview
        id=interview_id(_resolved(path) if path else ""),
        path=str(path),
        title=f.get("title"),
        date=_valid_date(f.get("date")),
        interviewee=f.get("interviewee"),
        role=f.get("role"),
        interviewer=f.get("interviewer"),
        source=f.get("source"),
        url=f.get("url"),
        language=f.get("language") or ("en" if english else "ru"),
        lead=tuple(lead),
        exchanges=tuple(exchanges),
        removed=tuple(sorted(b.removed, key=lambda s: s.start)),
        metadata_spans=tuple(sorted(b.meta, key=lambda s: s.start)),
        warnings=tuple(b.warnings),
        encoding=encoding,
        format=fmt,
        source_hash=text_hash(text),
        size=size,
        mtime=mtime,
    )


# a folder's resolved path, remembered briefly: a load parses a folder's files in one burst,
# and a folder later moved or replaced by a symlink is seen again within a second
_REAL_DIRS: dict[str, tuple[str, float]] = {}
_REAL_DIR_SECONDS = 1.0


def _resolved(path: str) -> str:
    """``os.path.realpath(path)``, resolving the folder once per burst of files in it: only
    the file itself is checked for a symlink (realpath checks every part of the path)."""
    folder, name = os.path.split(path)
    if not os.path.isabs(path) or name in ("", ".", ".."):
        return os.path.realpath(path)  # a relative path depends on the working folder
    try:
        if stat.S_ISLNK(os.lstat(path).st_mode):
            return os.path.realpath(path)
    except OSError:
        return os.path.realpath(path)
    now = time.monotonic()
    got = _REAL_DIRS.get(folder)
    if got is None or now - got[1] > _REAL_DIR_SECONDS:
        if len(_REAL_DIRS) > 256:
            _REAL_DIRS.clear()
        got = _REAL_DIRS[folder] = (os.path.realpath(folder), now)
    return os.path.join(got[0], name)


def _zones(b: _Builder, lead_text: str, captions: str, exchanges: list[Exchange], english: bool):
    """What the interviewee finder reads: the parts already told apart, and the whole text."""
    first = exchanges[0] if exchanges else None
    if len(lead_text) < 80 and first is not None and first.question.paragraphs:
        # no lead was told apart (it may have been taken for a turn or for page debris): the
        # text between the title (or front matter) and the first question stands in for it
        top = max((s.end for s in b.meta if s.kind in ("title", "front matter")), default=0)
        lead_text = b.text[top:first.question.paragraphs[0].start].strip() or lead_text
    return people.Zones(
        title=b.fields.get("title") or "", lead=lead_text, captions=captions, text=b.text,
        first_question=first.question.text if first else "",
        first_answer=first.answer.text if first else "",
        question_speakers=tuple([_named(s) for s in [e.question.speaker for e in exchanges] if s]),
        answer_speakers=tuple([_named(s) for s in [e.answer.speaker for e in exchanges] if s]),
        exchanges=len(exchanges),
        interviewers=tuple(v for v in (b.fields.get("interviewer"),) if v),
        english=english)


def prepare_blocks(text: str, removed=()) -> list[Block]:
    """The blocks of ``text`` as the decoder sees them (metadata lines and page junk marked);
    for tools that fit or inspect the decoder."""
    return _blocks(_Builder(text), removed)


def _blocks(b: _Builder, removed) -> list[Block]:
    body_start = _front_matter(b)
    blocks = split_blocks(b.text, body_start)
    if removed:
        _converter_junk(blocks, removed)
    _leading_dates(b, blocks)
    mark_junk(blocks)
    _sign_offs(b, blocks)
    return blocks


def _converter_junk(blocks: list[Block], removed) -> None:
    """Blocks inside ranges a format converter marked (page clutter, a byline) take its kind."""
    ranges = sorted(removed)
    k = 0
    for bl in blocks:
        while k < len(ranges) and ranges[k][1] <= bl.start:
            k += 1
        if k < len(ranges) and ranges[k][0] <= bl.start and bl.end <= ranges[k][1]:
            bl.junk = ranges[k][2]


def _front_matter(b: _Builder) -> int:
    text = b.text
    if not text.startswith("---\n"):
        return 0
    m = _FRONT_END.search(text, 4)
    if m is None or text.count("\n", 0, m.start()) > 200:
        return 0
    end = m.end()
    b.meta_span(0, end, "front matter")
    try:
        data = safe_yaml(text[4:m.start()])
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        b.warnings.append(Message(msg.FRONT_MATTER_YAML_AT, line=mark.line + 2) if mark is not None
                          else Message(msg.FRONT_MATTER_YAML))
        return end
    if isinstance(data, dict):
        if "author" in data and "interviewee" not in data:
            # a page's front matter names its writer: the interviewer, not the guest
            data = dict(data)
            author = data.pop("author")
            if "interviewer" not in data and isinstance(author, str) and " " in author.strip():
                data["interviewer"] = author  # a name, not a slug such as "steve-faulkner"
        if not any(str(k).lower() == "date" for k in data):
            # site generators name the publication date in other ways too
            when = next((v for k, v in data.items() if str(k).lower().replace("-", "_") in _DATE_KEYS), None)
            if when is not None:
                data = {**data, "date": when}
        for k, v in clean_metadata(data).items():
            b.set(k, v, overwrite=True)
    elif data is not None:
        b.warnings.append(Message(msg.FRONT_MATTER_NOT_MAPPING))
    return end


_DATE_KEYS = {"published", "publishdate", "pubdate", "date_published", "published_at",
              "publication_date", "datepublished"}


def _leading_dates(b: _Builder, blocks: list[Block]) -> None:
    """A publication date at the start of one of the first blocks, a date alone on a line
    near the top or the bottom, or a header line's time stamp near the top, is metadata."""
    n = len(blocks)
    for i in list(range(min(6, n))) + list(range(max(6, n - 3), n)):
        bl = blocks[i]
        found = meta.leading_date(bl.text)
        if not found:
            stamp = meta.stamp_date(bl.text) if i < 6 and len(bl.text) <= 80 and "\n" not in bl.text else None
            if stamp:  # a header line (rubric, time, author) around the stamp: all of it is metadata
                b.set("date", stamp)
                b.meta_span(bl.start, bl.end, "date")
                bl.junk = "meta:date"
                bl.start = bl.end
                bl.text = ""
            continue
        iso, length = found
        if i >= 3 and length < len(bl.text.rstrip()):
            continue  # near the bottom only a date alone on its line counts
        b.set("date", iso)
        b.meta_span(bl.start, bl.start + length, "date")
        rest = bl.text[length:]
        if not rest.strip():
            bl.junk = "meta:date"
            bl.start = bl.end  # the whole block is the date span just recorded
            bl.text = ""
            continue
        skip = len(rest) - len(rest.lstrip())
        bl.start = bl.start + length + skip
        bl.text = b.text[bl.start:bl.end]
        describe(bl)
        if i < 3:
            break


def _sign_offs(b: _Builder, blocks: list[Block]) -> None:
    for bl in blocks[-3:] + blocks[:3]:
        if bl.junk or len(bl.text) > 80:
            continue
        m = meta.SIGN_OFF.match(bl.text.strip())
        if m:
            bl.junk = "meta:interviewer"
            b.set("interviewer", m.group("who").strip().rstrip("."))


# a headline with nothing but the questions under it: as long as headlines run
_LONE_TITLE = 160


def _title(b: _Builder, blocks: list[Block], preamble: list[int], fmt: str) -> list[int]:
    """Take the title from the preamble; return the remaining lead blocks."""
    if not preamble:
        return []
    first = blocks[preamble[0]]
    t = first.text.strip()
    if first.marker == "speaker" and "\n" in t and not b.fields.get("title"):
        # a "Name: «quote»" title is shaped like a speaker's turn, which took the next line along
        line = first.text[:first.text.index("\n")].rstrip()
        if len(line) < 220 and line.endswith(("»", "\"", "”")):
            b.set("title", line.strip())
            b.meta_span(first.start, first.start + len(line), "title")
            first.start += first.text.index("\n") + 1
            first.text = b.text[first.start:first.end]
            return preamble
    heading = first.marker == "heading"
    title_like = (
        len(t) < 220 and "\n" not in t and not ends_terminal(t.rstrip("?!")) or heading and len(t) < 300
    ) and (len(preamble) > 1 or heading or len(t) <= _LONE_TITLE) and not t.rstrip().endswith((".", ":", ";"))
    if title_like and first.marker in (None, "heading", "speaker"):
        if not b.fields.get("title"):
            raw = first.text if first.marker == "speaker" else first.body
            b.set("title", raw.strip().strip("*#_ ").strip())
        b.meta_span(first.start, first.end, "title")
        return preamble[1:]
    return preamble


def _is_english(text: str) -> bool:
    # cheap: Cyrillic letters take two UTF-8 bytes, Latin ones one
    if len(text) >= 4000 and len(text[:2000].encode("utf-8", "surrogatepass")) > 3000:
        # the sample's first half alone has more than its limit of extra bytes (most Russian
        # pages): the same answer for half the encoding
        return False
    sample = text[:4000]
    encoded = sample.encode("utf-8", "surrogatepass")
    non_ascii = len(encoded) - len(sample)
    if non_ascii > len(sample) // 4:
        return False
    # count Latin letters without building a list of them (English text is mostly letters)
    latin = len(encoded.translate(None, _NOT_LATIN_BYTES))
    return latin > 2 * len(_CYR.findall(sample))


def _named(label: str | None) -> str | None:
    """A label as a name: without the initials it defines ("Анна Ким (А.К.)" → "Анна Ким"),
    in the name's usual case ("Дарья ОСИНИНА" → "Дарья Осинина", people.plain_case)."""
    if label and label.endswith(")") and "(" in label:
        label = label[:label.rindex("(")].rstrip() or label
    return people.plain_case(label) if label else label


def _looks_like_name(label: str | None) -> bool:
    if not label:
        return False
    words = label.replace(".", ". ").split()
    return 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words) and not label.isupper()


def _same_person(a: str, b: str) -> bool:
    return bool(set(a.lower().split()) & set(b.lower().split()))


def _valid_date(d: str | None) -> str | None:
    if not d:
        return None
    m = _ISO_DATE.match(str(d))
    return m.group() if m else None
