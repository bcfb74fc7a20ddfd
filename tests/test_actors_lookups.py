"""actors: the shortcuts of the linker's per-word lookups answer as the plain lookups do, on real articles
(ECB+) and on random text: the openers of the KB's tables, the first word of a window, the places after a
ship prefix, the words of a short text kept once."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsfuse.actors import link
from newsfuse.actors.kb import get_kb
from newsfuse.actors.link import Doc, agent_after, agent_in_place, demonym_at, kb_match, people_at, scan, title_at
from newsfuse.actors.nonactors import _after_ship_prefixes
from newsfuse.actors.text import SHORT_TEXT, first_word, tokenize
from newsfuse.ingest import iter_inputs
from newsfuse.model import Article, Block, article_id
from newsfuse.nlp import annotate
from newsfuse.pipeline import read_and_clean

ROOT = Path(__file__).resolve().parents[1]
ECBPLUS = ROOT / ".." / "shared" / "corpus" / "clustering" / "ecbplus" / "documents.jsonl"


class Everything:
    """A set holding every word: a KB with these openers looks every name up."""

    def __contains__(self, word: object) -> bool:
        return True


@pytest.fixture(scope="module")
def real_articles(seeds_dir: Path):
    """The three seed reports, five ECB+ documents and a written sentence with peoples and agents in places,
    each one article, analysed and linked."""
    articles = [
        a for item in iter_inputs([str(p) for p in sorted(seeds_dir.glob("*.txt"))]) for a in read_and_clean(item)[1]
    ]
    for line in ECBPLUS.read_text(encoding="utf-8").splitlines()[:5]:
        doc = json.loads(line)
        blocks = tuple(Block("paragraph", s if isinstance(s, str) else " ".join(s)) for s in doc["sentences"])
        articles.append(Article(article_id(blocks), "ecbplus", "text", None, "2009-05-01", None, None, blocks))
    written = (
        "Palestinians said Israeli forces and Kurds had left. Authorities in Moscow said protesters in Cairo had met."
    )
    blocks = (Block("paragraph", written),)
    articles.append(Article(article_id(blocks), "test", "text", None, "2009-05-01", None, None, blocks))
    return [link(a) for a in annotate(articles)]


def test_the_openers_skip_only_lookups_that_find_nothing(real_articles):
    kb = get_kb()
    every = copy.copy(kb)
    for name in ("name_openers", "demonym_openers", "title_openers", "agent_openers", "people_openers"):
        assert getattr(kb, name), name
        setattr(every, name, Everything())
    lookups = (kb_match, demonym_at, title_at, people_at, agent_in_place, agent_after)
    hits = dict.fromkeys(lookups, 0)
    for ann in real_articles:
        text, date = ann.article.text, ann.article.published
        quick, plain = Doc(kb, tokenize(text), date, text), Doc(every, tokenize(text), date, text)
        for i in range(len(quick.toks)):
            for lookup in lookups:
                answer = lookup(quick, i)
                assert answer == lookup(plain, i), (lookup.__name__, text[quick.toks[i].start :][:40])
                hits[lookup] += answer is not None
            assert title_at(quick, i, prefixed=True) == title_at(plain, i, prefixed=True)
        assert scan(quick) == scan(plain)
    assert all(n >= 2 for n in hits.values()), {f.__name__: n for f, n in hits.items()}


def test_the_first_word_is_the_first_word_tokenize_finds(real_articles):
    text = real_articles[0].article.text
    for start in range(0, len(text), 7):
        for width in (0, 1, 20, 60):
            words = tokenize(text[start : start + width])
            assert first_word(text, start, start + width) == (words[0].norm if words else None)


@settings(max_examples=300, deadline=None)
@given(
    text=st.text(st.sampled_from(list("ab.'’s U.S. é_-,Z9\n")), max_size=40),
    start=st.integers(0, 45),
    width=st.integers(0, 45),
)
def test_the_first_word_of_any_window_is_the_first_word_tokenize_finds(text, start, width):
    words = tokenize(text[start : start + width])
    assert first_word(text, start, start + width) == (words[0].norm if words else None)


def test_a_name_after_a_ship_prefix_is_found_where_a_search_of_each_prefix_finds_it(real_articles):
    prefixes = get_kb().ship_prefixes
    texts = [a.article.text for a in real_articles] + ["The INS Mysore and MV Faina; USS Cole, SS SS Blue."]
    asked = 0
    for text in texts:
        after = _after_ship_prefixes(text, prefixes)
        names = [text[t.start : t.end] for t in tokenize(text)] + ["Mysore", "Faina", "Cole", "SS Blue", "Blue"]
        for name in names:
            expected = any(f"{prefix} {name}" in text for prefix in prefixes)
            assert any(text.startswith(name, at) for at in after) == expected
            asked += expected
    assert asked >= 5


def test_the_words_of_a_short_text_are_a_new_list_each_time():
    text = "Israeli forces said on Monday"
    assert len(text) <= SHORT_TEXT
    first = tokenize(text, 10)
    first.pop()
    again = tokenize(text, 10)
    assert [t.raw for t in again] == ["Israeli", "forces", "said", "on", "Monday"]
    assert [(t.start, t.end) for t in again[:2]] == [(10, 17), (18, 24)]
    assert [t.capitalised for t in again] == [True, False, False, False, True]
