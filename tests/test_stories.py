"""Story clustering and fusion on the seed reports, through the real stages (read, clean, nlp,
actors, events, embeddings), plus the clusterer's index, persistence and order-independence."""

from __future__ import annotations

import dataclasses
import itertools
import json
from pathlib import Path

import numpy as np
import pytest
from conftest import bare_story_item as _item
from hypothesis import given, settings
from hypothesis import strategies as st

from newsfuse.model import InputFile
from newsfuse.stories import StoryItem, fuse_events, story_item
from newsfuse.stories.cluster import StoryClusterer
from newsfuse.stories.dates import day_range
from newsfuse.tell.timeline import timeline

SEEDS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" / "seeds"


@pytest.fixture(scope="module")
def seeds():
    from newsfuse import pipeline

    articles = []
    for path in sorted(SEEDS.glob("*.txt")):
        articles += pipeline.read_and_clean(InputFile.of(str(path), path.read_bytes()))[1]
    analyses = pipeline.analyse(articles)
    items = [story_item(r.annotated, list(r.mentions), np.frombuffer(r.embedding, dtype=np.float32)) for r in analyses]
    return articles, analyses, items


def cluster(items) -> dict[str, str]:
    clusterer = StoryClusterer()
    return {item.article_id: clusterer.add(item) for item in items}


def test_the_three_seeds_are_one_story_in_any_order(seeds):
    articles, _, items = seeds
    for perm in itertools.permutations(items):
        story_of = cluster(perm)
        assert len(set(story_of.values())) == 1
        assert set(story_of.values()) == {"s-" + perm[0].article_id}


def test_story_record_has_all_articles_and_a_central_title(seeds):
    articles, _, items = seeds
    clusterer = StoryClusterer()
    for item in items:
        clusterer.add(item)
    [story] = clusterer.stories({a.id: a for a in articles})
    assert set(story.article_ids) == {a.id for a in articles}
    assert story.title in {a.title for a in articles if a.title} | {i.title for i in items}


def test_state_survives_to_bytes_and_back(seeds):
    _, _, items = seeds
    first = StoryClusterer()
    first.add(items[0])
    restored = StoryClusterer.from_bytes(first.to_bytes())
    assert restored.add(items[1]) == first.add(items[1])
    assert restored.to_bytes() == first.to_bytes()


def fused(seeds, order=None):
    articles, analyses, items = seeds
    order = order or list(range(len(analyses)))
    story_of = cluster([items[i] for i in order])
    mentions = [m for i in order for m in analyses[i].mentions]
    texts = {a.id: a.text for a in articles}
    return fuse_events(mentions, {a.id: a.outlet for a in articles}, story_of, texts)


def pair_events(events, *names):
    return [e for e in events if {a.name for a in e.source_actors + e.target_actors} == set(names)]


def test_the_putin_netanyahu_call_is_one_event_reported_by_all_three(seeds):
    articles, analyses, _ = seeds
    events = fused(seeds)
    calls = [e for e in pair_events(events, "Vladimir Putin", "Benjamin Netanyahu") if e.type == "CONSULT"]
    assert len(calls) == 1
    [call] = calls
    assert {m.article_id for m in call.mentions} == {a.id for a in articles}
    assert (call.date, call.date_precision) == ("2025-11-15", "day")
    total = sum(len(r.mentions) for r in analyses)
    assert sum(len(e.mentions) for e in events) == total  # every mention kept
    lukashenko = [e for e in events if any("Lukashenko" in a.name for a in e.source_actors + e.target_actors)]
    assert lukashenko and all(e.id != call.id for e in lukashenko)


def test_initiator_and_readout_disagreement(seeds):
    articles, _, _ = seeds
    by_name = {Path(a.source_path).name[:3]: a.id for a in articles}
    [call] = [e for e in pair_events(fused(seeds), "Vladimir Putin", "Benjamin Netanyahu") if e.type == "CONSULT"]
    initiator = [d for d in call.details if d.field == "initiator"]
    assert [(d.value, d.supported_by, d.single_source) for d in initiator] == [
        ("Vladimir Putin", (by_name["002"],), True)
    ]
    readouts = [d for d in call.details if d.field == "readout" and d.contradicted_by]
    sides = {(d.supported_by, d.contradicted_by) for d in readouts}
    assert ((by_name["001"],), (by_name["002"],)) in sides
    assert ((by_name["002"],), (by_name["001"],)) in sides


def test_fusion_does_not_depend_on_article_order(seeds):
    # Story ids name the story's first article, so only they may differ with the order.
    def unnamed(events):
        return [dataclasses.replace(e, story_id=None) for e in events]

    expected = unnamed(fused(seeds))
    for order in itertools.permutations(range(3)):
        assert unnamed(fused(seeds, list(order))) == expected


