"""Dates anchored by the TimeML/TIMEX3 guidelines: tenseless participle clauses, plans seen from the
past, 'It's the second day of', 'since year-end', fiscal years named for the year they end in, 'that
day' with no day before it, and 'a year earlier' than a period ended on a day. Sentences from TimeBank
documents of the folds whose errors were read (1-4) and from PolNeAR, read from ../shared."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import pytest

from newsfuse.model import Article, Block
from newsfuse.nlp import annotate
from newsfuse.nlp.dates import find_dates

CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus"
TIMEBANK = CORPUS / "dates" / "timebank.jsonl"
POLNEAR = CORPUS / "quotes" / "polnear"

pytestmark = pytest.mark.skipif(not TIMEBANK.exists() or not POLNEAR.exists(), reason="needs ../shared")


@lru_cache(maxsize=1)
def timebank() -> dict[str, dict]:
    docs = (json.loads(line) for line in TIMEBANK.open(encoding="utf-8") if line.strip())
    return {d["doc_id"]: d for d in docs}


def sentence_of(text: str, phrase: str) -> str:
    """The sentence of ``text`` that holds ``phrase``."""
    at = text.index(phrase)
    start = max(text.rfind(". ", 0, at) + 2, text.rfind("\n", 0, at) + 1)
    end = text.find(". ", at + len(phrase))
    return text[start : len(text) if end < 0 else end + 1]


def timebank_sentence(doc_id: str, phrase: str) -> tuple[str, str]:
    """(sentence, publication date) of a TimeBank document."""
    doc = timebank()[doc_id]
    return sentence_of(doc["text"], phrase), doc["dct"][:10]


def polnear_sentence(name: str, phrase: str) -> str:
    (path,) = sorted(POLNEAR.glob(f"*/text/{name}*.txt"))
    return sentence_of(path.read_text(encoding="utf-8"), phrase)


def values(text: str, published: str) -> dict[str, str | None]:
    return {d.text: d.value for d in find_dates(text, published)}


def annotated(text: str, published: str) -> dict[str, str | None]:
    """Dates as the pipeline gives them (the parse's tokens reach the date rules)."""
    (ann,) = annotate([Article("t", "t.txt", "text", None, published, None, None, (Block("paragraph", text),))])
    return {d.text: d.value for d in ann.dates}


def test_a_participle_after_with_takes_the_tense_of_its_clause():
    text, pub = timebank_sentence("APW19980213.1320", "departing each Thursday from August 6")
    assert annotated(text, pub)["August 6"] == "1998-08-06"  # "would leave ..., with the third departing"
    # after 'despite' the participle's event has another time: the nearest February stays
    text = polnear_sentence("wash-post_2016-08-26", "despite winning the first-in-the-nation primary")
    assert annotated(text, "2016-08-26")["February"] == "2016-02"


def test_a_plan_in_the_past_perfect_says_nothing_of_the_future():
    text, pub = timebank_sentence("wsj_0533", "It had been due to expire Friday evening")
    assert values(text, pub) == {"Friday evening": "1989-10-27"}
    text, pub = timebank_sentence("wsj_0542", "previously had been scheduled to expire at midnight Friday")
    assert values(text, pub)["Friday"] == "1989-10-27"
    text = polnear_sentence("west-journal_2016-04-15", "had been scheduled to attend the event")
    assert values(text, "2016-04-15")["on Thursday"] == "2016-04-14"
    # the same plan in the present still looks ahead
    assert values("The offer is due to expire Friday evening.", pub) == {"Friday evening": "1989-11-03"}


def test_the_nth_day_of_something_in_the_present_is_today():
    text, pub = timebank_sentence("PRI19980306.2000.1675", "the second day of an offensive")
    assert values(text, pub) == {"the second day": "1998-03-06"}
    # in the past it is a day of an event the text does not date
    assert values("It was the third day of an offensive by the security forces.", pub) == {}


def test_a_change_since_year_end_counts_from_the_last_year_end():
    text, pub = timebank_sentence("wsj_0586", "The percentage change is since year-end")
    assert values(text, pub) == {"year-end": "1988"}
    text, pub = timebank_sentence("wsj_0006", "complete the transaction by year-end")
    assert values(text, pub) == {"year-end": "1989"}


def test_a_year_ending_on_a_written_date_is_named_for_the_year_it_ends_in():
    text, pub = timebank_sentence("wsj_0135", "in the year ending June 30, 1990")
    assert values(text, pub)["the year"] == "1990"
    text, pub = timebank_sentence("wsj_0189", "For the year ended Sept. 30")
    assert values(text, pub)["the year"] == "1989"


def test_that_day_with_no_day_named_before_it_is_unresolved():
    text, pub = timebank_sentence("wsj_0768", "you have strong redemptions that day")
    assert values(text, pub)["that day"] is None
    assert values("The offer expired Oct. 12. Shares fell 5% that day.", pub)["that day"] == "1989-10-12"


def test_a_year_earlier_than_a_period_ended_on_a_day_ends_that_day_a_year_before():
    text, pub = timebank_sentence("wsj_1006", "For the six months ended Aug. 12")
    assert values(text, pub) == {"Aug. 12": "1989-08-12", "a year earlier": "1988-08-12"}
    # 'a year ago' counts from the publication date, not from the period's end
    assert values(text.replace("a year earlier", "a year ago"), pub)["a year ago"] == "1988"
    # a quarter in focus keeps its quarter a year before, and the next sentence is no longer the period's
    doc = timebank()["wsj_0263"]["text"]
    at = doc.index("for the fourth quarter ended Aug. 26")
    found = values(doc[at : doc.index("Sales rose to", at)], "1989-11-01")
    assert found["A year earlier"] == "1988-Q4"
