"""Government bodies named with the words after a tagged name, the US departments of the KB, and two
word lists (playing positions before a name, addresses ending in "Place", nouns for works), a capital as a modifier.

Written sentences, parsed and linked as the pipeline does it: "the Bush administration" is the US
government, not an organisation called Bush; "the Interior and Commerce departments" are two US
departments; "the Central Election Commission" in a report about Turkmenistan is Turkmenistan's; the
Fish and Wildlife Service is its own US body, not the Department of Housing.
"""

from __future__ import annotations

import pytest

from newsfuse.actors import get_kb, link
from newsfuse.model import ActorMention, Article, Block, article_id

SENTENCES = (
    "The Bush administration on Thursday eliminated the regulations.",
    "The Obama administration said it would appeal the ruling.",
    "Congress gave specific authorization for the Interior and Commerce departments to act.",
    "In a filing with the Interior Department, the council objected to the change.",
    "The Fish and Wildlife Service will review the project.",
    "George Bush said on Monday he would veto the bill.",
    "Turkmenistan held a vote. Turkmenistan has one party. The country's Central Election Commission spoke.",
    "The Indian navy freed the ship. India and Pakistan talked. The Defence Ministry said the raid went well.",
    "India met Pakistan. Later India and Pakistan agreed. The Defence Ministry said the raid went well.",
    "Punter Dustin Colquitt kicked it away, and Kicker Ryan Succop missed twice.",
    "The next morning he walked back to 505 Bleecker Place .",
    "Jewels were stolen from a Paris boutique, and a Moscow court jailed two men; Paris said it would help.",
    "Ross is in talks to return as director for the sequel, Catching Fire, and the deal hinges on money.",
)


@pytest.fixture(scope="module")
def linked() -> dict[str, tuple[ActorMention, ...]]:
    from newsfuse.nlp import annotate

    articles = [
        Article(article_id(blocks), "test", "text", None, "2008-12-12", None, None, blocks)
        for blocks in ((Block("paragraph", s),) for s in SENTENCES)
    ]
    return {s: tuple(m for m in link(a).actors if not m.bare) for s, a in zip(SENTENCES, annotate(articles))}


def actor_of(mentions: tuple[ActorMention, ...], words: str) -> str | None:
    return next((m.actor.actor_id for m in mentions if words in m.text), None)


def test_an_administration_named_after_its_head_is_its_countrys_government(linked) -> None:
    assert actor_of(linked[SENTENCES[0]], "Bush") == "gov:USA"
    assert actor_of(linked[SENTENCES[1]], "Obama") == "gov:USA"


def test_the_head_himself_stays_a_person(linked) -> None:
    assert (actor_of(linked[SENTENCES[5]], "Bush") or "").startswith("person:")


def test_coordinated_departments_are_each_a_us_department(linked) -> None:
    mentions = linked[SENTENCES[2]]
    assert actor_of(mentions, "Interior") == "org:united-states-department-of-the-interior"
    assert actor_of(mentions, "Commerce") == "org:united-states-department-of-commerce"
    assert all(m.actor.country == "USA" and m.actor.sector in {"GOV", "LEG"} for m in mentions)


def test_a_department_named_with_its_head_is_the_us_department(linked) -> None:
    assert actor_of(linked[SENTENCES[3]], "Interior Department") == "org:united-states-department-of-the-interior"


def test_a_bureau_the_phoenix_dictionary_files_under_another_department_is_its_own_body(linked) -> None:
    assert actor_of(linked[SENTENCES[4]], "Fish and Wildlife Service") == "org:united-states-fish-and-wildlife-service"
    actor = get_kb().resolve("Fish and Wildlife Service")
    assert actor is not None and (actor.country, actor.sector) == ("USA", "GOV")


def test_a_generic_state_body_is_that_body_of_the_country_the_report_names_most(linked) -> None:
    assert actor_of(linked[SENTENCES[6]], "Central Election Commission") == "gov:TKM"
    assert actor_of(linked[SENTENCES[7]], "Defence Ministry") == "mil:IND"  # CAMEO: a defence ministry is MIL


def test_a_generic_state_body_takes_no_country_from_a_tie(linked) -> None:
    assert actor_of(linked[SENTENCES[8]], "Defence Ministry") == "org:defence-ministry"


def test_a_playing_position_before_a_name_is_no_part_of_it(linked) -> None:
    ids = {m.actor.actor_id for m in linked[SENTENCES[9]]}
    assert {"person:dustin-colquitt", "person:ryan-succop"} <= ids
    assert not any("kicker" in i or "punter" in i for i in ids)


def test_a_name_ending_in_place_is_an_address(linked) -> None:
    assert actor_of(linked[SENTENCES[10]], "Bleecker") is None


def test_a_capital_between_an_indefinite_article_and_a_common_noun_is_a_modifier(linked) -> None:
    mentions = linked[SENTENCES[11]]
    paris = [m for m in mentions if m.text == "Paris"]
    assert len(paris) == 1 and paris[0].start > 60  # "a Paris boutique": no actor; "Paris said": the government
    assert paris[0].actor.actor_id == "gov:FRA"
    assert actor_of(mentions, "Moscow court") == "jud:RUS"  # an agent noun after the capital: its court


def test_a_name_right_after_a_noun_for_a_work_is_its_title(linked) -> None:
    mentions = linked[SENTENCES[12]]
    assert actor_of(mentions, "Catching Fire") is None
    assert actor_of(mentions, "Ross") == "person:ross"
