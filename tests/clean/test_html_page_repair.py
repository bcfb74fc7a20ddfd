"""The page as a browser builds it: content after an early </html>, parts a streaming server sent late."""

from __future__ import annotations

import lxml.html
from wcxb_pages import wcxb_page  # tests/clean/wcxb_pages.py

from newsfuse import model
from newsfuse.clean.html import clean_html, with_streamed_segments, without_early_end_tags

STORY = [
    "The harbour board met on Monday to discuss the new ferry timetable for the winter months.",
    "Members agreed that the early crossing would stay, although fewer passengers use it in January.",
    "The late crossing, by contrast, will run only on Fridays and Saturdays until the end of March.",
]


def real_page(page_id: str) -> tuple[model.RawDocument, str]:
    doc, truth = wcxb_page(page_id)
    return doc, truth["main_content"]


def paragraphs(html: str) -> list[str]:
    return [p.text_content() for p in lxml.html.fromstring(html).iter("p")]


# --------------------------------------------------------------------------- early end tags


def test_the_content_after_an_early_end_of_the_page_is_kept() -> None:
    html = (
        "<html><body><nav><a href='/'>Home</a></nav></body></html><div>"
        + "".join(f"<p>{t}</p>" for t in STORY)
        + "</div>"
    )
    assert paragraphs(html) == []  # libxml2 drops what follows </html>
    assert paragraphs(without_early_end_tags(html)) == STORY


def test_a_page_that_ends_where_it_should_reads_the_same() -> None:
    html = "<html><body>" + "".join(f"<p>{t}</p>" for t in STORY) + "</BODY>\n</html >"
    assert paragraphs(without_early_end_tags(html)) == paragraphs(html) == STORY


def test_real_page_whose_template_closes_the_page_before_the_article() -> None:
    # a blog post printed after the template's </body></html> (WCXB dev, fold 3): the body found was
    # the teasers of the menu above it
    doc, truth = real_page("0310")
    text = "\n".join(b.text for b in clean_html(doc).blocks)
    first = "When defined in the simplest way possible, HR is about people."
    assert first in truth
    assert first in text
    assert "In this type of outsourcing, a third-party firm fulfills all HR needs of a business" in text


# --------------------------------------------------------------------------- streamed segments


def streamed(fallback: str = "<div>Loading paragraph...</div>") -> str:
    return (
        "<html><body><main><h1>Ferries</h1>"
        f"<p>{STORY[0]}</p><!--$?--><template id='B:0'></template>{fallback}<!--/$-->"
        f"<p>{STORY[2]}</p></main><footer><p>Harbour board</p></footer>"
        f"<div hidden id='S:0'><p>{STORY[1]}</p></div>"
        "<script>$RC('B:0','S:0')</script></body></html>"
    )


def test_a_streamed_part_takes_its_placeholder_s_place_and_its_fallback_goes() -> None:
    got = paragraphs(with_streamed_segments(streamed()))
    assert got == [*STORY, "Harbour board"]


def test_a_part_without_its_placeholder_stays_where_it_is() -> None:
    html = streamed().replace("id='B:0'", "id='B:9'")
    assert paragraphs(with_streamed_segments(html)) == [STORY[0], STORY[2], "Harbour board", STORY[1]]


def test_a_page_without_streamed_parts_is_returned_as_it_is() -> None:
    html = "<html><body>" + "".join(f"<p>{t}</p>" for t in STORY) + "</body></html>"
    assert with_streamed_segments(html) is html


def test_real_page_whose_paragraphs_were_streamed_after_its_shell() -> None:
    # a stock guide rendered by React's streaming server (WCXB dev, fold 2): each company's paragraphs
    # stand in hidden <div id="S:n"> at the page's end, moved into <template id="B:n"> by a script
    doc, truth = real_page("0046")
    text = "\n".join(b.text for b in clean_html(doc).blocks)
    paragraph = "The customer relationship management (CRM) specialist was a pioneer of software"
    assert paragraph in truth
    assert paragraph in text
    assert text.index("Cloud computing boomed during the 2010s") < text.index(paragraph)
