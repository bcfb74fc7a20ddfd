"""Tense cues and day names decided by the TimeML/TIMEX3 guidelines (a clause's tense anchors a date
without a year; names and recurring times are no dates); sentences written for the test, in the forms
found on unlabelled PolNeAR articles (benchmarks/dates_disagree.py's corpus)."""

from __future__ import annotations

from newsfuse.model import Article, Block
from newsfuse.nlp import annotate
from newsfuse.nlp.dates import find_dates, tense

PUB = "1998-02-13"  # a Friday


def values(text: str, published: str | None = PUB) -> list[tuple[str, str | None]]:
    return [(d.text, d.value) for d in find_dates(text, published)]


def annotated_values(text: str, published: str = PUB) -> list[tuple[str, str | None]]:
    """Dates as the pipeline gives them (the parse's tokens reach the date rules)."""
    (ann,) = annotate([Article("t", "t.txt", "text", None, published, None, None, (Block("paragraph", text),))])
    return [(d.text, d.value) for d in ann.dates]


def tense_of(text: str, word: str) -> str | None:
    at = text.index(word)
    return tense(text, at, at + len(word))


def test_a_verb_after_a_modal_is_a_base_form_not_a_past_cue():
    # "hit", "cut", "set" look like past forms; after "will" or "could" they are base forms
    assert values("Inspectors will hit the site Monday.") == [("Monday", "1998-02-16")]
    assert values("The Fed will cut rates Tuesday.") == [("Tuesday", "1998-02-17")]
    assert tense_of("The spot could hit the airwaves Monday.", "Monday") is None
    # a past form without a modal is still a past cue
    assert values("The Fed cut rates Tuesday.") == [("Tuesday", "1998-02-10")]
    assert values("The board didn't cut rates Monday.") == [("Monday", "1998-02-09")]


def test_a_capitalised_ed_word_inside_a_sentence_is_a_name_not_a_past_cue():
    assert tense_of("The United Nations meets Tuesday in New York.", "Tuesday") is None
    assert annotated_values("The United Nations meets Tuesday in New York.") == [("Tuesday", "1998-02-17")]
    assert tense_of("The Associated Press reports the talks resume Monday.", "Monday") is None
    # a past form opening a sentence is still one
    assert tense_of("Ended Monday, the talks produced nothing.", "Monday") == "past"


def test_words_ending_in_ed_that_are_no_past_form_are_no_cue():
    assert values("Can he succeed in mobilizing new voters in November?", "2016-03-07") == [("November", "2016-11")]
    assert values("The board will proceed with the vote Monday.") == [("Monday", "1998-02-16")]
    assert tense_of("A hundred people marched Monday.", "Monday") == "past"  # "marched", not "hundred"


def test_come_before_a_month_takes_the_tense_of_its_clause():
    text = "Such a move could alienate the backers she will need come November."
    assert values(text, "2016-03-23") == [("November", "2016-11")]


def test_a_clause_opened_by_that_after_a_named_day_has_the_tense_of_another_event():
    text = "He spoke just before Trump's announcement Friday that he would endorse Ayotte."
    assert values(text, "2016-08-08") == [("Friday", "2016-08-05")]
    text = "The foreign secretary told the newspaper on Tuesday that the government must act."
    assert values(text, "2016-04-07") == [("on Tuesday", "2016-04-05")]
    text = "The minister spoke at a meeting on Monday with reporters, saying the deal might be signed soon."
    assert values(text, "2016-04-23") == [("on Monday", "2016-04-18")]
    # after a unit "that" opens a relative clause about the date itself: its cues stay
    assert tense_of("He leads the party in a year that already had a good map.", "a year") == "past"


def test_a_quarter_long_over_in_a_clause_that_looks_ahead_is_next_years():
    # published 2 November 1989: the first quarter ahead is 1990's; the third, just completed, stays 1989's
    assert values("The sale is expected to be completed in the first quarter.", "1989-11-02") == [
        ("the first quarter", "1990-Q1")
    ]
    assert values("The company will report results for the third quarter.", "1989-11-02") == [
        ("the third quarter", "1989-Q3")
    ]
    assert values("Sales rose in the first quarter.", "1989-11-02") == [("the first quarter", "1989-Q1")]


def test_a_weekday_with_a_part_of_day_in_the_plural_recurs():
    # TIMEX3 SET ("Tuesday nights": XXXX-WXX-2TNI): no one date
    assert values("The remaining debates are on Saturday nights.") == []
    assert values("We like to spend our Friday nights with polls.") == []
    assert values("The debate will be on Saturday night.") == [("on Saturday night", "1998-02-14")]


def test_a_weekday_and_a_capitalised_part_of_day_in_a_lower_case_sentence_are_a_name():
    assert values('She played Clinton on "Saturday Night Live" last week.') == [("last week", "1998-W06")]
    assert values("Fans watched Monday Night Football at the bar.") == []
    # a headline in title case keeps its date
    assert values("Clinton Campaigns In Iowa Saturday Night") == [("Saturday Night", "1998-02-07")]


def test_a_named_day_is_no_weekday_near_publication():
    assert values("Protesters marched on Black Friday.", "2015-12-04") == []
    assert values("The crash on Black Monday hurt brokers.", "1989-10-26") == []
    # a holiday the calendar gives keeps its day
    assert values("He spoke on Ash Wednesday.", "2016-03-10") == [("Ash Wednesday", "2016-02-10")]
    assert values("Crowds filled the streets on Fat Tuesday.", "2016-03-10") == [("Fat Tuesday", "2016-02-09")]
