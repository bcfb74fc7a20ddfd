"""Tagged names that stand for a government body only with the words after them.

"the Bush administration": the tagger tags "Bush", but the words mean the government the man heads, so
the mention is that country's government (the CAMEO codebook codes an administration as its state's
government). "the Interior and Commerce departments": the tagger tags "Interior" and "Commerce", which the
knowledge base knows only with their head ("Interior Department"). Word lists: ``data/not_actors.yaml``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from newsfuse.model import Entity

from .described import words as described_words
from .kb import Entry, KnowledgeBase
from .nonactors import words_of
from .text import SPACE_CAPITAL, key, right_after

# the body each coordinated name stands for before a plural head: "the Interior and Commerce departments",
# "... agencies", "... secretaries" (each heads one department), "the Defence and Foreign ministers"
SINGULAR = {
    "departments": "Department",
    "ministries": "Ministry",
    "agencies": "Department",
    "secretaries": "Department",
    "ministers": "Ministry",
}
CONJUNCTIONS = frozenset({"and", "&", ",", "or"})
COORDINATED_NAME = re.compile(r" (?:and|or) [A-Z][\w'.-]* ([a-z]+)\b")  # " and Obama administrations"
# sectors of a state's own bodies and parties: a generic name of one names that body of one country
# ('the Defence Ministry'); a one-word agent ('Navy', 'Mafia') may be any country's or none
STATE_BODIES = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "SPY", "PTY"})
# a lower-case minister's title after a one-word government body ("Cabinet minister Michael Eitan"): the person sits
# in that body of the report's country, as "the Cabinet" alone may be any country's
MEMBER_TITLE_AFTER = re.compile(r"\s+ministers?\b")


def office_entry(
    kb: KnowledgeBase, text: str, e: Entity, date: str | None, countries: Sequence[tuple[int, str]] = ()
) -> Entry | None:
    """The government body the entity ``e`` names together with the words right after it, or with the
    country the article has named most before it (``countries``: (character offset, ISO-3) of the
    actors linked so far), or None."""
    return (
        namesake_government(kb, text, e, date)
        or coordinated_body(kb, text, e, date)
        or body_of_country(kb, e)
        or body_of_named_country(kb, text, e)
        or short_form(kb, text, e, date)
        or national_body(kb, e, countries, text)
        or chamber_body(kb, e, countries, text)
    )


def body_of_named_country(kb: KnowledgeBase, text: str, e: Entity) -> Entry | None:
    """'Syria's People's Council', 'the Greek Communist Party': a generic state body or party named after
    a country's name in the possessive, or after a demonym inside the name, is that body of that country;
    after a US state's name inside the name, the United States' ('the California Democratic Party': a state
    party is its national party's affiliate, as Phoenix codes a party's organs as the party)."""
    words = words_of(e)
    iso = kb.demonyms.get(words[:1]) if len(words) > 2 else None
    state = _us_state_opening(words) if len(words) > 2 and iso is None else 0
    if iso:
        words = words[1:]
    elif state:  # "the California Democratic Party", "the Texas Supreme Court": a US state's party or court
        iso, words = "USA", words[state:]
    else:
        iso = _possessor_country(kb, text[max(e.start - 40, 0) : e.start])
    sector = kb.agents.get(words) if e.label == "ORG" and len(words) > 1 else None
    return kb.sector_entry(iso, sector) if iso and sector in STATE_BODIES else None


def _us_state_opening(words: tuple[str, ...]) -> int:
    """How many of the first words name a US state ('California', 'New York'; described.yaml), or 0."""
    return next((n for n in (2, 1) if words[:n] in described_words().states), 0)


def short_form(kb: KnowledgeBase, text: str, e: Entity, date: str | None) -> Entry | None:
    """'Interior issued a finding' where the article writes 'the Interior Department': a one-word
    organisation's name that opens a body's name the knowledge base knows, written in full in the same
    article, is the short form of that body (a person or a state it opens is not taken)."""
    words = words_of(e)
    if e.label != "ORG" or len(words) != 1 or not e.text[:1].isupper():
        return None
    if next(right_after(text, e.text, SPACE_CAPITAL), None) is None:
        return None  # the pattern below needs a capitalised word after the name
    for m in re.finditer(r"\b" + re.escape(e.text) + r" ([A-Z][a-z]+)(?: ([A-Z][a-z]+))?", text):
        for n in (2, 1):
            if not m.group(n):
                continue
            entry = kb.best(key(" ".join([e.text, *(m.group(k) for k in range(1, n + 1))])), date)
            if entry is not None and entry.kind != "person" and not entry.id.startswith("state:"):
                return entry
    return None


def _possessor_country(kb: KnowledgeBase, before: str) -> str | None:
    """The country whose name ends ``before`` in the possessive ("Syria's ", "Syria 's ")."""
    if not before.endswith(("'s ", "’s ")):
        return None
    words = key(before)[:-1]
    for n in (3, 2, 1):
        iso = next((i[6:] for i in kb.index.get(words[-n:], ()) if i.startswith("state:")), None)
        if iso and len(words) >= n:
            return iso
    return None


def body_of_country(kb: KnowledgeBase, e: Entity) -> Entry | None:
    """'the Democratic Party of Turkmenistan', 'the Supreme Court of India': a generic state body or party
    (a CAMEO agent phrase) named with 'of' and a country's name is that body of that country."""
    words = words_of(e)
    if e.label != "ORG" or "of" not in words[1:-1]:
        return None
    at = len(words) - 1 - words[::-1].index("of")
    sector = kb.agents.get(words[:at])
    iso = next((i[6:] for i in kb.index.get(words[at + 1 :], ()) if i.startswith("state:")), None)
    return kb.sector_entry(iso, sector) if sector in STATE_BODIES and iso else None


