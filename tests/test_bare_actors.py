"""Bare names and demonyms: the actor linker emits them (marked ``bare``), the event stage reads them
from ``annotated.actors``, and the readers of linked mentions (story clustering, the store) keep
their old behaviour."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from newsfuse.actors import link
from newsfuse.events import extract_events
from newsfuse.events.roles import actor_mentions
from newsfuse.model import ActorMention, ActorRef, AnnotatedArticle, Article, Block, Entity, article_id
from newsfuse.nlp.pipeline import annotate
from newsfuse.store import open_store
from newsfuse.store.serde import annotations_from, annotations_record, dumps
from newsfuse.stories.items import story_item

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
GSR = SHARED / "corpus" / "events" / "plover" / "gsr-dev.jsonl"
SEED = SHARED / "corpus" / "seeds" / "000_b5307fb3d8fa3eef.txt"
AMMAN_ID = "PLOVER-GSR01-CONSULT-0004"  # "Iraqi President Saddam Hussein arrived in Amman ..."

PUTIN = ActorRef("Vladimir Putin", "RUS", "GOV", "President", "person:vladimir-putin")
RUSSIA = ActorRef("Russian government", "RUS", "GOV", None, "gov:RUS")


def article(paragraphs: list[str], published: str | None, source: str = "test") -> Article:
    blocks = tuple(Block("paragraph", p) for p in paragraphs)
    return Article(article_id(blocks), source, "text", None, published, None, None, blocks)


def gsr_text(record_id: str) -> str:
    rows = (json.loads(line) for line in GSR.read_text(encoding="utf-8").splitlines() if line.strip())
    return next(r["text"] for r in rows if r["id"] == record_id)


@pytest.fixture(scope="module")
def parsed() -> dict[str, AnnotatedArticle]:
    seed_lines = [ln.strip() for ln in SEED.read_text(encoding="utf-8").splitlines() if ln.strip()]
    seed, amman = annotate([article(seed_lines, "2025-11-16", SEED.name), article([gsr_text(AMMAN_ID)], None)])
    return {"seed": seed, "amman": amman}


@pytest.fixture(scope="module")
def linked(parsed) -> dict[str, AnnotatedArticle]:
    return {name: link(ann) for name, ann in parsed.items()}


def test_linker_marks_kb_resolved_bare_names(linked):
    seed = linked["seed"]
    text = seed.article.text
    at = text.index("taken in Moscow and Jerusalem")  # places here: the linker does not link them
    here = [m for m in seed.actors if at <= m.start < at + 40]
    assert here and all(m.bare for m in here)
    assert {(m.text, m.actor.actor_id) for m in here} == {("Moscow", "gov:RUS"), ("Jerusalem", "gov:ISR")}
    bare = [m for m in seed.actors if m.bare]
    assert all(text[m.start : m.end] == m.text for m in bare)
    assert all(m.actor.country or m.actor.sector in ("IGO", "NGO") for m in bare)
    linked_spans = [(m.start, m.end) for m in seed.actors if not m.bare]
    assert not [m for m in bare if any(s < m.end and m.start < e for s, e in linked_spans)]
    assert not [(a, b) for a in bare for b in bare if a is not b and a.start < b.end and b.start < a.end]


def test_event_stage_takes_bare_names_from_the_linker_output(linked):
    amman = linked["amman"]
    assert [(m.text, m.actor.actor_id, m.bare) for m in amman.actors if m.text == "Amman"] == [
        ("Amman", "gov:JOR", True)
    ]
    assert any(m.ref.actor_id == "gov:JOR" for m in actor_mentions(amman))
    visits = [e for e in extract_events(amman) if e.type == "CONSULT"]
    assert visits and [r.actor_id for r in visits[0].target_actors] == ["gov:JOR"]
    without_bare = dataclasses.replace(amman, actors=tuple(m for m in amman.actors if not m.bare))
    assert all(not e.target_actors for e in extract_events(without_bare) if e.type == "CONSULT")


def test_only_bare_mentions_fall_back_to_entities_as_without_a_linker():
    text = "Moscow rejected the offer."
    ann = AnnotatedArticle(
        article([text], None),
        entities=(Entity("Moscow", "GPE", 0, 6),),
        actors=(ActorMention("Moscow", 0, 6, RUSSIA, "kb", bare=True),),
    )
    no_linker = dataclasses.replace(ann, actors=())
    assert actor_mentions(ann) == actor_mentions(no_linker)
    assert [m.ref for m in actor_mentions(ann)] == [ActorRef("Moscow")]


def test_story_clustering_counts_linked_actors_only():
    ann = AnnotatedArticle(
        article(["Putin spoke in Moscow."], "2025-11-16"),
        actors=(
            ActorMention("Putin", 0, 5, PUTIN, "kb"),
            ActorMention("Moscow", 15, 21, RUSSIA, "kb", bare=True),
        ),
    )
    assert story_item(ann, [], None).actor_ids == ("person:vladimir-putin",)


def test_store_keeps_the_bare_mark_and_reads_old_rows(tmp_path):
    a = article(["Putin spoke in Moscow."], "2025-11-16")
    ann = AnnotatedArticle(
        a,
        actors=(
            ActorMention("Putin", 0, 5, PUTIN, "kb"),
            ActorMention("Moscow", 15, 21, RUSSIA, "kb", bare=True),
        ),
    )
    store = open_store(str(tmp_path / "t.db"))
    store.add_article(a)
    store.save_annotations(ann)
    assert store.annotations(a.id) == ann
    store.close()
    record = json.loads(dumps(annotations_record(ann)))
    assert annotations_from(a, record) == ann
    for m in record["actors"]:  # a row stored before the field existed
        del m["bare"]
    old = annotations_from(a, record)
    assert [(m.text, m.bare) for m in old.actors] == [("Putin", False), ("Moscow", False)]
