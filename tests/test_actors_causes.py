"""Issue 20 item 6: the causes of the held-out actor-linking errors, each on real dev documents.

The articles are read from the shared corpus (ECB+ dev, GVC dev), parsed and linked; each test names
the sentence it checks. The classes: places, venues and natural features; offences and holidays;
names the tagger cut or ran together; person- and organisation-shaped names; police ranks; a capital
opening a team's name; countries in apposition.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsfuse.actors import link
from newsfuse.model import ActorMention, AnnotatedArticle, Article, Block, article_id

CLUSTERING = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" / "clustering"
DOCS = (
    "23_10ecbplus",  # "a small hut on Mount Sefton in the Aoraki - Mount Cook national park"
    "23_5ecbplus",  # "Aoraki Mount Cook National Park", "The New Zealander , who lived in Australia"
    "23_5ecb",  # "his death on New Zealand 's highest peak"
    "23_8ecbplus",  # "Area Commander Inspector Dave Gaskin said", later "Insp Gaskin said"
    "2_1ecb",  # "The ceremony will take place at the Kodak Theatre in Los Angeles"
    "2_1ecbplus",  # headline "Ellen DeGeneres To Host 86th Oscars"
    "c657b5e13384a329d6909243da721285",  # "or the Ogden office at 801 - 866 - 0350"
    "35_8ecb",  # "the AFC West champion"
    "1ddb2825d2518ee2df29ddae2a66c2e9",  # "charged ... with Negligent Homicide"
    "18_3ecb",  # "opened fire at the TallGrass Distribution Ltd Christmas party"
    "533dc1a9518e4defd149a1e1c2a40766",  # "by calling Central Indiana Crime Stoppers"
    "3a81fc725917cbf89cbfab9775e6ba50",  # "the Vermont Fish and Wildlife , Enforcement Division"
    "21_7ecb",  # "said Bloomington Police Sgt. Marty Earley", "A Sam 's Club spokesperson said"
    "18_7ecbplus",  # "entered Alan Steinberg's office"
    "5_13ecb",  # "P.J. Carlesimo ( Oklahoma City )"
    "5_12ecb",  # "the off-season acquisition of Elton Brand"
    "5_7ecb",  # "the Washington Wizards ' Eddie Jordan"
    "12_4ecb",  # "The pirates were from Somalia and Yemen , two countries on the coast"
)


def corpus_article(doc: dict) -> Article:
    blocks = tuple(Block("paragraph", p) for p in doc["text"].split("\n") if p.strip())
    return Article(article_id(blocks), doc["doc_id"], "text", None, doc.get("date"), None, None, blocks)


@pytest.fixture(scope="module")
def docs() -> dict[str, AnnotatedArticle]:
    from newsfuse.nlp import annotate

    found = {}
    for name in ("ecbplus", "gvc"):
        for line in open(CLUSTERING / name / "documents.jsonl", encoding="utf-8"):
            doc = json.loads(line)
            if doc["doc_id"] in DOCS:
                found[doc["doc_id"]] = doc
    annotated = annotate([corpus_article(found[d]) for d in DOCS])
    return {d: link(a) for d, a in zip(DOCS, annotated)}


def linked_over(ann: AnnotatedArticle, words: str, after: str = "") -> list[ActorMention]:
    """The linked (not bare) mentions overlapping the first ``words`` after ``after``."""
    text = ann.article.text
    start = text.index(words, text.index(after) if after else 0)
    end = start + len(words)
    return [m for m in ann.actors if not m.bare and m.start < end and start < m.end]


@pytest.mark.parametrize(
    "doc_id,words,after",
    [
        ("23_10ecbplus", "Mount Sefton", ""),  # a mountain (a place opener)
        ("23_5ecbplus", "Aoraki Mount Cook National Park", ""),  # a national park
        ("23_5ecb", "New Zealand", "fall to his death"),  # "New Zealand 's highest peak": a place
        ("2_1ecb", "Kodak Theatre", "take place at"),  # a theatre as a venue
        ("c657b5e13384a329d6909243da721285", "Ogden", ""),  # a town before "office"
        ("35_8ecb", "AFC West", ""),  # a division named by a compass point
    ],
)
def test_places_venues_and_features_are_no_actors(docs, doc_id, words, after):
    assert linked_over(docs[doc_id], words, after) == []


@pytest.mark.parametrize(
    "doc_id,words,after",
    [
        ("1ddb2825d2518ee2df29ddae2a66c2e9", "Negligent Homicide", "Baton Rouge with"),  # an offence, as charged
        ("18_3ecb", "TallGrass Distribution Ltd Christmas", ""),  # "... Christmas party": an event
    ],
)
def test_offences_and_holidays_are_no_actors(docs, doc_id, words, after):
    assert linked_over(docs[doc_id], words, after) == []


def test_names_cut_short_or_run_together_are_no_actors(docs):
    assert linked_over(docs["533dc1a9518e4defd149a1e1c2a40766"], "Central Indiana Crime") == []
    vermont = linked_over(docs["3a81fc725917cbf89cbfab9775e6ba50"], "Vermont Fish and Wildlife , Enforcement")
    assert [m.text for m in vermont] == []
    bloomington = linked_over(docs["21_7ecb"], "Bloomington Police Sgt")
    assert all(m.actor.actor_id != "org:bloomington-police-sgt" for m in bloomington)
    earley = linked_over(docs["21_7ecb"], "Marty Earley")
    assert earley and earley[0].actor.actor_id == "person:marty-earley"  # the person after the cut title stays


def test_a_name_in_a_headline_or_before_its_possessive_is_kept(docs):
    ellen = linked_over(docs["2_1ecbplus"], "Ellen DeGeneres To Host")  # every headline word is capitalised
    assert [m.actor.actor_id for m in ellen] == ["person:ellen-degeneres"]
    alan = linked_over(docs["18_7ecbplus"], "Alan Steinberg", "entered")  # "Alan Steinberg's office"
    assert [m.actor.actor_id for m in alan] == ["person:alan-steinberg"]


@pytest.mark.parametrize(
    "doc_id,words,after,actor_id",
    [
        ("5_13ecb", "P.J. Carlesimo", "", "person:p-j-carlesimo"),  # initials: a person (tagged ORG)
        ("5_12ecb", "Elton Brand", "", "person:elton-brand"),  # a given name the KB's persons bear (tagged ORG)
        ("21_7ecb", "Sam 's Club", "to check out", "org:sam-s-club"),  # a possessive inside (tagged PERSON)
    ],
)
def test_person_and_organisation_shaped_names(docs, doc_id, words, after, actor_id):
    assert [m.actor.actor_id for m in linked_over(docs[doc_id], words, after)] == [actor_id]


def test_a_nationality_noun_names_no_organisation(docs):
    kiwi = linked_over(docs["23_5ecbplus"], "The New Zealander")
    assert all(not m.actor.actor_id.startswith("org:") for m in kiwi)


def test_a_police_rank_makes_a_police_officer_not_a_military_commander(docs):
    ann = docs["23_8ecbplus"]
    gaskin = [m for m in ann.actors if not m.bare and m.text.endswith("Gaskin")]
    assert len(gaskin) >= 3
    assert {(m.actor.actor_id, m.actor.sector) for m in gaskin} == {("person:dave-gaskin", "COP")}
    assert gaskin[0].actor.role == "Inspector"


def test_a_capital_opening_a_team_name_is_no_government(docs):
    wizards = linked_over(docs["5_7ecb"], "Washington Wizards")
    assert wizards and all(m.actor.actor_id == "org:washington-wizards" for m in wizards)


def test_countries_in_apposition_to_places_are_no_pair(docs):
    ann = docs["12_4ecb"]
    assert linked_over(ann, "two countries", "from Somalia and Yemen") == []


# ----------------------------------------------------------------------------- the seed-22 sample's causes
DOCS_22 = (
    "5_1ecbplus",  # "coached Allen Iverson to his fourth NBA scoring title"
    "35_2ecb",  # "driving a 2008 GMC Sierra registered to him"; "Sunday 's AFC divisional playoff game"
    "35_1ecb",  # "An NFL spokesman on Wednesday said"
    "ff3e1d8a3de2e9c6fc87f832e9478ea5",  # "shooting Photos Police in Madisonville are investigating"
    "21_6ecbplus",  # "On behalf of Newman , Anzalone & Newman , LLP ."
    "21_10ecbplus",  # "On behalf of Howard R . ..."
    "21_8ecbplus",  # headline "Woman Killed In Queens Hit - And - Run Accident , Driver Charged"
    "23_3ecb",  # "tribute to a Perth doctor"
    "5_5ecbplus",  # "After the Blazers fired Cheeks"
    "23_1ecb",  # "AN AUSTRALIAN climber who survived two nights"
    "21_4ecbplus",  # "hit by a 2013 Toyota Camry"
    "18c9c2ab4f33be988e704f7b482b5ed9",  # "2500 N. Hollywood Way"
    "d1f844f36f140bb5da494dbe47b127fd",  # "near the crossing of Charles Bussey and Harrison"
    "12_13ecb",  # "the capture of Saudi supertanker Sirius Star"; "INS Mysore" ... "and Mysore"
)


@pytest.fixture(scope="module")
def docs22() -> dict[str, AnnotatedArticle]:
    from newsfuse.nlp import annotate

    found = {}
    for name in ("ecbplus", "gvc"):
        for line in open(CLUSTERING / name / "documents.jsonl", encoding="utf-8"):
            doc = json.loads(line)
            if doc["doc_id"] in DOCS_22:
                found[doc["doc_id"]] = doc
    annotated = annotate([corpus_article(found[d]) for d in DOCS_22])
    return {d: link(a) for d, a in zip(DOCS_22, annotated)}


@pytest.mark.parametrize(
    "doc_id,words,after",
    [
        ("21_6ecbplus", "LLP", "Anzalone & Newman"),  # a firm's suffix alone
        ("21_10ecbplus", "Howard", "On behalf of"),  # a name the tagger cut before its initial
        ("21_8ecbplus", "Driver Charged", ""),  # a headline's words, in no running text
        ("23_3ecb", "Perth", "tribute to a"),  # "a Perth doctor"
        ("23_1ecb", "AN", ""),  # "AN AUSTRALIAN climber": a word in capitals, not an acronym
        ("21_4ecbplus", "Toyota", "2013"),  # "a 2013 Toyota Camry": the car
        ("35_2ecb", "GMC Sierra", "driving a 2008"),  # the car, its model inside the tagged name
        ("18c9c2ab4f33be988e704f7b482b5ed9", "Hollywood Way", "2500 N."),  # a street ("Way")
        ("d1f844f36f140bb5da494dbe47b127fd", "Charles Bussey", "crossing of"),  # a street at a crossing
        ("12_13ecb", "Sirius Star", "supertanker"),  # a ship after a word for a ship
        ("12_13ecb", "Mysore", "helicopter and"),  # a ship the article names "INS Mysore"
        ("ff3e1d8a3de2e9c6fc87f832e9478ea5", "Photos Police", ""),  # a caption's word opening a name
    ],
)
def test_seed22_causes_are_no_actors(docs22, doc_id, words, after):
    assert linked_over(docs22[doc_id], words, after) == []


def test_a_name_after_the_is_no_person(docs22):
    blazers = linked_over(docs22["5_5ecbplus"], "Blazers", "After the")
    assert [m.actor.actor_id for m in blazers] == ["org:blazers"]


def test_a_body_before_its_spokesman_stays_an_actor(docs22):
    # "An NFL spokesman on Wednesday said the league will await ...": the league speaks
    nfl = linked_over(docs22["35_1ecb"], "NFL", "An ")
    assert [m.actor.actor_id for m in nfl] == ["org:nfl"]


def test_a_dateline_before_a_dash_is_no_actor():
    # GVC dev, as newsfuse ingest reads the record: "MORETOWN — Vermont State Police say a Montpelier ..."
    from newsfuse import nlp, pipeline
    from newsfuse.model import InputFile

    path = CLUSTERING / "gvc" / "documents.jsonl"
    line = next(x for x in path.read_bytes().splitlines() if b'"95e01170da8c0929a442ef28b93be9e1"' in x)
    articles = pipeline.read_and_clean(InputFile.of(str(path), line + b"\n"))[1]
    ann = link(nlp.annotate(articles)[0])
    assert "MORETOWN —" in ann.article.text
    assert linked_over(ann, "MORETOWN") == []
    assert [m.actor.actor_id for m in linked_over(ann, "Vermont State Police")]  # the police stay


def test_a_body_before_the_contest_it_runs_names_the_contest(docs22):
    # "coached Allen Iverson to his fourth NBA scoring title"; "Sunday 's AFC divisional playoff game"
    assert linked_over(docs22["5_1ecbplus"], "NBA", "his fourth") == []
    assert linked_over(docs22["35_2ecb"], "AFC", "Sunday 's") == []
    nfl = linked_over(docs22["35_1ecb"], "NFL", "An ")  # "An NFL spokesman ... said": the league speaks
    assert [m.actor.actor_id for m in nfl] == ["org:nfl"]


# ----------------------------------------------------------------------------- the seed-23 sample's causes
DOCS_23 = (
    "30_9ecbplus",  # "SEACOM said in an official statement"
    "27_10ecb",  # "McAfee Avert Labs researchers reported"
    "8_2ecbplus",  # "Athens police chiefs mobilized all their forces"
    "7_11ecb",  # "Mannheim , Germany ( Sports Network ) -"
    "24_1ecbplus",  # "the Casty store on Rue de Castiglione"
    "31_1ecb",  # "both made the NCAA tournament last season"
    "7_10ecbplus",  # "his WBA , IBF and WBO heavyweight title belts"
)


@pytest.fixture(scope="module")
def docs23() -> dict[str, AnnotatedArticle]:
    from newsfuse.nlp import annotate

    found = {}
    for line in open(CLUSTERING / "ecbplus" / "documents.jsonl", encoding="utf-8"):
        doc = json.loads(line)
        if doc["doc_id"] in DOCS_23:
            found[doc["doc_id"]] = doc
    annotated = annotate([corpus_article(found[d]) for d in DOCS_23])
    return {d: link(a) for d, a in zip(DOCS_23, annotated)}


@pytest.mark.parametrize(
    "doc_id,words,after,actor_id",
    [
        ("30_9ecbplus", "SEACOM", "immediately once permits", "org:seacom"),  # an acronym is no person's name
        ("27_10ecb", "McAfee Avert Labs", "", "org:mcafee-avert-labs"),  # "Labs": an organisation
    ],
)
def test_acronyms_and_labs_are_organisations(docs23, doc_id, words, after, actor_id):
    assert [m.actor.actor_id for m in linked_over(docs23[doc_id], words, after)] == [actor_id]


def test_a_capital_before_police_is_that_countrys_police(docs23):
    athens = linked_over(docs23["8_2ecbplus"], "Athens police")
    assert [(m.actor.country, m.actor.sector) for m in athens] == [("GRC", "COP")]


@pytest.mark.parametrize(
    "doc_id,words,after",
    [
        ("7_11ecb", "Germany", "Mannheim , "),  # a dateline's country
        ("24_1ecbplus", "Rue de Castiglione", ""),  # a street by its first word
        ("31_1ecb", "NCAA", "both made the"),  # the tournament the body runs
        ("7_10ecbplus", "WBO", "IBF and"),  # the title the body awards
    ],
)
def test_seed23_places_and_contests_are_no_actors(docs23, doc_id, words, after):
    assert linked_over(docs23[doc_id], words, after) == []
