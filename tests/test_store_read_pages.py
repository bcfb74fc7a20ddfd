"""Pages of fused events and stories read from the store (the API's reads), on SQLite and PostgreSQL:
every filtered page, walked with its cursor, is the brute-force answer over all events."""

from __future__ import annotations

import json

from newsfuse.model import Article, Block, Event, Story
from newsfuse.store import serde
from newsfuse.store.base import EventFilter
from newsfuse.tell import queries
from newsfuse.tell.timeline import involves


def _stored(store, make_events, n: int = 150) -> list[Event]:
    article = Article("a1", "a1.txt", "text", None, None, "Outlet", None, (Block("paragraph", "x"),))
    store.add_article(article)
    events = make_events(article, n, seed=11, coarse_dates=True)
    store.replace_events(events)
    return sorted(events, key=lambda e: (serde.sort_key(e.date), e.id))


def _walk(store, flt: EventFilter, page: int) -> list[str]:
    """Every event of ``flt``, read ``page`` at a time with the API's cursor; the records of each
    page are its events' ``to_dict()``."""
    seen: list[str] = []
    after = None
    while True:
        paged = EventFilter(**{**flt.__dict__, "limit": page, "after": after})
        records, after = queries.page_event_records(store, paged)
        events, after_events = queries.page_events(store, paged)
        assert records == [e.to_dict() for e in events]
        assert after == after_events
        seen += [r["id"] for r in records]
        if after is None:
            return seen


def _in_range(e: Event, since: str | None, until: str | None) -> bool:
    key = serde.sort_key(e.date)
    if (since or until) and e.date is None:
        return False
    return (since is None or key >= since) and (until is None or key < until + "\uffff")


def test_actor_pages_walked_by_cursor_are_every_matching_event_in_order(any_store, synthetic_events):
    ordered = _stored(any_store, synthetic_events)
    cases = [
        EventFilter(actor="RUS"),
        EventFilter(actor="Putin"),
        EventFilter(actor="person:benjamin-netanyahu"),
        EventFilter(actor="Israeli military", type="accuse"),
        EventFilter(actor="ISR", since="2025-02-01", until="2025-08-31"),
        EventFilter(actor="Putin", with_actors=("ISR",), since="2025"),
        EventFilter(type="AGREE", until="2025-06"),
    ]
    for flt in cases:
        names = [flt.actor, *flt.with_actors] if flt.actor else []
        expected = [
            e.id
            for e in ordered
            if all(involves(e, n) for n in names)
            and (flt.type is None or e.type == flt.type.upper())
            and _in_range(e, flt.since, flt.until)
        ]
        assert expected, flt
        for page in (1, 7, 500):
            assert _walk(any_store, flt, page) == expected, (flt, page)


def test_actor_terms_are_ordered_by_how_many_events_carry_them(any_store, synthetic_events):
    _stored(any_store, synthetic_events)
    # "vladimir" is on Putin's events only, "rus" also on the Russian government's
    assert any_store._rarest_first(["rus", "vladimir"]) == ["vladimir", "rus"]
    assert any_store._rarest_first(["zzz", "rus"]) == ["zzz", "rus"]
    # the driving term does not change the answer
    for terms in (["vladimir", "rus"], ["rus", "vladimir"]):
        query = serde.event_query(EventFilter(actor="Vladimir RUS", limit=1000), "?", terms)
        assert query is not None
        got = [json.loads(serde.doc_text(r[0]))["id"] for r in any_store._exec(*query).fetchall()]
        assert got == [e.id for e in any_store.events(EventFilter(actor="Putin", limit=1000))]


def test_stories_pages_by_id(any_store):
    any_store.save_stories(Story(f"s{i:02d}", f"Story {i}", ()) for i in (5, 1, 9, 3, 7))
    assert [s.id for s in any_store.stories()] == ["s01", "s03", "s05", "s07", "s09"]
    assert [s.id for s in any_store.stories(limit=2)] == ["s01", "s03"]
    assert [s.id for s in any_store.stories(limit=2, after="s03")] == ["s05", "s07"]
    assert [s.id for s in any_store.stories(after="s07")] == ["s09"]
    items, nxt = queries.page_stories(any_store, 2, None)
    assert ([s.id for s in items], nxt) == (["s01", "s03"], "s03")
    items, nxt = queries.page_stories(any_store, 2, "s05")
    assert ([s.id for s in items], nxt) == (["s07", "s09"], None)
