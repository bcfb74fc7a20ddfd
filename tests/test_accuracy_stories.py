"""Smoke tests of the story-clustering and event-coreference benchmarks on a few real documents,
and the coreference scorer checked on hand-worked cases and against the published ``scorch``."""

from __future__ import annotations

import dataclasses
import itertools
import json
import math
import random
import sys
from pathlib import Path

import numpy as np
import pytest
from conftest import bare_story_item
from hypothesis import given, settings
from hypothesis import strategies as st

from newsfuse.stories import embed_texts
from newsfuse.stories.config import load
from newsfuse.stories.coref import (
    PAIR_KINDS,
    AnyMention,
    arguments,
    cameo_synonyms,
    context_vectors,
    determiner,
    group,
    lemma_family,
    pair_features,
    pair_kind,
    pair_score,
    same_cameo_code,
    trigger_verb,
    with_spread,
)

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / ".." / "shared" / "corpus" / "clustering"
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "benchmarks" / "accuracy"))

import coref  # noqa: E402
import stories  # noqa: E402


def test_stories_benchmark_runs_on_a_few_gvc_documents():
    figures = stories.main(["--data", str(DATA / "gvc"), "--limit", "6", "--json", "--scale", "50"])
    dev = figures["dev"]
    assert dev["documents"] == 6
    for key in ("online_file_order", "online_shuffled", "anchor_tfidf_avg_linkage"):
        assert 0.0 < dev[key]["f1"] <= 1.0
    seeds = dev["online_shuffled_seeds"]
    assert seeds["seeds"] == stories.SHUFFLE_SEEDS and seeds["f1_min"] <= seeds["f1_mean"] <= seeds["f1_max"]
    assert figures["ms_per_added_article_at"]["50"] > 0


def test_online_scores_where_each_article_ends_up():
    """An article that bridges two stories merges them: the earlier articles count in the merged story."""
    items = [
        bare_story_item("a", {"quake": 2, "chile": 3, "santiago": 2}),
        bare_story_item("b", {"tsunami": 3, "wave": 2, "coast": 2}),
        bare_story_item("c", {"quake": 2, "chile": 2, "santiago": 1, "tsunami": 2, "wave": 2, "coast": 1}),
    ]
    labels, _ = stories.online(items, [0, 1, 2], {"threshold": 0.2, "merge_threshold": -10.0, "split_threshold": None})
    assert len(set(labels)) == 1
    assert stories.bcubed(labels, ["x", "x", "x"])["f1"] == 1.0


def test_coref_benchmark_contract_on_a_few_ecb_documents(capsys):
    result = coref.main(["--data", str(DATA / "ecbplus"), "--limit", "4", "--json", "--fit", "--split", "train"])
    assert set(result) == {"muc", "b3", "ceafe", "conll", "baseline_conll", "mentions"}
    assert result["mentions"] > 0 and 0.0 <= result["conll"] <= 1.0
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[-1].startswith("{")
    fitted = json.loads(next(line for line in lines if line.startswith("weights:")).removeprefix("weights:"))
    weights = load("fusion.yaml")["coref"]["weights"]
    assert set(fitted) == set(weights) == set(PAIR_KINDS)
    assert all(set(fitted[kind]) == set(weights[kind]) for kind in PAIR_KINDS)


def test_coref_weights_are_never_fitted_on_dev():
    for option in ("--fit", "--cv=2"):
        for split in (["--split", "dev"], []):
            with pytest.raises(SystemExit):
                coref.main(["--data", str(DATA / "ecbplus"), "--limit", "4", option, *split])


def test_coref_cross_validation_holds_out_whole_topics():
    # four topics of two articles each; in every topic the two articles tell one "crash" and each
    # has a "say" of its own: the held-out topics are grouped with weights fitted on the others
    gold, feats, docs = [], [], []
    for t in range(4):
        for a in range(2):
            article = f"t{t}a{a}"
            docs.append({"doc_id": article, "topic": str(t)})
            for n, lemma in enumerate(("crash", "say")):
                mid = f"{article}#{n}"
                gold.append({"id": mid, "chain": f"t{t}-crash" if lemma == "crash" else mid})
                feats.append(AnyMention(mid, f"s{t}", lemma, article=article, sentence=n))
    result = coref.cross_validate(gold, feats, docs, 2)
    assert result["folds"] == 2 and result["seed"] == coref.CV_SEED
    assert result["best_threshold"] in coref.CV_THRESHOLDS
    assert set(result["mean_conll_by_threshold"]) == {str(t) for t in coref.CV_THRESHOLDS}
    assert result["nested_conll"] == 1.0  # the crashes together, each saying alone


