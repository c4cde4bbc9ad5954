import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO.parent / "shared" / "seeds"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture
def seeds_dir() -> Path:
    """The real seed interviews beside the checkout; CI (KZREADER_REQUIRE_SEEDS=1) fails
    instead of skipping when they are missing."""
    if not SEEDS.is_dir():
        msg = f"seed interviews not found at {SEEDS} (they live in the project's shared/ folder)"
        if os.environ.get("KZREADER_REQUIRE_SEEDS") == "1":
            pytest.fail(msg)
        pytest.skip(msg)
    return SEEDS


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
