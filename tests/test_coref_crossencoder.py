"""The event-pair cross-encoder's plumbing (stories/crossenc.py, stories/coref.py): a real ECB+
sentence is marked and cut as the training script reads it, which pairs it reads, and how its
probability enters the pair score and the grouping. No trained model is shipped (fusion.yaml lists
none: the one trained here did not help), so the grouping never calls it."""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np

from newsfuse.stories import crossenc
from newsfuse.stories.config import load
from newsfuse.stories.coref import AnyMention, cross_candidate, group, pair_score, uses_cross_encoder

ROOT = Path(__file__).resolve().parents[1]
ECBPLUS = ROOT / ".." / "shared" / "corpus" / "clustering" / "ecbplus"


def _cfg() -> dict:
    return load("fusion.yaml")["coref"]["cross_encoder"]


def _first_dev_mention() -> tuple[list[str], dict]:
    mention = next(
        m
        for m in map(json.loads, (ECBPLUS / "mentions.jsonl").open(encoding="utf-8"))
        if m["split"] == "dev" and m["kind"] == "event" and m["in_annotated_sentence"]
    )
    docs = map(json.loads, (ECBPLUS / "documents.jsonl").open(encoding="utf-8"))
    doc = next(d for d in docs if d["doc_id"] == mention["doc_id"])
    return doc["sentences"][mention["sentence"]], mention


def test_a_real_trigger_is_marked_in_its_sentence():
    words, mention = _first_dev_mention()
    marked = crossenc.marked_sentence(words, mention["tokens"])
    inside = marked.split(crossenc.OPEN, 1)[1].split(crossenc.CLOSE, 1)[0].split()
    assert inside == [words[i] for i in mention["tokens"]]
    assert len(marked.split()) <= len(mention["tokens"]) + 2 * _cfg()["window"] + 2


def test_the_window_keeps_the_words_either_side_of_the_trigger():
    words = [f"w{i}" for i in range(60)]
    window = _cfg()["window"]
    marked = crossenc.marked_sentence(words, [30, 31]).split()
    assert marked[0] == f"w{30 - window}" and marked[-1] == f"w{31 + window}"
    assert marked[window : window + 4] == [crossenc.OPEN, "w30", "w31", crossenc.CLOSE]


def test_a_pair_is_one_sequence_cut_at_the_limit_with_two_segments():
    long_text = " ".join(f"word{i}" for i in range(200))
    pieces = crossenc.encode_pairs([(long_text, long_text)])[0]
    assert len(pieces.ids) == _cfg()["max_word_pieces"]
    assert pieces.type_ids[0] == 0 and pieces.type_ids[-1] == 1
    short = crossenc.encode_pairs([("police <m> fired </m>", "the <m> shooting </m>")])[0]
    assert short.tokens[0] == "[CLS]" and short.tokens.count("[SEP]") == 2 and "<" in short.tokens


def test_no_model_is_listed_so_nothing_is_scored():
    assert crossenc.model_paths() == []
    assert not uses_cross_encoder()
    assert np.array_equal(crossenc.probabilities([("a", "b"), ("c", "d")]), np.zeros(2, dtype=np.float32))


def _mention(mid: str, lemma: str, marked: str = "x <m> y </m>") -> AnyMention:
    vector = np.eye(3, dtype=np.float32)[0 if lemma == "shoot" else 1]
    return AnyMention(mid, "s", lemma, vector=vector, article=mid, marked=marked)


def test_the_cross_encoder_reads_pairs_of_one_family_or_close_triggers_only():
    shoot, shooting, concert = _mention("a", "shoot"), _mention("b", "shooting"), _mention("c", "concert")
    assert cross_candidate(shoot, shooting)  # one lemma family
    assert cross_candidate(shoot, _mention("e", "fire"))  # one CAMEO code, though the vectors are apart
    assert not cross_candidate(shoot, concert)  # orthogonal trigger vectors, no CAMEO verb
    assert not cross_candidate(shoot, _mention("d", "shoot", marked=""))  # nothing to read


def test_its_probability_enters_the_pair_score_and_the_grouping_by_its_weight():
    weights = {kind: {"bias": -1.0, "cross_encoder": 2.0} for kind in ("across_articles", "within_article")}
    a, b, c = _mention("a", "shoot"), _mention("b", "shoot"), _mention("c", "shoot")
    assert math.isclose(pair_score(a, b, weights, cross=0.9), -1.0 + 1.8)
    assert uses_cross_encoder(weights)
    cross = {("a", "b"): 0.95, ("a", "c"): 0.05, ("b", "c"): 0.05}
    clusters = sorted(sorted(g) for g in group([c, b, a], weights, 0.5, cross))
    assert clusters == [["a", "b"], ["c"]]
