"""Issue 20 item 6, round 10: the mechanisms read from the misses of the PolNeAR train samples (seeds 49 and
54-56, with those of seeds 31-52), each shown on sentences written for the test."""

from __future__ import annotations

import pytest
from conftest import ids_over, link_written_sentences

SENTENCES = {
    "untagged_full_name": "Ivanka Trump champions working moms. Donald Trump's eldest daughter has built her "
    "brand around this cause. The Ivanka Trump brand sells dresses made abroad. Through a spokeswoman, Trump "
    "declined to comment.",
    "generational_suffix": "Pastor Walter Elliott III asked the crowd to stand. Elliott said the city would "
    "remember the champion.",
    "state_chamber": "For 39 hours, seven Democrats in the Missouri Senate kept up a filibuster. The Senate in "
    "Washington passed a budget on Monday.",
    "firm_as_person": "The poll was released on Friday by Latino Decisions, a research group. Marc Fisher Footwear "
    "produces her shoe line.",
    "office_sought": "All the Republicans seeking the White House met in Iowa. Critics said Cruz was ineligible "
    "for the White House. The White House said on Monday that it would veto the bill.",
    "period": "According to White House-era documents, the first lady was angry.",
    "turned_to": "The candidate took to Twitter to call out protesters. Twitter said it would review the posts.",
    "kind_acronym": "His allied super PAC ran ads in Iowa. The PAC Priorities USA spent more.",
    "event": "A few weeks ahead of the New York Primary, the campaign declined to debate.",
}


@pytest.fixture(scope="module")
def linked():
    return link_written_sentences(SENTENCES)


def test_a_full_name_the_tagger_missed_is_another_person(linked):
    a = linked["untagged_full_name"]
    assert ids_over(a, "Ivanka Trump", 1) == ["person:ivanka-trump"]
    assert ids_over(a, "Donald Trump") == ["person:donald-trump"]
    assert ids_over(a, "Trump declined") == ["person:ivanka-trump"]


def test_a_generational_suffix_is_no_surname(linked):
    assert ids_over(linked["generational_suffix"], "Elliott said") == ["person:walter-elliott-iii"]


def test_a_us_state_s_chamber_is_its_legislature_not_congress(linked):
    a = linked["state_chamber"]
    assert ids_over(a, "Missouri Senate") == ["leg:USA"]
    assert ids_over(a, "The Senate") == ["org:united-states-congress"]


def test_a_name_ending_in_a_trade_or_a_plural_noun_is_a_firm(linked):
    a = linked["firm_as_person"]
    assert ids_over(a, "Latino Decisions") == ["org:latino-decisions"]
    assert ids_over(a, "Marc Fisher Footwear") == ["org:marc-fisher-footwear"]


def test_the_white_house_sought_is_no_actor(linked):
    a = linked["office_sought"]
    assert ids_over(a, "White House") == []
    assert ids_over(a, "White House", 1) == []
    assert ids_over(a, "The White House said") == ["gov:USA"]


def test_a_body_s_name_before_era_names_a_period(linked):
    assert ids_over(linked["period"], "White House") == []


def test_a_network_one_takes_to_is_the_medium(linked):
    a = linked["turned_to"]
    assert ids_over(a, "Twitter") == []
    assert ids_over(a, "Twitter", 1) == ["org:twitter"]


def test_an_acronym_for_a_kind_of_organisation_names_none(linked):
    a = linked["kind_acronym"]
    assert ids_over(a, "super PAC") == []


def test_a_primary_is_an_event(linked):
    assert ids_over(linked["event"], "New York Primary") == []
