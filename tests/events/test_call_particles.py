"""events: the particles of 'call' (patterns.yaml), dead until YAML read 'on' and 'off' as booleans.
"called on X to ..." asks X; "called off" a strike or protests concedes (CAMEO 082, ease political
dissent); a preposition that only dates the act ("on Monday") is no particle. Real pipeline on
sentences written for these tests."""

from __future__ import annotations

import pytest

from newsfuse.events import extract_events

SENTENCES = {
    "call_on": "The European Union called on Russia to withdraw its troops from Ukraine.",
    "call_off_protests": "The Venezuelan opposition called off the protests against President Nicolas Maduro.",
    "call_off_talks_dated": "The Greek government called off the talks with Turkey on Monday.",
    "called_dated": "The Greek prime minister called the Turkish president on Monday.",
}


@pytest.fixture(scope="module")
def annotated(linked_sentences):
    return linked_sentences(SENTENCES)


def _coded(annotated, key):
    return [
        (m.type, [a.name for a in m.source_actors], [a.name for a in m.target_actors])
        for m in extract_events(annotated[key])
    ]


def test_calling_on_someone_asks_them_not_the_place_of_what_is_asked(annotated):
    assert _coded(annotated, "call_on") == [("REQUEST", ["European Union"], ["Russia"])]


def test_calling_off_protests_concedes(annotated):
    assert [t for t, _, _ in _coded(annotated, "call_off_protests")] == ["CONCEDE"]


def test_a_date_after_the_verb_is_no_particle(annotated):
    assert [t for t, _, _ in _coded(annotated, "call_off_talks_dated")] == ["SANCTION"]
    assert "REQUEST" not in [t for t, _, _ in _coded(annotated, "called_dated")]
