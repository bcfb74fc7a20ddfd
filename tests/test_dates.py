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


def test_a_day_anaphor_without_a_day_before_it_stays_unresolved():
    # the day of an event the text does not date lies in no known week: no guess
    d = one("Earlier the same day, the minister called.", PUB, "same day")
    assert d.kind == "anaphoric" and d.precision is None and d.value is None
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
    # "comes days after Russia submitted its own draft": anchored on that event, whose date is not given
    assert not [d for d in found if d.text == "days after"]


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
            [
                "on",
                "Saturday",
                "last",
                "next",
                "week",
                "month",
                "year",
                "May",
                "March",
                "16",
                "November",
                ",",
                "2025",
                "the",
                "1990s",
                "ago",
                "two",
                "days",
                "after",
                "earlier",
                "same",
                "day",
                "quarter",
                "third",
                "Q3",
                "-",
                "July29,2025",
                "today",
                "in",
                "June",
                "fiscal",
                "'80s",
                "nineteen",
                "ninety",
            ]
        ),
        max_size=25,
    ),
    st.one_of(st.none(), st.dates(min_value=__import__("datetime").date(2, 1, 1)).map(lambda d: d.isoformat())),
)
def test_date_word_soup_never_raises(words, published):
    text = " ".join(words)
    for d in find_dates(text, published):
        assert text[d.start : d.end] == d.text


# --------------------------------------------------------------------------- tense, reference, numbers (real sentences)

CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus"
POLNEAR = CORPUS / "quotes" / "polnear"
ECBPLUS = CORPUS / "clustering" / "ecbplus" / "documents.jsonl"


def polnear_sentence(name: str, phrase: str) -> str:
    """The sentence of a PolNeAR article that contains ``phrase``."""
    (path,) = sorted(POLNEAR.glob(f"*/text/{name}*.txt"))
    text = path.read_text(encoding="utf-8")
    at = text.index(phrase)
    start = max(text.rfind(". ", 0, at) + 2, text.rfind("\n", 0, at) + 1)
    end = text.find(".", at + len(phrase)) + 1
    return text[start:end]


def ecbplus_sentence(doc_id: str, phrase: str) -> str:
    import json

    for line in ECBPLUS.open(encoding="utf-8"):
        doc = json.loads(line)
        if doc["doc_id"] == doc_id:
            return next(" ".join(s) for s in doc["sentences"] if phrase in " ".join(s))
    raise KeyError(doc_id)


# (article, weekday phrase, publication date, value): the publication day itself never decides,
# so looking the wrong way gives another week.
TENSE_CASES = [
    (
        "usa-today_2015-12-14_on-the-islamic",
        "which will be Tuesday in Las Vegas",
        "2015-12-14",
        "Tuesday",
        "2015-12-15",
    ),
    ("breitbart_2016-01-05_the-latest-cruz", "will air Wednesday evening", "2016-01-05", "Wednesday", "2016-01-06"),
    ("wash-post_2016-02-19_gowdy-promises", "an aide said Thursday", "2016-02-19", "Thursday", "2016-02-18"),
    ("huff-post_2016-04-06_black-girls-rock", "Clinton said Tuesday", "2016-04-06", "Tuesday", "2016-04-05"),
    # intent ("plans to", "is scheduled to") looks ahead; the day before the article, to make it matter
    (
        "wash-post_2016-09-25_phone-video",
        "Clinton plans to visit Charlotte on Sunday",
        "2016-09-22",
        "Sunday",
        "2016-09-25",
    ),
    (
        "usa-today_2016-03-21_trump-campaign",
        "is scheduled to be in Arizona Monday",
        "2016-03-18",
        "Monday",
        "2016-03-21",
    ),
]


@pytest.mark.parametrize("name, phrase, published, weekday, value", TENSE_CASES)
def test_weekday_follows_the_tense_of_its_clause_by_word_cues(name, phrase, published, weekday, value):
    sentence = polnear_sentence(name, phrase)
    assert one(sentence, published, weekday).value == value


@pytest.mark.parametrize("name, phrase, published, weekday, value", TENSE_CASES)
def test_weekday_follows_the_tense_of_its_governing_verb_in_the_parse(name, phrase, published, weekday, value):
    from newsfuse.model import Article, Block
    from newsfuse.nlp import annotate

    sentence = polnear_sentence(name, phrase)
    (ann,) = annotate([Article("t", "t.txt", "text", None, published, None, None, (Block("paragraph", sentence),))])
    found = [d for d in find_dates(sentence, published, (), ann.tokens) if weekday in d.text]
    assert found and found[0].value == value


