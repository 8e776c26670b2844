"""Load-test `newsweave serve` on a 10,000-article store: latency percentiles and errors.

    python benchmarks/web_load.py                        # build (or reuse) the store, then load
    python benchmarks/web_load.py --workers 1            # one server process (default 2)
    python benchmarks/web_load.py --articles 2000 --base 500 --db /tmp/nw-load.db

The store: `--base` synthetic articles of invented outlets (`synthetic.py`, seed 0), dressed
as text pages with navigation, share and copyright lines for the cleaner to remove, go
through the product path (`newsweave ingest`, then `newsweave analyze --entities lexical`);
the store is then grown to `--articles` with renamed copies of that analysis (every page,
article and story id replaced by a hash of the copy number and the old id), written through
the store's own API so the story index is built as an analysis builds it. A full analysis
of 10,000 articles takes over an hour on a shared 2-core machine; the copies keep the
records real while the build takes minutes. An existing store at `--db` with the asked
number of articles is reused.

The load: `newsweave serve` on 127.0.0.1 (a free port), `--requests` GET requests,
`--concurrency` at a time, from one asyncio client, over a fixed mix (story list pages with
sorts, filters and searches; story pages; article pages; their JSON twins); then p50 / p90 /
p99 / max latency, the server's CPU per request and every error. Requests go to 127.0.0.1
only; each has a 30 s timeout and the whole load a deadline (`--deadline`). Exit status 1
when p99 is 1 s or more, or any request failed.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import json
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from http.client import HTTPConnection
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from newsweave.model import Article, Page, Story, from_dict, to_dict  # noqa: E402
from newsweave.store import open_store  # noqa: E402
from synthetic import OUTLETS, SyntheticConfig, generate  # noqa: E402

HOST = "127.0.0.1"  # the only address this script sends requests to
TIMEOUT = 30.0  # seconds per request
MIX = (  # (share of requests, kind of page)
    (0.15, "list"),
    (0.10, "list-filtered"),
    (0.25, "story"),
    (0.25, "article"),
    (0.25, "api"),
)


def main() -> int:
    """Build or reuse the store, serve it, load it, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument(
        "--base", type=int, default=1_000, help="articles analysed; copies fill the rest"
    )
    parser.add_argument("--entities", default="lexical", help="entity backend of the analysis")
    parser.add_argument("--db", type=Path, default=None, help="store to build or reuse")
    parser.add_argument("--requests", type=int, default=500)
    parser.add_argument("--concurrency", type=int, default=50)
    parser.add_argument("--deadline", type=float, default=300.0, help="seconds for all requests")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--workers", type=int, default=2, help="`newsweave serve --workers`")
    args = parser.parse_args()
    db = args.db or Path(tempfile.gettempdir()) / f"newsweave-web-load-{args.articles}.db"
    build_store(db, args.articles, args.base, args.entities)
    paths = request_mix(db, args.requests, random.Random(args.seed))
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")]),
    }
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-c", "from newsweave.cli import main; main()", "-q", "serve",
         "--db", str(db), "--host", HOST, "--port", str(port), "--workers", str(args.workers)],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    try:
        _wait_until_up(port, server)
        _get(port, "/")  # warm the templates
        cpu = _cpu_seconds(server.pid)
        times, errors, wall = load(port, paths, args.concurrency, args.deadline)
        cpu = _cpu_seconds(server.pid) - cpu
    finally:
        server.terminate()
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()
    return report(db, args, times, errors, wall, cpu)


