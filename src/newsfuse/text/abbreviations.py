"""Does a full stop end a sentence? Not after an initial, a dotted acronym or a known abbreviation.

One rule and one word list (``data/abbreviations.yaml``) for every sentence splitter in newsfuse.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from .yamlfile import load_yaml

DATA = Path(__file__).with_name("data") / "abbreviations.yaml"
_DOTTED = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")  # "U.S", "a.m", "e.g" before their final stop
_OPENERS = '"“‘([«'


@lru_cache(maxsize=1)
def abbreviations() -> frozenset[str]:
    groups = load_yaml(DATA.read_text(encoding="utf-8"))
    return frozenset(str(word).lower() for words in groups.values() for word in words)


def ends_with_abbreviation(text: str) -> bool:
    """Does ``text``, which ends with a full stop, end with an abbreviation or an initial?

    "led by Warren S." and "Gen." do; "the end." does not. Tokenised text ("Mt .") counts too.
    """
    if not text.endswith("."):
        return False
    last = text[:-1].rstrip().split()[-1:]
    word = last[0].lstrip(_OPENERS) if last else ""
    if len(word) == 1 and word.isalpha() and word.isupper():
        return True  # an initial
    return word.lower() in abbreviations() or bool(_DOTTED.fullmatch(word))
