"""Fuzz the time tagger, the date finders and the figure extractor with arbitrary text.

Run: python fuzz/fuzz_dates_figures.py -max_total_time=600 fuzz/corpus/dates_figures
Any exception is a crash: these parsers must accept every string.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["newsweave"]):
    from newsweave.clean.dates import full_dates, infer_published, infer_range
    from newsweave.extract.anchor import Anchor, article_anchor
    from newsweave.extract.dates import find_dates, sentence_dates, time_expressions
    from newsweave.extract.figures import extract_figures
    from newsweave.extract.timex import tag_times

_PUBLISHED = [None, "", "2024-06-12", "2024-02-29", "2024", "2024-13", "0001-01-01", "9999-12-31"]


def test_one_input(data: bytes) -> None:
    """One fuzz input: a publication date choice, a flag and the text."""
    fdp = atheris.FuzzedDataProvider(data)
    published = fdp.PickValueInList(_PUBLISHED)
    inferred = fdp.ConsumeBool()
    text = fdp.ConsumeUnicodeNoSurrogates(fdp.remaining_bytes())
    time_expressions(text, published, inferred=inferred)
    find_dates(text, published)
    sentence_dates(text, published)
    anchor = article_anchor(published, inferred)
    tag_times(text, anchor)
    if anchor is not None:
        tag_times(text, Anchor(anchor.earliest, anchor.latest))
    extract_figures(text, "a")
    full_dates(text)
    lines = text.split("\n")
    infer_range(lines[:3], lines[3:])
    infer_published(lines[:3], lines[3:])


def main() -> None:
    """Start libFuzzer with the command line's options."""
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
