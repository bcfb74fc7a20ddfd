"""Findings into quotes: indirect claims, quotations with the speaker of the cue in, before,
after or near them, signed and introduced quotations, datelines, and pieces of one quotation."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from ...model import Entity, Sentence
from .cues import _verb_phrase
from .doc import SUBJECTS, _dedupe, _Doc, _Found, _inside, _overlap
from .lexicon import vocab
from .marks import _trim_quote
from .speakers import _speaker_text

PARAGRAPH_GAP = re.compile(r"[,.!?;:”\"'’]*\s*\n\s*[“\"‘']*")
AFTER_QUOTE = re.compile(r"[ \t,.!?;:”\"'’—–-]*")
BEFORE_QUOTE = re.compile(r"[^\w\n“”\"]{0,3}|[^\n“”\"]{0,60}:[\s“\"‘']*")
# '“...” ― Name', and '- Name.' on the line below the quotation
DASH_SOURCE = re.compile(r"[\s,.;!?]*[”\"’']*(?:\s*[―—–]|\s*\n\s*-)\s*([^\n,;(“\"]{2,60})")
DATELINE = re.compile(r"(?m)^[A-Z][A-Za-z.,' ]{1,40}?\s*(?:\([A-Za-z ]{2,20}\))?\s*[—–-]{1,2}\s")


def _indirect(doc: _Doc, claims: list[_Found], stance: list[_Found]) -> list[_Found]:
    """Every cue with its speaker and content; stance findings only where no claim found something."""
    found = _dedupe(claims)
    # a stance finding may hold another one ("Clinton bashed [Trump's proposal [to ban ...]]")
    found = _dedupe(found + [f for f in stance if not any(_overlap(f, g) and not _inside(g, f, True) for g in found)])
    # a cue inside a quotation ("will you pledge ...") is the quoted person's words, not a new speaker
    return [f for f in found if not doc.in_quote(f.speaker_start)]


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


def _adjacent_cue(text: str, qs: int, qe: int, bare: list[_Found]) -> _Found | None:
    """A cue right after the quotation ('“...,” Pence said') or right before it ('Pence said: “...”')."""
    if len(text[qs:qe].split()) < int(vocab()["min_adjacent_quote_words"]):
        return None
    after = [f for f in bare if f.start >= qe and AFTER_QUOTE.fullmatch(text, qe, f.start)]
    if after:
        return min(after, key=lambda f: f.start)
    before = [f for f in bare if f.end <= qs and BEFORE_QUOTE.fullmatch(text, f.end, qs)]
    return max(before, key=lambda f: f.end) if before else None


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


def _label_speaker(doc: _Doc, d: _Found) -> None:
    """'“...” ― Pamela Padilla' and 'Caddell continued: “...”': a speaker named by a dash or a colon."""
    m = DASH_SOURCE.match(doc.text, d.end)
    if m and m.group(1)[:1].isupper():
        d.speaker, d.speaker_start, d.verb = m.group(1).strip().rstrip("."), m.start(1), "―"
        return
    before = doc.text[max(0, d.start - 4) : d.start].rstrip(" “\"‘'\n")
    if not before.endswith(":"):
        return
    colon = doc.token_at(d.start - (d.start - max(0, d.start - 4)) + len(before) - 1)
    if colon is None:
        return
    root = doc.tok(colon)
    while root.head != root.i and root.dep != "ROOT":
        root = doc.tok(root.head)
    subjects = doc.kids(root.i, SUBJECTS)
    if subjects and subjects[0].pos in ("PROPN", "PRON", "NOUN"):
        d.speaker, d.speaker_start, _ = _speaker_text(doc, subjects[0])
        d.verb = _verb_phrase(doc, root)


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
