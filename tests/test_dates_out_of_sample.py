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


def test_a_holiday_in_a_past_clause_is_the_last_one_and_in_a_future_clause_the_next():
    assert values("A man was sentenced for a New Year's Day shooting.", "2016-10-31") == [
        ("New Year's Day", "2016-01-01")
    ]
    assert values("The bridge will reopen on New Year's Day.", "2016-10-31") == [("New Year's Day", "2017-01-01")]
    assert values("Stores expect crowds around Christmas.", "2016-12-01") == [("Christmas", "2016-12-25")]


def test_each_end_of_a_span_of_years_is_a_year_and_a_range_of_counts_is_not():
    assert values("Her modelling years lasted from 1951-1957.") == [("1951", "1951"), ("1957", "1957")]
    assert values("The war of 1914–1918 changed the town.") == [("1914", "1914"), ("1918", "1918")]
    assert values("Some 1200-1500 protesters came; call 255-1111.") == []
    assert values("The vote on Resolution 1990-1995 failed.") == []


def test_a_weekday_before_a_date_never_reaches_across_a_sentence_or_a_line():
    text = "The agency announced Tuesday.\n\nThe Nov. 30 escape led to a review."
    assert values(text, "2010-01-14") == [("Tuesday", "2010-01-12"), ("Nov. 30", "2009-11-30")]
    assert values("The funeral will be held Tuesday, Dec. 16.", "2008-12-12") == [("Tuesday, Dec. 16", "2008-12-16")]


def test_without_a_publication_date_a_dateline_is_the_reference_and_an_older_birth_date_is_none():
    dated = "Posted August 2nd, 2013 at 5:19 pm\n\nShe will host the show, producers said today."
    assert values(dated, None) == [("August 2nd, 2013", "2013-08-02"), ("today", "2013-08-02")]
    born = "The actress was born April 22, 1923.\n\nIn 1955 she posed for a magazine. She died yesterday."
    assert values(born, None) == [("April 22, 1923", "1923-04-22"), ("1955", "1955"), ("yesterday", None)]


def test_a_future_clitic_joined_to_its_word_looks_ahead_with_either_apostrophe():
    assert values("He said he’ll be very competitive in November.", "2016-05-12") == [("November", "2016-11")]
    assert values("He said he'll be very competitive in November.", "2016-05-12") == [("November", "2016-11")]
    assert values("She said she won’t vote on Tuesday.", "2016-05-12") == [("on Tuesday", "2016-05-17")]


def test_the_following_decade_counts_from_the_decade_or_year_mentioned_last():
    text = "The 1950s pin-up queen paved the way for the revolution of the following decade."
    assert values(text, "2008-12-12") == [("The 1950s", "195"), ("the following decade", "196")]
    assert values("In 1985 prices fell; the previous decade was worse.", "2008-12-12") == [
        ("1985", "1985"),
        ("the previous decade", "197"),
    ]


def test_in_a_count_of_units_after_a_perfect_is_a_span_and_after_a_future_cue_a_date():
    assert values("She’ll wear a dress she hasn’t worn in six months.", "2016-03-15") == []
    assert values("They have said the plant will open in six months.", "2016-03-15") == [("in six months", "2016-09")]


def test_without_a_publication_date_a_short_decade_takes_the_century_of_the_date_before_it():
    text = "She began modelling in 1950.\n\nThroughout the 50s, she posed for magazines."
    assert values(text, None) == [("1950", "1950"), ("the 50s", "195")]
    assert values("Throughout the 50s, she posed for magazines.", None) == [("the 50s", None)]
