"""A story clusterer's saved story row as packed bytes: the numbers as raw arrays, not JSON text.

A story row holds up to ``split_window`` members, each with a few hundred weighted words, and the
embeddings of every article of the story; as compressed JSON (the rows written before this format)
a row of a story of 48 articles is about 215 KB of text to parse, and a new article reads the rows
of a dozen candidate stories. Packed, the words and the small fields are one compressed JSON head
and the weights, embeddings and similarities are arrays read with ``np.frombuffer``.

A member's embedding that the story's own embeddings hold is not repeated in ``member_embs``: its
head says where it is (``emb_at``). Rows written so are marked ``MAGIC`` (NFS3), so that code from
before, which would take every member's embedding from ``member_embs``, refuses them instead of
misreading them; rows marked ``EARLIER_MAGIC`` (NFS2), every member's embedding apart, read as before.

Layout: ``MAGIC``, then per part (head, weights, embs, member_embs, emb_sum, sims) its length as a
little-endian uint32 and its bytes (the weights zlib-compressed). The head (zlib JSON, keys sorted)
holds the words of each weighted field of each member in key order, as the JSON rows gave them back,
so a story read from either format is the same story.

A story row saved since chunk rows keeps no article's id, title, date or embedding (its head says
how many of each there are, under "chunked"): those are in its chunk rows, packed the same way (the
head: "ids", "titles", "published"; the array "embs"), so its row stays bounded however big it grows.
"""

from __future__ import annotations

import json
import struct
import zlib
from dataclasses import dataclass
from typing import Any

import numpy as np

MAGIC = b"NFS3"
EARLIER_MAGIC = b"NFS2"  # the same layout, every member's embedding in member_embs
_LENGTH = struct.Struct("<I")
# the arrays after the head, with their types
ARRAYS: tuple[tuple[str, Any], ...] = (
    ("weights", np.float64),  # every member's word weights, member after member, field after field
    ("embs", np.float16),  # the story's article embeddings, one after another
    ("member_embs", np.float16),  # the embeddings of the members that have one
    ("emb_sum", np.float32),
    ("sims", np.float32),  # members x members
)


@dataclass
class Packed:
    """A row's parts: the head (plain values; each member's weighted words under "words") and arrays."""

    head: dict[str, Any]
    arrays: dict[str, np.ndarray]


def is_packed(row: bytes) -> bool:
    return row[: len(MAGIC)] in (MAGIC, EARLIER_MAGIC)


def pack(packed: Packed) -> bytes:
    head = zlib.compress(json.dumps(packed.head, sort_keys=True, ensure_ascii=False).encode("utf-8"))
    arrays = [np.ascontiguousarray(packed.arrays[name], dtype=kind).tobytes() for name, kind in ARRAYS]
    arrays[0] = zlib.compress(arrays[0], 1)  # the weights: a member's words said as often share one
    return MAGIC + b"".join(_LENGTH.pack(len(p)) + p for p in [head, *arrays])


def unpack(row: bytes) -> Packed:
    view = memoryview(row)
    at = len(MAGIC)
    parts: list[bytes | memoryview] = []
    for _ in range(1 + len(ARRAYS)):
        (size,) = _LENGTH.unpack_from(view, at)
        at += _LENGTH.size
        parts.append(view[at : at + size])
        at += size
    head = json.loads(zlib.decompress(parts[0]).decode("utf-8"))
    raw = [zlib.decompress(parts[1]), *parts[2:]]
    arrays = {name: np.frombuffer(data, dtype=kind).copy() for (name, kind), data in zip(ARRAYS, raw)}
    return Packed(head, arrays)
