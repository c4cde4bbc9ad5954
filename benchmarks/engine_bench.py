"""Search engines side by side: the hand-written index, SQLite FTS5, tantivy, and kzreader's
search on tantivy.

    python benchmarks/engine_bench.py [-n 10000] [--seed 1] [--repeat 5] [--engines old,fts5,tantivy,new]

On the generated corpus (``gen_corpus``, cached under /tmp like ``search_bench``), each engine
is built in a process of its own, from the same input, and asked the same fixed queries:

- ``old``: the hand-written index kzreader had before (``old_search.py``: postings in Python
  arrays), fed the per-file terms the loader has, as the window filled it; queries are full searches
  with snippets (``limit=200``), as the panel asks.  ``old/1-stem`` is the same index with
  one Snowball stem per query word, the behaviour before word forms came from pymorphy3;
  ``old/ids`` times only its best 200 unit ids (before phrase checks and snippets), as the
  other two are timed.
- ``fts5``: the standard library's SQLite FTS5 over pre-stemmed text (one row per unit, a
  column of stems in text order and one of folded words for prefixes), contentless (the
  text stays in the parse cache), ranked by FTS5's bm25.
- ``tantivy``: the tantivy package (Rust) over the same pre-stemmed text, whitespace
  tokenised, BM25.
- ``new``: :class:`kzreader.core.search.search.SearchIndex` as the window uses it now (tantivy in a
  folder, fed the loader's terms), full searches with snippets like ``old``.
For ``fts5`` and ``tantivy`` a query is the best 200 unit ids (snippets would cost what they
cost ``old``: reading the hit units' text, the same for every engine).

Printed per engine: build time, disk (the store a reopen reads: the snapshot state for
``old``), RSS of the process after the build and its growth during the build, query median
and p95, and recall: the share of the units that truly match (every form of every word,
phrases inside one paragraph, prefixes on words, exclusions), counted over all hits.
"""
from __future__ import annotations

import argparse
import json
import marshal
import os
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from search_bench import QUERIES, corpus_dir, pct, rss_mb  # noqa: E402

from kzreader.core.search import query as kquery  # noqa: E402
from kzreader.core.corpus.loading import LoadJob  # noqa: E402
from kzreader.core.model import Interview  # noqa: E402
from kzreader.core.search.query import PhraseTerm, WordTerm, parse_query  # noqa: E402
from kzreader.core.text import fold, stem_each, words  # noqa: E402

BREAK = "ǂ"  # a token between paragraphs, so phrases do not run across them
LIMIT = 200


# -- the shared input ------------------------------------------------------------------------

def _load(files: list[str], cache: Path) -> list:
    out = []
    LoadJob(files, cache_dir=str(cache)).run(out.extend)
    return out


def prepare(n: int, seed: int) -> Path:
    """Per unit ``(interview id, number, stems, words)`` in text order, in a marshal file."""
    d = corpus_dir(n, seed)
    data = d.parent / f"engine-units-{n}-seed{seed}.marshal"
    if data.exists():
        return data
    t = time.perf_counter()
    files = _files(d)
    units = []
    for loaded in _load(files, _cache(n, seed)):
        iv = loaded.item
        if not isinstance(iv, Interview):
            continue
        parts = [(0, iv.lead)] if iv.lead else []
        parts += [(ex.number, ex.question.paragraphs + ex.answer.paragraphs) for ex in iv.exchanges]
        for number, paras in parts:
            ss, ws = [], []
            for p in paras:
                w = words(fold(p.text))
                if ss:
                    ss.append(BREAK)
                ss.extend(stem_each(w))
                ws.extend(w)
            units.append((iv.id, number, " ".join(ss), " ".join(ws)))
        iv.unload()
    data.write_bytes(marshal.dumps(units))
    print(f"prepared {len(units)} units in {time.perf_counter() - t:.1f} s -> {data}")
    return data


def _files(d: Path) -> list[str]:
    return sorted(str(p.absolute()) for p in d.iterdir() if p.suffix in (".txt", ".md"))


def _cache(n: int, seed: int) -> Path:
    return Path("/tmp") / "kzreader-bench" / f"engine-cache-{n}-seed{seed}"


def reference(units: list, q: str) -> set[int]:
    """Units that match ``q`` by the search language's rules, found by reading every unit."""
    parsed = parse_query(q)
    tests = [(_test(t), True) for t in parsed.include] + [(_test(t), False) for t in parsed.exclude]
    return {uid for uid, (_iid, _num, ss, ws) in enumerate(units)
            if all(test(ss, ws) == want for test, want in tests)}


def _test(term):
    if isinstance(term, WordTerm):
        pat = re.compile(r"(?<!\S)(?:" + "|".join(map(re.escape, term.stems)) + r")(?!\S)")
    elif isinstance(term, PhraseTerm):
        pat = re.compile(r"(?<!\S)" + " ".join(
            "(?:" + "|".join(map(re.escape, a)) + ")" for a in term.alternatives) + r"(?!\S)")
    else:
        pat = re.compile(r"(?<!\S)" + re.escape(term.prefix))
        return lambda ss, ws: pat.search(ws) is not None
    return lambda ss, ws: pat.search(ss) is not None


