"""replace_events_of writes only the events whose record changed, on both stores: the stored events
are then exactly the new set, and an unchanged event's rows are left as they were."""

from __future__ import annotations

import dataclasses
import gc

from newsfuse.model import ActorRef, EventMention
from newsfuse.store import EventFilter, sql
from newsfuse.stories import fuse_events

PUTIN = ActorRef("Vladimir Putin", "RUS", "GOV", None, "putin")
ERDOGAN = ActorRef("Recep Erdogan", "TUR", "GOV", None, "erdogan")


def _mention(i: int, kind: str, date: str, actors: tuple[ActorRef, ...]) -> EventMention:
    return EventMention(
        id=f"m{i}",
        article_id=f"a{i}",
        type=kind,
        mode=None,
        cameo=None,
        source_actors=actors[:1],
        target_actors=actors[1:],
        date=date,
        date_precision="day",
        status="occurred",
        topics=(),
        sentence=f"sentence {i}",
        start=0,
        end=10,
    )


MENTIONS = [
    _mention(1, "CONSULT", "2025-03-02", (PUTIN, ERDOGAN)),
    _mention(2, "CONSULT", "2025-03-02", (PUTIN, ERDOGAN)),
    _mention(3, "ACCUSE", "2025-03-05", (ERDOGAN, PUTIN)),
    _mention(4, "AID", "2025-03-09", (PUTIN,)),
]
STORIES = {f"a{i}": "s1" for i in range(1, 6)}
OUTLETS = {f"a{i}": f"Outlet {i}" for i in range(1, 6)}


def _stored(store) -> list[dict]:
    return sorted((e.to_dict() for e in store.events(EventFilter(limit=100))), key=lambda d: d["id"])


def _expected(events) -> list[dict]:
    return sorted((e.to_dict() for e in events), key=lambda d: d["id"])


def test_only_changed_events_are_rewritten_and_the_result_is_the_new_set(any_store):
    before = fuse_events(MENTIONS, OUTLETS, STORIES)
    any_store.replace_events(before)
    # a fifth report joins the call, the accusation is gone, the aid stays as it was, a threat comes
    extra = _mention(5, "CONSULT", "2025-03-02", (PUTIN, ERDOGAN))
    threat = dataclasses.replace(_mention(6, "THREATEN", "2025-03-07", (PUTIN, ERDOGAN)), article_id="a5")
    after = fuse_events([MENTIONS[0], MENTIONS[1], MENTIONS[3], extra, threat], OUTLETS, STORIES)
    ids = {e.type: e.id for e in before} | {e.type: e.id for e in after}
    assert next(e for e in before if e.type == "AID") in after  # the same record

    rewritten = _rewritten(any_store, lambda: any_store.replace_events_of([m.id for m in MENTIONS], after))
    assert rewritten == {ids["CONSULT"], ids["ACCUSE"], ids["THREATEN"]}
    assert _stored(any_store) == _expected(after)
    assert [m.mention_id for m in any_store.event(ids["CONSULT"]).mentions] == ["m1", "m2", "m5"]
    assert [m.mention_id for m in any_store.event(ids["AID"]).mentions] == ["m4"]
    assert any_store.event(ids["ACCUSE"]) is None

    # the same set again: nothing written, nothing changed
    again = _rewritten(any_store, lambda: any_store.replace_events_of(["m1", "m2", "m4", "m5", "m6"], after))
    assert again == set()
    assert _stored(any_store) == _expected(after)


def _rewritten(store, write) -> set[str]:
    """Ids of the events whose row ``write`` deleted, inserted or updated (SQLite: logged by temporary
    triggers; PostgreSQL: a row written again has another xmin)."""
    if type(store).__name__ == "SQLiteStore":
        conn = store._conn
        conn.execute("CREATE TEMP TABLE IF NOT EXISTS written (id TEXT)")
        conn.execute("DELETE FROM written")
        conn.execute(
            "CREATE TEMP TRIGGER IF NOT EXISTS w_del AFTER DELETE ON events"
            " BEGIN INSERT INTO written VALUES (old.id); END"
        )
        conn.execute(
            "CREATE TEMP TRIGGER IF NOT EXISTS w_ins AFTER INSERT ON events"
            " BEGIN INSERT INTO written VALUES (new.id); END"
        )
        conn.execute(
            "CREATE TEMP TRIGGER IF NOT EXISTS w_upd AFTER UPDATE ON events"
            " BEGIN INSERT INTO written VALUES (new.id); END"
        )
        write()
        return {r[0] for r in conn.execute("SELECT id FROM written")}
    marks_before = _xmins(store)
    write()
    marks_after = _xmins(store)
    return {i for i in marks_before.keys() | marks_after.keys() if marks_before.get(i) != marks_after.get(i)}


def _xmins(store) -> dict[str, str]:
    with store._conn.cursor() as cur:
        cur.execute("SELECT id, xmin::text FROM events")
        return dict(cur.fetchall())


