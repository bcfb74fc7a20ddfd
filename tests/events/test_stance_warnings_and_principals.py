"""A warning about what another party holds or does now ("warned that Clinton opposes the Second Amendment") finds
fault with it, it threatens nothing (PLOVER manual 3.11: a threat announces the speaker's own act); the one an act is
done on behalf of is the doer's principal, never its recipient (manual 2.4.1). Sentences of PolNeAR set C's articles
(read in round 8) in ../shared; gsr-dev sentences show what is kept."""

from __future__ import annotations

from polnear_coding import candidates as _candidates  # tests/events/polnear_coding.py
from polnear_coding import polnear_sentence as _sentence

SECOND_AMENDMENT = "usa-today_2016-08-10_nd-amendment-people-his-secret-w"
GRAYSON = "politico_2016-07-29_sex-lies-and-the-grayson-family-"


def _coded(sentence: str, date: str | None = None) -> list[tuple[str, str, set[str]]]:
    return [(m.trigger, m.type, {a.name for a in m.target_actors}) for m, _ in _candidates(sentence, date)]


def test_a_warning_about_what_another_holds_now_is_criticism():
    sentence = _sentence(SECOND_AMENDMENT, "warned that Clinton opposes")
    [(trigger, type_, targets)] = [c for c in _coded(sentence, "2016-08-10") if c[0] == "warned"]
    assert type_ == "ACCUSE" and "Clinton" in " ".join(targets)


def test_a_warning_of_a_future_act_with_a_modal_is_still_a_threat():
    # gsr-dev THREATEN-0020: "will no longer tolerate" is what the police are to do
    sentence = (
        "Cairo's security chief has warned that police will no longer tolerate rallies by the Kifaya "
        "(``Enough'') group."
    )
    assert [t for trigger, t, _ in _coded(sentence) if trigger == "warned"] == ["THREATEN"]


def test_the_one_an_act_is_done_on_behalf_of_is_no_recipient():
    sentence = _sentence(GRAYSON, "on behalf of his new wife")
    found = [(t, targets) for trigger, t, targets in _coded(sentence, "2016-07-29") if trigger == "phoning"]
    assert found and all(not targets for _, targets in found)
