"""Tagged names that are no actor: places, times, things, awards, ships, bare titles, cut names.

The named-entity tagger calls many such names PERSON or ORG ("Riverland Drive", "IST", "Medicaid",
"the Oscars", "INS Mysore", "Dr."). Each test reads only the entity's own words and the words right
around it, with the word lists of ``data/not_actors.yaml``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache

from newsfuse.model import Entity

from .described import words as described_words
from .kb import KnowledgeBase
from .text import Tok, first_word, key, tokenize

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
QUOTE_MARKS = ('"', "“", "``", "‘")
CLOSING_MARKS = ('"', "”", "''")
DETERMINERS = frozenset("this next last that these those the a an every each his her their its our my your".split())
SPEECH = frozenset("said says say told asked added according".split())
TOWN_OF_STATE = re.compile(
    r"(?<![\w.’'-])((?:[A-Z][\w’'-]+\.? ){0,2}[A-Z][\w’'-]+), "  # a town's name of up to three words
    r"([A-Z][a-z]*\.(?:[A-Z]\.)?|[A-Z][a-z]+(?: [A-Z][a-z]+)?)"  # a state's name or its abbreviation
    r"(?=[,;:)]|\.?(?:\s*$|\s+[A-Z]))"  # closed by a comma or a sentence's end
)
TITLE_FUNCTION_WORDS = frozenset("the of and a an in on for to with at by from or".split())  # lower case in titles
DASH_DATELINE = re.compile(r"[ \t]*(?:—|--|–)")
DATELINE = re.compile(r"\s*,\s*[A-Z][A-Za-z.]{1,12}\.?\s*(?:\(|--|—|–|-|_)")
# a version after a name ("IE version 5", "IE 5.01") or "version(s) of" before it ("versions of Vista")
_NAME = r"([A-Z][\w.&-]*(?: [A-Z][\w.&-]*){0,3})"
VERSION_AFTER = re.compile(_NAME + r" (?:versions?\b|\d+(?:\.\d+)+(?! [a-z]))")  # not "Iguodala 14.9 points"
VERSION_BEFORE = re.compile(r"\b[Vv]ersions? of (?:the )?" + _NAME)
# a model number after a maker's name: three or four digits, or one or two capitals and two to four digits
# ('Boeing 757', 'Cessna 750', 'Airbus A320'), not a count, a share or a score ('Trump 1,237', '16 percent',
# 'the Colts 16-yard line', 'the Lakers 102-98'); then a word for the thing made, or the model's own name
MODEL_NUMBER = re.compile(r" (?:[A-Z]{1,2}-?\d{2,4}|\d{3,4})\b(?![-,.]\d| ?%| percent| points?\b)")
MODEL_AFTER = re.compile(_NAME + MODEL_NUMBER.pattern + r"((?: [A-Z][\w-]*){0,2} ([a-z]+)\b| [A-Z][a-z]+\b(?! \d))?")
# a line in title case that ends with a full stop is a headline where it is the text's first line (its title, as
# some sources write it: 'Trump Is Like A Lawyer's Dumbest Client Ever, Comedian Says.') with this many words of
# four letters or more; another is a sentence, a credit or a signature ('Marshall H. Tanick.')
HEADLINE_WITH_STOP = 6
LOWER_WORD = re.compile(r"(?<![\w-])[a-z][a-z]+(?![\w-])")
TWO_NAMES = re.compile(r"([A-Z][\w'.-]+) and ([A-Z][\w'.-]+)")
ACRONYM = re.compile(r"[A-Z]{2,6}")
# capitalised words, with the small words a long form keeps between them ("Endangered Species Act")
LONG_FORM = re.compile(r"\b[A-Z][a-z]+(?:[ -]+(?:(?:of|and|for|on|the|to|in)\s+)*[A-Z][a-z]+)+")
LAW_APPOSITION = re.compile(r", (?:the|a|an) ((?:[a-z-]+ ){0,3}[a-z]+)\b")
# an acronym defined right after a long form, with the long form's lower-case head between them or not:
# "Freedom of Information Act (FOIA)", "the Deferred Action for Childhood Arrivals program, or DACA"
DEFINED_ACRONYM = re.compile(r"(?: ([a-z]+))?(?:\s*\(\s*|, or (?:the )?)([A-Z]{2,6})\b")
# a stance word joined to the name it is for or against ("pro-Israel", "anti-Trump"): an adjective
STANCE = re.compile(r"(?:pro|anti)[-‐]", re.IGNORECASE)
# a full stop and a line break, or a blank line, inside a tagged name: the tagger ran a headline or a
# paragraph's last word into the next paragraph's first ("... As President.\n\nDemocratic")
PARAGRAPH_BREAK = re.compile(r"[.!?][\"”’']?\s*\n|\n\s*\n")
# words joined by hyphens, each capitalised ('Glass-Steagall', 'Gramm-Leach-Bliley')
HYPHENED = re.compile(r"(?<![\w-])[A-Z][\w']*(?:-[A-Z][\w']*)+(?![\w-])")
# a court case's name, as courts and the AP stylebook write it: 'NFIB v. Sebelius', 'Bush v. Gore' ('vs.' is a
# contest's: 'Clinton vs. Trump')
CASE_AFTER = re.compile(r"\s+v\.\s+(?:the\s+)?[A-Z]")
CASE_BEFORE = re.compile(r"\bv\.\s+(?:the\s+)?$")
CASE_INSIDE = re.compile(r"\w\s+v\.\s+[A-Z]")
BRACKETED = re.compile(r"\s*\(\s*([A-Z][A-Za-z. ]{1,30}?)\s*\)")
ORIGIN_OPENERS = frozenset(("who", be) for be in ("is", "are", "was", "were"))
COUNT = re.compile(r"\d[\d,.]*")
YEAR = re.compile(r"1[89]\d\d|20\d\d")
LAW_NAME_BEFORE = re.compile(r"(?:\b([A-Z][a-z]+)|\b(?:1[89]|20)\d\d) $")  # 'the 1994 Crime ' before 'Bill'
INSTRUMENT_CODE = re.compile(r"\s[A-Z]{3}$")  # an ISO 4217 code closing a name, before '=' ('Sterling GBP=')
POSSESSIVE_YEAR = re.compile(r"\w['’]s (?:1[89]|20)\d\d$")  # 'Bachmann’s 2012': a possessive, then a year
NAME_ADJOINS = re.compile(r"[\w.'’-]")  # a character a name never follows: it would be part of a longer word
NAME_OPENS = re.compile(r" (?:[A-Z][a-z]+ )?([A-Z][a-z]+)\b")  # one or two capitalised words after a name
PROGRAMME_AFTER = re.compile(r" ([a-z]+)\b")  # the lower-case word right after a name
POSSESSIVE_END = re.compile(r"['’]s?$")  # a name that ends in a possessive
SCALE_WORDS = frozenset("hundred thousand million billion trillion".split())
RANK_MARKS = frozenset({"no", "number"})
FUNCTION_AFTER_UNIT = frozenset("over of in for to and or per a an with from on at by this last each".split())
# a noun, a verb of including, then capitalised titles joined by commas and 'and' up to the name: 'credits include
# Hacks and ' before 'SNL'
CREDIT_LIST = re.compile(r"\b([a-z]+),? ([a-z]+) (?:[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*)*(?:,? and |, ))*$")
FORMER_NAME_BEFORE = re.compile(r"\(\s*([a-zé]+)(?: known as)?\s+$")  # '(formerly ' before 'Twitter)'

CAMPUS_CLOSE = re.compile(r"\s*(?:[,.;:)]|and\b|$)")  # what closes a campus's name after its university's
# a maker's letters and a model number joined by a hyphen ('An-70', 'MiG-29', 'F-16'), then one or two lower-case
# words ending in a word for a made thing: a model, as aircraft and arms are named ('An-70 cargo planes')
MODEL_DESIGNATION = re.compile(r"[A-Z][A-Za-z]{0,3}-\d{1,4}[A-Z]?")
WORDS_AFTER = re.compile(r"((?: [a-z]+){1,2})\b")
HYPHENED_AFTER = re.compile(r"[-‐]([a-z]+)\b")  # 'LLM-based': a lower-case word joined by a hyphen after a name
# a state university's name and a comma right before the name: 'the University of Texas, Austin', 'California State
# University, Fullerton' (the campus, as such universities name theirs)
UNIVERSITY_BEFORE = re.compile(
    r"\b(?:University of ((?:[A-Z][a-z]+ ){0,2}[A-Z][a-z]+)|((?:[A-Z][a-z]+ ){0,2}[A-Z][a-z]+) State University), $"
)


def words_of(e: Entity) -> tuple[str, ...]:
    return _words(e.text)


@lru_cache(maxsize=4096)
def _words(text: str) -> tuple[str, ...]:
    k = key(text)
    return k[1:] if k[:1] == ("the",) else k


class NameUses:
    """How an article's entities use each name, gathered once per article: tagged as a place (or a
    dateline) or as a name, how often as a person and as an organisation, and which words end a longer
    person's name."""

    def __init__(self, text: str, entities: tuple[Entity, ...]) -> None:
        self.places: Counter[tuple[str, ...]] = Counter()
        self.names: Counter[tuple[str, ...]] = Counter()
        self.person_tails: set[tuple[str, ...]] = set()
        self.labels: dict[str, Counter[tuple[str, ...]]] = {"PERSON": Counter(), "ORG": Counter()}
        for o in entities:
            words = words_of(o)
            if o.label in self.labels:
                self.labels[o.label][words] += 1
            if o.label == "PERSON":
                self.person_tails.update(words[n:] for n in range(1, len(words)))
            dateline = dateline_place(text, o)
            self.places[words] += o.label in PLACE_LABELS or dateline
            self.names[words] += o.label in {"PERSON", "ORG"} and not dateline


