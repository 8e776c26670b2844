"""A generated hostile corpus: does each input ingest and analyse within 1 GB and 60 s?

    python benchmarks/hostile_corpus.py                    # every input, one fresh process each
    python benchmarks/hostile_corpus.py --only warc-header-line --only html-million-p
    python benchmarks/hostile_corpus.py --keep /tmp/hostile  # also keep the generated files

Every input is generated here (invented words, fixed seeds) and is under 10 MB on disk:
compression bombs (gzip, gzip in gzip, a WARC payload bomb), WARC header bombs (one endless
record-header line, one endless HTTP-header line, millions of short header lines), deeply
nested and very long JSON Lines, lone surrogate escapes, pathological HTML (1,000,000
elements, 1,000,000 nested divs, unclosed tags, unclosed scripts), an XML entity bomb and a
feed of many entries, long and control-character text, random bytes, UTF-16 without a BOM,
and a folder of files whose names are not UTF-8.

Each input runs in its own Python process: `newsweave ingest` into a fresh store, then
`newsweave analyze`, through the CLI's `main` (the product path). Peak memory is that
process's max RSS (`os.wait4`); time is the process's wall time. An input passes when both
steps end without a traceback, peak RSS is at most 1 GB and the whole run takes at most
60 s of wall time; the CPU time (user + system) is shown too, and judged the same way,
because wall time on a shared, loaded machine says more about the neighbours than about
newsweave. The script prints a Markdown table and exits 1 when any input fails (wall).
"""

from __future__ import annotations

import argparse
import gzip
import io
import os
import random
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

MAX_RSS_MB = 1024
MAX_SECONDS = 60.0
MAX_INPUT = 10_000_000
BODY = (
    "The Vellin harbour board said on Tuesday that the north quay would reopen in March "
    "after repairs costing 4.2 million, and that ferry timetables would return to normal."
)

Files = dict[str, bytes]  # relative path (may hold non-UTF-8 bytes via surrogateescape) -> bytes


def _gzip_of(chunks: Iterator[bytes], level: int = 9) -> bytes:
    """gzip a stream of chunks without holding the uncompressed whole."""
    out = io.BytesIO()
    with gzip.GzipFile(fileobj=out, mode="wb", compresslevel=level, mtime=0) as gz:
        for chunk in chunks:
            gz.write(chunk)
    return out.getvalue()


