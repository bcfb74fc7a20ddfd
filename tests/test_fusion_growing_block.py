"""One story that gets a new article per batch (a live feed's big story, or `watch` taking files one
by one): its block grows with each batch, and the fused events must stay those of one full
re-fusion of every stored mention, while the fusion keeps the last block's mentions in memory and
the store keeps what it last wrote of the events (``pipeline.block_mentions``,
``SQLStore._stored_events_of``).

The articles and their mentions are written here (a handful of sentences of our own, some with
readout claims so that an article's main event carries them); no analysis runs.
"""

from __future__ import annotations

import random
from dataclasses import replace

import pytest

from newsfuse import pipeline
from newsfuse.model import ActorRef, Article, Block, EventMention
from newsfuse.pipeline import add_fusion_pending, fuse_pending, fuse_stored, fusion_block
from newsfuse.store import EventFilter, open_store
from newsfuse.stories import fusion_keys

SEED = 23
ACTORS = [
    ActorRef(name, country) for name, country in (("Anna Lind", "SWE"), ("Olaf Berg", "NOR"), ("Ines Paz", "ESP"))
]
TYPES = ["CONSULT", "AGREE", "ACCUSE"]
MORE_TYPES = TYPES + ["AID", "THREATEN", "PROTEST", "SANCTION", "REJECT", "YIELD", "MOBILIZE"]
SENTENCES = [
    "The two ministers met on Tuesday to discuss fishing quotas.",
    "Officials said the talks would continue next week.",
    "Norway has yet to release its readout of the meeting.",
    "Both governments confirmed that a draft text exists.",
    "According to the Swedish readout, the quotas were the main topic.",
    "Observers expect an agreement before the summer.",
]


def _article(i: int, rng: random.Random) -> Article:
    sentences = rng.sample(SENTENCES, 3)
    blocks = tuple(Block("paragraph", s) for s in sentences)
    return Article(f"a{i:04d}", f"doc{i}.txt", "text", f"Talks, part {i}", None, f"Outlet{i % 5}", None, blocks)


def _mentions(article: Article, rng: random.Random) -> list[EventMention]:
    out = []
    for k in range(rng.randint(1, 4)):
        block = rng.choice(article.blocks)
        start = article.text.find(block.text)
        actors = rng.sample(ACTORS, rng.choice([1, 2, 2]))
        day = rng.randint(3, 6)
        precision = rng.choice(["day", "day", "month", None])
        date = {"day": f"2026-03-{day:02d}", "month": "2026-03", None: None}[precision]
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
                date_precision=precision,
                status="occurred",
                topics=(),
                sentence=block.text,
                start=start,
                end=start + len(block.text),
                numbers={"vessels": rng.randint(1, 3)} if rng.random() < 0.3 else {},
            )
        )
    return out


def _store_article(store, article: Article, mentions: list[EventMention], story: str) -> None:
    with store.transaction():
        store.add_article(article)
        store.save_mentions(article.id, mentions)
        store.save_fusion_keys(article.id, fusion_keys(mentions))
        store.set_story(article.id, story)
        add_fusion_pending(store, {article.id}, {story}, set())


def _event_set(events) -> list[dict]:
    return sorted((e.to_dict() for e in events), key=lambda d: d["id"])


def _assert_as_a_full_refusion(store) -> None:
    stored = store.events(EventFilter(limit=10**9))
    assert _event_set(stored) == _event_set(fuse_stored(store.mentions(), store.articles()))
    assert len({m.mention_id for e in stored for m in e.mentions}) == len(store.mentions())


def _assert_kept_types_are_the_mentions(store) -> None:
    """The kept block's links (brought up to date from the block before, not rebuilt: types and keys
    carried over for an article whose mentions it kept) are those of the articles' stored mentions
    and rows, and the same as links built anew from the kept block."""
    kept = pipeline.kept_block(store)
    assert kept is not None
    stored: dict[str, set[str]] = {a: set() for a in kept.mentions}
    by_article: dict[str, list] = {a: [] for a in kept.mentions}
    for m in store.mentions_of(list(kept.mentions)):
        stored[m.article_id].add(m.type or "")
        by_article[m.article_id].append(m)
    links = kept.links
    assert links.types == stored
    assert links.keys == {a: fusion_keys(ms) for a, ms in by_article.items()}
    assert links.row == store.fusion_articles(set(kept.mentions))
    anew = pipeline._Links()
    anew.update(kept.mentions, links.row, set())
    assert links.pairs == anew.pairs
    assert {k: sorted(rows) for k, rows in links.spans.items()} == {k: sorted(rows) for k, rows in anew.spans.items()}


def _reads_of(store, method: str, monkeypatch) -> list[set[str]]:
    """Record the article ids each call of this store's ``method`` (by article ids) asks for."""
    asked: list[set[str]] = []
    read = getattr(store, method)

    def recording(article_ids, *args):
        ids = set(article_ids)
        asked.append(ids)
        return read(ids, *args)

    monkeypatch.setattr(store, method, recording)
    return asked


def _reads_of_mentions(store, monkeypatch) -> list[set[str]]:
    return _reads_of(store, "mentions_of", monkeypatch)


