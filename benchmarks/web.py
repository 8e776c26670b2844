"""Time the web UI's story page on the seed pages (the goal: under 300 ms server time).

    python benchmarks/web.py                  # median and p90 over 20 requests
    python benchmarks/web.py --requests 50    # more requests
    python benchmarks/web.py --data DIR       # another folder of pages

Ingests ../shared/seeds into a temporary store, analyses it, then times GET /stories/ID
of the largest story through Starlette's in-process test client (no network, so the
figure is server time: routing, a fresh store connection, the view and the template).
The first request (template compilation) is timed apart as the cold figure.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

try:
    import newsweave  # noqa: F401
except ImportError:  # running from a checkout without `pip install -e .`
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from newsweave.jobs import analyze_store, ingest
from newsweave.store import open_store

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "seeds"
BUDGET_MS = 300.0


def main() -> int:
    """Run the benchmark and print the figures; exit 1 if the median is over budget."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--requests", type=int, default=20)
    args = parser.parse_args()
    from starlette.testclient import TestClient

    from newsweave.web.app import create_app

    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "bench.db")
        with open_store(db) as store:
            ingest(store, [str(args.data)])
            analyze_store(store)
            story = store.stories()[0]
        client = TestClient(create_app(db), base_url="http://127.0.0.1")
        path = f"/stories/{story.id}"
        cold = _time(client, path)
        times = sorted(_time(client, path) for _ in range(args.requests))
    median = statistics.median(times)
    p90 = times[min(len(times) - 1, int(0.9 * len(times)))]
    print(f"story page {path} ({len(story.articles)} articles, {args.data}):")
    print(f"  cold {cold:.1f} ms; median {median:.1f} ms, p90 {p90:.1f} ms, "
          f"max {times[-1]:.1f} ms over {len(times)} requests (budget {BUDGET_MS:.0f} ms)")  # fmt: skip
    return 0 if median < BUDGET_MS else 1


def _time(client: object, path: str) -> float:
    start = time.perf_counter()
    response = client.get(path)  # type: ignore[attr-defined]
    elapsed = (time.perf_counter() - start) * 1000
    response.raise_for_status()
    return elapsed


if __name__ == "__main__":
    sys.exit(main())
