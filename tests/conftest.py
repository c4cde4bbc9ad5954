import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO.parent / "shared" / "seeds"
CORPUS = REPO.parent / "shared" / "corpus"
DATA = Path(__file__).resolve().parent / "data"


def _shared(path: Path, what: str) -> Path:
    """A folder of real interviews beside the checkout (the project's shared/ folder); CI
    (KZREADER_REQUIRE_SEEDS=1) fails instead of skipping when it is missing."""
    if not path.is_dir():
        msg = f"{what} not found at {path} (they live in the project's shared/ folder)"
        if os.environ.get("KZREADER_REQUIRE_SEEDS") == "1":
            pytest.fail(msg)
        pytest.skip(msg)
    return path


@pytest.fixture
def seeds_dir() -> Path:
    return _shared(SEEDS, "seed interviews")


@pytest.fixture
def corpus_dir() -> Path:
    """The annotated corpus of real interviews (shared/corpus), required like the seeds."""
    return _shared(CORPUS, "seed corpus of real interviews")


def run_checker(folder: Path, tmp_path: Path) -> tuple[dict, str]:
    """``kzreader parse --json FOLDER`` as a user runs it, then the project's checker on the
    output: (the parsed JSON, the checker's verbose report)."""
    import json
    import subprocess
    import sys

    out = tmp_path / "out.json"
    r = subprocess.run([sys.executable, "-m", "kzreader", "parse", "--json", str(folder)],
                       cwd=REPO, capture_output=True)
    assert r.returncode == 0, r.stderr.decode()
    out.write_bytes(r.stdout)
    chk = folder.parent / "tools" / "check_parse.py"
    c = subprocess.run([sys.executable, str(chk), str(out), str(folder), "--verbose"],
                       capture_output=True, text=True)
    return json.loads(out.read_text(encoding="utf-8")), c.stdout


@pytest.fixture(autouse=True, scope="session")
def _release_clipboard_before_exit():
    """Qt's offscreen clipboard still owning QMimeData when the interpreter exits segfaults
    after all tests passed; hand the data back while Qt is alive."""
    yield
    import sys

    if "PySide6.QtWidgets" in sys.modules:
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance()
        if app is not None:
            app.clipboard().clear()
            app.processEvents()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """Under KZREADER_REQUIRE_SEEDS=1 any skip for missing seed interviews is a failure, also
    for tests that check for the seeds themselves instead of using the fixture."""
    outcome = yield
    report = outcome.get_result()
    if report.skipped and os.environ.get("KZREADER_REQUIRE_SEEDS") == "1":
        reason = str(report.longrepr[-1]) if isinstance(report.longrepr, tuple) else str(report.longrepr)
        if "seed" in reason.lower():
            report.outcome = "failed"
            report.longrepr = f"seed interviews are required in CI: {reason}"


@pytest.fixture
def window_in(qapp, qtbot, tmp_path, monkeypatch):
    """``window_in("ru")``: a main window built the way app.main builds it, language from the
    settings and translators installed first (removed again after the test)."""
    from PySide6.QtCore import QSettings

    from kzreader.gui import i18n
    from kzreader.gui.main_window import MainWindow

    monkeypatch.delenv(i18n.LANGUAGE_ENV, raising=False)
    installed = []

    def make(language: str) -> MainWindow:
        settings = QSettings(str(tmp_path / "settings" / "kzreader.ini"), QSettings.Format.IniFormat)
        settings.setValue(i18n.KEY_LANGUAGE, language)
        installed.extend(i18n.install_translators(qapp, i18n.requested_language(settings)))
        w = MainWindow(settings, str(tmp_path / "data"), str(tmp_path / "cache"))
        qtbot.addWidget(w)
        return w

    yield make
    i18n.remove_translators(qapp, installed)
