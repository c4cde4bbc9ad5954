"""The code stays in small modules: none over 500 lines, MainWindow's under 300 (it only builds
and wires the window's parts; issue 20)."""
import ast
from pathlib import Path

import kzreader

PACKAGE = Path(kzreader.__file__).parent
ROOT = PACKAGE.parent
MAX_LINES = 500
MAX_MAIN_WINDOW_LINES = 300


def _lines(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines())


def test_no_module_is_over_500_lines():
    over = {p.relative_to(ROOT).as_posix(): _lines(p) for p in PACKAGE.rglob("*.py") if _lines(p) > MAX_LINES}
    assert not over, f"modules over {MAX_LINES} lines: {over}"


def test_the_main_window_module_is_under_300_lines():
    found = [p for p in PACKAGE.rglob("*.py")
             if any(isinstance(n, ast.ClassDef) and n.name == "MainWindow"
                    for n in ast.parse(p.read_text(encoding="utf-8")).body)]
    assert [p.relative_to(ROOT).as_posix() for p in found] == ["kzreader/gui/main_window.py"]
    assert _lines(found[0]) < MAX_MAIN_WINDOW_LINES, _lines(found[0])

