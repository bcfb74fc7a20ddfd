"""Persistence. Only this sub-package talks SQL."""

from __future__ import annotations

import os
import re
from pathlib import Path

from .base import EventFilter, Store
from .sqlite import SQLiteStore

DEFAULT_DB = "newsfuse.db"
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*)://")


class StoreURLError(ValueError):
    """A --db value that names no store newsfuse can open (the message is one line for the user)."""


def default_url() -> str:
    return os.environ.get("NEWSFUSE_DB") or DEFAULT_DB


def sqlite_path(url: str) -> str | None:
    """The SQLite file a --db value names, or None for PostgreSQL.

    A plain path is a file; ``sqlite:///name.db`` is relative and ``sqlite:////abs/name.db`` absolute,
    as SQLAlchemy reads them. Any other ``scheme://`` is refused: it would otherwise become a folder
    named after the scheme.
    """
    if url.startswith(("postgresql://", "postgres://")):
        return None
    if url.startswith("sqlite:///"):
        return url[len("sqlite:///") :] or ":memory:"
    scheme = _SCHEME.match(url)
    if scheme:
        raise StoreURLError(f"unsupported store {url!r}: give a SQLite file, sqlite:///FILE or postgresql://...")
    return url


def sqlite_file_missing(url: str) -> bool:
    path = sqlite_path(url)
    return path is not None and path != ":memory:" and not Path(path).exists()


def open_store(url: str | None = None) -> Store:
    """`postgresql://...` selects PostgreSQL; a path or `sqlite:///path` a SQLite file."""
    url = url or default_url()
    path = sqlite_path(url)
    if path is None:
        # imported here: psycopg's import is a fifth of a second of every cold start, and a SQLite store never needs it
        from .postgres import PostgresStore

        return PostgresStore(url)
    return SQLiteStore(path)


__all__ = [
    "EventFilter",
    "Store",
    "StoreURLError",
    "open_store",
    "default_url",
    "sqlite_file_missing",
    "sqlite_path",
    "DEFAULT_DB",
]
