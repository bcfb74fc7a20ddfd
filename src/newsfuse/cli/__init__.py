"""The `newsfuse` command line: a thin layer over the pipeline (writes) and the read side, `tell` (reads).

A cold ``newsfuse ingest`` pays for what it imports: this module holds the writing commands and the
plain listings, which need only the pipeline and the store. The commands that answer through
``tell``, render pages, export or serve (FastAPI, uvicorn, Jinja, pyarrow, networkx) live in
``reads`` and ``outputs`` and are imported when one of them is run (click's lazy subcommands).
"""

from __future__ import annotations

import importlib
import os
import sys
from dataclasses import dataclass
from typing import Any

import click
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from .. import pipeline
from ..distributed import ingest_with_dask
from ..ingest import iter_paths
from ..model import Article, InputError
from ..store import Store
from ..watch import watch as run_watch
from ..workers import MAX_AUTO_WORKERS, worker_count
from .common import DB_HELP, OneLineError, print_json, store_at

# Offline and quiet: models come from installed packages; no hub, no download bars on stderr.
for _key, _value in (
    ("HF_HUB_OFFLINE", "1"),
    ("TRANSFORMERS_OFFLINE", "1"),
    ("HF_HUB_DISABLE_PROGRESS_BARS", "1"),
    ("TRANSFORMERS_VERBOSITY", "error"),
    ("TOKENIZERS_PARALLELISM", "false"),
):
    os.environ.setdefault(_key, _value)

# Commands whose modules are imported only when they run: name -> "module:function".
LAZY_COMMANDS = {
    "events": "newsfuse.cli.reads:events",
    "timeline": "newsfuse.cli.reads:timeline",
    "actors": "newsfuse.cli.reads:actors",
    "quotes": "newsfuse.cli.reads:quotes",
    "brief": "newsfuse.cli.outputs:brief",
    "export": "newsfuse.cli.outputs:export",
    "serve": "newsfuse.cli.outputs:serve",
}


class LazyGroup(click.Group):
    """A command group that imports a command's module when the command is asked for (by name, for
    --help, or for the list of commands), as click's documentation on lazily loaded subcommands shows."""

    def __init__(self, *args: Any, lazy_commands: dict[str, str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lazy_commands = lazy_commands

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.lazy_commands})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self.lazy_commands:
            return lazy_command(self.lazy_commands[cmd_name])
        return super().get_command(ctx, cmd_name)


def lazy_command(spec: str) -> click.Command:
    """'package.module:name' -> that module's click command."""
    module_name, name = spec.split(":")
    command = getattr(importlib.import_module(module_name), name)
    if not isinstance(command, click.Command):
        raise TypeError(f"{spec} is not a click command")
    return command


@dataclass(frozen=True)
class Launched:
    """How the command was started: ``newsfuse.launch`` (the installed command) runs nothing after it,
    so an ingest may end the process once all is stored; a caller that runs a command and goes on
    passes nothing."""

    end_at_once: bool = False


def _console() -> Console:
    return Console(stderr=True)


