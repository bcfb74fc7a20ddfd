"""A clusterer that reads its stories and word counts from a store by key (as an ingest session
does, the counts of a candidate story's words read in one go per vocabulary) scores, joins and
saves exactly as one that kept everything in memory, on real ECB+ dev reports: opened afresh for
each article, and kept open across articles (as ``watch`` keeps one session). Issue 17: the counts
of the words of each candidate story read from a store are the bulk of what an added article costs
once the store holds many stories; and a saved clusterer scores no more candidate stories than the
code's cap says."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from conftest import bare_story_item

from newsfuse import pipeline
from newsfuse.model import InputFile
from newsfuse.pipeline import load_clusterer, save_clusterer
from newsfuse.store import open_store
from newsfuse.stories import StoryItem, story_item
from newsfuse.stories.cluster import StoryClusterer, saved_config
from newsfuse.stories.config import load

ROOT = Path(__file__).resolve().parents[1]
ECBPLUS = ROOT / ".." / "shared" / "corpus" / "clustering" / "ecbplus" / "documents.jsonl"
TOPICS = ("18", "21", "34", "12")  # four dev topics: stories of their own, and candidates of each other
PER_TOPIC = 4


@pytest.fixture(scope="module")
def items() -> list[StoryItem]:
    """The first reports of each topic through the real stages, topics interleaved (each new report
    finds the other topics' stories among its candidates)."""
    picked: dict[str, list[str]] = {t: [] for t in TOPICS}
    for line in ECBPLUS.read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        if doc["split"] == "dev" and doc["topic"] in picked and len(picked[doc["topic"]]) < PER_TOPIC:
            picked[doc["topic"]].append(line)
    lines = [picked[t][k] for k in range(PER_TOPIC) for t in TOPICS]
    articles = pipeline.read_and_clean(InputFile.of("ecbplus-dev.jsonl", ("\n".join(lines) + "\n").encode()))[1]
    out = []
    for result in pipeline.analyse(articles):
        vec = np.frombuffer(result.embedding, dtype=np.float32)
        out.append(story_item(result.annotated, list(result.mentions), vec))
    assert len(out) == len(TOPICS) * PER_TOPIC
    return out


def _save(store, clusterer: StoryClusterer) -> None:
    with store.transaction():
        save_clusterer(store, clusterer)


def _seen(clusterer: StoryClusterer, kind: str, words: list[str]) -> list[float]:
    """How many articles the clusterer counts for each word, as its vocabulary holds it for idf."""
    vocabulary = clusterer._vocabulary(kind)
    vocabulary.add(words)
    return vocabulary._seen[vocabulary.ids_of(words)].tolist()


def test_opened_afresh_for_each_report_it_makes_the_same_stories_and_counts(tmp_path, items):
    kept = StoryClusterer()
    with open_store(str(tmp_path / "by-key.db")) as store:
        _save(store, StoryClusterer())
        for item in items:
            opened = load_clusterer(store)
            assert opened._source is not None  # reads rows and counts by key
            assert opened.add(item) == kept.add(item), item.article_id
            assert opened.pop_moved() == kept.pop_moved()
            _save(store, opened)
            kept.pop_changes()
        last = load_clusterer(store)
        words = sorted({t for i in items for t, _ in i.terms})
        assert _seen(last, "terms", words) == _seen(kept, "terms", words)
        assert last.to_bytes() == kept.to_bytes()
    assert len(kept.stories_list()) >= len(TOPICS) // 2  # the topics did not all run together


def test_kept_open_across_reports_it_scores_as_the_one_in_memory(tmp_path, items):
    """One clusterer read by key and kept open (its counts read once, then counted on in memory):
    every pair's parts and every story the same as the in-memory clusterer's, report after report."""
    half = len(items) // 2
    kept = StoryClusterer()
    with open_store(str(tmp_path / "kept.db")) as store:
        for item in items[:half]:
            kept.add(item)
        _save(store, kept)
        kept.pop_moved()
        opened = load_clusterer(store)
        for item in items[half:]:
            assert opened.add(item) == kept.add(item), item.article_id
            _save(store, opened)
            kept.pop_changes()
        for a, b in zip(items, items[1:]):
            assert opened.explain(a, b) == kept.explain(a, b)
        names = sorted({n for i in items for n in i.names})
        assert _seen(opened, "names", names) == _seen(kept, "names", names)
        assert opened.to_bytes() == kept.to_bytes()


def _shared_name_stories(count: int) -> list[StoryItem]:
    """``count`` unrelated stories of two reports each, every report naming one person."""
    return [
        bare_story_item(f"a{i}-{k}", {f"word{i}": 2, f"thing{i}": 1, f"k{k}": 1}, (f"person{i}", "obama"))
        for i in range(count)
        for k in range(2)
    ]


def test_a_saved_clusterer_scores_at_most_the_codes_number_of_candidates(tmp_path):
    """A clusterer saved with a higher ``max_candidates`` (32 before issue 17, then 16 and 8) is read
    back with the code's (4) and scores no more stories than that for a report that shares a key with 20;
    its other settings, and a lower saved cap, stay as saved."""
    assert load("clustering.yaml")["max_candidates"] == 4
    saved = StoryClusterer({"max_candidates": 32, "threshold": 0.5})
    for item in _shared_name_stories(20):
        saved.add(item)
    assert len(saved.stories_list()) == 20
    new = bare_story_item("new", {"fresh": 2}, ("obama",))
    keys = saved._keys(new, saved._member(new))
    assert len(saved._candidates(keys)) == 20
    with open_store(str(tmp_path / "caps.db")) as store:
        _save(store, saved)
        opened = load_clusterer(store)
        assert opened.cfg["max_candidates"] == 4 and opened.cfg["threshold"] == 0.5
        assert len(opened._candidates(keys)) == 4
        assert StoryClusterer.from_bytes(saved.to_bytes()).cfg["max_candidates"] == 4
    assert saved_config({"max_candidates": 2, "threshold": 0.5}) == {"max_candidates": 2, "threshold": 0.5}
