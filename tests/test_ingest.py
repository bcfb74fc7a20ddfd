"""Readers (ingest/): real seed and example files, format sniffing, encodings, bad input, fuzzing."""

from __future__ import annotations

import gzip
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsfuse
from newsfuse.ingest import DEFAULT_MAX_BYTES, ReadResult, iter_inputs, read_input, read_paths
from newsfuse.model import FORMATS, InputError, InputFile

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / ".." / "shared" / "corpus" / "seeds"
EXAMPLES = REPO / "examples"
MB = 1024 * 1024


def read_bytes(data: bytes, name: str = "input.txt") -> ReadResult:
    return read_input(InputFile.of(name, data))


def read_one(data: bytes, name: str = "input.txt"):
    result = read_bytes(data, name)
    assert result.errors == [], [e.line() for e in result.errors]
    assert len(result.documents) == 1
    return result.documents[0]


def only_error(result: ReadResult) -> str:
    assert result.documents == []
    assert len(result.errors) == 1, [e.line() for e in result.errors]
    return result.errors[0].cause


def inputs(paths: list[str | Path], **kwargs) -> list[InputFile | InputError]:
    return list(iter_inputs([str(p) for p in paths], **kwargs))


def assert_one_line(errors: list[InputError]) -> None:
    for err in errors:
        assert err.cause and "\n" not in err.cause and "\r" not in err.cause
        assert err.line() == f"error: {err.path}: {err.cause}"


# --------------------------------------------------------------------------- real files: seeds


def test_seed_folder_gives_the_three_reports_and_skips_expected_md():
    found = inputs([SEEDS])
    assert [Path(i.path).name for i in found] == [
        "000_b5307fb3d8fa3eef.txt",
        "001_bbec696de197225f.txt",
        "002_05219128a0266354.txt",
    ]
    for item in found:
        assert isinstance(item, InputFile)
        assert item.data == Path(item.path).read_bytes()  # the raw bytes, for the store


@pytest.mark.parametrize(
    "name,first_line",
    [
        ("000_b5307fb3d8fa3eef.txt", "Russian President Vladimir Putin and Israeli Prime Minister"),
        ("001_bbec696de197225f.txt", "Dark"),
        ("002_05219128a0266354.txt", "Russian President Vladimir Putin initiated a phone call"),
    ],
)
def test_seed_reads_as_one_text_document(name, first_line):
    path = SEEDS / name
    item = InputFile.of(str(path), path.read_bytes())
    result = read_input(item)
    assert result.format == "text"
    doc = read_one(item.data, item.path)
    assert (doc.format, doc.encoding, doc.record) == ("text", "utf-8", 0)
    assert doc.source_path == str(path)
    assert result.documents[0].input_sha256 == item.sha256
    assert doc.text.splitlines()[0].startswith(first_line)
    # Decoding keeps every line: the cleaner's line numbers refer to this text.
    assert doc.text.splitlines() == path.read_text("utf-8").splitlines()


def test_seed_unicode_survives_decoding():
    text = read_one((SEEDS / "000_b5307fb3d8fa3eef.txt").read_bytes()).text
    assert "long\u2011standing" in text  # normalising hyphens is clean/'s job, not the reader's
    post = read_one((SEEDS / "002_05219128a0266354.txt").read_bytes()).text
    assert "— MFA Russia 🇷🇺 (@mfa_russia) November 15, 2025" in post


# --------------------------------------------------------------------------- real files: examples


def example(name: str) -> ReadResult:
    path = EXAMPLES / name
    result = read_input(InputFile.of(str(path), path.read_bytes()))
    assert result.errors == [], [e.line() for e in result.errors]
    for doc in result.documents:
        assert doc.source_path == str(path) and doc.format in FORMATS
    return result