def test_clauses_read_tense_from_the_parse():
    from newsfuse.model import Article, Block
    from newsfuse.nlp import annotate
    from newsfuse.nlp.dates import _Clauses

    sentence = polnear_sentence("usa-today_2015-12-14_on-the-islamic", "which will be Tuesday in Las Vegas")
    (ann,) = annotate([Article("t", "t.txt", "text", None, None, None, None, (Block("paragraph", sentence),))])
    at = sentence.index("Tuesday")
    assert _Clauses(ann.tokens).tense(at, at + len("Tuesday")) == "future"
    sentence = polnear_sentence("wash-post_2016-02-19_gowdy-promises", "an aide said Thursday")
    (ann,) = annotate([Article("t", "t.txt", "text", None, None, None, None, (Block("paragraph", sentence),))])
    at = sentence.index("Thursday")
    assert _Clauses(ann.tokens).tense(at, at + len("Thursday")) == "past"


def test_without_publication_date_the_latest_full_date_is_the_reference():
    path = next(POLNEAR.glob("*/text/huff-post_2016-08-31_france-s-marine-le-pen*.txt"))
    text = path.read_text(encoding="utf-8").replace("PARIS, Aug 31 (Reuters)", "PARIS, Aug 31, 2016 (Reuters)")
    found = {d.text: d.value for d in find_dates(text, None)}
    assert found["Aug 31, 2016"] == "2016-08-31"
    assert found["on Wednesday"] == "2016-08-31"  # "voiced support ... on Wednesday": that same Wednesday
    assert find_dates("Le Pen voiced support on Wednesday.", None)[0].value is None  # no full date: no guess


def test_a_street_block_is_no_year():
    sentence = ecbplus_sentence("16_1ecb", "3400 block of Thorpe Street")
    found = find_dates(sentence, "2005-08-04")
    assert not any("3400" in d.text for d in found)
    assert [d.value for d in found if "Aug. 2" in d.text] == ["2005-08-02"]  # "early Aug. 2": the day


def test_over_the_next_decade_is_a_span_not_a_decade():
    sentence = polnear_sentence("huff-post_2015-12-08_the-biggest-blow", "$91 billion over the next decade")
    assert not any("decade" in d.text for d in find_dates(sentence, "2015-12-08"))
    assert one("Growth will return in the next decade.", "2015-12-08", "next decade").value == "202"


def test_counts_are_no_years_but_an_approximate_year_is():
    crowd = polnear_sentence("nyt_2016-02-09_rubio-is-tested", "about 1,000 people who packed")
    assert not any("000" in d.text for d in find_dates(crowd, "2016-02-09"))
    began = ecbplus_sentence("28_12ecb", "began about 1970 when")
    assert [d.value for d in find_dates(began, "2008-12-19") if d.text == "1970"] == ["1970"]
    assert find_dates("Police said about 2000 protesters and 1500 troops were there.", "2016-01-29") == []


def test_without_publication_date_an_embedded_posts_date_is_the_reference():
    text = "The foreign ministers met in Lisbon on Wednesday and signed an agreement."
    assert find_dates(text, None, posted=["2026-03-11"])[0].value == "2026-03-11"
    assert find_dates(text, None, posted=[None])[0].value is None
    written = "On March 2, 2026, the talks were announced. The ministers met on Wednesday."
    assert {d.text: d.value for d in find_dates(written, None, posted=["2026-02-20"])}[
        "on Wednesday"
    ] == "2026-02-25"  # the later: March 2
    assert find_dates(text + " The plan runs to 2031.", None, posted=["2026-03-11"])[0].value is None  # a later year
    assert find_dates(text, "2026-03-17", posted=["2026-03-11"])[0].value == "2026-03-11"  # published: it rules


def test_an_undated_page_dump_resolves_its_weekday_from_the_post_it_embeds(examples_dir):
    from newsfuse.clean import clean_document
    from newsfuse.ingest import read_input
    from newsfuse.model import InputFile
    from newsfuse.nlp import annotate

    path = examples_dir / "gullwing_lisbon_talks.txt"  # no date; a pasted post "... March 11, 2026"
    (doc,) = read_input(InputFile.of(str(path), path.read_bytes())).documents
    article = clean_document(doc)
    assert article.published is None and [p.date for p in article.embedded_posts] == ["2026-03-11"]
    (ann,) = annotate([article])
    assert [d.value for d in ann.dates if d.text.endswith("Wednesday")] == ["2026-03-11"]
