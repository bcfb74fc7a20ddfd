"""events: the author of a document or a medium of words does what it says (real pipeline: spaCy parse, actor
linking, rule extractor), each on a sentence written for it: a speech or an ad made public by someone, a text
"written by" someone. The control shows who is no author (a reader)."""

from __future__ import annotations

import pytest

from newsfuse.events import extract_events
from newsfuse.events.ontology import min_confidence

SENTENCES = {
    "gave_speech": "Iran's foreign minister gave a speech attacking the United States on Monday.",
    "released_ad": "The Kremlin released an ad attacking Germany for its sanctions.",
    "during_speech": "The comments Putin made during a speech attacking NATO were widely reported.",
    "written_by": "An article written by Germany's foreign minister accuses France of breaking the treaty.",
    "reader": "Germany's chancellor read an article attacking France.",
}


@pytest.fixture(scope="module")
def first(linked_sentences):
    found = {key: extract_events(a) for key, a in linked_sentences(SENTENCES).items()}
    return {key: (ms[0] if ms else None) for key, ms in found.items()}


LIKELY = 0.5  # no missing or unlinked party: the confidence model finds it more likely right than wrong


def _codes(refs) -> set[str]:
    return {r.country or r.sector for r in refs}


@pytest.mark.parametrize(
    ("key", "source", "target"),
    [
        ("gave_speech", {"IRN"}, {"USA"}),
        ("released_ad", {"RUS"}, {"DEU"}),
        ("during_speech", {"RUS"}, {"IGO"}),
        ("written_by", {"DEU"}, {"FRA"}),
    ],
)
def test_the_author_of_a_speech_an_ad_or_an_article_is_the_doer_of_what_it_says(first, key, source, target):
    m = first[key]
    assert m.type == "ACCUSE"
    assert _codes(m.source_actors) == source
    assert target <= _codes(m.target_actors)
    assert m.confidence > LIKELY


def test_a_reader_of_an_article_is_not_its_author(first):
    m = first["reader"]
    assert m is None or not m.source_actors or m.confidence < min_confidence()
