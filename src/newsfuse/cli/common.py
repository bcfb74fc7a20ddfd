"""What every command module of the CLI shares: the --db option's help, one-line errors, the store,
JSON lines and notes on stderr. Cheap to import (click and the store only)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO, Any

import click

from ..store import Store, StoreURLError, default_url, open_store, sqlite_file_missing

DB_HELP = "SQLite file (or sqlite:///FILE) or postgresql:// URL (default ./newsfuse.db, or $NEWSFUSE_DB)."


class OneLineError(click.ClickException):
    """A bad option or argument: one line ``error: ...`` on stderr, exit status 2."""

    exit_code = 2

    def show(self, file: IO[Any] | None = None) -> None:
        click.echo(f"error: {self.message}", err=True)


@contextmanager
def one_line_errors(*kinds: type[Exception]) -> Iterator[None]:
    """Exceptions of these kinds (a bad option, an export that cannot be written) as one-line errors."""
    try:
        yield
    except kinds as exc:
        raise OneLineError(str(exc)) from exc


def store_at(db: str | None, create: bool = False) -> Store:
    """The store --db names. Only commands that write (ingest, watch) create a missing SQLite file:
    a listing of a mistyped path says so instead of answering from a new empty store."""
    url = db or default_url()
    with one_line_errors(StoreURLError):
        if not create and sqlite_file_missing(url):
            raise StoreURLError(f"no newsfuse store at {url!r}: `newsfuse ingest FILES --db {url}` creates one")
        return open_store(url)


def print_json(obj: Any) -> None:
    click.echo(json.dumps(obj, ensure_ascii=False))


def note(text: str | None) -> None:
    """A notice beside the answer (on stderr, so that --json output stays one record per line)."""
    if text:
        click.echo(text, err=True)