@pytest.fixture(scope="module")
def coref_parsed():
    """Two articles written for these tests, analysed by the pipeline's nlp stage."""
    from newsfuse.model import Article, Block
    from newsfuse.nlp.pipeline import annotate

    texts = [
        "Police arrested a man in Bloomington on Tuesday.\n\nThe driver fled the scene.",
        "The company fired its chief executive.\n\nGunmen fired at the crowd outside the stadium.",
    ]
    blocks = [tuple(Block("paragraph", p) for p in t.split("\n\n")) for t in texts]
    articles = [Article(f"a{i}", "", "text", None, "2024-03-05", None, None, b) for i, b in enumerate(blocks)]
    return annotate(articles)


def test_coref_arguments_are_the_triggers_slots(coref_parsed):
    tokens = coref_parsed[0].tokens
    arrested = next(t for t in tokens if t.text == "arrested")
    assert {"police", "man", "tuesday"} <= arguments(tokens, arrested)
    fled = next(t for t in tokens if t.text == "fled")
    assert "man" not in arguments(tokens, fled) and "driver" in arguments(tokens, fled)


def test_coref_determiner_is_the_noun_triggers_article_or_possessive(coref_parsed):
    tokens = coref_parsed[0].tokens
    assert determiner(tokens, next(t for t in tokens if t.text == "scene")) == "the"
    assert determiner(tokens, next(t for t in tokens if t.text == "arrested")) == ""
    company = coref_parsed[1].tokens
    assert determiner(company, next(t for t in company if t.text == "executive")) == "its"


def test_coref_token_map_survives_a_dropped_line(coref_parsed):
    # the gold document has a line the cleaned article lacks (a title): the rest still aligns
    doc = {
        "sentences": [
            ["Breaking", "news", "here"],
            ["Police", "arrested", "a", "man", "in", "Bloomington"],
            ["The", "driver", "fled", "the", "scene", "."],
        ]
    }
    found = coref.token_map(doc, coref_parsed[0])
    assert (0, 0) not in found
    assert found[(1, 1)].text == "arrested" and found[(2, 2)].text == "fled"


def test_coref_context_vectors_tell_word_senses_apart():
    vectors = coref_context(
        [
            ("The company fired its chief executive on Monday .", "fired"),
            ("The bank fired its finance director after the audit .", "fired"),
            ("Gunmen fired at the crowd outside the stadium .", "fired"),
        ]
    )
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2]
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def coref_context(items: list[tuple[str, str]]) -> np.ndarray:
    spans = [(text, [(text.index(word), text.index(word) + len(word))]) for text, word in items]
    return context_vectors(spans)


def coref_mention(i: int, story: str | None, lemma: str, article: str, **kw) -> AnyMention:
    return AnyMention(f"m{i}", story, lemma, article=article, **kw)


def test_coref_pair_score_keeps_the_fusion_constraints():
    a = coref_mention(1, "s1", "arrest", "a1", dates=frozenset({"2024-03-05"}), arguments=frozenset({"jackson"}))
    same = coref_mention(2, "s1", "arrest", "a2", dates=frozenset({"2024-03-05"}), arguments=frozenset({"jackson"}))
    assert pair_score(a, same) > pair_score(a, coref_mention(3, "s1", "arrest", "a2"))
    assert pair_score(a, coref_mention(4, "s2", "arrest", "a2")) == -math.inf  # another story
    assert pair_score(a, coref_mention(5, None, "arrest", "a2")) == -math.inf  # no story
    other_day = coref_mention(6, "s1", "arrest", "a2", dates=frozenset({"2024-02-01"}))
    assert pair_score(a, other_day) == -math.inf  # conflicting days