def not_an_actor(
    kb: KnowledgeBase, text: str, e: Entity, entities: tuple[Entity, ...], uses: NameUses | None = None
) -> bool:
    """True when the tagged PERSON/ORG entity ``e`` names no political or social actor (``uses``: the
    article's ``NameUses``, when the caller asks for many entities of one article)."""
    words = words_of(e)
    if not words:
        return True
    lists = kb.not_actors
    return (
        _written_lower(e)
        or _cut_name(e)
        or _one_letter(words)
        or _possessive_year(e)
        or _programme_after(kb, text, e)
        or _instrument_code(text, e)
        or words in lists["times"]
        or words in lists["things"]
        or _hyphened_whole(text, e) in lists["things"]
        or _notion_word(words, lists["notion_suffixes"])
        or words in lists["kind_acronyms"]
        or words in lists["bare_titles"]
        or words in lists["name_suffixes"]
        or _ends_with(words, lists["place_heads"])
        or _ends_with(words, lists["events"])
        or _ends_with(words, lists["offences"])
        or len(words) > 1
        and words[:1] in lists["place_openers"]
        or _word_before(text, e.start) in lists["place_openers"]
        or e.label == "ORG"
        and len(words) > 1
        and words[-1:] in lists["region_tails"]
        or _run_together(e, lists["name_suffixes"])
        or _cut_before_name(kb, text, e, entities)
        or _people_noun(kb, words)
        or _only_in_headlines(text, e)
        or _headline_words(kb, text, e, words)
        or _two_names_joined(e, entities)
        or _event_after(kb, text, e)
        or _modifier_after_article(kb, text, e)
        or e.label == "PERSON"
        and len(words) > 1
        and words[-1:] in lists["role_tails"]
        or _title_without_body(kb, e, words)
        or len(words) > 1
        and (words[:1] in lists["name_openers"] or _ends_with(words, lists["law_heads"]))
        or _ship_prefixed(kb, text, e)
        or dateline_place(text, e)
        or _dash_dateline(text, e)
        or _ship_name(kb, text, e)
        or _tagged_as_place(e, uses or NameUses(text, entities))
        or _place_after_preposition(kb, text, e, words)
        or _place_before_agent(kb, text, e)
        or _town_possessing_agent(kb, text, e)
        or _street_pair(kb, text, e)
        or _cross_street(text, e)
        or _home_town(text, e, entities)
        or _owned_thing(kb, text, e)
        or e.label == "ORG"
        and _after_model_year(text, e)
        or _quoted_title(text, e)
        or _after_work_noun(kb, text, e)
        or words in lists["page_words"]
        or _product_with_version(text, e)
        or e.label == "ORG"
        and made_product(kb, text, e.start, e.end)
        or _short_for_law(kb, text, e)
        or _law_head_cut(kb, text, e)
        or _held_as_arms(kb, text, e)
        or _unit_after_number(text, e)
        or _facility_named(kb, text, e)
        or _facility_left_or_stayed_at(kb, text, e, words)
        or _joined_to_basis(kb, text, e)
        or _model_designation(kb, text, e)
        or campus_of_university(kb, text, e.start, e.end)
        or _after_work_verb(kb, text, e)
        or _town_after_street(kb, text, e)
        or _place_with_its_country(kb, text, e)
        or (words[:-1] if words[-1:] == ("'s",) else words) in towns_of_states(text)
        or "(" in e.text
        or ")" in e.text
        or stance(text, e)
        or case_party(text, e.start, e.end)
        or PARAGRAPH_BREAK.search(e.text) is not None
    )


