"""Persistence. Only this sub-package talks SQL."""

from __future__ import annotations

import os

from .base import EventFilter, Store
from .postgres import PostgresStore
from .sqlite import SQLiteStore

DEFAULT_DB = "newsfuse.db"


def default_url() -> str:
    return os.environ.get("NEWSFUSE_DB") or DEFAULT_DB


def open_store(url: str | None = None) -> Store:
    """`postgresql://...` selects PostgreSQL; anything else is a SQLite file path."""
    url = url or default_url()
    if url.startswith(("postgresql://", "postgres://")):
        return PostgresStore(url)
    return SQLiteStore(url)


__all__ = ["EventFilter", "Store", "open_store", "default_url", "DEFAULT_DB"]
