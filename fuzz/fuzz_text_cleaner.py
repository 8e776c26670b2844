"""Fuzz the flattened-text path: bytes -> decode -> Page -> clean_pages / explain_page.

Run: python fuzz/fuzz_text_cleaner.py -max_total_time=600 /tmp/corpus_text fuzz/seeds/text
Any exception is a crash; every page must end as an Article or a Dropped with a reason.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["newsweave"]):
    from newsweave.clean import CleanConfig, clean_pages, explain_page
    from newsweave.clean.scorer import load_model
    from newsweave.errors import StageError
    from newsweave.ingest import IngestConfig
    from newsweave.ingest.files import read_bytes
    from newsweave.model import Article, Dropped, Page

_CONFIGS = [CleanConfig(), CleanConfig(use_model=False, site_repeat=2, min_chars=10)]
try:
    load_model()
except StageError as exc:  # model.json out of step with features.py: fuzz the rules alone
    print(f"fuzz_text_cleaner: {exc}; fuzzing rule-only scoring", file=sys.stderr)
    _CONFIGS = _CONFIGS[1:]


def test_one_input(data: bytes) -> None:
    """One fuzz input: a config choice, then the bytes of a text file."""
    fdp = atheris.FuzzedDataProvider(data)
    config = fdp.PickValueInList(_CONFIGS)
    raw = fdp.ConsumeBytes(fdp.remaining_bytes())
    items = list(read_bytes(raw, "fuzz.txt", "text", IngestConfig()))
    pages = [item for item in items if isinstance(item, Page)]
    for item in items:
        assert isinstance(item, Page) or (isinstance(item, Dropped) and item.reason)
    # the same page three times from one outlet exercises the cross-page (site) rules
    copies = [Page(f"{p.id}{i}", f"s{i}", p.content, outlet="o") for p in pages for i in range(3)]
    for out in clean_pages(pages + copies, config):
        assert isinstance(out, Article) or (isinstance(out, Dropped) and out.reason)
    for page in pages:
        explain_page(page, config)


def main() -> None:
    """Start libFuzzer with the command line's options."""
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
