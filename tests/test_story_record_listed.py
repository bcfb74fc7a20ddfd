"""A story's record as the store keeps it, at a cost that does not grow with the story (issue 17): the
``stories`` row holds no article ids; each article's place in its story's list is kept beside its story
id (``articles.story_rank``), and the store lists a story's articles from there, in the clusterer's
order. Through joins, merges, splits and moves, batch after batch, what the store serves is the record
of one clusterer kept in memory. A store from before the places is migrated, and a story saved before
them is numbered once, at its next change. SQLite and PostgreSQL.

The articles are real ECB+ documents of ../shared/corpus/clustering; their story items are made here
(``test_story_rows_packed._item``), so that stories grow, merge and split on purpose."""

from __future__ import annotations

import dataclasses
import json
import random
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from conftest import as_saved_before_keys_rows, sqlite_file_at_version
from test_story_chunk_rows import _recorded

from newsfuse import pipeline
from newsfuse.model import Article, Block, Story
from newsfuse.pipeline import load_clusterer, save_clusterer
from newsfuse.store import open_store
from newsfuse.store.base import Store
from newsfuse.store.sqlite import MIGRATIONS
from newsfuse.stories import StoryItem
from newsfuse.stories.cluster import StoryClusterer
from newsfuse.stories.embed import DIM

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "clustering" / "ecbplus" / "documents.jsonl"
EVENTS = ("quake", "vote", "flood")


@dataclass
class _Analysed:
    """What ``assign_stories`` reads of an analysed article."""

    article_id: str
    story: StoryItem


def _stored(store: Store, items: list[StoryItem]) -> None:
    """Real ECB+ documents stored under the items' article ids."""
    lines = CORPUS.read_text(encoding="utf-8").splitlines()[: len(items)]
    with store.transaction():
        for item, line in zip(items, lines):
            doc = json.loads(line)
            blocks = tuple(Block("paragraph", " ".join(s)) for s in doc["sentences"] if s)
            store.add_article(
                Article(item.article_id, "ecbplus.jsonl", "jsonl", doc.get("title"), None, "O", None, blocks)
            )


# two quakes (close: one story that splits, or two that a report of both bridges) and a flood
TOPICS = {
    "c": ({"quake": 2, "magnitude": 1, "chile": 3, "santiago": 2, "rescue": 1}, ("chile", "santiago"), 1),
    "p": ({"quake": 2, "magnitude": 1, "rescue": 1, "peru": 3, "lima": 2}, ("peru", "lima"), 1),
    "f": ({"flood": 2, "river": 2, "rain": 1, "dhaka": 2}, ("dhaka",), 2),
}
LOOSE = {"threshold": -0.2, "merge_threshold": 0.0, "split_threshold": 0.4, "split_min_members": 3}


def _report(topic: str, k: int) -> StoryItem:
    words, names, base = TOPICS[topic]
    emb = np.random.default_rng(base).standard_normal(DIM) + 0.5 * np.random.default_rng(k).standard_normal(DIM)
    return StoryItem(
        article_id=f"{topic}{k}",
        published=f"2024-03-{k % 9 + 1:02d}",
        title=f"{topic} report {k}",
        embedding=(emb / np.linalg.norm(emb)).astype(np.float32),
        terms=tuple(sorted({**words, f"{topic}-detail{k}": 1}.items())),
        names=names,
        salient=names,
        name_mentions=names,
    )


def _batches(n: int, size: int) -> list[list[StoryItem]]:
    """``n`` reports of each topic in a shuffled order, in batches of ``size``."""
    items = [_report(topic, k) for topic in TOPICS for k in range(n)]
    random.Random(5).shuffle(items)
    return [items[i : i + size] for i in range(0, len(items), size)]


def _ingested(store: Store, batch: list[StoryItem], kept: StoryClusterer) -> None:
    """One batch through the pipeline's story steps, by a clusterer opened from the store, and by ``kept``."""
    opened = load_clusterer(store)
    with store.transaction():
        pipeline.assign_stories(store, opened, [_Analysed(i.article_id, i) for i in batch])
    pipeline.update_stories_and_events(store, opened)
    for item in batch:
        kept.add(item)


