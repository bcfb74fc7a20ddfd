"""The writer's card the page adds to an article (a biography in the third person) is not its body."""

from __future__ import annotations

from harbour_story import PARAGRAPHS

from newsfuse import model
from newsfuse.clean.html import drop_author_card, post_filter

CARD = "Lena Ward is a staff writer who has covered the coast and its harbours for the paper since 2015."


def paragraphs(*texts: str) -> list[model.Block]:
    return [model.Block("paragraph", t) for t in texts]


def test_the_writers_biography_after_the_text_is_dropped() -> None:
    kept, removed = drop_author_card(paragraphs(*PARAGRAPHS, CARD), [], "Lena Ward")
    assert [b.text for b in kept] == list(PARAGRAPHS)
    assert [(r.text, r.reason) for r in removed] == [(CARD, "author card")]
    # a card inside the text (a box between sections) goes, the text after it stays
    kept, _ = drop_author_card(paragraphs(*PARAGRAPHS, CARD, PARAGRAPHS[0]), [], "Lena Ward")
    assert [b.text for b in kept] == [*PARAGRAPHS, PARAGRAPHS[0]]


def test_the_name_in_a_sentence_of_the_text_or_early_on_is_kept() -> None:
    quoted = "Lena Ward said the board had not answered her questions about the cost."  # no verb of a biography
    page = paragraphs(*PARAGRAPHS, quoted)
    assert drop_author_card(page, [], "Lena Ward") == (page, [])
    early = paragraphs(CARD, *PARAGRAPHS)  # in the first half: a profile's opening, not a card
    assert drop_author_card(early, [], "Lena Ward") == (early, [])
    # no byline, or a one-word one: nothing to recognise a card by
    card = paragraphs(*PARAGRAPHS, CARD)
    assert drop_author_card(card, [], None) == (card, [])
    assert drop_author_card(card, [], "Lena") == (card, [])


def test_post_filter_drops_the_card_of_any_named_writer() -> None:
    second = "Tom Reed holds a degree in marine engineering and writes about ports."
    meta = {"title": "Harbour board votes", "author": "Lena Ward and Tom Reed"}
    kept, removed, _ = post_filter(paragraphs(*PARAGRAPHS, CARD, second), meta)
    assert [b.text for b in kept] == list(PARAGRAPHS)
    assert {r.reason for r in removed} == {"author card"}


def test_the_given_name_alone_opens_a_card_only_at_the_end_of_the_body() -> None:
    short = "Lena has written about ports since 2015 and lives on the island with her two dogs."
    kept, removed = drop_author_card(paragraphs(*PARAGRAPHS, short), [], "Lena Ward")
    assert [b.text for b in kept] == list(PARAGRAPHS)
    assert [r.reason for r in removed] == ["author card"]
    # further up the second half, the given name alone may be someone in the story: kept
    inside = paragraphs(*PARAGRAPHS, PARAGRAPHS[0], short, *PARAGRAPHS)
    assert drop_author_card(inside, [], "Lena Ward") == (inside, [])
    # a byline that is the company's ("QCY Official"): its first word names the company in the text
    company = paragraphs(*PARAGRAPHS, "QCY is already embracing these trends with its range of headphones.")
    assert drop_author_card(company, [], "QCY Official", "QCY Official") == (company, [])
