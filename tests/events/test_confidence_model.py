"""Issue 19's seventh round: a mention's confidence is a fitted model's probability that its type and roles are right
(events/calibration.py, coefficients in events/data/calibration.yaml, fitted by
benchmarks/accuracy/events_calibration.py on gsr-dev and PolNeAR sets A-I), and a mention is shown from the
cross-validated threshold stored beside them; round 8 adds whether an embedded act is only what the sentence's
attribution reports ("X did Y, police said"). The sentences are a gsr-dev record's and PolNeAR set A's (read), in
../shared."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
from polnear_coding import analysed  # tests/events/polnear_coding.py
from polnear_coding import gsr_text as _gsr_text
from polnear_coding import polnear_sentence as _sentence

from newsfuse.events import RuleExtractor, calibration
from newsfuse.events.ontology import min_confidence

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks" / "accuracy"))
import events_calibration as refit  # noqa: E402

CRITICIZING = "huff-post_2016-06-23_why-hillary-clinton-s-attacks-on"
MCAULIFFE = "politico_2016-04-22_virginia-governor-restores-votin"


def _featured(sentence: str, date: str | None = None):
    return RuleExtractor().featured(analysed(sentence, date).annotated)


def test_a_mentions_confidence_is_the_fitted_probability_of_its_features():
    found = _featured(_gsr_text("PLOVER-GSR01-AGREE-0004"))  # "Jordan and Britain have agreed to undertake ..."
    assert found
    for m, features in found:
        assert m.confidence == round(calibration.probability(features) or 0.0, 3)


def test_a_mention_is_shown_from_the_cross_validated_threshold():
    assert calibration.show_threshold() is not None
    assert min_confidence() == calibration.show_threshold()


def test_a_head_verb_between_two_people_is_shown():
    # set A: "Hillary Clinton has been criticizing Donald Trump for embracing debt, and ...": the sentence's head verb
    sentence = _sentence(CRITICIZING, "has been criticizing")
    [(m, f)] = [(m, f) for m, f in _featured(sentence, "2016-06-23") if m.trigger == "criticizing"]
    assert m.type == "ACCUSE"
    assert f["embedded"] == 0.0 and f["source_person"] == f["target_person"] == f["verbal_type"] == 1.0
    assert m.confidence >= min_confidence()


def test_an_act_told_inside_a_reported_clause_without_its_recipient_is_not_shown():
    # set A: "During his announcement, McAuliffe noted that he had already helped restore voting rights to 18,000
    # Virginians ...": the act hangs under "noted" and names no recipient the linker knows
    sentence = _sentence(MCAULIFFE, "helped restore voting rights")
    [(m, f)] = [(m, f) for m, f in _featured(sentence, "2016-04-22") if m.trigger == "helped"]
    assert f["embedded"] == 1.0 and f["sign:reported"] == 1.0
    assert m.confidence < min_confidence()


def test_an_act_framed_by_the_sentences_attribution_is_told_as_the_main_one():
    # "Jordan and Britain have agreed to undertake joint military exercises this month, a Jordanian official
    # confirmed.": the act hangs under "confirmed", the verb of saying that heads the sentence
    [(m, f)] = [(m, f) for m, f in _featured(_gsr_text("PLOVER-GSR01-AGREE-0004")) if m.trigger == "agreed"]
    assert f["embedded"] == f["reporting_frame"] == 1.0
    unframed = calibration.probability({**f, "reporting_frame": 0.0}) or 0.0
    assert m.confidence > round(unframed, 3)


def test_an_act_in_a_purpose_clause_is_embedded_and_not_framed():
    # "Syria has again offered its troops to Lebanon's new President Elias Hrawi to help him oust General Michel
    # Aoun ...": "help" is the offer's purpose, no verb of saying reports it
    [f] = [f for m, f in _featured(_gsr_text("PLOVER-GSR01-AGREE-0014")) if m.trigger == "help"]
    assert f["embedded"] == 1.0 and f["reporting_frame"] == 0.0


def test_the_refit_script_fits_a_logistic_regression():
    # the Newton steps reach the penalised maximum likelihood: its gradient is zero
    rng = np.random.default_rng(7)
    x = rng.integers(0, 2, size=(300, 4)).astype(float)
    y = (rng.random(300) < 1 / (1 + np.exp(-(0.5 + x @ np.array([1.5, -2.0, 0.0, 0.7]))))).astype(float)
    b, w = refit.fit(x, y, l2=1.0)
    p = refit.predict(b, w, x)
    assert abs(float(np.sum(p - y))) < 1e-6  # the intercept's gradient (unpenalised)
    assert np.allclose(x.T @ (p - y) + 1.0 * w, 0.0, atol=1e-6)
    assert w[0] > 0.5 and w[1] < -0.5


def test_the_threshold_is_the_lowest_that_reaches_the_target_on_every_corpus():
    rows = [
        {"threshold": 0.5, "gsr": {"shown": 10, "precision": 0.9}, "polnear": {"shown": 4, "precision": 0.5}},
        {"threshold": 0.6, "gsr": {"shown": 8, "precision": 0.875}, "polnear": {"shown": 2, "precision": 1.0}},
        {"threshold": 0.7, "gsr": {"shown": 5, "precision": 1.0}, "polnear": {"shown": 0, "precision": None}},
    ]
    assert refit.choose_threshold(rows, ("gsr", "polnear")) == 0.6
