"""The in-memory near-duplicate index forgets stored articles one by one, with the answers of a renewed index."""

from __future__ import annotations

from pathlib import Path

from newsfuse.clean import clean_document
from newsfuse.clean.dedup import NearDuplicateIndex, text_signature
from newsfuse.model import RawDocument
from newsfuse.pipeline import Deduper
from newsfuse.store import open_store

SEEDS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" / "seeds"


def seed_article(prefix: str, name: str):
    (path,) = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    return clean_document(RawDocument(name, "text", path.read_text("utf-8")))


def test_a_removed_article_is_no_match_and_the_next_earliest_is():
    sig = text_signature(seed_article("001", "a.txt").text)
    index = NearDuplicateIndex()
    for name in ("first", "second", "third"):
        index.add(name, sig)
    index.remove("first")
    assert index.match(sig) == "second" and "first" not in index and len(index) == 2
    index.remove("first")  # removing twice changes nothing
    index.add("first", sig)  # added again: now the latest
    assert index.ids() == ["second", "third", "first"]
    index.remove("second")
    assert index.match(sig) == "third"


def test_keep_only_holds_what_a_renewed_index_holds(tmp_path):
    seeds = [seed_article(p, f"{p}.txt") for p in ("000", "001", "002")]
    with open_store(str(tmp_path / "s.db")) as store:
        deduper = Deduper(store)
        pending = [(a, deduper.signature(a)) for a in seeds]
        for a, sig in pending:
            deduper.add(a.id, sig)
        in_hand = pending[1:]  # the first was stored
        deduper.keep_only(in_hand)
        renewed = NearDuplicateIndex()
        for a, sig in in_hand:
            renewed.add(a.id, sig)
        assert deduper.index.ids() == renewed.ids() == [a.id for a, _ in in_hand]
        for _, sig in pending:
            assert deduper.index.match(sig) == renewed.match(sig)
        assert deduper.index.match(pending[0][1]) is None
