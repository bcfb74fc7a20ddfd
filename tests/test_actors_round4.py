"""Issue 20 item 6, round 4: the mechanisms behind the labelled misses of seeds 20-29 that generalise, each
checked on sentences written for the test (parsed by the pipeline's spaCy model, then linked).

A city's name before a capitalised plural agent noun in running text is a team's or a club's name ('the
Ottawa Nationals'), not that country's people; an acronym whose long form in the article ends in a word for
a law is that law ('the CWA' after 'the Clean Water Act'); what someone is armed with is a weapon; in a
line written in title case, a word the article writes in lower case elsewhere is the headline's, not part
of a name ('Paintings Stolen', 'President Kirby Had Signed ...'); a one-word plural name the tagger calls a
person, that the article writes after 'the' as a phrase's head, is a team ('Hornets kicker Tom Vale'); a
tagged organisation ending in 's is judged by its name without the 's ('Maria Lopez 's series'); a country
after 'of' after a person's name is where the person comes from ('Marco Delgado of Spain'); two one-word names
joined by 'and', one of them tagged alone elsewhere, are no one name ('Kemp and Rowe').
"""

from __future__ import annotations

import pytest
from conftest import ids_over, link_written_sentences

from newsfuse.actors.kb import get_kb
from newsfuse.actors.link import Doc, name_run, person_or_org
from newsfuse.actors.nonactors import not_an_actor
from newsfuse.actors.text import tokenize
from newsfuse.model import AnnotatedArticle, Entity

SENTENCES = {
    "club": "The Ottawa Senators signed him, and the Ottawa Nationals matched it.",
    "city_agents": "Ottawa police said on Monday that the Moscow Police had arrested two men.",
    "law": "The Clean Water Act (CWA) sets limits on discharges. The judge ruled that the CWA could not be "
    "used against the farmers.",
    "not_law": "The National Farmers Union (NFU) said the rule was unfair. The NFU will appeal.",
    "home": "Next month he will fight Marco Delgado of Spain in Lyon. Spain said on Monday it would send a doctor.",
}


@pytest.fixture(scope="module")
def linked() -> dict[str, AnnotatedArticle]:
    return link_written_sentences(SENTENCES)


def test_a_city_before_a_capitalised_plural_agent_is_a_club(linked: dict[str, AnnotatedArticle]) -> None:
    ann = linked["club"]
    assert ids_over(ann, "Ottawa Nationals") == ["org:ottawa-nationals"]
    assert all(not i.startswith(("leg:", "gov:", "state:")) for i in ids_over(ann, "Ottawa Senators"))


def test_a_citys_police_is_still_that_countrys_police(linked: dict[str, AnnotatedArticle]) -> None:
    ann = linked["city_agents"]
    assert ids_over(ann, "Ottawa police") == ["cop:CAN"]
    assert ids_over(ann, "Moscow Police") == ["cop:RUS"]


def test_an_acronym_of_a_laws_name_is_no_actor(linked: dict[str, AnnotatedArticle]) -> None:
    ann = linked["law"]
    assert ids_over(ann, "CWA") == []
    assert ids_over(ann, "CWA", 1) == []


def test_an_acronym_of_an_organisations_name_stays_an_actor(linked: dict[str, AnnotatedArticle]) -> None:
    assert ids_over(linked["not_law"], "NFU", 1) == ["org:national-farmers-union"]  # its long form's id


def test_a_country_after_a_persons_name_and_of_is_a_place(linked: dict[str, AnnotatedArticle]) -> None:
    ann = linked["home"]
    assert ids_over(ann, "Spain") == []
    assert ids_over(ann, "Spain", 1) == ["state:ESP"]
    assert ids_over(ann, "Marco Delgado") == ["person:marco-delgado"]


def _entity(text: str, name: str, label: str) -> Entity:
    at = text.index(name)
    return Entity(name, label, at, at + len(name))


def no_actor(text: str, name: str, label: str) -> bool:
    """Whether ``name``, tagged ``label`` (its only entity), is judged no actor in ``text``."""
    entity = _entity(text, name, label)
    return not_an_actor(get_kb(), text, entity, (entity,))


def test_what_someone_is_armed_with_is_a_weapon() -> None:
    assert no_actor("Three robbers armed with Brownings stormed the depot while the guards slept.", "Brownings", "ORG")
    assert not no_actor("The Brownings, a family of four, said the robbers stormed the depot.", "The Brownings", "ORG")


def test_headline_words_in_a_tagged_name_are_no_name() -> None:
    body = "\n\nTwo paintings were stolen on Friday, Ann Kirby said."
    assert no_actor("Lyon : Paintings Stolen In Museum Raid" + body, "Paintings Stolen", "PERSON")
    assert not no_actor("Lyon : Ann Kirby Wins Museum Vote" + body, "Ann Kirby", "PERSON")


def test_a_name_in_a_headline_ends_before_the_headlines_common_words() -> None:
    text = "Former President Kirby Had Signed Rules That Cost Farmers\n\nThe rules had been signed by Kirby."
    doc = Doc(get_kb(), tokenize(text), None, text)
    at = next(n for n, t in enumerate(doc.toks) if t.raw == "Kirby")
    assert name_run(doc, at) == 1
    plain = "Former President Kirby Had Signed Rules That Cost Farmers\n\nThe rules were signed by Kirby."
    doc = Doc(get_kb(), tokenize(plain), None, plain)
    assert name_run(doc, at) > 1


def test_a_plural_name_the_article_gives_an_article_is_a_team_not_a_person() -> None:
    text = "The Hornets lost again. Hornets kicker Tom Vale missed twice, Williams said."
    doc = Doc(get_kb(), tokenize(text), "2012-11-01", text)

    def kind(name: str, nth: int = 0) -> str:
        at = -1
        for _ in range(nth + 1):
            at = text.index(name, at + 1)
        return person_or_org(doc, Entity(name, "PERSON", at, at + len(name)))

    assert kind("Hornets", 1) == "ORG"
    assert kind("Williams") == "PERSON"
    assert kind("Tom Vale") == "PERSON"


def test_a_persons_name_in_the_possessive_tagged_as_an_organisation_is_a_person() -> None:
    text = "It is the second book of Maria Lopez 's series, and Acme 's printers are busy."
    doc = Doc(get_kb(), tokenize(text), "2012-11-01", text)

    def kind(name: str) -> str:
        at = text.index(name)
        return person_or_org(doc, Entity(name, "ORG", at, at + len(name)))

    assert kind("Maria Lopez 's") == "PERSON"
    assert kind("Acme 's") == "ORG"


def test_two_names_joined_by_and_are_no_one_name() -> None:
    kb = get_kb()
    text = "It was only a matter of time before Kemp and Rowe met again. Kemp said he was glad."
    joined, alone = _entity(text, "Kemp and Rowe", "ORG"), _entity(text, "Kemp said", "PERSON")
    alone = Entity("Kemp", "PERSON", alone.start, alone.start + 4)
    assert not_an_actor(kb, text, joined, (joined, alone))
    assert not no_actor("Procter and Gamble said on Monday it would cut prices.", "Procter and Gamble", "ORG")
