"""Writes examples/tessellate_review_crawl.warc.gz: a small, fixed WARC crawl of one invented site.

Run: python examples/make_warc.py [OUT]   (OUT defaults to the file next to this script)
The output is byte-for-byte the same on every run (fixed dates and record ids).
"""

from __future__ import annotations

from io import BytesIO
import sys
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

OUT = Path(__file__).resolve().parent / "tessellate_review_crawl.warc.gz"
SITE = "https://tessellate-review.example"
DATE = "2026-03-14T09:30:00Z"

ARTICLE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="windows-1252">
<title>Canada sanctions fishing companies; ministers talk by phone – Tessellate Review</title>
<meta property="og:title" content="Canada sanctions fishing companies, then calls Jakarta">
<meta property="og:site_name" content="Tessellate Review">
<meta property="article:published_time" content="2026-03-14T08:00:00+00:00">
</head>
<body>
<nav><a href="/">Tessellate Review</a> | <a href="/world">World</a> | <a href="/oceans">Oceans</a> |
<a href="/login">Log in</a></nav>
<article>
<h1>Canada sanctions fishing companies, then calls Jakarta</h1>
<p class="dateline">Saturday 14 March 2026 · By Priya Castellano</p>
<p>Canada imposed sanctions on Friday on five companies and three individuals that it accused of
running illegal fishing fleets in the South Pacific.</p>
<p>The sanctions freeze the companies’ assets in Canada and ban Canadian firms from selling them
fuel or equipment.</p>
<p>On Saturday, Canada’s foreign minister spoke by phone with Indonesia’s foreign minister about
illegal fishing and the Kenyan proposal for an ocean plastics fund, the Canadian foreign ministry
said.</p>
<p>Indonesia’s foreign ministry had welcomed the sanctions on Friday evening and said it would share
vessel tracking data with Canada.</p>
<p>The companies were not named in the Canadian statement.</p>
</article>
<footer>© 2026 Tessellate Review · <a href="/about">About</a> · <a href="/privacy">Privacy</a></footer>
</body>
</html>
"""

NOT_FOUND = "<!DOCTYPE html><html><body><h1>Page not found</h1><p>Sorry, no such page.</p></body></html>"
ROBOTS = "User-agent: *\nDisallow: /login\n"


def main(path: Path = OUT) -> None:
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        info = writer.create_warcinfo_record(
            "tessellate_review_crawl.warc.gz",
            {"software": "newsfuse examples/make_warc.py", "description": "invented example crawl"},
        )
        info.rec_headers.replace_header("WARC-Record-ID", "<urn:uuid:00000000-0000-4000-8000-000000000000>")
        info.rec_headers.replace_header("WARC-Date", DATE)
        writer.write_record(info)
        for n, (path, status, content_type, body) in enumerate([
            ("/robots.txt", "200 OK", "text/plain", ROBOTS.encode()),
            ("/world/2026/03/14/canada-fishing-sanctions", "200 OK", "text/html; charset=windows-1252",
             ARTICLE.encode("cp1252")),
            ("/world/2026/03/14/old-link", "404 Not Found", "text/html; charset=utf-8", NOT_FOUND.encode()),
        ]):
            writer.write_record(_response(writer, path, status, content_type, body, n))


def _response(writer: WARCWriter, path: str, status: str, content_type: str, body: bytes, n: int):
    headers = StatusAndHeaders(status, [("Content-Type", content_type), ("Content-Length", str(len(body)))],
                               protocol="HTTP/1.1")
    return writer.create_warc_record(
        SITE + path, "response", payload=BytesIO(body), http_headers=headers,
        warc_headers_dict={
            "WARC-Date": DATE,
            "WARC-Record-ID": f"<urn:uuid:00000000-0000-4000-8000-00000000000{n + 1}>",
        },
    )


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT)
