"""Publication dates the page's markup marks as such, wherever they are printed."""

from __future__ import annotations

from newsfuse import model
from newsfuse.clean.html import _parse as parse_html
from newsfuse.clean.html import clean_html
from newsfuse.clean.visible_date import headline_element, marked_publication

HEADLINE = "Ferry operator adds a winter crossing to the islands"
BODY = "".join(
    f"<p>{s}</p>"
    for s in (
        "The ferry operator said on Tuesday that a fourth weekly crossing to the outer islands will "
        "run from November to March, after a petition from island schools and the health board.",
        "The extra sailing leaves the mainland pier early on Thursday mornings and returns the same "
        "evening, so that pupils boarding on the mainland can spend long weekends at home.",
        "Island councillors welcomed the timetable but warned that the old vessel on the route is "
        "often withdrawn in high winds, and asked for a relief ship to be named before December.",
        "The operator said a relief vessel would be chartered from a neighbouring company whenever "
        "the regular ship is in dry dock, and that fares on the new crossing stay unchanged.",
    )
)
DECLARED = (
    '<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",'
    f' "headline": "{HEADLINE}", "datePublished": "2025-11-29T12:00:00-05:00"}}</script>'
)


def page(byline: str = "By Ana Ruiz", footer: str = "", aside: str = "") -> str:
    return (
        f"<html><head><title>{HEADLINE} | Island Times</title>{DECLARED}</head><body>"
        f"<article><h1>{HEADLINE}</h1><div class='byline'>{byline}</div>{BODY}{footer}</article>"
        f"{aside}<footer>Island Times</footer></body></html>"
    )


def published(html: str) -> str | None:
    doc = model.RawDocument(source_path="page.html", format="html", text=html, input_sha256="x", meta={"html": True})
    return clean_html(doc).published


PUBDATE_FOOTER = '<div class="published">Published <time pubdate datetime="2025-08-13">August 13, 2025</time></div>'


def test_a_pubdate_time_below_the_article_is_its_publication_date() -> None:
    # no date beside the headline; the article's own <time pubdate> stands before the declared date
    html = page(footer=PUBDATE_FOOTER)
    assert marked_publication(parse_html(html), HEADLINE) == "2025-08-13"
    assert published(html) == "2025-08-13"
    # without the pubdate attribute the element is a date like any other, far from the headline
    assert published(page(footer=PUBDATE_FOOTER.replace(" pubdate", ""))) == "2025-11-29"


def test_a_pubdate_time_without_datetime_gives_the_date_in_its_text() -> None:
    html = page(footer='<p class="date">Posted <time pubdate>13 August 2025</time></p>')
    assert published(html) == "2025-08-13"
    # a date without its year dates nothing
    yearless = page(footer='<time pubdate datetime="Aug 13">Aug 13</time>')
    assert marked_publication(parse_html(yearless), HEADLINE) is None


def test_a_pubdate_time_in_another_article_dates_that_article() -> None:
    teaser = (
        '<aside><article><h2>Pier repairs</h2><time pubdate datetime="2024-06-09">June 9, 2024</time></article></aside>'
    )
    html = page(aside=teaser)
    assert marked_publication(parse_html(html), HEADLINE) is None
    assert published(html) == "2025-11-29"


def test_the_date_beside_the_headline_still_comes_first() -> None:
    html = page(byline="By Ana Ruiz · November 28, 2025", footer=PUBDATE_FOOTER)
    assert published(html) == "2025-11-28"


def test_a_headline_without_heading_markup_is_found_by_its_words() -> None:
    # the <h1> is the site's name; the headline is a <legend> with the byline's date after it
    html = (
        f"<html><head><title>{HEADLINE} | Island Times</title><meta property='og:site_name' content='Island Times'>"
        f"<meta property='og:title' content='{HEADLINE}'>"
        "</head><body>"
        "<div><h1><a href='/'>Island Times</a></h1></div>"
        f"<ul><li><a href='/ferry'>{HEADLINE}</a> 1 March 2024</li></ul>"
        f"<fieldset><legend>{HEADLINE}</legend> 20 December 2025 <div>{BODY}</div></fieldset></body></html>"
    )
    tree = parse_html(html)
    anchor = headline_element(tree, HEADLINE)
    assert anchor is not None and anchor.tag == "legend"  # the link in the list is not the headline
    assert published(html) == "2025-12-20"
    # worded only in the <title> (the <head> is not shown): no headline on the page
    bare = f"<html><head><title>{HEADLINE}</title></head><body>{BODY}</body></html>"
    assert headline_element(parse_html(bare), HEADLINE) is None
