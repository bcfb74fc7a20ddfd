"""Issue 20 item 6, round 6: the mechanisms read from the misses of the PolNeAR train samples (seeds 35-37,
with those of seeds 20-34), each shown on sentences written for the test."""

from __future__ import annotations

import pytest
from conftest import ids_over, link_written_sentences

SENTENCES = {
    "other_first_name": "Donald Trump spoke in Ohio on Monday. Melania Trump spoke in Cleveland on Tuesday.",
    "possessive_full_name": "After Jeb Bush's exit, donors met in Miami. Jeb Bush thanked them on Sunday. "
    "The party of George W. Bush has changed. Mr. Bush's sons were there too.",
    "title_holder": "Michelle Obama's speech was praised. Critics read Michelle Obama's words twice. "
    "Michelle Obama's staff said nothing. President Obama said she spoke well.",
    "family": "Hillary Clinton spoke in Iowa on Monday. The Clintons left for New York on Tuesday.",
    "known_surname": "Mr. Trump spoke in Ohio on Monday, and his rivals answered him.",
    "stranger_surname": "John Trump, a farmer in Ohio, spoke on Monday. Mr. Trump said the rain came late.",
    "party": "Donald Trump won in Ohio. Americans voted for Donald Trump. The Republican Party met in Cleveland.",
    "country_before_title": "The U.S. military said the raid was over. He was a U.S. senator for four years.",
    "sought_office": "White House hopeful Hillary Clinton spoke in Iowa. Her husband lost a Senate race in 1990. "
    "His friend is running for Congress this year.",
    "office_acting": "The White House said on Monday that the Senate would vote. Congress passed the bill.",
    "place_left": "Obama departs the UK for Germany today. Her parents immigrated to the United States in 1980.",
    "party_possessive": "Donald Trump won in Ohio. Americans voted for him. He is the Republican Party's nominee.",
    "party_one_country": "The Grand Old Party is changing fast. The Republican Party met in Cleveland.",
    "chambers": "Donald Trump won in Ohio. Americans voted for him. Dozens of House Democrats signed the letter. "
    "The House Select Committee asked for the emails.",
    "surname_of_a_body": "Michael Bloomberg spoke in New York on Monday. Bloomberg said he would not run.",
    "administration_alias": "Critics saw the raid as a sign of the Obama Administration's disarray.",
    "region": "The raids targeted Central American immigrants. American officials defended them.",
    "middle_initial": "The letter was addressed to the U.S. attorney, Channing D. Phillips, on Tuesday.",
    "filed_as_group": "Edward Snowden leaked the files in 2013. Osama bin Laden was killed in 2011.",
}


@pytest.fixture(scope="module")
def linked():
    return link_written_sentences(SENTENCES)


def test_a_full_name_with_another_first_name_is_another_person(linked):
    a = linked["other_first_name"]
    assert ids_over(a, "Donald Trump") == ["person:donald-trump"]
    assert ids_over(a, "Melania Trump") == ["person:melania-trump"]


def test_a_full_name_in_the_possessive_counts_for_the_surname(linked):
    # Jeb Bush is named in full twice (once as "Jeb Bush's"), George W. Bush once: "Mr. Bush" is Jeb Bush
    assert ids_over(linked["possessive_full_name"], "Bush", 3) == ["person:jeb-bush"]


def test_a_title_names_the_person_who_held_that_office(linked):
    assert ids_over(linked["title_holder"], "President Obama") == ["person:barack-obama"]


def test_a_family_named_by_the_plural_surname_is_the_person_named_with_it(linked):
    assert ids_over(linked["family"], "Clintons") == ["person:hillary-clinton"]


def test_a_bare_surname_of_one_known_public_figure_is_that_figure(linked):
    assert ids_over(linked["known_surname"], "Trump") == ["person:donald-trump"]


def test_a_bare_surname_is_the_person_the_article_names_in_full_with_it(linked):
    assert ids_over(linked["stranger_surname"], "Trump", 1) == ["person:john-trump"]


def test_a_generic_party_name_is_the_party_of_the_country_the_report_names_most(linked):
    assert ids_over(linked["party"], "Republican Party") == ["pty:USA"]


def test_a_country_before_a_lower_case_agent_or_title_is_that_body(linked):
    a = linked["country_before_title"]
    assert ids_over(a, "U.S. military") == ["mil:USA"]
    assert ids_over(a, "U.S. senator") == ["leg:USA"]


def test_an_office_sought_is_no_actor(linked):
    a = linked["sought_office"]
    assert ids_over(a, "White House") == []
    assert ids_over(a, "Senate") == []
    assert ids_over(a, "Congress") == []


def test_the_same_bodies_acting_are_actors(linked):
    a = linked["office_acting"]
    assert ids_over(a, "White House") == ["gov:USA"]
    assert ids_over(a, "Congress") == ["leg:USA"]


def test_a_country_one_leaves_or_settles_in_is_a_place(linked):
    a = linked["place_left"]
    assert ids_over(a, "UK") == []
    assert ids_over(a, "United States") == []


def test_a_party_name_in_the_possessive_or_in_a_report_of_one_country_is_that_country_s_party(linked):
    assert ids_over(linked["party_possessive"], "Republican Party") == ["pty:USA"]
    assert ids_over(linked["party_one_country"], "Republican Party") == ["pty:USA"]


def test_a_chamber_alone_or_before_a_committee_is_the_legislature(linked):
    a = linked["chambers"]
    assert ids_over(a, "House") == ["leg:USA"]
    assert ids_over(a, "House Select Committee") == ["leg:USA"]


def test_a_body_s_name_that_is_the_surname_of_a_person_named_before_is_the_person(linked):
    assert ids_over(linked["surname_of_a_body"], "Bloomberg", 1) == ["person:michael-bloomberg"]


def test_a_dictionary_alias_naming_a_person_s_administration_is_the_government(linked):
    assert ids_over(linked["administration_alias"], "Obama Administration") == ["gov:USA"]


def test_a_demonym_after_a_region_word_is_the_region_s_not_a_country_s(linked):
    a = linked["region"]
    assert ids_over(a, "Central American immigrants") == []
    assert ids_over(a, "American officials") == ["gov:USA"]


def test_a_name_with_a_middle_initial_is_a_person(linked):
    assert ids_over(linked["middle_initial"], "Channing D. Phillips") == ["person:channing-d-phillips"]


def test_a_person_the_dictionary_files_as_a_group_is_a_person_where_the_tagger_reads_one(linked):
    a = linked["filed_as_group"]
    assert ids_over(a, "Edward Snowden") == ["person:edward-snowden"]
    assert ids_over(a, "Osama bin Laden") == ["person:osama-bin-laden"]
