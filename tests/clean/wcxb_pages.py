"""A WCXB dev article page as newsfuse reads it, with its annotated truth (read from ../shared, never copied)."""

from __future__ import annotations

import gzip
import json
from functools import cache
from pathlib import Path
from typing import Any

from newsfuse import model

WCXB = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus" / "extraction" / "wcxb-dev-articles"


@cache
def wcxb_truth() -> dict[str, Any]:
    return json.loads((WCXB / "truth.json").read_text(encoding="utf-8"))


def wcxb_page(page_id: str) -> tuple[model.RawDocument, dict[str, Any]]:
    """The page as an HTML RawDocument and its truth record (``main_content``, ``url``, title, ...)."""
    html = gzip.decompress((WCXB / "html" / f"{page_id}.html.gz").read_bytes()).decode("utf-8")
    truth = wcxb_truth()[page_id]
    doc = model.RawDocument(
        source_path=f"{page_id}.html", format="html", text=html, input_sha256="x", meta={"html": True}, url=truth["url"]
    )
    return doc, truth
