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

from collections.abc import Sequence

from ...model import Entity, Quote, Sentence, Token
from .assemble import _direct, _indirect, _label_speaker, _merge, _skip_datelines
from .cues import find_cues
from .doc import _doc, _Found, _inside, _same
from .lexicon import DATA_FILE, vocab
from .marks import quote_spans
from .speakers import _genders, _named_speaker, _Resolver

__all__ = ["DATA_FILE", "_genders", "find_quotes", "quote_spans", "vocab"]


def _restated(inner: _Found, outer: _Found) -> bool:
    """The same cue found twice with two extents ("They focused [on [the economy]]" as "focused" and "focused
    on", "he expressed [concern [that ...]]"): the outer finding already holds the inner one. A different cue
    inside is a claim of its own ("Democrats are drawing up plans ..., saying the party must ...")."""
    return (
        not outer.direct
        and _inside(inner, outer)
        and inner.speaker_start == outer.speaker_start
        and (inner.start, inner.end) != (outer.start, outer.end)
        and inner.verb.split()[:1] == outer.verb.split()[:1]
    )


def find_quotes(
    text: str, sentences: Sequence[Sentence], tokens: Sequence[Token], entities: Sequence[Entity]
) -> list[Quote]:
    """Direct and indirect quotes in ``text`` with the words naming their speakers."""
    doc = _doc(text, tokens, entities)
    spans = doc.quoted
    cues = find_cues(doc)
    found = _indirect(doc, cues["claim"], cues["stance"])
    # a cue whose whole content is one quotation is a direct quote
    for f in found:
        f.direct = any(abs(qs - f.start) <= 2 and abs(qe - f.end) <= 2 for qs, qe in spans)
    bare = cues["cue"]
    direct = [d for d in _direct(doc, spans, found, sentences, bare) if not any(_same(d, f) for f in found)]
    found = [f for f in found if f.direct or not any(_inside(f, d) for d in direct + [g for g in found if g.direct])]
    found = [f for f in found if f.direct or not any(_restated(f, g) for g in found)]
    for d in direct:
        if d.speaker is None:
            _label_speaker(doc, d)
    found += cues["label"]
    _skip_datelines(doc.text, found + direct, entities)
    speakers = [(f.speaker_start, f.speaker_start + len(f.speaker)) for f in found + direct if f.speaker]
    resolver = _Resolver(entities, doc, speakers)
    quotes = []
    last: tuple[int, str] | None = None  # the last named speaker: a he/she close after it continues it
    for f in _merge(text, sorted(found + direct, key=lambda f: (f.start, f.end))):
        f.end = f.start + len(text[f.start : f.end].rstrip())  # a content running to its paragraph's end
        written = speaker = f.speaker
        if written:
            speaker = resolver.continued(written, f.speaker_start, last) or resolver.resolve(written, f.speaker_start)
            if _named_speaker(doc, written, f.speaker_start, speaker):
                last = (f.speaker_start, speaker)
        cue, content = f.verb or None, text[f.start : f.end]
        quotes.append(Quote(None, speaker, cue, content, f.start, f.end, f.direct, f.sentence, f.act, f.negated))
    return quotes
