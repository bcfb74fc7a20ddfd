"""Stale lines (issue 19): a report's "not yet released / unknown" line is not quoted once another
report of the story gives the fact, and a caption run into a sentence with no stop is quoted from the
sentence's own first word. Real sentences: GVC dev and ECB+ dev and train documents, read from ../shared."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsfuse.stories.brief import _leaning
from newsfuse.stories.overtaken import overtaken
from newsfuse.stories.sentences import article_sentences, without_chrome

CLUSTERING = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus" / "clustering"
WANTED = {
    "gvc": {
        "33840bbd5a82d9e0643b6d9f34f9d106",  # "The victim ’s name has not yet been released ."
        "c1ec0f094473e56a028650468640db6d",  # "The victim , identified as Jahliek Dieudonne ..."
        "104db82506283933234d28c49929a9cc",  # "The condition of the victims is unknown ."
        "533dc1a9518e4defd149a1e1c2a40766",  # "Arrington is listed in stable condition , ..."
        "91153f512a483bcc383595f6927fd0b5",  # "The names of the woman and her son have not been released ."
        "f03d228accae8f19bab8d465c831e930",  # "... identified the woman as Sara Atkinson , 41 , ..."
        "30a91b897e071a1916f5108a8f7c1698",  # "Baby shot in act of road rage According to ..."
    },
    "ecbplus": {
        "35_7ecbplus",  # dev: "... but the results were not yet known ."
        "32_3ecb",  # train: "... the landlord , who has not been identified , sent his adult son ..."
        "32_5ecb",  # train: "Police have identified the victims as 61-year-old Katherine Gomes ..."
    },
}

pytestmark = pytest.mark.skipif(not CLUSTERING.exists(), reason="the shared corpus is not there")


@pytest.fixture(scope="module")
def docs() -> dict[str, list[str]]:
    out = {}
    for corpus, wanted in WANTED.items():
        for d in map(json.loads, open(CLUSTERING / corpus / "documents.jsonl", encoding="utf-8")):
            if d["doc_id"] in wanted:
                out[d["doc_id"]] = [" ".join(s) for s in d["sentences"]]
    return out


def _story(docs: dict[str, list[str]], *ids: str):
    return [s for d in ids for s in article_sentences(d, docs[d])]


def _stale_texts(sentences) -> list[str]:
    keys = overtaken(sentences)
    return [s.text for s in sentences if (s.article_id, s.position) in keys]


@pytest.mark.parametrize(
    ("withheld", "given", "line"),
    [
        ("33840bbd5a82d9e0643b6d9f34f9d106", "c1ec0f094473e56a028650468640db6d", "The victim ’s name has not yet"),
        ("104db82506283933234d28c49929a9cc", "533dc1a9518e4defd149a1e1c2a40766", "The condition of the victims"),
        ("91153f512a483bcc383595f6927fd0b5", "f03d228accae8f19bab8d465c831e930", "The names of the woman and her"),
    ],
)
def test_a_line_another_report_overtakes_is_not_quoted(docs, withheld, given, line):
    story = _story(docs, withheld, given)
    stale = _stale_texts(story)
    assert len(stale) == 1 and stale[0].startswith(line)
    leaning = _leaning(story, {}, None)
    assert any(text.startswith(line) for _, text in leaning)


def test_a_line_no_other_report_answers_stays(docs):
    assert _stale_texts(_story(docs, "91153f512a483bcc383595f6927fd0b5")) == []
    assert _stale_texts(_story(docs, "35_7ecbplus", "33840bbd5a82d9e0643b6d9f34f9d106")) == []


def test_a_report_that_withholds_one_name_and_gives_another_speaks_of_two_people(docs):
    own = docs["33840bbd5a82d9e0643b6d9f34f9d106"] + [docs["c1ec0f094473e56a028650468640db6d"][3]]
    assert _stale_texts(article_sentences("one", own)) == []


def test_a_caption_run_into_a_sentence_is_cut_off_where_the_sentence_begins(docs):
    glued = docs["30a91b897e071a1916f5108a8f7c1698"][3]
    assert glued.startswith("Baby shot in act of road rage According to a GoFundMe page")
    assert without_chrome(glued) == glued[len("Baby shot in act of road rage ") :]


def test_a_name_in_a_sentence_is_no_run_in_caption(docs):
    line = docs["c1ec0f094473e56a028650468640db6d"][3]
    assert without_chrome(line) == line


def test_someone_unnamed_in_a_relative_clause_is_not_the_victim_another_report_names(docs):
    story = _story(docs, "32_3ecb", "32_5ecb")
    assert any("the landlord , who has not been identified" in s.text for s in story)
    assert _stale_texts(story) == []
