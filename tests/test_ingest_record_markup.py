"""A record's text with a few tags in it (a scraped link's </a>, an embedded post's own tags) is
plain text with its tags dropped, not an HTML page that loses every word; a record whose markup
the page reader finds no article in is read as text. Real records: PolNeAR train articles from
../shared, read at test time."""

from __future__ import annotations

import json

import pytest
from conftest import SHARED

from newsfuse.clean import clean_document
from newsfuse.ingest import read_input
from newsfuse.model import InputFile

POLNEAR = SHARED / "corpus" / "quotes" / "polnear" / "train" / "text"
WITH_TAGS = [
    # a stray closing tag of a scraped link, deep in the text
    ("huff-post_2016-06-17_trump-s-supporters-may-be-the-re.txt", "Greensboro Coliseum"),
    # an embedded tweet's and a video link's own tags
    ("west-journal_2015-12-01_just-leaked-look-at-hillary-s-sh.txt", "Huma Abedin"),
]


def record(text: str, title: str = "A title") -> InputFile:
    return InputFile.of("records.json", json.dumps({"title": title, "text": text}).encode())


@pytest.mark.parametrize(("name", "words"), WITH_TAGS)
def test_plain_text_with_a_few_tags_is_text_without_them(name, words):
    text = (POLNEAR / name).read_text(encoding="utf-8").split("\n", 1)[1]
    [doc] = read_input(record(text)).documents
    assert "html" not in doc.meta and doc.meta["inline_markup"] is True
    article = clean_document(doc)
    body = "\n".join(b.text for b in article.blocks)
    assert words in body
    assert "</a>" not in body and "<a href" not in body and "<tweet" not in body
    assert len(body) > 0.8 * len(text.split("<tweet")[0][:1000])  # the words are kept


def test_a_record_opening_with_markup_is_still_read_as_html():
    [doc] = read_input(record("<p>Kenya submitted a note to the council on Monday.</p><p>Two more.</p>")).documents
    assert doc.meta["html"] is True
    blocks = [b.text for b in clean_document(doc).blocks]
    assert blocks == ["Kenya submitted a note to the council on Monday.", "Two more."]


def test_markup_the_page_reader_finds_no_article_in_is_read_as_text():
    text = '<a href="https://x.example/v">Watch the video</a>\nThe minister resigned on Monday after the vote.'
    [doc] = read_input(record(text)).documents
    assert doc.meta["html"] is True
    blocks = [b.text for b in clean_document(doc).blocks]
    assert "The minister resigned on Monday after the vote." in blocks
    assert not any("<" in b for b in blocks)


def test_text_without_tags_is_left_as_it_is():
    [doc] = read_input(record("Prices rose 3 < 4 percent & more, officials said on Monday.")).documents
    assert "html" not in doc.meta and "inline_markup" not in doc.meta
    assert "3 < 4 percent & more" in clean_document(doc).blocks[0].text