def _repeat(unit: bytes, total: int) -> Iterator[bytes]:
    block = unit * max(1, (1 << 20) // len(unit))
    sent = 0
    while sent < total:
        yield block
        sent += len(block)


def gzip_bomb() -> Files:
    """1 GB of one letter, gzipped (about 1 MB)."""
    return {"bomb.txt.gz": _gzip_of(_repeat(b"A", 1 << 30))}


def gzip_in_gzip() -> Files:
    """A gzip bomb inside a gzip file."""
    return {"double.gz": gzip.compress(_gzip_of(_repeat(b"\0", 1 << 30)), mtime=0)}


def _warc_head(extra: bytes = b"") -> bytes:
    return (
        b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://vellin.example/x\r\n" + extra
    )


def warc_header_line() -> Files:
    """A WARC.gz whose second record's header is one endless line (1 GB decompressed)."""
    good = _warc_record(BODY)
    return {
        "header-line.warc.gz": good
        + _gzip_of(iter([_warc_head(b"X-Junk: ")] + list(_repeat(b"a", 1 << 30))))
    }


def warc_http_header() -> Files:
    """A record whose HTTP header block is one endless line (1 GB decompressed)."""
    head = _warc_head(
        b"Content-Type: application/http; msgtype=response\r\n"
        b"Content-Length: 2000000000\r\n\r\nHTTP/1.1 200 OK\r\nX-Junk: "
    )
    return {
        "http-header.warc.gz": _warc_record(BODY)
        + _gzip_of(iter([head] + list(_repeat(b"b", 1 << 30))))
    }


def warc_many_headers() -> Files:
    """A record with 200 million short header lines."""
    return {
        "many-headers.warc.gz": _warc_record(BODY)
        + _gzip_of(iter([_warc_head()] + list(_repeat(b"X: y\r\n", 1200 << 20))))
    }


def _warc_record(text: str, payload: bytes | None = None, encoding: bytes = b"") -> bytes:
    body = payload if payload is not None else f"<html><body><p>{text}</p></body></html>".encode()
    http = (
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
        + encoding
        + b"Content-Length: %d\r\n\r\n" % len(body)
        + body
    )
    record = (
        _warc_head(
            b"Content-Type: application/http; msgtype=response\r\n"
            b"Content-Length: %d\r\n\r\n" % len(http)
        )
        + http
        + b"\r\n\r\n"
    )
    return gzip.compress(record, mtime=0)


def warc_payload_bomb() -> Files:
    """A response whose payload is `Content-Encoding: gzip` of 1 GB."""
    bomb = _gzip_of(_repeat(b"<p>x</p>", 1 << 30))
    return {
        "payload.warc.gz": _warc_record(BODY)
        + _warc_record("", bomb, b"Content-Encoding: gzip\r\n")
    }


def warc_many_records() -> Files:
    """2,000 small response records."""
    rng = random.Random(3)
    return {
        "many.warc.gz": b"".join(
            _warc_record(f"{BODY} Report {n} of {rng.randint(1, 10**6)}.") for n in range(2000)
        )
    }


def jsonl_deep() -> Files:
    """One JSON line nested 4.5 million levels deep, then a normal line."""
    deep = b'{"text": ' + b"[" * 4_500_000 + b"]" * 4_500_000 + b"}\n"
    return {"deep.jsonl": deep + b'{"text": "' + BODY.encode() + b'"}\n'}


def jsonl_long_line() -> Files:
    """One JSON record whose text is 9.5 MB of words on one line."""
    words = _words(random.Random(5), 1_600_000)
    return {"long.jsonl": b'{"text": "' + " ".join(words).encode()[:9_500_000] + b'"}\n'}


def jsonl_surrogates() -> Files:
    """JSON lines with lone surrogate escapes in every field."""
    line = (
        '{"text": "'
        + BODY
        + ' \\ud800 \\udfff", "title": "T\\ud834", "url": "http://x.example/\\udc80", '
        '"outlet": "\\ud800"}\n'
    )
    return {
        "surrogates.jsonl": "".join(
            line.replace("Tuesday", f"day {n}") for n in range(200)
        ).encode()
    }


def html_million_p() -> Files:
    """1,000,000 `<p>x</p>` (8 MB)."""
    return {"million-p.html": b"<html><body>" + b"<p>x</p>" * 1_000_000 + b"</body></html>"}


def html_deep_divs() -> Files:
    """1,000,000 nested `<div>`s around one paragraph."""
    return {
        "deep-divs.html": b"<html><body>"
        + b"<div>" * 1_000_000
        + f"<p>{BODY}</p>".encode()
        + b"</div>" * 800_000
    }


def html_unclosed() -> Files:
    """3 million unclosed tags and an unclosed comment."""
    return {"unclosed.html": b"<html><body><p>" + BODY.encode() + b"<a " * 3_000_000 + b"<!--"}


def html_scripts() -> Files:
    """1,000,000 unclosed `<script>` openers."""
    return {"scripts.html": b"<html><body>" + f"<p>{BODY}</p>".encode() + b"<script>" * 1_000_000}


def feed_entity_bomb() -> Files:
    """An RSS feed with a "billion laughs" entity expansion."""
    ents = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    doc = (
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY l0 "laugh">{ents}]>'
        '<rss version="2.0"><channel><title>Vellin</title><item><title>&l9;</title>'
        f"<description>{BODY} &l9;</description></item></channel></rss>"
    )
    return {"laughs.rss": doc.encode()}


def feed_many_entries() -> Files:
    """An RSS feed of 3,000 entries."""
    items = "".join(
        f"<item><title>Quay {n}</title><link>http://vellin.example/{n}</link>"
        f"<description>{BODY} Entry {n}.</description></item>"
        for n in range(3000)
    )
    return {
        "many.rss": f'<?xml version="1.0"?><rss version="2.0"><channel><title>Vellin</title>{items}</channel></rss>'.encode()
    }


