"""Shared fixtures: paths to the real corpora, stores on real SQLite / PostgreSQL, and synthetic fused
events for the read side's tests."""

from __future__ import annotations

import json
import os
import random
import sqlite3
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from newsfuse import pipeline
from newsfuse.actors import link
from newsfuse.model import (
    ActorMention,
    ActorRef,
    AnnotatedArticle,
    Article,
    Block,
    Event,
    EventMention,
    InputFile,
    MentionRef,
    article_id,
)
from newsfuse.nlp import annotate
from newsfuse.store.base import Store
from newsfuse.stories import StoryItem, story_item
from newsfuse.stories.cluster import StoryClusterer
from newsfuse.stories.packed import pack, unpack

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


EVENT_ACTORS = [
    ActorRef("Vladimir Putin", "RUS", "GOV", "President", "person:vladimir-putin"),
    ActorRef("Benjamin Netanyahu", "ISR", "GOV", "Prime Minister", "person:benjamin-netanyahu"),
    ActorRef("Recep Tayyip Erdogan", "TUR", "GOV", "President", "person:recep-tayyip-erdogan"),
    ActorRef("Israeli military", "ISR", "MIL", None, None),
    ActorRef("Russian government", "RUS", "GOV", None, None),
]
EVENT_TYPES = ["CONSULT", "ACCUSE", "AGREE"]
SyntheticEvents = Callable[..., list[Event]]


@pytest.fixture(scope="session")
def synthetic_events() -> SyntheticEvents:
    """``make(article, n, seed, coarse_dates=False)``: n fused events between two of five actors, one
    mention each in ``article``, dated on a random day or undated (also a bare year or month with
    ``coarse_dates``), for read-side tests that compare a query with a rule over every event."""

    def make(article: Article, n: int, seed: int, coarse_dates: bool = False) -> list[Event]:
        rng = random.Random(seed)
        out = []
        for i in range(n):
            source, target = rng.sample(EVENT_ACTORS, 2)
            day_of_year = f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            day = rng.choice([None, "2024", "2025-03", day_of_year] if coarse_dates else [None, day_of_year])
            out.append(
                Event(
                    id=f"e{i:03d}",
                    type=rng.choice(EVENT_TYPES),
                    mode=None,
                    cameo=None,
                    date=day,
                    date_precision=None if day is None else {4: "year", 7: "month"}.get(len(day), "day"),
                    source_actors=(source,),
                    target_actors=(target,),
                    location=None,
                    topics=(),
                    status="occurred",
                    details=(),
                    mentions=(MentionRef(f"m{i}", article.id, "Outlet", "sentence", 0, 8),),
                )
            )
        return out

    return make


def bare_story_item(aid: str, terms: dict[str, int], names: tuple[str, ...] = ()) -> StoryItem:
    """A story item of word counts and names only (no date, no embedding), for the clusterer's tests."""
    return StoryItem(
        article_id=aid,
        published=None,
        title=aid,
        embedding=np.zeros(0, dtype=np.float32),
        terms=tuple(sorted(terms.items())),
        names=names,
        salient=names,
        name_mentions=names,
    )


def written_article(text: str, published: str = "2024-03-06") -> Article:
    """A sentence written for a test as a one-paragraph article."""
    blocks = (Block("paragraph", text),)
    return Article(article_id(blocks), "test", "text", None, published, None, None, blocks)


@pytest.fixture(scope="session")
def linked_sentences() -> Callable[[dict[str, str]], dict[str, AnnotatedArticle]]:
    """Key -> written sentence in; key -> the sentence annotated (one batch) and actor-linked out."""
    from newsfuse.actors import link
    from newsfuse.nlp import annotate

    def run(sentences: dict[str, str]) -> dict[str, AnnotatedArticle]:
        annotated = annotate([written_article(t) for t in sentences.values()])
        return {key: link(a) for key, a in zip(sentences, annotated)}

    return run


