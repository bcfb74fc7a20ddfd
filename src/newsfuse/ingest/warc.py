"""WARC archives via warcio: one RawDocument per HTML response (status 200)."""

from __future__ import annotations

import io
import re
from typing import Any

from warcio.archiveiterator import ArchiveIterator

from ..model import InputError, RawDocument
from .decode import NotText, decode
from .result import error, exc_text

_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.IGNORECASE)
_HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc(
    data: bytes, path: str, sha256: str, damage: str | None = None
) -> tuple[list[RawDocument], list[InputError]]:
    """Read an uncompressed WARC; on damage keep the records before it.

    ``damage`` is why the bytes end early (a truncated .warc.gz), reported after the records.
    """
    docs: list[RawDocument] = []
    errors: list[InputError] = []
    archive = ArchiveIterator(io.BytesIO(data), check_digests=False)
    records = iter(archive)
    index = 0
    while True:
        try:
            record = next(records)
        except StopIteration:
            if data[archive.offset :].strip():  # warcio stops quietly inside a cut-off header
                errors.append(error(path, f"truncated WARC record header after record {index}"))
            break
        except Exception as exc:  # noqa: BLE001 - warcio raises many types on damaged input; all mean the same
            errors.append(error(path, f"corrupt WARC archive after record {index} ({_describe(exc)})"))
            break
        index += 1
        try:
            _read_record(record, index, path, sha256, docs, errors)
            archive.read_to_end()  # sets archive.offset to where the next record starts
        except Exception as exc:  # noqa: BLE001 - one damaged record costs that record, not the archive
            errors.append(error(path, f"record {index}: unreadable WARC record ({_describe(exc)})"))
    if damage:
        errors.append(error(path, damage))
    elif not docs and not errors:
        errors.append(error(path, "no HTML response records in WARC archive"))
    return docs, errors


def _read_record(record: Any, index: int, path: str, sha256: str, docs: list, errors: list) -> None:
    content_type = _html_content_type(record)
    body = record.content_stream().read() if content_type else record.raw_stream.read()
    # A record without a length, or with bytes its header promised but the archive lacks.
    if record.length is None or getattr(record.raw_stream, "limit", None):
        errors.append(error(path, f"record {index}: truncated WARC record"))
        return
    if content_type is None:
        return
    match = _CHARSET.search(content_type)
    try:
        decoded = decode(body, declared=match.group(1) if match else None)
    except NotText as exc:
        errors.append(error(path, f"record {index}: {exc}"))
        return
    headers = record.rec_headers
    url = headers.get_header("WARC-Target-URI")
    meta = {"html": True, "url": url, "crawled": headers.get_header("WARC-Date")}
    docs.append(
        RawDocument(
            source_path=path,
            format="warc",
            text=decoded.text,
            encoding=decoded.encoding,
            input_sha256=sha256,
            url=url,
            external_id=headers.get_header("WARC-Record-ID"),
            record=index - 1,
            meta={k: v for k, v in meta.items() if v is not None},
        )
    )


def _describe(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc_text(exc)}"


def _html_content_type(record: Any) -> str | None:
    """The Content-Type of an HTML page worth reading (a 200 response or a resource), else None."""
    if record.rec_type == "response" and record.http_headers is not None:
        if record.http_headers.get_statuscode() != "200":
            return None
        content_type = record.http_headers.get_header("Content-Type") or ""
    elif record.rec_type == "resource":
        content_type = record.rec_headers.get_header("Content-Type") or ""
    else:
        return None
    return content_type if content_type.split(";")[0].strip().lower() in _HTML_TYPES else None
