"""Link actor mentions in an annotated article to knowledge-base actors.

One left-to-right pass over word tokens tries, at each position: a titled name ("Russian President
Vladimir Putin"), a KB name (longest alias first), a demonym + agent ("Israeli forces"), a capital
used as a government ("Moscow said"). Persons seen earlier are remembered by surname, so later
"Putin" or "the Russian leader" resolve to them (coreference within the article).
"""

from __future__ import annotations

import dataclasses
from bisect import bisect_left
from dataclasses import dataclass, field

from newsfuse.model import ActorMention, ActorRef, AnnotatedArticle, Entity, Quote

from .kb import Entry, KnowledgeBase, get_kb
from .text import FUNCTION_WORDS, Tok, key, slug, tokenize

LOCATION_PREPS = frozenset("in at near from to into across outside inside around throughout via towards toward on over".split())
GOV_PREPS = frozenset("between with".split())
POSSESSIVE = frozenset({"'s"})
NER_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})


@dataclass
class Found:
    start: int  # token indices, end exclusive
    end: int
    ref: ActorRef
    source: str
    core: tuple[int, int] = (0, 0)  # character span of the name itself (for entities)
    core_ref: ActorRef | None = None  # what that name alone means, when the mention means more


@dataclass
class Doc:
    kb: KnowledgeBase
    toks: list[Tok]
    date: str | None
    text: str
    seen: dict[str, ActorRef] = field(default_factory=dict)  # surname/full key -> person ref
    last_place: dict[int, bool] = field(default_factory=dict)  # token index -> used as a location


def link(annotated: AnnotatedArticle) -> AnnotatedArticle:
    kb = get_kb()
    text = annotated.article.text
    doc = Doc(kb, tokenize(text), annotated.article.published, text)
    found = scan(doc)
    found = add_ner(doc, found, annotated.entities)
    mentions = tuple(
        ActorMention(text[doc.toks[f.start].start:doc.toks[f.end - 1].end], doc.toks[f.start].start,
                     doc.toks[f.end - 1].end, f.ref, f.source)
        for f in found
    )
    entities = tuple(_entity_actor(e, found) for e in annotated.entities)
    quotes = tuple(_quote_speaker(q, mentions, doc) for q in annotated.quotes)
    return dataclasses.replace(annotated, actors=mentions, entities=entities, quotes=quotes)


# ---------------------------------------------------------------------------- the pass
def scan(doc: Doc, i: int = 0, stop: int | None = None) -> list[Found]:
    out: list[Found] = []
    stop = len(doc.toks) if stop is None else stop
    while i < stop:
        f = (titled(doc, i) or named(doc, i) or demonym_phrase(doc, i) or agent_in_place(doc, i))
        if f is None:
            i += 1
            continue
        f = possessive_office(doc, apposition(doc, f))
        if f.ref.actor_id:
            out.append(f)
        i = f.end
    return out


def _cap_ok(toks: list[Tok]) -> bool:
    if not any(t.capitalised for t in toks):
        return False
    return all(t.capitalised or t.norm in FUNCTION_WORDS for t in toks)


def kb_match(doc: Doc, i: int) -> tuple[int, Entry] | None:
    """Longest KB alias starting at token i, written as a name is written."""
    toks = doc.toks
    for n in range(min(doc.kb.max_len, len(toks) - i), 0, -1):
        k = tuple(t.norm for t in toks[i:i + n])
        if k not in doc.kb.index and k not in doc.kb.metonym_capitals and not (n == 1 and k[0] in doc.seen):
            continue
        span = toks[i:i + n]
        if not _cap_ok(span) or (n == 1 and len(k[0]) <= 3 and not span[0].upper):
            continue
        if n == 1 and k[0] in doc.seen:
            return n, None  # type: ignore[return-value]
        entry = doc.kb.best(k, doc.date)
        if entry:
            return n, entry
    return None


