"""Sentences of an article's cleaned paragraphs as the briefing quotes them, and how close two are.

The splitter never cuts after an initial ("Warren S. Smith") or a known abbreviation ("Gen.",
"U.S.", "Jan."; ``newsfuse/text/data/abbreviations.yaml``), unless the next word is one that only
opens sentences ("... South Avenue A. The husband ..."); a sentence that is no statement on its own
(a pronoun or connective opening, a headline without a full stop, wire boilerplate) is not quoted.
A sentence is quoted without the page chrome a dump glues in front of it (the headline run into it,
"UPDATED at 3:05 p.m.", "Posted on", "Filed under: News", "Photos"): from the word after the chrome
on, which is the source's own text, verbatim (``data/leads.yaml``).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..text.abbreviations import DATA as ABBREVIATIONS
from ..text.abbreviations import ends_with_abbreviation
from ..text.yamlfile import load_yaml
from .config import load, stop_lemmas

# a candidate boundary: end punctuation (and closing quotes/brackets), space, then an opening
_BOUNDARY = re.compile(r"([.!?][\"”’')\]]*)\s+(?=[\"“‘(\[]?[A-Z0-9])")
_WORD = re.compile(r"[A-Za-z0-9]+")


@dataclass(frozen=True)
class Sentence:
    article_id: str
    text: str
    position: int  # index among the article's sentences
    words: frozenset[str]  # content words, lower case
    in_quotation: bool = False  # part of a quotation over several lines whose speaker another line names


@lru_cache(maxsize=1)
def _cfg() -> dict:
    return load("brief.yaml")


@lru_cache(maxsize=1)
def _leads() -> dict:
    return load("leads.yaml")


@lru_cache(maxsize=1)
def _chrome_labels() -> re.Pattern:
    return re.compile("|".join(f"(?:{p})" for p in _leads()["chrome_labels"]))


@lru_cache(maxsize=1)
def _boilerplate() -> re.Pattern:
    return re.compile("|".join(f"(?:{p})" for p in _cfg()["boilerplate"]), re.I)


def split_sentences(text: str) -> list[str]:
    """Sentences of ``text`` (blocks separated by newlines), cut only at real sentence ends. A block
    ending in a title or a rank ("said Sgt .", "call Det .") ends no sentence: one that goes on in
    the next block (from a capital: the name) is one sentence with it."""
    return [sentence for sentence, _ in sentences_with_blocks(text)]


def sentences_with_blocks(text: str) -> list[tuple[str, int]]:
    """split_sentences, each sentence with the index of the block (line) it starts in."""
    out: list[tuple[str, int]] = []
    held: tuple[str, int] | None = None  # a sentence cut after a title, waiting for the name in the next block
    for b, block in enumerate(text.split("\n")):
        pieces = [(s, b) for s in _split_block(block.strip()) if s]
        if held and pieces and pieces[0][0][:1].isupper():
            pieces[0] = (f"{held[0]} {pieces[0][0]}", held[1])
        elif held:
            out.append(held)
        held = pieces.pop() if pieces and _ends_before_a_name(pieces[-1][0]) else None
        out += pieces
    return out + [held] if held else out


@lru_cache(maxsize=1)
def _name_titles() -> frozenset[str]:
    """Abbreviated titles and ranks ("Dr.", "Sgt."): a name always follows them."""
    groups = load_yaml(ABBREVIATIONS.read_text(encoding="utf-8"))
    return frozenset(str(w).lower() for key in _leads()["name_title_groups"] for w in groups[key])


def _ends_before_a_name(sentence: str) -> bool:
    last = sentence[:-1].rstrip().split()[-1:] if sentence.endswith(".") else []
    return bool(last) and last[0].lower() in _name_titles()


def _split_block(block: str) -> list[str]:
    out, start = [], 0
    for m in _BOUNDARY.finditer(block):
        piece = block[start : m.end(1)]
        if _inside_quote(piece):
            continue
        if ends_with_abbreviation(block[start : m.start() + 1]) and not _opens_sentence(block[m.end() :]):
            continue
        if _decimal_point(block[start : m.start() + 1], block[m.end() :]):
            continue
        out.append(block[start : m.end(1)].strip())
        start = m.end()
    out.append(block[start:].strip())
    return out


def _decimal_point(before: str, rest: str) -> bool:
    """Is the full stop between two figures a decimal point or a time's ("9 . 25 a . m .", as tokenised
    text spaces "9.25")? News style opens no sentence with a figure after one that ends in a figure."""
    return bool(re.search(r"\d\s*\.$", before)) and rest[:1].isdigit()


def _opens_sentence(rest: str) -> bool:
    """Does ``rest`` begin with a word that only opens a sentence ("The", "He"), never a name?"""
    first = rest.split(maxsplit=1)[:1]
    return bool(first) and first[0] in _leads()["sentence_openers"]


def _inside_quote(piece: str) -> bool:
    """Does ``piece`` end inside a quotation it opened (a quoted passage of several sentences)?"""
    return piece.count("“") > piece.count("”") or piece.count('"') % 2 == 1 or piece.count("``") > piece.count("''")


def content_words(text: str) -> frozenset[str]:
    return frozenset(w for w in (t.lower() for t in _WORD.findall(text)) if len(w) > 2 and w not in stop_lemmas())


def quotable(text: str) -> bool:
    """A sentence that stands on its own as a statement of its article."""
    cfg = _cfg()
    words = text.split()
    if len(words) < cfg["min_sentence_words"] or len(words) > cfg["max_sentence_words"]:
        return False
    end = _before_closing_marks(text)
    if not end.endswith((".", "!")) or end.endswith(("..", ". .", "…")) or text.endswith("?"):
        return False  # headlines, cut-off teasers and questions
    if not words[0].lstrip("\"“‘(`'")[:1].isupper() and not words[0][:1].isdigit():
        return False  # a fragment cut out of a longer sentence
    if text.count("(") > text.count(")") or text.count("”") > text.count("“"):
        return (
            False  # cut inside a parenthesis ("... €2 million ( $2 .") or out of a quotation ("Hustle ... ” printed")
        )
    opening = re.split(r"[’']", words[0].lower())[0]  # "He’s" leans on the sentence before as "He"
    if opening.strip('"“‘(,;:') in cfg["dependent_openings"] or "http" in text or "@" in text:
        return False
    if _opens_with_phrase(text, cfg["dependent_opening_phrases"]):
        return False
    if opening in cfg["first_person_openings"]:
        return False  # whose words they are is said around it, not in it (not after its quotation mark)
    if _all_quoted(text):
        return False  # a quotation with no speaker in it: the sentences around it name them
    return not _boilerplate().search(text)


def _before_closing_marks(text: str) -> str:
    """The sentence up to its final punctuation, without the quotation marks and brackets that close it
    (tokenised text has a space before a closing quote: "forward . ”")."""
    return text.rstrip("\"”’')] ")


def _opens_with_phrase(text: str, phrases: list[str]) -> bool:
    """Does the sentence open with one of these phrases as whole words ("What’s more, ...")?"""
    start = text.lstrip("\"“‘(`'").replace("’", "'").lower()
    return any(start.startswith(p) and not start[len(p) : len(p) + 1].isalnum() for p in phrases)


def _all_quoted(text: str) -> bool:
    """Is the sentence one quotation from its first word to its end ("“I'm not there right now.”")?"""
    body = text.strip()
    for opening, closing in (("“", "”"), ('"', '"'), ("``", "''")):
        if body.startswith(opening) and body.endswith(closing):
            inner = body[len(opening) : -len(closing)]
            return closing not in inner and (opening == closing or opening not in inner)
    return False


def article_sentences(article_id: str, paragraphs: Iterable[str], title: str | None = None) -> list[Sentence]:
    """The article's sentences as the briefing quotes them: each without the chrome glued in front."""
    split = sentences_with_blocks("\n".join(paragraphs))
    sents = [without_chrome(s, title) for s, _ in split]
    blocks = [b for _, b in split]
    inside = [
        any(flags)
        for flags in zip(
            _begins_inside_quotation(sents), _in_transcript(sents), _in_block_quotation(sents, blocks), strict=True
        )
    ]
    return [Sentence(article_id, s, i, content_words(s), inside[i]) for i, s in enumerate(sents)]


