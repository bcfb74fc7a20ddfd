"""None against a figure (issue 19 item 3): one report says there was none of a thing ("no one was
injured") or that an amount was not given ("terms of the deal were not disclosed"), another gives a
count or the amount. Real sentences are read from ECB+ and GVC documents in ../shared by their ids;
the narrowed nones that no document there words ("no other injuries") are written here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsfuse.model import Article, Block
from newsfuse.nlp import annotate
from newsfuse.stories.figures import NONE_OF, Figure, find_figures, none_against_a_figure

CLUSTERING = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus" / "clustering"

pytestmark = pytest.mark.skipif(not (CLUSTERING / "ecbplus").exists(), reason="the shared corpus is not there")

# (corpus, document, words of its sentence)
LINES = {
    "no one injured": ("ecbplus", "13_18ecb", "No one was injured"),
    "no one hurt, said": ("ecbplus", "13_3ecb", "`` No one was hurt"),
    "no injuries reported": ("ecbplus", "13_12ecbplus", "No injuries were reported"),
    "no one else injured": ("ecbplus", "18_4ecb", "One man was shot and killed"),
    "no one else in the vehicle": ("gvc", "1f5a0cb5862fc782d4a0e466748db618", "No one else in the vehicle"),
    "no injuries to police": ("ecbplus", "19_10ecbplus", "with no injuries to police"),
    "two wounded": ("ecbplus", "18_10ecbplus", None),
    "terms not disclosed": ("ecbplus", "5_1ecbplus", "Terms of the deal were not disclosed"),
    "deal worth": ("ecbplus", "5_2ecb", "They signed Elton Brand"),
}


def _line(corpus: str, doc_id: str, words: str | None) -> str:
    for raw in open(CLUSTERING / corpus / "documents.jsonl", encoding="utf-8"):
        doc = json.loads(raw)
        if doc["doc_id"] == doc_id:
            lines = [" ".join(s) for s in doc["sentences"]]
            return next(x for x in lines if (words or "were wounded") in x)
    raise LookupError(doc_id)


@pytest.fixture(scope="module")
def parsed() -> dict[str, tuple[str, object]]:
    """Each line as the lead of an article of its own, parsed."""
    texts = {name: _line(*where) for name, where in LINES.items()}
    texts |= {
        "no other injuries": "There were no other injuries, police said.",
        "no new arrests": "No new arrests were made on Sunday.",
        "no Americans hurt": "No Americans were hurt in the blast, the embassy said.",
        "no one seriously hurt": "No one was seriously hurt.",
        "three injured": "Three people were injured in the blast, police said.",
        "no financial figures": "No financial figures for the research programme were released.",
        "cost of the damage": "Officials did not give a figure for the cost of the damage.",
        "analysts' estimate": "Analysts estimated that the deal was worth $5 million.",
    }
    articles = [
        Article(name, f"{i}.txt", "text", None, None, None, None, (Block("paragraph", text),))
        for i, (name, text) in enumerate(texts.items())
    ]
    return {p.article.id: (texts[p.article.id], p) for p in annotate(articles)}


def nones(parsed, name: str) -> list[Figure]:
    text, p = parsed[name]
    return [f for f in find_figures(name, [s.text for s in p.sentences], p) if f.noun.startswith(NONE_OF)]


def test_none_of_the_whole_is_read_from_the_parse(parsed):
    for name in ("no one injured", "no one hurt, said", "no injuries reported"):
        [f] = nones(parsed, name)
        assert (f.noun, f.absent, f.low, f.high) == ("none:injured", True, 0, 0), name
    assert nones(parsed, "no injuries reported")[0].text == "No injuries were reported"


def test_no_one_else_no_other_no_new_and_a_group_are_not_none_of_the_whole(parsed):
    for name in (
        "no one else in the vehicle",
        "no injuries to police",
        "no other injuries",
        "no new arrests",
        "no Americans hurt",
        "no one seriously hurt",
    ):
        assert not [f for f in nones(parsed, name) if f.absent], name
    # "one man was shot and killed ... and no one else was injured": the killed man is a count, not a none
    assert [(f.noun, f.absent) for f in nones(parsed, "no one else injured")] == [("none:killed", False)]


def test_a_none_against_a_count_of_the_same_kind_is_listed_in_each_sides_words(parsed):
    figures = nones(parsed, "no one injured") + nones(parsed, "three injured") + nones(parsed, "two wounded")
    [d] = none_against_a_figure(figures)
    assert d.none and d.counted == "people injured"
    wordings = dict(d.sides)
    assert wordings["No one was injured"] == ("no one injured",)
    assert "Three people were injured in the blast, police said" in wordings
    assert any("were wounded" in w for w in wordings)
    # a count of the killed is no count of the injured
    assert none_against_a_figure(nones(parsed, "no one injured") + nones(parsed, "no one else injured")) == []


def test_an_amount_not_given_against_the_sum_of_the_deal(parsed):
    [terms] = nones(parsed, "terms not disclosed")
    assert (terms.noun, terms.absent, terms.text) == ("none:amount", True, "Terms of the deal were not disclosed")
    [worth] = nones(parsed, "deal worth")
    assert not worth.absent and "$ 80 million" in worth.text
    [d] = none_against_a_figure([terms, worth, *nones(parsed, "no financial figures")])
    assert [arts for _, arts in d.sides][-1] == ("deal worth",)
    # the cost of something else, and an estimate, are neither side
    assert nones(parsed, "cost of the damage") == [] and nones(parsed, "analysts' estimate") == []


def test_an_article_saying_both_is_on_neither_side(parsed):
    [terms], [worth] = nones(parsed, "terms not disclosed"), nones(parsed, "deal worth")
    both = Figure(**{**worth.__dict__, "article_id": terms.article_id})
    assert none_against_a_figure([terms, both]) == []
