"""The stage contract: order checks, drop counting, and corpus-stage results."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

import pytest

from newsweave.errors import StageError
from newsweave.model import Dropped
from newsweave.pipeline import Pipeline, corpus_stage, map_stage


def _halve(numbers: Iterable[int]) -> Iterator[int | Dropped]:
    for n in numbers:
        yield n // 2 if n % 2 == 0 else Dropped(str(n), "odd number", stage="halve")


def test_map_stage_keeps_records_and_counts_drops_with_reasons() -> None:
    pipeline = Pipeline([map_stage("halve", _halve, needs="numbers", adds="halves")])
    data, report = pipeline.run({"numbers": [2, 3, 4, 5, 7]})
    assert data["halves"] == [1, 2]
    (stage,) = report.stages
    assert (stage.records_in, stage.records_out) == (5, 2)
    assert stage.drop_reasons() == {"odd number": 3}
    assert [d.source for d in report.dropped] == ["3", "5", "7"]


def test_corpus_stage_receives_whole_collections() -> None:
    total = corpus_stage(
        "total", lambda numbers: {"total": [sum(numbers)]}, needs=["numbers"], adds=["total"]
    )
    data, _ = Pipeline([total]).run({"numbers": [1, 2, 3]})
    assert data["total"] == [6]


def test_order_is_checked_before_anything_runs() -> None:
    ran = []
    first = corpus_stage(
        "first", lambda halves: ran.append(1) or {"x": []}, needs=["halves"], adds=["x"]
    )
    second = map_stage("halve", _halve, needs="numbers", adds="halves")
    with pytest.raises(StageError, match="'first' needs halves"):
        Pipeline([first, second]).run({"numbers": [2]})
    assert ran == []


def test_stage_names_are_unique() -> None:
    stage = map_stage("halve", _halve, needs="numbers", adds="halves")
    with pytest.raises(StageError, match="unique"):
        Pipeline([stage, stage])


def test_corpus_stage_must_return_what_it_declares() -> None:
    bad = corpus_stage("bad", lambda numbers: {"other": []}, needs=["numbers"], adds=["total"])
    with pytest.raises(StageError, match="must return"):
        Pipeline([bad]).run({"numbers": [1]})


class Recorder:
    """A Progress that records every event it receives."""

    def __init__(self) -> None:
        self.events: list[tuple[str, str, int | None]] = []

    def start(self, stage: str, total: int | None) -> None:
        self.events.append(("start", stage, total))

    def advance(self, stage: str, n: int = 1) -> None:
        self.events.append(("advance", stage, n))

    def finish(self, stage: str) -> None:
        self.events.append(("finish", stage, None))


def test_progress_events_are_reported_per_record() -> None:
    recorder = Recorder()
    events = recorder.events

    Pipeline([map_stage("halve", _halve, needs="numbers", adds="halves")]).run(
        {"numbers": [2, 4]}, recorder
    )
    assert events == [
        ("start", "halve", 2),
        ("advance", "halve", 1),
        ("advance", "halve", 1),
        ("finish", "halve", None),
    ]


def test_a_corpus_stage_with_a_total_reports_progress_against_it() -> None:
    """A corpus stage that declares its total gets `advance` and a bar sized to that collection."""
    recorder = Recorder()
    events = recorder.events

    def total(numbers: list[int], advance: Callable[[int], None]) -> dict[str, int]:
        for _ in numbers:
            advance(1)
        return {"sum": sum(numbers)}

    stage = corpus_stage("total", total, needs=["numbers"], adds=["sum"], total="numbers")
    data, _ = Pipeline([stage]).run({"numbers": [1, 2, 3]}, recorder)
    assert data["sum"] == 6
    assert events[0] == ("start", "total", 3)
    assert events.count(("advance", "total", 1)) == 3
    with pytest.raises(StageError, match="progress total"):
        corpus_stage("bad", total, needs=["numbers"], adds=["sum"], total="stories")
