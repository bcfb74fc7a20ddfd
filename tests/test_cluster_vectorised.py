"""The parts of a story similarity that need no idf (shared numbers, the embeddings' product, the
place, year, date and number conflicts, the publication-date penalty) are computed for a whole
block of member pairs at once: the embeddings as one matrix product, the date penalty from day
ordinals kept per member, the set parts only for the pairs whose both sides state values. On real
ECB+ dev reports (and copies of them with other publication dates, stated dates, or no embedding) every
pair equals the pair-by-pair computation the clusterer used before (written out here as the
reference): exactly for the set parts and the date penalty, within 1e-6 for the embedding, whose
float32 sums may be added up in another order by a matrix product than by a dot product."""

from __future__ import annotations

import dataclasses
from datetime import date

import numpy as np
import pytest
from conftest import ecbplus_dev_clusterer

from newsfuse.stories.cluster import StoryClusterer, _nested, _plain_side
from newsfuse.stories.embed import DIM

TOPICS = ("2", "5", "35")  # three ECB+ dev topics, several reports each
PER_TOPIC = 4
PLAIN = ("shared_numbers", "embedding", "places", "years", "dates", "numbers", "published")


@pytest.fixture(scope="module")
def clusterer() -> StoryClusterer:
    """A clusterer that took real ECB+ dev reports of three topics through the real stages."""
    clusterer = ecbplus_dev_clusterer(TOPICS, PER_TOPIC)
    # the dates conflict weighs 0 in clustering.yaml: weighed here, so that its part is compared too
    clusterer.cfg["weights"] = {**clusterer.cfg["weights"], "dates": 0.1}
    return clusterer


@pytest.fixture(scope="module")
def members(clusterer: StoryClusterer) -> list:
    """The clusterer's members, and copies of some of them published on other days (within the
    window, beyond it, with a time of day, not a date, none) or without an embedding."""
    real = [m for story in clusterer.stories_list() for m in story.members]
    published = ("2026-03-01", "2026-03-08", "2026-03-09T23:10:00+00:00", "2026-02-20", "garbage", None)
    dated = [dataclasses.replace(m, published=day) for m, day in zip(real, published)]
    bare = [dataclasses.replace(m, emb=np.zeros(0, dtype=np.float16)) for m in real[-2:]]
    # ECB+ reports have no publication date, so none of their members has resolved dates: three
    # copies state some (one shared, one not)
    days = (("2008-12-01",), ("2008-12-01", "2008-12-02"), ("2009-01-05",))
    stating = [dataclasses.replace(m, dates=d) for m, d in zip(real[3:], days)]
    return real + dated + bare + stating


# ---------------------------------------------------------------------- the old computation, pair by pair


def old_side(m) -> dict:
    has_emb = m.emb.size == DIM
    return {
        "numbers": frozenset(m.numbers),
        "years": frozenset(m.years),
        "dates": frozenset(m.dates),
        "places": m.places,
        "place_set": frozenset(m.places),
        "emb": m.emb if has_emb else None,
        "emb32": m.emb.astype(np.float32) if has_emb else None,
    }


def old_place_conflict(a: dict, b: dict) -> float:
    if not a["places"] or not b["places"] or a["place_set"] & b["place_set"]:
        return 0.0
    return float(not any(_nested(x, y) for x in a["places"] for y in b["places"]))


def old_conflict(a: frozenset, b: frozenset) -> float:
    return float(bool(a) and bool(b) and a.isdisjoint(b))


def old_days(iso: str | None) -> int | None:
    try:
        return date.fromisoformat(iso[:10]).toordinal() if iso else None
    except ValueError:
        return None


def old_date_penalty(c: StoryClusterer, a: str | None, b: str | None) -> float:
    da, db = old_days(a), old_days(b)
    if da is None or db is None:
        return 0.0
    return float(c.cfg["date_penalty"]) if abs(da - db) > int(c.cfg["date_window_days"]) else 0.0


def old_plain_parts(c: StoryClusterer, ma, mb) -> dict[str, float]:
    a, b = old_side(ma), old_side(mb)
    w = c.cfg["weights"]
    either = a["numbers"] | b["numbers"]
    embedding = float(a["emb"] @ b["emb32"]) if a["emb"] is not None and b["emb32"] is not None else 0.0
    return {
        "shared_numbers": w["shared_numbers"] * (len(a["numbers"] & b["numbers"]) / len(either) if either else 0.0),
        "embedding": w["embedding"] * embedding,
        "places": -w["places"] * old_place_conflict(a, b),
        "years": -w["years"] * old_conflict(a["years"], b["years"]),
        "dates": -w["dates"] * old_conflict(a["dates"], b["dates"]),
        "numbers": -w["numbers"] * old_conflict(a["numbers"], b["numbers"]),
        "published": -old_date_penalty(c, ma.published, mb.published),
    }


# ---------------------------------------------------------------------- the tests


def test_every_plain_part_of_every_pair_is_the_old_pair_by_pair_value(clusterer, members):
    block = clusterer._parts_block(members, members)
    nonzero: set[str] = set()
    for i, a in enumerate(members):
        for j, b in enumerate(members):
            for part, value in old_plain_parts(clusterer, a, b).items():
                tolerance = 1e-6 if part == "embedding" else 1e-9
                assert block[part][i, j] == pytest.approx(value, abs=tolerance), (part, i, j)
                if value:
                    nonzero.add(part)
    # the reports and their copies exercise every part (the conflicts, the shared figures, the dates)
    assert set(PLAIN) <= nonzero, set(PLAIN) - nonzero


def test_a_block_of_other_rows_and_columns_is_the_same_as_the_square_one(clusterer, members):
    square = clusterer._parts_block(members, members)
    rows, cols = [0, 5, len(members) - 1], list(range(2, len(members), 3))
    block = clusterer._parts_block([members[i] for i in rows], [members[j] for j in cols])
    for part in PLAIN:
        assert np.allclose(block[part], square[part][np.ix_(rows, cols)], rtol=0, atol=1e-6), part
    one = clusterer._parts_block([members[1]], members)
    for part in PLAIN:
        assert np.allclose(one[part][0], square[part][1], rtol=0, atol=1e-6), part


def test_a_member_without_embedding_or_date_gives_no_product_and_no_penalty(clusterer, members):
    bare, undated = next(m for m in members if m.emb.size == 0), next(m for m in members if m.published is None)
    block = clusterer._parts_block([bare, undated], members)
    assert not block["embedding"][0].any()
    assert not block["published"][1].any()
    assert block["embedding"][1].any()  # the undated one has an embedding


def test_a_members_plain_side_is_made_once_and_a_changed_copy_gets_its_own(members):
    m = members[0]
    side = _plain_side(m)
    assert _plain_side(m) is side and m.plain is side
    later = dataclasses.replace(m, published="2030-01-01")
    assert later.plain is None
    assert _plain_side(later).day == date(2030, 1, 1).toordinal() != side.day
