"""The sources of a briefing: a citation mark per article, what a reader needs to find it, and
which articles are reprints of another (one wire story printed by several outlets counts once).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit

from ..model import Article
from ..text.hosts import site_labels
from .config import load


@dataclass(frozen=True)
class Source:
    article_id: str
    mark: str  # the citation label: outlet, the URL's host, or "source N"
    outlet: str | None
    title: str | None
    url: str | None
    published: str | None
    path: str  # the file it was read from: where to look when there is no URL
    reprint_of: str | None = None  # the article this one reprints (near-identical text)
    author: str | None = None  # the byline: who wrote it, as its article gives it
    record_id: str | None = None  # the record's own id in its file (JSON id, feed guid), when it has one

    @property
    def group(self) -> str:
        """The independent report this article belongs to."""
        return self.reprint_of or self.article_id

    def to_dict(self) -> dict:
        return {
            "mark": self.mark,
            "article_id": self.article_id,
            "outlet": self.outlet,
            "title": self.title,
            "url": self.url,
            "published": self.published,
            "path": self.path,
            "reprint_of": self.reprint_of,
            "author": self.author,
            "record_id": self.record_id,
        }


@lru_cache(maxsize=1)
def _host_prefixes() -> frozenset[str]:
    return frozenset(str(p) for p in load("brief.yaml")["host_prefixes"])


def host(url: str | None) -> str | None:
    """The site's name in the address: its host without the labels that open a host and name no site
    ("www.", "edition." of edition.cnn.com: brief.yaml ``host_prefixes``)."""
    if not url:
        return None
    return ".".join(site_labels(urlsplit(url).hostname or "", _host_prefixes())) or None


def sources(article_ids: Sequence[str], articles: dict[str, Article]) -> dict[str, Source]:
    """article id -> Source, in the story's order; marks are unique within the story."""
    ids = [a for a in article_ids if a in articles]
    marks: dict[str, str] = {}
    taken: set[str] = set()
    for n, a in enumerate(ids, 1):
        base = _label(articles[a]) or f"source {n}"
        mark, k = base, 2
        while mark in taken:
            mark, k = f"{base} ({k})", k + 1
        marks[a] = mark
        taken.add(mark)
    reprints = _reprints(ids, articles)
    return {
        a: Source(
            a,
            marks[a],
            articles[a].outlet or host(articles[a].url),
            articles[a].title,
            articles[a].url,
            articles[a].published,
            articles[a].source_path,
            reprints.get(a),
            articles[a].author,
            articles[a].external_id,
        )
        for a in ids
    }


def _label(article: Article) -> str | None:
    """Outlet, else the URL's host, else the record's own id when it reads as a name (the Sources list gives the
    file and the record)."""
    return article.outlet or host(article.url) or _readable(article.external_id)


def _readable(record_id: str | None) -> str | None:
    cfg = load("brief.yaml")
    if not record_id or len(record_id) > cfg["readable_id_max_chars"]:
        return None
    hex_run = max((len(m) for m in re.findall(r"[0-9a-fA-F]+", record_id)), default=0)
    return None if hex_run >= cfg["readable_id_hex_run"] else record_id


def _shingles(text: str, k: int) -> frozenset[str]:
    words = re.findall(r"\w+", text.lower())
    return frozenset(" ".join(words[i : i + k]) for i in range(max(len(words) - k + 1, 1)))


def _reprints(ids: Sequence[str], articles: dict[str, Article]) -> dict[str, str]:
    """A later article whose text mostly repeats an earlier one's word shingles is its reprint."""
    cfg = load("brief.yaml")
    order = sorted(ids, key=lambda a: (articles[a].published or "9999", ids.index(a)))
    shingles = {a: _shingles(articles[a].text, cfg["reprint_shingle"]) for a in order}
    out: dict[str, str] = {}
    for i, a in enumerate(order):
        for b in order[:i]:
            if b in out:
                continue
            shared = len(shingles[a] & shingles[b]) / max(min(len(shingles[a]), len(shingles[b])), 1)
            if shared >= cfg["reprint_containment"]:
                out[a] = b
                break
    return out


def independent(article_ids, srcs: dict[str, Source]) -> int:
    """How many independent reports among ``article_ids`` (reprints count with their original)."""
    return len({srcs[a].group if a in srcs else a for a in article_ids})
