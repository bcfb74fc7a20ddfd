"""Date forms found where newsfuse and HeidelTime disagreed on news the rules were not written from
(benchmarks/dates_disagree.py), decided by the TIMEX3 guidelines; sentences written for the test."""

from __future__ import annotations

from newsfuse.nlp.dates import find_dates

PUB = "2016-06-19"  # a Sunday


def values(text: str, published: str | None = PUB) -> list[tuple[str, str | None]]:
    return [(d.text, d.value) for d in find_dates(text, published)]


def test_an_ambiguous_month_between_an_article_and_a_noun_is_a_prenominal_date():
    assert values("Neighbours said shots were fired during a May shootout.") == [("May", "2016-05")]
    assert values("They joined a March rally downtown.") == [("March", "2016-03")]


def test_an_ambiguous_month_that_heads_a_name_or_a_phrase_stays_a_word():
    assert values("The March of Dimes gave money.") == []
    assert values("Theresa May said the party may win.") == []


def test_a_holiday_opening_a_capitalised_name_after_the_is_no_date():
    assert values("The Christmas Box House gives children a bed.") == []
    assert values("They met at the Easter Parade Committee office.") == []


def test_a_holiday_before_a_common_noun_or_a_name_elsewhere_stays_a_date():
    assert values("After the Christmas break, schools reopened.", "2016-01-10") == [("Christmas", "2015-12-25")]
    assert values("After Christmas President Obama left for Hawaii.", "2016-01-10") == [("Christmas", "2015-12-25")]


def test_can_and_might_look_ahead_like_will_unless_negated():
    assert values("A candidate who can win in November will lead.", "2016-03-01") == [("November", "2016-11")]
    assert values("He might visit in March, aides said.", "2016-01-19") == [("March", "2016-03")]
    assert values("Officials can't say Tuesday what happened.", "2016-01-20") == [("Tuesday", "2016-01-19")]


def test_a_part_of_a_month_after_a_preposition_takes_the_tense_of_its_clause():
    text = "The talks will end in the second half of February."
    assert values(text, "2016-12-20") == [("February", "2017-02")]
    assert values("The talks ended by the end of December.", "2016-01-20") == [("December", "2015-12")]


def test_the_same_day_as_an_event_has_no_date_of_its_own():
    assert values("On the same day that the paper reported a scandal, nobody asked.", "2016-02-11") == []


def test_a_headline_in_title_case_keeps_its_time_word_and_a_name_in_a_sentence_does_not():
    assert values("10 Things to Know for Today.", "2016-02-04") == [("Today", "2016-02-04")]
    assert values("This is VOA Today.", "2016-02-04") == []
    assert values("Speaking to “CBS This Morning” Monday, Rubio said no.", "2016-02-04") == [("Monday", "2016-02-01")]
    assert values("He left. Yesterday, officials said no.", "2016-02-04") == [("Yesterday", "2016-02-03")]


def test_an_award_of_the_year_is_a_title_not_a_year():
    assert values("Voters named the Liar of the Year Barack Obama.", "2015-11-17") == []
    assert values("Sales rose the year before.", "2015-11-17") == [("the year before", "2014")]


def test_a_decade_without_its_apostrophe_and_a_range_of_measures():
    assert values("In the late 90s she was a pop star.", "2013-05-03") == [("the late 90s", "199")]
    assert values("Highs will be in the 90s on the coast.", "2013-05-03") == []


def test_a_count_of_units_after_a_modal_of_ability_is_a_rate():
    assert values("It sets how many refugees the country can accept in a year.", "2015-11-17") == []
    assert values("The plant will open in a year.", "2015-11-17") == [("in a year", "2016")]
