"""The text-dump cleaner: page chrome out (with a reason per line), metadata and blocks in.

Works on the lines of a page dump and, equally, on paragraphs extracted from HTML.
Line numbers in ``removed`` are 1-based indexes into the lines given.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from typing import Any

from ..model import Block, EmbeddedPost, RemovedLine
from .dates import WireDateline, date_in_url, date_without_year, dateline_date, find_date, wire_dateline
from .normalize import normalize_line
from .posts import find_posts
from .rules import exact_key, load_rules
from .titles import SITE_NAME_REASON, outlet_as_named, without_site_name

_WORD = re.compile(r"\w+(?:[-'’]\w+)*")


@dataclass(frozen=True)
class CleanResult:
    title: str | None
    published: str | None
    author: str | None
    outlet: str | None
    blocks: tuple[Block, ...]
    removed: tuple[RemovedLine, ...]
    embedded_posts: tuple[EmbeddedPost, ...]
    block_lines: tuple[tuple[int, ...], ...] = ()  # 1-based input lines behind each block
    url: str | None = None  # the web address a page dump opens with


@dataclass
class _State:
    lines: list[str]  # normalised
    labels: dict[int, str] = field(default_factory=dict)  # 0-based line -> removal reason
    authors: list[str] = field(default_factory=list)
    dates: list[str] = field(default_factory=list)  # from bylines
    outlets: list[str] = field(default_factory=list)
    wire: dict[int, WireDateline] = field(default_factory=dict)  # 0-based line -> wire dateline opening it
    addresses: list[str] = field(default_factory=list)  # the web addresses the dump opens with

    def content(self) -> list[int]:
        return [i for i, line in enumerate(self.lines) if line]

    def free(self) -> list[int]:
        return [i for i, line in enumerate(self.lines) if line and i not in self.labels]


# --------------------------------------------------------------------------- line tests


def words(line: str) -> int:
    return len(_WORD.findall(line))


def ends_sentence(line: str) -> bool:
    layout = load_rules()["layout"]
    stripped = line.rstrip().rstrip(layout["closing"])
    return bool(stripped) and stripped[-1] in layout["sentence_end"]


def is_short_unpunctuated(line: str, max_words: int, max_chars: int) -> bool:
    # the length first: counting the words of a long line (a book on one line, cut) costs its length
    return len(line) <= max_chars and 0 < words(line) <= max_words and not ends_sentence(line)


def is_heading_like(line: str) -> bool:
    layout = load_rules()["layout"]
    return is_short_unpunctuated(line, layout["heading_max_words"], layout["heading_max_chars"])


def is_long_paragraph(line: str) -> bool:
    return ends_sentence(line) and words(line) > load_rules()["layout"]["teaser_max_words"]


def is_teaser_header(line: str) -> bool:
    rules = load_rules()
    return exact_key(line) in rules.teaser_exact or any(p.match(line) for p in rules.teaser_patterns)


def chrome_reason(line: str, context: Any = None) -> str | None:
    """The reason a single normalised line is page chrome, or None (line-local rules only)."""
    rules = load_rules()
    if not line:
        return None
    reason = rules.exact.get(exact_key(line))
    if reason:
        return reason
    if is_teaser_header(line):
        return "teaser list"
    if len(line) > rules["layout"]["chrome_max_chars"]:
        return None  # a long line is text, whatever words it contains
    for pattern, why in rules.patterns:
        if pattern.search(line):
            return why
    if rules.seo_prefix.match(line):
        return "seo keywords"
    return None


# --------------------------------------------------------------------------- metadata lines


def byline_names(line: str) -> tuple[str, str] | None:
    """("Jane Doe and John Roe", rest) when the line is a byline."""
    rules = load_rules()
    m = rules.byline.match(line)
    if not m or words(line) > rules["byline"]["max_words"]:
        return None
    names = m.group("names").strip().rstrip(".,")
    connectors = set(rules["byline"]["name_connectors"])
    tokens = names.replace(",", " ").split()
    if not tokens or not all(t[0].isupper() or t.lower() in connectors for t in tokens):
        return None
    if not tokens[0][0].isupper() or len(tokens) > 10:
        return None
    return names, m.group("rest") or ""


def bio_name(line: str) -> str | None:
    m = load_rules().bio.match(line)
    return m.group("name") if m else None


def _mark_posts(st: _State) -> list[EmbeddedPost]:
    posts = find_posts(st.lines, set(st.labels))
    for found in posts:
        for i in found.lines:
            st.labels[i] = "embedded post"
    return [f.post for f in posts]


def _mark_opening_addresses(st: _State) -> None:
    """The lines a dump opens with that are only a web address (its page's address): neither title
    nor body. Tokenised addresses ("http : / / www . x . com") are kept with their spaces taken out."""
    pattern = load_rules().web_address
    for i in st.free():
        if not pattern.match(st.lines[i]):
            return
        st.labels[i] = "web address"
        st.addresses.append(re.sub(r"\s+", "", st.lines[i]))


def _mark_line_rules(st: _State) -> None:
    rules = load_rules()
    for i in st.free():
        line = st.lines[i]
        byline = byline_names(line)
        if byline:
            st.labels[i] = "byline"
            st.authors.append(byline[0])
            _byline_rest(st, byline[1])
            continue
        name = bio_name(line)
        if name:
            st.labels[i] = "author bio"
            st.authors.append(name)
            continue
        if rules.bio_header.match(line) and words(line) <= 8:
            st.labels[i] = "author bio"
            continue
        reason = chrome_reason(line)
        if reason:
            st.labels[i] = reason
            if reason == "copyright":
                st.outlets.append(_outlet_from_copyright(line))


def _byline_rest(st: _State, rest: str) -> None:
    """What follows the names on a byline: a date, or the outlet ("By Jane Doe | Reuters")."""
    date = find_date(rest)
    if date:
        st.dates.append(date[0])
        return
    rest = rest.strip(" |,–—·•")
    if rest and words(rest) <= 5 and all(w[:1].isupper() or w[:1].isdigit() for w in rest.split()):
        st.outlets.append(rest)


def _outlet_from_copyright(line: str) -> str:
    text = re.sub(r"^(©|\(c\)|copyright)\s*(\d{4}(\s*[-–]\s*\d{4})?)?\s*", "", line, flags=re.I)
    return re.split(r"[.|,]\s|\s[|·•]|\.$|\ball rights\b", text, maxsplit=1, flags=re.I)[0].strip()


# --------------------------------------------------------------------------- teaser lists


@dataclass
class _TeaserList:
    seen: set[str] = field(default_factory=set)
    prev_headline: bool = False
    headlines_only: bool = False  # two distinct headlines in a row: a list without teaser texts


def _is_teaser_line(st: _State, i: int, tl: _TeaserList, nxt: int | None) -> bool:
    line = st.lines[i]
    if exact_key(line) in tl.seen:
        return True  # the same headline repeated
    if is_heading_like(line) and _body_follows(st, nxt):
        return False  # a title or section heading of the body, not a teaser headline
    if not ends_sentence(line):
        return True  # headline, or teaser text cut off mid-sentence
    short = words(line) <= load_rules()["layout"]["teaser_max_words"]
    return tl.prev_headline and not tl.headlines_only and short


def _body_follows(st: _State, nxt: int | None) -> bool:
    """The free lines after a short line read as body: one long paragraph, or two full sentences."""
    if nxt is None:
        return False
    if is_long_paragraph(st.lines[nxt]):
        return True
    after = list(itertools.islice((j for j in range(nxt, len(st.lines)) if st.lines[j] and j not in st.labels), 2))
    min_words = load_rules()["layout"]["body_min_words"]
    return len(after) == 2 and all(ends_sentence(st.lines[j]) and words(st.lines[j]) >= min_words for j in after)


def _mark_teasers(st: _State) -> None:
    content = st.content()
    tl: _TeaserList | None = None
    for pos, i in enumerate(content):
        if st.labels.get(i) == "teaser list":
            tl = _TeaserList()
            continue
        if tl is None or i in st.labels:
            continue
        nxt = next((j for j in content[pos + 1 :] if j not in st.labels), None)
        if not _is_teaser_line(st, i, tl, nxt):
            tl = None
            continue
        st.labels[i] = "teaser"
        key = exact_key(st.lines[i])
        headline = not ends_sentence(st.lines[i])
        if headline and tl.prev_headline and key not in tl.seen:
            tl.headlines_only = True
        tl.seen.add(key)
        tl.prev_headline = headline


# --------------------------------------------------------------------------- title and dates


def _mark_datelines(st: _State) -> list[str]:
    found = []
    for i in st.free():
        iso = dateline_date(st.lines[i])
        if iso:
            st.labels[i] = "dateline"
            found.append(iso)
    return found


def _find_wire_dateline(st: _State) -> WireDateline | None:
    """A wire dateline ("NAIROBI, Kenya (AP) _") opening one of the first free lines: it starts the
    body, so it is no title; alone on its line it joins the paragraph after it."""
    for i in st.free()[: load_rules()["wire_dateline"]["first_lines"]]:
        found = wire_dateline(st.lines[i])
        if found:
            st.wire[i] = found
            return found
    return None


def _title_from_meta(st: _State, meta_title: Any) -> None:
    """With a title from the reader, drop a line that repeats it (a full stop after it or not: a dump
    that writes each heading as a sentence); never guess one."""
    if not meta_title:
        return
    key = exact_key(normalize_line(str(meta_title))).rstrip(".")
    for i in st.free()[:3]:
        if exact_key(st.lines[i]).rstrip(".") == key:
            st.labels[i] = "title"
            return


def _guess_title(st: _State) -> str | None:
    layout = load_rules()["layout"]
    free = st.free()
    if len(free) < 2:
        return None
    first = free[0]
    line = st.lines[first]
    if first in st.wire:
        return None  # the body starts with its dateline: there is no title line
    if words(line) > layout["title_max_words"] or len(line) > layout["title_max_chars"]:
        return None
    if line.rstrip().endswith(".") or not any(ch.isalpha() for ch in line):
        return None
    if date_without_year(line):
        st.labels[first] = "dateline"
        return _guess_title(st)
    if _wraps_on(st, first):
        return None  # the first line of a hard-wrapped paragraph: the body starts here
    # a title sits above the body: before the first free line comes nothing but chrome/metadata
    st.labels[first] = "title"
    return line


def _wraps_on(st: _State, i: int) -> bool:
    """Does the sentence of line ``i`` go on in the next line (no blank line between, and the next one
    opens in lower case, or line ``i`` breaks off after an article, a preposition, a conjunction or a
    possessive: "... a possible strike against\nIraq, despite ...")?"""
    nxt = st.lines[i + 1] if i + 1 < len(st.lines) else ""
    if not nxt or ends_sentence(st.lines[i]):
        return False
    return nxt[:1].islower() or _breaks_off(st.lines[i]) or _full_width(st, i, _wrap_width(st))


def _breaks_off(line: str) -> bool:
    """Does the line end on a word that opens a phrase (an article, a preposition, a possessive)?"""
    last = line.split()[-1].lower() if line.split() else ""
    return last in load_rules()["layout"]["open_endings"] or last.endswith(("'s", "’s"))


def _wrap_width(st: _State) -> int | None:
    """The median length of the free lines a hard-wrapped dump broke mid-sentence (each ends
    mid-sentence and the next line goes on in lower case); None when fewer than two such breaks show
    that the dump is hard-wrapped."""
    free = st.free()
    pairs = [(a, b) for a, b in zip(free, free[1:]) if b == a + 1]
    points = [a for a, b in pairs if not ends_sentence(st.lines[a]) and st.lines[b][:1].islower()]
    return sorted(len(st.lines[a]) for a in points)[len(points) // 2] if len(points) >= 2 else None


def _full_width(st: _State, i: int, width: int | None) -> bool:
    """In a hard-wrapped dump (wrapped at ``width``), is line ``i`` as long as the lines the dump
    wrapped (a title is shorter than the wrap width)?"""
    return width is not None and len(st.lines[i]) >= load_rules()["layout"]["wrapped_line_share"] * width


# --------------------------------------------------------------------------- blocks


def _continues(st: _State, prev: int, i: int, width: int | None) -> bool:
    """Does line ``i`` continue the hard-wrapped line ``prev``? In a wrapped dump, a line that breaks
    off a phrase or runs the full wrap width goes on in the next, even where that one looks like a
    heading ("... met in" / "Lisbon on Tuesday to sign an agreement on marine research")."""
    before, line = st.lines[prev], st.lines[i]
    if ends_sentence(before):
        return False
    if line[:1].islower() or _name_cut(st, before, line):
        return True
    if width is None or len(before) < load_rules()["layout"]["wrap_min_chars"]:
        return False
    return _breaks_off(before) or _full_width(st, prev, width) or not is_heading_like(line)


def _name_cut(st: _State, before: str, line: str) -> bool:
    """Does a line break cut a name in two ("Aransas" / "Pass police are investigating ...")? The
    line before is a few words with no stop, its last word and the line's first are capitalised
    words, and the article writes the two as one name on one line ("city manager of Aransas Pass").
    A longer line without a stop is a headline, whose last name ends it."""
    head, tail = before.split(), line.split()
    if not head or not tail or len(head) > load_rules()["layout"]["name_cut_max_words"]:
        return False
    last, first = head[-1], tail[0]
    if not (last.isalpha() and first.isalpha() and last[:1].isupper() and first[:1].isupper()):
        return False
    name = re.compile(rf"(?<!\S){re.escape(last)} {re.escape(first)}(?!\S)")
    return any(name.search(other) for other in st.lines)


def _group_lines(st: _State) -> list[list[int]]:
    """Free lines -> paragraphs; hard-wrapped lines are joined again."""
    free = st.free()
    width = _wrap_width(st)  # once: no line is labelled while the lines are grouped
    groups: list[list[int]] = []
    for i in free:
        prev = groups[-1][-1] if groups else None
        if prev is not None and (_after_wire_dateline(st, prev, i) or prev == i - 1 and _continues(st, prev, i, width)):
            groups[-1].append(i)
        else:
            groups.append([i])
    return groups


def _after_wire_dateline(st: _State, prev: int, i: int) -> bool:
    """A dateline alone on its line ("WASHINGTON (Reuters) -") opens the paragraph after it."""
    return prev in st.wire and st.wire[prev].whole_line and not any(j in st.labels for j in range(prev + 1, i))


def _join(st: _State, group: list[int]) -> str:
    text = st.lines[group[0]]
    for i in group[1:]:
        nxt = st.lines[i]
        text = text[:-1] + nxt if text.endswith("-") and text[-2:-1].isalpha() else text + " " + nxt
    return text


def _in_body(phrase: str, line: str, body: str) -> bool:
    """Does ``phrase`` (of ``line``) occur in the body outside ``line`` itself?"""
    phrase = phrase.strip().casefold()
    return bool(phrase) and body.count(phrase) > line.casefold().count(phrase)


def _seo_line(text: str, body: str) -> bool:
    seo = load_rules()["seo"]
    if ends_sentence(text) or words(text) > 30:
        return False
    items = [x for x in load_rules().seo_separators.split(text) if x and x.strip()]
    if len(items) >= seo["min_items"] and all(words(x) <= seo["max_item_words"] for x in items):
        share = sum(1 for x in items if _in_body(x, text, body)) / len(items)
        return share >= seo["min_body_share"]
    return text[:1].islower() and words(text) >= 2 and _in_body(text, text, body)


def _build_blocks(st: _State) -> tuple[list[Block], list[tuple[int, ...]]]:
    groups = _group_lines(st)
    texts = [_join(st, g) for g in groups]
    body = "\n".join(texts).casefold()
    for k, text in enumerate(texts):
        if _seo_line(text, body):
            for i in groups[k]:
                st.labels[i] = "seo keywords"
    kept = [(g, t) for g, t in zip(groups, texts) if g[0] not in st.labels]
    blocks, lines = [], []
    for k, (group, text) in enumerate(kept):
        numbers = tuple(i + 1 for i in group)
        if group[0] in st.wire:
            dateline, text = _split_dateline(text, st.wire[group[0]])
            blocks.append(Block("dateline", dateline))
            lines.append(numbers[:1])
            if not text:
                continue
        later_paragraph = any(not is_heading_like(t) for _, t in kept[k + 1 :])
        kind = "heading" if is_heading_like(text) and later_paragraph else "paragraph"
        blocks.append(Block(kind, text))
        lines.append(numbers)
    return blocks, lines


def body_blocks(text: str) -> tuple[Block, ...]:
    """A paragraph of body text as the cleaner blocks it: a wire dateline opening it ("MOSCOW (Reuters) - Russia
    and Belarus signed ...") in a block of its own before the paragraph. For a text that does not come through
    the cleaner: an article's first sentence taken alone."""
    wire = wire_dateline(text)
    if wire is None:
        return (Block("paragraph", text),)
    dateline, rest = _split_dateline(text, wire)
    return (Block("dateline", dateline),) + ((Block("paragraph", rest),) if rest else ())


def _split_dateline(text: str, wire: WireDateline) -> tuple[str, str]:
    """ "MOSCOW (Reuters) - Russia and Belarus signed ..." -> the dateline, and the paragraph it opens: a block of
    its own, so that no sentence starts with where the report was filed (the parser took it for the subject). A
    separator alone on the next line closes the dateline ("STOCKTON ( CBS13 )" above "–")."""
    rest = text[wire.end :].strip()
    if rest in load_rules()["wire_dateline"]["separators"]:
        return text.strip(), ""
    return text[: wire.end].strip(), rest


# --------------------------------------------------------------------------- entry point


def _first(values: list[str]) -> str | None:
    return next((v for v in values if v), None)


def _meta_value(meta: dict[str, Any], key: str) -> str | None:
    value = meta.get(key)
    return normalize_line(str(value)) or None if value else None


def clean_text_lines(lines: list[str], *, meta: dict[str, Any] | None = None) -> CleanResult:
    """Clean the lines of a page dump (or paragraphs extracted from HTML)."""
    meta = dict(meta or {})
    st = _State([normalize_line(str(line)) for line in lines])
    posts = _mark_posts(st)
    _mark_opening_addresses(st)
    _mark_line_rules(st)
    datelines = _mark_datelines(st)
    _mark_teasers(st)
    wire = _find_wire_dateline(st)
    if "title" in meta:
        _title_from_meta(st, meta.get("title"))
        title = _meta_value(meta, "title")
    else:
        title = None if st.addresses else _guess_title(st)  # a raw capture: its next line may be the lede
    blocks, block_lines = _build_blocks(st)
    removed = tuple(RemovedLine(i + 1, lines[i].strip(), reason) for i, reason in sorted(st.labels.items()))
    outlet = outlet_as_named(_meta_value(meta, "outlet") or _first(st.outlets))
    if title:
        title, site = without_site_name(title, outlet, meta.get("url") or _first(st.addresses))
        removed += tuple(RemovedLine(0, part.strip(), SITE_NAME_REASON) for part in site)
    published = _meta_date(meta) or _first(datelines) or _first(st.dates) or (wire.iso if wire else None)
    published = published or date_in_url(_first(st.addresses))  # the page's address: /2025/11/15/slug
    return CleanResult(
        title=title,
        published=published,
        author=_meta_value(meta, "author") or _first(st.authors),
        outlet=outlet,
        blocks=tuple(blocks),
        removed=removed,
        embedded_posts=tuple(posts),
        block_lines=tuple(block_lines),
        url=_first(st.addresses),
    )


def _meta_date(meta: dict[str, Any]) -> str | None:
    value = meta.get("published")
    if not value:
        return None
    found = find_date(str(value))
    return found[0] if found else None


def chrome_lines(lines: list[str], meta: dict[str, Any] | None = None) -> dict[int, str]:
    """0-based index -> reason for the lines (e.g. extracted HTML paragraphs) that are not body.

    Used by the HTML cleaner; a title is never guessed here (the page's metadata has it).
    """
    meta = dict(meta or {})
    meta.setdefault("title", None)
    return {r.line - 1: r.reason for r in clean_text_lines(lines, meta=meta).removed}
