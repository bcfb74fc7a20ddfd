"""The story clusterer's state kept row by row (one row per story, per index key, per counted term):
saved and loaded it is the clusterer the whole blob gave, a batch writes only the rows it changed,
and a store that still holds the blob moves it into the rows at its next save. SQLite and PostgreSQL."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import bare_story_item as _item

from newsfuse.pipeline import STORIES_META, STORIES_STATE, IngestSession, load_clusterer, save_clusterer
from newsfuse.store import open_store
from newsfuse.store.base import Store
from newsfuse.stories import StoryItem
from newsfuse.stories.cluster import StoryClusterer

ROOT = Path(__file__).resolve().parents[1]
ECBPLUS = ROOT / ".." / "shared" / "corpus" / "clustering" / "ecbplus" / "documents.jsonl"

# a config under which reports of two quakes and a flood grow together, merge and split again
CHURN = {"threshold": -0.2, "merge_threshold": 0.0, "split_threshold": 0.4, "split_min_members": 3}


def _three_events() -> list[StoryItem]:
    chile = {"quake": 2, "magnitude": 1, "chile": 3, "santiago": 2, "rescue": 1}
    peru = {"quake": 2, "magnitude": 1, "rescue": 1, "peru": 3, "lima": 2}
    flood = {"flood": 2, "river": 2, "rain": 1, "dhaka": 2}
    return (
        [_item(f"c{i}", {**chile, f"c-detail{i}": 1}, ("chile", "santiago")) for i in range(4)]
        + [_item(f"p{i}", {**peru, f"p-detail{i}": 1}, ("peru", "lima")) for i in range(4)]
        + [_item(f"f{i}", {**flood, f"f-detail{i}": 1}, ("dhaka",)) for i in range(4)]
    )


def _bridged() -> list[StoryItem]:
    """Two stories, then a report of both: they merge (one story's row goes)."""
    return [
        _item("a", {"quake": 2, "chile": 3, "santiago": 2}),
        _item("b", {"tsunami": 3, "wave": 2, "coast": 2}),
        _item("c", {"quake": 2, "chile": 2, "santiago": 1, "tsunami": 2, "wave": 2, "coast": 1}),
        _item("d", {"tsunami": 2, "coast": 2, "chile": 1}),
    ]


def _save(store: Store, clusterer: StoryClusterer) -> None:
    with store.transaction():
        save_clusterer(store, clusterer)


def _counting(store: Store, method: str) -> list[tuple]:
    """Record the arguments of every call of ``store.method``."""
    calls: list[tuple] = []
    original: Callable[..., Any] = getattr(store, method)

    def counted(*args: Any) -> Any:
        calls.append(tuple(list(a) if not isinstance(a, dict) else dict(a) for a in args))
        return original(*args)

    setattr(store, method, counted)
    return calls


@pytest.mark.parametrize(
    "config, items",
    [
        (CHURN, _three_events()),
        (CHURN, [_three_events()[k] for k in (4, 0, 8, 5, 1, 9, 6, 2, 10, 7, 3, 11)]),
        ({"threshold": 0.2, "merge_threshold": -10.0, "split_threshold": None}, _bridged()),
    ],
)
def test_rows_saved_after_every_article_load_as_the_blob_does(any_store, config, items):
    """Saved after every article, then loaded from the rows and carried on from there: at every step
    the same clusterer as the one kept in memory and the one the blob round trip gives."""
    kept = StoryClusterer(config)
    reloaded = StoryClusterer(config)
    for item in items:
        assert reloaded.add(item) == kept.add(item)
        _save(any_store, reloaded)
        reloaded = load_clusterer(any_store)
        assert reloaded.to_bytes() == kept.to_bytes() == StoryClusterer.from_bytes(kept.to_bytes()).to_bytes()
        assert sorted(any_store.cluster_stories()) == sorted(s.id for s in kept.stories_list())
    assert reloaded.article_story == kept.article_story
    assert len(kept.stories_list()) < len({f"s-{i.article_id}" for i in items})  # stories merged or split


@pytest.mark.parametrize(
    "config, items",
    [
        (CHURN, _three_events()),
        (CHURN, [_three_events()[k] for k in (4, 0, 8, 5, 1, 9, 6, 2, 10, 7, 3, 11)]),
        ({"threshold": 0.2, "merge_threshold": -10.0, "split_threshold": None}, _bridged()),
    ],
)
def test_a_clusterer_reading_rows_by_key_makes_the_same_stories(any_store, config, items):
    """Each article added by a clusterer opened afresh, which reads only the rows the article touches
    (stories merging and splitting on the way): the same stories, ids and state as one kept in memory."""
    kept = StoryClusterer(config)
    _save(any_store, StoryClusterer(config))
    for item in items:
        opened = load_clusterer(any_store)
        assert opened._source is not None  # reads by key, not every row
        assert opened.add(item) == kept.add(item)
        assert opened.pop_moved() == kept.pop_moved()
        _save(any_store, opened)
        kept.pop_changes()
    assert load_clusterer(any_store).to_bytes() == kept.to_bytes()
    assert len(kept.stories_list()) < len({f"s-{i.article_id}" for i in items})


def test_an_added_article_writes_its_story_its_keys_and_its_counts_only(any_store):
    clusterer = StoryClusterer()
    for i in range(40):  # 40 unrelated stories of two reports each
        for k in range(2):
            clusterer.add(_item(f"a{i}-{k}", {f"word{i}": 2, f"thing{i}": 1, f"k{k}": 1}, (f"person{i}",)))
    _save(any_store, clusterer)
    assert len(any_store.cluster_stories()) == 40
    stories = _counting(any_store, "save_cluster_stories")
    postings = _counting(any_store, "save_cluster_postings")
    counts = _counting(any_store, "add_cluster_counts")
    assert clusterer.add(_item("new", {"word7": 2, "thing7": 1, "fresh": 1}, ("person7",))) == "s-a7-0"
    _save(any_store, clusterer)
    [(rows, removed, orders, recent, chunks)] = stories
    assert list(rows) == list(recent) == ["s-a7-0"] and removed == [] and orders == {"s-a7-0": 7}
    assert {sid: (count, list(changed)) for sid, (count, changed) in chunks.items()} == {"s-a7-0": (1, [0])}
    [(keys,)] = postings
    assert keys == {"t:fresh": ["s-a7-0"]}  # its other keys listed its story already
    [(added,)] = counts
    assert sorted(added) == [("n", "person7", 1), ("t", "fresh", 1), ("t", "thing7", 1), ("t", "word7", 1)]
    assert {t: n for kind, t, n in any_store.cluster_counts() if kind == "t"}["word7"] == 3
    assert load_clusterer(any_store).to_bytes() == clusterer.to_bytes()


def _ecb_records(folder: Path, topics: tuple[str, ...], per_topic: int) -> list[Path]:
    """Real ECB+ dev documents as JSON records, one JSONL file per topic."""
    lines: dict[str, list[str]] = {t: [] for t in topics}
    for line in ECBPLUS.read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        if doc["split"] == "dev" and doc["topic"] in lines and len(lines[doc["topic"]]) < per_topic:
            lines[doc["topic"]].append(line)
    paths = []
    for topic in topics:
        path = folder / f"ecb{topic}.jsonl"
        path.write_text("\n".join(lines[topic]) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def test_each_ingest_batch_writes_the_rows_of_the_stories_it_changed_and_no_other(tmp_path):
    """Real ECB+ dev reports of five topics, a file per topic, three reports a batch: every batch
    writes exactly the story rows that differ after it (new or changed: joined, merged, split, or its
    members' similarities brought up to date when it was a candidate) and deletes the ones that went;
    the last topic's batches leave most earlier stories alone."""
    files = _ecb_records(tmp_path, ("18", "21", "34", "12", "5"), 5)
    with open_store(str(tmp_path / "rows.db")) as store:
        written = _counting(store, "save_cluster_stories")
        before = store.cluster_stories()
        session = IngestSession(store)
        sizes = []
        for path in files:
            written.clear()
            session.ingest([str(path)], batch_size=3)
            after = store.cluster_stories()
            rows = {sid for call in written for sid in call[0]}
            gone = {sid for call in written for sid in call[1]}
            assert rows == {sid for sid, row in after.items() if before.get(sid) != row}, path.name
            assert gone == set(before) - set(after), path.name
            sizes.append((len(rows), len(after)))
            before = after
        assert session.loads["clusterer"] == 1
        written_last, stored = sizes[-1]
        assert 2 * written_last < stored, sizes
        assert load_clusterer(store).to_bytes() == session.clusterer.to_bytes()


def _as_before_the_rows(store: Store) -> bytes:
    """Turn the store into one the code before the rows left: the clusterer as one blob in state."""
    blob = load_clusterer(store).to_bytes()
    with store.transaction():
        store.clear_cluster_state()
        store.delete_state(STORIES_META)
        store.set_state(STORIES_STATE, blob)
    return blob


def test_a_store_with_the_blob_moves_it_into_the_rows_at_its_next_save(any_store, seeds_dir):
    seeds = sorted(seeds_dir.glob("*.txt"))
    IngestSession(any_store).ingest([str(p) for p in seeds[:2]])
    blob = _as_before_the_rows(any_store)
    assert any_store.cluster_stories() == {} and any_store.cluster_counts() == []
    assert load_clusterer(any_store).to_bytes() == blob  # read from the blob; nothing written yet
    assert any_store.get_state(STORIES_STATE) == blob
    session = IngestSession(any_store)
    session.ingest([str(seeds[2])])
    assert session.loads["clusterer"] == 1
    assert any_store.get_state(STORIES_STATE) is None
    loaded = load_clusterer(any_store)
    assert loaded.to_bytes() == session.clusterer.to_bytes()
    assert set(loaded.article_story) == {a.id for a in any_store.articles()} and len(loaded.article_story) == 3
    [story] = any_store.stories()  # the three seeds report one call
    assert sorted(any_store.cluster_stories()) == [story.id]
    names = {t for kind, t, _ in any_store.cluster_counts() if kind == "n"}
    assert names == set(loaded.name_df) and names
