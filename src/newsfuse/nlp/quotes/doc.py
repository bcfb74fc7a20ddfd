"""The parse as the quote finder reads it, and what a cue finder finds."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ...model import Entity, Token
from ...text.tree import Tree
from .marks import quote_spans

SUBJECTS = ("nsubj", "nsubjpass", "csubj")
CONTENT_DEPS = ("ccomp", "xcomp", "parataxis")
DATELINE_ENDS = ("—", "–", "--", "-", "_", "(")  # what follows a wire dateline's place: a dash, "(AP)"
CLAUSE_EDGE = set(",;:—–-\"'“”‘’ ")


@dataclass
class _Doc:
    """The article's text and parse as the quote finder reads it: the shared dependency tree, plus
    the spans inside quotation marks and the entities."""

    text: str
    tokens: Sequence[Token]
    tree: Tree
    base: int  # index of tokens[0] (tokens carry article-wide indexes)
    entities: Sequence[Entity] = ()
    quoted: list[tuple[int, int]] = field(default_factory=list)  # spans inside quotation marks

    def in_quote(self, char: int) -> bool:
        return any(s <= char < e for s, e in self.quoted)

    def tok(self, i: int) -> Token:
        return self.tree.tokens[i]

    def kids(self, i: int, deps: tuple[str, ...] | None = None) -> list[Token]:
        found = self.tree.kids(i, deps)
        if deps is not None and "nsubj" in deps and len(found) > 1:
            places = [k for k in found if k.dep == "nsubj" and self.dateline(k)]
            if places and any(k.dep == "nsubj" and k not in places for k in found):
                return [k for k in found if k not in places]
        return found

    def dateline(self, t: Token) -> bool:
        """'LISBON — Portugal and Indonesia signed ...': the place of a wire dateline, in capitals at the
        start of its line before a dash or the agency, which a parse may hang on the verb as a second
        subject ("NATO — the alliance — said" has one: it speaks)."""
        if not (len(t.text) >= 3 and t.text.isalpha() and t.text.isupper()):
            return False
        line_start = self.text.rfind("\n", 0, t.start) + 1
        after = self.text[t.end : t.end + 4].lstrip(" ")
        return not any(c.islower() for c in self.text[line_start : t.start]) and after.startswith(DATELINE_ENDS)

    def subtree(self, i: int, skip: frozenset[int] = frozenset()) -> list[Token]:
        return [self.tree.tokens[j] for j in self.tree.subtree(i, skip=skip)]

    def token_at(self, char: int) -> int | None:
        """The article-wide index of the token at a character offset."""
        return self.tree.token_at(char)


def _doc(text: str, tokens: Sequence[Token], entities: Sequence[Entity]) -> _Doc:
    base = tokens[0].i if tokens else 0
    return _Doc(text, tokens, Tree(tokens), base, entities, quote_spans(text))


def _span(toks: Sequence[Token]) -> tuple[int, int] | None:
    if not toks:
        return None
    return min(t.start for t in toks), max(t.end for t in toks)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop edge punctuation, quote marks and a leading 'that'."""
    while start < end and text[start] in CLAUSE_EDGE:
        start += 1
    m = re.match(r"(?:that|whether|if)\s+", text[start:end], re.I)
    if m:
        start += m.end()
    while end > start and text[end - 1] in CLAUSE_EDGE | {".", "!", "?"}:
        end -= 1
    return start, end


@dataclass
class _Found:
    speaker: str | None
    speaker_start: int
    verb: str
    start: int
    end: int
    direct: bool
    sentence: int
    stance: bool = False  # an attitude or act ("Clinton thanked ..."), not words: quotes inside are not its
    act: bool = False  # a deed, not words ("signed an agreement"): act_verbs
    negated: bool = False  # the cue verb is negated ("have not said"): not words the source said


def _same(a: _Found, b: _Found) -> bool:
    return abs(a.start - b.start) <= 2 and abs(a.end - b.end) <= 2


def _dedupe(found: list[_Found]) -> list[_Found]:
    out: list[_Found] = []
    for f in found:
        if not any(_same(f, g) for g in out):
            out.append(f)
    return out


def _inside(a: _Found, b: _Found, any_speaker: bool = False) -> bool:
    """A finding inside another one (by the same speaker unless any_speaker)."""
    return a is not b and b.start <= a.start and a.end <= b.end and (any_speaker or a.speaker == b.speaker)


def _overlap(a: _Found, b: _Found) -> bool:
    return min(a.end, b.end) > max(a.start, b.start)
