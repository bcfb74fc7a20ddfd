"""Issue 19's ninth round: roles read from the parse and the PLOVER manual where the type was right and a side wrong.
A pronoun object of a verb coordinated after one whose object names a person refers to that person; a threat's
"unless" clause names the one who must comply wherever the parse hangs it in the threatened act; a unilateral act has
no recipient, nor has the area a retreat leaves; a subject pronoun never refers to a person its own clause names as
object; a listed object and two coordinated names are followed past the parse's chaining; and the confidence model is
told when a side is a pronoun resolved to a person another sentence named. Sentences of PolNeAR sets A-H's articles
(read) and a gsr-dev record, in ../shared."""

from __future__ import annotations

import sys
from pathlib import Path

from polnear_coding import (
    analysed,  # tests/events/polnear_coding.py
    names,
)
from polnear_coding import gsr_text as _gsr_text
from polnear_coding import polnear_sentence as _sentence

from newsfuse.events import RuleExtractor
from newsfuse.model import InputFile
from newsfuse.pipeline import analyse, read_and_clean

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks" / "accuracy"))
import events as bench  # noqa: E402

BIDEN = "breitbart_2016-08-15_biden-stumping-for-clinton-trash"
MEXICO = "wash-post_2016-04-07_in-shift-mexico-to-stand-up-to-t"
DEBATE = "wash-post_2016-01-18_a-sharper-tone-as-stakes-rise"
NABISCO = "usa-today_2016-03-24_nabisco-rolls-out-layoffs-in-chi"


def _featured(text: str, date: str | None = None):
    return RuleExtractor().featured(analysed(text, date).annotated)


def test_a_pronoun_object_after_a_coordinated_verb_refers_to_that_verbs_object():
    sentence = _sentence(BIDEN, "accusing him of endangering")
    [(m, f)] = [(m, f) for m, f in _featured(sentence, "2016-08-15") if m.trigger == "accusing"]
    assert m.type == "ACCUSE"
    assert "Joe Biden" in names(m.source_actors) and names(m.target_actors) == {"Donald Trump"}
    assert f["pronoun_party"] == 1.0  # the recipient is inferred from "him", and the model is told so


def test_the_area_a_retreat_leaves_is_no_recipient():
    # gsr-dev RETREAT-0019: "... their forces had completed their withdrawal from the beseiged Bosnian town of
    # Gorazde": the town is where the withdrawal takes place (PLOVER manual 3.7)
    [m] = [m for m, _ in _featured(_gsr_text("PLOVER-GSR01-RETREAT-0019")) if m.trigger == "withdrawal"]
    assert m.type == "RETREAT" and m.source_actors and not m.target_actors


def test_the_last_item_of_a_listed_object_is_an_object_of_the_verb():
    # gsr-dev FIGHT-0009: "launched artillery, mortar, and rocket fire against Kampuchean guerrilla camps": the parse
    # hangs "fire" on "mortar", "mortar" on "artillery"
    found = [m for m, _ in _featured(_gsr_text("PLOVER-GSR01-FIGHT-0009")) if m.trigger == "launched"]
    assert [m.type for m in found] == ["ASSAULT"]
    assert {a.country for a in found[0].target_actors} == {"KHM"}


def test_two_coordinated_names_before_a_verb_are_both_its_doers():
    # "Republican Trump and Democrat Clinton have criticized Nabisco for the move." (coded in its article, which names
    # both in full earlier): the parse hangs "Trump and" on "Clinton" as its modifier
    _sentence(NABISCO, "have criticized Nabisco")  # skips where the corpus is absent
    path = bench.POLNEAR / f"{NABISCO}.txt"
    _, cleaned, _ = read_and_clean(InputFile.of(str(path), path.read_bytes()))
    [result] = analyse(cleaned[:1], with_embeddings=False)
    [m] = [m for m in result.mentions if m.trigger == "criticized" and "Nabisco for the move" in m.sentence]
    assert {"Donald Trump", "Hillary Clinton"} <= names(m.source_actors)


def test_a_threats_unless_clause_names_its_recipient_where_the_parse_hangs_it_deeper():
    # "... threatening to cut off the money they send home to their families unless Mexico pays for a border wall":
    # the parse hangs the condition on the relative clause of the threatened act's object
    sentence = _sentence(MEXICO, "threatening to cut off")
    [m] = [m for m, _ in _featured(sentence, "2016-04-07") if m.trigger == "threatening"]
    assert m.type == "THREATEN" and names(m.target_actors) == {"Mexico"}


def test_a_unilateral_act_has_no_recipient():
    # gsr-dev RETREAT-0014: "... declared a unilateral ceasefire on Wednesday in south Lebanon ...": no one is the
    # recipient, and none is due
    [(m, f)] = [(m, f) for m, f in _featured(_gsr_text("PLOVER-GSR01-RETREAT-0014")) if m.trigger == "declared"]
    assert m.type == "RETREAT" and not m.target_actors
    assert f["sign:no_target"] == 0.0 and f["target_guessed"] == 0.0


def test_a_subject_pronoun_is_not_the_person_its_clause_names_as_object():
    # "Clinton put Sanders on the defensive ... He accused Clinton of being too cozy with Wall Street": "he" is not
    # Clinton (the previous sentence's first subject), whom its own clause names as object
    before = _sentence(DEBATE, "Clinton put Sanders on the defensive")
    sentence = _sentence(DEBATE, "He accused Clinton")
    found = [m for m, _ in _featured(f"{before} {sentence}", "2016-01-18") if m.trigger == "accused"]
    assert found
    for m in found:
        assert not any("Clinton" in name for name in names(m.source_actors))
        assert any("Clinton" in name for name in names(m.target_actors))
