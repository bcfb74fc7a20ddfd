"""A page dump that opens with its page's web address: the address is neither title nor body, and it
becomes the article's URL (so its outlet can be named from the host) when the input gives none."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from newsfuse.clean import clean_document, clean_text_lines
from newsfuse.ingest import read_paths


def _document(path):
    ((_, read),) = list(read_paths([str(path)]))
    (doc,) = read.documents
    return doc


BODY = [
    "Troops and police closed the port on Tuesday after the storm, officials said.",
    "The harbour master said ships would wait offshore until the channel was surveyed again.",
]


def test_an_opening_address_is_neither_title_nor_body_and_gives_the_url():
    """A dump that opens with its address is a raw capture: the line after it may be a headline or
    the lede, so no title is guessed and it stays in the body (where the stories read it)."""
    result = clean_text_lines(["https://news.example.org/2026/03/port-closed.html?ref=rss", "Port closed", *BODY])
    assert result.title is None
    assert result.url == "https://news.example.org/2026/03/port-closed.html?ref=rss"
    assert [(r.line, r.reason) for r in result.removed] == [(1, "web address")]
    assert [b.text for b in result.blocks][0] == "Port closed"
    assert all("example.org" not in b.text for b in result.blocks)


def test_a_tokenised_address_is_read_with_its_spaces_taken_out():
    """Corpora tokenise text ("http : / / www . x . com / a - b"); the address is the same."""
    line = "http : / / www . example . com / world / 2011 / 11 / port - closed . html ? _ r=0"
    result = clean_text_lines([line, "Port closed after storm", *BODY])
    assert result.url == "http://www.example.com/world/2011/11/port-closed.html?_r=0"


def test_a_sentence_about_a_web_site_is_text():
    result = clean_text_lines(["www.example.com is where the harbour master posts the closures, he said.", *BODY])
    assert result.url is None
    assert not result.removed


def test_only_opening_addresses_are_taken():
    result = clean_text_lines(["Port closed", *BODY, "https://news.example.org/more"])
    assert result.url is None and result.title == "Port closed"


def test_a_json_record_without_a_url_gets_the_address_it_opens_with(tmp_path):
    path = tmp_path / "a.jsonl"
    text = "\n".join(["https://news.example.org/port-closed", "Port closed", *BODY])
    path.write_text(json.dumps({"id": "a1", "text": text}) + "\n", encoding="utf-8")
    article = clean_document(_document(path))
    assert article.url == "https://news.example.org/port-closed" and article.title is None


def test_a_record_s_own_url_wins(tmp_path):
    path = tmp_path / "a.jsonl"
    text = "\n".join(["https://mirror.example.net/copy", "Port closed", *BODY])
    record = {"id": "a1", "url": "https://news.example.org/p", "text": text}
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    assert clean_document(_document(path)).url == "https://news.example.org/p"


@given(st.lists(st.from_regex(r"[a-z0-9]{1,8}", fullmatch=True), min_size=1, max_size=6))
def test_any_plain_address_is_taken_whole(parts):
    address = "https://www.example.com/" + "/".join(parts)
    assert clean_text_lines([address, "Port closed", *BODY]).url == address


def test_an_undated_dump_is_dated_by_its_address():
    address = "http : / / www . example . com / 2007 / 04 / 10 / us / port . html"
    result = clean_text_lines([address, "Port closed", *BODY])
    assert result.published == "2007-04-10"


def test_a_printed_date_wins_over_the_address():
    lines = ["https://www.example.com/2007/04/10/port.html", "Port closed", "April 11, 2007", *BODY]
    assert clean_text_lines(lines).published == "2007-04-11"


def test_an_impossible_date_in_an_address_is_no_date():
    assert clean_text_lines(["https://www.example.com/2007/13/45/port.html", "Port closed", *BODY]).published is None


def test_a_json_record_is_dated_by_its_url(tmp_path):
    path = tmp_path / "a.jsonl"
    record = {"id": "a1", "url": "https://news.example.org/2026/03/02/port", "text": "\n".join(BODY)}
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    assert clean_document(_document(path)).published == "2026-03-02"