@click.group(cls=LazyGroup, lazy_commands=LAZY_COMMANDS)
@click.version_option(package_name="newsfuse")
def main() -> None:
    """newsfuse: many news reports in, one checked account out."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--db", default=None, help=DB_HELP)
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.option("--no-analysis", is_flag=True, help="Only read, clean and store (no NLP, events or stories).")
@click.option(
    "--dask", "dask_address", default=None, help="Run per-document stages on Dask: SCHEDULER_ADDRESS or local[:N]."
)
@click.option("--batch-size", default=16, show_default=True, help="Documents per stored batch (one transaction).")
@click.option(
    "--time-limit",
    default=60.0,
    show_default=True,
    type=float,
    help="Seconds of analysis one document may take; past it that file is an error and the batch "
    "goes on (0: no limit).",
)
@click.option(
    "--workers",
    default=0,
    show_default=True,
    type=click.IntRange(min=0),
    help="Analysis processes beside this one when the input gives more than one batch "
    f"(0: one per core, at most {MAX_AUTO_WORKERS}; 1: analyse in this process).",
)
def ingest(
    paths: tuple[str, ...],
    db: str | None,
    as_json: bool,
    no_analysis: bool,
    dask_address: str | None,
    batch_size: int,
    time_limit: float,
    workers: int,
) -> None:
    """Read files, folders, globs or - (stdin); clean, analyse, fuse and store them."""
    with store_at(db, create=True) as store:
        if dask_address:
            summary = ingest_with_dask(
                store, list(paths), dask_address, analyse_articles=not no_analysis, on_error=pipeline.print_error
            )
        else:
            summary = _ingest_with_progress(
                store, list(paths), not no_analysis, batch_size, as_json, time_limit, worker_count(workers)
            )
    if as_json:
        print_json(summary.to_dict())
    else:
        click.echo(
            f"read {summary.inputs} inputs, {summary.documents} documents: {summary.new} new, "
            f"{summary.duplicate} duplicate, {summary.unchanged} unchanged, {summary.failed} failed"
            + (" (interrupted: run again to go on)" if summary.interrupted else "")
        )
    if summary.nothing_read:
        sys.exit(1)
    if summary.interrupted:
        _end_now(130)  # Ctrl-C ends the process at once
    if _launched().end_at_once:  # nothing runs after the command: a quarter second of a cold ingest's wall time
        _end_now(0)


def _launched() -> Launched:
    obj = click.get_current_context().find_root().obj
    return obj if isinstance(obj, Launched) else Launched()


def _end_now(code: int) -> None:
    """Everything is stored and the store is closed: end without the interpreter's slow teardown of
    the models and modules."""
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def _ingest_with_progress(
    store: Store,
    paths: list[str],
    analyse: bool,
    batch_size: int,
    quiet: bool,
    time_limit: float | None = None,
    workers: int = 1,
) -> pipeline.IngestSummary:
    console = _console()
    columns = [
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("[dim]{task.fields[rate]}"),
        TimeElapsedColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
    ]
    with Progress(*columns, console=console, transient=True, disable=quiet or not console.is_terminal) as bar:
        task = bar.add_task("ingest", total=_count_inputs(paths), rate="")

        def progress(done: int, path: str) -> None:
            elapsed = bar.tasks[0].elapsed or 0.0
            rate = f"{done / elapsed:.1f}/s" if elapsed else ""
            bar.update(task, completed=done, description=os.path.basename(path)[:40], rate=rate)

        return pipeline.ingest_paths(
            store,
            paths,
            analyse_articles=analyse,
            batch_size=batch_size,
            progress=progress,
            stdin=sys.stdin.buffer,
            on_error=pipeline.print_error,
            time_limit=time_limit or None,
            workers=workers,
        )


def _count_inputs(paths: list[str]) -> int | None:
    """Files the ingest will visit, for the progress bar's ETA (the ingest's own expansion, no reading)."""
    return sum(1 for found in iter_paths(paths) if not isinstance(found, InputError)) or None


@main.command()
@click.option("--db", default=None, help=DB_HELP)
@click.option("--json", "as_json", is_flag=True, help="One JSON record per line.")
@click.option("--limit", default=None, type=int)
def articles(db: str | None, as_json: bool, limit: int | None) -> None:
    """List stored articles."""
    with store_at(db) as store:
        for a in store.articles(limit=limit):
            if as_json:
                print_json(a.to_dict())
            else:
                dup = f" (duplicate of {a.duplicate_of})" if a.duplicate_of else ""
                click.echo(f"{a.id}  {a.published or '----------'}  {a.title or '(untitled)'}  [{a.source_path}]{dup}")


@main.command()
@click.argument("article_id")
@click.option("--db", default=None, help=DB_HELP)
@click.option("--json", "as_json", is_flag=True)
def show(article_id: str, db: str | None, as_json: bool) -> None:
    """Show one article with its annotations: by its id, its record's own id (as a briefing cites it) or its URL."""
    with store_at(db) as store:
        article = store.article(article_id) or _named(store, article_id)
        article_id = article.id
        annotated = store.annotations(article_id)
        record = annotated.to_dict() if annotated else article.to_dict()
        record["sources"] = store.sources(article_id)
    if as_json:
        print_json(record)
        return
    byline = " ".join(record[k] or "" for k in ("published", "outlet", "author"))
    click.echo(f"{record['title'] or '(untitled)'}\n{byline}")
    for block in record["blocks"]:
        click.echo(("## " if block["kind"] == "heading" else "") + block["text"] + "\n")
    for r in record["removed"]:
        click.echo(f"  removed line {r['line']} ({r['reason']}): {r['text'][:70]}")