def named(doc: Doc, i: int, with_the: bool = True) -> Found | None:
    toks = doc.toks
    j = i + 1 if with_the and toks[i].norm == "the" else i
    if j >= len(toks):
        return None
    hit = kb_match(doc, j)
    if hit is None:
        return None
    n, entry = hit
    core = (toks[j].start, toks[j + n - 1].end)
    if entry is None:  # a surname already seen in this article
        return Found(j, j + n, doc.seen[toks[j].norm], "coref", core)
    k = tuple(t.norm for t in toks[j:j + n])
    if entry.kind == "state" or (entry.kind == "government" and k in doc.kb.capitals):
        if used_as_place(doc, j, n):
            doc.last_place[j] = True
            return Found(j, j + n, ActorRef(""), "kb", core)  # a place, not an actor
    start = i if (j > i and entry.kind in {"government", "agent", "igo", "group"}) else j
    ref = ref_of(doc, entry)
    if entry.kind == "person":
        remember(doc, entry.name, ref)
    return Found(start, j + n, ref, entry.source, core)


def ref_of(doc: Doc, entry: Entry, role: str | None = None) -> ActorRef:
    a = entry.actor(doc.date)
    return ActorRef(a.name, a.country, a.sector, role or a.role, a.id)


def remember(doc: Doc, name: str, ref: ActorRef) -> None:
    k = key(name)
    if len(k) > 1:
        doc.seen[k[-1]] = ref


def used_as_place(doc: Doc, j: int, n: int) -> bool:
    """'in Moscow', 'airstrikes in Syria' are places; 'Moscow said', 'ties with Tehran' are actors."""
    toks = doc.toks
    if j + n < len(toks) and toks[j + n].norm in POSSESSIVE:
        return False
    prev = toks[j - 1].norm if j > 0 else ""
    if prev in GOV_PREPS:
        return False
    if prev in LOCATION_PREPS:
        return True
    if prev in {"and", "or"} and j >= 2:
        return doc.last_place.get(j - 2, False) or any(doc.last_place.get(j - 2 - d) for d in range(1, 3))
    return False


def demonym_at(doc: Doc, i: int) -> tuple[int, str] | None:
    """A demonym or country name at token i ('Russian', 'US', 'Israel's')."""
    toks = doc.toks
    for n in (3, 2, 1):
        k = tuple(t.norm for t in toks[i:i + n])
        if len(k) < n or not _cap_ok(toks[i:i + n]):
            continue
        if n == 1 and len(k[0]) <= 3 and not toks[i].upper:
            continue
        iso = doc.kb.demonyms.get(k)
        if iso is None:
            ids = doc.kb.index.get(k, [])
            iso = next((e[6:] for e in ids if e.startswith("state:")), None)
        if iso:
            return n, iso
    return None


def title_at(doc: Doc, i: int) -> tuple[int, str, str] | None:
    for n in (4, 3, 2, 1):
        k = tuple(t.norm for t in doc.toks[i:i + n])
        if len(k) == n and k in doc.kb.titles and doc.toks[i].capitalised:
            return (n, *doc.kb.titles[k])
    return None


def name_run(doc: Doc, i: int, limit: int = 4) -> int:
    n = 0
    while i + n < len(doc.toks) and n < limit:
        t = doc.toks[i + n]
        if not (t.capitalised and t.raw[:1].isalpha()) or t.norm in doc.kb.titles and n == 0:
            break
        if n and doc.text[doc.toks[i + n - 1].end:t.start].strip(" -"):
            break  # punctuation between words ends a name
        n += 1
    return n