# -- the engines (each runs in a child process) -----------------------------------------------

def run_kzreader(units, n: int, seed: int, repeat: int, engine: str) -> dict:
    """``new``: kzreader's SearchIndex (tantivy, in a folder as the window keeps it); ``old``
    and its variants: the hand-written index it replaced (``old_search``)."""
    import old_search
    from kzreader.core.corpus import snapshot
    from kzreader.core.search.search import SearchIndex

    loaded = [x for x in _load(_files(corpus_dir(n, seed)), _cache(n, seed))
              if isinstance(x.item, Interview)]
    folder = Path("/tmp") / "kzreader-bench" / f"engine-{os.getpid()}.index"
    shutil.rmtree(folder, ignore_errors=True)
    if engine == "new":
        index = SearchIndex()
        index.use_dir(folder)
        pairs = [(x.item, x.terms) for x in loaded]
    else:
        index = old_search.SearchIndex()
        pairs = [(x.item, old_search.old_terms(x.terms)) for x in loaded]
    if engine == "old/1-stem":
        kquery.form_stems = lambda word: frozenset()
    uid_of = {(iid, num): k for k, (iid, num, _s, _w) in enumerate(units)}
    rss0 = rss_mb()
    t = time.perf_counter()
    for iv, terms in pairs:
        index.add_interview(iv, terms)
    state = index.state()  # the window's load ends so: the new index commits here
    build = time.perf_counter() - t
    rss1 = rss_mb()
    disk = len(marshal.dumps(state, snapshot._MARSHAL_VERSION))
    if engine == "new":
        disk += index.stats()["disk_bytes"]

    def top(q):
        if engine == "old/ids":  # the best 200 unit ids, as the other engines are asked
            with index._lock:
                return old_search._top(index._candidates(parse_query(q), None), LIMIT)
        return index.search(q, limit=LIMIT)

    def every(q):
        return {uid_of[(h.interview_id, h.exchange_number)] for h in index.search(q, limit=10**9)}

    out = _measure(top, every, repeat) | {"build": build, "disk": disk, "rss": rss1, "grew": rss1 - rss0}
    shutil.rmtree(folder, ignore_errors=True)
    return out


def _fts5_match(q: str) -> str | None:
    parsed = parse_query(q)
    if parsed.is_empty:
        return None

    def expr(term) -> str:
        if isinstance(term, WordTerm):
            return "stems : (" + " OR ".join(f'"{s}"' for s in sorted(term.stems)) + ")"
        if isinstance(term, PhraseTerm):
            return "stems : (" + " OR ".join(f'"{" ".join(c)}"' for c in _combos(term)) + ")"
        return f'words : "{term.prefix}" *'

    out = "(" + " AND ".join(map(expr, parsed.include)) + ")"
    for term in parsed.exclude:
        out += f" NOT ({expr(term)})"
    return out


def _combos(term: PhraseTerm) -> list[tuple[str, ...]]:
    combos: list[tuple[str, ...]] = [()]
    for alts in term.alternatives:
        combos = [c + (s,) for c in combos for s in sorted(alts)]
    return combos


def run_fts5(units, repeat: int) -> dict:
    path = Path("/tmp") / "kzreader-bench" / f"engine-{os.getpid()}.sqlite"
    path.unlink(missing_ok=True)
    rss0 = rss_mb()
    t = time.perf_counter()
    db = sqlite3.connect(path)
    db.execute("pragma journal_mode=off")
    db.execute("create virtual table u using fts5(stems, words, "
               "tokenize='unicode61 remove_diacritics 0', content='')")  # text lives in the cache
    with db:
        db.executemany("insert into u(rowid, stems, words) values (?, ?, ?)",
                       ((k, ss, ws) for k, (_i, _n, ss, ws) in enumerate(units)))
        db.execute("insert into u(u) values ('optimize')")
    build = time.perf_counter() - t
    rss1 = rss_mb()
    disk = path.stat().st_size

    def top(q):
        m = _fts5_match(q)
        return db.execute("select rowid from u where u match ? order by bm25(u, 1.0, 0.0) limit ?",
                          (m, LIMIT)).fetchall() if m else []

    def every(q):
        m = _fts5_match(q)
        return {r for (r,) in db.execute("select rowid from u where u match ?", (m,))} if m else set()

    out = _measure(top, every, repeat) | {"build": build, "disk": disk, "rss": rss1, "grew": rss1 - rss0}
    db.close()
    path.unlink()
    return out


