"""Quotes and claims with their speakers, from the dependency parse and cue lists.

Direct quotes are the spans inside quotation marks (straight, curly or doubled apostrophes,
across sentences). Indirect ones come from cue words: a speech/thought verb with a subject and a
clause ("X said that ...", "X wants to ...") or an object ("X blamed Russia for ..."), a
prepositional cue ("according to X, ...", "In a new poll, ..."), a verb or adjective with a
preposition ("X complained about ...", "X is critical of ..."), an attitude adjective with a clause
("voters are optimistic that ..."), a light verb with a speech noun ("X made clear that ...", "X
took aim at ..."), a speech noun with a possessor ("Trump's claim that ..."), a stance verb with a
person subject ("Clinton thanked ..."). A participle clause speaks for its verb's subject
("Democrats are drawing plans, saying ..."); a passive cue's subject is not the speaker. A quoted
phrase inside reported speech is a direct quote of that speaker (the outermost one). Quotes are
signed with a dash ("... ― Name"), introduced by a colon ("Caddell continued: ..."), labelled
("PENCE: ...", "Sanders: Brexit could help Trump"), or have a cue right before or after them ('“Not
even close,” Pence said'); pieces of one quotation split by its cue ('“A,” said X. “B.”') and a
quotation going on in the next paragraph are one speaker's. Pronoun and description speakers
("he", "the official", "the campaign") become the last named subject (or speaker) before them
that fits the pronoun's gender (from titles and given names).
``speaker`` stays None: the actors stage links ``speaker_text``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from ..model import Entity, Quote, Sentence, Token

DATA_FILE = Path(__file__).with_name("data") / "quotes.yaml"
OPENERS = "“„«‹"
CLOSERS = "”»›"
SUBJECTS = ("nsubj", "nsubjpass", "csubj")
CONTENT_DEPS = ("ccomp", "xcomp", "parataxis")
CLAUSE_EDGE = set(",;:—–-\"'“”‘’ ")
DOUBLED_APOSTROPHE = re.compile(r"(?<!')''(?!')")


@lru_cache(maxsize=1)
def vocab() -> dict:
    with open(DATA_FILE, encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    data["prep_cues"] = {str(k).lower(): [str(p) for p in v] for k, v in data["prep_cues"].items()}
    data["pronoun_gender"] = {str(k).lower(): str(g) for k, g in data["pronoun_gender"].items()}
    data["title_gender"] = {str(k).lower(): str(g) for k, g in data["title_gender"].items()}
    data["first_name_gender"] = {str(n).lower(): g for g, names in data["first_names"].items() for n in names}
    data["lemma_fixes"] = {str(k).lower(): str(w).lower() for k, w in data["lemma_fixes"].items()}
    for key in (
        "label_nouns",
        "not_speaker_labels",
        "as_cues",
        "request_verbs",
        "light_verbs",
        "light_objects",
        "light_content_preps",
        "people_nouns",
        "clause_adjectives",
        "stance_verbs",
        "cue_nouns",
        "cue_noun_preps",
        "clause_only",
        "speech_nouns",
        "person_pronouns",
        "group_pronouns",
        "source_nouns",
        "audiences",
        "continuing_pronouns",
    ):
        data[key] = frozenset(str(w).lower() for w in data[key])
    return data


def _lemma(t: Token) -> str:
    """The token's lemma, with the model's known slips mended ("hopes" -> "hop")."""
    lemma = t.lemma.lower()
    return vocab()["lemma_fixes"].get(lemma, lemma)


# --------------------------------------------------------------------------- quotation marks


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Offsets of the text inside quotation marks. An unclosed curly quote runs to its paragraph end."""
    spans: list[tuple[int, int]] = []
    for p_start, p_end in _paragraphs(text):
        spans.extend(_curly(text, p_start, p_end))
        spans.extend(_straight(text, p_start, p_end))
    return sorted(s for s in spans if s[1] > s[0])


def _paragraphs(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for m in re.finditer(r"\n", text):
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(text)))
    return out


