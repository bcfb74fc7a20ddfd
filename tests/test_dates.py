"""Date expressions resolved against the publication date (newsfuse.nlp.dates)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsfuse.nlp.dates import find_dates

SEEDS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" / "seeds"
PUB = "2025-11-16"  # a Sunday; ISO week 2025-W46


def one(text: str, published: str | None = PUB, phrase: str | None = None):
    """The mention whose text contains ``phrase`` (default: the only mention)."""
    found = find_dates(text, published)
    if phrase is None:
        assert len(found) == 1, found
        return found[0]
    hits = [d for d in found if phrase in d.text]
    assert hits, (phrase, found)
    return hits[0]


@pytest.mark.parametrize(
    "text, value, precision, kind",
    [
        ("It was signed on 16 November, 2025 in Moscow.", "2025-11-16", "day", "absolute"),
        ("Posted July29,2025 by the ministry.", "2025-07-29", "day", "absolute"),
        ("The vote on Nov. 16, 2025 was close.", "2025-11-16", "day", "absolute"),
        ("Filed 2025-11-16 at noon.", "2025-11-16", "day", "absolute"),
        ("(@mfa_russia) November 15, 2025", "2025-11-15", "day", "absolute"),
        ("The plant opened in August 1988.", "1988-08", "month", "absolute"),
        ("Profits fell in 1988, the firm said.", "1988", "year", "year"),
        ("Wages stagnated in the 1990s.", "199", "decade", "decade"),
        ("Results for the third quarter of 2024 were weak.", "2024-Q3", "quarter", "quarter"),
    ],
)
def test_absolute_forms_need_no_publication_date(text, value, precision, kind):
    for published in (PUB, None):
        d = one(text, published)
        assert (d.value, d.precision, d.kind) == (value, precision, kind)
        assert text[d.start : d.end] == d.text


@pytest.mark.parametrize(
    "text, phrase, value, precision",
    [
        ("The Kremlin confirmed on Saturday that the call took place.", "Saturday", "2025-11-15", "day"),
        ("Talks resumed Friday.", "Friday", "2025-11-14", "day"),
        ("The leaders will meet next Tuesday.", "Tuesday", "2025-11-18", "day"),
        ("The ministry spoke last Sunday.", "Sunday", "2025-11-09", "day"),
        ("Rubio said this week that talks progressed.", "this week", "2025-W46", "week"),
        ("Officials met last week.", "last week", "2025-W45", "week"),
        ("Prices rose last month.", "last month", "2025-10", "month"),
        ("Elections are due next year.", "next year", "2026", "year"),
        ("The treaty was signed two years ago.", "two years ago", "2023", "year"),
        ("The plan was announced earlier this month.", "earlier this month", "2025-11", "month"),
        ("The ministry said today that it agreed.", "today", "2025-11-16", "day"),
        ("The envoy arrived yesterday.", "yesterday", "2025-11-15", "day"),
        ("The army withdrew in June.", "June", "2025-06", "month"),
        ("The army withdrew in March.", "March", "2025-03", "month"),
        ("A vote is expected this quarter.", "this quarter", "2025-Q4", "quarter"),
        ("Growth returned in the nineties.", "nineties", "199", "decade"),
        ("He retired in the mid-1970s.", "1970s", "197", "decade"),
    ],
)
def test_relative_forms_resolve_against_publication(text, phrase, value, precision):
    d = one(text, PUB, phrase)
    assert (d.value, d.precision) == (value, precision)
    assert text[d.start : d.end] == d.text


@pytest.mark.parametrize(
    "text, phrase",
    [
        ("The Kremlin confirmed on Saturday.", "Saturday"),
        ("Rubio said this week that talks progressed.", "this week"),
        ("Prices rose last month.", "last month"),
        ("The envoy arrived yesterday.", "yesterday"),
        ("The army withdrew in June.", "June"),
        ("It happened on Nov. 16.", "Nov. 16"),
        ("Growth returned in the nineties.", "nineties"),
    ],
)
def test_relative_forms_stay_unresolved_without_publication_date(text, phrase):
    d = one(text, None, phrase)
    assert d.value is None and d.precision is None


def test_month_day_without_year_takes_the_nearest_year():
    assert one("Trading resumes Jan. 2.", "1989-11-02").value == "1990-01-02"
    assert one("The deal closed Sept. 30.", "1989-10-26").value == "1989-09-30"


@pytest.mark.parametrize(
    "text, published, phrase, value",
    [
        # a passive participle does not make the clause past: "will be named" governs the month
        ("She will be named commander for a mission in December.", "1998-03-04", "December", "1998-12"),
        ("In January, the board brought in a new chief.", "1989-10-27", "January", "1989-01"),
        ("The talks are supposed to conclude by May.", "1998-03-22", "May", "1998-05"),
        ("The firm agreed to buy the unit for $22 million in February.", "1989-10-30", "February", "1990-02"),
        # a dated day takes the nearest year unless a future cue governs it
        ("Flights will leave each Thursday from August 6.", "1998-02-13", "August 6", "1998-08-06"),
        ("The deal closed Sept. 30.", "1989-10-26", "Sept. 30", "1989-09-30"),
        ("Profit could rise in next year's first quarter.", "1989-10-31", "first quarter", "1990-Q1"),
    ],
)
def test_tense_and_year_modifiers(text, published, phrase, value):
    assert one(text, published, phrase).value == value


def test_year_ago_comparisons_in_a_quarterly_report_refer_to_the_quarter():
    text = (
        "The company said third-quarter net rose to $5 million from $4 million a year earlier. "
        "Year-earlier results included a gain. Sales in the latest period rose 9%. "
        "In the first nine months, net was $9 million, up from $7 million a year earlier."
    )
    found = find_dates(text, "1989-10-26")
    values = [(d.text, d.value) for d in found]
    assert values == [
        ("third-quarter", "1989-Q3"),
        ("a year earlier", "1988-Q3"),
        ("Year-earlier", "1988-Q3"),
        ("the latest period", "1989-Q3"),
        ("a year earlier", "1988"),  # after another reporting period, the year again
    ]


def test_a_date_naming_a_quarters_end_keeps_the_quarter_in_focus():
    text = "Net for the fiscal first quarter ended Sept. 30 fell to $2 million from $3 million a year ago."
    found = {d.text: d.value for d in find_dates(text, "1989-10-26")}
    assert found["a year ago"] == "1988-Q1"


def test_year_ago_without_a_quarter_is_a_year():
    assert one("Sales fell 8% from a year ago.", "1989-10-26", "a year ago").value == "1988"
    assert one("the year-ago quarter", "1989-10-26").value == "1988-Q3"  # last completed quarter, a year back
    assert one("the year-ago quarter", None).value is None


def test_anaphora_resolve_to_the_previous_date():
    text = "The meeting was on March 3, 2024. Earlier the same day, the minister called. The next day he left."
    same = one(text, PUB, "same day")
    nxt = one(text, PUB, "next day")
    assert (same.value, same.kind) == ("2024-03-03", "anaphoric")
    assert nxt.value == "2024-03-04"


def test_anaphora_without_anchor_fall_back_coarser():
    d = one("Earlier the same day, the minister called.", PUB, "same day")
    assert d.kind == "anaphoric" and d.precision == "week" and d.value == "2025-W46"
    assert one("Earlier the same day, the minister called.", None, "same day").value is None


def test_seed_001_saturday_and_dateline():
    text = (SEEDS / "001_bbec696de197225f.txt").read_text(encoding="utf-8")
    found = find_dates(text, "2025-11-16")
    saturday = [d for d in found if "Saturday" in d.text]
    assert saturday and saturday[0].value == "2025-11-15" and saturday[0].precision == "day"
    assert any(d.text == "16 November, 2025" and d.value == "2025-11-16" for d in found)


@pytest.mark.parametrize("published", [None, PUB])
def test_seed_002_dates(published):
    text = (SEEDS / "002_05219128a0266354.txt").read_text(encoding="utf-8")
    found = find_dates(text, published)
    post = [d for d in found if d.text == "November 15, 2025"]
    assert post and post[0].value == "2025-11-15"
    week = [d for d in found if d.text == "this week"][0]
    # without a publication date, the latest full date in the text (the post's November 15, 2025) is the reference
    assert week.value == "2025-W46"
    after = [d for d in found if d.text == "days after"][0]
    assert after.kind == "anaphoric"


def test_words_that_look_like_dates_are_not_dates():
    assert find_dates("You may march on, said 2000 troops and $1990.", PUB) == []


@settings(max_examples=200, deadline=None)
@given(st.text(), st.one_of(st.none(), st.dates().map(lambda d: d.isoformat())))
def test_arbitrary_text_never_raises_and_spans_match(text, published):
    for d in find_dates(text, published):
        assert 0 <= d.start < d.end <= len(text)
        assert text[d.start : d.end] == d.text
        assert (d.value is None) == (d.precision is None)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["on", "Saturday", "last", "next", "week", "month", "year", "May", "March", "16", "November", ",", "2025",
             "the", "1990s", "ago", "two", "days", "after", "earlier", "same", "day", "quarter", "third", "Q3", "-",
             "July29,2025", "today", "in", "June", "fiscal", "'80s", "nineteen", "ninety"]
        ),
        max_size=25,
    ),
    st.one_of(st.none(), st.dates(min_value=__import__("datetime").date(2, 1, 1)).map(lambda d: d.isoformat())),
)
def test_date_word_soup_never_raises(words, published):
    text = " ".join(words)
    for d in find_dates(text, published):
        assert text[d.start : d.end] == d.text