def _notion_word(words: tuple[str, ...], suffixes: frozenset[tuple[str, ...]]) -> bool:
    """One word ending as a notion's name does ('Islamophobia', 'Zionism'; not_actors.yaml: notion_suffixes)."""
    return len(words) == 1 and len(words[0]) > 6 and words[0].endswith(tuple(s[0] for s in suffixes))


def _hyphened_whole(text: str, e: Entity) -> tuple[str, ...]:
    """The words of the hyphened compound that the tagged name ends in or is cut from ('Glass' of
    'Glass-Steagall', 'Super Glass-Steagall'): capitalised words joined by hyphens, over the name's end."""
    m = HYPHENED.search(text, max(e.start - 60, 0), min(e.end + 60, len(text)))
    while m is not None and m.end() < e.end:
        m = HYPHENED.search(text, m.end(), min(e.end + 60, len(text)))
    if m is None or not m.start() < e.end <= m.end():
        return ()
    return _words(m.group(0))


def case_party(text: str, start: int, end: int) -> bool:
    """'NFIB v. Sebelius', 'Citizens United v. FEC': a party's name in a court case's name (a capitalised
    word after the name, or a name before it, joined by 'v.': CASE_AFTER, CASE_BEFORE) names the case, no actor."""
    if CASE_INSIDE.search(text, start, end) is not None:
        return True  # "Trump v. Trump" tagged as one name
    return CASE_AFTER.match(text, end) is not None or CASE_BEFORE.search(text[max(start - 8, 0) : start]) is not None


def stance(text: str, e: Entity) -> bool:
    """'pro-Israel group', 'the anti-Trump movement': the tagged words are a stance for or against the
    actor named in them (an adjective), not that actor."""
    before = text[max(e.start - 5, 0) : e.start].lstrip()
    return STANCE.match(e.text) is not None or STANCE.fullmatch(before) is not None


def _title_without_body(kb: KnowledgeBase, e: Entity, words: tuple[str, ...]) -> bool:
    """'WBA Champion', 'Heavyweight Champion': a tagged organisation that ends in a title or a rank, with no
    word for an organisation before it, is the title itself ('Oregon State Police Lt' keeps its force:
    ``link.add_ner`` cuts the rank off)."""
    if e.label != "ORG" or len(words) < 2 or words[-1:] not in kb.not_actors["rank_tails"]:
        return False
    return not _has_org_word(kb, words[:-1])


def _run_together(e: Entity, suffixes: frozenset[tuple[str, ...]]) -> bool:
    """'Wildlife , Enforcement Division', 'the Vermont Fish and': two names the tagger ran together or a name
    cut after 'and' (a comma inside a name only before 'Inc.', 'Jr.')."""
    toks = tokenize(e.text)
    if len(toks) > 1 and toks[-1].norm in {"and", "of", "for", "the", "&"}:
        return True
    for a, b in zip(toks, toks[1:]):
        if "," in e.text[a.end : b.start] and (b.norm,) not in suffixes:
            return True
    return False


def _cut_before_name(kb: KnowledgeBase, text: str, e: Entity, entities: tuple[Entity, ...]) -> bool:
    """'Central Indiana Crime' before 'Stoppers': the tagger cut the name short, the next word (only a
    space between, capitalised, in no other tagged name, no title) is still part of it."""
    if not e.text[-1:].isalnum() or _possessive_end(e) or _in_headline(text, e):
        return False
    after = tokenize(text[e.end : e.end + 30])
    if not after or after[0].start != 1 or text[e.end] != " ":
        return False
    if not after[0].raw[:1].isupper() or not after[0].raw.isalpha():
        return False
    nxt = after[0]
    if any(o.start <= e.end + nxt.start < o.end for o in entities):
        return False
    if len(nxt.raw) == 1:  # "On behalf of Howard R. ...": an initial still belongs to the name
        return text[e.end + 2 : e.end + 3] == "." or text[e.end + 2 : e.end + 4] == " ."
    if nxt.raw.isupper():
        return False
    word, lists = (nxt.norm,), kb.not_actors
    titles = ("bare_titles", "role_tails", "police_ranks", "times")
    return not (any(word in lists[k] for k in titles) or word in kb.titles or word in kb.index or word in kb.demonyms)


def _only_in_headlines(text: str, e: Entity) -> bool:
    """'Driver Charged In Fatal Queens Hit & Run', 'Teen Struck by Shotgun Pellets': in a title-case line
    every word is capitalised, so a person's name found there and nowhere in the running text is
    unconfirmed (a line with a colon is a label: 'Contributing : Alex Cabrero')."""
    if e.label != "PERSON" or not _in_headline(text, e) or ":" in _line(text, e):
        return False
    at = text.find(e.text)
    while at >= 0:
        if not _in_headline(text, Entity(e.text, e.label, at, at + len(e.text))):
            return False
        at = text.find(e.text, at + 1)
    return True


def _two_names_joined(e: Entity, entities: tuple[Entity, ...]) -> bool:
    """'the Nationals and Oriels', 'Philly and Cheeks': two one-word names joined by 'and', one of which the
    tagger finds alone elsewhere in the article, are two names, not one ('Procter and Gamble' is one)."""
    m = TWO_NAMES.fullmatch(e.text.removeprefix("the ").removeprefix("The "))
    if m is None:
        return False
    alone = {o.text.removeprefix("the ").removeprefix("The ") for o in entities if o is not e}
    return m.group(1) in alone or m.group(2) in alone


def _headline_words(kb: KnowledgeBase, text: str, e: Entity, words: tuple[str, ...]) -> bool:
    """'Colts Beat Chiefs', 'Jewellery Stolen In Shop Raid': in a title-case line a tagged name of two
    words or more that holds, after its first word, a word the article writes in lower case elsewhere (and
    that no person bears as a first name) is the headline's words, not a name. One that opens with a first
    name is a person's name run into the headline ('Ellen DeGeneres To Host Oscars'): the linker cuts it."""
    if len(words) < 2 or words[0] in kb.given_names or not _in_headline(text, e):
        return False
    return any(common_word(kb, text, w) for w in words[1:])


def common_word(kb: KnowledgeBase, text: str, word: str) -> bool:
    """The article writes the word in lower case somewhere, and no person the KB knows bears it as a first
    name ('will', 'mark' are names too)."""
    return word in lower_case_words(text) and word not in kb.given_names


@lru_cache(maxsize=64)
def lower_case_words(text: str) -> frozenset[str]:
    return frozenset(LOWER_WORD.findall(text))


def title_case_line(text: str, start: int, end: int) -> bool:
    """The words start..end stand in a line written in title case (see ``_in_headline``)."""
    return _in_headline(text, Entity(text[start:end], "", start, end))