def titled(doc: Doc, i: int) -> Found | None:
    """[the] [demonym|country] title [of country] Name: one mention carrying the role."""
    toks = doc.toks
    j = i + 1 if toks[i].norm == "the" else i
    dem = demonym_at(doc, j) if j < len(toks) else None
    k = j + dem[0] if dem else j
    if k < len(toks) and toks[k].norm in POSSESSIVE:
        k += 1
    t = title_at(doc, k) if k < len(toks) else None
    if t is None:
        return None
    n_title, role, sector = t
    m = k + n_title
    iso = dem[1] if dem else None
    if m + 1 < len(toks) and toks[m].norm == "of":
        of = demonym_at(doc, m + 1)
        if of:
            iso, m = of[1], m + 1 + of[0]
    if m >= len(toks):
        return None
    hit = kb_match(doc, m)
    if hit and (hit[1] is None or hit[1].kind == "person"):
        n, entry = hit
        core = (toks[m].start, toks[m + n - 1].end)
        if entry is None:
            return Found(i if not dem else j, m + n, doc.seen[toks[m].norm], "coref", core)
        ref = ref_of(doc, entry)
        if ref.role is None or (doc.date is None and role and ref.role != role):
            ref = dataclasses.replace(ref, role=role, country=ref.country or iso, sector=ref.sector or sector)
        remember(doc, entry.name, ref)
        return Found(j if dem else k, m + n, ref, entry.source, core)
    n = name_run(doc, m)
    if n == 0:
        return None
    name = " ".join(x.raw for x in toks[m:m + n])
    ref = ActorRef(name, iso, sector, role, f"person:{slug(name)}")
    remember(doc, name, ref)
    return Found(j if dem else k, m + n, ref, "ner", (toks[m].start, toks[m + n - 1].end))


def demonym_phrase(doc: Doc, i: int) -> Found | None:
    """'Israeli forces', 'Syrian rebels', 'the Russian leader', 'Russian officials'."""
    toks = doc.toks
    j = i + 1 if toks[i].norm == "the" else i
    if j >= len(toks):
        return None
    dem = demonym_at(doc, j)
    if dem is None:
        return None
    k = j + dem[0]
    if k < len(toks) and toks[k].norm in POSSESSIVE:
        return None  # "Israel's ..." is the state itself: left to named()
    for n in (3, 2, 1):
        phrase = tuple(t.norm for t in toks[k:k + n])
        if len(phrase) < n:
            continue
        if phrase in doc.kb.head_words and j > i:
            ref = leader_of(doc, dem[1])
            if ref:
                return Found(i, k + n, ref, "coref", (toks[k].start, toks[k + n - 1].end))
        sector = doc.kb.agents.get(phrase)
        if sector and (phrase in doc.kb.hand_agents or n > 1):
            entry = doc.kb.sector_entry(dem[1], sector)
            return Found(j, k + n, ref_of(doc, entry), "kb", (toks[j].start, toks[k + n - 1].end))
    return None


def leader_of(doc: Doc, iso: str) -> ActorRef | None:
    for ref in reversed(list(doc.seen.values())):
        if ref.country == iso and ref.sector == "GOV":
            return ref
    return None


def agent_in_place(doc: Doc, i: int) -> Found | None:
    """'Authorities in Moscow', 'officials in Tehran': the agent of that country."""
    toks = doc.toks
    for n in (2, 1):
        phrase = tuple(t.norm for t in toks[i:i + n])
        if phrase in doc.kb.hand_agents and i + n + 1 < len(toks) and toks[i + n].norm == "in":
            place = tuple(t.norm for t in toks[i + n + 1:i + n + 3])
            for m in (2, 1):
                iso = doc.kb.capitals.get(place[:m])
                if iso and _cap_ok(toks[i + n + 1:i + n + 1 + m]):
                    entry = doc.kb.sector_entry(iso, doc.kb.agents[phrase])
                    return Found(i, i + n + 1 + m, ref_of(doc, entry), "kb", (toks[i].start, toks[i + n + m].end))
    return None


