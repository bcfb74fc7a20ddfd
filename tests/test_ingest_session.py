"""One long-lived ingest session per store: state loaded once, story records rebuilt only where a
batch touched them, and another writer's batches noticed (never overwritten by a stale clusterer)."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from newsfuse.api import create_app
from newsfuse.pipeline import IngestSession, ingest_paths, load_clusterer
from newsfuse.store import open_store
from newsfuse.store.base import Store
from newsfuse.store.postgres import PostgresStore
from newsfuse.watch import watch

ROOT = Path(__file__).resolve().parents[1]
ECBPLUS = ROOT / ".." / "shared" / "corpus" / "clustering" / "ecbplus" / "documents.jsonl"
TOPICS = ("18", "21", "34")  # ECB+ dev topics: two different events of one kind each
PER_SUBTOPIC = 6
TOKEN = "test-operator-token"
LOCAL = {"base_url": "http://127.0.0.1", "client": ("127.0.0.1", 40000)}


def _ecb_files(folder: Path) -> list[Path]:
    """Real ECB+ dev documents as JSON records, one JSONL file per topic, its two subtopics (two
    different events of one kind) interleaved."""
    by_topic: dict[str, dict[str, list[str]]] = {}
    for line in ECBPLUS.read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        if doc["split"] == "dev" and doc["topic"] in TOPICS:
            kept = by_topic.setdefault(doc["topic"], {}).setdefault(doc["subtopic"], [])
            if len(kept) < PER_SUBTOPIC:
                kept.append(line)
    paths = []
    for topic in TOPICS:
        subtopics = sorted(by_topic[topic].values())
        assert len(subtopics) == 2 and all(len(docs) == PER_SUBTOPIC for docs in subtopics)
        path = folder / f"ecb{topic}.jsonl"
        path.write_text("\n".join(x for pair in zip(*subtopics) for x in pair) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def _counting(store: Store, method: str) -> list[Any]:
    """Record every call of ``store.method`` (its first argument, if any)."""
    calls: list[Any] = []
    original: Callable[..., Any] = getattr(store, method)

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls.append(args[0] if args else None)
        return original(*args, **kwargs)

    setattr(store, method, counted)
    return calls


def _full_rebuild(store: Store) -> list[dict]:
    clusterer = load_clusterer(store)
    return sorted((s.to_dict() for s in clusterer.stories({a.id: a for a in store.articles()})), key=lambda d: d["id"])


def _stored(store: Store) -> list[dict]:
    return [s.to_dict() for s in store.stories()]


def test_story_records_rebuilt_where_touched_equal_a_full_rebuild(tmp_path, examples_dir):
    """The examples one file at a time (two of their stories grow into one, then split), another
    writer's ingest of an ECB+ topic in between, then two more ECB+ topics: after every ingest the
    stored story records are what a full rebuild from every stored article gives, and no ingest
    after the first loaded every article or saved every story."""
    ecb = _ecb_files(tmp_path)
    examples = sorted(p for p in examples_dir.iterdir() if p.name not in {"README.md", "make_warc.py"})
    db = str(tmp_path / "stories.db")
    with open_store(db) as store, open_store(db) as elsewhere:
        session = IngestSession(store)
        session.ingest([str(examples[0])], batch_size=4)
        assert _stored(store) == _full_rebuild(store)
        everything = _counting(store, "articles")
        saved = _counting(store, "replace_stories_of")
        for k, path in enumerate(examples[1:] + ecb[1:]):
            if k == len(examples) // 2:
                assert ingest_paths(elsewhere, [str(ecb[0])], batch_size=4).new == 2 * PER_SUBTOPIC
            session.ingest([str(path)], batch_size=4)
            assert not everything, f"{path.name}: the ingest loaded every stored article"
            assert _stored(store) == _full_rebuild(store), path.name
            everything.clear()
        assert session.loads == {"deduper": 2, "clusterer": 2}  # once, and once after the other writer
        stored = _stored(store)
        assert sorted(a for s in stored for a in s["article_ids"]) == sorted(a.id for a in store.articles())
        assert store.count_articles() >= 10 + 6 * PER_SUBTOPIC
        assert saved and max(len(set(ids)) for ids in saved) < len(stored)


def _second_connection(store: Store) -> Store:
    """Another connection to the same store, as another process would have."""
    if isinstance(store, PostgresStore):
        return PostgresStore(store.url, schema=store.schema)
    return open_store(store.url)


def test_a_session_never_saves_a_stale_clusterer_over_another_writers(any_store, seeds_dir):
    seeds = sorted(seeds_dir.glob("*.txt"))
    other = _second_connection(any_store)
    try:
        session = IngestSession(any_store)
        session.ingest([str(seeds[0])])
        ingest_paths(other, [str(seeds[1])])  # e.g. a CLI ingest while `serve` runs
        session.ingest([str(seeds[2])])
        assert session.loads["clusterer"] == 2
        clustered = {a for s in load_clusterer(any_store).stories_list() for a in s.article_ids}
        assert clustered == {a.id for a in any_store.articles()} and len(clustered) == 3
        [story] = any_store.stories()  # the three seeds report one call
        assert len(story.article_ids) == 3
        assert {a.story_id for a in any_store.articles()} == {story.id}
    finally:
        other.close()


def test_watch_loads_the_stored_state_once_for_all_its_files(tmp_path, seeds_dir):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for k, seed in enumerate(sorted(seeds_dir.glob("*.txt"))):
        shutil.copy(seed, inbox / f"{k}.txt")
    with open_store(str(tmp_path / "w.db")) as store:
        signatures = _counting(store, "signatures")
        states = _counting(store, "get_state")
        assert watch(store, [str(inbox)], once=True) == 3
        assert len(signatures) == 1
        assert states.count("stories") == 1
        assert store.count_articles() == 3 and len(store.stories()) == 1


def test_the_api_job_runner_keeps_one_session_for_its_jobs(tmp_path, seeds_dir):
    auth = {"authorization": f"Bearer {TOKEN}"}
    with TestClient(create_app(str(tmp_path / "api.db"), token=TOKEN), **LOCAL) as c:
        jobs = []
        for seed in sorted(seeds_dir.glob("*.txt"))[:2]:
            r = c.post("/ingest", files=[("files", (seed.name, seed.read_bytes(), "text/plain"))], headers=auth)
            assert r.status_code == 202
            jobs.append(r.json()["id"])
        runner = c.app.state.jobs
        runner.wait_idle(timeout=300)
        assert [c.get(f"/jobs/{j}").json()["status"] for j in jobs] == ["done", "done"]
        assert runner.session().loads == {"deduper": 1, "clusterer": 1}
        assert len(c.get("/articles").json()["items"]) == 2