def _modifier_after_article(kb: KnowledgeBase, text: str, e: Entity) -> bool:
    """'a Perth doctor', 'a Bloomington man', 'a Burbank hotel': a one-word name between 'a'/'an' and a
    lower-case noun qualifies that noun (a place, a brand); no one is called 'a Smith'. Not an acronym,
    and not before a role ('a Navy spokesman', 'An NFL spokesman': the body speaks)."""
    if len(words_of(e)) != 1 or _word_before(text, e.start) not in {("a",), ("an",)}:
        return False
    if e.text.replace(".", "").isupper():
        return False
    after = tokenize(text[e.end : e.end + 30])
    if not after or after[0].start != 1 or not after[0].raw.isalpha() or not after[0].raw.islower():
        return False
    return (after[0].norm,) not in kb.not_actors["role_tails"]


def _event_after(kb: KnowledgeBase, text: str, e: Entity) -> bool:
    """'the NCAA tournament', 'his WBA , IBF and WBO heavyweight title belts': a body's name before the
    contest or the title it runs (up to one lower-case word between) names that contest, not the body."""
    rest = text[e.end : e.end + 40]
    prev_end = 0
    for tok in tokenize(rest)[:2]:
        if rest[prev_end : tok.start].strip(" -") or not tok.raw.isalpha() or not tok.raw.islower():
            return False  # punctuation, a possessive, a name
        word = (tok.norm,)
        if word in kb.not_actors["events"] or word in kb.not_actors["contest_words"]:
            return True
        if tok.norm in DETERMINERS:
            return False  # "Philip Rivers this season": a time, not a contest's name
        prev_end = tok.end
    return False


def _possessive_end(e: Entity) -> bool:
    return e.text.endswith(("'s", "’s"))


def _in_headline(text: str, e: Entity) -> bool:
    """The name stands in a line written in title case ('Ellen DeGeneres To Host Oscars'): there every
    word is capitalised, so a capital after the name says nothing."""
    line = _line(text, e)
    words = [w for w in line.split() if len(w) > 3 and w[:1].isalpha()]
    if line.count(",") > 2 or line.endswith(".") and not _title_with_stop(text, line, words):
        return False  # a list of names; a line with a full stop that is no title: a sentence, a signature
    return len(words) >= 3 and sum(w[:1].isupper() for w in words) >= 0.8 * len(words)


def _title_with_stop(text: str, line: str, words: list[str]) -> bool:
    """A line ending in a full stop is a title where it is the text's first line, more text follows it, it has
    HEADLINE_WITH_STOP words of four letters or more and every word but one in ten is capitalised, the short
    ones too ('Trump Is Like A Lawyer's Dumbest Client Ever, Comedian Says.'; not 'Donald Trump spoke in
    Ohio on Monday.')."""
    body = text.lstrip()
    if not body.startswith(line) or not body[len(line) :].strip() or len(words) < HEADLINE_WITH_STOP:
        return False
    every = [w for w in line.split() if w[:1].isalpha()]
    return sum(w[:1].isupper() for w in every) >= 0.9 * len(every)


def _line(text: str, e: Entity) -> str:
    start = text.rfind("\n", 0, e.start) + 1
    end = text.find("\n", e.end)
    return text[start : end if end >= 0 else len(text)].strip()


def _people_noun(kb: KnowledgeBase, words: tuple[str, ...]) -> bool:
    """'The New Zealander', 'Briton': a nationality or a people word describes someone, it names no one."""
    if words in kb.demonyms or words in kb.peoples:
        return True
    return words[:-1] + (words[-1] + "s",) in kb.peoples


def dateline_place(text: str, e: Entity) -> bool:
    """'OVERLAND , MO ( KTVI ) -', 'NAIROBI, Kenya (AP) _': a capitalised dateline place."""
    if not e.text.replace(" ", "").replace("-", "").isupper():
        return False
    after = text[e.end : e.end + 40]
    return DATELINE.match(after) is not None


def _dash_dateline(text: str, e: Entity) -> bool:
    """'MORETOWN — Vermont State Police say ...': a name in capitals opening a line before a dash."""
    if not e.text.replace(" ", "").isupper() or text[max(e.start - 1, 0) : e.start].strip():
        return False
    return DASH_DATELINE.match(text, e.end) is not None


def _ship_prefixed(kb: KnowledgeBase, text: str, e: Entity) -> bool:
    """'INS Mysore', 'MV Faina': a ship prefix, as written (capitals: 'Ms Smith' is a woman), opens the name
    or stands right before it."""
    first = tokenize(e.text.removeprefix("the ").removeprefix("The "))[:1]
    before = tokenize(text[max(e.start - 8, 0) : e.start])[-1:]
    return any(t.raw in kb.ship_prefixes for t in first + before)


def _ship_name(kb: KnowledgeBase, text: str, e: Entity) -> bool:
    """'the Saudi supertanker Sirius Star', 'the Mysore' after 'INS Mysore': a name right after a word for
    a ship, or one the article also writes after a ship prefix, is a vessel's."""
    if _word_before(text, e.start) in kb.not_actors["ship_nouns"]:
        return True
    return any(text.startswith(e.text, at) for at in _after_ship_prefixes(text, kb.ship_prefixes))


@lru_cache(maxsize=64)
def _after_ship_prefixes(text: str, prefixes: tuple[str, ...]) -> tuple[int, ...]:
    """Where each ship prefix and a space are followed in the text (a name there is a vessel's): found
    once per article, not once per entity and prefix."""
    out = []
    for prefix in prefixes:
        at = text.find(f"{prefix} ")
        while at >= 0:
            out.append(at + len(prefix) + 1)
            at = text.find(f"{prefix} ", at + 1)
    return tuple(out)


def _written_lower(e: Entity) -> bool:
    """'navy pants', 'uk / news': a name is written with a capital."""
    first = e.text.removeprefix("the ").lstrip()
    return not first[:1].isupper()


def _one_letter(words: tuple[str, ...]) -> bool:
    """'Neither do I.': a name of one letter is the pronoun (or a numeral, 'World War I'), no one's name."""
    return len(words) == 1 and len(words[0]) == 1


def _possessive_year(e: Entity) -> bool:
    """'Bachmann’s 2012 campaign manager': a possessive and a year the tagger ran into one name; the year is
    the campaign's, and no organisation's name ends in a possessive and a year."""
    return bool(POSSESSIVE_YEAR.search(e.text))


