"""events: negated acts, conditions and cancelled events are no events (PLOVER manual 2.3: "Negated
events can be excluded"; the condition of an if-clause is the speaker's hypothesis, not its subject's
act or threat; a summit called off did not take place; one country's exercises are MOBILIZE, joint
ones COOPERATE, manual 3.14). Real pipeline on sentences written for these
tests; each control shows the neighbouring event that must still be coded."""

from __future__ import annotations

import pytest

from newsfuse.events import RuleExtractor, extract_events

SENTENCES = {
    "negated": "Israel did not attack Lebanon on Sunday.",
    "affirmed": "Israel attacked Lebanon on Sunday.",
    "denied_as": "Egypt and Israel failed to reach an agreement on Gaza.",
    "condition": "If Russia attacks Ukraine, NATO will respond with sanctions.",
    "unless": "Iraq threatened to attack Kuwait unless it paid compensation.",
    "called_off": "The Greek government called off talks with Turkey on Monday.",
    "postponed": "Japan postponed its summit with South Korea.",
    "postponed_passive": "The summit between India and Pakistan was postponed.",
    "held": "Japan held a summit with South Korea on Monday.",
    "exercise": "The Iranian army began military exercises near the Iraqi border.",
    "joint_exercise": "India and France held joint naval exercises in the Arabian Sea.",
}


@pytest.fixture(scope="module")
def annotated(linked_sentences):
    return linked_sentences(SENTENCES)


def _dropped(annotated, key: str) -> list[tuple[str, str | None]]:
    return [(m.type, ev.dropped) for m, ev in RuleExtractor().candidates(annotated[key])]


def test_a_negated_attack_is_no_event(annotated):
    assert _dropped(annotated, "negated") == [("ASSAULT", "negated")]
    assert extract_events(annotated["negated"]) == []
    (m,) = extract_events(annotated["affirmed"])
    assert m.type == "ASSAULT" and m.status == "occurred"


def test_a_negation_that_is_an_event_of_its_own_is_kept(annotated):
    (m,) = extract_events(annotated["denied_as"])
    assert m.type == "REJECT" and m.status == "denied"


def test_the_condition_of_an_if_clause_is_no_threat_by_its_subject(annotated):
    found = _dropped(annotated, "condition")
    assert ("THREATEN", "condition") in found
    assert all(m.source_actors[0].country != "RUS" for m in extract_events(annotated["condition"]) if m.source_actors)


def test_a_threat_with_an_unless_clause_is_still_a_threat(annotated):
    events = extract_events(annotated["unless"])
    assert [(m.type, [r.country for r in m.source_actors]) for m in events][:1] == [("THREATEN", ["IRQ"])]


def test_calling_off_talks_halts_them(annotated):
    (m,) = extract_events(annotated["called_off"])
    assert (m.type, m.mode) == ("SANCTION", "withdraw")
    assert [r.country for r in m.source_actors] == ["GRC"] and [r.country for r in m.target_actors] == ["TUR"]


@pytest.mark.parametrize("key", ["postponed", "postponed_passive"])
def test_a_postponed_summit_did_not_take_place(annotated, key):
    assert _dropped(annotated, key) == [("CONSULT", "thwarted")]
    assert extract_events(annotated[key]) == []


def test_a_summit_held_is_a_meeting(annotated):
    assert [m.type for m in extract_events(annotated["held"])] == ["CONSULT"]


def test_one_armys_exercises_are_a_mobilization(annotated):
    (m,) = extract_events(annotated["exercise"])
    assert m.type == "MOBILIZE" and [r.country for r in m.source_actors] == ["IRN"]


def test_joint_exercises_are_cooperation(annotated):
    (m,) = extract_events(annotated["joint_exercise"])
    assert m.type == "COOPERATE" and {r.country for r in m.source_actors + m.target_actors} == {"IND", "FRA"}
