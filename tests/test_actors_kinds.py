"""Issue 20 item 6, the causes behind the misses of seeds 20-27, checked on sentences written for the test
(parsed by the pipeline's spaCy model, then linked): a name after a full stop is no apposition of the
name before it; the noun that describes a name says its kind (a person, an organisation or a work); a
work's title is no actor; a generic state body takes the country the text ties it to.
"""

from __future__ import annotations

import dataclasses

import pytest

from newsfuse.actors import link
from newsfuse.actors.kb import get_kb
from newsfuse.actors.kinds import described_kinds
from newsfuse.actors.roles import Parse
from newsfuse.model import AnnotatedArticle, Article, Block, Entity, article_id

ARTICLES = {
    "full_stop": ("The senator left the White House.", "Obama said the talks had gone well."),
    "joined": ("Russian news agency RIA Novosti said the talks had gone well.",),
    "bracketed": ("Soldiers of the monitoring force in Lebanon (UNIFIL) patrolled the border on Monday.",),
    "pitcher": ("The Hawks talked with pitcher DJ Worrell on Monday.",),
    "website": ("According to Nilefast, the largest IT website in Kenya, the fault was fixed.",),
    "sequel": (
        "The studio will continue the saga with Ember Rising, the long awaited adaptation of the novel.",
        "The cast signed for Ember Rising last week.",
    ),
    "maker": ("The studio hired Moonfall screenwriter Tobin Vale.",),
    "fronted": (
        "According to the Hollin County Police Department, the driver of the third vehicle arrived at the hospital.",
    ),
    "clause": ("The Yankees hired Carl Dorsey, the Mets are the only team without a coach.",),
    "short_bank": ("Marvik Bank said the branch was closed. Marvik's boss visited the site.",),
    "short_body": ("The Interior Department issued a rule. Separately, Interior issued a finding on bears.",),
    "possessor": ("Kenya's People's Council approved the law on Monday.",),
    "demonym": ("The Greek Socialist Party called a strike.",),
    "no_country": ("The People's Council met on Monday.",),
}


@pytest.fixture(scope="module")
def linked(parsed) -> dict[str, AnnotatedArticle]:
    return {name: link(a) for name, a in parsed.items()}


@pytest.fixture(scope="module")
def parsed() -> dict[str, AnnotatedArticle]:
    from newsfuse.nlp import annotate

    names = list(ARTICLES)
    articles = []
    for name in names:
        blocks = tuple(Block("paragraph", p) for p in ARTICLES[name])
        articles.append(Article(article_id(blocks), name, "text", None, "2012-11-01", None, None, blocks))
    return dict(zip(names, annotate(articles)))


def kinds_of(ann: AnnotatedArticle) -> dict[tuple[str, ...], str]:
    return described_kinds(ann.article.text, ann.entities, Parse(ann.tokens), get_kb().not_actors["work_nouns"])


def relabelled(ann: AnnotatedArticle, text: str, label: str) -> AnnotatedArticle:
    """The article as the tagger would have it had it given ``text`` the other kind (as it gives 'CC
    Sabathia' ORG and 'Marfin' PERSON in real reports)."""
    entities = tuple(dataclasses.replace(e, label=label) if e.text == text else e for e in ann.entities)
    assert entities != ann.entities
    return dataclasses.replace(ann, entities=entities)


def linked_names(ann: AnnotatedArticle) -> dict[str, str | None]:
    return {m.text: m.actor.actor_id for m in ann.actors if not m.bare}


def test_a_name_after_a_full_stop_is_not_in_apposition(linked):
    got = linked_names(linked["full_stop"])
    assert got == {"the White House": "gov:USA", "Obama": "person:barack-obama"}


def test_a_joined_agent_phrase_still_introduces_the_name_after_it(linked):
    got = linked_names(linked["joined"])
    assert got == {"Russian news agency RIA Novosti": "media:ria-novosti"}


def test_a_bracketed_name_in_the_same_sentence_is_still_in_apposition(linked):
    got = [(m.actor.actor_id, m.actor.country) for m in linked["bracketed"].actors if not m.bare]
    assert got == [("igo:unifil", "LBN")]


def test_the_noun_that_describes_a_name_says_its_kind(parsed):
    assert kinds_of(parsed["pitcher"])[("dj", "worrell")] == "PERSON"  # a noun before the name
    assert kinds_of(parsed["website"])[("nilefast",)] == "ORG"  # an apposition after it
    assert kinds_of(parsed["sequel"])[("ember", "rising")] == "WORK"  # in every mention of the article
    assert kinds_of(parsed["maker"])[("moonfall",)] == "WORK"  # a name before a noun of a work's maker


def test_a_clause_after_a_comma_is_no_description(parsed):
    assert ("carl", "dorsey") not in kinds_of(parsed["clause"])
    assert ("hollin", "county", "police", "department") not in kinds_of(parsed["fronted"])


def test_the_description_outranks_the_taggers_kind(parsed):
    person = link(relabelled(parsed["pitcher"], "DJ Worrell", "ORG"))
    assert linked_names(person)["DJ Worrell"] == "person:dj-worrell"
    site = link(relabelled(parsed["website"], "Nilefast", "PERSON"))
    assert linked_names(site)["Nilefast"] == "org:nilefast"


def test_a_works_title_is_no_actor(parsed):
    assert linked_names(link(parsed["sequel"])) == {}
    assert "Moonfall" not in linked_names(link(parsed["maker"]))


def test_works_by_the_taggers_labels_when_no_noun_describes_the_name():
    text = "Ember Rising opens today. Fans love Ember Rising. Ember Rising sold out."
    spans = [(m, m + len("Ember Rising")) for m in (0, 36, 50)]
    labels = ("WORK_OF_ART", "WORK_OF_ART", "PERSON")
    entities = tuple(Entity("Ember Rising", lab, a, b) for lab, (a, b) in zip(labels, spans))
    assert described_kinds(text, entities, Parse(()))[("ember", "rising")] == "WORK"
    tie = entities[1:]
    assert ("ember", "rising") not in described_kinds(text, tie, Parse(()))


def test_a_one_word_name_opening_a_firms_name_is_that_firm(parsed):
    bank = link(relabelled(parsed["short_bank"], "Marvik", "PERSON"))
    assert linked_names(bank)["Marvik"] == "org:marvik"


def test_a_one_word_name_opening_a_known_bodys_name_is_that_body(parsed):
    got = linked_names(link(parsed["short_body"]))
    assert got["Interior"] == "org:united-states-department-of-the-interior"


def test_a_generic_body_takes_the_country_the_text_ties_it_to(parsed):
    assert linked_names(link(parsed["possessor"]))["People's Council"] == "leg:KEN"
    assert linked_names(link(parsed["demonym"]))["Greek Socialist Party"] == "pty:GRC"
    alone = [m.actor for m in link(parsed["no_country"]).actors if not m.bare]
    assert [(a.actor_id, a.country) for a in alone] == [("org:people-s-council", None)]


def test_a_dated_phoenix_body_is_no_person():
    """The Phoenix country files date a body's terms as they date a ruler's: the build keeps it a body."""
    entries = get_kb().entries
    assert "org:syrian-observatory-for-human-rights" in entries
    assert "person:syrian-observatory-for-human-rights" not in entries
    assert "igo:warsaw-treaty-organization" in entries
