"""A capitalised word inside the name of an organisation, a product or a work is a word of that name,
not an act of its sentence (seen on the scrapinghub pages: NASA's "Volatiles Investigating Polar
Exploration Rover" was coded NASA investigating the rover)."""

from __future__ import annotations

import pytest

from newsfuse.events import extract_events


@pytest.mark.parametrize(
    "sentence",
    [
        "NASA's Volatiles Investigating Polar Exploration Rover mission will fly to the moon in 2022.",
        "The Committee to Protect Journalists held its annual dinner in New York on Tuesday.",
    ],
)
def test_a_word_of_a_name_codes_no_event(linked_sentences, sentence):
    (article,) = linked_sentences({"a": sentence}).values()
    assert [m.trigger for m in extract_events(article)] == []


def test_the_same_word_as_the_act_still_codes_it(linked_sentences):
    (article,) = linked_sentences({"a": "Prosecutors in New York are investigating the Russian embassy."}).values()
    assert [m.type for m in extract_events(article)] == ["ACCUSE"]
