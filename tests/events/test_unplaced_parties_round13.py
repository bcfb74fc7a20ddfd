"""Parties the actor stage leaves without a country (events round 13, issue 19): a people or a faith with no state of
its own takes the one state whose people or bodies its sentence names (PLOVER manual 5.1: the country field is the
country an actor is associated with; religion and ethnicity are fields of their own), and a country's one-word name
misspelt by a letter dropped or doubled is that country. The sentences are gsr-dev records' texts."""

from __future__ import annotations

import json
from pathlib import Path

from polnear_coding import coded, gsr_text, names  # tests/events/polnear_coding.py

from newsfuse.actors import get_kb


def _countries(actors) -> set[str | None]:
    return {a.country for a in actors}


def test_a_faith_acting_against_a_states_president_is_of_that_state():
    """ "Islamic fundamentalists continued their hunger strike to demand the resignation of Algerian President ..." """
    (strike,) = [m for m in coded(gsr_text("PLOVER-GSR01-PROTEST-0008")) if m.type == "PROTEST"]
    assert [a.name for a in strike.source_actors] == ["Islamic radicals"]
    assert _countries(strike.source_actors) == {"DZA"}


def test_demonstrators_of_a_faith_fired_on_by_a_states_police_are_of_that_state():
    """ "Egyptian police opened fire to disperse Moslem fundamentalist demonstrators ..." """
    (fire,) = [m for m in coded(gsr_text("PLOVER-GSR01-FIGHT-0006")) if m.type == "ASSAULT"]
    assert _countries(fire.source_actors) == {"EGY"}
    assert _countries(fire.target_actors) == {"EGY"}


def test_a_state_named_only_by_its_things_places_no_group():
    """ "Muslim hackers ... have defaced nearly 3,000 Danish Web sites": Danish sites are no Danish people or body.
    (Round 15: a people left unplaced names no actor, so the act's doer is unknown rather than "Muslim civilians".)"""
    (defaced,) = [m for m in coded(gsr_text("PLOVER-GSR01-COERCE-0015")) if m.type == "COERCE"]
    assert not defaced.source_actors
    assert _countries(defaced.target_actors) == {"DNK"}


def test_a_sentence_of_two_states_places_no_group():
    """ "Druze inhabitants of the Syrian Golan Heights threatened ... unless Israel rescinded its annexation" """
    (threat,) = [m for m in coded(gsr_text("PLOVER-GSR01-THREATEN-0016")) if m.type == "THREATEN"]
    druze = [a for a in threat.source_actors if a.actor_id == "cvl:druze"]
    assert druze and druze[0].country is None


def test_a_misspelt_country_is_the_country():
    """ "Ethopia has agreed to re-open its borders to UN peackeepers ..." """
    (agreed,) = [m for m in coded(gsr_text("PLOVER-GSR01-AGREE-0029")) if m.trigger == "agreed"]
    assert [a.name for a in agreed.source_actors] == ["Ethiopia"]
    assert [a.name for a in agreed.target_actors] == ["United Nations"]


def test_a_misspelt_country_can_be_the_recipient():
    """ "Pakistan President Mohammad Zia-Ul-Haq today rejected a fresh offer from Afganistan ..." """
    (rejected,) = [m for m in coded(gsr_text("PLOVER-GSR01-REJECT-0026")) if m.type == "REJECT"]
    assert [a.name for a in rejected.target_actors] == ["Afghanistan"]


def test_a_known_name_is_never_read_as_a_misspelling():
    kb = get_kb()
    assert kb.misspelt_state("Phillippines").name == "Philippines"
    assert kb.misspelt_state("Austria") is None  # a country of its own, no "Australia"
    assert kb.misspelt_state("Irak") is None  # a letter changed, not dropped or doubled: "Iraq" or "Iran"?
    assert kb.misspelt_state("Nigerian") is None  # a demonym the knowledge base knows
    assert kb.misspelt_state("Jordans") is None  # a name with an s is a plural ("the Jordans"), no slip


def _ecbplus_sentence(doc_id: str, starts: str) -> str:
    documents = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus" / "clustering" / "ecbplus"
    for line in (documents / "documents.jsonl").read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        if doc["doc_id"] == doc_id:
            return next(" ".join(s) for s in doc["sentences"] if " ".join(s).startswith(starts))
    raise LookupError(doc_id)


def test_a_country_name_with_a_letter_after_it_is_another_word_not_the_country():
    """ECB+ dev 12_10ecb: "The Indian navy has captured 23 Somalian pirates ." The pirates are Somalis, not the state
    Somalia: a demonym the knowledge base does not list is no misspelling of the country's name."""
    kb = get_kb()
    assert kb.misspelt_state("Somalian") is None
    sentence = _ecbplus_sentence("12_10ecb", "The Indian navy has captured")
    assert "Somalian pirates" in sentence
    for m in coded(sentence):
        assert "Somalia" not in names(m.target_actors)