def _begins_inside_quotation(sentences: list[str]) -> list[bool]:
    """For each sentence, is it part of a quotation running over several lines whose speaker another
    line names: its middle and its end, and its first line when that is all quotation ("“He was pretty
    shook up." ... "He tried to help her,” said Earley.")? Only a run that its closing mark ends counts:
    one that a new opening mark or the article's end cuts off is a quotation whose closing mark the page
    lost, or one that goes on in a new paragraph (news style reopens it there), and the lines after it
    are the writer's."""
    out = [False] * len(sentences)
    run: list[int] | None = None  # the sentence that left a quotation open, and those after it
    for k, text in enumerate(sentences):
        if run is not None and not _opens_quotation(text):
            if _QUOTE_MARK.search(text) is None:
                run.append(k)
                continue
            if _closes_first(text):
                opener = [run[0]] if _opens_quotation(sentences[run[0]]) else []
                for i in [*opener, *run[1:], k]:
                    out[i] = True
                run = [k] if _ends_open(text, inside=True) else None
                continue
        run = [k] if _ends_open(text, inside=False) else None
    return out


def _in_transcript(sentences: list[str]) -> list[bool]:
    """For each sentence, is it a speaker's turn of a transcript printed in the article (brief.yaml:
    transcript): from the first line that opens a turn on, every line is some speaker's words (the
    lines after a label go on with its turn) until a heading, a line with no closing punctuation, where
    the writer's own text takes over again. A turn is a sentence, closed by its punctuation, and never
    the article's first line: a headline in the form "Trump: We will build it" opens no transcript."""
    labels = [_turn_label(text) for text in sentences]
    speakers = {label for label in labels if label}
    cfg = _cfg()["transcript"]
    speech = frozenset(cfg["turn_speech_words"])
    out = [False] * len(sentences)
    running = False
    for k, (text, label) in enumerate(zip(sentences, labels, strict=True)):
        closed = _before_closing_marks(text).endswith((".", "!", "?"))
        if label and k > 0 and closed and (len(speakers) > 1 or speech & _words_after_colon(text)):
            running = True
        elif running and not closed:
            running = False
        out[k] = running
    return out