@pytest.fixture(scope="session")
def plain_greedy_fusion() -> Callable[[list, dict[str, str]], list[list[str]]]:
    """The fusion grouping rule checked the plain way (every member of every cluster), as mention ids:
    what ``stories.fuse.cluster_mentions`` must give, however it finds its candidates."""
    from newsfuse.stories import dates as D
    from newsfuse.stories import fuse as F
    from newsfuse.stories import mention_facts as MF

    def within_stories(ordered: list, story_of: dict[str, str]) -> list[list]:
        clusters: list[list] = []
        for m in ordered:
            story = story_of.get(m.article_id)
            best, best_score = None, (0, 0)
            for c in clusters:
                if story is not None and story_of.get(c[0].article_id) == story:
                    if all(F.compatible(m, n, story_of) for n in c):
                        score = (sum(len(MF._actors(m) & MF._actors(n)) for n in c), len(c))
                        if score > best_score:
                            best, best_score = c, score
            if best is None:
                clusters.append([m])
            else:
                best.append(m)
        return clusters

    def same_story(m, n, story_of: dict[str, str]) -> bool:
        return story_of.get(m.article_id) is not None and story_of.get(m.article_id) == story_of.get(n.article_id)

    def mergeable(group: list, cluster: list, story_of: dict[str, str]) -> bool:
        pairs = [(m, n) for m in cluster for n in group]
        if any(
            not F.compatible(m, n, story_of) if same_story(m, n, story_of) else not F._fits_across(m, n)
            for m, n in pairs
        ):
            return False
        return any(not same_story(m, n, story_of) and F.compatible(m, n, story_of) for m, n in pairs)

    def group(ms: list, story_of: dict[str, str]) -> list[list[str]]:
        ordered = sorted(ms, key=lambda m: (D.rank(m.date_precision if m.date else None), m.id))
        position = {m.id: i for i, m in enumerate(ordered)}
        groups: list[list] = []
        for cluster in within_stories(ordered, story_of):
            best = None
            for g in groups:
                if (best is None or len(g) > len(best)) and mergeable(g, cluster, story_of):
                    best = g
            if best is None:
                groups.append(list(cluster))
            else:
                best.extend(cluster)
        as_positions = sorted(sorted(position[m.id] for m in g) for g in groups)
        return [[ordered[i].id for i in g] for g in as_positions]

    return group


def link_written_sentences(sentences: dict[str, str]) -> dict[str, AnnotatedArticle]:
    """Each named text as a one-paragraph article (published 2012-11-01), parsed by the pipeline's
    spaCy model and linked: for the actor tests on sentences written for them."""
    articles = []
    for name, text in sentences.items():
        blocks = (Block("paragraph", text),)
        articles.append(Article(article_id(blocks), name, "text", None, "2012-11-01", None, None, blocks))
    return {name: link(a) for name, a in zip(sentences, annotate(articles))}


def named_mentions(ann: AnnotatedArticle) -> list[ActorMention]:
    """The linked actor mentions that name someone (not the bare ones: "the ministry")."""
    return [m for m in ann.actors if not m.bare]


def ids_over(ann: AnnotatedArticle, words: str, nth: int = 0) -> list[str | None]:
    """The actor ids of the named mentions overlapping the nth occurrence of ``words``."""
    start = -1
    for _ in range(nth + 1):
        start = ann.article.text.index(words, start + 1)
    end = start + len(words)
    return [m.actor.actor_id for m in named_mentions(ann) if m.start < end and start < m.end]


def ecbplus_topic_lines(topics: tuple[str, ...], per_topic: int) -> list[tuple[str, str]]:
    """(``ecb-<topic>``, JSON line) of the first ``per_topic`` ECB+ reports of each topic, in corpus order."""
    documents = SHARED / "corpus" / "clustering" / "ecbplus" / "documents.jsonl"
    picked: list[tuple[str, str]] = []
    counts: dict[str, int] = {}
    for line in documents.read_text(encoding="utf-8").splitlines():
        topic = json.loads(line)["topic"]
        if topic in topics and counts.get(topic, 0) < per_topic:
            counts[topic] = counts.get(topic, 0) + 1
            picked.append((f"ecb-{topic}", line))
    return picked


def ecbplus_dev_clusterer(topics: tuple[str, ...], per_topic: int) -> StoryClusterer:
    """A clusterer that took the first ``per_topic`` ECB+ dev reports of each topic through the real
    stages (read, clean, analyse, story item), topic after topic."""
    documents = SHARED / "corpus" / "clustering" / "ecbplus" / "documents.jsonl"
    picked: dict[str, list[str]] = {t: [] for t in topics}
    for line in documents.read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        if doc["split"] == "dev" and doc["topic"] in picked and len(picked[doc["topic"]]) < per_topic:
            picked[doc["topic"]].append(line)
    raw = ("\n".join(line for t in topics for line in picked[t]) + "\n").encode("utf-8")
    articles = pipeline.read_and_clean(InputFile.of("ecbplus-dev.jsonl", raw))[1]
    clusterer = StoryClusterer()
    for result in pipeline.analyse(articles):
        vec = np.frombuffer(result.embedding, dtype=np.float32)
        clusterer.add(story_item(result.annotated, list(result.mentions), vec))
    return clusterer


