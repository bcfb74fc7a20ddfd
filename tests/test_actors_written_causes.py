"""Issue 20 item 6, seed 25 and earlier samples: general causes of actor-linking errors, each checked on
sentences written for the test (parsed by the pipeline's spaCy model, then linked).

The causes: products named with a version, units and statistics after a count, a title a body awards, a
venue, page furniture, a building named after its owner, fictional characters and works, countries
traffic passes through or to, a town in an address, a place with its country in brackets, a clock's
time zone, a state body named with its country, coordinated departments before a plural head, firms
and newspapers the tagger calls persons, and titles, positions and ranks before a person's name.
"""

from __future__ import annotations

import pytest
from conftest import ids_over, link_written_sentences, named_mentions

from newsfuse.actors import link
from newsfuse.model import AnnotatedArticle, Article, Block, article_id

SENTENCES = {
    "version": "The patch is for users of IE version 5 and up. A hole in IE lets attackers in.",
    "units": "He finished the season with a .290 average, 28 homers and 104 RBI. Germany's share of the bailout "
    "is 22 billion Euros over three years.",
    "strap_venue": "Klitschko took the IBF strap from Chris Byrd in 2006. He knocked Tony Thompson down at Stade "
    "de Suisse in Bern.",
    "page": "Article posted on 08.",
    "buildings": "The boy found the gun under a trash can at the Ida Yarbrough apartments in Albany. Fire "
    "destroyed the historic Matanuska Maid warehouse early today.",
    "works": "The film centers on the teenager Bella and the vampire Edward. Weitz, who also codirected American "
    "Pie, will direct it.",
    "traffic": "Business traffic between Europe and Asia is being rerouted through the United States, and "
    "traffic to India is down.",
    "address": "The women were found at their house in Newton Street, Millom, at about 8 on Saturday.",
    "brackets": "Service was cut by a fault on a cable between Abu Talat ( Egypt ) and Marseilles ( France ). "
    "Updated 7 : 00pm UK , Wednesday 05.",
    "bodies": "The ruling Democratic Party of Turkmenistan won every seat. The Supreme Court of India ruled on "
    "Monday. Scientists asked the Interior and Commerce secretaries to rescind the changes.",
    "firms": 'Alaska Dispatch has more here. "We had to protect Crowley Petroleum from the fire," he said.',
    "origin": "Police caught the driver, who is from Schnectady, a few blocks away. Officers were dispatched to "
    "UAMS around 8 p.m.",
    "place_names": "The surgeon general spoke in the White House Rose Garden on Monday. A guest fainted and was "
    "taken to Jamaica Hospital. The White House said she was well.",
    "titles": '"She returned like a reaper," says ADA Fairman. Chiefs fans watched as Colts QB Andrew Luck '
    "threw a pass. Senior Trooper William Hakim of the state police died.",
}


@pytest.fixture(scope="module")
def linked() -> dict[str, AnnotatedArticle]:
    return link_written_sentences(SENTENCES)


@pytest.mark.parametrize(
    "name, words",
    [
        ("version", "IE version"),  # a product written with a version ...
        ("version", "hole in IE"),  # ... is a product in every sentence of the article
        ("units", "RBI"),  # a statistic after a count
        ("units", "Euros"),  # a currency after a sum
        ("strap_venue", "IBF"),  # the title a body awards ("the IBF strap")
        ("strap_venue", "Stade de Suisse"),  # a venue opened by the word for a stadium
        ("page", "Article"),  # page furniture at a line's start
        ("buildings", "Ida Yarbrough"),  # a name between "the" and a word for a building
        ("buildings", "Matanuska Maid"),
        ("works", "Edward"),  # a fictional character after "the vampire"
        ("works", "American Pie"),  # a work after a verb of making it
        ("traffic", "United States"),  # a country traffic is routed through
        ("traffic", "India"),  # a country traffic goes to
        ("address", "Millom"),  # the town of an address, after the street and a comma
        ("brackets", "Abu Talat"),  # a place with its country in brackets ...
        ("brackets", "Egypt"),  # ... and that country
        ("brackets", "UK"),  # the time zone of a clock time
        ("origin", "Schnectady"),  # where someone comes from ("who is from ...")
        ("origin", "UAMS"),  # where people are carried to ("dispatched to ...")
        ("place_names", "the White House Rose Garden"),  # a name opening a place's name
        ("place_names", "Jamaica Hospital"),  # ... or a building's
    ],
)
def test_names_that_are_no_actors(linked, name, words):
    assert ids_over(linked[name], words) == []


def test_the_people_in_those_sentences_stay_linked(linked):
    assert ids_over(linked["strap_venue"], "Chris Byrd") == ["person:chris-byrd"]
    assert ids_over(linked["strap_venue"], "Tony Thompson") == ["person:tony-thompson"]
    assert ids_over(linked["units"], "Germany") == ["state:DEU"]  # "Germany's share": the state's
    assert ids_over(linked["place_names"], "The White House said") == ["gov:USA"]  # the building speaks


