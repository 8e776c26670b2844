"""What the CLI shows on the terminal: progress bars, summaries and dropped documents."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from newsweave.model import Dropped
from newsweave.pipeline import RunReport, SilentProgress
from newsweave.terminal import terminal_safe


class RichProgress:
    """A pipeline Progress shown as one rich bar per stage, on standard error."""

    def __init__(self, console: Console) -> None:
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


class ConsoleUI:
    """Messages for people, on standard error, so standard output stays clean for data."""

    def __init__(self, quiet: bool = False) -> None:
        self.quiet = quiet
        self.console = Console(stderr=True, highlight=False, soft_wrap=True)

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
        """One line per dropped document: which and why (shown even when quiet)."""
        for item in dropped:
            source, reason = terminal_safe(item.source), terminal_safe(item.reason)
            self.console.print(f"[yellow]dropped[/] {escape(source)}: {escape(reason)}")

    def ingest_summary(self, summary: Any) -> None:
        """The dropped documents, then one line of counts."""
        self.dropped(summary.dropped)
        self.say(
            f"read {summary.read} pages: {summary.added} stored, {summary.existing} already stored, "
            f"{len(summary.dropped)} dropped"
        )

    def report(self, report: RunReport) -> None:
        """A table of what each stage took in, gave out, dropped, and how long it took."""
        self.dropped(report.dropped)
        if self.quiet:
            return
        table = Table("stage", "in", "out", "dropped", "seconds", title="analysis")
        for stage in report.stages:
            table.add_row(
                stage.name,
                str(stage.records_in),
                str(stage.records_out),
                str(len(stage.dropped)),
                f"{stage.seconds:.2f}",
            )
        self.console.print(table)

    def stories_table(self, rows: list[dict[str, Any]]) -> None:
        """The story list as a table on standard output."""
        table = Table("id", "articles", "events", "dates", "outlets", "title")
        for row in rows:
            dates = f"{row['first']} – {row['last']}" if row["first"] else "undated"
            table.add_row(
                escape(terminal_safe(row["id"])),
                str(row["articles"]),
                str(row["events"]),
                escape(terminal_safe(dates)),
                escape(terminal_safe(", ".join(row["outlets"]))),
                escape(terminal_safe(row["title"])),
            )
        Console(highlight=False).print(table)
