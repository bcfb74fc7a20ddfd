"""A stored event read straight into its plain dict equals the record read and turned into a dict."""

from __future__ import annotations

import json

from newsfuse.model import ActorRef, Detail, Event, MentionRef, field_names
from newsfuse.store import serde

FULL = Event(
    id="ev1",
    type="CONSULT",
    mode="phone",
    cameo="040",
    date="2025-11-15",
    date_precision="day",
    source_actors=(ActorRef("Vladimir Putin", "RUS", "GOV", "President", "person:vladimir-putin"),),
    target_actors=(ActorRef("Benjamin Netanyahu", "ISR", "GOV", "Prime Minister", None), ActorRef("Israel")),
    location="Moscow",
    topics=("Gaza ceasefire", "Syria"),
    status="occurred",
    details=(
        Detail("initiator", "Vladimir Putin", ("a1", "a2"), ("a3",), False, ("Putin",)),
        Detail("topic", "Syria", ("a1",), (), True),
    ),
    mentions=(MentionRef("m1", "a1", "TASS", "Putin called Netanyahu.", 0, 24), MentionRef("m2", "a2", None, "", 3, 9)),
    story_id="s1",
    date_implied=True,
    confidence=0.75,
)


def _round_trip(d: dict) -> dict:
    return serde.event_from(d).to_dict()


def test_a_stored_event_as_plain_dict_equals_the_record_round_trip():
    stored = json.loads(serde.dumps(FULL))
    assert serde.event_plain(stored) == _round_trip(stored) == FULL.to_dict()
    # the same keys in the same order: the JSON answers are byte for byte the same
    assert json.dumps(serde.event_plain(stored)) == json.dumps(FULL.to_dict())


def test_rows_stored_before_later_fields_read_the_same_both_ways():
    old = json.loads(serde.dumps(FULL))
    for key in ("date_implied", "confidence", "mode", "cameo", "location", "story_id", "status", "topics"):
        del old[key]
    old["target_actors"].append(None)  # a participant that could not be stored
    for d in old["details"]:
        del d["variants"], d["single_source"], d["contradicted_by"]
    for m in old["mentions"]:
        del m["outlet"], m["sentence"], m["start"], m["end"]
    del old["source_actors"][0]["actor_id"], old["source_actors"][0]["role"]
    assert serde.event_plain(old) == _round_trip(old)
    minimal = {"id": "ev2", "type": "AID"}
    assert serde.event_plain(minimal) == _round_trip(minimal)


def test_every_field_of_the_records_is_in_the_plain_dict():
    """A field added to Event, Detail, MentionRef or ActorRef must be added to event_plain too."""
    plain = serde.event_plain(json.loads(serde.dumps(FULL)))
    assert tuple(plain) == field_names(Event)
    assert tuple(plain["details"][0]) == field_names(Detail)
    assert tuple(plain["mentions"][0]) == field_names(MentionRef)
    assert tuple(plain["source_actors"][0]) == field_names(ActorRef)