def test_examples_folder_reads_every_article_and_skips_readme_and_script():
    results = list(read_paths([str(EXAMPLES)]))
    names = [Path(item.path).name for item, _ in results]
    assert "README.md" not in names and "make_warc.py" not in names
    assert len(names) == 10
    assert all(result.errors == [] for _, result in results)
    assert {result.format for _, result in results} == set(FORMATS)
    assert sum(len(result.documents) for _, result in results) == 12


@pytest.mark.parametrize(
    "name,fmt,encoding,needle",
    [
        ("tidewater_lisbon_talks.txt", "text", "utf-8", "delegation of 12 officials"),
        ("gullwing_lisbon_talks.txt", "text", "utf-8", "(@mquintela_gull) March 11, 2026"),
        ("quayside_kenya_proposal.txt", "text", "cp1252", "Kenya’s government submitted a proposal"),
        ("lantern_courier_lisbon.html", "html", "utf-8", "held three hours of talks"),
        ("ferrule_times_kenya.html", "html", "utf-8", "co-sponsored by 16 countries"),
    ],
)
def test_example_single_document_files(name, fmt, encoding, needle):
    result = example(name)
    assert result.format == fmt
    [doc] = result.documents
    assert (doc.format, doc.encoding) == (fmt, encoding)
    assert needle in doc.text
    assert doc.meta.get("html", False) == (fmt == "html")


def test_example_json_object_is_one_article_with_metadata():
    [doc] = example("equator_times_lisbon.json").documents
    assert doc.format == "json" and doc.external_id == "et-2026-0311-044"
    assert doc.url == "https://equator-times.example/diplomacy/2026/03/11/indonesia-portugal-ocean-deal"
    assert doc.meta["title"] == "Indonesia and Portugal sign five-year ocean research deal"
    assert doc.meta["published"] == "2026-03-11"
    assert (doc.meta["author"], doc.meta["outlet"]) == ("Ayu Lestari", "Equator Times")
    assert "5 million euros" in doc.text and "html" not in doc.meta


def test_example_jsonl_records():
    first, second = example("bramblegate_wire.jsonl").documents
    assert [first.record, second.record] == [0, 1]
    assert first.meta["html"] is True and first.text.startswith("<p>Kenya submitted")
    assert first.meta["published"] == "2026-03-12" and first.meta["outlet"] == "Bramblegate Wire"
    assert second.meta["author"] == "Lena Marsh, Tom Adeyemi"
    assert second.meta["published"] == "2026-03-13" and second.external_id == "bgw-7802"
    assert "five shipping companies" in second.text and "html" not in second.meta


def test_example_rss_items_take_the_fullest_body():
    first, second = example("pelican_press.rss").documents
    assert {first.format, second.format} == {"rss"}
    assert first.meta["outlet"] == second.meta["outlet"] == "Pelican Press"
    assert first.external_id == "pelican-2026-03-10-0193" and first.meta["published"] == "2026-03-10"
    assert first.meta["author"] == "Pelican Press desk"
    # content:encoded is preferred to the one-line description
    assert "None of the companies could be reached" in second.text and second.meta["html"] is True
    assert second.url == "https://pelican-press.example/briefs/2026/03/13/canada-sanctions"


def test_example_atom_entry():
    [doc] = example("northgate_wire.atom").documents
    assert doc.meta["outlet"] == "Northgate Wire" and doc.meta["author"] == "Samuel Kiprop"
    assert doc.meta["published"] == "2026-03-12" and doc.meta["feed_format"] == "atom10"
    assert doc.external_id == "tag:northgate-wire.example,2026-03-12:kenya-plastics-fund"
    assert "More than a dozen countries" in doc.text and doc.meta["html"] is True


def test_example_warc_takes_only_the_200_html_response():
    result = example("tessellate_review_crawl.warc.gz")
    [doc] = result.documents  # not robots.txt, not the 404 page
    assert result.format == doc.format == "warc"
    assert doc.url == "https://tessellate-review.example/world/2026/03/14/canada-fishing-sanctions"
    assert doc.external_id == "<urn:uuid:00000000-0000-4000-8000-000000000002>"
    assert doc.encoding == "cp1252" and doc.meta["html"] is True
    assert "Canada’s foreign minister spoke by phone" in doc.text


