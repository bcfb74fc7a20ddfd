"""What a quoted sentence leans on that the briefing may not show: a person named by surname alone
after a report of the story named them in full, and a photo caption standing in the text.

News style names a person in full once and by surname after ("Frederick Davis, 21, was charged
... Davis has also been charged with ..."): quoted alone, such a sentence names someone the
briefing never introduced. It is quoted only once a line before it names the person in full: the
full name its article gives, or, where it never does, the one another report of the story gives. A
rank or title written in full before the surname ("Inspector Gaskin") is no part of the name.

A sentence whose speaker or main subject is a bare pronoun ("“We must unify the party,” he said.")
leans on the sentence before it the same way: quoted alone, it says nobody knows whose words.

A sentence whose main subject is "I" or "we" outside quotation marks is a columnist speaking, or a
speaker whose quotation marks stand on other lines: it reports nothing of the story on its own.

A pronoun object with no one in its sentence to stand for ("Police pulled him over") leans on the
sentence before it too.

A sentence that opens with a definite description pointing back ("The families of the two wounded
men ...", "The other was treated ...": "the" with a count, or with "other", "latter", "former")
means people or things the sentences before it named: it is quoted only after a line that names
them (the count and the noun), and one without a noun ("the other") never.

A photo caption is written in the present tense with the day and the full date ("Prosecutor Kym
Worthy announces charges during a news conference in Detroit on Wednesday, May 25, 2016."; AP
caption style); running text tells the same in the past tense, and names a weekday or a date,
not both with the year. A page dump keeps captions among the paragraphs: they are no statements.

Both read the article's parse (spaCy's sentences, tags and PERSON entities): without one, nothing
is found.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from functools import lru_cache

from ..model import AnnotatedArticle, Token
from .config import load

_QUOTE_MARKS = "\"“‘'`("


@lru_cache(maxsize=1)
def _cfg() -> dict:
    return load("brief.yaml")["references"]


@lru_cache(maxsize=1)
def _caption_date() -> re.Pattern:
    return re.compile(_cfg()["caption_date"], re.I)


def span_of(text: str, parsed: AnnotatedArticle) -> tuple[int, int] | None:
    """Where the sentence ``text`` stands in its article's text (found whatever whitespace stands
    between its words: a sentence may go on across a line break); None when it is not there."""
    found = re.search(r"\s+".join(map(re.escape, text.split())), parsed.article.text)
    return (found.start(), found.end()) if found is not None else None


def tokens_of(text: str, parsed: AnnotatedArticle, span: tuple[int, int] | None = None) -> list[Token]:
    """The parsed tokens of the sentence ``text`` (at ``span`` when it is known: ``span_of``)."""
    span = span or span_of(text, parsed)
    if span is None:
        return []
    starts = [t.start for t in parsed.tokens]
    first, last = bisect.bisect_left(starts, span[0]), bisect.bisect_left(starts, span[1])
    return list(parsed.tokens[first:last])


def leaning_names(text: str, parsed: AnnotatedArticle | None, others: Sequence[AnnotatedArticle] = ()) -> list[str]:
    """The full names, given earlier in its article, of the persons the sentence ``text`` names by
    surname alone ("Davis has ...", "Mr. Davis said ...", "Inspector Gaskin said ...", "About 6:45
    p.m. Friday, Wilson was inside his home ...", "Drewery's 4-year-old son found a handgun"); where
    its article never names one in full, the full name one of the ``others`` (the story's other
    reports) gives ("Subryan was also charged ..." where another report names Vishwanand Subryan)."""
    tokens = tokens_of(text, parsed) if parsed is not None else []
    if parsed is None or not tokens:
        return []
    out = []
    for surname in _bare_surnames(tokens):
        full = _full_name_before(parsed, surname) or _full_name_elsewhere(others, surname)
        if full is not None and full not in text and full not in out:
            out.append(full)
    return out


def _bare_surnames(tokens: list[Token]) -> list[Token]:
    """One-word proper names (after an abbreviated title or none), in any role: a subject, an object, an
    owner ("Drewery's son"): the candidates for a surname standing alone (the tagger may call a later
    "Dolan" an organisation; only one whose full name the article gave before counts)."""
    words = [t for t in tokens if t.text not in _QUOTE_MARKS and t.text not in ("'s", "’s")]
    titles = {*_cfg()["name_titles"], *_cfg()["name_ranks"]}
    out = []
    for k, t in enumerate(words):
        if t.pos != "PROPN" or not t.text[:1].isupper() or t.text.rstrip(".").lower() in titles:
            continue  # a title ("Dr", "Inspector") is no surname
        titled = k > 0 and words[k - 1].text.rstrip(".").lower() in titles
        if _in_longer_name(words, k, titled):
            continue  # a name of several words
        out.append(t)
    return out


def _in_longer_name(words: list[Token], k: int, titled: bool) -> bool:
    """Is ``words[k]`` one word of a name of several (a proper noun next to it)? Not when the proper
    nouns before it are another thing's name, tagged as one, and it is a person's name of its own (a
    car's make and model: "the silver Ford Fusion LaCalamita was driving")."""
    t = words[k]
    before = words[k - 1] if k else None
    after = words[k + 1] if k + 1 < len(words) else None
    if after is not None and after.pos == "PROPN":
        return True
    if before is None or before.pos != "PROPN" or titled:
        return False
    return not (t.ent_type == "PERSON" and t.ent_iob == "B" and _other_name_before(words, k))


def _other_name_before(words: list[Token], k: int) -> bool:
    """Do the proper nouns right before ``words[k]`` hold a word tagged as another kind of name?"""
    j = k - 1
    while j >= 0 and words[j].pos == "PROPN":
        if words[j].ent_type not in ("", "PERSON"):
            return True
        j -= 1
    return False


def _full_name_before(parsed: AnnotatedArticle, surname: Token) -> str | None:
    """The first name of several words ending in ``surname`` the article gives before it, up to the
    surname ("Anthony LaCalamita" of "Anthony LaCalamita III": a generational suffix is no surname)."""
    for entity in parsed.entities:
        if entity.start >= surname.start:
            break
        words = _without_suffix(entity.text.split())
        if entity.label == "PERSON" and len(words) > 1 and _bare(words[-1]) == _bare(surname.text):
            return " ".join(words)
    return None


def _full_name_elsewhere(others: Sequence[AnnotatedArticle], surname: Token) -> str | None:
    """The first name of several words ending in ``surname`` that one of ``others`` gives."""
    for parsed in others:
        for entity in parsed.entities:
            words = _without_suffix(entity.text.split())
            if entity.label == "PERSON" and len(words) > 1 and _bare(words[-1]) == _bare(surname.text):
                return " ".join(words)
    return None


def _without_suffix(words: list[str]) -> list[str]:
    """A name's words less a generational suffix after the surname ("Jr.", "III")."""
    suffixes = _cfg()["name_suffixes"]
    while len(words) > 2 and words[-1].strip(".,").lower() in suffixes:
        words = words[:-1]
    return words


def _bare(word: str) -> str:
    for suffix in ("'s", "’s"):
        word = word.removesuffix(suffix)
    return word


def caption(text: str, parsed: AnnotatedArticle | None) -> bool:
    """Is ``text`` a photo caption (module docstring): a present-tense main verb and the weekday with
    the full date?"""
    if parsed is None or not _caption_date().search(text):
        return False
    tokens = tokens_of(text, parsed)
    roots = _roots(tokens)
    return any(t.tag in _cfg()["present_tags"] for t in tokens if t.i in roots)


def pronoun_subject(text: str, parsed: AnnotatedArticle | None) -> bool:
    """Is the subject of the sentence's main verb a personal pronoun ("... ,” he said.")?"""
    tokens = tokens_of(text, parsed) if parsed is not None else []
    roots = _roots(tokens)
    pronouns = set(_cfg()["subject_pronouns"])
    return any(t.dep in ("nsubj", "nsubjpass") and t.head in roots and t.text.lower() in pronouns for t in tokens)


def writers_voice(text: str, parsed: AnnotatedArticle | None) -> bool:
    """Is the subject of the sentence's main verb "I" or "we", outside any quotation marks ("Like
    you, I did a double-take when ...")? The writer of a column or a blog speaks, or someone whose
    quotation marks stand on other lines: no report of the story either way."""
    span = span_of(text, parsed) if parsed is not None else None
    if parsed is None or span is None:
        return False
    tokens = tokens_of(text, parsed, span)
    roots, quoted = _roots(tokens), _quoted_spans(parsed.article.text[span[0] : span[1]], span[0])
    pronouns = set(_cfg()["first_person_subjects"])
    return any(
        t.dep in ("nsubj", "nsubjpass")
        and t.head in roots
        and t.text.lower() in pronouns
        and not any(a <= t.start < b for a, b in quoted)
        for t in tokens
    )


_QUOTED = re.compile(r"(?:“|\"|``)(?:.+?)(?:”|\"|''|$)")


def _quoted_spans(text: str, offset: int) -> list[tuple[int, int]]:
    """Where quotations stand in ``text`` (article offsets; one left open runs to its end)."""
    return [(m.start() + offset, m.end() + offset) for m in _QUOTED.finditer(text)]


def pronoun_without_antecedent(text: str, parsed: AnnotatedArticle | None) -> bool:
    """Does the sentence have a pronoun object that no one in it can stand for ("Police pulled him
    over", "Officers could not revive him")? A person's name or a noun for a person ("a man", "the
    boy") can, unless it is the subject of the pronoun's own verb (a pronoun object never means its
    own clause's subject: that would be "himself")."""
    tokens = tokens_of(text, parsed) if parsed is not None else []
    pronouns, people = set(_cfg()["object_pronouns"]), _person_nouns()
    by_index = {t.i: t for t in tokens}
    for p in tokens:
        if p.pos != "PRON" or p.text.lower() not in pronouns or p.dep not in ("dobj", "pobj", "dative"):
            continue
        verb = _governing_verb(p, by_index)
        persons = [
            t
            for t in tokens
            if (t.ent_type == "PERSON" or t.lemma.lower() in people or t.text.lower() in people)
            and not (t.head == verb and t.dep in ("nsubj", "nsubjpass"))
        ]
        if not persons:
            return True
    return False


def _governing_verb(t: Token, tokens: dict[int, Token]) -> int:
    """The verb a pronoun object belongs to (through its preposition: "to get him out")."""
    head = tokens.get(t.head)
    while head is not None and head.pos not in ("VERB", "AUX") and head.head != head.i:
        head = tokens.get(head.head)
    return head.i if head is not None else t.head


@lru_cache(maxsize=1)
def _person_nouns() -> frozenset[str]:
    """Nouns for a person (the participants' nouns of event fusion, less its pronouns)."""
    people = load("fusion.yaml")["coref"]["participants"]["people"]
    return frozenset(str(w) for w in people if str(w) not in ("he", "him", "his", "she", "her", "they", "them"))


def _roots(tokens: list[Token]) -> set[int]:
    inside = {t.i for t in tokens}
    return {t.i for t in tokens if t.head == t.i or t.head not in inside}


def unnamed_referents(text: str, parsed: AnnotatedArticle | None) -> list[list[frozenset[str]]]:
    """The definite descriptions the sentence opens with that point back to people or things named
    before it ("The families of the two wounded men ...", "The other victim ...", "The latter ...":
    "the" with a count or with "other", "latter", "former"): for each, the groups of words a line
    before it must all hold (a word of each group) to name what it means: the count (as a word or a
    figure) and the noun. A description without a noun ("the other") can mean nothing a line names
    alone: it gets one empty group, which no line holds."""
    tokens = tokens_of(text, parsed) if parsed is not None else []
    roots = _roots(tokens)
    first_root = min((t.i for t in tokens if t.i in roots), default=None)
    opening = [t for t in tokens if first_root is not None and t.i < first_root]
    by_index = {t.i: t for t in tokens}
    return [_naming_words(head, opening) for head in _definite_heads(opening, by_index)]


def _definite_heads(opening: list[Token], by_index: dict[int, Token]) -> list[Token]:
    """Heads of "the" + count or anaphoric modifier in the opening (the modifier itself when headless)."""
    anaphoric, counts = set(_cfg()["anaphoric_modifiers"]), _count_words()
    heads = []
    for t in opening:
        word = t.text.lower()
        counted = t.dep == "nummod" and (word in counts or (word.isdigit() and int(word) < 100))
        if not counted and word not in anaphoric:
            continue
        head = t if t.dep not in ("nummod", "amod") else by_index.get(t.head, t)
        if _has_the(head, opening) and head not in heads:
            heads.append(head)
    return heads


def _has_the(head: Token, opening: list[Token]) -> bool:
    return any(t.head == head.i and t.dep == "det" and t.text.lower() == "the" for t in opening)


def _naming_words(head: Token, opening: list[Token]) -> list[frozenset[str]]:
    """The word groups a line must hold to name what ``head``'s description means (module docstring)."""
    if head.text.lower() in _cfg()["anaphoric_modifiers"] or head.pos not in ("NOUN", "PROPN"):
        return [frozenset()]
    groups = [frozenset({head.text.lower(), head.lemma.lower()})]
    counts = _count_words()
    for t in opening:
        if t.head == head.i and t.dep == "nummod":
            word = t.text.lower()
            value = counts.get(word, word)
            groups.append(frozenset({word, str(value)} | {w for w, v in counts.items() if str(v) == str(value)}))
    return groups


@lru_cache(maxsize=1)
def _count_words() -> dict[str, int]:
    """Number words and their values ("two": 2; figures.yaml)."""
    return {str(w): int(v) for w, v in load("figures.yaml")["number_words"].items()}
