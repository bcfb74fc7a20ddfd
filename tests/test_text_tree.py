"""The shared dependency tree (newsfuse.text.tree) over a sentence parsed by the real spaCy pipeline."""

from __future__ import annotations

import pytest

from newsfuse.model import Article, Block
from newsfuse.nlp import annotate
from newsfuse.text.tree import Tree

FIRST = "The storm passed."
SECOND = "Police in Leeds arrested a man on suspicion of murder, officials said on Tuesday."


@pytest.fixture(scope="module")
def parsed():
    blocks = (Block("paragraph", FIRST), Block("paragraph", SECOND))
    return annotate([Article("tree", "tree", "text", None, "2025-11-16", None, None, blocks)])[0]


def at(parsed, word: str) -> int:
    """The article-wide index of a word of the second sentence."""
    return next(t.i for t in parsed.tokens if t.sent == 1 and t.text == word)


def sentence(parsed) -> list:
    return [t for t in parsed.tokens if t.sent == 1]


def test_indices_are_article_wide_and_children_follow_the_text(parsed):
    tree = Tree(sentence(parsed))
    arrested, said = at(parsed, "arrested"), at(parsed, "said")
    assert min(tree.tokens) > 0  # the second sentence: its indices go on from the first one's
    assert tree.children(arrested) == [at(parsed, "Police"), at(parsed, "man"), at(parsed, "on")]
    assert tree.children(arrested, "dobj") == [at(parsed, "man")]
    assert [t.text for t in tree.kids(said, ("nsubj",))] == ["officials"]
    assert [t.text for t in tree.kids(said)][:2] == ["arrested", ","]
    assert tree.child_lemmas(said, "nsubj") == {"official"} and tree.lemma(said) == "say"


def test_heads_ancestors_and_depth(parsed):
    tree = Tree(sentence(parsed))
    murder, said = at(parsed, "murder"), at(parsed, "said")
    assert tree.head(said) is None and tree.depth(said) == 0
    assert tree.ancestors(murder) == [
        at(parsed, "of"),
        at(parsed, "suspicion"),
        at(parsed, "on"),
        at(parsed, "arrested"),
        said,
    ]
    assert tree.depth(murder) == 5
    # a head outside the tokens the tree was built over counts as none
    clause = Tree([t for t in sentence(parsed) if t.i <= murder])
    assert clause.head(at(parsed, "arrested")) is None
    assert clause.ancestors(murder)[-1] == at(parsed, "arrested")


def test_subtree_stops_at_deps_and_skips_tokens(parsed):
    tree = Tree(sentence(parsed))
    arrested, said = at(parsed, "arrested"), at(parsed, "said")
    assert tree.span_text(tree.subtree(arrested)) == "Police in Leeds arrested a man on suspicion of murder"
    assert tree.span_text(tree.subtree(arrested, stop=("prep",))) == "Police arrested a man"
    assert tree.span_text(tree.subtree(said, skip={arrested})) == ", officials said on Tuesday."
    assert tree.subtree(said, skip={said}) == []
    assert tree.span_text([]) == ""


def test_token_at_a_character(parsed):
    whole, tree = Tree(parsed.tokens), Tree(sentence(parsed))
    text = parsed.article.text
    suspicion = text.index("suspicion")
    assert whole.token_at(0) == 0
    assert tree.token_at(suspicion + 3) == at(parsed, "suspicion")
    assert tree.token_at(text.index("Leeds") + len("Leeds")) == at(parsed, "Leeds")  # the space after a word
    assert tree.token_at(0) is None  # before the sentence's first token
