"""The openings check of benchmarks/faithfulness.py: a word group matches however the corpus spaces
its tokens."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import faithfulness  # noqa: E402

GROUPS = [["hit and run", "hit-and-run"], ["bloomington"]]


def test_a_hyphenated_word_matches_whatever_spaces_the_corpus_put_around_its_hyphens():
    for spaced in ("hit -and-run", "hit - and - run", "hit-and-run", "hit- and -run"):
        assert faithfulness._states(f"A man was arrested in the {spaced} death in Bloomington .", GROUPS)


def test_every_group_is_still_needed_and_words_are_not_joined_across_a_space():
    assert not faithfulness._states("A man was arrested in the hit -and-run death .", GROUPS)
    assert not faithfulness._states("A hit and ran away in Bloomington .", [["hit-and-run"], ["bloomington"]])
    assert faithfulness._states("Some text", None) is None


def test_polnear_articles_are_records_with_their_title_date_and_outlet():
    import csv

    data = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus"
    rows = faithfulness.records(data, "polnear", "dev")
    texts = sorted((data / "quotes" / "polnear" / "dev" / "text").glob("*.txt"))
    assert len(rows) == len(texts) and rows[0]["id"] == texts[0].stem
    with open(data / "quotes" / "polnear" / "metadata.tsv", encoding="utf-8") as fh:
        meta = {r["filename"]: r for r in csv.DictReader(fh, delimiter="\t")}
    first = rows[0]
    assert first["title"].startswith(texts[0].read_text(encoding="utf-8").split("\n", 1)[0].strip())
    assert first["published"] == meta[first["id"]]["publication_date"]
    assert first["outlet"] == meta[first["id"]]["publisher"]
    assert first["title"] not in first["text"][:200]  # the title line is not the body's first line
    assert faithfulness.gold_stories(data, "polnear", "dev") == {}


def test_a_polnear_title_goes_on_over_its_deck_line():
    text = "Terrorism moves to fore of campaign; \nCandidates scramble to address worries.\n\nABSTRACT.\n\nBody."
    meta = "Terrorism moves to fore of campaign; Candidates scramble to address worries."
    title, body = faithfulness._title_lines(text, meta)
    assert title == meta and body.strip().startswith("ABSTRACT.")
    assert faithfulness._title_lines("One title\nThe body.", None) == ("One title", "The body.")
