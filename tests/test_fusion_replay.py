"""A story's grouping replayed from its last pass (``stories.fuse._replayed``): when a story gains an
article, the greedy pass over its mentions of one type starts from the kept pass over the ones it
had, and must give the clusters a full regrouping gives (and the plain greedy rule), whatever order
the articles came in.

The articles are real ECB+ and GVC reports of ../shared/corpus/clustering, taken through the real
analysis (their event mentions as the events stage finds them); an ECB+ topic is one story, as the
corpus groups its reports, and the GVC reports are one more.
"""

from __future__ import annotations

import dataclasses
import random
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from conftest import drawn_mention, ecbplus_topic_lines
from hypothesis import given, settings
from hypothesis import strategies as st

from newsfuse import pipeline
from newsfuse.model import EventMention, InputFile
from newsfuse.stories import fuse as F
from newsfuse.stories import mention_facts as MF

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "clustering"
TOPICS = ("1", "3", "4")  # ECB+ topics (celebrity rehab, a prison escape, a death): one story each
PER_TOPIC = 10
GVC_REPORTS = 14  # with the ECB+ reports, at least 100 real mentions


def _lines() -> list[tuple[str, str]]:
    """(story, JSON line) of the reports taken: the first of each chosen ECB+ topic, and GVC's first."""
    picked = ecbplus_topic_lines(TOPICS, PER_TOPIC)
    gvc = (CORPUS / "gvc" / "documents.jsonl").read_text(encoding="utf-8").splitlines()
    return picked + [("gvc", line) for line in gvc[:GVC_REPORTS]]


@pytest.fixture(scope="module")
def reports() -> list[tuple[str, list[EventMention]]]:
    """(story, the article's event mentions) per real report, in corpus order."""
    lines = _lines()
    raw = ("\n".join(line for _, line in lines) + "\n").encode("utf-8")
    articles = pipeline.read_and_clean(InputFile.of("reports.jsonl", raw))[1]
    assert len(articles) == len(lines)
    analyses = pipeline.analyse(articles, with_embeddings=False)
    return [(story, list(a.mentions)) for (story, _), a in zip(lines, analyses)]


def _ids(clusters: list[list[EventMention]]) -> list[list[str]]:
    return [[m.id for m in c] for c in clusters]


def _fresh(mentions: list[EventMention], story_of: dict[str, str]) -> list[list[str]]:
    """``cluster_mentions`` with no kept pass or grouping (a full regrouping); the kept ones stay."""
    kept = F._PASSES, F._HOLDERS, F._GROUPINGS, F._LAST_ORDER, F._ACROSS
    F._PASSES, F._HOLDERS, F._GROUPINGS, F._LAST_ORDER, F._ACROSS = {}, {}, {}, None, {}
    try:
        return _ids(F.cluster_mentions(mentions, story_of))
    finally:
        F._PASSES, F._HOLDERS, F._GROUPINGS, F._LAST_ORDER, F._ACROSS = kept


@pytest.fixture()
def replays(monkeypatch) -> Iterator[list[int]]:
    """Counts the replayed passes (one entry per replay: the mentions it took)."""
    seen: list[int] = []
    replayed = F._replayed

    def counting(grouping, ms, contents, old):
        seen.append(len(ms))
        return replayed(grouping, ms, contents, old)

    monkeypatch.setattr(F, "_replayed", counting)
    monkeypatch.setattr(F, "_PASSES", {})
    monkeypatch.setattr(F, "_HOLDERS", {})
    monkeypatch.setattr(F, "_GROUPINGS", {})
    yield seen


def _grow(
    reports: list[tuple[str, list[EventMention]]],
    order: list[int],
    plain: Callable[[list, dict[str, str]], list[list[str]]],
    leave_every: int = 0,
) -> list[list[str]]:
    """Add the reports one at a time in ``order`` (every ``leave_every``-th step the earliest one
    still in leaves its story, as a split does), checking each step's grouping against a full
    regrouping, and every few steps against the plain greedy rule; the last grouping."""
    story_of: dict[str, str] = {}
    present: list[int] = []
    got: list[list[str]] = []
    for step, r in enumerate(order, 1):
        present.append(r)
        story_of[f"r{r}"] = reports[r][0]
        if leave_every and step % leave_every == 0:
            story_of[f"r{present[0]}"] = f"split-{present[0]}"
        mentions = [m for i in present for m in _as_article(reports[i][1], f"r{i}")]
        got = _ids(F.cluster_mentions(mentions, story_of))
        assert got == _fresh(mentions, story_of), f"step {step}"
        if step % 8 == 0 or step == len(order):
            assert got == plain(mentions, story_of), f"step {step}"
    return got


