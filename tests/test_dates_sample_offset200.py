"""Round 6 of the date rules: the kinds newsfuse got wrong on the PolNeAR articles of the fresh
disagreement sample (benchmarks/dates_disagree.py --offset 200, labels in
benchmarks/data/dates_disagree_offset200.jsonl), decided by the TimeML/TIMEX3 guidelines. Sentences
read from ../shared; the contrasting ones are written for the test."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_dates_anchoring import annotated, values  # tests/test_dates_anchoring.py: the dates, found alone and parsed

ROOT = Path(__file__).resolve().parents[1]
POLNEAR = ROOT / ".." / "shared" / "corpus" / "quotes" / "polnear"
LABELS = ROOT / "benchmarks" / "data" / "dates_disagree_offset200.jsonl"

pytestmark = pytest.mark.skipif(not POLNEAR.exists(), reason="needs ../shared")


def passage(name: str, first: str, last: str) -> tuple[str, str]:
    """(the text of a PolNeAR article from the sentence holding ``first`` to the one holding
    ``last``, its publication date from the file name)."""
    (path,) = sorted(POLNEAR.glob(f"*/text/{name}*.txt"))
    text = path.read_text(encoding="utf-8")
    start = text.index(first)
    start = max(text.rfind(". ", 0, start) + 2, text.rfind("\n", 0, start) + 1)
    end = text.find(". ", text.index(last, start))
    return text[start : len(text) if end < 0 else end + 1], name.split("_")[1]


def test_the_labelled_sample_names_who_is_right_for_each_disagreement():
    labels = [json.loads(line) for line in LABELS.open(encoding="utf-8")]
    assert len(labels) == 84
    assert {lab["verdict"] for lab in labels} == {"newsfuse", "heideltime", "both_wrong", "unclear"}
    assert all(lab["why"] and lab["labelled"] for lab in labels)


def test_an_opening_quote_typed_for_the_apostrophe_marks_a_decade():
    text, pub = passage("huff-post_2016-06-23_why-hillary", "like Germany in the", "Zimbabwe in the")
    assert values(text, pub) == {"the ‘20s": "192", "the ‘90s": "199"}
    text, pub = passage("huff-post_2016-08-05_bloodline", "I found myself, in my", "in my 40s")
    assert not any(v for k, v in values(text, pub).items() if "40s" in k)


def test_an_extreme_over_a_count_of_years_is_a_span():
    text, pub = passage("huff-post_2016-06-02_israel", "Its unemployment rate", "lowest in 33 years")
    assert "in 33 years" not in annotated(text, pub)
    assert annotated("The new line will open in five years.", pub) == {"in five years": "2021"}


def test_a_date_right_after_a_verb_of_saying_is_the_sayings():
    text, pub = passage("huff-post_2016-06-16_obama-families", "also joined the gun debate", "would meet with")
    assert annotated(text, pub)["on Wednesday"] == "2016-06-15"
    assert annotated("He will meet the NRA on Wednesday.", pub)["on Wednesday"] == "2016-06-22"
    text, pub = passage("wash-post_2015-11-24_pfizer", "megamerger announced Monday", "would turn")
    assert annotated(text, pub)["Monday"] == "2015-11-23"


def test_days_later_counted_from_a_month_has_no_day():
    text, pub = passage("huff-post_2016-06-27_hillary-clinton-slams", "at a town hall in March", "a few days later")
    assert values(text, pub)["a few days later"] is None
    assert values("The vote was on June 2. A few days later, he resigned.", pub)["A few days later"] == "2016-W22"


def test_a_season_one_is_heading_into_lies_ahead():
    text, pub = passage("huff-post_2016-06-09_clinton-and-sanders", "All the conversation here", "heading into")
    assert annotated(text, pub)["the fall"] == "2016-FA"
    assert values("The party headed into the fall divided.", pub)["the fall"] == "2015-FA"


def test_todays_with_a_noun_of_our_times_is_no_day():
    text, pub = passage("huff-post_2016-06-02_israel", "version of the 19th century", "Industrial Revolution")
    assert "today" not in {k.lower() for k in values(text, pub)}
    assert values("Today's vote was close.", pub) == {"Today": "2016-06-02"}
    text, pub = passage("wash-post_2015-12-12_misinformation", "Facts may be undervalued", "today's world")
    assert values(text, pub) == {}
