"""The cue finders: each reads the parse for one kind of cue and gives what it finds with the
speaker's words. ``FINDERS`` lists them all; ``find_cues`` runs them in one place."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache

from ...model import Entity, Token
from .doc import CONTENT_DEPS, SUBJECTS, _Doc, _Found, _span, _trim
from .lexicon import _lemma, vocab
from .marks import OPENERS, _paragraphs, _trim_quote
from .speakers import (
    _inherited_subject,
    _person_tokens,
    _personal,
    _postposed_speaker,
    _speaker_text,
    _speakers_of,
    _surname,
)


def _cue_verbs(doc: _Doc) -> list[_Found]:
    v = vocab()
    out = []
    for t in doc.tokens:
        if t.pos not in ("VERB", "AUX") or _lemma(t) not in v["cue_verbs"]:
            continue
        subjects = _speakers_of(doc, t)
        if not subjects:
            continue
        name, s_start, s_end = _speaker_text(doc, subjects[0])
        span = _content_span(doc, t, _cue_content(doc, t), subjects) or _before_closing_cue(doc, t, s_start, s_end)
        if span is None:
            continue
        span = _around_inserted_cue(doc, t, s_start, s_end, span)
        found = _Found(name, s_start, _verb_phrase(doc, t), span[0], span[1], False, t.sent, negated=_negated(doc, t))
        out.append(found)
    return out


def _negated(doc: _Doc, verb: Token) -> bool:
    """A cue verb with a negation of its own ("have not said", "never said"), or the infinitive of a verb
    that denies it ("declined to say", "have yet to say")."""
    if doc.kids(verb.i, ("neg",)):
        return True
    head = doc.tree.head(verb.i) if verb.dep == "xcomp" else None
    if head is None:
        return False
    governor = doc.tree.tokens[head]
    v = vocab()
    return _lemma(governor) in v["denying_verbs"] or (
        _lemma(governor) in v["yet_verbs"] and any(_lemma(k) == "yet" for k in doc.kids(head, ("advmod",)))
    )


def _before_closing_cue(doc: _Doc, verb: Token, s_start: int, s_end: int) -> tuple[int, int] | None:
    """'..., a girl was pepper-sprayed by a bystander, police said.': a reporting clause closing its
    sentence after a comma reports what comes before the comma, however the parser hung it."""
    if not (s_end <= verb.start and not doc.text[s_end : verb.start].strip()):
        return None
    if not doc.text[max(0, s_start - 3) : s_start].rstrip().endswith(","):
        return None
    sent = [x for x in doc.tokens[_first_of_sent(doc, verb) :] if x.sent == verb.sent]
    if any(x.i > verb.i and x.pos not in ("PUNCT", "SPACE") for x in sent):
        return None
    start, end = _trim(doc.text, sent[0].start, s_start)
    return (start, end) if end - start >= 3 and "\n" not in doc.text[start:end] else None


def _around_inserted_cue(doc: _Doc, verb: Token, s_start: int, s_end: int, span: tuple[int, int]) -> tuple[int, int]:
    """'If the law never had its day in court, Giuliani said, it is because nobody tried': a reporting
    clause set off by commas inside the sentence reports the whole sentence, on both sides of it."""
    if s_end > verb.start:
        return span
    before = doc.text[max(0, s_start - 3) : s_start].rstrip()
    after = doc.text[verb.end : verb.end + 3].lstrip()
    if not (before.endswith(",") and after.startswith(",")) or doc.text[s_end : verb.start].strip():
        return span
    first = doc.tokens[_first_of_sent(doc, verb)]
    sent = [x for x in doc.tokens[first.i - doc.base :] if x.sent == verb.sent]
    if span[0] <= first.start or span[0] < verb.end:
        return span
    start, end = _trim(doc.text, first.start, max(span[1], sent[-1].end))
    return (start, end) if doc.text.count("\n", start, end) == 0 else span


def _cue_content(doc: _Doc, t: Token) -> list[Token]:
    """The dependents of a cue verb that hold what was said."""
    v = vocab()
    content = doc.kids(t.i, CONTENT_DEPS)
    agent = doc.kids(t.i, ("agent",))
    if not content and agent:
        # "Clinton was attacked on the speeches by Sanders": the subject and what is between
        return doc.kids(t.i, ("nsubjpass",)) + [c for c in doc.kids(t.i, ("prep",)) if t.i < c.i < agent[0].i]
    if content:
        content += _coordinated_content(doc, t, content) + _bare_conjuncts(doc, t, content)
        content += _split_off_subject(doc, t, content)
    if _lemma(t) in v["clause_only"]:
        content = [
            c for c in content if c.dep in ("ccomp", "conj") or (c.dep == "xcomp" and _lemma(t) in v["request_verbs"])
        ]
        return content or _as_content(doc, t) or _asked_if(doc, t)
    if not content:
        # "Trump questioned the integrity of ...": the object, with what follows it ("blamed Russia
        # for the hack"), is what was claimed
        content = doc.kids(t.i, ("dobj",)) + doc.kids(t.i, ("xcomp",))
        if content:
            content += [c for c in doc.kids(t.i, tuple(v["object_tail_deps"])) if c.i > content[0].i]
    return content or _short_answer(doc, t)


def _asked_if(doc: _Doc, verb: Token) -> list[Token]:
    """'asked the students if they were serious': a question verb's 'if'/'whether' clause is what was
    asked, even where the parser hung it as an adverbial clause."""
    if _lemma(verb) not in vocab()["question_verbs"]:
        return []
    return [
        c
        for c in doc.kids(verb.i, ("advcl",))
        if c.i > verb.i and any(k.dep == "mark" and k.text.lower() in ("if", "whether") for k in doc.kids(c.i))
    ][:1]


def _short_answer(doc: _Doc, verb: Token) -> list[Token]:
    """'75 percent said yes', 'the senator said no', 'neither side would say so': the answer word
    right after the cue is what was said."""
    return [
        c
        for c in doc.kids(verb.i, ("intj", "advmod", "dobj"))
        if c.i == verb.i + 1 and c.text.lower() in vocab()["short_answers"]
    ]


def _coordinated_content(doc: _Doc, verb: Token, content: list[Token]) -> list[Token]:
    """'said the U.S. needs X, but that he would not support Y': a second 'that' clause
    coordinated with the first is content too."""
    return [
        c
        for c in doc.kids(verb.i, ("conj",))
        if c.i > content[0].i
        and any(k.dep == "mark" and k.text.lower() in ("that", "whether", "if") for k in doc.kids(c.i))
    ]


def _split_off_subject(doc: _Doc, verb: Token, content: list[Token]) -> list[Token]:
    """'said the days when ... are gone': a content clause with no subject of its own, whose subject
    the parser hung on the cue as an object or adverb between them, starts right after the cue."""
    clause = content[0]
    if clause.dep != "ccomp" or clause.i <= verb.i + 1 or doc.kids(clause.i, SUBJECTS + ("expl",)):
        return []
    return [c for c in doc.kids(verb.i, ("npadvmod", "dobj")) if verb.i < c.i < clause.i]


def _bare_conjuncts(doc: _Doc, verb: Token, content: list[Token]) -> list[Token]:
    """'urged the party to ax X, replace Y and open up Z': a bare infinitive without a subject,
    coordinated after the content, goes on with the content's 'to' clause, not with the cue (a
    finite or participle cue's own conjunct would share its form: 'urged X and left')."""
    if verb.tag in ("VB", "VBP") or not any(c.dep == "xcomp" for c in content):
        return []
    return [
        c
        for c in doc.kids(verb.i, ("conj",))
        if c.tag == "VB" and c.i > content[0].i and not doc.kids(c.i, SUBJECTS) and not doc.kids(c.i, ("aux",))
    ]


