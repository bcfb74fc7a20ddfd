"""Fusion across stories is decided per story event, not per mention: a story's undated line or one
naming a single signer joins its own story's event, which another story's dated report matches."""

from __future__ import annotations

import dataclasses

from conftest import event_mention

from newsfuse.model import ActorRef, EventMention
from newsfuse.stories import fuse as F

PORTUGAL = ActorRef("Portugal", "PRT", None, None, "state:PRT")
PORTUGUESE_GOVERNMENT = ActorRef("Portuguese government", "PRT", "GOV", None, "gov:PRT")
INDONESIA = ActorRef("Indonesia", "IDN", None, None, "state:IDN")
KENYA = ActorRef("Kenya", "KEN", None, None, "state:KEN")
KENYAN_GOVERNMENT = ActorRef("Kenyan government", "KEN", "GOV", None, "gov:KEN")
UN = ActorRef("United Nations", None, "IGO", None, "igo:UN")
STORIES = {"lisbon-1": "signing", "lisbon-2": "signing", "lisbon-3": "signing", "un-1": "resolution"}


def signing(mid: str, article: str, signers: tuple[ActorRef, ...], day: str | None, **kw) -> EventMention:
    """A mention of the Lisbon signing (or, with ``kw``, of another act) as the events stage codes it."""
    fields = dict(
        id=mid,
        article_id=article,
        type="SUPPORT",
        mode="sign",
        cameo="057",
        source_actors=signers,
        date=day,
        date_precision="day" if day else None,
        sentence="Portugal and Indonesia signed a marine research agreement.",
        end=10,
        symmetric=True,
    )
    return event_mention(**{**fields, **kw})


def grouped(mentions: list[EventMention], story_of: dict[str, str]) -> list[set[str]]:
    return [{m.id for m in c} for c in F.cluster_mentions(mentions, story_of)]


def test_another_storys_report_does_not_split_a_storys_own_event():
    both = (PORTUGAL, INDONESIA)
    mentions = [
        signing("a", "lisbon-1", both, "2026-03-10"),
        signing("b", "lisbon-2", both, "2026-03-10"),
        signing("c", "lisbon-3", (PORTUGAL,), "2026-03-10"),  # names one signer
        signing("d", "lisbon-3", both, None),  # "on Wednesday", unresolved
        signing("z", "un-1", both, "2026-03-10"),  # "whose ministers signed ... on Tuesday": another story
    ]
    assert grouped(mentions, STORIES) == [{"a", "b", "c", "d", "z"}]


def test_stories_whose_events_conflict_stay_apart():
    both = (PORTUGAL, INDONESIA)
    mentions = [
        signing("a", "lisbon-1", both, "2026-03-10"),
        signing("b", "lisbon-2", both, "2026-03-11"),  # a day's slack inside one story
        signing("z", "un-1", both, "2026-03-10"),  # matches a, but not b's day: another signing
    ]
    assert sorted(map(sorted, grouped(mentions, STORIES))) == [["a", "b"], ["z"]]


def test_a_story_that_matches_nothing_dated_stays_apart():
    both = (PORTUGAL, INDONESIA)
    mentions = [signing("a", "lisbon-1", both, None), signing("z", "un-1", both, "2026-03-10")]
    assert sorted(map(sorted, grouped(mentions, STORIES))) == [["a"], ["z"]]


def test_a_country_and_its_government_are_one_party_in_a_story():
    def request(mid: str, asker: ActorRef) -> EventMention:
        return signing(
            mid,
            "un-1",
            (asker,),
            "2026-03-12",
            type="REQUEST",
            mode=None,
            cameo="020",
            target_actors=(UN,),
            symmetric=False,
        )

    events = F.fuse_events([request("k1", KENYA), request("k2", KENYAN_GOVERNMENT)], {"un-1": None}, STORIES)
    assert len(events) == 1
    assert sorted(a.name for a in events[0].source_actors) == ["Kenya", "Kenyan government"]  # as said


def test_across_stories_the_actors_must_be_the_same_ids():
    # fusion_keys find another story's mentions by actor id: a government and its country match
    # only inside a story
    mentions = [
        signing("a", "lisbon-1", (PORTUGUESE_GOVERNMENT, INDONESIA), "2026-03-10"),
        signing("z", "un-1", (PORTUGAL, INDONESIA), "2026-03-10"),
    ]
    assert sorted(map(sorted, grouped(mentions, STORIES))) == [["a"], ["z"]]


def test_places_at_different_granularity_are_details_not_a_contradiction():
    def talks(mid: str, article: str, place: str) -> EventMention:
        return signing(mid, article, (PORTUGAL, INDONESIA), "2026-03-10", type="CONSULT", mode="visit", location=place)

    mentions = [talks("t1", "lisbon-1", "Lisbon"), talks("t2", "lisbon-2", "the Necessidades Palace")]
    (event,) = F.fuse_events(mentions, {"lisbon-1": None, "lisbon-2": None}, STORIES)
    places = [d for d in event.details if d.field == "location"]
    assert sorted(d.value for d in places) == ["Lisbon", "the Necessidades Palace"]
    assert all(not d.contradicted_by for d in places)


def test_a_party_stands_on_one_side_with_every_name_the_reports_give_it():
    def agreement(mid: str, sources: tuple[ActorRef, ...], targets: tuple[ActorRef, ...]) -> EventMention:
        return signing(
            mid, "lisbon-1", sources, "2026-03-10", type="AGREE", mode=None, cameo="030", target_actors=targets
        )

    mentions = [
        agreement("g1", (PORTUGAL, INDONESIA), ()),
        agreement("g2", (PORTUGAL, INDONESIA), ()),
        agreement("g3", (INDONESIA,), (PORTUGUESE_GOVERNMENT,)),
    ]
    (event,) = F.fuse_events(mentions, {"lisbon-1": None}, STORIES)
    assert {a.name for a in event.source_actors} == {"Portugal", "Portuguese government", "Indonesia"}
    assert event.target_actors == ()  # not "Portugal, Indonesia -> Portuguese government"


def test_across_stories_a_week_or_an_implied_date_matches_nothing():
    # the publication week holds many acts of the same actors: two stories' mentions of one week
    # (or of a week their publication implies) are not one event
    both = (PORTUGAL, INDONESIA)
    week = dataclasses.replace(signing("a", "lisbon-1", both, "2026-W11"), date_precision="week")
    implied = dataclasses.replace(signing("b", "lisbon-2", both, "2026-03-10"), date_implied=True)
    other_week = dataclasses.replace(signing("z", "un-1", both, "2026-W11"), date_precision="week")
    other_day = signing("y", "un-1", both, "2026-03-10")
    assert not F.compatible(week, other_week, STORIES)
    assert not F.compatible(implied, other_day, STORIES)
    assert F.compatible(signing("c", "lisbon-3", both, "2026-03-10"), other_day, STORIES)
