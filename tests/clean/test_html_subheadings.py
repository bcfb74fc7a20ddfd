"""Subheadings the extractor dropped come back before the text they head; an article split into
chunks around advertisements gets its other chunks back."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import lxml.html

from newsfuse import model
from newsfuse.clean.html import add_continued_chunks, clean_html, restore_subheadings

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus" / "extraction"

FIRST = "The harbour board met on Monday to discuss the new ferry timetable for the winter months."
SECOND = "Members agreed that the early crossing would stay, although fewer passengers use it in January."
THIRD = "Fares for residents stay as they are, while visitors will pay a little more at the busiest times."
LATER = [
    "The late crossing, by contrast, will run only on Fridays and Saturdays until the end of March.",
    "The board will review the timetable again in the spring, once the new vessel has been delivered.",
]


def paragraphs(*texts: str) -> list[model.Block]:
    return [model.Block("paragraph", t) for t in texts]


def texts(blocks: list[model.Block]) -> list[str]:
    return [b.text for b in blocks]


def test_a_dropped_subheading_comes_back_before_the_paragraph_it_heads() -> None:
    html = (
        "<html><body><nav><h2>Sections</h2></nav><div class='story'>"
        f"<p>{FIRST}</p><h2>Who still <em>rides</em> early?</h2><p>{SECOND}</p>"
        f"<h3>What residents pay</h3><p>{THIRD}</p></div></body></html>"
    )
    out = restore_subheadings(paragraphs(FIRST, SECOND, THIRD), lxml.html.fromstring(html))
    assert texts(out) == [FIRST, "Who still rides early?", SECOND, "What residents pay", THIRD]
    assert out[1].kind == "heading"


def test_a_heading_over_text_the_body_left_out_is_not_put_back() -> None:
    teasers = "<ul><li><a href='/a'>Ferry fares rise again</a></li><li><a href='/b'>New pier opens</a></li></ul>"
    html = (
        f"<html><body><div class='story'><p>{FIRST}</p><h2>Related stories</h2>{teasers}"
        f"<p>{SECOND}</p><aside><h3>Sign up</h3></aside><p>{THIRD}</p></div></body></html>"
    )
    body = paragraphs(FIRST, SECOND, THIRD)
    assert restore_subheadings(body, lxml.html.fromstring(html)) == body


def test_real_page_gets_its_question_headings_back() -> None:
    # a pediatrician's answers, each under a question in an <h2> that the extractor drops
    folder = CORPUS / "wcxb-dev-articles"
    page_id = next(p.name[: -len(".html.gz")] for p in (folder / "html").glob("4180*.html.gz"))
    truth = json.loads((folder / "truth.json").read_text(encoding="utf-8"))[page_id]
    article = clean_html(raw_document(folder, page_id, truth["url"]))
    question = "How many naps per day do children need?"
    assert question in truth["main_content"]
    assert any(b.kind == "heading" and b.text == question for b in article.blocks)


def chunked_page(kind: str) -> str:
    chunk = "<div class='grid'><div class='body__container'>{}</div></div>"
    return (
        "<html><body><article><div class='chunks'>"
        + chunk.format("".join(f"<p>{t}</p>" for t in (FIRST, SECOND, THIRD)))
        + "<div class='ad'><p>Advertisement</p></div>"
        + chunk.replace("grid", kind).format("".join(f"<p>{t}</p>" for t in LATER))
        + "</div></article></body></html>"
    )


def test_the_article_s_other_chunk_of_the_same_kind_comes_back_after_it() -> None:
    out = add_continued_chunks(paragraphs(FIRST, SECOND, THIRD), lxml.html.fromstring(chunked_page("grid")))
    assert texts(out) == [FIRST, SECOND, THIRD, *LATER]


def test_a_box_of_another_kind_beside_the_article_is_no_chunk_of_it() -> None:
    body = paragraphs(FIRST, SECOND, THIRD)
    assert add_continued_chunks(body, lxml.html.fromstring(chunked_page("related"))) == body


def test_real_page_split_around_advertisements_is_read_whole() -> None:
    folder = CORPUS / "scrapinghub"
    page_id = next(p.name[: -len(".html.gz")] for p in (folder / "html").glob("d48aeb*.html.gz"))
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))[page_id]
    article = clean_html(raw_document(folder, page_id, truth["url"]))
    later = "Even though Instagram’s professional analytics are extremely granular"
    assert later in truth["articleBody"]
    assert any(later in b.text for b in article.blocks)


def raw_document(folder: Path, page_id: str, url: str) -> model.RawDocument:
    html = gzip.decompress((folder / "html" / f"{page_id}.html.gz").read_bytes()).decode("utf-8")
    return model.RawDocument(
        source_path=f"{page_id}.html", format="html", text=html, input_sha256="x", meta={"html": True}, url=url
    )
