"""HTML page -> Article: main text (headings + paragraphs), title, date, author, outlet.

The page is first read as a browser builds it (``page_repair``: content after an early ``</html>``,
parts a streaming server sent after its shell). trafilatura finds the main text (a recall pass fills
the gaps inside it; sections only its full
extraction found inside it are put back); readability-lxml is the fallback when trafilatura's body
looks like a menu; a post-filter drops chrome blocks (rules in ``data/html_rules.yaml``) and,
when present, the text-dump cleaner's line rules; what follows the article's element on the page
is dropped. Metadata comes from schema.org JSON-LD,
Open Graph and meta tags, then trafilatura's own metadata search; the date is the address's,
else the one printed beside the headline (``visible_date``: the nearest to it, a revision date
only when no other is printed and Open Graph declares no publication), else the declared one; the reader's
``doc.meta`` wins over all of them. Untrusted input: size-bounded, parsed only, nothing executed.
"""

from __future__ import annotations

import copy
import datetime as dt
import html as htmllib
import itertools
import json
import logging
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import product
from pathlib import Path
from typing import Any

import lxml.html
import trafilatura
from lxml import etree
from readability import Document
from trafilatura.metadata import extract_metadata
from trafilatura.settings import use_config

from newsfuse import model
from newsfuse.clean import blocks, opinion
from newsfuse.clean.byline import tidy_author, visible_byline
from newsfuse.clean.dates import date_in_url, find_date
from newsfuse.clean.errors import CleanError
from newsfuse.clean.text import CleanResult, clean_text_lines
from newsfuse.clean.titles import SITE_NAME_REASON, outlet_as_named, without_site_name
from newsfuse.clean.visible_date import date_beside_headline, marked_publication

from ..text.yamlfile import load_yaml

log = logging.getLogger(__name__)
DATA = Path(__file__).with_name("data") / "html_rules.yaml"
_WS = re.compile(r"\s+")
_TOKEN = re.compile(r"\w+")
_ENDS_SENTENCE = re.compile(r"[.!?…][\"'”’)\]]*\s*$")
BLOCK_TAGS = {"head", "p", "item", "row", "code", "quote"}
MAX_DEPTH = 60  # nesting deeper than this in the extracted body is dropped
CONTAINER_TAGS = {"body", "div", "list", "table", "quote", "main", "cell"}
META_FIELDS = ("title", "published", "author", "outlet")
ARTICLE_TYPES = {
    "newsarticle",
    "article",
    "reportagenewsarticle",
    "blogposting",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "backgroundnewsarticle",
    "webpage",
    "liveblogposting",
    "report",
}
PAGE_TYPES = frozenset({"webpage"})


@dataclass(frozen=True)
class ChromeRule:
    reason: str
    pattern: re.Pattern[str]


@lru_cache(maxsize=1)
def rules() -> dict[str, Any]:
    data = load_yaml(DATA.read_text(encoding="utf-8"))
    data["chrome"] = tuple(
        ChromeRule(group["reason"], re.compile(p, re.IGNORECASE))
        for group in data["chrome_blocks"]
        for p in group["patterns"]
    )
    for key, patterns in (("compiled", "headings"), ("compiled_lists", "lists")):
        data["article_end"][key] = tuple(re.compile(p, re.IGNORECASE) for p in data["article_end"][patterns])
    container = data["article_container"]
    container["compiled_questions"] = tuple(re.compile(p, re.IGNORECASE) for p in container["question_headings"])
    return data


# --------------------------------------------------------------------------- entry point


@dataclass(frozen=True)
class Variants:
    """Both finished readings of one page: ``articles["own"]`` (newsfuse's extraction) and
    ``articles["other"]`` (trafilatura's full extraction, the second opinion; None when it found
    nothing), with the ``evidence`` between them (see ``opinion.evidence``)."""

    evidence: dict[str, Any]
    articles: dict[str, model.Article | None]
    parts: blocks.PageParts | None = None  # what the block-level decision reads (``clean/blocks.py``)


def clean_html(doc: model.RawDocument, params: dict[str, Any] | None = None) -> model.Article:
    """Main text and metadata of one HTML page; CleanError when there is no text.

    The body is newsfuse's own unless trafilatura's second opinion disagrees badly with it and
    the page's evidence favours trafilatura's (``opinion.arbitrate``). Where the two disagree,
    one line in ``removed`` (reason "second opinion") and in the log says which won and why.
    """
    variants = html_variants(doc)
    choice = "blocks" if variants.articles.get("blocks") else arbitrate(variants.evidence, params or opinion_params())
    article = variants.articles[choice]
    if article is None:
        raise CleanError("no main text found in HTML")
    if not opinion.disagree(variants.evidence, params or opinion_params()):
        return article
    line = _log_line(choice, variants.evidence)
    log.info("%s: %s", doc.source_path, line)
    return replace(article, removed=article.removed + (model.RemovedLine(0, line, "second opinion"),))


def html_variants(doc: model.RawDocument, with_parts: bool = False) -> Variants:
    """Own and second-opinion articles of one page with the evidence between them; with ``with_parts``
    (the benchmark cross-fits the block-level decision on them) or ``blocks.enabled``, also the page
    parts that decision reads, and its article when enabled (the page structure is read only then)."""
    html = repaired_page(_bounded(doc.text))
    tree = _parse(html)
    meta = document_metadata(doc, tree, html)
    url = meta.get("url") or doc.url
    reference = opinion.markup_body(tree, meta.pop("article_body", None))
    reads_blocks = with_parts or blocks.enabled()
    links = blocks.link_texts(tree)  # a list heading's continuation is told from its links' texts
    structure = blocks.page_structure(tree) if reads_blocks and blocks.structure_on() else None
    own_blocks = extract_blocks(tree, html, url=url)  # prunes tree: markup and links read above
    other_blocks = second_opinion_blocks(html, url)
    own = _finished(doc, meta, own_blocks, links)
    other = _finished(doc, meta, other_blocks, links)
    if own is None and other is None:
        raise CleanError("no main text found in HTML")
    words = rules()["fallback"]["prose_min_words"]
    ev = opinion.evidence(_body_text(own), _body_text(other), reference, words, meta.get("title"))
    # the decision is between the two passes as they came; the own body then gets its skipped sections
    with_sections = insert_sections(own_blocks, other_blocks)
    if own is not None and len(with_sections) > len(own_blocks):
        own = _finished(doc, meta, with_sections, links)
    page, index = _page_index(html)  # trafilatura pruned the first tree
    own, other = _completed(doc, meta, page, index, links, own, other)
    own, other = _within_container(own, page, index), _within_container(other, page, index)
    own, other = _without_repeats(own), _without_repeats(other)  # after the decision's evidence, as above
    if not reads_blocks:
        return Variants(ev, {"own": own, "other": other})
    choice = arbitrate(ev, opinion_params())
    parts, decided = blocks.page_decision(own, other, choice, reference, links, ev["agreement"], structure)
    return Variants(ev, {"own": own, "other": other, **({"blocks": decided} if decided else {})}, parts)


def document_metadata(doc: model.RawDocument, tree: etree._Element | None, html: str) -> dict[str, Any]:
    """Title, date, author, outlet and url of one page (the reader's ``doc.meta`` wins)."""
    meta = {**page_metadata(tree), **{k: v for k, v in doc.meta.items() if v}}
    if not tidy_author(meta.get("author")):  # the byline the page shows, before trafilatura's guess
        _set_visible_byline(meta, tree)
    if any(not meta.get(key) for key in META_FIELDS):  # trafilatura's wider search fills gaps
        for key, value in trafilatura_metadata(tree if tree is not None else html, meta.get("url")).items():
            meta.setdefault(key, value)
    if not doc.meta.get("published"):
        _set_page_date(meta, tree, meta.get("url") or doc.url)
    return meta


def _set_page_date(meta: dict[str, Any], tree: etree._Element | None, url: str | None) -> None:
    """The date in the article's address (fixed when it was first published), else the date the
    page prints beside its headline, else the one a ``<time pubdate>`` element prints for the
    article (HTML5's mark of a publication date), else the declared one (already in ``meta``).

    A printed date labelled as a revision ("Updated Dec 4, 2025"), when no other is printed, is
    the date the page gives its reader for the text it holds: it is taken unless the page declares
    its first publication in Open Graph (``publication_in_open_graph``), which then stands. A
    printed date the declared timestamp can be in some time zone (``same_moment``) is that moment:
    the declared one stands. A date only trafilatura's search found is no declaration: the printed
    one stands before it.
    """
    if date_in_url(url):
        meta["published"] = date_in_url(url)
        return
    declared = declared_publication(tree)
    shown = date_beside_headline(tree, meta.get("title"), outlet=meta.get("outlet"))
    if shown is None:
        shown = marked_publication(tree, meta.get("title"), meta.get("outlet"))
    if shown is None and not publication_in_open_graph(tree):
        shown = date_beside_headline(tree, meta.get("title"), revisions=True, outlet=meta.get("outlet"))
    if shown and not same_moment(shown, declared):
        meta["published"] = shown


