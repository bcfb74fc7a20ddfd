"""The timeline of a pair read through the store's actor postings, on real SQLite and PostgreSQL."""

from __future__ import annotations

import itertools

from newsfuse.model import Article, Block
from newsfuse.store.base import EventFilter
from newsfuse.tell import queries
from newsfuse.tell.timeline import timeline as pair_rule


def test_pair_timeline_reads_postings_and_equals_the_rule_over_every_event(any_store, synthetic_events):
    article = Article("a1", "a1.txt", "text", None, None, "Outlet", None, (Block("paragraph", "x"),))
    any_store.add_article(article)
    events = synthetic_events(article, 120, seed=3)
    any_store.replace_events(events)
    queries_to_try = ["Putin", "netanyahu", "ISR", "RUS", "Erdogan", "Israeli military", "person:vladimir-putin"]
    for a, b in itertools.permutations(queries_to_try, 2):
        expected = pair_rule([e for e in events if e.confidence >= 0], [a, b])
        got = queries.timeline(any_store, [a, b]).items
        assert [e.id for e in got] == [e.id for e in expected], (a, b)
        # the store's answer is narrowed by both actors' postings, not only the first one's
        narrowed = any_store.events(EventFilter(actor=a, with_actors=(b,)))
        first_only = any_store.events(EventFilter(actor=a))
        assert {e.id for e in expected} <= {e.id for e in narrowed} <= {e.id for e in first_only}
    assert len(any_store.events(EventFilter(actor="Putin", with_actors=("Netanyahu",)))) < len(
        any_store.events(EventFilter(actor="Putin"))
    )
    assert any_store.events(EventFilter(actor="Putin", with_actors=("Lukashenko",))) == []
    assert any_store.events(EventFilter(actor="Putin", with_actors=("  ",))) == []


def test_a_country_named_stands_for_every_actor_of_that_country(any_store, synthetic_events):
    """'Israel' finds the Israeli military's and Netanyahu's events, whose names lack the word, as
    the rule over every event does; a page read with cursors covers the same union, in order."""
    article = Article("a1", "a1.txt", "text", None, None, "Outlet", None, (Block("paragraph", "x"),))
    any_store.add_article(article)
    events = synthetic_events(article, 120, seed=5)
    any_store.replace_events(events)
    for query in ["Israel", "Israeli", "Russia", "Turkey"]:
        expected = pair_rule([e for e in events if e.confidence >= 0], [query])
        got = queries.timeline(any_store, [query], guesses=True).items
        assert [e.id for e in got] == [e.id for e in expected], query
        code = {"Israel": "ISR", "Israeli": "ISR", "Russia": "RUS", "Turkey": "TUR"}[query]
        by_code = [e for e in events if any(a.country == code for a in e.source_actors + e.target_actors)]
        assert {e.id for e in by_code} <= {e.id for e in got}
    assert any(
        not any("israel" in a.name.lower() for a in e.source_actors + e.target_actors)
        for e in queries.timeline(any_store, ["Israel"], guesses=True).items
    )
    for a, b in itertools.permutations(["Israel", "Russia", "Putin", "ISR"], 2):
        expected = pair_rule(events, [a, b])
        assert [e.id for e in queries.timeline(any_store, [a, b], guesses=True).items] == [e.id for e in expected]
    paged: list[str] = []
    cursor = None
    while True:
        page, cursor = queries.page_event_records(any_store, EventFilter(actor="Israel", limit=7, after=cursor))
        paged += [r["id"] for r in page]
        if cursor is None:
            break
    whole = queries.events(any_store, EventFilter(actor="Israel")).items
    assert paged == [e.id for e in whole]
    assert len(paged) > len(any_store.events(EventFilter(actor="Israel")))
