"""Event fusion on hand-built mentions of the seed reports, and its order-independence."""

from __future__ import annotations

import itertools
from datetime import date

from conftest import event_mention
from hypothesis import given, settings
from hypothesis import strategies as st

from newsfuse.model import ActorRef, EventMention
from newsfuse.stories import fuse_events
from newsfuse.stories.dates import day_range, overlap

PUTIN = ActorRef("Vladimir Putin", "RUS", "GOV", "President", "putin")
NETANYAHU = ActorRef("Benjamin Netanyahu", "ISR", "GOV", "Prime Minister", "netanyahu")
LUKASHENKO = ActorRef("Alexander Lukashenko", "BLR", "GOV", "President", "lukashenko")
OUTLETS = {"a000": "outlet-000", "a001": "outlet-001", "a002": None}
STORY = {"a000": "s-a000", "a001": "s-a000", "a002": "s-a000"}
TEXTS = {
    "a001": "Russian officials have not disclosed further details of the discussion, and Israel has yet "
    "to release its own readout of the call.",
    "a002": "According to statements from both governments, the leaders held a “thorough exchange of views”.",
}


def mention(mid, article, src, tgt, date=None, precision=None, **kw) -> EventMention:
    fields = dict(
        id=mid,
        article_id=article,
        mode="phone",
        cameo="040",
        source_actors=src,
        target_actors=tgt,
        date=date,
        date_precision=precision,
        sentence="The two leaders held a phone call.",
        end=10,
        symmetric=True,
    )
    return event_mention(**{**fields, **kw})


def seed_mentions() -> list[EventMention]:
    return [
        mention(
            "m000a",
            "a000",
            (PUTIN,),
            (NETANYAHU,),
            topics=("Gaza ceasefire", "Syria"),
            quotes=("thorough exchange of views",),
            reporting_source="the Kremlin’s readout",
        ),
        mention(
            "m001a",
            "a001",
            (PUTIN,),
            (NETANYAHU,),
            "2025-11-15",
            "day",
            topics=("Gaza ceasefire",),
            quotes=("extensive exchange of views",),
            reporting_source="RIA Novosti",
        ),
        mention("m001b", "a001", (PUTIN,), (LUKASHENKO,), "2025-11-15", "day", topics=("energy cooperation",)),
        mention(
            "m002a",
            "a002",
            (NETANYAHU,),
            (PUTIN,),
            "2025-11-15",
            "day",
            initiator=PUTIN,
            topics=("Gaza ceasefire", "Iran nuclear programme"),
            quotes=("thorough exchange of views",),
        ),
        mention("m002b", "a002", (PUTIN,), (NETANYAHU,), "2025-11", "month"),
    ]


def netanyahu_call(events):
    [event] = [e for e in events if {a.name for a in e.source_actors + e.target_actors} == {PUTIN.name, NETANYAHU.name}]
    return event


def detail(event, field, value=None):
    found = [d for d in event.details if d.field == field and (value is None or d.value == value)]
    assert found, (field, value, event.details)
    return found[0]


def test_seed_call_fuses_with_all_three_reports():
    events = fuse_events(seed_mentions(), OUTLETS, STORY, TEXTS)
    call = netanyahu_call(events)
    assert {m.article_id for m in call.mentions} == {"a000", "a001", "a002"}
    assert len(call.mentions) == 4  # every mention kept
    assert (call.date, call.date_precision) == ("2025-11-15", "day")
    assert call.source_actors == (PUTIN,) and call.target_actors == (NETANYAHU,)
    assert detail(call, "date", "2025-11-15").supported_by == ("a001", "a002")
    initiator = detail(call, "initiator")
    assert (initiator.value, initiator.supported_by, initiator.single_source) == ("Vladimir Putin", ("a002",), True)
    assert set(detail(call, "topic", "Gaza ceasefire").supported_by) == {"a000", "a001", "a002"}
    assert call.story_id == "s-a000"
    assert {m.outlet for m in call.mentions} == {"outlet-000", "outlet-001", None}


def test_lukashenko_call_is_another_event():
    events = fuse_events(seed_mentions(), OUTLETS, STORY, TEXTS)
    other = [e for e in events if LUKASHENKO in e.source_actors + e.target_actors]
    assert len(other) == 1 and {m.article_id for m in other[0].mentions} == {"a001"}
    assert len(events) == 2


