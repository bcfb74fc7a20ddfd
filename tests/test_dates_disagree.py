"""benchmarks/dates_disagree.py: corpora read as written, and disagreements grouped by kind."""

from __future__ import annotations

import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[1] / "benchmarks"
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(BENCH / "accuracy"))

import dates_disagree as dd  # noqa: E402


def test_tokenised_sentences_are_written_back_as_prose():
    tokens = ["INDIANAPOLIS", ",", "Ind.", "(", "June", "15", ",", "2014", ")", "—", "Reid", "'s", "``", "Scrubs", "''"]
    assert dd.detokenise(tokens) == "INDIANAPOLIS, Ind. (June 15, 2014) — Reid's “Scrubs”"


def test_each_disagreement_gets_its_kind():
    doc = {"doc_id": "d", "corpus": "c", "dct": "2016-06-19", "text": "It rained on Tuesday and in May and in 1400."}
    ours = [(12, 19, "2016-06-14", "weekday"), (27, 30, "2016-05", "month")]
    theirs = [(12, 19, "2016-06-21", "date_r5c"), (38, 42, "1400", "date_r12a")]
    kinds = [(kind, group) for kind, group, _line in dd.compare(doc, ours, theirs)]
    assert kinds == [
        ("different_value:other", "weekday"),
        ("newsfuse_only", "month"),
        ("heideltime_only", "date_r12a"),
    ]


def test_only_points_in_time_of_heideltime_are_compared():
    assert dd._point((0, 4, "2014-06-15T03:15", "TIME", "time_r5c")) == (0, 4, "2014-06-15", "time_r5c")
    assert dd._point((0, 4, "P1W", "DURATION", "duration_r1")) is None
    assert dd._point((0, 4, "PAST_REF", "DATE", "date_r22")) is None
    assert dd.value_relation("2015", "2015-01-01") == "coarser"


def test_an_offset_skips_the_documents_an_earlier_round_read():
    first = dd.read_corpora(["gvc"], 3)
    later = dd.read_corpora(["gvc"], 2, 1)
    assert [d["doc_id"] for d in later] == [d["doc_id"] for d in first[1:3]]
    polnear = dd.read_corpora(["polnear"], 2, 5)
    assert [d["doc_id"] for d in polnear] == [d["doc_id"] for d in dd.read_corpora(["polnear"], 7)[5:7]]


def test_the_disagreements_use_the_accuracy_benchmarks_heideltime_runner():
    import dates as bench

    assert dd.run_heideltime_xmi is bench.run_heideltime_xmi
    dated = {"doc_id": "a/b 1", "corpus": "gvc", "dct": "2016-06-19", "text": "It rained on Tuesday."}
    undated = {**dated, "dct": None}
    assert bench.heideltime_mode(dated) == ["-dct", "2016-06-19", "-t", "news"]
    assert bench.heideltime_mode(undated) == ["-t", "narratives"]
    assert bench._cache_name(dated).startswith("gvc-a_b_1-") and bench._cache_name(dated).endswith(".xmi")
    assert bench._cache_name(dated) != bench._cache_name(undated)
    timebank = {"doc_id": "APW19980227.0487", "dct": "1998-02-27", "text": "It rained."}
    assert bench._cache_name(timebank).startswith("APW19980227.0487-")


def test_a_labelled_disagreement_is_scored_by_who_gives_the_labelled_value():
    labels = [
        {"doc_id": "d", "start": 0, "end": 7, "gold": "2016-06-14"},
        {"doc_id": "d", "start": 10, "end": 15, "gold": None},
        {"doc_id": "d", "start": 20, "end": 25, "gold": "2016"},
        {"doc_id": "d", "start": 30, "end": 35, "gold": "unclear"},
    ]
    ours = {"d": [(0, 7, "2016-06-14", "weekday"), (20, 25, "2015", "year")]}
    theirs = {"d": [(0, 7, "2016-06-21", "date_r5c"), (10, 15, "2016", "date_r0"), (20, 25, "2015", "date_r1")]}
    assert dd.score_labels(labels, ours, theirs) == {
        "newsfuse_right": 2,
        "both_wrong": 1,
        "unclear": 1,
    }
