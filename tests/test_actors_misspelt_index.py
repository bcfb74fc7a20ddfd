"""A country's one-word name misspelt by a letter (``KnowledgeBase.misspelt_state``) is looked up in an index of the
names and their letter-less forms, not compared with every listed name: it finds what comparing with every name
finds, for every word of real ECB+ dev articles and for each listed one-word name with a letter dropped, doubled
or added after it."""

from __future__ import annotations

import json
from pathlib import Path

from newsfuse.actors import get_kb
from newsfuse.actors.text import key, letter_less, one_letter_apart, tokenize

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
ECBPLUS = SHARED / "corpus" / "clustering" / "ecbplus" / "documents.jsonl"


def _compared_with_every_name(word: str, date: str | None = None):
    """The rule as written: the one country whose one-word name is one letter apart from the word."""
    kb = get_kb()
    words = key(word)
    if len(words) != 1 or kb.index.get(words) or words in kb.demonyms:
        return None
    near = {
        c.iso
        for c in kb.countries.values()
        for name in (key(n) for n in (c.name, *c.aliases))
        if len(name) == 1 and one_letter_apart(name[0], words[0]) and not words[0].startswith(name[0])
    }
    return kb.entries[f"state:{near.pop()}"].actor(date) if len(near) == 1 else None


def _dev_words(docs: int) -> set[str]:
    words: set[str] = set()
    lines = ECBPLUS.read_text(encoding="utf-8").splitlines()
    for doc in [d for d in map(json.loads, lines) if d["split"] == "dev"][:docs]:
        for sentence in doc["sentences"]:
            text = sentence if isinstance(sentence, str) else " ".join(sentence)
            words |= {t.raw for t in tokenize(text)}
    return words


def _misspellings() -> set[str]:
    kb = get_kb()
    out: set[str] = set()
    for c in kb.countries.values():
        for name in (key(n) for n in (c.name, *c.aliases)):
            if len(name) == 1:
                word = name[0]
                out |= letter_less(word) | {word[: k + 1] + word[k:] for k in range(len(word))} | {word + "n"}
    return {w.capitalize() for w in out}


def test_the_index_finds_what_comparing_with_every_name_finds():
    kb = get_kb()
    words = _dev_words(40) | _misspellings()
    found = {w: kb.misspelt_state(w, "2012-05-01") for w in sorted(words)}
    assert found == {w: _compared_with_every_name(w, "2012-05-01") for w in sorted(words)}
    assert kb.misspelt_state("Ethopia").country == "ETH"  # the rule still reads a dropped letter
    assert sum(actor is not None for actor in found.values()) > 100
