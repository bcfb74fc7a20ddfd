"""Re-homing: an article that came before its story had grown moves into that story once it has, so
the stories do not depend on which report of an event arrived first."""

from __future__ import annotations

from conftest import bare_story_item as item

# a story's score for an article is its best member's similarity, and no cohesion share: the rule
from newsfuse.stories import StoryItem
from newsfuse.stories.cluster import StoryClusterer

# a story's score for an article is its best member's similarity, and no cohesion share: the rule
# in its plainest form
PLAIN = {"max_weight": 1.0, "cohesion_weight": 0.0}
QUAKE = {"quake": 2, "magnitude": 1, "chile": 2, "santiago": 2, "rescue": 1, "collapse": 1}


def _reports() -> list[StoryItem]:
    """An early report of the tsunami warning, then reports of the quake; only the fourth of them
    also tells of the warning."""
    early = item("early", {"tremor": 1, "coast": 2, "tsunami": 2, "warning": 2, "quake": 1}, ("chile",))
    quake = [item(f"q{i}", {**QUAKE, f"detail{i}": 1}, ("santiago",)) for i in range(6)]
    quake[3] = item("q3", {**QUAKE, "tsunami": 1, "coast": 1, "warning": 1}, ("santiago",))
    return [early, *quake]


def _groups(clusterer: StoryClusterer) -> list[list[str]]:
    return sorted(sorted(s.article_ids) for s in clusterer.stories_list())


def _added(items: list[StoryItem], config: dict) -> StoryClusterer:
    clusterer = StoryClusterer({**PLAIN, **config})
    for one in items:
        clusterer.add(one)
    return clusterer


def test_an_early_report_joins_its_story_once_the_story_has_grown():
    first, *rest = _reports()
    late = _added([*rest, first], {})  # the story is there when the early report comes
    assert _groups(late) == [["early", "q0", "q1", "q2", "q3", "q4", "q5"]]

    stuck = _added([first, *rest], {"rehome_weakest": False})
    assert _groups(stuck) == [["early"], ["q0", "q1", "q2", "q3", "q4", "q5"]]

    rehomed = _added([first, *rest], {"rehome_weakest": True})
    assert _groups(rehomed) == _groups(late)
    assert rehomed.pop_moved() == {"early": "s-q0"}
    story = {s.id: s for s in rehomed.stories_list()}
    assert set(story) == {"s-q0"} and story["s-q0"].sims.shape == (7, 7)
    assert story["s-q0"].names["chile"] == 1
    assert dict(zip(story["s-q0"].article_ids, story["s-q0"].titles)) == {a: a for a in story["s-q0"].article_ids}
    assert all("s-early" not in postings for postings in rehomed.index.values())
    assert "s-q0" in rehomed.index["n:chile"]


def test_a_rehomed_clusterer_saves_and_reads_back_the_same():
    first, *rest = _reports()
    clusterer = _added([first], {"rehome_weakest": True})
    clusterer.pop_changes()
    for one in rest:
        clusterer.add(one)
    changes = clusterer.pop_changes()
    assert changes.removed == ["s-early"] and set(changes.stories) == {"s-q0"}
    assert StoryClusterer.from_bytes(clusterer.to_bytes()).to_bytes() == clusterer.to_bytes()


def test_a_member_that_fits_its_own_story_best_stays():
    quake = [item(f"q{i}", {**QUAKE, f"detail{i}": 1}, ("santiago",)) for i in range(4)]
    flood = [item(f"f{i}", {"flood": 2, "river": 2, "rain": 1, "dhaka": 2, f"f{i}": 1}, ("dhaka",)) for i in range(4)]
    clusterer = _added([x for pair in zip(quake, flood) for x in pair], {"rehome_weakest": True})
    assert _groups(clusterer) == [[f"f{i}" for i in range(4)], [f"q{i}" for i in range(4)]]
    assert clusterer.pop_moved() == {}
