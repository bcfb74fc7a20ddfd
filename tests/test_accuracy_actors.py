"""The actor benchmark's verdicts on its own labels: a wrong placement labelled with ``correct_placements`` turns
right only for the same person placed as labelled; seed 83 draws 34 of the 35 PolNeAR articles that the seeds before
it and the events sample left."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SCRIPT = REPO / "benchmarks" / "accuracy" / "actors.py"


def bench():
    sys.path.insert(0, str(SCRIPT.parent))
    spec = importlib.util.spec_from_file_location("actors_bench", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def seed82_label(text: str) -> dict:
    rows = (json.loads(line) for line in open(REPO / "benchmarks" / "data" / "actor_links.jsonl", encoding="utf-8"))
    return next(r for r in rows if r.get("set") == "seed82" and r["text"] == text)


def test_a_wrong_placement_turns_right_only_for_the_same_person_placed_as_labelled():
    b = bench()
    leahy = seed82_label("Leahy")  # 'Patrick J. Leahy, Democrat of Vermont' placed in the party sector
    now = {"actor_id": "person:patrick-j-leahy", "country": "USA", "sector": "PTY"}
    assert b.verdict(leahy, now) == "wrong"
    assert b.verdict(leahy, {**now, "sector": "LEG"}) == "right"
    assert b.verdict(leahy, {**now, "actor_id": "person:chuck-grassley", "sector": "LEG"}) == "wrong"


def test_seed_83_draws_34_articles_the_seeds_before_it_left():
    b = bench()
    if not b.POLNEAR_DEV.exists():
        pytest.skip("the shared PolNeAR corpus is not here")
    drawn = {Path(path).stem for path, _ in b.polnear_inputs(83)}
    before = {Path(path).stem for seed in (81, 82) for path, _ in b.polnear_inputs(seed)}
    assert len(drawn) == 34 and not drawn & before
    assert not drawn & b.events_polnear_articles(None)  # no article of any set of the events sample
