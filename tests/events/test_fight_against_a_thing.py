"""A fight against a thing is no use of force: the CAMEO dictionary's FIGHT block codes "BATTLE *
EXTREMISM", "FIGHT * VIOLENCE", "COMBAT * &CRIME" as no event (seen on a scrapinghub page: "Assange is
battling extradition to the United States" was coded an assault on the United States)."""

from __future__ import annotations

import pytest

from newsfuse.events import extract_events


@pytest.mark.parametrize(
    "sentence",
    [
        "The publisher is battling extradition to the United States.",
        "The mayor of Lagos pledged to fight corruption and crime.",
        "Firefighters in California battled the blaze on Tuesday.",
    ],
)
def test_a_fight_against_a_thing_codes_no_assault(linked_sentences, sentence):
    (article,) = linked_sentences({"a": sentence}).values()
    assert "ASSAULT" not in [m.type for m in extract_events(article)]


def test_a_fight_against_a_party_is_still_coded(linked_sentences):
    (article,) = linked_sentences({"a": "Afghan troops fought Taliban fighters in Helmand on Monday."}).values()
    assert "ASSAULT" in [m.type for m in extract_events(article)]
