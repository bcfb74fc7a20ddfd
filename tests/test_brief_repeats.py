"""One account says a thing once, and names what a line points back to before the line: a sentence
that repeats a line taken in other inflections is left out; a sentence opening with "the two men" or
"the other" follows a line that names them, or is left out (stories/brief.py, references.py).
Articles written here."""

from __future__ import annotations

import pytest

from newsfuse.model import Article, Block, Story
from newsfuse.nlp import annotate
from newsfuse.stories.brief import briefing
from newsfuse.stories.references import leaning_names, unnamed_referents
from newsfuse.stories.sentences import content_words, overlap, stems

FIRST = (
    "A crane collapsed at the port of Mombasa on Monday, killing one dock worker and injuring two men, "
    "the port authority said.",
    "Harold Mwangi Jr., 52, the operator of the crane, was questioned by police on Monday evening.",
    "The port authority expects to reopen the damaged berth next week.",
    "A pistol was found in the silver Ford Fusion Mwangi was driving, police said.",
)
SECOND = (
    "A dock crane collapsed at the port of Mombasa on Monday, killing a worker and injuring two men, "
    "port officials said.",
    "Officials expected the damaged berths to be reopened in the coming week.",
    "The families of the two injured men asked for privacy, a hospital spokeswoman said.",
)
THIRD = (
    "One dock worker was killed when a crane collapsed at the port of Mombasa on Monday, the port authority said.",
    "The other was treated for cuts at a hospital in Mombasa and released.",
)


def _article(aid: str, title: str, paragraphs: tuple[str, ...]) -> Article:
    blocks = tuple(Block("paragraph", p) for p in paragraphs)
    return Article(aid, f"{aid}.json", "json", title, "2026-03-09", f"Outlet {aid}", None, blocks)


@pytest.fixture(scope="module")
def written():
    articles = [
        _article("a1", "Crane collapses at Mombasa port", FIRST),
        _article("a2", "Dock crane collapse kills worker in Mombasa", SECOND),
        _article("a3", "Worker killed as crane falls at Mombasa port", THIRD),
    ]
    return articles, {p.article.id: p for p in annotate(articles)}


@pytest.fixture(scope="module")
def account(written):
    articles, parsed = written
    story = Story("s", "Crane collapse", tuple(a.id for a in articles))
    return [x["text"] for x in briefing(story, [], {a.id: a for a in articles}, [], parsed)["account"]]


def test_inflections_are_taken_off_before_two_sentences_are_compared():
    assert stems(["expected", "expects", "expect"]) == {"expect"}
    assert stems(["berths", "reopened", "reopen", "debated", "debate"]) == {"berth", "reopen", "debat"}
    assert stems(["discuss", "ministries", "was"]) == {"discuss", "ministry", "was"}


def test_a_sentence_that_repeats_a_line_in_other_inflections_is_left_out(account):
    expects, expected = content_words(FIRST[2]), content_words(SECOND[1])
    assert overlap(expects, expected) < 0.5 <= overlap(stems(expects), stems(expected))  # the words alone differ
    assert sum(line in (FIRST[2], SECOND[1]) for line in account) == 1


def test_a_description_pointing_back_is_found_in_the_sentences_opening(written):
    _, parsed = written
    [families] = unnamed_referents(SECOND[2], parsed["a2"])
    assert set(families) == {frozenset({"men", "man"}), frozenset({"two", "2"})}
    assert unnamed_referents(THIRD[1], parsed["a3"]) == [[frozenset()]]  # "the other": no noun a line can name
    assert unnamed_referents(SECOND[0], parsed["a2"]) == []  # "two men" introduces them
    assert unnamed_referents(SECOND[2], None) == []  # no parse, nothing found


def test_a_line_pointing_back_follows_one_that_names_what_it_means_or_is_left_out(account):
    assert THIRD[1] not in account  # "The other": nothing names who
    if SECOND[2] in account:
        before = account[: account.index(SECOND[2])]
        assert any("two men" in line for line in before)


def test_a_surname_leans_on_the_full_name_less_its_suffix_even_after_a_cars_name(written):
    _, parsed = written
    assert leaning_names(FIRST[3], parsed["a1"]) == ["Harold Mwangi"]
