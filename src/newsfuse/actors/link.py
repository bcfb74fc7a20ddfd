"""Link actor mentions in an annotated article to knowledge-base actors.

One left-to-right pass over word tokens tries, at each position: a titled name ("Russian President
Vladimir Putin"), a KB name (longest alias first), a demonym + agent ("Israeli forces"), a capital
used as a government ("Moscow said"). Persons seen earlier are remembered by surname, so later
"Putin" or "the Russian leader" resolve to them (coreference within the article). Two paths ask the
tagger's parse for evidence (``roles.py``): a country's or a capital's name is the state only in an
actor's part of its clause, else a place; a tagged name the knowledge base does not know is an actor
only with a name's shape or an actor's part somewhere in the article (``shows_an_actor``).
"""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from newsfuse.model import NON_ACTOR_LABELS, ActorMention, ActorRef, AnnotatedArticle, Entity, Quote

from .acronyms import ACRONYM, Definitions, LongForm, common_noun_acronyms, defined_acronyms, spells
from .acronyms import words as acronym_words
from .bare import bare_mentions
from .described import STATE_OFFICE, Description, country_before, describe, place_after_name, possessor_sector
from .described import words as described_words
from .kb import Entry, KnowledgeBase, get_kb
from .kinds import described_kinds, kind_nouns, name_words
from .nonactors import (
    DASH_DATELINE,
    DATELINE,
    DETERMINERS,
    PARAGRAPH_BREAK,
    NameUses,
    at_place_cue,
    campus_of_university,
    case_party,
    common_word,
    facility_short_name,
    former_name_gloss,
    listed_credit,
    lower_case_words,
    made_product,
    not_an_actor,
    quoted_title_case,
    stance,
    title_case_line,
    words_of,
)
from .offices import body_of_country, office_entry, report_country
from .org_sectors import sector_of_name
from .roles import Parse
from .text import (
    FUNCTION_WORDS,
    SPACE_CAPITAL,
    SPACE_LOWER_WORD,
    TakenSpans,
    Tok,
    key,
    one_letter_apart,
    right_after,
    slug,
    tokenize,
)

