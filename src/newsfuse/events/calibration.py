"""How sure is a mention: a logistic model over what the coder knows of it, fitted on hand-coded sentences.

The features are facts the coder has already decided (data/calibration.yaml ``features`` says what each is): the
weak signs of data/precision.yaml's ``confidence`` (present or not), how the trigger matched (a hand pattern on a
verb or a noun, the CAMEO lexicon, an override of the pattern's type), whether the recipient was guessed rather
than named in the act's phrase, whether a side is a pronoun resolved to a person another sentence named, whether the
act stands below the sentence's head (and whether only as what the sentence's attribution reports: "X did Y, police
said"), and what kind of actor stands on each side. The coefficients are fitted by
benchmarks/accuracy/events_calibration.py (their provenance is stored beside them); without them the confidence is
the product of the hand-set factors.
"""

from __future__ import annotations

import math
from functools import cache
from pathlib import Path
from typing import Any, Protocol

from ..model import ActorRef, EventMention
from ..text.yamlfile import load_yaml

DATA = Path(__file__).parent / "data" / "calibration.yaml"
SIGN = "sign:"  # a weak sign's feature name is its precision.yaml key after this prefix
LEXICON_RULES = ("cameo:", "said:")  # a rule the CAMEO verb lexicon gave (events/cameo.py, rules._predication)


@cache
def load() -> dict[str, Any]:
    return load_yaml(DATA.read_text(encoding="utf-8")) or {}


class Clues(Protocol):
    """What the coder found beside the weak signs (rules.Evidence)."""

    @property
    def target_guessed(self) -> bool: ...

    @property
    def embedded(self) -> bool: ...

    @property
    def reporting_frame(self) -> bool: ...

    @property
    def pronoun_party(self) -> bool: ...


def features(m: EventMention, signs: dict[str, bool], clues: Clues) -> dict[str, float]:
    """The mention's features: each weak sign (0/1), how the trigger matched, where the act stands in its
    sentence, and the sides' actor kinds."""
    rule = m.rule or ""
    out = {f"{SIGN}{k}": float(v) for k, v in signs.items()}
    out["lexicon_trigger"] = float(rule.startswith(LEXICON_RULES))
    out["noun_trigger"] = float(rule.startswith("nouns["))
    out["type_overridden"] = float(" + " in rule)
    out["target_guessed"] = float(clues.target_guessed)
    out["pronoun_party"] = float(clues.pronoun_party)  # "he", "him" resolved to a person of another sentence
    out["embedded"] = float(clues.embedded)
    out["reporting_frame"] = float(clues.reporting_frame)  # embedded only in the sentence's attribution
    out["long_sentence"] = float(len(m.sentence.split()) > int(load()["long_sentence_words"]))
    out["quoted"] = float(bool(m.quotes))  # a quotation the quotes stage found in the sentence (direct or reported)
    out["source_person"] = float(_persons(m.source_actors))
    out["target_person"] = float(_persons(m.target_actors))
    out["source_state"] = float(_states(m.source_actors))
    out["target_state"] = float(_states(m.target_actors))
    out["verbal_type"] = float(m.type in load().get("verbal_types", ()))
    return out


def _persons(side: tuple[ActorRef, ...]) -> bool:
    return bool(side) and all((a.actor_id or "").startswith("person:") for a in side)


def _states(side: tuple[ActorRef, ...]) -> bool:
    """Every actor a country or its government (no person, no group)."""
    return bool(side) and all(bool(a.country) and not (a.actor_id or "").startswith("person:") for a in side)


def signs_present(features: dict[str, float]) -> list[str]:
    """The precision.yaml keys of the weak signs present."""
    return [k[len(SIGN) :] for k, v in features.items() if k.startswith(SIGN) and v]


def probability(features: dict[str, float]) -> float | None:
    """The fitted probability that the mention's type and roles are right; None where no model is stored."""
    model = load().get("model")
    if not model:
        return None
    weights = model["coefficients"]
    z = float(model["intercept"]) + sum(float(w) * features.get(k, 0.0) for k, w in weights.items())
    return 1.0 / (1.0 + math.exp(-z))


def unfitted_signs(features: dict[str, float]) -> list[str]:
    """The weak signs present that the stored model has no weight for: no fitted mention carried them (a sign as rare
    as "could help"), so the fit could learn nothing of them; the caller keeps their hand-set factors."""
    model = load().get("model") or {}
    return [k for k in signs_present(features) if f"{SIGN}{k}" not in model.get("coefficients", {})]


def show_threshold() -> float | None:
    """The probability from which a mention is shown, chosen by cross-validation with the model (None: no model)."""
    model = load().get("model")
    return float(model["show_threshold"]) if model else None
