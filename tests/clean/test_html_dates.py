"""The publication date of an HTML page: the date printed beside its headline, with its limits."""

from __future__ import annotations

from newsfuse import model
from newsfuse.clean.html import _parse as parse_html
from newsfuse.clean.html import _set_page_date as set_page_date
from newsfuse.clean.html import clean_html
from newsfuse.clean.visible_date import date_beside_headline, headline_element

BODY = "".join(
    f"<p>{s}</p>"
    for s in (
        "The harbour board voted on Monday to extend the northern breakwater by two hundred metres "
        "after a winter of storms flooded the fish market three times.",
        "Work is expected to start in the spring and to last eighteen months, the board's chair "
        "told reporters after the vote, adding that the cost would be shared with the region.",
        "Fishing crews welcomed the decision but asked for the old slipway to stay open while the "
        "contractors are on site, since it is the only one deep enough at low tide.",
    )
)
HEADLINE = "Harbour board votes to extend the northern breakwater"
DECLARED = (
    '<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",'
    f' "headline": "{HEADLINE}", "datePublished": "2019-01-01T00:00:00Z"}}</script>'
)

OPEN_GRAPH = '<meta property="article:published_time" content="2019-01-01T00:00:00Z">'


def page(byline: str, head: str = DECLARED, after_body: str = "", heading: str = HEADLINE, above: str = "") -> str:
    return (
        f"<html><head><title>{HEADLINE} | Coast Post</title>{head}</head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        f"<article>{above}<h1>{heading}</h1><div class='byline'>{byline}</div>{BODY}{after_body}</article>"
        "<footer>Coast Post</footer></body></html>"
    )


def published(html: str, url: str | None = None) -> str | None:
    doc = model.RawDocument(
        source_path="page.html", format="html", text=html, input_sha256="x", meta={"html": True}, url=url
    )
    return clean_html(doc).published


def test_date_printed_under_the_headline_beats_the_declared_one() -> None:
    # the JSON-LD says 2019-01-01 (a template's date); the reader sees March 5, 2025
    assert published(page("By Lena Ward · March 5, 2025")) == "2025-03-05"
    assert published(page("Published: 05 Mar 2025")) == "2025-03-05"


def test_time_element_beside_the_headline_gives_its_datetime() -> None:
    # the text says only "3 days ago"; the <time datetime> holds the date
    assert published(page('By Lena Ward <time datetime="2025-03-05T08:00:00Z">3 days ago</time>')) == "2025-03-05"


def test_revision_dates_are_passed_over() -> None:
    # "Updated" is a revision, not the publication: the date declared in Open Graph stands
    assert published(page("By Lena Ward · Updated on April 2, 2025", head=OPEN_GRAPH)) == "2019-01-01"
    assert published(page("Last modified: April 2, 2025", head=OPEN_GRAPH)) == "2019-01-01"
    assert published(page('<time datetime="2025-04-02">Updated April 2, 2025</time>', head=OPEN_GRAPH)) == "2019-01-01"
    # a revision then the publication: the publication is taken, whatever the markup declares
    assert published(page("Updated April 2, 2025 · Published March 5, 2025")) == "2025-03-05"
    assert published(page("Updated April 2, 2025 · Published March 5, 2025", head=OPEN_GRAPH)) == "2025-03-05"


def test_a_day_from_the_declared_timestamp_is_the_same_moment() -> None:
    head = DECLARED.replace("2019-01-01T00:00:00Z", "2025-03-06T01:30:00+00:00")
    assert published(page("By Lena Ward · March 5, 2025", head=head)) == "2025-03-06"  # a time zone apart
    assert published(page("By Lena Ward · March 2, 2025", head=head)) == "2025-03-02"  # another day


def test_date_in_the_address_stands_before_the_printed_one() -> None:
    html = page("By Lena Ward · March 5, 2025")
    assert published(html, url="https://coastpost.example/2025/03/04/breakwater/") == "2025-03-04"


def test_dates_far_from_the_headline_are_not_its_date() -> None:
    # a date in the body or footer (a quoted event) is not the byline; the declared date stands
    far = "<p>" + "The board first discussed the plan years ago. " * 30 + "It met again on June 9, 2024.</p>"
    assert published(page("By Lena Ward", after_body=far)) == "2019-01-01"


def test_no_headline_on_the_page_means_no_printed_date() -> None:
    tree = parse_html(page("March 5, 2025", heading="Coast Post"))  # the <h1> is the site's name
    assert headline_element(tree, HEADLINE) is None
    assert date_beside_headline(tree, HEADLINE) is None
    assert published(page("March 5, 2025", heading="Coast Post")) == "2019-01-01"


def test_headline_element_is_found_by_its_words() -> None:
    tree = parse_html(page("x", heading="Harbour board votes to extend the northern  breakwater!"))
    assert headline_element(tree, HEADLINE) is not None
    assert date_beside_headline(tree, None) is None and date_beside_headline(None, HEADLINE) is None


