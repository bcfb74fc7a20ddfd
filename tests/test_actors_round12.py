"""Issue 20 item 6, round 12: the mechanisms read from the misses of the PolNeAR train samples (seeds 57-60 and
62-64, with those of seeds 31-56), each shown on sentences written for the test."""

from __future__ import annotations

import pytest
from conftest import ids_over, link_written_sentences, named_mentions

SENTENCES = {
    "laws": "Senator Dale Wickersham wants to restore Glass-Steagall. Critics of Dodd-Frank disagree, and Super "
    "Glass-Steagall would go further.",
    "case": "Some of the blame belongs to the chief justice's 2012 opinion in the health care case, NFIB v. Sebelius.",
    "spaced_dash": "In an interview, Deborah Jordan Reynolds - Santilli's girlfriend and co-host - spoke about the "
    "show. Reynolds says the show will go on.",
    "contraction": "Clinton and Sanders Aren’t Butting Heads Over The Democratic Platform — Yet\n\nWASHINGTON — "
    "Supporters of Hillary Clinton and Bernie Sanders avoided confrontations over policy.",
    "pair": "Warren Buffett and Bill and Melinda Gates are giving away their wealth. His co-defendants, brothers "
    "Ammon and Ryan Bundy, led the occupation.",
    "given_name": "Ilya Shapiro argues at the institute that the ruling was wrong. But Shapiro’s argument is weak.",
    "oval_office": "This is a chance to have a Republican president sitting in the Oval Office.",
    "annex": "Militants attacked a CIA Annex almost a mile from the main compound, the CIA said.",
    "embassy": "Gregory Hicks was the deputy chief of mission for the U.S. Embassy in Tripoli, Libya.",
    "court": "He said the U.S. district judge overseeing the case was biased. The chief judge of the U.S. Court of "
    "Appeals for the D.C. Circuit visited.",
    "trade": "The group's donors include Richard Uihlein, an Illinois shipping-supplies manufacturer. Uihlein gave "
    "$1 million.",
    "grille": "He spoke in front of the Rotary Club at Fratello’s Italian Grille on Monday.",
    "rank": "The U.S. Senate passed the bill, and the U.S. Treasury welcomed it. General Omar Haddad, whose forces "
    "hold eastern Libya, said the vote was wrong. General Jane Doerr said the Army was ready. Sen. Dale Wickersham "
    "voted for it.",
    "united": "Citizens United, the group that brought the lawsuit, spent $1 million. Sanders called National "
    "Nurses United one of the sponsors of his campaign.",
    "maiden_name": "It was always Nancy Davis Reagan, the starlet, who charmed him. Nancy Reagan died on Sunday. If "
    "Nancy Davis had met him earlier, things would differ. Beloved by her husband, Nancy was not always so loved by "
    "his staff.",
    "two_men": "Senator Ted Cruz spoke first. At the debate, the spotlight fell on John Kasich, who has emerged as an "
    "obstacle to Donald Trump. While the two men barely sparred, Kasich did look for openings.",
}


@pytest.fixture(scope="module")
def linked():
    return link_written_sentences(SENTENCES)


def actor_over(ann, words):
    return next(m.actor for m in named_mentions(ann) if words in m.text or m.text in words)


def test_a_law_named_by_its_sponsors_is_no_actor(linked):
    a = linked["laws"]
    assert ids_over(a, "Glass-Steagall") == []
    assert ids_over(a, "Dodd-Frank") == []
    assert ids_over(a, "Super Glass-Steagall") == []


def test_a_party_named_in_a_court_case_is_the_case(linked):
    assert ids_over(linked["case"], "NFIB v. Sebelius") == []


def test_a_name_ends_at_a_dash_between_spaces(linked):
    a = linked["spaced_dash"]
    assert ids_over(a, "Deborah Jordan Reynolds") == ["person:deborah-jordan-reynolds"]
    assert ids_over(a, "Reynolds says") == ["person:deborah-jordan-reynolds"]


def test_a_word_a_contraction_closes_is_a_verb(linked):
    assert ids_over(linked["contraction"], "Sanders Aren") == ["person:bernie-sanders"]


def test_a_first_name_before_and_a_full_name_shares_its_surname(linked):
    a = linked["pair"]
    assert ids_over(a, "Bill and") == ["person:bill-gates"]
    assert ids_over(a, "Ammon and") == ["person:ammon-bundy"]
    assert ids_over(a, "Ryan Bundy") == ["person:ryan-bundy"]


def test_a_given_name_before_a_surname_tagged_alone_opens_the_name(linked):
    a = linked["given_name"]
    assert ids_over(a, "Ilya Shapiro") == ["person:ilya-shapiro"]
    assert ids_over(a, "Shapiro’s argument") == ["person:ilya-shapiro"]


def test_the_oval_office_after_a_preposition_of_place_is_the_room(linked):
    assert ids_over(linked["oval_office"], "Oval Office") == []


def test_a_bodys_annex_is_a_place(linked):
    a = linked["annex"]
    assert ids_over(a, "CIA Annex") == []
    assert ids_over(a, "the CIA said") == ["spy:USA"]


def test_an_embassy_is_the_government_of_the_country_named_before_it(linked):
    assert ids_over(linked["embassy"], "Embassy in Tripoli") == ["gov:USA"]


def test_a_countrys_court_and_judge_are_its_judiciary(linked):
    a = linked["court"]
    assert ids_over(a, "U.S. district judge") == ["jud:USA"]
    assert ids_over(a, "U.S. Court of Appeals") == ["jud:USA"]


def test_a_trade_noun_leaves_a_persons_name_a_person(linked):
    assert ids_over(linked["trade"], "Richard Uihlein") == ["person:richard-uihlein"]


def test_an_eating_place_after_at_is_a_place(linked):
    a = linked["grille"]
    assert ids_over(a, "Fratello’s Italian Grille") == []
    assert ids_over(a, "Rotary Club") == ["ngo:rotary-club"]


def test_a_military_rank_beside_another_country_takes_no_country_from_the_report(linked):
    a = linked["rank"]
    general = actor_over(a, "Omar Haddad")
    assert (general.actor_id, general.country, general.sector) == ("person:omar-haddad", None, "MIL")
    assert actor_over(a, "Jane Doerr").country == "USA"
    assert actor_over(a, "Dale Wickersham").country == "USA"


def test_a_name_closed_by_united_is_an_organisation(linked):
    a = linked["united"]
    assert ids_over(a, "Citizens United") == ["org:citizens-united"]
    assert ids_over(a, "National Nurses United") == ["org:national-nurses-united"]


def test_a_first_name_shared_by_the_parts_of_one_name_is_that_person(linked):
    assert ids_over(linked["maiden_name"], "Nancy was") == ["person:nancy-davis-reagan"]


def test_a_pair_opening_its_sentence_is_the_two_persons_of_the_sentence_before(linked):
    assert sorted(ids_over(linked["two_men"], "the two men")) == ["person:donald-trump", "person:john-kasich"]
