"""Parties, bodies and the press the linker left unlinked or coded wrong (events round 11, by the CAMEO actor
codebook's conventions): a Phoenix name qualified by a country in brackets is no bare alias (France's National
Front is no Greek armed group), a body the knowledge base does not know takes the one country its own name names
(a domestic body), 'the media' heading an actor's phrase is the news media (MED), and 'the former secretary of
state' is the one person the article named who had left that office. Sentences from gsr-dev and PolNeAR."""

from __future__ import annotations

import json

import pytest
from polnear_coding import ROOT, gsr_text, polnear_sentence  # tests/events/polnear_coding.py

from newsfuse.actors import get_kb, link
from newsfuse.actors.text import key
from newsfuse.model import ActorMention, AnnotatedArticle, Article, Block, article_id
from newsfuse.nlp.pipeline import annotate

MUNICIPALITIES = "PLOVER-GSR01-DEMAND-0008"  # "Montenegro Municipality Association (AKK) officials demanded ..."
BUS_COMPANY = "PLOVER-GSR01-DEMAND-0027"  # "... pressuring workers of the United Bus Company of Tehran ..."
PENCE = ("politico_2016-08-11_pence-blames-media-for-trump-s-o", "blamed the media")
PRESS_SECRETARY = ("breitbart_2015-12-16_newspaper-defense-secretary-used", "press secretary, Peter Cook")
CLINTON = ("huff-post_2016-06-23_why-hillary-clinton-s-attacks-on", "has been criticizing Donald Trump")
FORMER = ("huff-post_2016-06-23_why-hillary-clinton-s-attacks-on", "The former secretary of state mocked")


def _linked(text: str, published: str | None = None) -> AnnotatedArticle:
    blocks = (Block("paragraph", text),)
    [annotated] = annotate([Article(article_id(blocks), "test", "text", None, published, None, None, blocks)])
    return link(annotated)


def _at(annotated: AnnotatedArticle, words: str) -> list[ActorMention]:
    start = annotated.article.text.index(words)
    return [m for m in annotated.actors if m.start < start + len(words) and start < m.end and not m.bare]


def test_country_qualified_phoenix_name_is_no_bare_alias():
    kb = get_kb()
    assert "org:revolutionary-people-s-struggle" not in kb.index.get(key("National Front"), [])
    assert "org:revolutionary-people-s-struggle" not in kb.index.get(key("Greece"), [])
    assert "org:revolutionary-people-s-struggle" in kb.index.get(key("Revolutionary Popular Struggle"), [])


@pytest.mark.parametrize(
    ("record", "words", "iso"),
    [(MUNICIPALITIES, "Montenegro Municipality Association", "MNE"), (BUS_COMPANY, "United Bus Company", "IRN")],
)
def test_unknown_body_takes_the_country_its_name_names(record, words, iso):
    (body,) = _at(_linked(gsr_text(record)), words)
    assert body.actor.country == iso
    assert body.actor.actor_id.startswith("org:")


def test_the_media_blamed_is_the_news_media():
    (media,) = _at(_linked(polnear_sentence(*PENCE), "2016-08-11"), "the media")
    assert (media.actor.sector, media.actor.country) == ("MED", None)


def test_press_as_a_modifier_is_no_actor():
    linked = _linked(polnear_sentence(*PRESS_SECRETARY), "2015-12-16")
    assert not any(m.actor.sector == "MED" for m in linked.actors)


def test_former_office_names_the_one_holder_named_before():
    text = f"{polnear_sentence(*CLINTON)} {polnear_sentence(*FORMER)}"
    (former,) = _at(_linked(text, "2016-06-23"), "The former secretary of state")
    assert former.actor.actor_id == "person:hillary-clinton"


def test_former_office_without_its_holder_named_links_no_one():
    linked = _linked(polnear_sentence(*FORMER), "2016-06-23")
    assert not any(m.actor.actor_id == "person:hillary-clinton" for m in _at(linked, "The former secretary"))


def test_press_in_a_name_is_no_actor():
    labels = ROOT / "benchmarks" / "data" / "actor_links.jsonl"
    rows = (json.loads(line) for line in labels.read_text(encoding="utf-8").splitlines() if line.strip())
    sentence = next(r["sentence"] for r in rows if r["text"] == "Meet the Press")  # a PolNeAR train sentence
    linked = _linked(sentence, "2016-01-26")
    assert not any(m.actor.sector == "MED" and m.actor.country is None for m in _at(linked, "the Press"))
