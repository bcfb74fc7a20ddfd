"""Fusion re-fuses a block with what it kept from the last time (decoded mentions, built events,
readout claims per text): the answer is always what it would be from scratch, whatever changed."""

from __future__ import annotations

import dataclasses

from conftest import event_mention

from newsfuse.model import ActorRef, EventMention
from newsfuse.stories import fuse_events

PUTIN = ActorRef("Vladimir Putin", "RUS", "GOV", "President", "putin")
NETANYAHU = ActorRef("Benjamin Netanyahu", "ISR", "GOV", "Prime Minister", "netanyahu")
OUTLETS = {"a000": "outlet-000", "a001": "outlet-001", "a002": None}
STORY = {"a000": "s-a000", "a001": "s-a000", "a002": "s-a000"}
TEXTS = {"a001": "Israel has yet to release its own readout of the call."}


def mention(mid: str, article: str, numbers: dict[str, int] | None = None) -> EventMention:
    return event_mention(
        id=mid,
        article_id=article,
        mode="phone",
        cameo="040",
        source_actors=(PUTIN,),
        target_actors=(NETANYAHU,),
        date="2025-11-15",
        date_precision="day",
        sentence="The two leaders held a phone call.",
        end=10,
        symmetric=True,
        numbers=numbers or {},
    )


def seed_mentions() -> list[EventMention]:
    return [mention("m000a", "a000"), mention("m001a", "a001"), mention("m002a", "a002")]


def netanyahu_call(events):
    [event] = events
    return event


def _numbers(event) -> dict[str, str]:
    return {d.field: d.value for d in event.details if d.field.startswith("number:")}


def test_a_mention_that_differs_only_in_its_numbers_is_not_taken_for_the_kept_one():
    # mention equality leaves numbers out: the kept event must not be handed back for other numbers
    first = [mention("m1", "a000", numbers={"killed": 3})]
    second = [dataclasses.replace(first[0], numbers={"killed": 5})]
    assert first[0] == second[0]
    assert _numbers(fuse_events(first, OUTLETS, STORY)[0]) == {"number:killed": "3"}
    assert _numbers(fuse_events(second, OUTLETS, STORY)[0]) == {"number:killed": "5"}


def test_the_same_mentions_with_another_outlet_story_or_text_give_the_event_from_scratch():
    ms = seed_mentions()
    plain = netanyahu_call(fuse_events(ms, OUTLETS, STORY))
    with_texts = netanyahu_call(fuse_events(ms, OUTLETS, STORY, texts=TEXTS))
    assert [d for d in with_texts.details if d.field == "readout"] != [d for d in plain.details if d.field == "readout"]
    other_outlets = {**OUTLETS, "a002": "outlet-new"}
    renamed = netanyahu_call(fuse_events(ms, other_outlets, STORY))
    assert "outlet-new" in {m.outlet for m in renamed.mentions}
    other_story = {k: "s-other" for k in STORY}
    assert netanyahu_call(fuse_events(ms, OUTLETS, other_story)).story_id == "s-other"
    assert netanyahu_call(fuse_events(ms, OUTLETS, STORY)) == plain