_AS_ARTICLE: dict[tuple[str, str], EventMention] = {}


def _as_article(mentions: list[EventMention], article_id: str) -> list[EventMention]:
    """The report's mentions under the test's article id (the same objects each step, as a kept block
    hands back the same objects)."""
    out = []
    for m in mentions:
        key = (m.id, article_id)
        if key not in _AS_ARTICLE:
            _AS_ARTICLE[key] = dataclasses.replace(m, article_id=article_id)
        out.append(_AS_ARTICLE[key])
    return out


def test_real_reports_added_one_by_one_group_as_a_full_regrouping(reports, replays, plain_greedy_fusion):
    assert sum(len(ms) for _, ms in reports) >= 100  # real mentions: enough to group
    got = _grow(reports, list(range(len(reports))), plain_greedy_fusion)
    assert replays and max(replays) >= 20  # the stories' passes were replayed, not regrouped
    assert any(len(c) > 1 for c in got)  # reports of one topic fused


def test_the_replayed_grouping_does_not_depend_on_the_order_of_arrival(reports, replays, plain_greedy_fusion):
    forward = _grow(reports, list(range(len(reports))), plain_greedy_fusion)
    order = list(range(len(reports)))
    random.Random(5).shuffle(order)
    F._PASSES.clear()
    F._HOLDERS.clear()
    F._GROUPINGS.clear()
    assert _grow(reports, order, plain_greedy_fusion) == forward
    assert replays


def test_a_story_that_loses_reports_is_regrouped_as_a_full_regrouping(reports, replays, plain_greedy_fusion):
    _grow(reports, list(range(len(reports))), plain_greedy_fusion, leave_every=5)
    assert replays


DATES = [None, "2025-11-10", "2025-11-11", "2025-11-13", "2025-W46", "2025-11"]


def _drawn(rng: random.Random, article: str, n: int) -> list[EventMention]:
    """Mentions of our own drawing: few actors and days, so that clusters compete for each mention."""
    return [drawn_mention(rng, f"{article}-m{k}", article, ["CONSULT", "ACCUSE"], DATES) for k in range(n)]


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_drawn_stories_that_grow_and_lose_articles_group_as_a_full_regrouping(seed, replays):
    rng = random.Random(seed)
    story_of: dict[str, str] = {}
    mentions: list[EventMention] = []
    for i in range(70):
        article = f"a{i:03d}"
        story_of[article] = f"s{rng.randint(0, 1)}"
        mentions += _drawn(rng, article, rng.randint(1, 5))
        if rng.random() < 0.1:  # an article leaves its story (a split)
            story_of[rng.choice(sorted(story_of))] = f"split{i}"
        assert _ids(F.cluster_mentions(mentions, story_of)) == _fresh(mentions, story_of), f"article {i}"
    assert len(replays) > 70


def _merge_or_split(rng: random.Random, story_of: dict[str, str], step: int) -> None:
    """Now and then, as the story clusterer does: one story absorbs another under the absorbing one's
    id (the bigger one into the smaller one too), or a few articles leave their story for a new one."""
    stories = sorted(set(story_of.values()))
    roll = rng.random()
    if roll < 0.15 and len(stories) > 1:
        keep, gone = rng.sample(stories, 2)
        for article, story in story_of.items():
            if story == gone:
                story_of[article] = keep
    elif roll < 0.25:
        leaving = rng.sample(sorted(story_of), min(len(story_of), rng.randint(1, 3)))
        for article in leaving:
            story_of[article] = f"split{step}"


