"""A bare surname the tagger calls an organisation is the knowledge base's office holder when that
person is in office on the article's date ("Pence said ..." in 2018 was linked as org:pence)."""

from __future__ import annotations

from newsfuse.actors import link
from newsfuse.model import Article, Block
from newsfuse.nlp import annotate


def linked_ids(text: str, published: str) -> list[str | None]:
    article = Article("a-" + published, "test", "text", None, published, None, None, (Block("paragraph", text),))
    (annotated,) = annotate([article])
    return [m.actor.actor_id for m in link(annotated).actors if not m.bare]


def test_an_office_holders_surname_tagged_as_an_organisation_is_the_person_in_office():
    assert linked_ids("Pence said the plan would fail.", "2018-05-01") == ["person:mike-pence"]


def test_out_of_office_or_after_the_it_stays_what_the_tagger_says():
    assert linked_ids("Pence said the plan would fail.", "2012-05-01") != ["person:mike-pence"]  # not yet in office
    assert "person:mike-pence" not in linked_ids("The Pence rule was dropped on Monday.", "2018-05-01")
