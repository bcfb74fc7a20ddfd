"""The scan for a name that opens a longer name (``facility_short_name``) finds, on real ECB+ reports, what
the per-name pattern it stands for finds: the same places, the same last words, in the same order."""

from __future__ import annotations

import json
import re

from conftest import SHARED

from newsfuse.actors.nonactors import _names_opening

NAMES = re.compile(r"[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,2}")  # runs of capitalised words, as entities are


def per_name_pattern(text: str, name: str) -> list[tuple[int, str]]:
    pattern = rf"(?<![\w.'’-]){re.escape(name)} (?:[A-Z][a-z]+ )?([A-Z][a-z]+)\b"
    return [(m.start(), m.group(1)) for m in re.finditer(pattern, text)]


def report_text(doc: dict) -> str:
    return "\n\n".join(s if isinstance(s, str) else " ".join(s) for s in doc["sentences"])


def test_the_scan_finds_what_the_per_name_pattern_finds():
    lines = (SHARED / "corpus" / "clustering" / "ecbplus" / "documents.jsonl").read_text(encoding="utf-8").splitlines()
    texts = [
        " ".join(s if isinstance(s, str) else " ".join(s) for s in json.loads(line)["sentences"]) for line in lines[:60]
    ]
    found = 0
    for text in texts:
        for name in set(NAMES.findall(text)):
            expected = per_name_pattern(text, name)
            assert list(_names_opening(text, name)) == expected, name
            found += len(expected)
    assert found > 100  # the reports hold many names that open longer ones: the comparison is not empty
