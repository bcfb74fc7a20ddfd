"""events/cameo: the CAMEO lexicon reads a verb's sense from the words around it where a hand pattern
on the lemma alone cannot ("override" use), and illnesses are no attacks. Real pipeline (spaCy parse,
actor linking, rule extractor) on sentences written for these tests."""

from __future__ import annotations

import pytest

from newsfuse.events import RuleExtractor, extract_events
from newsfuse.events.cameo import specific_outcome
from newsfuse.text.tree import Tree

SENTENCES = {
    "military_strike": "Russian troops struck a Ukrainian village overnight.",
    "strike_down": "The French government struck down a law that had limited union rights.",
    "labour_strike": "French dock workers struck on Monday over pension cuts.",
    "outside": "Police beat protesters outside the Egyptian parliament.",
    "fire_near": "Thai forces launched rocket fire against rebel camps near the border.",
    "heart_attack": "The Egyptian foreign minister suffered a heart attack during talks in Jordan.",
    "attack_control": "Egyptian jets carried out an attack on rebel positions in Libya on Monday.",
}


@pytest.fixture(scope="module")
def annotated(linked_sentences):
    return linked_sentences(SENTENCES)


def _specific(annotated, key: str, lemma: str):
    a = annotated[key]
    tree = Tree(list(a.tokens))
    verb = next(t.i for t in a.tokens if t.lemma == lemma and t.pos == "VERB")
    return specific_outcome(tree, verb)


def test_a_pattern_naming_the_subject_reads_a_military_strike_as_an_assault(annotated):
    assert _specific(annotated, "military_strike", "strike").type == "ASSAULT"
    (m,) = extract_events(annotated["military_strike"], RuleExtractor(cameo="override"))
    assert m.type == "ASSAULT" and m.rule.startswith("cameo:")
    assert [r.country for r in m.source_actors] == ["RUS"] and [r.country for r in m.target_actors] == ["UKR"]


def test_the_hand_patterns_read_a_strike_with_an_object_as_an_assault(annotated):
    (m,) = extract_events(annotated["military_strike"], RuleExtractor(cameo="off"))
    assert m.type == "ASSAULT" and not m.rule.startswith("cameo:")


def test_a_strike_without_an_object_is_a_labour_strike(annotated):
    found = RuleExtractor(cameo="off").candidates(annotated["labour_strike"])
    assert [(m.type, m.mode) for m, _ in found] == [("PROTEST", "strike")]


def test_a_phrasal_verb_the_lexicon_codes_as_no_event_is_no_event(annotated):
    out = _specific(annotated, "strike_down", "strike")
    assert out is not None and out.code is None  # CAMEO "* DOWN LAW": [---]
    assert extract_events(annotated["strike_down"], RuleExtractor(cameo="override")) == []
    assert extract_events(annotated["strike_down"], RuleExtractor(cameo="veto")) == []
    assert extract_events(annotated["strike_down"], RuleExtractor()) == []  # the default use vetoes
    assert extract_events(annotated["strike_down"], RuleExtractor(cameo="off")) != []


def test_a_veto_never_retypes(annotated):
    (m,) = extract_events(annotated["military_strike"], RuleExtractor(cameo="veto"))
    assert m.type == "ASSAULT" and not m.rule.startswith("cameo:")  # the hand pattern's, not the lexicon's


def test_where_no_pattern_names_the_words_the_hand_pattern_decides(annotated):
    assert _specific(annotated, "labour_strike", "strike") is None
    found = RuleExtractor(cameo="override").candidates(annotated["labour_strike"])
    assert [m.type for m, _ in found] == ["PROTEST"]


def test_a_bare_preposition_is_no_pattern_naming_words(annotated):
    # CAMEO "* OUTSIDE" (a protest) is written as a particle; here "outside" opens a place phrase
    assert _specific(annotated, "outside", "beat") is None


def test_the_object_is_its_own_phrase_not_the_places_it_is_near(annotated):
    out = _specific(annotated, "fire_near", "launch")
    assert out is not None and out.type == "ASSAULT" and "BORDER" not in out.text


def test_a_heart_attack_is_no_assault(annotated):
    found = RuleExtractor().candidates(annotated["heart_attack"])
    assaults = [(m, ev) for m, ev in found if m.type == "ASSAULT"]
    assert assaults and all(ev.dropped == "natural cause" for _, ev in assaults)
    assert all(m.type != "ASSAULT" for m in extract_events(annotated["heart_attack"]))


def test_an_attack_by_an_army_is_still_an_assault(annotated):
    assert [m.type for m in extract_events(annotated["attack_control"])] == ["ASSAULT"]
