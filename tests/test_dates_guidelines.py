"""Date rules written from the TimeML/TIMEX3 guidelines and HeidelTime's approach, each checked
on sentences written for the test (publication date: Wednesday 11 March 1998)."""

from __future__ import annotations

from newsfuse.model import Article, Block
from newsfuse.nlp import annotate
from newsfuse.nlp.dates import find_dates, tense

PUB = "1998-03-11"  # a Wednesday


def annotated_dates(text: str, published: str | None = PUB) -> dict[str, str | None]:
    """Dates as the pipeline gives them (the parse's tokens reach the date rules)."""
    (ann,) = annotate([Article("t", "t.txt", "text", None, published, None, None, (Block("paragraph", text),))])
    return {d.text: d.value for d in ann.dates}


def values(text: str, published: str | None = PUB) -> dict[str, str | None]:
    return {d.text: d.value for d in find_dates(text, published)}


# --------------------------------------------------------------------------- tense


def test_a_present_tense_verb_without_other_cue_puts_a_weekday_ahead():
    # HeidelTime's reading of news: present or future tense looks ahead, past looks back.
    assert annotated_dates("Foreign ministers from both sides meet Tuesday in Geneva.") == {"Tuesday": "1998-03-17"}
    assert annotated_dates("Foreign ministers from both sides met Tuesday in Geneva.") == {"Tuesday": "1998-03-10"}
    # without the parse nothing says present tense: the past, news' default
    assert values("Foreign ministers from both sides meet Tuesday in Geneva.") == {"Tuesday": "1998-03-10"}


def test_a_base_form_after_to_is_no_past_tense():
    # "set", "cut", "put" are past forms too, but not after the infinitive's "to"
    text = "The board meets Tuesday to set rates."
    at = text.index("Tuesday")
    assert tense(text, at, at + len("Tuesday")) is None
    assert annotated_dates(text) == {"Tuesday": "1998-03-17"}
    text = "The board met Tuesday and set rates."
    assert tense(text, text.index("Tuesday"), text.index("Tuesday") + 7) == "past"


def test_a_passive_participle_or_would_gives_no_past_tense():
    # "would be paid": the modal carries the tense (future in the past), not the participle
    text = "The board said the dividend would be paid in January."
    at = text.index("January")
    assert tense(text, at, at + len("January")) == "future"
    assert values(text) == {"January": "1999-01"}
    assert values("The board said the dividend was paid in January.") == {"January": "1998-01"}


# --------------------------------------------------------------------------- anaphora and counts


def test_until_then_takes_the_date_mentioned_last():
    text = "The tender offer expires on April 30. Until then, holders may withdraw their shares."
    assert values(text) == {"on April 30": "1998-04-30", "Until then": "1998-04-30"}
    assert values("The plan was approved in 1996; by then, prices had doubled.")["by then"] == "1996"
    assert values("The letter was signed by then-President Carter.") == {}  # an adjective, no time


def test_in_a_count_of_units_is_a_date_only_in_a_future_clause():
    assert values("The notes will be repaid in five years.") == {"in five years": "2003"}
    assert values("The bridge will reopen in two weeks.") == {"in two weeks": "1998-W13"}
    # in a past clause, a span: no date at all (not even an unresolved one)
    assert values("Exports rose 40% in five years.") == {}
    assert values("It was the first strike at the plant in ten years.") == {}


def test_a_participle_modifying_a_noun_is_no_past_tense_cue():
    text = "The board said the dividend would be paid on an unspecified date in January."
    assert annotated_dates(text)["January"] == "1999-01"  # the parse: "unspecified" modifies "date"
    assert values(text)["January"] == "1998-01"  # word cues alone take it for a past form


def test_a_day_that_closes_an_ended_period_lies_behind():
    # a dated day otherwise takes the nearest year (future ones counted farther)
    assert values("In the fiscal year ended Jan. 31, sales rose 4%.", "1997-10-31")["Jan. 31"] == "1997-01-31"
    assert values("Sales will be reported Jan. 31.", "1997-10-31") == {"Jan. 31": "1998-01-31"}


