"""Date forms from the TimeML/TIMEX3 guidelines, each checked on sentences written for the test
(publication date: Wednesday 11 March 1998): a day with a relative year, 'the year before',
recurring times (SET) and counted spans before an event that are no date."""

from __future__ import annotations

from newsfuse.nlp.dates import find_dates

PUB = "1998-03-11"  # a Wednesday, ISO week 1998-W11


def values(text: str, published: str | None = PUB) -> dict[str, str | None]:
    return {d.text: d.value for d in find_dates(text, published)}


# --------------------------------------------------------------------------- a day with a relative year


def test_a_day_with_last_or_next_year_takes_that_year():
    assert values("On Feb. 14 of last year, the minister resigned.") == {"On Feb. 14 of last year": "1997-02-14"}
    assert values("The plant will reopen on 3 June next year.") == {"on 3 June next year": "1999-06-03"}
    assert values("On Friday, June 5 last year, the index fell.") == {"On Friday, June 5 last year": "1997-06-05"}
    # without the year phrase the day keeps the nearest year; across a comma the two are apart
    assert values("The minister resigned on Feb. 14.") == {"on Feb. 14": "1998-02-14"}
    assert values("The plant closed on Feb. 14, last year it reopened.") == {
        "on Feb. 14": "1998-02-14",
        "last year": "1997",
    }


def test_the_year_before_counts_from_the_date_mentioned_last():
    assert values("Prices rose in 1995. The year before, they had fallen.") == {
        "1995": "1995",
        "The year before": "1994",
    }
    assert values("The strike began in May 1996. The month after, it ended.")["The month after"] == "1996-06"
    # no date before it: from the publication date
    assert values("The year before, the company had lost money.") == {"The year before": "1997"}
    assert values("The week before last, a storm hit the coast.") == {"The week before last": "1998-W09"}


def test_the_following_year_without_an_earlier_date_counts_from_publication():
    assert values("The following year the company recovered.") == {"The following year": "1999"}
    assert values("The previous month had been calm.") == {"The previous month": "1998-02"}


def test_a_year_before_a_quarter_names_its_year():
    assert values("In 1997's fourth quarter, profit rose 5%.") == {"1997's fourth quarter": "1997-Q4"}
    assert values("In 1997's fourth quarter, profit rose 5%.", None) == {"1997's fourth quarter": "1997-Q4"}


# --------------------------------------------------------------------------- no date


def test_each_or_every_weekday_or_month_is_a_recurring_time_not_a_date():
    assert values("Ferries leave each Thursday and every Sunday from the port.") == {}
    assert values("The river floods every April.") == {}
    # a plain weekday and a dated day in the same sentence stay dates
    assert values("A ferry left Thursday; the next leaves each Sunday from April 6.") == {
        "Thursday": "1998-03-05",
        "April 6": "1998-04-06",
    }


def test_an_abbreviated_weekday_with_a_comma_needs_a_date_after_it():
    assert values("Sun, a maker of workstations, reported a loss.") == {}
    assert values("The fair opens Sun, March 15 in Leeds.") == {"Sun, March 15": "1998-03-15"}
    assert values("The fair closed Sat. after a week.") == {"Sat": "1998-03-07"}


def test_vague_units_before_an_event_are_no_date():
    # "days after the vote" is dated by the vote, not by the text's time (like "two days after the vote")
    assert values("Days after the vote, the premier quit.") == {}
    assert values("The inspectors came back two months after their expulsion.") == {}
    # anchored on a date, or standing alone, they still date the clause
    assert values("The army entered the town on March 2. Days later the mayor fled.") == {
        "on March 2": "1998-03-02",
        "Days later": "1998-W10",
    }


def test_vague_units_after_a_date_lie_after_it_and_before_it_lie_before():
    # the sign was turned round: "weeks later" came out before the date it counts from
    assert values("The talks ended on April 24. Weeks later, the envoy returned.")["Weeks later"] == "1998-05"
    assert values("The talks ended on April 10. Weeks before, the envoy had warned.")["Weeks before"] == "1998-03"


# --------------------------------------------------------------------------- ellipsis and modals


