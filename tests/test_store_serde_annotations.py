"""The stored form of an article's annotations: packed in one pass, the same bytes as the generic packer."""

from __future__ import annotations

from pathlib import Path

from newsfuse.actors import link
from newsfuse.ingest import iter_inputs
from newsfuse.nlp import annotate
from newsfuse.pipeline import read_and_clean
from newsfuse.store import serde


def test_packed_annotations_are_the_packed_record_and_read_back(seeds_dir: Path) -> None:
    articles = [
        a for item in iter_inputs([str(seeds_dir / "000_b5307fb3d8fa3eef.txt")]) for a in read_and_clean(item)[1]
    ]
    annotated = link(annotate(articles)[0])
    assert annotated.tokens and annotated.actors and annotated.quotes  # a real report: every part is there
    packed = serde.packed_annotations(annotated)
    assert packed == serde.pack(serde.annotations_record(annotated))
    assert serde.annotations_from(annotated.article, serde.unpack(packed)) == annotated
