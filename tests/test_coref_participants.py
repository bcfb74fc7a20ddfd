"""Who an event befell (stories/coref.py ``participants``), the pair features built on it and on a
noun trigger paired with a verb, and the constrained average linkage of the grouping step, on
sentences written for these tests."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.cluster.hierarchy import fcluster, linkage

from newsfuse.stories.coref import (
    AnyMention,
    constrained_average_linkage,
    pair_features,
    pair_score,
    participants,
    participants_conflict,
    participants_shared,
)

SENTENCES = [
    "The two children died of gunshot wounds, and the father died of a self-inflicted wound.",
    "Deputies determined the 5-year-old boy was deceased.",
    "Police said a 23-year-old man was shot in the leg by a woman.",
    "The man, 23, died in hospital on Sunday.",
    "Joseph Horn shot his daughter before killing himself.",
]


@pytest.fixture(scope="module")
def parsed():
    from newsfuse.model import Article, Block
    from newsfuse.nlp.pipeline import annotate

    articles = [
        Article(f"p{i}", "", "text", None, "2024-03-05", None, None, (Block("paragraph", text),))
        for i, text in enumerate(SENTENCES)
    ]
    return annotate(articles)


def tags_of(annotated, word: str, nth: int = 0) -> frozenset[str]:
    tokens = annotated.tokens
    head = [t for t in tokens if t.text == word][nth]
    return participants(tokens, head)


def mention(i: int, lemma: str, tags: frozenset[str] = frozenset(), pos: str = "VERB") -> AnyMention:
    return AnyMention(f"m{i}", "s1", lemma, article=f"a{i}", participants=tags, pos=pos)


def test_each_death_has_its_own_victims(parsed):
    children, father = tags_of(parsed[0], "died"), tags_of(parsed[0], "died", 1)
    assert {"count:2", "number:plural", "stage:child"} <= children
    assert {"sex:male", "stage:adult", "number:singular"} <= father
    assert participants_conflict(mention(1, "die", children), mention(2, "die", father))


def test_a_predicate_adjective_takes_its_verbs_subject_with_its_age(parsed):
    assert {"age:5", "sex:male", "stage:child", "number:singular"} <= tags_of(parsed[1], "deceased")


def test_the_agent_is_not_who_the_event_befell(parsed):
    shot = tags_of(parsed[2], "shot")
    assert {"age:23", "sex:male"} <= shot
    assert "sex:female" not in shot  # "by a woman" is who shot, not who was shot


def test_an_age_in_apposition_is_shared(parsed):
    died = tags_of(parsed[3], "died")
    assert "age:23" in died
    shot, death = mention(1, "shoot", tags_of(parsed[2], "shot")), mention(2, "die", died)
    assert participants_shared(shot, death) and not participants_conflict(shot, death)


def test_the_object_counts_before_the_subject(parsed):
    shot = tags_of(parsed[4], "shot")
    assert "sex:female" in shot and "name:horn" not in shot  # his daughter was shot, not Joseph Horn


def test_kinds_only_one_mention_tells_do_not_conflict():
    named = mention(1, "die", frozenset({"name:horn", "number:singular"}))
    aged = mention(2, "die", frozenset({"age:48", "number:singular"}))
    assert not participants_conflict(named, aged) and not participants_shared(named, aged)
    assert participants_conflict(named, mention(3, "die", frozenset({"number:plural"})))


def test_the_features_enter_the_pair_score_by_their_weights():
    a = mention(1, "die", frozenset({"sex:male"}))
    b = mention(2, "die", frozenset({"sex:female"}))
    features = pair_features(a, b)
    assert features["conflicting_participants"] == 1.0 and features["shared_participants"] == 0.0
    weights = {kind: {"bias": 0.0, "conflicting_participants": -2.0} for kind in ("across_articles", "within_article")}
    assert pair_score(a, b, weights) == -2.0
    assert pair_score(a, mention(3, "die", frozenset({"sex:male"})), weights) == 0.0


def test_a_noun_trigger_with_a_verb_of_its_family_is_marked():
    shooting, shot = mention(1, "shooting", pos="NOUN"), mention(2, "shoot", pos="VERB")
    features = pair_features(shooting, shot)
    assert features["noun_verb"] == 1.0 and features["lemma_family_noun_verb"] == 1.0
    assert pair_features(shot, mention(3, "shoot"))["noun_verb"] == 0.0
    other = pair_features(shooting, mention(4, "die", pos="VERB"))
    assert other["noun_verb"] == 1.0 and other["lemma_family_noun_verb"] == 0.0


def partition(labels) -> set[frozenset[int]]:
    return {frozenset(i for i, x in enumerate(labels) if x == label) for label in set(labels)}


def test_without_a_floor_it_is_scipys_average_linkage():
    rng = np.random.default_rng(7)
    for _ in range(60):
        n = int(rng.integers(2, 25))
        upper = np.triu(rng.random((n, n)) ** 3, 1)
        probabilities = upper + upper.T + np.eye(n)
        threshold = float(rng.choice([0.2, 0.35, 0.5]))
        pairs = np.triu_indices(n, 1)
        reference = fcluster(linkage(1 - probabilities[pairs], "average"), 1 - threshold, criterion="distance")
        assert partition(constrained_average_linkage(probabilities, threshold)) == partition(reference)


def test_a_pair_below_the_floor_keeps_its_clusters_apart():
    # 0-1 and 1-2 look alike, 0-2 do not: on average all three join, unless 0-2 is held impossible
    probabilities = np.array([[1.0, 0.9, 0.01], [0.9, 1.0, 0.9], [0.01, 0.9, 1.0]])
    assert partition(constrained_average_linkage(probabilities, 0.4)) == {frozenset({0, 1, 2})}
    apart = partition(constrained_average_linkage(probabilities, 0.4, floor=0.05))
    assert len(apart) == 2 and not any({0, 2} <= c for c in apart)
