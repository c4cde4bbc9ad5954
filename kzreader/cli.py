"""`kzreader parse [--json] PATH...` — the Qt-free scripting interface."""
from __future__ import annotations

import argparse
import json
import sys

from .core.corpus import load_paths
from .core.model import Interview


def interview_json(iv: Interview) -> dict:
    return {
        "id": iv.id,
        "path": iv.path,
        "title": iv.title,
        "date": iv.date,
        "interviewee": iv.interviewee,
        "role": iv.role,
        "interviewer": iv.interviewer,
        "source": iv.source,
        "url": iv.url,
        "language": iv.language,
        "encoding": iv.encoding,
        "lead": iv.lead_text,
        "exchanges": [
            {"number": ex.number, "question": ex.question.text, "answer": ex.answer.text,
             "question_speaker": ex.question.speaker, "answer_speaker": ex.answer.speaker}
            for ex in iv.exchanges
        ],
        "removed": [{"start": s.start, "end": s.end, "kind": s.kind, "text": s.text} for s in iv.removed],
        "warnings": list(iv.warnings),
    }


def _plain(iv: Interview, out) -> None:
    out.write(f"== {iv.path}\n")
    for label, value in (("title", iv.title), ("date", iv.date), ("interviewee", iv.interviewee),
                         ("role", iv.role), ("interviewer", iv.interviewer), ("source", iv.source)):
        if value:
            out.write(f"{label}: {value}\n")
    if iv.lead:
        out.write(f"lead: {iv.lead_text[:300]}\n")
    for ex in iv.exchanges:
        out.write(f"\nQ{ex.number}: {ex.question.text}\nA{ex.number}: {ex.answer.text}\n")
    for w in iv.warnings:
        out.write(f"warning: {w}\n")
    out.write("\n")


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(prog="kzreader parse", description="Parse interview files and print them.")
    ap.add_argument("--json", action="store_true", help="print UTF-8 JSON")
    ap.add_argument("paths", nargs="+", metavar="PATH", help="files or folders (searched recursively)")
    try:
        args = ap.parse_args(argv)
    except SystemExit as e:
        return 2 if e.code else 0
    corpus = load_paths(args.paths)
    for p in corpus.problems:
        if p.severity == "error":
            print(f"kzreader: {p.path}: {p.message}", file=sys.stderr)
    out = sys.stdout
    if hasattr(out, "reconfigure"):
        out.reconfigure(encoding="utf-8")
    if args.json:
        doc = {"interviews": [interview_json(iv) for iv in corpus.interviews],
               "problems": [{"path": p.path, "message": p.message} for p in corpus.problems
                            if p.severity == "error"]}
        json.dump(doc, out, ensure_ascii=False, indent=1)
        out.write("\n")
    else:
        for iv in corpus.interviews:
            _plain(iv, out)
    return 0