def test_a_story_growing_one_article_per_batch_fuses_as_a_full_refusion(any_store, monkeypatch):
    rng = random.Random(SEED)
    store = any_store
    asked = _reads_of_mentions(store, monkeypatch)
    claims_asked = _reads_of(store, "fusion_claims", monkeypatch)
    neighbours_asked = _reads_of(store, "fusion_neighbours", monkeypatch)
    for i in range(90):
        article = _article(i, rng)
        _store_article(store, article, _mentions(article, rng), "s1")
        if i >= 2:  # the last block is reached whole at once: the block followed through the store
            settled = pipeline._Settled(pipeline.kept_block(store), {article.id}, set())
            assert settled.whole()
            assert fusion_block(store, {article.id}, set(), settled) == fusion_block(store, {article.id}, set())
        asked.clear()
        claims_asked.clear()
        neighbours_asked.clear()
        fuse_pending(store)
        if i % 15 == 7:
            _assert_as_a_full_refusion(store)
        if i >= 2:  # the block (the story's articles) was fused last time: only the new article is read
            assert asked == [{article.id}]
            assert claims_asked == [{article.id}]
            assert neighbours_asked == [{article.id}]  # the block's fusion keys followed in memory
            _assert_kept_types_are_the_mentions(store)
    _assert_as_a_full_refusion(store)
    assert len(store.events(EventFilter(limit=10**9))) < len(store.mentions())  # the mentions did fuse


@pytest.mark.parametrize("seed", [SEED + 3, SEED + 4, SEED + 5])
def test_one_article_at_a_time_into_stories_that_merge_and_split_fuses_as_a_full_refusion(any_store, seed):
    """Single articles (each group reached from one article: its block kept whole for the next one)
    into six stories, between which older articles move now and then (their stories regroup): each
    block is the one followed through the store alone, and the events are those of a full re-fusion."""
    rng = random.Random(seed)
    store = any_store
    story_of: dict[str, str] = {}
    wholes = 0
    for i in range(100):
        article = _article(i, rng)
        story = f"s{rng.randint(1, 6)}"
        mentions = [replace(m, type=rng.choice(MORE_TYPES)) for m in _mentions(article, rng)]  # blocks in pieces
        _store_article(store, article, mentions, story)
        story_of[article.id] = story
        regrouped: set[str] = set()
        if i % 4 == 3:  # an older article moves: its old and new stories regroup
            moved = rng.choice(sorted(story_of))
            new_story = f"s{rng.randint(1, 6)}"
            regrouped = {story_of[moved], new_story}
            with store.transaction():
                store.set_story(moved, new_story)
                add_fusion_pending(store, set(), regrouped, regrouped)
            story_of[moved] = new_story
        settled = pipeline._Settled(pipeline.kept_block(store), {article.id}, regrouped)
        wholes += bool(settled.whole())
        assert fusion_block(store, {article.id}, regrouped, settled) == fusion_block(store, {article.id}, regrouped)
        fuse_pending(store)
        if i % 25 == 24:
            _assert_as_a_full_refusion(store)
    _assert_as_a_full_refusion(store)
    assert 0 < wholes < 100


def test_a_rewritten_article_and_another_writer_are_read_again(tmp_path, monkeypatch):
    """What the fusion keeps from its last block is not trusted once the store changed otherwise: an
    article whose mentions were written again (pending fusion) is read again, and a fusion by another
    store object (another process) leaves a token that makes the kept block and kept events stale."""
    rng = random.Random(SEED + 1)
    path = str(tmp_path / "two.db")
    with open_store(path) as mine, open_store(path) as other:
        asked = _reads_of_mentions(mine, monkeypatch)
        for i in range(30):
            article = _article(i, rng)
            _store_article(mine, article, _mentions(article, rng), "s1")
            fuse_pending(mine)
        _assert_as_a_full_refusion(mine)

        old = _article(5, random.Random(0))  # same id as article 5: its mentions written again
        _store_article(mine, old, _mentions(old, rng), "s1")
        asked.clear()
        fuse_pending(mine)
        assert asked == [{"a0005"}]
        _assert_as_a_full_refusion(mine)

        claims_asked = _reads_of(mine, "fusion_claims", monkeypatch)  # other readout rules: all claims again
        monkeypatch.setattr(pipeline, "fusion_claims_version", lambda: "other rules")
        article = _article(29, rng)
        _store_article(mine, article, _mentions(article, rng), "s1")
        fuse_pending(mine)
        assert len(claims_asked) == 1 and len(claims_asked[0]) == 30
        monkeypatch.undo()
        asked = _reads_of_mentions(mine, monkeypatch)

        for i in range(30, 34):  # another writer stores and fuses; its events replace some of mine
            article = _article(i, rng)
            _store_article(other, article, _mentions(article, rng), "s1")
            fuse_pending(other)
        article = _article(34, rng)
        _store_article(mine, article, _mentions(article, rng), "s1")
        asked.clear()
        fuse_pending(mine)
        assert len(asked) == 1 and len(asked[0]) > 30  # the whole block read again
        _assert_as_a_full_refusion(mine)


@pytest.mark.parametrize("rewrite", ["replace_events", "replace_events_of"])
def test_events_written_by_another_store_object_are_not_taken_for_the_kept_ones(tmp_path, rewrite):
    """``replace_events_of`` compares against the events it last wrote only while no other write of
    the event tables came since: after another object replaced them (all, or some), it reads them."""
    rng = random.Random(SEED + 2)
    path = str(tmp_path / "events.db")
    with open_store(path) as mine, open_store(path) as other:
        for i in range(20):
            article = _article(i, rng)
            _store_article(mine, article, _mentions(article, rng), "s1")
            fuse_pending(mine)
        events = other.events(EventFilter(limit=10**9))
        ids = [m.mention_id for e in events for m in e.mentions]
        if rewrite == "replace_events":
            other.replace_events(events[1:])
        else:
            other.replace_events_of(ids, events[1:])
        assert len(mine.events(EventFilter(limit=10**9))) == len(events) - 1
        mine.replace_events_of(ids, events)  # mine kept the full set: it must see the one gone
        assert _event_set(mine.events(EventFilter(limit=10**9))) == _event_set(events)