def _programme_after(kb: KnowledgeBase, text: str, e: Entity) -> bool:
    """'the Central American Minors program': a name right before a lower-case word for a programme
    (not_actors.yaml: programme_words), or for a platform where the knowledge base knows no body of that name ('the
    new MEB platform'; platform_words), is the programme's or the platform's name, no organisation acting."""
    after = PROGRAMME_AFTER.match(text, e.end)
    if after is None or POSSESSIVE_END.search(e.text):
        return False  # "Bill O'Reilly's program": the host's programme, the host acting
    word = (after.group(1),)
    words = words_of(e)
    unknown = words not in kb.index and not any((w,) in kb.not_actors["org_heads"] for w in words)  # 'the ... Party'
    return word in kb.not_actors["programme_words"] or unknown and word in kb.not_actors["platform_words"]


def _instrument_code(text: str, e: Entity) -> bool:
    """'Sterling GBP= was last trading at $1.2925': a name closed by a currency's ISO code and '=' is the market
    instrument a wire service quotes (its instrument code), no actor."""
    name = text[e.start : e.end].rstrip("=")
    return INSTRUMENT_CODE.search(name) is not None and text[e.start + len(name) : e.start + len(name) + 1] == "="


def _cut_name(e: Entity) -> bool:
    """'Regina M', 'President J': a name the sentence splitter cut at an initial."""
    toks = tokenize(e.text)
    return len(toks) > 1 and len(toks[-1].raw.rstrip(".")) == 1


def _ends_with(words: tuple[str, ...], heads: frozenset[tuple[str, ...]]) -> bool:
    return any(words[-n:] in heads for n in (1, 2, 3) if len(words) >= n)


def _word_before(text: str, start: int, n: int = 1) -> tuple[str, ...]:
    toks = tokenize(text[max(start - 40, 0) : start])
    return tuple(t.norm for t in toks[-n:]) if len(toks) >= n else ()


def _tagged_as_place(e: Entity, uses: NameUses) -> bool:
    """The same words tagged as a place more often than as a name elsewhere in the article ('OVERLAND,
    Mo.' ... 'Overland'), and no person tagged by a full name ending in them ('Alan Steinberg')."""
    want = words_of(e)
    if want in uses.person_tails:
        return False
    places = uses.places[want]
    return places > 0 and places >= uses.names[want]


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
    if before == ("from",) and _word_before(text, e.start, 3)[:2] in ORIGIN_OPENERS and not _has_org_word(kb, words):
        return True  # "the driver, who is from Schenectady": where a person comes from
    if before in kb.not_actors["seat_prepositions"] and words in kb.not_actors["seat_buildings"]:
        post = set(_word_before(text, e.start, 4)[:-1]) & {w for (w,) in kb.not_actors["post_words"]}
        return not post  # "sitting in the Oval Office": the room ("working in the Oval Office": the post)
    return before in kb.not_actors["place_preps"] and not _has_org_word(kb, words)


def _place_of(kb: KnowledgeBase, word: tuple[str, ...]) -> bool:
    return bool(word) and (word[0] in kb.words["place_nouns"] or word in kb.not_actors["of_place_words"])


def _place_before_agent(kb: KnowledgeBase, text: str, e: Entity) -> bool:
    """'Wilkes-Barre police', 'Overland residents': a name before a lower-case agent noun is a place."""
    after = tokenize(text[e.end : e.end + 30])
    if not after or text[e.end : after[0].start].strip(" -") or _possessive_end(e):
        return False
    return after[0].raw.islower() and (after[0].norm,) in kb.not_actors["place_agents"]


def _town_possessing_agent(kb: KnowledgeBase, text: str, e: Entity) -> bool:
    """ "Woodburn's police chief", "Millom's residents": a one-word tagged organisation, no word for one in
    it, whose possessive is a force or people only a place has, is that place."""
    words = words_of(e)
    if e.label != "ORG" or len(words) != 1 or (words[-1:] in kb.not_actors["org_heads"]):
        return False
    rest = text[e.end : e.end + 40]
    if not _possessive_end(e):
        if not rest.startswith(("'s ", "’s ", " 's ", " ’s ")):
            return False
        rest = rest.split("s", 1)[1]
    after = tokenize(rest)
    return bool(after) and after[0].raw.islower() and (after[0].norm,) in kb.not_actors["town_agents"]


def _street_pair(kb: KnowledgeBase, text: str, e: Entity) -> bool:
    """'on Junction and Belmont Avenue', 'Scott and Polk counties': a name joined by 'and' to a street or a
    county is one too, and so is the last of such a list, right before the head in the plural ('Kalamazoo and Van
    Buren counties')."""
    head = first_word(text, e.end, e.end + 30) or ""
    if _word_before(text, e.start) == ("and",) and head.endswith("s") and (head,) in kb.not_actors["place_heads"]:
        return True
    if head != "and":
        return False
    after = tokenize(text[e.end : e.end + 60])
    if len(after) < 3:
        return False
    for n, t in enumerate(after[1:5]):
        if n and (t.norm,) in kb.not_actors["place_heads"]:
            return True  # "Iowa's Scott and Polk counties": the head in the plural, for both
        if not t.capitalised:
            return False
    return False


def _cross_street(text: str, e: Entity) -> bool:
    """'a house on Winthrop near Clarita': a name between 'on' and 'near' is a street."""
    return _word_before(text, e.start) == ("on",) and first_word(text, e.end, e.end + 20) in {"near", "between"}


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


def _after_model_year(text: str, e: Entity) -> bool:
    """'a 2013 Toyota Camry', 'a 2008 GMC Sierra': a maker's name after a model year, with the model's name
    inside it or right after it, is the vehicle ('the 1983 NBA title team' keeps the league)."""
    before = text[max(e.start - 6, 0) : e.start]
    year = before[1:5]
    if not (len(before) == 6 and before[0].isspace() and year[:2] in {"19", "20"} and year.isdigit()):
        return False
    if before[5] != " ":
        return False
    return len(words_of(e)) > 1 or text[e.end : e.end + 1] == " " and text[e.end + 1 : e.end + 2].isupper()


def _owned_thing(kb: KnowledgeBase, text: str, e: Entity) -> bool:
    """'his Bentley': a one-word name owned by a person is a thing (a person is never 'his Smith')."""
    toks: list[Tok] = tokenize(text[max(e.start - 40, 0) : e.start])
    if toks and len(toks[-1].raw) == 4 and toks[-1].raw.isdigit():
        toks.pop()  # "his 2008 Bentley": a model year
    return bool(toks) and len(words_of(e)) == 1 and (toks[-1].norm,) in kb.not_actors["owner_words"]