def same_moment(shown: str, declared: Any) -> bool:
    """Whether the printed date ``shown`` can be the declared timestamp read in some time zone.

    A declared instant with its UTC offset falls on at most two calendar days over the world's
    zones (``utc_offsets_hours``, UTC-12 to UTC+14); a declared date without one is taken to be
    within ``same_moment_days`` of any local reading of it.
    """
    day = iso_date(declared)
    if not day:
        return False
    instant = _instant(declared)
    cfg = rules()["visible_date"]
    if instant is None:
        return _days_apart(shown, day) <= cfg["same_moment_days"]
    west, east = (instant + dt.timedelta(hours=h) for h in cfg["utc_offsets_hours"])
    return west.date().isoformat() <= shown <= east.date().isoformat()


_INSTANT = re.compile(r"(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2})?)(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})")


def _instant(value: Any) -> dt.datetime | None:
    """The UTC instant of an ISO timestamp that names its offset ("...T22:02:58Z"); else None."""
    m = _INSTANT.search(value) if isinstance(value, str) else None
    if not m:
        return None
    offset = "+00:00" if m.group(3) == "Z" else m.group(3)[:3] + ":" + m.group(3)[-2:]
    try:
        return dt.datetime.fromisoformat(f"{m.group(1)}T{m.group(2)}{offset}").astimezone(dt.UTC)
    except ValueError:
        return None


def declared_publication(tree: etree._Element | None) -> str | None:
    """The publication timestamp the page declares in its markup (schema.org, meta tags) as
    written there; None when it declares none (a date trafilatura guessed is no declaration)."""
    if tree is None:
        return None
    for source in (_jsonld_meta(tree), _meta_tags(tree), _jsonld_meta(tree, PAGE_TYPES)):
        if iso_date(source.get("published")):
            return source["published"]
    return None


def publication_in_open_graph(tree: etree._Element | None) -> bool:
    """Whether the page declares its publication date in an Open Graph ``<meta>`` (the names in
    ``visible_date.publication_meta``: ``article:published_time``, the protocol's "when the
    article was first published"), the declaration a printed revision date does not override."""
    if tree is None:
        return False
    names = set(rules()["visible_date"]["publication_meta"])
    return any(
        (el.get("property") or el.get("name") or "").strip().lower() in names and iso_date(el.get("content"))
        for el in tree.iter("meta")
    )


def _days_apart(a: str, b: str) -> int:
    return abs((dt.date.fromisoformat(a) - dt.date.fromisoformat(b)).days)


def _set_visible_byline(meta: dict[str, Any], tree: etree._Element | None) -> None:
    meta.pop("author", None)
    name = visible_byline(tree)
    if name and _key(name) != _key(meta.get("outlet") or ""):
        meta["author"] = name


def arbitrate(ev: dict[str, Any], params: dict[str, Any]) -> str:
    """ "own" or "other" (see ``opinion.arbitrate``)."""
    return opinion.arbitrate(ev, params)


def opinion_params() -> dict[str, Any]:
    """The second-opinion setting the package uses."""
    return dict(rules()["second_opinion"]["default"])


def opinion_grid() -> list[dict[str, Any]]:
    """Every second-opinion setting a benchmark may choose from (the default first)."""
    grid = rules()["second_opinion"]["grid"]
    keys = sorted(grid)
    settings = [dict(zip(keys, values)) for values in product(*(grid[k] for k in keys))]
    default = opinion_params()
    return [default] + [s for s in settings if s != default]


def _log_line(choice: str, ev: dict[str, Any]) -> str:
    who = "second opinion (trafilatura full extraction)" if choice == "other" else "own extraction"
    facts = ", ".join(f"{k} {v}" for k, v in ev.items() if v not in ("", None))
    return f"{who} kept as the body ({facts})"


def _body_text(article: model.Article | None) -> str:
    return "\n".join(b.text for b in article.blocks) if article else ""


def _finished(
    doc: model.RawDocument, meta: dict[str, Any], blocks: list[model.Block], links: tuple[str, ...] = ()
) -> model.Article | None:
    """The Article for one extracted body after the post-filter; None when nothing is left."""
    blocks, removed, posts = post_filter(blocks, meta, links)
    if not blocks:
        return None
    title = _clean(meta.get("title") or "") or None
    outlet = outlet_as_named(_clean(meta.get("outlet") or "") or None)
    if title:
        title, site = without_site_name(title, outlet, meta.get("url") or doc.url)
        removed = [*removed, *(model.RemovedLine(0, part.strip(), SITE_NAME_REASON) for part in site)]
    return model.Article(
        id=model.article_id(blocks, title),
        source_path=doc.source_path,
        format=doc.format,
        title=title,
        published=iso_date(meta.get("published")),
        outlet=outlet,
        author=tidy_author(_clean(meta.get("author") or "")),
        blocks=tuple(blocks),
        removed=tuple(removed),
        embedded_posts=posts,
        url=meta.get("url") or doc.url,
        external_id=doc.external_id,
        input_sha256=doc.input_sha256,
    )


def _bounded(html: str) -> str:
    limit = rules()["limits"]["max_html_chars"]
    if len(html) > limit:
        raise CleanError(f"HTML too large ({len(html)} characters, limit {limit})")
    if not html.strip():
        raise CleanError("empty HTML")
    return html


def repaired_page(html: str) -> str:
    """The page as a browser builds it, where ``page_repair`` in ``data/html_rules.yaml`` says so."""
    cfg = rules()["page_repair"]
    html = without_early_end_tags(html) if cfg["early_end_tags"] else html
    return with_streamed_segments(html) if cfg["streamed_segments"] else html


_DOCUMENT_END_TAG = re.compile(r"</(?:body|html)\s*>", re.IGNORECASE)


def without_early_end_tags(html: str) -> str:
    """The page without its ``</body>`` and ``</html>`` end tags. A template that closes the page and
    then prints the article after it is read by browsers as one body: HTML's tree construction goes
    from "after body" back to "in body" for any content after those tags. libxml2 drops what follows
    them instead; the parser closes both elements at the end of the input by itself."""
    return _DOCUMENT_END_TAG.sub("", html)


_SEGMENT_MARK = re.compile(r"<div\s+hidden\s+id=[\"']?S:", re.IGNORECASE)
_SEGMENT_ID = re.compile(r"S:(\w+)$")


def with_streamed_segments(html: str) -> str:
    """The page with the parts a streaming server sent after its shell put in their places.

    React's streaming renderer prints a placeholder (``<template id="B:n">`` or ``"P:n"``, the
    first followed by its loading fallback up to the ``<!--/$-->`` comment) where a part is not ready,
    and the part itself later in a hidden ``<div hidden id="S:n">``; its inline script moves the part
    into the placeholder, replacing the fallback. Nothing runs here, so the move is made on the tree:
    without it the article's paragraphs stand in hidden elements at the page's end, or nowhere once
    hidden elements are passed over. Pages without such parts are returned as they are."""
    if not _SEGMENT_MARK.search(html):
        return html
    tree = _parse(html, keep_comments=True)
    if tree is None:
        return html
    places = {el.get("id"): el for el in tree.iter("template") if el.get("id")}
    moved = 0
    for part in list(tree.iter("div")):
        found = _SEGMENT_ID.match(part.get("id") or "") if part.get("hidden") is not None else None
        place = places.get(f"B:{found.group(1)}", places.get(f"P:{found.group(1)}")) if found else None
        if place is None or place.getparent() is None or part.getparent() is None:
            continue
        _drop_fallback(place)
        _replace_with_children(place, part)
        moved += 1
    return lxml.html.tostring(tree, encoding="unicode") if moved else html


def _drop_fallback(place: etree._Element) -> None:
    """The loading fallback after a boundary's placeholder, up to its closing ``<!--/$-->`` comment."""
    following = list(place.itersiblings())
    end = next((n for n, el in enumerate(following) if el.tag is etree.Comment and (el.text or "") == "/$"), None)
    for el in following[: end or 0]:
        _remove_keeping_tail(el)


