"""Analyses stored from their encoded form (as a Dask worker sends them) read back as the records they were
encoded from, on SQLite and PostgreSQL, and give the same store as analyses stored as they are."""

from __future__ import annotations

import pickle
import sqlite3
from pathlib import Path

import pytest

from newsfuse.ingest import iter_inputs
from newsfuse.model import AnnotatedArticle
from newsfuse.pipeline import Analysis, IngestSession, IngestSummary, analyse, read_and_clean, storable
from newsfuse.store import open_store, serde


@pytest.fixture(scope="module")
def seed_analyses(seeds_dir: Path) -> list[Analysis]:
    articles = [a for item in iter_inputs([str(seeds_dir)]) for a in read_and_clean(item)[1]]
    analyses = analyse(articles)
    assert len(analyses) == 3 and all(x.mentions and x.annotated.quotes for x in analyses)
    return analyses


def test_encoded_analysis_reads_back_as_its_records(any_store, seed_analyses):
    for x in seed_analyses:
        any_store.add_article(x.annotated.article)
        any_store.save_encoded(serde.encode_analysis(x.annotated, x.mentions))
    for x in seed_analyses:
        aid = x.annotated.article.id
        assert any_store.annotations(aid) == x.annotated
        assert any_store.mentions(aid) == list(x.mentions)
    quote = seed_analyses[0].annotated.quotes[0]
    hits = [h["article_id"] for h in any_store.search(quote.text) if h["kind"] == "quote"]
    assert seed_analyses[0].annotated.article.id in hits


def test_encoded_again_replaces_the_mentions_and_quotes(any_store, seed_analyses):
    x = seed_analyses[0]
    any_store.add_article(x.annotated.article)
    any_store.save_encoded(serde.encode_analysis(x.annotated, x.mentions))
    fewer = serde.encode_analysis(AnnotatedArticle(article=x.annotated.article), x.mentions[:1])
    any_store.save_encoded(fewer)
    assert any_store.mentions(x.annotated.article.id) == list(x.mentions[:1])
    assert [h for h in any_store.search(x.annotated.quotes[0].text) if h["kind"] == "quote"] == []


def tables(db: str) -> dict[str, list]:
    with sqlite3.connect(db) as conn:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {n: sorted(map(repr, conn.execute(f"SELECT * FROM {n}"))) for n in names if n != "inputs"}


def test_storable_sent_through_pickle_stores_what_the_analysis_stores(tmp_path, seed_analyses):
    """A Dask worker pickles what ``storable`` makes; the driver stores it: every table as when the
    session stores the analyses themselves (a plain run)."""
    dbs = []
    for way in ("analyses", "storable"):
        db = str(tmp_path / f"{way}.db")
        with open_store(db) as store:
            session = IngestSession(store)
            session.admit([x.annotated.article for x in seed_analyses], IngestSummary())
            batch = list(session.pending)
            if way == "analyses":
                session.store_analysed(batch, seed_analyses)
            else:
                session.store_storable(batch, pickle.loads(pickle.dumps([storable(x) for x in seed_analyses])))
            session.update_stories_and_events()
        dbs.append(tables(db))
    assert dbs[0]["articles"] and dbs[0]["mentions"] and dbs[0]["events"]
    assert dbs[0] == dbs[1]
