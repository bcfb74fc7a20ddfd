"""HTML page -> Article: main text (headings + paragraphs), title, date, author, outlet.

trafilatura finds the main text; readability-lxml is the fallback when trafilatura's body
looks like a menu; a post-filter drops chrome blocks (rules in ``data/html_rules.yaml``) and,
when present, the text-dump cleaner's line rules. Metadata comes from schema.org JSON-LD,
Open Graph and meta tags, then trafilatura's own metadata search; the reader's ``doc.meta``
wins over all of them. Untrusted input: size-bounded, parsed only, nothing executed.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

import lxml.html
import yaml
from lxml import etree

from newsfuse import model

try:  # defined by the clean package; ValueError until then
    from newsfuse.clean import CleanError
except ImportError:  # pragma: no cover - depends on another helper's file
    CleanError = ValueError  # type: ignore[misc,assignment]

DATA = Path(__file__).with_name("data") / "html_rules.yaml"
_WS = re.compile(r"\s+")
_TOKEN = re.compile(r"\w+")
BLOCK_TAGS = {"head", "p", "item", "row", "code", "quote"}
MAX_DEPTH = 60  # nesting deeper than this in the extracted body is dropped
CONTAINER_TAGS = {"body", "div", "list", "table", "quote", "main", "cell"}
META_FIELDS = ("title", "published", "author", "outlet")
ARTICLE_TYPES = {"newsarticle", "article", "reportagenewsarticle", "blogposting", "analysisnewsarticle",
                 "opinionnewsarticle", "backgroundnewsarticle", "webpage", "liveblogposting", "report"}


@dataclass(frozen=True)
class ChromeRule:
    reason: str
    pattern: re.Pattern[str]


@lru_cache(maxsize=1)
def rules() -> dict[str, Any]:
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    data["chrome"] = tuple(
        ChromeRule(group["reason"], re.compile(p, re.IGNORECASE))
        for group in data["chrome_blocks"] for p in group["patterns"]
    )
    return data


# --------------------------------------------------------------------------- entry point


def clean_html(doc: model.RawDocument) -> model.Article:
    """Main text and metadata of one HTML page; CleanError when there is no text."""
    html = _bounded(doc.text)
    tree = _parse(html)
    meta = {**page_metadata(tree), **{k: v for k, v in doc.meta.items() if v}}
    if any(not meta.get(key) for key in META_FIELDS):  # trafilatura's wider search fills gaps
        for key, value in trafilatura_metadata(tree if tree is not None else html, meta.get("url")).items():
            meta.setdefault(key, value)
    blocks = extract_blocks(tree, html, url=meta.get("url") or doc.url)
    blocks, removed, posts = post_filter(blocks, meta)
    if not blocks:
        raise CleanError("no main text found in HTML")
    title = _clean(meta.get("title") or "") or None
    return model.Article(
        id=model.article_id(blocks, title),
        source_path=doc.source_path,
        format=doc.format,
        title=title,
        published=iso_date(meta.get("published")),
        outlet=_clean(meta.get("outlet") or "") or None,
        author=_clean(meta.get("author") or "") or None,
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


def _parse(html: str) -> etree._Element | None:
    """lxml tree for metadata; None when libxml2 cannot make one (trafilatura then tries)."""
    try:
        # Encoding declarations inside a str make lxml refuse it; bytes avoid that.
        parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, no_network=True)
        return lxml.html.fromstring(html.encode("utf-8", "surrogatepass"), parser=parser)
    except (etree.ParserError, ValueError, UnicodeError):
        return None


# --------------------------------------------------------------------------- main text


def extract_blocks(tree: etree._Element | None, html: str, url: str | None = None) -> list[model.Block]:
    """trafilatura's body as blocks (readability's when trafilatura's looks like a menu).

    trafilatura prunes ``tree`` in place: read metadata from it before this.
    """
    import trafilatura

    cfg = rules()
    opts = dict(cfg["trafilatura"])
    try:
        result = trafilatura.bare_extraction(
            tree if tree is not None else html, url=url, with_metadata=False, output_format="python",
            config=_trafilatura_config(), **opts,
        )
    except (ValueError, TypeError, etree.LxmlError, RecursionError):
        result = None
    blocks = body_blocks(result.body) if result is not None and result.body is not None else []
    if _needs_fallback(blocks):
        other = readability_blocks(html)
        if _prose_score(other) > rules()["fallback"]["margin"] * _prose_score(blocks):
            blocks = other
    return [model.Block(b.kind, _clean(b.text)) for b in blocks]


@lru_cache(maxsize=1)
def _trafilatura_config() -> Any:
    from trafilatura.settings import use_config

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
    from readability import Document

    try:
        summary = Document(html).summary(html_partial=True)
        root = lxml.html.fromstring(summary)
    except Exception:  # readability raises its own Unparseable and assorted lxml errors
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


def post_filter(blocks: list[model.Block], meta: dict[str, Any]
                ) -> tuple[list[model.Block], list[model.RemovedLine], tuple[model.EmbeddedPost, ...]]:
    """Drop the title repeated in the body, leading headings and chrome blocks, with reasons."""
    kept: list[model.Block] = []
    removed: list[model.RemovedLine] = []
    title_key = _key(meta.get("title") or "")
    for i, block in enumerate(blocks):
        reason = _chrome_reason(block.text)
        if reason is None and not kept and title_key and _is_title(block.text, title_key):
            reason = "title repeated in body"
        if reason:
            removed.append(model.RemovedLine(0, block.text, reason))
        else:
            kept.append(block)
    kept, removed = _drop_leading_headings(kept, removed)
    return _text_cleaner(kept, removed, meta)


def _drop_leading_headings(blocks: list[model.Block], removed: list[model.RemovedLine]
                           ) -> tuple[list[model.Block], list[model.RemovedLine]]:
    """Headings before the first paragraph are the headline, kicker or standfirst, not body."""
    first = next((i for i, b in enumerate(blocks) if b.kind == "paragraph"), 0)
    removed += [model.RemovedLine(0, b.text, "headline or standfirst") for b in blocks[:first]]
    return blocks[first:], removed


def _chrome_reason(text: str) -> str | None:
    for rule in rules()["chrome"]:
        if rule.pattern.search(text):
            return rule.reason
    return None


def _is_title(text: str, title_key: str) -> bool:
    key = _key(text)
    return bool(key) and (key == title_key or (len(key) > 20 and title_key.startswith(key)))


def _text_cleaner(blocks: list[model.Block], removed: list[model.RemovedLine], meta: dict[str, Any]
                  ) -> tuple[list[model.Block], list[model.RemovedLine], tuple[model.EmbeddedPost, ...]]:
    """The text-dump cleaner's chrome rules over the extracted blocks (title never guessed).

    Reasons listed under ``text_cleaner.keep_reasons`` leave the block in the body: a post
    embedded in a web page is part of what the article shows (it is also in ``embedded_posts``).
    """
    try:
        from newsfuse.clean.text import clean_text_lines
    except ImportError:  # pragma: no cover - the text cleaner ships with the package
        return blocks, removed, ()
    if not blocks:
        return blocks, removed, ()
    result = clean_text_lines([b.text for b in blocks], meta={**meta, "title": meta.get("title")})
    keep = set(rules()["text_cleaner"]["keep_reasons"])
    drop = {r.line - 1: r.reason for r in result.removed if r.reason not in keep}
    kept = [b for i, b in enumerate(blocks) if i not in drop]
    removed += [model.RemovedLine(0, blocks[i].text, r) for i, r in sorted(drop.items())]
    return kept, removed, tuple(result.embedded_posts)


# --------------------------------------------------------------------------- metadata


def page_metadata(tree: etree._Element | None) -> dict[str, str]:
    """title/published/author/outlet/url from JSON-LD first, then Open Graph and meta tags."""
    if tree is None:
        return {}
    meta: dict[str, str] = {}
    for key, value in _jsonld_meta(tree).items():
        meta.setdefault(key, value)
    for key, value in _meta_tags(tree).items():
        meta.setdefault(key, value)
    return meta


def _jsonld_meta(tree: etree._Element) -> dict[str, str]:
    meta: dict[str, str] = {}
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text[:2_000_000])
        except (json.JSONDecodeError, RecursionError):
            continue
        for node in _jsonld_nodes(data):
            types = node.get("@type")
            types = {t.lower() for t in (types if isinstance(types, list) else [types]) if isinstance(t, str)}
            if not types & ARTICLE_TYPES:
                continue
            _set(meta, "title", node.get("headline") or node.get("name"))
            _set(meta, "published", node.get("datePublished") or node.get("dateCreated"))
            _set(meta, "author", _names(node.get("author")))
            _set(meta, "outlet", _names(node.get("publisher")))
            _set(meta, "url", node.get("url") if isinstance(node.get("url"), str) else None)
    return meta


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


def _names(value: Any) -> str | None:
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        name = value.get("name")
        return name if isinstance(name, str) else None
    if isinstance(value, list):
        names = [n for n in (_names(v) for v in value[:10]) if n]
        return ", ".join(dict.fromkeys(names)) or None
    return None


META_KEYS = {
    "og:title": "title", "twitter:title": "title",
    "article:published_time": "published", "og:article:published_time": "published",
    "datepublished": "published", "pubdate": "published", "publishdate": "published",
    "date": "published", "dc.date": "published", "dc.date.issued": "published",
    "sailthru.date": "published", "parsely-pub-date": "published",
    "author": "author", "article:author": "author", "dc.creator": "author",
    "parsely-author": "author", "sailthru.author": "author", "byl": "author",
    "og:site_name": "outlet", "application-name": "outlet", "publisher": "outlet",
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
    for el in tree.iter("time"):
        if el.get("datetime"):
            _set(meta, "published", el.get("datetime"))
            break
    title = tree.find(".//title")
    if title is not None:
        _set(meta, "title", title.text_content())
    return meta


def trafilatura_metadata(page: etree._Element | str, url: str | None) -> dict[str, str]:
    """trafilatura's metadata search (bylines, dates in the page, site name from the URL)."""
    from trafilatura.metadata import extract_metadata

    try:
        result = extract_metadata(page, default_url=url)
    except (ValueError, TypeError, etree.LxmlError, RecursionError):
        return {}
    pairs = {"title": result.title, "published": result.date, "author": result.author,
             "outlet": result.sitename, "url": result.url}
    return {k: v for k, v in pairs.items() if isinstance(v, str) and v.strip()}


def _set(meta: dict[str, str], key: str, value: Any) -> None:
    if key not in meta and isinstance(value, str) and value.strip():
        meta[key] = _clean(value)


_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def iso_date(value: Any) -> str | None:
    """YYYY-MM-DD from an ISO-like or written-out date ("Nov. 16, 2025"); None when not found."""
    if not isinstance(value, str) or not value.strip():
        return None
    m = _ISO.search(value)
    if m:
        return m.group(0)
    try:
        from newsfuse.clean.dates import find_date
    except ImportError:  # pragma: no cover - ships with the clean package
        return None
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
