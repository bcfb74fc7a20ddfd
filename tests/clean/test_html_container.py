"""What follows the article's element on the page is not the article's text."""

from __future__ import annotations

import lxml.html
import pytest
from wcxb_pages import wcxb_page  # tests/clean/wcxb_pages.py

from newsfuse import model
from newsfuse.clean import html
from newsfuse.clean.html import clean_html, cut_after_container, leading_subheadings

STORY = [
    "The harbour board met on Monday to discuss the new ferry timetable for the winter months.",
    "Members agreed that the early crossing would stay, although fewer passengers use it in January.",
    "The late crossing, by contrast, will run only on Fridays and Saturdays until the end of March.",
]
PITCH = "Book a crossing today and save ten percent on your first return ticket"  # a pitch, no sentence


def page(after: str = "", inside: str = "") -> str:
    return (
        "<html><body><nav><a href='/'>Home</a></nav><main><div class='story'>"
        + "".join(f"<p>{t}</p>" for t in STORY)
        + inside
        + f"</div>{after}</main></body></html>"
    )


def blocks(*texts: str) -> list[model.Block]:
    return [model.Block("paragraph", t) for t in texts]


def texts(body: list[model.Block]) -> list[str]:
    return [b.text for b in body]


def test_the_blocks_after_the_article_s_element_are_dropped() -> None:
    tree = lxml.html.fromstring(page(f"<div class='promo'><h3>Ferry deals</h3><p>{PITCH}</p></div>"))
    kept, removed = cut_after_container(blocks(*STORY, "Ferry deals", PITCH), tree)
    assert texts(kept) == STORY
    assert [r.text for r in removed] == ["Ferry deals", PITCH]
    assert {r.reason for r in removed} == {"after the article's element"}


def test_the_article_s_own_last_blocks_stay() -> None:
    tree = lxml.html.fromstring(page(inside=f"<p>{PITCH}</p>"))
    kept, removed = cut_after_container(blocks(*STORY, PITCH), tree)
    assert texts(kept) == [*STORY, PITCH]
    assert removed == []


def test_a_block_not_found_in_the_page_is_no_evidence_of_the_end() -> None:
    joined = "Fares for residents stay as they are. Visitors will pay a little more at the busiest times."
    tree = lxml.html.fromstring(page(f"<p>{PITCH}</p>"))
    kept, _ = cut_after_container(blocks(*STORY, joined, PITCH), tree)
    assert texts(kept) == [*STORY, joined]


def test_nothing_before_the_article_s_element_is_dropped() -> None:
    tree = lxml.html.fromstring(page().replace("<main>", f"<main><aside><p>{PITCH}</p></aside>"))
    body = blocks(PITCH, *STORY)
    assert cut_after_container(body, tree) == (body, [])


def test_a_body_with_one_prose_block_is_left_alone() -> None:
    tree = lxml.html.fromstring(page(f"<p>{PITCH}</p>"))
    body = blocks(STORY[0], PITCH)
    assert cut_after_container(body, tree) == (body, [])


def test_real_page_ends_with_its_article_not_the_health_library_after_it() -> None:
    # a health article followed by the site's library of other articles' summaries (WCXB dev, fold 2)
    doc, truth = wcxb_page("0027")
    body = texts(list(clean_html(doc).blocks))
    assert body[-1] in truth["main_content"]
    assert body[-1].startswith("Occasionally, your meditation may lead to a quiet mind")
    assert "Health Library" not in body


ABOUT = (
    "Harbour Lines is a family-owned ferry company that has carried passengers between the islands "
    "since 1952 and employs two hundred people."
)


def test_what_follows_the_article_s_own_part_in_the_same_wrapper_is_dropped() -> None:
    # the company's description shares <main> with the story, so <main> holds 95 % of the prose
    tree = lxml.html.fromstring(page(f"<div class='about'><p>{ABOUT}</p></div>"))
    kept, removed = cut_after_container(blocks(*STORY, ABOUT), tree)
    assert texts(kept) == STORY
    assert [r.text for r in removed] == [ABOUT]


def test_the_article_s_other_chunk_after_a_gallery_stays() -> None:
    # a site builder sets the text in blocks of one kind around a gallery block: both hold the article
    more = "Tickets for both crossings can be bought on board or at the harbour office."
    story = "".join(f"<p>{t}</p>" for t in STORY)
    tree = lxml.html.fromstring(
        f"<html><body><main><div class='text-block'>{story}</div><div class='gallery'><p>Harbour view</p></div>"
        f"<div class='text-block'><p>{more}</p></div></main></body></html>"
    )
    body = blocks(*STORY, "Harbour view", more)
    assert cut_after_container(body, tree) == (body, [])


