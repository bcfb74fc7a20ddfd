"""A sentence's dependency tree over model.Token (article-wide indices)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from ..model import Token


@dataclass
class Tree:
    tokens: dict[int, Token]
    kids: dict[int, list[int]] = field(default_factory=lambda: defaultdict(list))

    @staticmethod
    def of(tokens: list[Token]) -> Tree:
        tree = Tree({t.i: t for t in tokens})
        for t in tokens:
            if t.head != t.i and t.head in tree.tokens:
                tree.kids[t.head].append(t.i)
        return tree

    def head(self, i: int) -> int | None:
        h = self.tokens[i].head
        return h if h != i and h in self.tokens else None

    def children(self, i: int, *deps: str) -> list[int]:
        return [k for k in self.kids.get(i, []) if not deps or self.tokens[k].dep in deps]

    def child_lemmas(self, i: int, *deps: str) -> set[str]:
        return {self.tokens[k].lemma.lower() for k in self.children(i, *deps)}

    def subtree(self, i: int, stop: tuple[str, ...] = ()) -> list[int]:
        """Token indices under ``i`` (itself included), not descending through ``stop`` deps."""
        out, todo = [], [i]
        while todo:
            j = todo.pop()
            out.append(j)
            todo.extend(k for k in self.kids.get(j, []) if self.tokens[k].dep not in stop)
        return sorted(out)

    def ancestors(self, i: int) -> list[int]:
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
        toks = [self.tokens[i] for i in idx]
        if not toks:
            return ""
        out = toks[0].text
        for prev, tok in zip(toks, toks[1:]):
            out += (" " if tok.start > prev.end else "") + tok.text
        return out