def test_last_or_next_that_leaves_out_its_unit_takes_the_unit_of_this_unit_before_it():
    assert values("The dividend this year will be nearly twice as high as last.") == {
        "this year": "1998",
        "as last": "1997",
    }
    assert values("Sales grew faster this quarter than last.")["than last"] == "1997-Q4"
    assert values("Rents rise this month more than next.")["than next"] == "1998-04"
    # no 'this <unit>' just before it, or a clause ended on the way: no date
    assert values("He was ranked as high as last.") == {}
    assert values("This year the firm did well; she came in as last.") == {"This year": "1998"}
    assert values("Last week the firm did well, and the bank did better than last.") == {"Last week": "1998-W10"}


def test_must_and_should_put_a_weekday_ahead():
    assert values("Iraq must comply by Friday's deadline, the envoy said.") == {"Friday": "1998-03-13"}
    assert values("Talks should resume Monday, officials said.") == {"Monday": "1998-03-16"}
    assert values("He must have left Monday.") == {"Monday": "1998-03-09"}  # a past form between


def test_a_weekday_written_with_a_day_picks_the_year_in_which_they_agree():
    # 1 Dec 1997 was a Monday, 1 Dec 1998 a Tuesday: the weekday settles the year, whatever the tense
    assert values("On Monday, Dec. 1, the bill passed.") == {"On Monday, Dec. 1": "1997-12-01"}
    assert values("On Tuesday, Dec. 1, the bill passed.") == {"On Tuesday, Dec. 1": "1998-12-01"}
    assert values("Sat. 21 March was fine.") == {"Sat. 21 March": "1998-03-21"}
    # without a weekday: the nearest year
    assert values("On Dec. 1, the bill passed.") == {"On Dec. 1": "1997-12-01"}


# --------------------------------------------------------------------------- the year of a list, of "that year"


def test_a_month_of_that_year_takes_the_year_mentioned_last():
    text = "The war began in 1995. In November of that year, talks opened."
    assert values(text) == {"1995": "1995", "November of that year": "1995-11"}
    text = "The war began in 1995. On Jan. 19 of the same year, the army attacked."
    assert values(text)["On Jan. 19 of the same year"] == "1995-01-19"
    text = "It began in 1995. On the 19th of January of that year, it spread."
    assert values(text)["On the 19th of January of that year"] == "1995-01-19"
    # no year before it: as the month written alone (the nearest year)
    assert values("In November of that year, talks opened.") == {"November of that year": "1997-11"}


def test_a_year_written_after_a_list_or_range_is_the_year_of_each_member():
    assert values("Elections were held on September 14 and 18, 1994.")["on September 14"] == "1994-09-14"
    assert values("The summit ran Jan. 12-14, 1995.")["Jan. 12"] == "1995-01-12"
    assert values("The festival ran in May and June 1996.") == {"May": "1996-05", "June 1996": "1996-06"}
    # a number that is no day of the list, or a year on its own: no shared year
    assert values("The plant opened Jan. 12 and 1995 was a good year.")["Jan. 12"] == "1998-01-12"
    assert values("Prices rose in October and 1996 was a record.")["October"] == "1997-10"


def test_a_quarter_without_a_year_that_has_not_begun_lies_behind_unless_the_clause_looks_ahead():
    assert values("The company reported a drop in profit for the fourth quarter.") == {"the fourth quarter": "1997-Q4"}
    assert values("Fourth-quarter profit rose 5%.") == {"Fourth-quarter": "1997-Q4"}
    assert values("Profit will rise in the third quarter.") == {"the third quarter": "1998-Q3"}
    assert values("Sales rose in the first quarter.") == {"the first quarter": "1998-Q1"}


def test_a_month_and_day_after_this_last_or_next_is_that_day():
    assert values("The vote is due this November 24.") == {"this November 24": "1998-11-24"}
    assert values("He died last March 3.") == {"last March 3": "1998-03-03"}  # the latest one
    assert values("He died last March 12.") == {"last March 12": "1997-03-12"}  # not yet this year
    assert values("The law takes effect next June 1.") == {"next June 1": "1998-06-01"}
    assert values("The law took effect next March 1.") == {"next March 1": "1999-03-01"}
