"""One input file -> its documents: gzip, format sniffing, decoding, and the format readers."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence

from ..model import InputError, InputFile, RawDocument
from .decode import Decoded, NotText, decode
from .feeds import read_feed
from .paths import iter_inputs
from .records import Source, read_json, read_jsonl
from .result import DEFAULT_MAX_BYTES, ReadResult, exc_text, failed
from .sniff import GZIP_MAGIC, Sniffed, gunzip, is_invalid_json, is_warc, sniff
from .warc import read_warc


def read_input(item: InputFile, *, max_bytes: int = DEFAULT_MAX_BYTES) -> ReadResult:
    """Read every document of one input. Never raises: problems come back as ``errors``."""
    try:
        return _read(item, max_bytes)
    except Exception as exc:  # noqa: BLE001 - a reader bug must cost one input, not the batch
        return failed(item.path, f"unexpected reader failure ({type(exc).__name__}: {exc_text(exc)})")


def read_paths(
    paths: Sequence[str], *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[tuple[InputFile | None, ReadResult]]:
    """``iter_inputs`` then ``read_input``: each input with what was read from it."""
    for item in iter_inputs(paths, max_bytes=max_bytes):
        if isinstance(item, InputError):
            yield None, ReadResult(None, [], [item])
        else:
            yield item, read_input(item, max_bytes=max_bytes)


def _read(item: InputFile, max_bytes: int) -> ReadResult:
    data = item.data
    gzip_error = None
    if data[:2] == GZIP_MAGIC:
        unzipped = gunzip(data, max_bytes)
        data, gzip_error = unzipped.data, unzipped.error
    if is_warc(data):
        docs, errors = read_warc(data, item.path, item.sha256, damage=gzip_error)
        return ReadResult("warc", docs, errors)
    if gzip_error:
        return failed(item.path, gzip_error)
    try:
        decoded = decode(data)
    except NotText as exc:
        return failed(item.path, str(exc))
    return _read_decoded(item, data, decoded, sniff(decoded.text, item.path))


def _read_decoded(item: InputFile, data: bytes, decoded: Decoded, found: Sniffed) -> ReadResult:
    fmt = found.format
    if fmt == "json" and is_invalid_json(found):
        return failed(item.path, f"invalid JSON ({_json_error(decoded.text)})", "json")
    if fmt in ("json", "jsonl"):
        src = Source(item.path, fmt, decoded.encoding, item.sha256)
        docs, errors = read_json(found.value, src) if fmt == "json" else read_jsonl(decoded.text, src)
        return ReadResult(fmt, docs, errors)
    if fmt == "rss":
        docs, errors = read_feed(data, item.path, item.sha256)
        return ReadResult("rss", docs, errors)
    if fmt == "xml":
        return failed(item.path, f"unsupported XML document (root element <{found.root}>)")
    meta: dict[str, bool | int] = {"html": True} if fmt == "html" else {}
    if decoded.mojibake_fixed:
        meta["mojibake_fixed"] = decoded.mojibake_fixed
    return ReadResult(fmt, [_single(item, fmt, decoded, meta)], [])


def _single(item: InputFile, fmt: str, decoded: Decoded, meta: dict) -> RawDocument:
    return RawDocument(
        source_path=item.path,
        format=fmt,
        text=decoded.text,
        encoding=decoded.encoding,
        input_sha256=item.sha256,
        meta=meta,
    )


def _json_error(text: str) -> str:
    try:
        json.loads(text)
    except (ValueError, RecursionError) as exc:
        return exc_text(exc)
    return "not a JSON document"
