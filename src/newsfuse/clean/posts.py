"""Social posts pasted into a page dump ("text pic.twitter.com/x — Name (@handle) Month D, YYYY")."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ..model import EmbeddedPost
from .dates import parse_date
from .rules import load_rules


@dataclass(frozen=True)
class FoundPost:
    post: EmbeddedPost
    lines: tuple[int, ...]  # 0-based indexes of the lines it occupies


def _strip_symbols(name: str) -> str:
    """Display names lose flags and emoji ("MFA Russia 🇷🇺" -> "MFA Russia")."""
    kept = "".join(
        ch
        for ch in name
        if unicodedata.category(ch) not in ("So", "Sk", "Mn", "Cf") and not 0x1F1E6 <= ord(ch) <= 0x1F1FF
    )
    return re.sub(r"\s+", " ", kept).strip(" -—–")


def _has_words(line: str) -> bool:
    return bool(re.search(r"[^\W\d_]{2,}", load_rules().post_link.sub(" ", line)))


def _post_lines(lines: list[str], sig_index: int, has_inline_text: bool, taken: set[int]) -> list[int]:
    rules = load_rules()
    limits = rules["posts"]
    chosen: list[int] = []
    total = 0
    j = sig_index - 1
    while j >= 0 and len(chosen) < limits["max_lines"] - 1:
        line = lines[j]
        if not line:
            j -= 1
            continue
        if j in taken:
            break
        first = not has_inline_text and not any(_has_words(lines[k]) for k in chosen)
        if not first and not rules.post_marker.search(line):
            break
        if total + len(line) > limits["max_chars"] and not first:
            break
        chosen.append(j)
        total += len(line)
        j -= 1
    return sorted(chosen)


def _make_post(texts: list[str], m: re.Match[str]) -> EmbeddedPost:
    rules = load_rules()
    joined = "\n".join(texts)
    urls = tuple(u if u.startswith("http") else "https://" + u for u in rules.post_link.findall(joined))
    text = rules.post_link.sub(" ", joined)
    text = re.sub(r"(?:https?://)\s", " ", text)
    text = "\n".join(re.sub(r"[ \t]+", " ", t).strip() for t in text.split("\n"))
    name = _strip_symbols(m.group("name")) or None
    return EmbeddedPost(
        author=name, handle="@" + m.group("handle"), date=parse_date(m.group("date")), text=text.strip(), urls=urls
    )


def find_posts(lines: list[str], taken: set[int] | None = None) -> list[FoundPost]:
    """Posts in normalised ``lines``; a post is its signature line and the post text above it."""
    rules = load_rules()
    taken = set(taken or ())
    found: list[FoundPost] = []
    for i, line in enumerate(lines):
        if i in taken or not line:
            continue
        m = rules.post_signature.search(line)
        if not m:
            continue
        inline = line[: m.start()].strip()
        above = _post_lines(lines, i, bool(inline), taken)
        texts = [lines[j] for j in above] + ([inline] if inline else [])
        occupied = tuple(above + [i])
        taken.update(occupied)
        found.append(FoundPost(_make_post(texts, m), occupied))
    return found
