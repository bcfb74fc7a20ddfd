"""The model's attribute ruler, its rules found by look-up instead of spaCy's general Matcher.

en_core_web_sm's ``attribute_ruler`` (the tag map: fine tag -> coarse POS and morphology, and some
exceptions by word, tag and dependency) holds about 180 one- or two-token patterns. spaCy runs them
through its Matcher, which tests every pattern's first token against every token: that was 15 % of
the parse's CPU time. Every pattern here is a plain conjunction over a token's TAG, LOWER, DEP and
IS_SPACE (equal to, in or not in a set, a regular expression on the text), so the patterns that may
start at a token are looked up by its lower-case form or its tag, and only those are tested.

``RuleIndex.match`` gives what ``AttributeRuler.match`` gives: (rule number, match id, start, end)
for every match, sorted, so the ruler's own ``set_annotations`` sets the same attributes in the same
order. A ruler with any other kind of pattern (operators, other attributes) is left to the Matcher.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

FIELDS = ("TAG", "LOWER", "DEP", "IS_SPACE")  # what a token's row holds (``Doc.to_array``), in this order
TEXT_FIELDS = frozenset({"TAG", "LOWER", "DEP"})  # string attributes (a regular expression reads the string)
SET_TESTS = frozenset({"IN", "NOT_IN"})


@dataclass(frozen=True)
class Check:
    """One condition on one token: ``field`` (an index in FIELDS) is ``kind`` ("EQ", "IN", "NOT_IN",
    "REGEX") of ``value`` (a string id, a set of them, or a compiled expression)."""

    field: int
    kind: str
    value: Any


@dataclass(frozen=True)
class Rule:
    """One pattern of one ruler entry: the entry's number and match id, a check list per token."""

    number: int
    match_id: int
    tokens: tuple[tuple[Check, ...], ...]


@dataclass(frozen=True)
class FiledRule:
    """A rule as the index tests it, once a token was found under one of its first token's keys: the
    checks left, each with the offset of the token it reads."""

    number: int
    match_id: int
    length: int
    checks: tuple[tuple[int, Check], ...]


LOWER = FIELDS.index("LOWER")
INDEXED = tuple(FIELDS.index(name) for name in ("LOWER", "TAG", "DEP", "IS_SPACE"))  # the first one found


class RuleIndex:
    """The ruler's patterns by a value their first token must have (the first of INDEXED it is
    given), each pattern under one field; those with none are tested at every token."""

    def __init__(self, rules: list[Rule]) -> None:
        self.by_field: tuple[dict[int, list[FiledRule]], ...] = tuple({} for _ in FIELDS)
        self.anywhere: list[FiledRule] = []
        self.by_lower_text: list[tuple[tuple[Check, ...], FiledRule]] = []  # first token: on its lower-case text alone
        self._lower_text_seen: dict[int, list[FiledRule]] = {}  # lower-case form -> those its first token passes
        for rule in rules:
            self._file(rule)

    def _file(self, rule: Rule) -> None:
        checks = [(k, c) for k, token in enumerate(rule.tokens) for c in token]
        for field in INDEXED:
            key = next((c for k, c in checks if k == 0 and c.field == field and c.kind in ("EQ", "IN")), None)
            if key is not None:
                left = [(k, c) for k, c in checks if not (c is key and c.kind == "EQ")]  # an EQ key is met
                filed = FiledRule(rule.number, rule.match_id, len(rule.tokens), tuple(left))
                for value in (key.value,) if key.kind == "EQ" else key.value:
                    self.by_field[field].setdefault(value, []).append(filed)
                return
        if all(c.field == LOWER for c in rule.tokens[0]):
            left = [(k, c) for k, c in checks if k > 0]
            filed = FiledRule(rule.number, rule.match_id, len(rule.tokens), tuple(left))
            self.by_lower_text.append((rule.tokens[0], filed))
            return
        self.anywhere.append(FiledRule(rule.number, rule.match_id, len(rule.tokens), tuple(checks)))

    def _lower_text_rules(self, row: list[int], strings) -> list[FiledRule]:
        """The rules tested on the lower-case text alone whose first token ``row`` passes (found once
        per lower-case form)."""
        rules = self._lower_text_seen.get(row[LOWER])
        if rules is None:
            rules = [rule for first, rule in self.by_lower_text if all(_passes(c, row, strings) for c in first)]
            self._lower_text_seen[row[LOWER]] = rules
        return rules

    def match(self, doc) -> list[tuple[int, int, int, int]]:
        """(rule number, match id, start, end) of every match in ``doc``, sorted as spaCy sorts them."""
        rows = doc.to_array(FIELDS).tolist()
        strings = doc.vocab.strings
        found: list[tuple[int, int, int, int]] = []
        indexes = [(field, self.by_field[field]) for field in INDEXED if self.by_field[field]]
        for start, row in enumerate(rows):
            for field, index in indexes:
                for rule in index.get(row[field], ()):
                    if _matches(rule, rows, start, strings):
                        found.append((rule.number, rule.match_id, start, start + rule.length))
            for rule in self._lower_text_rules(row, strings) + self.anywhere:
                if _matches(rule, rows, start, strings):
                    found.append((rule.number, rule.match_id, start, start + rule.length))
        found.sort()
        return found