def _stance_verbs(doc: _Doc) -> list[_Found]:
    """'Clinton discussed the deal', 'Trump thanked his supporters': a verb of communication,
    attitude or evaluation with a named or pronoun person as subject and an object after it."""
    v = vocab()
    people = _person_tokens(doc, doc.entities)
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
        act, negated = _lemma(t) in v["act_verbs"], _negated(doc, t)
        phrase = _verb_phrase(doc, t)
        out.append(_Found(name, s_start, phrase, start, end, False, t.sent, stance=True, act=act, negated=negated))
    return out


def _content_span(doc: _Doc, verb: Token, content: list[Token], subjects: list[Token]) -> tuple[int, int] | None:
    if content:
        toks = [tok for c in content for tok in doc.subtree(c.i)]
        if all(c.i > verb.i for c in content):
            # "a fund, which both governments said they would support": the relative pronoun the
            # content's verb governs stands before the cue and its speaker; it is not what was said
            toks = [tok for tok in toks if tok.i > verb.i]
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
    return (start, end) if end - start >= 3 or doc.text[start:end].lower() in vocab()["short_answers"] else None


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
    if not as_ and objs and any(c.text.lower() == "as" for c in doc.kids(objs[0].i, ("prep",))):
        return objs[:1]  # 'see police violence as a problem', the parser hanging 'as' on the object
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
        participle = t.pos == "VERB" and t.dep == "acomp" and t.text.lower() in adjectives  # 'was shocked that'
        if not participle and (t.pos != "ADJ" or _lemma(t) not in adjectives):
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
    if not objs or _when_or_where(objs[0]):
        return None
    span = _span(doc.subtree(objs[0].i))
    if span is None:
        return None
    start, end = _trim(doc.text, *span)
    if end - start < 3:
        return None
    name, s_start, _ = _speaker_text(doc, source)
    return _Found(name, s_start, f"{_verb_phrase(doc, cue)} {prep.text}", start, end, False, cue.sent)


