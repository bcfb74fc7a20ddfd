"""Who speaks: the speaker phrase of a cue, the subject a cue inherits, and pronouns and
descriptions resolved to the names before them (with genders from titles and given names)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ...model import Entity, Token
from .doc import CLAUSE_EDGE, SUBJECTS, _Doc, _span
from .lexicon import _lemma, vocab


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
    t = doc.tok(i)
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
        named = [
            e
            for e in entities
            if e.label in self.person_labels | self.group_labels and not (doc is not None and doc.in_quote(e.start))
        ]
        self.names = sorted((e.start, e.text, "person" if e.label in self.person_labels else "group") for e in named)
        plural = set(v["plural_labels"])
        self.plural_starts = frozenset(e.start for e in named if e.label in plural)
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
        if key in v["plural_pronouns"]:
            return self._last(start, "group", plural=True) or speaker
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

    def _last(self, start: int, kind: str, gender: str | None = None, plural: bool = False) -> str | None:
        # the last named subject first ("Trump told the crowd ... He said"), then any name
        for pool in (self.subjects, self.names):
            cands = [n for n in pool if n[0] < start and n[2] == kind and self._fits(n[1], gender)]
            if plural:
                cands = [n for n in cands if n[0] in self.plural_starts]
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


def _named_speaker(doc: _Doc, written: str, start: int, speaker: str) -> bool:
    """A speaker a later pronoun may continue: written with a proper noun ('Ban', 'the Clinton
    campaign'), or a pronoun or description resolved to a name; not a capitalised description that
    opens a sentence ('The rare accord', 'Many world leaders')."""
    if speaker != written:
        return True
    i = doc.token_at(start)
    while i is not None and i in doc.tree.tokens and doc.tok(i).start < start + len(written):
        if doc.tok(i).pos == "PROPN":
            return True
        i += 1
    return False


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
    before = [s for s in subjects if s.i < verb.i and not doc.in_quote(s.start)]
    finite = verb.tag in ("VBD", "VBZ", "VBP") and verb.dep != "conj"
    if finite and not before and _inverted(doc, verb) and (post := _postposed_speaker(doc, verb)):
        return post
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
        causative = verb.dep == "xcomp" and _lemma(head) in vocab()["causative_verbs"]
        objects = [o for o in doc.kids(head.i, ("dobj",)) if o.i < verb.i] if causative else []
        if objects:
            # 'That record prompted the Atlas to state ...', 'forced Clinton to distance herself from
            # ...': the object of a causative verb is the one who speaks or thinks
            return objects[:1]
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


def _personal(doc: _Doc, t: Token, people: frozenset[int]) -> bool:
    t = _antecedent(doc, t)  # "Sanders, who backs ..."
    v = vocab()
    if t.i in people or t.pos == "PROPN" or t.text.lower() in v["stance_pronouns"] or _lemma(t) in v["people_nouns"]:
        return True
    # "Trump supporters", "Clinton's aides", "Republican leaders": a noun owned or qualified by a name
    return any(k.i in people or k.pos == "PROPN" for k in doc.kids(t.i, ("compound", "poss", "amod")))


def _person_tokens(doc: _Doc, entities: Sequence[Entity]) -> frozenset[int]:
    """Indexes of tokens inside a person (stance_labels) entity."""
    labels = set(vocab()["stance_labels"])
    out = set()
    for e in entities:
        if e.label not in labels:
            continue
        i = doc.token_at(e.start)
        while i is not None and i in doc.tree.tokens and doc.tok(i).start < e.end:
            if doc.tok(i).start >= e.start:
                out.add(i)
            i += 1
    return frozenset(out)


def _postposed_speaker(doc: _Doc, verb: Token) -> list[Token]:
    """'..., said Skelly', '..., added a South Carolina Democrat': a noun phrase right after the verb
    headed by a name or a noun of people or sources, however the parser hung it on the verb."""
    v = vocab()
    after = [
        c
        for c in doc.kids(verb.i, ("nsubj", "advmod", "npadvmod", "dobj", "attr"))
        if c.i > verb.i and min(t.i for t in doc.subtree(c.i)) == verb.i + 1
    ]
    return [c for c in after if c.pos == "PROPN" or _lemma(c) in v["people_nouns"] | v["source_nouns"]][:1]


def _inverted(doc: _Doc, verb: Token) -> bool:
    """'“...,” said X' and '..., said X': the reporting verb comes right after a quotation or comma."""
    return doc.text[max(0, verb.start - 3) : verb.start].rstrip()[-1:] in (",", "”", '"', "'", "’")
