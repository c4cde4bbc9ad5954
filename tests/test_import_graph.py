"""No import cycles in the package, and the format table is the one place formats are named."""
import ast
from pathlib import Path

import kzreader
from kzreader.core.sources import formats, sources
from kzreader.core.sources.formats import FORMATS, Format
from kzreader.core.sources.formats.derived import Derived

PACKAGE = Path(kzreader.__file__).parent


def _modules() -> dict[str, tuple[Path, bool]]:
    mods = {}
    for p in PACKAGE.rglob("*.py"):
        parts = ["kzreader", *p.relative_to(PACKAGE).with_suffix("").parts]
        is_pkg = parts[-1] == "__init__"
        mods[".".join(parts[:-1] if is_pkg else parts)] = (p, is_pkg)
    return mods


def _targets(mod: str, is_pkg: bool, node: ast.AST, mods) -> list[str]:
    if isinstance(node, ast.Import):
        return [a.name for a in node.names]
    if node.level:
        base = mod.split(".") if is_pkg else mod.split(".")[:-1]
        base = base[:len(base) - (node.level - 1)]
        prefix = ".".join(base + ([node.module] if node.module else []))
    else:
        prefix = node.module
    return [prefix] + [f"{prefix}.{a.name}" for a in node.names if f"{prefix}.{a.name}" in mods]


def import_graph() -> dict[str, set[str]]:
    """Module → the package modules it imports, at module level or inside a function (a
    deferred import is still a dependency); importing a.b.c runs a and a.b too."""
    mods = _modules()
    graph = {}
    for mod, (path, is_pkg) in mods.items():
        deps = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                for target in _targets(mod, is_pkg, node, mods):
                    parts = target.split(".")
                    for i in range(1, len(parts) + 1):
                        name = ".".join(parts[:i])
                        # a module importing its own package runs nothing new
                        if name in mods and name != mod and not mod.startswith(name + "."):
                            deps.add(name)
        graph[mod] = deps
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle as a path a → … → a, or None."""
    state: dict[str, int] = {}  # 1 on the current path, 2 done
    path: list[str] = []

    def visit(v):
        state[v] = 1
        path.append(v)
        for w in sorted(graph[v]):
            if state.get(w) == 1:
                return path[path.index(w):] + [w]
            if w not in state:
                found = visit(w)
                if found:
                    return found
        path.pop()
        state[v] = 2
        return None

    for v in sorted(graph):
        if v not in state:
            found = visit(v)
            if found:
                return found
    return None


def test_the_graph_sees_the_edges_that_made_the_old_cycle():
    graph = import_graph()
    assert "kzreader.core.sources.formats" in graph["kzreader.core.sources.sources"]
    # a function-local import counts, and reaches the package's __init__
    assert {"kzreader.core.parsing", "kzreader.core.parsing.metadata"} <= graph["kzreader.core.sources.formats.html_metadata"]


def test_find_cycle_finds_one():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set(), "c": {"a", "b"}}) is None


def test_no_import_cycle_in_the_package():
    cycle = find_cycle(import_graph())
    assert cycle is None, " → ".join(cycle)


def test_docx_takes_shared_helpers_from_derived_not_from_html():
    assert "kzreader.core.sources.formats.html" not in import_graph()["kzreader.core.sources.formats.docx"]


def test_the_format_table_is_what_the_finder_and_the_reader_use(tmp_path, monkeypatch):
    assert sources.SUPPORTED_SUFFIXES == formats.SUPPORTED_SUFFIXES == tuple(FORMATS)
    for suffix in (".txt", ".md", ".markdown", ".html", ".htm", ".docx"):
        assert suffix in FORMATS
    # a new entry is all the reader needs: no other place names formats
    seen = []

    def shout(data: bytes) -> Derived:
        seen.append(data)
        return Derived(data.decode("ascii").upper(), "ascii", {"title": "Loud"})

    monkeypatch.setitem(FORMATS, ".loud", Format("loud", shout))
    f = tmp_path / "x.LOUD"
    f.write_bytes(b"hello there\n")
    src = sources.read_source(f)
    assert (src.format, src.text, src.encoding, src.metadata) == ("loud", "HELLO THERE\n", "ascii", {"title": "Loud"})
    assert seen == [b"hello there\n"]
    found = list(sources.iter_source_files([tmp_path], suffixes=tuple(FORMATS)))
    assert found == [str(f.resolve())]


def test_an_unknown_suffix_reads_as_plain_text(tmp_path):
    f = tmp_path / "notes.log"
    f.write_bytes("Привет\r\nмир\r\n".encode("cp1251"))
    src = sources.read_source(f)
    assert (src.format, src.text) == ("txt", "Привет\nмир\n")
