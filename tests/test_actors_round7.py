"""Issue 20 item 6, round 7: the mechanisms read from the misses of the PolNeAR train samples (seeds 40-42,
with those of seeds 35-38), each shown on sentences written for the test."""

from __future__ import annotations

import pytest
from conftest import ids_over, link_written_sentences

SENTENCES = {
    "administrations": "Critics said the Bush and Obama administrations had failed the schools.",
    "aircraft": "The senator flew in on his Boeing 757 jet on Monday. The Boeing can seat 200 people. "
    "Boeing said on Tuesday that it had cut its prices.",
    "delegate_counts": "Donald Trump won 739 delegates in March, and Boeing 300 workers went on strike.",
    "org_named_after_person": "Donald Trump spoke in Ohio on Monday. A student sued Trump University in 2010. "
    "The letter came on Trump Organization letterhead.",
    "foundation_alone": "The Clinton Foundation raised money in May. Critics said the Foundation kept the gifts.",
    "hyphened_word": "Everybody is laughing at Jeb Bush-spent $100 million on the race.",
    "us_agency": "F.A.A. records show the jet flew 333 hours. The Secret Service guarded the hall.",
    "state_party": "The California Democratic Party passed a resolution on Sunday.",
    "congressional_caucus": "Donald Trump won in Ohio. Americans voted for him. The Congressional Black Caucus "
    "backed the bill on Monday.",
    "law_apposition": "Lawmakers will dismantle No Child Left Behind, the sweeping law of 2002. "
    "Teachers say NCLB failed them.",
    "trade_pact": "She voted against the corporate Trans-Pacific Partnership in the Senate last year.",
    "party_nickname": "All the GOPers have to do is wait for the vote.",
    "opening_preposition": "Beyond Washington, other Republicans were not satisfied with Donald Trump's answer.",
    "outlet_person": "Its critics include talk host Glenn Beck and the Daily Wire’s Ben Shapiro.",
    "trade_group": "She is a top lobbyist for Airlines for America, the trade group of the big carriers.",
}


@pytest.fixture(scope="module")
def linked():
    return link_written_sentences(SENTENCES)


def test_each_head_s_name_before_a_plural_administrations_is_the_government(linked):
    a = linked["administrations"]
    assert ids_over(a, "Bush") == ["gov:USA"]
    assert ids_over(a, "Obama") == ["gov:USA"]


def test_a_maker_s_name_before_a_model_number_or_after_a_determiner_is_the_model(linked):
    a = linked["aircraft"]
    assert ids_over(a, "Boeing") == []
    assert ids_over(a, "Boeing", 1) == []
    assert ids_over(a, "Boeing", 2) == ["org:boeing"]  # the company acting keeps its link


def test_a_count_after_a_name_is_no_model_number(linked):
    a = linked["delegate_counts"]
    assert ids_over(a, "Donald Trump") == ["person:donald-trump"]
    assert ids_over(a, "Boeing") == ["org:boeing"]  # workers are no made thing


def test_a_person_s_name_that_opens_an_organisation_s_name_is_the_organisation(linked):
    a = linked["org_named_after_person"]
    assert ids_over(a, "Trump University") == ["org:trump-university"]
    assert ids_over(a, "Trump Organization") == ["org:trump-organization"]


def test_a_word_for_an_organisation_alone_is_the_one_named_before_with_it(linked):
    a = linked["foundation_alone"]
    assert ids_over(a, "Foundation", 1) == ids_over(a, "Clinton Foundation")
    assert ids_over(a, "Clinton Foundation") != []


def test_a_lower_case_word_after_a_hyphen_is_no_part_of_a_name(linked):
    assert ids_over(linked["hyphened_word"], "Jeb Bush") == ["person:jeb-bush"]


def test_us_federal_agencies_are_that_part_of_the_us_state(linked):
    a = linked["us_agency"]
    assert ids_over(a, "F.A.A.") == ["gov:USA"]
    assert ids_over(a, "Secret Service") == ["cop:USA"]


def test_a_us_state_s_party_is_the_us_party(linked):
    assert ids_over(linked["state_party"], "California Democratic Party") == ["pty:USA"]


def test_a_congressional_caucus_is_the_legislature(linked):
    assert ids_over(linked["congressional_caucus"], "Congressional Black Caucus") == ["leg:USA"]


def test_the_acronym_of_a_name_called_a_law_is_that_law(linked):
    assert ids_over(linked["law_apposition"], "NCLB") == []


def test_a_trade_pact_s_long_name_is_no_actor(linked):
    assert ids_over(linked["trade_pact"], "Trans-Pacific Partnership") == []


def test_the_republicans_nickname_is_the_party(linked):
    assert ids_over(linked["party_nickname"], "GOPers") == ["pty:USA"]


def test_a_preposition_run_into_a_name_makes_no_person(linked):
    assert ids_over(linked["opening_preposition"], "Washington") == []


def test_a_person_named_after_an_outlet_s_possessive_is_the_person(linked):
    assert ids_over(linked["outlet_person"], "Ben Shapiro") == ["person:ben-shapiro"]


def test_a_country_closing_a_group_s_name_after_for_is_no_state(linked):
    assert "state:USA" not in ids_over(linked["trade_group"], "America")
