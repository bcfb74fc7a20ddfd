"""A precise extraction's gaps filled by a recall pass, inside the article only."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from wcxb_pages import wcxb_page  # tests/clean/wcxb_pages.py

from newsfuse import model
from newsfuse.clean.html import clean_html, fill_gaps, insert_sections

WCXB = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus" / "extraction" / "wcxb-dev-articles"


def blocks(*texts: str) -> list[model.Block]:
    return [model.Block("heading" if t.isupper() else "paragraph", t) for t in texts]


def texts(bs: list[model.Block]) -> list[str]:
    return [b.text for b in bs]


def test_a_skipped_list_between_kept_paragraphs_comes_back() -> None:
    body = blocks("Intro paragraph.", "Closing paragraph.")
    recall = blocks("Intro paragraph.", "First principle.", "Second principle.", "Closing paragraph.")
    assert texts(fill_gaps(body, recall)) == texts(recall)


def test_nothing_before_the_first_or_after_the_last_block_is_taken() -> None:
    body = blocks("Intro paragraph.", "Closing paragraph.")
    recall = blocks(
        "This website uses cookies.", "Intro paragraph.", "Middle.", "Closing paragraph.", "Advertising disclosure."
    )
    assert texts(fill_gaps(body, recall)) == ["Intro paragraph.", "Middle.", "Closing paragraph."]


def test_body_stands_when_the_recall_pass_lacks_its_ends() -> None:
    body = blocks("Intro paragraph.", "Closing paragraph.")
    assert fill_gaps(body, blocks("Intro paragraph.", "Something else.")) == body
    assert fill_gaps(body, blocks("Other start.", "Closing paragraph.")) == body
    assert fill_gaps(body, []) == body
    # ends in the wrong order: no span to take
    assert fill_gaps(body, blocks("Closing paragraph.", "Intro paragraph.")) == body


def test_ends_compared_after_cleaning_and_the_widest_span_kept() -> None:
    body = blocks("Intro  paragraph.", "Closing paragraph.")
    recall = blocks("Intro paragraph.", "Closing paragraph.", "Added.", "Closing paragraph.")
    assert texts(fill_gaps(body, recall)) == texts(recall)


def test_real_page_keeps_the_list_inside_its_article() -> None:
    # a page whose precise pass drops a bulleted list of principles between two paragraphs
    page = gzip.decompress((WCXB / "html" / "0118.html.gz").read_bytes()).decode("utf-8")
    truth = json.loads((WCXB / "truth.json").read_text(encoding="utf-8"))["0118"]
    doc = model.RawDocument(
        source_path="0118.html", format="html", text=page, input_sha256="x", meta={"html": True}, url=truth["url"]
    )
    body = "\n".join(b.text for b in clean_html(doc).blocks)
    assert "Principle Of Regularity: Regularity is defined as conformity to enforced rules and laws." in body
    assert "Principle Of Prudence" in body
    assert "cookies" not in body.lower()


LONG = " ".join(["The answer explains how the plate divides a meal into its parts."] * 10)  # 120 words


def test_a_section_only_the_second_opinion_found_is_put_back_in_place() -> None:
    body = blocks("Intro paragraph.", "PERMISSIONS", "Closing paragraph.")
    other = blocks("Intro paragraph.", "FAQ", LONG, "PERMISSIONS", "Closing paragraph.")
    assert texts(insert_sections(body, other)) == ["Intro paragraph.", "FAQ", LONG, "PERMISSIONS", "Closing paragraph."]


def test_short_runs_and_runs_outside_the_body_are_not_inserted() -> None:
    body = blocks("Intro paragraph.", "Closing paragraph.")
    widget = blocks("Intro paragraph.", "Advertisement", "Buy now for half price.", "Closing paragraph.")
    assert insert_sections(body, widget) == body  # a few words between paragraphs: a widget
    outside = blocks(LONG, "Intro paragraph.", "Closing paragraph.", LONG + " More.")
    assert insert_sections(body, outside) == body  # before the first shared block, after the last
    assert insert_sections(body, []) == body


def test_real_page_gets_back_the_folded_questions_its_fast_pass_skipped() -> None:
    # a guide whose question-and-answer section is folded: the fast pass kept a third of the text
    page = gzip.decompress((WCXB / "html" / "0073.html.gz").read_bytes()).decode("utf-8")
    doc = model.RawDocument(source_path="0073.html", format="html", text=page, input_sha256="x", meta={"html": True})
    lines = [b.text for b in clean_html(doc).blocks]
    question = "Are the relative sizes of the Healthy Eating Plate sections based on calories or volume?"
    assert question in lines
    assert lines.index("Your Plate and the Planet") < lines.index(question) < lines.index("Permissions for Use")


def test_a_paragraph_the_body_holds_cut_at_its_inline_code_is_not_a_missing_section() -> None:
    pieces = ["Then throw the lists at", "connected_components", "from the", "pathfinding", "crate, and segment it."]
    whole = " ".join(pieces)
    body = blocks("Intro paragraph.", *pieces, "End.")
    other = blocks("Intro paragraph.", whole, LONG, "End.")
    # the whole paragraph is the body's own text: only the section it lacks comes back, once
    assert texts(insert_sections(body, other)) == texts(body[:1]) + [LONG] + texts(body[1:])
    assert insert_sections(body, blocks("Intro paragraph.", whole, "End.")) == body


def test_real_page_holds_each_paragraph_with_inline_code_once() -> None:
    # a programming diary: the fast pass splits its paragraphs at every <code>, the second opinion keeps them
    # whole, and the whole ones came back as a "section" beside the split ones (every paragraph twice)
    doc, truth = wcxb_page("0398")
    lines = [b.text for b in clean_html(doc).blocks]
    body = "\n".join(lines)
    start = "Then throw the lists at"
    assert sum(1 for line in lines if line.startswith(start)) == 1
    assert start in truth["main_content"] and truth["main_content"].count(start) == 1
    assert "It's good to see an actual straight line distance" in body
    assert "Turns out it's the answer." in body
