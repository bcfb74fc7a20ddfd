"""The quote finder's word lists (``nlp/data/quotes.yaml``) and its mended lemmas."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from ...model import Token
from ...text.yamlfile import load_yaml

DATA_FILE = Path(__file__).parents[1] / "data" / "quotes.yaml"  # nlp/data/quotes.yaml


@lru_cache(maxsize=1)
def vocab() -> dict:
    with open(DATA_FILE, encoding="utf-8") as fh:
        data = load_yaml(fh)
    data["prep_cues"] = {str(k).lower(): [str(p) for p in v] for k, v in data["prep_cues"].items()}
    data["pronoun_gender"] = {str(k).lower(): str(g) for k, g in data["pronoun_gender"].items()}
    data["title_gender"] = {str(k).lower(): str(g) for k, g in data["title_gender"].items()}
    data["first_name_gender"] = {str(n).lower(): g for g, names in data["first_names"].items() for n in names}
    data["lemma_fixes"] = {str(k).lower(): str(w).lower() for k, w in data["lemma_fixes"].items()}
    for key in (
        "label_nouns",
        "not_speaker_labels",
        "as_cues",
        "request_verbs",
        "causative_verbs",
        "light_verbs",
        "light_objects",
        "light_content_preps",
        "people_nouns",
        "clause_adjectives",
        "stance_verbs",
        "act_verbs",
        "denying_verbs",
        "yet_verbs",
        "cue_nouns",
        "cue_noun_preps",
        "occasion_nouns",
        "short_answers",
        "question_verbs",
        "receiving_verbs",
        "received_stance_nouns",
        "role_nouns",
        "role_noun_preps",
        "clause_only",
        "speech_nouns",
        "person_pronouns",
        "group_pronouns",
        "source_nouns",
        "audiences",
        "continuing_pronouns",
        "plural_pronouns",
    ):
        data[key] = frozenset(str(w).lower() for w in data[key])
    return data


def _lemma(t: Token) -> str:
    """The token's lemma, with the model's known slips mended ("hopes" -> "hop")."""
    lemma = t.lemma.lower()
    return vocab()["lemma_fixes"].get(lemma, lemma)
