"""newsfuse's own block-level decision on an HTML page's main text.

The two finished bodies of a page (the own extraction and trafilatura's full extraction, each
after the post-filter) are merged in page order into one list of candidate blocks. Each
candidate gets features that carry across sites -- which extractor kept it and which body the
second opinion's arbitration chose, its words, link share, sentence punctuation, heading or not,
its place relative to the page's longest run of prose, its agreement with the page's own article
markup, a small fixed list of chrome words -- and a logistic regression over them says which
candidates are the article's. The weights (``data/block_model.json``) are fitted by
``scripts/train_block_classifier.py``; ``blocks.enabled`` in ``data/html_rules.yaml`` switches
the decision on. Nothing here names a site.
"""

from __future__ import annotations

import difflib
import json
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
from lxml import etree

from newsfuse import model
from newsfuse.clean import opinion

from ..text.yamlfile import load_yaml

DATA = Path(__file__).with_name("data")
RULES = DATA / "html_rules.yaml"
MODEL = DATA / "block_model.json"
_TOKEN = re.compile(r"\w+")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*(?=\s|$)")
_MAX_LINKS = 5000
_WS = re.compile(r"\s+")
_CLASS_WORD = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")
_TEXT_TAGS = frozenset(
    "p h1 h2 h3 h4 h5 h6 li blockquote td th dd dt figcaption caption pre div section article span".split()
)
_PREFIX = 50

FEATURES = (
    "in_own",
    "in_other",
    "in_both",
    "in_chosen",
    "own_cover",
    "other_cover",
    "log_words",
    "link_share",
    "ends_sentence",
    "sentence_rate",
    "heading",
    "capital_share",
    "digit_share",
    "chrome_words",
    "has_declared_markup",
    "declared_cover",
    "has_article_element",
    "article_cover",
    "position",
    "in_core",
    "before_core",
    "after_core",
    "prev_prose",
    "next_prose",
    "agreement",
    "own_only_low_agreement",
    "other_only_low_agreement",
)


STRUCTURE_FEATURES = (
    "mapped",
    "in_article_main",
    "under_core",
    "depth_below_core",
    "steps_off_core",
    "core_parent",
)


@dataclass(frozen=True)
class PageStructure:
    """The page's elements as ``(parent index, tag, class/id word groups)`` in document order, and
    the element each text leads to: ``texts`` by its whole normalised text, ``prefixes`` by its
    first characters (the deepest element holding them)."""

    elements: tuple[tuple[int, str, tuple[str, ...]], ...]
    texts: dict[str, int]
    prefixes: dict[str, int]


@dataclass(frozen=True)
class PageParts:
    """What the decision reads of one page: both finished bodies, the arbitration's choice between
    them, the page's article markup ``(source, text)``, the texts of its links and its element
    structure (read before trafilatura prunes the tree)."""

    own: tuple[model.Block, ...]
    other: tuple[model.Block, ...]
    chosen: str
    markup: tuple[str, str]
    links: tuple[str, ...]
    agreement: float
    structure: PageStructure | None = None


@dataclass(frozen=True)
class Candidate:
    """One block of either body with its features; ``side`` says which body held it ("both",
    "own", "other") and ``region`` numbers the stretch where the two bodies differ (a block held
    by one side only can be the other side's version of the same paragraph)."""

    block: model.Block
    features: tuple[float, ...]
    side: str = "both"
    region: int = 0


