"""HTML main-text extraction: real pages from ../shared and small pages written here."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsfuse import model
from newsfuse.clean import CleanError
from newsfuse.clean import html as H
from newsfuse.clean.html import clean_html

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
SCRAPINGHUB = SHARED / "corpus" / "extraction" / "scrapinghub"
TOKEN = re.compile(r"\w+")


def raw(html: str, **meta: object) -> model.RawDocument:
    return model.RawDocument(
        source_path="page.html", format="html", text=html, input_sha256="abc", meta={"html": True, **meta}
    )


PARAS = [
    "The river authority said on Tuesday that the northern dam at Velmora had been reopened "
    "after three weeks of repairs to its spillway gates.",
    "Engineers found cracks in two of the five gates during a routine inspection in March, and "
    "the reservoir was lowered by four metres while the work went on.",
    "Farmers downstream had complained that the lower water level left their irrigation channels "
    "dry for most of the planting season, the authority's spokeswoman Dana Orlik said.",
    "The authority expects the reservoir to be back at its normal level by the end of the month, "
    "provided the spring rains arrive as forecast.",
]

NEWS_PAGE = f"""<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Velmora dam reopens after repairs | The Valley Courier</title>
<meta property="og:title" content="Velmora dam reopens after repairs">
<meta property="og:site_name" content="The Valley Courier">
<meta property="article:published_time" content="2025-03-18T09:30:00Z">
<script type="application/ld+json">
{{"@context": "https://schema.org", "@type": "NewsArticle",
  "headline": "Velmora dam reopens after spillway repairs",
  "datePublished": "2025-03-18T09:30:00+01:00",
  "author": [{{"@type": "Person", "name": "Ilse Marten"}}],
  "publisher": {{"@type": "Organization", "name": "Valley Courier"}}}}