def _quoted_title(text: str, e: Entity) -> bool:
    """'her own talk show "Ellen"', 'his movie “Ted”', 'films like `` Kate and Leopold . '' ': a name
    inside a quotation of a few words is the title of a work."""
    opening = _opening_quote(text, max(e.start - 30, 0), e.start)
    own_end = e.start + len(e.text.rstrip("'’\"”"))  # "Barton Fink''": the tagger may take the closing mark in
    if opening >= 0 and text.startswith("''", opening) and not quoted_title_case(text, e.start, own_end):
        return False  # "feels ''the looming presence of Barbara Bush,''": a quotation, not a title in capitals
    if opening < 0 or any(c in text[opening + 2 : e.start] for c in CLOSING_MARKS + ("\n",)):
        return False
    rest = text[e.end : e.end + 30]
    closing = min((rest.find(q) for q in CLOSING_MARKS if q in rest), default=-1)
    if closing < 0 or "\n" in rest[:closing]:
        return False
    quoted = [t.norm for t in tokenize(text[opening : e.end + closing])]
    return len(quoted) <= 6 and not SPEECH & set(quoted)  # '" said Smith . "' closes one quote, opens another


def _opening_quote(text: str, lo: int, hi: int) -> int:
    """The last opening quotation mark in text[lo:hi], or -1: a quotation mark of QUOTE_MARKS, or two apostrophes
    that open a quotation as the New York Times writes one (''America's Unwritten Constitution,''), where two
    apostrophes after a word close it (``_opens_quotation``)."""
    marks = [text.rfind(q, lo, hi) for q in QUOTE_MARKS]
    at = text.rfind("''", lo, hi)
    while at >= lo and not _opens_quotation(text, at):
        at = text.rfind("''", lo, at)
    return max(*marks, at)


def _opens_quotation(text: str, at: int) -> bool:
    """The two apostrophes at ``at`` open a quotation: after a space or a line's start and right before a word
    (a text split into words spaces its closing ones too: '`` Life '' and ABC')."""
    return (at == 0 or text[at - 1].isspace()) and text[at + 2 : at + 3].isalnum()


def quoted_title_case(text: str, start: int, end: int) -> bool:
    """The words start..end stand inside a quotation of two to six words, all capitalised but short function
    words ('ABC's “Good Morning America”', '“Make America Great Again”'): the title of a show, a work or a
    slogan, not a sentence someone said ('“America is back,” he said')."""
    opening = _opening_quote(text, max(start - 40, 0), start)
    if opening < 0 or any(c in text[opening + 1 : start] for c in CLOSING_MARKS + ("\n",)):
        return False
    rest = text[end : end + 40]
    closing = min((rest.find(q) for q in CLOSING_MARKS if q in rest), default=-1)
    if closing < 0 or "\n" in rest[:closing]:
        return False
    words = [w for w in re.findall(r"[^\W\d_][\w’'.-]*", text[opening : end + closing])]
    if not 2 <= len(words) <= 6 or any(w in TITLE_FUNCTION_WORDS for w in words[:1]):
        return False
    return all(w[:1].isupper() or w in TITLE_FUNCTION_WORDS for w in words)


def _after_work_noun(kb: KnowledgeBase, text: str, e: Entity) -> bool:
    """'the sequel, Catching Fire', 'the novel New Moon': a name right after a noun for a work (or after
    it and a comma) is the work's title."""
    toks = tokenize(text[max(e.start - 40, 0) : e.start])
    while toks and not toks[-1].raw[:1].isalnum():
        toks.pop()  # a comma or an opening quote between the noun and the title
    if not toks:
        return False
    word = (toks[-1].norm,)
    return word in kb.not_actors["work_nouns"] or word in kb.not_actors["character_nouns"]


def _after_work_verb(kb: KnowledgeBase, text: str, e: Entity) -> bool:
    """'who also codirected American Pie', 'she wrote Twilight': a name right after a verb of making a work
    is the work's title (OntoNotes' WORK_OF_ART); people and bodies are not directed or written."""
    return _word_before(text, e.start) in kb.not_actors["work_verbs"]


def _product_with_version(text: str, e: Entity) -> bool:
    """'IE version 5', 'IE 5.01', 'versions of Vista': a name the article writes with a version is a
    product (OntoNotes' PRODUCT), in every sentence of that article; no person or body has versions."""
    return e.text.removeprefix("the ").removeprefix("The ") in _versioned_names(text)


def made_product(kb: KnowledgeBase, text: str, start: int, end: int) -> bool:
    """'his Boeing 757 jet', 'a Cessna 750 Citation X', then 'the Boeing has flown': a maker's name the article
    writes before a model number is that model (OntoNotes' PRODUCT) where a model number follows it here or a
    determiner stands before it ('the Boeing', 'a Cessna'); 'Boeing no longer makes 757s' keeps the maker."""
    name = text[start:end]
    after_determiner = name.startswith(("the ", "The "))
    name = name[4:] if after_determiner else name
    if name not in _model_names(text, kb.not_actors["numbered_nouns"], kb.not_actors["product_nouns"]):
        return False
    if MODEL_NUMBER.match(text, end):
        return True
    return after_determiner or _word_before(text, start)[-1:] in {(d,) for d in DETERMINERS}


@lru_cache(maxsize=64)
def _model_names(
    text: str, numbered: frozenset[tuple[str, ...]], products: frozenset[tuple[str, ...]]
) -> frozenset[str]:
    """Every name (and each shorter name ending it) the article writes before a model number that is no year,
    after no word that a number names a place or a document by ('Teamsters Local 727', 'Flight 93'), and
    before a word for a made thing ('jet') or a capitalised model name ('Cessna 750 Citation X')."""
    out: set[str] = set()
    for m in MODEL_AFTER.finditer(text):
        words = m.group(1).split(" ")
        number = text[m.end(1) : m.end(1) + 6].split()[0]
        if YEAR.fullmatch(number) or (words[-1].lower(),) in numbered or not m.group(2):
            continue
        if m.group(3) and (m.group(3),) not in products:
            continue  # 'Boeing 757 jet', not 'Sanders 300 delegates'
        out.update(" ".join(words[n:]) for n in range(len(words)))
    return frozenset(out)


def _short_for_law(kb: KnowledgeBase, text: str, e: Entity) -> bool:
    """'the ESA' where the article writes 'the Endangered Species Act': an acronym of capitals whose long
    form (the initials of its capitalised words) ends in a word for a law or a treaty is that law."""
    name = e.text.removeprefix("the ").removeprefix("The ")
    return ACRONYM.fullmatch(name) is not None and name in _law_acronyms(text, kb.not_actors["law_heads"])