def _matches(rule: FiledRule, rows: list[list[int]], start: int, strings) -> bool:
    if start + rule.length > len(rows):
        return False
    for k, check in rule.checks:
        if not _passes(check, rows[start + k], strings):
            return False
    return True


def _passes(check: Check, row: list[int], strings) -> bool:
    value = row[check.field]
    if check.kind == "EQ":
        return bool(value == check.value)
    if check.kind == "IN":
        return value in check.value
    if check.kind == "NOT_IN":
        return value not in check.value
    return bool(check.value.search(strings[value]))


def compile_token(spec: dict, strings) -> tuple[Check, ...] | None:
    """The checks of one token pattern, or None if it uses anything but FIELDS as tests of this kind."""
    checks: list[Check] = []
    for name, value in spec.items():
        if name not in FIELDS:
            return None
        field = FIELDS.index(name)
        if isinstance(value, bool) or (isinstance(value, str) and name in TEXT_FIELDS):
            checks.append(Check(field, "EQ", int(value) if isinstance(value, bool) else strings.add(value)))
            continue
        if not (isinstance(value, dict) and len(value) == 1 and name in TEXT_FIELDS):
            return None
        kind, arg = next(iter(value.items()))
        if kind in SET_TESTS and isinstance(arg, list) and all(isinstance(v, str) for v in arg):
            checks.append(Check(field, kind, frozenset(strings.add(v) for v in arg)))
        elif kind == "REGEX" and isinstance(arg, str):
            checks.append(Check(field, kind, re.compile(arg)))
        else:
            return None
    return tuple(checks)


def rule_index(ruler) -> RuleIndex | None:
    """The index of an AttributeRuler's patterns, or None when one of them is of another kind."""
    strings = ruler.vocab.strings
    rules: list[Rule] = []
    for number in range(len(ruler.attrs)):
        key = str(number)  # the ruler's own key for its entry ``number`` (AttributeRuler.add)
        for pattern in ruler.matcher.get(key)[1]:
            tokens = [compile_token(spec, strings) for spec in pattern]
            if not tokens or any(t is None for t in tokens):
                return None
            rules.append(Rule(number, strings[key], tuple(t for t in tokens if t is not None)))
    return RuleIndex(rules)


def index_attribute_ruler(nlp) -> bool:
    """Have the pipeline's attribute ruler find its matches by look-up (``RuleIndex``); False when the
    pipeline has none or it holds a pattern the index cannot read (it then runs as it was)."""
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe("attribute_ruler")
    index = rule_index(ruler)
    if index is None:
        return False
    ruler.match = index.match  # the ruler calls self.match(doc), then sets the attributes itself
    return True