@pytest.mark.parametrize(
    "words, actor_id",
    [
        ("Democratic Party of Turkmenistan", "pty:TKM"),  # a party named with its country's name
        ("Supreme Court of India", "jud:IND"),  # a court named with its country's name
        ("Interior", "org:united-states-department-of-the-interior"),  # "the Interior and Commerce secretaries"
    ],
)
def test_state_bodies_named_with_their_country_or_their_head(linked, words, actor_id):
    assert ids_over(linked["bodies"], words) == [actor_id]


def test_a_country_inside_a_body_s_name_is_not_the_state_acting(linked):
    ann = linked["bodies"]
    assert "state:TKM" not in [m.actor.actor_id for m in named_mentions(ann)]


@pytest.mark.parametrize(
    "words, actor_id",
    [("Alaska Dispatch", "org:alaska-dispatch"), ("Crowley Petroleum", "org:crowley-petroleum")],
)
def test_newspapers_and_firms_the_tagger_calls_persons_are_organisations(linked, words, actor_id):
    assert ids_over(linked["firms"], words) == [actor_id]


@pytest.mark.parametrize(
    "words, name",
    [
        ("ADA Fairman", "Fairman"),  # an assistant district attorney's abbreviation
        ("Colts QB Andrew Luck", "Andrew Luck"),  # a team and a playing position
        ("Trooper William Hakim", "William Hakim"),  # a police rank
    ],
)
def test_titles_positions_and_ranks_are_no_part_of_the_name(linked, words, name):
    ann = linked["titles"]
    start = ann.article.text.index(words)
    over = [m for m in named_mentions(ann) if m.start < start + len(words) and start < m.end]
    assert [m.text for m in over] == [name]
    assert over[0].actor.actor_id == "person:" + name.lower().replace(" ", "-")


def test_a_middle_name_stays_part_of_the_name():
    """'LuAnn Marie Johnson': a given name the KB does not know is no title; the name is kept whole."""
    from newsfuse.nlp import annotate

    blocks = (Block("paragraph", "Police identified the victim as LuAnn Marie Johnson of Burnsville."),)
    article = Article(article_id(blocks), "middle", "text", None, "2012-11-01", None, None, blocks)
    ann = link(annotate([article])[0])
    assert ids_over(ann, "LuAnn Marie Johnson") == ["person:luann-marie-johnson"]


def test_a_person_after_a_street_and_a_comma_stays_a_person():
    """'On Main Street, Williams joined the fray': the name opens a clause, it ends no address."""
    from newsfuse.nlp import annotate

    text = "Councilman Jumaane Williams was at the parade. On Eastern Parkway, Williams joined the fray."
    blocks = (Block("paragraph", text),)
    article = Article(article_id(blocks), "street", "text", None, "2012-11-01", None, None, blocks)
    ann = link(annotate([article])[0])
    start = text.index("Williams joined")
    assert [m.actor.actor_id for m in named_mentions(ann) if m.start == start] == ["person:jumaane-williams"]


def test_a_name_the_tagger_mostly_calls_a_person_is_a_person_throughout():
    """'The Weitz move': tagged ORG once, PERSON three times in the article: one name, one sense."""
    from newsfuse.nlp import annotate

    text = (
        "The Weitz move surprised fans. He said Weitz was honored to direct it. "
        '"I am thrilled," Weitz told reporters. Critics said Weitz had earned the job.'
    )
    blocks = (Block("paragraph", text),)
    article = Article(article_id(blocks), "weitz", "text", None, "2012-11-01", None, None, blocks)
    ann = link(annotate([article])[0])
    assert {m.actor.actor_id for m in named_mentions(ann) if m.text == "Weitz"} == {"person:weitz"}


@pytest.mark.parametrize(
    "text, actor_id",
    [
        # India named twice in the report, once after the ministry: the report's country all the same
        (
            "An Indian navy warship fought off pirates, the Defence Ministry said. Indian commandos then "
            "boarded the hijacked vessel.",
            "mil:IND",
        ),
        # no country named more often than the others: the ministry keeps no country
        (
            "A Somali pirate boat was seized, police said. Kenyan officials said the Defence Ministry would "
            "investigate.",
            "org:defence-ministry",
        ),
    ],
)
def test_a_generic_ministry_is_the_one_of_the_country_the_report_names_most(text, actor_id):
    from newsfuse.nlp import annotate

    blocks = (Block("paragraph", text),)
    article = Article(article_id(blocks), "ministry", "text", None, "2008-11-20", None, None, blocks)
    ann = link(annotate([article])[0])
    assert ids_over(ann, "the Defence Ministry") == [actor_id]


def test_a_name_the_article_gives_a_building_is_a_firm_not_a_person():
    """'the old Mat Maid building' in the article: 'Mat Maid' elsewhere there is the firm, no person."""
    from newsfuse.nlp import annotate

    text = (
        "Firemen hosed down the rubble of the old Mat Maid building on Tuesday. The state had pumped money "
        "into Mat Maid for years, but Mat Maid could not survive."
    )
    blocks = (Block("paragraph", text),)
    article = Article(article_id(blocks), "firm", "text", None, "2012-11-01", None, None, blocks)
    ann = link(annotate([article])[0])
    assert ids_over(ann, "Mat Maid building") == []
    assert [m.actor.actor_id for m in named_mentions(ann) if m.text == "Mat Maid"] == ["org:mat-maid", "org:mat-maid"]
