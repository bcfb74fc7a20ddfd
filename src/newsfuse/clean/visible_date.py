"""The publication date a page shows its reader beside the article's headline.

A news or blog page prints its date in the byline block just under (or just above) the
headline: "By Jane Doe · March 5, 2025", "Published: 03 Dec 2025", a ``<time datetime>``
element. That printed date is what a reader takes as the article's date; the page's declared
metadata (JSON-LD, meta tags) often carries another one (a template's creation date, the first
version of an evergreen page). A date labelled as a revision ("Updated on ...", "Last
modified ...") is not the publication date and is passed over. The window sizes and the
revision labels live under ``visible_date`` in ``data/html_rules.yaml``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from lxml import etree

from newsfuse.clean.dates import find_date

from ..text.yamlfile import load_yaml

DATA = Path(__file__).with_name("data") / "html_rules.yaml"
_WS = re.compile(r"\s+")
_TOKEN = re.compile(r"\w+")
_YEAR = re.compile(r"(?:19|20)\d\d")
_ISO_ATTR = re.compile(r"^\s*((?:19|20)\d\d)-(\d\d)-(\d\d)")
HIDDEN_TAGS = frozenset({"head", "script", "style", "noscript", "template", "svg", "select", "option"})
_TITLE_SEPARATOR = re.compile(r"\s+[|\-–—·:»]\s+")


@dataclass(frozen=True)
class ShownDate:
    """A date printed on the page: ISO value, its place in the page's visible text, its label."""

    iso: str
    offset: int
    label: str  # the text just before it ("Updated on", "By Jane Doe ·")


@lru_cache(maxsize=1)
def _settings() -> dict[str, Any]:
    cfg = dict(load_yaml(DATA.read_text(encoding="utf-8"))["visible_date"])
    words = "|".join(re.escape(str(w)) for w in sorted(cfg["revision_labels"], key=len, reverse=True))
    cfg["revision_itemprops"] = {str(w).lower() for w in cfg["revision_itemprops"]}
    cfg["revision_class_words"] = {str(w).lower() for w in cfg["revision_class_words"]}
    cfg["revision"] = re.compile(rf"\b(?:{words})\b\W*(?:on|at|in)?\W*$", re.IGNORECASE)
    return cfg


def date_beside_headline(
    tree: etree._Element | None, headline: str | None, revisions: bool = False, outlet: str | None = None
) -> str | None:
    """ISO date the page prints closest after its headline (or just above it); None when none.

    The headline is the element ``headline_element`` finds (``outlet``: the site's name, which a
    lone ``<h1>`` holding it is not); a page without one gives None (there is no byline block to
    read). Dates labelled as revisions are skipped unless ``revisions``: then the first date shown
    is taken whatever its label.
    """
    if tree is None or not headline:
        return None
    anchor = headline_element(tree, headline, outlet)
    if anchor is None:
        return None
    cfg = _settings()
    start, end, dates = _dates_around(tree, anchor, cfg["after_headline_chars"])
    if start is None:
        return None
    for shown in nearest_first(dates, start, end, cfg["before_headline_chars"]):
        if revisions or not cfg["revision"].search(shown.label):
            return shown.iso
    return None


def marked_publication(tree: etree._Element | None, headline: str | None, outlet: str | None = None) -> str | None:
    """ISO date of the first ``<time pubdate>`` element that dates this page's article; None when none.

    HTML5's ``pubdate`` attribute (W3C HTML5 drafts, 2010-2011) marks a ``<time>`` as the
    publication date of its nearest ``<article>`` ancestor, or of the document when it has none:
    one inside an ``<article>`` that does not hold the headline dates another article (a teaser,
    a comment). Its date is the ``datetime`` attribute, else a full date in its text.
    """
    if tree is None:
        return None
    anchor = headline_element(tree, headline, outlet) if headline else None
    for el in tree.iter("time"):
        if el.get("pubdate") is None or _hidden(el) or not _dates_article(el, anchor):
            continue
        found = _iso_attr(el.get("datetime")) or _date_in_text(el.text_content())
        if found:
            return found
    return None


