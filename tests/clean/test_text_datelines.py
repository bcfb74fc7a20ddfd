"""Date lines above a headline: a dateline dates the article and is no title, and a month and day
with no year is no title either. Lines written here."""

from __future__ import annotations

import pytest

from newsfuse.clean import clean_text_lines
from newsfuse.clean.dates import date_without_year, dateline_date

HEADLINE = "Biologists call on two departments to overturn species rules"
BODY = [
    HEADLINE,
    "More than 1,300 federal and independent scientists today called on the Interior and Commerce "
    "departments to overturn rule changes made in January.",
    "The letter was sent on Monday to both secretaries, who must act by May 9 under the law.",
]


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("27 April 2009", "2009-04-27"),
        ("April 27, 2009", "2009-04-27"),
        ("updated 8:41 p.m. EST, Tue March 3, 2009", "2009-03-03"),
    ],
)
def test_a_dateline_dates_the_article_and_is_no_title(line, iso):
    assert dateline_date(line) == iso
    result = clean_text_lines([line, *BODY])
    assert result.published == iso and result.title == HEADLINE


@pytest.mark.parametrize("line", ["APR 28", "Tuesday, March 3", "3 March", "Sat , Nov . 15"])
def test_a_month_and_day_without_a_year_is_no_title(line):
    assert date_without_year(line)
    result = clean_text_lines([line, *BODY])
    assert result.title == HEADLINE and result.published is None
    assert [r.reason for r in result.removed][:1] == ["dateline"]


@pytest.mark.parametrize("line", ["May 5 things to know about the budget", "March Madness begins", "Apollo 11"])
def test_a_headline_opening_with_a_month_stays_a_title(line):
    assert not date_without_year(line)
    assert clean_text_lines([line, *BODY[1:]]).title == line