def _named(store: Store, handle: str) -> Article:
    """The one article whose record id or URL is ``handle`` (a one-line error for none or several)."""
    found = store.articles_named(handle)
    if len(found) != 1:
        several = "several articles have" if found else "no article has"
        raise OneLineError(f"{several} the id, record id or URL {handle!r}")
    return found[0]


@main.command()
@click.argument("query")
@click.option("--db", default=None, help=DB_HELP)
@click.option("--json", "as_json", is_flag=True)
@click.option("--limit", default=20)
def search(query: str, db: str | None, as_json: bool, limit: int) -> None:
    """Full-text search over articles and quotes."""
    with store_at(db) as store:
        hits = store.search(query, limit=limit)
    for h in hits:
        if as_json:
            print_json(h)
        else:
            click.echo(f"{h['kind']:7} {h['article_id']}  {h['title'] or '(untitled)'}: {h['snippet']}")


@main.command()
@click.option("--db", default=None, help=DB_HELP)
@click.option("--json", "as_json", is_flag=True)
def stories(db: str | None, as_json: bool) -> None:
    """List stories with their articles."""
    with store_at(db) as store:
        for s in store.stories():
            if as_json:
                print_json(s.to_dict())
            else:
                click.echo(f"{s.id}  {s.first_published or '?'}  {s.title}  ({len(s.article_ids)} articles)")
                for aid in s.article_ids:
                    click.echo(f"    {aid}")


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--db", default=None, help=DB_HELP)
@click.option("--interval", default=2.0, show_default=True, help="Seconds between polls.")
@click.option("--once", is_flag=True, help="One pass over the paths, then exit.")
@click.option("--json", "as_json", is_flag=True, help="One JSON line per ingested file.")
@click.option(
    "--workers",
    default=0,
    show_default=True,
    type=click.IntRange(min=0),
    help=f"Analysis processes for the whole run (0: one per core, at most {MAX_AUTO_WORKERS}; 1: analyse in "
    "this process).",
)
def watch(paths: tuple[str, ...], db: str | None, interval: float, once: bool, as_json: bool, workers: int) -> None:
    """Ingest new files in FOLDERs and changed FEED files as they arrive (Ctrl-C to stop)."""

    def report(path: str, summary: pipeline.IngestSummary) -> None:
        if as_json:
            print_json({"path": path, **summary.to_dict()})
        else:
            click.echo(
                f"{path}: {summary.new} new, {summary.duplicate} duplicate, {summary.unchanged} unchanged, "
                f"{summary.failed} failed"
            )

    with store_at(db, create=True) as store:
        count = run_watch(
            store,
            list(paths),
            interval=interval,
            once=once,
            on_file=report,
            on_error=pipeline.print_error,
            workers=worker_count(workers),
        )
    if not as_json:
        click.echo(f"watched: {count} files ingested")


@main.command()
@click.option("--db", default=None, help=DB_HELP)
@click.option("--json", "as_json", is_flag=True)
def failures(db: str | None, as_json: bool) -> None:
    """Inputs that could not be read, with their causes."""
    with store_at(db) as store:
        for f in store.failures():
            print_json(f) if as_json else click.echo(f"error: {f['path']}: {f['cause']}")
