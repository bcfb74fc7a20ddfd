"""Bylines: the name kept, the label, date line and job title around it dropped; the page's own
byline markup read when the metadata names no author (real WCXB dev pages from ../shared)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import lxml.html
import pytest

from newsfuse import model
from newsfuse.clean import clean_document
from newsfuse.clean.byline import tidy_author, visible_byline

WCXB = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" / "extraction" / "wcxb-dev-articles"


@pytest.mark.parametrize(
    ("raw", "name"),
    [
        ("Written by Jane Doe", "Jane Doe"),
        ("View all posts by Ray Ansari", "Ray Ansari"),
        ("Recipe by PJ Hamel", "PJ Hamel"),
        ("Cazzy Magennis Last updated August 1", "Cazzy Magennis"),
        ("Supermove February 8", "Supermove"),
        ("Keith Barry Senior Autos Reporter", "Keith Barry"),
        ("Aditya Mahindru; Pradeep Patil; Varun Agrawal", "Aditya Mahindru, Pradeep Patil, Varun Agrawal"),
        ("Brett Cruz; Privacy; Digital Security Expert", "Brett Cruz"),
        ("Beauhd on Friday", "Beauhd"),
        ("Newsdesk news@example.co.uk", "Newsdesk"),
        ("Jean-Luc Aufranc (CNXSoft)", "Jean-Luc Aufranc (CNXSoft)"),
    ],
)
def test_tidy_keeps_the_name(raw: str, name: str) -> None:
    assert tidy_author(raw) == name


@pytest.mark.parametrize(
    "raw",
    ["Theresa May", "Our Editors", "The Currency Editors", "SFist Contributor", "Shelby Loos, DVM"],
)
def test_tidy_leaves_names_and_group_bylines_alone(raw: str) -> None:
    assert tidy_author(raw) == raw


@pytest.mark.parametrize(
    "raw", ["Dec", "Updated January", "Written by", "view more posts", "page.head.extra.author", "262588213843476"]
)
def test_tidy_refuses_what_is_no_name(raw: str) -> None:
    assert tidy_author(raw) is None


def _wcxb(page_id: str) -> tuple[str, dict]:
    truth = json.loads((WCXB / "truth.json").read_text("utf-8"))
    return gzip.decompress((WCXB / "html" / f"{page_id}.html.gz").read_bytes()).decode("utf-8"), truth[page_id]


@pytest.mark.parametrize("page_id", ["0171", "0037"])  # itemprop="author"; a link to /authors/<slug>
def test_visible_byline_of_real_pages(page_id: str) -> None:
    html, truth = _wcxb(page_id)
    assert visible_byline(lxml.html.fromstring(html)) == truth["author"]
    doc = model.RawDocument(
        source_path=f"{page_id}.html", format="html", text=html, input_sha256="x", meta={"html": True}
    )
    assert clean_document(doc).author == truth["author"]


def test_comment_authors_are_not_the_byline() -> None:
    page = (
        "<html><body><article><p>Text of the article.</p></article>"
        '<section class="comments"><a rel="author" href="/author/troll">Some Troll</a></section>'
        '<footer><span class="byline">By Footer Person</span></footer></body></html>'
    )
    assert visible_byline(lxml.html.fromstring(page)) is None
