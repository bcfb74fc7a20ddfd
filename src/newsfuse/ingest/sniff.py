"""Format sniffing from content (the file name only breaks ties) and gzip unpacking."""

from __future__ import annotations

import json
import os
import re
import zlib
from dataclasses import dataclass
from functools import cache
from typing import Any

from . import _data
from .result import exc_text, megabytes

GZIP_MAGIC = b"\x1f\x8b"
_CHUNK = 1024 * 1024
_JSONL_SNIFF_LINES = 200
_PROLOG = re.compile(r"(?:<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>\[]*(?:\[.*?\])?\s*>|\s+)*", re.DOTALL | re.IGNORECASE)
_TAG = re.compile(r"<([A-Za-z][\w.:-]*)")


@dataclass(frozen=True)
class Unzipped:
    data: bytes
    error: str | None = None  # why decompression stopped early, if it did


def gunzip(data: bytes, max_bytes: int) -> Unzipped:
    """Decompress all gzip members; on damage keep what came out before it."""
    out: list[bytes] = []
    size = 0
    rest = data
    while rest[:2] == GZIP_MAGIC:
        unzip = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
        try:
            while rest:
                piece = unzip.decompress(rest, _CHUNK)
                rest = unzip.unconsumed_tail
                size += len(piece)
                if size > max_bytes:
                    return Unzipped(b"".join(out), f"decompressed data over the {megabytes(max_bytes)} limit")
                out.append(piece)
                if unzip.eof:
                    break
        except zlib.error as exc:
            return Unzipped(b"".join(out), f"corrupt gzip stream ({exc_text(exc)})")
        if not unzip.eof:
            return Unzipped(b"".join(out), "truncated gzip stream")
        rest = unzip.unused_data.lstrip(b"\x00")
    return Unzipped(b"".join(out))


def is_warc(data: bytes) -> bool:
    return data.lstrip()[:7] == b"WARC/1."


_NOT_JSON = object()  # Sniffed.value of a .json file that does not parse


@dataclass(frozen=True)
class Sniffed:
    format: str  # text|html|json|jsonl|rss, or "xml" for an XML document that is not a feed
    value: Any = None  # the parsed JSON value, for "json"
    root: str | None = None  # root element of an XML document


def sniff(text: str, path: str = "") -> Sniffed:
    """Decide the format of a decoded document from its content."""
    ext = os.path.splitext(path.lower().removesuffix(".gz"))[1]
    head = text.lstrip()[:1]
    if head in ("{", "["):
        found = _sniff_json(text, ext)
        if found:
            return found
    if head == "<":
        found = _sniff_markup(text)
        if found:
            return found
    if looks_like_page(text):
        return Sniffed("html")
    return Sniffed("text")


def _sniff_json(text: str, ext: str) -> Sniffed | None:
    rules = _rules()
    try:
        value = json.loads(text)
    except (ValueError, RecursionError):
        value = _NOT_JSON
    if value is not _NOT_JSON:
        if ext in rules["jsonl_extensions"] and isinstance(value, dict):
            return Sniffed("jsonl")
        return Sniffed("json", value)
    if _looks_jsonl(text) or ext in rules["jsonl_extensions"]:
        return Sniffed("jsonl")
    if ext in rules["json_extensions"]:
        return Sniffed("json", _NOT_JSON)
    return None


def is_invalid_json(found: Sniffed) -> bool:
    return found.value is _NOT_JSON


def _looks_jsonl(text: str) -> bool:
    lines = [line for line in text.splitlines()[:_JSONL_SNIFF_LINES] if line.strip()]
    if len(lines) < 2 or not lines[0].lstrip().startswith("{"):
        return False
    objects = sum(1 for line in lines if _is_object(line))
    return objects >= 1 and objects * 2 >= len(lines)


def _is_object(line: str) -> bool:
    try:
        return isinstance(json.loads(line), dict)
    except (ValueError, RecursionError):
        return False


def _sniff_markup(text: str) -> Sniffed | None:
    prolog = _PROLOG.match(text)
    tag = _TAG.match(text, prolog.end() if prolog else 0)
    if not tag:
        return None
    root = tag.group(1).lower().rsplit(":", 1)[-1]
    if root in _rules()["feed_roots"]:
        return Sniffed("rss", root=root)
    if root in _rules()["html_tags"] or looks_like_page(text):
        return Sniffed("html", root=root)
    if text.lstrip().startswith("<?xml"):
        return Sniffed("xml", root=root)
    return None


def looks_like_page(text: str) -> bool:
    """A page's own markers (doctype, <html>, <body>, <head>) or paragraph tags enough to be a body."""
    head = text[:8192]
    if _strong_html().search(head):
        return True
    return len(_block_tag().findall(text[:65536])) >= _rules()["html_min_block_tags"]


@cache
def _strong_html() -> re.Pattern[str]:
    return re.compile("|".join(_rules()["html_strong"]), re.IGNORECASE)


@cache
def _block_tag() -> re.Pattern[str]:
    return re.compile(_rules()["html_block_tag"], re.IGNORECASE)


def _rules() -> dict:
    return _data.load("sniff")
