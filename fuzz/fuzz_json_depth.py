"""Fuzz depth-checked JSON: `safejson.loads`, `depth` and the JSONL reader with nesting.

Run: python fuzz/fuzz_json_depth.py -max_total_time=600 /tmp/corpus_json fuzz/seeds/json_depth
The fuzzed bytes are used as they are and with a run of brackets in front, so deep nesting
is reached quickly. Only ValueError may leave `loads` (never RecursionError), and the JSONL
reader must turn every line into a Page or a Dropped with a reason.
"""

from __future__ import annotations

import contextlib
import io
import sys

import atheris

with atheris.instrument_imports(include=["newsweave"]):
    from newsweave.ingest import IngestConfig
    from newsweave.ingest.jsonl import looks_like_jsonl, read_jsonl
    from newsweave.model import Dropped, Page
    from newsweave.safejson import depth, loads

_CONFIG = IngestConfig(max_bytes=100_000)


def test_one_input(data: bytes) -> None:
    """One fuzz input: how deep to nest, then the JSON text."""
    fdp = atheris.FuzzedDataProvider(data)
    nest = fdp.ConsumeIntInRange(0, 3000)
    opener = fdp.PickValueInList(["[", '{"a":', '[{"b":'])
    text = fdp.ConsumeUnicode(fdp.remaining_bytes())
    for candidate in (text, opener * nest + text):
        with contextlib.suppress(ValueError):
            loads(candidate)
        assert depth(candidate) >= 0
        looks_like_jsonl(candidate)
        line = ('{"text": ' + candidate + "}\n").encode("utf-8", "surrogatepass")
        for item in read_jsonl(io.BytesIO(line), "fuzz.jsonl", _CONFIG):
            assert isinstance(item, Page) or (isinstance(item, Dropped) and item.reason), item


def main() -> None:
    """Start libFuzzer with the command line's options."""
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
