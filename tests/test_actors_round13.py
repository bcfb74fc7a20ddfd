"""Issue 20 item 6, round 13: a bare surname names a person of the knowledge base's own list only as news
names people: after the article names that person in full or by a title and the surname, or while the person
holds a listed office on the article's date; and the national politicians of 2015-16 are in that list. Each
shown on sentences written for the test."""

from __future__ import annotations

from conftest import ids_over, named_mentions

from newsfuse.actors import get_kb, link
from newsfuse.model import AnnotatedArticle, Article, Block
from newsfuse.nlp import annotate


def linked(text: str, published: str | None) -> AnnotatedArticle:
    article = Article("r13-" + str(published), "test", "text", None, published, None, None, (Block("paragraph", text),))
    (annotated,) = annotate([article])
    return link(annotated)


def test_a_listed_surname_alone_is_no_listed_person_out_of_office_or_on_no_date():
    text = "Deputies found the stolen truck behind a barn. Sanders, 34, was charged with burglary on Friday."
    for published in (None, "1985-03-01"):  # no date; a date before any listed term of his
        assert "person:bernie-sanders" not in ids_over(linked(text, published), "Sanders")


def test_a_listed_surname_after_another_full_name_is_that_person():
    text = "Deputies arrested Kyle Sanders behind a barn. Sanders, 34, was charged with burglary on Friday."
    assert ids_over(linked(text, "2016-03-01"), "Sanders", 1) == ["person:kyle-sanders"]


def test_a_listed_surname_after_the_full_name_or_a_title_is_the_listed_person():
    full = linked("Bernie Sanders spoke in Iowa on Monday. Later, Sanders met voters in a diner.", None)
    assert ids_over(full, "Sanders", 1) == ["person:bernie-sanders"]
    titled = linked("Gov. Christie vetoed the bill on Monday, and the Assembly did not override it.", None)
    assert ids_over(titled, "Christie") == ["person:chris-christie"]


def test_a_listed_surname_alone_is_the_person_in_office_on_the_date():
    ann = linked("Kasich signed the budget on Tuesday, a day before the deadline.", "2016-06-28")
    assert ids_over(ann, "Kasich") == ["person:john-kasich"]
    actor = next(m.actor for m in named_mentions(ann) if m.text == "Kasich")
    assert (actor.country, actor.sector, actor.role) == ("USA", "GOV", "Governor")


def test_the_2016_candidates_are_listed_with_their_offices():
    kb = get_kb()
    cruz = kb.resolve("Ted Cruz", "2016-02-01")
    assert cruz is not None and (cruz.country, cruz.sector, cruz.role) == ("USA", "LEG", "Senator")
    bush = kb.resolve("Jeb Bush", "2016-02-01")  # out of office since 2007: an elite, no office holder
    assert bush is not None and (bush.country, bush.sector) == ("USA", "ELI")
    assert not kb.entries["person:jeb-bush"].in_office("2016-02-01")
    assert kb.resolve("Carly Fiorina", "2016-02-01") is not None
    rubio = kb.resolve("Marco Rubio", "2016-02-01")
    assert rubio is not None and rubio.role == "Senator"


def test_round13_mechanisms_on_sentences_of_our_own():
    text = (
        "One Arizona Department of Transportation sign read that. The Border Patrol agents cannot hear smugglers. "
        "Thousands of Muslim Americans in New Jersey celebrated, the claim went. He talked about Israel.\n\n"
        "Senator Marco Rubio said it was wrong."
    )
    ann = linked(text, None)
    assert ids_over(ann, "Arizona Department of Transportation") == ["gov:USA"]  # the state's, not the federal one
    assert ids_over(ann, "Border Patrol") == ["cop:USA"]  # a state's own body, tagged as a person
    assert ids_over(ann, "Muslim Americans") == ["cvl:USA"]  # a faith's adjective joined to 'Americans'
    assert ids_over(ann, "Senator Marco Rubio") == ["person:marco-rubio"]
    assert "person:marco-rubio" not in ids_over(ann, "Israel")  # no title's prefix across a paragraph break