def test_make_warc_reproduces_the_committed_archive(tmp_path):
    out = tmp_path / "crawl.warc.gz"
    subprocess.run([sys.executable, str(EXAMPLES / "make_warc.py"), str(out)], check=True)
    # Compare the WARC bytes, not the gzip bytes: another zlib build may compress differently.
    committed = (EXAMPLES / "tessellate_review_crawl.warc.gz").read_bytes()
    assert gzip.decompress(out.read_bytes()) == gzip.decompress(committed)


# --------------------------------------------------------------------------- sniffing


ARTICLE = {"title": "T", "text": "Body of the article."}


@pytest.mark.parametrize(
    "name,data,fmt",
    [
        ("a.txt", json.dumps(ARTICLE).encode(), "json"),
        ("a.txt", (json.dumps(ARTICLE) + "\n" + json.dumps(ARTICLE) + "\n").encode(), "jsonl"),
        ("a.json", (json.dumps(ARTICLE) + "\n" + json.dumps(ARTICLE)).encode(), "jsonl"),
        ("a.jsonl", json.dumps(ARTICLE).encode(), "jsonl"),
        ("a.txt", b"<html><body><p>Hello there.</p></body></html>", "html"),
        ("a.json", b"  <!DOCTYPE html><title>x</title><p>Hi</p>", "html"),
        ("a", b"Intro line\n<p>one</p>\n<p>two</p>\n<div>three</div>", "html"),
        ("feed.json", (EXAMPLES / "pelican_press.rss").read_bytes(), "rss"),
        ("feed.html", (EXAMPLES / "northgate_wire.atom").read_bytes(), "rss"),
        ("page.html", b"Just a plain line of text.\nAnd another.", "text"),
        ("notes.txt", b"[Updated] Ministers met on Monday.\n", "text"),
        ("data.txt", gzip.compress(json.dumps(ARTICLE).encode()), "json"),
        ("data.jsonl.gz", gzip.compress(json.dumps(ARTICLE).encode()), "jsonl"),
        ("crawl.bin", gzip.decompress((EXAMPLES / "tessellate_review_crawl.warc.gz").read_bytes()), "warc"),
    ],
)
def test_format_is_sniffed_from_content_not_extension(name, data, fmt):
    result = read_bytes(data, name)
    assert result.format == fmt and result.documents and not result.errors


def test_rdf_rss_1_feed():
    rdf = b"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
