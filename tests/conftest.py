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