@pytest.mark.parametrize("seed", [5, 6, 7, 8])
def test_stories_that_merge_and_split_replay_the_pass_of_the_story_their_mentions_were_in(seed, monkeypatch):
    """A story that absorbed a bigger one replays the bigger one's pass (the mentions it held, under
    its old id), one that lost articles its own; either way the clusters of a full regrouping, with
    articles arriving in a random order (the canonical order puts each new mention anywhere)."""
    borrowed: list[int] = []  # per replay of another story's pass: the mentions it held
    kept_pass = F._kept_pass

    def spying(key, contents):
        found = kept_pass(key, contents)
        if found is not None and found is not F._PASSES.get(key):
            borrowed.append(len(found.contents))
        return found

    monkeypatch.setattr(F, "_kept_pass", spying)
    monkeypatch.setattr(F, "_PASSES", {})
    monkeypatch.setattr(F, "_HOLDERS", {})
    monkeypatch.setattr(F, "_GROUPINGS", {})
    rng = random.Random(seed)
    story_of: dict[str, str] = {}
    mentions: list[EventMention] = []
    for i in rng.sample(range(80), 80):
        article = f"a{i:03d}"
        story_of[article] = f"s{rng.randint(0, 2)}"
        mentions += _drawn(rng, article, rng.randint(1, 5))
        _merge_or_split(rng, story_of, i)
        assert _ids(F.cluster_mentions(mentions, story_of)) == _fresh(mentions, story_of), f"article {i}"
    assert borrowed and max(borrowed) >= 10  # merged stories replayed the absorbed ones' passes


def _named_or_not(rng: random.Random, article: str, n: int, named: bool) -> list[EventMention]:
    """``_drawn``, each mention naming someone where ``named`` (drawn again until it does)."""
    out = []
    for k in range(n):
        m = drawn_mention(rng, f"{article}-m{k}", article, ["CONSULT", "ACCUSE"], DATES)
        while named and not (m.source_actors or m.target_actors):
            m = drawn_mention(rng, f"{article}-m{k}", article, ["CONSULT", "ACCUSE"], DATES)
        out.append(m)
    return out


def _grow_checking_reach(seed: int, named: bool, articles: int) -> list[bool]:
    """One story gaining ``articles`` drawn articles in a random order (a few leave it now and then),
    each step's grouping checked against a full regrouping, and each ``_Replay.reaches`` verdict
    that lets a mention keep its old decision unchecked checked against the fit of every dirty
    cluster; the verdicts asked while a cluster was dirty."""
    verdicts: list[bool] = []
    reaches = F._Replay.reaches

    def checked(replay: F._Replay, i: int) -> bool:
        found = reaches(replay, i)
        if replay.dirty:
            verdicts.append(found)
            assert found or not any(replay.fits(i, j) for j in replay.dirty)
        return found

    kept = F._PASSES, F._HOLDERS, F._GROUPINGS
    F._Replay.reaches = checked  # type: ignore[method-assign]
    F._PASSES, F._HOLDERS, F._GROUPINGS = {}, {}, {}
    try:
        rng = random.Random(seed)
        story_of: dict[str, str] = {}
        mentions: list[EventMention] = []
        for i in rng.sample(range(articles), articles):
            article = f"a{i:03d}"
            story_of[article] = "s"
            mentions += _named_or_not(rng, article, rng.randint(1, 4), named)
            if rng.random() < 0.1:
                story_of[rng.choice(sorted(story_of))] = f"split{i}"
            assert _ids(F.cluster_mentions(mentions, story_of)) == _fresh(mentions, story_of), f"article {i}"
    finally:
        F._Replay.reaches = reaches  # type: ignore[method-assign]
        F._PASSES, F._HOLDERS, F._GROUPINGS = kept
    return verdicts


@settings(max_examples=30, deadline=None)
@given(seed=st.integers(min_value=0, max_value=2**32 - 1), named=st.booleans())
def test_a_growing_story_keeps_unchecked_only_the_decisions_no_changed_cluster_can_reach(seed, named):
    _grow_checking_reach(seed, named, 30)


@pytest.mark.parametrize("named", [False, True])
def test_most_mentions_after_a_new_one_keep_their_decision_unchecked(named):
    """The replay's checks are those of the mentions a changed cluster can reach: in a story of a few
    hundred drawn mentions, most old mentions after a new one are passed over (named or not)."""
    verdicts = _grow_checking_reach(9, named, 80)
    assert verdicts.count(False) > verdicts.count(True) > 0


