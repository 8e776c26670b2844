"""Readers (`stories`, the web app) while another process writes the same store: never locked."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from tests.helpers import run

from newsweave.jobs import analyze_store, ingest
from newsweave.store import open_store

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "pages"

# Another process: new pages batch by batch (as `ingest` does) and, every third batch, the
# analysis rewritten (as `analyze` does), for `seconds`; prints "ready" first, "commits N" last.
WRITER = textwrap.dedent(
    """
    import sys, time
    from newsweave.model import Page, content_id
    from newsweave.store import open_store

    db, seconds = sys.argv[1], float(sys.argv[2])
    with open_store(db) as store:
        articles, stories = store.articles(), store.stories()
        print("ready", flush=True)
        end, n, commits = time.monotonic() + seconds, 0, 0
        while time.monotonic() < end:
            pages = []
            for _ in range(200):
                n += 1
                text = f"Notice {n}: the ferry to Osk runs late on Monday, the operator said."
                pages.append(Page(content_id(text), f"notice{n}.txt", text))
            store.add_pages(pages)
            commits += 1
            if commits % 3 == 0:
                store.put_results(articles, stories)
                commits += 1
        print("commits", commits, flush=True)
    """
)


@pytest.fixture
def store_path(tmp_path: Path) -> str:
    path = tmp_path / "busy.db"
    with open_store(path) as store:
        ingest(store, [str(EXAMPLES)])
        analyze_store(store)
        assert store.count("stories") > 0
    return str(path)


def test_every_connection_uses_wal_and_a_busy_timeout(tmp_path: Path) -> None:
    with open_store(tmp_path / "new.db") as store:
        db = store._db  # the one connection the store opens
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000


def test_readers_are_never_locked_out_while_a_process_writes(store_path: str) -> None:
    pytest.importorskip("starlette")
    pytest.importorskip("jinja2")
    from starlette.testclient import TestClient

    from newsweave.web.app import create_app

    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, store_path, "4"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert writer.stdout is not None and writer.stdout.readline().strip() == "ready"
    client = TestClient(create_app(store_path), base_url="http://127.0.0.1")
    reads, failures = 0, []
    while writer.poll() is None:
        code, out, err = run("-q", "stories", "--db", store_path, "--json")
        if code != 0 or "locked" in err:
            failures.append(f"stories: exit {code}: {err.strip()}")
        else:
            rows = [json.loads(line) for line in out.splitlines() if line.strip()]
            assert rows, "a reader saw the stories table empty mid-rewrite"
        for path in ("/api/stories", "/", f"/api/stories/{rows[0]['id']}" if rows else "/"):
            response = client.get(path)
            if response.status_code != 200 or "locked" in response.text:
                failures.append(f"GET {path}: {response.status_code}")
        reads += 4
    out, err = writer.communicate(timeout=30)
    assert writer.returncode == 0, err
    commits = int(out.split()[-1])
    assert not failures, failures[:5]
    assert "locked" not in err
    assert commits >= 10 and reads >= 20, (commits, reads)
    print(f"{commits} commits, {reads} reads, none locked")