def test_a_revision_date_is_the_date_when_the_page_declares_none() -> None:
    # nothing declared: "Updated" is the only date the page gives for the text it holds
    meta: dict[str, str | None] = {"title": HEADLINE}
    set_page_date(meta, parse_html(page("By Lena Ward · Updated on April 2, 2025", head="")), None)
    assert meta["published"] == "2025-04-02"
    assert published(page("By Lena Ward · Updated on April 2, 2025", head="")) == "2025-04-02"
    # a publication declared in JSON-LD only: the printed revision is still the date the reader is given
    assert published(page("By Lena Ward · Updated on April 2, 2025")) == "2025-04-02"
    # one declared in Open Graph (article:published_time, also beside the JSON-LD) stands before it
    assert published(page("By Lena Ward · Updated on April 2, 2025", head=OPEN_GRAPH)) == "2019-01-01"
    assert published(page("By Lena Ward · Updated on April 2, 2025", head=DECLARED + OPEN_GRAPH)) == "2019-01-01"
    # an Open Graph tag without a readable date declares nothing
    unreadable = OPEN_GRAPH.replace("2019-01-01T00:00:00Z", "soon")
    assert published(page("By Lena Ward · Updated on April 2, 2025", head=unreadable)) == "2025-04-02"


def test_the_date_nearest_the_headline_wins_over_a_ticker_above_it() -> None:
    ticker = "<ul class='ticker'><li>March 1, 2025 <a href='/a'>Ferry strike ends after three weeks</a></li></ul>"
    assert published(page("By Lena Ward · March 5, 2025", above=ticker)) == "2025-03-05"
    # a kicker date just above the headline beats an author card's date far below it
    card = "<p>" + "Lena Ward covers the coast and its harbours for the paper. " * 6 + "Joined June 9, 2024.</p>"
    kicker = "<p class='kicker'>Harbours · March 5, 2025</p>"
    assert (
        date_beside_headline(parse_html(page("By Lena Ward", above=kicker, after_body=card)), HEADLINE) == "2025-03-05"
    )


def test_a_printed_day_no_time_zone_can_reach_is_another_day() -> None:
    # 22:00 UTC on March 6 is March 6 or 7 somewhere, never March 5: the printed date wins
    late = DECLARED.replace("2019-01-01T00:00:00Z", "2025-03-06T22:00:00Z")
    assert published(page("By Lena Ward · March 5, 2025", head=late)) == "2025-03-05"
    # 02:00 UTC on March 6 is still March 5 west of Greenwich: the declared moment stands
    early = DECLARED.replace("2019-01-01T00:00:00Z", "2025-03-06T02:00:00+00:00")
    assert published(page("By Lena Ward · March 5, 2025", head=early)) == "2025-03-06"
    # a declared day without a time: a day either side is the same moment
    day = DECLARED.replace("2019-01-01T00:00:00Z", "2025-03-06")
    assert published(page("By Lena Ward · March 5, 2025", head=day)) == "2025-03-06"


def test_a_guessed_date_a_day_off_does_not_outrank_the_printed_one() -> None:
    # no declaration in the markup: a date found elsewhere (trafilatura's search) is no timestamp
    # of the page, so the "same moment in another zone" allowance does not apply to it
    meta: dict[str, str | None] = {"title": HEADLINE, "published": "2025-03-04"}
    set_page_date(meta, parse_html(page("By Lena Ward · March 5, 2025", head="")), None)
    assert meta["published"] == "2025-03-05"
    # the same day declared in the markup stands (a time zone apart)
    head = DECLARED.replace("2019-01-01T00:00:00Z", "2025-03-04")
    meta = {"title": HEADLINE, "published": "2025-03-04"}
    set_page_date(meta, parse_html(page("By Lena Ward · March 5, 2025", head=head)), None)
    assert meta["published"] == "2025-03-04"


def test_a_time_element_marked_as_a_revision_in_markup_is_one() -> None:
    # WordPress prints the modified date first with class="updated": its text is a bare date
    both = (
        '<time class="updated" datetime="2025-04-02T10:00:00+00:00">April 2, 2025</time> '
        '<time class="entry-date published" datetime="2025-03-05T09:00:00+00:00">March 5, 2025</time>'
    )
    assert published(page(both)) == "2025-03-05"
    # schema.org's dateModified property on the element says the same; the declared date stands
    modified = '<time itemprop="dateModified" datetime="2025-04-02">April 2, 2025</time>'
    assert published(page(modified, head=OPEN_GRAPH)) == "2019-01-01"
    # the same element without the markup is the printed date
    assert published(page('<time datetime="2025-04-02">April 2, 2025</time>')) == "2025-04-02"


def test_the_pages_only_h1_is_its_headline_when_worded_otherwise_than_the_declared_title() -> None:
    # the declared (SEO) title differs from the visible <h1>; a teaser <h2> elsewhere carries the
    # declared words: the byline under the page's one <h1> is read, not the teaser's neighbourhood
    teaser = f"<aside><p>Other stories · June 9, 2024</p><h2>{HEADLINE}</h2></aside>"
    html = page("By Lena Ward · March 5, 2025", heading="Breakwater to grow by 200 metres", after_body=teaser)
    tree = parse_html(html)
    anchor = headline_element(tree, HEADLINE)
    assert anchor is not None and anchor.tag == "h1"
    assert published(html) == "2025-03-05"
    # with two <h1> elements and no exact match there is no telling which is the headline
    two = page("By Lena Ward · March 5, 2025", heading="Breakwater to grow", above="<h1>Harbour news</h1>")
    assert headline_element(parse_html(two), HEADLINE) is None


def test_a_declared_date_no_reader_can_read_leaves_room_for_a_readable_one() -> None:
    # "02-12-2025" (day and month both under 13) names no day: the <meta> tag's date is taken
    head = (
        '<meta property="article:published_time" content="2025-12-02T09:00:00Z">'
        f'<script type="application/ld+json">{{"@type": "BlogPosting", "headline": "{HEADLINE}",'
        ' "datePublished": "02-12-2025"}</script>'
    )
    assert published(page("By Lena Ward", head=head)) == "2025-12-02"
