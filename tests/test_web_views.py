"""Which sentence the side-by-side table shows for a detail, on the example corpus ingested for real."""

from __future__ import annotations

import pytest

from newsfuse.pipeline import ingest_paths
from newsfuse.store import open_store
from newsfuse.tell import queries
from newsfuse.web import views


@pytest.fixture(scope="module")
def example_store(tmp_path_factory, examples_dir):
    db = tmp_path_factory.mktemp("examples-views") / "examples.db"
    with open_store(str(db)) as store:
        ingest_paths(store, [str(examples_dir)])
    return str(db)


def test_who_acted_is_shown_in_the_sentence_that_reports_the_event(example_store):
    """'Portugal's foreign ministry welcomed the proposal' makes the Portuguese government a
    participant: the cell shows that sentence, not the first one with the word "government"."""
    checked = 0
    with open_store(example_store) as store:
        for story in store.stories():
            articles = queries.articles_by_id(store, story.article_ids)
            annotations = queries.annotations_of(store, articles)
            for event in queries.story_events(store, story.id).items:
                for detail in (d for d in event.details if d.field in ("initiator", "participant")):
                    for aid in detail.supported_by:
                        found = views.locate(detail, event, aid, annotations.get(aid))
                        reports = [m for m in event.mentions if m.article_id == aid]
                        assert found is not None and any(m.sentence in found.text for m in reports)
                        checked += 1
    assert checked >= 10
