"""Issue 20 item 6, round 5: the mechanisms read from the misses of the PolNeAR train samples (seeds 31-33),
each shown on sentences written for the test."""

from __future__ import annotations

import pytest
from conftest import ids_over, link_written_sentences

SENTENCES = {
    "parties": "The GOP nominee spoke in Ohio. The RNC said the rules stand. The DNC emails leaked.",
    "fed": "He said the Fed was keeping rates low. The strong report has cleared the way for the Fed to act.",
    "cdc": "The Centers for Disease Control is monitoring 265 women. The CDC said the virus spreads.",
    "first_name": "Hillary Clinton won the caucuses in Nevada. Voters said Hillary had been in the room.",
    "family_name_first": "Secretary-General Ban Ki-moon spoke in New York. The deal was a triumph for Ban.",
    "shared_first": "John Kasich and John Weaver spoke. John said the race was open.",
    "compound_surname": "Rep. Debbie Wasserman Schultz raised $3 million. Wasserman Schultz said she would win.",
    "shared_surname": "Former Florida Gov. Jeb Bush spoke to voters. Jeb Bush then left for Iowa. Trump has "
    "hammered Bush for months. His father George H.W. Bush and his brother George W. Bush backed him.",
    "named_first_keeps": "Hillary Clinton won the caucuses. Voters backed Hillary Clinton. Her husband Bill "
    "Clinton campaigned too. Mrs. Clinton thanked them.",
    "acronym": "Her mother, Dawn Hochsprung, was the principal. Dawn was a teacher for twenty years.",
    "acronym_caps": "DAWN said on Monday that it would train women in Fiji.",
    "place_object": "About half of the voters back a ban on people entering the United States. Families fled Syria.",
    "route": "An activist went with him from Hong Kong to Moscow in 2013.",
    "route_actor": "The envoy handed the letter to Moscow on Friday.",
    "debate_venue": "Five candidates took part in the Republican debate at St. Anselm College on Saturday.",
    "member_of": "She is a professor at St. Anselm College in New Hampshire.",
    "headline_surname": "As Clinton, Sanders answer the union, others stay silent. Bernie Sanders spoke on Monday.",
    "campaign": "Ted Cruz spoke first. Carson attacked the Cruz campaign's decision on Monday.",
    "census_groups": "He spoke of a rift between African-Americans and Latinos and the police.",
    "treaty": "Nearly 200 countries signed the Paris agreement. He lost a son during the Iraq War.",
    "treaty_actor": "Paris said the agreement would hold. Iraq signed the deal.",
}


@pytest.fixture(scope="module")
def linked():
    return link_written_sentences(SENTENCES)


def test_a_us_party_s_nickname_and_national_committees_are_that_party(linked):
    a = linked["parties"]
    assert ids_over(a, "GOP") == ["pty:USA"]
    assert ids_over(a, "RNC") == ["pty:USA"]
    assert ids_over(a, "DNC") == ["pty:USA"]


def test_the_fed_and_the_cdc_are_us_federal_bodies(linked):
    assert ids_over(linked["fed"], "Fed") == ["org:federal-reserve"]
    assert ids_over(linked["fed"], "Fed", 1) == ["org:federal-reserve"]
    cdc = "org:centers-for-disease-control-and-prevention"
    assert ids_over(linked["cdc"], "Centers for Disease Control") == [cdc]
    assert ids_over(linked["cdc"], "CDC") == [cdc]


def test_a_first_name_is_the_one_person_named_in_full_with_it(linked):
    assert ids_over(linked["first_name"], "Hillary", 1) == ["person:hillary-clinton"]


def test_a_family_name_written_first_is_that_person(linked):
    assert ids_over(linked["family_name_first"], "Ban Ki-moon") == ["person:ban-ki-moon"]  # the hyphened name whole
    assert ids_over(linked["family_name_first"], "Ban", 1) == ["person:ban-ki-moon"]


def test_a_first_name_two_persons_share_names_neither(linked):
    assert ids_over(linked["shared_first"], "John", 2) == ["person:john"]


def test_a_surname_of_two_words_is_the_person_named_in_full(linked):
    assert ids_over(linked["compound_surname"], "Wasserman Schultz", 1) == ["person:debbie-wasserman-schultz"]


def test_a_shared_surname_is_the_person_named_in_full_most_often(linked):
    # the knowledge base's George W. Bush, matched by the "Bush" of "Jeb Bush", is not yet named in full
    assert ids_over(linked["shared_surname"], "hammered Bush") == ["person:jeb-bush"]
    # the dictionary's George H. W. Bush, his initials written joined (round 17)
    assert ids_over(linked["shared_surname"], "George H.W. Bush") == ["person:george-bush"]
    assert ids_over(linked["shared_surname"], "George W. Bush") == ["person:george-w-bush"]


def test_a_person_named_in_full_first_keeps_the_surname(linked):
    assert ids_over(linked["named_first_keeps"], "Mrs. Clinton") == ["person:hillary-clinton"]


def test_a_dictionary_acronym_is_no_name_written_as_a_word(linked):
    assert ids_over(linked["acronym"], "Dawn", 1) == ["person:dawn-hochsprung"]
    assert ids_over(linked["acronym_caps"], "DAWN") == ["ngo:development-alternatives-with-women-for-a-new-era-ngodev"]


def test_a_country_one_enters_or_flees_is_a_place(linked):
    assert ids_over(linked["place_object"], "United States") == []
    assert ids_over(linked["place_object"], "Syria") == []


def test_the_end_of_a_route_is_a_place_and_a_receiver_an_actor(linked):
    assert ids_over(linked["route"], "Moscow") == []
    assert ids_over(linked["route_actor"], "Moscow") == ["gov:RUS"]


def test_a_treaty_or_a_war_named_by_a_place_names_no_actor(linked):
    assert ids_over(linked["treaty"], "Paris") == []
    assert ids_over(linked["treaty"], "Iraq") == []
    assert ids_over(linked["treaty_actor"], "Paris") == ["gov:FRA"]
    assert ids_over(linked["treaty_actor"], "Iraq") == ["state:IRQ"]


def test_an_organisation_where_an_event_is_held_is_a_venue(linked):
    assert ids_over(linked["debate_venue"], "St. Anselm College") == []
    assert ids_over(linked["member_of"], "St. Anselm College") == ["org:st-anselm-college"]


def test_a_headline_s_surname_is_the_person_named_in_full_after_it(linked):
    assert ids_over(linked["headline_surname"], "Sanders") == ["person:bernie-sanders"]


def test_a_persons_surname_after_the_before_a_noun_is_the_person(linked):
    assert ids_over(linked["campaign"], "Cruz", 1) == ["person:ted-cruz"]


def test_us_census_groups_are_us_civilians(linked):
    assert ids_over(linked["census_groups"], "African-Americans") == ["cvl:USA"]
    assert ids_over(linked["census_groups"], "Latinos") == ["cvl:USA"]
