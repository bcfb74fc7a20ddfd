"""The `newsfuse` command line: a thin layer over the pipeline (writes) and the read side, `tell` (reads)."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO, Any

import click
import uvicorn
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

from . import export as exporter
from . import pipeline
from .api import create_app
from .distributed import ingest_with_dask
from .ingest import iter_paths
from .model import ActorRef, InputError
from .store import EventFilter, Store, default_url, open_store
from .tell import queries
from .tell.actors import collect_actors
from .tell.options import BadOption, checked_actors, checked_range
from .watch import watch as run_watch
from .web import pages

# Offline and quiet: models come from installed packages; no hub, no download bars on stderr.
for _key, _value in (
    ("HF_HUB_OFFLINE", "1"),
    ("TRANSFORMERS_OFFLINE", "1"),
    ("HF_HUB_DISABLE_PROGRESS_BARS", "1"),
    ("TRANSFORMERS_VERBOSITY", "error"),
    ("TOKENIZERS_PARALLELISM", "false"),
):
    os.environ.setdefault(_key, _value)

DB_HELP = "SQLite file or postgresql:// URL (default ./newsfuse.db, or $NEWSFUSE_DB)."


class OneLineError(click.ClickException):
    """A bad option or argument: one line ``error: ...`` on stderr, exit status 2."""

    exit_code = 2

    def show(self, file: IO[Any] | None = None) -> None:
        click.echo(f"error: {self.message}", err=True)


@contextmanager
def _one_line_errors() -> Iterator[None]:
    try:
        yield
    except (BadOption, exporter.ExportError) as exc:
        raise OneLineError(str(exc)) from exc


def _store(db: str | None) -> Store:
    return open_store(db or default_url())


def _print_json(obj: Any) -> None:
    click.echo(json.dumps(obj, ensure_ascii=False))


def _console() -> Console:
    return Console(stderr=True)


def _note(text: str | None) -> None:
    """A notice beside the answer (on stderr, so that --json output stays one record per line)."""
    if text:
        click.echo(text, err=True)


@click.group()
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
def ingest(
    paths: tuple[str, ...],
    db: str | None,
    as_json: bool,
    no_analysis: bool,
    dask_address: str | None,
    batch_size: int,
    time_limit: float,
) -> None:
    """Read files, folders, globs or - (stdin); clean, analyse, fuse and store them."""
    with _store(db) as store:
        if dask_address:
            summary = ingest_with_dask(
                store, list(paths), dask_address, analyse_articles=not no_analysis, on_error=pipeline.print_error
            )
        else:
            summary = _ingest_with_progress(store, list(paths), not no_analysis, batch_size, as_json, time_limit)
    if as_json:
        _print_json(summary.to_dict())
    else:
        click.echo(
            f"read {summary.inputs} inputs, {summary.documents} documents: {summary.new} new, "
            f"{summary.duplicate} duplicate, {summary.unchanged} unchanged, {summary.failed} failed"
            + (" (interrupted: run again to go on)" if summary.interrupted else "")
        )
    if summary.nothing_read:
        sys.exit(1)
    if summary.interrupted:
        # Everything is stored and the store is closed: skip the interpreter's slow teardown of
        # the models, so that Ctrl-C ends the process at once.
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(130)


def _ingest_with_progress(
    store: Store, paths: list[str], analyse: bool, batch_size: int, quiet: bool, time_limit: float | None = None
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
    with _store(db) as store:
        for a in store.articles(limit=limit):
            if as_json:
                _print_json(a.to_dict())
            else:
                dup = f" (duplicate of {a.duplicate_of})" if a.duplicate_of else ""
                click.echo(f"{a.id}  {a.published or '----------'}  {a.title or '(untitled)'}  [{a.source_path}]{dup}")


@main.command()
@click.argument("article_id")
@click.option("--db", default=None, help=DB_HELP)
@click.option("--json", "as_json", is_flag=True)
def show(article_id: str, db: str | None, as_json: bool) -> None:
    """Show one article with its annotations."""
    with _store(db) as store:
        annotated = store.annotations(article_id)
        article = store.article(article_id)
        if article is None:
            raise click.ClickException(f"no article {article_id}")
        record = annotated.to_dict() if annotated else article.to_dict()
        record["sources"] = store.sources(article_id)
    if as_json:
        _print_json(record)
        return
    byline = " ".join(record[k] or "" for k in ("published", "outlet", "author"))
    click.echo(f"{record['title'] or '(untitled)'}\n{byline}")
    for block in record["blocks"]:
        click.echo(("## " if block["kind"] == "heading" else "") + block["text"] + "\n")
    for r in record["removed"]:
        click.echo(f"  removed line {r['line']} ({r['reason']}): {r['text'][:70]}")


@main.command()
@click.argument("query")
@click.option("--db", default=None, help=DB_HELP)
@click.option("--json", "as_json", is_flag=True)
@click.option("--limit", default=20)
def search(query: str, db: str | None, as_json: bool, limit: int) -> None:
    """Full-text search over articles and quotes."""
    with _store(db) as store:
        hits = store.search(query, limit=limit)
    for h in hits:
        if as_json:
            _print_json(h)
        else:
            click.echo(f"{h['kind']:7} {h['article_id']}  {h['title'] or ''}: {h['snippet']}")


@main.command()
@click.option("--db", default=None, help=DB_HELP)
@click.option("--json", "as_json", is_flag=True)
@click.option("--mentions", is_flag=True, help="Event mentions per article (before fusion).")
@click.option("--actor", default=None)
@click.option("--type", "etype", default=None)
@click.option("--since", default=None, help="YYYY, YYYY-MM or YYYY-MM-DD, inclusive.")
@click.option("--until", default=None, help="YYYY, YYYY-MM or YYYY-MM-DD, inclusive.")
@click.option("--story", default=None)
def events(
    db: str | None,
    as_json: bool,
    mentions: bool,
    actor: str | None,
    etype: str | None,
    since: str | None,
    until: str | None,
    story: str | None,
) -> None:
    """List fused events (or, with --mentions, every event mention)."""
    with _one_line_errors():
        since, until = checked_range(since, until)
    with _store(db) as store:
        if mentions:
            for m in store.mentions():
                if etype and m.type != etype.upper():
                    continue
                if as_json:
                    _print_json(m.to_dict())
                else:
                    click.echo(
                        f"{m.article_id}  {m.type}/{m.mode or '-'}  {m.date or '?'}  {_names(m.source_actors)} -> "
                        f"{_names(m.target_actors)}  [{m.status}]  {m.sentence[:80]}"
                    )
            return
        answer = queries.events(store, EventFilter(actor=actor, type=etype, since=since, until=until, story_id=story))
    for e in answer.items:
        if as_json:
            _print_json(e.to_dict())
        else:
            click.echo(
                f"{e.id}  {e.date or '?':10} {e.type}/{e.mode or '-'}  {_names(e.source_actors)} -> "
                f"{_names(e.target_actors)}  [{e.status}] {len(e.mentions)} mentions"
            )
    _note(answer.note("events"))


def _names(refs: tuple[ActorRef, ...]) -> str:
    return ", ".join(r.name for r in refs) or "?"


@main.command()
@click.option("--db", default=None, help=DB_HELP)
@click.option("--json", "as_json", is_flag=True)
def stories(db: str | None, as_json: bool) -> None:
    """List stories with their articles."""
    with _store(db) as store:
        for s in store.stories():
            if as_json:
                _print_json(s.to_dict())
            else:
                click.echo(f"{s.id}  {s.first_published or '?'}  {s.title}  ({len(s.article_ids)} articles)")
                for aid in s.article_ids:
                    click.echo(f"    {aid}")


@main.command()
@click.argument("story_id")
@click.option("--db", default=None, help=DB_HELP)
@click.option("--format", "fmt", type=click.Choice(["md", "html", "json"]), default="md")
def brief(story_id: str, db: str | None, fmt: str) -> None:
    """A short cited briefing for one story."""
    with _store(db) as store:
        story = store.story(story_id)
        if story is None:
            raise click.ClickException(f"no story {story_id}")
        if fmt == "html":
            click.echo(pages.brief_html(queries.brief_content(store, story)))
        else:
            click.echo(queries.brief(store, story, fmt))


@main.command()
@click.option("--actor", "actors", multiple=True, help="Actor name, id or country code; twice for a pair.")
@click.option("--since", default=None, help="YYYY, YYYY-MM or YYYY-MM-DD, inclusive.")
@click.option("--until", default=None, help="YYYY, YYYY-MM or YYYY-MM-DD, inclusive.")
@click.option("--all", "guesses", is_flag=True, help="Also events coded below the confidence threshold.")
@click.option("--db", default=None, help=DB_HELP)
@click.option("--json", "as_json", is_flag=True)
def timeline(
    actors: tuple[str, ...], since: str | None, until: str | None, guesses: bool, db: str | None, as_json: bool
) -> None:
    """Dated fused events, oldest first (for a pair of actors: the events between them); events coded
    with a confidence below the threshold (each event's "confidence" in --json) only with --all."""
    with _one_line_errors():
        chosen = checked_actors("--actor", actors)
        since, until = checked_range(since, until)
    with _store(db) as store:
        answer = queries.timeline(store, chosen, since, until, guesses)
    for e in answer.items:
        if as_json:
            _print_json(e.to_dict())
        else:
            click.echo(
                f"{e.date or 'undated':10} ({e.date_precision or '-'}{', implied' if e.date_implied else ''})  "
                f"{e.type}/{e.mode or '-'}  "
                f"{_names(e.source_actors)} -> {_names(e.target_actors)}  [{e.status}]"
            )
    _note(answer.note("events"))


@main.command()
@click.option("--db", default=None, help=DB_HELP)
@click.option("--json", "as_json", is_flag=True, help="One JSON record per line.")
def actors(db: str | None, as_json: bool) -> None:
    """Actors on fused events, most events first, with country, sector, role and counts."""
    with _store(db) as store:
        items = collect_actors(store)
    for a in items:
        if as_json:
            _print_json(a)
        else:
            click.echo(
                f"{a['events']:5}  {a['name']}  [{a['country'] or '-'} {a['sector'] or '-'} {a['role'] or '-'}]"
                f"  source {a['as_source']}, target {a['as_target']}"
            )


@main.command()
@click.option("--speaker", default=None, help="Speaker name (any part, any case), actor id or country code.")
@click.option("--db", default=None, help=DB_HELP)
@click.option("--json", "as_json", is_flag=True, help="One JSON record per line.")
def quotes(speaker: str | None, db: str | None, as_json: bool) -> None:
    """Quotes in the stored articles, with who said them."""
    with _store(db) as store:
        for q in queries.iter_quotes(store, speaker):
            if as_json:
                _print_json(q)
            else:
                who = q["speaker"] or q["speaker_text"] or "?"
                click.echo(f"{q['article_id']}  {who} ({q['verb'] or '-'}): {q['text'][:160]}")


@main.command()
@click.argument("out")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet", "gdelt", "graphml"]), required=True)
@click.option(
    "--what",
    type=click.Choice(["articles", "events", "mentions"]),
    default=None,
    help="One table only (default: all that the format holds).",
)
@click.option("--db", default=None, help=DB_HELP)
def export(out: str, fmt: str, what: str | None, db: str | None) -> None:
    """Export articles, events and mentions to the file OUT, into the folder OUT (an existing folder,
    or a path ending with /), or to standard output (-). One JSONL file holds every table, each
    record with its `kind`; CSV and Parquet hold one table per file (--what, or a folder)."""
    with _store(db) as store, _one_line_errors():
        if out == "-":
            exporter.export_to_stream(store, fmt, sys.stdout.buffer, what)
            return
        written = exporter.export(store, fmt, out, what)
    for path in written:
        click.echo(f"wrote {path}")


@main.command()
@click.option("--db", default=None, help=DB_HELP)
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True)
@click.option(
    "--workers",
    default=1,
    show_default=True,
    type=click.IntRange(1, 64),
    help="Server processes answering in parallel (SQLite readers share the WAL file; jobs live in the store).",
)
def serve(db: str | None, host: str, port: int, workers: int) -> None:
    """REST API (OpenAPI at /docs) and web page; writes need the bearer token $NEWSFUSE_TOKEN."""
    if workers > 1:  # each process builds its own app from the environment
        if db:
            os.environ["NEWSFUSE_DB"] = db
        uvicorn.run("newsfuse.api.app:app_from_env", factory=True, host=host, port=port, workers=workers)
        return
    app = create_app(
        db or default_url(),
        token=os.environ.get("NEWSFUSE_TOKEN"),
        allow_remote_reads=os.environ.get("NEWSFUSE_PUBLIC_READS") == "1",
    )
    uvicorn.run(app, host=host, port=port)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--db", default=None, help=DB_HELP)