def test_the_closing_day_of_an_ended_period_is_behind_even_later_in_the_same_month():
    # published Friday 27 October 1989: a quarter that ended on Oct. 31 ended in 1988
    text = "In the quarter ended Oct. 31, the company lost $3 million."
    assert values(text, "1989-10-27")["Oct. 31"] == "1988-10-31"
    assert values("In the quarter ended Oct. 20, the company lost $3 million.", "1989-10-27")["Oct. 20"] == "1989-10-20"
    # without "ended" a past day later in the publication month stays in the publication year
    assert values("The company was sold Oct. 31.", "1989-10-27")["Oct. 31"] == "1989-10-31"


def test_weeks_ago_is_the_day_that_many_weeks_back():
    # "last week" names a calendar week; "two weeks ago" counts 14 days back to a day
    assert values("The envoy left two weeks ago.") == {"two weeks ago": "1998-02-25"}
    assert values("The envoy left a week or so ago.") == {"a week or so ago": "1998-03-04"}
    assert values("The envoy returns three weeks from now.") == {"three weeks from now": "1998-04-01"}
    assert values("The envoy left last week.") == {"last week": "1998-W10"}
    assert values("The envoy left two months ago.") == {"two months ago": "1998-01"}


# --------------------------------------------------------------------------- forms


def test_an_apostrophe_year_after_a_preposition_is_a_year():
    assert values("She won the seat in '96 and lost it in '97.") == {"in '96": "1996", "in '97": "1997"}
    assert values("He said '96 was his number.") == {}  # no preposition: a quoted number


def test_a_day_range_gives_its_first_and_last_day():
    # HeidelTime date_r2a + date_r2b: the range's last day is a day of the same month
    assert values("Delegates meet in Vienna March 20-22.") == {"March 20": "1998-03-20", "22": "1998-03-22"}
    assert values("The Dec. 7-based index fell.") == {}  # a compound word, not a range


def test_earlier_and_later_before_a_noun_phrase_still_date_the_clause():
    assert values("The army entered the town on March 2. A day later the mayor fled.") == {
        "on March 2": "1998-03-02",
        "A day later": "1998-03-03",
    }
    assert values("The report came out a day after the vote.") == {}  # dates the vote, not the text


# --------------------------------------------------------------------------- event-anchored units


def test_the_day_before_an_event_in_apposition_to_a_date_is_that_date():
    text = "Shares peaked on March 2, the day before the merger vote, and slid after it."
    assert values(text) == {"on March 2": "1998-03-02", "the day": "1998-03-02"}


def test_the_day_before_an_event_without_a_date_beside_it_is_no_date():
    # the vote's own date is unknown: no value counted from the date mentioned last
    text = "Talks opened on March 2. Shares slid the day before the merger vote."
    assert values(text) == {"on March 2": "1998-03-02"}
    text = "Talks opened on March 2. The week after he resigned, shares slid."
    assert values(text) == {"on March 2": "1998-03-02"}


def test_the_day_before_without_an_event_still_counts_from_the_last_date():
    text = "Talks opened on March 2. The day before, shares slid."
    assert values(text) == {"on March 2": "1998-03-02", "The day before": "1998-03-01"}


# --------------------------------------------------------------------------- names


def test_a_time_word_capitalised_inside_a_name_is_no_date():
    assert values("The minister spoke on Radio Nova Today about the budget.") == {}
    assert values('The senator told NBC\'s "Next Week," that he would vote no.') == {}
    assert values('She said on "This Week With Ann Lee" that talks had failed.') == {}


def test_capitalised_time_words_at_a_sentence_start_in_speech_or_a_headline_stay_dates():
    assert values("Prices rose. Today the bank cut its rate.") == {"Today": "1998-03-11"}
    assert values('He said, "Today we start again."') == {"Today": "1998-03-11"}
    assert values("Rebels Free Hostages Today") == {"Today": "1998-03-11"}
    assert values('"Last week was hard," she said.') == {"Last week": "1998-W10"}


# --------------------------------------------------------------------------- holidays


def test_holidays_are_dates_in_the_nearest_year_or_the_one_written():
    assert values("Shops stayed shut on Christmas Eve.") == {"Christmas Eve": "1997-12-24"}
    assert values("The mayor will speak after Christmas.") == {"Christmas": "1998-12-25"}
    assert values("Sales fell last Christmas.") == {"last Christmas": "1997-12-25"}
    assert values("Traffic was light on Thanksgiving 1996.") == {"Thanksgiving 1996": "1996-11-28"}


