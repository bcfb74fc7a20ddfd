"""A page that prints its article twice (a mobile and a desktop copy) gives it once."""

from __future__ import annotations

from harbour_story import PARAGRAPHS

from newsfuse import model
from newsfuse.clean.html import clean_html, drop_repeated_runs


def paragraphs(*texts: str) -> list[model.Block]:
    return [model.Block("paragraph", t) for t in texts]


def test_a_second_copy_of_the_article_is_dropped_with_its_headings() -> None:
    copy = [model.Block("heading", "The vote"), *paragraphs(*PARAGRAPHS)]
    kept, removed = drop_repeated_runs([*copy, *copy, model.Block("paragraph", "Share this story")], [])
    assert [b.text for b in kept] == ["The vote", *PARAGRAPHS, "Share this story"]
    assert [r.text for r in removed] == ["The vote", *PARAGRAPHS]
    assert {r.reason for r in removed} == {"repeated copy"}


def test_a_short_label_repeated_alone_stays() -> None:
    body = [
        model.Block("heading", "Pros"),
        *paragraphs(PARAGRAPHS[0]),
        model.Block("heading", "Pros"),
        *paragraphs(PARAGRAPHS[1]),
    ]
    kept, removed = drop_repeated_runs(body, [])
    assert kept == body and removed == []


def test_a_sentence_quoted_again_stays() -> None:
    quote = "Work will start in the spring and last eighteen months."
    body = paragraphs(quote, *PARAGRAPHS, quote)
    kept, removed = drop_repeated_runs(body, [])
    assert kept == body and removed == []


def test_a_page_with_a_mobile_and_a_desktop_copy_gives_the_article_once() -> None:
    copy = "<h2>The vote</h2>" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    section = f'<div class="section"><div class="contain"><div class="rte">{copy}</div></div></div>'
    page = (
        "<html><head><title>Breakwater to be extended</title></head><body><div class='page'><div class='main'>"
        f'<div class="layout">{section}</div><div class="layout gated">{section}</div>'
        "</div></div></body></html>"
    )
    doc = model.RawDocument(source_path="p.html", format="html", text=page, input_sha256="x", meta={"html": True})
    text = "\n".join(b.text for b in clean_html(doc).blocks)
    assert all(text.count(p) == 1 for p in PARAGRAPHS)