def test_a_call_with_an_extra_counterpart_is_another_event():
    # "Putin called Netanyahu" and "Putin called Netanyahu and Lukashenko", symmetric or not.
    for symmetric, kind in ((True, "CONSULT"), (False, "ACCUSE")):
        pair = mention("m1", "a000", (PUTIN,), (NETANYAHU,), type=kind, symmetric=symmetric)
        three = mention("m2", "a001", (PUTIN,), (NETANYAHU, LUKASHENKO), type=kind, symmetric=symmetric)
        alone = mention("m3", "a002", (PUTIN,), (), type=kind, symmetric=symmetric)
        events = fuse_events([pair, three, alone], OUTLETS, STORY)
        assert len(events) == 2
        assert all({m.mention_id for m in e.mentions} != {"m1", "m2"} for e in events)


def test_readout_disagreement_is_a_contradiction_with_both_sides():
    call = netanyahu_call(fuse_events(seed_mentions(), OUTLETS, STORY, TEXTS))
    readouts = [d for d in call.details if d.field == "readout"]
    pending = [d for d in readouts if "yet to release" in d.value]
    both = [d for d in readouts if "both governments" in d.value]
    assert pending and pending[0].supported_by == ("a001",) and pending[0].contradicted_by == ("a002",)
    assert both and both[0].supported_by == ("a002",) and both[0].contradicted_by == ("a001",)


def test_quote_wordings_are_variants_not_contradictions():
    call = netanyahu_call(fuse_events(seed_mentions(), OUTLETS, STORY, TEXTS))
    [quote] = [d for d in call.details if d.field == "quote"]
    assert quote.value == "thorough exchange of views"
    assert quote.variants == ("extensive exchange of views",)
    assert quote.contradicted_by == () and set(quote.supported_by) == {"a000", "a001", "a002"}


def test_two_calls_on_different_days_are_two_events():
    ms = [
        mention("x1", "b1", (PUTIN,), (NETANYAHU,), "2025-09-02", "day"),
        mention("x2", "b2", (NETANYAHU,), (PUTIN,), "2025-11-15", "day"),
    ]
    events = fuse_events(ms, {}, {"b1": "s-1", "b2": "s-2"})
    assert len(events) == 2
    assert [e.date for e in events] == ["2025-09-02", "2025-11-15"]


def test_one_day_apart_in_one_story_merges_and_is_flagged():
    ms = [
        mention("y1", "c1", (PUTIN,), (NETANYAHU,), "2025-11-15", "day"),
        mention("y2", "c2", (PUTIN,), (NETANYAHU,), "2025-11-16", "day"),
        mention("y3", "c3", (PUTIN,), (NETANYAHU,), "2025-11-15", "day"),
    ]
    [event] = fuse_events(ms, {}, {"c1": "s", "c2": "s", "c3": "s"})
    assert event.date == "2025-11-15"
    assert detail(event, "date", "2025-11-15").contradicted_by == ("c2",)


def test_different_initiators_and_casualty_figures_contradict():
    ms = [
        mention("z1", "d1", (PUTIN,), (NETANYAHU,), initiator=PUTIN, numbers={"killed": 3}),
        mention("z2", "d2", (PUTIN,), (NETANYAHU,), initiator=NETANYAHU, numbers={"killed": 5}),
    ]
    [event] = fuse_events(ms, {}, {"d1": "s", "d2": "s"})
    assert detail(event, "initiator", "Vladimir Putin").contradicted_by == ("d2",)
    assert detail(event, "number:killed", "3").contradicted_by == ("d2",)
    assert detail(event, "number:killed", "5").contradicted_by == ("d1",)


def test_any_input_order_gives_the_same_events():
    expected = fuse_events(seed_mentions(), OUTLETS, STORY, TEXTS)
    for perm in itertools.permutations(seed_mentions()):
        assert fuse_events(list(perm), OUTLETS, STORY, TEXTS) == expected


def test_event_ids_are_stable_hashes():
    a = fuse_events(seed_mentions(), OUTLETS, STORY, TEXTS)
    b = fuse_events(seed_mentions(), OUTLETS, STORY, TEXTS)
    assert [e.id for e in a] == [e.id for e in b] and len({e.id for e in a}) == 2


