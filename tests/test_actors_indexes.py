"""actors (and events' token index): the per-article indexes that keep linking a long article linear
give what a pass over every span, entity or mention gives, on random spans and on real articles."""

from __future__ import annotations

import gc
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsfuse.actors import link
from newsfuse.actors.kb import KnowledgeBase, collector_paused, get_kb
from newsfuse.actors.link import EntitiesContaining, SpeakerCandidates, _within
from newsfuse.actors.nonactors import NameUses, _tagged_as_place, dateline_place, words_of
from newsfuse.actors.text import FUNCTION_WORDS, TakenSpans, key
from newsfuse.events.roles import TokensBySpan
from newsfuse.model import AnnotatedArticle, Article, Block, Entity, article_id
from newsfuse.nlp import annotate

ROOT = Path(__file__).resolve().parents[1]
ECBPLUS = ROOT / ".." / "shared" / "corpus" / "clustering" / "ecbplus" / "documents.jsonl"
PLACE_LABELS = {"GPE", "LOC", "FAC"}

spans = st.lists(st.tuples(st.integers(-3, 60), st.integers(-3, 60)), max_size=25)


def overlaps_any(start: int, end: int, kept: list[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in kept)


@settings(max_examples=300, deadline=None)
@given(kept=spans, asked=spans)
def test_taken_spans_answer_as_a_pass_over_every_kept_span(kept, asked):
    taken = TakenSpans(40)
    for s, e in kept:
        taken.add(s, e)
    for s, e in asked:
        assert taken.overlaps(s, e) == overlaps_any(s, e, kept), (s, e)


@settings(max_examples=300, deadline=None)
@given(ents=st.lists(st.tuples(st.integers(0, 50), st.integers(0, 12)), max_size=20), asked=spans)
def test_entities_containing_a_span_are_those_a_pass_finds_in_the_same_order(ents, asked):
    entities = tuple(Entity("x", "ORG", s, s + n) for s, n in ents)
    index = EntitiesContaining(entities)
    for s, e in asked:
        assert index.of(s, e) == [x for x in entities if x.start <= s and e <= x.end]


@pytest.fixture(scope="module")
def long_real_article() -> AnnotatedArticle:
    """Twelve ECB+ articles as one article (many mentions, entities and quotes), analysed and linked."""
    paragraphs = []
    for line in ECBPLUS.read_text(encoding="utf-8").splitlines()[:12]:
        doc = json.loads(line)
        paragraphs += [s if isinstance(s, str) else " ".join(s) for s in doc["sentences"]]
    blocks = tuple(Block("paragraph", p) for p in paragraphs)
    article = Article(article_id(blocks), "ecbplus", "text", None, "2009-05-01", None, None, blocks)
    return link(annotate([article])[0])


def nearest_by_sorting(q, mentions, want):
    """The rule by a plain search: every mention sorted by distance to the quote; the first named
    like the speaker, else the first that shares a word within 600 characters outside the content."""
    near = sorted(mentions, key=lambda m: min(abs(m.start - q.start), abs(m.end - q.end)))
    for m in near:
        if key(m.text) == want:
            return m
    for m in near:
        inside = q.start <= m.start and m.end <= q.end
        if set(key(m.text)) & set(want) - FUNCTION_WORDS and _within(m, q, 600) and not inside:
            return m
    return None


def test_a_quote_speaker_is_the_mention_a_sort_by_distance_finds(long_real_article):
    ann = long_real_article
    mentions = ann.actors
    speakers = SpeakerCandidates(mentions)
    asked = [q for q in ann.quotes if q.speaker_text]
    assert len(asked) >= 10 and len(mentions) >= 50
    found = 0
    for q in asked:
        for want in (key(q.speaker_text), key(q.speaker_text)[-1:], ("no", "such", "name")):
            expected = nearest_by_sorting(q, mentions, want)
            assert speakers.nearest(q, want) is expected
            found += expected is not None
    assert found >= 10


def tagged_as_place_by_a_pass(text, e, entities):
    """The former test: one pass over every entity of the article."""
    want = words_of(e)
    places = names = 0
    for o in entities:
        words = words_of(o)
        if o.label == "PERSON" and len(words) > len(want) and words[-len(want) :] == want:
            return False
        if words == want:
            dateline = dateline_place(text, o)
            places += o.label in PLACE_LABELS or dateline
            names += o.label in {"PERSON", "ORG"} and not dateline
    return places > 0 and places >= names


def test_name_uses_tell_a_place_as_a_pass_over_the_entities_does(long_real_article):
    ann = long_real_article
    text, entities = ann.article.text, ann.entities
    uses = NameUses(text, entities)
    answers = [_tagged_as_place(e, uses) for e in entities]
    assert answers == [tagged_as_place_by_a_pass(text, e, entities) for e in entities]
    assert True in answers and False in answers


def test_tokens_by_span_are_the_tokens_a_pass_finds(long_real_article):
    ann = long_real_article
    index = TokensBySpan(ann.tokens)
    assert index.in_order
    for m in ann.actors:
        assert index.starting_in(m.start, m.end) == [t for t in ann.tokens if m.start <= t.start < m.end]
    backwards = TokensBySpan(tuple(reversed(ann.tokens)))
    m = ann.actors[0]
    assert backwards.starting_in(m.start, m.end) == [t for t in reversed(ann.tokens) if m.start <= t.start < m.end]


def test_the_kb_built_with_the_collector_paused_is_the_plain_build_and_the_collector_runs_again():
    assert isinstance(get_kb(), KnowledgeBase) and gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
        paused = KnowledgeBase()
    assert gc.isenabled()
    assert vars(paused) == vars(KnowledgeBase())  # (get_kb's own KB gains entries as articles are linked)
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()  # a collector the caller had paused stays paused
    finally:
        gc.enable()
