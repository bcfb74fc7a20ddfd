"""Tagged names that are no actor: places, times, things, awards, ships, bare titles, cut names.

The named-entity tagger calls many such names PERSON or ORG ("Riverland Drive", "IST", "Medicaid",
"the Oscars", "INS Mysore", "Dr."). Each test reads only the entity's own words and the words right
around it, with the word lists of ``data/not_actors.yaml``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from newsfuse.model import Entity

from .kb import KnowledgeBase
from .text import Tok, key, tokenize

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
QUOTE_MARKS = ('"', "“", "``", "‘")
CLOSING_MARKS = ('"', "”", "''")
SPEECH = frozenset("said says say told asked added according".split())
DATELINE = re.compile(r"\s*,\s*[A-Z][A-Za-z.]{1,12}\.?\s*(?:\(|--|—|–|-|_)")


def words_of(e: Entity) -> tuple[str, ...]:
    return _words(e.text)


@lru_cache(maxsize=4096)
def _words(text: str) -> tuple[str, ...]:
    k = key(text)
    return k[1:] if k[:1] == ("the",) else k


def not_an_actor(kb: KnowledgeBase, text: str, e: Entity, entities: tuple[Entity, ...]) -> bool:
    """True when the tagged PERSON/ORG entity ``e`` names no political or social actor."""
    words = words_of(e)
    if not words:
        return True
    lists = kb.not_actors
    return (
        _written_lower(e)
        or _cut_name(e)
        or words in lists["times"]
        or words in lists["things"]
        or words in lists["bare_titles"]
        or _ends_with(words, lists["place_heads"])
        or _ends_with(words, lists["events"])
        or e.label == "PERSON"
        and len(words) > 1
        and words[-1:] in lists["role_tails"]
        or len(words) > 1
        and (words[:1] in lists["name_openers"] or _ends_with(words, lists["law_heads"]))
        or words[0:1] in lists["ship_prefixes"]
        or _word_before(text, e.start) in lists["ship_prefixes"]
        or dateline_place(text, e)
        or _tagged_as_place(text, e, entities)
        or _place_after_preposition(kb, text, e, words)
        or _place_before_agent(kb, text, e)
        or _street_pair(kb, text, e)
        or _cross_street(text, e)
        or _home_town(text, e, entities)
        or _owned_thing(kb, text, e)
        or _quoted_title(text, e)
    )


def dateline_place(text: str, e: Entity) -> bool:
    """'OVERLAND , MO ( KTVI ) -', 'NAIROBI, Kenya (AP) _': a capitalised dateline place."""
    if not e.text.replace(" ", "").replace("-", "").isupper():
        return False
    after = text[e.end : e.end + 40]
    return DATELINE.match(after) is not None


def _written_lower(e: Entity) -> bool:
    """'navy pants', 'uk / news': a name is written with a capital."""
    first = e.text.removeprefix("the ").lstrip()
    return not first[:1].isupper()


def _cut_name(e: Entity) -> bool:
    """'Regina M', 'President J': a name the sentence splitter cut at an initial."""
    toks = tokenize(e.text)
    return len(toks) > 1 and len(toks[-1].raw.rstrip(".")) == 1


def _ends_with(words: tuple[str, ...], heads: frozenset[tuple[str, ...]]) -> bool:
    return any(words[-n:] in heads for n in (1, 2, 3) if len(words) >= n)


def _word_before(text: str, start: int, n: int = 1) -> tuple[str, ...]:
    toks = tokenize(text[max(start - 40, 0) : start])
    return tuple(t.norm for t in toks[-n:]) if len(toks) >= n else ()


def _tagged_as_place(text: str, e: Entity, entities: tuple[Entity, ...]) -> bool:
    """The same words tagged as a place more often than as a name elsewhere in the article ('OVERLAND,
    Mo.' ... 'Overland'), and no person tagged by a full name ending in them ('Alan Steinberg')."""
    want = words_of(e)
    places = names = 0
    for o in entities:
        words = words_of(o)
        if o.label == "PERSON" and len(words) > len(want) and words[-len(want) :] == want:
            return False
        if words == want:
            dateline = dateline_place(text, o)
            places += o.label in PLACE_LABELS or dateline
            names += o.label in {"PERSON", "ORG"} and not dateline
    return places > 0 and places >= names


def _has_org_word(kb: KnowledgeBase, words: tuple[str, ...]) -> bool:
    return any((w,) in kb.not_actors["org_heads"] for w in words)


def _place_after_preposition(kb: KnowledgeBase, text: str, e: Entity, words: tuple[str, ...]) -> bool:
    """'taken to Hennepin County Medical Center', 'in Wilkes-Barre': a building or a town as a place."""
    before = _word_before(text, e.start)
    if not before or text[e.end : e.end + 2] in ("'s", "’s"):
        return False
    if before == ("of",) and _place_of(kb, _word_before(text, e.start, 2)[:1]):
        return True  # "the port city of Bandar Abbas", "35 miles southwest of Bandar Abbas"
    if before == ("to",) and any(w in kb.words["motion"] or w == "from" for w in _word_before(text, e.start, 6)):
        return True  # "flew to X", "evacuating the injured from Qeshm to Bandar Abbas": a route
    if before in kb.not_actors["facility_preps"] and _ends_with(words, kb.not_actors["facility_heads"]):
        return True
    return before in kb.not_actors["place_preps"] and not _has_org_word(kb, words)


def _place_of(kb: KnowledgeBase, word: tuple[str, ...]) -> bool:
    return bool(word) and (word[0] in kb.words["place_nouns"] or word in kb.not_actors["of_place_words"])


def _place_before_agent(kb: KnowledgeBase, text: str, e: Entity) -> bool:
    """'Wilkes-Barre police', 'Overland residents': a name before a lower-case agent noun is a place."""
    after = tokenize(text[e.end : e.end + 30])
    if not after or text[e.end : after[0].start].strip(" -"):
        return False
    return after[0].raw.islower() and (after[0].norm,) in kb.not_actors["place_agents"]


def _street_pair(kb: KnowledgeBase, text: str, e: Entity) -> bool:
    """'on Junction and Belmont Avenue': a name joined by 'and' to a street is a street."""
    after = tokenize(text[e.end : e.end + 60])
    if len(after) < 3 or after[0].norm != "and":
        return False
    for n, t in enumerate(after[1:5]):
        if not t.capitalised:
            return False
        if n and (t.norm,) in kb.not_actors["place_heads"]:
            return True
    return False


def _cross_street(text: str, e: Entity) -> bool:
    """'a house on Winthrop near Clarita': a name between 'on' and 'near' is a street."""
    before, after = _word_before(text, e.start), tokenize(text[e.end : e.end + 20])
    return before == ("on",) and bool(after) and after[0].norm in {"near", "between"}


def _home_town(text: str, e: Entity, entities: tuple[Entity, ...]) -> bool:
    """'LuAnn Marie Johnson of Burnsville', 'Steinberg , 48 , of Macomb': a one-word name after a
    person (or an age) and 'of' is where that person lives."""
    if len(words_of(e)) != 1 or _word_before(text, e.start) != ("of",):
        return False
    head = text[: e.start].rstrip()
    head = head[: len(head) - 2].rstrip(" ,")  # drop "of" and a comma
    if head[-3:].strip().isdigit():
        return True
    return any(o.label == "PERSON" and o.end == len(head) for o in entities)


def _owned_thing(kb: KnowledgeBase, text: str, e: Entity) -> bool:
    """'his Bentley': a one-word name owned by a person is a thing (a person is never 'his Smith')."""
    toks: list[Tok] = tokenize(text[max(e.start - 40, 0) : e.start])
    if toks and len(toks[-1].raw) == 4 and toks[-1].raw.isdigit():
        toks.pop()  # "his 2008 Bentley": a model year
    return bool(toks) and len(words_of(e)) == 1 and (toks[-1].norm,) in kb.not_actors["owner_words"]


def _quoted_title(text: str, e: Entity) -> bool:
    """'her own talk show "Ellen"', 'his movie “Ted”', 'films like `` Kate and Leopold . '' ': a name
    inside a quotation of a few words is the title of a work."""
    opening = max(text.rfind(q, max(e.start - 30, 0), e.start) for q in QUOTE_MARKS)
    if opening < 0 or any(c in text[opening + 2 : e.start] for c in CLOSING_MARKS + ("\n",)):
        return False
    rest = text[e.end : e.end + 30]
    closing = min((rest.find(q) for q in CLOSING_MARKS if q in rest), default=-1)
    if closing < 0 or "\n" in rest[:closing]:
        return False
    quoted = [t.norm for t in tokenize(text[opening : e.end + closing])]
    return len(quoted) <= 6 and not SPEECH & set(quoted)  # '" said Smith . "' closes one quote, opens another
