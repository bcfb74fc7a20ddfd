"""events (issue 19, second round): accusing by saying, each on a sentence written for it (real pipeline: spaCy
parse, actor linking, rule extractor). A verb of saying whose clause says of an actor what the CAMEO dictionary's
naming verbs name ("said Y was a liar": CALL * LIAR) or what its blaming verbs blame for ("said Y caused the
deaths": BLAME * (FOR DEATH)) accuses that actor; a clause praising or only describing an actor, or a negated one,
codes nothing. A light verb's "at" phrase is its occasion ("insisted at a rally"), and forcing someone out of a
race is an electoral outcome, no coercion. Read while going through the read sets' whole articles: a transitive
"rally" or "demonstrate" is no protest (CAMEO's RALLY is MOBILIZE [150]), a month before a noun is no object word
("the March states"), one named person firing at another with no instrument fires words, and a trip a possessor
makes ("Obama's British trip") is made by the possessor to the place its modifier names."""

from __future__ import annotations

import pytest

from newsfuse.events import extract_events

SENTENCES = {
    "liar": "The Iranian foreign minister said the American president was a liar.",
    "mistake": "China's foreign ministry said on Monday that Japan's decision was a mistake.",
    "criminal": "Venezuela's president told reporters that the Colombian president is a criminal.",
    "caused_deaths": "Russia's defence ministry said Ukraine caused the deaths of the civilians.",
    "ally": "The German chancellor said France was a close ally.",
    "responsible": "The German chancellor said France was responsible for the budget talks.",
    "terrorist": "The Turkish president said on Sunday that the Syrian Kurdish militia was a terrorist group.",
    "not_liar": "The Iranian foreign minister said the American president was not a liar.",
    "no_actor": "The Iranian foreign minister said the plan was a mistake.",
    "rally": "The French president insisted at a rally in Lyon on Sunday that Germany would support the plan.",
    "out_of_race": "The Polish president won the vote, forcing the Hungarian candidate out of the race.",
    "out_of_town": "Syrian troops forced the rebels out of the Turkish town of Kilis on Monday.",
    "rallying_allies": "The French president also suggested rallying NATO and the Gulf states against Iran.",
    "rallied_against": "Thousands of Kenyans rallied against the Somali government on Monday.",
    "march_month": "The Kenyan opposition plans to organize in the March states.",
    "persons_fire": "Senator Bernie Sanders fired at Hillary Clinton on Monday.",
    "troops_fire": "Syrian troops fired at Turkish soldiers on Monday.",
    "british_trip": "President Obama's British trip ended on Sunday.",
    "chinese_visit": "The Chinese president's visit to Japan ended on Sunday.",
}


@pytest.fixture(scope="module")
def found(linked_sentences):
    return {key: extract_events(a) for key, a in linked_sentences(SENTENCES).items()}


def _codes(refs) -> set[str]:
    return {r.country or r.sector for r in refs}


@pytest.mark.parametrize(
    ("key", "source", "target", "mode"),
    [
        ("liar", {"IRN"}, {"USA"}, "disapprove"),
        ("mistake", {"CHN"}, {"JPN"}, "disapprove"),
        ("criminal", {"VEN"}, {"COL"}, "allege"),
        ("caused_deaths", {"RUS"}, {"UKR"}, "allege"),
        ("terrorist", {"TUR"}, {"SYR"}, "allege"),
    ],
)
def test_a_clause_naming_or_blaming_an_actor_accuses_it(found, key, source, target, mode):
    m = found[key][0]
    assert m.type == "ACCUSE" and m.mode == mode and m.rule.startswith("said:")
    assert _codes(m.source_actors) == source and _codes(m.target_actors) == target


@pytest.mark.parametrize("key", ["ally", "responsible", "not_liar", "no_actor"])
def test_praise_a_negated_name_or_no_actor_named_accuses_no_one(found, key):
    assert not [m for m in found[key] if m.type == "ACCUSE"]


def test_a_light_verbs_at_phrase_is_its_occasion_not_a_protest(found):
    assert not [m for m in found["rally"] if m.type == "PROTEST"]


def test_forcing_a_candidate_out_of_a_race_is_no_coercion(found):
    assert not [m for m in found["out_of_race"] if m.type == "COERCE"]


def test_forcing_troops_out_of_a_town_still_coerces(found):
    assert [m.type for m in found["out_of_town"]][:1] == ["COERCE"]


def test_a_transitive_rally_is_no_protest_an_intransitive_one_is(found):
    assert not [m for m in found["rallying_allies"] if m.type == "PROTEST"]
    assert [m.type for m in found["rallied_against"]][:1] == ["PROTEST"]


def test_a_month_before_a_noun_is_no_object_word(found):
    assert not [m for m in found["march_month"] if m.type in ("PROTEST", "THREATEN")]


def test_a_person_firing_at_persons_fires_words_troops_fire_shots(found):
    assert [(m.type, m.mode) for m in found["persons_fire"]][:1] == [("ACCUSE", "disapprove")]
    assert [m.type for m in found["troops_fire"]][:1] == ["ASSAULT"]


def test_a_possessors_trip_goes_to_the_place_its_modifier_names(found):
    m = found["british_trip"][0]
    assert m.type == "CONSULT" and _codes(m.source_actors) == {"USA"} and _codes(m.target_actors) == {"GBR"}


def test_a_visit_with_a_to_phrase_keeps_its_owner_as_visitor(found):
    m = found["chinese_visit"][0]
    assert m.type == "CONSULT" and _codes(m.source_actors) == {"CHN"} and _codes(m.target_actors) == {"JPN"}
