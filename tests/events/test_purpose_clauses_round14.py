"""An infinitive clause of purpose has no tense or modal of its own (events round 14, issue 19): its act is as real,
planned, possible or negated as the verb it gives the purpose of. Sentences from PolNeAR train articles and gsr-dev
records, read from ../shared."""

from __future__ import annotations

from polnear_coding import candidates, coded, gsr_text, polnear_sentence  # tests/events/polnear_coding.py


def test_a_purpose_under_may_is_only_possible():
    """ "Warren may play role in push to broker peace between Clinton, Sanders.": no peace brokered, none promised."""
    sentence = polnear_sentence("wash-post_2016-06-09_party-aims-to-heal-primary-wound", "broker peace")
    (broker,) = [m for m, _ in candidates(sentence) if m.trigger == "broker"]
    assert broker.status == "hypothetical"
    assert not [m for m in coded(sentence) if m.trigger == "broker" and m.status == "occurred"]


def test_a_purpose_under_a_negated_verb_is_not_done():
    """ "... has not stepped forward publicly to defend Manafort": no support given, so none coded."""
    sentence = polnear_sentence("huff-post_2016-08-17_the-unhappy-campaign-of-paul-man", "to defend Manafort")
    (defend,) = [m for m, _ in candidates(sentence) if m.trigger == "defend"]
    assert defend.status == "denied"
    assert not [m for m in coded(sentence) if m.trigger == "defend"]


def test_a_purpose_under_a_past_verb_keeps_its_act():
    """ "Tens of thousands of university students ... staged mass demonstrations Saturday to demand political
    reforms ...": the past tense above the purpose leaves the act as it was."""
    found = candidates(gsr_text("PLOVER-GSR01-PROTEST-0004"))
    assert found and all(m.status == "occurred" for m, _ in found)
    assert "PROTEST" in {m.type for m in coded(gsr_text("PLOVER-GSR01-PROTEST-0004"))}