def _dates_article(el: etree._Element, anchor: etree._Element | None) -> bool:
    """Whether ``el`` dates the page's article: it has no ``<article>`` ancestor, or its nearest
    one holds the headline element ``anchor``."""
    article = next(el.iterancestors("article"), None)
    return article is None or (anchor is not None and any(a is article for a in anchor.iterancestors("article")))


def _hidden(el: etree._Element) -> bool:
    """Whether ``el`` is not shown: it or an ancestor is one of ``HIDDEN_TAGS`` (the <head>, a script)."""
    return el.tag in HIDDEN_TAGS or any(a.tag in HIDDEN_TAGS for a in el.iterancestors())


def _date_in_text(text: str) -> str | None:
    found = find_date(text[:200])
    return found[0] if found else None


def nearest_first(dates: list[ShownDate], start: int, end: int, before: int) -> list[ShownDate]:
    """The dates from ``before`` characters above the headline on, nearest to it first: the
    distance is counted from the headline's end for a date under it, from its start for one
    above it. The byline block touches the headline; the dates of a ticker or a list of other
    articles above it, or of an author card further down, lie farther off."""
    near = [d for d in dates if d.offset >= start - before]
    return sorted(near, key=lambda d: max(d.offset - end, 0) if d.offset >= start else start - d.offset)


def headline_element(tree: etree._Element, headline: str, outlet: str | None = None) -> etree._Element | None:
    """The first <h1> whose words are the headline's, else the page's only <h1>, else the first
    <h2> whose words are the headline's, else the first other element worded as the headline
    (``_element_worded``).

    A page whose one <h1> words its headline otherwise than the declared title (an SEO title)
    still prints its byline under that <h1>, the one top-level heading HTML gives a page; an
    <h2> with the declared title's words is then often a teaser of the same article elsewhere.
    A lone <h1> holding the site's name (``site_names``) is its logo, not a headline.
    """
    key = _key(headline)
    names = site_names(tree, headline, outlet)
    h1s = [el for el in tree.iter("h1") if _key(el.text_content()) not in names]
    exact = [el for el in h1s if _key(el.text_content()) == key]
    if exact or len(h1s) == 1:
        return (exact or h1s)[0]
    h2 = next((el for el in tree.iter("h2") if _key(el.text_content()) == key), None)
    return h2 if h2 is not None or not key else _element_worded(tree, key)


def _element_worded(tree: etree._Element, key: str) -> etree._Element | None:
    """The first visible element whose whole text has the words ``key``, outside any link: the
    headline of a page that gives it no heading markup (a ``<legend>``, a styled ``<div>``). A
    link with those words points at the article from a list; the ``<head>`` and its ``<title>`` are not shown."""
    limit = 4 * len(key) + 100  # an element with far more text than the headline is not it
    for el in tree.iter():
        if not isinstance(el.tag, str) or el.tag == "a" or _key(_text_up_to(el, limit)) != key:
            continue
        if el.find(".//a") is None and not _hidden(el) and next(el.iterancestors("a"), None) is None:
            return el
    return None


def _text_up_to(el: etree._Element, limit: int) -> str:
    """The element's text when it holds at most ``limit`` characters, else "" (read no further)."""
    pieces: list[str] = []
    size = 0
    for piece in el.itertext():
        size += len(piece)
        if size > limit:
            return ""
        pieces.append(piece)
    return "".join(pieces)


def site_names(tree: etree._Element, headline: str, outlet: str | None) -> set[str]:
    """Word keys that name the site, not an article: ``outlet`` and each part of the page's
    ``<title>`` ("Headline | Site") other than the headline ("" too: an empty heading)."""
    title = tree.findtext(".//title") or ""
    parts = {_key(part) for part in _TITLE_SEPARATOR.split(title)}
    return {"", _key(outlet or "")} | (parts - {_key(headline)} if len(parts) > 1 else set())