<channel rdf:about="x"><title>RDF Outlet</title></channel>
<item rdf:about="https://rdf.example/1"><title>One</title><link>https://rdf.example/1</link>
<description>Plain summary text.</description></item></rdf:RDF>"""
    doc = read_one(rdf)
    assert doc.format == "rss" and doc.text == "Plain summary text." and "html" not in doc.meta


# --------------------------------------------------------------------------- encodings

TEXT = "Ministers’ talks in Lisbon — “friendly”, said the café owner."


@pytest.mark.parametrize(
    "data,encoding",
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (TEXT.encode("utf-8-sig"), "utf-8-sig"),
        (TEXT.encode("utf-16"), "utf-16-le"),  # Python writes the BOM, little-endian here
        (b"\xfe\xff" + TEXT.encode("utf-16-be"), "utf-16-be"),
        (TEXT.encode("utf-16-le"), "utf-16-le"),  # no BOM: recognised by its NUL pattern
        (TEXT.encode("utf-16-be"), "utf-16-be"),
        (TEXT.encode("cp1252"), "cp1252"),
    ],
)
def test_encodings_decode_to_the_same_text(data, encoding):
    doc = read_one(data)
    assert doc.text == TEXT and doc.encoding == encoding


def test_latin1_fallback_when_cp1252_cannot_decode():
    data = "Café da manhã em Lisboa, com pão e queijo; 40 minutos ".encode("latin-1") + b"\x81"
    doc = read_one(data * 3)
    assert doc.encoding == "latin-1" and "Café da manhã" in doc.text


def test_invalid_utf8_falls_back_and_keeps_the_utf8_parts():
    # Mostly UTF-8 with one stray cp1252 byte: decoded as cp1252, the UTF-8 parts repaired.
    doc = read_one("Ministers’ talks in São Paulo, ".encode() + b"caf\xe9 nearby.")
    assert (doc.encoding, doc.text) == ("cp1252", "Ministers’ talks in São Paulo, café nearby.")
    # Bytes cp1252 cannot decode either (\x9d in ”, \xff\xfe) fall back to latin-1.
    doc = read_one("Valid UTF-8: “quotes”.\n".encode() + b"then a stray byte \xff\xfe here\n")
    assert (doc.encoding, doc.text) == ("latin-1", "Valid UTF-8: “quotes”.\nthen a stray byte ÿþ here\n")


def test_declared_html_charset_and_xml_encoding_are_used():
    html = '<html><head><meta charset="iso-8859-2"></head><body><p>Łódź i Kraków</p></body></html>'
    doc = read_one(html.encode("iso-8859-2"), "p.html")
    assert "Łódź i Kraków" in doc.text and doc.encoding == "iso8859-2"
    feed = (
        '<?xml version="1.0" encoding="ISO-8859-2"?><rss version="2.0"><channel><title>Łódź Daily</title>'
        "<item><title>x</title><description>Spotkanie w Łodzi.</description></item></channel></rss>"
    )
    doc = read_one(feed.encode("iso-8859-2"))
    assert doc.text == "Spotkanie w Łodzi." and doc.meta["outlet"] == "Łódź Daily"


def as_mojibake(text: str) -> str:
    """UTF-8 bytes shown as cp1252 (bytes cp1252 lacks shown as latin-1), as a browser would."""
    return "".join(
        bytes([b]).decode("cp1252" if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else "latin-1")
        for b in text.encode("utf-8")
    )


def test_mojibake_is_repaired_where_unambiguous():
    broken = as_mojibake("Putin’s “extensive exchange of views” in São Paulo")
    assert "â€™" in broken
    doc = read_one(broken.encode("utf-8"))
    assert doc.text == "Putin’s “extensive exchange of views” in São Paulo"
    assert doc.meta["mojibake_fixed"] == 4
    # "É" followed by a closing quote is real text, not mojibake.
    assert read_one("He said “CAFÉ”, twice.".encode()).text == "He said “CAFÉ”, twice."


def test_line_endings_are_normalised_but_lines_kept():
    doc = read_one(b"Title\r\n\r\nFirst paragraph.\rSecond.\n")
    assert doc.text == "Title\n\nFirst paragraph.\nSecond.\n"


# --------------------------------------------------------------------------- bad input: content


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n", "\ufeff \u200b\n".encode("utf-8"), "  ".encode("utf-16")])
def test_empty_input(data):
    assert only_error(read_bytes(data)) == "empty file"


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)) * 4,
        b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 64,
        b"text with a NUL\x00 in the middle of the line, which text files never have",
        bytes([1, 2, 3, 4, 5, 6, 7, 8, 14, 15]) * 20,
    ],
)
def test_binary_input(data):
    assert only_error(read_bytes(data)) == "binary content, not text"


def test_truncated_and_corrupt_gzip():
    packed = gzip.compress(b"A short article about talks in Lisbon.\n" * 50)
    assert only_error(read_bytes(packed[: len(packed) // 2], "a.txt.gz")) == "truncated gzip stream"
    corrupt = packed[:12] + bytes(b ^ 0x5A for b in packed[12:40]) + packed[40:]
    assert only_error(read_bytes(corrupt, "a.txt.gz")).startswith("corrupt gzip stream (")


def test_gzip_bomb_is_stopped_at_the_size_limit():
    bomb = gzip.compress(b"a" * (3 * MB))
    result = read_input(InputFile.of("bomb.gz", bomb), max_bytes=MB)
    assert only_error(result) == "decompressed data over the 1.0 MB limit"


def test_multi_member_gzip_is_read_whole():
    data = gzip.compress(b"First half of the text, ") + gzip.compress(b"second half.")
    assert read_one(data).text == "First half of the text, second half."


def test_truncated_warc_keeps_the_records_before_the_damage():
    packed = (EXAMPLES / "tessellate_review_crawl.warc.gz").read_bytes()
    result = read_bytes(packed[:-5], "crawl.warc.gz")
    assert [d.url for d in result.documents] == [
        "https://tessellate-review.example/world/2026/03/14/canada-fishing-sanctions"
    ]
    assert [e.cause for e in result.errors] == ["truncated gzip stream"]
    raw = gzip.decompress(packed)
    cut = raw.index(b"<h1>Page not found") + 10  # inside the last (404) record
    result = read_bytes(raw[:cut], "crawl.warc")
    assert len(result.documents) == 1 and [e.cause for e in result.errors] == ["record 4: truncated WARC record"]
    cut = raw.index(b"<h1>Canada")  # inside the article record
    result = read_bytes(raw[:cut], "crawl.warc")
    assert result.documents == [] and [e.cause for e in result.errors] == ["record 3: truncated WARC record"]


def test_warc_without_html_and_garbage_after_warc_header():
    raw = gzip.decompress((EXAMPLES / "tessellate_review_crawl.warc.gz").read_bytes())
    first_two = raw[: raw.index(b"WARC/1.", raw.index(b"robots.txt"))]
    assert only_error(read_bytes(first_two, "c.warc")) == "no HTML response records in WARC archive"
    cause = only_error(read_bytes(b"WARC/1.0\r\nnot a header at all\r\n\r\n" * 3, "c.warc"))
    assert "WARC" in cause


def test_malformed_html_still_gives_a_document():
    doc = read_one(b"<html><body><p>Unclosed <div><b>bold <p>para</i></span></html", "x.html")
    assert doc.format == "html" and doc.meta["html"] is True


@pytest.mark.parametrize(
    "feed",
    [
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><item><title>a</b>',
        b"<rss><channel><item><title>cut off",
        b'<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>&bogus;</title></feed',
    ],
)
def test_malformed_feed_xml(feed):
    assert only_error(read_bytes(feed, "f.xml")).startswith("malformed feed XML (")


def test_feed_problems_are_per_entry():
    feed = b"""<rss version="2.0"><channel><title>Out</title>
      <item><title>No body</title></item>
      <item><title>Has body</title><description>Ministers met.</description></item></channel></rss>"""
    result = read_bytes(feed)
    assert [d.text for d in result.documents] == ["Ministers met."]
    assert [e.cause for e in result.errors] == ["entry 1: no content or summary"]
    empty = b'<rss version="2.0"><channel><title>Nothing</title></channel></rss>'
    assert only_error(read_bytes(empty)) == "feed has no entries"
    assert only_error(read_bytes(b'<?xml version="1.0"?><urlset><url/></urlset>')) == (
        "unsupported XML document (root element <urlset>)"
    )


def test_jsonl_bad_lines_are_errors_and_the_rest_go_on():
    lines = [
        json.dumps({"headline": "One", "body": "First record."}),
        '{"headline": "Two", "body": "broken',
        "",
        json.dumps({"headline": "Three"}),
        "[1, 2]",
        json.dumps({"content": ["Para one.", "Para two."], "outlet": {"name": "Wire"}}),
    ]
    result = read_bytes("\n".join(lines).encode(), "feed.jsonl")
    assert result.format == "jsonl"
    assert [d.text for d in result.documents] == ["First record.", "Para one.\n\nPara two."]
    assert [d.record for d in result.documents] == [0, 5]
    assert result.documents[1].meta["outlet"] == "Wire"
    causes = [e.cause for e in result.errors]
    assert causes[0].startswith("line 2: invalid JSON (Unterminated string")
    assert causes[1:] == ["line 4: no text field", "line 5: not a JSON object"]
    assert_one_line(result.errors)


def test_json_records_wrappers_and_field_names():
    data = {
        "status": "ok",
        "articles": [
            {
                "Title": "A",
                "articleBody": "<p>Body A</p>",
                "published_at": "2026-03-10T10:00:00Z",
                "source": {"id": None, "name": "Outlet A"},
                "authors": [{"name": "X"}, {"name": "Y"}],
                "uuid": "u-1",
                "link": "https://a.example/1",
            },
            {
                "headline": "B",
                "description": "Body B",
                "pubDate": "Tue, 10 Mar 2026 09:00:00 GMT",
                "publisher": "Outlet B",
                "byline": "Z",
                "guid": 42,
            },
            {"title": "C", "date": "sometime"},
            "not an object",
        ],
    }
    result = read_bytes(json.dumps(data).encode(), "dump.json")
    a, b = result.documents
    assert a.meta == {
        "title": "A",
        "published": "2026-03-10",
        "published_raw": "2026-03-10T10:00:00Z",
        "author": "X, Y",
        "outlet": "Outlet A",
        "url": "https://a.example/1",
        "html": True,
    }
    assert (a.external_id, a.url, a.text) == ("u-1", "https://a.example/1", "<p>Body A</p>")
    assert (b.external_id, b.meta["published"]) == ("42", "2026-03-10")
    assert (b.meta["outlet"], b.meta["author"]) == ("Outlet B", "Z")
    assert [e.cause for e in result.errors] == ["record 3: no text field", "record 4: not a JSON object"]


def test_unparseable_published_date_is_kept_raw_only():
    doc = read_one(json.dumps({"text": "Body.", "date": "early March"}).encode())
    assert "published" not in doc.meta and doc.meta["published_raw"] == "early March"


@pytest.mark.parametrize(
    "data,cause",
    [
        (
            b'{"title": "x", "text": "unterminated',
            "invalid JSON (Unterminated string starting at: line 1 column 24 (char 23))",
        ),
        (b"[]", "no article records in JSON"),
        (b'{"articles": []}', "no article records in JSON"),
        (b'{"title": "only a title"}', "record 1: no text field"),
    ],
)
def test_bad_json_documents(data, cause):
    assert only_error(read_bytes(data, "bad.json")) == cause


def test_deeply_nested_json_does_not_crash():
    result = read_bytes(b"[" * 100_000 + b"]" * 100_000, "deep.json")
    assert result.errors and not result.documents
    assert_one_line(result.errors)


# --------------------------------------------------------------------------- bad input: paths


def test_missing_path_and_unmatched_glob(tmp_path):
    missing, pattern = tmp_path / "nope.txt", tmp_path / "*.nothing"
    errors = inputs([missing, pattern])
    assert [e.line() for e in errors] == [
        f"error: {missing}: no such file or directory",
        f"error: {pattern}: no files match this pattern",
    ]


def test_a_200_mb_file_is_rejected_by_size_without_reading_it(tmp_path):
    big = tmp_path / "huge.txt"
    with big.open("wb") as f:
        f.truncate(200 * MB)  # sparse: no disk space used
    tracemalloc.start()
    try:
        [err] = inputs([big])
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert err.line() == f"error: {big}: file too large (200.0 MB > 50.0 MB limit)"
    assert peak < MB  # reading even the first 50 MB would show here
    assert DEFAULT_MAX_BYTES == 50 * MB


def test_size_limit_on_stdin_and_small_limits(tmp_path):
    [err] = inputs(["-"], stdin=io.BytesIO(b"x" * 2048), max_bytes=1024)
    assert err.line() == "error: -: file too large (over the 1024 bytes limit)"
    (tmp_path / "a.txt").write_bytes(b"x" * 2048)
    [err] = inputs([tmp_path / "a.txt"], max_bytes=1024)
    assert err.cause == "file too large (2048 bytes > 1024 bytes limit)"


def test_stdin_dash():
    [item] = inputs(["-"], stdin=io.BytesIO(b"Ministers met in Lisbon."))
    assert isinstance(item, InputFile) and item.path == "-"
    assert read_one(item.data, item.path).source_path == "-"


UNPRIVILEGED_CHECK = """
import sys
from newsfuse.ingest import iter_inputs
for item in iter_inputs(sys.argv[1:]):
    print(item.line() if hasattr(item, "line") else "read " + item.path)
