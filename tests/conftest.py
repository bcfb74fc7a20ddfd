"""Shared fixtures: paths to the real corpora, and stores on real SQLite / PostgreSQL."""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = (ROOT / ".." / "shared").resolve()
SEEDS = SHARED / "corpus" / "seeds"
EXAMPLES = ROOT / "examples"

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    return EXAMPLES


def _pg_url() -> str | None:
    return os.environ.get("NEWSFUSE_TEST_PG")


@pytest.fixture(params=["sqlite", "postgresql"])
def any_store(request, tmp_path):
    """The same store tests run against SQLite and a real PostgreSQL server."""
    from newsfuse.store import open_store

    if request.param == "sqlite":
        store = open_store(str(tmp_path / "t.db"))
        yield store
        store.close()
        return
    url = _pg_url()
    if not url:
        pytest.skip("NEWSFUSE_TEST_PG not set: run the tests with `make test`, which starts PostgreSQL")
    from newsfuse.store.postgres import PostgresStore

    schema = "t_" + uuid.uuid4().hex[:12]
    store = PostgresStore(url, schema=schema)
    yield store
    store.drop_schema()
    store.close()


@pytest.fixture(scope="session")
def seeds_store_path(tmp_path_factory) -> Path:
    """The three seeds through the real pipeline into a SQLite file, built once per test session."""
    from newsfuse.pipeline import ingest_paths
    from newsfuse.store import open_store

    db = tmp_path_factory.mktemp("seeds-store") / "seeds.db"
    with open_store(str(db)) as store:
        ingest_paths(store, [str(p) for p in sorted(SEEDS.glob("*.txt"))])
    return db
