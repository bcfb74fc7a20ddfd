"""A PolNeAR side labelled by a phrase that names a country ("the Mexican president", "a lawmaker in the
Philippines") is matched, as PLOVER codes an actor (manual 5.1: the country field and the sector), by that state or
one of its bodies, never by a person of it or by another country's body. Labels and our actors from real sample
rows (benchmarks/data/plover_polnear_sample.jsonl) and from the linker's own names. A reciprocal act lists every
party as its actor (manual 2.4.2): a label's doer and recipient are each found among its parties."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from newsfuse.model import ActorRef, EventMention

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks" / "accuracy"))
import events as bench  # noqa: E402

SAMPLE = ROOT / "benchmarks" / "data" / "plover_polnear_sample.jsonl"


def _row(fragment: str) -> dict:
    rows = [json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines() if fragment in line]
    assert len(rows) == 1, fragment
    return rows[0]


def test_a_label_naming_a_country_is_matched_by_that_states_body():
    lawmaker = _row("philippine-lawmaker-wants-trump-/0")["source"]  # "A lawmaker in the Philippines"
    assert bench.side_right(lawmaker, [ActorRef("Filipino legislature", "PHL", "LEG", None, "leg:PHL")])
    judge = _row("hacker-who-exposed-clinton-s-use/1")["source"]  # "a U.S. district judge"
    assert bench.side_right(judge, [ActorRef("American judiciary", "USA", "JUD", None, "jud:USA")])
    president = _row("schlafly-s-final-column-explains/1")["target"]  # "the Mexican president"
    assert bench.side_right(president, [ActorRef("Mexico", "MEX", None, None, "state:MEX")])


def test_another_country_or_a_person_of_it_does_not_match():
    president = _row("schlafly-s-final-column-explains/1")["target"]
    assert not bench.side_right(president, [ActorRef("United States", "USA", None, None, "state:USA")])
    assert not bench.side_right(president, [ActorRef("Vicente Fox", "MEX", "GOV", None, "person:vicente-fox")])
    assert not bench.side_right("Donald Trump", [ActorRef("United States", "USA", None, None, "state:USA")])
    assert bench.named_states("the wife of an Iranian-American pastor") == set()


def _act(source: list[ActorRef], target: list[ActorRef], symmetric: bool) -> EventMention:
    return EventMention(
        "e",
        "a",
        "AGREE",
        None,
        None,
        tuple(source),
        tuple(target),
        None,
        None,
        "occurred",
        (),
        "",
        0,
        1,
        symmetric=symmetric,
    )


def test_a_reciprocal_acts_parties_answer_both_labelled_sides():
    row = _row(
        "trump-ryan-pledge-to-work-togeth/0"
    )  # "Donald Trump and House Speaker Paul Ryan pledged to work together"
    parties = [
        ActorRef("Donald Trump", "USA", None, None, "person:donald-trump"),
        ActorRef("Paul Ryan", "USA", None, None, "person:paul-ryan"),
    ]
    assert bench.sides_right(row, _act(parties, [], symmetric=True))
    assert not bench.sides_right(row, _act(parties, [], symmetric=False))
    assert not bench.sides_right(row, _act(parties[:1], [], symmetric=True))
