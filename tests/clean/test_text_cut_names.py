"""A line break inside a name ("Aransas" / "Pass police are investigating ...") is no paragraph
break: the name's first word alone on its line is joined to the line it goes on in, where the
article writes the two words as one name elsewhere; a headline ending in a name stays apart from the
body. Real lines: a GVC dev document, read from ../shared."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsfuse.clean import clean_text_lines

GVC = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus" / "clustering" / "gvc" / "documents.jsonl"
ARANSAS = "f123522b3d905fc67cb6f0cc5ba40a64"

pytestmark = pytest.mark.skipif(not GVC.exists(), reason="the shared corpus is not there")


@pytest.fixture(scope="module")
def lines() -> list[str]:
    doc = next(d for d in map(json.loads, open(GVC, encoding="utf-8")) if d["doc_id"] == ARANSAS)
    return [" ".join(s) for s in doc["sentences"]]


def _paragraphs(lines: list[str]) -> list[str]:
    return [b.text for b in clean_text_lines(lines).blocks if b.kind == "paragraph"]


def test_a_name_cut_by_a_line_break_is_one_name(lines):
    assert lines[3:5] == ["Aransas", lines[4]] and lines[4].startswith("Pass police")
    paragraphs = _paragraphs(lines)
    assert any(p.startswith("Aransas Pass police are investigating after a man shot his wife") for p in paragraphs)
    assert not any(p.startswith("Pass police") for p in paragraphs)


def test_a_word_the_article_never_writes_with_the_next_stays_apart(lines):
    cut = ["Aransas", "Police are investigating after a man shot his wife .", *lines[5:]]
    assert not any(p.startswith("Aransas Police") for p in _paragraphs(cut))


def test_a_headline_ending_in_a_name_stays_apart_from_the_body(lines):
    headline = "Husband kills wife and stepdaughter in Aransas"  # no stop, then the body's "Pass police ..."
    paragraphs = _paragraphs([headline, *lines[4:]])
    assert not any(p.startswith(headline) for p in paragraphs)
