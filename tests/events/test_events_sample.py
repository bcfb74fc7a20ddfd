"""benchmarks/accuracy/events.py: the hand-labelled ECB+ sample is the seeded draw, its last 40 are marked
held out, and its scoring counts shown mentions on no-event sentences as wrong."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks" / "accuracy"))
import events as bench  # noqa: E402

from newsfuse.model import ActorRef  # noqa: E402

TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT"}
TYPES |= {"THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT", "NONE"}


@pytest.fixture(scope="module")
def rows():
    return bench.load_sample()


def test_the_sample_is_the_seeded_draw(rows):
    drawn = bench.draw_sample()
    assert len(rows) == 120 and [(r["id"], r["text"]) for r in rows] == [(d["id"], d["text"]) for d in drawn]
    assert len({r["topic"] for r in rows}) == bench.SAMPLE_DOCS


def test_every_sentence_is_labelled_with_a_reason_and_the_last_40_are_held_out(rows):
    assert all(r["event_type"] in TYPES and r["reason"] and r["labelled_at"] for r in rows)
    assert [r["held_out"] for r in rows] == [False] * 80 + [True] * 40
    assert all(r["source"] is None and r["target"] is None for r in rows if r["event_type"] == "NONE")


def test_detokenize_joins_ecb_tokens_as_running_text():
    assert bench.detokenize(["Reid", "'s", "show", "``", "Scrubs", "''", ",", "(", "2008", ")", "."]) == (
        'Reid\'s show "Scrubs", (2008).'
    )


def test_datelines_are_not_sentences():
    assert bench.dateline("March 8 , 2013 5 : 47 PM".split(), "March 8, 2013 5: 47 PM")
    assert bench.dateline("Tuesday 28 April 2009 22 . 34 BST".split(), "Tuesday 28 April 2009 22. 34 BST")
    assert not bench.dateline("Police beat protesters outside the parliament .".split(), "x")


def _mention(type_, source=(), target=()):
    return SimpleNamespace(
        type=type_,
        source_actors=[ActorRef(n) for n in source],
        target_actors=[ActorRef(n) for n in target],
        symmetric=False,
    )


def test_sample_scores_count_a_mention_on_a_no_event_sentence_as_wrong():
    rows = [
        {"event_type": "ASSAULT", "also": [], "source": "gang member Jose Orozco", "target": None, "crime": True},
        {"event_type": "NONE", "also": [], "source": None, "target": None, "crime": False},
        {"event_type": "NONE", "also": [], "source": None, "target": None, "crime": False},
        {"event_type": "PROTEST", "also": ["ASSAULT"], "source": "they", "target": None, "crime": False},
    ]
    shown = [_mention("ASSAULT", ["Jose Orozco"]), _mention("AGREE", ["Canada"]), None, _mention("ASSAULT", ["x"])]
    got = bench.sample_scores(rows, shown, [0, 1, 2, 3])
    assert got["shown"] == 3 and got["type_precision"] == round(2 / 3, 3)  # "also" types count for the type
    assert got["precision"] == round(1 / 3, 3)  # roles only for the labelled type
    assert got["type_recall"] == 1.0 and got["abstention_on_none"] == 0.5 and got["false_positives_on_none"] == 1
    assert got["precision_crime_as_none"] == 0.0


def test_a_side_is_right_by_a_shared_word_and_an_unnamed_side_is_not_scored():
    assert bench.side_right("the police officer", [ActorRef("Greek police")])
    assert not bench.side_right("the police officer", [ActorRef("Greece")])
    assert bench.side_right(None, [])
    assert bench.side_right("him", [ActorRef("Jose Orozco")]) and not bench.side_right("him", [])


def test_the_sample_file_is_plain_jsonl():
    lines = (ROOT / "benchmarks" / "data" / "plover_ecbplus_sample.jsonl").read_text(encoding="utf-8").splitlines()
    assert all(json.loads(line)["id"] for line in lines)


def test_polnear_set_c_is_a_seeded_draw_of_articles_sets_a_and_b_left():
    rows = bench.load_sample(bench.POLNEAR_SAMPLE)
    c_rows = [r for r in rows if r["set"] == "C"]
    drawn = bench.draw_polnear_c()
    assert [(r["id"], r["text"]) for r in c_rows] == [(d["id"], d["text"]) for d in drawn]
    articles = lambda part: {r["id"].rsplit("/", 1)[0] for r in rows if r["set"] in part}  # noqa: E731
    assert len(articles("C")) == bench.POLNEAR_C_ARTICLES and not articles("C") & articles("AB")
    assert all(r["held_out"] and r["event_type"] in TYPES and r["reason"] and r["labelled_at"] for r in c_rows)
    assert [(r["id"], r["text"]) for r in rows if r["set"] in ("A", "B")] == [
        (d["id"], d["text"]) for d in bench.draw_polnear()
    ]


def test_polnear_set_d_is_a_seeded_draw_of_articles_sets_a_to_c_left_and_is_read():
    rows = bench.load_sample(bench.POLNEAR_SAMPLE)
    d_rows = [r for r in rows if r["set"] == "D"]
    assert [(r["id"], r["text"]) for r in d_rows] == [(d["id"], d["text"]) for d in bench.draw_polnear_d()]
    articles = lambda part: {r["id"].rsplit("/", 1)[0] for r in rows if r["set"] in part}  # noqa: E731
    assert len(articles("D")) == bench.POLNEAR_D_ARTICLES and not articles("D") & articles("ABC")
    assert all(not r["held_out"] and r["event_type"] in TYPES and r["reason"] and r["labelled_at"] for r in d_rows)
    assert all(r["source"] is None and r["target"] is None for r in d_rows if r["event_type"] == "NONE")


def test_polnear_set_e_is_a_seeded_draw_of_articles_sets_a_to_d_left_and_is_read_since_round_3():
    rows = bench.load_sample(bench.POLNEAR_SAMPLE)
    e_rows = [r for r in rows if r["set"] == "E"]
    assert [(r["id"], r["text"]) for r in e_rows] == [(d["id"], d["text"]) for d in bench.draw_polnear_e()]
    articles = lambda part: {r["id"].rsplit("/", 1)[0] for r in rows if r["set"] in part}  # noqa: E731
    assert len(articles("E")) == bench.POLNEAR_E_ARTICLES and not articles("E") & articles("ABCD")
    assert all(not r["held_out"] and r["event_type"] in TYPES and r["reason"] and r["labelled_at"] for r in e_rows)
    assert all(r["source"] is None and r["target"] is None for r in e_rows if r["event_type"] == "NONE")
    assert "E" in bench.READ_SETS  # printed and read from issue 19's third round on


def test_polnear_set_f_is_a_seeded_draw_of_articles_sets_a_to_e_and_reading_samples_left_and_read_since_round_4():
    rows = bench.load_sample(bench.POLNEAR_SAMPLE)
    f_rows = [r for r in rows if r["set"] == "F"]
    assert [(r["id"], r["text"]) for r in f_rows] == [(d["id"], d["text"]) for d in bench.draw_polnear_f()]
    articles = lambda part: {r["id"].rsplit("/", 1)[0] for r in rows if r["set"] in part}  # noqa: E731
    read = {n[:-4] for k in (1, 2) for n in bench.draw_reading(which=k)}
    assert len(articles("F")) == bench.POLNEAR_F_ARTICLES and not articles("F") & (articles("ABCDE") | read)
    assert all(not r["held_out"] and r["event_type"] in TYPES and r["reason"] and r["labelled_at"] for r in f_rows)
    assert all(r["source"] is None and r["target"] is None for r in f_rows if r["event_type"] == "NONE")
    assert "F" in bench.READ_SETS  # printed and read from issue 19's fourth round on
    assert bench.ROUND3_BEFORE["coder_at"] == f_rows[0]["labelled_at"][:7]  # scored as drawn, with the coder of then


def test_polnear_set_g_is_a_seeded_draw_of_articles_sets_a_to_f_and_reading_samples_left_and_read_since_round_5():
    rows = bench.load_sample(bench.POLNEAR_SAMPLE)
    g_rows = [r for r in rows if r["set"] == "G"]
    assert [(r["id"], r["text"]) for r in g_rows] == [(d["id"], d["text"]) for d in bench.draw_polnear_g()]
    articles = lambda part: {r["id"].rsplit("/", 1)[0] for r in rows if r["set"] in part}  # noqa: E731
    read = {n[:-4] for k in (1, 2) for n in bench.draw_reading(which=k)}
    assert len(articles("G")) == bench.POLNEAR_G_ARTICLES and not articles("G") & (articles("ABCDEF") | read)
    assert all(not r["held_out"] and r["event_type"] in TYPES and r["reason"] and r["labelled_at"] for r in g_rows)
    assert all(r["source"] is None and r["target"] is None for r in g_rows if r["event_type"] == "NONE")
    assert "G" in bench.READ_SETS  # printed and read from issue 19's fifth round on
    assert bench.ROUND4_BEFORE["coder_at"] == g_rows[0]["labelled_at"][:7]  # scored as drawn, with the coder of then


def test_polnear_set_h_is_a_seeded_draw_of_articles_sets_a_to_g_and_the_reading_samples_left_and_read_since_round_6():
    rows = bench.load_sample(bench.POLNEAR_SAMPLE)
    h_rows = [r for r in rows if r["set"] == "H"]
    assert [(r["id"], r["text"]) for r in h_rows] == [(d["id"], d["text"]) for d in bench.draw_polnear_h()]
    articles = lambda part: {r["id"].rsplit("/", 1)[0] for r in rows if r["set"] in part}  # noqa: E731
    read = {n[:-4] for k in (1, 2) for n in bench.draw_reading(which=k)}
    assert len(articles("H")) == bench.POLNEAR_H_ARTICLES and not articles("H") & (articles("ABCDEFG") | read)
    assert all(not r["held_out"] and r["event_type"] in TYPES and r["reason"] and r["labelled_at"] for r in h_rows)
    assert all(r["source"] is None and r["target"] is None for r in h_rows if r["event_type"] == "NONE")
    assert "H" in bench.READ_SETS  # printed and read from issue 19's sixth round on
    assert bench.ROUND5_BEFORE["coder_at"] == h_rows[0]["labelled_at"][:7]  # scored as drawn, with the coder of then


def test_polnear_set_i_is_a_seeded_draw_of_articles_sets_a_to_h_and_the_reading_samples_left_and_is_held_out():
    rows = bench.load_sample(bench.POLNEAR_SAMPLE)
    i_rows = [r for r in rows if r["set"] == "I"]
    assert [(r["id"], r["text"]) for r in i_rows] == [(d["id"], d["text"]) for d in bench.draw_polnear_i()]
    articles = lambda part: {r["id"].rsplit("/", 1)[0] for r in rows if r["set"] in part}  # noqa: E731
    read = {n[:-4] for k in (1, 2) for n in bench.draw_reading(which=k)}
    assert len(articles("I")) == bench.POLNEAR_I_ARTICLES and not articles("I") & (articles("ABCDEFGH") | read)
    assert all(r["held_out"] and r["event_type"] in TYPES and r["reason"] and r["labelled_at"] for r in i_rows)
    assert all(r["source"] is None and r["target"] is None for r in i_rows if r["event_type"] == "NONE")
    assert "I" not in bench.READ_SETS  # never printed while revising the coder
    assert bench.ROUND6_BEFORE["coder_at"] == i_rows[0]["labelled_at"][:7]  # scored as drawn, with the coder of then