def national_body(kb: KnowledgeBase, e: Entity, countries: Sequence[tuple[int, str]], text: str = "") -> Entry | None:
    """'the Defence Ministry', 'the Central Election Commission', 'the 300-seat Parliament': a name that is
    only a generic agent (a CAMEO agent phrase of a state body or a party; one word only for a legislature,
    capitalised inside a sentence, where only a name is) names that body of the country the report is
    about -- the one it names most (at least twice, and more often than any other, or the only one it
    names; 'the Defence Ministry said' may come before the second 'Indian navy')."""
    words = words_of(e)
    words = words[:-1] if words[-1:] == ("'s",) else words  # "the Republican Party's nominee"
    sector = kb.agents.get(words) if e.label == "ORG" else None
    member = sector == "GOV" and MEMBER_TITLE_AFTER.match(text, e.end) is not None  # "Cabinet minister Michael Eitan"
    if len(words) == 1 and not (sector == "LEG" and _capitalised_inside_sentence(text, e) or member):
        return None  # "the Navy" may be any navy the report names; "Parliament" is the country's own
    if sector not in STATE_BODIES or not e.text.removeprefix("the ")[:1].isupper():
        return None
    iso = report_country(countries)
    return kb.sector_entry(iso, sector) if iso else None


def report_country(countries: Sequence[tuple[int, str]]) -> str | None:
    """The country the report is about: the one its linked actors name most, at least twice and more
    often than any other, or the only one they name."""
    counts = Counter(iso for _, iso in countries).most_common(2)
    if not counts or counts[0][1] < 2 and len(counts) > 1 or len(counts) > 1 and counts[1][1] == counts[0][1]:
        return None  # once is enough where the report names no other country
    return counts[0][0]


