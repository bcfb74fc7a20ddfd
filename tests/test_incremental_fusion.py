"""Incremental fusion: after each batch only the block the batch touched is re-fused, and the stored
events equal one full re-fusion of every stored mention, while stories grow, merge and split.

The articles are the real ECB+ and GVC documents of ../shared/corpus/clustering (all splits, each
used several times under distinct ids); their event mentions are drawn with a fixed seed over real
sentences of each article (full analysis of thousands of articles is too slow for a test on two
cores): a small pool of actors (60) and types over one year, so that many mentions across stories share
an actor set and a week and fusion has wide blocks to get right.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path

from newsfuse import pipeline
from newsfuse.model import ActorRef, Article, Block, EventMention
from newsfuse.pipeline import add_fusion_pending, fuse_pending, fuse_stored, fusion_block, ingest_paths
from newsfuse.store import EventFilter, open_store, serde
from newsfuse.stories import fusion_keys

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "clustering"
ARTICLES = 3000
BATCH = 50
SEED = 17
ACTORS = [ActorRef(f"Person{i:02d} Surname{i:02d}", "FRA" if i % 2 else "DEU") for i in range(60)]
TYPES = ["CONSULT", "AGREE", "ACCUSE", "AID"]


def _documents() -> list[tuple[str, list[str]]]:
    docs = []
    for path in sorted(CORPUS.glob("*/documents.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            d = json.loads(line)
            docs.append((d.get("title") or "", [" ".join(s) for s in d["sentences"] if s]))
    return docs


def _article(i: int, title: str, sentences: list[str]) -> Article:
    blocks = tuple(Block("paragraph", s) for s in sentences)
    return Article(f"a{i:05d}", f"doc{i}.txt", "text", title or None, None, f"Outlet{i % 7}", None, blocks)


def _mentions(article: Article, rng: random.Random) -> list[EventMention]:
    text = article.text
    sentences = [b.text for b in article.blocks]
    out = []
    for k in range(rng.randint(1, 4)):
        sentence = rng.choice(sentences)
        start = max(text.find(sentence), 0)
        actors = rng.sample(ACTORS, rng.choice([0, 1, 2, 2]))
        day = rng.randint(1, 360)
        precision = rng.choice(["day", "day", "day", "week", "month", None])
        date = _date(day, precision)
        out.append(
            EventMention(
                id=f"{article.id}-m{k}",
                article_id=article.id,
                type=rng.choice(TYPES),
                mode=None,
                cameo=None,
                source_actors=tuple(actors[:1]),
                target_actors=tuple(actors[1:]),
                date=date,
                date_precision=precision if date else None,
                status="occurred",
                topics=(),
                sentence=sentence,
                start=start,
                end=start + len(sentence),
                date_implied=date is not None and rng.random() < 0.1,
            )
        )
    return out


def _date(day: int, precision: str | None) -> str | None:
    d = dt.date(2025, 1, 1) + dt.timedelta(days=day)
    if precision == "day":
        return d.isoformat()
    if precision == "week":
        year, week, _ = d.isocalendar()
        return f"{year}-W{week:02d}"
    if precision == "month":
        return d.isoformat()[:7]
    return None


class ScriptedStories:
    """Stories as a clusterer leaves them: an article joins a story or starts one, and now and then
    two stories merge or a story splits; each change is reported as assign_stories reports it."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.members: dict[str, list[str]] = {}
        self.count = 0

    def new_story(self) -> str:
        self.count += 1
        return f"s{self.count:05d}"

    def add(self, article_id: str) -> str:
        recent = sorted(self.members)[-40:]
        story = self.rng.choice(recent) if recent and self.rng.random() < 0.6 else self.new_story()
        self.members.setdefault(story, []).append(article_id)
        return story

    def churn(self) -> dict[str, tuple[str, str]]:
        """Article id -> (old story, new story) for the articles a merge or a split moved."""
        moved: dict[str, tuple[str, str]] = {}
        big = sorted(s for s, m in self.members.items() if 2 <= len(m) <= 6)[-40:]
        if len(big) >= 2 and self.rng.random() < 0.5:
            a, b = self.rng.sample(big, 2)
            for aid in self.members.pop(b):
                self.members[a].append(aid)
                moved[aid] = (b, a)
        if big and self.rng.random() < 0.5:
            s = self.rng.choice(sorted(self.members))
            half = self.members[s][len(self.members[s]) // 2 :]
            if half and len(half) < len(self.members[s]):
                self.members[s] = self.members[s][: len(self.members[s]) - len(half)]
                new = self.new_story()
                self.members[new] = half
                moved.update({aid: (s, new) for aid in half})
        return moved


def _event_set(events) -> list[dict]:
    return sorted((e.to_dict() for e in events), key=lambda d: d["id"])


def test_incremental_fusion_equals_a_full_refusion_over_thousands_of_articles(any_store):
    docs = _documents()
    assert len(docs) >= 800
    rng = random.Random(SEED)
    stories = ScriptedStories(rng)
    store = any_store
    block_sizes = []
    for first in range(0, ARTICLES, BATCH):
        with store.transaction():
            new_ids, touched = set(), set()
            for i in range(first, first + BATCH):
                title, sentences = docs[i % len(docs)]
                article = _article(i, title, sentences)
                mentions = _mentions(article, rng)
                store.add_article(article)
                store.save_mentions(article.id, mentions)
                store.save_fusion_keys(article.id, fusion_keys(mentions))
                story = stories.add(article.id)
                store.set_story(article.id, story)
                new_ids.add(article.id)
                touched.add(story)
            regrouped = set()  # stories that merged or split, not only gained an article
            for aid, (old, new) in stories.churn().items():
                store.set_story(aid, new)
                regrouped |= {old, new}
            add_fusion_pending(store, new_ids, touched | regrouped, regrouped)
        if first:  # the first fusion is a full one: it indexes the store
            block = fusion_block(store, new_ids, regrouped)
            block_sizes.append(len(block))
            # the last block's untouched articles followed in memory: the same block as from the store
            settled = pipeline._Settled(pipeline.kept_block(store), new_ids, regrouped)
            assert settled.links.row or first == BATCH
            assert fusion_block(store, new_ids, regrouped, settled) == block
        fuse_pending(store)

    stored = store.events(EventFilter(limit=10**9))
    full = fuse_stored(store.mentions(), store.articles())
    assert _event_set(stored) == _event_set(full)
    # the stored docs, encoded a mention ref and detail at a time, are the text of a plain encoding
    assert sorted(store._event_docs(EventFilter(limit=10**9))) == sorted(serde.dumps(e) for e in full)
    assert len({m.mention_id for e in stored for m in e.mentions}) == len(store.mentions())
    assert max(block_sizes) < ARTICLES // 2  # each batch re-fused a block, not the store


def test_the_examples_one_file_at_a_time_fuse_as_a_full_refusion(tmp_path, examples_dir):
    """Real analysis and real story clustering (the examples' two stories first grow into one, then
    split): fusing after each file gives the events one full re-fusion gives."""
    with open_store(str(tmp_path / "one-by-one.db")) as store:
        for path in sorted(p for p in examples_dir.iterdir() if p.name not in {"README.md", "make_warc.py"}):
            ingest_paths(store, [str(path)])
        assert store.count_articles() >= 10
        stored = store.events(EventFilter(limit=10**9))
        assert stored
        full = fuse_stored(store.mentions(), store.articles())
        assert _event_set(stored) == _event_set(full)
        assert sorted(store._event_docs(EventFilter(limit=10**9))) == sorted(serde.dumps(e) for e in full)


def test_a_story_links_its_articles_into_the_block_only_through_a_shared_type(any_store):
    """Three articles of one story: the new one's ACCUSE can fuse with the other ACCUSE, never with
    an AID; and the AID article's own key-neighbour in another story is not reached through it."""
    docs = _documents()
    kinds = {0: "ACCUSE", 1: "ACCUSE", 2: "AID", 3: "AID"}
    stories = {0: "s1", 1: "s1", 2: "s1", 3: "s2"}
    with any_store.transaction():
        for i, kind in kinds.items():
            title, sentences = docs[i]
            article = _article(i, title, sentences)
            mention = EventMention(
                id=f"{article.id}-m0",
                article_id=article.id,
                type=kind,
                mode=None,
                cameo=None,
                source_actors=(ACTORS[0],),
                target_actors=(ACTORS[1],),
                date="2025-03-02",
                date_precision="day",
                status="occurred",
                topics=(),
                sentence=sentences[0],
                start=0,
                end=len(sentences[0]),
            )
            any_store.add_article(article)
            any_store.save_mentions(article.id, [mention])
            any_store.save_fusion_keys(article.id, fusion_keys([mention]))
            any_store.set_story(article.id, stories[i])
    assert any_store.mention_types(["a00000", "a00002", "nope"]) == {"a00000": {"ACCUSE"}, "a00002": {"AID"}}
    assert fusion_block(any_store, {"a00000"}, set()) == {"a00000", "a00001"}
    assert fusion_block(any_store, {"a00002"}, set()) == {"a00002", "a00003"}  # the AID key across stories
    assert fusion_block(any_store, set(), {"s1"}) == {"a00000", "a00001", "a00002", "a00003"}