def _in_block_quotation(sentences: list[str], blocks: list[int]) -> list[bool]:
    """For each sentence, is it in the paragraph that a line ending in a colon and naming a speech
    ("Limbaugh added:", "Below is a statement by Francesca Grifo :", "the president chronicled her
    dedication in his remarks :") introduces: a block quotation, printed without quotation marks, the
    speaker's words (brief.yaml: block_quotation_words)."""
    words = frozenset(_cfg()["block_quotation_words"])
    quoted: set[int] = set()
    for text, block in zip(sentences, blocks, strict=True):
        if text.rstrip().endswith(":") and words & {w.lower() for w in _WORD.findall(text)}:
            quoted.add(min((b for b in blocks if b > block), default=-1))
    return [block in quoted for block in blocks]


def _turn_label(text: str) -> str | None:
    """The speaker's label a transcript's turn opens with ("President Barack Obama :" -> its words in
    lower case), or None: one to five words, each capitalised, before a colon and the turn's words."""
    match = _TURN.match(text)
    if match is None:
        return None
    words = match.group(1).split()
    cfg = _cfg()["transcript"]
    if len(words) > cfg["max_label_words"] or words[0].lower().strip(".") in cfg["not_speakers"]:
        return None
    return " ".join(words).lower()


def _words_after_colon(text: str) -> frozenset[str]:
    return frozenset(w.lower().replace("’", "'") for w in text.split(":", 1)[1].split())


_TURN = re.compile(r"^\s*((?:[A-Z][\w.'’-]*\s+){0,6}?[A-Z][\w.'’-]*)\s?:\s+[\"“‘]?[A-Z]")


def _opens_quotation(text: str) -> bool:
    stripped = text.lstrip()
    return stripped.startswith(("“", "``")) or (stripped.startswith('"') and len(stripped.strip('" ')) > 0)