def test_an_element_whose_own_text_holds_the_prose_is_its_own_part() -> None:
    # the story is the wrapper's own text, not a child's; what follows it inside the wrapper stays
    own = " ".join(STORY)
    note = "Harbour Lines has carried passengers between the islands since 1952."
    tree = lxml.html.fromstring(
        f"<html><body><main><div class='story'>{own}<div class='note'><p>{note}</p></div></div></main></body></html>"
    )
    body = blocks(own, note)
    assert cut_after_container(body, tree) == (body, [])


def test_a_part_that_is_one_list_is_no_section_of_the_page() -> None:
    # the element holds its paragraphs and lists directly: the longest list is not where the article ends
    items = "".join(f"<li>{t}</li>" for t in STORY)
    tree = lxml.html.fromstring(f"<html><body><main><ol>{items}</ol><p>{ABOUT}</p></main></body></html>")
    body = blocks(*STORY, ABOUT)
    assert cut_after_container(body, tree) == (body, [])


def test_real_abstract_page_ends_with_its_abstract_not_the_citation_tools() -> None:
    # an arXiv abstract page: the abstract's part, then the same wrapper's reference and citation tools
    # (WCXB dev, fold 0)
    doc, truth = wcxb_page("0380")
    body = texts(list(clean_html(doc).blocks))
    assert body[-1].endswith(" ".join(truth["main_content"].split())[-80:])  # the abstract's last words
    assert "Bibliographic and Citation Tools" not in body


def dropped_as_headline(*texts: str) -> list[model.RemovedLine]:
    return [model.RemovedLine(0, t, "headline or standfirst") for t in texts]


def test_a_subheading_opening_the_article_s_element_is_the_article_s() -> None:
    # the headline and its kicker stand in the page's header; the first subheading opens the story's element
    tree = lxml.html.fromstring(
        page(inside="").replace(
            "<main><div class='story'>",
            "<main><header><p>Ferries</p><h1>Winter timetable agreed</h1></header>"
            "<div class='story'><h2>What changes this winter</h2>",
        )
    )
    removed = dropped_as_headline("Ferries", "Winter timetable agreed", "What changes this winter")
    assert leading_subheadings(blocks(*STORY), removed, tree) == ["What changes this winter"]


def test_the_article_s_element_is_found_once_for_the_cut_and_the_subheadings(monkeypatch: pytest.MonkeyPatch) -> None:
    page_html = page(f"<div class='promo'><p>{PITCH}</p></div>").replace(
        "<div class='story'>", "<h1>Winter timetable agreed</h1><div class='story'><h2>What changes this winter</h2>"
    )
    tree = lxml.html.fromstring(page_html)
    found, find = [], html._article_element
    monkeypatch.setattr(html, "_article_element", lambda *a: found.append(1) or find(*a))
    article = model.Article(
        id="x",
        source_path="x.html",
        format="html",
        title=None,
        published=None,
        outlet=None,
        author=None,
        blocks=tuple(blocks(*STORY, PITCH)),
        removed=tuple(dropped_as_headline("Winter timetable agreed", "What changes this winter")),
    )
    done = html._within_container(article, tree, html._elements_by_text(tree))
    assert done is not None
    assert texts(list(done.blocks)) == ["What changes this winter", *STORY]
    assert [r.text for r in done.removed] == ["Winter timetable agreed", PITCH]
    assert len(found) == 1


def test_headings_outside_the_article_s_element_stay_dropped() -> None:
    tree = lxml.html.fromstring(page().replace("<main>", "<main><h1>Winter timetable agreed</h1>"))
    assert leading_subheadings(blocks(*STORY), dropped_as_headline("Winter timetable agreed"), tree) == []


def test_real_page_keeps_the_subheadings_that_open_its_article() -> None:
    # a list of tips whose first two headings open the article's own element (WCXB dev, fold 0)
    doc, truth = wcxb_page("0177")
    opening = list(clean_html(doc).blocks)[:2]
    assert [b.kind for b in opening] == ["heading", "heading"]
    assert all(b.text in truth["main_content"] for b in opening)
    assert opening[1].text == "Tip #1 - You are a target to hackers"


