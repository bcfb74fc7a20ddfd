"""The site's name in a page's title ("Headline - KXLF.com | Continuous News"): taken off, kept aside."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

from ..text.hosts import site_labels
from .rules import load_rules

_WORD = re.compile(r"[^\W_]+(?:['’.][^\W_]+)*", re.UNICODE)
_SQUASH = re.compile(r"[\W_]+", re.UNICODE)
SITE_NAME_REASON = "site name in title"  # the reason a removed part of the title is kept with


@lru_cache(maxsize=1)
def _cfg() -> dict[str, Any]:
    return dict(load_rules().raw["site_name_in_title"])


@lru_cache(maxsize=1)
def _domain() -> re.Pattern[str]:
    return re.compile(_cfg()["domain"], re.IGNORECASE)


def without_site_name(title: str, outlet: str | None = None, url: str | None = None) -> tuple[str, tuple[str, ...]]:
    """The title without the site's name at its end or start, and the parts taken off (none when the
    headline would keep fewer than ``head_min_words`` words or no part names a site). At the end, the
    site's name may go on in more capitalised parts ("KXLF.com | Continuous News | Butte, Montana")."""
    parts = _segments(title)
    if len(parts) < 2:
        return title, ()
    names = _site_keys(outlet, url)
    texts = [t for _, t in parts]
    masthead = not all(map(_capitalised, texts))  # in a headline in title case, a masthead word proves nothing
    named = (k for k in range(1, len(texts)) if _names_site(texts[k], names, masthead))
    end = next((k for k in named if all(map(_capitalised, texts[k:]))), len(texts))
    start = 1 if end > 1 and _names_site(texts[0], names, False) and _capitalised(texts[0]) else 0
    if (start, end) == (0, len(parts)):
        return title, ()
    head = title[parts[start][0] : parts[end - 1][0] + len(parts[end - 1][1])].strip()
    if len(_WORD.findall(head)) < int(_cfg()["head_min_words"]):
        return title, ()
    return head, tuple(p for _, p in parts[:start] + parts[end:])


def _segments(title: str) -> list[tuple[int, str]]:
    """(offset, text) of each part of the title between separators written with spaces around them."""
    seps = "|".join(re.escape(s) for s in _cfg()["separators"])
    out, pos = [], 0
    for m in re.finditer(seps, title):
        out.append((pos, title[pos : m.start()]))
        pos = m.end()
    out.append((pos, title[pos:]))
    return [(p, t) for p, t in out if t.strip()]


def _site_keys(outlet: str | None, url: str | None) -> set[str]:
    """The squashed names the page gives its site: the outlet's, and its address's host label
    ("kxlf" for www.kxlf.com, "bbc" for bbc.co.uk)."""
    keys = {_squash(outlet)} if outlet else set()
    labels = _site_labels((urlsplit(url).hostname or "") if url and "//" in url else "")
    if labels:
        keys.add(_squash(labels[0]))
    return {k for k in keys if len(k) >= int(_cfg()["host_label_min_chars"])}


def _site_labels(host: str) -> list[str]:
    return site_labels(host, _cfg()["host_prefixes"])


def outlet_as_named(outlet: str | None) -> str | None:
    """The outlet as a reader names it: a page that gives a web address as its site's name
    ("https://www.hawaiinewsnow.com", "www.example.org/news") is named by its host without the labels
    that name no site ("hawaiinewsnow.com"); any other name stays as written ("KXLF.com")."""
    if not outlet or not _ADDRESS.fullmatch(outlet):
        return outlet
    host = urlsplit(outlet if "//" in outlet else "//" + outlet).hostname or ""
    return ".".join(_site_labels(host)) or outlet


_ADDRESS = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)  # a web address, all of the name


def _names_site(segment: str, names: set[str], masthead: bool) -> bool:
    key = _squash(segment)
    if not key:
        return False
    if any(n in key or (key in n and len(key) >= len(n) // 2) for n in names):
        return True
    if _domain().search(segment):
        return True
    return masthead and _is_masthead(segment)


def _capitalised(segment: str) -> bool:
    """Every word capitalised, a number, a connector ("Weather & Sports") or a web address: a name."""
    connectors = {str(w) for w in _cfg()["masthead_connectors"]}
    words = [w for w in re.findall(r"\S+", segment) if any(c.isalnum() for c in w)]
    return bool(words) and all(
        w[0].isupper() or w[0].isdigit() or w.lower() in connectors or _domain().search(w) for w in words
    )


def _is_masthead(segment: str) -> bool:
    """A name holding a masthead word: "Times Argus Online", "KSLA News 12 Shreveport, Louisiana News"."""
    mastheads = {str(w) for w in _cfg()["masthead_words"]}
    return _capitalised(segment) and any(w.lower() in mastheads for w in _WORD.findall(segment))


def _squash(text: str) -> str:
    return _SQUASH.sub("", text.casefold())
