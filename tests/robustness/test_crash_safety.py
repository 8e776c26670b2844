"""Crash safety: an ingest killed with SIGKILL at random points loses no committed batch."""

from __future__ import annotations

import json
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

PAGES = 60_000
BATCH = 200  # the store's default batch size
TRIALS = 20


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("corpus") / "notices.jsonl"
    with path.open("w") as out:
        for n in range(PAGES):
            text = (
                f"The council of Tidewater met on Monday and agreed item {n} of its agenda "
                "after a short debate about harbour repairs and ferry timetables."
            )
            out.write(json.dumps({"title": f"Council notice {n}", "text": text}) + "\n")
    return path


def ingest(db: Path, corpus: Path) -> subprocess.Popen[bytes]:
    code = "from newsweave.cli import main; main()"
    return subprocess.Popen(
        [sys.executable, "-c", code, "-q", "ingest", "--db", str(db), str(corpus)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def test_sigkill_at_random_points_loses_nothing_committed(corpus: Path, tmp_path: Path) -> None:
    rng = random.Random(20261122)
    interrupted = 0
    for trial in range(TRIALS):
        db = tmp_path / f"trial{trial}.db"
        process = ingest(db, corpus)
        time.sleep(rng.uniform(0.3, 1.3))
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
            interrupted += 1
        process.wait()
        if db.exists():
            connection = sqlite3.connect(db)
            assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            (version,) = connection.execute("PRAGMA user_version").fetchone()
            if version == 0:  # killed before the schema's first transaction committed
                count = distinct = 0
            else:
                (count,) = connection.execute("SELECT COUNT(*) FROM pages").fetchone()
                (distinct,) = connection.execute("SELECT COUNT(DISTINCT id) FROM pages").fetchone()
            connection.close()
            assert count == distinct
            assert count % BATCH == 0 or count == PAGES, f"a partial batch was committed: {count}"
        assert ingest(db, corpus).wait() == 0
        connection = sqlite3.connect(db)
        assert connection.execute("SELECT COUNT(*) FROM pages").fetchone()[0] == PAGES
        connection.close()
    assert interrupted >= TRIALS // 2, "too few trials were killed mid-run to mean anything"
