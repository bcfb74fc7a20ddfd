"""A body cut short inside its own container gets the container's missing prose back."""

from __future__ import annotations

import lxml.html
from wcxb_pages import WCXB, wcxb_page  # tests/clean/wcxb_pages.py

from newsfuse import model
from newsfuse.clean.html import clean_html, complete_body

KEPT = [
    "The harbour board met on Monday to discuss the new ferry timetable for the winter months.",
    "Members agreed that the early crossing would stay, although fewer passengers use it in January.",
]
WRAPPED = [
    "The late crossing, by contrast, will run only on Fridays and Saturdays until the end of March.",
    "Fares for residents stay as they are, while visitors will pay a little more at the busiest times.",
    "The board will review the timetable again in the spring, once the new vessel has been delivered.",
]


def page(extra: str = "", wrapped: list[str] = WRAPPED) -> str:
    inner = "".join(f"<p>{t}</p>" for t in wrapped)
    return (
        "<html><body><nav><a href='/'>Home</a></nav><div class='story'>"
        + "".join(f"<p>{t}</p>" for t in KEPT)
        + "<h2>What changes</h2>"
        + f"<div class='embed'><div class='table-wrap'>{inner}</div></div>{extra}</div>"
        + "<footer><p>All rights reserved by the harbour board, whose offices are closed on Sundays.</p></footer>"
        + "</body></html>"
    )


def body() -> list[model.Block]:
    return [model.Block("paragraph", t) for t in KEPT]


def texts(blocks: list[model.Block]) -> list[str]:
    return [b.text for b in blocks]


def test_the_container_s_missing_paragraphs_come_back_in_page_order() -> None:
    out = complete_body(body(), lxml.html.fromstring(page()))
    assert texts(out) == [*KEPT, "What changes", *WRAPPED]
    assert out[2].kind == "heading"


def test_teasers_comments_and_furniture_are_not_taken() -> None:
    extra = (
        "<div class='comments'><p>I have taken the early ferry every winter for years and it is always empty.</p></div>"
        "<a href='/other'><p>Another story about the harbour that the page links to, with its own summary.</p></a>"
        "<aside><p>Sign up for our weekly letter about everything that happens on the island and beyond.</p></aside>"
    )
    assert texts(complete_body(body(), lxml.html.fromstring(page(extra)))) == [*KEPT, "What changes", *WRAPPED]


def test_a_stray_paragraph_or_two_is_no_evidence_of_a_cut() -> None:
    tree = lxml.html.fromstring(page(wrapped=WRAPPED[:2]))
    assert complete_body(body(), tree) == body()


def test_a_body_spread_over_the_whole_page_is_left_alone() -> None:
    html = "<html><body>" + "".join(f"<p>{t}</p>" for t in KEPT + WRAPPED) + "</body></html>"
    assert complete_body(body(), lxml.html.fromstring(html)) == body()


def test_real_page_gets_the_sections_after_its_table_wrapper() -> None:
    # a blog post whose extracted body stops at a table wrapped in an embed; the text after it is
    # inside the same rich-text container
    doc, truth = wcxb_page("0061")
    text = "\n".join(b.text for b in clean_html(doc).blocks)
    assert "The customary practice is to tip based on the pre-tax amount of your bill." in text
    assert "The customary practice is to tip based on the pre-tax amount of your bill." in truth["main_content"]


def test_footnotes_and_notes_by_their_role_are_not_the_missing_prose() -> None:
    notes = "".join(f"<li class='fn-text'>{t}</li>" for t in WRAPPED)
    html = (
        "<html><body><div class='story'>"
        + "".join(f"<p>{t}</p>" for t in KEPT)
        + f"<ol>{notes}</ol>"
        + "<div role='doc-endnotes'>"
        + "".join(f"<p>{t}</p>" for t in WRAPPED)
        + "</div><div role='complementary'>"
        + "".join(f"<p>{t}</p>" for t in WRAPPED)
        + "</div></div></body></html>"
    )
    assert complete_body(body(), lxml.html.fromstring(html)) == body()
    # the same paragraphs in a plain wrapper are the body's missing part
    plain = html.replace("class='fn-text'", "").replace("role='doc-endnotes'", "").replace("role='complementary'", "")
    assert texts(complete_body(body(), lxml.html.fromstring(plain)))[:5] == [*KEPT, *WRAPPED]


def test_a_card_wrapping_blocks_gives_its_paragraphs_not_its_whole_text() -> None:
    cards = "".join(f"<li><h3>Ferry {n}</h3><span>{n}12 likes</span><p>{t}</p></li>" for n, t in enumerate(WRAPPED, 1))
    html = (
        "<html><body><div class='story'>"
        + "".join(f"<p>{t}</p>" for t in KEPT)
        + f"<ul>{cards}</ul></div></body></html>"
    )
    out = texts(complete_body(body(), lxml.html.fromstring(html)))
    assert [t for t in out if t not in KEPT and not t.startswith("Ferry")] == WRAPPED  # no "312 likes" glued on


def test_a_quotation_set_in_a_figure_is_text_but_an_illustration_is_not() -> None:
    quoted = "".join(f"<p>{t}</p>" for t in WRAPPED)
    html = (
        "<html><body><div class='story'>"
        + "".join(f"<p>{t}</p>" for t in KEPT)
        + f"<figure><img src='ferry.jpg'><figcaption><p>{WRAPPED[0]}</p></figcaption></figure>"
        + f"<figure><blockquote>{quoted}</blockquote><figcaption>The harbour master</figcaption></figure>"
        + "</div></body></html>"
    )
    out = texts(complete_body(body(), lxml.html.fromstring(html)))
    assert out == [*KEPT, *WRAPPED]  # the caption's copy of the first is not taken, the quotation is


def test_real_page_keeps_the_quotations_its_figures_hold() -> None:
    # an SEO outlook whose experts' quotes stand in <figure><blockquote>...</blockquote><figcaption>
    page_id = next(p.name[: -len(".html.gz")] for p in (WCXB / "html").glob("0041*.html.gz"))
    doc, truth = wcxb_page(page_id)
    quote = "SEO has gone from a singular profession to a company-wide practice."
    assert quote in truth["main_content"]
    assert any(quote in b.text for b in clean_html(doc).blocks)
