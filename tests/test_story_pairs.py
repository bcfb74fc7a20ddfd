"""The story clusterer computes its pair similarities for many members at once (word vectors as
arrays, ``stories.vectors``); on real ECB+ reports every part of every pair equals the plain
pair-by-pair formula (kept here as the reference) up to rounding in the last bits, and so do the
story scores and the members' similarity matrices."""

from __future__ import annotations

import math
from datetime import date

import numpy as np
import pytest
from conftest import bare_story_item as _item
from conftest import ecbplus_dev_clusterer

from newsfuse.pipeline import load_clusterer, save_clusterer
from newsfuse.store import open_store
from newsfuse.stories.cluster import _COSINE_FIELDS, StoryClusterer, _conflict, _nested
from newsfuse.stories.embed import DIM
from newsfuse.stories.items import jaccard

TOPICS = ("18", "21", "34")  # three ECB+ dev topics, several reports each
PER_TOPIC = 5
# the embeddings' products are one float32 matrix product per block, summed in another order than a
# dot product per pair: they (and the totals holding them) agree to float32 rounding only
EMBEDDING_ROUNDING = 1e-6


@pytest.fixture(scope="module")
def clusterer():
    """A clusterer that took real ECB+ dev reports of three topics through the real stages."""
    clusterer = ecbplus_dev_clusterer(TOPICS, PER_TOPIC)
    return clusterer


def _members(clusterer: StoryClusterer) -> list:
    return [m for story in clusterer.stories_list() for m in story.members]


# ---------------------------------------------------------------------- the plain formula, pair by pair


def _idf(c: StoryClusterer, word: str, names: bool) -> float:
    df, prior = (c.name_df, c.prior_name_df) if names else (c.df, c.prior_df)
    return math.log((c.prior_n + c.n_docs + 1) / (df.get(word, 0) + prior.get(word, 0) + 1)) + 1.0


def _cosine(c: StoryClusterer, a: dict[str, float], b: dict[str, float], names: bool) -> float:
    if not a or not b:
        return 0.0
    dot = sum(v * b[t] * _idf(c, t, names) ** 2 for t, v in a.items() if t in b)
    na = math.sqrt(sum((v * _idf(c, t, names)) ** 2 for t, v in a.items()))
    nb = math.sqrt(sum((v * _idf(c, t, names)) ** 2 for t, v in b.items()))
    return dot / (na * nb) if dot and na and nb else 0.0


def _unseen(c: StoryClusterer, salient: tuple[str, ...], names: dict[str, float]) -> float:
    weights = [(_idf(c, n, True), n in names) for n in salient]
    total = sum(w for w, _ in weights)
    return sum(w for w, seen in weights if not seen) / total if total else 0.0


def _places(a, b) -> float:
    if not a.places or not b.places or set(a.places) & set(b.places):
        return 0.0
    return float(not any(_nested(x, y) for x in a.places for y in b.places))


def _day(iso: str | None) -> date | None:
    try:
        return date.fromisoformat(iso[:10]) if iso else None
    except ValueError:
        return None


def _days_apart(c: StoryClusterer, a, b) -> float:
    da, db = _day(a.published), _day(b.published)
    if da is None or db is None:
        return 0.0
    return float(c.cfg["date_penalty"]) if abs((da - db).days) > int(c.cfg["date_window_days"]) else 0.0


def plain_parts(c: StoryClusterer, a, b) -> dict[str, float]:
    w = c.cfg["weights"]
    both = a.emb.size == DIM and b.emb.size == DIM
    return {
        "terms": w["terms"] * _cosine(c, a.terms, b.terms, False),
        "names": w["names"] * _cosine(c, a.names, b.names, True),
        "lead_terms": w["lead_terms"] * _cosine(c, a.lead, b.lead, False),
        "persons": w["persons"] * _cosine(c, a.persons, b.persons, True),
        "shared_numbers": w["shared_numbers"] * jaccard(a.numbers, b.numbers),
        "embedding": w["embedding"] * float(a.emb.astype(np.float32) @ b.emb.astype(np.float32)) if both else 0.0,
        "missing_names": -w["missing_names"] * (_unseen(c, a.salient, b.names) + _unseen(c, b.salient, a.names)) / 2,
        "places": -w["places"] * _places(a, b),
        "years": -w["years"] * _conflict(a.years, b.years),
        "dates": -w["dates"] * _conflict(a.dates, b.dates),
        "numbers": -w["numbers"] * _conflict(a.numbers, b.numbers),
        "published": -_days_apart(c, a, b),
    }


# ---------------------------------------------------------------------- the tests


