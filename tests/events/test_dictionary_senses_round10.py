"""Issue 19's tenth round: types the coder missed where the CAMEO verb dictionary or an English dictionary names the
sense. Support voiced, declared or reaffirmed, and an endorsement announced, are SUPPORT (CAMEO VOICE, DECLARE,
REAFFIRM "* SUPPORT", DELIVER "* ENDORSEMENT" [051]), while support pledged stays an intent (PLEDGE "* SUPPORT" [032]:
AGREE); "discredit", "rebut", "taunt" and "rail at" disapprove in words (CAMEO 11x: ACCUSE); violating a ceasefire is
fighting (BREACH/VIOLATE "* &CEASEFIRE" [196]: ASSAULT), not the defiance of a norm (128: REJECT). Sentences of PolNeAR
sets A-H's articles (read) and a gsr-dev record, in ../shared."""

from __future__ import annotations

from polnear_coding import candidates, coded, names  # tests/events/polnear_coding.py
from polnear_coding import gsr_text as _gsr_text
from polnear_coding import polnear_sentence as _sentence

PERRY = "west-journal_2016-01-25_rick-perry-just-announced-his-of"
RAILED = "west-journal_2015-12-07_immediately-after-obama-s-terror"
TYSON = "breitbart_2016-06-29_donald-trump-denies-mike-tyson-i"
LE_PEN = "huff-post_2016-08-31_france-s-marine-le-pen-backs-tru"
SESSIONS = "west-journal_2016-03-01_right-after-this-big-name-senato"


def _coded(sentence: str, trigger: str, date: str | None = None):
    found = [m for m in coded(sentence, date) if m.trigger == trigger]
    assert found, f"nothing coded on {trigger!r}"
    return found[0]


def test_an_announced_endorsement_is_support_of_the_one_endorsed():
    m = _coded(_sentence(PERRY, "announced his endorsement"), "announced", "2016-01-25")
    assert m.type == "SUPPORT"
    assert names(m.source_actors) == {"Rick Perry"} and names(m.target_actors) == {"Ted Cruz"}


def test_voiced_support_is_support_of_the_one_it_is_for():
    m = _coded(_sentence(LE_PEN, "voiced support for"), "voiced", "2016-08-31")
    assert m.type == "SUPPORT" and names(m.target_actors) == {"Donald Trump"}


def test_pledged_support_stays_an_intent():
    m = _coded(_sentence(SESSIONS, "pledged his support"), "pledged", "2016-03-01")
    assert m.type == "AGREE"


def test_railing_at_a_person_is_criticism_of_that_person():
    m = _coded(_sentence(RAILED, "railed at"), "railed", "2015-12-07")
    assert (m.type, m.mode) == ("ACCUSE", "disapprove")
    assert names(m.source_actors) == {"Donald Trump"} and names(m.target_actors) == {"Barack Obama"}


def test_discrediting_a_report_is_criticism_of_its_author():
    m = _coded(_sentence(TYSON, "is discrediting an earlier report"), "discrediting", "2016-06-29")
    assert m.type == "ACCUSE"
    assert names(m.source_actors) == {"Donald Trump"} and "Bloomberg" in names(m.target_actors)


def test_violating_a_ceasefire_is_fighting_not_a_rejection():
    found = [m for m, _ in candidates(_gsr_text("PLOVER-GSR01-FIGHT-0015")) if m.trigger == "violating"]
    assert [m.type for m in found] == ["ASSAULT"]