@settings(max_examples=200, deadline=None)
@given(
    st.dates(min_value=date(1000, 1, 7), max_value=date(9999, 12, 20)),
    st.sampled_from(["day", "week", "month", "quarter", "year"]),
)
def test_a_day_lies_inside_every_coarser_value_of_itself(day, precision):
    iso = day.isoformat()
    year, week, _ = day.isocalendar()
    value = {
        "day": iso,
        "week": f"{year}-W{week:02d}",
        "month": iso[:7],
        "quarter": f"{iso[:4]}-Q{(day.month - 1) // 3 + 1}",
        "year": iso[:4],
    }[precision]
    first, last = day_range(value)
    assert first <= day.toordinal() <= last
    assert overlap(value, iso)


def test_indexed_grouping_equals_checking_every_cluster(plain_greedy_fusion):
    """The blocking index only skips clusters that could never be compatible."""
    import random

    from newsfuse.model import ActorRef, EventMention
    from newsfuse.stories import fuse as F

    rng = random.Random(11)
    people = [ActorRef(f"Person {i}", "AAA", "GOV", None, f"p{i}") for i in range(6)]
    mentions = []
    for i in range(300):
        k = rng.choice([0, 1, 2, 2])
        actors = tuple(rng.sample(people, k))
        date = rng.choice([None, f"2025-11-{rng.randint(10, 16):02d}", "2025-W46", "2025-11"])
        precision = None if date is None else {10: "day", 8: "week", 7: "month"}[len(date)]
        mentions.append(
            EventMention(
                id=f"m{i:03d}",
                article_id=f"a{i % 40}",
                type=rng.choice(["CONSULT", "ASSAULT"]),
                mode=None,
                cameo=None,
                source_actors=actors[:1],
                target_actors=actors[1:],
                date=date,
                date_precision=precision,
                status="occurred",
                topics=(),
                sentence="s",
                start=0,
                end=1,
                symmetric=rng.random() < 0.5,
            )
        )
    story_of = {f"a{i}": f"s{i % 7}" for i in range(40) if i % 5}

    got = [[m.id for m in c] for c in F.cluster_mentions(mentions, story_of)]
    assert got == plain_greedy_fusion(mentions, story_of)


def test_a_victim_every_mention_names_as_target_is_never_a_source():
    # issue 19: the killing of Javon Wilson fused into "Javon Wilson -> United States, Danny Davis"
    wilson = ActorRef("Javon Wilson", "USA", None, None, "wilson")
    davis = ActorRef("Danny Davis", "USA", "GOV", "Representative", "davis")
    gunman = ActorRef("a teenage gunman", "USA", None, None, "gunman")
    ms = [
        mention("k1", "a000", (), (wilson,), type="ASSAULT", mode=None, cameo="180", symmetric=False),
        mention("k2", "a001", (), (wilson, davis), type="ASSAULT", mode=None, cameo="180", symmetric=False),
    ]
    (event,) = fuse_events(ms, OUTLETS, STORY)
    assert event.source_actors == ()
    assert {a.name for a in event.target_actors} == {"Javon Wilson", "Danny Davis"}
    # one mention that gives an agent: that agent (and only it) is the source
    ms = ms[:1] + [mention("k3", "a002", (gunman,), (wilson,), type="ASSAULT", mode=None, cameo="180", symmetric=False)]
    (event,) = fuse_events(ms, OUTLETS, STORY)
    assert [a.name for a in event.source_actors] == ["a teenage gunman"]
    assert [a.name for a in event.target_actors] == ["Javon Wilson"]


def test_a_stated_date_wins_over_a_publication_week_implied_and_only_stated_dates_are_details():
    ms = [
        mention("i1", "a000", (PUTIN,), (NETANYAHU,), "2025-W46", "week", date_implied=True),
        mention("i2", "a001", (PUTIN,), (NETANYAHU,), "2025-11-15", "day"),
        mention("i3", "a002", (PUTIN,), (NETANYAHU,), "2025-W46", "week", date_implied=True),
    ]
    [event] = fuse_events(ms, OUTLETS, STORY)
    assert (event.date, event.date_precision, event.date_implied) == ("2025-11-15", "day", False)
    dates = [d for d in event.details if d.field == "date"]
    assert [(d.value, d.supported_by, d.contradicted_by) for d in dates] == [("2025-11-15", ("a001",), ())]


