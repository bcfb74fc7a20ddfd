"""RSS 2.0 / RSS 1.0 (RDF) / Atom feeds via feedparser: one RawDocument per entry."""

from __future__ import annotations

import io
from typing import Any

import feedparser

from ..model import InputError, RawDocument
from .dates import iso_day
from .decode import fix_mojibake
from .records import looks_like_html
from .result import error, exc_text


def read_feed(data: bytes, path: str, sha256: str) -> tuple[list[RawDocument], list[InputError]]:
    # A stream, never bytes or str: feedparser treats a str as a URL or file name.
    parsed = feedparser.parse(io.BytesIO(data), resolve_relative_uris=False, sanitize_html=True)
    if not parsed.entries:
        if parsed.get("bozo"):
            return [], [error(path, f"malformed feed XML ({exc_text(parsed.get('bozo_exception'))})")]
        return [], [error(path, "feed has no entries")]
    outlet = parsed.feed.get("title") or None
    docs: list[RawDocument] = []
    errors: list[InputError] = []
    for index, entry in enumerate(parsed.entries):
        doc = _entry_document(entry, index, path, sha256, parsed, outlet)
        if doc is None:
            errors.append(error(path, f"entry {index + 1}: no content or summary"))
        else:
            docs.append(doc)
    if not docs and parsed.get("bozo"):  # the entries are empty because the XML broke off
        return [], [error(path, f"malformed feed XML ({exc_text(parsed.get('bozo_exception'))})")]
    return docs, errors


def _entry_document(
    entry: Any, index: int, path: str, sha256: str, parsed: Any, outlet: str | None
) -> RawDocument | None:
    text, declared_html = _entry_text(entry)
    if not text:
        return None
    text = fix_mojibake(text)[0]
    url = _get(entry, "link") or None
    meta = {
        "title": fix_mojibake((_get(entry, "title") or "").strip())[0] or None,
        "published": _entry_day(entry),
        "published_raw": _get(entry, "published") or _get(entry, "updated") or None,
        "author": _entry_author(entry),
        "outlet": outlet,
        "url": url,
        "feed_format": parsed.get("version") or None,
    }
    if declared_html and looks_like_html(text):
        meta["html"] = True
    return RawDocument(
        source_path=path,
        format="rss",
        text=text,
        encoding=(parsed.get("encoding") or "utf-8").lower(),
        input_sha256=sha256,
        url=url,
        external_id=_get(entry, "id") or None,
        record=index,
        meta={k: v for k, v in meta.items() if v is not None},
    )


def _entry_text(entry: Any) -> tuple[str, bool]:
    """The fullest body an entry has (content over summary), and whether it is HTML."""
    candidates = [c for c in _get(entry, "content") or [] if (c.get("value") or "").strip()]
    summary = _get(entry, "summary_detail") or {}
    if (summary.get("value") or "").strip():
        candidates.append(summary)
    if not candidates:
        return "", False
    best = max(candidates, key=lambda c: len(c.get("value") or ""))
    return best["value"].strip(), "html" in (best.get("type") or "text/html")


def _entry_day(entry: Any) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        if _get(entry, key):
            return iso_day(_get(entry, key))
    return iso_day(_get(entry, "published") or _get(entry, "updated"))


def _get(entry: Any, key: str) -> Any:
    # dict.get skips FeedParserDict's key aliasing (updated -> published), which warns.
    return dict.get(entry, key)


def _entry_author(entry: Any) -> str | None:
    names = [a.get("name") for a in _get(entry, "authors") or [] if a.get("name")]
    return ", ".join(names) if names else (_get(entry, "author") or None)
