"""Event coreference keeps an undated mention apart from mentions of articles published far from
its own article, as fusion does; mentions dated by their own words are judged by those dates."""

from __future__ import annotations

import datetime as dt

from newsfuse.stories.config import load
from newsfuse.stories.coref import AnyMention, allowed, pair_score, published_apart


def shooting(mid: str, article: str, published: str = "", dates: frozenset[str] = frozenset()) -> AnyMention:
    return AnyMention(mid, "story", "shooting", article=article, published=published, dates=dates)


def test_an_undated_mention_of_an_article_published_months_later_cannot_be_the_same_event():
    first = shooting("m1", "a1", "2014-06-15")
    next_day = shooting("m2", "a2", "2014-06-16")
    months_later = shooting("m3", "a3", "2014-11-02")
    assert allowed(first, next_day)
    assert not allowed(first, months_later)
    assert pair_score(first, months_later) == float("-inf")


def test_the_window_is_days_to_weeks_and_read_from_fusion_yaml():
    window = load("fusion.yaml")["undated_publication_window_days"]
    assert 7 <= window <= 60
    start = dt.date(2014, 6, 1)
    assert not published_apart(start.isoformat(), (start + dt.timedelta(days=window)).isoformat(), False)
    assert published_apart(start.isoformat(), (start + dt.timedelta(days=window + 1)).isoformat(), False)
    assert not published_apart(start.isoformat(), "2014-12-31", True)  # both dated: their dates decide


def test_dates_of_their_own_decide_when_both_mentions_have_them():
    first = shooting("m1", "a1", "2014-06-15", frozenset({"2014-06-14"}))
    trial = shooting("m2", "a2", "2015-03-02", frozenset({"2014-06-14"}))
    other = shooting("m3", "a3", "2015-03-02", frozenset({"2015-02-27"}))
    assert allowed(first, trial)
    assert not allowed(first, other)


def test_an_unknown_publication_date_keeps_nothing_apart():
    assert allowed(shooting("m1", "a1", ""), shooting("m2", "a2", "2020-01-01"))
    assert not published_apart(None, "2020-01-01", False)
