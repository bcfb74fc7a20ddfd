"""Issue 20 item 6, round 11: the mechanisms read from the misses of the PolNeAR train samples (seeds 53 and
58-60, with those of seeds 31-56), each shown on sentences written for the test."""

from __future__ import annotations

import pytest
from conftest import ids_over, link_written_sentences, named_mentions

SENTENCES = {
    "platform_content": "Twitter said on Friday that it had closed the accounts. At least 9,000 Twitter accounts "
    "were run by the group. In a Twitter message posted on Sunday, the group praised the raid. The company "
    "condemns the use of Twitter to spread threats.",
    "quoted_title": 'The senator proposed a debate on ABC\'s "Good Morning America" on Friday. America has a '
    "problem with debt, she said.",
    "venue_event": "The senator invited the governor to a Capitol Hill rally in May. Lawmakers on Capitol Hill "
    "rejected the plan.",
    "committee_on_subject": "The Senate voted on Monday. The United States Congress met. Representative Jane "
    "Doerr, a member of the House's Permanent Select Committee on Intelligence, said the firm must act.",
    "pair_of_persons": "Two men ran in the primary: former Ohio senator Dale Wickersham and former Utah governor "
    "Ron Baskin. Both men are running again this year.",
    "pair_not_the_speaker": "Barack Obama met Vladimir Putin in Paris. Mike Pence was asked about the talks. Pence "
    "replied, “These are two men who will work together.”",
    "titled_church": "Members of King David Missionary Baptist Church marched on Sunday.",
    "town_of_state": "The mayor said that Ferguson, Missouri, is safe. Ferguson had two murders in 2014, the "
    "report said.",
    "capital_before_group": "The Mexico City advocacy group counted murders in 50 cities. Mexico City said the "
    "count was wrong.",
    "export": "The plant makes air conditioners for export to the United States. The United States said the "
    "tariffs would stay.",
    "initiative": "Hillary Clinton spoke in Iowa. Other donors gave to the Clinton Global Initiative.",
    "report_country": "The U.S. Senate passed the bill on Monday, and the U.S. Treasury welcomed it. Sen. Dale "
    "Wickersham voted against it.",
}


@pytest.fixture(scope="module")
def linked():
    return link_written_sentences(SENTENCES)


def test_a_platform_before_what_is_posted_on_it_is_the_medium(linked):
    a = linked["platform_content"]
    assert ids_over(a, "Twitter said") == ["org:twitter"]
    assert ids_over(a, "Twitter accounts") == []
    assert ids_over(a, "Twitter message") == []
    assert ids_over(a, "use of Twitter") == []


def test_a_name_in_a_quoted_title_is_a_word_of_the_title(linked):
    a = linked["quoted_title"]
    assert ids_over(a, "Good Morning America") == []
    assert ids_over(a, "America has") == ["state:USA"]


def test_a_seat_before_an_event_is_its_venue(linked):
    a = linked["venue_event"]
    assert ids_over(a, "Capitol Hill rally") == []
    assert ids_over(a, "on Capitol Hill") == ["leg:USA"]


def test_a_committee_on_a_subject_is_the_legislature(linked):
    assert ids_over(linked["committee_on_subject"], "Permanent Select Committee on Intelligence") == ["leg:USA"]


def test_both_men_after_two_persons_joined_by_and_are_those_two(linked):
    a = linked["pair_of_persons"]
    assert sorted(ids_over(a, "Both men")) == ["person:dale-wickersham", "person:ron-baskin"]


def test_two_men_in_a_quotation_are_not_its_speaker(linked):
    a = linked["pair_not_the_speaker"]
    assert sorted(ids_over(a, "two men")) == ["person:barack-obama", "person:vladimir-putin"]


def test_a_title_before_a_congregation_s_name_names_no_person(linked):
    ids = ids_over(linked["titled_church"], "King David Missionary Baptist Church")
    assert ids and all(i.startswith("org:") and "church" in i for i in ids if i)


def test_a_town_written_with_its_state_is_a_place_in_the_whole_article(linked):
    a = linked["town_of_state"]
    assert ids_over(a, "Ferguson, Missouri") == []
    assert ids_over(a, "Ferguson had") == []


def test_a_capital_before_words_for_an_organisation_is_where_it_is_based(linked):
    a = linked["capital_before_group"]
    assert ids_over(a, "Mexico City advocacy") == []
    assert ids_over(a, "Mexico City said") == ["gov:MEX"]


def test_a_country_goods_are_exported_to_is_a_place(linked):
    a = linked["export"]
    assert ids_over(a, "United States") == []
    assert ids_over(a, "The United States said") == ["state:USA"]


def test_a_surname_opening_an_initiative_s_name_is_no_mention_of_the_person(linked):
    a = linked["initiative"]
    assert ids_over(a, "Hillary Clinton") == ["person:hillary-clinton"]
    assert "person:hillary-clinton" not in ids_over(a, "Clinton Global Initiative")


def test_a_titled_person_with_no_country_holds_the_office_in_the_report_s_country(linked):
    a = linked["report_country"]
    placed = [m.actor for m in named_mentions(a) if m.text.endswith("Wickersham")]
    assert placed and all(p.country == "USA" and p.sector == "LEG" for p in placed)


def test_a_title_foreign_leaders_hold_too_takes_no_country_from_the_report():
    """Round 11 places a person named by an office with no country in the report's country ('Sen. Ted
    Cruz' in a US report); a president or prime minister the knowledge base does not know is as often a
    foreign leader, so such a title places no one (a name and a title written for this test)."""
    from newsfuse.actors import link
    from newsfuse.model import Article, Block
    from newsfuse.nlp import annotate

    text = (
        "Sen. Ted Cruz said on Tuesday that the United States would press the United States' partners. "
        "The United States Senate met. President Adama Barrow rejected the plan."
    )
    article = Article("x", "x", "text", None, "2016-05-03", None, None, (Block("paragraph", text),))
    found = {m.actor.name: m.actor.country for m in link(annotate([article])[0]).actors}
    assert found["Ted Cruz"] == "USA"
    assert found["Adama Barrow"] is None