def _law_head_cut(kb: KnowledgeBase, text: str, e: Entity) -> bool:
    """'the 1994 Crime Bill', the tagger's 'Bill' alone: a word for a law (not_actors.yaml: law_heads) tagged by
    itself right after a capitalised word inside a sentence or a year is the last word of the law's name, not a
    person's first name; not after a title, a given name or a name the knowledge base holds ('President Bill')."""
    words = words_of(e)
    if len(words) != 1 or words not in kb.not_actors["law_heads"] or not e.text[:1].isupper():
        return False
    before = LAW_NAME_BEFORE.search(text, max(e.start - 30, 0), e.start)
    if before is None:
        return False
    word = (before.group(1) or "").lower()
    if not word:
        return True  # a year: 'the 1994 Bill'
    if not text[: before.start(1)].rstrip()[-1:].isalnum():
        return False  # 'When Bill was governor': a sentence's first word is capitalised as any is
    lists = kb.not_actors
    return not (
        (word,) in lists["bare_titles"]
        or (word,) in kb.titles
        or word in kb.given_names
        or (word,) in kb.index
        or (word,) in kb.demonyms
    )


@lru_cache(maxsize=64)
def _law_acronyms(text: str, heads: frozenset[tuple[str, ...]]) -> frozenset[str]:
    out = set()
    for m in LONG_FORM.finditer(text):
        words = [w for w in re.split(r"[ -]+", m.group(0)) if w[:1].isupper() and w != "The"]
        defined = DEFINED_ACRONYM.match(text, m.end())
        head_after = defined is not None and (str(defined.group(1)),) in heads  # "... Arrivals program, or DACA"
        if (words[-1].lower(),) in heads or head_after or _called_a_law(text, m.end(), heads):
            out.add("".join(w[0] for w in words))
            if defined is not None:
                out.add(defined.group(2))  # "Freedom of Information Act (FOIA)": the acronym it defines
    return frozenset(out)


def _called_a_law(text: str, end: int, heads: frozenset[tuple[str, ...]]) -> bool:
    """'No Child Left Behind, the sweeping law that ...': an apposition right after a name that calls it a
    law, a treaty or a plan (up to three words before the noun) makes the name that law's."""
    m = LAW_APPOSITION.match(text, end)
    return m is not None and any((w,) in heads for w in m.group(1).split())


def _held_as_arms(kb: KnowledgeBase, text: str, e: Entity) -> bool:
    """'thieves armed with Kalashnikovs': what someone is armed with is a weapon, not an actor."""
    return key(text[max(e.start - 30, 0) : e.start])[-2:] in kb.not_actors["arms_cues"]


@lru_cache(maxsize=64)
def _versioned_names(text: str) -> frozenset[str]:
    names = {m.group(1) for m in VERSION_AFTER.finditer(text)}
    names.update(m.group(1) for m in VERSION_BEFORE.finditer(text))
    return frozenset(names)


def _model_designation(kb: KnowledgeBase, text: str, e: Entity) -> bool:
    """'An-70 cargo planes', 'MiG-29 fighters': a model's letters and number joined by a hyphen, before one or two
    lower-case words that end in a word for a made thing (not_actors.yaml: product_nouns), name a model, no actor
    ('the G-7 summit' keeps the group: a summit is no made thing)."""
    if not MODEL_DESIGNATION.fullmatch(e.text):
        return False
    m = WORDS_AFTER.match(text, e.end)
    return m is not None and any((w,) in kb.not_actors["product_nouns"] for w in m.group(1).split())


def _joined_to_basis(kb: KnowledgeBase, text: str, e: Entity) -> bool:
    """'LLM-based agents', 'an Austin-based firm': a name joined by a hyphen to a word of basis (not_actors.yaml:
    basis_words) says what a thing rests on or where it sits, no actor acting."""
    m = HYPHENED_AFTER.match(text, e.end)
    return m is not None and (m.group(1),) in kb.not_actors["basis_words"]


def campus_of_university(kb: KnowledgeBase, text: str, start: int, end: int) -> bool:
    """'the University of Texas, Austin and ...': a name of one or two words right after a US state university's
    name and a comma, closed by a mark or 'and', is the campus, a place ('California State University, Fullerton,');
    not a name that opens with a given name, nor one a verb follows ('the University of Pennsylvania, Andrew Vaughan
    followed'): a person."""
    words = key(text[start:end])
    if not 1 <= len(words) <= 2 or len(words) == 2 and words[0] in kb.given_names:
        return False
    m = UNIVERSITY_BEFORE.search(text, max(start - 80, 0), start)
    state = m and (m.group(1) or m.group(2))
    return bool(state) and key(str(state)) in described_words().states and CAMPUS_CLOSE.match(text, end) is not None


def former_name_gloss(kb: KnowledgeBase, text: str, start: int) -> bool:
    """'X (formerly Twitter)', 'Meta (formerly known as Facebook)': a name given in brackets after a word of a
    former name (not_actors.yaml: former_name_words) glosses the name before it; the old name does nothing there."""
    m = FORMER_NAME_BEFORE.search(text[max(start - 40, 0) : start])
    return m is not None and (m.group(1),) in kb.not_actors["former_name_words"]


def listed_credit(kb: KnowledgeBase, text: str, start: int) -> bool:
    """'whose TV credits include Hacks and SNL': a name in the list after a noun for a person's credits and a verb
    of including (not_actors.yaml: credit_nouns, list_verbs) is a work's title, as after a noun for a work."""
    m = CREDIT_LIST.search(text[max(start - 160, 0) : start])
    lists = kb.not_actors
    return m is not None and (m.group(1),) in lists["credit_nouns"] and (m.group(2),) in lists["list_verbs"]


def _unit_after_number(text: str, e: Entity) -> bool:
    """'121 RBI', '22 billion Euros over three years': a one-word name right after a count (digits, or a
    scale word after digits) is a unit or a statistic, unless a lower-case word it qualifies follows
    ('3 Colts turnovers'); a year before a name ('the 2008 Colts') is no count."""
    if len(words_of(e)) != 1 or e.text[:4] in {"the ", "The "}:
        return False
    before = tokenize(text[max(e.start - 30, 0) : e.start])
    if not before:
        return False
    last = before[-1]
    at = max(e.start - 30, 0)
    if text[at + last.end : e.start].strip() or text[at + last.start - 1 : at + last.start] == "#":
        return False  # something between, or a rank ('#3 Duke')
    if len(before) > 1 and before[-2].norm in RANK_MARKS:
        return False  # a rank ('No. 3 Duke')
    count = last.norm in SCALE_WORDS and len(before) > 1 and before[-2].raw[:1].isdigit() or COUNT.fullmatch(last.raw)
    if not count or YEAR.fullmatch(last.raw):
        return False
    after = tokenize(text[e.end : e.end + 30])
    if not after or text[e.end : e.end + after[0].start].strip():
        return True  # punctuation or the end follows: '121 RBI .'
    return not after[0].raw.isalpha() or after[0].norm in FUNCTION_AFTER_UNIT


