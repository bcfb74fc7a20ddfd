"""List items of an article page stay in its body; a blog's tag and category lines do not."""

from __future__ import annotations

from newsfuse import model
from newsfuse.clean.html import _chrome_reason as chrome_reason
from newsfuse.clean.html import post_filter

PROSE = (
    "The agency was founded in a small office above a bakery and now employs two hundred people across "
    "four cities, most of them designers and analysts who came from newsrooms."
)


def paragraphs(*texts: str) -> list[model.Block]:
    return [model.Block("paragraph", t) for t in texts]


def body_after_filter(*texts: str) -> tuple[list[str], dict[str, str]]:
    kept, removed, _ = post_filter(paragraphs(*texts), {"title": "The ten agencies worth hiring this year"})
    return [b.text for b in kept], {r.text: r.reason for r in removed}


def test_a_comma_list_item_of_the_article_stays() -> None:
    # the text-dump cleaner calls such lines keyword lists; on a web page they are the article's list
    items = (
        "Industries served: healthcare, retail, finance, logistics",
        "Key services: paid social, search, email marketing, analytics",
    )
    mentions = (
        "Its clients come from healthcare, retail, finance and logistics, and it sells paid social, search, "
        "email marketing and analytics to all of them."
    )
    kept, removed = body_after_filter(PROSE, mentions, *items, PROSE.replace("bakery", "garage"))
    assert all(item in kept for item in items), removed


def test_tag_and_category_lines_are_dropped_as_tag_lines() -> None:
    kept, removed = body_after_filter(
        PROSE, "Tags: agencies, marketing, hiring", "Posted in Marketing, Agencies", "Filed under: Business |"
    )
    assert kept == [PROSE]
    assert set(removed.values()) == {"tag line"}


def test_a_sentence_that_opens_with_posted_in_is_no_tag_line() -> None:
    assert chrome_reason("Posted in 2019, the video was watched four million times.") is None
    assert chrome_reason("Topics: agencies, hiring") == "tag line"