def text_one_line() -> Files:
    """9.9 MB of words on one line, no full stop."""
    return {"one-line.txt": " ".join(_words(random.Random(7), 1_800_000)).encode()[:9_900_000]}


def text_control() -> Files:
    """Words mixed with terminal escape codes and control characters (5 MB)."""
    rng = random.Random(8)
    junk = ["\x1b[2J", "\x1b]0;owned\x07", "\x9b31m", "\r", "\x08", "\u202e", "\x00", "\x0c"]
    parts = [rng.choice(junk) if rng.random() < 0.2 else w for w in _words(rng, 800_000)]
    return {"control.txt": " ".join(parts).encode()[:5_000_000]}


def text_dates() -> Files:
    """5 MB of dates and numbers, some impossible."""
    unit = "On 2023-02-30 and Monday last year the 5th of 12 boats cost $4.2 million, 10:30 pm. "
    return {"dates.txt": (unit * (5_000_000 // len(unit))).encode()}


def random_bytes() -> Files:
    """9 MB of random bytes with no extension (sniffed)."""
    return {"noise": random.Random(9).randbytes(9_000_000)}


def utf16_no_bom() -> Files:
    """A UTF-16-LE text with no byte-order mark (4 MB)."""
    return {"wide.txt": ((BODY + "\n") * 12_000).encode("utf-16-le")}


def odd_names() -> Files:
    """A folder of files whose names are not UTF-8, hold escape codes or are very long."""
    names = [
        b"caf\xe9.txt",
        b"\xff\xfe.txt",
        b"esc\x1b[2J.txt",
        b"x" * 250 + b".txt",
        b"\xed\xa0\x80.txt",
    ]
    return {os.fsdecode(name): f"{BODY} File {n}.\n".encode() for n, name in enumerate(names)}


CASES: dict[str, Callable[[], Files]] = {
    "gzip-bomb": gzip_bomb,
    "gzip-in-gzip": gzip_in_gzip,
    "warc-header-line": warc_header_line,
    "warc-http-header": warc_http_header,
    "warc-many-headers": warc_many_headers,
    "warc-payload-bomb": warc_payload_bomb,
    "warc-many-records": warc_many_records,
    "jsonl-deep": jsonl_deep,
    "jsonl-long-line": jsonl_long_line,
    "jsonl-surrogates": jsonl_surrogates,
    "html-million-p": html_million_p,
    "html-deep-divs": html_deep_divs,
    "html-unclosed": html_unclosed,
    "html-scripts": html_scripts,
    "feed-entity-bomb": feed_entity_bomb,
    "feed-many-entries": feed_many_entries,
    "text-one-line": text_one_line,
    "text-control": text_control,
    "text-dates": text_dates,
    "random-bytes": random_bytes,
    "utf16-no-bom": utf16_no_bom,
    "odd-names": odd_names,
}

_SYLLABLES = ["ka", "lo", "mer", "tiv", "an", "sol", "pre", "du", "ven", "ri", "gast", "ho"]


def _words(rng: random.Random, n: int) -> list[str]:
    vocab = ["".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(1, 3))) for _ in range(2000)]
    return [rng.choice(vocab) for _ in range(n)]


def write_case(name: str, folder: Path) -> tuple[Path, int]:
    """Generate one input under `folder`; return the path to ingest and its size on disk."""
    files = CASES[name]()
    target = folder / name
    target.mkdir(parents=True)
    size = 0
    for relative, data in files.items():
        with open(os.path.join(os.fsencode(target), os.fsencode(relative)), "wb") as out:
            out.write(data)
        size += len(data)
    if size >= MAX_INPUT:
        raise SystemExit(f"{name} is {size:,} bytes, not under {MAX_INPUT:,}")
    return (target if len(files) > 1 else target / next(iter(files))), size


def _child(path: str, db: str) -> None:
    """In this process: ingest then analyse through the CLI; print exit codes and times."""
    from newsweave.cli import main

    results = []
    for args in (["-q", "ingest", "--db", db, path], ["-q", "analyze", "--db", db]):
        start = time.perf_counter()
        try:
            main(args)
            code = 0
        except SystemExit as exc:
            code = int(exc.code or 0)
        results.append(f"{code}:{time.perf_counter() - start:.2f}")
    print("\t".join(results))


def measure(name: str, keep: Path | None) -> dict[str, object]:
    """Generate one input and run it in a fresh process; its figures."""
    with tempfile.TemporaryDirectory(prefix="hostile-") as tmp:
        folder = keep or Path(tmp)
        path, size = write_case(name, folder)
        db = str(Path(tmp) / f"{name}.db")
        out_path, err_path = Path(tmp) / "out.txt", Path(tmp) / "err.txt"
        with open(out_path, "w") as out_file, open(err_path, "w") as err_file:
            process = subprocess.Popen(
                [sys.executable, __file__, "--child", str(path), db],
                stdout=out_file,
                stderr=err_file,
            )
            start = time.perf_counter()
            watchdog = threading.Timer(3 * MAX_SECONDS, process.kill)
            watchdog.start()
            _, status, usage = os.wait4(process.pid, 0)
            watchdog.cancel()
            process.returncode = os.waitstatus_to_exitcode(status)
            wall = time.perf_counter() - start
        out = out_path.read_text(errors="replace")
        err = err_path.read_text(errors="replace")
        peak = usage.ru_maxrss / 1024  # Linux reports KiB
        cpu = usage.ru_utime + usage.ru_stime
        with sqlite3.connect(db) as con:
            pages, articles = (
                con.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                for t in ("pages", "articles")
            )
            reasons = [r[0] for r in con.execute("SELECT reason FROM dropped LIMIT 3")]
            dropped = con.execute("SELECT COUNT(*) FROM dropped").fetchone()[0]
    steps = out.strip().splitlines()[-1].split("\t") if out.strip() else []
    return {
        "name": name,
        "bytes": size,
        "steps": steps,
        "wall_s": wall,
        "cpu_s": cpu,
        "peak_mb": peak,
        "pages": pages,
        "articles": articles,
        "dropped": dropped,
        "reasons": reasons,
        "traceback": "Traceback" in err,
        "ok": bool(steps) and "Traceback" not in err and peak <= MAX_RSS_MB and wall <= MAX_SECONDS,
        "ok_cpu": bool(steps)
        and "Traceback" not in err
        and peak <= MAX_RSS_MB
        and cpu <= MAX_SECONDS,
    }


def main() -> None:
    """Measure every input (or the ones asked for) and print a Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", choices=sorted(CASES), action="append")
    parser.add_argument("--keep", type=Path, help="write the generated inputs here and keep them")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(*args.child)
        return
    print(
        "| input | size | ingest | analyze | wall | CPU | peak RSS "
        "| pages / articles / dropped | first reasons | ok (wall) | ok (CPU) |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    failed = False  # judged on wall time; CPU time is shown for a loaded machine
    for name in args.only or list(CASES):
        r = measure(name, args.keep)
        failed = failed or not r["ok"]
        steps = [s.split(":") for s in r["steps"]]  # type: ignore[union-attr]
        times = [f"{float(t):.1f} s" + ("" if c == "0" else f" (exit {c})") for c, t in steps]
        times += ["killed"] * (2 - len(times))
        reasons = "; ".join(str(x)[:70] for x in r["reasons"]).replace("|", "/")  # type: ignore[union-attr]
        print(
            f"| {name} | {int(r['bytes']) / 1e6:.1f} MB | {times[0]} | {times[1]} | "
            f"{float(r['wall_s']):.1f} s | {float(r['cpu_s']):.1f} s | {float(r['peak_mb']):.0f} MB | "
            f"{r['pages']} / {r['articles']} / {r['dropped']} | {reasons} | "
            f"{'yes' if r['ok'] else '**no**'}{' (traceback)' if r['traceback'] else ''} | "
            f"{'yes' if r['ok_cpu'] else '**no**'} |",
            flush=True,
        )
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
