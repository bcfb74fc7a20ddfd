"""Issue 20 item 6, round 8: the mechanisms read from the misses of the PolNeAR train samples (seeds 44-47,
with those of seeds 31-43), each shown on sentences written for the test."""

from __future__ import annotations

import pytest
from conftest import ids_over, link_written_sentences

SENTENCES = {
    "stance": "Rabbis vow to boycott Trump speech to pro-Israel group.\n\nThe rabbis object to Trump. "
    "Trump questioned Israel's commitment to peace.",
    "defined_acronym": "Reporters filed Freedom of Information Act (FOIA) requests in May. The FOIA requests were "
    "denied. The Deferred Action for Childhood Arrivals program, or DACA, is still operating. DACA protects "
    "young people.",
    "title_ends_line": "Senator Promises Action In First 100 Days As President.\n\nDemocratic leaders met on Monday.",
    "us_states_listed": "Hillary Clinton won Georgia and Virginia on Tuesday. Turnout in Georgia was high. "
    "Clinton won both states.",
    "faith_leaders": "The plan worried many Jewish leaders in New York.",
    "democrat_party": "Donald Trump spoke in Ohio on Monday. Republicans said the Democrat Party had moved to the "
    "left.",
    "policy_maker": "Gene Sperling, a longtime Democratic policy maker, hired her in 1997. Mr. Sperling said she "
    "was smart.",
    "research_firm": "The exit poll was conducted by Edison Research for the television networks.",
    "attacks_by_place": "Voters may take a second look at the candidates after the Paris attacks.",
    "mis_decoded": "French President FranÃ§ois Hollande blamed the group for the attacks.",
    "union_as_place": "Poverty rates are higher in the United States than in the European Union. The European "
    "Union said on Monday that it would act.",
    "seat_as_place": "President Obama hosted a dinner at the White House. The White House said it was a success. "
    "She was working at the White House then.",
    "common_noun_first": "Youth joblessness is high among the children of immigrants.",
    "title_with_stop": "Trump Is Like A Lawyer's Dumbest Client Ever, Comedian Says.\n\nThe comedian said Trump "
    "was like a lawyer with the dumbest client ever.",
    "counties": "Cruz won Iowa's Scott and Polk counties, and Clinton won Reno's Washoe County in Nevada.",
    "court_named_to": "The Senate has stalled his nomination to the Supreme Court. The Supreme Court ruled on Monday.",
    "part_of_body": "Obama's popularity was high, said David Simas, assistant to the president and director of the "
    "White House's Office of Political Strategy and Outreach.",
    "plural_noun_first": "Rabbis vow to boycott the speech.\n\nA group of rabbis met on Monday.",
    "quoted_in_name": "Jeff Sessions, Rudy Giuliani Wear ‘Make Mexico Great Again Also’ Hats at Trump Immigration "
    "Rally.\n\nThe two wore hats at the rally. Mexico said on Monday that it would not pay.",
}


@pytest.fixture(scope="module")
def linked():
    return link_written_sentences(SENTENCES)


def test_a_name_after_pro_or_anti_is_a_stance_and_leaves_the_country_alone(linked):
    a = linked["stance"]
    assert not any((i or "").startswith("person:") for i in ids_over(a, "pro-Israel"))
    assert ids_over(a, "Israel's") == ["state:ISR"]


def test_an_acronym_defined_after_a_law_or_a_programme_is_that_law(linked):
    a = linked["defined_acronym"]
    assert ids_over(a, "FOIA", 1) == []
    assert ids_over(a, "DACA", 1) == []


def test_a_title_ending_its_line_takes_no_name_from_the_next_paragraph(linked):
    a = linked["title_ends_line"]
    assert not any((i or "").startswith("person:") for i in ids_over(a, "Democratic"))


def test_a_country_s_name_listed_with_us_states_is_the_us_state(linked):
    a = linked["us_states_listed"]
    assert ids_over(a, "Georgia") == []
    assert ids_over(a, "Georgia", 1) == []
    assert ids_over(a, "both states") == []


def test_the_leaders_of_a_faith_with_no_state_are_its_elites(linked):
    assert ids_over(linked["faith_leaders"], "Jewish leaders") == ["eli:jewish"]


def test_the_democrat_party_is_the_report_s_country_s_party(linked):
    assert ids_over(linked["democrat_party"], "Democrat Party") == ["pty:USA"]


def test_a_policy_maker_in_apposition_is_a_person(linked):
    assert ids_over(linked["policy_maker"], "Gene Sperling") == ["person:gene-sperling"]


def test_a_firm_named_research_is_an_organisation(linked):
    assert ids_over(linked["research_firm"], "Edison Research") == ["org:edison-research"]


def test_a_capital_before_attacks_names_where_they_struck(linked):
    assert ids_over(linked["attacks_by_place"], "Paris") == []


def test_a_mis_decoded_letter_stays_in_the_name(linked):
    assert ids_over(linked["mis_decoded"], "Hollande") == ["person:francois-hollande"]


def test_a_union_of_countries_after_a_preposition_of_place_is_the_place(linked):
    a = linked["union_as_place"]
    assert ids_over(a, "European Union") == []
    assert ids_over(a, "European", 1) == ["igo:eu"]


def test_a_government_s_seat_after_a_preposition_of_place_is_the_building(linked):
    a = linked["seat_as_place"]
    assert ids_over(a, "White House") == []
    assert ids_over(a, "White House", 1) == ["gov:USA"]
    assert ids_over(a, "White House", 2) == ["gov:USA"]  # a post held there: the institution


def test_a_common_noun_opening_a_sentence_is_no_group_s_alias(linked):
    assert ids_over(linked["common_noun_first"], "Youth") == []


def test_a_title_case_first_line_with_a_full_stop_is_a_headline(linked):
    assert ids_over(linked["title_with_stop"], "Lawyer's Dumbest Client Ever") == []


def test_a_county_and_counties_are_places(linked):
    a = linked["counties"]
    assert ids_over(a, "Scott") == []
    assert ids_over(a, "Washoe County") == []


def test_a_court_a_nominee_is_named_to_is_the_office(linked):
    a = linked["court_named_to"]
    assert ids_over(a, "Supreme Court") == []
    assert ids_over(a, "Supreme Court", 1) == ["jud:USA"]


def test_an_office_after_a_state_body_s_possessive_is_that_body(linked):
    assert ids_over(linked["part_of_body"], "Office of Political Strategy") == ["gov:USA"]


def test_a_plural_opening_a_sentence_written_in_lower_case_elsewhere_is_a_common_noun(linked):
    assert ids_over(linked["plural_noun_first"], "Rabbis") == []


def test_a_name_run_into_a_quotation_gives_no_person_its_surname(linked):
    assert ids_over(linked["quoted_in_name"], "Mexico", 1) == ["state:MEX"]