def process_running(pid: int) -> bool:
    """Whether the process runs (a zombie, ended but not yet reaped by its new parent, does not)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, IndexError):
        return False
    return state not in ("Z", "X")


DRAWN_PEOPLE = [ActorRef(f"Person {i}", "AAA", "GOV", None, f"p{i}") for i in range(5)]
DRAWN_PRECISION = {10: "day", 8: "week", 7: "month", 4: "year"}


def drawn_mention(
    rng: random.Random, mention_id: str, article: str, types: list[str], dates: list[str | None]
) -> EventMention:
    """A random event mention for fusion's property tests: zero to three of five people (the first the
    source), a type of ``types``, a date of ``dates``, a phone mode now and then, symmetric now and then."""
    actors = tuple(rng.sample(DRAWN_PEOPLE, rng.choice([0, 1, 1, 2, 2, 3])))
    date = rng.choice(dates)
    return event_mention(
        id=mention_id,
        article_id=article,
        type=rng.choice(types),
        mode=rng.choice([None, None, "phone"]),
        source_actors=actors[:1],
        target_actors=actors[1:],
        date=date,
        date_precision=DRAWN_PRECISION[len(date)] if date else None,
        symmetric=rng.random() < 0.3,
    )


def event_mention(**fields: Any) -> EventMention:
    """An event mention for fusion's tests: the fields a test names, the rest neutral (a CONSULT with
    no actors, undated, occurred, at the start of its article)."""
    neutral: dict[str, Any] = {
        "id": "m",
        "article_id": "a",
        "type": "CONSULT",
        "mode": None,
        "cameo": None,
        "source_actors": (),
        "target_actors": (),
        "date": None,
        "date_precision": None,
        "status": "occurred",
        "topics": (),
        "sentence": "s",
        "start": 0,
        "end": 1,
    }
    return EventMention(**{**neutral, **fields})


def keys_rows(store: Store) -> dict[str, list[str]]:
    """Story id -> its index keys, as the store's keys rows hold them."""
    return store.cluster_story_keys(store.cluster_story_ids())


def as_saved_before_keys_rows(store: Store) -> None:
    """The store's clusterer rows as code from before keys rows leaves them: each story's row holding its
    index keys, no keys rows, the meta without their mark."""
    keys = keys_rows(store)
    rows = {}
    for sid, row in store.cluster_stories().items():
        packed = unpack(row)
        packed.head["keys"] = keys.get(sid, [])
        rows[sid] = pack(packed)
    meta = json.loads(store.get_state(pipeline.STORIES_META) or b"{}")
    del meta["keys_apart"]
    with store.transaction():
        store.save_cluster_stories(rows, [], store.cluster_story_orders(rows), store.cluster_story_recents())
        store.save_cluster_story_keys({sid: (True, []) for sid in rows})
        store.set_state(pipeline.STORIES_META, json.dumps(meta, sort_keys=True).encode("utf-8"))


def sqlite_file_at_version(source: str | Path, path: str | Path, version: int) -> None:
    """A SQLite file as the code of schema ``version`` made it (its first ``version`` migrations),
    holding the rows of the store file ``source`` (the columns both have; FTS tables through their
    virtual tables): an older store, for the tests of the migrations after it."""
    from newsfuse.store.sqlite import MIGRATIONS

    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
        for number, script in enumerate(MIGRATIONS[:version], start=1):
            conn.executescript(script)
            conn.execute("INSERT INTO schema_version VALUES (?)", (number,))
        conn.execute("ATTACH ? AS new", (str(source),))
        names = "SELECT name FROM main.sqlite_master WHERE type = 'table' AND name != 'schema_version'"
        for (table,) in conn.execute(names).fetchall():
            if table.startswith(("articles_fts_", "quotes_fts_")):
                continue  # the FTS index's own tables, written through its virtual table
            wanted = {r[1] for r in conn.execute(f"PRAGMA new.table_info({table})")}
            shared = ", ".join(r[1] for r in conn.execute(f"PRAGMA main.table_info({table})") if r[1] in wanted)
            conn.execute(f"INSERT INTO main.{table} ({shared}) SELECT {shared} FROM new.{table}")
        conn.commit()
        conn.execute("DETACH new")
