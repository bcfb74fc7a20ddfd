"""Fusion joins the reports of one event, not every mention of a long story: an undated mention is
not fused across articles published far apart, and two different acts of one story need more than
the one actor they share (the publication date travels with each mention, through the store too)."""

from __future__ import annotations

import dataclasses
import datetime as dt

from conftest import event_mention

from newsfuse.model import ActorRef, Article, Block, EventMention, article_id, to_plain
from newsfuse.pipeline import analyse
from newsfuse.store import open_store, serde
from newsfuse.stories import fuse_events
from newsfuse.stories.config import load
from newsfuse.stories.fuse import cluster_mentions, compatible

PORTUGAL = ActorRef("Portugal", "PRT", None, None, "portugal")
INDONESIA = ActorRef("Indonesia", "IDN", None, None, "indonesia")
KENYA = ActorRef("Kenya", "KEN", None, None, "kenya")
STORY = {f"a{i}": "s1" for i in range(6)}


def mention(mid, article, src, tgt=(), published=None, date=None, precision=None, **kw) -> EventMention:
    fields = dict(
        id=mid,
        article_id=article,
        type="REQUEST",
        cameo="100",
        source_actors=src,
        target_actors=tgt,
        date=date,
        date_precision=precision,
        sentence="Kenya called for a fund.",
        end=10,
        published=published,
    )
    return event_mention(**{**fields, **kw})


def groups(ms: list[EventMention], story_of: dict[str, str] = STORY) -> list[list[str]]:
    return sorted(sorted(m.id for m in c) for c in cluster_mentions(ms, story_of))


def test_an_undated_mention_months_later_is_not_fused_with_the_first_reports():
    first = mention("m1", "a0", (KENYA,), published="2026-03-12", date="2026-03-12", precision="day")
    same_week = mention("m2", "a1", (KENYA,), published="2026-03-14")
    months_later = mention("m3", "a2", (KENYA,), published="2026-07-02")
    assert groups([first, same_week, months_later]) == [["m1", "m2"], ["m3"]]


def test_the_window_is_read_from_fusion_yaml_and_is_days_to_weeks():
    window = load("fusion.yaml")["undated_publication_window_days"]
    assert 7 <= window <= 60
    start = dt.date(2026, 3, 1)
    a = mention("m1", "a0", (KENYA,), published=start.isoformat())
    inside = mention("m2", "a1", (KENYA,), published=(start + dt.timedelta(days=window)).isoformat())
    outside = mention("m3", "a2", (KENYA,), published=(start + dt.timedelta(days=window + 1)).isoformat())
    assert compatible(a, inside, STORY)
    assert not compatible(a, outside, STORY)


def test_a_later_report_that_dates_the_event_still_joins_it():
    first = mention("m1", "a0", (KENYA,), published="2026-03-12", date="2026-03-12", precision="day")
    looking_back = mention("m2", "a1", (KENYA,), published="2026-09-30", date="2026-03-12", precision="day")
    assert groups([first, looking_back]) == [["m1", "m2"]]


def test_unknown_publication_dates_keep_nothing_apart():
    a = mention("m1", "a0", (KENYA,), published=None)
    b = mention("m2", "a1", (KENYA,), published="2026-09-30")
    assert compatible(a, b, STORY)


def test_a_welcome_is_not_the_signing_it_shares_one_actor_with():
    signed = mention("m1", "a0", (PORTUGAL, INDONESIA), type="SUPPORT", mode="sign", cameo="057")
    signed_too = mention("m2", "a1", (PORTUGAL,), type="SUPPORT", mode="sign", cameo="057")
    welcomed = mention("m3", "a2", (PORTUGAL,), type="SUPPORT", mode=None, cameo="050")
    assert not compatible(signed, welcomed, STORY)
    assert compatible(signed, signed_too, STORY)  # the same act: one shared actor is enough
    assert groups([signed, signed_too, welcomed]) == [["m1", "m2"], ["m3"]]


def test_two_acts_with_both_parties_in_common_are_one_event():
    talks = mention("m1", "a0", (PORTUGAL, INDONESIA), type="CONSULT", cameo="040", sentence="They held talks.")
    visit = mention("m2", "a1", (INDONESIA, PORTUGAL), type="CONSULT", mode="visit", cameo="042")
    assert compatible(talks, visit, STORY)


def test_different_acts_with_one_actor_named_stay_apart_but_the_same_act_fuses():
    asked = mention("m1", "a0", (KENYA,), cameo="100")
    demanded = mention("m2", "a1", (KENYA,), cameo="102")
    asked_again = mention("m3", "a3", (KENYA,), cameo="100")
    assert groups([asked, demanded, asked_again]) == [["m1", "m3"], ["m2"]]


def test_fused_events_keep_each_report_of_one_week_together():
    ms = [mention(f"m{i}", f"a{i}", (KENYA,), published=f"2026-03-1{i}") for i in range(4)]
    late = mention("m9", "a5", (KENYA,), published="2026-05-20")
    events = fuse_events([*ms, late], {}, STORY)
    assert sorted(len(e.mentions) for e in events) == [1, 4]


def test_each_mention_carries_its_article_publication_date_through_the_store(tmp_path):
    blocks = (Block("paragraph", "Kenya's foreign minister met Portugal's foreign minister in Nairobi on Tuesday."),)
    article = Article(article_id(blocks), "test", "text", None, "2026-03-12", None, None, blocks)
    (result,) = analyse([article], with_embeddings=False)
    assert result.mentions and all(m.published == "2026-03-12" for m in result.mentions)
    store = open_store(str(tmp_path / "t.db"))
    try:
        store.add_article(article)
        store.save_mentions(article.id, result.mentions)
        assert [m.published for m in store.mentions()] == ["2026-03-12"] * len(result.mentions)
        assert store.mentions() == list(result.mentions)
    finally:
        store.close()


def test_a_mention_stored_before_the_field_reads_back_without_a_date():
    m = mention("m1", "a0", (KENYA,), published="2026-03-12")
    doc = {k: v for k, v in to_plain(m).items() if k != "published"}
    assert serde.mention_from(doc) == dataclasses.replace(m, published=None)


def test_one_party_of_a_joint_act_named_still_joins_it():
    putin = ActorRef("Vladimir Putin", "RUS", "GOV", "President", "putin")
    netanyahu = ActorRef("Benjamin Netanyahu", "ISR", "GOV", "Prime Minister", "netanyahu")
    had_a_call = mention("m1", "a0", (netanyahu,), type="CONSULT", mode="phone", cameo="041")
    reviewed = mention("m2", "a1", (putin, netanyahu), type="CONSULT", cameo="040")
    assert compatible(had_a_call, reviewed, STORY)  # CONSULT is a joint act: the other party is unnamed
