"""What follows the article's element on the page is not the article's text."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import lxml.html

from newsfuse import model
from newsfuse.clean.html import clean_html, cut_after_container

WCXB = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus" / "extraction" / "wcxb-dev-articles"

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
    html = gzip.decompress((WCXB / "html" / "0027.html.gz").read_bytes()).decode("utf-8")
    truth = json.loads((WCXB / "truth.json").read_text(encoding="utf-8"))["0027"]
    doc = model.RawDocument(
        source_path="0027.html", format="html", text=html, input_sha256="x", meta={"html": True}, url=truth["url"]
    )
    body = texts(list(clean_html(doc).blocks))
    assert body[-1] in truth["main_content"]
    assert body[-1].startswith("Occasionally, your meditation may lead to a quiet mind")
    assert "Health Library" not in body
