"""How a brief reads (issue 19): a remark quoted once, a person named in full before a surname alone
(whichever report gave the full name), no columnist speaking in the first person, and the byline in
the Sources list. Real sentences: ECB+ dev documents and the seed reports, read from ../shared."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsfuse.model import Article, Block
from newsfuse.nlp import annotate
from newsfuse.stories.background import is_background
from newsfuse.stories.brief import _quotations, _says_more, render
from newsfuse.stories.config import load
from newsfuse.stories.references import leaning_names, writers_voice
from newsfuse.stories.sentences import Sentence, content_words
from newsfuse.stories.sources import sources
from newsfuse.stories.statements import Statement
from newsfuse.web.pages import brief_html

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus"
ECBPLUS = CORPUS / "clustering" / "ecbplus" / "documents.jsonl"
SEEDS = CORPUS / "seeds"

pytestmark = pytest.mark.skipif(not ECBPLUS.exists(), reason="the shared corpus is not there")


def _lines(doc: dict) -> list[str]:
    """A document's sentences as lines, less the source URL line ECB+ documents open with."""
    lines = [" ".join(s) for s in doc["sentences"]]
    return lines[1:] if lines and lines[0].startswith("http") else lines


@pytest.fixture(scope="module")
def ecb_dev() -> dict[str, list[str]]:
    wanted = {"21_4ecbplus", "21_11ecbplus", "23_5ecbplus", "34_5ecb", "2_1ecbplus", "12_1ecb"}
    out = {}
    for line in open(ECBPLUS, encoding="utf-8"):
        doc = json.loads(line)
        if doc["doc_id"] in wanted and doc["split"] == "dev":
            out[doc["doc_id"]] = _lines(doc)
    return out


@pytest.fixture(scope="module")
def parsed(ecb_dev):
    articles = [
        Article(d, f"{d}.json", "json", None, None, None, None, tuple(Block("paragraph", x) for x in lines))
        for d, lines in ecb_dev.items()
    ]
    return {p.article.id: p for p in annotate(articles)}


def _line(ecb_dev: dict[str, list[str]], doc: str, start: str) -> str:
    return next(x for x in ecb_dev[doc] if x.startswith(start))


def test_a_surname_alone_waits_for_the_full_name_another_report_gives(ecb_dev, parsed):
    text = _line(ecb_dev, "21_11ecbplus", "Subryan was also charged")
    own = parsed["21_11ecbplus"]
    assert leaning_names(text, own) == []  # its own report never names him in full
    assert leaning_names(text, own, [parsed["21_4ecbplus"]]) == ["Vishwanand Subryan"]


def test_a_rank_written_in_full_before_a_surname_names_by_surname_alone(ecb_dev, parsed):
    text = _line(ecb_dev, "23_5ecbplus", "Inspector Gaskin said the deaths")
    assert leaning_names(text, parsed["23_5ecbplus"]) == ["Dave Gaskin"]


def test_a_columnist_speaking_in_the_first_person_is_no_report(ecb_dev, parsed):
    column = _line(ecb_dev, "34_5ecb", "Like you , I did")
    assert writers_voice(column, parsed["34_5ecb"])
    quoted = _line(ecb_dev, "2_1ecbplus", "“ We are thrilled")
    assert not writers_voice(quoted, parsed["2_1ecbplus"])  # "we" inside the producers' quotation
    assert not writers_voice(column, None)


def test_a_main_clause_timed_last_month_is_background_in_an_undated_report(ecb_dev, parsed):
    earlier = _line(ecb_dev, "12_1ecb", "Last month , Navy warship INS Tabar")
    story = _line(ecb_dev, "12_1ecb", "The Indian Navy on Saturday prevented pirates")
    assert is_background(earlier, parsed["12_1ecb"], None)  # the report is undated: no story day
    assert not is_background(story, parsed["12_1ecb"], None)


def _seed_line(prefix: str, start: str) -> str:
    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    text = " ".join(path.read_text(encoding="utf-8").split())
    begin = text.index(start)
    return text[begin : text.index(".", text.index("”", begin)) + 1]


def test_a_remark_two_reports_quote_is_said_once():
    said = _seed_line("002", "According to statements from both governments")
    again = _seed_line("000", "According to the Kremlin’s readout")
    assert "thorough exchange of views" in _quotations(said) & _quotations(again)
    taken = [Statement(said, ("a2",), "quoted")]
    candidate = Sentence("a0", again, 5, content_words(again))
    assert not _says_more(candidate, taken, load("brief.yaml"))
    assert _says_more(candidate, [], load("brief.yaml"))
    assert not _quotations("an international “Board of Peace,” and long-term demilitarisation")  # a name


def test_the_sources_list_gives_the_byline():
    blocks = (Block("paragraph", "Russian President Vladimir Putin initiated a phone call."),)
    article = Article("a2", "002.txt", "txt", None, None, None, "Sofia Babu Chacko", blocks)
    srcs = sources(["a2"], {"a2": article})
    content = {
        "story_id": "s",
        "title": "t",
        "account": [],
        "differ": [],
        "single_source": [],
        "sources": [s.to_dict() for s in srcs.values()],
    }
    assert srcs["a2"].author == "Sofia Babu Chacko"
    assert render(content, "md").rstrip().endswith("— undated — by Sofia Babu Chacko")
    content["sources"][0]["author"] = "<b>Sofia</b>"  # article text: escaped on the page
    page = brief_html(content)
    assert "— by &lt;b&gt;Sofia&lt;/b&gt;" in page and "<b>Sofia" not in page