@pytest.mark.parametrize("named", [False, True])
def test_a_cluster_that_only_gained_members_is_checked_against_those_alone(named, monkeypatch):
    """An old mention whose cluster has only gained members since the old pass is checked against the
    members gained, its score the old one plus what they add (``_Replay.kept_score``): the same
    verdict and score as checking every member, and the same grouping as a full regrouping."""
    shortcuts: list[tuple[int, int] | None] = []
    kept_score = F._Replay.kept_score

    def both(replay: F._Replay, i: int, j: int, was: tuple[int, int]) -> tuple[int, int] | None:
        got = kept_score(replay, i, j, was)
        if replay.gained.get(j) is not None:
            full = replay.fit_score(i, j)
            assert got == (full if full is not None and full >= was else None)
            shortcuts.append(got)
        return got

    monkeypatch.setattr(F._Replay, "kept_score", both)
    _grow_checking_reach(9, named, 80)
    assert any(s is not None for s in shortcuts) and any(s is None for s in shortcuts)


def test_a_pass_with_mentions_gone_is_replayed_only_while_it_holds_more_than_it_lost():
    old = F._Pass()
    for content in [1, 2, 3, 4]:
        old.record(content, 0, (0, 0))
    assert old.kept_in([1, 3, 5], {1, 3, 5}) == 2
    assert old.kept_in([3, 1], {1, 3}) is None  # not in the same order
    F._PASSES[("story-a", "T")] = old
    F._HOLDERS.update(dict.fromkeys([1, 2, 3, 4], ("story-a", "T")))
    try:
        assert F._kept_pass(("story-b", "T"), [1, 2, 3, 9]) is old  # the absorbed story's pass
        assert F._kept_pass(("story-b", "T"), [1, 9]) is None  # it lost more than it keeps
        assert F._kept_pass(("story-b", "U"), [1, 2, 3, 4]) is None  # another type's
    finally:
        del F._PASSES[("story-a", "T")]


def _next_block(rng: random.Random, block: list[EventMention], step: int) -> list[EventMention]:
    """The block of the next fusion: most of this one's mention objects in a shuffled order, a few
    dropped, a few new drawn ones, now and then a copy of a kept mention (the same key: a tie) or an
    object given twice."""
    kept = [m for m in block if rng.random() > 0.1]
    new = [
        drawn_mention(rng, f"b{step}-m{k}", f"b{step}", ["CONSULT", "ACCUSE"], DATES) for k in range(rng.randint(0, 4))
    ]
    if kept and rng.random() < 0.1:
        new.append(dataclasses.replace(rng.choice(kept)))
    if kept and rng.random() < 0.05:
        new.append(rng.choice(kept))
    out = kept + new
    rng.shuffle(out)
    return out


@settings(max_examples=40, deadline=None)
@given(seed=st.integers(min_value=0, max_value=2**32 - 1))
def test_the_canonical_order_kept_from_the_last_block_is_that_of_sorting_anew(seed):
    """``_canonical_order`` inserts a block's new mentions into the last block's order: the same
    order as sorting the block (ties and objects given twice included), block after block."""
    rng = random.Random(seed)
    block = [drawn_mention(rng, f"a-m{k}", "a", ["CONSULT", "ACCUSE"], DATES) for k in range(rng.randint(1, 30))]
    kept = F._LAST_ORDER
    F._LAST_ORDER = None
    try:
        for step in range(12):
            expected = sorted(block, key=lambda m: MF._facts(m).order)
            got = [f.mention for f in F._canonical_order(block)]
            assert [id(m) for m in got] == [id(m) for m in expected], f"block {step}"
            block = _next_block(rng, block, step)
    finally:
        F._LAST_ORDER = kept


def test_a_block_mostly_kept_is_ordered_by_inserting_its_new_mentions(reports, monkeypatch):
    """The next block of real reports' mentions (one report more) is ordered from the last one's,
    not sorted anew."""
    first = [m for _, ms in reports[:20] for m in ms]
    then = first + list(reports[20][1])
    monkeypatch.setattr(F, "_LAST_ORDER", None)
    F._canonical_order(first)
    updated = F._updated_order
    seen: list[object] = []
    monkeypatch.setattr(F, "_updated_order", lambda *a: seen.append(updated(*a)) or seen[-1])
    got = [f.mention for f in F._canonical_order(then)]
    assert seen and seen[0] is not None
    assert got == sorted(then, key=lambda m: MF._facts(m).order)
