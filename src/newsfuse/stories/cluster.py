"""Online story clustering.

Each added article is scored only against candidate stories found through an inverted index
(names, actors, places, event keys, the article's most telling words, and random-hyperplane
buckets of its embedding); keys shared by too many stories are skipped, so the work per article
stays flat as the store grows. The same input order always gives the same stories.
"""

from __future__ import annotations

import base64
import json
import math
import zlib
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import numpy as np

from ..model import Article, Story
from .config import load
from .embed import DIM
from .items import StoryItem, log_tf_unit


@dataclass
class _Story:
    id: str
    order: int
    article_ids: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    embs: list[np.ndarray] = field(default_factory=list)
    emb_sum: np.ndarray = field(default_factory=lambda: np.zeros(DIM, dtype=np.float32))
    terms: dict[str, float] = field(default_factory=dict)
    names: Counter = field(default_factory=Counter)
    salient: Counter = field(default_factory=Counter)
    actors: Counter = field(default_factory=Counter)
    keys: set[str] = field(default_factory=set)
    first: str | None = None
    last: str | None = None


def _days(iso: str | None) -> int | None:
    try:
        return date.fromisoformat(iso[:10]).toordinal() if iso else None
    except ValueError:
        return None


class StoryClusterer:
    def __init__(self, config: dict[str, Any] | None = None) -> None:
        self.cfg = dict(load("clustering.yaml"))
        self.cfg.update(config or {})
        self._stories: dict[str, _Story] = {}
        self.article_story: dict[str, str] = {}
        self.df: Counter = Counter()
        self.name_df: Counter = Counter()
        self.n_docs = 0
        self.index: dict[str, list[str]] = {}
        rng = np.random.default_rng(int(self.cfg["lsh_seed"]))
        self.planes = rng.standard_normal((int(self.cfg["lsh_bits"]) * int(self.cfg["lsh_bands"]), DIM)).astype(
            np.float32
        )

    # ------------------------------------------------------------------ public

    def add(self, item: StoryItem) -> str:
        """Put one article into its story (an existing one, or a new one); returns the story id."""
        if item.article_id in self.article_story:
            return self.article_story[item.article_id]
        self._count(item)
        doc = self._tfidf(dict(item.terms))
        keys = self._keys(item, doc)
        best, best_score = None, -1.0
        for story in self._candidates(keys):
            score = self.score(item, doc, story)
            if score > best_score:
                best, best_score = story, score
        if best is None or best_score < float(self.cfg["threshold"]):
            best = _Story(id="s-" + item.article_id, order=len(self._stories))
            self._stories[best.id] = best
        self._join(best, item, keys)
        return best.id

    def story_of(self, article_id: str) -> str | None:
        return self.article_story.get(article_id)

    def stories_list(self) -> list[_Story]:
        return list(self._stories.values())

    def stories(self, articles: dict[str, Article]) -> list[Story]:
        return [self._story(s, articles) for s in self._stories.values()]

    # ------------------------------------------------------------------ scoring

    def score(self, item: StoryItem, doc: dict[str, float], story: _Story) -> float:
        w = self.cfg["weights"]
        s = w["terms"] * self._cosine(doc, story) + w["names"] * self._name_share(item, story)
        norm = float(np.linalg.norm(story.emb_sum))
        if norm > 0 and item.embedding.size:
            s += w["embedding"] * float(item.embedding @ story.emb_sum) / norm
        s -= w.get("missing_names", 0.0) * self._missing(item, story)
        return s - self._date_penalty(item, story)

    def _missing(self, item: StoryItem, story: _Story) -> float:
        """Share (idf-weighted) of the article's salient names the story has never seen, and back."""
        ours = {n: self._idf(n, self.name_df) for n in item.salient}
        size = len(story.article_ids)
        theirs = {n: self._idf(n, self.name_df) for n, c in story.salient.items() if 2 * c >= size}
        names = set(item.names)
        a = sum(w for n, w in ours.items() if n not in story.names) / (sum(ours.values()) or 1.0)
        b = sum(w for n, w in theirs.items() if n not in names) / (sum(theirs.values()) or 1.0)
        return (a + b) / 2

    def _idf(self, term: str, df: Counter) -> float:
        return math.log((self.n_docs + 1) / (df.get(term, 0) + 1)) + 1.0

    def _tfidf(self, counts: dict[str, float]) -> dict[str, float]:
        vec = {t: v * self._idf(t, self.df) for t, v in log_tf_unit(counts).items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        return {t: v / norm for t, v in vec.items()}

    def _cosine(self, doc: dict[str, float], story: _Story) -> float:
        weighted = {t: v * self._idf(t, self.df) for t, v in story.terms.items()}
        norm = math.sqrt(sum(v * v for v in weighted.values())) or 1.0
        return sum(v * weighted.get(t, 0.0) for t, v in doc.items()) / norm

    def _name_share(self, item: StoryItem, story: _Story) -> float:
        if not item.names:
            return 0.0
        weights = {n: self._idf(n, self.name_df) for n in item.names}
        shared = sum(w for n, w in weights.items() if n in story.names)
        return shared / sum(weights.values())

    def _date_penalty(self, item: StoryItem, story: _Story) -> float:
        day, first, last = _days(item.published), _days(story.first), _days(story.last)
        if day is None or first is None or last is None:
            return 0.0
        gap = max(first - day, day - last, 0)
        return float(self.cfg["date_penalty"]) if gap > int(self.cfg["date_window_days"]) else 0.0

    # ------------------------------------------------------------------ index

    def _keys(self, item: StoryItem, doc: dict[str, float]) -> list[str]:
        top = sorted(doc.items(), key=lambda kv: (-kv[1], kv[0]))[: int(self.cfg["index_terms_per_article"])]
        keys = [f"n:{n}" for n in item.names] + [f"a:{a}" for a in item.actor_ids]
        keys += [f"p:{p}" for p in item.places] + [f"e:{e}" for e in item.event_keys]
        keys += [f"t:{t}" for t, _ in top] + self._lsh_keys(item.embedding)
        return list(dict.fromkeys(keys))

    def _lsh_keys(self, emb: np.ndarray) -> list[str]:
        if not emb.size or not np.any(emb):
            return []
        bits = (self.planes @ emb) > 0
        width = int(self.cfg["lsh_bits"])
        return [
            f"h:{b}:" + "".join("1" if x else "0" for x in bits[b * width : (b + 1) * width])
            for b in range(int(self.cfg["lsh_bands"]))
        ]

    def _candidates(self, keys: list[str]) -> list[_Story]:
        hits: Counter = Counter()
        limit = int(self.cfg["max_postings"])
        for key in keys:
            postings = self.index.get(key, ())
            if len(postings) > limit:
                continue
            hits.update(postings)
        ranked = sorted(hits, key=lambda sid: (-hits[sid], self._stories[sid].order))
        return [self._stories[sid] for sid in ranked[: int(self.cfg["max_candidates"])]]

    # ------------------------------------------------------------------ updates

    def _count(self, item: StoryItem) -> None:
        self.n_docs += 1
        self.df.update(t for t, _ in item.terms)
        self.name_df.update(item.names)

    def _join(self, story: _Story, item: StoryItem, keys: list[str]) -> None:
        story.article_ids.append(item.article_id)
        story.titles.append(item.title or "")
        emb = np.asarray(item.embedding, dtype=np.float32)
        if emb.size == DIM:
            story.embs.append(emb.astype(np.float16))
            story.emb_sum = story.emb_sum + emb
        for t, v in log_tf_unit(dict(item.terms)).items():
            story.terms[t] = story.terms.get(t, 0.0) + v
        self._trim_terms(story)
        story.names.update(set(item.names))
        story.salient.update(set(item.salient))
        story.actors.update(set(item.actor_ids))
        if item.published:
            story.first = min(filter(None, [story.first, item.published]))
            story.last = max(filter(None, [story.last, item.published]))
        limit = int(self.cfg["max_postings"]) + 1
        for key in keys:
            if key in story.keys:
                continue
            story.keys.add(key)
            postings = self.index.setdefault(key, [])
            if len(postings) < limit:
                postings.append(story.id)
        self.article_story[item.article_id] = story.id

    def _trim_terms(self, story: _Story) -> None:
        cap = int(self.cfg["max_terms_per_story"])
        if len(story.terms) > cap:
            kept = sorted(story.terms.items(), key=lambda kv: (-kv[1], kv[0]))[:cap]
            story.terms = dict(kept)

    def _story(self, s: _Story, articles: dict[str, Article]) -> Story:
        published = sorted(p for p in (getattr(articles.get(a), "published", None) for a in s.article_ids) if p)
        return Story(
            id=s.id,
            title=self._central_title(s, articles),
            article_ids=tuple(s.article_ids),
            first_published=published[0] if published else s.first,
            last_published=published[-1] if published else s.last,
            actors=tuple(a for a, _ in sorted(s.actors.items(), key=lambda kv: (-kv[1], kv[0]))[:10]),
        )

    def _central_title(self, s: _Story, articles: dict[str, Article]) -> str:
        titles = [(getattr(articles.get(a), "title", None) or t) for a, t in zip(s.article_ids, s.titles)]
        if len(s.embs) != len(titles) or not titles:
            return next((t for t in titles if t), "")
        centre = s.emb_sum / (np.linalg.norm(s.emb_sum) or 1.0)
        sims = [float(e.astype(np.float32) @ centre) if t else -2.0 for e, t in zip(s.embs, titles)]
        return titles[int(np.argmax(sims))]

    # ------------------------------------------------------------------ persistence

    def to_bytes(self) -> bytes:
        state = {
            "cfg": self.cfg,
            "n_docs": self.n_docs,
            "df": dict(self.df),
            "name_df": dict(self.name_df),
            "index": self.index,
            "stories": [_story_state(s) for s in self._stories.values()],
        }
        return zlib.compress(json.dumps(state, sort_keys=True).encode("utf-8"))

    @classmethod
    def from_bytes(cls, data: bytes) -> "StoryClusterer":
        state = json.loads(zlib.decompress(data).decode("utf-8"))
        self = cls(state["cfg"])
        self.n_docs = state["n_docs"]
        self.df = Counter(state["df"])
        self.name_df = Counter(state["name_df"])
        self.index = {k: list(v) for k, v in state["index"].items()}
        for raw in state["stories"]:
            story = _story_from_state(raw)
            self._stories[story.id] = story
            for aid in story.article_ids:
                self.article_story[aid] = story.id
        return self


def _b64(arr: np.ndarray) -> str:
    return base64.b64encode(np.ascontiguousarray(arr).tobytes()).decode("ascii")


def _story_state(s: _Story) -> dict[str, Any]:
    embs = np.stack(s.embs) if s.embs else np.zeros((0, DIM), dtype=np.float16)
    return {
        "id": s.id, "order": s.order, "article_ids": s.article_ids, "titles": s.titles,
        "embs": _b64(embs.astype(np.float16)), "emb_sum": _b64(s.emb_sum.astype(np.float32)),
        "terms": s.terms, "names": dict(s.names), "salient": dict(s.salient), "actors": dict(s.actors), "keys": sorted(s.keys),
        "first": s.first, "last": s.last,
    }


def _story_from_state(raw: dict[str, Any]) -> _Story:
    embs = np.frombuffer(base64.b64decode(raw["embs"]), dtype=np.float16).reshape(-1, DIM)
    return _Story(
        id=raw["id"], order=raw["order"], article_ids=list(raw["article_ids"]), titles=list(raw["titles"]),
        embs=[e.copy() for e in embs],
        emb_sum=np.frombuffer(base64.b64decode(raw["emb_sum"]), dtype=np.float32).copy(),
        terms=dict(raw["terms"]), names=Counter(raw["names"]), salient=Counter(raw["salient"]), actors=Counter(raw["actors"]),
        keys=set(raw["keys"]), first=raw["first"], last=raw["last"],
    )
