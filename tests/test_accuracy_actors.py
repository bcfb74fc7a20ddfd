"""The actor benchmark's verdicts on its own labels: a wrong placement labelled with ``correct_placements`` turns
right only for the same person placed as labelled; seed 83 draws 34 of the 35 PolNeAR articles that the seeds before
it and the events sample left; seed 84 reads the ECB+ train records of the two subtopics that nothing else reads; seed
85 reads the WCXB dev pages listed as news; seed 86 reads the scrapinghub pages listed as news; seed 87 reads the
TimeBank articles, dated by their creation time; seed 88 reads the PLOVER gsr-dev sentences, undated."""

from __future__ import annotations

import importlib.util
import json
import re
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


def _seed_records(b, seed: int) -> list[dict]:
    """The JSON records the benchmark reads for a held-out seed (one input of JSON lines)."""
    ((_, data),) = b.seed_inputs(seed)
    return [json.loads(line) for line in data.splitlines() if line.strip()]


def test_seed_84_reads_the_ecbplus_records_no_test_sample_or_seed_reads():
    b = bench()
    if not b.ECBPLUS.exists():
        pytest.skip("the shared ECB+ corpus is not here")
    records = _seed_records(b, 84)
    assert len(records) == 32 and {r["subtopic"] for r in records} == {"1_ecbplus", "3_ecbplus"}
    assert {r["split"] for r in records} == {"train"}
    earlier = {
        json.loads(line)["doc_id"] for n in b.ECB_TRAIN_SEEDS for _, d in b.train_inputs(n) for line in d.splitlines()
    }
    assert not earlier & {r["doc_id"] for r in records}
    named = " ".join(
        p.read_text(encoding="utf-8") for p in (REPO / "tests").rglob("*.py") if p.name != Path(__file__).name
    )
    named += (REPO / "benchmarks" / "data" / "plover_ecbplus_sample.jsonl").read_text(encoding="utf-8")
    named_ids = set(re.findall(r"\b\d+_\d+ecb(?:plus)?\b", named))
    assert not named_ids & {r["doc_id"] for r in records}


def test_seed_85_reads_the_wcxb_news_pages_no_actor_test_reads():
    b = bench()
    if not b.WCXB.exists():
        pytest.skip("the shared WCXB pages are not here")
    records = _seed_records(b, 85)
    truth = json.loads(b.WCXB.read_text(encoding="utf-8"))
    assert len(records) == 24 and all(r["text"] == truth[r["id"][5:]]["main_content"] for r in records)
    labels = [lab for lab in b.read_labels(b.LABELS) if lab.get("set") == "seed85"]
    assert len(labels) == 140 and {lab["doc"] for lab in labels} <= {r["id"] for r in records}


def test_seed_86_reads_the_scrapinghub_news_pages_no_actor_test_reads():
    b = bench()
    if not b.SCRAPINGHUB.exists():
        pytest.skip("the shared scrapinghub pages are not here")
    records = _seed_records(b, 86)
    truth = {page[:12]: fields for page, fields in json.loads(b.SCRAPINGHUB.read_text(encoding="utf-8")).items()}
    assert len(records) == 111 and all(r["text"] == truth[r["id"][12:]]["articleBody"] for r in records)
    labels = [lab for lab in b.read_labels(b.LABELS) if lab.get("set") == "seed86"]
    assert len(labels) == 140 and {lab["doc"] for lab in labels} <= {r["id"] for r in records}
    assert all("before any round-22 rule" in lab["labelled"] for lab in labels)


def test_seed_87_reads_the_timebank_articles_dated_by_their_dct():
    b = bench()
    if not b.TIMEBANK.exists():
        pytest.skip("the shared TimeBank articles are not here")
    records = _seed_records(b, 87)
    docs = {d["doc_id"]: d for d in map(json.loads, b.TIMEBANK.read_text(encoding="utf-8").splitlines())}
    assert len(records) == 183 and all(r["text"] == docs[r["id"]]["text"] for r in records)
    assert all(r["published"] == docs[r["id"]]["dct"][:10] for r in records)  # the publication date
    labels = [lab for lab in b.read_labels(b.LABELS) if lab.get("set") == "seed87"]
    assert len(labels) == 140 and {lab["doc"] for lab in labels} <= set(docs)
    assert all("before any round-23 rule" in lab["labelled"] for lab in labels)


def test_seed_88_reads_the_gsr_dev_sentences_undated():
    b = bench()
    if not b.GSR_DEV.exists():
        pytest.skip("the shared PLOVER gsr-dev records are not here")
    records = _seed_records(b, 88)
    gold = {d["id"]: d for d in map(json.loads, b.GSR_DEV.read_text(encoding="utf-8").splitlines())}
    assert len(records) == 220 and all(r["text"] == gold[r["id"]]["text"] for r in records)
    assert not any("published" in r for r in records)  # the records' 2000-01-01 is a placeholder, no date
    labels = [lab for lab in b.read_labels(b.LABELS) if lab.get("set") == "seed88"]
    assert len(labels) == 140 and {lab["doc"] for lab in labels} <= set(gold)
    assert all("before any round-24 rule" in lab["labelled"] for lab in labels)
    assert b.HELDOUT_SEED == 88
