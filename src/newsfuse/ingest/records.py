"""JSON and JSON Lines: one RawDocument per article record, with common field names."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from ..model import InputError, RawDocument
from . import _data
from .dates import iso_day
from .result import error, exc_text
from .sniff import looks_like_page

_MAX_WRAPPER_DEPTH = 3


@dataclass(frozen=True)
class Source:
    """Where records come from: shared by every document of one input."""

    path: str
    format: str  # json|jsonl
    encoding: str
    sha256: str


def read_json(value: Any, src: Source) -> tuple[list[RawDocument], list[InputError]]:
    docs: list[RawDocument] = []
    errors: list[InputError] = []
    records = _unwrap(value)
    if not records:
        return [], [error(src.path, "no article records in JSON")]
    for i, record in enumerate(records):
        _add(record, i, f"record {i + 1}", src, docs, errors)
    return docs, errors


def read_jsonl(text: str, src: Source) -> tuple[list[RawDocument], list[InputError]]:
    docs: list[RawDocument] = []
    errors: list[InputError] = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except (ValueError, RecursionError) as exc:
            errors.append(error(src.path, f"line {number}: invalid JSON ({exc_text(exc)})"))
            continue
        _add(record, number - 1, f"line {number}", src, docs, errors)
    if not docs and not errors:
        errors.append(error(src.path, "no article records in JSON Lines"))
    return docs, errors


def _add(record: Any, index: int, label: str, src: Source, docs: list, errors: list) -> None:
    if not isinstance(record, dict):
        errors.append(error(src.path, f"{label}: not a JSON object"))
        return
    doc = to_document(record, index, src)
    if doc is None:
        errors.append(error(src.path, f"{label}: no text field"))
    else:
        docs.append(doc)


def _unwrap(value: Any, depth: int = 0) -> list[Any]:
    """The article records inside a JSON value: itself, its items, or a wrapper's list."""
    if isinstance(value, list):
        return value
    if not isinstance(value, dict):
        return [value]
    if depth < _MAX_WRAPPER_DEPTH and _field(value, "text") is None:
        for key in _rules()["wrappers"]:
            inner = _get(value, key)
            if isinstance(inner, list) or (isinstance(inner, dict) and inner):
                return _unwrap(inner, depth + 1)
    return [value]


def to_document(record: dict[str, Any], index: int, src: Source) -> RawDocument | None:
    text = _field(record, "text")
    if not text:
        return None
    published_raw = _field(record, "published")
    meta: dict[str, Any] = {
        "title": _title(record),
        "published": iso_day(_raw(record, "published")),
        "published_raw": published_raw,
        "author": _field(record, "author"),
        "outlet": _field(record, "outlet"),
        "url": _field(record, "url"),
    }
    if looks_like_html(text):
        meta["html"] = True
    elif has_inline_markup(text):
        meta["inline_markup"] = True
    return RawDocument(
        source_path=src.path,
        format=src.format,
        text=text,
        encoding=src.encoding,
        input_sha256=src.sha256,
        url=meta["url"],
        external_id=_field(record, "external_id"),
        record=index,
        meta={k: v for k, v in meta.items() if v is not None},
    )


def _title(record: dict[str, Any]) -> str | None:
    """The record's title; "" when it has a title field left empty (or null), so the cleaner
    knows there is none and takes no line of the text for one. None when it has no such field."""
    title = _field(record, "title")
    if title is None and any(_key_index(tuple(record)).get(_norm(alias)) for alias in _rules()["fields"]["title"]):
        return ""
    return title


def looks_like_html(text: str) -> bool:
    """Markup to read as HTML: a text that opens with an HTML tag, or carries a page's own markers
    or paragraph tags enough to be a body. A stray inline tag in plain text (a scraped "... video
    at foxnews.com</a>") is not: that text would lose all its words to an HTML reader."""
    return bool(_html_tag().match(text.lstrip())) or looks_like_page(text)


def has_inline_markup(text: str) -> bool:
    """Tags inside plain text (a link's <a href>, an embedded post's own tags): the cleaner drops them."""
    return bool(_any_tag().search(text))


# --------------------------------------------------------------------------- field access


def _raw(record: dict[str, Any], name: str) -> Any:
    for alias in _rules()["fields"][name]:
        value = _get(record, alias)
        if value not in (None, "", [], {}):
            return value
    return None


def _field(record: dict[str, Any], name: str) -> str | None:
    """The first non-empty alias of a field, as text."""
    for alias in _rules()["fields"][name]:
        text = _as_text(_get(record, alias), joiner="\n\n" if name == "text" else ", ")
        if text:
            return text
    return None


def _get(record: dict[str, Any], alias: str) -> Any:
    keys = _key_index(tuple(record))
    key = keys.get(_norm(alias))
    return record[key] if key is not None else None


@lru_cache(maxsize=512)
def _key_index(keys: tuple[str, ...]) -> dict[str, str]:
    index: dict[str, str] = {}
    for key in keys:
        index.setdefault(_norm(key), key)
    return index


def _norm(key: str) -> str:
    return re.sub(r"[\s_-]", "", str(key)).lower()


def _as_text(value: Any, joiner: str, depth: int = 0) -> str | None:
    if isinstance(value, bool) or value is None or depth > 3:
        return None
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, dict):
        for key in _rules()["value_keys"]:
            text = _as_text(_get(value, key), joiner, depth + 1)
            if text:
                return text
        return None
    if isinstance(value, list):
        parts = [_as_text(v, joiner, depth + 1) for v in value]
        return joiner.join(p for p in parts if p) or None
    return None


@cache
def _html_tag() -> re.Pattern[str]:
    tags = "|".join(_rules()["html_tags"])
    return re.compile(rf"</?(?:{tags})(?:\s[^<>]*)?/?>", re.IGNORECASE)


@cache
def _any_tag() -> re.Pattern[str]:
    return re.compile(_rules()["inline_tag"])


def _rules() -> dict:
    return _data.load("fields")
