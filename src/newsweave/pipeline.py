"""The stage contract and the runner that executes an ordered list of stages.

A stage reads named collections ("pages", "articles", "stories", ...) and adds
or replaces others. Two kinds exist:

- a *map* stage turns each record of one collection into a record of another
  (or a `Dropped`), streaming, so the runner can show progress per record;
- a *corpus* stage needs whole collections at once (dedup, clustering) and
  returns new collections. One that declares `total` (the collection it walks, such
  as "stories") is given an `advance(n)` callback and shows progress against that total.

The runner checks the order before running anything, times each stage and
counts what each stage dropped and why. New stages plug in without changes here.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import Any, Protocol

from newsweave.errors import StageError
from newsweave.model import Dropped

MapFn = Callable[[Iterable[Any]], Iterator[Any]]
CorpusFn = Callable[..., dict[str, Any]]


@dataclass(frozen=True, slots=True)
class Stage:
    """One step of a pipeline: what it needs, what it adds, and the function."""

    name: str
    needs: tuple[str, ...]
    adds: tuple[str, ...]
    fn: Callable[..., Any]
    streaming: bool = False
    total: str | None = None  # corpus stages: the collection whose size is the progress total


def map_stage(name: str, fn: MapFn, needs: str, adds: str) -> Stage:
    """A streaming stage: `fn` maps an iterable of `needs` records to `adds` records or Dropped."""
    return Stage(name=name, needs=(needs,), adds=(adds,), fn=fn, streaming=True)


def corpus_stage(
    name: str,
    fn: CorpusFn,
    needs: Sequence[str],
    adds: Sequence[str],
    total: str | None = None,
) -> Stage:
    """A whole-corpus stage: `fn(**needs)` returns a dict with one entry per name in `adds`.

    With `total` (one of `needs`), `fn` also gets `advance`, to call once per record of
    that collection it has handled, and the progress bar counts up to its size.
    """
    if total is not None and total not in needs:
        raise StageError(f"stage '{name}': its progress total {total!r} must be one of its needs")
    return Stage(name=name, needs=tuple(needs), adds=tuple(adds), fn=fn, total=total)


class Progress(Protocol):
    """Receives progress events; the CLI shows them as bars, the library stays silent."""

    def start(self, stage: str, total: int | None) -> None: ...

    def advance(self, stage: str, n: int = 1) -> None: ...

    def finish(self, stage: str) -> None: ...


class SilentProgress:
    """A Progress that shows nothing: the default for library calls and tests."""

    def start(self, stage: str, total: int | None) -> None:
        """Ignore the start of a stage."""

    def advance(self, stage: str, n: int = 1) -> None:
        """Ignore progress."""

    def finish(self, stage: str) -> None:
        """Ignore the end of a stage."""


@dataclass(slots=True)
class StageReport:
    """What one stage did: records in and out, drops by reason, and seconds spent."""

    name: str
    records_in: int = 0
    records_out: int = 0
    seconds: float = 0.0
    dropped: list[Dropped] = field(default_factory=list)
    inputs: dict[str, int] = field(default_factory=dict)  # records read, per collection
    outputs: dict[str, int] = field(default_factory=dict)  # records written, per collection

    def drop_reasons(self) -> Counter[str]:
        """Count drops by reason, ignoring the per-document details after a colon."""
        return Counter(d.reason.split(":")[0] for d in self.dropped)


@dataclass(slots=True)
class RunReport:
    """The reports of every stage of one run, in order."""

    stages: list[StageReport] = field(default_factory=list)

    @property
    def dropped(self) -> list[Dropped]:
        """Every Dropped record of the run, in stage order."""
        return [d for report in self.stages for d in report.dropped]


class Pipeline:
    """An ordered list of stages, checked for order before it runs."""

    def __init__(self, stages: Sequence[Stage]) -> None:
        names = [s.name for s in stages]
        duplicates = sorted({n for n in names if names.count(n) > 1})
        if duplicates:
            raise StageError(f"stage names must be unique; repeated: {', '.join(duplicates)}")
        self.stages = list(stages)

    def check(self, available: Iterable[str]) -> None:
        """Raise StageError if a stage needs a collection no earlier stage or input provides."""
        have = set(available)
        for stage in self.stages:
            missing = [n for n in stage.needs if n not in have]
            if missing:
                raise StageError(
                    f"stage '{stage.name}' needs {', '.join(missing)}, "
                    f"which nothing before it provides (have: {', '.join(sorted(have))})"
                )
            have.update(stage.adds)

    def run(
        self, data: dict[str, Any], progress: Progress | None = None
    ) -> tuple[dict[str, Any], RunReport]:
        """Run every stage over `data` (collections by name); return the collections and report."""
        self.check(data)
        progress = progress or SilentProgress()
        data = dict(data)
        report = RunReport()
        for stage in self.stages:
            stage_report = StageReport(stage.name)
            began = time.perf_counter()
            if stage.streaming:
                data[stage.adds[0]] = self._run_map(
                    stage, data[stage.needs[0]], stage_report, progress
                )
            else:
                inputs = {name: data[name] for name in stage.needs}
                if stage.total is None:
                    progress.start(stage.name, None)
                else:
                    progress.start(stage.name, _size(data[stage.total]))
                    inputs["advance"] = partial(progress.advance, stage.name)
                result = stage.fn(**inputs)
                self._take_corpus_result(stage, result, data, stage_report)
                progress.finish(stage.name)
            stage_report.seconds = time.perf_counter() - began
            report.stages.append(stage_report)
        return data, report

    @staticmethod
    def _run_map(
        stage: Stage, records: Iterable[Any], report: StageReport, progress: Progress
    ) -> list[Any]:
        items = list(records)
        report.records_in = len(items)
        report.inputs = {stage.needs[0]: len(items)}
        progress.start(stage.name, len(items))
        kept: list[Any] = []
        for out in stage.fn(items):
            if isinstance(out, Dropped):
                report.dropped.append(out)
            else:
                kept.append(out)
            progress.advance(stage.name)
        report.records_out = len(kept)
        report.outputs = {stage.adds[0]: len(kept)}
        progress.finish(stage.name)
        return kept

    @staticmethod
    def _take_corpus_result(
        stage: Stage, result: Any, data: dict[str, Any], report: StageReport
    ) -> None:
        if not isinstance(result, dict) or set(result) - set(stage.adds) - {"dropped"}:
            raise StageError(
                f"stage '{stage.name}' must return a dict with keys {', '.join(stage.adds)}"
            )
        missing = [name for name in stage.adds if name not in result]
        if missing:
            raise StageError(f"stage '{stage.name}' did not return {', '.join(missing)}")
        report.inputs = {n: _size(data[n]) for n in stage.needs}
        report.records_in = sum(report.inputs.values())
        report.dropped.extend(result.get("dropped", []))
        for name in stage.adds:
            data[name] = result[name]
        report.outputs = {n: _size(result[n]) for n in stage.adds}
        report.records_out = sum(report.outputs.values())


def _size(value: Any) -> int:
    return len(value) if hasattr(value, "__len__") else 0