def _served(store: Store) -> list[Story]:
    return sorted(store.stories(), key=lambda s: s.id)


def _records(clusterer: StoryClusterer) -> list[Story]:
    return sorted(clusterer.stories({}), key=lambda s: s.id)


def test_the_store_lists_each_story_in_the_order_of_one_kept_clusterer_through_merges_and_splits(any_store):
    batches = _batches(20, 6)
    _stored(any_store, [i for b in batches for i in b])
    save_clusterer(any_store, StoryClusterer(LOOSE))
    kept = StoryClusterer(LOOSE)
    regrouped = 0
    for batch in batches:
        before = any_store.stories_of([i.article_id for b in batches for i in b])
        _ingested(any_store, batch, kept)
        after = any_store.stories_of(before)
        regrouped += sum(1 for a, s in before.items() if s is not None and after[a] != s)
        assert _served(any_store) == _records(kept)
    assert regrouped > 0  # stored articles changed stories (merges, splits or moves)
    published = {i.article_id: i.published for b in batches for i in b}
    for story in _served(any_store):  # the dates of its own articles (a split once left those of the ones gone)
        days = sorted(published[a] for a in story.article_ids)
        assert (story.first_published, story.last_published) == (days[0], days[-1])
    big = max(kept.stories({}), key=lambda s: len(s.article_ids))
    assert len(big.article_ids) > 16
    [(doc,)] = any_store._exec("SELECT doc FROM stories WHERE id = ?", (big.id,)).fetchall()
    assert "article_ids" not in json.loads(doc)  # its record does not list them


def test_a_record_of_a_big_story_opened_by_key_reads_no_chunk(any_store):
    batches = _batches(20, 60)
    _stored(any_store, batches[0])
    save_clusterer(any_store, StoryClusterer(LOOSE))
    _ingested(any_store, batches[0][:-1], StoryClusterer(LOOSE))
    opened = load_clusterer(any_store)
    read = _recorded(any_store, "cluster_story_chunks")
    sid = opened.add(batches[0][-1])
    (record,) = opened.records_by_id([sid], {})
    (whole,) = opened.stories_by_id([sid], {})  # (reads the rest of its chunks)
    assert len(read) == 2 and len(whole.article_ids) > 16
    assert record.article_ids == () and record == dataclasses.replace(whole, article_ids=())


def _as_saved_before_places(store: Store) -> None:
    """The clusterer's story rows as code from before places left them: no ``next_rank``."""
    clusterer = StoryClusterer.from_bytes(load_clusterer(store).to_bytes())  # (its next save: every row)
    for story in clusterer.stories_list():
        story.next_rank = None
    with store.transaction():
        save_clusterer(store, clusterer)


def test_a_sqlite_store_from_before_places_is_migrated_and_its_stories_numbered_at_their_next_change(tmp_path):
    batches = _batches(8, 6)
    new = tmp_path / "new.db"
    with open_store(str(new)) as store:
        _stored(store, [i for b in batches for i in b])
        save_clusterer(store, StoryClusterer(LOOSE))
        kept = StoryClusterer(LOOSE)
        for batch in batches[:-1]:
            _ingested(store, batch, kept)
        _as_saved_before_places(store)
        as_saved_before_keys_rows(store)
        store.save_stories(kept.stories({}))  # records with their ids, as code from before saved them
    old = tmp_path / "old.db"
    sqlite_file_at_version(new, old, next(v for v, script in enumerate(MIGRATIONS) if "story_rank" in script))
    with sqlite3.connect(old) as conn:
        assert "story_rank" not in {r[1] for r in conn.execute("PRAGMA table_info(articles)")}
    with open_store(str(old)) as store:
        assert _served(store) == _records(kept)  # old records, with their ids
        _ingested(store, batches[-1], kept)
        assert _served(store) == _records(kept)
        ranked = store._exec("SELECT COUNT(*) FROM articles WHERE story_rank IS NOT NULL").fetchone()[0]
        assert ranked > len(batches[-1])  # the stories the last batch touched were numbered whole