def test_coref_groups_one_event_apart_from_another_of_its_story():
    # two reports of a shooting and one of a sacking, all in one story: the shots are one event
    sentences = [
        ("Gunmen fired at the crowd outside the stadium on Saturday .", "fired"),
        ("Two gunmen fired into the crowd at the stadium , police said .", "fired"),
        ("The club sacked its coach on Monday after the defeat .", "sacked"),
    ]
    contexts = coref_context(sentences)
    triggers = embed_texts([w for _, w in sentences])
    articles = embed_texts([s for s, _ in sentences])
    slots = [{"gunman", "crowd"}, {"gunman", "crowd"}, {"club", "coach"}]
    ms = [
        coref_mention(
            i,
            "s1",
            "fire" if i < 2 else "sack",
            f"a{i}",
            context=contexts[i],
            vector=triggers[i],
            article_vector=articles[i],
            arguments=frozenset(slots[i]),
        )
        for i in range(3)
    ]
    assert sorted(sorted(g) for g in group(ms)) == [["m0", "m1"], ["m2"]]


@given(st.permutations(list(range(6))))
@settings(max_examples=20, deadline=None)
def test_coref_grouping_does_not_depend_on_input_order(order):
    lemmas = ["arrest", "arrest", "say", "say", "crash", "arrest"]
    ms = [
        coref_mention(i, "s1" if i < 5 else "s2", lemma, f"a{i % 3}", arguments=frozenset({"police"}))
        for i, lemma in enumerate(lemmas)
    ]
    expected = sorted(sorted(g) for g in group(ms))
    assert sorted(sorted(g) for g in group([ms[i] for i in order])) == expected


def test_coref_spread_is_the_share_of_the_storys_other_articles_with_the_lemma_family():
    story = [
        coref_mention(1, "s1", "shoot", "a1"),
        coref_mention(2, "s1", "help", "a1"),
        coref_mention(3, "s1", "shooting", "a2"),
        coref_mention(4, "s1", "arrest", "a3"),
        coref_mention(5, "s1", "shoot", "a3"),
    ]
    spread = {m.id: m.spread for m in with_spread(story)}
    assert spread == {"m1": 1.0, "m2": 0.0, "m3": 1.0, "m4": 0.0, "m5": 1.0}
    assert {m.id: m.spread for m in with_spread(story[:2])} == {"m1": 0.0, "m2": 0.0}  # one article
    told, once = with_spread(story)[0], with_spread(story)[1]
    assert pair_features(told, with_spread(story)[2])["story_spread_family"] == 1.0
    assert pair_features(told, once)["story_spread_family"] == 0.0
    v = np.array([0.6, 0.8], dtype=np.float32)
    near = pair_features(dataclasses.replace(told, context=v), dataclasses.replace(with_spread(story)[2], context=v))
    assert near["story_spread_context"] == pytest.approx(near["context_similarity"]) == pytest.approx(1.0)


def test_coref_a_trigger_the_story_tells_everywhere_links_more_readily():
    def pair(spread: float) -> float:
        a = coref_mention(1, "s1", "shoot", "a1", spread=spread)
        return pair_score(a, coref_mention(2, "s1", "shooting", "a2", spread=spread))

    assert pair(1.0) > pair(0.5) > pair(0.0)


def test_coref_two_mentions_of_one_sentence_are_kept_apart():
    a = coref_mention(1, "s1", "attack", "a1", sentence=3)
    assert pair_features(a, coref_mention(2, "s1", "strike", "a1", sentence=3))["same_sentence"] == 1.0
    assert pair_features(a, coref_mention(3, "s1", "strike", "a1", sentence=4))["same_sentence"] == 0.0
    assert pair_features(a, coref_mention(4, "s1", "strike", "a2", sentence=3))["same_sentence"] == 0.0
    assert pair_score(a, coref_mention(5, "s1", "attack", "a1", sentence=3)) < pair_score(
        a, coref_mention(6, "s1", "attack", "a1", sentence=4)
    )


def test_coref_lemma_family_takes_inflections_only():
    assert lemma_family("shoot", "shooting") and lemma_family("playoff", "playoffs")
    assert not lemma_family("fire", "firefighter") and not lemma_family("kill", "murder")


def test_scorer_gives_one_for_a_perfect_answer_and_known_values():
    key = [{"a", "b", "c"}, {"d"}]
    assert coref.scores(key, key)["conll"] == 1.0
    # splitting {a,b,c} into {a,b},{c}: MUC R = 1/2, P = 1; B-cubed R = (2/3+2/3+1/3+1)/4, P = 1
    got = coref.scores(key, [{"a", "b"}, {"c"}, {"d"}])
    assert got["muc"] == round(2 * 1.0 * 0.5 / 1.5, 4)
    assert got["b3"] == 0.8