def _dates_around(tree: etree._Element, anchor: etree._Element, after: int) -> tuple[int | None, int, list[ShownDate]]:
    """(offsets of the headline's start and end in the visible text, dates shown up to ``after``
    characters past its start)."""
    text: list[str] = []
    dates: list[ShownDate] = []
    length = 0
    start: int | None = None
    end = 0
    marked = (0, "")  # (end offset, label) of a <time> element whose markup labels it
    for kind, value in _visible_stream(tree, anchor):
        if kind == "anchor":
            start = length
            continue
        if kind == "anchor_end":
            end = length
            continue
        if kind == "time":  # value: "ISO|markup label|the element's own text" (a label may sit inside it)
            iso, markup, own = value.split("|", 2)
            dates.append(ShownDate(iso, length, _tail("".join(text[-8:]) + " " + markup + _label_inside(own))))
            marked = (length + len(_WS.sub(" ", own)), markup) if markup else marked
            continue
        chunk = _WS.sub(" ", value)
        label = marked[1] if length < marked[0] else ""  # the element's text carries its markup's label
        dates += _dates_in(chunk, length, "".join(text[-8:]) + " " + label)
        text.append(chunk)
        length += len(chunk)
        if start is not None and length > start + after:
            break
    return start, max(end, start or 0), [d for d in dates if start is None or d.offset <= start + after]


def _dates_in(chunk: str, offset: int, before: str) -> list[ShownDate]:
    out: list[ShownDate] = []
    if not _YEAR.search(chunk):  # every full date names its year
        return out
    pos = 0
    while True:
        found = find_date(chunk[pos:])
        if not found:
            return out
        iso, s, e = found
        out.append(ShownDate(iso, offset + pos + s, _tail(before + chunk[: pos + s])))
        pos += e


def _visible_stream(tree: etree._Element, anchor: etree._Element) -> Iterator[tuple[str, str]]:
    """("text", str), ("time", "ISO|markup label|own text"), ("anchor", "") and ("anchor_end", "") in document order.

    Hidden elements (scripts, styles, the <head>) give only their tails. The tree is one parsed
    with comments removed (``html._parse``): a comment's tail would be missed.
    """
    walker = etree.iterwalk(tree, events=("start", "end"))
    for event, el in walker:
        if event == "end":
            if el is anchor:
                yield "anchor_end", ""
            yield "text", " " + (el.tail or "")
        elif el.tag in HIDDEN_TAGS:
            walker.skip_subtree()
        else:
            if el is anchor:
                yield "anchor", ""
            if el.tag == "time" and _iso_attr(el.get("datetime")):
                yield "time", f"{_iso_attr(el.get('datetime'))}|{markup_label(el)}|{el.text_content()[:200]}"
            if el.text:
                yield "text", el.text


def markup_label(el: etree._Element) -> str:
    """The label "Updated " when the element's markup says it holds a revision date (schema.org
    ``itemprop="dateModified"``, a class named for a revision: ``class="updated"``,
    ``"date-modified"``), else "": the page's own semantics label a date its text leaves bare."""
    cfg = _settings()
    if (el.get("itemprop") or "").strip().lower() in cfg["revision_itemprops"]:
        return "Updated "
    classes = {c for c in re.split(r"[\s_-]+", (el.get("class") or "").lower()) if c}
    return "Updated " if classes & cfg["revision_class_words"] else ""


def _iso_attr(value: str | None) -> str | None:
    m = _ISO_ATTR.match(value or "")
    if not m or not (1 <= int(m.group(2)) <= 12 and 1 <= int(m.group(3)) <= 31):
        return None
    return f"{m.group(1)}-{m.group(2)}-{m.group(3)}"


def _label_inside(text: str) -> str:
    """The words before the first date in a <time> element's own text ("Updated on")."""
    found = find_date(text)
    return _WS.sub(" ", text[: found[1]] if found else "").strip()


def _tail(text: str, chars: int = 40) -> str:
    return _WS.sub(" ", text)[-chars:]


def _key(text: str) -> str:
    return " ".join(_TOKEN.findall(text.lower()))
