"""clean/dedup.py: near-duplicate articles found with MinHash LSH over word 5-shingles."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsfuse.clean import clean_document
from newsfuse.clean.dedup import NUM_PERM, NearDuplicateIndex, shingles, signature, text_signature
from newsfuse.model import RawDocument

SEEDS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" / "seeds"


def seed_text(prefix: str) -> str:
    (path,) = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    return path.read_text("utf-8")


def clean(text: str, name: str = "x.txt"):
    return clean_document(RawDocument(name, "text", text))


@pytest.fixture(scope="module")
def seeds():
    return {p: clean(seed_text(p), p) for p in ("000", "001", "002")}


def edited_001() -> str:
    """Seed 001 as another site would carry it: one sentence reworded, other chrome around it."""
    text = seed_text("001")
    old = (
        "The call comes as regional tensions continue to mount, particularly surrounding Gaza and "
        "ongoing efforts to maintain a fragile ceasefire."
    )
    assert old in text
    text = text.replace(
        old, "Tensions in the region keep rising, above all around Gaza and the effort to hold a shaky truce."
    )
    return "Share this article\nBy Staff Writer\n" + text + "\nFollow us on Google News\nAdvertisement\n"


def test_edited_copy_matches(seeds):
    index = NearDuplicateIndex()
    for art in seeds.values():
        index.add(art.id, signature(art))
    copy = clean(edited_001())
    assert copy.id != seeds["001"].id  # not an exact duplicate
    assert index.match(signature(copy)) == seeds["001"].id


def test_different_seeds_do_not_match(seeds):
    index = NearDuplicateIndex()
    index.add(seeds["000"].id, signature(seeds["000"]))
    assert index.match(signature(seeds["001"])) is None
    assert index.match(signature(seeds["002"])) is None
    index.add(seeds["002"].id, signature(seeds["002"]))
    assert index.match(signature(seeds["001"])) is None


def test_match_is_the_earliest_added(seeds):
    index = NearDuplicateIndex()
    index.add("first", signature(seeds["001"]))
    index.add("second", text_signature(clean(edited_001()).text))
    index.add("first", signature(seeds["000"]))  # re-adding an id changes nothing
    assert len(index) == 2 and "first" in index
    for _ in range(3):
        assert index.match(signature(seeds["001"])) == "first"


def test_signature_is_stable_bytes(seeds):
    sig = signature(seeds["002"])
    assert isinstance(sig, bytes) and len(sig) == NUM_PERM * 4
    assert sig == signature(clean(seed_text("002"), "other-path.txt"))  # same text, same signature
    index = NearDuplicateIndex()
    index.add("a", bytes(sig))  # round trip through bytes, as the store keeps it
    assert index.match(sig) == "a"


def test_empty_and_short_texts():
    index = NearDuplicateIndex()
    index.add("empty", text_signature(""))
    assert index.match(text_signature("")) is None
    assert shingles("one two three") == {"one two three"}
    assert len(shingles("a b c d e f")) == 2
    index.add("short", text_signature("Putin calls Netanyahu"))
    assert index.match(text_signature("Putin calls Netanyahu")) == "short"
    assert index.match(text_signature("Netanyahu calls Putin")) is None


def test_bad_signature_is_rejected():
    with pytest.raises(ValueError):
        NearDuplicateIndex().match(b"\x00" * 10)
