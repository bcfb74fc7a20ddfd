"""Unicode normalisation of text lines: safe NFKC, hyphens, spaces, zero-width characters, mojibake."""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from .rules import load_rules

_SPACES = re.compile(r"[ \t]+")
# control characters (tab is kept: it becomes a space), lone surrogates, private-use characters
_CONTROL = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\ud800-\udfff\ue000-\uf8ff\U000f0000-\U0010ffff]")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


INLINE_TAG = re.compile(r"</?[A-Za-z][\w:-]*(?:\s[^<>]*)?/?>")
BLOCK_END = re.compile(r"</(?:p|div|li|h[1-6]|blockquote|tr)\s*>|<br\s*/?>", re.IGNORECASE)


def strip_inline_markup(text: str) -> str:
    """Plain text with the tags a record's text carries dropped (their words kept), a block's end
    as a line break, and character references read ("&amp;" -> "&")."""
    return html.unescape(INLINE_TAG.sub("", BLOCK_END.sub("\n", text)))


def split_lines(text: str) -> list[str]:
    """Lines as numbered in the decoded input (only CR/LF break lines, unlike str.splitlines)."""
    return _LINE_BREAK.split(text)


@dataclass(frozen=True)
class _Tables:
    translate: dict[int, str | None]
    dashes_inside_words: frozenset[str]
    keep_categories: frozenset[str]
    keep_chars: frozenset[str]
    mojibake_markers: tuple[str, ...]


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    u = load_rules()["unicode"]
    table: dict[int, str | None] = {ord(c): None for c in u["delete"]}
    table.update({ord(c): " " for c in u["space"]})
    table.update({ord(c): "-" for c in u["hyphen"]})
    return _Tables(
        translate=table,
        dashes_inside_words=frozenset(u["hyphen_inside_word"]),
        keep_categories=frozenset(u["nfkc_keep_categories"]),
        keep_chars=frozenset(u["nfkc_keep_chars"]),
        mojibake_markers=tuple(u["mojibake_markers"]),
    )


def _safe_nfkc(text: str, keep_categories: frozenset[str], keep_chars: frozenset[str]) -> str:
    text = unicodedata.normalize("NFC", text)
    if text.isascii() or unicodedata.is_normalized("NFKC", text):
        return text
    out = []
    for ch in text:
        if ch.isascii() or ch in keep_chars or unicodedata.category(ch) in keep_categories:
            out.append(ch)
        else:
            out.append(unicodedata.normalize("NFKC", ch))
    return unicodedata.normalize("NFC", "".join(out))


def _hyphens_inside_words(text: str, dashes: frozenset[str]) -> str:
    if not any(d in text for d in dashes):
        return text
    chars = list(text)
    for i, ch in enumerate(chars):
        if ch in dashes and 0 < i < len(chars) - 1 and chars[i - 1].isalnum() and chars[i + 1].isalnum():
            chars[i] = "-"
    return "".join(chars)


def _to_cp1252_bytes(text: str) -> bytes | None:
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1252")
        except UnicodeEncodeError:
            if ord(ch) > 255:
                return None
            out.append(ord(ch))  # the five bytes cp1252 leaves undefined pass through as latin-1
    return bytes(out)


def fix_mojibake(text: str) -> str:
    """Undo UTF-8 that was decoded as cp1252/latin-1 ("â€™" -> "’"), only when that is certain."""
    markers = _tables().mojibake_markers
    if text.isascii() or not any(m in text for m in markers):
        return text
    raw = _to_cp1252_bytes(text)
    if raw is None:
        return text
    try:
        fixed = raw.decode("utf-8")
    except UnicodeDecodeError:
        return text
    return fixed if sum(fixed.count(m) for m in markers) < sum(text.count(m) for m in markers) else text


def normalize_line(line: str) -> str:
    """One line as the cleaner sees it; curly quotes and dashes between words are kept."""
    t = _tables()
    line = fix_mojibake(line)
    line = line.translate(t.translate)
    line = _safe_nfkc(line, t.keep_categories, t.keep_chars)
    line = line.translate(t.translate)  # NFKC may produce characters the table maps (e.g. U+2011)
    line = _hyphens_inside_words(line, t.dashes_inside_words)
    line = _CONTROL.sub("", line)
    return _SPACES.sub(" ", line).strip()
