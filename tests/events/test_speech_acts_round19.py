"""events (issue 19, political news): acts done in words, each on a sentence written for it (real pipeline: spaCy
parse, actor linking, rule extractor). A refusal to speak is CAMEO 011 (decline comment), no REJECT; a "by" gerund
names the act itself ("hit back by accusing"); an attack "for" someone's comments or "in a debate" is criticism."""

from __future__ import annotations

import pytest

from newsfuse.events import extract_events

SENTENCES = {
    "declined_to_say": "The Iranian foreign minister declined to say whether Tehran would sign the treaty.",
    "refused_comment": "A spokesman for the Russian defence ministry refused to comment on the report.",
    "refused_to_withdraw": "Iraq's defence minister refused to withdraw Iraqi troops from Kuwait.",
    "by_accusing": "Russia hit back at France by accusing Paris of arming the rebels.",
    "attacked_for_comments": "The French president attacked Germany for comments made this week about the budget.",
    "attacks_in_debate": "Mexico's president unleashed withering attacks against Brazil in Saturday's debate.",
    "attacked_town": "Syrian troops attacked the Turkish town of Kilis for hours on Monday.",
    "weight_behind": "The German chancellor threw her weight behind the French president's plan for the euro.",
    "lashed_out": "Iran's foreign minister lashed out at Saudi Arabia on Sunday.",
    "traded_insults": "Turkey and Russia traded insults over the downed jet.",
    "voiced_criticism": "The Chinese foreign ministry voiced criticism of Japan on Monday.",
    "mocked": "Putin mocked the American president in a speech on Thursday.",
    "reacted_angrily": "China reacted angrily to the Japanese prime minister's visit to the shrine.",
    "responded": "India responded to Pakistan's offer on Monday.",
    "tirade": "The Turkish president launched a tirade against Germany on Sunday.",
    "voiced_outrage": "The Pakistani foreign ministry voiced outrage at India.",
    "persons_attack": "Senator Bernie Sanders attacked Hillary Clinton on trade on Monday.",
    "troops_attack": "Russian troops attacked Ukraine on Friday.",
    "knife_attack": "Senator Bernie Sanders attacked Hillary Clinton with a knife on Monday.",
    "disputed": "Germany's finance minister disputed Greece's account of the talks on Monday.",
    "disagreed": "The Japanese prime minister disagreed with the American president over tariffs.",
    "city_attacks": "Belgium's prime minister said the Paris attacks highlight the threat to Europe.",
    "state_strikes": "Israeli air strikes on Gaza killed 12 people on Monday.",
}


@pytest.fixture(scope="module")
def found(linked_sentences):
    return {key: extract_events(a) for key, a in linked_sentences(SENTENCES).items()}


def _codes(refs) -> set[str]:
    return {r.country or r.sector for r in refs}


@pytest.mark.parametrize("key", ["declined_to_say", "refused_comment"])
def test_refusing_to_say_or_comment_is_no_rejection(found, key):
    assert not [m for m in found[key] if m.type == "REJECT"]


def test_refusing_to_act_is_still_a_rejection(found):
    assert [m.type for m in found["refused_to_withdraw"]][:1] == ["REJECT"]


def test_a_by_gerund_names_the_act_itself(found):
    m = found["by_accusing"][0]
    assert m.type == "ACCUSE" and _codes(m.source_actors) == {"RUS"} and _codes(m.target_actors) == {"FRA"}


@pytest.mark.parametrize("key", ["attacked_for_comments", "attacks_in_debate"])
def test_an_attack_for_comments_or_in_a_debate_is_criticism(found, key):
    assert found[key] and found[key][0].type == "ACCUSE" and found[key][0].mode == "disapprove"


def test_an_attack_on_a_town_for_hours_is_still_force(found):
    assert found["attacked_town"] and found["attacked_town"][0].type == "ASSAULT"


def test_throwing_ones_weight_behind_someone_supports_them(found):
    m = found["weight_behind"][0]
    assert m.type == "SUPPORT" and _codes(m.source_actors) == {"DEU"} and _codes(m.target_actors) == {"FRA"}


@pytest.mark.parametrize(
    ("key", "source", "target"),
    [
        ("lashed_out", {"IRN"}, {"SAU"}),
        ("voiced_criticism", {"CHN"}, {"JPN"}),
        ("mocked", {"RUS"}, {"USA"}),
        ("reacted_angrily", {"CHN"}, {"JPN"}),
        ("tirade", {"TUR"}, {"DEU"}),
        ("voiced_outrage", {"PAK"}, {"IND"}),
        ("disputed", {"DEU"}, {"GRC"}),
        ("disagreed", {"JPN"}, {"USA"}),
    ],
)
def test_the_cameo_verbs_of_criticism_code_accuse(found, key, source, target):
    m = found[key][0]
    assert (m.type, m.mode) == ("ACCUSE", "disapprove")
    assert _codes(m.source_actors) == source and _codes(m.target_actors) == target


def test_insults_traded_are_criticism_both_ways(found):
    m = found["traded_insults"][0]
    assert m.type == "ACCUSE" and m.symmetric and _codes(m.source_actors) | _codes(m.target_actors) == {"TUR", "RUS"}


def test_a_city_named_before_an_event_noun_is_where_it_happened_not_who_did_it(found):
    attacks = [m for m in found["city_attacks"] if m.type == "ASSAULT"]
    assert attacks and all("FRA" not in _codes(m.source_actors) for m in attacks)


def test_a_country_adjective_before_an_event_noun_still_names_the_doer(found):
    strikes = [m for m in found["state_strikes"] if m.type == "ASSAULT"]
    assert strikes and _codes(strikes[0].source_actors) == {"ISR"}


def test_a_plain_response_is_no_criticism(found):
    assert not [m for m in found["responded"] if m.type == "ACCUSE"]


def test_one_named_person_attacking_another_attacks_in_words(found):
    m = found["persons_attack"][0]
    assert (m.type, m.mode) == ("ACCUSE", "disapprove") and [a.name for a in m.target_actors] == ["Hillary Clinton"]


@pytest.mark.parametrize("key", ["troops_attack", "knife_attack"])
def test_an_attack_by_troops_or_with_a_weapon_is_still_force(found, key):
    assert found[key] and found[key][0].type == "ASSAULT"
