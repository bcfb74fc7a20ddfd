"""A second opinion on an HTML page's main text, and the evidence that settles a disagreement.

newsfuse's own body (trafilatura in fast mode, readability's fallback, the post-filter) is checked
against trafilatura's full extraction (its own fallbacks on, comments off). Where the two agree
(enough shared 4-token shingles), the own body stands. Where they disagree badly, the body that
agrees better with the page's own article markup wins -- schema.org ``articleBody`` in JSON-LD or
microdata, else a single ``<article>`` element -- and, with no such markup, the body with more
prose (characters in lines of full sentences) after the page's headline. The settings live under
``second_opinion`` in ``data/html_rules.yaml``; nothing here is fitted to a page.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from lxml import etree

_TOKEN = re.compile(r"\w+")
ARTICLE_BODY_PROPS = ("articlebody", "text")


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    """Multiset of n-token shingles (tokens are ``\\w+``, lower-cased)."""
    tokens = _TOKEN.findall(text.lower())
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i : i + n])


def cover(a: Counter[tuple[str, ...]], b: Counter[tuple[str, ...]]) -> float:
    """Share of a's shingles that b's shingles hold; 0 for an empty a."""
    total = sum(a.values())
    return sum((a & b).values()) / total if total else 0.0


def agreement(a: Counter[tuple[str, ...]], b: Counter[tuple[str, ...]]) -> tuple[float, float]:
    """(share of a's shingles found in b, share of b's found in a); 0 for an empty side."""
    return cover(a, b), cover(b, a)


def f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


# --------------------------------------------------------------------------- the page's own markup


def markup_body(tree: etree._Element | None, jsonld_body: str | None) -> tuple[str, str]:
    """(source, text) of the page's own declaration of its article body; ("", "") when none.

    JSON-LD ``articleBody`` first, then microdata ``itemprop=articleBody``, then the one
    ``<article>`` element of the page (several ``<article>`` elements are teasers, not a body).
    """
    if jsonld_body and len(_TOKEN.findall(jsonld_body)) >= 20:
        return "json-ld articleBody", jsonld_body
    if tree is None:
        return "", ""
    for el in tree.iter():
        if isinstance(el.tag, str) and (el.get("itemprop") or "").strip().lower() == "articlebody":
            return "itemprop articleBody", _visible_text(el)
    articles = [el for el in tree.iter("article")]
    outer = [el for el in articles if not any(a is not el and _contains(a, el) for a in articles)]
    if len(outer) == 1:
        return "<article>", _visible_text(outer[0])
    return "", ""


def _contains(outer: etree._Element, inner: etree._Element) -> bool:
    return any(p is outer for p in inner.iterancestors())


def _visible_text(el: etree._Element) -> str:
    parts = []
    for node in el.iter():
        if not isinstance(node.tag, str) or node.tag in ("script", "style", "noscript", "template"):
            if node is not el:
                parts.append(node.tail or "")
            continue
        parts.append(node.text or "")
        if node is not el:
            parts.append(node.tail or "")
    return " ".join(parts)


# --------------------------------------------------------------------------- evidence and decision


def prose_chars(text: str, min_words: int) -> int:
    """Characters in lines with at least ``min_words`` words: menus and link lists score near zero."""
    return sum(len(line) for line in text.split("\n") if len(_TOKEN.findall(line)) >= min_words)


def before_headline(text: str, headline: str | None) -> float:
    """Share of ``text``'s tokens that come before the headline's first occurrence in it (0: absent).

    An article body follows its headline; a body holding the headline far down holds the page's
    chrome (menus, teasers) before it.
    """
    tokens = _TOKEN.findall(text.lower())
    head = _TOKEN.findall((headline or "").lower())[:8]
    if len(head) < 3 or not tokens:
        return 0.0
    n = len(head)
    for i in range(len(tokens) - n + 1):
        if tokens[i : i + n] == head:
            return round(i / len(tokens), 3)
    return 0.0


def evidence(
    own: str, other: str, reference: tuple[str, str], min_words: int, headline: str | None = None
) -> dict[str, Any]:
    """Numbers the decision is made on (kept in the log line)."""
    a, b = shingles(own), shingles(other)
    own_in_other, other_in_own = agreement(a, b)
    out: dict[str, Any] = {
        "agreement": round(f1(own_in_other, other_in_own), 3),
        "own_in_other": round(own_in_other, 3),
        "other_in_own": round(other_in_own, 3),
        "own_tokens": len(_TOKEN.findall(own)),
        "other_tokens": len(_TOKEN.findall(other)),
        "own_prose": prose_chars(own, min_words),
        "other_prose": prose_chars(other, min_words),
        "own_before_headline": before_headline(own, headline),
        "other_before_headline": before_headline(other, headline),
        "markup": reference[0],
    }
    if reference[0]:
        ref = shingles(reference[1])
        for name, cand in (("own", a), ("other", b)):
            p, _ = agreement(cand, ref)  # share of the candidate inside the page's article markup
            _, r = agreement(ref, cand)  # share of the markup's text the candidate has
            out[f"{name}_markup_f1"] = round(f1(p, r), 3)
    return out


def disagree(ev: dict[str, Any], params: dict[str, Any]) -> bool:
    """The two bodies disagree badly: few shared shingles, or one far shorter than the other."""
    return ev["agreement"] < params["agree_below"] or _shorter_share(ev) < params["shorter_share"]


def _shorter_share(ev: dict[str, Any]) -> float:
    longer = max(ev["own_tokens"], ev["other_tokens"])
    return min(ev["own_tokens"], ev["other_tokens"]) / longer if longer else 1.0


def arbitrate(ev: dict[str, Any], params: dict[str, Any]) -> str:
    """ "own" or "other".

    1. A side that found nothing loses; bodies that agree keep the own one.
    2. The page's own article markup (schema.org articleBody; a single <article> element when
       ``params["use_article_element"]``) decides when one side matches it by ``markup_margin``.
    3. A body holding more than ``lead_share`` of its text before the headline loses to one that
       does not (an article follows its headline).
    4. An own body far shorter than the second opinion is taken for truncated (trafilatura's full
       extraction falls back exactly when its first pass looks too short): the other wins.
    5. Otherwise the side with ``prose_margin`` times more prose wins, the own one on a tie.
    """
    if ev["other_tokens"] == 0 or not disagree(ev, params):
        return "own"
    if ev["own_tokens"] == 0:
        return "other"
    if "own_markup_f1" in ev and (ev["markup"] != "<article>" or params["use_article_element"]):
        if abs(ev["other_markup_f1"] - ev["own_markup_f1"]) > params["markup_margin"]:
            return "other" if ev["other_markup_f1"] > ev["own_markup_f1"] else "own"
    own_lead, other_lead = ev.get("own_before_headline", 0.0), ev.get("other_before_headline", 0.0)
    if max(own_lead, other_lead) > params["lead_share"] >= min(own_lead, other_lead):
        return "own" if own_lead < other_lead else "other"
    if ev["own_tokens"] < params["shorter_share"] * ev["other_tokens"]:
        return "other"
    return "other" if ev["other_prose"] > params["prose_margin"] * ev["own_prose"] else "own"