"""


def run_unprivileged(paths: list[str]) -> list[str]:
    """iter_inputs as an ordinary user: root ignores permissions, so drop to nobody when root."""
    env = dict(os.environ, PYTHONPATH=str(Path(newsfuse.__file__).resolve().parents[1]))
    prefix = []
    if os.geteuid() == 0:
        prefix = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
    out = subprocess.run(
        prefix + [sys.executable, "-c", UNPRIVILEGED_CHECK, *paths],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        cwd="/",
    )
    return out.stdout.splitlines()


def test_directory_and_file_without_permission():
    root = Path(tempfile.mkdtemp(prefix="newsfuse-perm-"))
    try:
        root.chmod(0o755)
        (root / "ok.txt").write_text("Readable article text.")
        locked_dir = root / "locked"
        locked_dir.mkdir()
        (locked_dir / "inside.txt").write_text("Cannot be listed.")
        locked_file = root / "secret.txt"
        locked_file.write_text("Cannot be read.")
        locked_dir.chmod(0)
        locked_file.chmod(0)
        lines = run_unprivileged([str(root), str(locked_dir / "inside.txt")])
        assert lines == [
            f"error: {locked_dir}: permission denied (cannot list directory)",
            f"read {root / 'ok.txt'}",
            f"error: {locked_file}: permission denied",
            f"error: {locked_dir / 'inside.txt'}: permission denied",
        ]
    finally:
        for path in (root / "locked", root / "secret.txt"):
            path.chmod(0o700)
        shutil.rmtree(root)


def test_folders_are_recursive_sorted_and_skip_hidden(tmp_path):
    for rel in ["b.txt", "a/z.json", "a/c.txt", ".git/config", "a/.hidden.txt", "README.md", "gen.py"]:
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("Some text.")
    found = inputs([tmp_path])
    assert [Path(i.path).relative_to(tmp_path).as_posix() for i in found] == ["a/c.txt", "a/z.json", "b.txt"]
    # A file named explicitly is read even if a folder walk would skip it; duplicates once.
    explicit = inputs([tmp_path / "README.md", tmp_path / "a/.hidden.txt", tmp_path / "b.txt", tmp_path])
    assert [Path(i.path).name for i in explicit] == ["README.md", ".hidden.txt", "b.txt", "c.txt", "z.json"]


def test_a_walk_skips_names_whatever_their_case(tmp_path):
    kept = ["a.txt", "makefile.txt", "notes.md.txt"]
    skipped = ["ReadMe.TXT", "notes.MD", "store.DB-WAL", "Makefile", "gen.Py", "draft.txt~", "LICENCE"]
    for name in kept + skipped:
        (tmp_path / name).write_text("Some text.")
    assert sorted(Path(i.path).name for i in inputs([tmp_path])) == sorted(kept)


@pytest.mark.skipif(not hasattr(os, "symlink") or sys.platform == "win32", reason="symbolic links")
def test_a_file_reached_by_a_link_or_a_linked_folder_is_read_once(tmp_path):
    root, outside = tmp_path / "root", tmp_path / "outside"
    (root / "sub").mkdir(parents=True)
    outside.mkdir()
    (root / "a.txt").write_text("Some text.")
    (outside / "o.txt").write_text("Other text.")
    (root / "sub" / "to_a.txt").symlink_to(root / "a.txt")  # the same file again: once
    (root / "sub" / "to_o.txt").symlink_to(outside / "o.txt")  # a file outside: read by its link
    (tmp_path / "alias").symlink_to(root)  # the whole folder again under another name: once
    found = inputs([root, tmp_path / "alias", tmp_path / "alias" / "sub"])
    assert [Path(i.path).relative_to(tmp_path).as_posix() for i in found] == ["root/a.txt", "root/sub/to_o.txt"]


def test_globs_expand_sorted(tmp_path):
    for name in ["b.txt", "a.txt", "c.json", "sub/d.txt"]:
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("Text.")
    found = inputs([tmp_path / "*.txt", tmp_path / "**" / "d.txt"])
    assert [Path(i.path).name for i in found] == ["a.txt", "b.txt", "d.txt"]


def test_read_paths_pairs_inputs_with_results(tmp_path):
    (tmp_path / "a.txt").write_text("Ministers met.")
    results = list(read_paths([str(tmp_path / "a.txt"), str(tmp_path / "missing")]))
    assert results[0][0].path == str(tmp_path / "a.txt") and results[0][1].format == "text"
    assert results[1][0] is None and results[1][1].errors[0].cause == "no such file or directory"


# --------------------------------------------------------------------------- hypothesis

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
NAMES = st.sampled_from(["a.txt", "a.json", "a.jsonl", "a.html", "a.rss", "a.warc.gz", "-"])


def assert_read_ok(result: ReadResult) -> None:
    assert result.documents or result.errors
    assert_one_line(result.errors)
    for doc in result.documents:
        assert doc.format in FORMATS and doc.text.strip()


@FUZZ
@given(st.binary(max_size=2000), NAMES)
def test_any_bytes_read_without_raising(data, name):
    assert_read_ok(read_bytes(data, name))


PREFIXES = st.sampled_from(
    [
        "",
        "{",
        "[",
        '{"text": "a"}\n',
        "<rss><channel><item><description>",
        '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><entry>',
        "<html><body><p>",
        "WARC/1.0\r\n",
        "\ufeff",
    ]
)


@FUZZ
@given(PREFIXES, st.text(max_size=1000), NAMES, st.sampled_from(["utf-8", "utf-16", "cp1252", "gzip"]))
def test_any_text_reads_without_raising(prefix, text, name, encoding):
    raw = (prefix + text).encode("utf-8")
    if encoding == "gzip":
        data = gzip.compress(raw)
    else:
        data = (prefix + text).encode(encoding, errors="replace")
    assert_read_ok(read_bytes(data, name))


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                [
                    "title",
                    "text",
                    "body",
                    "content",
                    "source",
                    "author",
                    "authors",
                    "date",
                    "published",
                    "url",
                    "id",
                    "articles",
                    "name",
                    "x",
                ]
            )
            | st.text(max_size=8),
            inner,
            max_size=5,
        )
    ),
    max_leaves=20,
)


@FUZZ
@given(st.lists(JSON_VALUES, min_size=1, max_size=4), st.booleans())
def test_any_json_records_read_without_raising(values, as_lines):
    data = "\n".join(json.dumps(v) for v in values) if as_lines else json.dumps(values)
    assert_read_ok(read_bytes(data.encode(), "r.jsonl" if as_lines else "r.json"))


@FUZZ
@given(st.lists(st.tuples(st.text(max_size=60), st.text(max_size=200), st.text(max_size=30)), max_size=3))
def test_any_feed_entries_read_without_raising(entries):
    from xml.sax.saxutils import escape

    items = "".join(
        f"<item><title>{escape(t)}</title><description>{escape(d)}</description><pubDate>{escape(p)}</pubDate></item>"
        for t, d, p in entries
    )
    data = f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>F</title>{items}</channel></rss>'
    result = read_bytes(data.encode("utf-8", errors="replace"), "f.rss")
    assert_read_ok(result)
    for doc in result.documents:
        assert doc.meta["outlet"] == "F" and doc.format == "rss"
