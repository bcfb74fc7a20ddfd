"""The actor knowledge base: hand-written facts plus the compiled Phoenix dictionaries.

Everything is loaded once from ``data/`` and indexed by normalised token tuples, so a lookup is
a dictionary probe, never a scan.
"""

from __future__ import annotations

import csv
import gc
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

from newsfuse.model import Actor

from ..text.yamlfile import load_yaml
from .text import FUNCTION_WORDS, key, letter_less, one_letter_apart, slug

DATA = Path(__file__).resolve().parent / "data"
# initials written with spaces between them ('George H. W. Bush'): news writes them joined too ('George H.W. Bush')
SPACED_INITIALS = re.compile(r"\b[A-Z]\.(?: [A-Z]\.)+")


def _initials_joined(alias: str) -> tuple[str, ...]:
    """The key of an alias with its spaced initials joined ('George H.W. Bush' of 'George H. W. Bush')."""
    return key(SPACED_INITIALS.sub(lambda m: m.group(0).replace(" ", ""), alias))


NON_STATE = {
    "IGO": "IGO",
    "NGO": "NGO",
    "NGM": "NGM",
    "MNC": "BUS",
    "IMG": "IMG",
    "UAF": "UAF",
    "ELI": "ELI",
    "REB": "REB",
    "MED": "MED",
    "BUS": "BUS",
    "CVL": "CVL",
    "GOV": "GOV",
}


def load_cameo_codes(path: Path) -> dict[str, str | None]:
    """Legacy CAMEO/COW country codes -> ISO 3166 alpha-3; regions and religions -> None."""
    out: dict[str, str | None] = {}
    for row in csv.DictReader(path.open(encoding="utf-8"), delimiter="\t"):
        out[row["code"]] = None if row["iso3"] == "-" else row["iso3"]
    return out


CAMEO_TO_ISO = load_cameo_codes(DATA / "cameo_codes.tsv")


@dataclass(frozen=True)
class Term:
    country: str | None
    sector: str | None
    role: str | None
    start: str | None
    end: str | None
    source: str = "kb"

    def covers(self, date: str) -> bool:
        return (not self.start or self.start <= date) and (not self.end or date <= self.end)


@dataclass
class Entry:
    id: str
    name: str
    kind: str
    country: str | None = None
    sector: str | None = None
    aliases: list[str] = field(default_factory=list)
    terms: list[Term] = field(default_factory=list)  # hand-written, authoritative
    phoenix: list[Term] = field(default_factory=list)  # compiled, pre-2014, no roles
    source: str = "kb"

    def term_at(self, date: str | None) -> Term | None:
        if self.source == "kb" and self.kind != "person":
            return None  # hand-written bodies: their country and sector stand at any date
        if date:
            for terms in (self.terms, [t for t in self.phoenix if t.start or t.end]):
                hits = [t for t in terms if t.covers(date[:10])]
                if hits:
                    return max(hits, key=lambda t: t.start or "")
            undated = [t for t in self.phoenix if not t.start and not t.end]
            return undated[0] if undated else None
        if self.terms:
            return max(self.terms, key=lambda t: (t.end is None, t.start or ""))
        dated = [t for t in self.phoenix if t.start or t.end]
        if dated:
            return max(dated, key=lambda t: t.start or "")
        return self.phoenix[0] if self.phoenix else None

    def in_office(self, date: str | None) -> bool:
        """A hand-written term of office covers the date (on no date, none does); a former official's or a
        candidate's standing among the elites (ELI) is no office."""
        day = (date or "")[:10]
        return bool(day) and any(t.covers(day) for t in self.terms if (t.start or t.end) and t.sector != "ELI")

    def actor(self, date: str | None = None) -> Actor:
        term = self.term_at(date)
        aliases = tuple(self.aliases)
        if term is None and self.kind == "person" and date and self.terms:
            before = [t for t in self.terms if t.end and t.end < date[:10]]
            if before:  # out of office by then: a former office-holder
                last = max(before, key=lambda t: t.end or "")
                return Actor(
                    self.id,
                    self.name,
                    self.kind,
                    last.country,
                    "ELI",
                    f"Former {last.role}" if last.role else None,
                    aliases,
                )
            first = self.terms[0]
            return Actor(self.id, self.name, self.kind, first.country, None, None, aliases)
        if term is None and self.kind == "person" and date and self.phoenix:
            return Actor(self.id, self.name, self.kind, self.country, None, None, aliases)  # not in office then
        if term is None:
            return Actor(self.id, self.name, self.kind, self.country, self.sector, None, aliases)
        return Actor(
            self.id,
            self.name,
            self.kind,
            term.country or self.country,
            term.sector or self.sector,
            term.role,
            aliases,
            term.start,
            term.end,
        )