def _replace_with_children(place: etree._Element, part: etree._Element) -> None:
    """``part``'s content where ``place`` stands; both are removed."""
    after = place.tail or ""
    place.tail = part.text or ""
    children = list(part)
    at = place.getparent().index(place)
    for n, child in enumerate(children):
        place.getparent().insert(at + 1 + n, child)
    last = children[-1] if children else place
    last.tail = (last.tail or "") + after
    _remove_keeping_tail(part)
    _remove_keeping_tail(place)


def _remove_keeping_tail(el: etree._Element) -> None:
    """``el`` out of the tree, the text after it left in place."""
    parent = el.getparent()
    if parent is None:
        return
    tail, previous = el.tail, el.getprevious()
    parent.remove(el)
    if not tail:
        return
    if previous is not None:
        previous.tail = (previous.tail or "") + tail
    else:
        parent.text = (parent.text or "") + tail


def _parse(html: str, keep_comments: bool = False) -> etree._Element | None:
    """lxml tree for metadata; None when libxml2 cannot make one (trafilatura then tries)."""
    try:
        # Encoding declarations inside a str make lxml refuse it; bytes avoid that.
        parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=not keep_comments, no_network=True)
        return lxml.html.fromstring(html.encode("utf-8", "surrogatepass"), parser=parser)
    except (etree.ParserError, ValueError, UnicodeError):
        return None


# --------------------------------------------------------------------------- main text


def extract_blocks(tree: etree._Element | None, html: str, url: str | None = None) -> list[model.Block]:
    """trafilatura's body as blocks, its gaps filled by a recall pass (readability's body when
    trafilatura's looks like a menu).

    trafilatura prunes ``tree`` in place: read metadata from it before this.
    """
    cfg = rules()
    recall_page = copy.deepcopy(tree) if tree is not None and cfg["gap_fill"]["enabled"] else html
    blocks = _trafilatura_blocks(tree if tree is not None else html, url, cfg["trafilatura"])
    if blocks and cfg["gap_fill"]["enabled"]:
        blocks = fill_gaps(blocks, _trafilatura_blocks(recall_page, url, cfg["gap_fill"]["trafilatura"]))
    if _needs_fallback(blocks):
        other = readability_blocks(html)
        if _prose_score(other) > rules()["fallback"]["margin"] * _prose_score(blocks):
            blocks = other
    return [model.Block(b.kind, _clean(b.text)) for b in blocks]


def fill_gaps(body: list[model.Block], recall: list[model.Block]) -> list[model.Block]:
    """``recall``'s blocks from the body's first block to its last: what a precise pass skipped
    inside the article (a list, a section between two kept paragraphs) comes back; what lies
    before the article's first block or after its last (cookie notices, disclosures, footers)
    does not. ``body`` stands when ``recall`` does not hold its first and last blocks in order.
    """
    texts = [_clean(b.text) for b in recall]
    first, last = _clean(body[0].text), _clean(body[-1].text)
    if first not in texts or last not in texts:
        return body
    start, end = texts.index(first), len(texts) - 1 - texts[::-1].index(last)
    return recall[start : end + 1] if end >= start else body


def insert_sections(body: list[model.Block], other: list[model.Block]) -> list[model.Block]:
    """``body`` with the sections only ``other`` found inside it put back in their place.

    A run of ``other``'s blocks that ``body`` lacks, standing between two blocks both hold, is
    inserted after the first of the two when it holds at least ``sections.min_words`` words: a
    section the precise pass skipped (a folded FAQ, a tabbed part), not a widget between
    paragraphs. Nothing before the body's first shared block or after its last is added.
    A block of ``other`` whose words the body already holds, cut otherwise (a paragraph the precise
    pass split at its inline code, ``sections.covered_share`` of its 4-token shingles), is not
    lacking: it is passed over, neither inserted nor counted.
    """
    have = {b.text for b in body}
    held = opinion.shingles("\n".join(b.text for b in body))
    cfg = rules()["sections"]
    inserts: dict[str, list[model.Block]] = {}
    previous: str | None = None
    run: list[model.Block] = []
    for block in other:
        if block.text not in have:
            if opinion.cover(opinion.shingles(block.text), held) < cfg["covered_share"]:
                run.append(block)
            continue
        if previous is not None and sum(len(_TOKEN.findall(b.text)) for b in run) >= cfg["min_words"]:
            inserts.setdefault(previous, []).extend(run)
        previous, run = block.text, []
    out: list[model.Block] = []
    for block in body:
        out += [block, *inserts.pop(block.text, [])]
    return out


def _page_index(html: str) -> tuple[etree._Element | None, dict[str, etree._Element]]:
    """The page parsed again with its elements by text (``_elements_by_text``), for the steps that
    read the finished bodies against the page; none when no such step is on."""
    cfg = rules()
    if not (cfg["completion"]["enabled"] or cfg["article_container"]["enabled"]):
        return None, {}
    tree = _parse(html)
    return tree, _elements_by_text(tree) if tree is not None else {}


def _completed(
    doc: model.RawDocument,
    meta: dict[str, Any],
    tree: etree._Element | None,
    index: dict[str, etree._Element],
    links: tuple[str, ...],
    *articles: model.Article | None,
) -> tuple[model.Article | None, ...]:
    """Each finished body with the prose its own container holds and it lacks (``complete_body``),
    finished again where that added any."""
    if not rules()["completion"]["enabled"] or tree is None:
        return articles
    out = []
    for article in articles:
        blocks_ = list(article.blocks) if article else []
        completed = _completed_blocks(blocks_, tree, index) if blocks_ else blocks_
        out.append(_finished(doc, meta, completed, links) if len(completed) > len(blocks_) else article)
    return tuple(out)


def _without_repeats(article: model.Article | None) -> model.Article | None:
    """The finished body without a second copy of the article (``drop_repeated_runs``). It is dropped
    after the evidence between the two bodies is taken, as sections and completion are added after:
    the decision weighs the passes as they came."""
    if article is None:
        return None
    kept, removed = drop_repeated_runs(list(article.blocks), [])
    if not removed:
        return article
    return replace(
        article, id=model.article_id(kept, article.title), blocks=tuple(kept), removed=article.removed + tuple(removed)
    )


def _within_container(
    article: model.Article | None, tree: etree._Element | None, index: dict[str, etree._Element]
) -> model.Article | None:
    """The finished body without what follows its article's element (``cut_after_container``) and with
    the subheadings opening that element put back (``leading_subheadings``); after the decision's
    evidence, as completion. The article's element is found once, from the whole body, for both."""
    if article is None or tree is None or not rules()["article_container"]["enabled"]:
        return article
    body = list(article.blocks)
    elements = [_element_for(index, b.text) for b in body]
    container = _article_element(body, elements)
    kept, removed = _cut_after(body, elements, container)
    subheadings = rules()["article_container"]["subheadings"]
    leading = _subheadings_inside(article.removed, index, container) if subheadings else []
    if not removed and not leading:
        return article
    kept = [model.Block("heading", text) for text in leading] + kept
    others = tuple(r for r in article.removed if not (r.reason == _LEADING and r.text in leading))
    return replace(
        article, id=model.article_id(kept, article.title), blocks=tuple(kept), removed=others + tuple(removed)
    )


_LEADING = "headline or standfirst"


def leading_subheadings(
    body: list[model.Block],
    removed: Sequence[model.RemovedLine],
    tree: etree._Element,
    index: dict[str, etree._Element] | None = None,
) -> list[str]:
    """The headings dropped before the body's first paragraph (``_drop_leading_headings``) that stand
    inside the article's element (see ``cut_after_container``): the article's own first subheadings
    ("What is an index fund?", "Introduction"), not the headline, kicker or standfirst the page sets
    above it."""
    index = index if index is not None else _elements_by_text(tree)
    return _subheadings_inside(removed, index, _article_element(body, [_element_for(index, b.text) for b in body]))


def _subheadings_inside(
    removed: Sequence[model.RemovedLine], index: dict[str, etree._Element], article: etree._Element | None
) -> list[str]:
    """The headings dropped as headline or standfirst that stand inside ``article`` (see ``leading_subheadings``)."""
    if article is None:
        return []
    return [
        r.text
        for r in removed
        if r.reason == _LEADING and (el := _element_for(index, r.text)) is not None and article in el.iterancestors()
    ]


