"""Ingest: read folders, files and stdin into Page records, or Dropped ones saying why not.

Formats: plain text, HTML, JSON Lines, WARC and RSS/Atom feeds, each optionally
gzipped; files with other extensions are sniffed. A bad document is a Dropped
record, never an exception; only a top-level path that does not exist raises
`InputError`, because the user must fix it.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import BinaryIO

from newsweave.errors import InputError
from newsweave.ingest.files import read_path, read_stream
from newsweave.model import Dropped, Page

__all__ = ["IngestConfig", "read_inputs"]


@dataclass(slots=True)
class IngestConfig:
    """Tunables of the ingest stage."""

    max_bytes: int = 20_000_000  # a bigger file, JSONL line, WARC record or feed is Dropped
    follow_symlinks: bool = False  # symbolic links inside folders are Dropped unless True


def read_inputs(
    inputs: Sequence[str],
    config: IngestConfig | None = None,
    stdin: BinaryIO | None = None,
) -> Iterator[Page | Dropped]:
    """Read folders, files and "-" (stdin) into Pages; bad documents come out as Dropped."""
    paths = [inputs] if isinstance(inputs, str | os.PathLike) else list(inputs)
    paths = [os.fspath(path) for path in paths]
    missing = [path for path in paths if path != "-" and not os.path.exists(path)]
    if missing:
        more = f" (and {len(missing) - 1} more)" if len(missing) > 1 else ""
        raise InputError(f"no such file or folder: {missing[0]}{more}")
    return _once(_read_all(paths, config or IngestConfig(), stdin))


def _read_all(
    paths: list[str], config: IngestConfig, stdin: BinaryIO | None
) -> Iterator[Page | Dropped]:
    for path in paths:
        if path == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from read_stream(stream, "-", None, config, "input")
        else:
            yield from read_path(path, config)


def _once(items: Iterable[Page | Dropped]) -> Iterator[Page | Dropped]:
    """Pass each page id through once; a repeat becomes Dropped "duplicate of <source>"."""
    first: dict[str, str] = {}
    for item in items:
        if isinstance(item, Page):
            if item.id in first:
                yield Dropped(item.source, f"duplicate of {first[item.id]}")
                continue
            first[item.id] = item.source
        yield item
