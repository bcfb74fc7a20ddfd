"""The coref benchmark's error reading (benchmarks/coref.py ``--causes``): what may tell two grouped
mentions apart, and the topic halves that keep one half of a split held out, on mentions and
documents written for these tests."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import coref as C  # noqa: E402

from newsfuse.stories.coref import AnyMention  # noqa: E402


def mention(i: int, lemma: str, pos: str, **kw) -> AnyMention:
    return AnyMention(f"m{i}", "s1", lemma, article=f"a{i}", pos=pos, **kw)


def test_two_victims_on_two_days_are_told_apart_by_participants_dates_and_type():
    boy = mention(1, "shoot", "VERB", participants=frozenset({"stage:child", "age:8"}), dates=frozenset({"2024-03-01"}))
    woman = mention(2, "shooting", "NOUN", dates=frozenset({"2024-03-04"}), published="2024-03-05")
    gold_boy = {"chain": "c1", "event_type": "hitting"}
    gold_woman = {"chain": "c2", "event_type": "bag_of_events"}
    found = C.pair_causes(boy, woman, gold_boy, gold_woman, Counter({"c1": 2, "c2": 1}))
    assert set(found) == {"dates", "singleton", "event_type", "participants_one_side", "noun_verb"}


def test_one_victim_named_twice_has_no_cause():
    a = mention(1, "kill", "VERB", participants=frozenset({"name:horn"}), places=frozenset({"houston"}))
    b = mention(2, "kill", "VERB", participants=frozenset({"name:horn"}), places=frozenset({"houston"}))
    gold = {"chain": "c1", "event_type": "death"}
    assert C.pair_causes(a, b, gold, gold, Counter({"c1": 2})) == []


def test_the_two_halves_split_the_topics_without_overlap():
    docs = [{"doc_id": f"{t}_{k}", "topic": str(t)} for t in range(1, 11) for k in range(3)]
    first, second = C.topic_half(docs, 0), C.topic_half(docs, 1)
    assert not first & second
    assert first | second == {d["doc_id"] for d in docs}
    topics_of = [{d.split("_")[0] for d in half} for half in (first, second)]
    assert len(topics_of[0]) == len(topics_of[1]) == 5
    assert C.topic_half(docs, 0) == first


GVC = ROOT.parent / "shared" / "corpus" / "clustering" / "gvc"


def test_gvc_dev_incidents_are_dealt_whole_into_five_folds():
    docs = C.split_documents(GVC, split="dev")
    fold_of = C.topic_folds(docs, 5)
    folds_of_incident: dict[str, set[int]] = {}
    for d in docs:
        folds_of_incident.setdefault(str(d["incident_id"]), set()).add(fold_of[str(d["doc_id"])])
    assert all(len(f) == 1 for f in folds_of_incident.values())
    per_fold = Counter(next(iter(f)) for f in folds_of_incident.values())
    assert set(per_fold) == {1, 2, 3, 4, 5}
    assert max(per_fold.values()) - min(per_fold.values()) <= 1
    assert C.topic_folds(list(reversed(docs)), 5) == fold_of


def test_each_fold_is_scored_on_its_own_mentions():
    docs = [{"doc_id": f"d{t}", "incident_id": str(t)} for t in range(10)]
    gold = [{"id": f"m{t}{k}", "doc_id": f"d{t}", "chain": f"c{t}"} for t in range(10) for k in range(2)]
    # each incident's two mentions share a lemma and their story: grouped as the gold chain
    feats = [AnyMention(m["id"], m["doc_id"], "shoot", article=m["doc_id"] + m["id"][-1]) for m in gold]
    found = C.fold_scores(gold, feats, docs, 5)
    assert found["held_out"] == C.HELD_OUT_FOLD == 5
    folds = [found[str(k)] for k in range(1, 6)]
    assert len(set(folds)) == 1 and found["design_folds"] == folds[0]
