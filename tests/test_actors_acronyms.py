"""Acronyms the article defines itself (actors/acronyms.py): news style spells a name out on first reference and
writes its acronym after it, so an acronym is the actor of the long form its letters spell in the same article.
The sentences are written for the test in news style."""

from __future__ import annotations

from conftest import ids_over

from newsfuse.actors import link
from newsfuse.actors.acronyms import defined_acronyms, spells
from newsfuse.model import AnnotatedArticle, Article, Block
from newsfuse.nlp import annotate


def linked(text: str) -> AnnotatedArticle:
    article = Article("acr-" + text[:12], "test", "text", None, None, None, None, (Block("paragraph", text),))
    (annotated,) = annotate([article])
    return link(annotated)


def tagged(text: str, *names: tuple[str, str]) -> list[tuple[int, int, str, str]]:
    """The tagger's names as ``defined_acronyms`` reads them: (start, end, text, label)."""
    return [(text.index(n), text.index(n) + len(n), n, label) for n, label in names]


# ----------------------------------------------------------------------------- spelling
def test_capitalised_words_give_their_initials_and_linking_words_theirs_or_none():
    assert spells("DHS", "Department of Homeland Security")
    assert spells("DOD", "Department of Defense")
    assert spells("AQAP", "al-Qaeda in the Arabian Peninsula")
    assert spells("USAID", "U.S. Agency for International Development")
    assert spells("AOC", "Alexandria Ocasio-Cortez")


def test_a_lower_case_word_or_a_missing_initial_spells_nothing():
    assert not spells("BLM", "Black Lives Matter activists")
    assert not spells("BLM", "Black Matter")
    assert not spells("NRA", "National Rifle")


def test_a_bracket_defines_an_acronym_after_or_before_its_long_form():
    text = "Thousands of Black Lives Matter (BLM) marchers came. Later, IS (Islamic State) fighters left."
    defs = defined_acronyms(text, [])
    blm, is_ = defs.long_form("BLM", 0), defs.long_form("IS", 0)
    assert blm is not None and blm.text == "Black Lives Matter" and blm.bracketed
    assert is_ is not None and is_.text == "Islamic State"


def test_a_tagged_name_defines_an_acronym_of_three_letters_or_more_after_it():
    text = "The Bureau of Land Management and the European Union met. BLM and EU officials spoke."
    defs = defined_acronyms(text, tagged(text, ("The Bureau of Land Management", "ORG"), ("the European Union", "ORG")))
    form = defs.long_form("BLM", text.index("BLM"))
    assert form is not None and form.text == "Bureau of Land Management" and not form.bracketed
    assert defs.long_form("BLM", 0) is None  # not before the name
    assert defs.long_form("EU", text.index("EU")) is None  # two capitals name too many things


def test_two_long_forms_of_one_acronym_define_it_as_neither():
    text = "The Democratic National Committee met before the Democratic National Convention. The DNC said no."
    names = tagged(text, ("The Democratic National Committee", "ORG"), ("the Democratic National Convention", "EVENT"))
    assert defined_acronyms(text, names).long_form("DNC", text.index("DNC")) is None


# ----------------------------------------------------------------------------- linking
def test_a_bracketed_definition_overrides_the_acronyms_knowledge_base_reading():
    ann = linked(
        "The Culinary Institute of America (CIA) opened a campus in Singapore on Monday. "
        "The CIA said 200 students had enrolled."
    )
    institute = ids_over(ann, "Culinary Institute of America")
    assert len(institute) == 1 and not institute[0].startswith("spy:")
    assert ids_over(ann, "CIA") == institute
    assert ids_over(ann, "CIA", 1) == institute


def test_a_two_letter_acronym_defined_in_brackets_is_its_long_forms():
    ann = linked(
        "Police told the Press Association (PA) news agency that two men were arrested. "
        "PA reported that both were released later."
    )
    agency = ids_over(ann, "Press Association")
    assert agency and agency[0] != "gov:PSE"
    assert ids_over(ann, "PA", 1) == agency


def test_a_long_form_in_the_knowledge_base_is_not_lost_to_its_acronyms_other_reading():
    ann = linked(
        "The press freedom group Reporters Sans Frontieres (RSF) said on Tuesday that 54 journalists were in "
        "prison. RSF called for their release."
    )
    assert ids_over(ann, "Reporters Sans Frontieres") == ["ngo:reporters-sans-frontieres"]
    assert ids_over(ann, "RSF", 1) == ["ngo:reporters-sans-frontieres"]


def test_an_acronym_the_knowledge_base_lacks_is_its_bracketed_long_forms_link():
    ann = linked(
        "The Islamic State (IS) claimed the attack on Friday, the Syrian Observatory for Human Rights (SOHR) said. "
        "SOHR is based in Britain."
    )
    observatory = ids_over(ann, "Syrian Observatory for Human Rights")
    assert observatory and observatory[0].endswith("syrian-observatory-for-human-rights")
    assert ids_over(ann, "SOHR") == observatory
    assert ids_over(ann, "SOHR", 1) == observatory


def test_an_acronym_with_no_definition_keeps_its_knowledge_base_link():
    assert ids_over(linked("RSF fighters shelled El Fasher on Monday, residents said."), "RSF") == ["group:rsf-sudan"]
    ann = linked("Fighters of the Rapid Support Forces (RSF) shelled the city. The RSF said it took the airport.")
    assert ids_over(ann, "RSF", 1) == ["group:rsf-sudan"]


def test_an_acronym_the_tagger_misses_is_its_long_forms_actor():
    ann = linked("The National Rifle Association endorsed the senator. The NRA spent $30 million in the race.")
    rifle = ids_over(ann, "National Rifle Association")
    assert rifle and ids_over(ann, "NRA") == rifle


def test_a_name_spelling_two_acronyms_leaves_a_known_acronym_as_it_was():
    ann = linked(
        "The Democratic National Committee met in Philadelphia before the Democratic National Convention. "
        "The DNC chairwoman resigned on Sunday."
    )
    assert ids_over(ann, "DNC") == ["pty:USA"]


def test_a_name_the_tagger_ran_into_its_bracket_is_the_acronyms_body():
    """The tagger reads 'Black Lives Matter (BLM' as one name: the name is the words before the bracket, and
    the acronym, unknown to the knowledge base like its long form, takes the long form's id (one body, one id)."""
    ann = linked("Activists from Black Lives Matter (BLM) marched in Chicago on Friday. BLM said the march was calm.")
    assert ids_over(ann, "Black Lives Matter") == ["org:black-lives-matter"]
    assert {m.actor.actor_id for m in ann.actors if m.text == "BLM" and not m.bare} == {"org:black-lives-matter"}