def _closes_first(text: str) -> bool:
    """Is the first quotation mark of a sentence that begins inside a quotation one that closes it? A
    straight mark closes when a word or a sentence's punctuation stands right before it, or, spaced on
    both sides as tokenised text has it, when the last thing before it is a comma or a full stop."""
    first = _QUOTE_MARK.search(text)
    if first is None or first.group() in ("“", "``"):
        return False
    if first.group() != '"':
        return True
    before, after = text[: first.start()], text[first.end() : first.end() + 1]
    if before[-1:] and not before[-1:].isspace():
        return True
    return not after.isalnum() and before.rstrip()[-1:] in (",", ".", "!", "?")


def _ends_open(text: str, inside: bool) -> bool:
    """Does the sentence leave a quotation open at its end (from the state ``inside`` at its start)?"""
    state = inside and not _opens_quotation(text)
    for mark in _QUOTE_MARK.findall(text):
        state = mark in ("“", "``") or (mark == '"' and not state)
    return state


_QUOTE_MARK = re.compile(r"“|”|``|''|\"")


def without_chrome(sentence: str, title: str | None = None) -> str:
    """``sentence`` from where its own words begin: less a leading copy of the article's ``title``
    (a headline run into its lead) and less everything up to the last page label among its first
    words. The rest is a verbatim part of the source; when it would not open like a sentence
    (a capital, a digit or an opening quote), ``sentence`` is given back whole."""
    text = sentence
    while (rest := _after_chrome(_after_title(text, title))) != text:
        text = rest
    return text if text and (text[0].isupper() or text[0].isdigit() or text[0] in '"“‘(') else sentence


def _after_title(text: str, title: str | None) -> str:
    words, head = text.split(), (title or "").split()
    if len(head) < 3 or len(words) <= len(head) or [w.lower() for w in words[: len(head)]] != [h.lower() for h in head]:
        return text
    return _from_word(text, len(head))


def _after_chrome(text: str) -> str:
    limit = len(_from_word(text, _leads()["chrome_within_words"]))
    ends = [m.end() for m in _chrome_labels().finditer(text) if m.end() <= len(text) - limit]
    return text[max(ends) :].strip() if ends else text


def _from_word(text: str, n: int) -> str:
    """``text`` from its ``n``-th whitespace-separated word on ("" when it has no more)."""
    parts = text.split(maxsplit=n)
    return parts[n] if len(parts) > n else ""


def stems(words: Iterable[str]) -> frozenset[str]:
    """Content words less their inflection ("expected", "expects" -> "expect"; "debated" and
    "debate" -> "debat"), so that two wordings of one thing share their words."""
    return frozenset(_stem(w) for w in words)


def _stem(word: str) -> str:
    endings = _cfg()["inflections"]
    for ending, replacement in endings["plural"]:
        if word.endswith(ending) and len(word) > len(ending) + 2:
            word = word[: -len(ending)] + replacement
            break
    for ending in endings["verb"]:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            word = word[: -len(ending)]
            break
    return word[:-1] if word.endswith("e") and len(word) > 4 else word


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """Shared words over the words of the shorter side."""
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


class Weights:
    """Inverse document frequency of content words over one story's articles."""

    def __init__(self, sentences: Sequence[Sentence]):
        docs: dict[str, set[str]] = {}
        for s in sentences:
            docs.setdefault(s.article_id, set()).update(s.words)
        df = Counter(w for words in docs.values() for w in words)
        n = max(len(docs), 1)
        self.idf = {w: math.log((1 + n) / (1 + c)) + 1.0 for w, c in df.items()}

    def cosine(self, a: frozenset[str], b: frozenset[str]) -> float:
        shared = self._mass(a & b)
        return shared / math.sqrt(self._mass(a) * self._mass(b)) if shared else 0.0

    def _mass(self, words: frozenset[str]) -> float:
        # summed in sorted order: a set's order changes with the process's hash seed, and the float
        # sum with it, which would break ties between sentences differently from run to run
        return math.fsum(self.idf.get(w, 1.0) ** 2 for w in sorted(words))