def apposition(doc: Doc, f: Found) -> Found:
    """'Russian news agency RIA Novosti': the agent phrase introduces the named actor after it."""
    if f.end >= len(doc.toks) or not f.ref.actor_id or ":" not in f.ref.actor_id:
        return f
    if f.ref.actor_id.split(":")[0] not in {"gov", "med", "mil", "reb", "igo", "ngo", "bus", "opp", "leg"}:
        return f
    g = named(doc, f.end, with_the=False)
    if g is None or not g.ref.actor_id or g.ref.actor_id.startswith(("state:", "gov:")):
        return f
    ref = g.ref if g.ref.country else dataclasses.replace(g.ref, country=f.ref.country)
    return Found(f.start, g.end, ref, g.source, g.core)


def possessive_office(doc: Doc, f: Found) -> Found:
    """'Netanyahu's office' -> the Israeli government."""
    toks = doc.toks
    if f.end + 1 < len(toks) and toks[f.end].norm in POSSESSIVE and f.ref.country and f.ref.actor_id:
        if f.ref.actor_id.startswith("person:"):
            for n in (2, 1):
                if tuple(t.norm for t in toks[f.end + 1:f.end + 1 + n]) in doc.kb.office_words:
                    entry = doc.kb.sector_entry(f.ref.country, "GOV")
                    return Found(f.start, f.end + 1 + n, ref_of(doc, entry), "coref", f.core, f.ref)
    return f


# ---------------------------------------------------------------------------- spaCy entities
def add_ner(doc: Doc, found: list[Found], entities: tuple[Entity, ...]) -> list[Found]:
    """Entities the KB did not cover: unknown people and organisations keep at least a name."""
    covered = [(doc.toks[f.start].start, doc.toks[f.end - 1].end) for f in found]
    starts = [t.start for t in doc.toks]
    extra = []
    for e in entities:
        if e.label not in {"PERSON", "ORG"} or any(s < e.end and e.start < t for s, t in covered):
            continue
        lo = bisect_left(starts, e.start)
        toks = [i for i in range(lo, bisect_left(starts, e.end)) if doc.toks[i].end <= e.end
                and doc.toks[i].norm not in POSSESSIVE]
        if not toks:
            continue
        name = doc.text[doc.toks[toks[0]].start:doc.toks[toks[-1]].end]
        if not e.text[:1].isalpha():
            continue  # handles, hashtags, emoji
        ref = doc.seen.get(key(name)[-1]) if e.label == "PERSON" else None
        source = "coref" if ref else "ner"
        if ref is None:
            prefix = "person" if e.label == "PERSON" else "org"
            ref = ActorRef(name, None, None, None, f"{prefix}:{slug(name)}")
            if e.label == "PERSON":
                remember(doc, name, ref)
        extra.append(Found(toks[0], toks[-1] + 1, ref, source, (e.start, e.end)))
    return sorted(found + extra, key=lambda f: f.start)


def _entity_actor(e: Entity, found: list[Found]) -> Entity:
    if e.label not in NER_LABELS and e.label not in {"FAC", "LOC"}:
        return e
    for f in found:
        if f.core[0] < e.end and e.start < f.core[1]:
            return dataclasses.replace(e, actor_id=(f.core_ref or f.ref).actor_id)
    return e


# ---------------------------------------------------------------------------- quotes
def _quote_speaker(q: Quote, mentions: tuple[ActorMention, ...], doc: Doc) -> Quote:
    if not q.speaker_text:
        return q
    want = key(q.speaker_text)
    near = sorted(mentions, key=lambda m: min(abs(m.start - q.start), abs(m.end - q.end)))
    for m in near:
        if key(m.text) == want or (set(key(m.text)) & set(want) - FUNCTION_WORDS and _within(m, q, 600)):
            return dataclasses.replace(q, speaker=m.actor)
    sub = Doc(doc.kb, tokenize(q.speaker_text), doc.date, q.speaker_text, dict(doc.seen))
    hits = scan(sub)
    if hits:
        return dataclasses.replace(q, speaker=hits[0].ref)
    return dataclasses.replace(q, speaker=ActorRef(q.speaker_text))


def _within(m: ActorMention, q: Quote, dist: int) -> bool:
    return abs(m.start - q.start) <= dist or abs(m.end - q.end) <= dist
