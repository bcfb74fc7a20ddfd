"""Sentences coded in their article (issue 20): a "he"/"she" subject takes the one person the previous
sentence's subject named, a person the article described by a non-state agent's title counts as
identified, and CAMEO 111 / 051 verbs the hand patterns lacked code. Articles written here."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from newsfuse.events.precision import identified
from newsfuse.model import ActorRef, Article, Block, InputFile
from newsfuse.pipeline import analyse

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks" / "accuracy"


def _benchmark():
    """benchmarks/accuracy/events.py, imported as test_accuracy_events.py does."""
    sys.path.insert(0, str(BENCHMARKS))
    import events as bench

    return bench


def _mentions(text: str):
    article = Article("c1", "c1.json", "json", None, "2016-03-01", None, None, (Block("paragraph", text),))
    [result] = analyse([article], with_embeddings=False)
    return result.mentions


def _coded(mentions, sentence_start: str, type_: str):
    return [m for m in mentions if m.sentence.startswith(sentence_start) and m.type == type_]


def test_a_he_subject_takes_the_one_person_the_previous_subject_named():
    text = "Alabama Sen. Jeff Sessions met voters in Ohio on Monday. On Sunday, he criticized Donald Trump."
    [m] = _coded(_mentions(text), "On Sunday", "ACCUSE")
    assert [a.name for a in m.source_actors] == ["Jeff Sessions"]
    assert [a.name for a in m.target_actors] == ["Donald Trump"]
    assert m.confidence >= 0.5


def test_a_bare_surname_subject_passes_its_person_on():
    text = (
        "Alabama Sen. Jeff Sessions met voters in Ohio on Monday. Sessions is a respected conservative. "
        "On Sunday, he criticized Donald Trump."
    )
    [m] = _coded(_mentions(text), "On Sunday", "ACCUSE")
    assert [a.name for a in m.source_actors] == ["Jeff Sessions"]


@pytest.mark.parametrize(
    "text",
    [
        # two persons in the previous subject: either could be "he"
        "Donald Trump and Ted Cruz met voters on Monday. He criticized Hillary Clinton.",
        # a person named earlier in the sentence competes with the previous subject
        "Vermont Sen. Bernie Sanders spoke on Monday. After meeting Ted Cruz, he criticized Hillary Clinton.",
        # the subject is a person's belonging, not the person: "he" is the manager
        "Donald Trump's campaign manager spoke on Monday. He criticized Hillary Clinton.",
    ],
)
def test_the_pronoun_stays_unresolved_when_its_person_is_not_the_only_candidate(text):
    for m in _coded(_mentions(text), text.split(". ")[1][:8], "ACCUSE"):
        assert not m.source_actors
        assert m.confidence < 0.5


def test_a_pronoun_in_quoted_words_or_after_another_person_in_focus_stays_unresolved():
    quoted = 'Alabama Sen. Jeff Sessions spoke on Monday. "He criticized Donald Trump," the aide said.'
    for m in _coded(_mentions(quoted), '"He', "ACCUSE"):
        assert not m.source_actors
    focus = (
        "After the vote, she praised the plan, and Vermont Sen. Bernie Sanders spoke on Monday. "
        "He criticized Donald Trump."
    )
    for m in _coded(_mentions(focus), "He criticized", "ACCUSE"):
        assert not m.source_actors


def test_a_him_or_her_object_takes_the_only_person_the_previous_sentence_named():
    text = "Hillary Clinton spoke in Ohio on Monday. Donald Trump criticized her on Tuesday."
    [m] = _coded(_mentions(text), "Donald Trump", "ACCUSE")
    assert [a.name for a in m.target_actors] == ["Hillary Clinton"]
    # the previous sentence named two persons: either could be "her"
    text = "Hillary Clinton met Bernie Sanders in Ohio on Monday. Donald Trump criticized her on Tuesday."
    [m] = _coded(_mentions(text), "Donald Trump", "ACCUSE")
    assert not m.target_actors and m.confidence < 0.5
    # a plain object pronoun is never its own clause's subject: "she praised her" is someone else
    text = "Hillary Clinton spoke in Ohio on Monday. She praised her on Tuesday."
    for m in _coded(_mentions(text), "She praised", "SUPPORT"):
        assert not m.target_actors


def test_an_event_a_person_cites_is_not_done_by_them():
    text = "Hillary Clinton canceled a rally in Ohio on Sunday, citing the attack."
    assert not [m for m in _mentions(text) if m.type == "ASSAULT" and m.confidence >= 0.5]


def test_a_described_non_state_agent_is_identified_but_a_stateless_office_is_not():
    host = ActorRef("Joe Doe", None, "MED", "MSNBC talk show host", "person:joe-doe")
    senator = ActorRef("Jane Roe", None, "LEG", "Sen.", "person:jane-roe")
    unknown = ActorRef("John Poe", None, "MED", None, None)
    assert identified(host)
    assert not identified(senator)
    assert not identified(unknown)


@pytest.mark.parametrize("verb", ["berated", "mocked", "scolded", "disparaged"])
def test_cameo_111_verbs_code_criticism(verb):
    [m] = _coded(_mentions(f"Hillary Clinton {verb} Donald Trump on Tuesday."), "Hillary", "ACCUSE")
    assert m.mode == "disapprove"
    assert [a.name for a in m.source_actors] == ["Hillary Clinton"]
    assert [a.name for a in m.target_actors] == ["Donald Trump"]


def test_a_sampled_sentence_is_coded_in_its_article():
    text = "Alabama Sen. Jeff Sessions met voters in Ohio on Monday.\nOn Sunday, he criticized Donald Trump."
    data = json.dumps({"id": "doc", "title": "Sessions on the trail", "text": text}).encode("utf-8")
    rows = [{"id": "doc/1", "text": "On Sunday, he criticized Donald Trump."}]
    [shown], problems = _benchmark().code_in_articles(rows, {"doc": InputFile.of("doc.json", data)})
    assert problems == []
    assert shown is not None and shown.type == "ACCUSE"
    assert [a.name for a in shown.source_actors] == ["Jeff Sessions"]


def test_locate_finds_a_sentence_the_cleaner_respaced():
    bench = _benchmark()
    assert bench.locate("He  said   so.", "Before. He said\nso. After.") == (8, 19)
    assert bench.locate("Not there.", "Before. After.") is None


def test_want_requests_only_of_someone_it_names():
    [m] = _coded(_mentions("Donald Trump wants Mexico to pay for the wall."), "Donald", "REQUEST")
    assert [a.name for a in m.target_actors] == ["Mexico"]
    assert not _coded(_mentions("Marco Rubio wants a tax cut and a war with Iran."), "Marco", "REQUEST")


def test_political_attacks_are_words_not_force():
    found = _mentions("Donald Trump put out political attacks against Jeb Bush on Monday.")
    assert not [m for m in found if m.type == "ASSAULT"]
    assert [m.mode for m in found if m.type == "ACCUSE"] == ["disapprove"]


@pytest.mark.parametrize(
    "text",
    [
        "Donald Trump and Ted Cruz are fighting it out for first place in Iowa.",
        "Trump and Cruz fought for the nomination.",
    ],
)
def test_a_fight_for_votes_or_an_office_is_no_use_of_force(text):
    assert not [m for m in _mentions(text) if m.type in ("ASSAULT", "THREATEN")]


def test_a_fight_for_a_town_is_still_one():
    found = _mentions("Serbian troops fought for control of the town against Kosovo rebels.")
    assert [m.type for m in found if m.confidence >= 0.5] == ["ASSAULT"]