def random_partition(items: list[str], rng: random.Random) -> list[set]:
    groups: dict[int, set] = {}
    for x in items:
        groups.setdefault(rng.randrange(max(1, len(items) // 2)), set()).add(x)
    return list(groups.values())


def test_scorer_agrees_with_scorch():
    scorch = pytest.importorskip("scorch.scores")  # the published implementation, when installed
    rng = random.Random(3)
    for _ in range(30):
        items = [f"m{i}" for i in range(rng.randrange(2, 14))]
        key, response = random_partition(items, rng), random_partition(items, rng)
        ours = coref.scores(key, response)
        assert ours["muc"] == pytest.approx(scorch.muc(key, response)[2], abs=1e-4)
        assert ours["b3"] == pytest.approx(scorch.b_cubed(key, response)[2], abs=1e-4)
        assert ours["ceafe"] == pytest.approx(scorch.ceaf_e(key, response)[2], abs=1e-4)
        assert ours["conll"] == pytest.approx(scorch.conll2012(key, response), abs=1e-4)


def test_coref_bounds_take_one_part_of_the_decision_from_the_gold():
    # d1 and d2 report event X (d2 also Y); d3 reports event Z of another subtopic, but the
    # predicted story put all three together and the lemmas alone decide nothing here
    gold = [
        {"id": i, "doc_id": d, "chain": c}
        for i, d, c in [("a", "d1", "X"), ("b", "d1", "X"), ("c", "d2", "X"), ("d", "d2", "Y"), ("e", "d3", "Z")]
    ]
    lemmas = {"a": "crash", "b": "accident", "c": "collide", "d": "say", "e": "crash"}
    feats = [AnyMention(m["id"], "s1", lemmas[m["id"]], article=m["doc_id"]) for m in gold]
    docs = [{"doc_id": "d1", "subtopic": "1a"}, {"doc_id": "d2", "subtopic": "1a"}, {"doc_id": "d3", "subtopic": "1b"}]
    got = coref.bounds(gold, feats, docs)
    now = coref.scores(coref.gold_key(gold), [set(c) for c in group(feats)])["conll"]
    assert got["now"] == now
    assert got["gold_pairs_in_predicted_story"] == 1.0
    assert got["gold_links_in_document"] >= now  # a and b are linked whatever the score says
    assert set(got) == {
        "now",
        "gold_stories",
        "gold_singletons",
        "gold_links_in_document",
        "gold_pairs_in_predicted_story",
    }


def test_union_of_partitions_keeps_every_group_together():
    merged = coref._union([["a", "b"], ["c"], ["d"]], [{"b", "c"}, {"d"}])
    assert sorted(sorted(g) for g in merged) == [["a", "b", "c"], ["d"]]


def test_coref_benchmark_prints_its_bounds(capsys):
    result = coref.main(["--data", str(DATA / "ecbplus"), "--limit", "4", "--json", "--bounds"])
    lines = capsys.readouterr().out.strip().splitlines()
    found = json.loads(next(line for line in lines if line.startswith("bounds:")).removeprefix("bounds:"))
    assert found["now"] == result["conll"]
    assert found["gold_pairs_in_predicted_story"] >= found["now"]


def test_run_all_keeps_and_renders_the_coref_bounds():
    import run_all

    proc = run_all.run(["benchmarks/coref.py", "--data", str(DATA / "gvc"), "--limit", "3", "--bounds"])
    assert proc["bounds"]["now"] == proc["conll"]
    text = run_all.render({"coref-gvc-dev": {**proc, "_environment": {}}})
    row = next(line for line in text.splitlines() if line.startswith("| gvc-dev | " + str(proc["bounds"]["now"])))
    assert str(proc["bounds"]["gold_pairs_in_predicted_story"]) in row


def test_run_all_keeps_the_coref_scores_by_incident_fold():
    import run_all

    proc = run_all.run(["benchmarks/coref.py", "--data", str(DATA / "gvc"), "--limit", "6", "--folds", "5"])
    folds = proc["folds"]
    assert folds["held_out"] == 5 and folds["seed"] == coref.CV_SEED
    scored = [folds[str(k)] for k in range(1, 6) if folds[str(k)] is not None]
    assert scored and all(0.0 <= x <= 1.0 for x in scored)


# ---------------------------------------------------------------------- stories_cv: parameters by topic folds


def _tiny_corpus(src: Path, dest: Path, keep) -> Path:
    """A data folder holding the real documents of ``src`` that ``keep(doc, seen)`` takes."""
    dest.mkdir()
    seen: dict[str, int] = {}
    lines = []
    for line in (src / "documents.jsonl").read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        if keep(doc, seen):
            lines.append(line)
    (dest / "documents.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return dest


def _first_per_subtopic(split: str, topics: set[str], n: int):
    def keep(doc, seen):
        if doc["split"] != split or doc["topic"] not in topics or seen.get(doc["subtopic"], 0) >= n:
            return False
        seen[doc["subtopic"]] = seen.get(doc["subtopic"], 0) + 1
        return True

    return keep


def _first(n: int):
    def keep(doc, seen):
        seen["all"] = seen.get("all", 0) + 1
        return seen["all"] <= n

    return keep


def test_topic_folds_keep_each_topic_in_one_fold_and_do_not_move():
    import stories_cv

    docs = [{"topic": str(t), "doc_id": f"{t}-{i}"} for t in range(1, 12) for i in range(3)]
    folds = stories_cv.topic_folds(docs, 5)
    assert sorted(i for f in folds for i in f) == list(range(len(docs)))
    topics = [{docs[i]["topic"] for i in f} for f in folds]
    assert all(not (a & b) for a, b in itertools.combinations(topics, 2))
    assert all(f for f in folds)
    assert stories_cv.topic_folds(docs, 5) == folds  # the seed is written in the script


def test_the_held_out_fold_never_chooses_its_own_setting():
    import stories_cv

    # setting 1 is best on fold 0 only; setting 0 is best on the others
    table = [[0.5, 0.9, 0.9, 0.9], [1.0, 0.8, 0.8, 0.8]]
    assert stories_cv.best_on(table, [1, 2, 3]) == 0
    assert stories_cv.best_on(table, [0]) == 1
    assert stories_cv.best_on([[0.7, 0.7], [0.7, 0.7]], [0, 1]) == 0  # a tie: the first


def test_stories_cv_runs_on_a_few_real_documents(tmp_path):
    import run_all
    import stories_cv

    train, dev = _first_per_subtopic("train", {"1", "3", "4"}, 2), _first_per_subtopic("dev", {"2"}, 2)
    ecb = _tiny_corpus(DATA / "ecbplus", tmp_path / "ecb", lambda doc, seen: train(doc, seen) or dev(doc, seen))
    gvc = _tiny_corpus(DATA / "gvc", tmp_path / "gvc", _first(6))
    result = stories_cv.main(["--data", str(ecb), "--gvc", str(gvc), "--folds", "3", "--json"])
    assert [f["fold"] for f in result["per_fold"]] == [0, 1, 2]
    held = [set(f["topics"]) for f in result["per_fold"]]
    assert set().union(*held) == {"1", "3", "4"} and sum(len(h) for h in held) == 3
    assert sum(f["documents"] for f in result["per_fold"]) == 12
    settings = stories_cv.grid_settings()
    for f in result["per_fold"]:
        assert f["chosen"] in settings and f["anchor_threshold"] in stories_cv.ANCHOR_GRID
        assert 0.0 < f["online_file_order"]["f1"] <= 1.0
    assert result["chosen_on_all_train"] in settings
    assert result["gvc_dev"]["documents"] == 6
    assert 0.0 < result["ecbplus_dev"]["online_shuffled"]["f1"] <= 1.0
    assert result["pooled"]["online_shuffled_seeds"]["seeds"] == stories_cv.SHUFFLE_SEEDS == result["shuffle_seeds"]
    text = run_all.render({"stories-cv": {**result, "_environment": {}}})
    assert f"**{result['pooled']['online_file_order']['f1']}**" in text
    summary = run_all.summary_rows({"stories-cv": result})
    anchor = str(result["pooled"]["anchor_tfidf_avg_linkage"]["f1"])
    assert any("topic folds" in row[0] and anchor in row[2] for row in summary)


def test_coref_trigger_verb_undoes_nominalising_suffixes():
    assert trigger_verb("kill") == "kill"
    assert trigger_verb("killing") == "kill" and trigger_verb("shooting") == "shoot"
    assert trigger_verb("election") == "elect" and trigger_verb("investigation") == "investigate"
    assert trigger_verb("hitting") == "hit"  # the doubled consonant made single
    assert trigger_verb("appointment") == "appoint"
    assert trigger_verb("blaze") == "" and trigger_verb("earthquake") == ""  # no CAMEO verb


def test_coref_cameo_families_are_synonyms_and_event_codes():
    assert cameo_synonyms("murder", "killing") and cameo_synonyms("arrest", "capture")
    assert not cameo_synonyms("arrest", "murder") and not cameo_synonyms("blaze", "fire")
    assert same_cameo_code("shooting", "murder") and not same_cameo_code("arrest", "murder")
    a = coref_mention(1, "s1", "murder", "a1")
    assert pair_features(a, coref_mention(2, "s1", "killing", "a2"))["cameo_synonyms"] == 1.0
    # a lemma family is not counted again as synonyms; a shared code only where no block is shared
    shoot = pair_features(coref_mention(3, "s1", "shoot", "a1"), coref_mention(4, "s1", "shooting", "a2"))
    assert shoot["cameo_synonyms"] == shoot["same_cameo_code"] == 0.0
    attack = pair_features(coref_mention(5, "s1", "attack", "a1"), coref_mention(6, "s1", "murder", "a2"))
    assert attack["cameo_synonyms"] == 0.0 and attack["same_cameo_code"] == 1.0
    killing, arrest = coref_mention(7, "s1", "killing", "a2"), coref_mention(8, "s1", "arrest", "a2")
    assert pair_score(a, killing) > pair_score(a, arrest)


def test_coref_within_article_features_and_weights():
    the_attack = coref_mention(1, "s1", "attack", "a1", sentence=2, pos="NOUN", determiner="the")
    an_attack = coref_mention(2, "s1", "attack", "a1", sentence=0, pos="NOUN", determiner="an")
    murder = coref_mention(3, "s1", "murder", "a1", sentence=12)
    assert pair_features(an_attack, the_attack)["same_article_definite"] == 1.0
    assert pair_features(an_attack, murder)["same_article_definite"] == 0.0
    assert pair_features(an_attack, the_attack)["same_article_distance"] == pytest.approx(0.2)
    assert pair_features(an_attack, murder)["same_article_distance"] == 1.0  # capped
    elsewhere = dataclasses.replace(the_attack, id="m4", article="a2")
    assert pair_features(an_attack, elsewhere)["same_article_definite"] == 0.0
    assert pair_kind(an_attack, the_attack) == "within_article" and pair_kind(an_attack, elsewhere) == "across_articles"
    # the within-article vector scores pairs of one article, the other vector pairs of two
    zero = {k: 0.0 for k in pair_features(an_attack, the_attack)}
    weights = {"within_article": {**zero, "bias": 4.0}, "across_articles": {**zero, "bias": -4.0}}
    assert pair_score(an_attack, the_attack, weights) == 4.0 and pair_score(an_attack, elsewhere, weights) == -4.0
    assert sorted(sorted(g) for g in group([an_attack, the_attack, elsewhere], weights, 0.5)) == [["m1", "m2"], ["m4"]]
    assert set(load("fusion.yaml")["coref"]["weights"]) == set(PAIR_KINDS)


def test_trigger_families_are_built_from_the_cameo_lexicon():
    sys.path.insert(0, str(ROOT / "scripts"))
    from build_trigger_families import families

    lexicon = {
        "blocks": [{"name": "KILL"}, {"name": "APPREHEND"}],
        "verbs": {
            "kill": [{"block": 0, "default": {"code": "190"}}],
            "murder": [{"block": 0, "default": {"code": "190"}}],
            "arrest": [{"block": 1, "default": {"code": "173"}}, {"block": 1, "default": {"code": None}}],
            "round up": [{"block": 1, "default": {"code": "173"}}],
        },
    }
    assert families(lexicon) == {
        "blocks": {"arrest": ["APPREHEND"], "kill": ["KILL"], "murder": ["KILL"]},
        "codes": {"arrest": ["173"], "kill": ["190"], "murder": ["190"]},
    }