def run_tantivy(units, repeat: int) -> dict:
    import tantivy

    path = Path("/tmp") / "kzreader-bench" / f"engine-{os.getpid()}.tantivy"
    shutil.rmtree(path, ignore_errors=True)
    path.mkdir(parents=True)
    rss0 = rss_mb()
    t = time.perf_counter()
    sb = tantivy.SchemaBuilder()
    sb.add_unsigned_field("uid", stored=True, fast=True)
    sb.add_text_field("stems", tokenizer_name="whitespace")
    sb.add_text_field("words", tokenizer_name="whitespace", index_option="basic")
    schema = sb.build()
    index = tantivy.Index(schema, str(path))
    writer = index.writer(heap_size=128_000_000)
    for k, (_i, _n, ss, ws) in enumerate(units):
        doc = tantivy.Document(stems=ss, words=ws)
        doc.add_unsigned("uid", k)
        writer.add_document(doc)
    writer.commit()
    writer.wait_merging_threads()
    index.reload()
    searcher = index.searcher()
    build = time.perf_counter() - t
    rss1 = rss_mb()
    disk = sum(f.stat().st_size for f in path.rglob("*") if f.is_file())
    Occur, Q = tantivy.Occur, tantivy.Query

    def query(q: str):
        parsed = parse_query(q)
        if parsed.is_empty:
            return None

        def one(term):
            if isinstance(term, WordTerm):
                return Q.boolean_query([(Occur.Should, Q.term_query(schema, "stems", s))
                                        for s in sorted(term.stems)])
            if isinstance(term, PhraseTerm):
                return Q.boolean_query([(Occur.Should, Q.phrase_query(schema, "stems", list(c)))
                                        for c in _combos(term)])
            return Q.regex_query(schema, "words", re.escape(term.prefix) + ".*")

        return Q.boolean_query([(Occur.Must, one(t)) for t in parsed.include]
                               + [(Occur.MustNot, one(t)) for t in parsed.exclude])

    def ids(q, limit):
        qq = query(q)
        if qq is None:
            return []
        res = searcher.search(qq, limit)
        return [searcher.doc(addr)["uid"][0] for _score, addr in res.hits]

    def top(q):
        return ids(q, LIMIT)

    def every(q):
        qq = query(q)
        return set(ids(q, len(units))) if qq is not None else set()

    out = _measure(top, every, repeat) | {"build": build, "disk": disk, "rss": rss1, "grew": rss1 - rss0}
    shutil.rmtree(path, ignore_errors=True)
    return out


def _measure(top, every, repeat: int) -> dict:
    for q in QUERIES:  # warm-up
        top(q)
    per: dict[str, list[float]] = {q: [] for q in QUERIES}
    for _ in range(repeat):
        for q in QUERIES:
            t = time.perf_counter()
            top(q)
            per[q].append((time.perf_counter() - t) * 1000)
    return {"ms": per, "found": {q: sorted(every(q)) for q in QUERIES}}


def child(engine: str, data: Path, n: int, seed: int, repeat: int, out: Path) -> None:
    units = marshal.loads(data.read_bytes())
    if engine.startswith(("old", "new")):
        r = run_kzreader(units, n, seed, repeat, engine)
    elif engine == "fts5":
        r = run_fts5(units, repeat)
    else:
        r = run_tantivy(units, repeat)
    out.write_bytes(marshal.dumps(json.dumps(r)))


# -- the table --------------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="search engines side by side")
    ap.add_argument("-n", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--repeat", type=int, default=5, help="timed runs of each query")
    ap.add_argument("--engines", default="old,old/1-stem,old/ids,fts5,tantivy,new")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--out", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    data = prepare(args.n, args.seed)
    if args.child:
        child(args.child, data, args.n, args.seed, args.repeat, Path(args.out))
        return 0

    units = marshal.loads(data.read_bytes())
    ref = {q: reference(units, q) for q in QUERIES}
    print(f"{len(units)} units; sqlite {sqlite3.sqlite_version}")
    rows = {}
    for engine in args.engines.split(","):
        out = data.parent / f"engine-result-{os.getpid()}.marshal"
        subprocess.run([sys.executable, __file__, "-n", str(args.n), "--seed", str(args.seed),
                        "--repeat", str(args.repeat), "--child", engine, "--out", str(out)], check=True)
        rows[engine] = json.loads(marshal.loads(out.read_bytes()))
        out.unlink()

    print(f"\n{'engine':12s} {'build s':>8s} {'disk MB':>8s} {'RSS MB':>7s} {'grew MB':>8s} "
          f"{'median ms':>9s} {'p95 ms':>7s} {'recall':>7s} {'precision':>9s}")
    for engine, r in rows.items():
        ms = [v for vs in r["ms"].values() for v in vs]
        found = sum(len(ref[q] & set(r["found"][q])) for q in QUERIES)
        got = sum(len(r["found"][q]) for q in QUERIES)
        total = sum(len(ref[q]) for q in QUERIES)
        print(f"{engine:12s} {r['build']:8.1f} {r['disk'] / 1e6:8.1f} {r['rss']:7.0f} {r['grew']:8.0f} "
              f"{statistics.median(ms):9.1f} {pct(ms, 95):7.1f} {found / total:7.2%} "
              f"{found / got if got else 1:9.2%}")
    print(f"\n{'query':38s} " + " ".join(f"{e:>16s}" for e in rows) + f" {'true units':>10s}")
    for q in QUERIES:
        cells = [f"{statistics.median(r['ms'][q]):7.1f}ms {len(set(r['found'][q]) & ref[q]) / max(1, len(ref[q])):6.1%}"
                 for r in rows.values()]
        print(f"{q:38s} " + " ".join(f"{c:>16s}" for c in cells) + f" {len(ref[q]):10d}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