VERDICT = "The new timetable is a fair compromise, and the board will review it again in the spring."


def chart_page(after: str) -> str:
    # the story in a chart block of the wrapper, then the wrapper's own heading and paragraph
    story = "".join(f"<p>{t}</p>" for t in STORY)
    return (
        f"<html><body><main><div class='entry'><div class='chart'>{story}</div>"
        f"<h2>Our verdict</h2><p>{VERDICT}</p>{after}</div></main></body></html>"
    )


def test_the_article_s_closing_section_after_its_main_part_stays() -> None:
    tree = lxml.html.fromstring(chart_page(""))
    body = blocks(*STORY, "Our verdict", VERDICT)
    assert cut_after_container(body, tree) == (body, [])


def test_paragraphs_followed_by_another_part_of_the_element_are_no_closing_section() -> None:
    # back matter: the element's own paragraphs, then its reference list
    source = "Harbour board minutes, 3 November"
    tree = lxml.html.fromstring(chart_page(f"<div class='refs'><p>{source}</p></div>"))
    kept, removed = cut_after_container(blocks(*STORY, "Our verdict", VERDICT, source), tree)
    assert texts(kept) == STORY
    assert [r.text for r in removed] == ["Our verdict", VERDICT, source]


def test_real_page_keeps_its_closing_section_after_the_product_list() -> None:
    # a buying guide: the products in one block of the post, then the post's own closing heading and
    # paragraph (WCXB dev, fold 2)
    doc, truth = wcxb_page("0500")
    closing = list(clean_html(doc).blocks)[-2:]
    assert closing[0].text == "Make your home beautiful in and out"
    assert closing[1].text.startswith("You've focused on what happens inside your home.")
    gold = " ".join(truth["main_content"].split())
    assert all(" ".join(b.text.split())[:60] in gold for b in closing)


QUESTION = "When does the winter timetable start?"
ANSWER = "The winter timetable starts on the first Monday of November and runs until the end of March."


def questions_page(faq: str, outside: str = "") -> str:
    # the story in a chart block of the post, then the post's own questions (or a box of something else)
    story = "".join(f"<p>{t}</p>" for t in STORY)
    entry = f"<div class='entry'><div class='chart'>{story}</div>{faq}</div>"
    return f"<html><body><main>{entry}</main>{outside}</body></html>"


def test_the_article_s_own_questions_after_its_main_part_stay() -> None:
    tree = lxml.html.fromstring(
        questions_page(f"<div class='faq'><h2>Frequently asked questions</h2><h3>{QUESTION}</h3><p>{ANSWER}</p></div>")
    )
    body = [
        *blocks(*STORY),
        model.Block("heading", "Frequently asked questions"),
        model.Block("heading", QUESTION),
        *blocks(ANSWER),
    ]
    assert cut_after_container(body, tree) == (body, [])


def test_a_box_after_the_main_part_without_questions_is_dropped() -> None:
    tree = lxml.html.fromstring(questions_page(f"<div class='box'><h2>Our offers</h2><p>{ANSWER}</p></div>"))
    kept, removed = cut_after_container([*blocks(*STORY), model.Block("heading", "Our offers"), *blocks(ANSWER)], tree)
    assert texts(kept) == STORY
    assert [r.text for r in removed] == ["Our offers", ANSWER]


def test_questions_outside_the_article_s_element_do_not_keep_what_follows_its_main_part() -> None:
    tree = lxml.html.fromstring(
        questions_page(f"<div class='box'><p>{ANSWER}</p></div>", outside="<div class='faq'><h2>FAQ</h2></div>")
    )
    kept, removed = cut_after_container([*blocks(*STORY, ANSWER), model.Block("heading", "FAQ")], tree)
    assert texts(kept) == STORY
    assert [r.text for r in removed] == [ANSWER, "FAQ"]


def test_real_buying_guide_keeps_its_advice_and_questions_after_the_product_chart() -> None:
    # a laptop guide: the products in a chart block of the post, then the post's buying advice and its FAQ
    # (WCXB dev, fold 0)
    doc, truth = wcxb_page("4014")
    body = texts(list(clean_html(doc).blocks))
    for heading in ("How to choose the best laptop", "FAQ", "What is a Copilot+ laptop?"):
        assert heading in truth["main_content"]
        assert heading in body