def test_events_stored_before_digests_are_compared_by_their_doc(any_store):
    """A store migrated from before the digest column: its event rows have none; an unchanged event
    is still left as it is (compared by its doc), and a rewritten one gets its digest."""
    before = fuse_events(MENTIONS, OUTLETS, STORIES)
    any_store.replace_events(before)
    digests = dict(any_store._exec("SELECT id, digest FROM events").fetchall())
    assert all(digests.values())
    any_store._exec("UPDATE events SET digest = NULL")
    extra = _mention(5, "CONSULT", "2025-03-02", (PUTIN, ERDOGAN))
    after = fuse_events([*MENTIONS, extra], OUTLETS, STORIES)
    ids = {e.type: e.id for e in after}

    rewritten = _rewritten(any_store, lambda: any_store.replace_events_of([m.id for m in MENTIONS], after))
    assert rewritten == {ids["CONSULT"]}
    assert _stored(any_store) == _expected(after)
    stored = dict(any_store._exec("SELECT id, digest FROM events").fetchall())
    assert stored[ids["CONSULT"]] and stored[ids["CONSULT"]] != digests[ids["CONSULT"]]
    assert stored[ids["AID"]] is None  # left as it was


_SIDE_TABLES = {
    "events": "SELECT id, type, date, sort_key, story_id, digest FROM events",
    "event_actors": "SELECT event_id, side, name, country, actor_id FROM event_actors",
    "event_terms": "SELECT term, sort_key, event_id FROM event_terms",
    "event_mentions": "SELECT mention_id, event_id FROM event_mentions",
}


def _side_rows(store) -> dict[str, list[tuple]]:
    return {table: sorted(tuple(r) for r in store._exec(sql).fetchall()) for table, sql in _SIDE_TABLES.items()}


def test_events_rewritten_in_place_leave_the_rows_a_full_replace_writes(any_store):
    """An event that keeps its id and gains a mention is updated in place and only its differing
    term, actor and mention rows are written: every table then holds what writing the whole set
    afresh holds (a mention moved to another event, a gone event's rows removed)."""
    before = fuse_events(MENTIONS, OUTLETS, STORIES)
    any_store.replace_events(before)
    extra = _mention(5, "CONSULT", "2025-03-02", (PUTIN, ERDOGAN))
    threat = dataclasses.replace(_mention(6, "THREATEN", "2025-03-07", (PUTIN, ERDOGAN)), article_id="a5")
    after = fuse_events([MENTIONS[0], MENTIONS[1], MENTIONS[3], extra, threat], OUTLETS, STORIES)
    kept = {e.id for e in before} & {e.id for e in after}
    assert any(e.id in kept and e not in before for e in after)  # one event rewritten in place
    for old, new in ((before, after), (after, before)):  # rows gained, then lost
        any_store.replace_events_of(sorted({m.mention_id for e in old + new for m in e.mentions}), new)
        incremental = _side_rows(any_store)
        any_store.replace_events(new)
        assert incremental == _side_rows(any_store)
        assert incremental["event_mentions"]


def test_an_events_encoded_doc_is_kept_while_the_event_lives_and_goes_with_it():
    """The doc cache holds its events weakly: a superseded version of a growing event (fusion keeps
    it no longer) takes its doc and mention refs with it, instead of staying until a count."""
    [event, *_] = fuse_events(MENTIONS, {}, {})
    copy = dataclasses.replace(event)  # another object with the same content: encoded on its own
    assert sql._digest_of_event(event) == sql._digest_of_event(copy)
    assert id(event) in sql._EVENT_DOCS and id(copy) in sql._EVENT_DOCS
    gone = id(copy)
    del copy
    gc.collect()
    assert gone not in sql._EVENT_DOCS
    assert sql._encoded_event(event)[0] == sql._EVENT_DOCS[id(event)][1]


def test_successive_block_writes_leave_the_rows_a_full_replace_writes(any_store):
    """Writes of the same block one after another (the second and third diffed against what the one
    before kept, not read back): a mention that moves to another rewritten event or to a new event,
    an event whose date (its sort_key) changes and one whose indexed columns stay, each leave every
    table as writing the whole set afresh does."""
    fused = {e.type: e for e in fuse_events(MENTIONS, OUTLETS, STORIES)}
    consult, accuse, aid = fused["CONSULT"], fused["ACCUSE"], fused["AID"]
    m1, m2 = consult.mentions
    [m3], [m4] = accuse.mentions, aid.mentions
    moved = [  # m2 to the accusation (both rewritten), then the accusation's m3 to a new event, dated later
        [consult, accuse, aid],
        [dataclasses.replace(consult, mentions=(m1,)), dataclasses.replace(accuse, mentions=(m2, m3)), aid],
        [
            dataclasses.replace(consult, mentions=(m1,), date="2025-03-04"),
            dataclasses.replace(accuse, mentions=(m2,)),
            dataclasses.replace(aid, id="new", mentions=(m3, m4)),
        ],
    ]
    rows = []
    for events in moved:
        any_store.replace_events_of(["m1", "m2", "m3", "m4"], events)
        rows.append(_side_rows(any_store))
        assert any_store._kept_fused() is not None
    for events, incremental in zip(moved, rows, strict=True):
        any_store.replace_events(events)
        assert incremental == _side_rows(any_store)
    assert ("m3", "new") in rows[2]["event_mentions"]
