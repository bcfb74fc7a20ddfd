"""events/cameo: CAMEO patterns coded object -> subject ("[:051]") give an event whose doer is the
object's actor and whose recipient is the subject (real pipeline, lexicon as primary)."""

from __future__ import annotations

from newsfuse.actors import link
from newsfuse.events import RuleExtractor, extract_events
from newsfuse.events.cameo import best_outcome, cameo_pattern
from newsfuse.model import Article, Block, article_id
from newsfuse.nlp import annotate
from newsfuse.text.tree import Tree

TEXT = "Kosovo obtained support from Albania on Monday."


def _annotated():
    blocks = (Block("paragraph", TEXT),)
    (annotated,) = annotate([Article(article_id(blocks), "test", "text", None, "2024-03-06", None, None, blocks)])
    return link(annotated)


def test_a_swapped_cameo_pattern_is_a_trigger_marked_swap():
    annotated = _annotated()
    tree = Tree(list(annotated.tokens))
    verb = next(t.i for t in annotated.tokens if t.lemma == "obtain")
    assert best_outcome(tree, verb).swap
    pattern = cameo_pattern(tree, verb)
    assert pattern is not None and pattern.swap and pattern.type == "SUPPORT"


def test_a_swapped_pattern_gives_the_object_as_doer_and_the_subject_as_recipient():
    (m,) = extract_events(_annotated(), RuleExtractor(cameo="primary"))
    assert m.type == "SUPPORT" and m.rule.startswith("cameo:051")
    assert [r.country for r in m.source_actors] == ["ALB"]
    assert [r.country for r in m.target_actors] == ["XKX"]
