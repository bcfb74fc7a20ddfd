"""The composed per-document stages on the real seeds: every mention is tied to words that say it."""

from __future__ import annotations

import gc
import threading

import pytest

from newsfuse import analysis, pipeline
from newsfuse.analysis import readable_post_text
from newsfuse.ingest import iter_inputs
from newsfuse.model import InputFile
from newsfuse.pipeline import analyse, read_and_clean
from newsfuse.stories import embed
from newsfuse.stories.items import embedding_text


@pytest.fixture(scope="module")
def seed_articles(seeds_dir):
    articles = []
    for item in iter_inputs([str(p) for p in sorted(seeds_dir.glob("*.txt"))]):
        assert isinstance(item, InputFile)
        _fmt, arts, errors = read_and_clean(item)
        assert not errors
        articles += arts
    return articles


@pytest.fixture(scope="module")
def seed_analyses(seed_articles):
    return {a.annotated.article.source_path.rsplit("/", 1)[-1][:3]: a for a in analyse(seed_articles)}


def _embedding_threads(monkeypatch) -> list[str]:
    """The names of the threads the embedder is called on, from now on in this test."""
    threads: list[str] = []

    def recorded(texts, max_pieces=embed.TEXT_WORD_PIECES):
        threads.append(threading.current_thread().name)
        return embed.embed_texts(texts, max_pieces=max_pieces)

    monkeypatch.setattr(analysis, "embed_texts", recorded)
    return threads


def _plain_vectors(articles) -> list[bytes]:
    return [v.tobytes() for v in embed.embed_texts([embedding_text(a) for a in articles])]


def test_the_embedder_runs_beside_the_parser_and_gives_the_vectors_of_a_plain_run(seed_articles, monkeypatch):
    threads = _embedding_threads(monkeypatch)
    results = analyse(seed_articles)
    assert len(threads) == 1 and threads[0].startswith("newsfuse-embed")
    assert [r.embedding for r in results] == _plain_vectors(seed_articles)


def test_a_process_held_to_one_thread_embeds_after_the_parse_with_the_same_vectors(seed_articles, monkeypatch):
    threads = _embedding_threads(monkeypatch)
    monkeypatch.setattr(embed, "_threads", 1)  # as limit_threads(1) in a one-thread Dask worker
    results = analyse(seed_articles)
    assert threads == [threading.main_thread().name]
    assert [r.embedding for r in results] == _plain_vectors(seed_articles)


def test_a_failing_embedder_fails_the_analysis_as_before(seed_articles, monkeypatch):
    def broken(texts, max_pieces=embed.TEXT_WORD_PIECES):
        raise RuntimeError("no model")

    monkeypatch.setattr(analysis, "embed_texts", broken)
    with pytest.raises(RuntimeError, match="no model"):
        analyse(seed_articles[:1])


def test_every_mention_points_at_a_sentence_that_says_it(seed_analyses):
    for result in seed_analyses.values():
        text = result.annotated.article.text
        posts = [p.text for p in result.annotated.article.embedded_posts]
        for m in result.mentions:
            if m.start == -1:  # from an embedded post: its sentence is the post's own words
                assert any(readable_post_text(p) == m.sentence or m.sentence in readable_post_text(p) for p in posts)
            else:
                assert m.sentence == text[m.start : m.end]


def test_the_embedded_post_reports_the_call_on_its_date(seed_analyses):
    a002 = seed_analyses["002"]
    from_post = [m for m in a002.mentions if m.start == -1]
    assert from_post, "the @mfa_russia post reports the call"
    call = from_post[0]
    assert call.type == "CONSULT" and call.mode == "phone"
    assert call.date == "2025-11-15" and call.date_precision == "day"
    assert call.reporting_source == "@mfa_russia"
    assert call.article_id == a002.annotated.article.id


def test_readable_post_text():
    assert readable_post_text("President #Putin and @netanyahu spoke") == "President Putin and Netanyahu spoke"
    assert readable_post_text("mail me@example.org") == "mail me@example.org"
    assert readable_post_text("@mfa_russia said") == "mfa_russia said"


def test_embeddings_are_stored_per_article(seed_analyses):
    import numpy as np

    vectors = [np.frombuffer(a.embedding, dtype=np.float32) for a in seed_analyses.values()]
    assert all(v.shape == (384,) and abs(float(np.linalg.norm(v)) - 1.0) < 1e-3 for v in vectors)


def _fused(db: str) -> tuple[set, list]:
    from newsfuse.store import open_store

    with open_store(db) as store:
        stories = {frozenset(s.article_ids) for s in store.stories()}
        events = []
        for e in store.events():
            d = e.to_dict()
            d.pop("story_id")
            events.append(d)
    return stories, sorted(events, key=lambda d: d["id"])


def test_seeds_one_at_a_time_in_any_order_give_the_same_stories_and_events(tmp_path, seeds_dir):
    from newsfuse.pipeline import ingest_paths
    from newsfuse.store import open_store

    seeds = sorted(seeds_dir.glob("*.txt"))
    results = []
    for order in ([0, 1, 2], [2, 0, 1], [1, 2, 0]):
        db = str(tmp_path / f"order{''.join(map(str, order))}.db")
        with open_store(db) as store:
            for i in order:
                assert ingest_paths(store, [str(seeds[i])]).new == 1
        results.append(_fused(db))
    stories, events = results[0]
    assert len(stories) == 1 and len(next(iter(stories))) == 3
    for other in results[1:]:
        assert other[0] == stories
        assert other[1] == events


def test_the_example_corpus_gives_its_three_stories_and_each_article_knows_its_story(tmp_path, examples_dir):
    """examples/README.md: A (Lisbon talks, 5 reports), B (Kenya's UN proposal, 4), C (Canada's
    sanctions, 3). A and B cite each other and first grow into one story; the split parts them."""
    from newsfuse.pipeline import ingest_paths
    from newsfuse.store import open_store

    db = str(tmp_path / "examples.db")
    with open_store(db) as store:
        assert ingest_paths(store, [str(examples_dir)]).failed == 0
        articles = {a.id: a for a in store.articles()}
        stories = store.stories()

    def event(article) -> str:
        text = f"{article.title} {article.text[:300]}"
        return "C" if "sanction" in text.lower() else "B" if "proposal" in text.lower() or "Kenya asks" in text else "A"

    groups = sorted(sorted(event(articles[a]) for a in s.article_ids) for s in stories)
    assert groups == [["A"] * 5, ["B"] * 4, ["C"] * 3]
    for s in stories:
        assert all(articles[a].story_id == s.id for a in s.article_ids)


def test_what_the_warm_up_loads_is_moved_out_of_the_collectors_sight():
    pipeline.prepare_analysis()
    assert gc.get_freeze_count() > 100_000  # modules, models and the KB
    assert gc.isenabled()  # later garbage is still collected
