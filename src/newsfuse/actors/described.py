"""Persons the knowledge base does not know, placed by how the article describes them.

CAMEO's agent dictionaries code a person by a description: a country and an agent ('Vermont Sen.' is
USA LEG, 'Republican presidential candidate' USA PTY, "Britain's ambassador" GBR GOV, 'MSNBC host' MED).
A title or office word right before a name ('Sen. Bernie Sanders', 'talk show host Joe Scarborough') or
in apposition after it ('Jane Doe, a Democrat from Ohio,'), with a demonym, a country's name, a US state
or a party word in the same description, gives the person that country and the title's sector; with no
such word, the sector alone. A name with no description gets nothing here. Word lists:
``data/described.yaml``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from newsfuse.text.yamlfile import load_yaml

from .kb import KnowledgeBase
from .text import Tok, key

MAX_BEFORE = 6  # words of a description before the title ('former Republican Florida Gov.')
MAX_APPOSITION = 8  # words of an appositive after the name's comma
MAX_EMPLOYER = 3  # capitalised words of an outlet or body right before the title ('Fox News host')
ARTICLES = frozenset({"a", "an", "the"})
POSSESSIVES = frozenset({"'s", "’s"})
NAME_LINKS = frozenset({"the", "of", "and"})  # lower-case words inside a body's name ('The Nation', 'Fox and Friends')
QUOTES = "\"'“”‘’"  # around a programme's name


@dataclass(frozen=True)
class Description:
    text: str  # the description as written ('Vermont Sen.', 'a Democrat from Ohio')
    country: str | None
    sector: str


@dataclass(frozen=True)
class Words:
    titles: dict[tuple[str, ...], str]
    max_title: int
    former: frozenset[str]
    former_sector: str
    modifiers: frozenset[str]
    parties: dict[str, str]
    party_nouns: frozenset[str]
    states: frozenset[tuple[str, ...]]
    postal_codes: frozenset[str]  # the US Postal Service's two capitals for a state ('CA')
    apposition_ends: frozenset[str]
    apposition_places: frozenset[str]
    apposition_bodies: frozenset[str]
    congress: re.Pattern[str]
    congress_sector: str
    state_places: dict[tuple[str, ...], re.Pattern[str]]  # a shared state's name -> its places in a text
    possessor_bodies: dict[str, str]  # a common noun for a body -> its sector ('union': LAB)
    possessor_states: frozenset[str]  # nouns for a state or its parts ('country', 'committee')
    shared_titles: frozenset[tuple[str, ...]]  # a state's titles that firms' and other bodies' officers bear too
    office_places: frozenset[str]  # the prepositions that bring the body such a title is held at


@lru_cache(maxsize=1)
def words() -> Words:
    raw = load_yaml(resources.files("newsfuse.actors").joinpath("data/described.yaml").read_text(encoding="utf-8"))
    titles = {key(t): sector for sector, ts in raw["titles"].items() for t in ts}
    states = [*raw["us_states"], *raw["us_state_abbreviations"]]
    places = "|".join(re.escape(p) for p in sorted([*states, *raw["postal_codes"]], key=len, reverse=True))
    congress = re.compile(rf"\s*\((?:{'|'.join(raw['party_letters'])})\s?[-–.]\s?(?:{places})\)")
    return Words(
        titles,
        max(len(k) for k in titles),
        frozenset(raw["former"]),
        raw["former_sector"],
        frozenset(raw["modifiers"]),
        {k: v for k, v in raw["party_words"].items()},
        frozenset(raw["party_nouns"]),
        frozenset(key(s) for s in states),
        frozenset(raw["postal_codes"]),
        frozenset(raw["apposition_ends"]),
        frozenset(raw["apposition_places"]),
        frozenset(raw["apposition_bodies"]),
        congress,
        raw["congress_sector"],
        {key(state): _places_pattern(state, places) for state, places in raw["state_places"].items()},
        {str(w): sector for sector, ws in raw["possessor_bodies"].items() for w in ws},
        frozenset(map(str, raw["possessor_states"])),
        frozenset(key(t) for t in raw["shared_titles"]),
        frozenset(raw["office_places"]),
    )


STATE_OFFICE = "state"  # possessor_sector's answer for a state's noun: the title keeps its own sector


def possessor_sector(noun: str) -> str | None:
    """The sector of the office a title after this lower-case noun's possessive names: the body's for a body's
    noun ('the union's president': LAB), STATE_OFFICE for a state's ('the country's president'), else None."""
    w = words()
    return STATE_OFFICE if noun in w.possessor_states else w.possessor_bodies.get(noun)


def _places_pattern(state: str, places: list[str]) -> re.Pattern[str]:
    """Any of the state's places as written (capitalised, whole words), or a county right before its name."""
    written = "|".join(re.escape(p) for p in sorted(places, key=len, reverse=True))
    return re.compile(rf"(?<![\w.])(?:{written})(?![\w-])|\bCounty,\s+{re.escape(state)}\b")


def describe(kb: KnowledgeBase, toks: Sequence[Tok], text: str, first: int, last: int) -> Description | None:
    """The description of the person named by tokens ``first`` to ``last`` (inclusive): the words right
    before the name (with the country of an appositive after it where they give none: 'Rep. Jane Doe, a
    Democrat from Ohio,'), else the appositive."""
    before = description_before(kb, toks, text, first)
    after = member_for_state(toks, text, last) or description_after(kb, toks, text, last)
    after = after or congress_member(toks, text, last)
    if before is None:
        return after
    if before.country is None and after is not None and after.country:
        return Description(before.text, after.country, before.sector)
    if before.country is None:
        return Description(before.text, place_after_name(kb, toks, text, last), before.sector)
    return before


def congress_member(toks: Sequence[Tok], text: str, last: int) -> Description | None:
    """A party letter and a state in brackets right after the name ('Bernie Sanders (I-Vt.)'): a member of
    the US Congress."""
    w = words()
    m = w.congress.match(text, toks[last].end)
    if m is None:
        return None
    return Description(m.group().strip(), "USA", w.congress_sector)


def member_for_state(toks: Sequence[Tok], text: str, last: int) -> Description | None:
    """'Patrick J. Leahy, Democrat of Vermont,': a party noun with no article, 'of' and a US state's name right
    after the name's comma, the words the New York Times writes after a member of Congress's name for the
    brackets' '(D-Vt.)': a member of the US Congress (USA LEG), not a party's official ('a Democrat from Ohio'
    stays PTY)."""
    w = words()
    k = last + 1
    if k + 2 >= len(toks) or text[toks[last].end : toks[k].start].strip() != ",":
        return None
    if toks[k].norm not in w.party_nouns or not toks[k].capitalised or toks[k + 1].raw != "of":
        return None
    n = next((n for n in (3, 2, 1) if tuple(t.norm for t in toks[k + 2 : k + 2 + n]) in w.states), 0)
    end = k + 1 + n
    if n == 0 or not all(toks[i].capitalised for i in range(k + 2, end + 1)):
        return None
    if not _appositive_ends(toks, text, end, w):
        return None
    return Description(text[toks[k].start : toks[end].end], "USA", w.congress_sector)


def place_after_name(kb: KnowledgeBase, toks: Sequence[Tok], text: str, last: int) -> str | None:
    """The country of 'of' or 'from' and a country word right after a name ('Sen. Jim Webb of Virginia')."""
    k = last + 1
    if k + 1 >= len(toks) or toks[k].norm not in words().apposition_places:
        return None
    if not (_joined(toks, text, last, k) and _joined(toks, text, k, k + 1)):
        return None
    place = _country_starting(kb, toks, text, k + 1)
    return place[1] if place else None


def country_before(kb: KnowledgeBase, toks: Sequence[Tok], text: str, first: int) -> str | None:
    """The country of a country word right before token ``first`` ('Vermont' before 'Senator')."""
    if first == 0 or not _joined(toks, text, first - 1, first):
        return None
    place = country_ending(kb, toks, text, first - 1)
    return place[1] if place else None


def _joined(toks: Sequence[Tok], text: str, a: int, b: int) -> bool:
    """Tokens a and b (a < b, adjacent) stand in one phrase: only spaces or a hyphen between them, or the
    full stop of an abbreviation ('Sen. Bernie')."""
    gap = text[toks[a].end : toks[b].start]
    if gap.strip(" -") == "" and "\n" not in gap:
        return True
    return gap.rstrip(" ") == "." and len(toks[a].raw) <= 4 and toks[a].raw[:1].isupper() and "\n" not in gap


def title_ending(toks: Sequence[Tok], text: str, i: int) -> int:
    """How many words of a title end at token i (0: none)."""
    w = words()
    for n in range(min(w.max_title, i + 1), 0, -1):
        span = range(i - n + 1, i + 1)
        if tuple(toks[k].norm for k in span) in w.titles and all(_joined(toks, text, k, k + 1) for k in span[:-1]):
            return n
    return 0


def title_starting(toks: Sequence[Tok], text: str, i: int) -> int:
    """How many words of a title start at token i (0: none)."""
    w = words()
    for n in range(min(w.max_title, len(toks) - i), 0, -1):
        span = range(i, i + n)
        if tuple(toks[k].norm for k in span) in w.titles and all(_joined(toks, text, k, k + 1) for k in span[:-1]):
            return n
    return 0


def country_ending(kb: KnowledgeBase, toks: Sequence[Tok], text: str, i: int) -> tuple[int, str] | None:
    """A country word ending at token i, capitalised: a demonym, a country's name, a US state or a party
    word -> (words, ISO code)."""
    for n in (3, 2, 1):
        if i - n + 1 < 0:
            continue
        span = range(i - n + 1, i + 1)
        if not all(toks[k].capitalised for k in span) or not all(_joined(toks, text, k, k + 1) for k in span[:-1]):
            continue
        iso = country_of(kb, tuple(toks[k].norm for k in span))
        if iso:
            return n, iso
    return None


def country_of(kb: KnowledgeBase, k: tuple[str, ...]) -> str | None:
    w = words()
    if k in kb.demonyms:
        return kb.demonyms[k]
    states = [e[6:] for e in kb.index.get(k, []) if e.startswith("state:")]
    if states:
        return states[0]
    if k in w.states:
        return "USA"
    return w.parties.get(k[0]) if len(k) == 1 else None


def description_before(kb: KnowledgeBase, toks: Sequence[Tok], text: str, first: int) -> Description | None:
    """'[former] [country word|outlet] [modifier] title NAME': a title right before the name, with the
    words before it that belong to the description."""
    i = first - 1
    if i < 0 or not _joined(toks, text, i, first):
        return None
    n = title_ending(toks, text, i)
    if n == 0:
        return None
    w = words()
    sector = w.titles[tuple(t.norm for t in toks[i - n + 1 : i + 1])]
    start, iso, former = i - n + 1, None, False
    j = start - 1
    employer = 0
    while j >= 0 and start - j <= MAX_BEFORE and _joined(toks, text, j, j + 1):
        t = toks[j]
        if t.norm in POSSESSIVES:
            j -= 1
            continue
        if t.norm in w.former:
            former, start, j = True, j, j - 1
            continue
        step = max(title_ending(toks, text, j), 1 if t.norm in w.modifiers else 0)
        if step:  # 'presidential' in 'Republican presidential front-runner', 'longtime' in 'longtime host'
            start, j = j - step + 1, j - step
            continue
        place = country_ending(kb, toks, text, j)
        if place is not None:
            iso = iso or place[1]
            start, j = j - place[0] + 1, j - place[0]
            continue
        if t.capitalised and employer < MAX_EMPLOYER and iso is None and t.norm not in ARTICLES:
            employer += 1  # 'Fox News host', 'MSNBC host': the outlet or body the person works for
            start, j = j, j - 1
            continue
        break
    if toks[start].norm in POSSESSIVES:
        start += 1
    end = toks[i].end + (text[toks[i].end : toks[i].end + 1] == ".")  # 'Sen.': the abbreviation's stop
    return Description(text[toks[start].start : end], iso, w.former_sector if former else sector)


def description_after(kb: KnowledgeBase, toks: Sequence[Tok], text: str, last: int) -> Description | None:
    """'NAME, [a|the] [country word] [modifier] title [from|of country],': an appositive that ends at a
    comma, a full stop or a relative clause."""
    k = last + 1
    if k >= len(toks) or text[toks[last].end : toks[k].start].strip() != ",":
        return None
    w = words()
    start = k
    if toks[k].norm in ARTICLES:
        k += 1
    iso, sector, end, former = None, None, None, False
    while k < len(toks) and k - start < MAX_APPOSITION:
        if k > start and not _joined(toks, text, k - 1, k):
            break
        place = _country_starting(kb, toks, text, k)
        n = title_starting(toks, text, k)
        if sector is None and n:
            title = tuple(t.norm for t in toks[k : k + n])
            sector, end, k = w.titles[title], k + n - 1, k + n
            if title in w.shared_titles and _office_of_body_after(kb, toks, text, end):
                return None  # 'vice president and head of engineering at Shopify': the firm's officer
            continue
        if sector is None and toks[k].norm in w.party_nouns and toks[k].capitalised:
            sector, end, iso, k = "PTY", k, iso or w.parties[toks[k].norm], k + 1  # 'a Democrat', 'a Republican'
            continue
        if place is not None:
            iso, end, k = iso or place[1], k + place[0] - 1, k + place[0]
            continue
        if sector is None and toks[k].norm in w.modifiers | w.former:
            former, k = former or toks[k].norm in w.former, k + 1  # 'the former senator from Minnesota'
            continue
        if sector is not None and toks[k].norm in w.apposition_places:
            k += 1
            continue
        break
    if sector is not None and end is not None and not _appositive_ends(toks, text, end, w):
        end = _body_after_title(toks, text, end, w)  # 'host of MSNBC's “Morning Joe,”', 'editor at The Nation,'
    if sector is None or end is None or not _appositive_ends(toks, text, end, w):
        return None
    return Description(text[toks[start].start : toks[end].end], iso, w.former_sector if former else sector)


def _office_of_body_after(kb: KnowledgeBase, toks: Sequence[Tok], text: str, end: int) -> bool:
    """After the title, up to MAX_APPOSITION lower-case words ('and head of engineering'), then 'at' or 'of'
    (described.yaml: office_places) and a capitalised name ('the' before it or not) that is no country's and no
    title's: the title is that body's."""
    w = words()
    for k in range(end + 1, min(end + 1 + MAX_APPOSITION, len(toks) - 1)):
        if not _joined(toks, text, k - 1, k):
            return False
        j = k + 1 + (toks[k + 1].norm in ARTICLES and k + 2 < len(toks))
        if toks[k].norm in w.office_places and toks[j].capitalised:
            joined = all(_joined(toks, text, a, a + 1) for a in range(k, j))
            person = (toks[j].norm,) in kb.not_actors["bare_titles"]  # 'press secretary for Mr. Obama'
            return joined and not person and _country_starting(kb, toks, text, j) is None
        if toks[k].capitalised:
            return False
    return False


def _body_after_title(toks: Sequence[Tok], text: str, end: int, w: Words) -> int:
    """The last word of a body's or a programme's name after an appositive's title and 'of', 'at' or 'for'
    ('host of MSNBC's “Morning Joe”'), where the appositive ends after it; else ``end``."""
    k = end + 1
    if k + 1 >= len(toks) or toks[k].norm not in w.apposition_bodies or not _joined(toks, text, end, k):
        return end
    for last in range(k + 1, min(k + 1 + MAX_EMPLOYER * 2, len(toks))):
        t = toks[last]
        if not (t.capitalised or t.norm in POSSESSIVES or t.norm in NAME_LINKS):
            return end
        if text[toks[last - 1].end : t.start].strip(" " + QUOTES) or "\n" in text[toks[last - 1].end : t.start]:
            return end
        if _appositive_ends(toks, text, last, w) and t.capitalised:
            return last
    return end


def _country_starting(kb: KnowledgeBase, toks: Sequence[Tok], text: str, i: int) -> tuple[int, str] | None:
    for n in (3, 2, 1):
        span = range(i, i + n)
        if i + n > len(toks) or not all(toks[k].capitalised for k in span):
            continue
        if not all(_joined(toks, text, k, k + 1) for k in span[:-1]):
            continue
        iso = country_of(kb, tuple(toks[k].norm for k in span))
        if iso:
            return n, iso
    return None


def _appositive_ends(toks: Sequence[Tok], text: str, end: int, w: Words) -> bool:
    """The appositive stops after token ``end``: a comma, a full stop, a closing bracket, the end of the
    text, or a relative clause or a verb of saying."""
    if end + 1 >= len(toks):
        return True
    gap = text[toks[end].end : toks[end + 1].start].strip()
    return gap[:1] in {",", ".", ";", ")", ":"} or (gap == "" and toks[end + 1].norm in w.apposition_ends)