def test_movable_holidays_follow_their_calendar_rules():
    # Easter 1998 fell on 12 April; Memorial Day is May's last Monday, Labor Day September's first
    assert values("The shrine opens on Easter Sunday.") == {"Easter Sunday": "1998-04-12"}
    assert values("Pilgrims gathered on Good Friday of 1999.") == {"Good Friday of 1999": "1999-04-02"}
    assert values("Fares rise after Memorial Day 1998 and before Labor Day 1998.") == {
        "Memorial Day 1998": "1998-05-25",
        "Labor Day 1998": "1998-09-07",
    }


def test_a_holiday_word_inside_another_name_or_in_lower_case_is_no_date():
    assert values("The ship reached Christmas Island.") == {}
    assert values("Both sides signed the Good Friday agreement.") == {}
    assert values("a christmas of sorts") == {}


# --------------------------------------------------------------------------- the next / last year


def test_over_the_next_or_last_year_is_the_year_after_or_before_publication():
    # as "over the past year" already is; "for" keeps a span, and a decade after "over" too
    assert values("The mill will be shut over the next year or so.") == {"the next year": "1999"}
    assert values("Rents climbed during the last year.") == {"the last year": "1997"}
    assert values("Rents climbed during the past year.") == {"the past year": "1997"}
    assert values("She will stay on for the next year.") == {}
    assert values("The dam fills over the next decade.") == {}
    assert values("Talks resume in the last week of May, aides said.") == {"May": "1998-05"}


def test_a_count_before_or_after_any_complement_is_anchored_on_it_not_a_date():
    # a name, a clause or a gerund after "before"/"after" is what the count is measured from
    assert values("The merger came a month after Acme cut its dividend.") == {}
    assert values("Buyers must wait 30 days before closing the sale.") == {}
    assert values("Rebels regrouped days after President Lee spoke.") == {}
    # "after that" counts from the date mentioned last; "a day after," stands alone
    assert values("Polls closed on March 2. Two days after that, the count ended.") == {
        "on March 2": "1998-03-02",
        "Two days after": "1998-03-04",
    }
    assert values("Polls closed on March 2. A day after, the count ended.")["A day after"] == "1998-03-03"


def test_a_quoted_time_expression_in_lower_case_is_speech_not_a_title():
    assert values('"This week," the envoy said, "is decisive."') == {"This week": "1998-W11"}


def test_a_count_of_months_or_years_later_is_anchored_on_the_date_mentioned_last():
    # TimeML: "four years later" takes its anchor time from the text, not the publication date
    assert values("He was elected in 1980 and again four years later.")["four years later"] == "1984"
    text = "The strike began in March 1990 and ended three months later."
    assert values(text)["three months later"] == "1990-06"
    # with no date before it, the publication date; "a year earlier" stays a comparison with it
    assert values("The plant will reopen a year later.")["a year later"] == "1999"
    assert values("Sales rose 5% from a year earlier.")["a year earlier"] == "1997"


def test_prior_is_previous():
    # "prior" means "previous": the same anaphora and the same year-ago comparisons
    assert values("In 1987 sales fell; the prior year they rose.")["the prior year"] == "1986"
    text = "Third-quarter net rose to $5 million from $4 million in the prior-year quarter."
    assert values(text, "1989-10-26")["the prior-year quarter"] == "1988-Q3"
    assert values("Net rose in the prior quarter.", "1989-10-26")["the prior quarter"] == "1989-Q3"


def test_the_full_stop_of_an_abbreviation_ends_no_clause():
    # "a.m." and "Gen." end no sentence: the future auxiliary before them still dates the weekday
    assert values("The minister will speak at 10 a.m. Monday.", "1998-03-11") == {"Monday": "1998-03-16"}
    assert values("Troops will be led by Lt. Gen. Ray Sunday.", "1998-03-11") == {"Sunday": "1998-03-15"}
    # a real sentence end still closes the clause: "will" of the sentence before does not reach it
    assert values("Talks will resume soon. Monday went quietly.", "1998-03-11") == {"Monday": "1998-03-09"}