def cut_after_container(
    body: list[model.Block], tree: etree._Element | None, index: dict[str, etree._Element] | None = None
) -> tuple[list[model.Block], list[model.RemovedLine]]:
    """``body`` without the blocks after its article's element that stand outside it.

    The article's element is the deepest one holding ``article_container.prose_share`` of the body's
    prose words (Readability's top candidate, grown to the siblings that hold the rest of the text);
    a page sets its article in one element and what follows it -- other stories, the sign-up box, the
    company's pitch, the site's footer -- outside; where one part of that element holds most of the
    prose, the article ends with that part and its like (``_article_parts``), or with the element's own
    paragraphs that close it after them (``_closing_section``). From the first block
    after the last one inside them that stands outside them, the body is dropped; a block not found in
    the page (text the extractor joined or split) is no evidence either way, and nothing before the
    element's last block is dropped.
    """
    if tree is None:
        return body, []
    index = index if index is not None else _elements_by_text(tree)
    elements = [_element_for(index, b.text) for b in body]
    return _cut_after(body, elements, _article_element(body, elements))


def _cut_after(
    body: list[model.Block], elements: list[etree._Element | None], article: etree._Element | None
) -> tuple[list[model.Block], list[model.RemovedLine]]:
    """``body`` without its blocks after ``article`` (its elements found in the page, see ``cut_after_container``)."""
    if article is None:
        return body, []
    parts = _article_parts(body, elements, article)
    if parts != [article] and _questions_after(body, elements, article, parts):
        parts = [article]
    inside = [el is not None and any(el is p or p in el.iterancestors() for p in parts) for el in elements]
    last = max(i for i, x in enumerate(inside) if x)
    if parts != [article]:
        last = _closing_section(elements, article, last)
    cut = next((i for i in range(last + 1, len(body)) if elements[i] is not None), len(body))
    return body[:cut], [model.RemovedLine(0, b.text, "after the article's element") for b in body[cut:]]


def _questions_after(
    body: list[model.Block], elements: list[etree._Element | None], article: etree._Element, parts: list[etree._Element]
) -> bool:
    """Whether the article's element holds, outside its main part, a heading of the article's own questions
    ("FAQ", "Frequently asked questions": ``article_container.question_headings``): the article goes on past its
    main part to its questions, so the element, not the part, ends it."""
    patterns = rules()["article_container"]["compiled_questions"]
    return any(
        b.kind == "heading"
        and any(p.match(b.text) for p in patterns)
        and el is not None
        and article in el.iterancestors()
        and not any(el is q or q in el.iterancestors() for q in parts)
        for b, el in zip(body, elements, strict=True)
    )


def _closing_section(elements: list[etree._Element | None], article: etree._Element, last: int) -> int:
    """The body's last block when the article closes, after its main part, with the article element's
    own paragraphs, headings and lists (``article_container.flow_tags``) and nothing else of that
    element follows them; else ``last``. A block not found in the page is passed over."""
    flow = rules()["article_container"]["flow_tags"]
    end = last
    for i in range(last + 1, len(elements)):
        if elements[i] is None:
            continue
        child = _child_holding(article, elements[i])
        if child is None or child.tag not in flow:
            break
        end = i
    rest = (_child_holding(article, el) for el in elements[end + 1 :] if el is not None)
    return end if all(child is None for child in rest) else last


def _article_element(body: list[model.Block], elements: list[etree._Element | None]) -> etree._Element | None:
    """The deepest element holding ``article_container.prose_share`` of the prose words of ``body``
    (at least ``min_prose_blocks`` prose blocks found in the page); None when only <body>/<html> does."""
    cfg = rules()["article_container"]
    prose = [
        (el, len(_TOKEN.findall(b.text)))
        for b, el in zip(body, elements, strict=True)
        if el is not None and blocks.is_prose(b.text)
    ]
    if len(prose) < cfg["min_prose_blocks"]:
        return None
    held: dict[etree._Element, int] = {}
    for el, words in prose:
        for holder in (el, *el.iterancestors()):
            held[holder] = held.get(holder, 0) + words
    need = cfg["prose_share"] * sum(words for _, words in prose)
    holders = [el for el, words in held.items() if words >= need and el.tag not in ("html", "body")]
    return max(holders, key=lambda el: sum(1 for _ in el.iterancestors()), default=None)


def _article_parts(
    body: list[model.Block], elements: list[etree._Element | None], article: etree._Element
) -> list[etree._Element]:
    """The parts of the article's element that hold the article: its child holding
    ``article_container.main_part_share`` of the body's prose words, when that child is a section of
    the page (``main_part_tags``), with its siblings of the same tag and classes (the article's other
    chunks, as ``add_continued_chunks`` reads them); else the element itself.

    The share the article's element is found by counts what follows the text too (a company's
    description, other stories' summaries) when it stands beside the text in the same wrapper; the
    part holding most of the prose is the text's own section, and what the wrapper's other kinds of
    part hold after it is not. A part that is one paragraph or list (a page whose element holds its
    paragraphs directly) is no section.
    """
    cfg = rules()["article_container"]
    words: dict[etree._Element, int] = {}
    for b, el in zip(body, elements, strict=True):
        part = _child_holding(article, el)
        if part is not None and blocks.is_prose(b.text):
            words[part] = words.get(part, 0) + len(_TOKEN.findall(b.text))
    if not words:
        return [article]
    main, held = max(words.items(), key=lambda kv: kv[1])
    too_small = held < cfg["main_part_share"] * sum(words.values())
    if main is article or too_small or main.tag not in cfg["main_part_tags"]:
        return [article]
    return [child for child in article if _kind(child) == _kind(main)]


def _child_holding(article: etree._Element, el: etree._Element | None) -> etree._Element | None:
    """The child of ``article`` that ``el`` stands in (``article`` for its own text, None outside it)."""
    if el is None or el is article:
        return el
    child = el
    for parent in el.iterancestors():
        if parent is article:
            return child
        child = parent
    return None


def _completed_blocks(
    body: list[model.Block], tree: etree._Element, index: dict[str, etree._Element]
) -> list[model.Block]:
    """``body`` completed from its page (see the three steps), with the page's text index built once."""
    completed = complete_body(body, tree, index)
    return restore_subheadings(add_continued_chunks(completed, tree, index), tree, index)


def complete_body(
    body: list[model.Block], tree: etree._Element | None, index: dict[str, etree._Element] | None = None
) -> list[model.Block]:
    """``body`` with the paragraphs of its container that it lacks, in page order, when they show it
    was cut short.

    The container is the deepest element holding every prose block of the body (as Readability takes
    the node holding the article's paragraphs). Its innermost paragraphs, list items and subheadings
    (not a wrapper holding others) from the body's first block on that the body lacks are candidates
    unless they stand in a link (a teaser is a link), hold a link share above ``max_link_share``
    (boilerpipe's link density), stand inside page furniture (``skip_tags``; an element named by a
    ``blocks.structure.class_words`` group: comments, related, share, author boxes...) or are not
    prose. They are put back only when there are at least ``min_elements`` prose ones with at least
    ``min_share`` of the body's words: a body that lacks that much of its own container's prose was
    cut short (an embed or table wrapper the extractor skipped); a stray paragraph is no such
    evidence.
    """
    cfg = rules()["completion"]
    found = _container(body, tree, index)
    if found is None:
        return body
    container, first = found
    have = opinion.shingles("\n".join(b.text for b in body))
    texts = {b.text for b in body}
    added = [
        (n, block)
        for n, el in enumerate(container.iter())
        if n >= first and (block := _missing_block(el, container, have, texts, cfg)) is not None
    ]
    while added and added[-1][1].kind == "heading":
        added.pop()
    prose = [b for _, b in added if b.kind == "paragraph"]
    words = sum(len(_TOKEN.findall(b.text)) for b in prose)
    if len(prose) < cfg["min_elements"] or words < cfg["min_share"] * sum(len(_TOKEN.findall(b.text)) for b in body):
        return body
    return _in_page_order(body, added, container)