def _curly(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans, open_at = [], None
    for i in range(start, end):
        ch = text[i]
        if ch in OPENERS:
            if open_at is not None:
                spans.append((open_at, i))
            open_at = i + 1
        elif ch in CLOSERS and open_at is not None:
            spans.append((open_at, i))
            open_at = None
    if open_at is not None and end - open_at > 20:
        spans.append((open_at, end))
    return spans


def _straight(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Pairs of '"' marks, and pairs of "''" (two apostrophes: some wires' form of a quotation mark)."""
    marks = [i for i in range(start, end) if text[i] == '"']
    spans = [(a + 1, b) for a, b in zip(marks[::2], marks[1::2])]
    doubled = [m.start() for m in DOUBLED_APOSTROPHE.finditer(text, start, end)]
    return spans + [(a + 2, b) for a, b in zip(doubled[::2], doubled[1::2])]


# --------------------------------------------------------------------------- parse helpers


@dataclass
class _Doc:
    text: str
    tokens: Sequence[Token]
    children: dict[int, list[int]]
    starts: list[int]
    base: int  # index of tokens[0] (tokens carry article-wide indexes)
    quoted: list[tuple[int, int]] = field(default_factory=list)  # spans inside quotation marks

    def in_quote(self, char: int) -> bool:
        return any(s <= char < e for s, e in self.quoted)

    def tok(self, i: int) -> Token:
        return self.tokens[i - self.base]

    def kids(self, i: int, deps: tuple[str, ...] | None = None) -> list[Token]:
        return [self.tok(c) for c in self.children.get(i, []) if deps is None or self.tok(c).dep in deps]

    def subtree(self, i: int, skip: frozenset[int] = frozenset()) -> list[Token]:
        out, stack = [], [i]
        while stack:
            j = stack.pop()
            if j in skip:
                continue
            out.append(self.tok(j))
            stack.extend(self.children.get(j, []))
        return sorted(out, key=lambda t: t.i)

    def token_at(self, char: int) -> int | None:
        pos = bisect.bisect_right(self.starts, char) - 1
        return pos if pos >= 0 else None


def _doc(text: str, tokens: Sequence[Token]) -> _Doc:
    children: dict[int, list[int]] = {}
    for t in tokens:
        if t.head != t.i:
            children.setdefault(t.head, []).append(t.i)
    base = tokens[0].i if tokens else 0
    return _Doc(text, tokens, children, [t.start for t in tokens], base)


def _span(toks: Sequence[Token]) -> tuple[int, int] | None:
    if not toks:
        return None
    return min(t.start for t in toks), max(t.end for t in toks)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop edge punctuation, quote marks and a leading 'that'."""
    while start < end and text[start] in CLAUSE_EDGE:
        start += 1
    m = re.match(r"(?:that|whether|if)\s+", text[start:end], re.I)
    if m:
        start += m.end()
    while end > start and text[end - 1] in CLAUSE_EDGE | {".", "!", "?"}:
        end -= 1
    return start, end


# --------------------------------------------------------------------------- speakers


def _speaker_tokens(doc: _Doc, head: Token) -> list[Token]:
    """The noun phrase of a speaker: its subtree without clauses, cut at an appositive comma."""
    skip = frozenset(c.i for c in doc.kids(head.i, ("relcl", "acl", "advcl", "appos", "punct", "cc", "conj", "case")))
    toks = doc.subtree(head.i, skip)
    # keep the contiguous run around the head
    run = [t for t in toks if abs(t.i - head.i) <= len(toks)]
    left = [t for t in run if t.i <= head.i]
    right = [t for t in run if t.i > head.i]
    out = [head]
    for t in reversed(left[:-1]):
        if t.i != out[0].i - 1 or t.text in (",", "(", "—"):
            break
        out.insert(0, t)
    for t in right:
        if t.i != out[-1].i + 1 or t.text in (",", ")", "—"):
            break
        out.append(t)
    return out


def _antecedent(doc: _Doc, head: Token) -> Token:
    """'Trump, who said ...': a relative pronoun stands for the noun its clause hangs on."""
    if head.tag in ("WP", "WDT") or (head.text.lower() == "that" and head.dep.startswith("nsubj")):
        verb = doc.tok(head.head)
        if verb.dep == "relcl" and verb.head != verb.i:
            return doc.tok(verb.head)
    return head


def _strip_speech_noun(doc: _Doc, head: Token) -> Token:
    """'the Kremlin's readout' -> 'the Kremlin'; 'statements from both governments' -> 'both governments'."""
    if _lemma(head) not in vocab()["speech_nouns"] and head.text.lower() not in vocab()["speech_nouns"]:
        return head
    for poss in doc.kids(head.i, ("poss",)):
        return poss
    for prep in doc.kids(head.i, ("prep",)):
        if prep.text.lower() in ("from", "of", "by"):
            for obj in doc.kids(prep.i, ("pobj",)):
                return obj
    return head


def _speaker_text(doc: _Doc, head: Token) -> tuple[str, int, int]:
    head = _strip_speech_noun(doc, _antecedent(doc, head))
    toks = _speaker_tokens(doc, head)
    start, end = _span(toks) or (head.start, head.end)
    start, end = _trim_speaker(doc.text, start, end)
    return doc.text[start:end], start, end


def _trim_speaker(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in CLAUSE_EDGE:
        start += 1
    while end > start and text[end - 1] in CLAUSE_EDGE:
        end -= 1
    return start, end


def _is_subject(doc: _Doc, char: int) -> bool:
    i = doc.token_at(char)
    if i is None:
        return False
    t = doc.tokens[i]
    while t.dep == "compound" and t.head != t.i:
        t = doc.tok(t.head)
    return t.dep in SUBJECTS


class _Resolver:
    """Pronouns and descriptions -> the last named subject (else name) of their kind before them.

    A gendered pronoun skips names of the other gender ("Mr./Mrs./Ms." titles, given names).
    "The campaign" becomes the last speaker named with that noun ("the Clinton campaign").
    """

    def __init__(self, entities: Sequence[Entity], doc: _Doc | None = None, speakers: Sequence[tuple[int, int]] = ()):
        v = vocab()
        self.person_labels = set(v["person_labels"])
        self.group_labels = set(v["group_labels"])
        # a name inside quotation marks is someone the speaker talks about, not the speaker
        self.names = sorted(
            (e.start, e.text, "person" if e.label in self.person_labels else "group")
            for e in entities
            if e.label in self.person_labels | self.group_labels and not (doc is not None and doc.in_quote(e.start))
        )
        # names in subject position ("Trump told the crowd ...") are what a later "he" most often continues
        # and so are the names of speakers already quoted ("..., said Trump. ... He added")
        self.subjects = [
            n
            for n in self.names
            if (doc is not None and _is_subject(doc, n[0])) or any(s <= n[0] < t for s, t in speakers)
        ]
        self.gender = _genders(doc.text, self.names) if doc is not None else {}
        self.speaker_texts = [(s, doc.text[s:t]) for s, t in speakers] if doc is not None else []

    def resolve(self, speaker: str, start: int) -> str:
        key = _speaker_key(speaker)
        v = vocab()
        if key in v["person_pronouns"]:
            return self._last(start, "person", v["pronoun_gender"].get(key)) or speaker
        if key in v["group_pronouns"] and " " in key:
            return self._described(key.split()[-1], start) or speaker
        if key in v["group_pronouns"]:
            return self._last(start, "group") or speaker
        return speaker

    def continued(self, speaker: str, start: int, last: tuple[int, str] | None) -> str | None:
        """'..., Trump said. [Obama flew ...] "...," he said': a pronoun or description ('the senator')
        shortly after a named speaker of its gender is that speaker again, before any later subject."""
        v = vocab()
        key = _speaker_key(speaker)
        gender = v["pronoun_gender"].get(key)
        if (
            last is None
            or key not in v["person_pronouns"] | v["continuing_pronouns"]
            or start - last[0] > int(v["speaker_continuity_chars"])
        ):
            return None
        return last[1] if self._fits(last[1], gender) else None

    def _described(self, noun: str, start: int) -> str | None:
        """'the campaign' -> the last speaker named with that noun ('the Clinton campaign'), if any."""
        cands = [(s, t) for s, t in self.speaker_texts if s < start and noun in t.lower().split() and _named(t)]
        return max(cands)[1] if cands else None

    def _last(self, start: int, kind: str, gender: str | None = None) -> str | None:
        # the last named subject first ("Trump told the crowd ... He said"), then any name
        for pool in (self.subjects, self.names):
            cands = [n for n in pool if n[0] < start and n[2] == kind and self._fits(n[1], gender)]
            if cands:
                return self._full_name(max(cands, key=lambda n: n[0])[1], start, kind)
        return None

    def _fits(self, name: str, gender: str | None) -> bool:
        if gender is None:
            return True
        known = _first_name_gender(name) or self.gender.get(_surname(name))
        return known is None or known == gender

    def _full_name(self, name: str, start: int, kind: str) -> str:
        """'Trump' -> 'Donald Trump' when the longer name was used earlier."""
        longer = [n[1] for n in self.names if n[0] < start and n[2] == kind and n[1].endswith(" " + name)]
        return max(longer, key=len) if longer else name


def _speaker_key(speaker: str) -> str:
    """'The  Official' -> 'the official': how pronoun and description lists are looked up."""
    return re.sub(r"\s+", " ", speaker.lower())


def _named_speaker(speaker: str) -> bool:
    return speaker.lower() not in vocab()["person_pronouns"] and speaker[:1].isupper()


def _named(description: str) -> bool:
    """'the Clinton campaign', 'Trump's campaign' name someone; 'the campaign' does not."""
    words = description.lower().split()
    return len(words) > 2 or words[0] not in ("the", "a", "an")


def _surname(name: str) -> str:
    words = re.findall(r"[\w'’-]+", name)
    return words[-1].lower() if words else ""


def _first_name_gender(name: str) -> str | None:
    """'m'/'f' from a full name's given name ('Hillary Clinton' -> 'f'), None if not known."""
    words = re.findall(r"[\w'’-]+", name)
    return vocab()["first_name_gender"].get(words[0].lower()) if len(words) > 1 else None


def _genders(text: str, names: Sequence[tuple[int, str, str]]) -> dict[str, str]:
    """Surname -> 'm'/'f' from the article itself: 'Mr./Mrs./Ms.' titles, else the given name of
    the surname's first full mention ('Hillary Clinton ... Clinton')."""
    v = vocab()
    out: dict[str, str] = {}
    for m in re.finditer(v["title_pattern"], text):
        out.setdefault(m.group(2).lower(), v["title_gender"][m.group(1).lower().rstrip(".")])
    seen: set[str] = set()
    for _, name, kind in names:
        key = _surname(name)
        if kind != "person" or " " not in name.strip() or key in seen:
            continue
        seen.add(key)
        gender = _first_name_gender(name)
        if gender:
            out.setdefault(key, gender)
    return out


# --------------------------------------------------------------------------- cues


@dataclass
class _Found:
    speaker: str | None
    speaker_start: int
    verb: str
    start: int
    end: int
    direct: bool
    sentence: int
    stance: bool = False  # an attitude or act ("Clinton thanked ..."), not words: quotes inside are not its


def _cue_verbs(doc: _Doc) -> list[_Found]:
    v = vocab()
    out = []
    for t in doc.tokens:
        if t.pos not in ("VERB", "AUX") or _lemma(t) not in v["cue_verbs"]:
            continue
        subjects = _speakers_of(doc, t)
        if not subjects:
            continue
        span = _content_span(doc, t, _cue_content(doc, t), subjects)
        if span is None:
            continue
        name, s_start, _ = _speaker_text(doc, subjects[0])
        out.append(_Found(name, s_start, _verb_phrase(doc, t), span[0], span[1], False, t.sent))
    return out


def _cue_content(doc: _Doc, t: Token) -> list[Token]:
    """The dependents of a cue verb that hold what was said."""
    v = vocab()
    content = doc.kids(t.i, CONTENT_DEPS)
    agent = doc.kids(t.i, ("agent",))
    if not content and agent:
        # "Clinton was attacked on the speeches by Sanders": the subject and what is between
        return doc.kids(t.i, ("nsubjpass",)) + [c for c in doc.kids(t.i, ("prep",)) if t.i < c.i < agent[0].i]
    if content:
        content += _coordinated_content(doc, t, content)
    if _lemma(t) in v["clause_only"]:
        content = [
            c for c in content if c.dep in ("ccomp", "conj") or (c.dep == "xcomp" and _lemma(t) in v["request_verbs"])
        ]
        return content or _as_content(doc, t)
    if not content:
        # "Trump questioned the integrity of ...": the object, with what follows it ("blamed Russia
        # for the hack"), is what was claimed
        content = doc.kids(t.i, ("dobj",)) + doc.kids(t.i, ("xcomp",))
        if content:
            content += [c for c in doc.kids(t.i, tuple(v["object_tail_deps"])) if c.i > content[0].i]
    return content


def _coordinated_content(doc: _Doc, verb: Token, content: list[Token]) -> list[Token]:
    """'said the U.S. needs X, but that he would not support Y': a second 'that' clause
    coordinated with the first is content too."""
    return [
        c
        for c in doc.kids(verb.i, ("conj",))
        if c.i > content[0].i
        and any(k.dep == "mark" and k.text.lower() in ("that", "whether", "if") for k in doc.kids(c.i))
    ]


def _stance_verbs(doc: _Doc, people: frozenset[int]) -> list[_Found]:
    """'Clinton discussed the deal', 'Trump thanked his supporters': a verb of communication,
    attitude or evaluation with a named or pronoun person as subject and an object after it."""
    v = vocab()
    out = []
    for t in doc.tokens:
        if t.pos != "VERB" or _lemma(t) not in v["stance_verbs"]:
            continue
        subjects = [s for s in doc.kids(t.i, ("nsubj",)) or _inherited_subject(doc, t) if _personal(doc, s, people)]
        if not subjects:
            continue
        content = [c for c in doc.kids(t.i) if c.i > t.i and c.dep in v["stance_deps"]]
        if not content:
            continue
        span = _span([tok for c in content for tok in doc.subtree(c.i)])
        if span is None:
            continue
        start, end = _trim(doc.text, *span)
        if len(doc.text[start:end].split()) < int(v["min_stance_words"]):
            continue
        name, s_start, _ = _speaker_text(doc, subjects[0])
        out.append(_Found(name, s_start, _verb_phrase(doc, t), start, end, False, t.sent, stance=True))
    return out


def _personal(doc: _Doc, t: Token, people: frozenset[int]) -> bool:
    t = _antecedent(doc, t)  # "Sanders, who backs ..."
    v = vocab()
    if t.i in people or t.pos == "PROPN" or t.text.lower() in v["stance_pronouns"] or _lemma(t) in v["people_nouns"]:
        return True
    # "Trump supporters", "Clinton's aides", "Republican leaders": a noun owned or qualified by a name
    return any(k.i in people or k.pos == "PROPN" for k in doc.kids(t.i, ("compound", "poss", "amod")))


def _speakers_of(doc: _Doc, verb: Token) -> list[Token]:
    """Who speaks through a cue verb: its subject, or for a passive ('was told', 'were asked
    about') the agent ('by X') or nobody, since the passive subject is the one spoken to."""
    if verb.tag == "VBN" and any(c.dep in ("auxpass", "nsubjpass") for c in doc.kids(verb.i)):
        return [o for a in doc.kids(verb.i, ("agent",)) for o in doc.kids(a.i, ("pobj",))]
    subjects = doc.kids(verb.i, SUBJECTS)
    if verb.tag == "VBG" and verb.dep == "advcl" and subjects and not _may_speak(doc, subjects[0]):
        # '..., concerns over Iran's programme, and ..., underlining how ...': a parse that hangs a
        # list item on the participle; the participle speaks for its clause's subject, if anyone
        return []
    # '“The fact is ...,” Huckabee said': the parser may also hang a subject from the quote on the cue
    return [s for s in subjects if not doc.in_quote(s.start)] or subjects or _inherited_subject(doc, verb)


def _may_speak(doc: _Doc, t: Token) -> bool:
    """A name, a pronoun, or a noun of people or sources ('officials', 'the campaign')."""
    v = vocab()
    return (
        t.pos in ("PROPN", "PRON")
        or bool(t.ent_type)
        or _lemma(t) in v["people_nouns"] | v["source_nouns"]
        or t.text.lower() in v["group_pronouns"] | v["person_pronouns"]
    )


def _inherited_subject(doc: _Doc, verb: Token) -> list[Token]:
    """'..., adding that ...' / 'X said A and added B': the subject of the verb it hangs on."""
    modifier = verb.dep in ("acl", "relcl") and verb.tag in ("VBD", "VBG")
    if modifier and verb.head != verb.i and not doc.kids(verb.i, SUBJECTS):
        # "Beruff, a Scott ally, called ..." (a finite verb the parser hung on its subject noun),
        # "a super PAC supporting Rubio", "a petition calling for ...": the noun speaks
        return [doc.tok(verb.head)]
    if verb.dep == "acomp" and verb.head != verb.i:
        # "Voters are worried about ...": the adjective's speaker is the subject of its copula
        return _clause_subject(doc, doc.tok(verb.head))
    if verb.dep in ("advcl", "conj", "xcomp") and verb.head != verb.i:
        head = doc.tok(verb.head)
        # "Democrats are drawing plans, saying ...": a participle clause speaks for the subject of its
        # verb; "X plans to back Y", "X came to Iowa to praise Y": the subject of the controlling verb
        if _lemma(head) in vocab()["cue_verbs"] or verb.dep in ("conj", "xcomp") or verb.tag in ("VBG", "VB"):
            return _clause_subject(doc, head)
    if verb.dep == "pcomp" and verb.tag == "VBG" and verb.head != verb.i:
        # "X won praise by backing Y": the subject of the verb the preposition hangs on
        prep = doc.tok(verb.head)
        if prep.head != prep.i and doc.tok(prep.head).pos in ("VERB", "AUX"):
            return _clause_subject(doc, doc.tok(prep.head))
    return []


def _clause_subject(doc: _Doc, verb: Token) -> list[Token]:
    """The subject of a verb, or of the verb it is coordinated with ("X sought ... and took ...")."""
    for _ in range(4):
        subjects = doc.kids(verb.i, SUBJECTS)
        if subjects or verb.dep not in ("conj", "xcomp") or verb.head == verb.i:
            return subjects
        verb = doc.tok(verb.head)
    return []


def _content_span(doc: _Doc, verb: Token, content: list[Token], subjects: list[Token]) -> tuple[int, int] | None:
    if content:
        toks = [tok for c in content for tok in doc.subtree(c.i)]
        span = _span(toks)
    elif verb.head != verb.i and (verb.dep == "parataxis" or _as_clause(doc, verb)):
        # "The economy is weak, he said", "As Menendez pointed out, the rulings matter": the content
        # is the clause the cue hangs on, minus the cue.
        head = doc.tok(verb.head)
        toks = doc.subtree(head.i, frozenset({verb.i}))
        span = _span([t for t in toks if t.sent == verb.sent])
    else:
        return None
    if span is None:
        return None
    start, end = _trim(doc.text, *span)
    return (start, end) if end - start >= 3 else None


def _as_clause(doc: _Doc, verb: Token) -> bool:
    """'As Menendez pointed out, ...', '..., as he predicted'; not '... as tensions continue to mount'
    (a cue verb with a complement of its own says something else)."""
    if verb.dep != "advcl" or not any(k.dep == "mark" and k.text.lower() == "as" for k in doc.kids(verb.i)):
        return False
    return verb.i < verb.head or not doc.kids(verb.i, ("xcomp", "ccomp", "dobj"))


def _as_content(doc: _Doc, verb: Token) -> list[Token]:
    """'X sees Trump as a threat': the object and its 'as' phrase, for the verbs of as_cues."""
    if _lemma(verb) not in vocab()["as_cues"]:
        return []
    objs = doc.kids(verb.i, ("dobj",))
    as_ = [c for c in doc.kids(verb.i, ("prep", "oprd")) if c.text.lower() == "as" and objs and c.i > objs[0].i]
    return objs[:1] + as_[:1] if as_ else []


def _verb_phrase(doc: _Doc, verb: Token) -> str:
    """The cue as written, with its particle or 'reporters' object ('told reporters', 'pointed out')."""
    parts = [verb]
    parts += [c for c in doc.kids(verb.i, ("prt",))]
    parts += [c for c in doc.kids(verb.i, ("dobj",)) if c.text.lower() in vocab()["audiences"]]
    return " ".join(t.text for t in sorted(parts, key=lambda t: t.i))


def _light_verbs(doc: _Doc) -> list[_Found]:
    """'X made clear that ...', 'X made the case for ...', 'X took aim at ...', 'X expressed concern
    about ...': a light verb whose object is a speech word; what follows the object is the content."""
    v = vocab()
    light, words = v["light_verbs"], v["light_objects"] | v["cue_nouns"]
    out = []
    for t in doc.tokens:
        if t.pos != "VERB" or _lemma(t) not in light:
            continue
        objs = doc.kids(t.i, ("dobj", "oprd", "ccomp", "acomp"))
        obj = next((c for c in objs if _lemma(c) in words and c.i > t.i), None)
        subjects = doc.kids(t.i, SUBJECTS) or _inherited_subject(doc, t)
        if obj is None or not subjects:
            continue
        content = [c for c in doc.kids(t.i) + doc.kids(obj.i) if c.i > obj.i and c.dep in v["light_content_deps"]]
        if content and content[0].dep == "prep" and content[0].text.lower() not in v["light_content_preps"]:
            continue
        span = _content_span(doc, t, sorted(content, key=lambda c: c.i), subjects)
        if span is None:
            continue
        name, s_start, _ = _speaker_text(doc, subjects[0])
        out.append(_Found(name, s_start, f"{t.text} {obj.text}", span[0], span[1], False, t.sent))
    return out


def _adjective_cues(doc: _Doc) -> list[_Found]:
    """'Voters are optimistic that ...', 'X is eager to ...': an attitude adjective with a clause."""
    adjectives = vocab()["clause_adjectives"]
    out = []
    for t in doc.tokens:
        if t.pos != "ADJ" or _lemma(t) not in adjectives:
            continue
        subjects = doc.kids(t.i, SUBJECTS) or _inherited_subject(doc, t)
        content = [c for c in doc.kids(t.i, ("ccomp", "xcomp")) if c.i > t.i]
        if not subjects or not content:
            continue
        span = _content_span(doc, t, content, subjects)
        if span is None:
            continue
        name, s_start, _ = _speaker_text(doc, subjects[0])
        out.append(_Found(name, s_start, t.text, span[0], span[1], False, t.sent))
    return out


def _prep_cues(doc: _Doc) -> list[_Found]:
    """'X complained about Y', 'X called for Y': the object of the cue's preposition is the content."""
    cues = vocab()["prep_cues"]
    out = []
    for t in doc.tokens:
        preps = cues.get(_lemma(t))
        if not preps or t.pos not in ("VERB", "ADJ", "AUX"):
            continue
        subjects = _speakers_of(doc, t)
        if not subjects:
            continue
        for prep in doc.kids(t.i, ("prep",)):
            found = _prep_content(doc, t, prep, preps, subjects[0])
            if found:
                out.append(found)
                break
    return out


def _prep_content(doc: _Doc, cue: Token, prep: Token, preps: list[str], source: Token) -> _Found | None:
    if prep.text.lower() not in preps:
        return None
    objs = doc.kids(prep.i, ("pobj", "pcomp"))
    if not objs:
        return None
    span = _span(doc.subtree(objs[0].i))
    if span is None:
        return None
    start, end = _trim(doc.text, *span)
    if end - start < 3:
        return None
    name, s_start, _ = _speaker_text(doc, source)
    return _Found(name, s_start, f"{_verb_phrase(doc, cue)} {prep.text}", start, end, False, cue.sent)


def _noun_cues(doc: _Doc) -> list[_Found]:
    """'Trump's claim that ...', 'her plan to ...', 'Cruz's attacks on ...': the possessor is the source."""
    v = vocab()
    nouns, preps = v["cue_nouns"], v["cue_noun_preps"]
    out = []
    for t in doc.tokens:
        if t.pos != "NOUN" or _lemma(t) not in nouns:
            continue
        owners = _noun_owners(doc, t)
        if not owners:
            continue
        clause = doc.kids(t.i, ("acl", "ccomp", "relcl"))
        clause = [
            c
            for c in clause
            if c.dep != "relcl" or any(k.text.lower() == "that" and k.dep == "mark" for k in doc.kids(c.i))
        ]
        if clause and clause[0].i > t.i:
            span = _span(doc.subtree(clause[0].i))
            if span is None:
                continue
            start, end = _trim(doc.text, *span)
            if end - start >= 3:
                name, s_start, _ = _speaker_text(doc, owners[0])
                out.append(_Found(name, s_start, t.text, start, end, False, t.sent))
            continue
        for prep in doc.kids(t.i, ("prep",)):
            found = _prep_content(doc, t, prep, preps, owners[0])
            if found:
                found.verb = f"{t.text} {prep.text}"
                out.append(found)
                break
    return out


def _noun_owners(doc: _Doc, noun: Token) -> list[Token]:
    """Whose claim: the possessor ('Trump's claim'), or the object of 'from'/'by' ('warnings from experts')."""
    owners = doc.kids(noun.i, ("poss",))
    by = [o for p in doc.kids(noun.i, ("prep",)) if p.text.lower() in ("from", "by") for o in doc.kids(p.i, ("pobj",))]
    return owners or by


def _according_to(doc: _Doc) -> list[_Found]:
    out = []
    v = vocab()
    phrases = [str(p).lower().split() for p in v["cue_phrases"]]
    for t in doc.tokens:
        candidates = [w for w in phrases if w[0] == t.text.lower()]
        if not candidates:
            continue
        found = _phrase_object(doc, t, candidates)
        if found is None:
            continue
        obj, words = found
        if " ".join(words) in v["phrase_initial_only"] and _first_of_sent(doc, t) != t.i - doc.base:
            continue
        cue_span = _span(doc.subtree(t.i)) or (t.start, t.end)  # the subtree holds t itself: never empty
        sent_toks = [x for x in doc.tokens[_first_of_sent(doc, t) :] if x.sent == t.sent]
        span = _largest_run(doc, [x for x in sent_toks if not (cue_span[0] <= x.start < cue_span[1])])
        if span is None:
            continue
        start, end = _trim(doc.text, *span)
        if end - start < 3:
            continue
        name, s_start, _ = _speaker_text(doc, obj)
        out.append(_Found(name, s_start, " ".join(words), start, end, False, t.sent))
    return out


def _first_of_sent(doc: _Doc, t: Token) -> int:
    i = t.i - doc.base
    while i > 0 and doc.tokens[i - 1].sent == t.sent:
        i -= 1
    return i


def _phrase_object(doc: _Doc, t: Token, candidates: list[list[str]]) -> tuple[Token, list[str]] | None:
    """The object of 'according to' / 'citing' (its pobj or dobj), and the phrase's words."""
    for words in sorted(candidates, key=len, reverse=True):
        i = t.i - doc.base
        seq = [x.text.lower() for x in doc.tokens[i : i + len(words)]]
        if seq != words:
            continue
        last = doc.tokens[i + len(words) - 1]
        objs = doc.kids(last.i, ("pobj", "dobj")) or doc.kids(t.i, ("pobj", "dobj"))
        if not objs:
            continue
        documents = vocab()["phrase_documents"].get(" ".join(words))
        if documents is not None:
            if _lemma(objs[0]) in documents:
                return objs[0], words
        elif words == ["according", "to"] or _source_like(objs[0]):
            return objs[0], words
    return None


def _source_like(t: Token) -> bool:
    return t.pos == "PROPN" or _lemma(t) in vocab()["source_nouns"] or t.text.lower() in vocab()["source_nouns"]


def _largest_run(doc: _Doc, toks: list[Token]) -> tuple[int, int] | None:
    """The longest run of consecutive tokens."""
    runs: list[list[Token]] = []
    for t in toks:
        if runs and t.i == runs[-1][-1].i + 1:
            runs[-1].append(t)
        else:
            runs.append([t])
    if not runs:
        return None
    return _span(max(runs, key=len))


# --------------------------------------------------------------------------- direct quotes


def _direct(
    doc: _Doc, spans: list[tuple[int, int]], found: list[_Found], sentences: Sequence[Sentence], bare: list[_Found]
) -> list[_Found]:
    """Quoted text: inside a found attribution it is that speaker's; else the cue right before or
    after it ('“...,” Pence said', 'said Skelly: “...”'), else the cue nearest to it."""
    out = []
    min_words = int(vocab()["min_unattached_quote_words"])
    sent_starts = [s.start for s in sentences]
    for qs, qe in spans:
        s_i = max(bisect.bisect_right(sent_starts, qs) - 1, 0)
        qs, qe = _trim_quote(doc.text, qs, qe)
        if qe <= qs:
            continue
        owner = _owner(qs, qe, found)
        if owner is not None:
            out.append(_Found(owner.speaker, owner.speaker_start, owner.verb, qs, qe, True, s_i))
            continue
        near = _adjacent_cue(doc.text, qs, qe, bare) or _continued(doc.text, qs, out[-1] if out else None, bare)
        if near is None and len(doc.text[qs:qe].split()) < min_words:
            continue
        near = (
            near
            or _nearest_cue(qs, qe, found, sentences, sent_starts)
            or _nearest_cue(qs, qe, bare, sentences, sent_starts)
        )
        if near is not None:
            out.append(_Found(near.speaker, near.speaker_start, near.verb, qs, qe, True, s_i))
        else:
            out.append(_Found(None, qs, "", qs, qe, True, s_i))
    return out


def _continued(text: str, qs: int, prev: _Found | None, bare: list[_Found]) -> _Found | None:
    """The quote goes on from the previous one: '“A,” said X. “B.”' (the cue between them), or a
    paragraph that opens with a quotation right after a paragraph that closed with X's quote."""
    if prev is None or not prev.speaker or prev.end > qs:
        return None
    gap = text[prev.end : qs]
    if "\n" not in gap:
        cue_between = any(prev.end <= f.start and f.end <= qs for f in bare)
        return prev if cue_between and len(gap) <= int(vocab()["max_merge_gap"]) else None
    return prev if PARAGRAPH_GAP.fullmatch(gap) else None


def _bare_cues(doc: _Doc, quoted: list[tuple[int, int]]) -> list[_Found]:
    """Every cue verb with its speaker, content or not: start/end span the speaker and the verb."""
    out = []
    for t in doc.tokens:
        if t.pos != "VERB" or _lemma(t) not in vocab()["cue_verbs"]:
            continue
        subjects = _speakers_of(doc, t) or _postposed_speaker(doc, t)
        if not subjects:
            continue
        name, s_start, s_end = _speaker_text(doc, subjects[0])
        if any(qs <= s_start < qe for qs, qe in quoted):
            continue
        out.append(_Found(name, s_start, _verb_phrase(doc, t), min(s_start, t.start), max(s_end, t.end), False, t.sent))
    return out


def _postposed_speaker(doc: _Doc, verb: Token) -> list[Token]:
    """'..., said Skelly': a name right after the verb that the parser did not take as its subject."""
    after = [c for c in doc.kids(verb.i, ("advmod", "npadvmod", "dobj", "attr")) if c.i == verb.i + 1]
    return [c for c in after if c.pos == "PROPN"]


def _adjacent_cue(text: str, qs: int, qe: int, bare: list[_Found]) -> _Found | None:
    """A cue right after the quotation ('“...,” Pence said') or right before it ('Pence said: “...”')."""
    if len(text[qs:qe].split()) < int(vocab()["min_adjacent_quote_words"]):
        return None
    after = [f for f in bare if f.start >= qe and AFTER_QUOTE.fullmatch(text, qe, f.start)]
    if after:
        return min(after, key=lambda f: f.start)
    before = [f for f in bare if f.end <= qs and BEFORE_QUOTE.fullmatch(text, f.end, qs)]
    return max(before, key=lambda f: f.end) if before else None


def _trim_quote(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " ,;:.":
        start += 1
    while end > start and text[end - 1] in " ,;:":
        end -= 1
    return start, end


def _owner(qs: int, qe: int, found: list[_Found]) -> _Found | None:
    inside = [
        f
        for f in found
        if f.start <= qs and qe <= f.end + 2 and not (f.start == qs and f.end >= qe - 2) and not f.stance
    ]
    # 'The Kremlin said Russia holds a “principled position”': the words are the outer speaker's
    outer = [f for f in inside if not any(g is not f and g.start <= f.speaker_start < g.end for g in inside)]
    return min(outer or inside, key=lambda f: f.end - f.start) if inside else None


def _nearest_cue(
    qs: int, qe: int, found: list[_Found], sentences: Sequence[Sentence], sent_starts: list[int]
) -> _Found | None:
    """A cue in the sentence(s) the quote spans, or in the sentence just before/after it."""
    first = max(bisect.bisect_right(sent_starts, qs) - 1, 0)
    last = max(bisect.bisect_right(sent_starts, max(qe - 1, qs)) - 1, 0)
    for window in ((first, last), (first - 1, last + 1)):
        cands = [f for f in found if window[0] <= f.sentence <= window[1] and f.speaker]
        if cands:
            return min(cands, key=lambda f: abs(f.start - qs))
    return None


# --------------------------------------------------------------------------- public


def find_quotes(
    text: str, sentences: Sequence[Sentence], tokens: Sequence[Token], entities: Sequence[Entity]
) -> list[Quote]:
    """Direct and indirect quotes in ``text`` with the words naming their speakers."""
    doc = _doc(text, tokens)
    doc.quoted = spans = quote_spans(text)
    found = _indirect(doc, entities)
    # a cue whose whole content is one quotation is a direct quote
    for f in found:
        f.direct = any(abs(qs - f.start) <= 2 and abs(qe - f.end) <= 2 for qs, qe in spans)
    bare = _bare_cues(doc, spans) if tokens else []
    direct = [d for d in _direct(doc, spans, found, sentences, bare) if not any(_same(d, f) for f in found)]
    found = [f for f in found if f.direct or not any(_inside(f, d) for d in direct + [g for g in found if g.direct])]
    for d in direct:
        if d.speaker is None:
            _label_speaker(doc, d)
    found += _transcript(doc, entities)
    _skip_datelines(doc.text, found + direct, entities)
    speakers = [(f.speaker_start, f.speaker_start + len(f.speaker)) for f in found + direct if f.speaker]
    resolver = _Resolver(entities, doc, speakers)
    quotes = []
    last: tuple[int, str] | None = None  # the last named speaker: a he/she close after it continues it
    for f in _merge(text, sorted(found + direct, key=lambda f: (f.start, f.end))):
        speaker = f.speaker
        if speaker:
            speaker = resolver.continued(speaker, f.speaker_start, last) or resolver.resolve(speaker, f.speaker_start)
            if _named_speaker(speaker):
                last = (f.speaker_start, speaker)
        quotes.append(Quote(None, speaker, f.verb or None, text[f.start : f.end], f.start, f.end, f.direct, f.sentence))
    return quotes


DATELINE = re.compile(r"(?m)^[A-Z][A-Za-z.,' ]{1,40}?\s*(?:\([A-Za-z ]{2,20}\))?\s*[—–-]{1,2}\s")


def _skip_datelines(text: str, found: list[_Found], entities: Sequence[Entity]) -> None:
    """'RENO, Nev. (AP) — Donald Trump says ...': the parser may take the dateline's place for the
    subject; the speaker is the first name after the dateline."""
    for m in DATELINE.finditer(text):
        if not any(ch.isupper() for ch in m.group(0)[1:4]) and "(" not in m.group(0):
            continue  # a dateline's place is in capitals or followed by its agency
        for f in found:
            if f.speaker and m.start() <= f.speaker_start < m.end():
                after = [e for e in entities if m.end() <= e.start < f.start and e.label in ("PERSON", "ORG", "NORP")]
                if after:  # a full personal name first ('Oscar-winning actress Susan Sarandon')
                    best = min(
                        after, key=lambda e: (e.label != "PERSON" or " " not in e.text, e.label != "PERSON", e.start)
                    )
                    f.speaker, f.speaker_start = best.text, best.start


def _indirect(doc: _Doc, entities: Sequence[Entity]) -> list[_Found]:
    """Every cue with its speaker and content; stance verbs only where no other cue found something."""
    if not doc.tokens:
        return []
    found = _dedupe(
        _cue_verbs(doc)
        + _according_to(doc)
        + _prep_cues(doc)
        + _adjective_cues(doc)
        + _light_verbs(doc)
        + _noun_cues(doc)
    )
    stance = _stance_verbs(doc, _person_tokens(doc, entities))
    # a stance finding may hold another one ("Clinton bashed [Trump's proposal [to ban ...]]")
    found = _dedupe(found + [f for f in stance if not any(_overlap(f, g) and not _inside(g, f, True) for g in found)])
    # a cue inside a quotation ("will you pledge ...") is the quoted person's words, not a new speaker
    return [f for f in found if not doc.in_quote(f.speaker_start)]


PARAGRAPH_GAP = re.compile(r"[,.!?;:”\"'’]*\s*\n\s*[“\"‘']*")
AFTER_QUOTE = re.compile(r"[ \t,.!?;:”\"'’—–-]*")
BEFORE_QUOTE = re.compile(r"[^\w\n“”\"]{0,3}|[^\n“”\"]{0,60}:[\s“\"‘']*")
DASH_SOURCE = re.compile(r"[\s,.;!?]*[”\"’']*\s*[―—–]\s*([^\n,;(“\"]{2,60})")
LABEL = re.compile(r"[\"“]?([A-Z][\w.'’ -]{1,40}?):\s+(\S[^\n]{20,})")


def _label_speaker(doc: _Doc, d: _Found) -> None:
    """'“...” ― Pamela Padilla' and 'Caddell continued: “...”': a speaker named by a dash or a colon."""
    m = DASH_SOURCE.match(doc.text, d.end)
    if m and m.group(1)[:1].isupper():
        d.speaker, d.speaker_start, d.verb = m.group(1).strip(), m.start(1), "―"
        return
    before = doc.text[max(0, d.start - 4) : d.start].rstrip(" “\"‘'\n")
    if not before.endswith(":"):
        return
    colon = doc.token_at(d.start - (d.start - max(0, d.start - 4)) + len(before) - 1)
    if colon is None:
        return
    root = doc.tokens[colon]
    while root.head != root.i and root.dep != "ROOT":
        root = doc.tok(root.head)
    subjects = doc.kids(root.i, SUBJECTS)
    if subjects and subjects[0].pos in ("PROPN", "PRON", "NOUN"):
        d.speaker, d.speaker_start, _ = _speaker_text(doc, subjects[0])
        d.verb = _verb_phrase(doc, root)


def _transcript(doc: _Doc, entities: Sequence[Entity]) -> list[_Found]:
    """'PENCE: Well, look, ...' lines of a transcript, and 'Sanders: Brexit could help Trump' headlines
    and paragraphs: a capitalised label that is all upper case or holds a name is the speaker."""
    out = []
    names = [e for e in entities if e.label in vocab()["label_entities"]]
    for p_start, p_end in _paragraphs(doc.text):
        m = LABEL.match(doc.text, p_start, p_end)
        if not m:
            continue
        label = m.group(1).strip()
        if set(label.lower().replace("’", "'").split()) & vocab()["not_speaker_labels"]:
            continue
        upper = label.isupper()
        if not upper and not (_title_case(label) and _names_someone(label, m.start(1), m.end(1), names)):
            continue
        start, end = _trim_quote(doc.text, m.start(2), p_end)
        end = end - 1 if doc.text[end - 1] in '"”' and doc.text.count('"', p_start, end) % 2 else end
        sent = doc.tokens[doc.token_at(start) or 0].sent if doc.tokens else 0
        direct = upper or doc.text[start] in OPENERS + "\"'‘"
        out.append(_Found(label.title() if upper else label, m.start(1), ":", start, end, direct, sent))
    return out


def _names_someone(label: str, start: int, end: int, names: Sequence[Entity]) -> bool:
    """The label holds a name, or is the surname of someone the article names ('Lynch: ...')."""
    if _surname(label) in vocab()["label_nouns"]:
        return True  # 'Poll: ...', 'Clinton camp: ...'
    return any(start <= e.start and e.end <= end for e in names) or _surname(label) in {_surname(e.text) for e in names}


def _title_case(label: str) -> bool:
    words = label.split()
    short = len(words) <= int(vocab()["max_label_words"])
    return short and all(w[:1].isupper() or w in ("and", "of", "the", "de") for w in words)


def _merge(text: str, found: list[_Found]) -> list[_Found]:
    """'“A,” said X. “B.”' is one quote: pieces of one speaker's quotation split by the cue."""
    out: list[_Found] = []
    for f in found:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.direct
            and f.direct
            and prev.speaker
            and prev.speaker == f.speaker
            and 0 <= f.start - prev.end <= int(vocab()["max_merge_gap"])
            and "\n" not in text[prev.end : f.start]
        ):
            prev.end = max(prev.end, f.end)
            continue
        out.append(f)
    return out


def _inside(a: _Found, b: _Found, any_speaker: bool = False) -> bool:
    """A finding inside another one (by the same speaker unless any_speaker)."""
    return a is not b and b.start <= a.start and a.end <= b.end and (any_speaker or a.speaker == b.speaker)


def _overlap(a: _Found, b: _Found) -> bool:
    return min(a.end, b.end) > max(a.start, b.start)


def _person_tokens(doc: _Doc, entities: Sequence[Entity]) -> frozenset[int]:
    """Indexes of tokens inside a person (stance_labels) entity."""
    labels = set(vocab()["stance_labels"])
    out = set()
    for e in entities:
        if e.label not in labels:
            continue
        i = doc.token_at(e.start)
        while i is not None and i < len(doc.tokens) and doc.tokens[i].start < e.end:
            if doc.tokens[i].start >= e.start:
                out.add(doc.tokens[i].i)
            i += 1
    return frozenset(out)


def _same(a: _Found, b: _Found) -> bool:
    return abs(a.start - b.start) <= 2 and abs(a.end - b.end) <= 2


def _dedupe(found: list[_Found]) -> list[_Found]:
    out: list[_Found] = []
    for f in found:
        if not any(_same(f, g) for g in out):
            out.append(f)
    return out
