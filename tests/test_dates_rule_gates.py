"""nlp/dates: a rule skips a text that lacks the words it needs (``_may_match``), and finds what the
plain scan of every rule over every text finds, one for one."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsfuse.nlp import dates
from newsfuse.nlp.dates import _candidates, _in_a_name, _phrases, rules

SHARED = (Path(__file__).resolve().parents[1] / ".." / "shared").resolve()
TIMEBANK = SHARED / "corpus" / "dates" / "timebank.jsonl"
ECBPLUS = SHARED / "corpus" / "clustering" / "ecbplus" / "documents.jsonl"
GVC = SHARED / "corpus" / "clustering" / "gvc" / "documents.jsonl"


def every_rule_scanned(text: str) -> list[tuple[int, int, str, str]]:
    """What ``_candidates`` found before rules were skipped: every rule over the whole text."""
    found = []
    for r in rules():
        for m in r.regex.finditer(text):
            if m.end() > m.start() and r.valid(m, text) and not _in_a_name(m, text):
                span = r.span or 0
                found.append((m.start(span), m.end(span), r.name, m.group(0)))
    return found


def found(text: str) -> list[tuple[int, int, str, str]]:
    return [(start, end, r.name, m.group(0)) for start, end, r, m in _candidates(text)]


def real_texts(path: Path, limit: int) -> list[str]:
    return [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines()[:limit]]


@pytest.mark.skipif(not (TIMEBANK.exists() and ECBPLUS.exists() and GVC.exists()), reason="needs ../shared")
def test_skipping_rules_finds_what_every_rule_finds_on_real_news():
    texts = real_texts(TIMEBANK, 60) + real_texts(ECBPLUS, 60) + real_texts(GVC, 40)
    for text in texts:
        assert found(text) == every_rule_scanned(text)
    gated = {r.name for r in rules() if r.needs}
    reached = {name for text in texts for _s, _e, name, _m in found(text)}
    assert len(gated & reached) >= 8  # the skipped rules still find their dates where the words are


@pytest.mark.parametrize(
    "text",
    [
        "He left on March 3 of that same year and came back in the spring of 1998.",
        "The third quarter ended two years ago; the company said on Jan. 5 last year it would grow.",
        "Sales rose in the year-ago period and were flat nineteen eighty-four, the year two thousand.",
        "Three days later, that same day, the following month: earlier today and last night.",
        "Two weeks or so before that, weeks later, so far this year, in the year-end quarter.",
    ],
)
def test_written_dates_of_gated_rules_are_found(text):
    assert found(text) == every_rule_scanned(text)
    assert found(text)


def test_a_letter_that_folds_to_ascii_scans_every_rule():
    # with re.I a long s ("ſ") matches "s": str.lower() keeps it, so the words are not looked for
    text = "In March of that \u017fame year the talks failed."
    assert "\u017f" in dates._FOLDED_TO_ASCII
    assert "month-that-year" in {name for _s, _e, name, _m in found(text)}
    assert found(text) == every_rule_scanned(text)


def test_phrases_are_looked_for_lower_cased_with_single_spaces():
    assert _phrases(["This  Morning", "the day\nbefore"]) == {"this morning", "the day before"}
    assert _phrases(["today", "l\u2019an"]) == frozenset()  # not plain ASCII: nothing to look for


def test_a_phrase_across_a_line_break_is_found():
    text = "The talks failed. The same\nday, on Jan. 5 last\n year, they met again."
    names = {name for _s, _e, name, _m in found(text)}
    assert {"same-day", "month-day-rel-year"} <= names
    assert found(text) == every_rule_scanned(text)
