"""What the CLI shows on the terminal: progress bars, summaries and dropped documents."""

from __future__ import annotations

import textwrap
from typing import Any

from rich.console import Console
from rich.markup import escape

from newsweave.model import TRUNCATED, Dropped
from newsweave.pipeline import RunReport, SilentProgress
from newsweave.terminal import terminal_safe


class RichProgress:
    """A pipeline Progress shown as one rich bar per stage, on standard error."""

    def __init__(self, console: Console) -> None:
        # rich's bars and tables are imported where they are drawn (a quiet run draws none)
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            SpinnerColumn,
            TextColumn,
            TimeElapsedColumn,
        )

        self._bars = Progress(
            SpinnerColumn(),
            TextColumn("{task.description:<10}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=console,
            transient=True,
        )
        self._tasks: dict[str, Any] = {}

    def start(self, stage: str, total: int | None) -> None:
        """Show a new bar for `stage`."""
        if not self._tasks:
            self._bars.start()
        self._tasks[stage] = self._bars.add_task(stage, total=total)

    def advance(self, stage: str, n: int = 1) -> None:
        """Move the bar of `stage` on."""
        self._bars.advance(self._tasks[stage], n)

    def finish(self, stage: str) -> None:
        """Complete the bar of `stage`; stop the display after the last one."""
        self._bars.remove_task(self._tasks.pop(stage))
        if not self._tasks:
            self._bars.stop()


_NAMES = {  # collection -> (one, many) for the table
    "copies": ("copy group", "copy groups"),
    "stories": ("story", "stories"),
    "tallies": ("tally", "tallies"),
    "discrepancies": ("discrepancy", "discrepancies"),
    "entities": ("entity", "entities"),
}


def _count(name: str, n: int) -> str:
    one, many = _NAMES.get(name, (name.rstrip("s"), name))
    return f"{n:,} {one if n == 1 else many}"


def _counts(counts: dict[str, int]) -> str:
    return ", ".join(_count(name, n) for name, n in counts.items()) or "–"


def is_duplicate(item: Dropped) -> bool:
    """A page skipped because the same page was already read in this run."""
    return item.reason.startswith("duplicate of ")


class ConsoleUI:
    """Messages for people, on standard error, so standard output stays clean for data."""

    def __init__(self, quiet: bool = False, verbose: int = 0, width: int | None = None) -> None:
        self.quiet = quiet
        self.verbose = verbose
        self.console = Console(stderr=True, highlight=False, soft_wrap=True, width=width)
        self.out = Console(highlight=False, width=width)

    def progress(self) -> RichProgress | SilentProgress:
        """Progress bars on a terminal; silence when quiet or when standard error is not a terminal."""
        if self.quiet or not self.console.is_terminal:
            return SilentProgress()
        return RichProgress(self.console)

    def say(self, message: str) -> None:
        """One line of status, unless quiet."""
        if not self.quiet:
            self.console.print(escape(terminal_safe(message)))

    def dropped(self, dropped: list[Dropped]) -> None:
        """One line per dropped document, with why (shown even when quiet); repeats of a page
        already read are one line with their count (each listed with -v); a cut is "truncated"."""
        copies = [d for d in dropped if is_duplicate(d)]
        for item in dropped:
            if item.truncated:
                why = terminal_safe(item.reason.removeprefix(TRUNCATED).strip())
                self.console.print(
                    f"[yellow]truncated[/] {escape(terminal_safe(item.source))}: {escape(why)}"
                )
            elif not is_duplicate(item) or self.verbose:
                source, reason = terminal_safe(item.source), terminal_safe(item.reason)
                self.console.print(f"[yellow]dropped[/] {escape(source)}: {escape(reason)}")
        if copies and not self.verbose:
            n = len(copies)
            self.console.print(
                f"[yellow]skipped[/] {n:,} exact {'copy' if n == 1 else 'copies'} of pages already "
                "read in this run (-v lists them)"
            )

    def ingest_summary(self, summary: Any) -> None:
        """The dropped documents, then one line of counts."""
        self.dropped(summary.dropped)
        copies = sum(1 for d in summary.dropped if is_duplicate(d))
        self.say(
            f"read {summary.read} pages: {summary.added} stored, {summary.existing} already stored, "
            f"{copies} exact copies skipped, {len(summary.dropped) - copies} dropped"
        )

    def report(self, report: RunReport) -> None:
        """A table of what each stage read, wrote, dropped, and how long it took."""
        self.dropped(report.dropped)
        if self.quiet:
            return
        from rich.table import Column, Table

        table = Table(
            "stage",
            "read",
            "wrote",
            Column("dropped", justify="right"),
            Column("seconds", justify="right"),
            title="analysis: records each stage read and wrote",
        )
        for stage in report.stages:
            table.add_row(
                stage.name,
                _counts(stage.inputs) if stage.inputs else str(stage.records_in),
                _counts(stage.outputs) if stage.outputs else str(stage.records_out),
                str(len(stage.dropped)),
                f"{stage.seconds:.2f}",
            )
        self.console.print(table)

    def stories_table(self, rows: list[dict[str, Any]]) -> None:
        """The story list on standard output: a table on a wide terminal, else two lines a story."""
        if self.out.width >= 120:
            from rich.table import Table

            table = Table("id", "articles", "events", "dates", "outlets", "title")
            for row in rows:
                table.add_row(
                    escape(terminal_safe(row["id"])),
                    _sizes(row),
                    str(row["events"]),
                    escape(terminal_safe(_dates(row))),
                    escape(terminal_safe(", ".join(row["outlets"]))),
                    escape(terminal_safe(row["title"])),
                )
            self.out.print(table)
            return
        width = max(self.out.width, 40)
        for row in rows:
            self.out.print(f"[bold]{escape(terminal_safe(row['title']))}[/]", overflow="fold")
            events = f"{row['events']} {'event' if row['events'] == 1 else 'events'}"
            meta = f"{row['id']} · {_sizes(row)} · {events} · {_dates(row)}"
            outlets = ", ".join(row["outlets"]) or "no outlet known"
            for line in (meta, outlets):
                wrapped = textwrap.fill(line, width, initial_indent="  ", subsequent_indent="  ")
                self.out.print(escape(terminal_safe(wrapped)), overflow="fold")


def _sizes(row: dict[str, Any]) -> str:
    n = row["articles"]
    text = f"{n} {'article' if n == 1 else 'articles'}"
    sources = row.get("sources")
    if sources is not None and sources != n:
        text += f" ({sources} independent)"
    return text


def _dates(row: dict[str, Any]) -> str:
    if not row["first"]:
        return "undated"
    return (
        row["first"] if row["last"] in (None, row["first"]) else f"{row['first']} – {row['last']}"
    )
