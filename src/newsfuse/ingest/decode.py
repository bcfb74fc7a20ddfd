"""Bytes -> text: BOMs, UTF-8, declared charsets, cp1252 / latin-1, binary checks, mojibake repair."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from functools import cache

from . import _data

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_SAMPLE = 64 * 1024
_DECLARED = re.compile(
    rb"""<\?xml[^>]*?encoding\s*=\s*["']([\w.:-]+)["']"""
    rb"""|<meta[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)""",
    re.IGNORECASE,
)
# Control characters that do not occur in text (tab, newlines and form feed do); C1 and U+FFFD
# in decoded text come from bytes no text encoding explains.
_BYTE_CONTROLS = re.compile(rb"[\x00-\x08\x0e-\x1f\x7f]")
_TEXT_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd]")
_BLANK = re.compile(r"[\s\ufeff\u200b\u200c\u200d\u2060]*")


class NotText(ValueError):
    """The bytes are not a text document; the message is the one-line cause."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    mojibake_fixed: int = 0


def decode(data: bytes, declared: str | None = None) -> Decoded:
    """Decide the encoding of ``data`` and decode it. Raises NotText for empty or binary input."""
    if not data.strip():
        raise NotText("empty file")
    text, encoding = _decode_raw(data, declared)
    text, fixed = fix_mojibake(text)  # first: UTF-8 read as latin-1 looks like C1 controls
    if _control_ratio(text) > _rules()["binary_control_ratio"]:
        raise NotText("binary content, not text")
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if _BLANK.fullmatch(text):
        raise NotText("empty file")
    return Decoded(text, encoding, fixed)


def _decode_raw(data: bytes, declared: str | None) -> tuple[str, str]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            body = data[len(bom) :] if encoding != "utf-8-sig" else data
            return body.decode(encoding, errors="replace"), encoding
    if b"\x00" in data[:_SAMPLE]:
        return _decode_utf16_without_bom(data)
    if _byte_control_ratio(data[:_SAMPLE]) > _rules()["binary_control_ratio"]:
        raise NotText("binary content, not text")
    for encoding in _candidates(data, declared):
        try:
            return data.decode(encoding), encoding
        except (UnicodeDecodeError, LookupError):
            continue
    return data.decode("latin-1"), "latin-1"


def _candidates(data: bytes, declared: str | None) -> list[str]:
    found = [declared] if declared else []
    match = _DECLARED.search(data[:4096])
    if match:
        found.append((match.group(1) or match.group(2)).decode("ascii", "replace"))
    names = ["utf-8"] + [_codec_name(n) for n in found] + ["cp1252"]
    return [n for n in names if n and not n.startswith(("utf-16", "utf-32"))]


def _codec_name(name: str) -> str | None:
    try:
        canonical = codecs.lookup(name.strip()).name
    except LookupError:
        return None
    # Pages that declare latin-1 are in practice cp1252 (the WHATWG rule).
    return "cp1252" if canonical in ("latin-1", "iso8859-1", "ascii") else canonical


def _decode_utf16_without_bom(data: bytes) -> tuple[str, str]:
    """UTF-16 text without a BOM has a NUL in every other byte; anything else with NULs is binary."""
    sample = data[: _SAMPLE - _SAMPLE % 2]
    half = max(1, len(sample) // 2)
    even_nuls = sample[0::2].count(0) / half
    odd_nuls = sample[1::2].count(0) / half
    for encoding, nul_share, other in (("utf-16-le", odd_nuls, even_nuls), ("utf-16-be", even_nuls, odd_nuls)):
        if nul_share > 0.6 and other < 0.05 and len(data) % 2 == 0:
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                break
    raise NotText("binary content, not text")


def _byte_control_ratio(sample: bytes) -> float:
    return len(_BYTE_CONTROLS.findall(sample)) / len(sample) if sample else 0.0


def _control_ratio(text: str) -> float:
    sample = text[:_SAMPLE]
    return len(_TEXT_CONTROLS.findall(sample)) / len(sample) if sample else 0.0


# --------------------------------------------------------------------------- mojibake


def fix_mojibake(text: str) -> tuple[str, int]:
    """Repair UTF-8 that was decoded as cp1252 ("â€™" -> "’"); returns the text and the repairs."""
    repairs = 0

    def repair(match: re.Match[str]) -> str:
        nonlocal repairs
        try:
            fixed = bytes(_char_to_byte()[c] for c in match.group()).decode("utf-8")
        except (UnicodeDecodeError, KeyError):
            return match.group()
        repairs += 1
        return fixed

    for _ in range(2):  # text can be double-encoded
        before = repairs
        text = _mojibake_pattern().sub(repair, text)
        if repairs == before:
            break
    return text, repairs


@cache
def _byte_chars() -> dict[int, str]:
    """The characters a byte 0x80-0xFF becomes when decoded as cp1252 or as latin-1."""
    table = {}
    for b in range(0x80, 0x100):
        latin = bytes([b]).decode("latin-1")
        try:
            table[b] = bytes([b]).decode("cp1252") + latin
        except UnicodeDecodeError:
            table[b] = latin
    return table


@cache
def _char_to_byte() -> dict[str, int]:
    return {c: b for b, chars in _byte_chars().items() for c in chars}


@cache
def _mojibake_pattern() -> re.Pattern[str]:
    chars = _byte_chars()
    cont = "".join(re.escape(chars[b]) for b in range(0x80, 0xC0))
    leads = [int(b) for b in _rules()["mojibake_lead_bytes"]]
    two = "".join(re.escape(chars[b]) for b in leads if 0xC2 <= b <= 0xDF)
    three = "".join(re.escape(chars[b]) for b in leads if 0xE0 <= b <= 0xEF)
    parts = []
    if two:
        parts.append(f"[{two}][{cont}]")
    if three:
        parts.append(f"[{three}][{cont}]{{2}}")
    return re.compile("|".join(parts))


def _rules() -> dict:
    return _data.load("sniff")
