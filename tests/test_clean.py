"""clean/: the text-dump cleaner on the seeds (EXPECTED.md), on our own dumps, rule by rule."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsfuse.clean import CleanError, chrome_reason, clean_document, clean_text_lines
from newsfuse.clean.dates import dateline_date, parse_date, wire_dateline
from newsfuse.clean.normalize import fix_mojibake, normalize_line, split_lines
from newsfuse.clean.rules import load_rules
from newsfuse.clean.text import chrome_lines
from newsfuse.ingest import read_input
from newsfuse.model import InputFile, RawDocument

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / ".." / "shared" / "corpus" / "seeds"
FIXTURES = Path(__file__).with_name("fixtures") / "clean"


def read_raw(path: Path) -> RawDocument:
    """The document as the ingest reader gives it (or decoded here when there is no reader)."""
    data = path.read_bytes()
    result = read_input(InputFile.of(str(path), data))
    assert not result.errors, result.errors
    (doc,) = result.documents
    return doc


def seed(prefix: str):
    (path,) = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    doc = read_raw(path)
    return doc, clean_document(doc)


def raw_lines(doc: RawDocument) -> list[str]:
    return split_lines(doc.text)


def reasons(article) -> dict[int, str]:
    return {r.line: r.reason for r in article.removed}


# --------------------------------------------------------------------------- seeds (EXPECTED.md)


def test_seed_001_title_date_and_chrome():
    doc, art = seed("001")
    lines = raw_lines(doc)
    assert art.title == "Putin and Netanyahu hold phone call amid escalating Middle East tensions"
    assert art.published == "2025-11-16"
    assert art.headings == ()
    body = [normalize_line(x) for x in lines[7:20] if x.strip()]  # lines 8..20
    assert list(art.paragraphs) == body and len(body) == 7
    removed = reasons(art)
    assert removed[1] == removed[2] == removed[23] == removed[24] == "theme toggle"
    assert removed[26] == "teaser list"
    for n in (28, 30, 32, 33, 35, 37, 38, 40, 42):
        assert removed[n] == "teaser", n
    assert removed[4] == "title" and removed[6] == "dateline"
    non_blank = {i + 1 for i, x in enumerate(lines) if x.strip()}
    assert set(removed) == non_blank - set(range(8, 21))
    for p in art.paragraphs:
        assert not any(w in p for w in ("Latest News", "Karystianou", "Greenland", "F-35"))


def test_seed_002_author_post_heading():
    doc, art = seed("002")
    assert art.title is None and art.published is None
    assert art.author == "Sofia Babu Chacko"
    (post,) = art.embedded_posts
    assert (post.author, post.handle, post.date) == ("MFA Russia", "@mfa_russia", "2025-11-15")
    assert post.text.startswith("🇷🇺🇮🇱📞 President of Russia Vladimir #Putin")
    assert post.text.endswith("exchange of detained persons.")
    assert "t.co" not in post.text and "pic.twitter" not in post.text
    assert post.urls == ("https://t.co/J0OTBeuRnj", "https://pic.twitter.com/hS0HEt4P6c")
    assert post.to_dict()["author"] == "@mfa_russia"
    assert art.headings == ("A tragic Gaza crisis",)
    assert reasons(art) == {
        3: "embedded post",
        4: "embedded post",
        5: "embedded post",
        11: "related link",
        12: "author bio",
    }
    assert len(art.paragraphs) == 6
    for p in art.paragraphs:
        assert "ALSO READ" not in p and "journalist" not in p and "t.co" not in p and "@mfa_russia" not in p


def test_seed_000_headings_nothing_removed():
    doc, art = seed("000")
    assert art.title is None and art.published is None and art.author is None
    assert art.removed == ()
    lines = raw_lines(doc)
    assert list(art.headings) == [normalize_line(lines[n - 1]) for n in (2, 5, 8, 11, 14, 17)]
    assert len(art.paragraphs) == 13
    assert art.paragraphs[0] == normalize_line(lines[0])  # the lede is not a title
    assert "long-standing" in art.text and "\u2011" not in art.text
    assert "“comprehensive settlement”" in art.text  # curly quotes stay
    assert "Balancing acts and great-power signaling" in art.headings


def test_seed_articles_copy_document_fields_and_ids():
    ids = set()
    for prefix in ("000", "001", "002"):
        doc, art = seed(prefix)
        assert (art.source_path, art.format, art.input_sha256) == (doc.source_path, doc.format, doc.input_sha256)
        assert re.fullmatch(r"[0-9a-f]{16}", art.id)
        assert clean_document(doc).id == art.id  # deterministic
        ids.add(art.id)
    assert len(ids) == 3


# --------------------------------------------------------------------------- our own dumps

# file -> (title, published, author, outlet, headings, number of paragraphs, {line: reason}, posts)
FIXTURE_EXPECTED = {
    "harbour_strike.txt": (
        "Harbour workers in Valmora end three-day strike after pay deal",
        "2025-11-16",
        "Jane Doe and Tom Reyes",
        None,
        ["What the deal includes"],
        5,
        {
            1: "share",
            2: "title",
            3: "byline",
            4: "dateline",
            10: "advertisement",
            12: "teaser list",
            13: "teaser",
            14: "teaser",
            24: "share",
        },
        0,
    ),
    "river_summit.txt": (
        "Three river states agree to share drought data",
        "2025-11-16",
        "Lena Marsh",
        "The Daily Meridian",
        ["A fragile truce over water"],
        4,
        {
            1: "cookie notice",
            2: "cookie notice",
            3: "navigation",
            4: "navigation",
            6: "title",
            8: "dateline",
            9: "dateline",
            20: "seo keywords",
            22: "author bio",
            23: "author bio",
            25: "teaser list",
            26: "teaser",
            27: "teaser",
            28: "teaser",
            29: "copyright",
        },
        0,
    ),
    "grain_corridor.txt": (
        "Grain ships resume sailings from Port Arlen",
        "2025-07-29",
        None,
        None,
        [],
        3,
        {
            1: "theme toggle",
            2: "theme toggle",
            3: "title",
            5: "dateline",
            7: "photo credit",
            13: "related link",
            17: "follow us",
            18: "subscribe",
            19: "credits",
        },
        0,
    ),
    "minister_posts.txt": (
        None,
        None,
        None,
        None,
        [],
        4,
        {
            3: "embedded post",
            5: "embedded post",
            6: "embedded post",
            7: "embedded post",
            9: "teaser list",
            10: "teaser",
            11: "teaser",
        },
        2,
    ),
    "wrapped_wire.txt": (
        "Central bank of Benlor raises rates to 5.25 percent",
        "2025-11-16",
        None,
        None,
        [],
        3,
        {1: "title", 3: "dateline", 17: "credits"},
        0,
    ),
    "clinic_opening.txt": (
        "New children's clinic opens in Tarvo after five years of delays",
        "2025-11-16",
        None,
        None,
        [],
        3,
        {
            1: "reading time",
            2: "share",
            3: "teaser list",
            4: "teaser",
            5: "teaser",
            7: "title",
            9: "dateline",
            17: "seo keywords",
            19: "advertisement",
        },
        0,
    ),
}


def fixture_doc(name: str, **meta) -> RawDocument:
    return RawDocument(source_path=name, format="text", text=(FIXTURES / name).read_text("utf-8"), meta=meta)


@pytest.mark.parametrize("name", sorted(FIXTURE_EXPECTED))
def test_own_dumps(name):
    title, published, author, outlet, headings, n_par, removed, n_posts = FIXTURE_EXPECTED[name]
    art = clean_document(fixture_doc(name))
    assert (art.title, art.published, art.author, art.outlet) == (title, published, author, outlet)
    assert list(art.headings) == headings
    assert len(art.paragraphs) == n_par
    assert reasons(art) == removed
    assert len(art.embedded_posts) == n_posts


def test_wrapped_lines_are_joined():
    art = clean_document(fixture_doc("wrapped_wire.txt"))
    assert art.dateline == "LISCA, Nov 16 -"
    assert art.paragraphs[0].startswith("The central bank of Benlor raised its main interest rate")
    assert art.paragraphs[0].endswith("for a ninth month.")
    assert art.paragraphs[2] == (
        "Analysts had expected the move after figures last week showed "
        "consumer prices up 7.1 percent from a year earlier."
    )


def test_inline_and_link_only_posts():
    art = clean_document(fixture_doc("minister_posts.txt"))
    first, second = art.embedded_posts
    assert (first.author, first.handle, first.date) == ("Karin Vell", "@KarinVellMFA", "2025-10-03")
    assert first.text.endswith("#Ostria #Caddan") and first.urls == ("https://pic.twitter.com/Ab12Cd34Ef",)
    assert second.author == "Caddan MFA" and second.text.startswith("We remain committed")
    assert "Ostria's foreign minister posted a photo of the meeting shortly afterwards." in art.paragraphs
    assert "The Caddan ministry struck a more cautious tone." in art.paragraphs


def test_related_list_ends_where_the_body_goes_on():
    art = clean_document(fixture_doc("harbour_strike.txt"))
    assert art.paragraphs[2].startswith('"We did not get everything')
    assert "Port authority warns of week-long backlog" not in art.text


# --------------------------------------------------------------------------- metadata from the reader


def test_meta_wins_and_title_is_never_guessed_when_given():
    art = clean_document(
        fixture_doc(
            "harbour_strike.txt",
            title="Dockers back at work",
            author="Desk",
            published="2025-11-17T08:00:00Z",
            outlet="Valmora Post",
        )
    )
    assert (art.title, art.author, art.published, art.outlet) == (
        "Dockers back at work",
        "Desk",
        "2025-11-17",
        "Valmora Post",
    )
    # the first line is not the given title, so it stays in the text as a heading
    assert art.headings[0] == "Harbour workers in Valmora end three-day strike after pay deal"


def test_line_repeating_the_given_title_is_removed():
    text = "Harbour strike ends\n\nDock workers returned to work on Sunday after a pay deal.\n"
    art = clean_document(RawDocument("x.txt", "text", text, meta={"title": "Harbour strike ends"}))
    assert art.title == "Harbour strike ends" and reasons(art) == {1: "title"}
    assert art.paragraphs == ("Dock workers returned to work on Sunday after a pay deal.",)


def test_line_repeating_the_given_title_with_a_full_stop_is_removed():
    text = "Harbour strike ends.\n\nDock workers returned to work on Sunday after a pay deal.\n"
    art = clean_document(RawDocument("x.txt", "text", text, meta={"title": "Harbour strike ends"}))
    assert art.title == "Harbour strike ends" and reasons(art) == {1: "title"}
    assert art.paragraphs == ("Dock workers returned to work on Sunday after a pay deal.",)


@pytest.mark.parametrize("title", ["", None])
def test_empty_given_title_keeps_a_one_line_text(title):
    art = clean_document(RawDocument("x.json", "json", "Putin calls Netanyahu", meta={"title": title}))
    assert art.title is None and art.paragraphs == ("Putin calls Netanyahu",) and art.removed == ()


def test_short_text_without_meta_is_not_made_a_title():
    art = clean_document(RawDocument("x.txt", "text", "Putin calls Netanyahu"))
    assert art.title is None and art.paragraphs == ("Putin calls Netanyahu",)


@pytest.mark.parametrize(
    "text", ["", "   \n\n", "Dark\nLight\n", "Advertisement\nShare this article\n", "\u200b\u00ad\n\ufeff"]
)
def test_no_body_raises_clean_error(text):
    with pytest.raises(CleanError, match="no article text after cleaning"):
        clean_document(RawDocument("x.txt", "text", text))
    assert issubclass(CleanError, ValueError)


def test_html_documents_go_to_the_html_cleaner():
    html = (
        "<html><head><title>Dock strike ends</title></head><body><article><h1>Dock strike ends</h1>"
        "<p>Dock workers in the port city of Valmora returned to work on Sunday after union leaders "
        "accepted a revised pay offer from the port authority, ending a three-day strike.</p>"
        "<p>The agreement raises basic wages by 6 percent this year and a further 4 percent next year, "
        "according to a statement from the union.</p></article></body></html>"
    )
    art = clean_document(RawDocument("x.html", "html", html, meta={"html": True}))
    assert "<p>" not in art.text and "Valmora" in art.text


# --------------------------------------------------------------------------- rule by rule

# Lines each rule must remove; every pattern and vocabulary of rules.yaml is covered (checked below).
CHROME_EXAMPLES = {
    "theme toggle": ["Dark", "Light", "Dark mode", "Night mode", "Toggle theme"],
    "advertisement": [
        "Advertisement",
        "ADVERTISEMENT",
        "- Advertisement -",
        "Sponsored",
        "Story continues below advertisement",
        "Article continues after this ad",
        "--- advertisement ---",
    ],
    "share": [
        "Share this article",
        "Share",
        "Tweet",
        "Copy link",
        "Facebook Twitter WhatsApp Email",
        "Share on WhatsApp (opens in new window)",
        "Click to share on Facebook",
        "Share | Tweet | Email",
        "Facebook, Twitter, LinkedIn",
        "Listen to this article",
    ],
    "subscribe": [
        "Subscribe",
        "Sign up for our free morning newsletter",
        "Get our daily briefing in your inbox",
        "Our Europe newsletter brings you the day's top stories",
        "Already a subscriber? Log in",
        "Enter your email address",
        "By signing up you agree to our privacy policy",
        "Join our WhatsApp channel",
    ],
    "cookie notice": [
        "We use cookies to give you the best experience on our website.",
        "This website uses cookies. By continuing you accept them.",
        "Cookie settings",
        "Accept all cookies",
        "We value your privacy",
        "Privacy Policy | Terms of Use",
    ],
    "follow us": [
        "Follow us on Google News",
        "Follow us",
        "Like us on Facebook",
        "Follow @dailymeridian",
        "Stay updated with the latest news: follow our Telegram channel",
        "For the latest news updates, follow us on X",
    ],
    "photo credit": [
        "Photo: Reuters",
        "Image credit: Getty Images",
        "(Photo by Ana Pell/AFP via Getty Images)",
        "Representative image",
        "File photo",
        "Dock workers on strike. REUTERS/Ana Pell",
    ],
    "related link": [
        "ALSO READ: Marjorie Taylor Greene Claims Secret Aide",
        "READ MORE: Strike ends",
        "Also Read | Port reopens",
        "Read: Ministers meet in Lisca",
        "Also read Port reopens",
        "Don't miss: The week in pictures",
    ],
    "copyright": [
        "© 2025 The Daily Meridian. All rights reserved.",
        "All rights reserved.",
        "Copyright 2025 Valmora Post",
    ],
    "credits": [
        "Reporting by Ana Pell; Editing by Joe Marr",
        "(With inputs from agencies)",
        "This story has been published from a wire agency feed without modifications to the text.",
    ],
    "reading time": ["4 min read", "Reading time: 3 minutes", "Updated 5 hours ago", "2 hours ago"],
    "navigation": ["Home > World > Africa", "Skip to main content", "Back to top", "Menu", "Next article"],
    "teaser list": [
        "Latest News",
        "Related",
        "Most Read",
        "Trending",
        "More from World",
        "You may also like",
        "Top stories in Europe",
        "Most read in Business",
    ],
    "seo keywords": ["Tags: Gaza, Putin, Netanyahu", "Topics: ceasefire | Syria"],
    "export label": ["ABSTRACT.", "FULL TEXT.", "Full text:", "Document text"],  # PolNeAR's ProQuest texts
    "broadcast promo": [
        "Channel 8 reporter Ana Pell went live from the scene with the latest on the investigation.",
        "Stay with Channel 8 for updates on this developing story.",
    ],
}

# Body lines that look a little like chrome and must stay.
BODY_EXAMPLES = [
    "Share prices in Valmora fell 3 percent on Monday after the announcement.",
    "By the time the talks ended, the union had won a 6 percent rise.",
    "Cookies baked by volunteers were sold at the fair to raise money for the clinic.",
    "We do not want a cookie-cutter plan for every province, the minister said.",
    "Light rain fell over the capital as the ministers arrived.",
    "Follow-up talks are planned for next week in Lisca.",
    "The photo, taken by a port worker, showed ships waiting outside the harbour.",
    "Related talks between the two unions are due next month.",
    "Subscribers to the state water service will see no change in their bills, the ministry said.",
    "Latest figures show inflation at 7.1 percent.",
    "Abstract paintings from the collection sold well at the fair, the gallery said.",
    "The reporter who broke the story was arrested on Monday, the newspaper said.",
    "The broadcaster's live coverage of the vote drew record audiences, the regulator said.",
    "Advertising revenue at state broadcasters fell by a fifth last year, the regulator said.",
]


@pytest.mark.parametrize("reason,line", [(r, x) for r, xs in CHROME_EXAMPLES.items() for x in xs])
def test_chrome_line(reason, line):
    assert chrome_reason(normalize_line(line)) == reason


@pytest.mark.parametrize("line", BODY_EXAMPLES)
def test_body_line_is_not_chrome(line):
    assert chrome_reason(normalize_line(line)) is None


def test_every_rule_has_an_example():
    rules = load_rules()
    examples = [(r, normalize_line(x)) for r, xs in CHROME_EXAMPLES.items() for x in xs]
    for pattern, reason in rules.patterns:
        assert any(r == reason and pattern.search(x) for r, x in examples), (reason, pattern.pattern)
    for reason in rules["exact_lines"]:
        assert any(r == reason and rules.exact.get(x.casefold()) == reason for r, x in examples), reason
    for pattern in rules.teaser_patterns:
        assert any(pattern.match(x) for r, x in examples if r == "teaser list"), pattern.pattern


@pytest.mark.parametrize(
    "line,author,outlet,published",
    [
        ("By Jane Doe", "Jane Doe", None, None),
        ("By Jane Doe and Tom Reyes | Reuters", "Jane Doe and Tom Reyes", "Reuters", None),
        ("Written by Ana Pell", "Ana Pell", None, None),
        ("By Idris Falk, Nov. 16, 2025", "Idris Falk", None, "2025-11-16"),
        ("By Daniel Okoth | Quayside Chronicle", "Daniel Okoth", "Quayside Chronicle", None),
    ],
)
def test_byline(line, author, outlet, published):
    lines = [line, "", "Dock workers returned to work on Sunday after a pay deal was agreed with the port."]
    res = clean_text_lines(lines, meta={"title": None})
    assert (res.author, res.outlet, res.published) == (author, outlet, published)
    assert res.removed[0].reason == "byline"


@pytest.mark.parametrize(
    "line",
    [
        "By the time the talks ended, the union had won a 6 percent rise.",
        "By Sunday evening all ships had left the port.",
    ],
)
def test_sentence_starting_with_by_is_not_a_byline(line):
    res = clean_text_lines([line], meta={"title": None})
    assert res.author is None and res.removed == () and res.blocks[0].text == line


@pytest.mark.parametrize(
    "line,name",
    [
        ("Sofia Babu Chacko is a journalist with over five years of experience.", "Sofia Babu Chacko"),
        ("Lena Marsh is a senior correspondent covering climate.", "Lena Marsh"),
        ("Tom van der Berg has been a reporter at the paper since 2019.", "Tom van der Berg"),
    ],
)
def test_author_bio(line, name):
    res = clean_text_lines(["The port reopened on Sunday after a three-day strike by dock workers.", line])
    assert res.author == name and [r.reason for r in res.removed] == ["author bio"]


def test_seo_line_repeating_body_phrases():
    lines = [
        "The port of Valmora reopened on Sunday after the dock strike ended with a pay deal.",
        "Union leaders said the pay deal was fair.",
        "port of Valmora, dock strike, pay deal",
    ]
    res = clean_text_lines(lines)
    assert [(r.line, r.reason) for r in res.removed] == [(3, "seo keywords")]
    lines[2] = "Trade unions, wage talks, harbour safety"  # phrases not in the body: kept
    assert clean_text_lines(lines).removed == ()


def test_chrome_lines_for_extracted_html_paragraphs():
    paragraphs = [
        "Putin and Netanyahu hold phone call",
        "Dark",
        "The call took place on Saturday evening.",
        "ALSO READ: Something else",
    ]
    assert chrome_lines(paragraphs, {}) == {1: "theme toggle", 3: "related link"}


# --------------------------------------------------------------------------- dates


@pytest.mark.parametrize(
    "line,iso",
    [
        ("16 November, 2025", "2025-11-16"),
        ("July29,2025", "2025-07-29"),
        ("Nov. 16, 2025", "2025-11-16"),
        ("November 16, 2025", "2025-11-16"),
        ("2025-11-16", "2025-11-16"),
        ("16/11/2025", "2025-11-16"),
        ("11/16/2025", "2025-11-16"),
        ("Sunday, November 16, 2025 10:42 AM IST", "2025-11-16"),
        ("Published: Nov. 16, 2025, 10:30 a.m. ET", "2025-11-16"),
        ("Updated - 16 Nov 2025, 09:15 PM", "2025-11-16"),
        ("2025-11-16T10:00:00Z", "2025-11-16"),
        ("Mon 17 Nov 2025 12.01 GMT", "2025-11-17"),
        ("16th of November 2025", "2025-11-16"),
        ("Sept. 3, 2025", "2025-09-03"),
    ],
)
def test_dateline(line, iso):
    assert dateline_date(normalize_line(line)) == iso


@pytest.mark.parametrize(
    "line",
    [
        "03/04/2025",
        "31 February, 2025",
        "The 16 November, 2025 deal was signed.",
        "By Jane Doe, Nov 16, 2025",
        "November 2025",
        "2025",
    ],
)
def test_not_a_dateline(line):
    assert dateline_date(line) is None


def test_parse_date_in_text():
    assert parse_date("The 16 November, 2025 deal") == "2025-11-16"
    assert parse_date("on 03/04/2025") is None
    assert parse_date("no date here") is None


# --------------------------------------------------------------------------- Unicode


@pytest.mark.parametrize(
    "raw,clean",
    [
        ("long\u2011standing", "long-standing"),
        ("post\u2010war", "post-war"),
        ("Putin\u2013Netanyahu call", "Putin-Netanyahu call"),
        ("2019 \u2013 2020", "2019 \u2013 2020"),  # a spaced en dash stays
        ("co\u00adoperation", "cooperation"),
        ("a\u00a0b", "a b"),
        ("zero\u200bwidth\u2060joined\ufeff", "zerowidthjoined"),
        ("“quoted” and ‘single’", "“quoted” and ‘single’"),
        ("\ufb01nal ＡＢＣ", "final ABC"),
        ("km² and ½", "km² and ½"),
        ("It\u00e2\u20ac\u2122s fine", "It’s fine"),
        ("Caf\u00c3\u00a9 owners", "Café owners"),
        ("  many   spaces\there ", "many spaces here"),
        ("Cafe\u0301", "Café"),
        ("two\nlines\x0bjoined", "two lines joined"),
        ("bell\x07 and private\ue000 use", "bell and private use"),
    ],
)
def test_normalize_line(raw, clean):
    assert normalize_line(raw) == clean


def test_mojibake_is_left_alone_when_not_certain():
    assert fix_mojibake("Ã la carte") == "Ã la carte"
    assert fix_mojibake("plain text") == "plain text"


def test_split_lines_only_on_line_breaks():
    assert split_lines("a\r\nb\rc\nd\u2028e") == ["a", "b", "c", "d\u2028e"]


# --------------------------------------------------------------------------- properties

LINE = st.one_of(
    st.text(max_size=120),
    st.sampled_from(
        [
            "Dark",
            "Light",
            "Latest News",
            "Related",
            "By Jane Doe",
            "16 November, 2025",
            "— MFA Russia 🇷🇺 (@mfa_russia) November 15, 2025",
            "pic.twitter.com/x https://t.co/y",
            "ALSO READ: x",
            "Tags: a, b, c",
            "",
            "   ",
            "Short heading",
            "About the author",
            "A full sentence of body text that ends properly with a stop.",
        ]
    ),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(LINE, max_size=25), st.sampled_from([None, {}, {"title": None}, {"title": "T", "author": "A"}]))
def test_every_line_is_accounted_for(lines, meta):
    lines = [re.sub(r"[\r\n]", " ", x) for x in lines]
    res = clean_text_lines(lines, meta=meta)
    removed = [r.line for r in res.removed]
    kept = [n for group in res.block_lines for n in group]
    non_blank = [i + 1 for i, x in enumerate(lines) if normalize_line(x)]
    assert sorted(removed + kept) == non_blank
    assert len(res.blocks) == len(res.block_lines)
    assert all(b.kind in ("heading", "paragraph") and b.text for b in res.blocks)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=600))
def test_clean_document_gives_an_article_or_clean_error(text):
    try:
        art = clean_document(RawDocument("x.txt", "text", text))
    except CleanError as exc:
        assert "\n" not in str(exc)
        return
    assert art.paragraphs and re.fullmatch(r"[0-9a-f]{16}", art.id)


# --------------------------------------------------------------------------- wire datelines (issue 20)

POLNEAR = ROOT / ".." / "shared" / "corpus" / "quotes" / "polnear"


def polnear_article(name: str) -> tuple[str, list[str]]:
    """(title line, body lines) of a PolNeAR article (its .txt has the title on the first line)."""
    (path,) = sorted(POLNEAR.glob(f"*/text/{name}*.txt"))
    lines = path.read_text(encoding="utf-8").split("\n")
    return lines[0], [x for x in lines[1:] if x.strip()]


@pytest.mark.parametrize(
    "line, place, iso, month_day",
    [
        (
            "JOHANNESBURG, August 7 (Xinhua) -- South Africa's ruling party said on Monday it would act.",
            "JOHANNESBURG",
            None,
            (8, 7),
        ),
        ("NAIROBI, Kenya (AP) _", "NAIROBI, Kenya", None, None),
        ("Geneva, March3,2024: The envoys met on Tuesday.", "Geneva", "2024-03-03", (3, 3)),
        ("WASHINGTON (Reuters) -", "WASHINGTON", None, None),
        (
            "PARIS, Aug 31 (Reuters) - France’s far-right National Front party leader voiced support.",
            "PARIS",
            None,
            (8, 31),
        ),
        (
            "RENO, Nev. (AP) — Republican presidential hopeful Donald Trump says he doesn’t watch football.",
            "RENO, Nev.",
            None,
            None,
        ),
        (
            "BELFAST, Northern Ireland (AP)_ Police seized a car bomb under construction Sunday.",
            "BELFAST, Northern Ireland",
            None,
            None,
        ),
        ("UNITED NATIONS, Aug 7, 2024 (AP) -- The council voted.", "UNITED NATIONS", "2024-08-07", (8, 7)),
    ],
)
def test_wire_dateline_forms(line, place, iso, month_day):
    found = wire_dateline(normalize_line(line))
    assert found is not None and (found.place, found.iso) == (place, iso)
    assert ((found.month, found.day) if found.month else None) == month_day


@pytest.mark.parametrize(
    "line",
    [
        "Gaza: what we know",
        "BREAKING - Fed raises rates",
        "NATO: Russia must withdraw",
        "Putin and Netanyahu hold phone call amid escalating Middle East tensions",
        "France’s Marine Le Pen Backs Trump And Denounces Clinton.",
        "Trump tells 3,000 in Reno NFL has gone ‘soft’ like the US.",
        "In Washington today, the Federal Aviation Administration released air traffic control tapes.",
    ],
)
def test_not_a_wire_dateline(line):
    assert wire_dateline(line) is None


def test_json_record_with_empty_title_gets_no_title_from_its_first_line():
    from newsfuse.ingest import read_input

    title, body = polnear_article("huff-post_2016-08-31_france-s-marine-le-pen")
    dateline, first = body[0].split(" - ", 1)  # wire copy often has its dateline on a line of its own
    record = {"title": "", "published": "2016-08-31", "text": "\n".join([dateline + " -", first, *body[1:]])}
    result = read_input(InputFile.of("le-pen.json", __import__("json").dumps(record).encode("utf-8")))
    (doc,) = result.documents
    art = clean_document(doc)
    assert art.title is None and art.published == "2016-08-31"
    assert art.dateline + " " + art.paragraphs[0] == normalize_line(body[0])  # "PARIS, Aug 31 (Reuters) - France’s ..."
    assert art.removed == () and len(art.paragraphs) == len(body)


def test_json_record_with_a_null_title_and_a_short_first_line_keeps_it_as_text():
    from newsfuse.ingest import read_input

    title, body = polnear_article("breitbart_2016-01-10_trump-tells-in-reno")
    record = {"headline": None, "text": "\n\n".join([title.rstrip("."), *body])}
    (doc,) = read_input(InputFile.of("reno.json", __import__("json").dumps(record).encode("utf-8"))).documents
    art = clean_document(doc)
    assert art.title is None
    assert title.rstrip(".") in art.text  # still analysed, as a heading


def test_dateline_alone_on_its_line_is_no_title_and_its_own_block_before_the_first_paragraph():
    title, body = polnear_article("breitbart_2016-01-10_trump-tells-in-reno")
    dateline, first = body[0].split(" — ", 1)
    lines = [dateline + " —", first, *body[1:]]
    art = clean_document(RawDocument("reno.txt", "text", "\n\n".join(lines)))
    assert art.title is None
    assert [b.kind for b in art.blocks[:2]] == ["dateline", "paragraph"]
    assert f"{art.dateline} {art.paragraphs[0]}" == normalize_line(body[0])
    assert art.removed == ()


def test_title_above_a_dateline_stays_the_title():
    title, body = polnear_article("huff-post_2016-08-31_france-s-marine-le-pen")
    lines = [title.rstrip("."), *body]
    art = clean_document(RawDocument("le-pen.txt", "text", "\n".join(lines)))
    assert art.title == title.rstrip(".")
    assert art.dateline == "PARIS, Aug 31 (Reuters) -" and art.paragraphs[0].startswith("France’s far-right")


def test_dated_dateline_gives_the_publication_date_only_when_there_is_none():
    title, body = polnear_article("huff-post_2016-08-31_france-s-marine-le-pen")
    first = body[0].replace("PARIS, Aug 31 (Reuters) -", "Geneva, March3,2024:")
    art = clean_document(RawDocument("g.txt", "text", "\n\n".join([first, *body[1:]])))
    assert art.published == "2024-03-03" and art.title is None
    assert art.dateline == "Geneva, March3,2024:" and art.paragraphs[0].startswith("France’s")
    dated = clean_document(
        RawDocument("g.json", "json", "\n\n".join([first, *body[1:]]), meta={"title": "", "published": "2016-08-31"})
    )
    assert dated.published == "2016-08-31"


@pytest.mark.parametrize("label", ["FILE", "PHOTO", "ADVISORY"])
def test_a_caption_or_desk_label_before_a_colon_is_no_dateline(label):
    line = f"{label}: A 3-year-old child was shot and killed in Hamilton on Monday."
    assert wire_dateline(line) is None