def build_store(db: Path, n: int, base: int, entities: str) -> None:
    """Analyse `base` synthetic articles into `db` with the CLI, then grow the store to `n`
    articles with renamed copies of that analysis; an existing store with `n` is reused."""
    if db.exists():
        try:
            with open_store(db, readonly=True) as store:
                if store.count("articles") >= n * 0.9 and store.count("stories"):
                    print(f"reusing {db}: {store.count('articles'):,} articles, "
                          f"{store.count('stories'):,} stories", file=sys.stderr)  # fmt: skip
                    return
        except Exception as exc:  # an old or partial store: build it again
            print(f"rebuilding {db}: {exc}", file=sys.stderr)
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
    began = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        pages = Path(tmp) / "pages.jsonl"
        _write_pages(pages, min(n, base))
        for command in (["ingest", str(pages)], ["analyze", "--entities", entities]):
            subprocess.run(
                [sys.executable, "-c", "from newsweave.cli import main; main()", "-q", *command,
                 "--db", str(db)],
                check=True,
            )  # fmt: skip
    copies = -(-n // base) if n > base else 1
    if copies > 1:
        _replicate(db, copies)
    print(f"built {db} in {time.perf_counter() - began:.0f} s", file=sys.stderr)


def _write_pages(path: Path, n: int) -> None:
    """`n` synthetic articles of invented outlets as JSON Lines text pages with boilerplate."""
    with path.open("w", encoding="utf-8") as out:
        for i, article in enumerate(generate(n, SyntheticConfig(seed=0))):
            outlet = OUTLETS[i % len(OUTLETS)]
            slug = outlet.lower().replace(" ", "-")
            text = (
                "Home | World | Business | Sport | Opinion\n\n"
                f"{article.title}\n\nBy a staff reporter\n\n{article.text}\n\n"
                "Share this article | Email | Print\n\n"
                f"Copyright {outlet}. All rights reserved. Privacy | Cookie settings\n"
            )
            record = {"url": f"https://{slug}.example/{article.id}", "title": article.title,
                      "published": article.published, "outlet": outlet, "text": text}  # fmt: skip
            out.write(json.dumps(record) + "\n")


def _replicate(db: Path, copies: int) -> None:
    """Add `copies - 1` renamed copies of every page, article, story and explanation.

    Each copy renames every page, article and story id (a hash of the copy number and the
    old id, in the same format) everywhere it occurs, and stores the records through the
    store's own API, so the story index is built as an analysis builds it.
    """
    with open_store(db) as store:
        pages = list(store.pages())
        articles = [to_dict(a) for a in store.articles()]
        stories = [to_dict(s) for s in store.stories()]
        explained = {a["id"]: store.explanation(a["id"]) for a in articles}
        ids = [p.id for p in pages] + [s["id"] for s in stories]
        pattern = re.compile("|".join(sorted(map(re.escape, ids), key=len, reverse=True)))
        all_articles = [from_dict(Article, a) for a in articles]
        all_stories = [from_dict(Story, s) for s in stories]
        explanations = []
        for copy in range(1, copies):
            renamed = {i: hashlib.sha1(f"{copy}:{i}".encode()).hexdigest()[: len(i)] for i in ids}
            renamed.update({i: "s" + renamed[i][1:] for i in ids if i.startswith("s")})

            def swap(text: str, renamed: dict[str, str] = renamed) -> str:
                return pattern.sub(lambda m: renamed[m.group(0)], text)

            store.add_pages(
                Page(**{**to_dict(p), "id": renamed[p.id], "url": swap(p.url or "") or None})
                for p in pages
            )
            all_articles += [from_dict(Article, json.loads(swap(json.dumps(a)))) for a in articles]
            all_stories += [from_dict(Story, json.loads(swap(json.dumps(s)))) for s in stories]
            explanations += [(renamed[a], lines) for a, lines in explained.items() if lines]
        store.put_results(all_articles, all_stories)
        store.put_explanations(
            [(a, lines) for a, lines in explained.items() if lines] + explanations
        )


def request_mix(db: Path, n: int, rng: random.Random) -> list[str]:
    """`n` request paths in the MIX shares, drawn from the store's own stories and articles."""
    with open_store(db, readonly=True) as store:
        rows, total = store.story_rows()
        outlets = store.outlets()
        story_ids = [r["id"] for r in rows]
        members = {sid: store.story_members(sid) for sid in rng.sample(story_ids, min(200, total))}
        article_ids = [a for ids in members.values() for a in ids]
        words = [w for r in rng.sample(rows, min(50, total)) for w in r["title"].split()[:2]]
        months = sorted({r["first"][:7] for r in rows if r["first"]})
    pages = max(1, -(-total // 50))
    paths = []
    kinds = [kind for share, kind in MIX for _ in range(round(share * n))]
    kinds = (kinds + ["api"] * n)[:n]
    rng.shuffle(kinds)
    for kind in kinds:
        if kind == "list":
            page = rng.choice([1, 1, 2, rng.randint(1, pages)])
            paths.append(f"/?sort={rng.choice(['size', 'recent'])}&page={page}")
        elif kind == "list-filtered":
            params = rng.choice([
                {"q": rng.choice(words)},
                {"outlet": rng.choice(outlets)},
                {"from": rng.choice(months), "to": rng.choice(months)},
                {"q": rng.choice(words), "outlet": rng.choice(outlets), "sort": "recent"},
            ])  # fmt: skip
            paths.append("/?" + urllib.parse.urlencode(params))
        elif kind == "story":
            paths.append(f"/stories/{rng.choice(story_ids)}")
        elif kind == "article":
            paths.append(f"/articles/{rng.choice(article_ids)}")
        else:
            paths.append(rng.choice([
                f"/api/stories?page={rng.randint(1, pages)}",
                f"/api/stories/{rng.choice(story_ids)}",
                f"/api/articles/{rng.choice(article_ids)}",
            ]))  # fmt: skip
    return paths


def load(
    port: int, paths: list[str], concurrency: int, deadline: float
) -> tuple[list[tuple[str, float]], list[str], float]:
    """GET every path, `concurrency` at a time; (path, seconds) per success, errors, wall.

    One asyncio loop in one thread drives every connection, so the client adds little CPU
    and no thread scheduling of its own to the latencies it measures.
    """
    return asyncio.run(_load(port, paths, concurrency, deadline))


async def _load(
    port: int, paths: list[str], concurrency: int, deadline: float
) -> tuple[list[tuple[str, float]], list[str], float]:
    times: list[tuple[str, float]] = []
    errors: list[str] = []
    queue = list(reversed(paths))
    began = time.perf_counter()

    async def client() -> None:
        while queue:
            path = queue.pop()
            if time.perf_counter() - began > deadline:
                errors.append(f"{path}: the load's deadline passed before it was sent")
                continue
            start = time.perf_counter()
            try:
                status = await asyncio.wait_for(_fetch(port, path), TIMEOUT)
            except (TimeoutError, OSError, ValueError) as exc:
                errors.append(f"{path}: {type(exc).__name__}: {exc}")
                continue
            if status != 200:
                errors.append(f"{path}: HTTP {status}")
            else:
                times.append((path, time.perf_counter() - start))

    await asyncio.gather(*(client() for _ in range(concurrency)))
    return times, errors, time.perf_counter() - began


async def _fetch(port: int, path: str) -> int:
    """One GET over a new connection (Connection: close); the status code."""
    reader, writer = await asyncio.open_connection(HOST, port)
    try:
        writer.write(
            f"GET {path} HTTP/1.1\r\nHost: {HOST}:{port}\r\nConnection: close\r\n\r\n".encode()
        )
        await writer.drain()
        head = await reader.readline()
        await reader.read()  # the rest, up to the server's close
        return int(head.split()[1])
    finally:
        writer.close()


def _get(port: int, path: str) -> int:
    connection = HTTPConnection(HOST, port, timeout=TIMEOUT)
    try:
        connection.request("GET", path, headers={"Host": f"{HOST}:{port}"})
        response = connection.getresponse()
        response.read()
        return response.status
    finally:
        connection.close()


def report(
    db: Path,
    args: argparse.Namespace,
    times: list[tuple[str, float]],
    errors: list[str],
    wall: float,
    cpu: float,
) -> int:
    """Print the figures; 1 when p99 >= 1 s or a request failed."""
    seconds = sorted(s for _, s in times)
    with open_store(db, readonly=True) as store:
        size = f"{store.count('articles'):,} articles, {store.count('stories'):,} stories"
    print(f"store {db}: {size}")
    print(f"{len(times) + len(errors)} requests, {args.concurrency} concurrent, in {wall:.1f} s "
          f"({(len(times) + len(errors)) / wall:.1f} requests/s); load average "
          f"{os.getloadavg()[0]:.1f}")  # fmt: skip
    if cpu >= 0:
        count = len(times) + len(errors)
        print(f"server CPU ({args.workers} worker processes): {cpu:.1f} s in all, "
              f"{cpu / count * 1000:.1f} ms per request ({cpu / wall:.0%} of one core)")  # fmt: skip
    if seconds:

        def pct(p: float) -> float:
            return seconds[min(len(seconds) - 1, int(p * len(seconds)))] * 1000

        print(f"latency ms: p50 {pct(0.50):.0f}, p90 {pct(0.90):.0f}, p99 {pct(0.99):.0f}, "
              f"max {seconds[-1] * 1000:.0f}, mean {statistics.mean(seconds) * 1000:.0f}")  # fmt: skip
        by_kind: dict[str, list[float]] = {}
        for path, s in times:
            kind = path.split("?")[0].rsplit("/", 1)[0] or "/"
            by_kind.setdefault(kind, []).append(s * 1000)
        for kind, values in sorted(by_kind.items()):
            values.sort()
            print(f"  {kind:<16} {len(values):>4} requests, p50 {values[len(values) // 2]:.0f} ms,"
                  f" max {values[-1]:.0f} ms")  # fmt: skip
    print(f"errors: {len(errors)}")
    for error in errors[:20]:
        print(f"  {error}")
    p99 = seconds[min(len(seconds) - 1, int(0.99 * len(seconds)))] if seconds else float("inf")
    return 0 if not errors and p99 < 1.0 else 1


def _cpu_seconds(pid: int) -> float:
    """CPU seconds (user + system) used so far by a process and its children (the server's
    worker processes); -1 where /proc cannot say."""
    try:
        stats = {}
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                except OSError:
                    continue  # the process ended meanwhile
                stats[int(entry.name)] = (int(fields[1]), int(fields[11]) + int(fields[12]))
        family, grew = {pid}, True
        while grew:
            more = {p for p, (parent, _) in stats.items() if parent in family} - family
            family |= more
            grew = bool(more)
        return sum(stats[p][1] for p in family if p in stats) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return -1.0


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


def _wait_until_up(port: int, server: subprocess.Popen[bytes]) -> None:
    """Wait (at most 60 s) until the server accepts connections; fail if it exits."""
    limit = time.monotonic() + 60
    while time.monotonic() < limit:
        if server.poll() is not None:
            err = server.stderr.read().decode() if server.stderr else ""
            raise SystemExit(f"newsweave serve exited: {err.strip()}")
        try:
            socket.create_connection((HOST, port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("newsweave serve did not start within 60 s")


if __name__ == "__main__":
    sys.exit(main())
