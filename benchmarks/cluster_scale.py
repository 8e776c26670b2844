"""Scale benchmark: stream synthetic articles through StreamClusterer, report throughput.

    python benchmarks/cluster_scale.py                        # 10k, 50k, 100k checkpoints
    python benchmarks/cluster_scale.py --checkpoints 2000 10000 --json

Articles come from benchmarks/synthetic.py (deterministic, seed 0) in publication
order. At each cumulative checkpoint it prints the overall articles/s, the articles/s
since the previous checkpoint (flat means the cost per article does not grow with
the store), the number of clusters and the peak resident memory of the process
(ru_maxrss: clusterer, generator and interpreter together). Generation time is
excluded from the rates.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

try:
    import newsweave  # noqa: F401
except ImportError:  # running from a checkout without `pip install -e .`
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.synthetic import SyntheticConfig, generate

from newsweave.cluster import ClusterConfig, StreamClusterer


def run(checkpoints: list[int], seed: int = 0) -> list[dict]:
    """Rows of figures at each cumulative checkpoint."""
    clusterer = StreamClusterer(ClusterConfig())
    rows: list[dict] = []
    busy = 0.0
    last_busy, last_n = 0.0, 0
    marks = sorted(checkpoints)
    for n, article in enumerate(generate(marks[-1], SyntheticConfig(seed=seed)), start=1):
        began = time.perf_counter()
        clusterer.add(article)
        busy += time.perf_counter() - began
        if n in marks:
            rows.append(
                {
                    "articles": n,
                    "articles_per_s": round(n / busy, 1),
                    "interval_articles_per_s": round((n - last_n) / (busy - last_busy), 1),
                    "clusters": len(clusterer.clusters),
                    "peak_rss_mib": round(_peak_rss_mib(), 1),
                }
            )
            last_busy, last_n = busy, n
            print(json.dumps(rows[-1]), file=sys.stderr, flush=True)
    began = time.perf_counter()
    stories = len(clusterer.linked())
    rows[-1]["link_seconds"] = round(time.perf_counter() - began, 2)
    rows[-1]["stories"] = stories
    return rows


def _peak_rss_mib() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 / 1024 if sys.platform == "darwin" else peak / 1024


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print a Markdown table (or JSON)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--checkpoints", type=int, nargs="+", default=[10_000, 50_000, 100_000])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = parser.parse_args(argv)
    rows = run(args.checkpoints, args.seed)
    if args.json:
        print(json.dumps(rows, indent=2))
        return 0
    print(
        "| articles | articles/s (cumulative) | articles/s (since previous) | clusters | peak RSS MiB |"
    )
    print("| --- | --- | --- | --- | --- |")
    for r in rows:
        print(
            f"| {r['articles']:,} | {r['articles_per_s']:.0f} | {r['interval_articles_per_s']:.0f} "
            f"| {r['clusters']:,} | {r['peak_rss_mib']:.0f} |"
        )
    print(
        f"\nlinked() over all clusters: {rows[-1]['link_seconds']} s, {rows[-1]['stories']} stories"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