def _when_or_where(obj: Token) -> bool:
    """'spoke on Tuesday', 'said on CNN', 'remarks on the condition of anonymity': the preposition's
    object says when, where or how something was said, not what."""
    return obj.ent_type in ("DATE", "TIME") or _lemma(obj) in vocab()["occasion_nouns"]


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
        found = _noun_prep_content(doc, t, preps, owners[0]) or _predicated_content(doc, t, owners[0])
        if found:
            out.append(found)
    return out


def _noun_prep_content(doc: _Doc, noun: Token, preps: list[str], source: Token) -> _Found | None:
    """The content of the first of the noun's prepositions among ``preps`` that gives one ("Cruz's
    attacks on ...", "a critic of the banks"), its cue named by the noun and the preposition."""
    for prep in doc.kids(noun.i, ("prep",)):
        found = _prep_content(doc, noun, prep, preps, source)
        if found:
            found.verb = f"{noun.text} {prep.text}"
            return found
    return None


def _predicated_content(doc: _Doc, noun: Token, owner: Token) -> _Found | None:
    """'Her advice was to stay calm', 'My impression is that he lacks support': a cue noun with its
    owner as the subject of 'be'; what 'be' predicates of it is the content."""
    head = doc.tok(noun.head)
    if noun.dep != "nsubj" or head.i == noun.i or _lemma(head) != "be":
        return None
    content = [c for c in doc.kids(head.i, ("ccomp", "xcomp")) if c.i > head.i]
    span = _span(doc.subtree(content[0].i)) if content else None
    if span is None:
        return None
    start, end = _trim(doc.text, *span)
    if end - start < 3:
        return None
    name, s_start, _ = _speaker_text(doc, owner)
    return _Found(name, s_start, f"{noun.text} {head.text}", start, end, False, noun.sent)


def _role_nouns(doc: _Doc) -> list[_Found]:
    """'Clinton is an outspoken supporter of Roe v. Wade', 'Warren, a longtime critic of the banks,':
    a noun of support or opposition said of someone (by 'be' or apposition) gives that person's
    stance; the object of its preposition is the content."""
    v = vocab()
    out = []
    for t in doc.tokens:
        if t.pos != "NOUN" or _lemma(t) not in v["role_nouns"] or t.head == t.i:
            continue
        head = doc.tok(t.head)
        if t.dep == "attr" and _lemma(head) == "be":
            holders = doc.kids(head.i, ("nsubj",))
        elif t.dep == "appos":
            holders = [head]
        else:
            continue
        found = _noun_prep_content(doc, t, v["role_noun_preps"], holders[0]) if holders else None
        if found:
            out.append(found)
    return out


def _received_stance(doc: _Doc) -> list[_Found]:
    """'The proposal has drawn harsh criticism from fellow hopefuls', 'Clinton won support from union
    leaders': support or criticism received from someone is theirs, about the receiving subject."""
    v = vocab()
    out = []
    for t in doc.tokens:
        if t.pos != "VERB" or _lemma(t) not in v["receiving_verbs"]:
            continue
        obj = next((c for c in doc.kids(t.i, ("dobj",)) if _lemma(c) in v["received_stance_nouns"]), None)
        subjects = doc.kids(t.i, ("nsubj",))
        if obj is None or not subjects:
            continue
        preps = [
            c for c in doc.kids(obj.i, ("prep",)) + doc.kids(t.i, ("prep",)) if c.text.lower() in ("from", "among")
        ]
        givers = [o for prep in preps for o in doc.kids(prep.i, ("pobj",))]
        span = _span(doc.subtree(subjects[0].i))
        if not givers or span is None:
            continue
        start, end = _trim(doc.text, *span)
        name, s_start, _ = _speaker_text(doc, givers[0])
        out.append(_Found(name, s_start, f"{t.text} {obj.text}", start, end, False, t.sent))
    return out