def add_continued_chunks(
    body: list[model.Block], tree: etree._Element | None, index: dict[str, etree._Element] | None = None
) -> list[model.Block]:
    """``body`` with the article's other chunks: a page that splits its article around advertisements
    sets each part in an element of the same kind (tag and classes) as the one holding the body, side
    by side under one parent; the extractor kept one part. Found from the body's container up to
    ``completion.chunk_levels`` levels up: the container's (or an ancestor's) siblings of its kind,
    followed down the same path of kinds. Their blocks pass the tests of ``complete_body`` (not
    furniture, links, notes or text the body holds) and count when at least one is prose.
    """
    found = _container(body, tree, index)
    if found is None:
        return body
    chunks = _sibling_chunks(found[0], rules()["completion"]["chunk_levels"])
    cfg = rules()["completion"]
    have = opinion.shingles("\n".join(b.text for b in body))
    texts = {b.text for b in body}
    added = [
        (el, block)
        for chunk in chunks
        for el in chunk.iter()
        if (block := _missing_block(el, chunk, have, texts, cfg)) is not None
    ]
    while added and added[-1][1].kind == "heading":
        added.pop()
    if not any(b.kind == "paragraph" for _, b in added):
        return body
    root = chunks[0].getroottree().getroot()
    order = {el: n for n, el in enumerate(root.iter())}
    return _placed_in_page_order(
        body, [(order[el], b) for el, b in added], root, _elements_by_text(found[0]), trailing=True
    )


def _sibling_chunks(container: etree._Element, levels: int) -> list[etree._Element]:
    """The elements standing to ``container`` as it stands to its parent (see ``add_continued_chunks``)."""
    level = container
    path: list[tuple[Any, tuple[str, ...]]] = []
    for _ in range(levels + 1):
        parent = level.getparent()
        if parent is None or not _kind(level)[1]:
            return []
        alike = [sib for sib in parent if sib is not level and _kind(sib) == _kind(level)]
        chunks = [c for sib in alike if (c := _down(sib, path)) is not None]
        if chunks:
            return chunks
        path.insert(0, _kind(level))
        level = parent
    return []


def _kind(el: etree._Element) -> tuple[Any, tuple[str, ...]]:
    return el.tag, tuple((el.get("class") or "").split())


def _down(el: etree._Element, path: list[tuple[Any, tuple[str, ...]]]) -> etree._Element | None:
    for kind in path:
        found = next((c for c in el if _kind(c) == kind), None)
        if found is None:
            return None
        el = found
    return el


def restore_subheadings(
    body: list[model.Block], tree: etree._Element | None, index: dict[str, etree._Element] | None = None
) -> list[model.Block]:
    """``body`` with the subheadings of its container that it lacks, each put back before the text it heads.

    A heading (``completion.heading_tags``) after the body's first block whose next text on the
    page is the body's own heads a section of the article (HTML's sections: a heading's section is
    the content up to the next heading); the extractor dropped the heading but kept its section
    (a question heading of a FAQ, a numbered item's name). The tests of ``complete_body`` apply to
    the heading itself (not in a link, furniture or ``skip_tags``, not mostly links).
    """
    if not rules()["completion"]["subheadings"] or len(body) < 2:
        return body
    found = _container(body, tree, index)
    if found is None:
        return body
    container, first = found
    inside = _elements_by_text(container)
    mapped = {el for b in body if (el := _element_for(inside, b.text)) is not None}
    held = {d for el in mapped for d in el.iter()}
    owners = _text_owners(container)
    added = [
        (n, block)
        for n, el, block in _missing_headings(body, container, first)
        if el not in held and _next_text_is_held(owners, n, set(el.iter()), held)
    ]
    return _placed_in_page_order(body, added, container, inside) if added else body


def _missing_headings(
    body: list[model.Block], container: etree._Element, first: int
) -> list[tuple[int, etree._Element, model.Block]]:
    """(document-order index, element, block) of the container's headings after ``first`` the body lacks."""
    cfg = rules()["completion"]
    have = opinion.shingles("\n".join(b.text for b in body))
    texts = {b.text for b in body}
    return [
        (n, el, block)
        for n, el in enumerate(container.iter())
        if n > first
        and isinstance(el.tag, str)
        and el.tag in cfg["heading_tags"]
        and (block := _missing_block(el, container, have, texts, cfg)) is not None
    ]


def _text_owners(container: etree._Element) -> list[tuple[int, etree._Element]]:
    """(document-order index of the last element opened before it, the element holding it) for each
    non-blank text node of ``container`` in reading order; an element's tail is held by its parent."""
    order = {el: n for n, el in enumerate(container.iter())}
    owners: list[tuple[int, etree._Element]] = []
    last = 0
    for event, el in etree.iterwalk(container, events=("start", "end")):
        if not isinstance(el.tag, str) or el.tag in _INVISIBLE:
            continue
        if event == "start":
            last = order.get(el, last)
            if (el.text or "").strip():
                owners.append((last, el))
        elif el is not container and (el.tail or "").strip():
            owners.append((last, el.getparent()))
    return owners


def _next_text_is_held(
    owners: list[tuple[int, etree._Element]], heading: int, own: set[etree._Element], held: set[etree._Element]
) -> bool:
    """Whether the first text after the heading's own (``own``: its elements) stands in a body block's element."""
    after = (owner for at, owner in owners if at >= heading and owner not in own)
    return next(after, None) in held


def _placed_in_page_order(
    body: list[model.Block],
    added: list[tuple[int, model.Block]],
    container: etree._Element,
    index: dict[str, etree._Element],
    trailing: bool = False,
) -> list[model.Block]:
    """``body`` in its own order with each added block before the first body block standing after it
    in the page (a body block not found in the container stands where the block before it does);
    one standing after the last is added at the end with ``trailing``, else not."""
    order = {el: n for n, el in enumerate(container.iter())}
    at, places = -1, []
    for block in body:
        el = _element_for(index, block.text)
        at = max(at, order.get(el, at)) if el is not None else at
        places.append(at)
    pending = sorted(added, key=lambda x: x[0])
    out: list[model.Block] = []
    for block, place in zip(body, places, strict=True):
        while pending and pending[0][0] < place and out:
            out.append(pending.pop(0)[1])
        out.append(block)
    return out + [b for _, b in pending] if trailing else out


def _container(
    body: list[model.Block], tree: etree._Element | None, index: dict[str, etree._Element] | None = None
) -> tuple[etree._Element, int] | None:
    """The deepest element holding every prose block of ``body`` that maps to an element (at least
    two), and the document-order index of the first of them inside it; None for <body>/<html>."""
    if tree is None:
        return None
    index = index if index is not None else _elements_by_text(tree)
    mapped = [el for b in body if blocks.is_prose(b.text) and (el := _element_for(index, b.text)) is not None]
    if len(mapped) < 2:
        return None
    paths = [[*reversed(list(el.iterancestors())), el] for el in mapped]
    common = None
    for level in zip(*paths, strict=False):
        if any(x is not level[0] for x in level):
            break
        common = level[0]
    if common is None or common.tag in ("html", "body"):
        return None
    order = {el: n for n, el in enumerate(common.iter())}
    return common, min(order.get(el, 0) for el in mapped)


def _elements_by_text(tree: etree._Element) -> dict[str, etree._Element]:
    """Element by its whole visible text, and by the first ``completion.prefix_chars`` of it (the
    deepest element wins both)."""
    size = rules()["completion"]["prefix_chars"]
    index: dict[str, etree._Element] = {}
    for el in tree.iter():
        if isinstance(el.tag, str) and el.tag not in _INVISIBLE:
            text = _clean(_visible(el))
            if text:
                index[text] = el
                index["\0" + text[:size]] = el
    return index


def _element_for(index: dict[str, etree._Element], text: str) -> etree._Element | None:
    size = rules()["completion"]["prefix_chars"]
    found = index.get(text)
    return found if found is not None or len(text) < size else index.get("\0" + text[:size])


_INVISIBLE = frozenset({"script", "style", "noscript", "template"})