def test_about_as_a_preposition_is_no_word_of_intent():
    # "is about to" looks ahead; "about 11 p.m." is a time, not an intention
    text = "The reactor shut down about 11 p.m. Monday.\n\nThe team is about to leave on Friday."
    assert annotated_dates(text, "1998-03-11") == {"Monday": "1998-03-09", "on Friday": "1998-03-13"}
    assert annotated_dates("The shooting occurred about 11:50 p.m. Monday.", "1998-03-11") == {"Monday": "1998-03-09"}


def test_since_puts_a_date_without_a_year_behind_the_publication_date():
    # "since" opens a stretch that reaches the present: its start lies behind, whatever the tense
    text = "Stocks fell Friday, the worst day since October."
    assert values(text, "1998-08-10") == {"Friday": "1998-08-07", "October": "1997-10"}
    assert values("The plant, shut since April 2, will reopen.")["April 2"] == "1997-04-02"
    assert values("The border, closed since Easter, will reopen.")["Easter"] == "1997-03-30"
    assert values("The mine, shut ever since Friday, will reopen.")["Friday"] == "1998-03-06"
    # without "since", a month ahead in the same year stays the nearest one
    assert values("Stocks will rise in October.", "1998-08-10")["October"] == "1998-10"
    assert values("The talks will resume in October.")["October"] == "1998-10"


def test_a_line_break_inside_a_sentence_is_a_space():
    # plain-text wire copy wraps its lines: the tense cue on the line before still reaches the date
    assert values("The two ministers will\nmeet again on Monday in Geneva.") == {"on Monday": "1998-03-16"}
    assert values("The two ministers met\nagain on Monday in Geneva.") == {"on Monday": "1998-03-09"}
    # a line that ends a sentence still ends the clause; one that ends an abbreviation does not
    assert values("Talks will go on.\nMonday passed quietly.") == {"Monday": "1998-03-09"}
    assert values("Talks will resume at 10 a.m.\nMonday in Geneva.") == {"Monday": "1998-03-16"}
    # a cleaner that cut a wrapped sentence into two paragraphs: still one clause
    assert values("The talks are set to resume\n\nMonday in Belfast.") == {"Monday": "1998-03-16"}
    # the complement of "after" may stand on the next line
    assert values("The vote came a month after\nthe rebels took the town.") == {}
    assert values("It opened on July\n3, 1997, in Rome.") == {"on July\n3, 1997": "1997-07-03"}


def test_a_month_name_keeps_the_dot_of_its_abbreviation_only():
    found = values("Prices rose in July. They fell in May. Talks end Sept. 5 or Jan. 3.", "1998-08-10")
    assert list(found) == ["July", "May", "Sept. 5", "Jan. 3"]


def test_a_number_with_a_plus_is_a_count_not_a_year():
    # "2000+ courses": more than two thousand, no year (issue 20: numbers that are no years stay numbers)
    assert values("The site offers 2000+ courses; it opened in 2000.") == {"2000": "2000"}
    text = "The site offers 2000+ courses; it opened in 2000."
    assert [d.start for d in find_dates(text, PUB)] == [text.rindex("2000")]


def test_could_denied_is_past_and_could_alone_looks_ahead():
    # the parse gives the tense: "could not say" is what officials were unable to do, in the past
    assert annotated_dates("Officials could not say Tuesday how many people died.") == {"Tuesday": "1998-03-10"}
    assert annotated_dates("The spokesman couldn't be reached Monday.") == {"Monday": "1998-03-09"}
    assert annotated_dates("The vote could come Tuesday.") == {"Tuesday": "1998-03-17"}


def test_the_same_unit_takes_the_date_mentioned_last_unless_compared_with_an_event():
    # TimeML: "the same year" is anaphoric, its value that of its antecedent at the unit's precision
    assert values("He was elected in 1980 and married the same year.")["the same year"] == "1980"
    assert values("The plant opened on May 4, 1997; that same month, it was sold.")["that same month"] == "1997-05"
    # "the same week as the vote" is anchored on an event, whose date the text does not give
    assert values("Prices fell the same week as the vote.") == {}
    assert values("He left on the same day as his wife.") == {}