def test_timeline_of_a_pair_lists_their_events(seeds):
    events = fused(seeds)
    pair = timeline(events, ["putin", "ISR"])
    assert pair and all(any("Putin" in a.name for a in e.source_actors + e.target_actors) for e in pair)
    starts = [day_range(e.date)[0] for e in timeline(events, ["Putin"]) if e.date]
    assert starts == sorted(starts)


class CountingClusterer(StoryClusterer):
    scored = 0

    def _story_score(self, sims, story):
        CountingClusterer.scored += 1
        return super()._story_score(sims, story)


def unit(seed: int) -> np.ndarray:
    vec = np.random.default_rng(seed).standard_normal(384).astype(np.float32)
    return vec / np.linalg.norm(vec)


def test_adding_touches_only_candidate_stories():
    clusterer = CountingClusterer()
    for i in range(400):  # 400 unrelated stories, each with its own names and words
        clusterer.add(
            StoryItem(f"a{i}", None, f"t{i}", unit(i), names=(f"person{i}",), terms=((f"word{i}", 2), (f"thing{i}", 1)))
        )
    assert len(clusterer.stories({})) == 400
    CountingClusterer.scored = 0
    clusterer.add(StoryItem("new", None, "t", unit(7), names=("person7",), terms=(("word7", 2),)))
    assert 1 <= CountingClusterer.scored <= 10
    assert clusterer.story_of("new") == "s-a7"


def test_an_article_that_bridges_two_stories_merges_them_and_the_index_follows():
    clusterer = StoryClusterer({"threshold": 0.2, "merge_threshold": -10.0, "split_threshold": None})
    left = clusterer.add(_item("a", {"quake": 2, "chile": 3, "santiago": 2}))
    right = clusterer.add(_item("b", {"tsunami": 3, "wave": 2, "coast": 2}))
    assert left != right
    joined = clusterer.add(_item("c", {"quake": 2, "chile": 2, "santiago": 1, "tsunami": 2, "wave": 2, "coast": 1}))
    assert clusterer.story_of("a") == clusterer.story_of("b") == clusterer.story_of("c") == joined
    assert len(clusterer.stories_list()) == 1
    assert all(sid == joined for postings in clusterer.index.values() for sid in postings)
    assert clusterer.pop_moved() == ({"b": joined} if joined == left else {"a": joined})
    restored = StoryClusterer.from_bytes(clusterer.to_bytes())
    assert restored.add(_item("d", {"tsunami": 2, "coast": 2, "chile": 1})) == joined


def test_different_figures_keep_same_kind_reports_apart():
    clusterer = StoryClusterer()
    blind = StoryClusterer({"weights": {**clusterer.cfg["weights"], "numbers": 0.0}})
    a = _item("a", {"earthquake": 2, "magnitude": 1, "7.1": 2, "kill": 1, "12": 1})
    b = _item("b", {"earthquake": 2, "magnitude": 1, "5.4": 2, "kill": 1, "3": 1})
    c = _item("c", {"earthquake": 2, "magnitude": 1, "7.1": 1, "kill": 1, "2008": 1})
    assert clusterer._member(b).numbers == ("3", "5.4") and clusterer._member(c).numbers == ("7.1",)
    conflict = clusterer.pair(clusterer._member(a), clusterer._member(b))
    assert conflict < blind.pair(blind._member(a), blind._member(b))
    assert clusterer.pair(clusterer._member(a), clusterer._member(c)) == blind.pair(blind._member(a), blind._member(c))


def test_a_tight_story_asks_more_of_a_same_kind_report():
    chile = {"quake": 2, "magnitude": 1, "chile": 3, "santiago": 2, "rescue": 1}
    peru = {"quake": 2, "magnitude": 1, "rescue": 1, "peru": 3, "lima": 2}
    stories = {}
    for weight in (0.0, 0.5):
        clusterer = StoryClusterer({"cohesion_weight": weight, "threshold": -0.1})
        reports = {clusterer.add(_item(f"r{i}", chile, ("chile", "santiago"))) for i in range(3)}
        assert reports == {"s-r0"} and clusterer.cohesion(clusterer._stories["s-r0"]) > 0.5
        stories[weight] = clusterer.add(_item("x", peru, ("peru", "lima")))
        later = {"quake": 1, "chile": 2, "santiago": 1, "rescue": 1, "aftershock": 1}
        assert clusterer.add(_item("r9", later, ("chile", "santiago"))) == "s-r0"
    assert stories == {0.0: "s-r0", 0.5: "s-x"}


