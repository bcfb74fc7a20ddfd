"""The site's name in a title ("Headline - KXLF.com | Continuous News", a feed item's "Headline - Reuters")
is taken off and kept aside with its reason; a headline is never cut to fewer than three words, and a
part that is the report's own words ("- Police", "Police :") stays. Titles written here, and the GVC dev
record titles of ../shared read as a user has them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsfuse import model
from newsfuse.clean import clean_document, clean_text_lines
from newsfuse.clean.titles import SITE_NAME_REASON, outlet_as_named, without_site_name
from newsfuse.model import InputFile
from newsfuse.pipeline import read_and_clean

GVC = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "clustering" / "gvc" / "documents.jsonl"
SCRAPINGHUB = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "extraction" / "scrapinghub" / "html"
BODY = [
    "Two research vessels left the port of Aveiro on Monday to survey plastic waste off the coast, "
    "the Portuguese marine institute said.",
    "",
    "The survey will run for three weeks and its first results are expected in the spring, the institute said.",
]


@pytest.mark.parametrize(
    ("title", "outlet", "url", "head", "taken"),
    [
        (
            "Research vessels leave Aveiro - Harbourwatch.com | Coastal News",
            None,
            None,
            "Research vessels leave Aveiro",
            ("Harbourwatch.com", "Coastal News"),
        ),
        ("Research vessels leave Aveiro - Reuters", "Reuters", None, "Research vessels leave Aveiro", ("Reuters",)),
        (
            "Gullwing News - Research vessels leave Aveiro",
            None,
            "https://www.gullwing.example/x",
            "Research vessels leave Aveiro",
            ("Gullwing News",),
        ),
        (
            "Research vessels leave Aveiro : Coastal Times Online",
            None,
            None,
            "Research vessels leave Aveiro",
            ("Coastal Times Online",),
        ),
        (
            "Research vessels leave Aveiro | The Daily Quay",
            "The Daily Quay",
            None,
            "Research vessels leave Aveiro",
            ("The Daily Quay",),
        ),
        (  # the host's name after a label that names no site ("edition.", "news.")
            "Research vessels leave Aveiro - Quayside",
            None,
            "https://edition.quayside.example/x",
            "Research vessels leave Aveiro",
            ("Quayside",),
        ),
    ],
)
def test_the_sites_name_is_taken_off(title, outlet, url, head, taken):
    assert without_site_name(title, outlet, url) == (head, taken)


@pytest.mark.parametrize(
    "title",
    [
        "Two boys hurt in harbour fall – Police",  # the report's source, not the site
        "Police : Man Hurt In Harbour Fall Related To Storm - Coast Guard Says",
        "Aveiro - News",  # the headline would keep one word
        "Storm Hits Coast - Weather Service Warns Of Floods",  # title case: a masthead word proves nothing
        "Vessels leave Aveiro - research institute says more will follow",
        "Vessels leave Aveiro",
    ],
)
def test_a_title_without_a_sites_name_stays(title):
    assert without_site_name(title) == (title, ())


def test_a_records_title_loses_the_sites_name_which_is_kept_among_the_removed_lines():
    result = clean_text_lines(BODY, meta={"title": "Research vessels leave Aveiro - Harbourwatch.com"})
    assert result.title == "Research vessels leave Aveiro"
    assert model.RemovedLine(0, "Harbourwatch.com", SITE_NAME_REASON) in result.removed


def test_a_pages_declared_title_loses_the_sites_name():
    page = (
        "<html><head><title>Research vessels leave Aveiro | The Daily Quay</title>"
        '<meta property="og:site_name" content="The Daily Quay"></head><body><article>'
        + "".join(f"<p>{line}</p>" for line in BODY if line)
        + "</article></body></html>"
    )
    doc = model.RawDocument(source_path="quay.html", format="html", text=page, input_sha256="x", meta={"html": True})
    article = clean_document(doc)
    assert article.title == "Research vessels leave Aveiro"
    assert any(r.text == "The Daily Quay" and r.reason == SITE_NAME_REASON for r in article.removed)
    assert all(r.text != article.blocks[-1].text for r in article.removed)  # no body line listed as removed


def test_gvc_record_titles_keep_their_headlines():
    titles = [json.loads(line).get("title") or "" for line in GVC.open(encoding="utf-8")]
    changed = {t: without_site_name(t) for t in titles if without_site_name(t)[1]}
    assert changed, "GVC record titles carry station names"
    for title, (head, taken) in changed.items():
        assert title.startswith(head) and len(head.split()) >= 3
        assert all(part in title for part in taken)
    stripped = {head for head, _ in changed.values()}
    assert "Three Dead in Aransas Pass Murder - Suicide" in stripped  # "- KiiiTV.com South Texas , ..."
    assert not any(t.endswith("– Police") for t in changed)


@given(st.text(alphabet=st.sampled_from(list("ab C.|-:– ")), max_size=60), st.sampled_from([None, "ab", "C"]))
def test_the_head_is_a_part_of_the_title_and_nothing_is_lost(title, outlet):
    head, taken = without_site_name(title, outlet, None)
    assert head in title
    assert (head, taken) == (title, ()) or (taken and len(head.split()) >= 1)


def test_an_outlet_given_as_a_web_address_is_named_by_its_host():
    # a scrapinghub page's og:site_name is "https://www.hawaiinewsnow.com": briefs cited "[https://www.hawaiinewsnow.com]"
    assert outlet_as_named("https://www.hawaiinewsnow.com") == "hawaiinewsnow.com"
    assert outlet_as_named("http://edition.cnn.com/") == "cnn.com"
    assert outlet_as_named("www.example.org/news") == "example.org"
    for name in ("KXLF.com", "Hawaii News Now", "BBC News", None, ""):
        assert outlet_as_named(name) == name


def test_the_page_with_an_address_for_its_site_name_gets_its_host_as_outlet():
    found = sorted(SCRAPINGHUB.glob("f344ca5fb36e130f*.html.gz"))
    if not found:
        pytest.skip("needs ../shared/corpus/extraction/scrapinghub")
    _, (article,), _ = read_and_clean(InputFile.of(str(found[0]), found[0].read_bytes()))
    assert article.outlet == "hawaiinewsnow.com"
