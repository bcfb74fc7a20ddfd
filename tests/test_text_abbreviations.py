"""One abbreviation rule for every sentence splitter: the cleaner's long-line splitter and the
brief's sentence splitter cut at the same places."""

from __future__ import annotations

import pytest

from newsfuse.clean.long_lines import split_line
from newsfuse.stories.sentences import split_sentences
from newsfuse.text.abbreviations import ends_with_abbreviation


@pytest.mark.parametrize(
    "text", ["led by president Warren S.", "Gen.", "in the U.S.", "at 9 a.m.", "Sacramento, Calif.", "Mt ."]
)
def test_no_sentence_end(text: str) -> None:
    assert ends_with_abbreviation(text)


@pytest.mark.parametrize("text", ["the end.", "said Smith.", "in 2024.", "no stop"])
def test_sentence_end(text: str) -> None:
    assert not ends_with_abbreviation(text)


def test_both_splitters_keep_an_abbreviated_title_inside_the_sentence() -> None:
    sentence = "The fire was reported to Supt. Alvarez on Tuesday and spread north. "
    text = sentence * 40  # one paragraph of about 2,700 characters
    pieces = split_line(text * 10)  # over the long-line limit: cut into paragraphs at sentence ends
    assert len(pieces) > 1
    assert all(p.endswith("north.") for p in pieces)
    assert split_sentences(sentence.strip()) == [sentence.strip()]