def _noun_owners(doc: _Doc, noun: Token) -> list[Token]:
    """Whose claim: the possessor ('Trump's claim'), or the object of 'from'/'by' ('warnings from experts')."""
    owners = doc.kids(noun.i, ("poss",))
    by = [o for p in doc.kids(noun.i, ("prep",)) if p.text.lower() in ("from", "by") for o in doc.kids(p.i, ("pobj",))]
    return owners or by


@lru_cache(maxsize=1)
def _cue_phrases_by_first_word() -> dict[str, list[list[str]]]:
    """The cue phrases ("according to", ...) as word lists, by their first word (in the list's order),
    so that each token looks up the phrases it may open instead of testing them all."""
    phrases: dict[str, list[list[str]]] = {}
    for phrase in vocab()["cue_phrases"]:
        words = str(phrase).lower().split()
        phrases.setdefault(words[0], []).append(words)
    return phrases


def _according_to(doc: _Doc) -> list[_Found]:
    out = []
    v = vocab()
    by_first_word = _cue_phrases_by_first_word()
    for t in doc.tokens:
        candidates = by_first_word.get(t.text.lower())
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


def _bare_cues(doc: _Doc) -> list[_Found]:
    """Every cue verb with its speaker, content or not: start/end span the speaker and the verb."""
    out = []
    for t in doc.tokens:
        if t.pos != "VERB" or _lemma(t) not in vocab()["cue_verbs"]:
            continue
        subjects = _speakers_of(doc, t) or _postposed_speaker(doc, t)
        if not subjects:
            continue
        name, s_start, s_end = _speaker_text(doc, subjects[0])
        if any(qs <= s_start < qe for qs, qe in doc.quoted):
            continue
        out.append(_Found(name, s_start, _verb_phrase(doc, t), min(s_start, t.start), max(s_end, t.end), False, t.sent))
    return out


LABEL = re.compile(r"[\"“]?([A-Z][\w.'’ -]{0,60}?):\s+(\S[^\n]{20,})")
# 'Clinton to Planned Parenthood: ...', 'Former AG Mukasey at RNC: ...': the headline's speaker comes first
LABEL_AUDIENCE = re.compile(r"\s(?:to|To|at|At)\s")


def _transcript(doc: _Doc) -> list[_Found]:
    """'PENCE: Well, look, ...' lines of a transcript, and 'Sanders: Brexit could help Trump' headlines
    and paragraphs: a capitalised label that is all upper case or holds a name is the speaker."""
    out = []
    names = [e for e in doc.entities if e.label in vocab()["label_entities"]]
    for p_start, p_end in _paragraphs(doc.text):
        m = LABEL.match(doc.text, p_start, p_end)
        if not m:
            continue
        full = m.group(1).strip()
        if set(full.lower().replace("’", "'").split()) & vocab()["not_speaker_labels"]:
            continue
        label = LABEL_AUDIENCE.split(full, maxsplit=1)[0]
        upper = label.isupper()
        if not upper and not (_title_case(label) and _names_someone(label, m.start(1), m.start(1) + len(label), names)):
            continue
        start, end = _trim_quote(doc.text, m.start(2), p_end)
        end = end - 1 if doc.text[end - 1] in '"”' and doc.text.count('"', p_start, end) % 2 else end
        at = doc.token_at(start)
        sent = (doc.tok(at) if at is not None else doc.tokens[0]).sent if doc.tokens else 0
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


Finder = Callable[[_Doc], list[_Found]]

# Every cue finder with the kind of its findings: "claim" (words or thoughts with their content),
# "stance" (an attitude or act: kept only where no claim covers it), "cue" (a cue verb with its
# speaker, content or not: what a quotation next to it is attributed to), "label" (a transcript's
# or headline's 'NAME: ...'). Within a kind, findings keep this order.
FINDERS: tuple[tuple[str, Finder], ...] = (
    ("claim", _cue_verbs),
    ("claim", _according_to),
    ("claim", _prep_cues),
    ("claim", _adjective_cues),
    ("claim", _light_verbs),
    ("claim", _noun_cues),
    ("claim", _role_nouns),
    ("claim", _received_stance),
    ("stance", _stance_verbs),
    ("cue", _bare_cues),
    ("label", _transcript),
)


def find_cues(doc: _Doc) -> dict[str, list[_Found]]:
    """What every finder of ``FINDERS`` finds, by kind."""
    out: dict[str, list[_Found]] = {kind: [] for kind, _ in FINDERS}
    for kind, finder in FINDERS:
        out[kind] += finder(doc)
    return out