def _visible(el: etree._Element) -> str:
    """An element's text without the scripts, styles and templates inside it."""
    parts = [el.text or ""] if el.tag not in _INVISIBLE else []
    for child in el:
        if isinstance(child.tag, str) and child.tag not in _INVISIBLE:
            parts.append(_visible(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _missing_block(
    el: Any, container: etree._Element, have: Any, texts: set[str], cfg: dict[str, Any]
) -> model.Block | None:
    """The block one element of the container gives when the body lacks it and it may be article
    text (see ``complete_body``); None otherwise."""
    if not isinstance(el.tag, str) or el.tag not in cfg["tags"]:
        return None
    between = list(itertools.takewhile(lambda a: a is not container, el.iterancestors()))
    if any(_skipped(a, cfg) or a.tag == "a" for a in between) or _wraps_blocks(el, cfg["tags"]):
        return None
    if any(a.tag == "a" for a in container.iterancestors()) or _furniture(el, between):
        return None
    text = _clean(_visible(el))
    if not text or text in texts or opinion.cover(opinion.shingles(text), have) >= cfg["covered_share"]:
        return None
    words = len(_TOKEN.findall(text))
    link_words = sum(len(_TOKEN.findall(_visible(a))) for a in el.iter("a"))
    if link_words > cfg["max_link_share"] * words:
        return None
    if el.tag in cfg["heading_tags"]:
        return model.Block("heading", text)
    return model.Block("paragraph", text) if blocks.is_prose(text) else None


def _skipped(el: etree._Element, cfg: dict[str, Any]) -> bool:
    """Whether ``el`` is one of ``skip_tags``; a <figure> holding a <blockquote> is a quotation with its
    attribution (HTML's own example of a figure), part of the text, not an illustration."""
    if el.tag not in cfg["skip_tags"]:
        return False
    return not (el.tag == "figure" and next(el.iter("blockquote"), None) is not None)


def _wraps_blocks(el: etree._Element, tags: list[str]) -> bool:
    """Whether ``el`` holds other blocks (a card's <li> around its heading and paragraphs, a
    <blockquote> of paragraphs): the innermost ones are the candidates, each judged alone, as
    Readability scores paragraphs rather than their wrappers."""
    return any(isinstance(d.tag, str) and d.tag in tags for d in el.iterdescendants())


def _furniture(el: etree._Element, between: list[etree._Element]) -> bool:
    """Whether ``el`` or an element between it and the container is page furniture or a note: named
    by a ``blocks.structure.class_words`` group or a ``completion.note_class_words`` word (footnotes),
    or given an ARIA landmark or DPUB-ARIA note role outside the main content (``completion.skip_roles``:
    navigation, complementary, doc-endnotes...)."""
    cfg = rules()["completion"]
    groups = {**blocks.class_word_groups(), **dict.fromkeys(cfg["note_class_words"], "note")}
    roles = set(cfg["skip_roles"])
    return any(blocks.class_groups(x, groups) or _roles(x) & roles for x in (el, *between))


def _roles(el: etree._Element) -> set[str]:
    """The ARIA roles an element declares (``role`` holds a space-separated list)."""
    return set((el.get("role") or "").lower().split())


def _in_page_order(
    body: list[model.Block], added: list[tuple[int, model.Block]], container: etree._Element
) -> list[model.Block]:
    """``body`` with each added block after the last body block that stands before it in the page
    (a body block not found in the container takes the place of the block before it)."""
    index = _elements_by_text(container)
    order = {el: n for n, el in enumerate(container.iter())}
    placed: list[tuple[int, int, model.Block]] = []
    at = -1
    for i, block in enumerate(body):
        el = _element_for(index, block.text)
        at = order.get(el, at) if el is not None else at
        placed.append((at, i, block))
    placed += [(n, len(body) + j, block) for j, (n, block) in enumerate(added)]
    return [block for _, _, block in sorted(placed, key=lambda x: (x[0], x[1]))]


def second_opinion_blocks(html: str, url: str | None) -> list[model.Block]:
    """trafilatura's full extraction (its own fallbacks on, comments off) as blocks."""
    blocks = _trafilatura_blocks(html, url, {"include_comments": False})
    return [model.Block(b.kind, _clean(b.text)) for b in blocks]


def _trafilatura_blocks(page: etree._Element | str, url: str | None, options: dict[str, Any]) -> list[model.Block]:
    """Blocks of one ``trafilatura.bare_extraction`` run; none when it fails or finds nothing."""
    try:
        result = trafilatura.bare_extraction(
            page,
            url=url,
            with_metadata=False,
            output_format="python",
            config=_trafilatura_config(),
            **options,
        )
    except (ValueError, TypeError, etree.LxmlError, RecursionError):
        return []
    return _result_blocks(result)


def _result_blocks(result: Any) -> list[model.Block]:
    """Blocks of a trafilatura ``bare_extraction`` result (a Document; None when it found nothing)."""
    body = getattr(result, "body", None)
    return body_blocks(body) if body is not None else []


@lru_cache(maxsize=1)
def _trafilatura_config() -> Any:
    config = use_config()
    config.set("DEFAULT", "MAX_TREE_SIZE", str(rules()["limits"]["max_tree_elements"]))
    return config


def body_blocks(body: etree._Element) -> list[model.Block]:
    """Walk trafilatura's XML body: <head> -> heading, <p>/<item>/<row>/... -> paragraph.

    An element holding nested blocks (a list inside an item, a table in a quote) gives its
    own text as one block and then each nested block; loose text after a block (its tail)
    is a paragraph of its own. Document order is kept.
    """
    out: list[model.Block] = []
    _walk(body, 0, out)
    return out


def _walk(el: etree._Element, depth: int, out: list[model.Block]) -> None:
    if depth > MAX_DEPTH:
        return
    for child in el:
        if not _is_block(child):
            continue
        _add(out, "heading" if child.tag == "head" else "paragraph", _own_text(child))
        _walk(child, depth + 1, out)
        _add(out, "paragraph", child.tail or "")


def _add(out: list[model.Block], kind: str, text: str) -> None:
    text = _clean_lines(text)
    if text:
        out.append(model.Block(kind, text))


def _is_block(el: Any) -> bool:
    return isinstance(el.tag, str) and el.tag in BLOCK_TAGS | CONTAINER_TAGS


def _own_text(el: etree._Element) -> str:
    """Text of an element without nested blocks and their tails (they are blocks of their own)."""
    parts = [el.text or ""]
    for child in el:
        if _is_block(child):
            continue
        if isinstance(child.tag, str):
            parts.append("\n" if child.tag == "lb" else _own_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def readability_blocks(html: str) -> list[model.Block]:
    """readability-lxml's main content as blocks (fallback)."""
    try:
        summary = Document(html).summary(html_partial=True)
        root = lxml.html.fromstring(summary)
    except Exception:  # noqa: BLE001 - readability raises its own Unparseable and assorted lxml errors
        return []
    blocks = []
    for el in root.iter("h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "blockquote", "pre"):
        if el.getparent() is not None and el.getparent().tag in {"p", "li", "blockquote"}:
            continue
        text = _clean(el.text_content())
        if text:
            blocks.append(model.Block("heading" if el.tag.startswith("h") else "paragraph", text))
    return blocks


def _lines(blocks: list[model.Block]) -> list[str]:
    return [line for b in blocks for line in b.text.split("\n") if line.strip()]


def _needs_fallback(blocks: list[model.Block]) -> bool:
    fb = rules()["fallback"]
    lines = _lines(blocks)
    if sum(len(line) for line in lines) < fb["min_body_chars"]:
        return True
    short = sum(1 for line in lines if len(line.strip()) < fb["short_line_chars"])
    return short / len(lines) > fb["menu_short_share"]


def _prose_score(blocks: list[model.Block]) -> int:
    """Characters in lines with enough words to be prose: menus score near zero."""
    words = rules()["fallback"]["prose_min_words"]
    return sum(len(line) for line in _lines(blocks) if len(_TOKEN.findall(line)) >= words)


# --------------------------------------------------------------------------- post-filter


def post_filter(
    blocks: list[model.Block], meta: dict[str, Any], links: tuple[str, ...] = ()
) -> tuple[list[model.Block], list[model.RemovedLine], tuple[model.EmbeddedPost, ...]]:
    """Drop the title repeated in the body, leading headings and chrome blocks, with reasons
    (``links``: the texts of the page's links, see ``cut_at_article_end``)."""
    kept: list[model.Block] = []
    removed: list[model.RemovedLine] = []
    title_key = _key(meta.get("title") or "")
    for block in blocks:
        reason = _chrome_reason(block.text)
        if reason is None and not kept and title_key and _is_title(block.text, title_key):
            reason = "title repeated in body"
        if reason:
            removed.append(model.RemovedLine(0, block.text, reason))
        else:
            kept.append(block)
    kept, removed = _drop_leading_headings(kept, removed)
    kept, removed = cut_at_article_end(kept, removed, links)
    kept, removed = drop_author_card(kept, removed, meta.get("author"), meta.get("outlet"))
    return _text_cleaner(kept, removed, meta)


def drop_repeated_runs(
    body: list[model.Block], removed: list[model.RemovedLine]
) -> tuple[list[model.Block], list[model.RemovedLine]]:
    """A second copy of the article is dropped: a run of consecutive blocks that each repeat an
    earlier block word for word, whose prose (blocks of full sentences) holds at least
    ``repeats.min_words`` words and ``repeats.min_share`` of the body's prose. The page prints its
    article twice (a mobile and a desktop copy, a hidden gated copy, a print copy) and the extractor
    took both; an article does not repeat a fifth of itself. Lines a text repeats on purpose (a
    "Pros" heading, a meal plan's recurring items, a pull quote) are a small share and stay.
    """
    cfg = rules()["repeats"]
    prose_words = [len(_TOKEN.findall(b.text)) if blocks.is_prose(b.text) else 0 for b in body]
    least = max(cfg["min_words"], cfg["min_share"] * sum(prose_words))
    seen: set[str] = set()
    kept: list[model.Block] = []
    i = 0
    while i < len(body):
        end = i
        while end < len(body) and body[end].text in seen:
            end += 1
        if end > i and sum(prose_words[i:end]) >= least:
            removed = removed + [model.RemovedLine(0, b.text, "repeated copy") for b in body[i:end]]
            i = end
            continue
        seen.add(body[i].text)
        kept.append(body[i])
        i += 1
    return kept, removed


def cut_at_article_end(
    blocks: list[model.Block], removed: list[model.RemovedLine], links: tuple[str, ...] = ()
) -> tuple[list[model.Block], list[model.RemovedLine]]:
    """Blocks from a heading that opens what follows an article ("Related articles", "About the
    author", "Leave a reply") on are dropped, when it stands in the body's second half (by words)
    or after ``min_words`` words of text: a list of other articles, the writer's card or the
    comment form, not a section of the text. A list of other articles longer than the article
    itself (teasers with their summaries) puts its heading in the first half: the words before it
    still show an article has been read. The headings are in ``article_end`` in
    ``data/html_rules.yaml``.

    A heading of a list of other articles (``article_end.lists``) that running prose follows --
    a paragraph of at least ``continued_words`` words ending a sentence, no link's text (``links``)
    -- heads a box of links set inside the article, whose links the extractor left out: the heading
    alone is dropped and the article goes on (boilerpipe: teasers are short, linked text).
    """
    cfg = rules()["article_end"]
    total = sum(len(_TOKEN.findall(b.text)) for b in blocks)
    after = min(cfg["min_share"] * total, cfg["min_words"])
    seen = 0
    kept: list[model.Block] = []
    for i, block in enumerate(blocks):
        if seen >= after and _ends_article(block.text, cfg):
            if not _heads_inline_box(block.text, blocks[i + 1 : i + 2], links, cfg):
                return kept, removed + [model.RemovedLine(0, b.text, "after the article's end") for b in blocks[i:]]
            removed = removed + [model.RemovedLine(0, block.text, "related link")]
        else:
            kept.append(block)
        seen += len(_TOKEN.findall(block.text))
    return kept, removed


def _ends_article(text: str, cfg: dict[str, Any]) -> bool:
    return any(p.match(text) for p in cfg["compiled"]) or any(p.match(text) for p in cfg["compiled_lists"])


def _heads_inline_box(text: str, following: list[model.Block], links: tuple[str, ...], cfg: dict[str, Any]) -> bool:
    """Whether a list heading is followed by the article's own running prose, not by teasers."""
    if not following or not any(p.match(text) for p in cfg["compiled_lists"]):
        return False
    nxt = following[0].text
    return (
        following[0].kind == "paragraph"
        and len(_TOKEN.findall(nxt)) >= cfg["continued_words"]
        and bool(_ENDS_SENTENCE.search(nxt))
        and not any(nxt in link for link in links)
    )


def drop_author_card(
    blocks: list[model.Block], removed: list[model.RemovedLine], author: str | None, outlet: str | None = None
) -> tuple[list[model.Block], list[model.RemovedLine]]:
    """The writer's card is dropped where it stands in the body's second half: a block that
    opens with the byline's name and a verb of a biography ("Jill Barshay is a staff writer...",
    "... has covered", "... holds"); the verbs are ``author_card.verbs`` in
    ``data/html_rules.yaml``. An article does not describe its own writer in the third person;
    the card the page adds after (or inside) the text does. Among the body's last
    ``given_name_last_blocks`` blocks the writer's given name alone opens a card too ("Karina holds
    an MBA", "Jean-Luc started CNX Software in 2010"): there the card ends the page. A given name
    that is a word of the outlet's name ("QCY" of "QCY Official") names the company, not a writer.
    """
    cfg = rules()["author_card"]
    full = [n for n in re.split(r",|\band\b|&", tidy_author(author) or "") if len(_key(n).split()) >= 2]
    names = [_key(n) for n in full]
    if not names:
        return blocks, removed
    outlet_words = set(_key(outlet or "").split())
    given = [g for n in full if (g := _key(n.split()[0])) and not set(g.split()) & outlet_words]
    total = sum(len(_TOKEN.findall(b.text)) for b in blocks)
    kept: list[model.Block] = []
    seen = 0
    for i, block in enumerate(blocks):
        last = i >= len(blocks) - cfg["given_name_last_blocks"]
        opens = [*names, *(given if last else [])]
        if seen >= cfg["min_share"] * total and any(_opens_card(_key(block.text), n, cfg) for n in opens):
            removed.append(model.RemovedLine(0, block.text, "author card"))
        else:
            kept.append(block)
        seen += len(_TOKEN.findall(block.text))
    return kept, removed


def _opens_card(key: str, name: str, cfg: dict[str, Any]) -> bool:
    """``key`` (a block's words) opens with the name and a verb of a biography."""
    rest = key[len(name) :].split() if key.startswith(name + " ") else []
    return bool(rest) and rest[0] in cfg["verbs"]


def _drop_leading_headings(
    blocks: list[model.Block], removed: list[model.RemovedLine]
) -> tuple[list[model.Block], list[model.RemovedLine]]:
    """Headings before the first paragraph are the headline, kicker or standfirst, not body."""
    first = next((i for i, b in enumerate(blocks) if b.kind == "paragraph"), 0)
    removed += [model.RemovedLine(0, b.text, _LEADING) for b in blocks[:first]]
    return blocks[first:], removed


def _chrome_reason(text: str) -> str | None:
    for rule in rules()["chrome"]:
        if rule.pattern.search(text):
            return rule.reason
    return None


def _is_title(text: str, title_key: str) -> bool:
    key = _key(text)
    return bool(key) and (key == title_key or (len(key) > 20 and title_key.startswith(key)))


def _text_cleaner(
    blocks: list[model.Block], removed: list[model.RemovedLine], meta: dict[str, Any]
) -> tuple[list[model.Block], list[model.RemovedLine], tuple[model.EmbeddedPost, ...]]:
    """The text-dump cleaner's chrome rules over the extracted blocks (title never guessed).

    Reasons listed under ``text_cleaner.keep_reasons`` leave the block in the body: a post
    embedded in a web page is part of what the article shows (it is also in ``embedded_posts``).
    """
    if not blocks:
        return blocks, removed, ()
    result = clean_text_lines([b.text for b in blocks], meta={**meta, "title": meta.get("title")})
    keep = set(rules()["text_cleaner"]["keep_reasons"])
    drop = {r.line - 1: r.reason for r in result.removed if r.reason not in keep and r.line > 0}
    datelines = _dateline_lines(result)
    kept: list[model.Block] = []
    for i, b in enumerate(blocks):
        if i in drop:
            continue
        if i in datelines and b.text.startswith(datelines[i]):
            rest = b.text[len(datelines[i]) :].strip()
            kept += [model.Block("dateline", datelines[i])] + ([model.Block(b.kind, rest)] if rest else [])
        else:
            kept.append(b)
    removed += [model.RemovedLine(0, blocks[i].text, r) for i, r in sorted(drop.items())]
    return kept, removed, tuple(result.embedded_posts)


def _dateline_lines(result: CleanResult) -> dict[int, str]:
    """0-based block index -> the wire dateline the text cleaner found opening it ("WASHINGTON (AP) —"): a block
    of its own in the page's body too."""
    return {
        lines[0] - 1: block.text
        for block, lines in zip(result.blocks, result.block_lines)
        if block.kind == "dateline" and lines
    }


# --------------------------------------------------------------------------- metadata


def page_metadata(tree: etree._Element | None) -> dict[str, str]:
    """title/published/author/outlet/url from JSON-LD first, then Open Graph and meta tags."""
    if tree is None:
        return {}
    meta: dict[str, str] = {}
    declared = _declared_titles(tree)
    # The article's own node, then the page's meta tags, then the WebPage node, then <time>/<title>.
    for source in (_jsonld_meta(tree), _meta_tags(tree), _jsonld_meta(tree, PAGE_TYPES), _page_fallbacks(tree)):
        for key, value in source.items():
            if key != "published" or iso_date(value):  # a date no reader can read ("02-12-2025") is none
                meta.setdefault(key, value)
    headline = visible_headline(tree, declared, meta.get("outlet"))
    if headline:
        meta["title"] = headline
    if meta.get("author") and _key(meta["author"]) == _key(meta.get("outlet") or ""):
        del meta["author"]  # the publisher named as author is no byline
    return meta


def _declared_titles(tree: etree._Element) -> list[str]:
    """The titles a page declares about itself: JSON-LD headline, Open Graph/Twitter, <title>."""
    titles = [_jsonld_meta(tree).get("title"), _jsonld_meta(tree, PAGE_TYPES).get("title")]
    for el in tree.iter("meta"):
        if (el.get("property") or el.get("name") or "").strip().lower() in ("og:title", "twitter:title"):
            titles.append(el.get("content"))
    titles.append(tree.findtext(".//title"))
    return [t for t in titles if isinstance(t, str) and t.strip()]


def visible_headline(tree: etree._Element, declared: list[str], outlet: str | None) -> str | None:
    """The page's visible headline: the <h1> that best agrees with a title the page declares.

    A reader sees the <h1>; the declared titles often carry the site's name or an SEO variant.
    An <h1> that is only the site's name, or shares too few words with every declared title, is
    not taken (then the declared title stands).
    """
    cfg = rules()["headline"]
    outlet_key = _key(outlet or "")
    best, best_score = None, 0.0
    for el in list(tree.iter("h1"))[: cfg["max_h1"]]:
        text = _clean(el.text_content())
        words = set(_key(text).split())
        if not words or _key(text) == outlet_key or len(text) > cfg["max_chars"]:
            continue
        score = max((_dice(words, set(_key(t).split())) for t in declared), default=0.0)
        if score > best_score:
            best, best_score = text, score
    return best if best_score >= cfg["min_agreement"] else None


def _dice(a: set[str], b: set[str]) -> float:
    return 2 * len(a & b) / (len(a) + len(b)) if a and b else 0.0


def _jsonld_meta(tree: etree._Element, kinds: frozenset[str] = frozenset(ARTICLE_TYPES - PAGE_TYPES)) -> dict[str, str]:
    """Headline, dates, author, publisher, url and articleBody of the page's schema.org article.

    ``kinds``: the schema.org types read (articles by default; ``PAGE_TYPES`` for the WebPage
    node, which describes the page rather than the article). Nodes referred to by ``@id``
    (Yoast-style ``@graph``: the author is a Person node elsewhere) are followed; HTML entities
    left in the strings are decoded.
    """
    meta: dict[str, str] = {}
    nodes = list(_all_jsonld_nodes(tree))
    index = {n["@id"]: n for n in nodes if isinstance(n.get("@id"), str)}
    for node in nodes:
        types = node.get("@type")
        types = {t.lower() for t in (types if isinstance(types, list) else [types]) if isinstance(t, str)}
        if not types & kinds:
            continue
        _set(meta, "title", _text(node.get("headline")) or _text(node.get("name")))
        _set(meta, "published", _text(node.get("datePublished")) or _text(node.get("dateCreated")))
        _set(meta, "author", _names(node.get("author"), index))
        _set(meta, "outlet", _names(node.get("publisher"), index))
        _set(meta, "url", _text(node.get("url")))
        if "webpage" not in types:
            _set(meta, "article_body", _text(node.get("articleBody")))
    return meta


def _all_jsonld_nodes(tree: etree._Element) -> Iterable[dict[str, Any]]:
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text[:2_000_000])
        except (json.JSONDecodeError, RecursionError):
            continue
        yield from _jsonld_nodes(data)


def _jsonld_nodes(data: Any, depth: int = 0) -> Iterable[dict[str, Any]]:
    if depth > 6:
        return
    if isinstance(data, list):
        for item in data:
            yield from _jsonld_nodes(item, depth + 1)
    elif isinstance(data, dict):
        yield data
        for key in ("@graph", "mainEntity", "mainEntityOfPage"):
            if isinstance(data.get(key), (list, dict)):
                yield from _jsonld_nodes(data[key], depth + 1)


def _text(value: Any) -> str | None:
    return htmllib.unescape(value) if isinstance(value, str) and value.strip() else None


def _names(value: Any, index: dict[str, dict[str, Any]] | None = None) -> str | None:
    """Name(s) of a schema.org Person/Organization value: a string, a node, an @id reference, a list."""
    if isinstance(value, str):
        return _text(value)
    if isinstance(value, dict):
        name = value.get("name")
        if not isinstance(name, str) and isinstance(value.get("@id"), str) and index:
            name = index.get(value["@id"], {}).get("name")
        return _text(name)
    if isinstance(value, list):
        names = [n for n in (_names(v, index) for v in value[:10]) if n]
        return ", ".join(dict.fromkeys(names)) or None
    return None


META_KEYS = {
    "og:title": "title",
    "twitter:title": "title",
    "article:published_time": "published",
    "og:article:published_time": "published",
    "datepublished": "published",
    "pubdate": "published",
    "publishdate": "published",
    "date": "published",
    "dc.date": "published",
    "dc.date.issued": "published",
    "sailthru.date": "published",
    "parsely-pub-date": "published",
    "author": "author",
    "article:author": "author",
    "dc.creator": "author",
    "parsely-author": "author",
    "sailthru.author": "author",
    "byl": "author",
    "og:site_name": "outlet",
    "application-name": "outlet",
    "publisher": "outlet",
    "og:url": "url",
}


def _meta_tags(tree: etree._Element) -> dict[str, str]:
    meta: dict[str, str] = {}
    for el in tree.iter("meta"):
        name = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        key = META_KEYS.get(name)
        content = el.get("content")
        if key == "author" and content and content.lower().startswith(("http:", "https:")):
            continue
        if key:
            _set(meta, key, content)
    return meta


def _page_fallbacks(tree: etree._Element) -> dict[str, str]:
    """The first <time datetime> and the <title>: read after every declared field."""
    meta: dict[str, str] = {}
    for el in tree.iter("time"):
        if el.get("datetime"):
            _set(meta, "published", el.get("datetime"))
            break
    title = tree.find(".//title")
    if title is not None:
        _set(meta, "title", title.text_content())
    for el in tree.iter("link"):
        if (el.get("rel") or "").strip().lower() == "canonical":
            _set(meta, "url", el.get("href"))
            break
    return meta


def trafilatura_metadata(page: etree._Element | str, url: str | None) -> dict[str, str]:
    """trafilatura's metadata search (bylines, dates in the page, site name from the URL)."""
    try:
        result = extract_metadata(page, default_url=url)
    except (ValueError, TypeError, etree.LxmlError, RecursionError):
        return {}
    pairs = {
        "title": result.title,
        "published": result.date,
        "author": result.author,
        "outlet": result.sitename,
        "url": result.url,
    }
    return {k: v for k, v in pairs.items() if isinstance(v, str) and v.strip()}


def _set(meta: dict[str, str], key: str, value: Any) -> None:
    if key not in meta and isinstance(value, str) and value.strip():
        meta[key] = _clean(value)


_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_NUMERIC = re.compile(r"\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b")


def _numeric_date(value: str) -> str | None:
    """09/25/2025 or 25.09.2025 when the order is unambiguous (one part above 12); else None."""
    m = _NUMERIC.search(value)
    if not m:
        return None
    a, b, year = int(m.group(1)), int(m.group(2)), m.group(3)
    month, day = (b, a) if a > 12 >= b else (a, b) if b > 12 >= a else (0, 0)
    return f"{year}-{month:02d}-{day:02d}" if 1 <= month <= 12 and 1 <= day <= 31 else None


def iso_date(value: Any) -> str | None:
    """YYYY-MM-DD from an ISO-like or written-out date ("Nov. 16, 2025"); None when not found."""
    if not isinstance(value, str) or not value.strip():
        return None
    m = _ISO.search(value)
    if m:
        return m.group(0)
    numeric = _numeric_date(value)
    if numeric:
        return numeric
    found = find_date(value[:200])
    return found[0] if found else None


# --------------------------------------------------------------------------- text helpers


def _clean(text: str) -> str:
    text = unicodedata.normalize("NFC", text.replace("\u00a0", " ").replace("\u200b", ""))
    return _WS.sub(" ", text).strip()


def _clean_lines(text: str) -> str:
    """Like _clean, but keeps line breaks (one per line) so menus stay recognisable."""
    return "\n".join(line for line in (_clean(x) for x in text.split("\n")) if line)


def _key(text: str) -> str:
    return " ".join(_TOKEN.findall(text.lower()))
