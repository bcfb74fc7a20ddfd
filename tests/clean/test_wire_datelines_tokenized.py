"""Wire datelines in text split into words (ECB+ and GVC: commas, brackets and hyphens spaced), read from the
real documents in ../shared: the cleaner gives each its dateline block, and a lead sentence or a label written in
capitals before a dash is none."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from newsfuse.clean import body_blocks, clean_document
from newsfuse.clean.dates import wire_dateline
from newsfuse.model import RawDocument

CLUSTERING = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus" / "clustering"


@cache
def _documents(corpus: str) -> dict[str, dict]:
    lines = (CLUSTERING / corpus / "documents.jsonl").read_text(encoding="utf-8").splitlines()
    return {d["doc_id"]: d for d in map(json.loads, filter(str.strip, lines))}


def _cleaned(corpus: str, doc_id: str):
    d = _documents(corpus)[doc_id]
    meta = {"title": d.get("title") or ""}
    return clean_document(RawDocument(f"{doc_id}.json", "json", d["text"], meta=meta))


@pytest.mark.parametrize(
    "doc_id, dateline, place, iso",
    [
        (
            "104db82506283933234d28c49929a9cc",
            "INDIANAPOLIS , Ind. ( June 15 , 2014 ) —",
            "INDIANAPOLIS, Ind.",
            "2014-06-15",
        ),
        ("d09d10134bc7030ee3e45f840b8e9f9d", "CINCINNATI ( AP ) —", "CINCINNATI", None),
        ("91153f512a483bcc383595f6927fd0b5", "BILLINGS , Mont. —", "BILLINGS, Mont.", None),
        ("33840bbd5a82d9e0643b6d9f34f9d106", "WATERBURY , Conn. ( WTNH ) —", "WATERBURY, Conn.", None),
    ],
)
def test_a_spaced_dateline_of_a_gvc_report_is_a_block_of_its_own(doc_id, dateline, place, iso):
    article = _cleaned("gvc", doc_id)
    assert article.dateline == dateline
    found = wire_dateline(dateline)
    assert found is not None and (found.place, found.iso) == (place, iso)
    assert article.paragraphs[0][:1].isupper() and not article.paragraphs[0].startswith(dateline)


def test_a_dateline_opening_its_first_sentence_is_split_from_it():
    article = _cleaned("gvc", "533dc1a9518e4defd149a1e1c2a40766")
    assert article.dateline == "KOKOMO , Ind. ( June 15 , 2014 ) —"
    assert article.paragraphs[0].startswith("Kokomo police want to know more")
    assert article.published == "2014-06-15"  # the record's date; the dateline's says the same


def test_a_hyphenated_place_and_a_dash_on_the_next_line_stay_one_dateline():
    """'WILKES - BARRE , Pa. ( AP )' then a line holding only '–': the dash closes the dateline."""
    article = _cleaned("gvc", "f7c7fbcf9514fbd5ac8a908532734696")
    assert article.dateline == "WILKES - BARRE , Pa. ( AP ) –"
    assert article.paragraphs[0].startswith("State police say")


def test_a_mixed_case_place_with_its_country_and_agency_in_spaced_brackets():
    sentence = _documents("ecbplus")["7_11ecb"]["text"].split("\n")[0]
    dateline, paragraph = body_blocks(sentence)
    assert (dateline.kind, dateline.text) == ("dateline", "Mannheim , Germany ( Sports Network ) -")
    assert paragraph.text.startswith("Wladimir Klitschko retained")


@pytest.mark.parametrize(
    "corpus, doc_id, line",
    [
        ("ecbplus", "8_4ecbplus", "A FIRE - BOMB attack on a bank"),  # a lead sentence in capitals, a spaced hyphen
        ("ecbplus", "8_10ecbplus", "BREAKING NEWS - 3 DEAD due to"),  # a label
        ("ecbplus", "20_9ecbplus", "Sunday , November 27 -"),  # a date with no place
    ],
)
def test_capitals_before_a_dash_that_name_no_place_are_no_dateline(corpus, doc_id, line):
    text = _documents(corpus)[doc_id]["text"]
    assert line in text
    start = text.index(line)
    assert wire_dateline(text[start : text.index("\n", start)]) is None
    assert _cleaned(corpus, doc_id).dateline is None
