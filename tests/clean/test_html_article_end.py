"""What follows an article (other articles, the writer's card, the comment form) is not its body."""

from __future__ import annotations

from harbour_story import PARAGRAPHS

from newsfuse import model
from newsfuse.clean.html import cut_at_article_end, post_filter


def blocks(*items: tuple[str, str]) -> list[model.Block]:
    return [model.Block(kind, text) for kind, text in items]


def body(*extra: tuple[str, str]) -> list[model.Block]:
    return blocks(*(("paragraph", p) for p in PARAGRAPHS), *extra)


def test_a_related_list_after_the_article_is_cut_with_its_heading() -> None:
    page = body(
        ("heading", "Related articles"),
        ("paragraph", "Ferry strike ends after three weeks of talks"),
        ("paragraph", "New lighthouse keeper appointed for the winter"),
    )
    kept, removed = cut_at_article_end(page, [])
    assert [b.text for b in kept] == list(PARAGRAPHS)
    assert [r.text for r in removed] == [
        "Related articles",
        "Ferry strike ends after three weeks of talks",
        "New lighthouse keeper appointed for the winter",
    ]
    assert {r.reason for r in removed} == {"after the article's end"}


def test_the_writer_card_and_comment_form_end_the_article() -> None:
    card = body(("heading", "About the Author"), ("paragraph", "Lena Ward covers the coast for the paper."))
    assert [b.text for b in cut_at_article_end(card, [])[0]] == list(PARAGRAPHS)
    form = body(("heading", "Leave a Reply"), ("paragraph", "Your email address will not be published."))
    assert [b.text for b in cut_at_article_end(form, [])[0]] == list(PARAGRAPHS)


def test_a_marker_in_the_first_half_or_inside_a_sentence_is_kept() -> None:
    early = blocks(("heading", "Related stories"), *(("paragraph", p) for p in PARAGRAPHS))
    assert cut_at_article_end(early, []) == (early, [])
    sentence = body(("paragraph", "Related articles in the local press said the vote was close, " * 3))
    assert cut_at_article_end(sentence, [])[0] == sentence


def test_post_filter_cuts_the_tail_and_keeps_the_reason() -> None:
    page = body(("heading", "You may also like"), ("paragraph", "Ferry strike ends after three weeks of talks"))
    kept, removed, _ = post_filter(page, {"title": "Harbour board votes to extend the breakwater"})
    assert [b.text for b in kept] == list(PARAGRAPHS)
    assert ("You may also like", "after the article's end") in {(r.text, r.reason) for r in removed}


def test_a_teaser_list_longer_than_the_article_is_cut_after_enough_words() -> None:
    # 300+ words of article, then "Read This Next" and teasers with summaries outweighing it:
    # the heading stands in the first half by words, yet well after the article's text
    article = [("paragraph", f"{p} (part {n})") for n in range(4) for p in PARAGRAPHS]
    teasers = [("paragraph", f"Teaser {n}: " + "a summary of another story on the coast " * 6) for n in range(12)]
    page = blocks(*article, ("heading", "Read This Next"), *teasers)
    assert sum(len(b.text.split()) for b in page[: len(article)]) < sum(len(b.text.split()) for b in page) / 2
    kept, removed = cut_at_article_end(page, [])
    assert kept == blocks(*article)
    assert removed[0].text == "Read This Next" and len(removed) == 1 + len(teasers)
    # a short article with the same heading near its top keeps everything (under min_words, first half)
    short = blocks(("paragraph", PARAGRAPHS[0]), ("heading", "Read This Next"), *teasers[:3])
    assert cut_at_article_end(short, []) == (short, [])


def test_more_ways_of_heading_a_list_of_other_articles_end_the_article() -> None:
    for heading in (
        "You may be interested in the following topics as well:",
        "You'll Also Love...",
        "More stories you might like",
        "Also read",
        "If you liked this post you might also like:",
        "Discover more from Coast Post",
    ):
        page = body(("heading", heading), ("paragraph", "Ferry strike ends after three weeks of talks"))
        assert [b.text for b in cut_at_article_end(page, [])[0]] == list(PARAGRAPHS), heading


def test_a_bare_link_label_is_chrome_but_a_sentence_opening_alike_is_not() -> None:
    page = body(("paragraph", "Read More"), ("paragraph", "Learn more >"), ("paragraph", "See all"))
    kept, removed, _ = post_filter(page, {"title": "Harbour board votes"})
    assert [b.text for b in kept] == list(PARAGRAPHS)
    assert {r.reason for r in removed} == {"related link"}
    sentence = body(("paragraph", "See more of the harbour's history in the museum, which opens in May."))
    assert len(post_filter(sentence, {"title": "Harbour board votes"})[0]) == len(PARAGRAPHS) + 1


def test_a_copyright_notice_is_chrome_but_a_sentence_naming_one_is_not() -> None:
    meta = {"title": "Harbour board votes"}
    notice = "Copyright © 2023 Coast Post. All rights reserved. Visit our website terms of use."
    kept, removed, _ = post_filter(body(("paragraph", notice), ("paragraph", "© 2011 Harbour Trust")), meta)
    assert [b.text for b in kept] == list(PARAGRAPHS)
    assert {r.reason for r in removed} == {"copyright notice"}
    sentence = "The photographs, © 2011 Harbour Trust, were lent by its archive for the exhibition in May."
    assert len(post_filter(body(("paragraph", sentence)), meta)[0]) == len(PARAGRAPHS) + 1


LATER = (
    "Engineers from the region will survey the seabed along the new line during the autumn, the chair "
    "said, so that the contractors can order the rock before the first storms of the year arrive.",
    "The fish market will stay open throughout the work, with a temporary wall on its seaward side.",
)


def test_a_related_box_inside_the_article_drops_its_heading_and_the_article_goes_on() -> None:
    # the extractor left the box's links out: running prose that is no link's text follows its heading
    page = body(("heading", "Related Articles"), *(("paragraph", p) for p in LATER))
    kept, removed = cut_at_article_end(page, [])
    assert [b.text for b in kept] == [*PARAGRAPHS, *LATER]
    assert [(r.text, r.reason) for r in removed] == [("Related Articles", "related link")]
    kept, removed, _ = post_filter(page, {"title": "Harbour board votes"})
    assert [b.text for b in kept] == [*PARAGRAPHS, *LATER]


def test_a_list_heading_before_a_teaser_or_a_linked_summary_still_ends_the_article() -> None:
    teaser = body(("heading", "Related Articles"), ("paragraph", "Ferry strike ends after three weeks of talks."))
    assert [b.text for b in cut_at_article_end(teaser, [])[0]] == list(PARAGRAPHS)
    # the same long paragraph is a teaser's summary when it is the text of one of the page's links
    linked = body(("heading", "Related Articles"), ("paragraph", LATER[0]))
    assert [b.text for b in cut_at_article_end(linked, [], links=(LATER[0],))[0]] == list(PARAGRAPHS)
    # the writer's card is no list of links: prose after its heading is the card
    card = body(("heading", "About the Author"), ("paragraph", LATER[0]))
    assert [b.text for b in cut_at_article_end(card, [])[0]] == list(PARAGRAPHS)