def test_every_part_of_every_pair_is_the_plain_formulas(clusterer):
    members = _members(clusterer)
    assert len(members) >= 12
    block = clusterer._parts_block(members, members)
    seen_nonzero = set()
    for i, a in enumerate(members):
        for j, b in enumerate(members):
            plain = plain_parts(clusterer, a, b)
            assert block.keys() == plain.keys()
            for part, value in plain.items():
                tolerance = EMBEDDING_ROUNDING if part == "embedding" else 1e-12
                assert block[part][i, j] == pytest.approx(value, abs=tolerance), (part, a.article_id, b.article_id)
                if value and i != j:
                    seen_nonzero.add(part)
    # the reports really exercise the idf-weighted parts (both ways: shared words, and names one lacks)
    assert {"terms", "names", "lead_terms", "persons", "missing_names", "embedding"} <= seen_nonzero


def test_a_pair_and_its_parts_are_one_row_of_the_block(clusterer):
    members = _members(clusterer)
    a, b = members[0], members[-1]
    plain = plain_parts(clusterer, a, b)
    assert clusterer.pair_parts(a, b) == pytest.approx(plain, abs=EMBEDDING_ROUNDING)
    assert clusterer.pair(a, b) == pytest.approx(sum(plain.values()), abs=EMBEDDING_ROUNDING)
    assert clusterer._pairs(a, members) == pytest.approx(
        [sum(plain_parts(clusterer, a, m).values()) for m in members], abs=EMBEDDING_ROUNDING
    )


def test_story_scores_and_member_matrices_are_the_plain_ones(clusterer):
    stories = clusterer.stories_list()
    assert len(stories) >= 3
    newcomer = stories[0].members[-1]
    scored = clusterer._scored(newcomer, stories)[0]
    assert [s.id for s, _ in scored] == [s.id for s in stories]
    for story, score in scored:
        sims = [sum(plain_parts(clusterer, newcomer, m).values()) for m in clusterer._recent(story)]
        assert score == pytest.approx(clusterer._story_score(sims, story), abs=EMBEDDING_ROUNDING)
        matrix = clusterer._pair_matrix(story.members)
        plain = np.array(
            [
                [sum(plain_parts(clusterer, a, b).values()) if a is not b else 0.0 for b in story.members]
                for a in story.members
            ],
            dtype=np.float32,
        )
        assert np.array_equal(matrix, matrix.T) and np.allclose(matrix, plain, rtol=0, atol=1e-6)


def test_word_counts_stay_in_step_as_articles_are_counted(clusterer):
    """The vocabularies' counts of words given ids long ago follow every article counted since."""
    first = _members(clusterer)[0]  # its words were given ids when the second report was added
    [arrays] = clusterer._give_ids([first])
    articles = clusterer.prior_n + clusterer.n_docs
    fields = len(_COSINE_FIELDS)
    for k, (name, kind) in enumerate(_COSINE_FIELDS):
        ids = arrays.keys[arrays.keys % fields == k] // fields
        idf = clusterer._vocabulary(kind).idf(ids, articles).tolist()
        assert idf == pytest.approx([_idf(clusterer, w, kind == "names") for w in getattr(first, name)], abs=1e-12)
    salient = clusterer._vocabulary("names").idf(arrays.salient, articles).tolist()
    assert salient == pytest.approx([_idf(clusterer, n, True) for n in first.salient], abs=1e-12)
    assert first.terms and first.names and first.salient


def test_a_story_read_by_key_has_only_the_words_of_its_compared_members_counted_in(tmp_path, monkeypatch):
    """A stored story a new article is scored against (and does not join) is compared through its
    most recent members: the word counts read are those of the article's and those members' words,
    not of the older members' it keeps (for the split check)."""
    config = {"max_members": 2, "split_threshold": None}
    quake = {"quake": 3, "chile": 2, "magnitude": 2}
    with open_store(str(tmp_path / "s.db")) as store:
        first = StoryClusterer(config)
        [sid] = {first.add(_item(f"q{i}", {**quake, f"detail{i}": 1}, ("chile",))) for i in range(5)}
        assert len(first._stories[sid].members) == 5
        with store.transaction():
            save_clusterer(store, first)
        asked: list[str] = []
        counts_of = store.cluster_counts_of

        def recorded(kind: str, terms):
            asked.extend(terms)
            return counts_of(kind, terms)

        monkeypatch.setattr(store, "cluster_counts_of", recorded)
        opened = load_clusterer(store)
        assert opened.add(_item("f", {"football": 3, "match": 2, "quake": 1}, ("madrid",))) != sid
        assert sid in opened._stories  # read, scored, out of reach
        assert {"football", "detail3", "detail4"} <= set(asked)
        assert not {"detail0", "detail1", "detail2"} & set(asked)
        with store.transaction():
            save_clusterer(store, opened)
        assert load_clusterer(store).to_bytes() == opened.to_bytes()
