"""Processor time per loading stage (core/corpus/stage_times.py), a benchmark aid."""
from __future__ import annotations

import json
import os
import time

from kzreader.core.corpus import stage_times


def _spin(seconds: float) -> None:
    end = time.thread_time() + seconds
    while time.thread_time() < end:
        pass


def test_off_unless_asked_for(tmp_path, monkeypatch):
    monkeypatch.delenv(stage_times.ENV, raising=False)
    stage_times.reset()
    with stage_times.stage("parse"):
        _spin(0.01)
    stage_times.flush()
    assert stage_times.totals() == {}


def test_stages_add_up_per_process_and_are_written_for_the_benchmark(tmp_path, monkeypatch):
    monkeypatch.setenv(stage_times.ENV, str(tmp_path))
    stage_times.reset()
    for _ in range(2):
        with stage_times.stage("parse"):
            _spin(0.02)
    with stage_times.stage("cache write"):
        time.sleep(0.05)  # waiting costs wall time, not processor time
    stage_times.flush()
    written = json.loads((tmp_path / f"{os.getpid()}.json").read_text())
    assert written == stage_times.totals()
    assert 0.04 <= written["parse"] < 1.0
    assert written["cache write"] < 0.04 <= written["cache write" + stage_times.WALL]
    stage_times.reset()


def test_a_throttled_flush_still_writes_everything_when_the_process_ends(tmp_path):
    """Parse workers flush after each chunk at most once a second: what the skipped flushes
    held is written when the process ends."""
    import subprocess
    import sys

    script = (
        "import time\n"
        "from kzreader.core.corpus import stage_times\n"
        "for _ in range(3):\n"
        "    with stage_times.stage('parse'):\n"
        "        end = time.thread_time() + 0.02\n"
        "        while time.thread_time() < end:\n"
        "            pass\n"
        "    stage_times.flush(every=60)\n"
        "import json, os\n"
        "print(os.getpid(), json.dumps(stage_times.totals()))\n"
    )
    env = dict(os.environ, **{stage_times.ENV: str(tmp_path)})
    out = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True,
                         check=True).stdout.split(" ", 1)
    pid, totals = out[0], json.loads(out[1])
    assert totals["parse"] >= 0.06  # three stages of 0.02 s
    # the first flush wrote one stage's time; the file now holds all three
    assert json.loads((tmp_path / f"{pid}.json").read_text()) == totals
