"""Acts a sentence does not report, and parties that name no actor (events round 15, issue 19): an act in a
comparative clause is the measure of another; an act in a non-restrictive who-clause describes a person the sentence
has named; a people or a faith placed in no state names no actor (PLOVER manual ch. 5, 5.1, 7.5), so the side it
stood on is unknown.
Sentences from PolNeAR train articles and gsr-dev records, read from ../shared."""

from __future__ import annotations

from polnear_coding import candidates, coded, gsr_text, polnear_sentence  # tests/events/polnear_coding.py


def _dropped(sentence: str, trigger: str) -> set[str | None]:
    return {ev.dropped for m, ev in candidates(sentence) if m.trigger == trigger}


def test_an_act_in_a_than_clause_is_only_the_measure():
    """ "... requiring refiners to use fewer gallons of ethanol than Congress had demanded when it created ...":
    Congress's demand of 2007 is what the mandate is measured against, no demand the article reports."""
    sentence = polnear_sentence("politico_2015-11-24_clinton-s-iowa-dilemma", "than Congress had demanded")
    assert _dropped(sentence, "demanded") == {"comparison"}
    assert not [m for m in coded(sentence) if m.trigger == "demanded"]


def test_a_who_clause_on_a_named_person_describes_him():
    """ "... against Israeli right-winger Ariel Sharon, who has vowed not to return the Golan Heights to Syria ...":
    the vow tells who Sharon is; the sentence reports the Syrian newspaper's call."""
    sentence = gsr_text("PLOVER-GSR01-DISAPPROVE-0011")
    assert _dropped(sentence, "vowed") == {"description"}
    assert not [m for m in coded(sentence) if m.trigger == "vowed"]


def test_a_threat_in_a_who_clause_is_no_threat_reported():
    """ "CNN President Jeff Zucker isn't kowtowing to ... Donald Trump, who has threatened not to show up to the next
    debate ... unless he is paid $5 million." """
    sentence = polnear_sentence("huff-post_2015-12-03_cnn-president-on-trump-we-do-not", "who has threatened")
    assert _dropped(sentence, "threatened") == {"description"}


def test_a_where_clause_keeps_its_acts():
    """ "Donald Trump's surprise visit to Mexico, where he met the Mexican president and discussed ...": a clause on
    a place (where), no description of a person: the meeting is still coded."""
    sentence = polnear_sentence("west-journal_2016-09-06_schlafly-s-final-column-explains", "where he met the Mexican")
    assert _dropped(sentence, "met") == {None}
    assert [m for m in coded(sentence) if m.trigger == "met" and m.type == "CONSULT"]


def test_a_people_placed_in_no_state_names_no_actor():
    """ "Up to 1,000 ethnic Turks began a hunger strike ... against Sweden's decision to send them back to Bulgaria
    ...": two states named, so the people is placed in neither; the protest is coded with its doer unknown."""
    (strike,) = [m for m in coded(gsr_text("PLOVER-GSR01-PROTEST-0007")) if m.type == "PROTEST"]
    assert not strike.source_actors
    assert {a.country for a in strike.target_actors} == {"SWE"}


def test_an_act_of_an_unplaced_people_alone_names_no_party():
    """ "Ethnic Albanians have sworn to fight until they gain control of villages near Macedonia's border with
    Bulgaria ...": with the people unplaced, the oath has no named party, so it is not coded."""
    sentence = gsr_text("PLOVER-GSR01-THREATEN-0023")
    (sworn,) = [m for m, _ in candidates(sentence) if m.trigger == "sworn"]
    assert not sworn.source_actors and not sworn.target_actors
    assert not [m for m in coded(sentence) if m.trigger == "sworn"]


def test_a_people_placed_by_its_sentence_keeps_its_act():
    """ "Islamic fundamentalists continued their hunger strike to demand the resignation of Algerian President ...":
    the faith is placed in Algeria (round 13), so it is an actor and the protest is coded."""
    (strike,) = [m for m in coded(gsr_text("PLOVER-GSR01-PROTEST-0008")) if m.type == "PROTEST"]
    assert {a.country for a in strike.source_actors} == {"DZA"}


def test_a_people_beside_a_named_actor_keeps_its_act():
    """ "Druze inhabitants of the Syrian Golan Heights threatened today to hold a general strike unless Israel
    rescinded its annexation ...": the Druze stay unplaced (two states), but their side also names an actor."""
    (threat,) = [m for m in coded(gsr_text("PLOVER-GSR01-THREATEN-0016")) if m.type == "THREATEN"]
    assert any(a.actor_id == "cvl:druze" for a in threat.source_actors)
    assert any(a.country for a in threat.source_actors)
