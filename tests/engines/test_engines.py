"""The serial and process-pool engines, the grouping steps, and the run's bookkeeping."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from tests.engines.fixtures import EXTRA, FERRY, ORCHARD

from newsweave.analyze import analyze
from newsweave.dedup import duplicate_groups
from newsweave.engines import ScaleConfig, get_engine, read_output, run_job
from newsweave.engines.grouping import copy_groups, dedup_keys, dedup_reduce, windows_of
from newsweave.engines.schema import from_table, to_table
from newsweave.engines.signatures import SignatureMaker
from newsweave.errors import InputError, MissingExtraError
from newsweave.ingest import read_inputs
from newsweave.model import Article, Figure, Page, Quote, Story, to_dict


def _dicts(records: list) -> list:
    return [to_dict(r) for r in records]


def test_serial_run_equals_the_local_analysis(warcs: list[str], serial_output: Path) -> None:
    articles, stories, dropped = read_output(serial_output)
    local = analyze([p for p in read_inputs(warcs) if isinstance(p, Page)])
    assert _dicts(articles) == _dicts(sorted(local.articles, key=lambda a: a.id))
    assert _dicts(stories) == _dicts(local.stories)
    assert not dropped
    assert [len(s.articles) for s in stories] == [6, 3]  # the ferry story spans two windows
    assert all(s.duplicates for s in stories)
    report = json.loads((serial_output / "report.json").read_text())
    assert report["articles"] == 9 and report["stories"] == 2
    for what in ("articles", "stories", "lineage", "dropped"):
        assert list((serial_output / what).glob("*.parquet"))


def test_process_pool_gives_the_serial_output(
    warcs: list[str], serial_output: Path, tmp_path: Path
) -> None:
    engine = get_engine("local", ScaleConfig(workers=2))
    try:
        run_job(warcs, tmp_path / "out", engine)
    finally:
        engine.close()
    assert _dicts_of(read_output(tmp_path / "out")) == _dicts_of(read_output(serial_output))


def _dicts_of(output: tuple) -> tuple:
    return tuple(_dicts(part) for part in output)


def test_signature_keys_give_the_groups_of_duplicate_groups() -> None:
    texts = [FERRY[0], FERRY[0] + " " + EXTRA, FERRY[1], ORCHARD[0], ORCHARD[0], ORCHARD[1]]
    articles = [
        Article(id=f"a{i}", source=f"a{i}", text=t, published=f"2025-02-0{9 - i}")
        for i, t in enumerate(texts)
    ]
    maker = SignatureMaker()
    table = to_table(
        articles,
        Article,
        {"shard": ["s"] * len(articles), "keys": [maker.keys(a) for a in articles]},
        _extra_types(),
    )
    rows = dedup_keys(table, buckets=3, skip=frozenset())
    assert rows.num_rows == len(articles) * (1 + maker.bands)
    edges = dedup_reduce(rows)
    assert copy_groups(edges) == duplicate_groups(articles) == [["a1", "a0"], ["a4", "a3"]]


def _extra_types() -> dict:
    from newsweave.engines.shards import article_extra_types

    return article_extra_types()


def test_records_round_trip_through_arrow() -> None:
    article = Article(
        id="a1",
        source="a1.html",
        text="The Osprey ran aground.",
        credits=["Staff"],
        published_inferred=True,
        figures=[Figure(300.0, "300", "passengers", "a1")],
        quotes=[Quote("We are fine", "Lena Brook", "a1")],
    )
    table = to_table([article], Article)
    assert table.schema.field("credits").type.value_type.equals(table.schema.field("id").type)
    assert from_table(table, Article) == [article]
    story = Story("s1", "Ferry", ["a1"], duplicates=[["a1", "a2"]])
    assert from_table(to_table([story], Story), Story) == [story]


def test_windows_overlap_and_undated_articles_have_their_own() -> None:
    config = ScaleConfig(window_days=30, overlap_days=5)
    assert windows_of(0, config) == [0]
    assert windows_of(26, config) == [0, 1]
    assert windows_of(31, config) == [1]
    assert len(windows_of(None, config)) == 1


def test_rerun_skips_finished_shards(warcs: list[str], tmp_path: Path) -> None:
    first = run_job(warcs, tmp_path, get_engine("serial"))
    again = run_job(warcs, tmp_path, get_engine("serial"))
    assert {s.status for s in first.shards} == {"done"}
    assert {s.status for s in again.shards} == {"skipped"}
    assert _dicts_of(read_output(tmp_path))[:2] and again.articles == first.articles


def test_a_failing_shard_is_retried_then_reported(
    warcs: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsweave.engines import shards

    real = shards._process
    calls: list[str] = []

    def flaky(task: shards.ShardTask) -> shards.ShardResult:
        calls.append(task.path)
        if task.path == warcs[0]:
            raise OSError("disk on fire")
        if task.path == warcs[1] and calls.count(task.path) == 1:
            raise OSError("a passing hiccup")
        return real(task)

    monkeypatch.setattr(shards, "_process", flaky)
    report = run_job(warcs, tmp_path, get_engine("serial"), ScaleConfig(retries=1))
    status = {Path(s.path).name: (s.status, s.attempts) for s in report.shards}
    assert status == {
        "crawl-00.warc.gz": ("failed", 2),
        "crawl-01.warc.gz": ("done", 2),
        "crawl-02.warc.gz": ("done", 1),
    }
    assert "disk on fire" in report.failed[0].error
    _, _, dropped = read_output(tmp_path)
    assert any(d.stage == "engine" and "disk on fire" in d.reason for d in dropped)
    assert report.articles == 6


def test_unknown_engine_is_a_clear_error() -> None:
    with pytest.raises(InputError, match="unknown engine 'spark'.*serial, local, ray"):
        get_engine("spark")


def test_ray_engine_without_ray_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "ray", None)
    with pytest.raises(MissingExtraError, match=r"pip install 'newsweave\[ray\]'"):
        get_engine("ray")


def _bucket_by_letter(table, buckets: int):  # type: ignore[no-untyped-def]
    import pyarrow as pa

    letters = table.column("word").to_pylist()
    return table.append_column("bucket", pa.array([ord(w[0]) % buckets for w in letters]))


def _bucket_summary(rows):  # type: ignore[no-untyped-def]
    import pyarrow as pa

    words = sorted(rows.column("word").to_pylist())
    return pa.table({"bucket": [rows.column("bucket")[0].as_py()], "words": [" ".join(words)]})


@pytest.mark.parametrize("name", ["serial", "local"])
def test_grouping_reads_each_bucket_back_whole_and_leaves_no_files(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import functools
    import tempfile

    import pyarrow as pa
    import pyarrow.parquet as pq

    spill = tmp_path / "tmp"
    spill.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(spill))
    files = []
    for n, words in enumerate([["apple", "bread", "cider"], ["acorn", "cider", "dune"], []]):
        files.append(str(tmp_path / f"part-{n}.parquet"))
        pq.write_table(pa.table({"word": pa.array(words, pa.string())}), files[-1])
    engine = get_engine(name, ScaleConfig(workers=2))
    try:
        out = engine.group(
            files, functools.partial(_bucket_by_letter, buckets=3), _bucket_summary, 3
        )
    finally:
        engine.close()
    assert out.to_pylist() == [
        {"bucket": 0, "words": "cider cider"},  # ord("a") = 97: a and d in 1, b in 2, c in 0
        {"bucket": 1, "words": "acorn apple dune"},
        {"bucket": 2, "words": "bread"},
    ]
    assert list(spill.glob("newsweave-group-*")) == []  # the buckets' part files are gone
