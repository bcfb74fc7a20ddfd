"""The cleaner's rules, loaded once from ``data/rules.yaml``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..text.yamlfile import load_yaml

RULES_PATH = Path(__file__).with_name("data") / "rules.yaml"


@dataclass(frozen=True)
class Rules:
    raw: dict[str, Any]
    exact: dict[str, str]  # normalised line -> reason
    patterns: tuple[tuple[re.Pattern[str], str], ...]  # (regex, reason)
    teaser_exact: frozenset[str]
    teaser_patterns: tuple[re.Pattern[str], ...]
    seo_prefix: re.Pattern[str]
    seo_separators: re.Pattern[str]
    byline: re.Pattern[str]
    bio: re.Pattern[str]
    bio_header: re.Pattern[str]
    post_signature: re.Pattern[str]
    post_link: re.Pattern[str]
    post_marker: re.Pattern[str]
    web_address: re.Pattern[str]

    def __getitem__(self, key: str) -> Any:
        return self.raw[key]


def _ci(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


def exact_key(line: str) -> str:
    """How a line is compared with the exact-line vocabularies."""
    return line.strip().rstrip(":|").strip().casefold()


@lru_cache(maxsize=1)
def load_rules(path: str | None = None) -> Rules:
    raw = load_yaml(Path(path or RULES_PATH).read_text(encoding="utf-8"))
    exact = {exact_key(str(w)): reason for reason, words in raw["exact_lines"].items() for w in words}
    patterns = tuple((_ci(p), reason) for reason, ps in raw["patterns"].items() for p in ps)
    teaser = raw["teaser_headers"]
    posts = raw["posts"]
    return Rules(
        raw=raw,
        exact=exact,
        patterns=patterns,
        teaser_exact=frozenset(exact_key(str(w)) for w in teaser["exact"]),
        teaser_patterns=tuple(_ci(p) for p in teaser["patterns"]),
        seo_prefix=_ci(raw["seo"]["prefix"]),
        seo_separators=re.compile(raw["seo"]["separators"]),
        byline=_ci(raw["byline"]["pattern"]),
        bio=re.compile(raw["bio"]["pattern"]),  # case matters: a bio starts with a capitalised name
        bio_header=_ci(raw["bio"]["header"]),
        post_signature=re.compile(posts["signature"]),
        post_link=_ci(posts["link"]),
        post_marker=re.compile(posts["marker"]),
        web_address=_ci(raw["web_address"]),
    )
