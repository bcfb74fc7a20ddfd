"""What fusion keeps across calls (each mention object's actor keys, signature numbers and content
number; verdicts by signature number; events by content) never changes what a call answers: the same
mention objects fused again and again, in other blocks and other stories (as incremental fusion
hands them back from the store), group as the plain greedy rule groups them and give the events
that fresh copies of the mentions give."""

from __future__ import annotations

import dataclasses

from hypothesis import given, settings
from hypothesis import strategies as st

from newsfuse.model import ActorRef, EventMention
from newsfuse.stories import fuse as F
from newsfuse.stories import fused_event as E
from newsfuse.text.recent import Recent

PEOPLE = [ActorRef(f"Person {i}", "AAA", "GOV", None, f"p{i}") for i in range(4)]
DATES = [None, "2025-11-10", "2025-11-11", "2025-11-13", "2025-W46", "2025-11"]
PRECISION = {10: "day", 8: "week", 7: "month"}


@st.composite
def mention_sets(draw) -> list[EventMention]:
    n = draw(st.integers(min_value=1, max_value=40))
    out = []
    for i in range(n):
        actors = draw(st.lists(st.sampled_from(PEOPLE), max_size=3, unique=True))
        date = draw(st.sampled_from(DATES))
        out.append(
            EventMention(
                id=f"m{i:03d}",
                article_id=f"a{draw(st.integers(min_value=0, max_value=9))}",
                type=draw(st.sampled_from(["CONSULT", "ACCUSE"])),
                mode=draw(st.sampled_from([None, None, "phone"])),
                cameo=None,
                source_actors=tuple(actors[:1]),
                target_actors=tuple(actors[1:]),
                date=date,
                date_precision=PRECISION[len(date)] if date else None,
                status="occurred",
                topics=(),
                sentence=f"sentence {i}",
                start=0,
                end=10,
                numbers=draw(st.sampled_from([{}, {"killed": 3}, {"killed": 4}])),
            )
        )
    return out


stories = st.dictionaries(st.sampled_from([f"a{i}" for i in range(10)]), st.sampled_from(["s1", "s2", "s3"]))


def _fresh(ms: list[EventMention]) -> list[EventMention]:
    """Copies that no cache has seen (new objects, equal content)."""
    return [dataclasses.replace(m, numbers=dict(m.numbers)) for m in ms]


@settings(max_examples=80, deadline=None)
@given(ms=mention_sets(), story_maps=st.lists(stories, min_size=1, max_size=4), data=st.data())
def test_mentions_fused_again_in_other_blocks_and_stories_give_what_fresh_ones_give(
    ms, story_maps, data, plain_greedy_fusion
):
    for story_of in story_maps:  # the stories change between fusions: merges, splits, joins
        block = data.draw(st.lists(st.sampled_from(ms), unique_by=lambda m: m.id, min_size=1), label="block")
        got = [[m.id for m in c] for c in F.cluster_mentions(block, story_of)]
        assert got == plain_greedy_fusion(block, story_of)
        outlets = {m.article_id: f"Outlet {m.article_id}" for m in block}
        assert F.fuse_events(block, outlets, story_of) == F.fuse_events(_fresh(block), outlets, story_of)


def test_a_mention_with_other_numbers_is_other_content_for_the_event_cache():
    base = EventMention(
        id="x1",
        article_id="a1",
        type="ASSAULT",
        mode=None,
        cameo=None,
        source_actors=(PEOPLE[0],),
        target_actors=(),
        date="2025-11-10",
        date_precision="day",
        status="occurred",
        topics=(),
        sentence="s",
        start=0,
        end=1,
    )
    counted = dataclasses.replace(base, numbers={"killed": 3})
    [plain] = F.fuse_events([base], {}, {"a1": "s1"})
    [with_numbers] = F.fuse_events([counted], {}, {"a1": "s1"})
    assert base == counted  # equality leaves the numbers out ...
    assert not any(d.field.startswith("number:") for d in plain.details)
    assert any(d.field == "number:killed" and d.value == "3" for d in with_numbers.details)  # ... the cache does not


def _uncached_events(ms: list[EventMention], outlets: dict[str, str], story_of: dict[str, str]) -> list:
    kept = E._EVENTS, E._INFOS, F._LAST_ORDER, F._ACROSS
    E._EVENTS, E._INFOS = Recent(E.EVENTS_KEPT, E._EVENTS.weigh), Recent(E.EVENTS_KEPT, E._INFOS.weigh)
    F._LAST_ORDER, F._ACROSS = None, {}
    try:
        return F.fuse_events(ms, outlets, story_of)
    finally:
        E._EVENTS, E._INFOS, F._LAST_ORDER, F._ACROSS = kept


@settings(max_examples=60, deadline=None)
@given(ms=mention_sets(), story_maps=st.lists(stories, min_size=2, max_size=4))
def test_events_remembered_before_their_articles_changed_story_are_those_fused_anew(ms, story_maps):
    """The event cache leaves the stories out of its key (a merge moves a big story's articles to
    another id) and gives each event the story its articles are in now: as fusing with no cache."""
    outlets = {m.article_id: f"Outlet {m.article_id}" for m in ms}
    for story_of in story_maps:
        assert F.fuse_events(ms, outlets, story_of) == _uncached_events(ms, outlets, story_of)


@settings(max_examples=30, deadline=None)
@given(ms=mention_sets())
def test_a_story_fused_again_as_it_grows_keeps_the_event_cache_within_its_weight_and_the_same_events(ms):
    """As a watched story grows a mention at a time, each fusion's grown events supersede the last
    ones; the cache holds at most twice its weight in mentions (or twice its heaviest event), and
    gives what no cache gives."""
    story_of = {f"a{i}": "s1" for i in range(10)}
    outlets = {f"a{i}": f"Outlet {i}" for i in range(10)}
    kept = E._EVENTS, E._INFOS
    E._EVENTS, E._INFOS = Recent(12, E._EVENTS.weigh), Recent(12, E._INFOS.weigh)
    try:
        for end in range(1, len(ms) + 1):
            block = ms[:end]
            assert F.fuse_events(block, outlets, story_of) == _uncached_events(block, outlets, story_of)
            weights = [E._EVENTS.weigh(e) for g in (E._EVENTS.current, E._EVENTS.previous) for e in g.values()]
            assert sum(weights) <= 2 * max(12, *weights)  # a generation outweighs the bound by one event at most
    finally:
        E._EVENTS, E._INFOS = kept