def test_members_similarities_survive_persistence():
    clusterer = StoryClusterer({"threshold": 0.1})
    for i in range(4):
        clusterer.add(_item(f"r{i}", {"quake": 2, "chile": 3, "santiago": 1 + i % 2}, ("chile",)))
    [story] = clusterer.stories_list()
    restored = StoryClusterer.from_bytes(clusterer.to_bytes())
    [again] = restored.stories_list()
    assert again.sims.shape == (4, 4) and np.allclose(again.sims, story.sims)
    assert restored.cohesion(again) == pytest.approx(clusterer.cohesion(story))
    late = _item("r9", {"quake": 1, "chile": 2, "rescue": 1}, ("chile",))
    assert restored.add(late) == clusterer.add(late)
    assert restored.to_bytes() == clusterer.to_bytes()


def test_lead_terms_are_the_first_sentences_words(seeds):
    _, _, items = seeds
    for item in items:
        lead, terms = dict(item.lead_terms), dict(item.terms)
        assert lead and all(terms[t] >= n for t, n in lead.items())
        assert sum(lead.values()) < sum(terms.values())


def test_people_are_counted_by_last_name_twice_in_the_lead(seeds):
    _, _, items = seeds
    for item in items:
        persons = dict(item.persons)
        assert persons["putin"] >= 2 and persons["netanyahu"] >= 2


def test_shared_figures_bring_reports_together():
    clusterer = StoryClusterer()
    blind = StoryClusterer({"weights": {**clusterer.cfg["weights"], "shared_numbers": 0.0}})
    a = _item("a", {"earthquake": 2, "7.1": 1, "kill": 1, "12": 1})
    c = _item("c", {"earthquake": 1, "7.1": 1, "kill": 1, "12": 1, "rescue": 1})
    assert clusterer.pair(clusterer._member(a), clusterer._member(c)) > blind.pair(blind._member(a), blind._member(c))


def test_a_background_table_starts_idf_from_what_is_common(tmp_path):
    table = tmp_path / "df.tsv"
    table.write_text("docs\t-\t100\nt\tsay\t90\nn\tunited states\t40\n", encoding="utf-8")
    clusterer = StoryClusterer({"background_df": str(table)})
    clusterer.add(_item("a", {"say": 1, "quake": 1}, ("united states", "chile")))
    assert clusterer._idf("say", clusterer.df) < clusterer._idf("quake", clusterer.df)
    assert clusterer._idf("united states", clusterer.name_df) < clusterer._idf("chile", clusterer.name_df)


def _two_quakes() -> list[StoryItem]:
    chile = {"quake": 2, "magnitude": 1, "chile": 3, "santiago": 2, "rescue": 1}
    peru = {"quake": 2, "magnitude": 1, "rescue": 1, "peru": 3, "lima": 2}
    return [_item(f"c{i}", {**chile, f"c-detail{i}": 1}, ("chile", "santiago")) for i in range(4)] + [
        _item(f"p{i}", {**peru, f"p-detail{i}": 1}, ("peru", "lima")) for i in range(4)
    ]


def test_a_story_that_grew_over_two_events_splits_in_two():
    # a threshold so low that every report joins the one story there is: only the split can part them
    loose = {
        "threshold": -5.0,
        "cohesion_weight": 0.0,
        "merge_threshold": -10.0,
        "split_threshold": 0.4,
        "split_min_members": 3,
    }
    clusterer = StoryClusterer(loose)
    for item in _two_quakes():
        clusterer.add(item)
    chile = {clusterer.story_of(f"c{i}") for i in range(4)}
    peru = {clusterer.story_of(f"p{i}") for i in range(4)}
    assert chile == {"s-c0"} and peru == {"s-p0"}
    story = {s.id: s for s in clusterer.stories_list()}
    assert story["s-p0"].article_ids == ["p0", "p1", "p2", "p3"] and story["s-p0"].names["lima"] == 4
    assert "lima" not in story["s-c0"].names and story["s-c0"].sims.shape == (4, 4)
    assert "s-p0" in clusterer.index["n:lima"]
    # split off when the third Peru report came in; the fourth joined the Peru story itself
    assert clusterer.pop_moved() == {f"p{i}": "s-p0" for i in range(3)} and clusterer.pop_moved() == {}
    restored = StoryClusterer.from_bytes(clusterer.to_bytes())
    assert restored.add(_item("p9", {"quake": 1, "peru": 2, "lima": 1}, ("peru", "lima"))) == "s-p0"
    # a report that names both quakes reaches both stories: however low merge_threshold is, two stories
    # far enough apart to split stay apart
    both = {"quake": 2, "magnitude": 1, "chile": 2, "santiago": 1, "peru": 2, "lima": 1, "rescue": 1}
    restored.add(_item("x", both, ("chile", "santiago", "peru", "lima")))
    assert len(restored.stories_list()) == 2

    unsplit = StoryClusterer({**loose, "split_threshold": None})
    for item in _two_quakes():
        unsplit.add(item)
    assert {unsplit.story_of(i.article_id) for i in _two_quakes()} == {"s-c0"}