LOCATION_PREPS = frozenset("in at near from into across outside inside around throughout via through over off".split())
TAGGED_PLACES = frozenset({"GPE", "LOC", "FAC"})  # the tagger's labels of places
GOV_PREPS = frozenset("between with".split())
POSSESSIVE = frozenset({"'s"})
LEADING_ARTICLE = re.compile(r"^(?:the|The|THE)\s+")
NER_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
AMBIGUOUS_SHORT = frozenset("us it is in on no me am an as at be by do go he if my of or so to up we pa oh".split())
BIRTHPLACE = frozenset({"born", "native", "natives"})
NOT_SURNAMES = ("bare_titles", "role_tails", "police_ranks", "facility_heads", "place_heads", "org_heads")
INITIALS = re.compile(r"(?:[A-Z]\.){1,3}")
SENTENCE_END = re.compile(r"[.!?][\"”’']?\s+(?=[\"“‘']?[A-Z])|\n+")  # a sentence's end before the next's capital
SENTENCE_BREAKS = frozenset(".!?;\n")  # between two names: they are in two sentences
SENTENCE_CLOSE = re.compile(r"[.!?\n]")  # the first mark that may close a sentence
BREAKS = frozenset("();:!?[]\n")  # not a full stop: "George W . Bush" in text split into words
CLOCK = re.compile(r"\d{1,2}(?:[:.]?\d\d)?\s?(?:am|pm|a\.m\.|p\.m\.)", re.IGNORECASE)
# a people or a faith with no country of its own has no government: its leaders and officials are its
# elites (CAMEO's ELI: leaders of groups with no state's office), as "Jewish leaders", "Muslim officials"
STATELESS_SECTORS = {"GOV": "ELI"}
# the word before an office sought, by the preposition between ('running for', 'the occupant of', 'named to')
PRIZE_PREPOSITIONS = {"for": "prize_verbs_for", "of": "prize_verbs", "to": "prize_words_to"}
STATE_BODY_PREFIXES = frozenset({"gov", "mil", "leg", "jud", "cop", "spy"})  # ids of a state's own bodies
FULL_STOP_INSIDE = re.compile(r"(\w+)\. [A-Z]")  # "President. This": a word, a full stop, a capital
NEGATING_PREFIXES = frozenset({"non", "anti"})  # hyphened before a word, they deny it ('non-government meetings')
QUOTE_MARKS = frozenset("\"“”‘'")  # between a title and a name: a quotation opens or closes there, no name runs on
APOSTROPHE = re.compile(r"(?<=\w)['’](?:s\b)?")  # a possessive's or a contraction's, no quotation mark
OWNER_POSSESSIVE = re.compile(r"([^&]+?)(?:['’]s|(?<=s)['’]) ([A-Z].*)")  # "Jeff Bezos’s Blue Origin"
PLACE_BEFORE_NAME = re.compile(r"\b(?:to|in|of|for|from) $")  # a lower-case preposition before a place's name
QUOTE_INSIDE = re.compile(r"\S\s+[‘“\"]")  # an opening quotation mark after a name's first word
COUPLE_OPENER = re.compile(r"\b([A-Z][a-z]{2,}) and $")  # 'Khizr and ' before 'Ghazala Khan'
NAME_PAIR = re.compile(r"\b(?=([A-Z][a-z]{2,}) ([A-Z][a-z]+)\b(?!-))")  # two capitalised words (overlapping)
LOWER_WORD = re.compile(r"(?<![\w.])[a-z]+\b")
# lists of words that open no person's name (not_actors.yaml), for a full name the tagger missed
UNTAGGED_NOT_FIRST = (
    "bare_titles",
    "male_honorifics",
    "female_honorifics",
    "role_tails",
    "not_first_names",
    "opening_prepositions",
    "police_ranks",
    "local_offices",
)
SPACED_DASH = re.compile(r"\s+[-–—]+\s+")  # a dash between spaces: punctuation, no hyphened name
CREDIT_SLASH = re.compile(r"[A-Za-z]/[A-Z]")  # 'SVP/Global Risk Insights', 'Getty Images/AFP': a credit's names
SPACED_SLASH = re.compile(r"\s+/\s+")  # 'Carlos Barria / Reuters': a photo credit's photographer, then the agency
HEADLINE_COLON = re.compile(r"(?<=\w): (?=[A-Z])")  # 'De Blasio: Trust Bratton': a headline's speaker, then his words
SPACED_COMMA = re.compile(r"\w , \w")  # "Strauss - Kahn said , ...": a text split into words, hyphens spaced too
CONTRACTED = re.compile(r"n?['’]t\b")  # "Aren’t", "Doesn't": the word before is a verb
# a quoted nickname the tagger cut the name at ('George "Jay' of 'George "Jay" Keyworth'): its closing quote and the
# surname after it (news style writes a nickname in quotation marks between the given name and the surname)
NICKNAME_OPEN = re.compile(r" [\"“]\w+[\"”]?$")
NICKNAME_TAIL = re.compile(r"[\"”]? ([A-Z][\w'’-]*\w)")
ARTICLE_WORDS = frozenset({"the", "a", "an"})
NAME_PARTICLES = frozenset("al el bin ibn bint abu de da dos das do di du la le van von der den ter".split())
CAPITALS_WORD = re.compile(r"[A-Z]{2,5}")  # a word of capitals only: an acronym, unless the whole name is shouted
ROMAN_NUMERAL = re.compile(r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")


@dataclass
class Found:
    start: int  # token indices, end exclusive
    end: int
    ref: ActorRef
    source: str
    core: tuple[int, int] = (0, 0)  # character span of the name itself (for entities)
    core_ref: ActorRef | None = None  # what that name alone means, when the mention means more
    also: tuple[ActorRef, ...] = ()  # further actors the same words stand for ("the two leaders")


@dataclass
class Doc:
    kb: KnowledgeBase
    toks: list[Tok]
    date: str | None
    text: str
    seen: dict[str, ActorRef] = field(default_factory=dict)  # surname/full key -> person ref
    last_place: dict[int, bool] = field(default_factory=dict)  # token index -> used as a location
    mentioned: list[ActorRef] = field(default_factory=list)  # actors linked so far, in text order
    background: list[bool] = field(default_factory=list)  # per mentioned actor: named in a background clause
    mentioned_at: list[int] = field(default_factory=list)  # per mentioned actor: its first token
    mentioned_end: list[int] = field(default_factory=list)  # per mentioned actor: the token after its words
    surnames: dict[str, tuple[int, str]] = field(default_factory=dict)  # tagged persons: surname -> (start, name)
    starts: list[int] = field(default_factory=list)  # each token's start, for bisecting
    norms: list[str] = field(default_factory=list)  # each token's normal form, for the KB's keys
    parse: Parse = field(default_factory=lambda: Parse(()))  # the tagger's parse, by character offset
    given: frozenset[str] = frozenset()  # first names of the persons the tagger named in full
    firsts: dict[str, ActorRef | None] = field(default_factory=dict)  # first word -> person (None: two share it)
    first_names: dict[str, list[tuple[str, ...]]] = field(default_factory=dict)  # first word -> full names with it
    full_names: dict[str, list[tuple[int, str]]] = field(default_factory=dict)  # surname -> tagged full names
    untagged: dict[int, str] = field(default_factory=dict)  # first word's start -> a full name the tagger missed
    described: dict[tuple[str, ...], Description] = field(default_factory=dict)  # person's name -> description
    listed_states: frozenset[tuple[str, ...]] | None = None  # US states' names listed with another's
    us_states: frozenset[tuple[str, ...]] | None = None  # names the article means as US states (listed or placed)
    no_actor: set[tuple[int, int]] = field(default_factory=set)  # character spans of KB names read as no actor
    nicknames: frozenset[tuple[str, ...]] = frozenset()  # 'Crooked Hillary': an epithet and a first name
    epithets: frozenset[tuple[str, ...]] = frozenset()  # 'Fascist Trump', 'Top Clinton': a common word and a surname
    couples: dict[str, str] = field(default_factory=dict)  # 'Khizr Khan': 'male', 'Ghazala Khan': 'female'
    couple_firsts: list[tuple[int, str]] = field(default_factory=list)  # (start, 'Khizr Khan') of 'Khizr and ...'

    def __post_init__(self) -> None:
        self.starts = [t.start for t in self.toks]
        self.norms = [t.norm for t in self.toks]


def link(annotated: AnnotatedArticle) -> AnnotatedArticle:
    kb = get_kb()
    text = annotated.article.text
    tagged_entities = annotated.entities
    spans = [_name_span(text, e) for e in tagged_entities]
    grown = [s for s, e in zip(spans, tagged_entities) if s.end > e.end]  # names run on past a quoted nickname
    kept = (e for e in spans if not _covered(e, grown))
    annotated = dataclasses.replace(annotated, entities=tuple(x for e in kept for x in owner_and_owned(kb, text, e)))
    full = _tagged_full_names(annotated, text)  # once per article: the three views below read it
    nicknames = nicknamed(kb, [name for _, name in full])
    epithets = surname_epithets(kb, text, [name for _, name in full])
    full = [(start, name) for start, name in full if key(name) not in nicknames | epithets]
    tagged = tagged_full_names(full)
    untagged = untagged_full_names(kb, text, tagged)
    couples = couple_names(kb, text, full)
    doc = Doc(
        kb,
        tokenize(text),
        annotated.article.published,
        text,
        surnames=tagged_surnames(full),
        parse=Parse(annotated.tokens),
        given=tagged_first_names(annotated, text),
        full_names=with_untagged(tagged, untagged),
        untagged=dict(untagged),
        nicknames=nicknames,
        epithets=epithets,
        couples={**{first: "male" for _, first, _ in couples}, **{second: "female" for _, _, second in couples}},
        couple_firsts=[(start, first) for start, first, _ in couples],
    )
    containing = EntitiesContaining(annotated.entities)
    found = [
        f
        for f in scan(doc)
        if not _inside_other_name(doc, f, containing)
        and not _one_word_person_in_full_name(doc, f, containing)
        and not _model(doc, f)
        and not _capital_as_modifier(doc, f)
        and not _opens_place_name(doc, f)
        and not _names_a_thing(doc, f)
        and not _person_opens_org_name(doc, f)
        and not _closes_longer_name(doc, f)
        and not _made_product(doc, f)
        and not _place_of_attacks(doc, f)
        and not _side_of_contest(doc, f)
        and not _names_a_period(doc, f)
        and not _in_quoted_title(doc, f)
        and not case_party(text, doc.toks[f.start].start, doc.toks[f.end - 1].end)
        and not campus_of_university(kb, text, doc.toks[f.start].start, doc.toks[f.end - 1].end)
    ]
    kinds = described_kinds(text, annotated.entities, doc.parse, kb.not_actors["work_nouns"])
    found = [
        f
        for f in add_ner(doc, found, annotated.entities, kinds)
        if not _sought_office(doc, f)
        and not _platform_as_medium(doc, f)
        and not former_name_gloss(doc.kb, text, doc.toks[f.start].start)
        and not listed_credit(doc.kb, text, doc.toks[f.start].start)
        and not _namesake_notion(doc, f)
        and not _in_for_name(doc, f)
    ]
    found = without_groups_for_persons(doc, found)
    found = with_defined_acronyms(doc, found, annotated.entities)
    found = with_report_country(doc, pairs_of_persons(doc, with_article_descriptions(doc, found)))
    mentions = tuple(
        ActorMention(
            text[doc.toks[f.start].start : doc.toks[f.end - 1].end],
            doc.toks[f.start].start,
            doc.toks[f.end - 1].end,
            ref,
            f.source,
        )
        for f in found
        for ref in (f.ref, *f.also)
    )
    entities = tuple(_entity_actor(e, found) for e in tagged_entities)
    speakers = SpeakerCandidates(mentions)
    quotes = tuple(_quote_speaker(q, speakers, doc) for q in annotated.quotes)
    done = dataclasses.replace(annotated, actors=mentions, entities=entities, quotes=quotes)
    return dataclasses.replace(done, actors=mentions + tuple(bare_mentions(kb, done, mentions)))


def _name_span(text: str, e: Entity) -> Entity:
    """A tagged person's or organisation's name without what the tagger ran into it: the words after a slash
    between spaces (a photo credit's agency after the photographer, 'Carlos Barria / Reuters'), the words after a dash
    between spaces ('Deborah Jordan Reynolds - Santilli's girlfriend': an aside; not in a text split into words,
    which spaces its commas and its hyphens, 'Strauss - Kahn', nor after a dateline's word in capitals), or a word a
    contraction closes ('Clinton and Sanders Aren’t Butting Heads': a verb; SPACED_DASH, CONTRACTED), or a bracket
    it opened and did not close ('Black Lives Matter (BLM': the acronym that follows the name), or a headline's colon
    and the words after it ('De Blasio: Trust Bratton'); a person's name cut at a quoted nickname runs on to the
    surname after it ('George "Jay' of 'George "Jay" Keyworth')."""
    if e.label not in {"PERSON", "ORG"}:
        return e
    bracket = e.text.find(" (")
    if bracket > 0 and ")" not in e.text[bracket:]:  # "Black Lives Matter (BLM": the name, then its acronym's bracket
        return dataclasses.replace(e, text=e.text[:bracket], end=e.start + bracket)
    slash = SPACED_SLASH.search(e.text) or HEADLINE_COLON.search(e.text)
    if slash is not None:  # "Carlos Barria / Reuters": two names, as a photo credit writes them; a headline's colon
        cut = e.text[: slash.start()]
        return dataclasses.replace(e, text=cut, end=e.start + len(cut))
    dash = SPACED_DASH.search(e.text)
    before = e.text[: dash.start()] if dash is not None else ""
    if len(before.split()) > 1 and not before.isupper() and not SPACED_COMMA.search(text):
        return dataclasses.replace(e, text=before, end=e.start + len(before))
    if CONTRACTED.match(text, e.end) and " " in e.text:
        cut = e.text.rsplit(" ", 1)[0]
        return dataclasses.replace(e, text=cut, end=e.start + len(cut))
    tail = NICKNAME_TAIL.match(text, e.end) if e.label == "PERSON" and NICKNAME_OPEN.search(e.text) else None
    if tail is not None and (tail.group(0)[0] in QUOTE_MARKS) != (e.text[-1] in QUOTE_MARKS):
        # 'George "Jay' + '" Keyworth': the name goes on after the nickname's one closing quote
        return dataclasses.replace(e, text=text[e.start : tail.end()], end=tail.end())
    return e


def owner_and_owned(kb: KnowledgeBase, text: str, e: Entity) -> tuple[Entity, ...]:
    """A tagged person's name, a possessive and more capitalised words ('Amazon founder Jeff Bezos’s Blue Origin'):
    two names, the person and what the person owns or made, an organisation or a work (tagged as an organisation,
    never the person); any other entity as it is, and so a kin noun ('Trump's Son') or a headline in title case."""
    found = OWNER_POSSESSIVE.fullmatch(e.text) if e.label == "PERSON" else None
    if found is None or not person_shaped(kb, found.group(1)):
        return (e,)
    owner, owned = found.group(1), found.group(2)
    if key(owned)[:1] in kb.not_actors["kin_nouns"] or title_case_line(text, e.start, e.end):
        return (e,)
    return (
        dataclasses.replace(e, text=owner, end=e.start + len(owner)),
        dataclasses.replace(e, text=owned, start=e.end - len(owned), label="ORG"),
    )


def _covered(e: Entity, grown: list[Entity]) -> bool:
    """A name ``_name_span`` ran on holds e's words ('Keyworth' in 'George "Jay" Keyworth')."""
    return any(g is not e and g.start <= e.start <= e.end <= g.end for g in grown)


def nicknamed(kb: KnowledgeBase, full: list[str]) -> frozenset[tuple[str, ...]]:
    """The tagged two-word names that are an epithet and the first name of another person named in full in the
    article, a name of capitalised words ('Crooked Hillary' beside 'Hillary Clinton', 'Little Marco' beside 'Marco
    Rubio'): the epithet is no given name, no title and no name of the knowledge base's, and no other full name ends
    in that first name."""
    names = [key(name) for name in full]
    firsts = Counter(key(name)[0] for name in full if all(w[:1].isupper() and w.isalpha() for w in name.split()))
    lasts = Counter(words[-1] for words in names)
    titles = set(kb.titles) | kb.not_actors["bare_titles"]
    return frozenset(
        words
        for words in set(names)
        if len(words) == 2
        and firsts[words[1]] > 0
        and lasts[words[1]] == names.count(words)
        and words[0] not in kb.given_names
        and (words[0],) not in titles
        and (words[0],) not in kb.index
    )


def surname_epithets(kb: KnowledgeBase, text: str, full: list[str]) -> frozenset[tuple[str, ...]]:
    """The tagged two-word names that are a common word and the surname of another person named in full ('Fascist
    Trump' on a shirt, 'Top Clinton adviser' in a headline, beside 'Donald J. Trump', 'Hillary Clinton'): the first
    word is no given name of the knowledge base's nor a particle of names ('Al-Awlaki'), and the article writes it in
    lower case too ('fascist salutes')."""
    names = {key(name) for name in full}
    lowered = lower_words(text)
    return frozenset(
        words
        for words in names
        if len(words) == 2
        and words[0] in lowered
        and words[0] not in kb.given_names | NAME_PARTICLES
        and any(len(other) > 1 and other[-1] == words[-1] and other[0] != words[0] for other in names)
    )


def nickname_bearer(doc: Doc, name: str) -> ActorRef | None:
    """The person named in full whose first name a nickname ends in ('Crooked Hillary': Hillary Clinton)."""
    words = key(name)
    return doc.firsts.get(words[-1]) if words in doc.nicknames else None


def tagged_surnames(full: list[tuple[int, str]]) -> dict[str, tuple[int, str]]:
    """Surname -> (first start, full name) of every person the tagger found by at least two names (``full``:
    ``_tagged_full_names``)."""
    out: dict[str, tuple[int, str]] = {}
    for start, name in full:
        out.setdefault(surname_of(name), (start, name))
    return out


def tagged_full_names(full: list[tuple[int, str]]) -> dict[str, list[tuple[int, str]]]:
    """Surname -> (start, full name) of every naming by two names or more, in text order (``full``:
    ``_tagged_full_names``)."""
    out: dict[str, list[tuple[int, str]]] = {}
    for start, name in full:
        out.setdefault(surname_of(name), []).append((start, name))
    return out


def surname_of(name: str) -> str:
    """The surname of a full name: its last word, before a generational suffix ('Charles Elliott III' is
    'Elliott': not_actors.yaml: generational_suffixes)."""
    words = key(name)
    suffixes = get_kb().not_actors["generational_suffixes"]
    while len(words) > 2 and (words[-1],) in suffixes:
        words = words[:-1]
    return words[-1]


def untagged_full_names(
    kb: KnowledgeBase, text: str, tagged: dict[str, list[tuple[int, str]]]
) -> list[tuple[int, str]]:
    """(start, name) of each full name the tagger missed ('Ivanka Trump', tagged a product) of a surname it
    names a person by ('Donald Trump'): a capitalised word right before that surname, written so at least twice,
    that the article never writes in lower case, that is no title, honorific or function word and no name the
    knowledge base knows, and that no tagged full name of that surname opens with. One first name, another
    person, as 'Melania Trump' beside 'Donald Trump'."""
    lowered = lower_words(text)
    pairs = [(m.start(), m.group(1), m.group(2)) for m in NAME_PAIR.finditer(text)]
    counts = Counter((first, last) for _, first, last in pairs)
    out = []
    for start, first, last in pairs:
        surname, given = key(last)[-1], key(first)[-1]
        known = tagged.get(surname, [])
        if not known or counts[first, last] < 2 or given in lowered or given in FUNCTION_WORDS:
            continue
        if any((given,) in kb.not_actors[name] for name in UNTAGGED_NOT_FIRST) or (given,) in kb.index:
            continue
        if any(key(name)[:1] == (given,) for _, name in known):
            continue
        out.append((start, f"{first} {last}"))
    return out


def couple_names(kb: KnowledgeBase, text: str, full: list[tuple[int, str]]) -> list[tuple[int, str, str]]:
    """(start, first full name, second full name) of each couple the article names as news names a married couple,
    'Khizr and Ghazala Khan' (the order of 'Mr. and Mrs.': the husband's given name first): a capitalised word that
    is no name the knowledge base knows, no title and no word of a full name the article tags ('Clinton and Bernie
    Sanders'), then 'and' and a tagged full name of two words whose surname the article writes after a man's
    honorific and after a woman's."""
    out = []
    names = {w for _, name in full for w in key(name)}  # no word of a full name: 'Clinton and Bernie Sanders'
    for start, name in full:
        words = name.split()
        m = COUPLE_OPENER.search(text, max(start - 30, 0), start)
        if len(words) != 2 or m is None or not _called_mr_and_ms(kb, text, words[1]):
            continue
        given = key(m.group(1))[-1]
        if given in names or (given,) in kb.index or any((given,) in kb.not_actors[k] for k in UNTAGGED_NOT_FIRST):
            continue
        out.append((m.start(1), f"{m.group(1)} {words[1]}", name))
    return out


def _called_mr_and_ms(kb: KnowledgeBase, text: str, surname: str) -> bool:
    """The article writes the surname after a man's honorific and after a woman's ('Mr. Khan', 'Ms. Khan')."""
    lists = kb.not_actors
    said = {key(m.group(1)) for m in re.finditer(rf"\b(\w+)\.? {re.escape(surname)}\b", text)}
    return bool(said & lists["male_honorifics"]) and bool(said & lists["female_honorifics"])


def with_untagged(
    tagged: dict[str, list[tuple[int, str]]], untagged: list[tuple[int, str]]
) -> dict[str, list[tuple[int, str]]]:
    """The tagged full names by surname with the full names the tagger missed, in text order."""
    out = {surname: list(names) for surname, names in tagged.items()}
    for start, name in untagged:
        out.setdefault(surname_of(name), []).append((start, name))
    return {surname: sorted(names) for surname, names in out.items()}


def _tagged_full_names(annotated: AnnotatedArticle, text: str) -> list[tuple[int, str]]:
    """(start, text) of each person's name of two words or more the tagger found, in text order: those it
    tags as persons, and those it tags as organisations whose last word alone it tags as a person in the
    same article ('Tashfeen Malik' ORG beside 'Ms. Malik' PERSON: one name, one sense in one article)."""
    alone = {words_of(e) for e in annotated.entities if e.label == "PERSON" and len(words_of(e)) == 1}
    out = []
    for e in sorted(annotated.entities, key=lambda e: e.start):
        e = person_after_place(get_kb(), text, e) or e
        words = words_of(e := _own_name(e))
        if len(words) < 2 or _cut_initial(e.text) or _stance_or_broken(text, e) or acronym_surname(e.text, text):
            continue
        if e.label == "PERSON" or e.label == "ORG" and words[-1:] in alone and _org_shaped_person(e):
            out.append((e.start, e.text))
    return out


def person_after_place(kb: KnowledgeBase, text: str, e: Entity) -> Entity | None:
    """A tagged organisation that is a country's name and then a person's ('former special envoy to Ukraine Kurt
    Volker'): the country closes the description before it (after a lower-case preposition), so the person's name
    is the rest, as a person; None where the entity is no such pair."""
    if e.label != "ORG":
        return None
    if PLACE_BEFORE_NAME.search(text[max(e.start - 6, 0) : e.start]) is None:
        return None
    words = e.text.split()
    for n in (2, 1):
        rest = " ".join(words[n:])
        place = key(" ".join(words[:n]))
        if any(a.startswith("state:") for a in kb.index.get(place, [])) and person_shaped(kb, rest):
            return dataclasses.replace(e, text=rest, start=e.end - len(rest), label="PERSON")
    return None


def acronym_surname(name: str, text: str) -> bool:
    """A name whose last word is two to five capitals while another word is not written in capitals ('Junge SVP',
    'the SVP'): an acronym, an organisation's or a party's, no surname. Not a regnal number, a generational suffix
    or letters after a name (not_actors.yaml: generational_suffixes, post_nominals: 'Anthony Russell QC'), nor a
    word the article writes in lower case too, stressed ('Wylie AGAIN brought the kick-off out')."""
    words = [w for w in name.split() if w not in {"the", "The"}]
    if not words or not CAPITALS_WORD.fullmatch(words[-1]) or any(w.isupper() for w in words[:-1]):
        return False
    if ROMAN_NUMERAL.fullmatch(words[-1]):
        return False  # "Pope Benedict XVI", "Pope Leo XIII": a regnal number
    lists, last = get_kb().not_actors, words[-1].lower()
    if (last,) in lists["generational_suffixes"] or (last,) in lists["post_nominals"]:
        return False
    return last not in lower_words(text)


@lru_cache(maxsize=8)
def lower_words(text: str) -> frozenset[str]:
    """The words the text writes in lower case."""
    return frozenset(LOWER_WORD.findall(text))


def _org_shaped_person(e: Entity) -> bool:
    """Two or three capitalised words, none a word for an organisation, no article: shaped as a name."""
    words, raw = words_of(e), e.text.split()
    heads = get_kb().not_actors["org_heads"]
    shaped = all(w[:1].isupper() for w in raw) and raw[0].lower() != "the"
    return 2 <= len(words) <= 3 and shaped and not any((w,) in heads for w in words)


def tagged_first_names(annotated: AnnotatedArticle, text: str) -> frozenset[str]:
    """The first names of the persons the tagger found by at least two names ('Kimani' of 'Kimani Gray')."""
    return frozenset(
        words[0]
        for e in map(_own_name, annotated.entities)
        if e.label == "PERSON"
        and len(words := words_of(e)) > 1
        and not _cut_initial(e.text)
        and not _stance_or_broken(text, e)
    )


def _stance_or_broken(text: str, e: Entity) -> bool:
    """'pro-Israel' (a stance: nonactors.stance), or a name run across a paragraph break or into a quotation
    ("Rudy Giuliani Wear ‘Make Mexico" of a headline): no person's full name."""
    broken = PARAGRAPH_BREAK.search(e.text) is not None or QUOTE_INSIDE.search(e.text) is not None
    return stance(text, e) or broken


def _own_name(e: Entity) -> Entity:
    """A tagged person's name without its possessive ('Jeb Bush's exit') and without a capitalised preposition
    the tagger ran into it ('Beyond Washington, ...'; not_actors.yaml: opening_prepositions)."""
    e = _without_possessive(e)
    first, _, rest = e.text.partition(" ")
    if e.label != "PERSON" or not rest or not first[:1].isupper():
        return e
    if key(first) not in get_kb().not_actors["opening_prepositions"]:
        return e
    return dataclasses.replace(e, text=rest, start=e.end - len(rest))


def _without_possessive(e: Entity) -> Entity:
    """A tagged person's name without the possessive the tagger kept with it ("Jeb Bush's exit"): the
    surname is the word before it."""
    cut = re.sub(r"\s*['’]s$", "", e.text) if e.label == "PERSON" else e.text
    return e if cut == e.text else dataclasses.replace(e, text=cut, end=e.start + len(cut))


def _cut_initial(name: str) -> bool:
    toks = tokenize(name)
    return len(toks[-1].raw.rstrip(".")) == 1 if toks else True


def _model(doc: Doc, f: Found) -> bool:
    """'a 2013 Toyota Camry': a maker's name between a model year and a model's name is the vehicle
    (persons and states aside)."""
    if f.start == 0 or f.end >= len(doc.toks) or (f.ref.actor_id or "").startswith(("person:", "state:", "gov:")):
        return False
    year, model = doc.toks[f.start - 1], doc.toks[f.end]
    gap = doc.text[year.end : doc.toks[f.start].start]
    if not (len(year.raw) == 4 and year.raw.isdigit() and year.raw[:2] in {"19", "20"} and gap == " "):
        return False
    return model.raw[:1].isupper() and _joined(doc, f.end - 1, f.end + 1)


class EntitiesContaining:
    """An article's entities by start, to find those containing a span without a pass over all of them."""

    def __init__(self, entities: tuple[Entity, ...]) -> None:
        self.entities = entities
        self.order = sorted(range(len(entities)), key=lambda n: entities[n].start)
        self.starts = [entities[n].start for n in self.order]
        self.longest = max((max(e.end - e.start, 0) for e in entities), default=0)

    def of(self, start: int, end: int) -> list[Entity]:
        """The entities with ``e.start <= start and end <= e.end``, in the article's order."""
        # such an entity starts at or before ``start``, and no earlier than ``end`` less the longest entity
        lo, hi = bisect_left(self.starts, end - self.longest), bisect_left(self.starts, start + 1)
        found = [n for n in self.order[lo:hi] if self.entities[n].end >= end]
        return [self.entities[n] for n in sorted(found)]


def _inside_other_name(doc: Doc, f: Found, containing: EntitiesContaining) -> bool:
    """'US' in '40 million US dollars', 'China' in 'the South China Sea', 'the White House' in 'the
    White House Rose Garden': part of a longer name that is no actor (a sum, a sea, a building)."""
    start, end = doc.toks[f.start].start, doc.toks[f.end - 1].end
    for e in containing.of(start, end):
        if (e.label in NON_ACTOR_LABELS or e.label == "FAC") and e.start <= start and end <= e.end:
            whole = e.text.removeprefix("the ").strip()
            return whole != doc.text[start:end].removeprefix("the ").strip()
        if e.label == "ORG" and e.start <= start and end < e.end and _place_as_modifier(doc, f, e):
            return True
        if e.label == "ORG" and e.start < start and end == e.end and body_of_country(doc.kb, e):
            return True  # "the Democratic Party of Turkmenistan": the party is the actor, named with the state
        if e.label == "ORG" and e.start < start and end == e.end and _closes_org_name(doc, f, e):
            return True  # "the University of Athens", "Telecom Egypt": the organisation's name holds the place
        if e.label == "ORG" and e.start < start and end == e.end and _plural_after_place(doc, f):
            return True  # "the Dallas Mavericks": a team, not the French irregulars Phoenix calls 'Mavericks'
        if e.label == "ORG" and end < e.end and _firm_name_holds(doc, f, e):
            return True  # "ETA Systems Inc.": a firm's name, not the Basque armed group 'ETA'
    return False


def _firm_name_holds(doc: Doc, f: Found, e: Entity) -> bool:
    """A dictionary body that is no firm (nor an outlet) opening a longer name the tagger found that ends in more words
    and a firm's legal form ('ETA Systems Inc.'; not_actors.yaml: legal_forms): the firm's name, not that body."""
    entry = doc.kb.entries.get(f.ref.actor_id or "")
    if entry is None or entry.kind in {"person", "state"} or entry.sector in {"BUS", "MED"}:
        return False  # an outlet is a firm too ('Reuters Holdings PLC')
    rest = key(doc.text[doc.toks[f.end - 1].end : e.end])
    return len(rest) > 1 and rest[-1:] in doc.kb.not_actors["legal_forms"]  # a word of the firm's own, then the form


def _plural_after_place(doc: Doc, f: Found) -> bool:
    """A dictionary body named by one capitalised plural word right after a capitalised word that is no country,
    demonym or people, in one name the tagger found ('the Dallas Mavericks'): a team or a club named by its city."""
    word = doc.toks[f.start]
    if f.end - f.start != 1 or f.start == 0 or not (word.capitalised and word.raw.endswith("s")):
        return False
    if not (f.ref.actor_id or "").startswith(("org:", "group:")):
        return False  # "Nagorno-Karabakh Armenians", "the Republican Congress": a people, a state's body
    prev, known = doc.toks[f.start - 1], (doc.toks[f.start - 1].norm,)
    return prev.capitalised and _joined(doc, f.start - 1, f.end) and known not in doc.kb.demonyms | doc.kb.peoples


def _one_word_person_in_full_name(doc: Doc, f: Found, containing: EntitiesContaining) -> bool:
    """A dictionary person known by one word only (Phoenix's 'Hassan', a Jordanian prince) matched on the last word
    of a longer name the tagger calls a person ('Democratic Gov. Maggie Hassan'): that person, no one the
    dictionary knows."""
    entry = doc.kb.entries.get(f.ref.actor_id or "")
    if entry is None or entry.kind != "person" or any(" " in name for name in (entry.name, *entry.aliases)):
        return False
    start, end = doc.toks[f.start].start, doc.toks[f.end - 1].end
    return any(e.label == "PERSON" and e.start < start and e.end == end for e in containing.of(start, end))


def _closes_org_name(doc: Doc, f: Found, e: Entity) -> bool:
    """A country or a capital that closes a longer tagged organisation's name, after 'of' (or 'for' after a word
    for an organisation or a capitalised word of that name: 'Democracy for America') or right after a
    capitalised word that is no title or agent ('the University of Athens', 'Airlines for America', 'Telecom
    Egypt'), names that organisation, not a government."""
    if f.source != "kb" or not (f.ref.actor_id or "").startswith(("state:", "gov:")) or f.start == 0:
        return False
    prev = doc.toks[f.start - 1]
    if prev.norm == "of":
        return True
    if prev.norm == "for" and f.start > 1 and (doc.toks[f.start - 2].norm,) in doc.kb.not_actors["org_heads"]:
        return True  # "Airlines for America": a trade group's name
    opener = doc.toks[f.start - 2] if f.start > 1 else None
    if prev.norm == "for" and opener is not None and opener.start >= e.start and opener.capitalised:
        return True  # "Democracy for America": the tagged organisation's name runs from a capitalised word to it
    if not prev.capitalised or not _joined(doc, f.start - 1, f.start + 1):
        return False
    return title_at(doc, f.start - 1) is None and (prev.norm,) not in doc.kb.agents


def _capital_as_modifier(doc: Doc, f: Found) -> bool:
    """'a Paris boutique': a capital between an indefinite article and a common noun that is no agent
    ('a Moscow court' is one) modifies the noun; the article is the noun's, so no government is named. So does
    a capital between 'the' and lower-case words for an organisation ('The Mexico City advocacy group')."""
    if f.source != "kb" or not (f.ref.actor_id or "").startswith("gov:") or f.end >= len(doc.toks):
        return False
    start = f.start + 1 if doc.toks[f.start].norm == "the" else f.start
    if tuple(doc.norms[start : f.end]) not in doc.kb.capitals or start == 0:
        return False
    before, after = doc.toks[start - 1], doc.toks[f.end]
    if after.capitalised or not after.raw.isalpha():
        return False
    if before.norm == "the" and _org_word_after(doc, f.end):
        return True  # "The Mexico City advocacy group": where the group is based
    if before.norm not in {"a", "an"} or f.end - start != 1:
        return False
    return agent_after(doc, f.end, 0) is None


def _org_word_after(doc: Doc, k: int) -> bool:
    """One or two lower-case words from token k, joined to the name before them, end in a word for an
    organisation (not_actors.yaml: org_heads: 'advocacy group', 'research firm')."""
    for n in (k, k + 1):
        if n >= len(doc.toks) or not doc.toks[n].raw.islower() or not _joined(doc, k - 1, n + 1):
            return False
        if (doc.toks[n].norm,) in doc.kb.not_actors["org_heads"]:
            return True
    return False


def _names_a_thing(doc: Doc, f: Found) -> bool:
    """'the Paris agreement', 'the Iraq War': a capital's or a country's name before a word for a treaty, a
    war or a meeting names that thing by a place (not_actors.yaml: place_named_things, country_named_things), a
    country's name (not its adjective) before an invasion the country invaded (invaded_things)."""
    aid = f.ref.actor_id or ""
    if f.source != "kb" or not aid.startswith(("state:", "gov:")) or f.end >= len(doc.toks):
        return False
    start = f.start + 1 if doc.toks[f.start].norm == "the" else f.start  # the Found may hold its "the"
    if start == 0 or doc.toks[start - 1].norm != "the" or not _joined(doc, f.end - 1, f.end + 1):
        return False
    head = (doc.toks[f.end].norm,)
    capital = tuple(doc.norms[start : f.end]) in doc.kb.capitals
    lists = doc.kb.not_actors
    if (
        head in lists["invaded_things"]
    ):  # "the Iraq invasion": the country invaded; "the American invasion": the invader
        return tuple(doc.norms[start : f.end]) not in doc.kb.demonyms
    return head in lists["country_named_things"] or (capital and head in lists["place_named_things"])


def _place_of_attacks(doc: Doc, f: Found) -> bool:
    """'the Paris terror attacks', 'attacks like Paris and Brussels': a capital's name (or another name the
    dictionary gives a city: 'Brussels' for the EU) before a word for an attack with a modifier between
    (not_actors.yaml: attack_nouns, attack_modifiers), or given as an example of attacks ('like', 'such as',
    in a list), names where they struck, not a government."""
    aid, toks, lists = f.ref.actor_id or "", doc.toks, doc.kb.not_actors
    start = f.start + 1 if toks[f.start].norm == "the" else f.start
    if _capital_agent_of_attacks(doc, f, start):
        return True
    if (
        f.source != "kb"
        or not aid.startswith(("gov:", "igo:"))
        or tuple(doc.norms[start : f.end]) not in doc.kb.capitals
    ):
        return False
    k = f.end + 1 if f.end < len(toks) and (toks[f.end].norm,) in lists["attack_modifiers"] else f.end
    if k > f.end and k < len(toks) and (toks[k].norm,) in lists["attack_nouns"] and _joined(doc, f.start, k + 1):
        return True
    i = start - 1
    while i > 1 and toks[i].norm in {"and", "or"} and toks[i - 1].capitalised:
        i -= 2  # "attacks like Paris and Brussels": back over the list to its first name
    example = i > 0 and toks[i].norm == "like" or i > 1 and doc.norms[i - 1 : i + 1] == ["such", "as"]
    noun = i - (2 if toks[i].norm == "as" else 1)
    return example and noun >= 0 and (toks[noun].norm,) in lists["attack_nouns"]


def _in_for_name(doc: Doc, f: Found) -> bool:
    """'Obama for America', 'Democracy for America', 'Alternative for Germany': a capitalised word, 'for' and a
    country's name in running text (not a title-case headline) are an organisation's name, as campaign committees
    and advocacy groups are named: neither the country closing it nor the name opening it is an actor. Not a
    country before 'for' ('departs the UK for Germany': two places), nor a word before it that opens its sentence
    and that the tagger reads as no name's, where the capital shows no name ('Support for Israel')."""
    toks, aid = doc.toks, f.ref.actor_id or ""
    if not aid:
        return False
    if aid.startswith(("state:", "gov:")) and f.start > 1 and toks[f.start - 1].norm == "for":
        opener, country = f.start - 2, f.start
    elif f.end + 1 < len(toks) and toks[f.end].norm == "for" and toks[f.start].capitalised:
        opener, country = f.end - 1, f.end + 1
        if f.start > 0 and toks[f.start - 1].norm == "the":
            return False
    else:
        return False
    if not (toks[opener].capitalised and toks[opener].raw.isalpha()) or not _joined(doc, opener, country + 1):
        return False
    if opener < f.start and _opens_sentence(doc, opener) and not _tagged_name_word(doc, opener):
        return False  # "Support for Israel ... is a given": a capital that opens its sentence shows no name
    if country_at(doc, opener) is not None or country_at(doc, country) is None:
        return False
    return not title_case_line(doc.text, toks[opener].start, toks[country].end)


def without_groups_for_persons(doc: Doc, found: list[Found]) -> list[Found]:
    """``found`` without the words of a supporters' group named for a person (``_in_group_for_person``)."""
    persons = {f.start for f in found if (f.ref.actor_id or "").startswith("person:")}
    return [f for f in found if not _in_group_for_person(doc, f, persons)]


def _in_group_for_person(doc: Doc, f: Found, persons: set[int]) -> bool:
    """'Sikh Americans for Trump', 'Citizens for Trump', 'Hard Hats for Hillary': a capitalised plural, 'for' and a
    person's name in running text are a supporters' group's name, as campaign coalitions are named; neither the
    person closing it nor the people opening it acts there. Not a plural that opens its sentence ('Attorneys for
    Clinton said'), nor a title-case headline."""
    toks, aid = doc.toks, f.ref.actor_id or ""
    if aid.startswith("person:") and f.start > 1 and toks[f.start - 1].norm == "for" and _joined(doc, f.start, f.end):
        plural, person = f.start - 2, f.start
    elif aid and f.end + 1 < len(toks) and toks[f.end].norm == "for" and f.end + 1 in persons:
        plural, person = f.end - 1, f.end + 1
    else:
        return False
    word = toks[plural]
    if not (word.capitalised and word.raw.isalpha() and word.raw.endswith("s")) or not _joined(doc, plural, person + 1):
        return False
    if _opens_sentence(doc, plural) or not toks[person].capitalised or not _group_name_opens(doc, plural):
        return False
    return not title_case_line(doc.text, word.start, toks[person].end)


def _group_name_opens(doc: Doc, plural: int) -> bool:
    """The plural at token ``plural`` is the last of two capitalised words ('Sikh Americans', 'Hard Hats'), or a
    quotation mark or a word for naming comes right before it ('a group called Citizens for Trump'): a name's
    words, not a verb's object ('rallies Democrats for Clinton')."""
    toks = doc.toks
    before = toks[plural - 1] if plural > 0 else None
    if before is None:
        return False
    if set(doc.text[before.end : toks[plural].start]) & QUOTE_MARKS:
        return True
    if before.norm in {"called", "named", "dubbed"}:
        return True
    return before.capitalised and _joined(doc, plural - 1, plural + 1) and not _opens_sentence(doc, plural - 1)


def _tagged_name_word(doc: Doc, k: int) -> bool:
    """The tagger reads token k as a word of a person's or an organisation's name."""
    return _tagged_type(doc, k) in {"PERSON", "ORG"}


def _tagged_type(doc: Doc, k: int) -> str:
    """The entity type the tagger gives token k ('' for none)."""
    at = bisect_left(doc.parse.starts, doc.toks[k].start)
    tokens = doc.parse.tokens
    return tokens[at].ent_type if at < len(tokens) and tokens[at].start == doc.toks[k].start else ""


def _opens_sentence(doc: Doc, k: int) -> bool:
    """Token k is the text's first or follows a sentence's end."""
    return k == 0 or bool(SENTENCE_BREAKS & set(doc.text[doc.toks[k - 1].end : doc.toks[k].start]))


def _side_of_contest(doc: Doc, f: Found) -> bool:
    """'the final of the Copa America tournament between Argentina and Chile': a country's name after 'between'
    (or after the name and 'and' there) where a word for a contest or an event comes shortly before (not_actors.yaml:
    contest_words, events) names a team or a side in the contest, not the state."""
    toks = doc.toks
    if f.source != "kb" or not (f.ref.actor_id or "").startswith("state:"):
        return False
    i = f.start + 1 if toks[f.start].norm == "the" else f.start
    if i > 1 and toks[i - 1].norm == "and":
        i -= 2
        while i > 0 and toks[i - 1].capitalised and toks[i - 1].norm != "between":
            i -= 1  # back over the first side's name: "between Costa Rica and Chile"
    if i == 0 or toks[i - 1].norm != "between":
        return False
    lists, k = doc.kb.not_actors, i - 2
    while k >= max(i - 10, 0) and not SENTENCE_BREAKS & set(doc.text[toks[k].end : toks[k + 1].start]):
        if (toks[k].norm,) in lists["contest_words"] or (toks[k].norm,) in lists["events"]:
            return True  # "the final of the Copa America tournament between": in the same sentence
        k -= 1
    return False


def _capital_agent_of_attacks(doc: Doc, f: Found, start: int) -> bool:
    """'the Paris terrorist attacks': a capital's name and a word for attackers that is also one of an attack's
    modifiers (not_actors.yaml: attack_modifiers), read as that country's agents, before a word for attacks: the
    attacks are named by where they struck, as 'the Paris terror attacks' are."""
    toks, lists = doc.toks, doc.kb.not_actors
    if f.source != "kb" or f.end >= len(toks) or (toks[f.end - 1].norm,) not in lists["attack_modifiers"]:
        return False
    place = tuple(doc.norms[start : f.end - 1])
    return place in doc.kb.capitals and (toks[f.end].norm,) in lists["attack_nouns"] and _joined(doc, start, f.end + 1)


def _person_opens_org_name(doc: Doc, f: Found) -> bool:
    """'Trump University', 'the Trump Organization', 'the Bill and Hillary Clinton Foundation': a person's name
    that opens an organisation's name (``org_name_goes_on``) is no mention of the person; the organisation
    is the actor."""
    if not (f.ref.actor_id or "").startswith("person:"):
        return False
    if f.end < len(doc.toks) and doc.norms[f.end] == "and" and _full_name_found(doc, f):
        return False  # "John Bolton and Breitbart News ... editor": a full name shares no name with the next
    return org_name_goes_on(doc, f.end)


def _full_name_found(doc: Doc, f: Found) -> bool:
    """The name the mention was found by has two words or more ('John Bolton'; not 'Bill' of 'Bill and Melinda')."""
    start, end = f.core if f.core != (0, 0) else (doc.toks[f.start].start, doc.toks[f.end - 1].end)
    return len(doc.text[start:end].split()) > 1


def org_name_goes_on(doc: Doc, k: int) -> bool:
    """From token k on (past 'and' and another name), up to three capitalised words joined to the name before
    include a word for an organisation (not_actors.yaml: org_heads); not in a title-case headline, where
    every word is capitalised."""
    toks, first = doc.toks, k
    if k < len(toks) and toks[k].norm == "and":
        k += 1
    for n in range(k, min(k + 3, len(toks))):
        if not toks[n].capitalised or not _joined(doc, first - 1, n + 1) or toks[n].norm in POSSESSIVE:
            return False
        if (toks[n].norm,) in doc.kb.not_actors["org_heads"]:
            return not title_case_line(doc.text, toks[first - 1].start, toks[n].end)
    return False


def _closes_longer_name(doc: Doc, f: Found) -> bool:
    """'Organization' in 'Trump Organization': a dictionary alias that is one word for an organisation
    (not_actors.yaml: org_heads) right after a capitalised name closes that longer name; it names no one."""
    if f.end - f.start != 1 or f.start == 0 or (doc.toks[f.start].norm,) not in doc.kb.not_actors["org_heads"]:
        return False
    prev = doc.toks[f.start - 1]
    return prev.capitalised and prev.norm not in DETERMINERS and _joined(doc, f.start - 1, f.end)


def _made_product(doc: Doc, f: Found) -> bool:
    """'his Boeing 757', then 'the Boeing has flown': a maker's name for its model (``nonactors.made_product``);
    no person, state or government is a model."""
    if (f.ref.actor_id or "").startswith(("person:", "state:", "gov:")) or f.core == (0, 0):
        return False
    return made_product(doc.kb, doc.text, f.core[0], f.core[1])


def _sought_office(doc: Doc, f: Found) -> bool:
    """'a White House hopeful', 'a Senate race', 'running for Congress', 'win the White House', 'a nomination
    to the Supreme Court': a government's, a legislature's or a court's name as the office a candidate seeks
    or is named to (not_actors.yaml: prize_nouns, prize_verbs_for, prize_verbs, prize_words_to), not the body
    acting; after a candidate's surname and 'for' it names the candidate's committee, as the FEC's filings name
    them ('Kirkpatrick for Senate')."""
    aid = f.ref.actor_id or ""
    if f.source == "ner" or aid.startswith(("person:", "state:")) or f.ref.sector not in {"GOV", "LEG", "JUD"}:
        return False
    lists, toks = doc.kb.not_actors, doc.toks
    after = toks[f.end] if f.end < len(toks) and _joined(doc, f.end - 1, f.end + 1) else None
    if after is not None and after.raw.islower() and (after.norm,) in lists["prize_nouns"]:
        return True
    if _coordinated_before_prize(doc, f.end):
        return True  # "House and Senate candidates", "the top House, Senate, and gubernatorial races"
    k = f.start + 1 if toks[f.start].norm == "the" else f.start
    k -= 2 if k > 1 and toks[k - 1].norm == "the" else 1
    if k < 0 or not _joined(doc, k, f.start + 1):
        return False
    if toks[k].norm in PRIZE_PREPOSITIONS and k > 0 and _joined(doc, k - 1, k + 1):
        if toks[k].norm == "for" and toks[k - 1].capitalised and toks[k - 1].norm in doc.surnames:
            return True  # "The Kirkpatrick for Senate campaign": a candidate's committee, named for the office sought
        if toks[k].norm == "to" and _naming_verb_before(doc, k):
            return True  # "appoint antiabortion justices to the Supreme Court"
        return (toks[k - 1].norm,) in lists[PRIZE_PREPOSITIONS[toks[k].norm]]
    return (toks[k].norm,) in lists["prize_verbs"]


def _naming_verb_before(doc: Doc, k: int, words: int = 3) -> bool:
    """A word of naming someone to an office (not_actors.yaml: prize_words_to) up to ``words`` lower-case words
    before token k ('to'), nothing but spaces between: the object named, then the office ('appoint antiabortion
    justices to the Supreme Court')."""
    for b in range(k - 1, max(k - 2 - words, -1), -1):
        if not (doc.toks[b].raw.islower() and _joined(doc, b, b + 2)):
            return False
        if (doc.norms[b],) in doc.kb.not_actors["prize_words_to"]:
            return True
    return False


def _coordinated_before_prize(doc: Doc, k: int) -> bool:
    """From token k: 'and' or 'or' and other offices' names (capitalised, or one lower-case modifier right before
    the noun) up to a lower-case word for an office sought (not_actors.yaml: prize_nouns), with only spaces and
    commas between: the name before k is one of the offices sought."""
    toks, joined = doc.toks, False
    for n in range(k, min(k + 5, len(toks))):
        if doc.text[toks[n - 1].end : toks[n].start] not in {" ", ", "}:
            return False
        if toks[n].norm in {"and", "or"}:
            joined = True
        elif _prize_noun(doc, n):
            return joined
        elif not (toks[n].capitalised or toks[n].raw.islower() and _prize_noun(doc, n + 1)):
            return False
    return False


def _prize_noun(doc: Doc, n: int) -> bool:
    """Token n is a lower-case word for an office sought ('candidates', 'races'; not_actors.yaml: prize_nouns)."""
    return n < len(doc.toks) and doc.toks[n].raw.islower() and (doc.toks[n].norm,) in doc.kb.not_actors["prize_nouns"]


def _namesake_notion(doc: Doc, f: Found) -> bool:
    """'the Purcell doctrine', 'the Monroe Doctrine': a name between 'the' and a word for a legal or a policy notion
    (not_actors.yaml: namesake_notions) names the notion after a person or a case, no one acting."""
    toks = doc.toks
    if f.start == 0 or f.end >= len(toks) or toks[f.start - 1].norm != "the":
        return False
    if not _joined(doc, f.start - 1, f.end + 1):
        return False
    return (toks[f.end].norm,) in doc.kb.not_actors["namesake_notions"]


def _names_a_period(doc: Doc, f: Found) -> bool:
    """'White House-era documents': a body's name joined by a hyphen to a word for a period (not_actors.yaml:
    period_words) names a time, not the body acting (a person's, 'Bush-era', stays the person's)."""
    if (f.ref.actor_id or "").startswith("person:") or f.end >= len(doc.toks):
        return False
    gap = doc.text[doc.toks[f.end - 1].end : doc.toks[f.end].start]
    return gap == "-" and (doc.toks[f.end].norm,) in doc.kb.not_actors["period_words"]


def with_article_descriptions(doc: Doc, found: list[Found]) -> list[Found]:
    """On no date the knowledge base gives a listed person's latest term, which may not be the office the person
    held when the article was written: the article's own description of that person ('former Fla. Gov. Jeb Bush',
    'Sen. Marco Rubio'; ``described.py``) places each mention of the person instead."""
    if doc.date is not None:
        return found
    out = []
    for f in found:
        entry = doc.kb.entries.get(f.ref.actor_id or "")
        d = doc.described.get(key(entry.name)) if entry is not None and entry.kind == "person" else None
        if d is not None:
            ref = dataclasses.replace(f.ref, country=d.country or f.ref.country, sector=d.sector, role=d.text)
            f = dataclasses.replace(f, ref=ref)
        out.append(f)
    return out


def with_report_country(doc: Doc, found: list[Found]) -> list[Found]:
    """'Sen. Ted Cruz', 'Mayor Bill de Blasio', 'Republican presidential candidate X': a person placed in a
    state body, a party or the elite by the article's title or description but with no country holds that
    office in the country the report is about (``offices.report_country``), as CAMEO codes a senator of the
    report's country USALEG; where the report names no one country most, the person stays without one."""
    iso = report_country([(0, r.country) for f in found for r in (f.ref, *f.also) if r.country])
    if iso is None:
        return found
    out = []
    others = sorted(
        doc.toks[g.start].start for g in found if any(r.country not in {None, iso} for r in (g.ref, *g.also))
    )
    states = _us_state_starts(doc) if iso != "USA" else []
    for f in found:
        foreign = _starts_in_sentence(doc, others, f)
        here = "USA" if _starts_in_sentence(doc, states, f) else iso  # "Oregon, the homeland of Senator Ron Wyden"
        place = [_placed_in(doc, r, here, foreign) for r in (f.ref, *f.also)]
        out.append(dataclasses.replace(f, ref=place[0], also=tuple(place[1:])))
    return out


def _us_state_starts(doc: Doc) -> list[int]:
    """The first characters of the US states' names the article writes in full (described.yaml: states), not one
    a country bears too ('Georgia') unless the article means the state: a person placed by a title in a sentence
    that names one holds that office in the United States, whatever country the report is about ('apples from
    Washington -- to help sway the views of Senator Patty Murray', in a report about Mexico)."""
    out = []
    for i in range(len(doc.toks)):
        n = _us_state_len(doc, i)
        words = tuple(doc.norms[i : i + n])
        if n and (not any(e.startswith("state:") for e in doc.kb.index.get(words, ())) or words in us_state_names(doc)):
            out.append(doc.toks[i].start)
    return out


def _starts_in_sentence(doc: Doc, others: list[int], f: Found) -> bool:
    """One of ``others`` (sorted first characters: of the mentions of a country other than the report's, 'Gen.
    Khalifa Haftar, whose forces hold eastern Libya', or of the US states' names) lies in the sentence of ``f``."""
    start, end = doc.toks[f.start].start, doc.toks[f.end - 1].end
    opens = max(doc.text.rfind(c, 0, start) for c in SENTENCE_BREAKS) + 1
    closes = min((k for c in SENTENCE_BREAKS if (k := doc.text.find(c, end)) >= 0), default=len(doc.text))
    at = bisect_left(others, opens)
    return at < len(others) and others[at] < closes


def _placed_in(doc: Doc, ref: ActorRef, iso: str, foreign: bool = False) -> ActorRef:
    sector = (ref.sector or "").lower()  # the KB's word lists hold normal (lower-case) forms
    if ref.country or sector not in doc.kb.words["office_sectors"] or not (ref.actor_id or "").startswith("person:"):
        return ref
    title = set((ref.role or "").lower().replace(".", " ").split())
    if title & set(doc.kb.words["national_titles"]):
        return ref  # "President Adama Barrow": a title foreign leaders hold too
    if foreign and sector == "mil" and title & set(doc.kb.words["military_ranks"]):
        return ref  # "Gen. Khalifa Haftar, whose forces hold eastern Libya": a rank every state's forces use
    return dataclasses.replace(ref, country=iso)


def _in_quoted_title(doc: Doc, f: Found) -> bool:
    """'ABC's “Good Morning America”': a country's or a body's name from the dictionary inside a quoted title
    (``nonactors.quoted_title_case``) is a word of the title; a person's name there is left to the tagger."""
    if f.source != "kb" or (f.ref.actor_id or "").startswith("person:"):
        return False
    return quoted_title_case(doc.text, doc.toks[f.start].start, doc.toks[f.end - 1].end)


def _platform_as_medium(doc: Doc, f: Found) -> bool:
    """'posted on Twitter', 'channels such as Facebook, Twitter and Snapchat': a social network's name after
    'on', 'via' or a verb of spreading ('circulating Twitter'; not_actors.yaml: medium_words), or listed with
    another's (platforms), is the medium words are posted on, not the company that acts ('Twitter's director
    of ad sales')."""
    toks, platforms = doc.toks, doc.kb.not_actors["platforms"]
    if f.end - f.start != 1 or (toks[f.start].norm,) not in platforms:
        return False
    if f.start > 0 and (toks[f.start - 1].norm,) in doc.kb.not_actors["medium_words"]:
        return True
    if (
        f.start > 1
        and toks[f.start - 1].norm == "to"
        and (toks[f.start - 2].norm,) in doc.kb.not_actors["medium_verbs_to"]
    ):
        return True  # "took to Twitter to call out protestors": the medium one turns to
    if (
        f.start > 1
        and toks[f.start - 1].norm == "of"
        and (toks[f.start - 2].norm,) in doc.kb.not_actors["medium_nouns_of"]
    ):
        return True  # "the use of Twitter to promote terrorism"
    if _content_after(doc, f.end):
        return True  # "46,000 Twitter accounts", "a Twitter message": what is posted on the medium
    near = [k for k in (f.start - 2, f.start - 1, f.start + 1, f.start + 2) if 0 <= k < len(toks)]
    listed = any((toks[k].norm,) in platforms and _listed_next(doc, min(k, f.start), max(k, f.start)) for k in near)
    return listed


def _content_after(doc: Doc, k: int) -> bool:
    """Token k, joined by a space to the name before it, is a lower-case word for what is posted or held on a
    social network (not_actors.yaml: platform_content)."""
    if k >= len(doc.toks) or not doc.toks[k].raw.islower():
        return False
    return _joined(doc, k - 1, k + 1) and (doc.toks[k].norm,) in doc.kb.not_actors["platform_content"]


def _listed_next(doc: Doc, a: int, b: int) -> bool:
    """Tokens a and b are neighbours in a list: only a comma, 'and' or 'or' between them."""
    between = doc.text[doc.toks[a].end : doc.toks[b].start]
    return between.strip(" ,") in {"", "and", "or"} and "\n" not in between


def _opens_place_name(doc: Doc, f: Found) -> bool:
    """'the White House Rose Garden', 'Jamaica Hospital', 'Moscow River': the name opens a longer name
    (up to three more capitalised words, joined to it) that ends in a word for a place or a building."""
    lists = doc.kb.not_actors
    for k in range(f.end, min(f.end + 3, len(doc.toks))):
        tok = doc.toks[k]
        if not tok.raw[:1].isupper() or not tok.raw.isalpha() or not _joined(doc, k - 1, k + 1):
            return False
        if (tok.norm,) in lists["place_heads"] or (tok.norm,) in lists["facility_heads"]:
            return True
    return False


def _place_as_modifier(doc: Doc, f: Found, e: Entity) -> bool:
    """'the Washington Wizards', 'Tehran Times': a country or a capital that opens a longer tagged name,
    followed by a capitalised word that is no title, agent or name the KB knows, names no government."""
    if f.source != "kb" or not (f.ref.actor_id or "").startswith(("state:", "gov:")):
        return False
    nxt = f.end
    if nxt >= len(doc.toks) or doc.toks[nxt].start >= e.end or not _joined(doc, f.end - 1, nxt + 1):
        return False
    tok = doc.toks[nxt]
    if not tok.capitalised or tok.norm in POSSESSIVE or (tok.norm,) in doc.kb.not_actors["times"]:
        return False
    return title_at(doc, nxt) is None and agent_after(doc, nxt, 0) is None and kb_match(doc, nxt) is None


# ---------------------------------------------------------------------------- the pass
def scan(doc: Doc, i: int = 0, stop: int | None = None) -> list[Found]:
    out: list[Found] = []
    stop = len(doc.toks) if stop is None else stop
    while i < stop:
        got = detect(doc, i)
        if not got:
            i += 1
            continue
        got[-1] = possessive_office(doc, apposition(doc, got[-1]))
        for f in got:
            if not f.ref.actor_id and f.core != (0, 0):
                doc.no_actor.add(f.core)  # "than in the European Union": the tagger's ORG there is no actor
            if f.ref.actor_id:
                out.append(f)
                doc.mentioned.extend((f.ref, *f.also))
                doc.background.extend([in_background(doc, f.start)] * (1 + len(f.also)))
                doc.mentioned_at.extend([f.start] * (1 + len(f.also)))
                doc.mentioned_end.extend([f.end] * (1 + len(f.also)))
        i = max(f.end for f in got)
    return out


def in_background(doc: Doc, i: int) -> bool:
    """Token i follows ', as' / ', while' / ', amid' in its sentence: a background clause."""
    for x in range(i - 1, max(i - 40, 0), -1):
        gap = doc.text[doc.toks[x].end : doc.toks[x + 1].start]
        if any(c in gap for c in ".;?!\n"):
            return False
        before = doc.text[doc.toks[x - 1].end : doc.toks[x].start]
        if doc.toks[x].norm in doc.kb.words["background_openers"] and "," in before:
            return True
    return False


def detect(doc: Doc, i: int) -> list[Found]:
    for rule in (former_office_holder, titled, named, pair_anaphor, agent_in_place, news_media):
        f = rule(doc, i)
        if f is not None:
            return [f]
    return demonym_phrase(doc, i)


def _cap_ok(toks: list[Tok]) -> bool:
    if not any(t.capitalised for t in toks):
        return False
    return all(t.capitalised or t.norm in FUNCTION_WORDS for t in toks)


def _may_open_name(tok: Tok) -> bool:
    """Whether a span starting at this token can pass ``_cap_ok`` (each word capitalised or a function
    word): a quick no for most words of running text."""
    return tok.capitalised or tok.norm in FUNCTION_WORDS


def kb_match(doc: Doc, i: int) -> tuple[int, Entry] | None:
    """Longest KB alias starting at token i, written as a name is written."""
    toks = doc.toks
    if i >= len(toks) or doc.norms[i] not in doc.kb.name_openers and doc.norms[i] not in doc.seen:
        return None  # no alias starts with this word
    # a span is a name only if each of its words is capitalised or a function word (_cap_ok): no
    # longer span than that run starting at i is worth a lookup
    run = 0
    for t in toks[i : i + min(doc.kb.max_len, len(toks) - i)]:
        if not (t.capitalised or t.norm in FUNCTION_WORDS):
            break
        run += 1
    for n in range(run, 0, -1):
        k = tuple(doc.norms[i : i + n])
        if k not in doc.kb.index and k not in doc.kb.metonym_capitals and not (n == 1 and k[0] in doc.seen):
            if not (n == 1 and doc.date and _listed_surname_alone(doc, i)):
                continue  # a listed person's surname alone: that person only while in office then (KnowledgeBase.best)
        span = toks[i : i + n]
        if not _cap_ok(span) or (n == 1 and len(k[0]) <= 3 and not span[0].upper):
            continue
        if n == 1 and k in doc.kb.acronyms_only and not span[0].upper:
            continue  # "Dawn" is no "DAWN" (an NGO's acronym): a name written as a word
        if n > 1 and _broken(doc, i, i + n):
            continue  # "Marseilles ( France ) . Telecom Egypt": no name runs across a bracket
        if n == 1 and k[0] in AMBIGUOUS_SHORT and _shouted(doc, i):
            continue  # "AN AUSTRALIAN climber": a word in capitals among capitals, no acronym
        if n == 1 and k[0] in doc.seen:
            return n, None  # type: ignore[return-value]
        entry = doc.kb.best(k, doc.date)
        if entry:
            return n, entry
    return None


def _tagged_place_after_preposition(doc: Doc, j: int) -> bool:
    """Token j, a person's surname alone, is what the tagger calls a place right after a preposition of place ('It's a
    Saturday afternoon in Austin'): the place a person shares the name with."""
    return j > 0 and doc.norms[j - 1] in LOCATION_PREPS and _tagged_type(doc, j) in TAGGED_PLACES


def _listed_surname_alone(doc: Doc, i: int) -> bool:
    """Token i is a hand-listed person's surname, no generational suffix ('II' of 'King Abdullah II'), not after
    'the', and in no longer name the tagger found ('Jimmy Graham', 'Pope John Paul II': the tagger's to link)."""
    tok = doc.toks[i]
    if tok.norm not in doc.kb.surnames or (tok.norm,) in doc.kb.not_actors["generational_suffixes"]:
        return False
    if i > 0 and doc.norms[i - 1] == "the":
        return False  # "the Pence rule": a thing named after the person, left to the tagger's label
    return not any(
        start <= tok.start and tok.end <= start + len(name) and len(name) > len(tok.raw)
        for names in doc.full_names.values()
        for start, name in names
    )


def _broken(doc: Doc, a: int, b: int) -> bool:
    """A bracket, a colon, a semicolon, a question or exclamation mark or a line break stands between two of
    the tokens a..b-1 ('Chris.”\n\nChristie' is no 'Chris Christie')."""
    gaps = (doc.text[doc.toks[x].end : doc.toks[x + 1].start] for x in range(a, b - 1))
    return any(BREAKS & set(gap) for gap in gaps)


def _shouted(doc: Doc, i: int) -> bool:
    """The words on both sides of token i (where there are any) are written in capitals too."""
    near = [doc.toks[x] for x in (i - 1, i + 1) if 0 <= x < len(doc.toks)]
    return bool(near) and all(t.upper and len(t.raw) > 1 and t.raw.isalpha() for t in near)


def named(doc: Doc, i: int, with_the: bool = True) -> Found | None:
    toks = doc.toks
    j = i + 1 if with_the and toks[i].norm == "the" else i
    if j >= len(toks):
        return None
    hit = kb_match(doc, j)
    if hit is None or _pro_anti(doc, j):
        return None
    n, entry = hit
    if n == 1 and _postal_code_after_town(doc, j):
        return Found(j, j + 1, ActorRef(""), "kb", (toks[j].start, toks[j].end))  # "Fountain Valley, CA": a place
    full = _untagged_full_name(doc, j) if n == 1 else None
    if full is not None:  # "Ivanka Trump" (tagged a product) beside "Donald Trump": another person
        ref = _person_named(doc, full)
        remember(doc, full, ref)
        return Found(j - 1, j + 1, ref, "coref", (toks[j - 1].start, toks[j].end))
    if entry is not None and _post_held(doc, j, n, entry):
        return Found(j, j + n, ActorRef(""), "kb", (toks[j].start, toks[j + n - 1].end))  # "Former Secretary of State"
    if entry is not None and entry.kind == "state" and (_currency_after(doc, j + n) or _market_after(doc, j + n)):
        return Found(j, j + n, ActorRef(""), "kb", (toks[j].start, toks[j + n - 1].end))  # "19 United States cents"
    if entry is not None and entry.kind not in {"person", "state"} and _founding_document_after(doc, i, j, j + n):
        return Found(j, j + n, ActorRef(""), "kb", (toks[j].start, toks[j + n - 1].end))  # "the U.N. charter"
    chamber = _state_chamber(doc, j, n, entry)
    if chamber:  # "the Missouri Senate": a US state's legislature, not the US Congress
        legislature = ref_of(doc, doc.kb.sector_entry("USA", "LEG"))
        return Found(j - chamber, j + n, legislature, "kb", (toks[j - chamber].start, toks[j + n - 1].end))
    department = _state_department(doc, j, n, entry)
    if department:  # "an Arizona Department of Transportation sign": the state's government, not the federal one
        government = ref_of(doc, doc.kb.sector_entry("USA", "GOV"))
        return Found(j - department, j + n, government, "kb", (toks[j - department].start, toks[j + n - 1].end))
    if n == 1 and entry is not None and entry.kind not in {"person", "state"} and _common_noun_opening(doc, j):
        if key(entry.name)[-1:] != (doc.norms[j],):  # not the body's own name ('Earthjustice lawyer ...')
            return None  # "Youth joblessness among ...": a common noun opening a sentence, no group's alias
    core = (toks[j].start, toks[j + n - 1].end)
    if n == 1 and (entry is None or entry.kind == "person") and _opens_tagged_full_name(doc, j):
        return None  # "Paul Allen" after "Rand Paul": a given name, the first word of another person's name
    if entry is None:  # a surname already seen in this article
        if _other_full_name(doc, j, doc.seen[toks[j].norm]):
            return None  # "Melania Trump" after "Donald Trump": the tagger's full name, another person
        ref = _head_before_seat(doc, j, latest_bearer(doc, j, doc.seen[toks[j].norm]))  # "the Obama White House"
        return Found(j, j + n, ref, "coref", core)
    k = tuple(doc.norms[j : j + n])
    person = _tagged_person(doc, j) if n == 1 and entry.kind != "person" else None
    if person is not None:  # "Jerry Jordan ... Jordan said", "Michael Bloomberg ... Bloomberg": the person
        return Found(j, j + n, person, "coref", core)
    if n > 1 and entry.kind not in {"person", "state", "government", "agent"} and _tagged_full_name(doc, j, n):
        ref = _person_filed_as_group(doc, entry, j, n)  # "Edward Snowden", "Osama bin Laden": the person (a state's
        # own body, an "agent", is never one: "Border Patrol agents", tagged as a person, are the US agency)
        remember(doc, ref.name or "", ref)
        return Found(j, j + n, ref, entry.source, core)
    if entry.kind != "person" and _building_after(doc, j + n):  # "a Capitol Hill apartment"
        return Found(j, j + n, ActorRef(""), "kb", core)
    if _venue_of_event(doc, j + n, k):  # "a Capitol Hill rally", "a White House party": where it was held
        return Found(j, j + n, ActorRef(""), "kb", core)
    if entry.kind == "person" and n == 1 and _tagged_place_after_preposition(doc, j):
        return Found(j, j + n, ActorRef(""), "kb", core)  # "a Saturday afternoon in Austin": the city, no Lloyd Austin
    court = _court_after(doc, j + n) if entry.kind == "state" and entry.country else None
    if court:  # "Judge Posner of the United States Court of Appeals": that country's judiciary, never a place
        judiciary = ref_of(doc, doc.kb.sector_entry(entry.country or "", court[1]))
        return Found(j, court[0], judiciary, "kb", (toks[j].start, toks[court[0] - 1].end))
    if entry.kind in {"state", "government"} and _place_in_org_name(doc, j):
        return Found(
            j, j + n, ActorRef(""), "kb", core
        )  # "a University of Washington professor": the university's name
    place_name = entry.kind == "state" or (entry.kind == "government" and k in doc.kb.capitals)
    if _seat_or_union_as_place(doc, i, j, k) or _seat_as_building(doc, core, k):
        doc.last_place[j] = True  # "hosted a meal at the White House", "than in the European Union"
        return Found(j, j + n, ActorRef(""), "kb", core)
    if entry.kind == "state" and k in us_state_names(doc):
        doc.last_place[j] = True  # "won Georgia and Virginia": the US state, here and in the whole article
        return Found(j, j + n, ActorRef(""), "kb", core)
    capital = entry.kind == "government" and k in doc.kb.capitals
    if place_name and (used_as_place(doc, j, n) or doc.parse.called_a_place(*core, doc.kb.words["motion"], capital)):
        doc.last_place[j] = True
        return Found(j, j + n, ActorRef(""), "kb", core)  # a place, not an actor
    start = i if (j > i and entry.kind in {"government", "agent", "igo", "group"}) else j
    if entry.kind == "government" and k in doc.kb.capitals and entry.country:
        agent = agent_after(doc, j + n, 0)  # "Athens police": that country's police, not its government
        if agent and _club_name(doc, j + n, agent[0]):
            return Found(start, agent[0], ActorRef(""), "kb", core)  # "the Washington Nationals": a team
        if agent:
            sector_ref = ref_of(doc, doc.kb.sector_entry(entry.country, agent[1]))
            return Found(start, agent[0], sector_ref, "kb", (toks[j].start, toks[agent[0] - 1].end))
    if place_name and not doc.parse.state_acts(core[0], core[1], agent_heads(doc.kb)):
        doc.last_place[j] = True
        return Found(j, j + n, ActorRef(""), "kb", core)  # named in no actor's part: a place
    if entry.kind == "state" and entry.country:
        agent = _lower_agent_after(doc, j + n) or _court_after(doc, j + n)  # "the U.S. military", "a U.S. senator",
        # "the U.S. Court of Appeals": that body, not the state
        if agent and _former_title(doc, j, j + n, agent[0]):
            return Found(start, agent[0], ActorRef(""), "kb", core)  # "a former United States ambassador to Russia"
        if agent:
            sector_ref = ref_of(doc, doc.kb.sector_entry(entry.country, agent[1]))
            return Found(start, agent[0], sector_ref, "kb", (toks[j].start, toks[agent[0] - 1].end))
    ref = ref_of(doc, entry)
    if entry.kind == "person" and k[-1:] in doc.kb.not_actors["namesake_offices"] and ref.country:
        gov = ref_of(doc, doc.kb.sector_entry(ref.country, "GOV"))  # Phoenix's alias "Obama Administration"
        return Found(start, j + n, gov, "coref", core, ref)  # is the government he heads, not the man
    if entry.kind == "person" and n == 1:
        ref = latest_bearer(doc, j, ref)  # "Bush" after "Jeb Bush": not the KB's George W. Bush
    if entry.kind == "person":
        remember(doc, ref.name or entry.name, ref)
    return Found(start, j + n, ref, entry.source, core)


def _postal_code_after_town(doc: Doc, j: int) -> bool:
    """A US state's postal code after a capitalised name and a comma, closed by a comma, a full stop or the text's
    end ('in Newport Beach, CA, according to', 'at Fry's in Fountain Valley, CA.'): the state of an address, a
    place, not the body the KB knows by those capitals."""
    tok = doc.toks[j]
    if j < 1 or tok.raw.rstrip(".") not in described_words().postal_codes or not doc.toks[j - 1].capitalised:
        return False
    if doc.text[doc.toks[j - 1].end : tok.start].strip() != ",":
        return False
    after = doc.text[tok.end : doc.toks[j + 1].start if j + 1 < len(doc.toks) else len(doc.text)].strip()
    return tok.raw.endswith(".") or after[:1] in {"", ",", ".", ";", ")"}


def _former_title(doc: Doc, j: int, k: int, end: int) -> bool:
    """A title in lower case after a country's name (tokens k..end-1: 'a former United States ambassador to Russia',
    'The former first lady and U.S. senator') that 'former' (not_actors.yaml: post_openers) opens, in the same
    phrase, is a post the person described held, not that country's body acting."""
    if not any(tuple(doc.norms[k:m]) in doc.kb.titles for m in range(k + 1, end + 1)):
        return False
    for at in range(j - 1, max(j - 6, -1), -1):
        if doc.norms[at] in ARTICLE_WORDS or not doc.toks[at].raw.isalpha() or not _joined(doc, at, at + 2):
            return False  # "the former secretary of State, U.S. senator": a list, 'former' of its first item
        if (doc.norms[at],) in doc.kb.not_actors["post_openers"]:
            return True
    return False


def _place_in_org_name(doc: Doc, j: int) -> bool:
    """A capitalised word for an organisation and 'of' right before token j ('University of Washington', 'the
    Institute of Peace'; not_actors.yaml: short_heads): the place closes that organisation's name."""
    if j < 2 or doc.norms[j - 1] != "of" or not _joined(doc, j - 2, j + 1) or not doc.toks[j - 2].capitalised:
        return False
    return (doc.norms[j - 2],) in doc.kb.not_actors["short_heads"]


def _post_held(doc: Doc, j: int, n: int, entry: Entry) -> bool:
    """'Former Secretary of State and Democratic presidential frontrunner Hillary Clinton', 'you cannot be Secretary
    of State', 'during her time as Secretary of State': a body's name from the dictionary that is an office's title
    (kb.yaml: titles) after 'former', a form of 'be' or 'become', or 'as' (not_actors.yaml: post_openers) names a
    post someone held or would hold, not the body acting (a title right before a name is the person's: ``titled``)."""
    before = j - 1
    if before > 0 and (doc.norms[before],) in doc.kb.not_actors["post_modifiers"]:
        before -= 1  # "as the next President of the United States"
    before -= before > 0 and doc.norms[before] in {"the", "a"}
    if before < 0 or (doc.norms[before],) not in doc.kb.not_actors["post_openers"] or entry.kind in {"person", "state"}:
        return False
    title = title_at(doc, j)
    end = j + title[0] if title is not None else j
    country = end + 1 + (end + 1 < j + n and doc.norms[end + 1] == "the")
    if j < end < j + n and doc.norms[end] == "of" and (of := demonym_at(doc, country)) is not None:
        end = country + of[0]  # "President of the United States": a title and its country
    return end == j + n


def _currency_after(doc: Doc, k: int) -> bool:
    """A lower-case word for money right after a country's name ('19 United States cents', 'U.S. dollars';
    not_actors.yaml: currency_words): the country names a currency, no state acting."""
    if k >= len(doc.toks) or not doc.toks[k].raw.islower() or not _joined(doc, k - 1, k + 1):
        return False
    return (doc.norms[k],) in doc.kb.not_actors["currency_words"]


def _founding_document_after(doc: Doc, i: int, j: int, k: int) -> bool:
    """'the U.N. charter', 'the NATO charter': a body's name between 'the' and a lower-case word for its founding
    document (not_actors.yaml: founding_documents) names the document, not the body acting."""
    if k >= len(doc.toks) or not doc.toks[k].raw.islower() or not _joined(doc, k - 1, k + 1):
        return False
    the = (j > 0 and doc.norms[j - 1] == "the") or (i < j and doc.norms[i] == "the")
    return the and (doc.norms[k],) in doc.kb.not_actors["founding_documents"]


def _market_after(doc: Doc, k: int) -> bool:
    """A lower-case word for a market right after a country's name ('U.S. market leader'; not_actors.yaml:
    market_words), not before a word for its regulator: the country names where goods are sold, no state acting."""
    lists = doc.kb.not_actors
    if k >= len(doc.toks) or not doc.toks[k].raw.islower() or not _joined(doc, k - 1, k + 1):
        return False
    if (doc.norms[k],) not in lists["market_words"]:
        return False
    return k + 1 >= len(doc.toks) or (doc.norms[k + 1],) not in lists["market_bodies"]


def _untagged_full_name(doc: Doc, j: int) -> str | None:
    """The full name the tagger missed whose first word is right before the surname at token j, or None."""
    if j == 0 or doc.text[doc.toks[j - 1].end : doc.toks[j].start] != " ":
        return None
    name = doc.untagged.get(doc.toks[j - 1].start)
    return name if name is not None and surname_of(name) == doc.toks[j].norm else None


def _state_chamber(doc: Doc, j: int, n: int, entry: Entry | None) -> int:
    """How many words before token j name a US state (with 'State': 'the New York State Senate') where the
    words j..j+n-1 name a chamber the knowledge base files under the US legislature ('Senate', 'House',
    'General Assembly'; not_actors.yaml: state_chambers): a state's own legislature, not Congress; else 0."""
    if (
        entry is None
        or entry.country != "USA"
        or tuple(doc.norms[j : j + n]) not in doc.kb.not_actors["state_chambers"]
    ):
        return 0
    return _us_state_before(doc, j)


def _state_department(doc: Doc, j: int, n: int, entry: Entry | None) -> int:
    """How many words before token j name a US state where the words j..j+n-1 name a federal department by its
    'Department of' name ('an Arizona Department of Transportation sign', 'the California Department of
    Transportation'): that state's own department, a part of the state's government, not the federal one; else 0."""
    if entry is None or entry.country != "USA" or entry.kind == "person" or doc.norms[j] != "department":
        return 0
    return _us_state_before(doc, j)


def _us_state_before(doc: Doc, j: int) -> int:
    """How many words right before token j (with 'State': 'New York State') name a US state, else 0."""
    k = j - 1 if j > 0 and doc.norms[j - 1] == "state" and doc.toks[j - 1].capitalised else j
    for m in (2, 1):
        if k - m >= 0 and _us_state_len(doc, k - m) == m and _joined(doc, k - m, j + 1):
            return j - (k - m)
    return 0


def _common_noun_opening(doc: Doc, j: int, parsed: bool = True) -> bool:
    """Token j opens a sentence (or a line), is followed by a word in lower case and is tagged a common noun:
    capitalised only because it comes first ('Youth joblessness', where Phoenix files 'Youth' as a group)."""
    tok = doc.toks[j]
    before = doc.text[max(tok.start - 3, 0) : tok.start].strip(" \"“‘'")
    if before and before[-1] not in SENTENCE_BREAKS:
        return False
    if j + 1 >= len(doc.toks) or not doc.toks[j + 1].raw[:1].islower() or tok.upper:
        return False
    return not parsed or doc.parse.common_noun_at(tok.start)


def _common_noun_first(doc: Doc, j: int) -> bool:
    """A tagged name of one word in the plural opening a sentence, that the article writes in lower case too
    ('Rabbis vow to boycott ...' beside 'a group of rabbis'), or one the parse reads as a common noun before the
    noun it modifies ('Bank executives aren't.' beside 'the bank said'): the common noun, whatever the tagger
    says."""
    tok = doc.toks[j]
    if tok.upper or not common_word(doc.kb, doc.text, tok.norm):
        return False
    if tok.raw.endswith("s"):
        return _common_noun_opening(doc, j, parsed=False)
    return _common_noun_opening(doc, j) and doc.parse.modifies_next(tok.start)


def _lower_agent_after(doc: Doc, k: int) -> tuple[int, str] | None:
    """A singular agent noun or a title written in lower case right after a country's name ('the U.S.
    military said', 'a U.S. senator', 'U.S. government officials'; not 'Jamaica Hospital'): (its end, its
    sector), the one body of that country the words name. A plural ('US forces left the base') stays the
    state, acting through its people."""
    if k >= len(doc.toks) or not doc.toks[k].raw.islower() or not _joined(doc, k - 1, k + 1):
        return None
    if doc.norms[k] in doc.kb.words["court_levels"] and _joined(doc, k, k + 2):
        court = _lower_agent_after(doc, k + 1)  # "the U.S. district judge": the US judiciary
        if court and court[1] == "JUD":
            return court
    agent = agent_after(doc, k, 0)
    if agent and doc.toks[agent[0] - 1].norm.endswith("s"):  # "U.S. government officials": the government
        sector = agent_sector(doc, (doc.norms[k],)) if agent[0] > k + 1 else None
        agent = (k + 1, sector) if sector else None
        if agent is None:
            return None
    if agent is None:
        title = next(((k + n, v[1]) for n in (2, 1) if (v := doc.kb.titles.get(tuple(doc.norms[k : k + n])))), None)
        agent = title if title and _joined(doc, k, title[0]) else None
    return agent


def _court_after(doc: Doc, k: int) -> tuple[int, str] | None:
    """'the U.S. Court of Appeals', 'a U.S. District Court': a capitalised court, alone or after a word for its
    level (kb.yaml words: court_levels), right after a country's name is that country's judiciary: (its end,
    'JUD'), or None."""
    at = k + 1 if k < len(doc.toks) and doc.norms[k] in doc.kb.words["court_levels"] else k
    if at >= len(doc.toks) or doc.toks[at].raw != "Court" or not _joined(doc, k - 1, at + 1):
        return None
    return at + 1, "JUD"


def _club_name(doc: Doc, a: int, b: int) -> bool:
    """The agent noun after a city (tokens a..b-1) is written capitalised and plural in running text, not in
    a headline's run of capitals: a team's or a club's name ('the Washington Nationals', 'the Ottawa
    Senators'), not that country's people or body ('Athens police', 'Moscow Police')."""
    words = doc.toks[a:b]
    if not words or not all(t.raw[:1].isupper() and not t.raw.isupper() for t in words):
        return False
    after = doc.toks[b] if b < len(doc.toks) and _joined(doc, b - 1, b + 1) else None
    return words[-1].raw.endswith("s") and (after is None or not after.raw[:1].isupper())


@lru_cache(maxsize=2)  # one KB per process (get_kb); a test may build another
def agent_heads(kb: KnowledgeBase) -> frozenset[str]:
    """One-word agents and titles ('police', 'army', 'spokesman', 'general') and a state's acts ('raids',
    'sanctions'): a country's name that modifies one names the state ('U.S. Surgeon General', 'Athens
    police', 'a Kenya proposal')."""
    words = [k[0] for k in (*kb.agents, *kb.titles) if len(k) == 1]
    return frozenset(words) | frozenset(w + "s" for w in words) | frozenset(kb.words["state_acts"])


def _building_after(doc: Doc, k: int) -> bool:
    """A lower-case word for a building right after a body's name ('a Capitol Hill apartment'), or a word for a
    compound that closes no organisation's name ('a CIA Annex'): the building, a place (not_actors.yaml:
    facility_heads, compound_heads)."""
    if k >= len(doc.toks) or not _joined(doc, k - 1, k + 1):
        return False
    word = (doc.toks[k].norm,)
    if doc.toks[k].capitalised:  # "the Pew Research Center": the centre's own name
        return word in doc.kb.not_actors["compound_heads"]
    return word in doc.kb.not_actors["facility_heads"]


def _venue_of_event(doc: Doc, k: int, name: tuple[str, ...]) -> bool:
    """A government's seat (not_actors.yaml: seat_buildings) before a lower-case word for an event held
    somewhere (venue_events) is the building the event was held in."""
    if name not in doc.kb.not_actors["seat_buildings"] or k >= len(doc.toks) or doc.toks[k].capitalised:
        return False
    return _joined(doc, k - 1, k + 1) and (doc.toks[k].norm,) in doc.kb.not_actors["venue_events"]


def _tagged_person(doc: Doc, j: int) -> ActorRef | None:
    """The person the tagger named earlier whose surname is the word at j; not where that 'surname' is written
    in capitals there, an acronym the dictionary knows ('the Indiana GOP', tagged as a person: the party)."""
    hit = doc.surnames.get(doc.toks[j].norm)
    if hit is None or hit[0] >= doc.toks[j].start:
        return None
    name = hit[1]
    last = name.split()[-1].rstrip("’'s")
    if len(last) > 1 and last.isupper() and doc.toks[j].raw.isupper():
        return None
    ref = doc.seen.get(key(name)[-1])
    return ref or ActorRef(name, None, None, None, f"person:{slug(name)}")


def _tagged_full_name(doc: Doc, j: int, n: int) -> bool:
    """Tokens j..j+n-1 are, word for word, a person's full name the tagger found there, with no word for an
    organisation in it ('Harry Winston Diamond Corp' is the firm)."""
    words = tuple(doc.norms[j : j + n])
    lists = doc.kb.not_actors
    if any((w,) in lists["org_heads"] or (w,) in lists["name_suffixes"] for w in words):
        return False
    return any(start == doc.toks[j].start and key(name) == words for start, name in doc.full_names.get(words[-1], []))


def _person_filed_as_group(doc: Doc, entry: Entry, j: int, n: int) -> ActorRef:
    """A person the dictionary files as an organisation or a group (Phoenix codes 'Edward Snowden' as a US
    opposition body, 'Osama bin Laden' as al-Qaeda, and lists 'Abu Bakr al-Baghdadi' as a name of the Islamic
    State) where the tagger reads a person's full name: the person, with the entry's codes where the words are
    the entry's own name."""
    name = doc.text[doc.toks[j].start : doc.toks[j + n - 1].end]
    own = key(entry.name) == key(name)
    return ActorRef(name, entry.country if own else None, entry.sector if own else None, None, f"person:{slug(name)}")


def _opens_tagged_full_name(doc: Doc, j: int) -> bool:
    """Token j is a given name the knowledge base's own persons bear and the first word of a full name the tagger
    found ('Paul' of 'Paul H. Chipok'; not 'Obama' of 'the Obama White House', tagged as a person)."""
    if doc.norms[j] not in doc.kb.listed_given_names:
        return False
    at = doc.toks[j].start
    return any(start == at for names in doc.full_names.values() for start, _ in names)


def _other_full_name(doc: Doc, j: int, ref: ActorRef) -> bool:
    """The surname at token j ends a full name the tagger found ('Melania Trump') whose first names are not
    those of the person the surname was kept for ('Donald Trump'): that name is another person's."""
    tok = doc.toks[j]
    before = doc.toks[j - 1].raw if j else ""
    if not (before.isalpha() or INITIALS.fullmatch(before)) or doc.text[doc.toks[j - 1].end : tok.start] != " ":
        return False  # "Weak - Rubio": no first name (or initials: "George H.W. Bush") right before the surname
    for start, name in doc.full_names.get(tok.norm, []):
        if start < tok.start and start + len(name) == tok.end and not same_person(name, ref.name or ""):
            return True
    return False


def latest_bearer(doc: Doc, j: int, ref: ActorRef) -> ActorRef:
    """``_latest_bearer``, and not the person the same sentence names in full (``_named_beside``)."""
    return _named_beside(doc, j, _latest_bearer(doc, j, ref))


def _named_beside(doc: Doc, j: int, ref: ActorRef) -> ActorRef:
    """A bare surname at token j in a sentence that names its person in full is another person of that surname
    named in full before ('gifts that came from Trump's businesses, Eric Trump's foundation received': his father,
    Donald Trump), the one named most: news names one person once per sentence. Not across a quotation mark (a
    quotation names whom it will: '"It's not just Bernie Sanders saying ...," Sanders told CNN'), after an honorific
    (``honorific_bearer`` reads it), or before a lower-case word it modifies ('The Trump team ... the speech Melania
    Trump delivered'); no full name whose first word the article writes in lower case ('Longtime Clinton')."""
    toks, names = doc.toks, doc.full_names.get(doc.toks[j].norm, [])
    word = doc.parse.head_of(toks[j].start, toks[j].end)
    if (j > 0 and _honorific_gender(doc, j - 1)) or (word is not None and word.dep == "compound"):
        return ref
    if not any(same_person(name, ref.name or "") and _said_beside(doc, j, start) for start, name in names):
        return ref
    lowered = lower_words(doc.text)
    others = [
        name
        for start, name in names
        if start < toks[j].start and not same_person(name, ref.name or "") and key(name)[0] not in lowered
    ]
    if not others:
        return ref
    counts = Counter(key(name) for name in others)
    return _person_named(doc, max(others, key=lambda name: counts[key(name)]))


def _said_beside(doc: Doc, j: int, start: int) -> bool:
    """The name at character ``start`` is in token j's sentence, no quotation mark between them."""
    a, b = sorted((j, bisect_left(doc.starts, start)))
    between = APOSTROPHE.sub("", doc.text[doc.toks[a].end - 1 : doc.toks[b].start])  # "Trump's businesses"
    return _in_one_sentence(doc, a, b) and not QUOTE_MARKS.intersection(between)


def _latest_bearer(doc: Doc, j: int, ref: ActorRef) -> ActorRef:
    """A bare surname at token j kept for a person not yet named in full before j (the knowledge base's
    George W. Bush, matched by the 'Bush' of 'Jeb Bush') means the person named in full with it most often
    before j, the one named last among equals (the tagger's full names): 'Bush' in a report that has named
    'Jeb Bush' twice is Jeb Bush. A person named in full before j first, or as often as any other, keeps the
    surname ('Mrs. Clinton' after 'Hillary Clinton', though 'Bill Clinton' came between); one named later and
    less often does not ('Mr. Bush' after 'Jeb Bush' twice and then 'George W. Bush' once is Jeb Bush)."""
    before = [
        name
        for start, name in doc.full_names.get(doc.toks[j].norm, [])
        if start < doc.toks[j].start and key(name)[:1] not in doc.kb.not_actors["bare_titles"]  # not "Insp Gaskin"
    ]
    if not before:
        return honorific_bearer(doc, j, ref)
    counts = Counter(key(n) for n in before)
    name = max(reversed(before), key=lambda n: counts[key(n)])  # max keeps the first: reversed, the latest
    kept = sum(1 for n in before if same_person(n, ref.name or ""))  # 'Donald J. Trump' is 'Donald Trump'
    first = same_person(before[0], ref.name or "")
    if same_person(name, ref.name or "") or kept and (kept >= counts[key(name)] or first):
        return honorific_bearer(doc, j, ref)  # named in full first, or as often: still that person
    return honorific_bearer(doc, j, _person_named(doc, name))


def _person_named(doc: Doc, name: str) -> ActorRef:
    """The KB's person of that full name, or an unknown person of it."""
    known = doc.kb.best(key(name), doc.date)
    if known is not None and known.kind == "person":
        return ref_of(doc, known)
    return misspelt_known(doc, name) or ActorRef(name, None, None, None, f"person:{slug(name)}")


def honorific_bearer(doc: Doc, j: int, ref: ActorRef) -> ActorRef:
    """A bare surname at token j after an honorific that says a man or a woman ('Mrs. Clinton'), where the
    person the surname was kept for is the other (the article calls him 'Mr. Clinton': the honorific that
    first follows his full name): the person named in full with that surname whom no honorific sets apart
    ('Hillary Clinton' beside 'Bill Clinton'), the one named most; the kept person where there is none."""
    gender = _honorific_gender(doc, j - 1) if j > 0 else None
    if gender is None or not ref.name:
        return ref
    genders = _bearer_genders(doc, doc.toks[j].norm)
    kept = {g for name, g in genders.items() if same_person(name, ref.name)}
    spouse = [name for name, g in genders.items() if g == gender and name in doc.couples]
    if not kept and len(spouse) == 1:
        return _person_named(doc, spouse[0])  # 'Mr. Khan' after 'Khizr and Ghazala Khan' and their son named
    if kept != {_other(gender)}:
        return ref
    names = [n for _, n in _honorific_bearers(doc, doc.toks[j].norm)]
    others = [n for n in names if not same_person(n, ref.name) and genders.get(n) in {None, gender}]
    if not others:
        return ref
    counts = Counter(others)
    return _person_named(doc, max(others, key=lambda n: (genders.get(n) == gender, counts[n])))


def _other(gender: str) -> str:
    return "female" if gender == "male" else "male"


def _honorific_gender(doc: Doc, i: int) -> str | None:
    """'male' after 'Mr.', 'female' after 'Mrs.', 'Ms.', 'Miss' (not_actors.yaml), else None."""
    lists = doc.kb.not_actors
    word = (doc.toks[i].norm,)
    return "male" if word in lists["male_honorifics"] else "female" if word in lists["female_honorifics"] else None


def _bearer_genders(doc: Doc, surname: str) -> dict[str, str]:
    """Each full name the article writes with ``surname`` -> the gender of the first honorific written with
    the bare surname after it and before another person's full name with it ('Bill Clinton ... Mr. Clinton'),
    unless a person named in full before it holds that gender already (that person may still be spoken of)."""
    full = _honorific_bearers(doc, surname)
    titled = [
        (doc.toks[k].start, g)
        for k in range(1, len(doc.toks))
        if doc.norms[k] == surname and (g := _honorific_gender(doc, k - 1)) is not None
    ]
    out = {name: g for _, name in full if (g := doc.couples.get(name))}  # a couple's: by the order of 'Mr. and Mrs.'
    for n, (start, name) in enumerate(full):
        stop = next((s for s, other in full[n + 1 :] if not same_person(other, name)), len(doc.text))
        first = next((g for at, g in titled if start < at < stop), None)
        if first is not None and name not in out and first not in out.values():
            out[name] = first
    return out


def _honorific_bearers(doc: Doc, surname: str) -> list[tuple[int, str]]:
    """The full names with ``surname`` an honorific may name: the article's, with the husband of a couple named by
    two given names ('Khizr and Ghazala Khan'), who is named in full nowhere else; in text order."""
    couples = [(start, name) for start, name in doc.couple_firsts if surname_of(name) == surname]
    return sorted([*doc.full_names.get(surname, []), *couples])


def ref_of(doc: Doc, entry: Entry, role: str | None = None) -> ActorRef:
    a = entry.actor(doc.date)
    return ActorRef(a.name, a.country, a.sector, role or a.role, a.id)


def remember(doc: Doc, name: str, ref: ActorRef) -> None:
    """Keep the person for later bare surnames; the first person named keeps a shared surname."""
    k = key(name)
    if len(k) > 1:
        before = doc.seen.get(k[-1])
        if before is None or same_person(name, before.name):
            doc.seen[k[-1]] = ref
        names = doc.first_names.setdefault(k[0], [])
        names.append(k)
        first = doc.firsts.setdefault(k[0], ref)
        if first is not None and first.actor_id != ref.actor_id and not _parts_of_one_name(names):
            doc.firsts[k[0]] = None  # two persons named in full share the first word: it names neither


def _parts_of_one_name(names: list[tuple[str, ...]]) -> bool:
    """Every full name is the longest one's words, in order, less some ('Nancy Reagan', 'Nancy Davis' and
    'Nancy Davis Reagan': one woman by her maiden and her married name; 'Hillary Rodham Clinton')."""
    longest = max(names, key=len)
    return all(_subsequence(n, longest) for n in names)


def _subsequence(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    words = iter(long)
    return all(w in words for w in short)


def used_as_place(doc: Doc, j: int, n: int) -> bool:
    """'in Moscow', 'airstrikes in Syria' are places; 'Moscow said', 'ties with Tehran' are actors."""
    toks = doc.toks
    if j + n < len(toks) and toks[j + n].norm in POSSESSIVE:
        return _place_possessed(doc, j + n + 1)  # "New Zealand's highest peak"; "Israel's army" acts
    if j + n < len(toks) and toks[j + n].norm in BIRTHPLACE and _joined(doc, j + n - 1, j + n + 1):
        return True  # "New Zealand-born", "a New Zealand native": where a person comes from
    if j + n < len(toks) and (toks[j + n].norm,) in doc.kb.not_actors["basis_words"] and _joined(doc, j, j + n + 1):
        return True  # "a London-based jeweler": where a firm sits (not_actors.yaml: basis_words)
    for _ in range(2):  # "in northern Iraq", "in the occupied West Bank"
        if j > 1 and toks[j - 1].norm in doc.kb.words["place_modifiers"] and _joined(doc, j - 1, j + 1):
            j -= 1
    prev = toks[j - 1].norm if j > 0 else ""
    if j > 0 and CLOCK.fullmatch(toks[j - 1].raw):
        return True  # "7 : 00pm UK": the country names the clock's time zone
    if _bracketed_after_name(doc, j, n):
        return True  # "Abu Talat ( Egypt )": the country a place named before it lies in
    if _dateline_country(doc, j, n) or _dateline_opener(doc, j, n):
        return True  # "Mannheim , Germany ( Sports Network ) -", "MOSCOW —": where the report was filed
    if _country_of_place_before(doc, j, n):
        return True  # "the terrorist attack in Benghazi, Libya": the country the place named before lies in
    if _restates_place_noun(doc, j, n):
        return True  # "the troops guarding the embassy in the capital, Kabul."
    if prev == "between" and j > 2 and toks[j - 2].capitalised and _joined(doc, j - 3, j):
        return True  # "the Gulf of Aden between Somalia and Yemen": a place between places
    if _paired_with_place(doc, j):
        return True  # "between Sicily and Tunisia": the other end is a place the KB knows as no actor
    if prev in GOV_PREPS:
        return False
    if prev in doc.kb.words["place_objects"] and _joined(doc, j - 1, j + 1):
        return True  # "entering the United States", "Christians fleeing Syria": where one goes or comes from
    if prev == "to" and _route_from(doc, j - 1):
        return True  # "from Hong Kong to Moscow": the two ends of a way
    if prev == "to":  # "flew to Moscow" is a place; "offered to Britain", "a reminder to Iraq" an actor
        return any(t.norm in doc.kb.words["motion"] for t in toks[max(j - 5, 0) : j - 1])
    if prev == "of" and j >= 2 and toks[j - 2].norm in doc.kb.words["place_nouns"]:
        return True  # "the island of Cyprus"
    if prev == "of" and j >= 2 and toks[j - 2].capitalised and toks[j - 2].norm in doc.surnames:
        return True  # "Manuel Charr of Germany": where a person named in full comes from
    if prev in LOCATION_PREPS:
        return True
    if prev in {"and", "or"} and j >= 2:
        return doc.last_place.get(j - 2, False) or any(doc.last_place.get(j - 2 - d) for d in range(1, 3))
    return False


def _country_of_place_before(doc: Doc, j: int, n: int) -> bool:
    """Tokens j..j+n-1 follow a comma after one to three capitalised words that a preposition of place opens
    ('in Benghazi, Libya'), and a punctuation mark or a preposition follows them: the country that place lies
    in, as an address writes it ('In Washington, Russia said ...' opens a clause: Russia acts)."""
    if j < 2 or doc.text[doc.toks[j - 1].end : doc.toks[j].start] != ", ":
        return False
    k = j + n
    after = doc.text[doc.toks[k - 1].end : doc.toks[k].start] if k < len(doc.toks) else "."
    if not after.strip() and doc.toks[k].norm not in LOCATION_PREPS | {"on", "last", "this", "during", "and"}:
        return False
    for start in range(j - 1, max(j - 4, 0), -1):
        if not doc.toks[start].capitalised or not _joined(doc, start, j):
            return False
        if doc.toks[start - 1].norm in LOCATION_PREPS and _joined(doc, start - 1, start + 1):
            return True
    return False


def _restates_place_noun(doc: Doc, j: int, n: int) -> bool:
    """Tokens j..j+n-1 stand between commas (or a comma and the sentence's end) right after a noun for a place
    ('the capital, Kabul.'; kb.yaml words: place_nouns): the name restates that place."""
    toks = doc.toks
    if j < 1 or toks[j - 1].norm not in doc.kb.words["place_nouns"]:
        return False
    if doc.text[toks[j - 1].end : toks[j].start] != ", ":
        return False
    after = doc.text[toks[j + n - 1].end : toks[j + n].start] if j + n < len(toks) else "."
    return after.strip()[:1] in {",", ".", ";"}


def _route_from(doc: Doc, to: int) -> bool:
    """'from <Name> to' ends at token ``to``: 'from' and a capitalised word up to three words before it."""
    for f in range(max(to - 4, 0), to - 1):
        if doc.toks[f].norm == "from" and doc.toks[f + 1].capitalised and _joined(doc, f, to + 1):
            return True
    return False


def _paired_with_place(doc: Doc, j: int) -> bool:
    """'between X and <j>' where X is one capitalised word that names no actor the KB knows: a place, so
    the pair are places."""
    if j < 3 or doc.toks[j - 1].norm != "and" or doc.toks[j - 3].norm != "between":
        return False
    other = doc.toks[j - 2]
    return other.capitalised and other.raw.isalpha() and kb_match(doc, j - 2) is None


def _bracketed_after_name(doc: Doc, j: int, n: int) -> bool:
    """Tokens j..j+n-1 stand alone in brackets right after a capitalised name: 'Abu Talat ( Egypt )'."""
    if j < 1 or j + n > len(doc.toks) or not doc.toks[j - 1].raw[:1].isupper():
        return False
    opening = doc.text[doc.toks[j - 1].end : doc.toks[j].start].strip()
    closing = doc.text[doc.toks[j + n - 1].end : doc.toks[j + n].start if j + n < len(doc.toks) else len(doc.text)]
    return opening == "(" and closing.strip()[:1] == ")"


def _dateline_opener(doc: Doc, j: int, n: int) -> bool:
    """Tokens j..j+n-1, in capitals, open a line before a dash or ', Country (': a wire dateline ('MOSCOW —',
    'NAIROBI, Kenya (AP) _'), where the report was filed; a capital there is no government speaking."""
    if j + n > len(doc.toks) or not all(t.raw.isupper() for t in doc.toks[j : j + n]):
        return False
    line_start = doc.text.rfind("\n", 0, doc.toks[j].start) + 1
    if doc.text[line_start : doc.toks[j].start].strip():
        return False
    end = doc.toks[j + n - 1].end
    return DASH_DATELINE.match(doc.text, end) is not None or DATELINE.match(doc.text[end : end + 40]) is not None


def _dateline_country(doc: Doc, j: int, n: int) -> bool:
    """'Place , Country (' opening a line: a dateline."""
    if j < 1 or j + n >= len(doc.toks) or doc.text[doc.toks[j - 1].end : doc.toks[j].start].strip() != ",":
        return False
    line_start = doc.text.rfind("\n", 0, doc.toks[j - 1].start) + 1
    head = doc.text[line_start : doc.toks[j - 1].start]
    opener = tokenize(head)
    if len(opener) > 3 or not all(t.capitalised for t in opener) or any(c in head for c in ".,;"):
        return False
    after = doc.text[doc.toks[j + n - 1].end : doc.toks[j + n].start].strip()
    return after[:1] in {"(", "-", "—", "–", "_"}


def _place_possessed(doc: Doc, k: int) -> bool:
    """A natural feature or a settlement after a country's possessive, past up to two lower-case words; a firm
    past up to three ('Britain's leading luxury-car maker': where it is), unless a word makes it the state's own."""
    lists = doc.kb.not_actors
    for at in range(k, min(k + 4, len(doc.toks))):
        tok = doc.toks[at]
        if tok.capitalised or not _joined(doc, k - 1, at + 1):
            return False
        word = (tok.norm,)
        if at < k + 3 and (word in lists["possessed_places"] or word in lists["place_heads"]):
            return True
        if word in lists["possessed_firms"]:
            return not any((w,) in lists["state_firm_words"] for w in doc.norms[k:at]) and not _agent_next(doc, at)
    return False


def _agent_next(doc: Doc, at: int) -> bool:
    """A lower-case word for an agent right after token at ('bank regulators', 'company officials'): the word at
    modifies that agent, which the country's possessive may own."""
    nxt = at + 1
    return (
        nxt < len(doc.toks)
        and doc.toks[nxt].raw.islower()
        and _joined(doc, at, nxt + 1)
        and (doc.norms[nxt],) in doc.kb.agents
    )


def demonym_at(doc: Doc, i: int) -> tuple[int, str] | None:
    """A demonym or country name at token i ('Russian', 'US', 'Israel's')."""
    toks = doc.toks
    if doc.norms[i] not in doc.kb.demonym_openers or not _may_open_name(toks[i]) or _pro_anti(doc, i):
        return None
    if _region_before(doc, i):
        return None  # "Central American immigrants", "Latin American leaders": a region's, no country's
    for n in (3, 2, 1):
        k = tuple(doc.norms[i : i + n])
        if len(k) < n or not _cap_ok(toks[i : i + n]):
            continue
        if n == 1 and k[0] in AMBIGUOUS_SHORT and not toks[i].upper:
            continue  # "us" is not the US
        iso = doc.kb.demonyms.get(k)
        if iso is None:
            ids = doc.kb.index.get(k, [])
            iso = next((e[6:] for e in ids if e.startswith("state:")), None)
        if iso:
            return n, iso
    return None


def _region_before(doc: Doc, i: int) -> bool:
    """A capitalised word that makes a region's name with the word at i stands right before it ('Central
    American', 'Latin American'; not_actors.yaml: region_openers), where the two words are no demonym."""
    if i == 0 or doc.text[doc.toks[i - 1].end : doc.toks[i].start] != " " or not doc.toks[i - 1].capitalised:
        return False
    before = (doc.toks[i - 1].norm,)
    return before in doc.kb.not_actors["region_openers"] and (before + (doc.norms[i],)) not in doc.kb.demonyms


def title_at(doc: Doc, i: int, prefixed: bool = False) -> tuple[int, str, str] | None:
    """A title at token i: capitalised, or lower-case after a demonym/body ('U.N. mediator')."""
    if i >= len(doc.toks) or doc.norms[i] not in doc.kb.title_openers:
        return None
    for n in (4, 3, 2, 1):
        k = tuple(doc.norms[i : i + n])
        if len(k) == n and k in doc.kb.titles and (doc.toks[i].capitalised or prefixed):
            return (n, *doc.kb.titles[k])
    return None


def body_at(doc: Doc, i: int) -> tuple[int, Entry] | None:
    """An international body named before a title ('UN envoy', 'NATO Secretary-General')."""
    hit = kb_match(doc, i) if i < len(doc.toks) else None
    if hit and hit[1] is not None and hit[1].kind in {"igo", "ngo"}:
        return hit
    return None


def name_run(doc: Doc, i: int, limit: int = 4) -> int:
    n = 0
    while i + n < len(doc.toks) and n < limit:
        t = doc.toks[i + n]
        particle = (
            n and t.norm in NAME_PARTICLES and i + n + 1 < len(doc.toks) and doc.toks[i + n + 1].capitalised
        )  # "Omar Hassan al-Bashir", "Dos Santos"
        hyphened = n and t.raw.isalpha() and doc.text[doc.toks[i + n - 1].end : t.start] == "-"  # "Ban Ki-moon"
        if not (t.capitalised and t.raw[:1].isalpha() or particle or hyphened) or t.norm in doc.kb.titles and n == 0:
            break
        if n and _headline_word(doc, i, i + n):
            break  # "Former President Bush Had Enacted Legislation": the headline goes on, the name ends
        gap = doc.text[doc.toks[i + n - 1].end : t.start].strip(" -") if n else ""
        if gap and not (gap == "." and len(doc.toks[i + n - 1].raw) == 1 and doc.toks[i + n - 1].upper):
            break  # punctuation between words ends a name, but for an initial's stop ("Robert J . Pickell")
        n += 1
    return n


def _headline_word(doc: Doc, i: int, k: int) -> bool:
    """Token k, after a name's first word at i, is a word the article writes in lower case elsewhere, in a
    line written in title case."""
    t = doc.toks[k]
    return common_word(doc.kb, doc.text, t.norm) and title_case_line(doc.text, doc.toks[i].start, t.end)


def titled(doc: Doc, i: int) -> Found | None:
    """[the] [demonym|country|body] title [of country] Name: one mention carrying the role."""
    toks = doc.toks
    j = i + 1 if toks[i].norm == "the" else i
    if j >= len(toks) or not _may_open_name(toks[j]):
        return None  # no demonym, body or capitalised title opens here (the common case: a lower-case word)
    dem = demonym_at(doc, j)
    body = None if dem else body_at(doc, j)
    k = j + (dem or body or (0,))[0]
    if k < len(toks) and toks[k].norm in POSSESSIVE:
        k += 1
    t = title_at(doc, k, prefixed=k > j) if k < len(toks) else None
    if t is None or k > j and _broken(doc, j, k + 1):
        return None  # no title; "Israel.\n\nSenator Marco Rubio": the country ends the paragraph before
    n_title, role, title_sector = t
    sector: str | None = title_sector
    if _not_a_title(doc, k, role):
        return None
    if k == j and (_org_acronym_before(doc, j) or _unknown_org_before(doc, j)):
        sector = None  # "AMA President J. James Rohack": an organisation's president, no state office
    elif k == j and _campaign_speaker(doc, k):
        sector = "PTY"  # "Spokeswoman Jessica Ditto said" after "Donald Trump's campaign is defending ...": its own
    owner = _common_possessor(doc, j) if dem is None and body is None else None
    if owner is not None and owner != STATE_OFFICE:
        i = j = k  # "the union's president, Mary Kay Henry": the union's office (LAB), named from the title on
        sector = owner or None
    m = k + n_title
    iso = dem[1] if dem else None
    if body:
        iso, sector = body[1].country, body[1].sector or sector
    if m + 1 < len(toks) and toks[m].norm == "of":
        of = demonym_at(doc, m + 1)
        if of:
            iso, m = of[1], m + 1 + of[0]
    rank = police_rank_at(doc, m)
    if rank:  # "Area Commander Inspector Dave Gaskin": the holder is a police officer of that rank
        m, role, sector, iso = m + rank[0], rank[1], "COP", None
    if m >= len(toks) or "\n" in doc.text[toks[m - 1].end : toks[m].start]:
        return None  # "... In First 100 Days As President.\n\nDemocratic": a title ends its line, no name
    if "(" in doc.text[toks[m - 1].end : toks[m].start]:
        return None  # "Prime Minister (Junichiro) Koizumi": an editor's insertion in brackets, no name run on
    if QUOTE_MARKS.intersection(doc.text[toks[m - 1].end : toks[m].start]):
        return None  # "Mr. President,'' Representative Steve Cohen": the quotation ends with the title
    if _sentence_ends_after(doc, m - 1):
        return None  # "the nominee for President. This reportedly ...": a title ends its sentence
    start = j if k > j else k
    hit = kb_match(doc, m)
    if hit and (hit[1] is None or hit[1].kind == "person"):
        n, entry = hit
        core = (toks[m].start, toks[m + n - 1].end)
        if entry is None:
            seen = doc.seen[toks[m].norm]  # "President Obama" is the president, whoever else bears the name
            holder = _role_bearer(doc, toks[m].norm, role)
            ref = holder or (seen if role and seen.role == role else latest_bearer(doc, m, seen))
            return Found(i if k == j else j, m + n, ref, "coref", core)
        return _titled_person(doc, entry, (start, m + n), core, (role, sector, iso, k > j))
    n = name_run(doc, m)
    if n == 0 or not _is_name(doc, m, n):
        return None
    if (toks[m + n - 1].norm,) in doc.kb.not_actors["org_heads"] and (n > 1 or toks[m].norm not in doc.surnames):
        return None  # "King Solomon Missionary Baptist Church", "three Premier League titles": a body's name
    core = (toks[m].start, toks[m + n - 1].end)
    name = " ".join(x.raw for x in toks[m : m + n])
    national = sector == "GOV" and not _local_office(doc, k)
    holder = doc.kb.office_holder(toks[m + n - 1].norm, sector, doc.date) if national else None
    if holder is not None and _holder_fits(doc, holder, name, iso):
        return _titled_person(doc, holder, (start, m + n), core, (role, sector, iso, k > j))
    bearer = _office_bearer(doc, toks[m].norm, role) if n == 1 else None
    if bearer is not None:  # "Sen. Cruz", "President Obama" on no date: the listed person who held that office
        return _titled_person(doc, bearer, (start, m + n), core, (role, sector, iso, k > j))
    listed = doc.kb.best(tuple(doc.norms[k : m + n]), doc.date)
    if listed is not None and listed.kind == "person":  # "President Reagan": a name the dictionary gives him
        return _titled_person(doc, listed, (start, m + n), core, (role, sector, iso, k > j))
    spelt = misspelt_office_holder(doc, name, sector) if national else None
    if spelt is not None:  # "President Abdelaziz Bouteflicka": a letter too many in a listed head of state's name
        return _titled_person(doc, spelt, (start, m + n), core, (role, sector, iso, k > j))
    iso = iso or (doc.kb.surname_country(toks[m + n - 1].norm, sector) if national and n == 1 else None)
    if iso is None and sector:  # 'Vermont Senator Jane Roe', 'Senator Jim Webb of Virginia'
        iso = country_before(doc.kb, toks, doc.text, start) or place_after_name(doc.kb, toks, doc.text, m + n - 1)
    ref = ActorRef(name, iso, sector, role, f"person:{slug(name)}")
    remember(doc, name, ref)
    return Found(start, m + n, ref, "ner", core)


def _sentence_ends_after(doc: Doc, k: int) -> bool:
    """A full stop follows token k, a whole word that is no abbreviation ('President.'; not 'Gov.', 'Sen.',
    'Capt.': a title's abbreviation is at most four letters)."""
    gap = doc.text[doc.toks[k].end : doc.toks[k + 1].start] if k + 1 < len(doc.toks) else ""
    word = doc.toks[k].raw
    short = len(word) <= 4 and (word.lower(),) in doc.kb.not_actors["bare_titles"]
    return gap.startswith(". ") and len(word) > 2 and not short


def police_rank_at(doc: Doc, i: int) -> tuple[int, str] | None:
    """A police rank at token i ('Inspector', 'Det Sgt'), written with a capital: (words, the rank)."""
    for n in (2, 1):
        words = doc.toks[i : i + n]
        if len(words) == n and all(t.capitalised for t in words) and _joined(doc, i, i + n):
            if tuple(t.norm for t in words) in doc.kb.not_actors["police_ranks"]:
                return n, " ".join(t.raw for t in words)
    return None


def _campaign_speaker(doc: Doc, k: int) -> bool:
    """A spokesperson's title with no body named before it (not_actors.yaml: speaker_titles) in a paragraph that
    speaks of a campaign or a party, or right after one (described.yaml: possessor_bodies, PTY): the person
    speaks for that campaign, as 'the campaign's spokeswoman' does, not for a government."""
    if (doc.norms[k],) not in doc.kb.not_actors["speaker_titles"]:
        return False
    text, start = doc.text, doc.toks[k].start
    closes = text.find("\n", start)
    passage = text[_paragraph_before(text, start) : closes if closes >= 0 else len(text)]
    return any(possessor_sector(w) == "PTY" for w in LOWER_WORD.findall(passage))


def _paragraph_before(text: str, at: int) -> int:
    """Where the paragraph before the one that holds character ``at`` starts (0 in the first)."""
    here = text.rfind("\n", 0, at)
    if here < 0:
        return 0
    return text.rfind("\n", 0, len(text[:here].rstrip("\n"))) + 1


def _common_possessor(doc: Doc, j: int) -> str | None:
    """Token j is a possessive after a lower-case noun ('the union's'): the sector of the office a title after it
    names (described.py: possessor_sector; '' for a body of no listed sector), else None."""
    if j == 0 or doc.norms[j] not in POSSESSIVE or not doc.toks[j - 1].raw.islower():
        return None
    return possessor_sector(doc.norms[j - 1]) or ""


def _org_acronym_before(doc: Doc, j: int) -> bool:
    """An unknown acronym right before the title ('AMA', 'FIFA'): the office is that body's."""
    if j == 0 or not _joined(doc, j - 1, j + 1):
        return False
    prev = doc.toks[j - 1]
    return prev.upper and len(prev.raw) > 1 and demonym_at(doc, j - 1) is None and body_at(doc, j - 1) is None


def _unknown_org_before(doc: Doc, j: int) -> bool:
    """A name the tagger calls an organisation right before the title, one the knowledge base does not hold
    ('Judicial Watch President Tom Fitton'): the office is that body's, as an acronym's ('AMA President')."""
    s = j
    while s > 0 and _joined(doc, s - 1, s + 1) and doc.toks[s - 1].capitalised and _tagged_type(doc, s - 1) == "ORG":
        s -= 1
    if s == j or _opens_sentence(doc, s) and s == j - 1:
        return False  # nothing before, or one capitalised word opening the sentence
    if _members_body_head(doc, j - 1) and s < j - 1:
        return True  # "Indiana State Teachers Association President": the state names where its members work
    return not any(_state_body_word(doc, k) for k in range(s, j))


def _members_body_head(doc: Doc, k: int) -> bool:
    """Token k is a word that closes the name of a body of members that is no state's (an association, a union, a
    league, a society: not_actors.yaml members_body_heads)."""
    return (doc.norms[k],) in doc.kb.not_actors["members_body_heads"]


def _state_body_word(doc: Doc, k: int) -> bool:
    """Token k opens a name the knowledge base holds, a demonym or a country, or is a word of a state's bodies."""
    if (doc.norms[k],) in doc.kb.not_actors["state_body_words"]:
        return True
    return kb_match(doc, k) is not None or demonym_at(doc, k) is not None or country_at(doc, k) is not None


def _local_office(doc: Doc, k: int) -> bool:
    """'Brooklyn Borough President', 'County Executive': an office below a state's."""
    return k > 0 and (doc.toks[k - 1].norm,) in doc.kb.not_actors["local_offices"]


def _holder_fits(doc: Doc, holder: Entry, name: str, iso: str | None) -> bool:
    """The office-holder of that surname is the person named: same country where the text gives one,
    same first name where the text gives one."""
    if iso is not None and holder.actor(doc.date).country != iso:
        return False
    return same_person(name, holder.name)


def _not_a_title(doc: Doc, k: int, role: str) -> bool:
    """'Surgeon General', 'Attorney General' are offices, not a military rank; '3 PM' is a time."""
    prev = doc.toks[k - 1] if k > 0 else None
    if prev is None:
        return False
    if role == "General" and (prev.norm,) in doc.kb.not_actors["civil_generals"]:
        return True
    return doc.toks[k].norm == "pm" and prev.raw[:1].isdigit()


def _is_name(doc: Doc, m: int, n: int) -> bool:
    """The words after a title name a person: not 'Manager Tony DiLeo', 'ET', 'Saturday', 'J.'."""
    words = doc.toks[m : m + n]
    lists = doc.kb.not_actors
    if (words[0].norm,) in lists["not_first_names"] or any((t.norm,) in lists["times"] for t in words):
        return False
    return len(words[-1].raw.rstrip(".")) > 1


def _role_bearer(doc: Doc, surname: str, role: str | None) -> ActorRef | None:
    """The one person of the knowledge base's own list with that surname who held the title's office
    ('President Obama' in a report that names Michelle Obama more often)."""
    holder = _office_bearer(doc, surname, role)
    return ref_of(doc, holder, role) if holder is not None else None


def _office_bearer(doc: Doc, surname: str, role: str | None) -> Entry | None:
    """The one person of the knowledge base's own list with that surname who held an office of that title
    at some time: a title and a surname name that person as the full name does ('Gov. Christie')."""
    holders = [
        doc.kb.entries[aid]
        for aid in doc.kb.surnames.get(surname, [])
        if role and any(t.role == role for t in doc.kb.entries[aid].terms)
    ]
    return holders[0] if len(holders) == 1 else None


def _titled_person(
    doc: Doc,
    entry: Entry,
    span: tuple[int, int],
    core: tuple[int, int],
    title: tuple[str, str | None, str | None, bool],
) -> Found:
    """A KB person under a title; out of office on the date, the text's own affiliation wins."""
    role, sector, iso, prefixed = title
    ref = ref_of(doc, entry)
    home = place_after_name(doc.kb, doc.toks, doc.text, span[1] - 1)
    if home and ref.country and home != ref.country:
        return _titled_of_country(doc, span, core, (role, sector, home))
    if prefixed and sector == "IGO" and ref.country and (role or "").lower() in doc.kb.words["delegate_titles"]:
        ref = dataclasses.replace(ref, role=role)  # "U.N. Ambassador John Bolton": his state's envoy to the body
    elif ref.sector is None and prefixed and doc.date:  # "U.N. mediator Diego Cordovez"
        ref = dataclasses.replace(ref, country=iso, sector=sector, role=role)
    elif ref.role is None or (doc.date is None and role and ref.role != role):
        ref = dataclasses.replace(ref, role=role, country=ref.country or iso, sector=ref.sector or sector)
    remember(doc, entry.name, ref)
    return Found(span[0], span[1], ref, entry.source, core)


def _titled_of_country(
    doc: Doc, span: tuple[int, int], core: tuple[int, int], title: tuple[str, str | None, str]
) -> Found:
    """'King Hassan of Morocco': the title's 'of' and a country name the holder's state, as the CAMEO codebook
    codes a monarch by the country of the title; the listed person of that name in another country ('Prince
    Hassan' of Jordan) is someone else."""
    role, sector, home = title
    name = doc.text[core[0] : core[1]]
    ref = ActorRef(name, home, sector, role, f"person:{slug(name)}")
    remember(doc, name, ref)
    return Found(span[0], span[1], ref, "ner", core)


def demonym_phrase(doc: Doc, i: int) -> list[Found]:
    """'Israeli forces', 'the Turkish and Greek sides', 'Bosnian Serbs', 'Ibo traditional elders',
    'Palestinians', 'the Russian leader'. Coordinated demonyms give one actor each."""
    toks = doc.toks
    j = i + 1 if toks[i].norm == "the" and i + 1 < len(toks) else i
    if not _may_open_name(toks[j]):
        return []  # no people noun, demonym or faith opens here (the common case: a lower-case word)
    people = people_at(doc, j)
    if people:  # "Palestinians", "Kurds": the people of that country (or group), as civilians
        return _people_found(doc, j, j + people[0], [(j, j + people[0], people[1])], "CVL")
    first = adjective_at(doc, j)  # read once: the descent test and the coordinated list both start from it
    descent = _americans_of_descent(doc, j, first)
    if descent:  # "Turkish Americans", "Mexican-Americans": US civilians of that descent
        return _people_found(doc, j, descent, [(j, descent, "USA")], "CVL")
    of_descent = _american_of_descent(doc, j, first)
    if of_descent:  # "his Irish-American mother", "the Cuban-American population": Americans of that descent
        end, sector = of_descent
        return _people_found(doc, j, end, [(j, end, "USA")], STATELESS_SECTORS.get(sector, sector))
    items = coordinated(doc, j, first)
    if not items:
        return []
    k, plural = stacked(doc, items[-1][1])
    if k < len(toks) and toks[k].norm in POSSESSIVE:
        return []  # "Israel's ..." is the state itself: left to named()
    if len(items) == 1 and j > i:
        for n in (3, 2, 1):
            if tuple(doc.norms[k : k + n]) in doc.kb.head_words and items[0][2]:
                ref = leader_of(doc, items[0][2])
                if ref:
                    return [Found(i, k + n, ref, "coref", (toks[k].start, toks[k + n - 1].end))]
    agent = agent_after(doc, k, modifiers=0 if plural else 2)
    if agent and agent[1] == "CVL" and _name_goes_on_after_possessive(doc, agent[0]):
        return []  # "the Ethiopian People's Revolutionary Party": a party's name the knowledge base does not know
    if agent:
        end, sector = agent
        return _people_found(doc, j, end, items, sector)
    if plural:
        return _people_found(doc, j, k, items, "CVL")
    if _state_act(doc, k):
        return [state_found(doc, a, b, iso) for a, b, iso in items if iso]
    return []


def _name_goes_on_after_possessive(doc: Doc, k: int) -> bool:
    """The capitalised word before token k is in the possessive, and a capitalised word follows it ('the Ethiopian
    People's Revolutionary Party'): the words open a longer name; a people's there is no people acting (a union's,
    'the Serbian Workers' Union', keeps its workers' sector)."""
    toks = doc.toks
    if k + 1 >= len(toks) or not toks[k - 1].capitalised or toks[k].norm not in POSSESSIVE:
        return False
    return toks[k + 1].capitalised and _joined(doc, k - 1, k + 2)


def _americans_of_descent(doc: Doc, j: int, dem: tuple[int, str | None] | None) -> int:
    """The end of 'Turkish Americans', 'Mexican-Americans' (a demonym joined to 'Americans', as the US Census
    Bureau names groups by descent: 'African Americans') at token j, or 0."""
    # dem: adjective_at(doc, j), a country's demonym, or a faith's or a people's adjective ('Muslim Americans')
    k = j + dem[0] if dem else 0
    if not dem or k >= len(doc.toks) or doc.toks[k].raw != "Americans" or not _joined(doc, j, k + 1):
        return 0
    return k + 1 if doc.toks[j].norm not in {"american", "americans", "us", "u.s."} else 0


def _american_of_descent(doc: Doc, j: int, dem: tuple[int, str | None] | None) -> tuple[int, str] | None:
    """(end, sector) of 'Irish-American mother', 'a Mexican American lawmaker' at token j: a country's demonym
    joined to 'American' before an agent is an American of that descent, as 'Mexican-Americans' are; their
    leaders are the group's elites, not the US government. 'Chinese-American relations' (no agent) is no one."""
    k = j + dem[0] if dem and dem[1] else 0
    if not k or k >= len(doc.toks) or doc.toks[k].raw != "American" or not _joined(doc, j, k + 1):
        return None
    if doc.toks[j].norm in {"american", "us", "u.s."}:
        return None
    return agent_after(doc, k + 1)


def _state_act(doc: Doc, k: int) -> bool:
    """'Israeli air raids', 'a Senegalese peace plan': an act of the state named by the demonym."""
    for m in range(3):
        if k + m >= len(doc.toks) or not _joined(doc, k - 1, k + m + 1) or doc.toks[k + m].capitalised:
            return False
        if doc.toks[k + m].norm in doc.kb.words["state_acts"]:
            return True
    return False


def state_found(doc: Doc, a: int, b: int, iso: str) -> Found:
    return Found(a, b, ref_of(doc, doc.kb.entries[f"state:{iso}"]), "kb", (doc.toks[a].start, doc.toks[b - 1].end))


def _people_found(doc: Doc, j: int, end: int, items: list[tuple[int, int, str | None]], sector: str) -> list[Found]:
    toks, out = doc.toks, []
    ethnic = j > 0 and toks[j - 1].norm in doc.kb.words["ethnic"]
    for n, (a, b, iso) in enumerate(items):
        last = n == len(items) - 1
        stop = end if last else b
        iso = None if ethnic else iso
        label = " ".join(t.norm for t in toks[a:b])
        group_sector = STATELESS_SECTORS.get(sector, sector)  # "Jewish leaders": a faith's own, no state's
        census = iso is not None and label in doc.kb.words["census_groups"]  # "Latino leaders": the group's elites
        entry = (
            doc.kb.sector_entry(iso, group_sector if census else sector)
            if iso
            else doc.kb.group_entry(label, group_sector)
        )
        if not iso:
            place = place_after(doc, end)
            entry = doc.kb.sector_entry(place, sector) if place else entry
        out.append(Found(a, stop, ref_of(doc, entry), "kb", (toks[a].start, toks[stop - 1].end)))
    return out


def adjective_at(doc: Doc, i: int) -> tuple[int, str | None] | None:
    """A demonym ('Russian', 'US') or a country-less people/faith adjective ('Kurdish', 'Shiite')."""
    if i >= len(doc.toks) or not _may_open_name(doc.toks[i]):
        return None
    dem = demonym_at(doc, i)
    if dem:
        return dem
    for n in (2, 1):
        k = tuple(doc.norms[i : i + n])
        if len(k) == n and k in doc.kb.groups and _cap_ok(doc.toks[i : i + n]):
            return n, None
    return None


def people_at(doc: Doc, i: int) -> tuple[int, str | None] | None:
    """A plural people noun: 'Palestinians', 'Bosnian Serbs' (the first word's country), 'Kurds'."""
    if i >= len(doc.toks) or doc.norms[i] not in doc.kb.people_openers or not _may_open_name(doc.toks[i]):
        return None
    if _region_before(doc, i):
        return None  # "Central Americans", "Latin Americans": a region's people, no country's
    for n in (3, 2, 1):
        k = tuple(doc.norms[i : i + n])
        if len(k) == n and k in doc.kb.peoples and _cap_ok(doc.toks[i : i + n]) and _joined(doc, i, i + n):
            if i + n < len(doc.toks) and doc.toks[i + n].norm in POSSESSIVE:
                return None
            return n, doc.kb.peoples[k]
    return None


def coordinated(doc: Doc, j: int, first: tuple[int, str | None] | None) -> list[tuple[int, int, str | None]]:
    """'Turkish and Greek', 'French, British and US': (start, end, country) per adjective (``first``: the one at
    token j, ``adjective_at(doc, j)``)."""
    toks, items = doc.toks, []
    if first is None:
        return []
    items.append((j, j + first[0], first[1]))
    pos = j + first[0]
    while pos + 1 < len(toks):
        gap = doc.text[toks[pos - 1].end : toks[pos].start].strip()
        if toks[pos].norm in {"and", "or"} and gap in {"", ","}:
            nxt = adjective_at(doc, pos + 1)
        elif gap == "," and toks[pos].capitalised:
            nxt, pos = adjective_at(doc, pos), pos - 1
        else:
            break
        if nxt is None:
            break
        items.append((pos + 1, pos + 1 + nxt[0], nxt[1]))
        pos = pos + 1 + nxt[0]
    return items


def stacked(doc: Doc, k: int) -> tuple[int, bool]:
    """Skip further people words after a demonym ('Bosnian Serb', 'Turkish Kurd', 'Greek-Cypriot'):
    the first word keeps the country. True when the run ends in a plural people noun ('Bosnian Serbs')."""
    plural = False
    while k < len(doc.toks) and _joined(doc, k - 1, k + 1):
        people = people_at(doc, k)
        if people:
            k, plural = k + people[0], True
            continue
        adj = adjective_at(doc, k)
        if adj is None:
            break
        k += adj[0]
    return k, plural


def agent_after(doc: Doc, k: int, modifiers: int = 2) -> tuple[int, str] | None:
    """An agent phrase at k, or after up to two lower-case words ('traditional elders', '-led forces')."""
    toks = doc.toks
    for m in range(modifiers + 1):
        at = k + m
        if at >= len(toks) or not _joined(doc, k - 1, at + 1):
            return None
        if m and (
            toks[at - 1].capitalised
            or toks[at - 1].norm in FUNCTION_WORDS
            or toks[at - 1].norm in doc.kb.words["not_modifiers"]
            or not toks[at - 1].raw.isalpha()
            and "-" not in doc.text[toks[at - 2].end : toks[at - 1].start]
        ):
            return None
        if doc.norms[at] not in doc.kb.agent_openers:
            continue  # no agent's name starts here
        for n in (3, 2, 1):
            phrase = tuple(doc.norms[at : at + n])
            if len(phrase) == n and _joined(doc, at, at + n):
                sector = agent_sector(doc, phrase)
                if sector:
                    return at + n, sector
    return None


def agent_sector(doc: Doc, phrase: tuple[str, ...]) -> str | None:
    sector = doc.kb.agents.get(phrase)
    if sector and (phrase in doc.kb.hand_agents or sector in doc.kb.sector_names):
        return sector
    return None


def _joined(doc: Doc, a: int, b: int) -> bool:
    """Tokens a..b-1 are one phrase: only spaces or hyphens between them (no commas, full stops)."""
    for x in range(max(a, 0), min(b, len(doc.toks)) - 1):
        if doc.text[doc.toks[x].end : doc.toks[x + 1].start].strip(" -\n"):
            return False
    return True


def place_after(doc: Doc, k: int, window: int = 10) -> str | None:
    """The country of the first place named 'in X' soon after k in the same sentence."""
    toks = doc.toks
    for x in range(k, min(k + window, len(toks) - 1)):
        if doc.text[toks[x - 1].end : toks[x].start].strip() in {".", ";", "?", "!"}:
            return None
        if toks[x].norm == "in":
            return country_at(doc, _skip_place_modifiers(doc, x + 1))
    return None


def _skip_place_modifiers(doc: Doc, i: int) -> int:
    for _ in range(2):
        if i < len(doc.toks) and doc.toks[i].norm in doc.kb.words["place_modifiers"]:
            i += 1
    return i


def country_at(doc: Doc, i: int) -> str | None:
    """A country name or a capital at token i ('Zimbabwe', 'Cairo', 'East Timor')."""
    for n in (3, 2, 1):
        k = tuple(doc.norms[i : i + n])
        if len(k) < n or not doc.toks[i].capitalised or not _cap_ok(doc.toks[i : i + n]):
            continue
        iso = next((e[6:] for e in doc.kb.index.get(k, []) if e.startswith("state:")), None)
        if not iso and k in doc.kb.shared_cities:
            return city_country(doc, doc.kb.shared_cities[k])
        if iso or k in doc.kb.capitals:
            return iso or doc.kb.capitals[k]
    return None


def city_country(doc: Doc, countries: tuple[str, ...]) -> str:
    """Of the countries whose cities bear one name ('Tripoli'), the one the article names besides by its name,
    demonym or capital ('the north Lebanese port'); the first listed where it names both or neither."""
    named = countries_named(doc) & set(countries)
    return named.pop() if len(named) == 1 else countries[0]


def countries_named(doc: Doc) -> set[str]:
    """The countries the article names by a country's name, a demonym or a capital (no shared city name)."""
    kb, found = doc.kb, set()
    for i in range(len(doc.toks)):
        dem = demonym_at(doc, i)
        if dem is not None:
            found.add(dem[1])
        elif (word := (doc.norms[i],)) in kb.capitals and word not in kb.shared_cities and doc.toks[i].capitalised:
            found.add(kb.capitals[word])
    return found


def pair_anaphor(doc: Doc, i: int) -> Found | None:
    """'the two leaders', 'both sides', 'the two countries': the last two distinct actors of that kind."""
    toks, words = doc.toks, doc.kb.words
    j = i + 1 if toks[i].norm == "the" else i
    if j + 1 >= len(toks) or toks[j].norm not in words["pair_openers"]:
        return None
    noun = toks[j + 1].norm
    if not _pair_noun_refers(doc, j + 1):
        return None
    if _after_places(doc, i):
        return None  # "from Somalia and Yemen, two countries on the coast": the places, described
    if noun in words["pair_federated"] and listed_us_states(doc):
        return None  # "Clinton won both states" after "Georgia and Virginia": two US states
    if noun in words["pair_political"] and i > 0 and toks[i - 1].norm in words["member_prepositions"]:
        return _party_pair(doc, i, j)  # "candidates in both parties": the political parties, no two states
    pair: list[ActorRef] = []
    if noun in words["pair_persons"]:
        speakers = _speakers_of_quote(doc, i, zip(doc.mentioned, doc.mentioned_at))
        pair = _last_two(doc, lambda r: (r.actor_id or "").startswith("person:") and r.actor_id not in speakers)
    if len(pair) < 2 and noun in words["pair_states"]:
        pair = _last_two(doc, lambda r: bool(r.country), by_country=True, skip=_possessors_in_sentence(doc, i))
        pair = [_state_side(doc, r, noun) for r in pair]
    if len(pair) < 2:
        return None
    return Found(i, j + 2, pair[0], "coref", (toks[j].start, toks[j + 1].end), also=(pair[1],))


def former_office_holder(doc: Doc, i: int) -> Found | None:
    """'the former secretary of state' with no name after it: the one person the article named before who, by the
    knowledge base, held that office and had left it by the article's date (the CAMEO convention: a role noun is
    its holder only where the article names him)."""
    toks = doc.toks
    if toks[i].norm != "the" or i + 2 >= len(toks) or toks[i + 1].norm != "former" or not doc.date:
        return None
    title = title_at(doc, i + 2, prefixed=True)
    if title is None or not _joined(doc, i, i + 2 + title[0]):
        return None
    end = i + 2 + title[0]
    if end < len(toks) and toks[end].capitalised and _joined(doc, end - 1, end + 1):
        return None  # "the former secretary of state Hillary Clinton": the titled name's
    held = {r.actor_id: r for r in doc.mentioned if _left_office(doc, r, title[1])}
    if len(held) != 1:
        return None
    return Found(i, end, held.popitem()[1], "coref", (toks[i].start, toks[end - 1].end))


def _left_office(doc: Doc, ref: ActorRef, role: str) -> bool:
    """A listed person with a term in ``role`` that ended before the article's date."""
    entry = doc.kb.entries.get(ref.actor_id or "") if (ref.actor_id or "").startswith("person:") else None
    return entry is not None and any(
        (t.role or "").lower() == role.lower() and t.end is not None and t.end < (doc.date or "") for t in entry.terms
    )


def news_media(doc: Doc, i: int) -> Found | None:
    """'the media', 'the press', 'the mainstream media' in lower case heading a subject's, an object's or a
    preposition's phrase: the news media at large (CAMEO MED, no country); never a noun's modifier ('the press
    conference') nor a name's words ('Meet the Press')."""
    toks, words = doc.toks, doc.kb.words
    if toks[i].norm != "the":
        return None
    k = i + 1
    while k < len(toks) and toks[k].norm in words["media_collective_modifiers"]:
        k += 1
    if k >= len(toks) or toks[k].norm not in words["media_collectives"] or not _joined(doc, i, k + 1):
        return None
    if any(t.capitalised for t in toks[i + 1 : k + 1]):
        return None  # "NBC's Meet the Press": a name's words
    tok = doc.parse.head_of(toks[k].start, toks[k].end)
    if tok is None or tok.dep not in words["media_collective_deps"]:
        return None
    name = doc.text[toks[i + 1].start : toks[k].end]
    return Found(i, k + 1, ActorRef(name, None, "MED", None, "med:news-media"), "kb", (toks[i].start, toks[k].end))


def _pair_noun_refers(doc: Doc, k: int) -> bool:
    """The pair's noun at token k points back to two actors: it opens no "both men and women" (a correlative
    pair of nouns) or "both sides of the aisle" (parts of a thing named after it), and "sides" is the subject
    of its clause."""
    toks = doc.toks
    nxt = toks[k + 1].norm if k + 1 < len(toks) and _joined(doc, k, k + 2) else None
    if nxt in doc.kb.words["pair_breakers"]:
        return False
    return toks[k].norm not in doc.kb.words["pair_camps"] or _subject_at(doc, k)


def _subject_at(doc: Doc, k: int) -> bool:
    """Token k is the subject of its clause in the parse."""
    tok = doc.parse.head_of(doc.toks[k].start, doc.toks[k].end)
    return tok is not None and tok.dep in ("nsubj", "nsubjpass")


def _possessors_in_sentence(doc: Doc, i: int) -> set[int]:
    """Actors named as the owner of a thing in the sentence of token i, before it ("the ministers discussed
    Kenya's plan, which both governments support"): what the pair acts on is theirs, they are not the
    pair (their positions in ``doc.mentioned``)."""
    return {
        k
        for k, (at, end) in enumerate(zip(doc.mentioned_at, doc.mentioned_end))
        if at < i and end < len(doc.toks) and doc.toks[end].norm in POSSESSIVE and _in_one_sentence(doc, at, i)
    }


def _in_one_sentence(doc: Doc, a: int, b: int) -> bool:
    """No sentence ends between tokens a and b (a full stop in an abbreviation counts as one: unsure)."""
    return not any(c in doc.text[doc.toks[a].end : doc.toks[b].start] for c in ".?!;\n")


def _speakers_of_quote(doc: Doc, i: int, mentioned: Iterable[tuple[ActorRef, int]]) -> set[str | None]:
    """Token i stands in a quotation that opens inside its sentence: the actors (of ``mentioned``, each with
    its first token) named in that sentence before the quotation opens, who say it ('Pence replied, “These
    are two men ...”': one who speaks of 'these two men' is neither of them)."""
    at = doc.toks[i].start
    opening = doc.text.rfind("\n", 0, at) + 1
    opening = max([opening] + [doc.text.rfind(c, opening, at) + 1 for c in ".?!"])
    quote = max(doc.text.rfind(q, opening, at) for q in ("“", '"'))
    if quote < 0 or "”" in doc.text[quote:at]:
        return set()
    return {ref.actor_id for ref, k in mentioned if opening <= doc.toks[k].start < quote}


def pairs_of_persons(doc: Doc, found: list[Found]) -> list[Found]:
    """'Both men', 'the two leaders' right after two persons joined by 'and' ('former senator Rick Santorum and
    former governor Mike Huckabee. Both men ...'): the pass over the KB's names resolved the pair before the
    tagger's names were added, so a pair of persons whose last two persons named before it (not its speakers)
    stand joined in one sentence is those two, whether that pass resolved it or not."""
    out, taken = [], TakenSpans(len(doc.text))
    for f in found:
        taken.add(doc.toks[f.start].start, doc.toks[f.end - 1].end)
        j = f.start + 1 if doc.toks[f.start].norm == "the" else f.start
        if f.source != "coref" or not f.also or f.end - j != 2 or doc.norms[j + 1] not in doc.kb.words["pair_persons"]:
            out.append(f)
            continue
        pair = _pair_after_persons(doc, found, f.start)
        out.append(dataclasses.replace(f, ref=pair[0], also=(pair[1],)) if pair else f)
    for j in range(len(doc.toks) - 1):
        if doc.norms[j] not in doc.kb.words["pair_openers"] or doc.norms[j + 1] not in doc.kb.words["pair_persons"]:
            continue
        if taken.overlaps(doc.toks[j].start, doc.toks[j + 1].end) or not _joined(doc, j, j + 2):
            continue
        if not _pair_noun_refers(doc, j + 1):
            continue
        i = j - 1 if j > 0 and doc.norms[j - 1] == "the" else j
        pair = _pair_after_persons(doc, found, i)
        if pair:
            core = (doc.toks[j].start, doc.toks[j + 1].end)
            out.append(Found(i, j + 2, pair[0], "coref", core, also=(pair[1],)))
    return sorted(out, key=lambda f: f.start)


def _pair_after_persons(doc: Doc, found: list[Found], i: int) -> list[ActorRef]:
    """The last two persons linked before token i, not the speakers of a quotation holding it, where only
    'and' with a description joins them in one sentence; else none."""
    before = [(g.ref, g.start) for g in found if g.end <= i and not g.also]
    speakers = _speakers_of_quote(doc, i, before)
    persons = [(r, k) for r, k in before if (r.actor_id or "").startswith("person:") and r.actor_id not in speakers]
    return _joined_persons(doc, found, persons[-2:]) or _two_of_sentence_before(doc, persons, i)


def _two_of_sentence_before(doc: Doc, persons: list[tuple[ActorRef, int]], i: int) -> list[ActorRef]:
    """'... the spotlight fell on Mr. Kasich, an obstacle to Mr. Trump. While the two men barely sparred': the
    two persons, and no others, that the sentence right before names, where the pair opens its sentence (after
    one word at most: 'While', 'But'); else none."""
    at = doc.toks[i].start
    starts = [m.end() for m in SENTENCE_END.finditer(doc.text, 0, at) if not _abbreviation_before(doc, m.start())]
    if len(starts) < 2 or len(doc.text[starts[-1] : at].split()) > 1:
        return []
    named: dict[str | None, ActorRef] = {}
    for ref, k in persons:
        if starts[-2] <= doc.toks[k].start < starts[-1]:
            named.setdefault(ref.actor_id, ref)
    return list(named.values()) if len(named) == 2 else []


def _abbreviation_before(doc: Doc, stop: int) -> bool:
    """The full stop at ``stop`` closes a title's abbreviation or an initial ('Mr.', 'Sen.', 'J.')."""
    word = doc.text[max(stop - 6, 0) : stop].split()[-1:] or [""]
    return len(word[0]) == 1 or (word[0].lower(),) in doc.kb.not_actors["bare_titles"]


def _joined_persons(doc: Doc, found: list[Found], two: list[tuple[ActorRef, int]]) -> list[ActorRef]:
    """The two persons, where they differ and only 'and' with a description joins them in one sentence."""
    if len(two) < 2 or two[0][0].actor_id == two[1][0].actor_id:
        return []
    first_end = next(g.end for g in found if g.start == two[0][1])
    between = doc.text[doc.toks[first_end - 1].end : doc.toks[two[1][1]].start]
    if any(c in between for c in ".?!;\n") or " and " not in f" {between} " or len(between) > 60:
        return []
    return [two[0][0], two[1][0]]


def _party_pair(doc: Doc, i: int, j: int) -> Found | None:
    """'both parties' after a word of membership: the last two distinct parties the article has linked
    (sector PTY), or the one party id they share (the US parties are both pty:USA); none where it has linked
    no party."""
    parties = _last_two(doc, lambda r: r.sector == "PTY")
    if not parties:
        return None
    core = (doc.toks[j].start, doc.toks[j + 1].end)
    return Found(i, j + 2, parties[0], "coref", core, also=tuple(parties[1:]))


def _after_places(doc: Doc, i: int) -> bool:
    """Token i opens an apposition (after a bare comma) to two countries named as places ('X and Y, ')."""
    if i == 0 or doc.text[doc.toks[i - 1].end : doc.toks[i].start].strip() != ",":
        return False
    for x in range(max(i - 3, 1), i):
        if doc.last_place.get(x) and doc.toks[x - 1].norm in {"and", "or"}:
            return True
    return False


def _seat_or_union_as_place(doc: Doc, i: int, j: int, k: tuple[str, ...]) -> bool:
    """A government's seat ('the White House') or a union of countries that is a territory ('the European
    Union') right after a preposition of place: the building or the territory (not_actors.yaml:
    seat_buildings, place_unions), unless a word of holding a post or of membership comes before it
    ('working at the White House', 'remain in the EU')."""
    lists = doc.kb.not_actors
    seat, union = k in lists["seat_buildings"], k in lists["place_unions"]
    if not (seat or union) or i == 0 or (doc.toks[i - 1].norm,) not in lists["seat_prepositions"]:
        return False
    if union and doc.toks[i - 1].norm not in LOCATION_PREPS:
        return False
    before = {(t.norm,) for t in doc.toks[max(i - 4, 0) : i - 1]}
    return not before & (lists["post_words"] if seat else lists["membership_words"])


def _seat_as_building(doc: Doc, core: tuple[int, int], k: tuple[str, ...]) -> bool:
    """A government's seat (not_actors.yaml: seat_buildings) that its sentence makes a place one goes or is
    brought to ('bring her husband's sex scandal back to the White House'; kb.yaml words: motion) or the
    building a physical act is done to ('the White House fumigated and burned to the ground'; building_verbs):
    the building, not the government seated there ('the White House said' keeps the government)."""
    if k not in doc.kb.not_actors["seat_buildings"]:
        return False
    motion, verbs = doc.kb.words["motion"], doc.kb.not_actors["building_verbs"]
    return doc.parse.called_a_place(*core, motion) or doc.parse.done_to(*core, verbs)


def listed_us_states(doc: Doc) -> frozenset[tuple[str, ...]]:
    """The US states' names (described.yaml) the article writes in a list with another US state's name
    ("Texas, Virginia and Georgia", "Georgia or Ohio"): one name, one sense in one article, so 'Georgia' is
    the US state wherever that article writes it."""
    if doc.listed_states is None:
        out: set[tuple[str, ...]] = set()
        i = 0
        while i < len(doc.toks):
            n = _us_state_len(doc, i)
            if not n:
                i += 1
                continue
            k = i + n
            gap = doc.text[doc.toks[k - 1].end : doc.toks[k].start] if k < len(doc.toks) else ""
            if k < len(doc.toks) and doc.toks[k].norm in {"and", "or"} and gap.strip() in {"", ","}:
                k += 1  # "Georgia and Virginia", "Texas, Virginia, and Georgia"
            elif gap.strip() != ",":
                i += n
                continue
            m = _us_state_len(doc, k)
            if m:
                out.update({tuple(doc.norms[i : i + n]), tuple(doc.norms[k : k + m])})
            i += n
        doc.listed_states = frozenset(out)
    return doc.listed_states


def us_state_names(doc: Doc) -> frozenset[tuple[str, ...]]:
    """The US states' names the article means as the states: listed with another state's (``listed_us_states``),
    or a name a country bears too ('Georgia') where the article writes a place in that state ('Macon', 'Ga.',
    'Burke County, Georgia'; described.yaml: state_places)."""
    if doc.us_states is None:
        placed = {state for state, places in described_words().state_places.items() if places.search(doc.text)}
        doc.us_states = listed_us_states(doc) | placed
    return doc.us_states


def _us_state_len(doc: Doc, i: int) -> int:
    """How many words from token i name a US state in full ('Georgia', 'New Hampshire'), or 0."""
    if i >= len(doc.norms) or doc.norms[i] not in _us_state_openers():
        return 0  # no state's name starts with this word (the common case)
    for n in (2, 1):
        span = doc.toks[i : i + n]
        if len(span) == n and all(t.raw[:1].isupper() and len(t.raw) > 2 for t in span) and _joined(doc, i, i + n):
            if tuple(doc.norms[i : i + n]) in described_words().states:
                return n
    return 0


@lru_cache(maxsize=1)
def _us_state_openers() -> frozenset[str]:
    """The first words of the US states' names (described.yaml)."""
    return frozenset(k[0] for k in described_words().states)


def _state_side(doc: Doc, ref: ActorRef, noun: str) -> ActorRef:
    """'both governments': the governments of the two countries; 'the two countries': the states."""
    if noun in doc.kb.words["pair_governments"] and ref.country:
        return ref_of(doc, doc.kb.sector_entry(ref.country, "GOV"))
    if noun in doc.kb.words["pair_countries"] and f"state:{ref.country}" in doc.kb.entries:
        return ref_of(doc, doc.kb.entries[f"state:{ref.country}"])
    return ref


def _last_two(doc: Doc, keep, by_country: bool = False, skip: Collection[int] = ()) -> list[ActorRef]:
    """The last two distinct actors, those of main clauses first ('..., as Washington intensifies
    efforts' is background), passing over the mentions at the positions ``skip``."""
    named = [(r, bg) for k, (r, bg) in enumerate(zip(doc.mentioned, doc.background)) if k not in skip]
    out = _last_two_of([r for r, bg in named if not bg], keep, by_country)
    return out if len(out) == 2 else _last_two_of([r for r, _ in named], keep, by_country)


def _last_two_of(mentioned: list[ActorRef], keep, by_country: bool) -> list[ActorRef]:
    out: list[ActorRef] = []
    for ref in reversed(mentioned):
        ident = ref.country if by_country else ref.actor_id
        if keep(ref) and all(ident != (o.country if by_country else o.actor_id) for o in out):
            out.append(ref)
        if len(out) == 2:
            return out[::-1]
    return out


def leader_of(doc: Doc, iso: str) -> ActorRef | None:
    for ref in reversed(list(doc.seen.values())):
        if ref.country == iso and ref.sector == "GOV":
            return ref
    return None


def agent_in_place(doc: Doc, i: int) -> Found | None:
    """'Authorities in Moscow', 'protesters in Cairo', 'opposition groups in Zimbabwe'."""
    toks = doc.toks
    if doc.norms[i] not in doc.kb.agent_openers:
        return None  # no agent's name starts with this word
    for n in (3, 2, 1):
        phrase = tuple(doc.norms[i : i + n])
        if (
            len(phrase) < n
            or i + n + 1 >= len(toks)
            or toks[i + n].norm not in doc.kb.words["agent_place_preps"]
            or not _joined(doc, i, i + n + 1)
        ):
            continue
        sector = agent_sector(doc, phrase)
        sending = _sending_country(doc, i, phrase) if sector else None
        at = _skip_place_modifiers(doc, i + n + 1)
        # "held at Belmarsh prison in London", "a refugee camp in Thailand"
        building = phrase[-1:] in doc.kb.not_actors["facility_heads"] or _housing_camp(doc, i, phrase)
        if sector and sending is None and (sector == "REF" or building or _country_before_agent(doc, i)):
            end = at + _place_len(doc, at)  # "a refugee in Khartoum", "U.S. military advisers in Iraq": the place is
            return Found(i, end, ActorRef(""), "kb")  # not whose they are; the words are passed over, no actor
        iso = (sending or country_at(doc, at)) if sector else None
        if iso and sector:
            end = at + _place_len(doc, at)
            entry = doc.kb.sector_entry(iso, sector)
            return Found(i, end, ref_of(doc, entry), "kb", (toks[i].start, toks[end - 1].end))
    return None


def _housing_camp(doc: Doc, i: int, phrase: tuple[str, ...]) -> bool:
    """'camp' after a word for whom it houses or what it is for (kb.yaml words: camp_kinds) names a place."""
    return phrase in {("camp",), ("camps",)} and i > 0 and doc.norms[i - 1] in doc.kb.words["camp_kinds"]


def _country_before_agent(doc: Doc, i: int) -> bool:
    """A country's name or demonym right before the agent phrase at token i, joined to it ('U.S. military advisers
    in Iraq', 'Russian troops in Syria'): the agents are that country's, not the place's after 'in' (a state's
    mission abroad, 'the U.S. Embassy in Tripoli', is ``_sending_country``'s)."""
    for k in (1, 2, 3):
        if i - k >= 0 and _joined(doc, i - k, i + 1):
            dem = demonym_at(doc, i - k)
            if dem is not None and dem[0] == k:
                return True
    return False


def _sending_country(doc: Doc, i: int, phrase: tuple[str, ...]) -> str | None:
    """'the U.S. Embassy in Tripoli': the country named right before a state's mission abroad (kb.yaml words:
    mission_agents) is the one whose mission it is, or None."""
    if phrase[0] not in doc.kb.words["mission_agents"]:
        return None
    for k in (1, 2, 3):
        if i - k >= 0 and _joined(doc, i - k, i + 1) and _place_len(doc, i - k) == k:
            iso = country_at(doc, i - k)
            if iso:
                return iso
    return None


def _place_len(doc: Doc, i: int) -> int:
    for n in (3, 2, 1):
        k = tuple(doc.norms[i : i + n])
        if len(k) == n and (k in doc.kb.capitals or any(e.startswith("state:") for e in doc.kb.index.get(k, []))):
            return n
    return 1


def apposition(doc: Doc, f: Found) -> Found:
    """'Russian news agency RIA Novosti', 'the peacekeeping force in Lebanon (UNIFIL)': the agent phrase
    introduces the named actor after it. The two must be in one sentence: a name after a full stop or a
    paragraph break ('the White House.' then 'Obama said') opens a sentence of its own."""
    if f.end >= len(doc.toks) or not f.ref.actor_id or ":" not in f.ref.actor_id:
        return f
    if SENTENCE_BREAKS.intersection(doc.text[doc.toks[f.end - 1].end : doc.toks[f.end].start]):
        return f
    if f.ref.actor_id.split(":")[0] not in {"gov", "med", "mil", "reb", "igo", "ngo", "bus", "opp", "leg"}:
        return f
    g = named(doc, f.end, with_the=False)
    if g is None or not g.ref.actor_id or g.ref.actor_id.startswith(("state:", "gov:")) or _defines(doc, f, g):
        return f
    ref = g.ref if g.ref.country else dataclasses.replace(g.ref, country=f.ref.country)
    return Found(f.start, g.end, ref, g.source, g.core)


def _defines(doc: Doc, f: Found, g: Found) -> bool:
    """``g`` is one acronym that the words of ``f`` spell ('Reporters Sans Frontieres (RSF)'): the name defines
    it (``acronyms.py``), no agent phrase introduces it."""
    if g.end - g.start != 1 or not ACRONYM.fullmatch(doc.toks[g.start].raw):
        return False
    start = f.start + (doc.norms[f.start] == "the")
    return start < f.end and spells(doc.toks[g.start].raw, doc.text[doc.toks[start].start : doc.toks[f.end - 1].end])


def possessive_office(doc: Doc, f: Found) -> Found:
    """'Netanyahu's office', 'the Obama administration' -> that country's government; 'Bush' in 'the Bush
    and Obama administrations' too (the plural is each name's)."""
    toks = doc.toks
    office = _namesake_office_after(doc, f.end)
    if office and f.ref.country and (f.ref.actor_id or "").startswith("person:"):  # "the Obama administration"
        entry = doc.kb.sector_entry(f.ref.country, "GOV")
        return Found(f.start, f.end + 1 if office == 1 else f.end, ref_of(doc, entry), "coref", f.core, f.ref)
    if f.end + 1 < len(toks) and toks[f.end].norm in POSSESSIVE and f.ref.country and f.ref.actor_id:
        if f.ref.actor_id.startswith(("person:", "state:")):
            for skip in (0, 1):  # "Iraq's interim government"
                at = f.end + 1 + skip
                if skip and (toks[at - 1].capitalised or not _joined(doc, at - 1, at + 1)):
                    break
                if skip and toks[at - 1].norm in NEGATING_PREFIXES and doc.text[toks[at - 1].end] == "-":
                    break  # "Clinton's non-government meetings": not her office's
                for n in (2, 1):
                    words = tuple(doc.norms[at : at + n])
                    if len(words) == n and words in doc.kb.office_words:
                        sector = _office_sector(f.ref)
                        if sector is None:
                            return f  # "Carson's aides" of a candidate who holds no office: his own people
                        entry = doc.kb.sector_entry(f.ref.country, sector)
                        return Found(f.start, at + n, ref_of(doc, entry), "coref", f.core, f.ref)
    return f


def _office_sector(ref: ActorRef) -> str | None:
    """The body whose part a person's office or aides are: a government's head's or minister's, the government
    ('Netanyahu's office'); none where the person holds no government office ('Speaker Ryan's office', a
    member's own staff; 'Carson's aides' of a candidate, ELI; a party official; a firm's head): the person."""
    if not (ref.actor_id or "").startswith("person:") or ref.sector in {None, "GOV"}:
        return "GOV"
    return None


def _namesake_office_after(doc: Doc, k: int) -> int:
    """1 where token k is a word for a government named after its head ('the Obama administration'), 2 where
    'and' and another capitalised name come first, before the plural ('the Bush and Obama administrations'),
    else 0."""
    toks, offices = doc.toks, doc.kb.not_actors["namesake_offices"]
    if k < len(toks) and (toks[k].norm,) in offices:
        return 1
    if k + 2 >= len(toks) or toks[k].norm not in {"and", "or"} or not toks[k + 1].capitalised:
        return 0
    plural = toks[k + 2].norm.endswith("s") and (toks[k + 2].norm,) in offices
    return 2 if plural and _joined(doc, k - 1, k + 3) else 0


def _pro_anti(doc: Doc, i: int) -> bool:
    """'pro-Iranian', 'anti-Syria': a stance, not the actor."""
    before = doc.text[max(doc.toks[i].start - 5, 0) : doc.toks[i].start].lower()
    return before.endswith(("pro-", "anti-"))


# ---------------------------------------------------------------------------- spaCy entities
def add_ner(
    doc: Doc, found: list[Found], entities: tuple[Entity, ...], kinds: dict[tuple[str, ...], str] | None = None
) -> list[Found]:
    """Entities the KB did not cover: unknown people and organisations keep at least a name. ``kinds``
    (``kinds.described_kinds``): what the article's descriptions of a name say it is; a work is none, a
    person or an organisation outranks the tagger's label."""
    kinds = kinds or {}
    covered = TakenSpans(len(doc.text))
    for f in found:
        covered.add(doc.toks[f.start].start, doc.toks[f.end - 1].end)
    starts = [t.start for t in doc.toks]
    uses = NameUses(doc.text, entities)
    doc.described = described_persons(doc, entities)
    countries = [(doc.toks[f.start].start, f.ref.country) for f in found if f.ref.country]
    extra = []
    listed = sorted((o.start, o.end, o.label) for o in entities)
    for e in entities:
        e = person_after_place(doc.kb, doc.text, e) or e  # "envoy to Ukraine Kurt Volker": the person
        if e.label not in {"PERSON", "ORG"} or covered.overlaps(e.start, e.end):
            continue
        e = _whole_words(doc, e)  # "Marc TrÃ" of "Marc TrÃ©vidic": the tagger cut a word
        if CREDIT_SLASH.search(e.text):
            continue  # "(SVP/Global Risk Insights.)": a picture credit's two names, no one name
        if _inside_no_actor(doc, e.start + (4 if e.text[:4] in {"the ", "The "} else 0), e.end):
            continue  # the words the pass over the KB's names read as a place, a building or a post held
        kind = kinds.get(name_words(e))
        if kind == "TRADE":  # "Richard Uihlein, an Illinois shipping-supplies manufacturer": the man
            kind = "PERSON" if _person_shaped(doc, _own_name(e).text) else "ORG"
        if kind == "WORK" or not_an_actor(doc.kb, doc.text, e, entities, uses):
            continue
        if facility_short_name(doc.kb, doc.text, e):
            if at_place_cue(doc.kb, doc.text, e.start):
                continue  # "checked into Betty Ford" beside "the Betty Ford Center": the clinic, a place
            kind = "ORG"  # "Morningside is unlicensed" beside "Morningside Recovery": the clinic
        lo = bisect_left(starts, e.start)
        toks = [
            i
            for i in range(lo, bisect_left(starts, e.end))
            if doc.toks[i].end <= e.end and doc.toks[i].norm not in POSSESSIVE
        ]
        if e.label == "PERSON" and _shouted_tail(doc, toks):
            toks = toks[:-1]  # "Wylie AGAIN brought the kick out": the capitals are emphasis
        if e.label == "PERSON":
            toks = _without_hyphened_word(doc, toks)  # "Jeb Bush-spent $100 million": the verb is no name
        if e.label == "PERSON" and _question_verb_opens(doc, toks):
            toks = toks[1:]  # "Will Cruz's gambit do any better?": the question's verb, then the name
        if e.label == "PERSON" and len(toks) == 2 and tuple(doc.norms[t] for t in toks) in doc.epithets:
            toks = toks[1:]  # "Top Clinton adviser": a common word, then the surname of Hillary Clinton
        if e.label == "PERSON" and _across_full_stop(doc, e):
            continue  # "the nominee for President. This": a sentence's end and the next one's first word
        if not toks or e.label == "PERSON" and org_name_goes_on(doc, toks[-1] + 1):
            continue  # "the Bill and Hillary Clinton Foundation": the foundation's name
        if len(toks) == 1 and _common_noun_first(doc, toks[0]):
            continue  # "Rabbis vow ...", "Bank executives aren't.": the article writes "rabbis", "bank" too
        part = _part_of_body_before(doc, found, e)
        if part is not None:  # "the White House's Office of Political Strategy": a part of that body
            extra.append(Found(toks[0], toks[-1] + 1, part, "coref", (e.start, e.end)))
            continue
        home = nationality_before_person(doc, toks, e.label)
        if home is not None:  # "American Hasim Rahman": a person of that country, not an organisation
            toks, kind = toks[1:], "PERSON"
        elif _person_noun_opens(doc, toks):
            toks, kind = toks[1:], "PERSON"  # "Pensioner Bayram-aga": the noun describes the person named
        if kind is None and e.label == "ORG" and _described_person(doc, toks):
            kind = "PERSON"  # 'presidential candidate Carly Fiorina': the title describes a person
        if kind is None and e.label == "ORG" and _listed_among_persons(doc, e, listed):
            kind = "PERSON"  # "Jill Latham, Kate Malloy Corriveau, Maureen Manning": a list of persons
        if kind is None and e.label == "ORG" and len(toks) == 1 and _given_name_before(doc, toks[0], listed):
            toks, kind = [toks[0] - 1, toks[0]], "PERSON"  # "Ilya Shapiro argues", the surname tagged alone
        if kind is None and e.label == "ORG" and _kin_after(doc, toks[-1] + 1):
            kind = "PERSON"  # "Trump's children": only a person has kin
        tail = _person_after_possessive(doc, e) if kind is None and e.label == "ORG" else []
        if tail:
            toks, kind = tail, "PERSON"  # "the Daily Wire's Ben Shapiro": the outlet's person
        body = _body_after_possessive(doc, e) if kind is None and e.label == "ORG" and not tail else []
        if body:
            toks, kind = body, "ORG"  # "Stanford University's SCALE Initiative": the initiative
        if e.label == "PERSON" and len(toks) > 1 and _opening_preposition(doc, toks[0]):
            toks = toks[1:]  # "Beyond Washington, other Republicans": the sentence's first word
            if _kb_place(doc, toks):
                continue
        e = dataclasses.replace(e, label=kind or person_or_org(doc, e, uses))
        if len(toks) > 1 and e.label == "PERSON" and (doc.toks[toks[0]].norm,) in doc.kb.not_actors["bare_titles"]:
            toks = toks[1:]  # "GM Ed Stefanski": the title is no part of the name
        if e.label == "PERSON":
            toks = toks[_words_before_person(doc, toks) :]  # "Colts QB Andrew Luck", "former Razorback Peyton Hillis"
        if e.label == "ORG" and doc.parse.venue_of_event(e.start, e.end):
            continue  # "pronounced dead at HCMC": a hospital, a bank's branch, a stadium as a place
        if e.label == "ORG" and doc.parse.building_acted_on(e.start, e.end):
            continue  # "the Wasilla Bible Church was burned": the building
        if e.label == "ORG" and _rank_after_body(doc, toks):
            toks = toks[:-1]  # "Oregon State Police Lt . Hastings": the rank is the next name's, not the force's
        if not toks:
            continue
        office = office_entry(doc.kb, doc.text, e, doc.date, countries)
        if office is not None:  # "the Bush administration", "the Interior and Commerce departments"
            extra.append(Found(toks[0], toks[-1] + 1, ref_of(doc, office), "kb", (e.start, e.end)))
            if office.country:
                countries.append((e.start, office.country))  # "the Democratic Party of Turkmenistan"
            continue
        whole = _named_before(doc, found + extra, toks) if e.label == "ORG" else None
        if whole is not None:  # "the Foundation" after "the Clinton Foundation": that foundation
            extra.append(Found(toks[0], toks[-1] + 1, whole, "coref", (e.start, e.end)))
            continue
        name = doc.text[doc.toks[toks[0]].start : doc.toks[toks[-1]].end]
        if not e.text[:1].isalpha():
            continue  # handles, hashtags, emoji
        if e.label == "PERSON" and len(toks) == 1:
            name = _first_name_of_pair(doc, toks[0], listed) or name  # "Bill and Melinda Gates": Bill Gates
        ref = doc.seen.get(key(name)[-1]) if e.label == "PERSON" else None
        if ref is not None and not same_person(name, ref.name):
            ref = None  # "Henry Brown" is not the "Montez Brown" named before
        if ref is not None and len(key(name)) == 1:
            ref = latest_bearer(doc, toks[-1], ref)  # "Trump has hammered Bush" after "Jeb Bush"
        if e.label == "PERSON" and key(name) in doc.nicknames:
            ref = nickname_bearer(doc, name)  # "Crooked Hillary": Hillary Clinton
        if ref is None and e.label == "PERSON":
            ref = first_name_of(doc, name) or named_later(doc, name)  # "Hillary"; a headline's "Sanders"
        if ref is None and e.label == "PERSON" and _shared_first_name(doc, name):
            continue  # "I like Paul" where Paul Ryan and Paul Nehlen are named in full: either, so neither
        if ref is None and e.label == "ORG":
            ref = _given_name_as_org(doc, name)  # "The Donald": the one person named in full with that first name
        if ref is None:
            ref = family_of(doc, name) or known_surname(doc, e, name, uses)  # "the Clintons"; "Mr. Trump"
        source = "coref" if ref else "ner"
        if ref is None and not shows_an_actor(doc, e, name):
            continue
        if ref is None and e.label == "ORG":
            ref = known_body(doc, name)  # "the Fed": a short name the pass over the words left to the tagger
            source = "kb" if ref else source
        if ref is None and e.label == "PERSON":
            ref = misspelt_known(doc, name) or described_ref(doc, name, home)  # "Hilary Clinton": Hillary Clinton
            remember(doc, name, ref)
        if ref is None:
            sector = sector_of_name(name) if e.label == "ORG" else None  # "Fox News": MED
            home = home or (country_in_name(doc, toks) if e.label == "ORG" else None)
            ref = ActorRef(name, home, sector, None, unlinked_org_id(name))
        extra.append(Found(toks[0], toks[-1] + 1, ref, source, (e.start, e.end)))
    return sorted(found + extra, key=lambda f: f.start)


def with_defined_acronyms(doc: Doc, found: list[Found], entities: tuple[Entity, ...]) -> list[Found]:
    """An acronym the article defines in brackets (``acronyms.py``: 'Black Lives Matter (BLM)') is its long
    form's actor: the one linked there, or an organisation by that name where none is (``_long_form_ref``). An
    acronym nothing linked yet is its long form's actor where one is linked there, defined in brackets or named
    before it ('the National Rifle Association' ... 'the NRA', tagged as a place). An acronym of lower-case words
    is no actor (``without_common_noun_acronyms``)."""
    found = without_common_noun_acronyms(doc, found)
    names = [(e.start, e.end, e.text, e.label) for e in entities] + _linked_bodies(doc, found)
    defs = defined_acronyms(doc.text, names)
    if not defs:
        return found
    out: list[Found] = []
    linked_as: dict[str, ActorRef] = {}
    for f in found:
        t = _acronym_at(doc, f.start, f.end)
        form = defs.long_form(doc.toks[t].raw, doc.toks[t].start) if t is not None else None
        ref = f.ref if form is None else _long_form_ref(doc, found, entities, form, f)
        out.append(f if ref == f.ref else dataclasses.replace(f, ref=ref, source="coref", core_ref=None))
        if form is not None and t is not None:
            linked_as.setdefault(doc.toks[t].raw, ref)
    return sorted(out + _acronyms_not_linked(doc, out, entities, defs, linked_as), key=lambda f: f.start)


def without_common_noun_acronyms(doc: Doc, found: list[Found]) -> list[Found]:
    """Without the mentions of an acronym the article gives after the lower-case words it abbreviates, a common
    noun's ('post-quantum cryptography (PQC)': ``acronyms.common_noun_acronyms``)."""
    common = common_noun_acronyms(doc.text, doc.kb.not_actors["org_heads"])
    if not common:
        return found
    return [f for f in found if (t := _acronym_at(doc, f.start, f.end)) is None or doc.toks[t].raw not in common]


def _linked_bodies(doc: Doc, found: list[Found]) -> list[tuple[int, int, str, str]]:
    """(start, end, text, 'ORG') of each mention the knowledge base links to a body, not a person: a name that may
    give its acronym after it ('the Swiss People's Party, or SVP', tagged a person)."""
    out = []
    for f in found:
        if f.source == "kb" and f.ref.actor_id and not f.ref.actor_id.startswith("person:"):
            start, end = doc.toks[f.start].start, doc.toks[f.end - 1].end
            out.append((start, end, doc.text[start:end], "ORG"))
    return out


def _acronym_at(doc: Doc, a: int, b: int) -> int | None:
    """The token of a mention that is one acronym ('BLM', 'the CBO'), not among words in capitals."""
    a += doc.norms[a] == "the" and b - a == 2
    if b - a != 1 or not ACRONYM.fullmatch(doc.toks[a].raw) or _shouted(doc, a):
        return None
    return a


def _long_form_ref(doc: Doc, found: list[Found], entities: tuple[Entity, ...], form: LongForm, f: Found) -> ActorRef:
    """The actor a defined acronym's mention ``f`` stands for where a bracket ties the two (a long form the tagger
    named before only links acronyms nothing linked: ``_acronyms_not_linked``). An acronym the knowledge base does
    not know takes the long form's link where the knowledge base knows that ('the Syrian Observatory for Human
    Rights (SOHR)'), and an unlinked long form's id where neither is known (one body, one id). One it knows is the
    long form's actor ('Black Lives
    Matter (BLM)': no Bureau of Land Management), but where the long form is a place or a thing ('the United Arab
    Emirates (UAE)' as a place leaves 'UAE said' the state) or a name of the acronym's own body."""
    whole = _found_over(doc, found, form)
    if f.source == "ner":
        return whole.ref if whole is not None and form.bracketed else f.ref
    if not form.bracketed or _same_body(f.ref.name, form.text):
        return f.ref
    if whole is not None:
        return whole.ref
    label = next((e.label for e in entities if e.start <= form.start and form.end <= e.end), None)
    if label in acronym_words().thing_labels or _inside_no_actor(doc, form.start, form.end):
        return f.ref
    return ActorRef(form.text, None, None, None, unlinked_org_id(form.text))


def country_in_name(doc: Doc, toks: list[int]) -> str | None:
    """The one country a body's own name names by its name, demonym or capital ('the Montenegro Municipality
    Association', 'the United Bus Company of Tehran', 'the Liberian Peace Council'): CAMEO codes a domestic body,
    its parties and associations included, by its country. None where the name names none or two."""
    found = set()
    for i in toks:
        dem = demonym_at(doc, i)
        iso = dem[1] if dem is not None else country_at(doc, i)
        if iso:
            found.add(iso)
    return found.pop() if len(found) == 1 else None


def unlinked_org_id(name: str) -> str:
    """The id of a body the knowledge base does not know: its name's words, without a leading article
    ('The National Rifle Association' and 'National Rifle Association' are one body)."""
    return f"org:{slug(LEADING_ARTICLE.sub('', name))}"


def _same_body(name: str, long_form: str) -> bool:
    """One name's words are all the other's ('National Rifle Association of America', 'Islamic State')."""
    a, b = set(key(name)) - {"the"}, set(key(long_form)) - {"the"}
    return bool(a) and bool(b) and (a <= b or b <= a)


def _found_over(doc: Doc, found: list[Found], form: LongForm) -> Found | None:
    """The mention whose words hold the whole long form."""
    for f in found:
        if doc.toks[f.start].start <= form.start and form.end <= doc.toks[f.end - 1].end:
            return f
    return None


def _acronyms_not_linked(
    doc: Doc, found: list[Found], entities: tuple[Entity, ...], defs: Definitions, linked_as: dict[str, ActorRef]
) -> list[Found]:
    """Mentions for the defined acronyms no mention holds yet ('NRA', tagged as a place, after 'the National
    Rifle Association'), where the long form's mention is an actor: the actor the acronym's other mentions
    stand for (``linked_as``), else the long form's. Not inside a longer name ('the NRA Foundation'), after
    'pro-'/'anti-', among words in capitals, or where it only says where something happened ('spoke at
    AIPAC', as ``add_ner`` reads a venue)."""
    covered = TakenSpans(len(doc.text))
    for f in found:
        covered.add(doc.toks[f.start].start, doc.toks[f.end - 1].end)
    out = []
    for t, tok in enumerate(doc.toks):
        if not ACRONYM.fullmatch(tok.raw) or covered.overlaps(tok.start, tok.end):
            continue
        form = defs.long_form(tok.raw, tok.start)
        whole = _found_over(doc, found, form) if form is not None else None
        if whole is None or _shouted(doc, t) or _pro_anti(doc, t) or _in_longer_name(doc, entities, t):
            continue
        if doc.parse.venue_of_event(tok.start, tok.end):
            continue
        out.append(Found(t, t + 1, linked_as.get(tok.raw, whole.ref), "coref", (tok.start, tok.end)))
    return out


def _in_longer_name(doc: Doc, entities: tuple[Entity, ...], t: int) -> bool:
    """A tagged name holds token t and other words than 'the' and a possessive ('the NRA Foundation')."""
    tok = doc.toks[t]
    for e in entities:
        if e.start <= tok.start and tok.end <= e.end:
            rest = [w for w in key(e.text) if w not in {"the", "'s", tok.norm}]
            if rest:
                return True
    return False


def _question_verb_opens(doc: Doc, toks: list[int]) -> bool:
    """The name opens its sentence with a verb that opens a question (not_actors.yaml: question_verbs, 'Will'),
    and the sentence ends in a question mark ('Will Cruz's gambit do any better?'): the verb, then the name."""
    if len(toks) < 2 or (doc.norms[toks[0]],) not in doc.kb.not_actors["question_verbs"]:
        return False
    t = toks[0]
    gap = doc.text[doc.toks[t - 1].end : doc.toks[t].start] if t > 0 else "\n"
    if t > 0 and not (SENTENCE_BREAKS & set(gap) or doc.text[doc.toks[t - 1].start] in ".!?"):
        return False
    end = SENTENCE_CLOSE.search(doc.text, doc.toks[t].end)
    return end is not None and end.group() == "?"


def _inside_no_actor(doc: Doc, start: int, end: int) -> bool:
    """The characters start..end are (or lie inside) words the pass over the KB's names read as no actor ('State' of
    'Former Secretary of State', a post held)."""
    return (start, end) in doc.no_actor or any(a <= start and end <= b for a, b in doc.no_actor)


def _kin_after(doc: Doc, k: int) -> bool:
    """A possessive at token k, then a lower-case kin noun ('Trump's children', 'her husband's'; not_actors.yaml:
    kin_nouns): the name before is a person's."""
    toks = doc.toks
    if k + 1 >= len(toks) or toks[k].norm not in POSSESSIVE or not toks[k + 1].raw.islower():
        return False
    return _joined(doc, k - 1, k + 2) and (toks[k + 1].norm,) in doc.kb.not_actors["kin_nouns"]


def _given_name_before(doc: Doc, t: int, listed: list[tuple[int, int, str]]) -> bool:
    """A capitalised given name the knowledge base's persons bear, joined by a space to token t and in no
    tagged name, that the article never writes in lower case ('Ilya' of 'Ilya Shapiro argues', where the
    tagger tags 'Shapiro' alone as an organisation): the first name of the person named by t."""
    if t == 0 or doc.text[doc.toks[t - 1].end : doc.toks[t].start] != " ":
        return False
    first = doc.toks[t - 1]
    if not first.raw[:1].isupper() or not first.raw.isalpha() or first.norm not in doc.kb.given_names:
        return False
    if doc.toks[t].raw.isupper() or first.norm in FUNCTION_WORDS:
        return False  # "Per THR, the negotiations ...": an acronym, a preposition
    at = bisect_left(listed, (first.start, 0, ""))
    if at > 0 and listed[at - 1][1] > first.start or at < len(listed) and listed[at][0] == first.start:
        return False  # inside a tagged name
    return first.norm not in lower_case_words(doc.text)


def _first_name_of_pair(doc: Doc, t: int, listed: list[tuple[int, int, str]]) -> str | None:
    """'Bill and Melinda Gates', 'brothers Ammon and Ryan Bundy': a one-word name right before 'and' and a
    tagged person's first name and surname is a first name that shares that surname (a couple, siblings),
    unless the article names a person by the word alone ('Trump and Mike Pence') or writes the last word in
    lower case ('Devon and Somerset Fire'). The full name, or None."""
    tok = doc.toks[t]
    if tok.norm in doc.surnames or tok.norm in doc.seen or (tok.norm,) in doc.kb.index:
        return None
    lowered = lower_case_words(doc.text)
    at = bisect_left(listed, (tok.end, 0, ""))
    nxt = next((o for o in listed[at:] if o[0] >= tok.end), None)
    if nxt is None or nxt[2] != "PERSON" or doc.text[tok.end : nxt[0]] != " and ":
        return None
    words = doc.text[nxt[0] : nxt[1]].split()
    if len(words) != 2 or not all(w[:1].isupper() and w.isalpha() for w in words):
        return None
    if words[1].lower() in lowered:
        return None  # "Crews from Devon and Somerset Fire": 'fire' is a common noun, no surname
    return f"{tok.raw} {words[1]}"


def _across_full_stop(doc: Doc, e: Entity) -> bool:
    """A tagged name with a full stop inside after a whole word that is no abbreviation ('President. This';
    not 'Mrs. Clinton', 'St. Louis', 'J. Smith'): it runs across the end of a sentence."""
    for m in FULL_STOP_INSIDE.finditer(e.text):
        word = m.group(1)
        if len(word) > 2 and not word.isupper() and (word.lower(),) not in doc.kb.not_actors["bare_titles"]:
            return True
    return False


def _part_of_body_before(doc: Doc, found: list[Found], e: Entity) -> ActorRef | None:
    """A tagged organisation right after a state body's name in the possessive ('the White House's Office of
    Political Strategy', 'the Pentagon's Joint Staff'): a part of that body, so that body."""
    before = doc.text[max(e.start - 3, 0) : e.start]
    if before not in {"'s ", "’s "}:
        return None
    for f in found:
        aid = f.ref.actor_id or ""
        if doc.toks[f.end - 1].end == e.start - 3 and aid.split(":")[0] in STATE_BODY_PREFIXES:
            return f.ref
    return None


def _whole_words(doc: Doc, e: Entity) -> Entity:
    """The entity run on to the end of the word it ends inside, where the tagger cut one (a letter mis-decoded
    as two, 'FranÃ§ois': text.MOJIBAKE)."""
    at = bisect_left(doc.starts, e.end) - 1
    if at < 0 or not doc.toks[at].start < e.end < doc.toks[at].end:
        return e
    end = doc.toks[at].end
    return dataclasses.replace(e, text=doc.text[e.start : end], end=end)


def _listed_among_persons(doc: Doc, e: Entity, listed: list[tuple[int, int, str]]) -> bool:
    """A tagged organisation of capitalised words with no word for an organisation, between two tagged
    persons in a list ('Jill Latham, Kate Malloy Corriveau, Maureen Manning'): a list names one kind."""
    words = words_of(e)
    if not words or any((w,) in doc.kb.not_actors["org_heads"] for w in words):
        return False
    if not all(w[:1].isupper() for w in e.text.split()):
        return False
    at = bisect_left(listed, (e.start, 0, ""))
    before = listed[at - 1] if at > 0 else None
    after = next((o for o in listed[at:] if o[0] >= e.end), None)
    if before is None or after is None or before[2] != "PERSON" or after[2] != "PERSON":
        return False
    return doc.text[before[1] : e.start] == ", " and doc.text[e.end : after[0]] in {", ", ", and ", " and "}


def _named_before(doc: Doc, found: list[Found], toks: list[int]) -> ActorRef | None:
    """'the Foundation' after 'the Clinton Foundation': one capitalised word for an organisation (not_actors.yaml:
    short_heads) is the last organisation named before it whose name ends in that word, if any."""
    if len(toks) != 1 or (doc.toks[toks[0]].norm,) not in doc.kb.not_actors["short_heads"]:
        return None
    head, at = doc.toks[toks[0]].norm, doc.toks[toks[0]].start
    before = sorted((f for f in found if doc.toks[f.start].start < at), key=lambda f: f.start, reverse=True)
    for f in before:
        words = key(f.ref.name or "")
        if len(words) > 1 and words[-1] == head and not (f.ref.actor_id or "").startswith(("person:", "state:")):
            return f.ref
    return None


def _person_after_possessive(doc: Doc, e: Entity) -> list[int]:
    """'the Daily Wire's Ben Shapiro', 'CNN's Jake Tapper': a tagged organisation that runs on past its
    possessive into a first name the KB knows and a surname (two or three capitalised words) holds the
    person named after it; the tokens of that person's name, or []. Not a name that ends in a word for a body
    ('Stanford University's SCALE Initiative': ``_body_after_possessive``)."""
    owner, tail = _possessive_split(doc, e)
    if not 2 <= len(tail) <= 3 or (doc.toks[tail[-1]].norm,) in doc.kb.not_actors["org_heads"]:
        return []
    outlet = owner is not None and (doc.toks[owner].norm,) in doc.kb.not_actors["org_heads"]
    if doc.toks[tail[0]].norm not in doc.kb.given_names and not outlet:
        return []  # "Fox News’ Bret Baier": after an outlet's name, a first name the KB's persons may lack
    return tail if all(doc.toks[t].capitalised for t in tail) else []


def _body_after_possessive(doc: Doc, e: Entity) -> list[int]:
    """'Stanford University's SCALE Initiative': a tagged organisation whose name ends in a word for a body before
    its possessive and runs on into capitalised words that end in such a word too (not_actors.yaml: org_heads)
    holds that second body, a part of the owner; its tokens, or []. A place's or a common word's possessive opens
    the name ('People's Action Committee', 'Wyoming's Republican Party')."""
    owner, tail = _possessive_split(doc, e)
    heads = doc.kb.not_actors["org_heads"]
    if owner is None or (doc.toks[owner].norm,) not in heads or not 2 <= len(tail) <= 4:
        return []
    if (doc.toks[tail[-1]].norm,) not in heads:
        return []
    return tail if all(doc.toks[t].capitalised for t in tail) else []


def _possessive_split(doc: Doc, e: Entity) -> tuple[int | None, list[int]]:
    """The owner's last token and the tokens after the first possessive inside the tagged name (or (None, []))."""
    toks = list(range(bisect_left(doc.starts, e.start), bisect_left(doc.starts, e.end)))
    at = next((n for n, t in enumerate(toks[:-1]) if n and doc.toks[t].norm in POSSESSIVE), None)
    bare = next((n for n, t in enumerate(toks[:-1]) if _bare_apostrophe_after(doc, t)), None) if at is None else None
    if at is not None:
        return toks[at - 1], toks[at + 1 :]
    return (toks[bare], toks[bare + 1 :]) if bare is not None else (None, [])


def _bare_apostrophe_after(doc: Doc, t: int) -> bool:
    """Token t ends in s and an apostrophe follows it alone: a plural's possessive ('Fox News’ Bret Baier')."""
    tok = doc.toks[t]
    return tok.raw.endswith("s") and doc.text[tok.end : tok.end + 2] in {"' ", "’ "}


def _opening_preposition(doc: Doc, t: int) -> bool:
    """A capitalised preposition (not_actors.yaml: opening_prepositions) that the tagger ran into the name
    after it ('Beyond Washington', 'Unlike Clinton'): no name opens with one."""
    tok = doc.toks[t]
    return tok.raw[:1].isupper() and (tok.norm,) in doc.kb.not_actors["opening_prepositions"]


def _kb_place(doc: Doc, toks: list[int]) -> bool:
    """The words name a country or a capital the KB knows: a place where the tagger saw a person."""
    k = tuple(doc.norms[toks[0] : toks[-1] + 1])
    return k in doc.kb.capitals or any(i.startswith("state:") for i in doc.kb.index.get(k, ()))


def _without_hyphened_word(doc: Doc, toks: list[int]) -> list[int]:
    """The name's tokens without a lower-case word joined to its last one by a hyphen ('Bush-spent',
    'Bush-era'): no name part is written in lower case after a hyphen."""
    while len(toks) > 1 and doc.toks[toks[-1]].raw.islower():
        if doc.text[doc.toks[toks[-2]].end : doc.toks[toks[-1]].start] != "-":
            break
        toks = toks[:-1]
    return toks


def described_persons(doc: Doc, entities: tuple[Entity, ...]) -> dict[tuple[str, ...], Description]:
    """Each tagged name's description where the article gives one at any of its mentions (``described.py``:
    'Vermont Sen. Bernie Sanders', 'Jane Doe, a Democrat from Ohio,'): one with a country outranks one with
    the sector alone, an earlier one a later one."""
    out: dict[tuple[str, ...], Description] = {}
    for e in sorted(entities, key=lambda e: e.start):
        if e.label not in {"PERSON", "ORG"}:
            continue
        toks = _entity_tokens(doc, e)
        if not toks:
            continue
        d = _in_us_state(doc, describe(doc.kb, doc.toks, doc.text, toks[0], toks[-1]))
        k = key(doc.text[doc.toks[toks[0]].start : doc.toks[toks[-1]].end])
        if d is not None and (k not in out or (d.country and not out[k].country)):
            out[k] = d
    return out


def _in_us_state(doc: Doc, d: Description | None) -> Description | None:
    """'Georgia businessman' where the article means the US state by 'Georgia' (``us_state_names``): a person
    of the United States, not of the country of that name."""
    if d is None or d.country in {None, "USA"}:
        return d
    words = key(d.text)
    for state in us_state_names(doc):
        if any(words[n : n + len(state)] == state for n in range(len(words))):
            return dataclasses.replace(d, country="USA")
    return d


def _entity_tokens(doc: Doc, e: Entity) -> list[int]:
    """The word indices of a tagged name, without a possessive."""
    lo = bisect_left(doc.starts, e.start)
    hi = bisect_left(doc.starts, e.end)
    return [i for i in range(lo, hi) if doc.toks[i].end <= e.end and doc.toks[i].norm not in POSSESSIVE]


def _described_person(doc: Doc, toks: list[int]) -> bool:
    """A tagged organisation that is a person the article describes by a person's title: two or three
    capitalised words with no word for an organisation ('presidential candidate Carly Fiorina'), or the
    surname of a person so described ('Fiorina' after it)."""
    words = [doc.toks[t] for t in toks]
    if len(words) == 1:
        seen = doc.seen.get(words[0].norm)
        return seen is not None and key(seen.name) in doc.described and words[0].capitalised
    name = doc.text[words[0].start : words[-1].end]
    if key(name) not in doc.described or not 2 <= len(words) <= 3 or key(name) in doc.kb.index:
        return False
    shaped = all(t.raw[:1].isupper() and t.raw.isalpha() for t in words)
    return shaped and not any((t.norm,) in doc.kb.not_actors["org_heads"] for t in words)


def described_ref(doc: Doc, name: str, home: str | None) -> ActorRef:
    """A person the knowledge base does not know: placed by the article's description of the name (its
    country, its title's sector, the description as role), or by the name alone."""
    d = doc.described.get(key(name))
    if d is None:
        return ActorRef(name, home, None, None, f"person:{slug(name)}")
    return ActorRef(name, home or d.country, d.sector, d.text, f"person:{slug(name)}")


def misspelt_known(doc: Doc, name: str) -> ActorRef | None:
    """A first name and a surname that one person of the knowledge base's own list bears with a first name one
    letter longer or shorter ('Hilary Clinton', 'Rence Priebus': a letter dropped or doubled by mistake): that
    person. Names of four letters or fewer are left alone ('Ann', 'Anne' are two names)."""
    words = key(name)
    if len(words) != 2:
        return None
    entries = [doc.kb.entries[aid] for aid in doc.kb.surnames.get(words[1], [])]
    near = [e for e in entries if e.source == "kb" and one_letter_apart(key(e.name)[0], words[0])]
    return ref_of(doc, near[0]) if len(near) == 1 else None


def misspelt_office_holder(doc: Doc, name: str, sector: str | None) -> Entry | None:
    """A first name and a surname one letter apart from the surname of the one listed person with that first
    name who held an office of the title's sector ('President Abdelaziz Bouteflicka', 'President Laurent Gbago')."""
    words = key(name)
    if len(words) != 2:
        return None
    near = {
        aid
        for surname, aid in doc.kb.persons_by_first_name.get(words[0], [])
        if one_letter_apart(surname, words[1])
        and any(t.sector == sector for t in doc.kb.entries[aid].terms + doc.kb.entries[aid].phoenix)
    }
    return doc.kb.entries[near.pop()] if len(near) == 1 else None


def family_of(doc: Doc, name: str) -> ActorRef | None:
    """'the Clintons', 'the Khans': the plural of a surname the article names a person by in full is that
    person's family, a group of persons, not an organisation: the person named with it (the one the surname
    was kept for)."""
    words = key(name)
    words = words[1:] if words[:1] == ("the",) else words
    if len(words) != 1 or not words[0].endswith("s") or words[0][:-1] not in doc.surnames:
        return None
    full = doc.surnames[words[0][:-1]][1]
    return doc.seen.get(words[0][:-1]) or ActorRef(full, None, None, None, f"person:{slug(full)}")


def known_surname(doc: Doc, e: Entity, name: str, uses: NameUses) -> ActorRef | None:
    """A bare surname the article never writes with a first name that only one person of the knowledge base's
    own list bears is that person where news names a known figure so: one who headed a state or a government
    ('Trump', 'Putin'), after a courtesy title or an office's title ('Mr. Trump', 'Gov. Christie'), or while the
    person holds a listed office on the article's date ('Pence said' in 2018). Not a bare surname otherwise
    ('Sanders, 34, was charged'), nor where the article names anyone in full with that surname, nor a name the
    tagger calls an organisation and never a person in the article ('Ford' of the carmaker)."""
    words = key(name)
    if len(words) != 1 or doc.full_names.get(words[0]) or not name[:1].isupper():
        return None
    if INITIALS.fullmatch(name):
        return None  # "U.N.", "U.S.": an initialism, never a surname ('Un' of Kim Jong Un)
    ids = doc.kb.surnames.get(words[0], [])
    if len(ids) != 1:
        return None
    bearer = doc.kb.entries[ids[0]]
    campaign = _campaign_noun_after(doc, e)  # "a prominent Trump supporter", "the Sanders campaign": the candidate
    named_so = _in_office(bearer, doc) or _headed_a_state(doc, bearer) or campaign
    if not (named_so or _honorific_before_name(doc, e) or _described_in_office_of(doc, bearer, name)):
        return None
    tagged_so = uses.labels["PERSON"][words] or _in_office(bearer, doc) or campaign
    if e.label != "PERSON" and (_after_the(doc, e) and not campaign or not tagged_so):
        return None  # "the Bush rule": a thing named after the man, no person's part
    return ref_of(doc, bearer)


def _campaign_noun_after(doc: Doc, e: Entity) -> bool:
    """A lower-case word for a candidate's campaign or following right after the name (not_actors.yaml:
    campaign_nouns)."""
    k = bisect_left(doc.starts, e.end)
    if k >= len(doc.toks) or not _joined(doc, k - 1, k + 1) or not doc.toks[k].raw.islower():
        return False
    return (doc.toks[k].norm,) in doc.kb.not_actors["campaign_nouns"]


def _headed_a_state(doc: Doc, bearer: Entry) -> bool:
    """The listed person held a head of state's or government's office (kb.yaml: head_words, 'President',
    'Prime Minister'): a figure news everywhere names by the surname alone ('Trump', 'Putin')."""
    return any(t.role and key(t.role) in doc.kb.head_words for t in bearer.terms)


def _described_in_office_of(doc: Doc, bearer: Entry, name: str) -> bool:
    """The article names the surname with a title of an office of the kind the listed person held ('Gov.
    Christie', 'Sen. Sanders'; ``described.py``): a title and the surname name that person."""
    d = doc.described.get(key(name))
    return d is not None and d.sector != "ELI" and any(t.sector == d.sector for t in bearer.terms)


def _honorific_before_name(doc: Doc, e: Entity) -> bool:
    """A courtesy title ('Mr.', 'Mrs.', 'Ms.'; not_actors.yaml: male_honorifics, female_honorifics) right
    before the name, or opening it."""
    at = bisect_left(doc.starts, e.start)
    return any(_honorific_gender(doc, k) is not None for k in (at - 1, at) if 0 <= k < len(doc.toks))


def _in_office(entry: Entry, doc: Doc) -> bool:
    """The person holds an office of the knowledge base's own list on the article's date: news names
    such a figure by the surname alone, which the tagger may call an organisation ("Pence said ..." while
    he was Vice President); a carmaker named after a president of long ago ("Ford") is not one."""
    return entry.in_office(doc.date)


def known_body(doc: Doc, name: str) -> ActorRef | None:
    """A name the tagger calls an organisation that is a KB organisation's or body's alias (the pass over the
    words skips a short capitalised word such as 'Fed', which may open a sentence: the tagger's label
    shows it a name)."""
    entry = doc.kb.best(key(name.removeprefix("the ").removeprefix("The ")), doc.date)
    if entry is None or entry.kind in {"person", "state"}:
        return None
    return ref_of(doc, entry)


def named_later(doc: Doc, name: str) -> ActorRef | None:
    """A bare surname before any full name with it (a headline's 'Sanders' before 'Bernie Sanders'): the one
    person the article names in full with it, where all its full names are one person's."""
    words = key(name)
    names = [n for _, n in doc.full_names.get(words[0], [])] if len(words) == 1 else []
    names = [n for n in names if key(n)[:1] not in doc.kb.not_actors["bare_titles"]]
    if not names or not all(same_person(n, names[0]) for n in names):
        return None
    known = doc.kb.best(key(names[0]), doc.date)
    if known is not None and known.kind == "person":
        return ref_of(doc, known)
    return misspelt_known(doc, names[0]) or described_ref(doc, names[0], None)


def first_name_of(doc: Doc, name: str) -> ActorRef | None:
    """A one-word name that is the first word of exactly one person named in full in the article and no
    one's surname there: that person, called by the first name ('Hillary', 'Bernie') or, in a name written
    family name first, by the family name ('Ban' after 'Ban Ki-moon')."""
    words = key(name)
    if len(words) != 1 or words[0] in doc.surnames or words[0] in doc.seen:
        return None
    return doc.firsts.get(words[0]) or _alias_first_name(doc, words[0]) or _short_form_bearer(doc, words[0])


def _short_form_bearer(doc: Doc, word: str) -> ActorRef | None:
    """A short form of a given name that no one named in full bears ('Larry', where the article names Laurence H.
    Tribe; data/short_names.yaml): the one person named in full with one of its full forms."""
    if word in doc.firsts:
        return None  # a person named in full bears it, or two do
    bearers = {ref.actor_id: ref for full in doc.kb.short_forms.get(word, ()) if (ref := doc.firsts.get(full))}
    return next(iter(bearers.values())) if len(bearers) == 1 else None


def _shared_first_name(doc: Doc, name: str) -> bool:
    """A one-word name that is the first word of two persons the article names in full and calls by their
    surnames alone ('Paul Ryan ... Ryan', 'Paul Nehlen ... Nehlen'), and no one's surname: it names either. Two
    full names the article never shortens may be one person's split by the tagger ('Jerome Arthur', 'Jerome
    Siegel')."""
    words = key(name)
    if len(words) != 1 or words[0] in doc.surnames or words[0] in doc.seen or doc.firsts.get(words[0], 1) is not None:
        return False
    surnames = {full[-1] for full in doc.first_names.get(words[0], []) if len(full) > 1}
    return sum(1 for surname in surnames if _called_by_surname(doc, words[0], surname)) >= 2


def _called_by_surname(doc: Doc, first: str, surname: str) -> bool:
    """The article writes the surname without the first name before it."""
    return any(norm == surname and (i == 0 or doc.norms[i - 1] != first) for i, norm in enumerate(doc.norms))


def _alias_first_name(doc: Doc, word: str) -> ActorRef | None:
    """The first word of a knowledge-base alias of one person the article has named ('Bibi' of 'Bibi Netanyahu',
    where the article names Benjamin Netanyahu): that person, by the name news calls the person."""
    bearers = {ref.actor_id: ref for ref in doc.seen.values() if _alias_opener(doc, ref, word)}
    return next(iter(bearers.values())) if len(bearers) == 1 else None


def _alias_opener(doc: Doc, ref: ActorRef, word: str) -> bool:
    """``word`` opens a two-word alias of the person's, a short name and the surname ('Bibi Netanyahu'), and is
    no first name of the knowledge base's persons: a person's full legal name ('Rafael Edward Cruz') gives no
    name that a relative may bear ('his father, Rafael')."""
    entry = doc.kb.entries.get(ref.actor_id or "")
    if entry is None or entry.kind != "person" or word in doc.kb.given_names:
        return False
    return any(len(key(a)) == 2 and key(a)[0] == word for a in entry.aliases)


def _head_before_seat(doc: Doc, j: int, ref: ActorRef) -> ActorRef:
    """A bare surname at token j right before a government's seat or a word for a government named after its head
    ('the Obama White House', 'the Obama administration'; not_actors.yaml: seat_buildings, namesake_offices) names
    the one person of the knowledge base's own list with that surname who headed a state or a government, where the
    person the surname was kept for is none of the list's ('Michelle Obama', named in full in the report)."""
    if ref.actor_id in doc.kb.entries or not _seat_after(doc, j + 1):
        return ref
    heads = [
        doc.kb.entries[aid]
        for aid in doc.kb.surnames.get(doc.toks[j].norm, [])
        if _headed_a_state(doc, doc.kb.entries[aid])
    ]
    return ref_of(doc, heads[0]) if len(heads) == 1 else ref


def _seat_after(doc: Doc, k: int) -> bool:
    """A government's seat ('White House') or a word for a government named after its head opens at token k."""
    lists = doc.kb.not_actors
    if k < len(doc.toks) and (doc.norms[k],) in lists["namesake_offices"]:
        return True
    return any(tuple(doc.norms[k : k + n]) in lists["seat_buildings"] for n in (1, 2, 3))


def _given_name_as_org(doc: Doc, name: str) -> ActorRef | None:
    """A one-word name the tagger calls an organisation that is a given name (one the KB's persons bear) and the
    first name of exactly one person named in full ('The Donald' after 'Donald Trump'): that person, unless the
    article writes it before a word for an organisation ('Chelsea Football Club')."""
    bare = name.removeprefix("the ").removeprefix("The ")
    words = key(bare)
    if len(words) != 1 or words[0] not in doc.kb.given_names or _opens_org_name(doc, bare):
        return None
    return first_name_of(doc, bare)


def _rank_after_body(doc: Doc, toks: list[int]) -> bool:
    """The tagged organisation ends in a rank after a word for an organisation ('State Police Lt')."""
    lists = doc.kb.not_actors
    if len(toks) < 2 or (doc.toks[toks[-1]].norm,) not in lists["rank_tails"]:
        return False
    return any((doc.toks[t].norm,) in lists["org_heads"] for t in toks[:-1])


def _shouted_tail(doc: Doc, toks: list[int]) -> bool:
    """A tagged person's name whose last word (of three letters or more, no suffix such as 'III') is in
    capitals after a word in mixed case: a word stressed after the name, not part of it."""
    if len(toks) < 2:
        return False
    first, last = doc.toks[toks[0]], doc.toks[toks[-1]]
    mixed = first.raw[:1].isupper() and not first.raw.isupper()
    stressed = len(last.raw) >= 3 and last.raw.isalpha() and last.raw.isupper()
    return mixed and stressed and (last.norm,) not in doc.kb.not_actors["name_suffixes"]


def _person_noun_opens(doc: Doc, toks: list[int]) -> bool:
    """A tagged name that opens with a noun for a person ('Pensioner', 'Boxer', 'Student': ``kinds.yaml``)
    before one or two capitalised words with no word for an organisation: the noun describes the person."""
    if len(toks) < 2 or kind_nouns()[0].get(doc.toks[toks[0]].norm) != "PERSON":
        return False
    words = doc.text[doc.toks[toks[1]].start : doc.toks[toks[-1]].end].split()  # "Bayram-aga": one word
    lists = doc.kb.not_actors
    shaped = all(w[:1].isupper() and w[:1].isalpha() and (w.lower(),) not in lists["org_heads"] for w in words)
    return 1 <= len(words) <= 2 and shaped


def nationality_before_person(doc: Doc, toks: list[int], label: str) -> str | None:
    """The country of a demonym that opens a tagged name before a person's name ('American Hasim Rahman',
    'Ukrainian Wladimir Klitschko'): the tagger calls the whole a person, or the rest is shaped as a
    person's name or is a person the tagger named elsewhere in the article. None otherwise ('American
    Airlines')."""
    if len(toks) < 3:
        return None
    iso = doc.kb.demonyms.get((doc.toks[toks[0]].norm,))
    if iso is None or not doc.toks[toks[0]].capitalised:
        return None
    rest = doc.text[doc.toks[toks[1]].start : doc.toks[toks[-1]].end]
    if label == "PERSON" and all(doc.toks[t].capitalised for t in toks[1:]):
        return iso
    tagged = doc.surnames.get(doc.toks[toks[-1]].norm, (0, ""))[1]
    return iso if key(tagged) == key(rest) or _person_shaped(doc, rest) else None


def shows_an_actor(doc: Doc, e: Entity, name: str) -> bool:
    """A tagged name the knowledge base does not know is an actor when the article shows one: a person's
    full name, a surname or a first name of a person named in full, an organisation's name (a word for an
    organisation, an acronym, three or more words, a plural after 'the': 'the Vikings'), or a mention
    anywhere in the article in an actor's part (roles.Parse.acts: 'IE' in 'a hole of IE' and 'hotfixes
    for IE' shows none)."""
    words = key(name)
    words = words[1:] if words[:1] == ("the",) else words
    if not words:
        return False
    if e.label == "PERSON" and (len(words) > 1 or words[0] in doc.surnames or words[0] in doc.seen):
        return True
    if e.label == "PERSON" and words[0] in doc.given:
        return True
    org_word = any((w,) in doc.kb.not_actors["org_heads"] for w in words)
    if e.label == "ORG" and (org_word or len(words) > 2 or _acronym(doc, e) or _team(doc, name)):
        return True
    spans = _occurrences(doc.text, name.removeprefix("the ").removeprefix("The "))
    return doc.parse.name_acts(spans)


def _team(doc: Doc, name: str) -> bool:
    """A plural name the article writes after 'the' as a phrase's head ('the Vikings', 'points for the
    Purple Aces'): a team, a band. Not one that modifies a noun ('the Tools menu')."""
    bare = name.removeprefix("the ").removeprefix("The ")
    if not (bare.endswith("s") and bare[:1].isupper()):
        return False
    for m in re.finditer(r"\b[Tt]he (" + re.escape(bare) + r")(?!\w)", doc.text):
        tok = doc.parse.head_of(m.start(1), m.end(1))
        if tok is None or tok.dep != "compound":
            return True
    return False


def _occurrences(text: str, name: str) -> list[tuple[int, int]]:
    """Where the article writes the name as whole words (no letter, digit or underscore on either side)."""
    out, at, size = [], text.find(name), len(name)
    while at >= 0:
        before, after = text[at - 1 : at] if at else "", text[at + size : at + size + 1]
        if not (before.isalnum() or before == "_" or after.isalnum() or after == "_"):
            out.append((at, at + size))
        at = text.find(name, at + 1)
    return out


def person_or_org(doc: Doc, e: Entity, uses: NameUses | None = None) -> str:
    """``name_kind``, and for a tagged organisation ending in 's that it leaves an organisation, ``name_kind``
    of the name without its 's ("Stephenie Meyer 's best-selling series", "King 's target" after "Billy
    King"): the possessive is no part of the name."""
    kind = name_kind(doc, e, uses)
    if kind == "ORG" and e.label == "ORG" and words_of(e)[-1:] == ("'s",):
        return name_kind(doc, dataclasses.replace(e, text=re.sub(r"\s*['’]s$", "", e.text)), uses)
    return kind


def name_kind(doc: Doc, e: Entity, uses: NameUses | None = None) -> str:
    """The tagger's PERSON/ORG, corrected: 'Pickell said' after 'Sgt. Mike Pickell' is a person;
    'Gordon Advisers' is a firm; a name the tagger calls the other kind more often in the same article
    is that kind ('The Weitz move' where 'Weitz' is a person three times out of five: one name, one
    sense in one article)."""
    words = words_of(e)
    org_word = any((w,) in doc.kb.not_actors["org_heads"] for w in words) or _legal_form_in(doc, e.text)
    named = words and (words[-1] in doc.surnames or words[-1] in doc.seen)
    if uses is not None and not org_word:
        persons, orgs = uses.labels["PERSON"][words], uses.labels["ORG"][words]
        if e.label == "ORG" and persons > orgs and not _acronym(doc, e):
            return "PERSON"  # before the article test: in "The Weitz move" the article is the move's
        if e.label == "PERSON" and orgs > persons and not named:
            return "ORG"
    firm = tuple(w for w in words if w not in POSSESSIVE)[-1:] in doc.kb.not_actors["firm_trades"]  # "Patriot Coal's"
    if e.label == "PERSON" and len(words) > 1 and (org_word or firm or _inner_possessive(e.text)):
        return "ORG"  # "Gordon Advisers", "Sam 's Club": a person's name has no possessive inside
    stressed = len(words) > 1 and (words[-2] in doc.surnames or words[-2] in doc.seen)  # "Kemp AGAIN pulled away"
    if e.label == "PERSON" and (
        _acronym(doc, e) or " " in e.text and acronym_surname(e.text, doc.text) and not stressed
    ):
        return "ORG"  # "SEACOM said", "Junge SVP": no one's name is an acronym
    if e.label == "PERSON" and len(words) > 1 and words[-1:] in doc.kb.not_actors["team_tails"]:
        return "ORG"  # "Indiana State": a school or its team
    if e.label == "PERSON" and len(words) == 1 and not named and _opens_org_name(doc, e.text):
        return "ORG"  # "Marfin's boss" where the article writes "Marfin Bank": the bank's short name
    if e.label == "PERSON" and len(words) > 1 and _names_a_building(doc, e.text):
        return "ORG"  # "Mat Maid" where the article writes "the Mat Maid building": a firm's premises
    if e.label == "PERSON" and len(words) == 1 and not named and _team(doc, e.text):
        return "ORG"  # "Jaguars kicker Josh Scobee" where the article writes "the Jaguars": the team
    if e.label == "PERSON" and _after_the(doc, e) and not _person_shaped(doc, e.text.removeprefix("the ")):
        if not (named and len(words) == 1):  # "the Cruz campaign" after "Ted Cruz": the person's campaign
            return "ORG"  # "the Blazers", "the Timaru Herald": a person's name takes no article
    if e.label == "ORG" and not org_word and _person_shaped(doc, e.text):
        return "PERSON"  # "P.J. Carlesimo", "Elton Brand"
    if e.label == "ORG" and not org_word and named and len(words) <= 3 and not _word_before_full_name(doc, words):
        return "PERSON"
    titled_name = len(words) > 2 and (words[0],) in doc.kb.not_actors["bare_titles"]
    if e.label == "ORG" and not org_word and titled_name:  # "GM Ed Stefanski"
        return "PERSON"
    return e.label


def _legal_form_in(doc: Doc, name: str) -> bool:
    """A firm's legal form written as one ('N.V. DSM', 'Siemens AG', 'Reed International PLC'; not_actors.yaml:
    legal_forms) in the name: written with full stops, or closing it in capitals ('AG Mukasey' is an attorney
    general; 'Sa' a surname)."""
    toks = tokenize(name)
    forms = [(n, t) for n, t in enumerate(toks) if (t.norm,) in doc.kb.not_actors["legal_forms"]]
    return any((n == len(toks) - 1 and not re.fullmatch(r"[A-Z][a-z]+", t.raw)) or "." in t.raw for n, t in forms)


def _word_before_full_name(doc: Doc, words: tuple[str, ...]) -> bool:
    """The words are another word and then a full name the tagger found ('the Draft Mitch Daniels' after 'Mitch
    Daniels'): a name that holds the person's, not the person."""
    return any(key(name) == words[1:] for _, name in doc.full_names.get(words[-1], []))


def _opens_org_name(doc: Doc, name: str) -> bool:
    """The article writes the name before a capitalised word for an organisation or a firm's trade ('Marfin
    Bank', 'Enderle Group', 'Patriot Coal'), or opens a firm's full name with it, one or two capitalised words and
    its legal form or such a word ('Reed International PLC', 'Ralston Purina Co.', 'Poughkeepsie Savings Bank', as
    business news names a firm in full first): alone, it is that organisation's short name."""
    lists = doc.kb.not_actors
    if next(right_after(doc.text, name, SPACE_CAPITAL), None) is None:
        return False  # both patterns below need a capitalised word after the name
    for m in re.finditer(r"\b" + re.escape(name) + r" ([A-Z][a-z]+)\b", doc.text):
        if (m.group(1).lower(),) in lists["org_heads"] or (m.group(1).lower(),) in lists["firm_trades"]:
            return True
    firm = r"\b" + re.escape(name) + r"((?: [A-Z][\w&'-]*){1,2}),? ([A-Z][A-Za-z.]*)"
    ends = lists["legal_forms"] | lists["org_heads"]  # "Poughkeepsie Savings Bank"
    persons = {n for names in doc.full_names.values() for _, n in names}
    return any(
        key(m.group(2)) in ends and not any(p.startswith(name + m.group(1)) for p in persons)
        for m in re.finditer(firm, doc.text)
    )  # not "Hillary Clinton Foundation" where the tagger finds "Hillary Clinton": her first name


def _names_a_building(doc: Doc, name: str) -> bool:
    """The article writes 'the NAME <building>' with a lower-case word for a building ('the old Mat Maid
    building', 'the Mat Maid complex'): the name is a firm's or a property's, not a person's."""
    heads = doc.kb.not_actors["facility_heads"]
    if not any((m.group(1),) in heads for m in right_after(doc.text, name, SPACE_LOWER_WORD)):
        return False  # the pattern below needs a building's word right after the name
    pattern = r"\bthe (?:[a-z]+ ){0,2}" + re.escape(name) + r" ([a-z]+)\b"
    return any((m.group(1),) in heads for m in re.finditer(pattern, doc.text))


def _acronym(doc: Doc, e: Entity) -> bool:
    """One word of three or more capitals, not among words in capitals ('WILLIAMS ARRESTED')."""
    toks = list(range(bisect_left(doc.starts, e.start), bisect_left(doc.starts, e.end)))
    if len(toks) != 1 or len(doc.toks[toks[0]].raw) < 3 or not doc.toks[toks[0]].raw.isupper():
        return False
    near = [doc.toks[x] for x in (toks[0] - 1, toks[0] + 1) if 0 <= x < len(doc.toks)]
    return not any(t.upper and len(t.raw) > 1 and t.raw.isalpha() for t in near)


def _after_the(doc: Doc, e: Entity) -> bool:
    if e.text[:4] in {"the ", "The "}:
        return True
    before = doc.text[max(e.start - 4, 0) : e.start]
    return before in {"the ", "The "}


def _inner_possessive(name: str) -> bool:
    toks = tokenize(name)
    return any(t.norm in POSSESSIVE for t in toks[:-1])


def _person_shaped(doc: Doc, name: str) -> bool:
    """Given name (one the KB's persons bear, or any before a middle initial) or initials, then a surname and
    nothing else: 'Elton Brand', 'P.J. Carlesimo', 'Maurice E. Cheeks', 'Channing D. Phillips'."""
    return person_shaped(doc.kb, name)


def person_shaped(kb: KnowledgeBase, name: str) -> bool:
    """``_person_shaped`` for a name read before the article's Doc is built."""
    toks = tokenize(name)
    if not 2 <= len(toks) <= 3 or not all(t.raw[:1].isupper() for t in toks) or toks[0].norm == "the":
        return False
    first, last = toks[0], toks[-1]
    initials = INITIALS.fullmatch(first.raw) is not None
    middle_initial = len(toks) == 3 and _initial(toks[1].raw) and first.raw.isalpha() and len(first.raw) > 1
    given = first.norm in kb.given_names or middle_initial  # "Channing D. Phillips": a middle initial
    if not (initials or given) or not last.raw.isalpha() or len(last.raw) < 2:
        return False
    if len(toks) == 3 and not _initial(toks[1].raw):
        return False  # a middle word other than an initial: "George Mason University"-like names
    word, lists = (last.norm,), kb.not_actors
    if word in kb.titles or any(word in lists[k] for k in NOT_SURNAMES):
        return False  # "Rear Admiral", "Hastings Center"
    return word not in kb.index and word not in kb.demonyms


def _initial(raw: str) -> bool:
    """One or more initials, with their full stops or as the tokenizer leaves them ('H.W.', 'D')."""
    return INITIALS.fullmatch(raw) is not None or len(raw) == 1 and raw.isupper()


def _words_before_person(doc: Doc, toks: list[int]) -> int:
    """How many words open a tagged person's name before the person's own name: a title, a rank or a
    position ('Colts QB Andrew Luck', 'Senior Trooper William Hakim'), or words before a name the tagger
    found alone earlier in the article ('former Razorback Peyton Hillis' after 'Peyton Hillis'). A middle
    name stays ('LuAnn Marie Johnson'): the words dropped must be a title or an abbreviation in capitals,
    unless the rest was tagged alone."""
    if len(toks) < 3 or doc.toks[toks[0]].norm in doc.kb.given_names | {"the"}:
        return 0
    for k in range(1, len(toks) - 1):
        rest = doc.text[doc.toks[toks[k]].start : doc.toks[toks[-1]].end]
        tagged = doc.surnames.get(doc.toks[toks[-1]].norm, (0, ""))[1]
        if key(tagged) == key(rest):
            return k
        if _person_shaped(doc, rest) and all(_title_word(doc, doc.toks[t]) for t in toks[:k]):
            return k
    return 0


def _title_word(doc: Doc, tok: Tok) -> bool:
    """A word that is no one's name before a name: a title or a rank, a playing position, an abbreviation in
    capitals ('QB', 'GM') or a team written in the plural ('Colts')."""
    word, lists = (tok.norm,), doc.kb.not_actors
    if word in doc.kb.titles or any(word in lists[k] for k in ("bare_titles", "police_ranks", "role_tails")):
        return True
    return len(tok.raw) > 1 and tok.raw.isalpha() and (tok.raw.isupper() or tok.raw.endswith("s"))


def same_person(name: str, other: str) -> bool:
    """Two names of one person: one is a bare surname, or the first names agree (or one is an initial)."""
    a, b = name.split(), other.split()
    if len(a) < 2 or len(b) < 2:
        return True
    short, full = sorted((key(name), key(other)), key=len)
    if len(short) < len(full) and full[-len(short) :] == short:
        return True  # "Wasserman Schultz" of "Debbie Wasserman Schultz": a surname of two words
    first, other_first = key(a[0])[:1] or ("",), key(b[0])[:1] or ("",)
    if _middle_initials(a) and _middle_initials(b) and _middle_initials(a) != _middle_initials(b):
        return False  # "George H.W. Bush" is not "George W. Bush"
    return first[0].startswith(other_first[0]) or other_first[0].startswith(first[0])


def _middle_initials(words: list[str]) -> str:
    """The middle initials between the first name and the surname where they are all written as initials
    ('George H.W. Bush' -> 'hw', 'George W. Bush' -> 'w'); '' where there are none or a word is written out."""
    middle = words[1:-1]
    if not middle or not all(re.fullmatch(r"(?:[A-Za-z]\.)+", w) for w in middle):
        return ""
    return "".join(w.replace(".", "").lower() for w in middle)


def _entity_actor(e: Entity, found: list[Found]) -> Entity:
    if e.label not in NER_LABELS and e.label not in {"FAC", "LOC"}:
        return e
    for f in found:
        if f.core[0] < e.end and e.start < f.core[1]:
            return dataclasses.replace(e, actor_id=(f.core_ref or f.ref).actor_id)
    return e


# ---------------------------------------------------------------------------- quotes
class SpeakerCandidates:
    """An article's actor mentions by the normal form of their words and by each word, so that a quote's
    speaker is sought among the mentions that could name it, not among all of them."""

    def __init__(self, mentions: tuple[ActorMention, ...]) -> None:
        self.mentions = mentions
        self.by_key: dict[tuple[str, ...], list[int]] = {}
        self.by_word: dict[str, set[int]] = {}
        for n, m in enumerate(mentions):
            k = key(m.text)
            self.by_key.setdefault(k, []).append(n)
            for w in k:
                self.by_word.setdefault(w, set()).add(n)

    def nearest(self, q: Quote, want: tuple[str, ...]) -> ActorMention | None:
        """The mention named like the speaker nearest the quote, else the nearest that shares a word
        with the speaker's name (function words aside) within 600 characters and is not part of what
        was said ("Indonesia's foreign minister invited the Portuguese foreign minister ...": the
        Portuguese minister inside the content shares two words but is not the speaker); the first
        such on a tie."""
        same = set(self.by_key.get(want, ()))
        sharing = set().union(*(self.by_word.get(w, set()) for w in set(want) - FUNCTION_WORDS))
        hits = [
            n
            for n in same | sharing
            if n in same or (_within(self.mentions[n], q, 600) and not _inside_content(self.mentions[n], q))
        ]
        if not hits:
            return None
        return self.mentions[min(hits, key=lambda n: (n not in same, _distance(self.mentions[n], q), n))]


def _distance(m: ActorMention, q: Quote) -> int:
    return min(abs(m.start - q.start), abs(m.end - q.end))


def _quote_speaker(q: Quote, speakers: SpeakerCandidates, doc: Doc) -> Quote:
    if not q.speaker_text:
        return q
    m = speakers.nearest(q, key(q.speaker_text))
    if m is not None:
        return dataclasses.replace(q, speaker=m.actor)
    sub = Doc(doc.kb, tokenize(q.speaker_text), doc.date, q.speaker_text, dict(doc.seen))
    hits = scan(sub)
    if hits:
        return dataclasses.replace(q, speaker=hits[0].ref)
    return dataclasses.replace(q, speaker=ActorRef(q.speaker_text))


def _inside_content(m: ActorMention, q: Quote) -> bool:
    return q.start <= m.start and m.end <= q.end


def _within(m: ActorMention, q: Quote, dist: int) -> bool:
    return abs(m.start - q.start) <= dist or abs(m.end - q.end) <= dist
