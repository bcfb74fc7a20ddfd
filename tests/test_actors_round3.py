"""Issue 20 item 6, round 3: the mechanisms behind the labelled misses of seeds 20-28 read all at once, each
checked on sentences written for the test (parsed by the pipeline's spaCy model, then linked).

The mechanisms: a country or a capital named as a place (closing an organisation's name, after an
administrative division, at the far end of a spread or a link, one of a pair 'between' two places); a
title or a rank with no name (a sports title) and a rank run into a force's name; a nationality word before
a person's name; a prime minister and a president the press spells otherwise; a firm's name before its
trade and a building ('the Brennan Creamery bottling plant'); a school's team the tagger calls a person
('Kansas State'); a legislature named alone ('the 199-seat Parliament') in a report about one country; an
organisation named only as where something happened ('a fire broke out at Delta Savings Bank'); a building
that is burned, occupied or guarded; a noun for a person opening a tagged organisation's name ('Pensioner
Karim-bey'); a town whose police the text names ('Brackley's police chief'); a word in capitals stressed
after a tagged name ('Kemp AGAIN'), cut off. Two more were tried and dropped: no link for a bare surname two
persons of an article share, or for a known person's bare surname where the article names no one of that
name in full, cost more right links on seeds 20-28 than they saved wrong ones.
"""

from __future__ import annotations

import pytest
from conftest import ids_over, link_written_sentences, named_mentions

from newsfuse.actors import link
from newsfuse.actors.kb import get_kb
from newsfuse.actors.link import Doc, person_or_org
from newsfuse.actors.text import tokenize
from newsfuse.model import AnnotatedArticle, Article, Block, Entity, article_id

SENTENCES = {
    "org_place": "The University of Lisbon closed its doors on Monday. Staff of Banca Lisbon Portugal went on strike.",
    "division": "The fire started in the sixth arrondissement of Lisbon, police said.",
    "route": "Trouble spread to Portugal within days. Engineers fixed the sections connecting Sicily to Spain.",
    "between": "The cable lies on the sea floor between Sardinia and Algeria, the operator said.",
    "acting": "Portugal said on Monday it would send doctors, and Spain agreed to help.",
    "sport_titles": "He fought the reigning IBF Champion last year. The Featherweight Champion retired.",
    "marshal": "The State Fire Marshal said the blaze was set on purpose.",
    "rank_in_force": "The suspect fled, said Texas State Police Lt. Mark Rowan, who led the search.",
    "nationality": "The fight pits Canadian Miles Dawson against a local boxer.",
    "spelling": "Prime Minister Costas Karamanlis called for calm after the riots.",
    "spelling_tkm": "Gurbanguly Berdymukhamedov opened the new airport on Monday.",
    "trade_building": "Smoke reached the old Brennan Creamery bottling plant by noon.",
    "venue": "A fire broke out at Delta Savings Bank on Monday, and two clerks were hurt.",
    "not_venue": "Jon Hale, the head coach at Ridgeway College, said the team would recover. Mary Stone, who "
    "works at Delta Savings Bank, called the police.",
    "building": "Protesters occupied the Regional Office of Tarnow for two days. The Grace Valley Chapel was "
    "burned on Sunday night, and arson was suspected.",
    "not_building": "The Grace Valley Chapel said it would hold services in a school.",
    "stressed": "Ana Kemp won the first heat. In the final, Kemp AGAIN pulled away from the field.",
    "parliament": "Hungary's government said on Monday the reform would help farmers. Hungary has a large "
    "majority in the 199-seat Parliament, and the bill will pass.",
}


@pytest.fixture(scope="module")
def linked() -> dict[str, AnnotatedArticle]:
    return link_written_sentences(SENTENCES)


def states(ann: AnnotatedArticle) -> list[str | None]:
    return [m.actor.actor_id for m in named_mentions(ann) if (m.actor.actor_id or "").startswith(("state:", "gov:"))]


def test_a_place_closing_an_organisations_name_is_no_government(linked: dict[str, AnnotatedArticle]) -> None:
    ann = linked["org_place"]
    assert states(ann) == []
    assert ids_over(ann, "The University of Lisbon") == ["org:university-of-lisbon"]
    assert ids_over(ann, "Banca Lisbon Portugal") == ["org:banca-lisbon-portugal"]


def test_a_capital_in_an_administrative_division_is_a_place(linked: dict[str, AnnotatedArticle]) -> None:
    assert states(linked["division"]) == []


def test_the_far_end_of_a_spread_or_a_link_is_a_place(linked: dict[str, AnnotatedArticle]) -> None:
    assert states(linked["route"]) == []


def test_both_of_a_pair_between_places_are_places(linked: dict[str, AnnotatedArticle]) -> None:
    assert states(linked["between"]) == []


def test_a_country_that_acts_is_still_the_state(linked: dict[str, AnnotatedArticle]) -> None:
    assert ids_over(linked["acting"], "Portugal") == ["state:PRT"]
    assert ids_over(linked["acting"], "Spain") == ["state:ESP"]


def test_a_sports_title_with_no_name_is_no_organisation(linked: dict[str, AnnotatedArticle]) -> None:
    ann = linked["sport_titles"]
    assert ids_over(ann, "IBF Champion") == []
    assert ids_over(ann, "Featherweight Champion") == []


