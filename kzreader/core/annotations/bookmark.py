"""A bookmark: a passage of one interview's source text, anchored so it can be found again
after the file changes (see ``anchoring``), with the reader's note, tags and colour, and the
revision counter merges between windows compare."""
from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from .anchoring import Anchor, make_anchor

STATUS_OK = "ok"
STATUS_NEEDS_REVIEW = "needs_review"


@dataclass(frozen=True, slots=True)
class Bookmark:
    id: str
    interview_id: str
    path: str
    anchor: Anchor
    exchange: int | None = None  # 1-based exchange number, None for lead/outside exchanges
    note: str = ""
    tags: tuple[str, ...] = ()
    colour: str | None = None
    created: str = ""  # ISO 8601, UTC
    modified: str = ""
    status: str = STATUS_OK
    revision: int = 1  # raised by every change; merges keep the higher one

    @property
    def quote(self) -> str:
        return self.anchor.exact

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "interview_id": self.interview_id,
            "path": self.path,
            "exchange": self.exchange,
            "anchor": self.anchor.to_dict(),
            "note": self.note,
            "tags": list(self.tags),
            "colour": self.colour,
            "created": self.created,
            "modified": self.modified,
            "status": self.status,
            "revision": self.revision,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Bookmark":
        ex = d.get("exchange")
        status = d.get("status", STATUS_OK)
        if status not in (STATUS_OK, STATUS_NEEDS_REVIEW):
            raise ValueError(f"unknown status {status!r}")
        b = cls(
            id=str(d["id"]),
            interview_id=str(d["interview_id"]),
            path=str(d["path"]),
            anchor=Anchor.from_dict(d["anchor"]),
            exchange=None if ex is None else int(ex),
            note=str(d.get("note", "")),
            tags=tuple(str(t) for t in d.get("tags", ())),
            colour=d.get("colour"),
            created=str(d["created"]),
            modified=str(d.get("modified") or d["created"]),
            status=status,
            revision=check_revision(d.get("revision", 1)),
        )
        parse_time(b.created), parse_time(b.modified)  # validate
        return b


def new_bookmark(
    interview_id: str,
    path: str,
    source_text: str,
    start: int,
    end: int,
    exchange: int | None = None,
    note: str = "",
    tags: tuple[str, ...] | list[str] = (),
    colour: str | None = None,
) -> Bookmark:
    """A bookmark on ``source_text[start:end]`` (Python offsets into the decoded source)."""
    now = utc_now()
    return Bookmark(
        id=str(uuid.uuid4()),
        interview_id=interview_id,
        path=path,
        anchor=make_anchor(source_text, start, end),
        exchange=exchange,
        note=note,
        tags=normalise_tags(tags),
        colour=colour,
        created=now,
        modified=now,
    )


def normalise_tags(tags) -> tuple[str, ...]:
    """Strip, drop empties and duplicates (case-insensitively), keep order."""
    out: list[str] = []
    seen: set[str] = set()
    for t in tags:
        t = " ".join(str(t).split())
        if t and t.casefold() not in seen:
            seen.add(t.casefold())
            out.append(t)
    return tuple(out)


def check_revision(v: Any) -> int:
    if isinstance(v, bool) or not isinstance(v, int) or v < 1:
        raise ValueError(f"bad revision {v!r}")
    return v


def format_time(t: datetime) -> str:
    return t.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def parse_time(s: str) -> datetime:
    return datetime.strptime(s, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=timezone.utc)


def utc_now() -> str:
    return format_time(datetime.now(timezone.utc))
