"""Which date dates a coded act (events/attributes.py ``date_scope``): a date of another clause of
the sentence does not, except a report's date for what the report tells as its news. Sentences
written for these tests; published Friday 8 March 2024."""

from __future__ import annotations

import pytest

from newsfuse.events import extract_events
from newsfuse.model import Article, Block
from newsfuse.nlp.pipeline import annotate

SENTENCES = {
    "relative": "A jury on Tuesday convicted a Hamas commander who was charged in an attack on Israeli soldiers.",
    "own date": "Israeli forces on Monday arrested a Hamas commander who attacked a police station on Friday.",
    "had": "On Wednesday, the Israeli military said its troops had attacked Hamas positions.",
    "reported": "On Wednesday, the Israeli military said its troops attacked Hamas positions.",
    "adverbial": "After Russian troops attacked the town, Ukraine's president on Monday asked NATO for help.",
    "invited": "Indonesia's foreign minister invited the Portuguese minister to visit Jakarta later in the year.",
    "urged": "Russia urged Ukraine to withdraw its troops by Friday.",
    "began": "The Syrian army began to shell the town of Idlib on Monday.",
}


@pytest.fixture(scope="module")
def coded() -> dict[str, dict[str, tuple[str | None, str | None]]]:
    keys = list(SENTENCES)
    articles = [
        Article(f"c{i}", "", "text", None, "2024-03-08", None, None, (Block("paragraph", SENTENCES[k]),))
        for i, k in enumerate(keys)
    ]
    out = {}
    for key, annotated in zip(keys, annotate(articles)):
        out[key] = {(m.trigger or ""): (m.date, m.date_precision) for m in extract_events(annotated)}
    return out


def test_a_relative_clause_act_is_not_dated_by_the_main_clause(coded):
    assert coded["relative"]["convicted"] == ("2024-03-05", "day")
    assert coded["relative"]["charged"] == ("2024-W10", "week")  # only the week of publication, implied


def test_a_relative_clause_keeps_its_own_date(coded):
    assert coded["own date"]["arrested"] == ("2024-03-04", "day")
    assert coded["own date"]["attacked"] == ("2024-03-08", "day")


def test_a_report_dates_its_news_but_not_what_it_tells_as_before(coded):
    assert coded["reported"]["attacked"] == ("2024-03-06", "day")
    assert coded["had"]["attacked"] == ("2024-W10", "week")


def test_an_adverbial_clause_act_is_not_dated_by_the_main_clause(coded):
    assert coded["adverbial"]["asked"] == ("2024-03-04", "day")
    assert coded["adverbial"]["attacked"] == ("2024-W10", "week")


def test_a_participle_clause_is_dated_by_the_act_it_accompanies():
    text = "On Thursday, Bernie Sanders told reporters he would not seek a recount, conceding the race to Clinton."
    [annotated] = annotate([Article("p1", "", "text", None, "2024-03-08", None, None, (Block("paragraph", text),))])
    dates = {m.trigger: (m.date, m.date_precision) for m in extract_events(annotated)}
    assert dates["conceding"] == ("2024-03-07", "day")


def test_an_infinitival_complement_dates_its_own_act_not_the_asking(coded):
    """Issue 19: "invited ... to visit Jakarta later in the year" became an AGREE dated 2024 (year)."""
    assert coded["invited"]["invited"] == ("2024-W10", "week")  # only the week of publication, implied
    assert coded["urged"]["urged"] == ("2024-W10", "week")


def test_an_aspectual_verb_shares_its_complements_date(coded):
    assert coded["began"]["shell"] == ("2024-03-04", "day")
