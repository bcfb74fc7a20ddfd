"""What an added article costs must not grow with the store (issue 17): a candidate story the new
article cannot reach keeps its members' similarities as they are (no refresh for it), a story's
record is rebuilt from what the clusterer keeps of its members (no article read), and the members'
similarity matrix computes each pair once."""

from __future__ import annotations

import json
import zlib
from pathlib import Path

import numpy as np

from newsfuse.model import Article, Block
from newsfuse.pipeline import FUSION_INDEXED, FUSION_PENDING, save_touched_stories
from newsfuse.store import open_store
from newsfuse.stories import StoryItem
from newsfuse.stories.cluster import StoryClusterer, _story_state

CHILE = {"quake": 2, "magnitude": 1, "chile": 3, "santiago": 2, "rescue": 1}


def _item(aid: str, terms: dict[str, int], names: tuple[str, ...] = (), published: str | None = None) -> StoryItem:
    return StoryItem(
        article_id=aid,
        published=published,
        title=f"title of {aid}",
        embedding=np.zeros(0, dtype=np.float32),
        terms=tuple(sorted(terms.items())),
        names=names,
        salient=names,
        name_mentions=names,
    )


def _article(item: StoryItem) -> Article:
    return Article(
        id=item.article_id,
        source_path=f"{item.article_id}.txt",
        format="text",
        title=item.title,
        published=item.published,
        outlet=None,
        author=None,
        blocks=(Block("paragraph", f"Text of {item.article_id}."),),
    )


class ScoredClusterer(StoryClusterer):
    """Records which stories each added article was scored against."""

    def __init__(self, config=None) -> None:
        super().__init__(config)
        self.scored: list[str] = []

    def _story_score(self, sims, story):
        self.scored.append(story.id)
        return super()._story_score(sims, story)


def _stale_quake_story() -> tuple[ScoredClusterer, str]:
    """A story of four Chile quake reports whose members' similarities are stale (the article count
    grew past ``cohesion_refresh`` times the count they were computed at)."""
    clusterer = ScoredClusterer()
    [sid] = {clusterer.add(_item(f"c{i}", {**CHILE, f"detail{i}": 1}, ("chile",))) for i in range(4)}
    for i in range(3):
        clusterer.add(_item(f"x{i}", {f"other{i}": 2, f"thing{i}": 1}))
    story = clusterer._stories[sid]
    assert clusterer.n_docs > story.sims_at * float(clusterer.cfg["cohesion_refresh"])
    clusterer.pop_changes()
    return clusterer, sid


def test_a_candidate_out_of_reach_is_not_refreshed():
    clusterer, sid = _stale_quake_story()
    story = clusterer._stories[sid]
    sims_at, sims = story.sims_at, story.sims.copy()
    clusterer.scored.clear()
    football = {"quake": 1, "football": 3, "match": 3, "goal": 3, "stadium": 2, "league": 2}
    new = clusterer.add(_item("f", football, ("madrid",)))
    assert sid in clusterer.scored and new != sid  # scored, out of reach: a story of its own
    assert story.sims_at == sims_at and np.array_equal(story.sims, sims)
    assert sid not in clusterer.pop_changes().stories  # its row is not written again either


def test_a_candidate_within_reach_is_refreshed_before_it_is_judged():
    clusterer, sid = _stale_quake_story()
    story = clusterer._stories[sid]
    assert clusterer.add(_item("c9", {**CHILE, "aftershock": 1}, ("chile",))) == sid
    assert story.sims_at == clusterer.n_docs
    fresh = clusterer._pair_matrix(story.members)
    assert np.allclose(story.sims, fresh)


def test_the_member_matrix_holds_every_pair_once_computed():
    clusterer, sid = _stale_quake_story()
    members = clusterer._stories[sid].members
    full = np.array([[clusterer.pair(a, b) if a is not b else 0.0 for b in members] for a in members])
    matrix = clusterer._pair_matrix(members)
    assert matrix.shape == (4, 4) and np.allclose(matrix, full, rtol=1e-6, atol=1e-7)
    assert np.array_equal(matrix, matrix.T) and not np.diagonal(matrix).any()


def _dated_stories() -> tuple[StoryClusterer, list[StoryItem]]:
    clusterer = StoryClusterer({"threshold": 0.1})
    items = [_item(f"c{i}", {**CHILE, f"detail{i}": 1}, ("chile",), f"2025-03-0{i + 1}") for i in range(4)]
    items += [_item(f"f{i}", {"flood": 2, "river": 2, "dhaka": 2}, ("dhaka",), f"2025-04-1{i}") for i in range(3)]
    for item in items:
        clusterer.add(item)
    return clusterer, items


def test_story_records_need_no_article_read():
    clusterer, items = _dated_stories()
    ids = {s.id for s in clusterer.stories_list()}
    assert len(ids) == 2 and clusterer.articles_to_read(ids) == set()
    from_articles = clusterer.stories_by_id(ids, {i.article_id: _article(i) for i in items})
    alone = clusterer.stories_by_id(ids, {})
    assert alone == from_articles
    chile = next(s for s in alone if "c0" in s.article_ids)
    assert (chile.first_published, chile.last_published) == ("2025-03-01", "2025-03-04")


def test_rows_saved_before_the_dates_read_the_articles():
    clusterer, items = _dated_stories()
    changes = clusterer.pop_changes()
    rows = []
    for sid in changes.stories:  # JSON rows as saved before the clusterer kept its members' dates
        state = {"pos": clusterer._pos[sid], "story": _story_state(clusterer._stories[sid])}
        del state["story"]["published"]
        rows.append(zlib.compress(json.dumps(state).encode()))
    old = StoryClusterer.from_rows(changes.meta, rows, changes.counts, changes.postings.items())
    ids = {s.id for s in old.stories_list()}
    assert old.articles_to_read(ids) == {i.article_id for i in items}
    articles = {i.article_id: _article(i) for i in items}
    assert old.stories_by_id(ids, articles) == clusterer.stories_by_id(ids, {})
    old.add(_item("c9", {**CHILE, "aftershock": 1}, ("chile",), "2025-03-09"))  # still read: c0..c3 unknown
    assert {"c0", "c9"} <= old.articles_to_read(ids)


def test_touched_story_records_are_saved_without_reading_articles(tmp_path: Path):
    clusterer, items = _dated_stories()
    with open_store(str(tmp_path / "s.db")) as store:
        for item in items:
            store.add_article(_article(item))
        store.set_state(FUSION_INDEXED, b"1")
        touched = sorted({clusterer.story_of(i.article_id) for i in items})
        store.set_state(FUSION_PENDING, json.dumps({"articles": [], "stories": touched}).encode())
        read: list[set[str]] = []
        by_id = store.articles_by_id

        def counted(ids):
            ids = set(ids)
            read.append(ids)
            return by_id(ids)

        store.articles_by_id = counted  # type: ignore[method-assign]
        save_touched_stories(store, clusterer)
        assert read == [set()]
        expected = clusterer.stories({i.article_id: _article(i) for i in items})
        assert sorted(store.stories(), key=lambda s: s.id) == sorted(expected, key=lambda s: s.id)