def test_an_event_no_report_dates_keeps_the_implied_week_flagged():
    ms = [
        mention("j1", "a000", (PUTIN,), (NETANYAHU,), "2025-W46", "week", date_implied=True),
        mention("j2", "a001", (PUTIN,), (NETANYAHU,), "2025-W46", "week", date_implied=True),
    ]
    [event] = fuse_events(ms, OUTLETS, STORY)
    assert (event.date, event.date_implied) == ("2025-W46", True)
    assert not [d for d in event.details if d.field == "date"]


def test_a_fused_event_is_as_confident_as_its_most_confident_mention():
    ms = [
        mention("k1", "a000", (PUTIN,), (NETANYAHU,), confidence=0.3),
        mention("k2", "a001", (PUTIN,), (NETANYAHU,), confidence=0.8),
    ]
    [event] = fuse_events(ms, OUTLETS, STORY)
    assert event.confidence == 0.8 and event.to_dict()["confidence"] == 0.8


def test_a_stated_intent_does_not_contradict_the_act_done():
    """'Agreed to share data' (done) and 'inclined to support the plan' (an intent, coded AGREE for a SUPPORT)
    fuse through their two parties but tell two acts: no status contradiction. Two reports of one act do."""
    agree = dict(type="AGREE", mode=None, cameo="030", symmetric=True)
    ms = [
        mention("w1", "e1", (PUTIN, NETANYAHU), (), status="occurred", rule="agree", **agree),
        mention("w2", "e2", (PUTIN, NETANYAHU), (), status="planned", rule="support + future_as SUPPORT", **agree),
    ]
    [event] = fuse_events(ms, {}, {"e1": "s", "e2": "s"})
    assert all(not d.contradicted_by for d in event.details if d.field == "status")
    ms[1] = mention("w2", "e2", (PUTIN, NETANYAHU), (), status="planned", rule="agree", **agree)
    [event] = fuse_events(ms, {}, {"e1": "s", "e2": "s"})
    assert detail(event, "status", "occurred").contradicted_by == ("e2",)


def test_each_status_is_contradicted_only_by_reports_of_its_own_act():
    """Three reports of a call's agreement: done, intended as its own type (another act), and planned
    as the same act. Only the two reports of the same act contradict each other."""
    agree = dict(type="AGREE", mode=None, cameo="030", symmetric=True)
    ms = [
        mention("w1", "e1", (PUTIN, NETANYAHU), (), status="occurred", rule="agree", **agree),
        mention("w2", "e2", (PUTIN, NETANYAHU), (), status="planned", rule="support + future_as SUPPORT", **agree),
        mention("w3", "e3", (PUTIN, NETANYAHU), (), status="planned", rule="agree", **agree),
    ]
    [event] = fuse_events(ms, {}, dict.fromkeys(("e1", "e2", "e3"), "s"))
    assert detail(event, "status", "occurred").contradicted_by == ("e3",)
    planned = detail(event, "status", "planned")
    assert planned.supported_by == ("e2", "e3") and planned.contradicted_by == ("e1",)


def test_a_repeated_quote_joins_the_first_group_that_holds_a_similar_wording_by_then():
    """A wording met again is compared anew with what the groups before its own gained since: the
    second 'the sanctions remain in force' joins the first group, which a longer wording holding it
    joined in between, not the group the first one started."""
    quotes = {
        "q1": "we discussed fishing quotas at length",
        "q2": "the sanctions remain in force",
        "q3": "we discussed fishing quotas at length and the sanctions remain in force",
        "q4": "the sanctions remain in force",
    }
    ms = [mention(f"m{a}", a, (PUTIN,), (NETANYAHU,), quotes=(q,)) for a, q in quotes.items()]
    [event] = fuse_events(ms, {}, dict.fromkeys(quotes, "s"))
    first, second = [d for d in event.details if d.field == "quote"]
    assert first.value == quotes["q1"] and first.supported_by == ("q1", "q3", "q4")
    assert first.variants == (quotes["q3"], quotes["q2"])
    assert second.value == quotes["q2"] and second.supported_by == ("q2",)
