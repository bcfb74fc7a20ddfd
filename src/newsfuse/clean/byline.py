"""Who wrote a page: the byline tidied, and the byline the page shows where it declares none.

A declared author (schema.org, meta tags) or trafilatura's byline search often carries what sits
around the name on the page: the label ("Written by", "View all posts by"), the date line that
follows ("Last updated August 1"), a newsroom job title ("Senior Autos Reporter"), or is no name at
all ("Dec", "Updated January", a template placeholder). ``tidy_author`` keeps the name or nothing.
``visible_byline`` reads the byline markup a page shows (``itemprop="author"``, ``rel="author"``, a
link to an author page, a byline box) when neither the declared metadata nor trafilatura found one.
The rules are in ``data/byline.yaml``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from lxml import etree

from ..text.yamlfile import load_yaml

DATA = Path(__file__).with_name("data") / "byline.yaml"
_WS = re.compile(r"\s+")
_LETTER = re.compile(r"[^\W\d_]")
_PLACEHOLDER = re.compile(r"[{}<>]|^[\w-]+(?:\.[\w-]+)+\.(?:author|name|byline)$", re.I)  # page.head.extra.author
_EMAIL = re.compile(r"\S+@\S+\.\w+")
_DATE_TAIL = re.compile(r"[\s,;:•|·–—-]*\b\d{1,4}(?:[/.-]\d{1,4}){0,2}\b.*$")
_EDGE = " ,;:•|·–—-\"'“”"


@lru_cache(maxsize=1)
def rules() -> dict[str, Any]:
    data: dict[str, Any] = load_yaml(DATA.read_text(encoding="utf-8"))
    return data


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    r = rules()

    def alternatives(words: list[str]) -> str:
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))

    roles = alternatives(r["role_words"])
    modifiers = alternatives(r["role_modifiers"])
    return {
        "label": re.compile(rf"^(?:{alternatives(r['label_prefixes'])})\s*:?\s+", re.I),
        "date_marker": re.compile(rf"[\s,;:•|·–—-]*\b(?:{alternatives(r['date_markers'])})\b.*$", re.I),
        # a month ends a byline only with its day ("Supermove February 8"): "Theresa May" keeps hers
        "month_tail": re.compile(rf"[\s,;:•|·–—-]*\b(?:{alternatives(r['month_names'])})\b\.?\s+\d.*$", re.I),
        # singular only: "Our Editors" or "The Currency Editors" is a group byline, not a name + title
        "role_tail": re.compile(rf"[\s,;•|·–—]+(?:(?:{modifiers})\s+){{0,3}}(?:{roles})\s*$", re.I),
        "weekday_tail": re.compile(rf"\s+on\s+(?:{alternatives(r['weekday_names'])})\b.*$", re.I),
        "title_end": re.compile(rf"\b(?:{roles})s?$", re.I),
        "role_only": re.compile(rf"^(?:(?:{modifiers})\s+){{0,3}}(?:{roles})s?$", re.I),
        "month_only": re.compile(rf"^(?:{alternatives(r['month_names'])})\.?$", re.I),
    }


def tidy_author(raw: str | None, limit: str = "declared") -> str | None:
    """The name(s) in a byline string, or None when it holds no name.

    ``limit`` is "declared" (the page's metadata or trafilatura's search) or "visible" (text read
    from a byline box, held to a shorter length)."""
    if not raw:
        return None
    raw = _EMAIL.sub(" ", raw)
    first, *others = raw.split(";")  # trafilatura joins names with "; "
    names = [_tidy_part(first)]
    # after the first, a part is another name only when it reads as one ("Jane Roe", not "Hardware"
    # or "Digital Security Expert")
    names += [_tidy_part(p) for p in others if not _patterns()["title_end"].search(p.strip(_EDGE))]
    names = [n for i, n in enumerate(names) if _is_name(n, limit) and (i == 0 or len(n.split()) >= 2)]
    return ", ".join(names) or None


def _tidy_part(text: str) -> str:
    p = _patterns()
    text = _WS.sub(" ", text).strip(_EDGE)
    text = p["label"].sub("", text).strip(_EDGE)
    text = p["date_marker"].sub("", text).strip(_EDGE)
    text = p["month_tail"].sub("", text).strip(_EDGE)
    text = p["weekday_tail"].sub("", text).strip(_EDGE)
    text = _without_date_tail(text)
    cut = p["role_tail"].sub("", text).strip(_EDGE)
    if len(cut.split()) >= 2 and cut.split()[0].lower() not in ("the", "our", "a", "an"):
        text = cut  # "Keith Barry Senior Autos Reporter"; not "SFist Contributor" or "Our Editor"
    return text


def _without_date_tail(text: str) -> str:
    """ "Yucy 3, 4" -> "Yucy"; a text that is only numbers stays (and is no name)."""
    cut = _DATE_TAIL.sub("", text).strip(_EDGE)
    return cut if _LETTER.search(cut) else text


def _is_name(text: str, limit: str = "declared") -> bool:
    r, p = rules(), _patterns()
    lower = text.lower()
    if not _LETTER.search(text) or lower in r["not_names"] or _PLACEHOLDER.search(text):
        return False
    if p["role_only"].match(text) or p["month_only"].match(text):
        return False
    if len(text) > r[f"{limit}_max_chars"] or len(text.split()) > r[f"{limit}_max_words"]:
        return False
    return text.count("(") == text.count(")") and not text.startswith(("http:", "https:", "www."))


# --------------------------------------------------------------------------- visible bylines


def visible_byline(tree: etree._Element | None) -> str | None:
    """The author the page's byline markup shows, first in document order; None when it shows none."""
    if tree is None:
        return None
    for finder in (_itemprop_author, _author_links, _byline_boxes):
        for el in finder(tree):
            if _in_other_content(el):
                continue
            name = tidy_author(_text(el), "visible")
            if name:
                return name
    return None


def _itemprop_author(tree: etree._Element) -> list[etree._Element]:
    found = []
    for el in tree.xpath('//*[@itemprop="author"]'):
        names = el.xpath('.//*[@itemprop="name"]')
        found.append(names[0] if names else el)
    return found


def _author_links(tree: etree._Element) -> list[etree._Element]:
    segments = set(rules()["author_path_segments"])
    found = []
    for a in tree.iter("a"):
        rel = (a.get("rel") or "").lower().split()
        path = urlsplit(a.get("href") or "").path.lower().strip("/").split("/")
        if "author" in rel or (len(path) >= 2 and path[-2] in segments):
            found.append(a)
    return found


def _byline_boxes(tree: etree._Element) -> list[etree._Element]:
    words = rules()["byline_class_words"]
    return [el for el in tree.iter() if isinstance(el.tag, str) and any(w in _classes(el) for w in words)]


def _in_other_content(el: etree._Element) -> bool:
    """Inside comments, related posts, a sidebar or a footer: other people's names."""
    words = rules()["skip_ancestor_words"]
    for anc in el.iterancestors():
        if anc.tag in ("footer", "aside", "nav") or any(w in _classes(anc) for w in words):
            return True
    return False


def _classes(el: etree._Element) -> str:
    return f"{el.get('class') or ''} {el.get('id') or ''}".lower()


def _text(el: etree._Element) -> str:
    """The element's words, its children's kept apart ("Scott Matton" + "March 4"), never its CSS."""
    content = el.get("content")
    if content:
        return str(content)
    words = el.xpath(".//text()[not(ancestor::style) and not(ancestor::script)]")
    return _WS.sub(" ", " ".join(str(w) for w in words)).strip()
