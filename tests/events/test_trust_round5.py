"""Issue 19's fifth round: a warning about what another has done ("warned that Trump had elevated the dangers")
threatens nothing, it finds fault; a past participle after a noun with its "by" agent ("a professor, accused by the
Turkish government") acts on that noun; "calling for X to ..." asks X though the parse hangs "for" on the infinitive;
"suggested X should ..." is an appeal (CAMEO SUGGEST, 020); a comma-spliced clause ("Clinton hit Sanders on
immigration, she hit him on guns") is an act of its own, not the content of the next; "hit" between two persons is an
attack in words. The sentences are read from the PolNeAR train articles of set G (read in this round) in ../shared;
gsr-dev and reading-sample sentences show what is kept."""

from __future__ import annotations

from polnear_coding import analysed as _analysed  # tests/events/polnear_coding.py
from polnear_coding import candidates as _candidates
from polnear_coding import names
from polnear_coding import polnear_sentence as _sentence

SHOWN = 0.5  # events.min_confidence (data/abstain.yaml)
BIDEN = "nyt_2016-08-17_biden-calls-trump-risk-to-u-s-sa"
PROFESSOR = "usa-today_2016-08-24_turkish-suspect-donated-to-clint"
CLINTON_CALLS = "breitbart_2015-11-19_hillary-clinton-calls-on-u-s-to-"
LOW_BLOWS = "politico_2016-04-11_clinton-and-sanders-trade-low-bl"


def _shown(sentence: str, date: str | None = None):
    return [m for m in _analysed(sentence, date).mentions if m.confidence >= SHOWN]


def test_a_warning_about_a_deed_done_is_criticism_not_a_threat():
    found = _shown(_sentence(BIDEN, "warned this week that"), "2016-08-17")
    assert not [m for m in found if m.type == "THREATEN"]
    [accusation] = [m for m in found if m.trigger == "warned"]
    assert accusation.type == "ACCUSE" and accusation.mode == "disapprove"
    assert "Trump" in " ".join(names(accusation.target_actors))


def test_a_warning_of_what_is_to_come_is_still_a_threat():
    # gsr-dev THREATEN-0020: the clause tells a future act ("police will no longer tolerate rallies")
    sentence = (
        "Cairo's security chief has warned that police will no longer tolerate rallies by the Kifaya "
        "(``Enough'') group."
    )
    assert [m.type for m, _ in _candidates(sentence) if m.trigger == "warned"] == ["THREATEN"]


def test_a_warning_quoted_with_its_attribution_is_no_past_warning():
    # reading sample 2: the quote's attribution ("Trump told") hangs under "warned"; the warning itself is of what
    # "will be", and the accusation it answers is kept
    sentence = _sentence("usa-today_2016-01-05_bill-is-back-hillary-s-husband-o", "accused him of sexism")
    found = {m.trigger: m.type for m, _ in _candidates(sentence, "2016-01-05")}
    assert found.get("warned") == "THREATEN" and found.get("accused") == "ACCUSE"


def test_a_participle_with_its_agent_acts_on_the_noun_it_follows():
    # "An Istanbul-based college professor, accused by the Turkish government of ...": the professor is accused, and
    # no actor names him: the recipient is due and unknown, so the coder does not show the act
    sentence = _sentence(PROFESSOR, "accused by the Turkish government")
    [(accusation, evidence)] = [(m, ev) for m, ev in _candidates(sentence, "2016-08-24") if m.trigger == "accused"]
    assert evidence.recipient_due and not accusation.target_actors
    assert accusation.confidence < SHOWN


def test_calling_for_a_state_to_act_asks_that_state():
    found = _shown(_sentence(CLINTON_CALLS, "is calling for the United States"), "2015-11-19")
    assert [(m.type, names(m.target_actors)) for m in found if m.trigger == "calling"] == [
        ("REQUEST", {"United States"})
    ]


def test_suggesting_what_another_should_do_is_an_appeal():
    # alone, the bare "Clinton" is placed by no earlier sentence: the act is found, its doer left unidentified
    sentence = _sentence(CLINTON_CALLS, "suggested the United States should")
    found = [(m.type, names(m.target_actors)) for m, _ in _candidates(sentence, "2015-11-19")]
    assert found == [("REQUEST", {"United States"})]


def test_a_comma_spliced_clause_is_an_act_of_its_own():
    found = _shown(_sentence(LOW_BLOWS, "hit Bernie Sanders on immigration"), "2016-04-11")
    hits = [(m.type, names(m.source_actors), names(m.target_actors)) for m in found if m.trigger == "hit"]
    assert ("ACCUSE", {"Hillary Clinton"}, {"Bernie Sanders"}) in hits
    assert not [m for m in found if m.type == "ASSAULT"]
