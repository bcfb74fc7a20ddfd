"""Seasons (TIMEX3 2016-SU), spans of years with a short second year, and round 3's name and span rules."""

from __future__ import annotations

from newsfuse.nlp.dates import find_dates


def values(text: str, published: str | None) -> list[tuple[str, str | None]]:
    return [(d.text, d.value) for d in find_dates(text, published)]


def test_a_season_with_a_year_is_that_season():
    found = values("The plant opened in the spring of 2016 and closed in Fall 2017.", "2018-03-01")
    assert found == [("the spring of 2016", "2016-SP"), ("Fall 2017", "2017-FA")]


def test_last_next_and_this_season_count_from_the_current_season():
    text = "We hired two players this summer. Last fall was quiet. Next winter the roof gets fixed."
    assert values(text, "2005-07-25") == [
        ("this summer", "2005-SU"),
        ("Last fall", "2004-FA"),
        ("Next winter", "2005-WI"),
    ]
    # in January the current winter is the one that began in December
    assert values("The roads froze this winter.", "2016-01-15") == [("this winter", "2015-WI")]


def test_the_season_after_a_preposition_follows_the_tense():
    text = "The club signed a centre over the summer. The team will move in the spring."
    assert values(text, "2015-12-10") == [("the summer", "2015-SU"), ("the spring", "2016-SP")]


def test_fall_as_a_verb_or_the_fall_of_a_city_is_no_season():
    assert values("Shares could fall 2000 points. The fall of the city came fast.", "2016-12-01") == []


def test_a_span_of_years_with_a_short_second_year_gives_both_years():
    text = "She played on the 1982-83 team and coached from 1999 - 00 through the 2008-09 season."
    assert values(text, "2009-01-10") == [
        ("1982", "1982"),
        ("83", "1983"),
        ("1999", "1999"),
        ("00", "2000"),
        ("2008", "2008"),
        ("09", "2009"),
    ]


def test_a_third_number_makes_it_no_span_of_years():
    assert values("The page says 2012 - 04 - 04 and the code 5-2008-09.", None) == [("2012", "2012")]


def test_an_abbreviated_weekday_after_a_capitalised_word_ends_a_newspapers_name():
    text = "The senator said so, according to the Las Vegas Sun. The talks resumed on Sun. after a pause."
    assert values(text, "2015-11-09") == [("on Sun", "2015-11-08")]


def test_a_count_after_an_ordinal_is_a_span_not_a_date_ahead():
    text = "He will be the fifth manager in four years. The new line will open in four years."
    assert values(text, "2005-05-24") == [("in four years", "2009")]


def test_a_hortative_looks_ahead():
    assert values("The mayor boomed: “Let’s beat them in November.”", "2016-07-21") == [("November", "2016-11")]


def test_without_a_publication_date_a_scheduled_date_is_no_reference():
    text = "The director was the favourite earlier in the week.\n\nThe film is scheduled to open November 20, 2009."
    assert values(text, None) == [("earlier in the week", None), ("November 20, 2009", "2009-11-20")]


def test_without_a_publication_date_a_later_span_of_years_leaves_an_old_date_no_reference():
    text = "He was hired on May 23, 2005. The 2008-09 season went badly. Last year he was fired."
    assert values(text, None) == [
        ("on May 23, 2005", "2005-05-23"),
        ("2008", "2008"),
        ("09", "2009"),
        ("Last year", None),
    ]


def test_a_lower_case_summer_after_the_is_a_season_and_a_spelled_year_names_its_year():
    text = "Orders rose from the low levels of the early summer. Prices matched the winter of nineteen ninety-four."
    assert values(text, "1998-02-23") == [
        ("the early summer", "1997-SU"),
        ("the winter of nineteen ninety-four", "1994-WI"),
    ]
    # capitalised, it opens a name
    assert values("Athletes trained for the Summer Olympics.", "1998-02-23") == []
