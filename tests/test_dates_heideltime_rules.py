"""Date forms of HeidelTime's published English rules (date_r0 ... date_r25 and its negative rules)
that newsfuse did not cover, each checked on sentences written for the test (publication date:
Wednesday 11 March 1998), and numbers that stay numbers."""

from __future__ import annotations

from newsfuse.nlp.dates import find_dates

PUB = "1998-03-11"  # a Wednesday


def values(text: str, published: str | None = PUB) -> dict[str, str | None]:
    return {d.text: d.value for d in find_dates(text, published)}


# --------------------------------------------------------------------------- numbers in words


def test_two_digit_number_words_count_units_back():
    # date_r19b: reNumWord2D ("twenty-five", "thirty one")
    assert values("The dam was built twenty-five years ago.") == {"twenty-five years ago": "1973"}
    assert values("The mine closed thirty one years ago.") == {"thirty one years ago": "1967"}
    assert values("The law passed sixty years ago.") == {"sixty years ago": "1938"}


# --------------------------------------------------------------------------- written forms


def test_an_iso_date_carrying_a_time_is_that_day():
    assert values("The feed was stamped 1998-02-13T10:30 by the server.") == {"1998-02-13": "1998-02-13"}


def test_numeric_dates_with_dashes_or_dots():
    # date_r0b (month-day-year with dashes), date_r0h (day.month.year)
    assert values("The memo dated 10-29-97 was leaked.") == {"10-29-97": "1997-10-29"}
    assert values("The treaty was signed on 1.3.1996 in Rome.") == {"1.3.1996": "1996-03-01"}
    assert values("The index was 25-Feb-97 at its low.") == {"25-Feb-97": "1997-02-25"}
    # a score, a phone number, a version: no date
    assert values("They won 21-14 and lost 3-2-1 overall.") == {}
    assert values("Call 555-12-34 for tickets.") == {}
    assert values("Update to version 2.13.2 now.") == {}


def test_each_member_of_a_day_range_or_list_is_a_day_of_its_month():
    # date_r2b ("November 19-20": the 20th too), date_r2d/e ("3 to 6 May": the 3rd too), date_r4b
    assert values("Delegates met Nov. 19-20 in Lima.") == {"Nov. 19": "1997-11-19", "20": "1997-11-20"}
    assert values("The fair ran from 3 to 6 May 1996.") == {"3": "1996-05-03", "6 May 1996": "1996-05-06"}
    assert values("Votes were held Sept. 14 and 18, 1994.") == {
        "Sept. 14": "1994-09-14",
        "18, 1994": "1994-09-18",
    }
    # a time, a percentage or a counted noun after the second number: no day
    assert values("The office is open March 3 to 6 p.m.") == {"March 3": "1998-03-03"}
    assert values("On March 3 and 4 people were hurt.") == {"On March 3": "1998-03-03"}


# --------------------------------------------------------------------------- part words, this past / coming


def test_part_words_and_this_past_or_coming_before_a_unit():
    # date_r17a/r18a: reThisNextLast and rePartWords before a unit
    assert values("Prices rose this past week.") == {"this past week": "1998-W10"}
    assert values("The plant reopens in the middle of next month.") == {"the middle of next month": "1998-04"}
    assert values("Budgets shrink this coming year.") == {"this coming year": "1999"}


def test_a_quarter_of_this_last_or_next_year():
    # date_r11c
    assert values("Sales fell in the third quarter of last year.") == {"the third quarter of last year": "1997-Q3"}
    assert values("Sales will rise in the first quarter of next year.") == {"the first quarter of next year": "1999-Q1"}


def test_a_decade_with_its_century_spelled_out():
    # date_r13d / date_r14d
    assert values("Rents doubled in the nineteen-nineties.") == {"the nineteen-nineties": "199"}
    assert values("Rents doubled in the nineties.") == {"the nineties": "199"}


# --------------------------------------------------------------------------- holidays


def test_more_fixed_and_movable_holidays():
    # HeidelTime's normHolidayFix / normHolidayVar (Easter 1998: 12 April)
    assert values("Crowds gathered on St. Patrick's Day.") == {"St. Patrick's Day": "1998-03-17"}
    assert values("The fast begins on Ash Wednesday 1999.") == {"Ash Wednesday 1999": "1999-02-17"}
    assert values("Pilgrims will arrive for Pentecost.") == {"Pentecost": "1998-05-31"}
    assert values("Banks closed on Columbus Day 1997.") == {"Columbus Day 1997": "1997-10-13"}
    assert values("Fireworks lit the sky on Independence Day 1997.") == {"Independence Day 1997": "1997-07-04"}


def test_another_countrys_independence_day_is_no_fourth_of_july():
    assert values("Crowds marked Kenya's Independence Day.") == {}
    assert values("Crowds marked Mexican Independence Day.") == {}


# --------------------------------------------------------------------------- numbers that stay numbers


def test_labels_addresses_and_clock_times_are_no_years():
    # HeidelTime's negative rules (x_date_r6a, x_date_r7a) and military clock times
    assert values("The council adopted Resolution 1998 unanimously.") == {}
    assert values("Flight 2000 landed late.") == {}
    assert values("Protesters gathered outside 2000 Pennsylvania Avenue.") == {}
    assert values("The driver, of 1915 Elm St., was charged.") == {}
    assert values("The talks resume at 1900 GMT.") == {}
    assert values("The raid began at 2000 hours.") == {}
    assert values("The F-1990 prototype flew.") == {}
    # a year stays a year
    assert values("The company moved in 1999 to Pennsylvania Avenue.") == {"1999": "1999"}
    assert values("The plan, drafted in mid-1997, failed.") == {"1997": "1997"}
    assert values("In 1997 Surgeon General Dr. Grey resigned.") == {"1997": "1997"}
    assert values("The score was\n1997\nSaints place second.") == {"1997": "1997"}


def test_durations_and_ages_stay_no_dates():
    assert values("Prices rose over the past two years.") == {}
    assert values("The fleet grows over the next decade.") == {}
    assert values("She is in her 20s and lives on Terry Street.") == {}
    assert values("Police were called to the 1400 block of Terry Street.") == {}
