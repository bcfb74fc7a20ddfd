"""Issue 20 item 6, round 9: the mechanisms read from the misses of the PolNeAR train samples (seeds 50-52,
with those of seeds 31-48), each shown on sentences written for the test."""

from __future__ import annotations

import dataclasses

import pytest
from conftest import ids_over, link_written_sentences

from newsfuse.actors import link
from newsfuse.model import Article, Block, article_id
from newsfuse.nlp import annotate

SENTENCES = {
    "honorifics": "Bill Clinton spoke in Iowa on Monday. Mr. Clinton praised his wife, and Hillary Clinton thanked "
    "the crowd. Mr. Clinton is popular in the state, but Mrs. Clinton leads the polls.",
    "committee": "Senator Chuck Grassley of Iowa met Senate Democrats in Washington on Monday. Grassley, chairman "
    "of the Judiciary Committee, said the Senate would wait.",
    "acronym_tagged_as_person": "Republicans in Indiana met on Monday. Tom John, chairman of the Indiana GOP's "
    "7th District, spoke first. Local GOP leaders said they would wait.",
    "platforms": "Twitter's director of ad sales said the campaign spent more. The campaign posts on Twitter, "
    "and voters share videos on social media such as Facebook, Twitter and Snapchat.",
    "parties": "Republicans blasted President Obama on Wednesday. Presidential candidates in both parties "
    "condemned the nuclear test.",
    "for_country": "Howard Dean launched Democracy for America after his campaign. The group endorsed Sanders.",
    "state_residents": "Floridians Jeb Bush and Marco Rubio are racing to bank early ballots.",
    "title_ends_sentence": "She endorsed the presumptive Democratic nominee for President. This came after a meeting.",
    "country_of_a_place": "The committee investigated the terrorist attack in Benghazi, Libya, in 2012. Libya "
    "said on Monday that it would cooperate.",
    "brought_to": "The party opposed bringing more migrants to Germany. Germany said it would help.",
}


@pytest.fixture(scope="module")
def linked():
    return link_written_sentences(SENTENCES)


def test_mrs_is_not_the_person_the_article_calls_mr(linked):
    a = linked["honorifics"]
    assert ids_over(a, "Mr. Clinton") == ["person:bill-clinton"]
    assert ids_over(a, "Mr. Clinton", 1) == ["person:bill-clinton"]
    assert ids_over(a, "Mrs. Clinton") == ["person:hillary-clinton"]


def test_a_standing_committee_by_its_subject_is_the_legislature(linked):
    assert ids_over(linked["committee"], "Judiciary Committee") == ["leg:USA"]


def test_an_acronym_tagged_as_a_person_lends_no_surname(linked):
    a = linked["acronym_tagged_as_person"]
    assert ids_over(a, "GOP", 1) == ["pty:USA"]


def test_a_social_network_is_the_company_that_acts_or_the_medium(linked):
    a = linked["platforms"]
    assert ids_over(a, "Twitter's") == ["org:twitter"]
    assert ids_over(a, "Twitter", 1) == []
    assert ids_over(a, "Twitter", 2) == []
    assert ids_over(a, "Facebook") == []


def test_both_parties_after_a_word_of_membership_are_no_two_states(linked):
    a = linked["parties"]
    assert not any((i or "").startswith(("state:", "person:")) for i in ids_over(a, "both parties"))


def test_a_country_after_for_in_an_organisation_s_name_is_that_name(linked):
    a = linked["for_country"]
    assert "state:USA" not in ids_over(a, "America")


def test_a_state_s_residents_before_a_name_describe_the_person(linked):
    assert ids_over(linked["state_residents"], "Jeb Bush") == ["person:jeb-bush"]


def test_a_title_that_ends_its_sentence_takes_no_name_from_the_next(linked):
    assert ids_over(linked["title_ends_sentence"], "President. This") == []


def test_a_country_after_a_place_and_a_comma_is_where_the_place_lies(linked):
    a = linked["country_of_a_place"]
    assert ids_over(a, "Libya") == []
    assert ids_over(a, "Libya", 1) == ["state:LBY"]


def test_a_country_one_brings_people_to_is_a_place(linked):
    a = linked["brought_to"]
    assert ids_over(a, "Germany") == []
    assert ids_over(a, "Germany", 1) == ["state:DEU"]


def test_a_full_name_tagged_as_an_organisation_is_the_person_its_surname_names():
    text = "Tashfeen Malik pledged allegiance online. Ms. Malik had moved from Pakistan. Malik said little."
    blocks = (Block("paragraph", text),)
    parsed = annotate([Article(article_id(blocks), "org_tagged", "text", None, "2015-12-08", None, None, blocks)])[0]
    # the tagger's verdict on the full name, as it gave it in a PolNeAR article: an organisation
    entities = tuple(dataclasses.replace(e, label="ORG") if e.text == "Tashfeen Malik" else e for e in parsed.entities)
    assert any(e.label == "PERSON" and e.text == "Malik" for e in entities)
    ann = link(dataclasses.replace(parsed, entities=entities))
    assert ids_over(ann, "Malik", 1) == ["person:tashfeen-malik"]
    assert ids_over(ann, "Malik", 2) == ["person:tashfeen-malik"]


def test_a_chamber_one_takes_back_or_runs_for_is_the_prize():
    linked = link_written_sentences(
        {"prize": "We are going to take back the House in November, she said of her candidacy for the White House."}
    )
    ann = linked["prize"]
    assert ids_over(ann, "House") == []
    assert ids_over(ann, "White House") == []


def test_a_city_given_as_an_example_of_attacks_or_before_terror_attacks_is_where_they_struck():
    linked = link_written_sentences(
        {
            "attacks": "Analysts say that attacks like Paris and Brussels make checks likely. In the wake of the "
            "Paris terror attacks, Paris said it would act."
        }
    )
    ann = linked["attacks"]
    assert ids_over(ann, "Paris") == []
    assert ids_over(ann, "Brussels") == []
    assert ids_over(ann, "Paris", 1) == []
    assert ids_over(ann, "Paris", 2) == ["gov:FRA"]


def test_a_demonym_joined_to_americans_is_us_civilians_of_that_descent():
    linked = link_written_sentences({"descent": "Nineteen Turkish Americans gave money. Turkish soldiers fired."})
    ann = linked["descent"]
    assert ids_over(ann, "Turkish Americans") == ["cvl:USA"]
    assert ids_over(ann, "Turkish soldiers") == ["mil:TUR"]