def test_a_fire_marshals_office_is_no_person(linked: dict[str, AnnotatedArticle]) -> None:
    assert all(not i.startswith("person:") and i != "org:state-fire" for i in ids_over(linked["marshal"], "Fire"))


def test_a_rank_is_cut_off_the_force_it_belongs_to(linked: dict[str, AnnotatedArticle]) -> None:
    ids = ids_over(linked["rank_in_force"], "Texas State Police Lt")
    assert ids and all(not i.endswith("-lt") for i in ids)


def test_a_nationality_before_a_name_is_the_persons_country(linked: dict[str, AnnotatedArticle]) -> None:
    ann = linked["nationality"]
    over = [m for m in named_mentions(ann) if m.start <= ann.article.text.index("Miles Dawson") < m.end]
    assert [m.actor.actor_id for m in over] == ["person:miles-dawson"]
    assert over[0].actor.country == "CAN"
    assert over[0].text == "Miles Dawson"


def test_a_prime_minister_spelt_as_the_press_spells_him_has_his_country(
    linked: dict[str, AnnotatedArticle],
) -> None:
    over = [m for m in named_mentions(linked["spelling"]) if "Karamanlis" in m.text]
    assert [(m.actor.actor_id, m.actor.country) for m in over] == [("person:kostas-karamanlis", "GRC")]
    tkm = [(m.actor.country, m.actor.role) for m in named_mentions(linked["spelling_tkm"]) if "Berdy" in m.text]
    assert tkm == [("TKM", "President")]


def test_a_firms_name_before_its_trade_and_a_building_is_a_place(linked: dict[str, AnnotatedArticle]) -> None:
    assert ids_over(linked["trade_building"], "Brennan Creamery") == []


def test_a_school_ending_in_state_is_no_person() -> None:
    text = "Wichita lost to Kansas State on Friday, and Dana Kerr scored 12."
    doc = Doc(get_kb(), tokenize(text), "2012-11-01", text)

    def kind(name: str) -> str:
        at = text.index(name)
        return person_or_org(doc, Entity(name, "PERSON", at, at + len(name)))

    assert kind("Kansas State") == "ORG"
    assert kind("Dana Kerr") == "PERSON"


def test_a_legislature_named_alone_is_the_reports_countrys(linked: dict[str, AnnotatedArticle]) -> None:
    ann = linked["parliament"]
    over = [m for m in named_mentions(ann) if m.text.endswith("Parliament")]
    assert [(m.actor.actor_id, m.actor.country, m.actor.sector) for m in over] == [("leg:HUN", "HUN", "LEG")]


def test_an_organisation_named_only_as_a_venue_is_a_place(linked: dict[str, AnnotatedArticle]) -> None:
    assert ids_over(linked["venue"], "Delta Savings Bank") == []


def test_an_organisation_after_a_role_or_a_verb_of_belonging_stays(linked: dict[str, AnnotatedArticle]) -> None:
    ann = linked["not_venue"]
    assert ids_over(ann, "Ridgeway College") == ["org:ridgeway-college"]
    assert ids_over(ann, "Delta Savings Bank") == ["org:delta-savings-bank"]


def test_an_organisation_burned_or_occupied_is_its_building(linked: dict[str, AnnotatedArticle]) -> None:
    ann = linked["building"]
    assert ids_over(ann, "Regional Office of Tarnow") == []
    assert ids_over(ann, "Grace Valley Chapel") == []
    assert ids_over(linked["not_building"], "Grace Valley Chapel") == ["org:grace-valley-chapel"]


def test_a_word_in_capitals_stressed_after_a_name_is_cut_off(linked: dict[str, AnnotatedArticle]) -> None:
    ann = linked["stressed"]
    over = [m for m in named_mentions(ann) if m.start >= ann.article.text.index("Kemp AGAIN")]
    assert [(m.text, m.actor.actor_id) for m in over] == [("Kemp", "person:ana-kemp")]


def linked_with_tag(text: str, name: str, label: str) -> AnnotatedArticle:
    """The text linked with one entity the tagger is taken to have found (no parse)."""
    blocks = (Block("paragraph", text),)
    article = Article(article_id(blocks), "written", "text", None, "2012-11-01", None, None, blocks)
    at = text.index(name)
    return link(AnnotatedArticle(article, entities=(Entity(name, label, at, at + len(name)),)))


def test_a_noun_for_a_person_opening_an_organisations_name_describes_a_person() -> None:
    ann = linked_with_tag(
        "Pensioner Karim-bey, a voter in the capital, said he was glad.", "Pensioner Karim-bey", "ORG"
    )
    assert [(m.text, m.actor.actor_id) for m in named_mentions(ann)] == [("Karim-bey", "person:karim-bey")]
    firm = linked_with_tag("Student Loans Trust said it would sell the debt.", "Student Loans Trust", "ORG")
    assert [m.actor.actor_id for m in named_mentions(firm)] == ["org:student-loans-trust"]


def test_a_name_whose_police_it_is_names_a_town() -> None:
    ann = linked_with_tag("Brackley's police chief, Dan Orme, was hurt.", "Brackley", "ORG")
    assert [m.actor.actor_id for m in named_mentions(ann)] == []
    firm = linked_with_tag("Brackley's engineers said the fix was ready.", "Brackley", "ORG")
    assert [m.actor.actor_id for m in named_mentions(firm)] == ["org:brackley"]
