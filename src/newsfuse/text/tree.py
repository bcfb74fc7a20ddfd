"""A dependency tree over model.Token, with the tokens' article-wide indices."""

from __future__ import annotations

import bisect
from collections.abc import Collection, Sequence

from ..model import Token


class Tree:
    """The parse of some tokens (a sentence, or a whole article): heads, children, subtrees.

    Every method takes and gives article-wide token indices (``Token.i``); ``tokens`` maps them to
    the tokens. A head outside the given tokens counts as none.
    """

    def __init__(self, tokens: Sequence[Token]) -> None:
        self.tokens: dict[int, Token] = {t.i: t for t in tokens}
        self._kids: dict[int, list[int]] = {}
        for t in tokens:
            if t.head != t.i and t.head in self.tokens:
                self._kids.setdefault(t.head, []).append(t.i)
        self._order = [t.i for t in tokens]
        self._starts = [t.start for t in tokens]

    def head(self, i: int) -> int | None:
        h = self.tokens[i].head
        return h if h != i and h in self.tokens else None

    def children(self, i: int, *deps: str) -> list[int]:
        """The children of ``i`` in text order, only those with one of ``deps`` when any are given."""
        if not deps:
            return list(self._kids.get(i, ()))
        return [k for k in self._kids.get(i, ()) if self.tokens[k].dep in deps]

    def kids(self, i: int, deps: Collection[str] | None = None) -> list[Token]:
        """The child tokens of ``i`` in text order whose dep is in ``deps`` (all of them for None)."""
        return [self.tokens[k] for k in self._kids.get(i, []) if deps is None or self.tokens[k].dep in deps]

    def conjuncts(self, i: int) -> list[int]:
        """The words coordinated after ``i`` ("Iran, Libya, North Korea and Sudan"), following the chain: the
        parse hangs each item of a list on the one before ("launched artillery, mortar, and rocket fire": fire on
        mortar)."""
        out: list[int] = []
        todo = self.children(i, "conj")
        while todo:
            j = todo.pop(0)
            if j not in out:
                out.append(j)
                todo += self.children(j, "conj")
        return out

    def child_lemmas(self, i: int, *deps: str) -> set[str]:
        return {self.tokens[k].lemma.lower() for k in self.children(i, *deps)}

    def subtree(self, i: int, stop: Collection[str] = (), skip: Collection[int] = ()) -> list[int]:
        """Indices under ``i`` (itself included) in text order, not descending through a child
        whose dep is in ``stop``, nor through (or into) a token of ``skip``."""
        out, todo, kids, tokens = [], [i], self._kids, self.tokens
        while todo:
            j = todo.pop()
            if j in skip:
                continue
            out.append(j)
            under = kids.get(j)
            if under:
                todo.extend([k for k in under if tokens[k].dep not in stop] if stop else under)
        return sorted(out)

    def ancestors(self, i: int) -> list[int]:
        """The heads above ``i``, nearest first."""
        out, j = [], self.head(i)
        while j is not None and j not in out:
            out.append(j)
            j = self.head(j)
        return out

    def depth(self, i: int) -> int:
        return len(self.ancestors(i))

    def lemma(self, i: int) -> str:
        return self.tokens[i].lemma.lower()

    def span_text(self, idx: list[int]) -> str:
        """The tokens' words, a space between two only where the text has one."""
        toks = [self.tokens[i] for i in idx]
        if not toks:
            return ""
        out = toks[0].text
        for prev, tok in zip(toks, toks[1:]):
            out += (" " if tok.start > prev.end else "") + tok.text
        return out

    def token_at(self, char: int) -> int | None:
        """The index of the token that a character offset falls in (the last one starting at or
        before it), None before the first token."""
        pos = bisect.bisect_right(self._starts, char) - 1
        return self._order[pos] if pos >= 0 else None
