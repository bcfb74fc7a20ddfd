"""Tagged names that are no actor: places, times, things, awards, ships, bare titles, cut names.

The named-entity tagger calls many such names PERSON or ORG ("Riverland Drive", "IST", "Medicaid",
"the Oscars", "INS Mysore", "Dr."). Each test reads only the entity's own words and the words right
around it, with the word lists of ``data/not_actors.yaml``.
"""

from __future__ import annotations

from newsfuse.model import Entity

from .kb import KnowledgeBase
from .text import Tok, key, tokenize

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
QUOTE_MARKS = ('"', "“", "``", "‘")


def words_of(e: Entity) -> tuple[str, ...]:
    k = key(e.text)
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
        or words[0:1] in lists["ship_prefixes"]
        or _word_before(text, e.start) in lists["ship_prefixes"]
        or _tagged_as_place(e, entities)
        or _place_after_preposition(kb, text, e, words)
        or _owned_thing(kb, text, e)
        or _quoted_title(text, e)
    )


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


def _tagged_as_place(e: Entity, entities: tuple[Entity, ...]) -> bool:
    """The same words tagged as a place more often than as a name elsewhere in the article ('OVERLAND,
    Mo.' ... 'Overland'), and no person tagged by a full name ending in them ('Alan Steinberg')."""
    want = words_of(e)
    places = names = 0
    for o in entities:
        words = words_of(o)
        if o.label == "PERSON" and len(words) > len(want) and words[-len(want) :] == want:
            return False
        if words == want:
            places += o.label in PLACE_LABELS
            names += o.label in {"PERSON", "ORG"}
    return places > 0 and places >= names


def _has_org_word(kb: KnowledgeBase, words: tuple[str, ...]) -> bool:
    return any((w,) in kb.not_actors["org_heads"] for w in words)


def _place_after_preposition(kb: KnowledgeBase, text: str, e: Entity, words: tuple[str, ...]) -> bool:
    """'taken to Hennepin County Medical Center', 'in Wilkes-Barre': a building or a town as a place."""
    before = _word_before(text, e.start)
    if not before or text[e.end : e.end + 2] in ("'s", "’s"):
        return False
    if before in kb.not_actors["facility_preps"] and _ends_with(words, kb.not_actors["facility_heads"]):
        return True
    return e.label == "ORG" and before in kb.not_actors["place_preps"] and not _has_org_word(kb, words)


def _owned_thing(kb: KnowledgeBase, text: str, e: Entity) -> bool:
    """'his Bentley': a one-word name owned by a person is a thing (a person is never 'his Smith')."""
    toks: list[Tok] = tokenize(text[max(e.start - 40, 0) : e.start])
    return bool(toks) and len(words_of(e)) == 1 and (toks[-1].norm,) in kb.not_actors["owner_words"]


def _quoted_title(text: str, e: Entity) -> bool:
    """'the star of her own talk show "Ellen"', 'his movie “Ted”': a quoted title is a work."""
    before = text[max(e.start - 3, 0) : e.start].rstrip()
    after = text[e.end : e.end + 4].lstrip(" ,")
    return before.endswith(QUOTE_MARKS) and after[:1] in {'"', "”", "'", "’"}
