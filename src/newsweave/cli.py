"""The `newsweave` command line: parse, call the library, print."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from newsweave.errors import InputError, NewsweaveError
from newsweave.logs import setup_logging
from newsweave.model import Dropped, Page
from newsweave.store import DEFAULT_DB, EXPORT_FORMATS, MEMORY, SQLiteStore, export, open_store
from newsweave.terminal import json_line, json_safe, terminal_safe

if TYPE_CHECKING:
    from newsweave.dedup import IndependenceConfig
    from newsweave.extract import ExtractConfig

FORMATS = ("json", "md", "html")
SUFFIX_FORMATS = {".json": "json", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html"}


def db_option(
    default: str | None = DEFAULT_DB,
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """The shared --db option."""
    help_text = "SQLite store file." + ("" if default else " Default: a temporary in-memory store.")
    return click.option("--db", "db", default=default, show_default=bool(default), help=help_text)


def entities_option(fn: Callable[..., Any]) -> Callable[..., Any]:
    """The shared --entities option: which entity backend the extract stage uses."""
    return click.option(
        "--entities",
        type=click.Choice(["auto", "spacy", "lexical", "none"]),
        default="auto",
        show_default=True,
        help="Entity backend: auto is spaCy when installed (a default dependency), else lexical.",
    )(fn)


def outlet_groups_option(fn: Callable[..., Any]) -> Callable[..., Any]:
    """The shared --outlet-groups option: outlets that count as one independent source."""
    return click.option(
        "--outlet-groups",
        type=click.Path(exists=True, dir_okay=False, path_type=Path),
        help='JSON file of sister outlets that count as one source: {"group": ["host", ...]}. '
        "Articles of one site always count as one source.",
    )(fn)


def _independence(path: Path | None) -> IndependenceConfig | None:
    if path is None:
        return None
    from newsweave.dedup import IndependenceConfig, load_outlet_groups

    return IndependenceConfig(outlet_groups=load_outlet_groups(path))


def _extract_config(entities: str) -> ExtractConfig:
    from newsweave.extract import ExtractConfig

    return ExtractConfig(entities=entities)


def output_options(fn: Callable[..., Any]) -> Callable[..., Any]:
    """The shared --format / -o options of commands that render a brief."""
    fn = click.option(
        "-o",
        "--output",
        type=click.Path(dir_okay=False, path_type=Path),
        help="Write to this file instead of standard output.",
    )(fn)
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(FORMATS),
        help="Output format. Default: from the -o file's suffix, else md.",
    )(fn)


# commands defined in their own packages, imported only when they run (or --help lists them):
# `newsweave clean` then loads none of the engines, the analysis stages or the web app
LAZY_COMMANDS = {
    "eval": "newsweave.evaluate.command:evaluate",
    "run": "newsweave.engines.command:run",
    "serve": "newsweave.web.command:serve",
}


class LazyGroup(click.Group):
    """A click group whose commands in LAZY_COMMANDS are imported when first asked for."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        """Every command name, the lazy ones included, sorted."""
        return sorted({*super().list_commands(ctx), *LAZY_COMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        """The command called `cmd_name`, importing its module if it is a lazy one."""
        if cmd_name in LAZY_COMMANDS and cmd_name not in self.commands:
            from importlib import import_module

            module, attr = LAZY_COMMANDS[cmd_name].split(":")
            self.add_command(getattr(import_module(module), attr), cmd_name)
        return super().get_command(ctx, cmd_name)


def _show_version(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    """--version: the version is looked up only when asked for."""
    if not value or ctx.resilient_parsing:
        return
    from newsweave import __version__

    click.echo(f"newsweave, version {__version__}")
    ctx.exit()


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_show_version,
    help="Show the version and exit.",
)
@click.option("-v", "--verbose", count=True, help="More log output (repeat for debug).")
@click.option("-q", "--quiet", is_flag=True, help="No progress bars or summaries.")
@click.pass_context
def cli(ctx: click.Context, verbose: int, quiet: bool) -> None:
    """newsweave turns scraped news pages into sourced story briefs."""
    setup_logging(verbose, quiet)
    ctx.obj = {"quiet": quiet, "verbose": verbose}


@cli.command()
@click.argument("inputs", nargs=-1, required=True)
@output_options
@db_option(default=None)
@click.option(
    "--against",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Show what changed since this earlier JSON brief.",
)
@click.option(
    "--since",
    metavar="YYYY-MM-DD",
    help="Show what changed: articles published on or after this date are new.",
)
@click.option(
    "--llm-url",
    metavar="URL",
    help="Write the summary with this OpenAI-compatible endpoint (checked against the sources). "
    "Default: $NEWSWEAVE_LLM_URL; off when neither is set.",
)
@click.option("--llm-model", metavar="NAME", help="Model name for --llm-url.")
@entities_option
@outlet_groups_option
@click.pass_context
def brief(
    ctx: click.Context,
    inputs: tuple[str, ...],
    fmt: str | None,
    output: Path | None,
    db: str | None,
    against: Path | None,
    since: str | None,
    llm_url: str | None,
    llm_model: str | None,
    entities: str,
    outlet_groups: Path | None,
) -> None:
    """Ingest INPUTS, run every stage and write the story brief (the main job).

    INPUTS are files, folders, or - for standard input: .txt, .html, .jsonl,
    .warc(.gz), RSS/Atom feeds, any of them .gz.
    """
    from newsweave.analyze import make_brief
    from newsweave.jobs import analyze_store, ingest
    from newsweave.summarize.abstractive import LLMConfig

    ui = _ui(ctx)
    fmt = _format(fmt, output)
    if against and since:
        raise InputError("give --against or --since, not both")
    if since:
        from newsweave.changes import check_since

        check_since(since)
    llm = LLMConfig.from_env(llm_url, llm_model)
    independence = _independence(outlet_groups)
    with open_store(db or MEMORY) as store:
        summary = ingest(store, inputs, ui.progress(), stdin=_stdin(inputs))
        ui.ingest_summary(summary)
        if store.count("pages") == 0:
            raise InputError(f"no usable pages in the input ({len(summary.dropped)} dropped)")
        extract = _extract_config(entities)
        result = analyze_store(store, ui.progress(), extract, independence)
        dropped = summary.dropped + result.report.dropped
        ui.dropped(result.report.dropped)
        if not result.articles:
            raise InputError("no page yielded an article; see the reasons above")
        stories = result.stories
        if llm is not None:
            from newsweave.summarize.abstractive import abstractive_summaries

            stories, rejected = abstractive_summaries(stories, result.articles, llm)
            ui.dropped(rejected)
            dropped += rejected
        result_brief = make_brief(result.articles, stories, dropped)
        if against is not None:
            from newsweave.changes import read_brief, with_changes

            result_brief = with_changes(result_brief, read_brief(against), str(against))
        elif since:
            from newsweave.changes import changes_since

            result_brief = changes_since(result_brief, list(store.pages()), since, extract)
        _write(result_brief, fmt, output, ui)


@cli.command(name="ingest")
@click.argument("inputs", nargs=-1)
@click.option("--url", "urls", multiple=True, help="Fetch this URL (repeatable).")
@click.option(
    "--url-file",
    type=click.File("rb"),
    help="Fetch every URL in this file (one per line).",
)
@click.option("--follow", is_flag=True, help="For a fetched feed, fetch the page of every item.")
@click.option(
    "--allow-private",
    is_flag=True,
    help="Allow fetching loopback, private and link-local addresses.",
)
@db_option()
@click.pass_context
def ingest_command(
    ctx: click.Context,
    inputs: tuple[str, ...],
    urls: tuple[str, ...],
    url_file: Any,
    follow: bool,
    allow_private: bool,
    db: str,
) -> None:
    """Read INPUTS (files, folders, -) and fetched URLs into the store.

    Pages already stored are not stored again. URLs are fetched only when given
    with --url or --url-file: politely (robots.txt, a delay per host), with a
    size cap, and never from private or loopback addresses unless --allow-private.
    """
    from itertools import chain

    from newsweave.ingest import read_inputs
    from newsweave.ingest.fetch import FetchConfig, fetch_pages, read_url_list
    from newsweave.jobs import store_items

    listed = url_file.read().decode("utf-8", "replace") if url_file else ""
    wanted = list(urls) + read_url_list(listed)
    if not inputs and not wanted:
        raise InputError("nothing to ingest: give paths, --url or --url-file")
    ui = _ui(ctx)
    fetched: list[int] = []

    def count_fetched(items: Iterable[Page | Dropped]) -> Iterator[Page | Dropped]:
        for item in items:
            if isinstance(item, Page):
                fetched.append(1)
            yield item

    items = chain(
        read_inputs(inputs, stdin=_stdin(inputs)) if inputs else (),
        count_fetched(fetch_pages(wanted, FetchConfig(allow_private=allow_private), follow=follow))
        if wanted
        else (),
    )
    with open_store(db) as store:
        ui.ingest_summary(store_items(store, items, ui.progress()))
    if wanted and not fetched:
        raise InputError(f"every URL was refused or failed ({len(wanted)} given); see above")


@cli.command()
@db_option()
@entities_option
@outlet_groups_option
@click.pass_context
def analyze(ctx: click.Context, db: str, entities: str, outlet_groups: Path | None) -> None:
    """Run every analysis stage over the stored pages and store the stories."""
    from newsweave.jobs import analyze_store
    from newsweave.render.overview import counted

    ui = _ui(ctx)
    independence = _independence(outlet_groups)
    with _existing_store(db) as store:
        result = analyze_store(store, ui.progress(), _extract_config(entities), independence)
        ui.report(result.report)
        ui.say(
            f"{counted(len(result.articles), 'article')} in "
            f"{counted(len(result.stories), 'story', 'stories')}"
        )


@cli.command()
@db_option()
@click.option("--json", "as_json", is_flag=True, help="Print JSON lines instead of a table.")
@click.pass_context
def stories(ctx: click.Context, db: str, as_json: bool) -> None:
    """List the stored stories with their sizes, date ranges and outlets."""
    with _existing_store(db) as store:
        from newsweave.jobs import story_rows

        rows = story_rows(store)
    if as_json:
        for row in rows:
            click.echo(json_line(row))
        return
    if not rows:
        click.echo("no stories yet: run `newsweave analyze` after ingesting pages", err=True)
        return
    _ui(ctx).stories_table(rows)


@cli.command()
@click.argument("story_id")
@db_option()
@click.option("--json", "as_json", is_flag=True, help="Print relations and groups as JSON.")
def lineage(story_id: str, db: str, as_json: bool) -> None:
    """Show a story's copies (kind, direction, evidence, shared text) and independent sources.

    Articles count as one source when one copies the other (verbatim, prefix, partial,
    rewrite or translation; quotations never count), when they come from one site, or when they credit
    one wire agency and share its wording.
    """
    from newsweave.dedup import independent_count
    from newsweave.model import to_dict
    from newsweave.render.overview import counted

    with _existing_store(db) as store:
        story = store.story(story_id)
        if story is None:
            raise InputError(f"no single story matches {story_id!r}: see `newsweave stories`")
        names = {a.id: a.outlet or a.source for a in store.articles() if a.id in story.articles}
    count = independent_count(story)
    if as_json:
        data = {
            "story": story.id,
            "articles": len(story.articles),
            "independent_sources": count,
            "groups": to_dict(story.sources),
            "relations": to_dict(story.lineage),
        }
        click.echo(json_line(data))
        return
    click.echo(
        terminal_safe(
            f"{story.id}: {counted(len(story.articles), 'article')}, "
            f"{counted(count, 'independent source')}"
        )
    )
    if story.lineage:
        click.echo("copies:")
    for rel in story.lineage:
        arrow = "->" if rel.directed else "<->"
        click.echo(
            terminal_safe(
                f"  {rel.original} ({names.get(rel.original, '?')}) {arrow} {rel.copy} "
                f"({names.get(rel.copy, '?')}): {rel.kind}"
            )
        )
        for line in rel.evidence:
            click.echo(terminal_safe(f"      {line}"))
        for passage in rel.passages[:1]:
            click.echo(terminal_safe(f"      shared: {passage[:200]}"))
    grouped = [g for g in story.sources if len(g.articles) > 1]
    if grouped:
        click.echo("one source each:")
    for group in grouped:
        click.echo(
            terminal_safe("  " + ", ".join(f"{a} ({names.get(a, '?')})" for a in group.articles))
        )
        for reason in group.reasons:
            click.echo(terminal_safe(f"      {reason}"))


@cli.command()
@click.argument("story_id")
@output_options
@db_option()
@click.pass_context
def show(ctx: click.Context, story_id: str, fmt: str | None, output: Path | None, db: str) -> None:
    """Show the brief of one stored story (an id or a unique prefix of one)."""
    from newsweave.jobs import brief_from_store

    with _existing_store(db) as store:
        if store.story(story_id) is None:
            raise InputError(f"no single story matches {story_id!r}: see `newsweave stories`")
        result = brief_from_store(store, story_id)
    _write(result, _format(fmt, output), output, _ui(ctx))


@cli.command(name="export")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(EXPORT_FORMATS),
    default="jsonl",
    show_default=True,
    help="JSON Lines (one record a line) or Parquet (needs -o).",
)
@click.option(
    "--what",
    type=click.Choice(["pages", "articles", "stories"]),
    default="articles",
    show_default=True,
    help="Which records: raw pages (after ingest), articles or stories (after analyze).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write to this file instead of standard output.",
)
@db_option()
def export_command(fmt: str, what: str, output: Path | None, db: str) -> None:
    """Export stored pages, articles or stories as JSON Lines or Parquet."""
    with _existing_store(db) as store:
        count = export(store, what, fmt, output or sys.stdout)
        pages = store.count("pages")
    if output:
        click.echo(f"wrote {count} {what} to {output}", err=True)
    if count == 0 and what != "pages" and pages:
        click.echo(
            f"newsweave: hint: no {what} yet, but {pages} stored pages: run "
            f"`newsweave analyze --db {db}` first",
            err=True,
        )
    elif count == 0:
        click.echo(
            f"newsweave: hint: the store is empty: run `newsweave ingest --db {db} PATH...` first",
            err=True,
        )


@cli.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "text"]),
    default="jsonl",
    show_default=True,
    help="One JSON article a line, or the plain title and text.",
)
@click.option(
    "--explain",
    is_flag=True,
    help="Show every line of each page as kept or dropped, with the reason.",
)
@click.pass_context
def clean(ctx: click.Context, inputs: tuple[str, ...], fmt: str, explain: bool) -> None:
    """Clean INPUTS and print one article per page, in input order (nothing is stored).

    Pages are cleaned in batches, as `brief` and `analyze` clean them (lines repeated across
    pages of one site are dropped).
    """
    from newsweave.clean import clean_pages, explain_page
    from newsweave.ingest import read_inputs
    from newsweave.model import to_dict

    ui = _ui(ctx)

    def pages() -> Iterator[Page]:
        for item in read_inputs(inputs, stdin=_stdin(inputs)):
            if isinstance(item, Dropped):
                ui.dropped([item])
            else:
                yield item

    if explain:
        for page in pages():
            click.echo(terminal_safe(f"== {page.source}"))
            for verdict in explain_page(page):
                mark = "+" if verdict.kept else "-"
                click.echo(terminal_safe(f"{mark} [{verdict.reason}] {verdict.text}"))
        return
    for result in clean_pages(pages()):
        if isinstance(result, Dropped):
            ui.dropped([result])
        elif fmt == "jsonl":
            record = to_dict(result)
            record.pop("figures", None)
            record.pop("quotes", None)
            click.echo(json_line(record))
        else:
            title = result.title or "(untitled)"
            click.echo(terminal_safe(f"== {result.source}\n# {title}\n\n{result.text}\n"))


def _ui(ctx: click.Context) -> Any:
    from newsweave.ui import ConsoleUI

    obj = ctx.find_root().obj or {}
    return ConsoleUI(quiet=obj.get("quiet", False), verbose=obj.get("verbose", 0))


def _format(fmt: str | None, output: Path | None) -> str:
    if fmt:
        return fmt
    if output is not None and output.suffix.lower() in SUFFIX_FORMATS:
        return SUFFIX_FORMATS[output.suffix.lower()]
    return "md"


def _stdin(inputs: tuple[str, ...]) -> Any:
    return sys.stdin.buffer if "-" in inputs else None


def _existing_store(db: str) -> SQLiteStore:
    if db != MEMORY and not Path(db).exists():
        raise InputError(f"no store at {db}: run `newsweave ingest --db {db} PATH...` first")
    return open_store(db)


def _write(result: Any, fmt: str, output: Path | None, ui: Any) -> None:
    from newsweave.render import render

    text = render(result, fmt)
    if output is None:  # escape codes from pages never reach the terminal
        click.echo(json_safe(text) if fmt == "json" else terminal_safe(text), nl=False)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot write {output}: {exc.strerror}") from exc
    ui.say(f"wrote {fmt} brief to {output}")


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the CLI and turn newsweave's errors into one line and an exit code."""
    try:
        cli.main(args=argv, prog_name="newsweave", standalone_mode=False)
    except NewsweaveError as exc:
        click.echo(terminal_safe(f"newsweave: error: {exc}"), err=True)
        sys.exit(exc.exit_code)
    except click.exceptions.Abort:
        click.echo("newsweave: aborted", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)


if __name__ == "__main__":
    main()