def chamber_body(kb: KnowledgeBase, e: Entity, countries: Sequence[tuple[int, str]], text: str = "") -> Entry | None:
    """'House Democrats', 'the House Select Committee', 'the Senate Judiciary Committee': a chamber's name
    (kb.yaml words: chambers), alone and capitalised inside a sentence or before a word for a committee,
    names the legislature of the country the report is about; so does a standing committee named by its
    subject alone ('the Judiciary Committee')."""
    words = words_of(e)
    words = words[:-1] if words[-1:] == ("'s",) else words
    if e.label == "ORG" and len(words) > 1 and words[-1] in kb.words["committees"] and _standing_committee(kb, words):
        iso = report_country(countries)  # "the Judiciary Committee": a legislature's committee by its subject
        return kb.sector_entry(iso, "LEG") if iso else None
    if e.label == "ORG" and _committee_on_subject(kb, words):
        iso = report_country(countries)  # "the Permanent Select Committee on Intelligence"
        return kb.sector_entry(iso, "LEG") if iso else None
    if e.label != "ORG" or not words or words[0] not in kb.words["chambers"]:
        return None
    alone = len(words) == 1 and _capitalised_inside_sentence(text, e)
    if not (alone or words[-1] in kb.words["committees"]):
        return None
    iso = report_country(countries)
    return kb.sector_entry(iso, "LEG") if iso else None


def _committee_on_subject(kb: KnowledgeBase, words: tuple[str, ...]) -> bool:
    """'(Permanent) (Select) Committee on Intelligence': a committee word, then 'on' and a standing committee's
    subject (not_actors.yaml: committee_subjects), the form of the US Congress's own committee names."""
    if "on" not in words[1:-1]:
        return False
    at = words.index("on")
    return words[at - 1] in kb.words["committees"] and _standing_committee(kb, (*words[at + 1 :], "committee"))


def _standing_committee(kb: KnowledgeBase, words: tuple[str, ...]) -> bool:
    """The words before the committee word are a standing committee's subject (not_actors.yaml:
    committee_subjects; commas dropped, 'Veterans' Affairs' with or without its apostrophe)."""
    subject = tuple(w for w in words[:-1] if w not in {",", "&"})
    return subject in kb.not_actors["committee_subjects"]


def _capitalised_inside_sentence(text: str, e: Entity) -> bool:
    """The entity's first letter is a capital after a word of its sentence ('the 300-seat Parliament'), not
    at the start of a sentence, a line or a quotation."""
    name = e.text.removeprefix("the ")
    start = e.end - len(name)
    before = text[max(start - 3, 0) : start].rstrip(" ")
    return name[:1].isupper() and before[-1:].isalnum()


def namesake_government(kb: KnowledgeBase, text: str, e: Entity, date: str | None) -> Entry | None:
    """'the Bush administration', 'the Bush and Obama administrations': the government of the country whose
    head bears that surname (the office-holder on the article's date, else the one country whose heads of
    government bear it)."""
    words = words_of(e)
    if not words or not _namesake_office_next(kb, text, e.end):
        return None
    holder = kb.office_holder(words[-1], "GOV", date) if date else None
    term = holder.term_at(date) if holder else None
    iso = term.country if term else kb.surname_country(words[-1], "GOV")
    return kb.sector_entry(iso, "GOV") if iso else None


def _namesake_office_next(kb: KnowledgeBase, text: str, end: int) -> bool:
    """A word for a government named after its head right after ``end``, or a plural one after 'and' and one
    more capitalised name ('the Bush and Obama administrations')."""
    offices = kb.not_actors["namesake_offices"]
    if _next_words(text, end, 1) in offices:
        return True
    m = COORDINATED_NAME.match(text, end)
    return m is not None and m.group(1).endswith("s") and (m.group(1),) in offices


def coordinated_body(kb: KnowledgeBase, text: str, e: Entity, date: str | None) -> Entry | None:
    """'the Interior and Commerce departments', 'the Justice and Treasury departments': one name of a
    coordination before a plural head, found in the KB with the singular head."""
    after = _next_words(text, e.end, 4)
    head = next((w for w in after[:3] if (w,) in kb.not_actors["plural_body_heads"]), None)
    if head is None or not _coordinated_up_to(after, head):
        return None
    return kb.best(key(f"{e.text.removeprefix('the ')} {SINGULAR.get(head, head)}"), date)


def _coordinated_up_to(after: tuple[str, ...], head: str) -> bool:
    """The head right after the name, or after a conjunction and one more name."""
    at = after.index(head)
    return at == 0 or at == 2 and after[0] in CONJUNCTIONS


def _next_words(text: str, end: int, n: int) -> tuple[str, ...]:
    return key(text[end : end + 20 * n])[:n]
