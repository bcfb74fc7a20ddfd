"""Issue 19's twelfth round: multi-word patterns of the CAMEO verb dictionary the hand patterns did not cover. Backing
down is yielding, not backing (BACK "* DOWN", "* OFF" [080]); frustration or disappointment expressed is disapproval
(EXPRESS "* FRUSTRATION" [110]); an actor attacked or hit for what it did is criticised (the ATTACK/HIT block's
"* (FOR)" [111]), while "hit" with a place for object stays no criticism ("hit the campaign trail for the first
time"). Sentences of PolNeAR train articles (sets A-H's and unsampled ones), in ../shared."""

from __future__ import annotations

from polnear_coding import candidates, coded, names  # tests/events/polnear_coding.py
from polnear_coding import polnear_sentence as _sentence

AIDES = "wash-post_2016-06-27_the-revolutionary-s-next-tactic-"
DEBATE = "huff-post_2016-02-07_the-latest-gop-debate-kicked-off"
PARTY = "politico_2016-08-30_wasserman-schultz-survives-spiri"
SCHILLING = "nyt_2016-04-21_espn-fires-schilling-over-an-off"
BIDEN = "breitbart_2016-08-15_biden-stumping-for-clinton-trash"


def test_expressed_frustration_is_disapproval_of_the_one_it_is_over():
    found = [m for m in coded(_sentence(AIDES, "expressed frustration"), "2016-06-27") if m.trigger == "expressed"]
    assert [(m.type, m.mode) for m in found] == [("ACCUSE", "disapprove")]
    assert names(found[0].target_actors) == {"Bernie Sanders"}


def test_attacking_a_rival_for_an_omission_is_criticism():
    found = [m for m in coded(_sentence(DEBATE, "attacked Rubio for"), "2016-02-07") if m.trigger == "attacked"]
    assert [m.type for m in found] == ["ACCUSE"]
    assert names(found[0].source_actors) == {"Chris Christie"} and names(found[0].target_actors) == {"Marco Rubio"}


BACKED_DOWN = ((PARTY, "eventually backed down", "2016-08-30"), (SCHILLING, "did not back down", "2016-04-21"))


def test_backing_down_is_no_backing():
    for name, words, date in BACKED_DOWN:
        types = {m.type for m, _ in candidates(_sentence(name, words), date) if m.trigger.startswith("back")}
        assert "SUPPORT" not in types


def test_hitting_the_campaign_trail_for_the_first_time_is_no_criticism():
    sentence = _sentence(BIDEN, "hit the 2016 campaign trail")
    hits = [m for m, _ in candidates(sentence, "2016-08-15") if m.trigger == "hit"]
    assert all(m.type != "ACCUSE" for m in hits)