</script>
</head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li></ul></nav></header>
<main><article>
<h1>Velmora dam reopens after spillway repairs</h1>
<p class="byline">By Ilse Marten</p>
<p>{PARAS[0]}</p>
<p>{PARAS[1]}</p>
<h2>Farmers complained of dry channels</h2>
<p>{PARAS[2]}</p>
<div class="share"><a href="#">Share on Facebook</a> <a href="#">Share on Twitter</a></div>
<p>{PARAS[3]}</p>
<p>Sign up for our morning newsletter and get the top stories in your inbox.</p>
</article>
<aside class="related"><h3>Related stories</h3><ul>
<li><a href="/a">Council approves new bridge over the Velm</a></li>
<li><a href="/b">Spring fair returns to the old market square</a></li></ul></aside>
</main>
<footer><p>Copyright 2025 The Valley Courier. All rights reserved.</p>
<a href="/privacy">Privacy policy</a> <a href="/terms">Terms of use</a></footer>
</body></html>"""


# --------------------------------------------------------------------------- small pages


@pytest.fixture(scope="module")
def news() -> model.Article:
    return clean_html(raw(NEWS_PAGE))


def test_paragraphs_and_heading_in_order(news: model.Article) -> None:
    assert list(news.paragraphs) == PARAS
    assert news.headings == ("Farmers complained of dry channels",)
    kinds = [b.kind for b in news.blocks]
    assert kinds == ["paragraph", "paragraph", "heading", "paragraph", "paragraph"]


def test_chrome_gone(news: model.Article) -> None:
    text = news.text
    for chrome in (
        "Home",
        "Weather",
        "Share on",
        "newsletter",
        "Related stories",
        "Council approves",
        "Copyright",
        "Privacy policy",
    ):
        assert chrome not in text


def test_jsonld_metadata_wins_over_open_graph(news: model.Article) -> None:
    assert news.title == "Velmora dam reopens after spillway repairs"
    assert news.author == "Ilse Marten"
    assert news.published == "2025-03-18"
    assert news.outlet == "Valley Courier"


def test_title_not_repeated_in_body(news: model.Article) -> None:
    assert news.title not in news.paragraphs + news.headings


def test_record_fields_copied(news: model.Article) -> None:
    assert news.source_path == "page.html" and news.format == "html" and news.input_sha256 == "abc"
    assert news.id == model.article_id(news.blocks, news.title)


def test_open_graph_and_meta_tags_without_jsonld() -> None:
    page = re.sub(r"<script type=\"application/ld\+json\">.*?</script>", "", NEWS_PAGE, flags=re.S)
    page = page.replace('<meta charset="utf-8">', '<meta charset="utf-8"><meta name="author" content="Ilse Marten">')
    art = clean_html(raw(page))
    assert art.title == "Velmora dam reopens after spillway repairs"  # the visible <h1>, close to og:title
    assert art.outlet == "The Valley Courier"
    assert art.published == "2025-03-18"
    assert art.author == "Ilse Marten"


def test_reader_metadata_takes_precedence() -> None:
    art = clean_html(
        raw(
            NEWS_PAGE,
            title="Given title",
            published="2025-03-17",
            author="Desk",
            outlet="Wire",
            url="https://example.org/a",
        )
    )
    assert (art.title, art.published, art.author, art.outlet, art.url) == (
        "Given title",
        "2025-03-17",
        "Desk",
        "Wire",
        "https://example.org/a",
    )


def test_chrome_blocks_are_recorded_with_reasons(news: model.Article) -> None:
    reasons = {r.text: r.reason for r in news.removed}
    assert any("newsletter" in reason for reason in reasons.values())


@pytest.mark.parametrize(
    "line,reason",
    [
        ("Sign up for our daily newsletter", "newsletter sign-up"),
        ("Get the latest updates right in your inbox. Subscribe to our newsletters.", "newsletter sign-up"),
        ("Like this story? Share it with a friend!", "share prompt"),
        ("Also on example.com: Ministers meet over the budget", "related link"),
        ("Have a tip? Reach the desk at desk@example.org.", "tip line"),
    ],
)
def test_chrome_rules(line: str, reason: str) -> None:
    assert H._chrome_reason(line) == reason


def test_prose_not_taken_for_chrome() -> None:
    for line in PARAS + [
        "Readers who subscribe to the paper's print edition were not affected.",
        "She said the share of voters who backed the plan had doubled.",
    ]:
        assert H._chrome_reason(line) is None


def test_iso_dates() -> None:
    assert H.iso_date("2019-11-18T10:00:00Z") == "2019-11-18"
    assert H.iso_date("Nov. 16, 2025") == "2025-11-16"
    assert H.iso_date("no date here") is None
    assert H.iso_date(None) is None


# --------------------------------------------------------------------------- hostile input

HOSTILE = f"""<html><head><title>Safe title</title>
<script>alert('x'); document.write('<p>injected paragraph from a script</p>')</script></head>
<body><article>
<p>{PARAS[0]}<script>steal()</script></p>
<p onclick="evil()">{PARAS[1]} <img src=x onerror="alert(1)"> <a href="javascript:alert(2)">a link</a></p>
<p>{PARAS[2]}<style>p {{ color: red }}</style><iframe src="https://evil.example/"></iframe></p>
<p>{PARAS[3]}</p>
</article></body></html>"""


def test_hostile_html_gives_text_only() -> None:
    art = clean_html(raw(HOSTILE))
    text = art.text + " ".join(r.text for r in art.removed)
    for bad in ("<", "alert", "steal", "onerror", "javascript", "injected paragraph", "color: red", "evil"):
        assert bad not in text
    assert PARAS[0] in art.paragraphs


def test_huge_input_refused() -> None:
    huge = "<html><body>" + "<p>word word word</p>" * 1_200_000 + "</body></html>"
    with pytest.raises(CleanError, match="too large"):
        clean_html(raw(huge))


def test_empty_and_textless_pages_refused() -> None:
    for page in ("", "   ", "<html><head><title>x</title></head><body><nav><a href='/'>Home</a></nav></body></html>"):
        with pytest.raises(CleanError):
            clean_html(raw(page))


def test_deep_nesting_is_refused_cleanly_and_moderate_nesting_kept() -> None:
    deep = "<html><body>" + "<div>" * 5000 + f"<p>{PARAS[0]}</p>" + "</div>" * 5000 + "</body></html>"
    with pytest.raises(CleanError, match="no main text"):  # libxml2 stops at its depth limit
        clean_html(raw(deep))
    moderate = "<html><body>" + "<div>" * 50 + f"<p>{PARAS[0]}</p><p>{PARAS[1]}</p>" + "</div>" * 50 + "</body></html>"
    assert clean_html(raw(moderate)).paragraphs == tuple(PARAS[:2])


def test_headline_is_the_h1_that_agrees_with_a_declared_title() -> None:
    page = NEWS_PAGE.replace("<main><article>", "<h1>The Valley Courier</h1><main><article>")
    assert clean_html(raw(page)).title == "Velmora dam reopens after spillway repairs"
    no_h1 = re.sub(r"<h1>.*?</h1>", "", NEWS_PAGE)
    assert clean_html(raw(no_h1)).title == "Velmora dam reopens after spillway repairs"  # JSON-LD headline
    unrelated = NEWS_PAGE.replace("<h1>Velmora dam reopens after spillway repairs</h1>", "<h1>Weather warnings</h1>")
    assert clean_html(raw(unrelated)).title == "Velmora dam reopens after spillway repairs"


def test_jsonld_author_by_id_reference_and_entities() -> None:
    graph = """<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
      {"@type": "Article", "headline": "Velmora dam reopens after spillway repairs",
       "datePublished": "2025-03-18", "author": {"@id": "https://example.org/#/person/1"},
       "publisher": {"@id": "https://example.org/#org"}},
      {"@type": "Person", "@id": "https://example.org/#/person/1", "name": "Ilse Marten &amp; Jo Brook"},
      {"@type": "Organization", "@id": "https://example.org/#org", "name": "Valley Courier"}]}</script>"""
    page = re.sub(r"<script type=\"application/ld\+json\">.*?</script>", graph, NEWS_PAGE, flags=re.S)
    art = clean_html(raw(page))
    assert (art.author, art.outlet, art.published) == ("Ilse Marten & Jo Brook", "Valley Courier", "2025-03-18")


def test_publisher_given_as_author_is_no_byline() -> None:
    page = NEWS_PAGE.replace(
        '"author": [{"@type": "Person", "name": "Ilse Marten"}]',
        '"author": {"@type": "Organization", "name": "Valley Courier"}',
    )
    assert page != NEWS_PAGE
    assert clean_html(raw(page)).author == "Ilse Marten"  # the byline on the page, found by trafilatura


TAGS = st.sampled_from(
    [
        "p",
        "div",
        "span",
        "h1",
        "h2",
        "li",
        "ul",
        "table",
        "tr",
        "td",
        "script",
        "style",
        "article",
        "nav",
        "a",
        "b",
        "br",
        "img",
        "!--",
        "![CDATA[",
        "?xml",
    ]
)
TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)


@st.composite
def tag_soup(draw: st.DrawFn) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 40))):
        tag = draw(TAGS)
        choice = draw(st.integers(0, 3))
        parts.append({0: f"<{tag}>", 1: f"</{tag}>", 2: draw(TEXT), 3: f"<{tag} x='{draw(TEXT)}'"}[choice])
    return "".join(parts)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tag_soup())
def test_tag_soup_never_crashes(page: str) -> None:
    try:
        art = clean_html(raw(page))
    except CleanError:
        return
    assert art.blocks and all(b.text.strip() for b in art.blocks)
    assert all(b.kind in ("heading", "paragraph") for b in art.blocks)


# --------------------------------------------------------------------------- real pages


def real_page(page_id: str) -> tuple[str, str]:
    truth = json.loads((SCRAPINGHUB / "ground-truth.json").read_text(encoding="utf-8"))
    html = gzip.decompress((SCRAPINGHUB / "html" / f"{page_id}.html.gz").read_bytes()).decode("utf-8")
    return html, truth[page_id]["articleBody"]


def real_ids(n: int) -> list[str]:
    truth = json.loads((SCRAPINGHUB / "ground-truth.json").read_text(encoding="utf-8"))
    return sorted(truth)[:n]


@pytest.mark.parametrize("page_id", real_ids(4))
def test_real_pages_body_matches_ground_truth(page_id: str) -> None:
    html, truth = real_page(page_id)
    art = clean_html(raw(html))
    got = TOKEN.findall(" ".join(b.text for b in art.blocks))
    want = TOKEN.findall(truth)
    overlap = sum((_bag(got) & _bag(want)).values())
    assert overlap / len(want) > 0.8 and overlap / len(got) > 0.8
    assert art.title and art.published and re.fullmatch(r"\d{4}-\d{2}-\d{2}", art.published)


@pytest.mark.parametrize("page_id", real_ids(4))
def test_real_pages_keep_order(page_id: str) -> None:
    html, truth = real_page(page_id)
    text = " ".join(TOKEN.findall(" ".join(b.text for b in clean_html(raw(html)).blocks)))
    lines = [" ".join(TOKEN.findall(x)) for x in truth.split("\n")]
    found = [text.find(line) for line in lines if len(line) > 60 and line in text]
    assert len(found) >= 2 and found == sorted(found)


def _bag(tokens: list[str]) -> dict[str, int]:
    from collections import Counter

    return Counter(tokens)


# --------------------------------------------------------------------------- second opinion, real pages

EXTRACTION = SHARED / "corpus" / "extraction"
WCXB = EXTRACTION / "wcxb-dev-articles"


def corpus_page(folder: Path, prefix: str) -> tuple[str, dict]:
    """A real page of a shared corpus by id prefix, with its truth record (body under "body")."""
    truth = json.loads((folder / ("truth.json" if folder == WCXB else "ground-truth.json")).read_text("utf-8"))
    page_id = next(i for i in sorted(truth) if i.startswith(prefix))
    html = gzip.decompress((folder / "html" / f"{page_id}.html.gz").read_bytes()).decode("utf-8")
    record = truth[page_id]
    return html, {**record, "body": record.get("articleBody") or record.get("main_content")}


def shingle_f1(got: str, want: str) -> float:
    from newsfuse.clean.opinion import agreement, f1, shingles

    return f1(*agreement(shingles(got), shingles(want)))


@pytest.mark.parametrize("folder,prefix", [(SCRAPINGHUB, "f6ac15a4"), (WCXB, "4666")])
def test_second_opinion_wins_where_the_own_body_collapses(folder: Path, prefix: str) -> None:
    """f6ac15a4: the own body is the whole page, menus before the headline; 4666: the own body
    is a 66-word fragment of a 4,700-word guide. trafilatura's full extraction has the article.
    (The decision reads the passes as they came; 4666's own body then gets the rest of its container
    back too, ``complete_body``, but the second opinion's is the one kept.)"""
    html, truth = corpus_page(folder, prefix)
    variants = H.html_variants(raw(html))
    assert variants.evidence["agreement"] < 0.2  # the own pass collapsed: the two passes barely agree
    art = clean_html(raw(html))
    assert shingle_f1(art.text, truth["body"]) > 0.9
    notes = [r.text for r in art.removed if r.reason == "second opinion"]
    assert len(notes) == 1 and notes[0].startswith("second opinion (trafilatura full extraction) kept")


def test_own_body_stands_where_the_second_opinion_is_far_worse() -> None:
    """fde930b0: trafilatura's full extraction adds three times the text (teasers; their second
    copy is dropped as a repeated copy, the rest stays); the own body is the article, and schema.org
    microdata (itemprop=articleBody) says so too."""
    html, truth = corpus_page(SCRAPINGHUB, "fde930b0")
    variants = H.html_variants(raw(html))
    assert shingle_f1(H._body_text(variants.articles["other"]), truth["body"]) < 0.7
    assert variants.evidence["markup"] == "itemprop articleBody"
    art = clean_html(raw(html))
    assert shingle_f1(art.text, truth["body"]) > 0.95
    assert H.arbitrate(variants.evidence, H.opinion_params()) == "own"


def test_disagreement_rules() -> None:
    from newsfuse.clean.opinion import arbitrate

    params = H.opinion_params()
    base = {
        "agreement": 0.1,
        "own_tokens": 500,
        "other_tokens": 450,
        "own_prose": 3000,
        "other_prose": 2800,
        "markup": "",
        "own_before_headline": 0.0,
        "other_before_headline": 0.0,
    }
    assert arbitrate({**base, "agreement": 0.9}, params) == "own"  # they agree
    assert arbitrate(base, params) == "own"  # disagree, nothing favours the other
    assert arbitrate({**base, "own_before_headline": 0.8}, params) == "other"  # own starts with chrome
    assert arbitrate({**base, "own_tokens": 40}, params) == "other"  # own far shorter: truncated
    assert arbitrate({**base, "other_prose": 9000}, params) == "other"  # much more prose
    marked = {**base, "markup": "json-ld articleBody", "own_markup_f1": 0.3, "other_markup_f1": 0.9}
    assert arbitrate({**marked, "own_tokens": 40}, params) == "other"
    assert arbitrate({**marked, "own_markup_f1": 0.95, "other_markup_f1": 0.5, "own_tokens": 40}, params) == "own"
    assert arbitrate({**base, "other_tokens": 0}, params) == "own"


def test_opinion_grid_holds_the_default_first() -> None:
    grid = H.opinion_grid()
    assert grid[0] == H.opinion_params() and len(grid) == len({tuple(sorted(g.items())) for g in grid}) > 1


# --------------------------------------------------------------------------- metadata, real pages


def test_real_page_metadata_from_jsonld_graph_and_h1() -> None:
    """tastewise 0002: Yoast JSON-LD graph (the author is a Person node referred to by @id)."""
    html, truth = corpus_page(WCXB, "0002")
    assert '"author":{"@id"' in html.replace(" ", "")
    art = clean_html(raw(html))
    assert art.author == truth["author"] == "Kelia Losa Reinoso"
    assert art.published == truth["publish_date"][:10]
    assert art.title == truth["title"]  # the visible <h1>
    assert art.outlet == "tastewise"


def test_real_page_metadata_from_open_graph_without_jsonld() -> None:
    html, truth = corpus_page(WCXB, "0002")
    bare = re.sub(r"<script[^>]*application/ld\+json.*?</script>", "", html, flags=re.S | re.I)
    meta = H.page_metadata(H._parse(bare))
    assert "article_body" not in meta and meta["title"] == truth["title"]
    assert H.iso_date(meta["published"]) == truth["publish_date"][:10]  # article:published_time
    assert meta["outlet"] == "tastewise"  # og:site_name


def test_dates_from_address_and_numbers() -> None:
    assert H.date_in_url("https://example.org/2025/09/04/top-trends/") == "2025-09-04"
    assert H.date_in_url("https://example.org/news/2019-11-8-slug") == "2019-11-08"
    assert H.date_in_url("https://example.org/1400/12/2025/x") is None
    assert H.date_in_url("https://example.org/2025/13/04/x") is None
    assert H.iso_date("Thu, 09/25/2025 - 11:38") == "2025-09-25"
    assert H.iso_date("13.11.2025") == "2025-11-13"
    assert H.iso_date("02-12-2025") is None  # day and month could be either


def test_a_wire_dateline_opening_the_pages_body_is_a_block_of_its_own():
    lead = "Kenyan police arrested 12 protesters in the capital on Monday after they blocked a road, officials said."
    page = (
        "<html><head><title>Kenya police arrest protesters</title></head><body><article>"
        "<h1>Kenya police arrest protesters</h1>"
        f"<p>NAIROBI, Kenya (AP) — {lead}</p>"
        "<p>The protesters had gathered to oppose a new tax on fuel that parliament approved last week.</p>"
        "<p>Police said the 12 would appear in court on Tuesday. A lawyer for the group said they would plead not "
        "guilty.</p></article></body></html>"
    )
    article = clean_html(raw(page))
    assert article.dateline == "NAIROBI, Kenya (AP) —"
    assert article.paragraphs[0] == lead
