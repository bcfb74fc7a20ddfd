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