def test_one_event_does_not_split():
    clusterer = StoryClusterer({"threshold": -5.0, "split_threshold": 0.4, "split_min_members": 3})
    for i in range(8):
        clusterer.add(_item(f"c{i}", {"quake": 2, "chile": 3, "santiago": 1 + i % 2, f"detail{i}": 1}, ("chile",)))
    assert len(clusterer.stories_list()) == 1


@settings(max_examples=40, deadline=None)
@given(st.permutations(range(12)))
def test_merges_and_splits_keep_every_article_in_exactly_one_story(order):
    flood = {"flood": 2, "river": 2, "rain": 1, "dhaka": 2}
    items = _two_quakes() + [_item(f"f{i}", {**flood, f"f-detail{i}": 1}, ("dhaka",)) for i in range(4)]
    clusterer = StoryClusterer(
        {"threshold": -0.2, "merge_threshold": 0.0, "split_threshold": 0.4, "split_min_members": 3}
    )
    for i in order:
        clusterer.add(items[i])
        stories = clusterer.stories_list()
        placed = [a for s in stories for a in s.article_ids]
        assert len(placed) == len(set(placed)) == len(clusterer.article_story)
        assert all(clusterer.story_of(a) == s.id for s in stories for a in s.article_ids)
        assert all(sid in clusterer._stories for postings in clusterer.index.values() for sid in postings)
        assert all(len(s.members) == s.sims.shape[0] for s in stories)
    groups = sorted(sorted(s.article_ids) for s in clusterer.stories_list())
    assert groups == [[f"{e}{i}" for i in range(4)] for e in "cfp"]  # whatever the order, three events
    assert StoryClusterer.from_bytes(clusterer.to_bytes()).to_bytes() == clusterer.to_bytes()


def _placed(aid: str, places: tuple[str, ...]) -> StoryItem:
    return StoryItem(
        article_id=aid,
        published=None,
        title=aid,
        embedding=np.zeros(0, dtype=np.float32),
        places=places,
        terms=(("shooting", 2), ("police", 1)),
    )


def test_a_place_named_at_another_grain_is_no_place_conflict():
    clusterer = StoryClusterer()
    city, county = _placed("a", ("los angeles",)), _placed("b", ("los angeles county", "burbank"))
    elsewhere = _placed("c", ("stockton",))
    assert clusterer.explain(city, county)["places"] == 0.0
    assert clusterer.explain(city, elsewhere)["places"] == -clusterer.cfg["weights"]["places"]
    # a name inside another word is not the same place
    assert clusterer.explain(_placed("d", ("angeles",)), _placed("e", ("losangeles",)))["places"] < 0


def test_pair_is_the_sum_of_its_explained_parts(seeds):
    _, _, items = seeds
    clusterer = StoryClusterer()
    for item in items:
        clusterer.add(item)
    parts = clusterer.explain(items[0], items[1])
    member = clusterer._member
    assert clusterer.pair(member(items[0]), member(items[1])) == sum(parts.values())
    assert parts["terms"] > 0 and parts["embedding"] > 0


@pytest.mark.parametrize(
    "address",
    [
        "http : / / www . harbourtimes . example / news / fire - at - the - docks - 1 . 2041",
        "https://www.harbourtimes.example/news/fire-at-the-docks",
        "www.harbourtimes.example/news/fire-at-the-docks",
    ],
)
def test_an_untitled_articles_stand_in_title_skips_the_web_address_it_opens_with(address):
    """A record with no title stands for its story by its first sentence; a page dump's opening web
    address (or its tokenised form) is no sentence to show, the headline after it is."""
    from newsfuse import pipeline

    text = f"{address}\n\nFire destroys two warehouses at the docks\n\nTwo warehouses burned down on Friday night."
    record = f'{{"title": "", "text": {json.dumps(text)}}}\n'.encode()
    articles = pipeline.read_and_clean(InputFile.of("dump.jsonl", record))[1]
    result = pipeline.analyse(articles, with_embeddings=False)[0]
    item = story_item(result.annotated, list(result.mentions), None)
    assert item.title == "Fire destroys two warehouses at the docks"


def test_a_storys_title_is_a_members_headline_before_an_untitled_members_first_sentence(seeds_store_path):
    """The seeds: 000 and 002 have no title (their first sentence stands in), 001 has its headline;
    the story was titled with 002's 43-word first sentence."""
    from newsfuse.store import open_store

    with open_store(str(seeds_store_path)) as store:
        (story,) = [s for s in store.stories() if len(s.article_ids) == 3]
        titled = [a.title for a in store.articles_by_id(list(story.article_ids)) if a.title]
    assert len(titled) == 1 and story.title == titled[0]
