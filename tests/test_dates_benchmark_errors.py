"""The dates benchmark lists errors of the folds rules may be read on, grouped by cause, and never
those of the held-out fold."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("dates_bench", ROOT / "benchmarks" / "accuracy" / "dates.py")
assert _spec is not None and _spec.loader is not None
bench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench)


def doc(doc_id: str, text: str, dct: str, spans: list[tuple[str, str]]) -> dict:
    timexes = []
    for words, value in spans:
        at = text.index(words)
        timexes.append({"start": at, "end": at + len(words), "text": words, "type": "DATE", "value": value})
    return {"doc_id": doc_id, "text": text, "dct": dct, "timexes": timexes}


def test_error_causes():
    assert bench.error_cause("1998-03-17", None, "1998-03-11") == "unresolved"
    assert bench.error_cause("1998-03-10", "1998-W11", "1998-03-11") == "wrong granularity"
    assert bench.error_cause("1998-03-10", "1998-03", "1998-03-11") == "wrong granularity"
    assert bench.error_cause("1998-03-17", "1998-03-10", "1998-03-11") == "wrong direction"
    assert bench.error_cause("1997-02", "1998-02", "1998-03-01") == "wrong anchor"


def test_fold_errors_are_grouped_and_the_held_out_fold_is_refused():
    a = doc(
        "a",
        "They met Tuesday and will meet again in May.",
        "1998-03-11",
        [("Tuesday", "1998-03-10"), ("May", "1998-05")],
    )
    b = doc("b", "Sales rose last year.", "1998-03-11", [("last year", "1997")])
    folds = [[a], [b], [], [], []]
    preds = {"a": [(9, 16, "1998-03-10"), (40, 43, "1997-05")], "b": []}
    errors = bench.fold_errors(folds, preds, [1, 2])
    assert [cause for cause, _line in errors] == ["wrong direction", "missed"]
    assert "[[May]]" in errors[0][1] and "fold 2 b" in errors[1][1]
    with pytest.raises(SystemExit):
        bench.fold_errors(folds, preds, [4, bench.HELD_OUT_FOLD])


def test_heideltime_dates_are_placed_at_their_own_offsets():
    # HeidelTime tagged only the second "1989"; placed by words from a cursor it landed on the first
    text = "The 1989 plan & more.\n\nResults for 1989 rose on Friday."
    timeml = (
        '<?xml version="1.0"?>\n<!DOCTYPE TimeML SYSTEM "TimeML.dtd">\n<TimeML>\n'
        'The 1989 plan &amp; more.\n\nResults for <TIMEX3 tid="t1" type="DATE" value="1989">1989</TIMEX3> rose on '
        '<TIMEX3 tid="t2" type="DATE" value="1989-10-27">Friday</TIMEX3>.\n</TimeML>\n'
    )
    second = text.index("1989", 10)
    friday = text.index("Friday")
    assert bench.timeml_spans(timeml, text) == [(second, second + 4, "1989"), (friday, friday + 6, "1989-10-27")]
    assert bench.timeml_spans_by_cursor(timeml, text)[0] == (4, 8, "1989")
    # an output that is not the text: the cursor placement
    assert bench.timeml_spans(timeml, "Results for 1989 rose on Friday.") == [(12, 16, "1989"), (25, 31, "1989-10-27")]


def test_per_fold_pools_the_read_folds_apart_from_the_held_out_one():
    docs = [doc(f"d{i}", "They met Tuesday.", "1998-03-11", [("Tuesday", "1998-03-10")]) for i in range(5)]
    folds = [[d] for d in docs]  # one document a fold; fold 5 (the held-out) is docs[4]
    preds = {d["doc_id"]: [(9, 16, "1998-03-10")] for d in docs[:3]}
    preds["d4"] = [(9, 16, "1998-03-10")]
    figures = bench.per_fold(folds, preds)
    assert figures["read_folds_right"] == 0.75  # d3 (fold 4) has no date; the held-out d4 is not counted
    assert figures["cv_right"] == 0.8
    assert figures["folds"][-1]["right"] == 1.0


def test_heideltime_xmi_gives_offsets_values_and_rule_names():
    text = "They met last summer and on Monday."
    xmi = (
        '<?xml version="1.0" encoding="UTF-8"?><xmi:XMI xmi:version="2.0">'
        '<heideltime:Timex3 xmi:id="216" sofa="1" begin="28" end="34" timexType="DATE" '
        'timexValue="1998-01-05" foundByRule="date_r5c-relative" timexMod=""/>'
        '<heideltime:Timex3 xmi:id="217" sofa="1" begin="9" end="20" timexType="DATE" '
        'timexValue="1997-SU" foundByRule="date_r17e-relative" timexMod=""/>'
        f'<cas:Sofa xmi:id="1" sofaNum="1" sofaID="_InitialView" mimeType="text" sofaString="{text}&#10;"/>'
        "</xmi:XMI>"
    )
    assert bench.xmi_timexes(xmi, text) == [
        (9, 20, "1997-SU", "DATE", "date_r17e"),
        (28, 34, "1998-01-05", "DATE", "date_r5c"),
    ]
    assert bench.xmi_timexes("no output", text) == []


def test_comparison_lists_each_side_wins_by_kind_and_refuses_the_held_out_fold():
    a = doc(
        "a",
        "They met Tuesday and will meet again in May.",
        "1998-03-11",
        [("Tuesday", "1998-03-10"), ("May", "1998-05")],
    )
    folds = [[a], [], [], [], []]
    newsfuse = {"a": [(9, 16, "1998-03-10", "weekday"), (40, 43, "1997-05", "month")]}
    heideltime = {"a": [(9, 16, "1998-03-03", "DATE", "date_r5c"), (40, 43, "1998-05", "DATE", "date_r16a")]}
    found = bench.compare_with_heideltime(folds, newsfuse, heideltime, [1])
    assert [kind for kind, _ in found["heideltime_only"]] == ["date_r16a"]
    assert [kind for kind, _ in found["newsfuse_only"]] == ["date_r5c"]
    assert "[[May]]" in found["heideltime_only"][0][1]
    with pytest.raises(SystemExit):
        bench.compare_with_heideltime(folds, newsfuse, heideltime, [bench.HELD_OUT_FOLD])
