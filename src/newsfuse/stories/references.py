"""What a quoted sentence leans on that the briefing may not show: a person named by surname alone
after its article named them in full, and a photo caption standing in the text.

News style names a person in full once and by surname after ("Frederick Davis, 21, was charged
... Davis has also been charged with ..."): quoted alone, such a sentence names someone the
briefing never introduced. It is quoted only once a line before it names the person in full.

A photo caption is written in the present tense with the day and the full date ("Prosecutor Kym
Worthy announces charges during a news conference in Detroit on Wednesday, May 25, 2016."; AP
caption style); running text tells the same in the past tense, and names a weekday or a date,
not both with the year. A page dump keeps captions among the paragraphs: they are no statements.

Both read the article's parse (spaCy's sentences, tags and PERSON entities): without one, nothing
is found.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from ..model import AnnotatedArticle, Token
from .config import load

_QUOTE_MARKS = "\"“‘'`("


@lru_cache(maxsize=1)
def _cfg() -> dict:
    return load("brief.yaml")["references"]


@lru_cache(maxsize=1)
def _caption_date() -> re.Pattern:
    return re.compile(_cfg()["caption_date"], re.I)


def tokens_of(text: str, parsed: AnnotatedArticle) -> list[Token]:
    """The parsed tokens of the sentence ``text`` (found whatever whitespace stands between its words:
    a sentence may go on across a line break)."""
    found = re.search(r"\s+".join(map(re.escape, text.split())), parsed.article.text)
    if found is None:
        return []
    starts = [t.start for t in parsed.tokens]
    first, last = bisect.bisect_left(starts, found.start()), bisect.bisect_left(starts, found.end())
    return list(parsed.tokens[first:last])


def leaning_name(text: str, parsed: AnnotatedArticle | None) -> str | None:
    """The full name, given earlier in its article, of the person the sentence ``text`` opens with by
    surname alone ("Davis has ...", "Mr. Davis said ..."); None when it opens otherwise."""
    tokens = tokens_of(text, parsed) if parsed is not None else []
    surname = _opening_surname(tokens)
    if surname is None or parsed is None:
        return None
    before = tokens[0].start
    for entity in parsed.entities:
        if entity.start >= before:
            break
        words = entity.text.split()
        if entity.label == "PERSON" and len(words) > 1 and _bare(words[-1]) == surname.text:
            return entity.text
    return None


def _opening_surname(tokens: list[Token]) -> Token | None:
    """The sentence's first word when it is a one-word person's name (after an abbreviated title)."""
    words = [t for t in tokens if t.text not in _QUOTE_MARKS]
    if words and words[0].text.rstrip(".").lower() in _cfg()["name_titles"]:
        words = words[1:]
    if not words or words[0].ent_type != "PERSON" or words[0].ent_iob != "B":
        return None
    follows = words[1] if len(words) > 1 else None
    return None if follows is not None and follows.ent_type == "PERSON" and follows.ent_iob == "I" else words[0]


def _bare(word: str) -> str:
    for suffix in ("'s", "’s"):
        word = word.removesuffix(suffix)
    return word


def caption(text: str, parsed: AnnotatedArticle | None) -> bool:
    """Is ``text`` a photo caption (module docstring): a present-tense main verb and the weekday with
    the full date?"""
    if parsed is None or not _caption_date().search(text):
        return False
    tokens = tokens_of(text, parsed)
    inside = {t.i for t in tokens}
    roots = [t for t in tokens if t.head == t.i or t.head not in inside]
    return any(t.tag in _cfg()["present_tags"] for t in roots)