@dataclass(frozen=True)
class BlockModel:
    mean: np.ndarray
    std: np.ndarray
    weights: np.ndarray
    bias: float
    threshold: float

    def probabilities(self, rows: np.ndarray) -> np.ndarray:
        z = ((rows - self.mean) / self.std) @ self.weights + self.bias
        return 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))

    def to_json(self) -> dict[str, Any]:
        return {
            "features": list(feature_names()),
            "mean": [round(float(x), 6) for x in self.mean],
            "std": [round(float(x), 6) for x in self.std],
            "weights": [round(float(x), 6) for x in self.weights],
            "bias": round(self.bias, 6),
            "threshold": self.threshold,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> BlockModel:
        if list(data["features"]) != list(feature_names()):
            raise ValueError("block model was fitted on other features")
        return cls(
            np.array(data["mean"]),
            np.array(data["std"]),
            np.array(data["weights"]),
            float(data["bias"]),
            float(data["threshold"]),
        )


# --------------------------------------------------------------------------- settings


@lru_cache(maxsize=1)
def settings() -> dict[str, Any]:
    """The ``blocks`` keys of ``data/html_rules.yaml``."""
    return dict(load_yaml(RULES.read_text(encoding="utf-8"))["blocks"])


def enabled() -> bool:
    return bool(settings()["enabled"])


def structure_on() -> bool:
    return bool(settings()["structure"]["enabled"])


def feature_names() -> tuple[str, ...]:
    """The features the model reads: the text features, and the page-structure ones when
    ``blocks.structure.enabled``."""
    if not structure_on():
        return FEATURES
    cfg = settings()["structure"]
    return (
        FEATURES
        + STRUCTURE_FEATURES
        + tuple(f"tag_{t}" for t in cfg["tags"])
        + tuple(f"class_{g}" for g in cfg["class_words"])
    )


@lru_cache(maxsize=1)
def shipped_model() -> BlockModel:
    """The weights in ``data/block_model.json`` (fitted on all shared pages)."""
    return BlockModel.from_json(json.loads(MODEL.read_text(encoding="utf-8")))


# --------------------------------------------------------------------------- page parts


def link_texts(tree: etree._Element | None) -> tuple[str, ...]:
    """The distinct texts of the page's links (read before trafilatura prunes the tree)."""
    if tree is None:
        return ()
    texts = set()
    for el in tree.iter("a"):
        text = " ".join(el.text_content().split())
        if len(text) >= 3:
            texts.add(text)
        if len(texts) >= _MAX_LINKS:
            break
    return tuple(sorted(texts))


def page_structure(tree: etree._Element | None) -> PageStructure | None:
    """Every element's parent, tag and class/id word groups, and the element each text leads to."""
    if tree is None:
        return None
    groups = class_word_groups()
    index: dict[Any, int] = {}
    elements: list[tuple[int, str, tuple[str, ...]]] = []
    texts: dict[str, int] = {}
    prefixes: dict[str, int] = {}
    for el in tree.iter():
        if not isinstance(el.tag, str):
            continue
        parent = el.getparent()
        index[el] = len(elements)
        tag = el.tag.lower()
        elements.append((index.get(parent, -1), tag, class_groups(el, groups)))
        if tag in _TEXT_TAGS:
            text = normalised(el.text_content())
            if text:
                texts[text] = index[el]
                prefixes[text[:_PREFIX]] = index[el]
    return PageStructure(tuple(elements), texts, prefixes)


def normalised(text: str) -> str:
    """A text as the bodies write it: NFC, no hard or zero-width spaces, one space between words."""
    text = unicodedata.normalize("NFC", text.replace("\u00a0", " ").replace("\u200b", ""))
    return _WS.sub(" ", text).strip()


def class_word_groups() -> dict[str, str]:
    """Word -> its group, from ``blocks.structure.class_words``."""
    return {w: g for g, words in settings()["structure"]["class_words"].items() for w in words}


def class_groups(el: etree._Element, groups: dict[str, str]) -> tuple[str, ...]:
    """The groups of the listed words among an element's class and id words (camelCase split)."""
    raw = f"{el.get('class') or ''} {el.get('id') or ''}"
    words = {w.lower() for w in _CLASS_WORD.findall(raw)}
    return tuple(sorted({groups[w] for w in words if w in groups}))


def merged_blocks(
    own: Sequence[model.Block], other: Sequence[model.Block]
) -> list[tuple[model.Block, bool, bool, int]]:
    """Both bodies' blocks in page order as ``(block, in own, in other, region)``: shared blocks
    once; where the bodies differ, the own side's blocks, then the other's, in one region."""
    matcher = difflib.SequenceMatcher(None, [b.text for b in own], [b.text for b in other], autojunk=False)
    out: list[tuple[model.Block, bool, bool, int]] = []
    for region, (tag, i1, i2, j1, j2) in enumerate(matcher.get_opcodes()):
        if tag == "equal":
            out += [(b, True, True, region) for b in own[i1:i2]]
            continue
        out += [(b, True, False, region) for b in own[i1:i2]]
        out += [(b, False, True, region) for b in other[j1:j2]]
    return out


# --------------------------------------------------------------------------- features


def candidates(parts: PageParts) -> list[Candidate]:
    """Every block of both bodies, in page order, with its features (``FEATURES``)."""
    merged = merged_blocks(parts.own, parts.other)
    if not merged:
        return []
    own_sh = opinion.shingles("\n".join(b.text for b in parts.own))
    other_sh = opinion.shingles("\n".join(b.text for b in parts.other))
    source, text = parts.markup
    markup_sh = opinion.shingles(text) if source else None
    declared = source not in ("", "<article>")
    prose = [is_prose(b.text) for b, _, _, _ in merged]
    core = longest_prose_run(merged, prose)
    chrome = frozenset(settings()["chrome_words"])
    n = len(merged)
    out = []
    for i, (block, in_own, in_other, region) in enumerate(merged):
        sh = opinion.shingles(block.text)
        chosen = in_own if parts.chosen == "own" else in_other
        cover_markup = opinion.cover(sh, markup_sh) if markup_sh is not None else 0.0
        row = (
            float(in_own),
            float(in_other),
            float(in_own and in_other),
            float(chosen),
            opinion.cover(sh, own_sh),
            opinion.cover(sh, other_sh),
            math.log1p(len(_TOKEN.findall(block.text))),
            link_share(block.text, parts.links),
            float(bool(_SENTENCE_END.search(block.text[-4:]))),
            sentence_rate(block.text),
            float(block.kind == "heading"),
            capital_share(block.text),
            digit_share(block.text),
            chrome_share(block.text, chrome),
            float(declared),
            cover_markup if declared else 0.0,
            float(source == "<article>"),
            cover_markup if source == "<article>" else 0.0,
            i / max(1, n - 1),
            float(core[0] <= i <= core[1]),
            math.log1p(max(0, core[0] - i)),
            math.log1p(max(0, i - core[1])),
            float(i > 0 and prose[i - 1]),
            float(i < n - 1 and prose[i + 1]),
            parts.agreement,
            float(in_own and not in_other) * (1 - parts.agreement),
            float(in_other and not in_own) * (1 - parts.agreement),
        )
        side = "both" if in_own and in_other else "own" if in_own else "other"
        out.append(Candidate(block, row, side, region))
    if structure_on():
        extra = structure_rows(parts.structure, [b for b, *_ in merged], prose, core)
        out = [replace(c, features=c.features + row) for c, row in zip(out, extra, strict=True)]
    return out


# --------------------------------------------------------------------------- structure features


def element_of(structure: PageStructure, text: str) -> int | None:
    """The element a block's text came from: the one with that whole text, else the deepest one
    opening with its first characters."""
    key = normalised(text)
    found = structure.texts.get(key)
    if found is None and len(key) >= _PREFIX:
        found = structure.prefixes.get(key[:_PREFIX])
    return found


def ancestry(structure: PageStructure, node: int) -> list[int]:
    """The element and its ancestors, root first."""
    path = []
    while node >= 0:
        path.append(node)
        node = structure.elements[node][0]
    return path[::-1]


def common_prefix(paths: Sequence[list[int]]) -> list[int]:
    if not paths:
        return []
    out = []
    for level in zip(*paths, strict=False):
        if any(x != level[0] for x in level):
            break
        out.append(level[0])
    return out


def main_run_nodes(
    structure: PageStructure, nodes: list[int | None], sizes: list[int], prose: list[bool], core: tuple[int, int]
) -> tuple[list[int], set[int]]:
    """The common ancestor path of the main run's prose blocks and the parents of its
    ``longest_blocks`` longest prose blocks (``sizes``: each block's characters)."""
    run = [(sizes[i], node) for i in range(core[0], core[1] + 1) if prose[i] and (node := nodes[i]) is not None]
    path = common_prefix([ancestry(structure, node) for _, node in run])
    longest = sorted(run, key=lambda pair: -pair[0])[: settings()["structure"]["longest_blocks"]]
    return path, {structure.elements[node][0] for _, node in longest}


def structure_rows(
    structure: PageStructure | None, blocks_: Sequence[model.Block], prose: list[bool], core: tuple[int, int]
) -> list[tuple[float, ...]]:
    """The page-structure features of each block (all 0 where the page has no tree)."""
    cfg = settings()["structure"]
    width = len(STRUCTURE_FEATURES) + len(cfg["tags"]) + len(cfg["class_words"])
    if structure is None:
        return [(0.0,) * width for _ in blocks_]
    nodes = [element_of(structure, b.text) for b in blocks_]
    core_path, core_parents = main_run_nodes(structure, nodes, [len(b.text) for b in blocks_], prose, core)
    return [
        structure_row(structure, node, core_path, core_parents, cfg) if node is not None else (0.0,) * width
        for node in nodes
    ]


def structure_row(
    structure: PageStructure, node: int, core_path: list[int], core_parents: set[int], cfg: dict[str, Any]
) -> tuple[float, ...]:
    """One mapped block's structure features: where its element stands to the main run, and the
    tags and class/id word groups of its ancestors below the point where it joins the main run."""
    path = ancestry(structure, node)
    join = len(common_prefix([path, core_path]))
    under = bool(core_path) and join == len(core_path)
    below = [structure.elements[n] for n in path[join:]]
    tags = {tag for _, tag, _ in below}
    words = {g for _, _, gs in below for g in gs}
    cap = cfg["max_steps"]
    return (
        1.0,
        float(any(structure.elements[n][1] in ("article", "main") for n in path)),
        float(under),
        math.log1p(min(cap, len(path) - len(core_path))) if under else 0.0,
        math.log1p(min(cap, len(path) - join)) if core_path and not under else 0.0,
        float(structure.elements[node][0] in core_parents),
        *(float(t in tags) for t in cfg["tags"]),
        *(float(g in words) for g in cfg["class_words"]),
    )


def is_prose(text: str) -> bool:
    """A line of running text: enough words and a sentence's end."""
    return len(_TOKEN.findall(text)) >= settings()["prose_min_words"] and bool(_SENTENCE_END.search(text))


def longest_prose_run(merged: Sequence[Any], prose: list[bool]) -> tuple[int, int]:
    """(first, last) index of the run with most prose words, where at most ``core_gap`` other
    blocks stand between two prose blocks; (n, -1) when there is no prose."""
    gap = settings()["core_gap"]
    best, best_words = (len(merged), -1), 0
    start, last, words = None, -(10**9), 0
    for i, ((block, *_), p) in enumerate(zip(merged, prose, strict=True)):
        if not p:
            continue
        if start is None or i - last - 1 > gap:
            start, words = i, 0
        words += len(_TOKEN.findall(block.text))
        last = i
        if words > best_words:
            best, best_words = (start, i), words
    return best


def link_share(text: str, links: Sequence[str]) -> float:
    """Share of the block's word characters inside the page's link texts (1 for a line of links)."""
    chars = word_chars(text)
    if not chars:
        return 0.0
    covered = sum(word_chars(link) * text.count(link) for link in links if len(link) <= len(text) and link in text)
    return min(1.0, covered / chars)


def word_chars(text: str) -> int:
    return sum(len(t) for t in _TOKEN.findall(text))


def sentence_rate(text: str) -> float:
    """Sentence ends per ten words (capped at 1): prose has some, a label or a list of names none."""
    words = len(_TOKEN.findall(text))
    return min(1.0, 10 * len(_SENTENCE_END.findall(text)) / words) if words else 0.0


def capital_share(text: str) -> float:
    """Share of words that open with a capital: teaser titles and menus are Title Case."""
    words = [w for w in _TOKEN.findall(text) if w[0].isalpha()]
    return sum(1 for w in words if w[0].isupper()) / len(words) if words else 0.0


def digit_share(text: str) -> float:
    tokens = _TOKEN.findall(text)
    return sum(1 for t in tokens if t.isdigit()) / len(tokens) if tokens else 0.0


def chrome_share(text: str, words: frozenset[str]) -> float:
    tokens = _TOKEN.findall(text.lower())
    return sum(1 for t in tokens if t in words) / len(tokens) if tokens else 0.0


# --------------------------------------------------------------------------- decision


def decide(cands: Sequence[Candidate], fitted: BlockModel) -> list[model.Block]:
    """The candidates the model keeps, in page order. Where the bodies differ, a kept block of
    one side that mostly repeats the kept blocks of the other side's version is dropped (the two
    can cut one paragraph differently); text the page itself repeats stays."""
    if not cands:
        return []
    keep = fitted.probabilities(np.array([c.features for c in cands])) >= fitted.threshold
    kept: list[model.Block] = []
    seen: dict[tuple[int, str], Counter[tuple[str, ...]]] = {}
    for cand, yes in zip(cands, keep, strict=True):
        if not yes:
            continue
        if cand.side != "both":
            sh = opinion.shingles(cand.block.text)
            rival = seen.get((cand.region, "other" if cand.side == "own" else "own"), Counter())
            if opinion.cover(sh, rival) >= settings()["repeat_share"]:
                continue
            seen[(cand.region, cand.side)] = seen.get((cand.region, cand.side), Counter()) | sh
        kept.append(cand.block)
    return kept


def page_decision(
    own: model.Article | None,
    other: model.Article | None,
    choice: str,
    markup: tuple[str, str],
    links: tuple[str, ...],
    agreement: float,
    structure: PageStructure | None = None,
) -> tuple[PageParts, model.Article | None]:
    """The page parts the decision reads and, when ``blocks.enabled``, the decided Article
    (None when off or when neither body found anything)."""
    parts = PageParts(
        own.blocks if own else (), other.blocks if other else (), choice, markup, links, agreement, structure
    )
    chosen = (own if choice == "own" else other) or own or other
    if not enabled() or chosen is None:
        return parts, None
    return parts, decided_article(parts, chosen, shipped_model())


def decided_article(parts: PageParts, chosen: model.Article, fitted: BlockModel) -> model.Article:
    """The chosen body's Article with the model's blocks; the chosen body when it keeps none."""
    kept = decide(candidates(parts), fitted)
    if not kept:
        return chosen
    have = {b.text for b in kept}
    dropped = tuple(model.RemovedLine(0, b.text, "block classifier") for b in chosen.blocks if b.text not in have)
    return replace(
        chosen, id=model.article_id(kept, chosen.title), blocks=tuple(kept), removed=chosen.removed + dropped
    )


# --------------------------------------------------------------------------- training


def block_labels(cands: Sequence[Candidate], truth: str | None) -> tuple[np.ndarray, np.ndarray]:
    """(label, weight) per candidate: 1 when most of its shingles are in the true text; the
    weight is its share of the page's candidate shingles (every page counts alike, as in the
    page-averaged metric)."""
    true = opinion.shingles(truth or "")
    short = short_grams(truth or "")
    sizes = np.array([max(1, sum(opinion.shingles(c.block.text).values())) for c in cands], dtype=float)
    labels = np.array([in_truth(c.block.text, true, short) for c in cands], dtype=float)
    return labels, sizes / sizes.sum() if len(sizes) else sizes


def in_truth(text: str, true: Counter[tuple[str, ...]], short: set[tuple[str, ...]]) -> bool:
    """Most of a block's shingles are in the true text; a block under 4 tokens (one short
    shingle) when its words stand together there."""
    tokens = tuple(_TOKEN.findall(text.lower()))
    if len(tokens) < 4:
        return tokens in short
    return opinion.cover(opinion.shingles(text), true) >= settings()["label_share"]


def short_grams(text: str) -> set[tuple[str, ...]]:
    """Every run of 1 to 3 tokens of ``text`` (lower-cased)."""
    tokens = _TOKEN.findall(text.lower())
    return {tuple(tokens[i : i + n]) for n in (1, 2, 3) for i in range(len(tokens) - n + 1)}


def fit(rows: np.ndarray, labels: np.ndarray, weights: np.ndarray, threshold: float | None = None) -> BlockModel:
    """Weighted L2-regularised logistic regression by Newton's method (deterministic)."""
    mean = rows.mean(axis=0)
    std = rows.std(axis=0)
    std[std < 1e-9] = 1.0
    x = np.hstack([(rows - mean) / std, np.ones((len(rows), 1))])
    w = weights / weights.sum() * len(weights)
    beta = np.zeros(x.shape[1])
    penalty = settings()["l2"] * np.eye(x.shape[1])
    penalty[-1, -1] = 0.0
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ beta, -30, 30)))
        grad = x.T @ (w * (p - labels)) + penalty @ beta
        hess = (x * (w * p * (1 - p))[:, None]).T @ x + penalty
        step = np.linalg.solve(hess + 1e-9 * np.eye(len(beta)), grad)
        beta -= step
        if np.abs(step).max() < 1e-8:
            break
    cut = settings()["threshold"] if threshold is None else threshold
    return BlockModel(mean, std, beta[:-1], float(beta[-1]), float(cut))


def fit_pages(pages: Sequence[tuple[Sequence[Candidate], str | None]]) -> BlockModel:
    """One model over pages given as (candidates, true text)."""
    rows, labels, weights = [], [], []
    for cands, truth in pages:
        if not cands:
            continue
        y, w = block_labels(cands, truth)
        rows.append(np.array([c.features for c in cands]))
        labels.append(y)
        weights.append(w)
    return fit(np.vstack(rows), np.concatenate(labels), np.concatenate(weights))
