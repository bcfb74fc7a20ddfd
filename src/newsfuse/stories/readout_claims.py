"""Readout claims (what a report says of the official accounts of an event: "Israel has yet to
release its readout", "statements from both governments"): found in a text by the patterns of
fusion.yaml (kept per text) and in a mention's own words, and made into an event's readout details."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence

from ..model import Detail, EventMention
from .config import load
from .mention_facts import _facts


def find_claims(text: str) -> list[tuple[str, str]]:
    """(kind, words) for each claim about official accounts found in ``text``."""
    return list(_claims_in(text))


def claims_version() -> str:
    """What ``find_claims`` answers depend on besides the text (the readout patterns): claims kept
    under another version were found by other rules."""
    rules = json.dumps(load("fusion.yaml")["readout_patterns"], sort_keys=True)
    return hashlib.blake2b(rules.encode("utf-8"), digest_size=8).hexdigest()


CLAIMS_CACHED = 1 << 16  # texts whose claims are kept, by digest: a block re-fused reads the same texts
_CLAIMS: dict[bytes, tuple[tuple[str, str], ...]] = {}


def _claims_in(text: str) -> tuple[tuple[str, str], ...]:
    """``find_claims``, kept per text (by its 128-bit digest, not the text itself)."""
    digest = hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()
    found = _CLAIMS.get(digest)
    if found is None:
        if len(_CLAIMS) >= CLAIMS_CACHED:
            _CLAIMS.clear()
        found = _CLAIMS[digest] = tuple(_search_claims(text))
    return found


def _search_claims(text: str) -> list[tuple[str, str]]:
    out = []
    for rule in load("fusion.yaml")["readout_patterns"]:
        for match in re.finditer(rule["regex"], text, flags=re.IGNORECASE):
            out.append((rule["kind"], match.group(0).strip()))
    return out


def _mention_claims(m: EventMention) -> tuple[tuple[str, str], ...]:
    """The readout claims in the mention's own words (its reporting source and sentence), found once
    per mention object."""
    f = _facts(m)
    claims = f.claims
    if claims is None:
        claims = f.claims = _claims_in(" ".join(filter(None, [m.reporting_source, m.sentence])))
    return claims


def _readout_details(readouts: dict[tuple[str, str], set[str]], claims: Sequence[tuple[str, str, str]]) -> list[Detail]:
    """Each readout claim with the articles making it (``readouts``: those in the mentions' own
    words; ``claims``: (article, kind, words) in the texts of the articles whose main event this is),
    contradicted by the articles making the opposite claim."""
    by_value = {claim: set(articles) for claim, articles in readouts.items()}
    for article, kind, words in claims:
        by_value.setdefault((kind, words), set()).add(article)
    opposite = {"both": "pending", "pending": "both"}
    out = []
    for (kind, words), arts in sorted(by_value.items(), key=lambda kv: (kv[0][0], kv[0][1])):
        against = {a for (k, _), xs in by_value.items() if k == opposite.get(kind) for a in xs} - arts
        out.append(Detail("readout", words, tuple(sorted(arts)), tuple(sorted(against)), len(arts) == 1))
    return out
