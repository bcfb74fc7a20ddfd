"""Seasons (TIMEX3 2016-SU) through every stage that reads a date at its precision: the span it
covers, the order of a timeline, the brief's wording, the GDELT export's day, fusion's overlap."""

from __future__ import annotations

import datetime as dt

from newsfuse.export.gdelt import first_day
from newsfuse.model import PRECISIONS, date_span
from newsfuse.store.serde import sort_key
from newsfuse.stories.config import load
from newsfuse.stories.dates import overlap, rank
from newsfuse.stories.statements import date_phrase


def test_a_season_covers_its_three_months_and_a_winter_runs_into_the_next_year():
    assert date_span("2016-SP") == (dt.date(2016, 3, 1), dt.date(2016, 5, 31))
    assert date_span("2016-SU") == (dt.date(2016, 6, 1), dt.date(2016, 8, 31))
    assert date_span("2016-FA") == (dt.date(2016, 9, 1), dt.date(2016, 11, 30))
    assert date_span("2015-WI") == (dt.date(2015, 12, 1), dt.date(2016, 2, 29))
    assert date_span("2016-XX") is None
    assert "season" in PRECISIONS and rank("season") == rank("quarter")


def test_a_season_sorts_by_its_first_day_and_overlaps_the_days_it_covers():
    values = ["2016-09-02", "2016-SU", "2016-05-31", "2015-WI", "2016-01-15"]
    assert sorted(values, key=sort_key) == ["2015-WI", "2016-01-15", "2016-05-31", "2016-SU", "2016-09-02"]
    assert overlap("2016-SU", "2016-07-04") and not overlap("2016-SU", "2016-09-02")
    assert overlap("2015-WI", "2016-02") and first_day("2016-FA") == dt.date(2016, 9, 1)


def test_the_brief_names_the_season_and_both_years_of_a_winter():
    cfg = load("brief.yaml")
    assert date_phrase("2016-SU", "season", cfg) == " in the summer of 2016"
    assert date_phrase("2015-WI", "season", cfg) == " in the winter of 2015-16"