def _town_after_street(kb: KnowledgeBase, text: str, e: Entity) -> bool:
    """'their house in Newton Street, Millom, at about 8': a one-word name between a street's name and a
    comma (or the end of the sentence) is the town of that address ('on Main Street, Williams joined the
    fray' is a person)."""
    head = text[max(e.start - 40, 0) : e.start].rstrip()
    if len(words_of(e)) != 1 or not head.endswith(","):
        return False
    before = tokenize(head[:-1])
    if not before or not before[-1].raw[:1].isupper() or (before[-1].norm,) not in kb.not_actors["place_heads"]:
        return False
    return text[e.end : e.end + 3].strip()[:1] in {"", ",", ".", ";", ")"}  # the address goes on or ends


@lru_cache(maxsize=64)
def towns_of_states(text: str) -> frozenset[tuple[str, ...]]:
    """'Ferguson, Missouri, has a higher crime rate', 'in St. Louis, Mo.': the names the article writes before
    a comma and a US state's name (described.yaml: us_states, us_state_abbreviations) that a comma or a full
    stop closes, as an address writes a town: the town, a place, wherever the article names it ('Jeb Bush,
    Florida's governor' is no address)."""
    out = set()
    for m in TOWN_OF_STATE.finditer(text):
        if key(m.group(2)) in described_words().states:
            out.add(key(m.group(1)))
    return frozenset(out)


def _place_with_its_country(kb: KnowledgeBase, text: str, e: Entity) -> bool:
    """'a cable between Abu Talat ( Egypt ) and Marseilles ( France )': a name followed by a country's name
    in brackets is a place in that country."""
    m = BRACKETED.match(text, e.end)
    return m is not None and any(i.startswith("state:") for i in kb.index.get(key(m.group(1)), ()))


def _facility_named(kb: KnowledgeBase, text: str, e: Entity) -> bool:
    """'the Ida Yarbrough apartments', 'the Matanuska Maid warehouse': a name between 'the' and a lower-case
    word for a building (past up to two lower-case words of its trade: 'the Acme fuel storage plant') names
    that building, a place."""
    before = tokenize(text[max(e.start - 40, 0) : e.start])[-3:]
    opener = next((n for n, t in enumerate(before) if t.norm == "the"), None)
    lower_between = opener is not None and all(t.raw.islower() for t in before[opener + 1 :])
    if e.text[:4] not in {"the ", "The "} and not lower_between:
        return False  # 'the Ida Yarbrough apartments', 'the historic Matanuska Maid warehouse'
    after = tokenize(text[e.end : e.end + 50])
    if not after or text[e.end : e.end + after[0].start].strip():
        return False
    for tok in after[:3]:
        if not (tok.raw.islower() and tok.raw.isalpha()):
            return False
        if (tok.norm,) in kb.not_actors["facility_heads"]:
            return True
    return False


def _facility_left_or_stayed_at(kb: KnowledgeBase, text: str, e: Entity, words: tuple[str, ...]) -> bool:
    """'has left the Betty Ford Center', 'checked out of the Betty Ford Centre', 'her stay at the famed Betty Ford
    Center': a treatment institution's name (``treatment_heads``) after a word of leaving, 'out of' or a preposition of
    place, with 'the' and a lower-case word or two between, is that building, a place."""
    return _ends_with(words, treatment_heads(kb, text)) and at_place_cue(kb, text, e.start)


def treatment_heads(kb: KnowledgeBase, text: str) -> frozenset[tuple[str, ...]]:
    """The last words of a treatment institution's name (not_actors.yaml: treatment_heads), with 'Center' where the
    article speaks of treatment (treatment_nouns, in lower case)."""
    lists = kb.not_actors
    if not lower_case_words(text).isdisjoint(one_words(lists["treatment_nouns"])):
        return lists["treatment_heads"] | lists["centre_heads"]
    return lists["treatment_heads"]


@lru_cache(maxsize=16)
def one_words(entries: frozenset[tuple[str, ...]]) -> frozenset[str]:
    """The one-word entries of a list, as words (a set test against a text's words, instead of a loop over them)."""
    return frozenset(entry[0] for entry in entries if len(entry) == 1)


def at_place_cue(kb: KnowledgeBase, text: str, start: int) -> bool:
    """The words before ``start`` end in a preposition of place ('at', 'into': not_actors.yaml facility_preps), 'out
    of' or a word for leaving (leave_words), then nothing or 'the' and up to two lower-case words ('at the famed')."""
    window = text[max(start - 60, 0) : start]
    before = tokenize(window[max(window.rfind(mark) for mark in ".!?\n") + 1 :])  # this sentence's words only
    for skip in range(min(3, len(before)) + 1):
        between = before[len(before) - skip :]
        if between and (between[0].norm != "the" or not all(t.raw.islower() for t in between)):
            continue
        if _place_cue(kb, before[: len(before) - skip]):
            return True
    return False


def _place_cue(kb: KnowledgeBase, before: list[Tok]) -> bool:
    if not before:
        return False
    last = (before[-1].norm,)
    if last == ("of",):
        return len(before) > 1 and before[-2].norm == "out"  # "checked out of"
    return last in kb.not_actors["facility_preps"] or last in kb.not_actors["leave_words"]


def facility_short_name(kb: KnowledgeBase, text: str, e: Entity) -> bool:
    """'Betty Ford' where the article writes 'the Betty Ford Center' (and of rehab), 'Morningside' beside 'Morningside
    Recovery': a name that opens, in the same article, the name of an institution where people are treated
    (``treatment_heads``; one capitalised word may come between: 'Betty Ford Treatment Center') names that
    institution, not a person. It must open that name ('Anderson' is not 'MD Anderson Cancer Center')."""
    name = e.text[4:] if e.text[:4] in {"the ", "The "} else e.text
    heads = treatment_heads(kb, text)
    if not name[:1].isupper() or _ends_with(words_of(e), heads):
        return False
    for start, head in _names_opening(text, name):
        before = tokenize(text[max(start - 30, 0) : start])
        opens = not before or not before[-1].capitalised or before[-1].norm == "the"
        if opens and (head.lower(),) in heads:
            return True
    return False


def _names_opening(text: str, name: str) -> Iterator[tuple[int, str]]:
    """Where ``name`` opens a longer name in ``text`` (not after a letter, a dot, an apostrophe or a hyphen; then one
    or two capitalised words), each with that longer name's last word, as a scan for the pattern
    NAME (?:[A-Z][a-z]+ )?([A-Z][a-z]+)\\b finds them, left to right, not overlapping: a pattern made per name
    was compiled anew for most entities (more names than the regex cache holds)."""
    at = text.find(name)
    while at >= 0:
        m = None if at and NAME_ADJOINS.match(text, at - 1) else NAME_OPENS.match(text, at + len(name))
        if m is not None:
            yield at, m.group(1)
        at = text.find(name, m.end() if m is not None else at + 1)
