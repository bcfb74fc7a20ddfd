"""nlp/attribute_rules: the attribute ruler's matches found by look-up are spaCy's Matcher's, one for one."""

from __future__ import annotations

import importlib
import json
from pathlib import Path

import pytest
import spacy
from spacy.pipeline import AttributeRuler

from newsfuse.nlp.attribute_rules import index_attribute_ruler, rule_index
from newsfuse.nlp.pipeline import MODEL_PACKAGE, load_model

SHARED = (Path(__file__).resolve().parents[1] / ".." / "shared").resolve()
TIMEBANK = SHARED / "corpus" / "dates" / "timebank.jsonl"
ECBPLUS = SHARED / "corpus" / "clustering" / "ecbplus" / "documents.jsonl"

# Written for this test: the model's multi-token and pattern-matched exceptions ("gon na", "let 's",
# "y' all", "nothin'", "ai n't"), "there is" after an expletive, "but" as an adverb, a line break.
WRITTEN = (
    "Y'all know we're gonna win, and let's be honest: there is nothin' they can do.\n\n"
    "It ain't over. But I told you it was. Do you have it? I did, but it did not help."
)


def real_texts(limit: int) -> list[str]:
    texts = [json.loads(line)["text"] for line in TIMEBANK.read_text(encoding="utf-8").splitlines()[:limit]]
    for line in ECBPLUS.read_text(encoding="utf-8").splitlines()[:limit]:
        texts.append("\n\n".join(" ".join(s) for s in json.loads(line)["sentences"]))
    return texts


def spacy_matches(ruler: AttributeRuler, doc) -> list:
    return AttributeRuler.match(ruler, doc)  # the class's own: the Matcher's matches, sorted


@pytest.mark.skipif(not TIMEBANK.exists() or not ECBPLUS.exists(), reason="needs ../shared")
def test_the_index_finds_exactly_the_matchers_matches_on_real_news():
    nlp = load_model()
    ruler = nlp.get_pipe("attribute_ruler")
    index = rule_index(ruler)
    assert index is not None
    docs = list(nlp.pipe(real_texts(40) + [WRITTEN], disable=["attribute_ruler", "lemmatizer", "ner"]))
    found = [index.match(doc) for doc in docs]
    assert found == [spacy_matches(ruler, doc) for doc in docs]
    numbers = {m[0] for matches in found for m in matches}
    # the written text reaches the two-token rules and the regular expressions, not only the tag map
    two_token = {m[0] for m in found[-1] if m[3] - m[2] == 2}
    assert len(numbers) > 60 and len(two_token) >= 3


def test_the_loaded_model_tags_as_the_plain_model_does():
    plain = importlib.import_module(MODEL_PACKAGE).load()
    indexed = load_model()
    assert indexed.get_pipe("attribute_ruler").match != plain.get_pipe("attribute_ruler").match
    columns = ("text", "pos_", "tag_", "dep_", "lemma_", "morph", "ent_type_")
    for a, b in zip(plain(WRITTEN), indexed(WRITTEN), strict=True):
        assert [str(getattr(a, c)) for c in columns] == [str(getattr(b, c)) for c in columns]


def test_a_ruler_with_an_operator_pattern_is_left_to_the_matcher():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "very", "OP": "+"}, {"TAG": "JJ"}]], {"POS": "ADV"})
    assert rule_index(ruler) is None
    assert index_attribute_ruler(nlp) is False
    assert "match" not in vars(ruler)  # the ruler's own method still runs


def test_a_pattern_of_equal_set_and_expression_tests_is_indexed_and_matched():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": {"IN": ["gon", "wan"]}}, {"LOWER": "na"}]], {"LEMMA": "to"}, index=1)
    ruler.add([[{"LOWER": {"REGEX": "^n[ou]thin'$"}}]], {"LEMMA": "nothing"})
    ruler.add([[{"IS_SPACE": True}]], {"POS": "SPACE"})
    assert index_attribute_ruler(nlp) is True
    doc = nlp("we wan na go , gon na see nothin'  else")
    assert [t.lemma_ for t in doc if t.lemma_] == ["to", "to", "nothing"]
    assert [t.i for t in doc if t.pos_ == "SPACE"] == [i for i, t in enumerate(doc) if t.is_space]
