"""The CLI's outputs beyond listings: a briefing (Markdown, HTML or JSON), exports, the API server.
Their libraries (Jinja, pyarrow, networkx, FastAPI, uvicorn) load only when one of these runs."""

from __future__ import annotations

import os
import sys

import click
import uvicorn

from .. import export as exporter
from ..api import create_app
from ..store import StoreURLError, default_url, sqlite_path
from ..tell import queries
from ..web import pages
from .common import DB_HELP, one_line_errors, store_at


@click.command()
@click.argument("story_id")
@click.option("--db", default=None, help=DB_HELP)
@click.option("--format", "fmt", type=click.Choice(["md", "html", "json"]), default="md")
@click.option("--json", "as_json", is_flag=True, help="The same as --format json (as every listing takes it).")
def brief(story_id: str, db: str | None, fmt: str, as_json: bool) -> None:
    """A short cited briefing for one story."""
    fmt = "json" if as_json else fmt
    with store_at(db) as store:
        story = store.story(story_id)
        if story is None:
            raise click.ClickException(f"no story {story_id}")
        if fmt == "html":
            click.echo(pages.brief_html(queries.brief_content(store, story)))
        else:
            click.echo(queries.brief(store, story, fmt))


@click.command()
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
    with store_at(db) as store, one_line_errors(exporter.ExportError):
        if out == "-":
            exporter.export_to_stream(store, fmt, sys.stdout.buffer, what)
            return
        written = exporter.export(store, fmt, out, what)
    for path in written:
        click.echo(f"wrote {path}")


@click.command()
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
    with one_line_errors(StoreURLError):
        sqlite_path(db or default_url())
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