@dataclass(frozen=True)
class Country:
    iso: str
    name: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    capitals: tuple[str, ...]


def parse_cameo(code: str) -> tuple[str | None, str | None]:
    """'RUSGOV' -> ('RUS', 'GOV'); 'IGOUNOIAE' -> (None, 'IGO'); 'PSEREBHMS' -> ('PSE', 'REB')."""
    head, rest = code[:3], code[3:6]
    if head in NON_STATE:
        return None, NON_STATE[head]
    return CAMEO_TO_ISO.get(head, head), (NON_STATE.get(rest, rest) or None)


class KnowledgeBase:
    def __init__(self, data: Path = DATA) -> None:
        self.entries: dict[str, Entry] = {}
        self.index: dict[tuple[str, ...], list[str]] = {}
        self.surnames: dict[str, list[str]] = {}
        self.countries: dict[str, Country] = {}
        self.demonyms: dict[tuple[str, ...], str] = {}
        self.capitals: dict[tuple[str, ...], str] = {}
        self.metonym_capitals: set[tuple[str, ...]] = set()
        self.shared_cities: dict[tuple[str, ...], tuple[str, ...]] = {}  # "Tripoli": Libya's and Lebanon's
        self.agents: dict[tuple[str, ...], str] = {}
        self.hand_agents: set[tuple[str, ...]] = set()
        self.titles: dict[tuple[str, ...], tuple[str, str]] = {}
        self.peoples: dict[tuple[str, ...], str | None] = {}  # plural nouns: "Palestinians", "Kurds"
        self.groups: set[tuple[str, ...]] = set()  # adjectives with no one country: "Kurdish", "Shiite"
        self.phoenix_surnames: dict[str, list[str]] = {}
        self.written_lower: set[tuple[str, ...]] = set()  # keys of some name written not all in capitals
        self.phoenix_acronyms: set[tuple[str, ...]] = set()  # one-word Phoenix aliases in capitals ("DAWN")
        facts = load_yaml((data / "kb.yaml").read_text(encoding="utf-8"))
        self.sector_names: dict[str, str] = facts["sectors"]
        self.head_words = {key(w) for w in facts["head_words"]}
        self.office_words = {key(w) for w in facts["office_words"]}
        self._load_countries(data / "countries.tsv", facts)
        self.one_word_states = self._one_word_states()
        self._load_facts(facts)
        self._load_phoenix(data / "phoenix_actors.tsv")
        self._load_agents(data / "phoenix_agents.tsv", facts)
        self._load_peoples(facts)
        self.words = {k: frozenset(key(w)[0] for w in v) for k, v in facts["words"].items()}
        lists = load_yaml((data / "not_actors.yaml").read_text(encoding="utf-8"))
        self.not_actors: dict[str, frozenset[tuple[str, ...]]] = {
            k: frozenset(key(w) for w in v if key(w)) for k, v in lists.items()
        }
        self.max_len = max(len(k) for k in self.index)
        self.ship_prefixes = tuple(str(w) for w in lists["ship_prefixes"])  # as written: "INS", "MV"
        shorts = load_yaml((data / "short_names.yaml").read_text(encoding="utf-8"))["short_forms"]
        self.short_forms = {str(k): frozenset(map(str, v)) for k, v in shorts.items()}  # 'larry' -> {'laurence', ...}
        self.given_names = self._given_names()
        self.listed_given_names = self._listed_given_names()
        # a Phoenix acronym no name of any entry writes otherwise: only a word in capitals is it ("Dawn" is a name)
        self.acronyms_only = frozenset(self.phoenix_acronyms - self.written_lower)
        self._index_openers()

    def _index_openers(self) -> None:
        """The first words of the names each lookup knows: the linker asks at every word of an article
        whether a name, a title, an agent or a people starts there, and most words start none."""
        states = [k for k, ids in self.index.items() if any(i.startswith("state:") for i in ids)]
        # a listed person's surname alone opens a name too, on a date the person is in office ('Kasich')
        self.name_openers = _first_words(self.index, self.metonym_capitals) | frozenset(self.surnames)
        self.demonym_openers = _first_words(self.demonyms, states)
        self.title_openers = _first_words(self.titles)
        self.agent_openers = _first_words(self.agents)
        self.people_openers = _first_words(self.peoples)

    # ------------------------------------------------------------------ loading
    def _add(self, entry: Entry, aliases: list[str]) -> None:
        self.entries[entry.id] = entry
        for alias in [entry.name, *aliases]:
            self._index(alias, entry.id)

    def _index(self, alias: str, entry_id: str) -> None:
        k = key(alias)
        if k and not alias.isupper():
            self.written_lower.add(k)
        for written in {k, _initials_joined(alias)} if ". " in alias else {k}:
            ids = self.index.setdefault(written, []) if written else []
            if written and entry_id not in ids:
                ids.append(entry_id)

    def _load_countries(self, path: Path, facts: dict) -> None:
        rows = csv.DictReader(path.open(encoding="utf-8"), delimiter="\t")
        for r in rows:
            split = lambda s: tuple(x for x in s.split("|") if x)  # noqa: E731
            c = Country(r["iso3"], r["name"], split(r["aliases"]), split(r["demonyms"]), split(r["capitals"]))
            self.countries[c.iso] = c
            self._add(Entry(f"state:{c.iso}", c.name, "state", c.iso, None), list(c.aliases))
            demonym = c.demonyms[0] if c.demonyms else c.name
            self.entries[f"gov:{c.iso}"] = Entry(f"gov:{c.iso}", f"{demonym} government", "government", c.iso, "GOV")
            for d in c.demonyms:
                self.demonyms.setdefault(key(d), c.iso)
            for cap in c.capitals:
                self.capitals.setdefault(key(cap), c.iso)
        self.metonym_capitals = {key(c) for c in facts["capital_metonyms"]}
        self.territories: dict[tuple[str, ...], str] = {}
        for iso, names in facts["territories"].items():
            for name in names:
                self.territories[key(name)] = iso
        self.territory_parts = {k: frozenset(key(w)[0] for w in v) for k, v in facts["territory_parts"].items()}
        self.shared_cities = {key(name): tuple(isos) for name, isos in facts["shared_city_names"].items()}

    def _load_facts(self, facts: dict) -> None:
        for m in facts["metonyms"]:
            aid = f"{m['sector'].lower()}:{m['country']}"
            if aid not in self.entries:
                self.entries[aid] = self.sector_entry(m["country"], m["sector"])
            for alias in [m["name"], *m.get("aliases", [])]:
                self._index(alias, aid)
        for slug_, name, kind, country, sector, aliases in facts["organisations"]:
            aid = f"{kind}:{slug_}"
            self._add(Entry(aid, name, kind, country, sector), list(aliases))
        for p in facts["people"]:
            terms = [Term(c, s, r, _iso(a), _iso(b)) for c, s, r, a, b in p["terms"]]
            aid = f"person:{slug(p['name'])}"
            entry = Entry(
                aid, p["name"], "person", terms[0].country, terms[0].sector, list(p.get("aliases", [])), terms
            )
            self._add(entry, entry.aliases)
            surname = key(p["name"])[-1:]
            if surname and len(key(p["name"])) > 1:
                self.surnames.setdefault(surname[0], []).append(aid)

    def sector_entry(self, iso: str, sector: str) -> Entry:
        aid = f"{sector.lower()}:{iso}"
        if aid in self.entries:
            return self.entries[aid]
        c = self.countries.get(iso)
        demonym = c.demonyms[0] if c and c.demonyms else c.name if c else iso
        noun = self.sector_names.get(sector, sector.lower())
        kind = "government" if sector == "GOV" else "agent"
        entry = Entry(aid, f"{demonym} {noun}", kind, iso, sector)
        self.entries[aid] = entry
        return entry

    def group_entry(self, label: str, sector: str) -> Entry:
        """A people or faith with no one country: 'Kurdish rebels', 'Shiite militias'."""
        aid = f"{sector.lower()}:{slug(label)}"
        if aid not in self.entries:
            noun = self.sector_names.get(sector, sector.lower())
            self.entries[aid] = Entry(aid, f"{label.title()} {noun}", "agent", None, sector)
        return self.entries[aid]

    def _load_phoenix(self, path: Path) -> None:
        with path.open(encoding="utf-8") as fh:
            next(fh)
            for line in fh:
                aid, name, kind, aliases, terms, _origin = line.rstrip("\n").split("\t")
                alias_list = [a for a in aliases.split("|") if a]
                parsed = []
                for t in terms.split(";"):
                    code, start, end = t.split(":")
                    country, sector = parse_cameo(code)
                    parsed.append(Term(country, sector, None, start or None, end or None, "phoenix"))
                target = self._hand_match([name, *alias_list]) if kind in {"person", "group", "igo", "media"} else None
                if target is not None:
                    target.phoenix.extend(parsed)
                    for a in [name, *alias_list]:
                        self._index(a, target.id)
                    continue
                first = parsed[0]
                self.phoenix_acronyms.update(key(a) for a in alias_list if a.isupper() and len(key(a)) == 1)
                entry = Entry(aid, name, kind, first.country, first.sector, alias_list, [], parsed, "phoenix")
                self._add(entry, alias_list)
                if kind == "person" and len(key(name)) > 1:
                    self.phoenix_surnames.setdefault(key(name)[-1], []).append(aid)

    def _hand_match(self, names: list[str]) -> Entry | None:
        for n in names[:1] + names[1:]:
            for aid in self.index.get(key(n), []):
                e = self.entries[aid]
                if e.source == "kb" and e.kind not in {"state", "government"}:
                    return e
        return None

    def _load_agents(self, path: Path, facts: dict) -> None:
        with path.open(encoding="utf-8") as fh:
            next(fh)
            for line in fh:
                phrase, code = line.rstrip("\n").split("\t")
                self.agents[key(phrase)] = code[:3]
        for phrase, sector in facts["agents"].items():
            self.agents[key(phrase)] = sector
            self.hand_agents.add(key(phrase))
        for phrase, (role, sector) in facts["titles"].items():
            self.titles[key(phrase)] = (role, sector)

    def _load_peoples(self, facts: dict) -> None:
        for d, iso in list(self.demonyms.items()):
            plural = _plural_demonym(d[-1])
            if plural:
                self.peoples.setdefault(d[:-1] + (plural,), iso)
        for adjective, plural, iso in facts["peoples"]:
            if iso:
                self.demonyms.setdefault(key(adjective), iso)
            else:
                self.groups.add(key(adjective))
            self.peoples.setdefault(key(plural), iso)

    def _given_names(self) -> frozenset[str]:
        """First words of the KB's persons named by two words or more ('Elton', 'Ahmad'): the given names
        the dictionaries attest, less any word that is also a title, a demonym, a function word, (alone)
        the name of some other KB entry ('Georgia', 'Sir') or the first word of a country's or a capital's
        name ('San Marino', 'El Salvador')."""
        out = set()
        for entry in self.entries.values():
            words = key(entry.name)
            if entry.kind == "person" and len(words) > 1 and words[0].isalpha() and len(words[0]) > 1:
                out.add(words[0])
        titles = {k[0] for k in self.titles} | {k[0] for k in self.not_actors["bare_titles"]}
        states = [k for k, ids in self.index.items() if any(i.startswith("state:") for i in ids)]
        titles |= {k[0] for k in [*self.capitals, *states] if len(k) > 1}
        return frozenset(
            w
            for w in out
            if w not in titles
            and w not in FUNCTION_WORDS
            and (w,) not in self.demonyms
            and not any(not i.startswith("person:") for i in self.index.get((w,), []))
        )

    def _listed_given_names(self) -> frozenset[str]:
        """The first names of the hand-listed persons ('Paul' of 'Paul Ryan')."""
        persons = (e for e in self.entries.values() if e.source == "kb" and e.kind == "person")
        return frozenset(key(e.name)[0] for e in persons if len(key(e.name)) > 1)

    # ------------------------------------------------------------------ lookups
    def candidates(self, k: tuple[str, ...]) -> list[Entry]:
        return [self.entries[i] for i in self.index.get(k, [])]

    def best(self, k: tuple[str, ...], date: str | None) -> Entry | None:
        """The entry a name means on a date: hand facts first, then those in office then. A surname alone
        names a listed person only while that person holds a listed office on the date ('Pence said' in
        2018); otherwise news names a person in full first, and the linker reads the surname after it as
        that person (``link.remember``), so a 'Sanders' of a local report is not Bernie Sanders."""
        cands = self.candidates(k)
        if not cands:
            if k in self.capitals and k in self.metonym_capitals:
                return self.entries[f"gov:{self.capitals[k]}"]
            if len(k) == 1:
                cands = [self.entries[i] for i in self.surnames.get(k[0], []) if self.entries[i].in_office(date)]
            if not cands:
                return None

        named = any(c.kind == "group" and key(c.name) == k for c in cands)

        def rank(e: Entry) -> tuple[int, int, int, int, int]:
            in_office = bool(date and any(t.covers(date[:10]) for t in e.terms + e.phoenix if t.start or t.end))
            current = any(t.end is None for t in e.terms)
            # where a group bears the name read as its own, a group whose own name shares no word with it is another
            # group that lists it as an alias ('Lashkar-e-Taiba' is not Phoenix's Al-Arifeen, whatever its country)
            stranger = named and e.kind == "group" and not set(key(e.name)) & set(k)
            return (e.source == "kb", in_office, current, not stranger, e.country is not None)

        return max(cands, key=rank)

    def resolve(self, name: str, date: str | None = None) -> Actor | None:
        k = key(name)
        if k and k[0] == "the" and not self.index.get(k):
            k = k[1:]
        entry = self.best(k, date)
        if entry is None and k in self.demonyms:
            return self.entries[f"state:{self.demonyms[k]}"].actor(date)
        if entry is None and (iso := self.territory_country(k)):
            return self.entries[f"state:{iso}"].actor(date)
        return entry.actor(date) if entry else None

    @cached_property
    def persons_by_first_name(self) -> dict[str, list[tuple[str, str]]]:
        """First name -> (surname, id) of every listed person named by two words ('abdelaziz': bouteflika)."""
        table: dict[str, list[tuple[str, str]]] = {}
        for e in self.entries.values():
            words = key(e.name)
            if e.kind == "person" and len(words) == 2:
                table.setdefault(words[0], []).append((words[1], e.id))
        return table

    def _one_word_states(self) -> tuple[dict[str, set[str]], dict[str, set[tuple[str, str]]]]:
        """The one-word names and aliases of the listed countries (name -> countries), and each of those names
        less one of its letters (-> the names and their countries): ``misspelt_state`` looks a word up in them
        instead of comparing it with every name (a name one letter apart is one of the word's letter-less forms,
        or has the word as one of its own)."""
        names: dict[str, set[str]] = {}
        less_one: dict[str, set[tuple[str, str]]] = {}
        for c in self.countries.values():
            for name in (key(n) for n in (c.name, *c.aliases)):
                if len(name) == 1:
                    names.setdefault(name[0], set()).add(c.iso)
                    for short in letter_less(name[0]):
                        less_one.setdefault(short, set()).add((name[0], c.iso))
        return names, less_one

    def misspelt_state(self, word: str, date: str | None = None) -> Actor | None:
        """'Ethopia', 'Afganistan', 'Phillippines': one word one letter apart from the one-word name of one listed
        country (a letter dropped or doubled by mistake, as linking reads 'Hilary Clinton'; five letters or more) is
        that country. A word the knowledge base knows is never read so ('Austria' is no 'Australia'), nor the name
        with a letter after it: another word, no misspelling ('the Jordans' are a family; 'Somalian pirates' are
        Somalis, not the state)."""
        words = key(word)
        if len(words) != 1 or self.index.get(words) or words in self.demonyms:
            return None
        word, (names, less_one) = words[0], self.one_word_states
        shorter = {(name, iso) for name in letter_less(word) for iso in names.get(name, ())}
        near = {
            iso
            for name, iso in shorter | less_one.get(word, set())
            if one_letter_apart(name, word) and not word.startswith(name)
        }
        return self.entries[f"state:{near.pop()}"].actor(date) if len(near) == 1 else None

    def territory_country(self, k: tuple[str, ...]) -> str | None:
        """'West Darfur State', 'North Kordofan': a part of a listed territory (a compass word before it, an
        administrative word after it) is in the territory's country."""
        if k in self.territories:
            return self.territories[k]  # "West Bank" is the territory's own name
        if k and k[0] in self.territory_parts["compass"]:
            k = k[1:]
        if k and k[-1] in self.territory_parts["divisions"]:
            k = k[:-1]
        return self.territories.get(k)

    def office_holder(self, surname: str, sector: str | None, date: str | None) -> Entry | None:
        """'President Mugabe': the one person of that surname holding such an office on the date."""
        ids = self.surnames.get(surname, []) + self.phoenix_surnames.get(surname, [])
        hits = []
        for aid in ids:
            term = self.entries[aid].term_at(date) if date else None
            if term is not None and term.sector == sector and (term.start or term.end):
                hits.append(self.entries[aid])
        return hits[0] if len({e.name for e in hits}) == 1 else None

    def surname_country(self, surname: str, sector: str | None) -> str | None:
        """'President Bush' on no known date: the one country whose such office-holders bear that name."""
        for ids in (self.surnames.get(surname, []), self.phoenix_surnames.get(surname, [])):  # hand facts first
            countries = {
                t.country
                for aid in ids
                for t in self.entries[aid].terms + self.entries[aid].phoenix
                if t.sector == sector and t.country
            }
            if countries:
                return countries.pop() if len(countries) == 1 else None
        return None


def _first_words(*tables: Iterable[tuple[str, ...]]) -> frozenset[str]:
    return frozenset(k[0] for table in tables for k in table if k)


def _plural_demonym(word: str) -> str | None:
    """'palestinian' -> 'palestinians', 'iraqi' -> 'iraqis'; '-ese', '-ish', '-ch', '-ss' have none."""
    if word.endswith(("an", "i", "ot", "ek", "ab", "ite", "er", "on")):
        return word + "s"
    return None


def _iso(value: object) -> str | None:
    return None if value is None else str(value)


@lru_cache(maxsize=1)
def get_kb() -> KnowledgeBase:
    """The knowledge base, built once per process with the cyclic garbage collector paused: the build
    makes some hundred thousand objects and no garbage cycles, and the collections its allocations
    would set off (each over every object the process holds, models included) cost a third of it."""
    with collector_paused():
        return KnowledgeBase()


@contextmanager
def collector_paused() -> Iterator[None]:
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