@click.option("--interval", default=2.0, show_default=True, help="Seconds between polls.")
@click.option("--once", is_flag=True, help="One pass over the paths, then exit.")
@click.option("--json", "as_json", is_flag=True, help="One JSON line per ingested file.")
def watch(paths: tuple[str, ...], db: str | None, interval: float, once: bool, as_json: bool) -> None:
    """Ingest new files in FOLDERs and changed FEED files as they arrive (Ctrl-C to stop)."""

    def report(path: str, summary: pipeline.IngestSummary) -> None:
        if as_json:
            _print_json({"path": path, **summary.to_dict()})
        else:
            click.echo(
                f"{path}: {summary.new} new, {summary.duplicate} duplicate, {summary.unchanged} unchanged, "
                f"{summary.failed} failed"
            )

    with _store(db) as store:
        count = run_watch(
            store, list(paths), interval=interval, once=once, on_file=report, on_error=pipeline.print_error
        )
    if not as_json:
        click.echo(f"watched: {count} files ingested")


@main.command()
@click.option("--db", default=None, help=DB_HELP)
@click.option("--json", "as_json", is_flag=True)
def failures(db: str | None, as_json: bool) -> None:
    """Inputs that could not be read, with their causes."""
    with _store(db) as store:
        for f in store.failures():
            _print_json(f) if as_json else click.echo(f"error: {f['path']}: {f['cause']}")


if __name__ == "__main__":
    main()
