"""Event coreference across documents, scored with MUC, B-cubed, CEAF-e and CoNLL F1.

python benchmarks/coref.py --data DIR [--json] [--limit N] [--split S] [--cache DIR] [--fit]:
reads DIR/documents.jsonl and DIR/mentions.jsonl (ECB+ or GVC format), runs newsfuse on the
documents' text (no gold topics or stories), groups the gold event mentions with newsfuse's fusion
decision (stories/coref.py), and prints the scores beside a same-lemma-within-predicted-story
baseline. Last line (with --json): {"muc", "b3", "ceafe", "conll", "baseline_conll", "mentions"}.
``--fit`` also prints the pair weights fitted on these documents (how ``coref.weights`` in
fusion.yaml was set, from ECB+ train); ``--cv K`` cross-validates them and the threshold by topic
(K folds, seed CV_SEED) on the train split; with ``--variant add|replace`` they take the
cross-encoder's probability (the models listed in fusion.yaml, each train topic scored by the model
that did not see it) as one more feature or in place of the context features. ``--bounds`` also
prints the CoNLL F1 reached when one part of the decision is taken from the gold (stories,
singletons, links inside one document, the pair decision itself): where the remaining error lies.
``--folds K`` prints the CoNLL F1 on each of K topic folds (GVC dev: incidents dealt with seed
CV_SEED; errors are read and rules designed on folds 1-4, fold HELD_OUT_FOLD is only scored).
``--causes H`` prints the mention pairs newsfuse groups together, right and wrong, counted by what
tells them apart (participants, places, dates, publication days, a gold singleton, another gold
event type), on the topics of half H (0 or 1, dealt with seed CV_SEED) only: errors are read on one
half and the other half stays held out (on a split whose figure is reported, reading both halves
makes any change made from them in-sample).
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import pickle
import random
import sys
from collections import Counter, defaultdict
from difflib import SequenceMatcher
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent / "accuracy"))
import stories as S  # noqa: E402

from newsfuse.stories import embed_texts  # noqa: E402
from newsfuse.stories.cluster import StoryClusterer  # noqa: E402
from newsfuse.stories.config import load  # noqa: E402
from newsfuse.stories.coref import (  # noqa: E402
    PAIR_KINDS,
    AnyMention,
    CrossScores,
    allowed,
    arguments,
    context_vectors,
    cross_pairs,
    determiner,
    group,
    pair_features,
    pair_kind,
    participants,
    participants_conflict,
    trigger_dates,
    uses_cross_encoder,
    with_spread,
)
from newsfuse.stories.crossenc import marked_sentence, model_paths, probabilities  # noqa: E402
from newsfuse.stories.items import normalise_name  # noqa: E402

NAME_LABELS = {"PERSON", "ORG", "NORP"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}


def read_gold(data: Path, docs: list[dict]) -> list[dict]:
    keep = {d["doc_id"] for d in docs}
    out = []
    for line in open(data / "mentions.jsonl", encoding="utf-8"):
        m = json.loads(line)
        if m["doc_id"] not in keep or m.get("kind", "event") != "event":
            continue
        if "chain_zero" in m:
            if m["chain_zero"]:
                continue
        elif not m.get("in_annotated_sentence", True):
            continue
        m["id"] = f"{m['doc_id']}#{m.get('m_id') or m.get('mention_id')}#{m['sentence']}#{m['tokens'][0]}"
        out.append(m)
    return out


def token_map(doc: dict, annotated) -> dict[tuple[int, int], object]:
    """(sentence, token) of the gold document -> newsfuse Token of the cleaned Article.

    The two token sequences are aligned with difflib, so a line the cleaner dropped or moved loses
    only its own tokens; inside a differing stretch ("ca n't" / "can't") a gold token goes to the
    first token there that contains it or is contained in it."""
    gold = [(s_i, t_i, tok) for s_i, toks in enumerate(doc["sentences"]) for t_i, tok in enumerate(toks)]
    ours = annotated.tokens
    matcher = SequenceMatcher(None, [g[2] for g in gold], [t.text for t in ours], autojunk=False)
    out = {}
    for op, a0, a1, b0, b1 in matcher.get_opcodes():
        if op == "equal":
            out.update({gold[a0 + k][:2]: ours[b0 + k] for k in range(a1 - a0)})
        elif op == "replace":
            for s_i, t_i, tok in gold[a0:a1]:
                hit = next((t for t in ours[b0:b1] if tok in t.text or t.text in tok), None)
                if hit is not None:
                    out[(s_i, t_i)] = hit
    return out


def located_tokens(docs: list[dict], analyses: dict) -> dict[str, dict[tuple[int, int], tuple]]:
    """doc_id -> {(sentence, token): (AnnotatedArticle, Token)}.

    Gold sentences the cleaned article lacks (a title, a line the cleaner dropped) are analysed on
    their own, as newsfuse analyses any text, so their mentions get a head, a parse and entities."""
    from newsfuse.model import Article, Block
    from newsfuse.nlp.pipeline import annotate

    out, rest = {}, []
    for d in docs:
        result = analyses.get(str(d["doc_id"]))
        annotated = result.annotated if result is not None else None
        found = token_map(d, annotated) if annotated is not None else {}
        out[str(d["doc_id"])] = {k: (annotated, t) for k, t in found.items()}
        missing = sorted({s for s, toks in enumerate(d["sentences"]) for t in range(len(toks)) if (s, t) not in found})
        if missing:
            published = annotated.article.published if annotated is not None else d.get("date")
            blocks = tuple(Block("paragraph", " ".join(d["sentences"][s])) for s in missing)
            article = Article(f"rest-{d['doc_id']}", "", "text", None, published, None, None, blocks)
            only = {**d, "sentences": [toks if s in missing else [] for s, toks in enumerate(d["sentences"])]}
            rest.append((str(d["doc_id"]), only, article))
    for (doc_id, only, _), annotated in zip(rest, annotate([a for _, _, a in rest])):
        for k, t in token_map(only, annotated).items():
            out[doc_id].setdefault(k, (annotated, t))
    return out


def mention_features(doc: dict, result, tokens: dict, mentions: list[dict], story: str | None) -> list[AnyMention]:
    """Each gold mention with what newsfuse knows of it: its head's lemma, arguments and
    participants, the names, places and dates of its sentence, and its article's people, embedding
    and publication day (as the cleaner reads it: ECB+ gives none, a few pages state theirs)."""
    doc_id = str(doc["doc_id"])
    people, article_vector, published = frozenset(), None, doc.get("date") or ""
    if result is not None:
        people = frozenset(normalise_name(e.text) for e in result.annotated.entities if e.label == "PERSON") - {""}
        article_vector = np.frombuffer(result.embedding, dtype=np.float32) if result.embedding else None
        published = result.annotated.article.published or ""
    out = []
    for m in mentions:
        found = [tokens[(m["sentence"], i)] for i in m["tokens"] if (m["sentence"], i) in tokens]
        toks = [t for _, t in found]
        head = next((t for t in toks if t.pos in ("VERB", "NOUN")), toks[-1] if toks else None)
        if head is None:
            out.append(
                AnyMention(
                    m["id"],
                    story,
                    m["text"].split()[-1].lower(),
                    article=doc_id,
                    sentence=m["sentence"],
                    published=published[:10],
                )
            )
            continue
        annotated = found[toks.index(head)][0]
        sent = head.sent
        ents = [e for e in annotated.entities if _in_sentence(annotated, e.start, sent)]
        names = frozenset(normalise_name(e.text) for e in ents if e.label in NAME_LABELS) - {""}
        places = frozenset(normalise_name(e.text) for e in ents if e.label in PLACE_LABELS) - {""}
        dates = trigger_dates(
            annotated.tokens, head, [d for d in annotated.dates if _in_sentence(annotated, d.start, sent)]
        )
        out.append(
            AnyMention(
                m["id"],
                story,
                head.lemma.lower(),
                names,
                dates,
                places,
                None,
                doc_id,
                arguments=arguments(annotated.tokens, head),
                article_vector=article_vector,
                article_people=people,
                sentence=m["sentence"],
                pos=head.pos,
                determiner=determiner(annotated.tokens, head),
                participants=participants(annotated.tokens, head),
                published=published[:10],
            )
        )
    return out


def with_vectors(feats: list[AnyMention], gold: list[dict], docs: list[dict]) -> list[AnyMention]:
    """Each mention with the embedding of its trigger words (one model call per distinct wording),
    of its trigger read in its sentence, and its sentence with the trigger marked (cross-encoder)."""
    words = {m["id"]: m["text"].lower() for m in gold}
    distinct = sorted(set(words.values()))
    vectors = dict(zip(distinct, embed_texts(distinct)))
    sentences = {str(d["doc_id"]): d["sentences"] for d in docs}
    contexts = dict(zip([m["id"] for m in gold], context_vectors([_in_context(m, sentences) for m in gold])))
    marked = {m["id"]: marked_sentence(sentences[str(m["doc_id"])][m["sentence"]], m["tokens"]) for m in gold}
    return [
        dataclasses.replace(f, vector=vectors[words[f.id]], context=contexts[f.id], marked=marked[f.id]) for f in feats
    ]


def _in_context(mention: dict, sentences: dict[str, list]) -> tuple[str, list[tuple[int, int]]]:
    """The mention's sentence as the corpus gives it, and the character spans of its tokens."""
    text, spans = "", []
    for i, tok in enumerate(sentences[str(mention["doc_id"])][mention["sentence"]]):
        if i in mention["tokens"]:
            spans.append((len(text), len(text) + len(tok)))
        text += tok + " "
    return text.strip(), spans


def _in_sentence(annotated, char: int, sent: int) -> bool:
    sentences = annotated.sentences
    return 0 <= sent < len(sentences) and sentences[sent].start <= char < sentences[sent].end


# ---------------------------------------------------------------------- scorer


def _f(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def muc(key: list[set], response: list[set]) -> float:
    def recall(k, r):
        where = {m: i for i, c in enumerate(r) for m in c}
        num = den = 0
        for c in k:
            parts = {where.get(m, ("single", m)) for m in c}
            num += len(c) - len(parts)
            den += len(c) - 1
        return num / den if den else 0.0

    return _f(recall(response, key), recall(key, response))


def b3(key: list[set], response: list[set]) -> float:
    kc = {m: c for c in key for m in c}
    rc = {m: c for c in response for m in c}
    ms = list(kc)
    p = sum(len(kc[m] & rc[m]) / len(rc[m]) for m in ms) / len(ms)
    r = sum(len(kc[m] & rc[m]) / len(kc[m]) for m in ms) / len(ms)
    return _f(p, r)


def ceafe(key: list[set], response: list[set]) -> float:
    import numpy as np
    from scipy.optimize import linear_sum_assignment

    sim = np.zeros((len(key), len(response)))
    where = defaultdict(list)
    for j, c in enumerate(response):
        for m in c:
            where[m].append(j)
    for i, k in enumerate(key):
        for j in {j for m in k for j in where[m]}:
            sim[i, j] = 2 * len(k & response[j]) / (len(k) + len(response[j]))
    rows, cols = linear_sum_assignment(-sim)
    total = sim[rows, cols].sum()
    return _f(float(total) / len(response), float(total) / len(key))


def scores(key: list[set], response: list[set]) -> dict[str, float]:
    m, b, c = muc(key, response), b3(key, response), ceafe(key, response)
    return {"muc": round(m, 4), "b3": round(b, 4), "ceafe": round(c, 4), "conll": round((m + b + c) / 3, 4)}


# ---------------------------------------------------------------------- run


def split_documents(data: Path, limit: int = 0, split: str | None = None) -> list[dict]:
    return [d for d in S.read_documents(data, limit) if split is None or d.get("split") == split]


def features(
    data: Path, limit: int = 0, cache: Path | None = None, split: str | None = None
) -> tuple[list[dict], list[AnyMention], list[str]]:
    """Gold mentions, their newsfuse features (predicted story, lemma, names, dates, trigger vector)."""
    docs = split_documents(data, limit, split)
    analyses = S.analysed(data, limit, cache)
    items = S.story_items(docs, analyses)
    clusterer = StoryClusterer()
    for item in items:
        if item is not None:
            clusterer.add(item)
    # the story each article ends up in (a later article may merge two stories or split one)
    story = [clusterer.story_of(item.article_id) if item is not None else None for item in items]
    gold = read_gold(data, docs)
    by_doc = defaultdict(list)
    for m in gold:
        by_doc[m["doc_id"]].append(m)
    tokens = located_tokens(docs, analyses)
    feats: list[AnyMention] = []
    for d, s in zip(docs, story):
        doc_id = str(d["doc_id"])
        feats += mention_features(d, analyses.get(doc_id), tokens[doc_id], by_doc[d["doc_id"]], s)
    return gold, with_vectors(feats, gold, docs), story


def gold_key(gold: list[dict]) -> list[set]:
    return list(_by(gold, lambda m: m["chain"]).values())


def evaluate(gold: list[dict], feats: list[AnyMention], cross: CrossScores | None = None) -> dict:
    key = gold_key(gold)
    response = [set(c) for c in group(feats, cross=cross)]
    baseline = _by(feats, lambda f: (f.story or f.id, f.lemma), key=lambda f: f.id)
    result = scores(key, response)
    result["baseline_conll"] = scores(key, list(baseline.values()))["conll"]
    result["mentions"] = len(gold)
    return result


def bounds(gold: list[dict], feats: list[AnyMention], docs: list[dict], cross: CrossScores | None = None) -> dict:
    """CoNLL F1 with one part of the decision taken from the gold, the rest as newsfuse decides:
    gold stories (subtopic / incident) in place of the predicted ones; gold singletons kept apart;
    every gold link between two mentions of one document added (transitively) to newsfuse's
    clusters; and the gold chains inside the predicted stories (the ceiling the stories allow)."""
    key, chain = gold_key(gold), {m["id"]: m["chain"] for m in gold}
    doc_story = {str(d["doc_id"]): S.gold_label(d) for d in docs}
    size = Counter(chain.values())
    single = {i for i, c in chain.items() if size[c] == 1}
    response = group(feats, cross=cross)
    within = _union(response, [ids for ids in _by(gold, lambda m: (m["doc_id"], m["chain"])).values()])
    return {
        "now": scores(key, [set(c) for c in response])["conll"],
        "gold_stories": scores(
            key,
            [
                set(c)
                for c in group([dataclasses.replace(f, story=doc_story.get(f.article)) for f in feats], cross=cross)
            ],
        )["conll"],
        "gold_singletons": scores(
            key, [set(c) for c in group([f for f in feats if f.id not in single], cross=cross)] + [{i} for i in single]
        )["conll"],
        "gold_links_in_document": scores(key, within)["conll"],
        "gold_pairs_in_predicted_story": scores(
            key, list(_by(feats, lambda f: (f.story or f.id, chain[f.id]), key=lambda f: f.id).values())
        )["conll"],
    }


def topic_folds(docs: list[dict], k: int) -> dict[str, int]:
    """doc id -> fold 1..k: the topics (ECB+ topic, GVC incident), sorted, dealt round-robin in the
    order of random.Random(CV_SEED).shuffle. On GVC dev (5 folds), errors are read and rules designed
    on folds 1-4 only; fold HELD_OUT_FOLD is only ever scored."""
    topic = {str(d["doc_id"]): str(d.get("topic", d.get("incident_id"))) for d in docs}
    topics = sorted(set(topic.values()))
    random.Random(CV_SEED).shuffle(topics)
    fold = {t: i % k + 1 for i, t in enumerate(topics)}
    return {doc: fold[t] for doc, t in topic.items()}


def fold_scores(gold: list[dict], feats: list[AnyMention], docs: list[dict], k: int, cross=None) -> dict:
    """CoNLL F1 on each fold of ``topic_folds`` (newsfuse groups every mention as it would; each
    fold's gold chains are scored against its own mentions of the clusters), and pooled over the
    design folds (all but HELD_OUT_FOLD); None for a fold without mentions."""
    fold_of = topic_folds(docs, k)
    response = [set(c) for c in group(feats, cross=cross)]
    out: dict = {"folds": k, "seed": CV_SEED, "held_out": HELD_OUT_FOLD}

    def on(ids: set[str]) -> float | None:
        key = gold_key([m for m in gold if m["id"] in ids])
        return scores(key, [c & ids for c in response if c & ids])["conll"] if key else None

    for fold in range(1, k + 1):
        out[str(fold)] = on({m["id"] for m in gold if fold_of[str(m["doc_id"])] == fold})
    out["design_folds"] = on({m["id"] for m in gold if fold_of[str(m["doc_id"])] != HELD_OUT_FOLD})
    return out


def topic_half(docs: list[dict], half: int) -> set[str]:
    """The doc ids of the topics (ECB+ topic, GVC incident) dealt to ``half`` (0 or 1) with seed CV_SEED."""
    topic = {str(d["doc_id"]): str(d.get("topic", d.get("incident_id"))) for d in docs}
    topics = sorted(set(topic.values()))
    random.Random(CV_SEED).shuffle(topics)
    side = {t: i % 2 for i, t in enumerate(topics)}
    return {doc for doc, t in topic.items() if side[t] == half}


def causes(
    gold: list[dict], feats: list[AnyMention], docs: list[dict], half: int, cross: CrossScores | None = None
) -> dict:
    """The pairs of mentions newsfuse groups together on the topics of ``half``, right (one gold
    chain) and wrong, by pair kind, with how many of each have each cause (``pair_causes``)."""
    keep = topic_half(docs, half)
    held = [f for f in feats if f.article in keep]
    gold_of = {m["id"]: m for m in gold if str(m["doc_id"]) in keep}
    size = Counter(m["chain"] for m in gold_of.values())
    by_id = {f.id: f for f in held}
    out: dict[str, Counter] = defaultdict(Counter)
    for cluster in group(held, cross=cross):
        for i, x in enumerate(cluster):
            for y in cluster[i + 1 :]:
                a, b, ga, gb = by_id[x], by_id[y], gold_of[x], gold_of[y]
                label = f"{pair_kind(a, b)}/{'right' if ga['chain'] == gb['chain'] else 'wrong'}"
                out[label]["pairs"] += 1
                for cause in pair_causes(a, b, ga, gb, size):
                    out[label][cause] += 1
    return {label: dict(sorted(counts.items())) for label, counts in sorted(out.items())}


def pair_causes(a: AnyMention, b: AnyMention, ga: dict, gb: dict, size: Counter) -> list[str]:
    """What may tell two grouped mentions apart: the people the events befell (``participants``),
    the places or names of their sentences, their own dates, their articles' publication days, a
    gold singleton among them, another gold event type (GVC's death / firing_a_gun / hitting /
    injuring / bag_of_events), or a noun trigger beside a verb one."""
    found = {
        "participants": participants_conflict(a, b),
        "places": bool(a.places and b.places and not a.places & b.places),
        "names": bool(a.names and b.names and not a.names & b.names),
        "dates": bool(a.dates and b.dates and not a.dates & b.dates),
        "publication_day": bool(a.published and b.published and a.published != b.published),
        "singleton": size[ga["chain"]] == 1 or size[gb["chain"]] == 1,
        "event_type": ga.get("event_type", "") != gb.get("event_type", ""),
        "participants_one_side": bool(a.participants) != bool(b.participants),
        "noun_verb": {a.pos, b.pos} == {"NOUN", "VERB"},
    }
    return [cause for cause, present in found.items() if present]


def _by(items, group_key, key=lambda m: m["id"]) -> dict:
    out = defaultdict(set)
    for item in items:
        out[group_key(item)].add(key(item))
    return out


def _union(*partitions: list) -> list[set]:
    """The finest partition that keeps every group of every partition together."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for groups in partitions:
        for g in groups:
            first, *rest = list(g)
            for x in rest:
                parent[find(x)] = find(first)
            find(first)
    return list(_by(parent, find, key=lambda x: x).values())


def fit(
    gold: list[dict], feats: list[AnyMention], cross: CrossScores | None = None, variant: str = "none"
) -> dict[str, dict[str, float]]:
    """Logistic weights of the pair features over every pair of one story the hard constraints
    allow, labelled by the gold chains, one vector per pair kind (two mentions of one article, of
    two articles; a kind with pairs of one label only gets the vector of all pairs): how
    ``coref.weights`` was set, on ECB+ train only. ``cross``: the cross-encoder's out-of-fold
    probabilities; ``variant`` (VARIANTS) says which features the fit leaves out (weight 0)."""
    cross = cross or {}
    dropped = VARIANTS[variant]
    chain = {m["id"]: m["chain"] for m in gold}
    by_story = defaultdict(list)
    for f in sorted(feats, key=lambda f: f.id):
        if f.story is not None:
            by_story[f.story].append(f)
    rows: dict[str, list] = {kind: [] for kind in PAIR_KINDS}
    labels: dict[str, list] = {kind: [] for kind in PAIR_KINDS}
    for story in by_story.values():
        ms = with_spread(story)
        for i, a in enumerate(ms):
            for b in ms[i + 1 :]:
                if allowed(a, b):
                    row = pair_features(a, b, cross.get((a.id, b.id), 0.0))
                    rows[pair_kind(a, b)].append({k: v for k, v in row.items() if k not in dropped})
                    labels[pair_kind(a, b)].append(chain[a.id] == chain[b.id])
    pooled_rows, pooled_labels = [r for k in PAIR_KINDS for r in rows[k]], [y for k in PAIR_KINDS for y in labels[k]]
    if len(set(pooled_labels)) < 2:
        return {}
    pooled = _logistic(pooled_rows, pooled_labels)
    # a kind whose pairs are all one label (a few documents) takes the vector fitted on all pairs
    return {kind: _logistic(rows[kind], labels[kind]) if len(set(labels[kind])) == 2 else pooled for kind in PAIR_KINDS}


def _logistic(rows: list[dict[str, float]], labels: list[bool]) -> dict[str, float]:
    from sklearn.linear_model import LogisticRegression

    names = list(rows[0])
    model = LogisticRegression(C=1.0, max_iter=5000, fit_intercept=False)
    model.fit(np.array([[r[k] for k in names] for r in rows]), np.array(labels))
    return {k: round(float(w), 2) for k, w in zip(names, model.coef_[0])}


# which pair features a fit leaves out: the cross-encoder's probability one more feature ("add"), in
# place of the context-vector features ("replace"), or not used ("none", the fit before it)
CONTEXT_FEATURES = ("context_similarity", "story_spread_context", "same_article_context")
VARIANTS = {"add": (), "replace": CONTEXT_FEATURES, "none": ("cross_encoder",)}


def cross_encoder_scores(
    feats: list[AnyMention], docs: list[dict], out_of_fold: bool, cache: Path | None = None
) -> CrossScores:
    """The cross-encoder's probability for every pair of one predicted story that it reads. On
    train (``out_of_fold``) a pair is scored by the model not trained on its topic (by both when
    its two mentions come from topics of both halves); elsewhere by the mean of the models.
    Kept under ``cache`` (keyed by the model files and the pairs' texts)."""
    out: CrossScores = {}
    for models, pairs in sorted(cross_work(feats, docs, out_of_fold).items()):
        found = _cached_probabilities([(a.marked, b.marked) for a, b in pairs], models, cache)
        out.update({(a.id, b.id): float(p) for (a, b), p in zip(pairs, found)})
    return out


def cross_work(feats: list[AnyMention], docs: list[dict], out_of_fold: bool) -> dict[tuple[int, ...], list]:
    """The pairs the cross-encoder reads, by the models that score them (see cross_encoder_scores)."""
    if not model_paths():
        return {}
    topic = {str(d["doc_id"]): str(d.get("topic", d.get("incident_id"))) for d in docs}
    halves = [set(map(str, entry["topics"])) for entry in load("fusion.yaml")["coref"]["cross_encoder"]["models"]]
    by_story = defaultdict(list)
    for f in feats:
        if f.story is not None:
            by_story[f.story].append(f)
    work: dict[tuple[int, ...], list] = defaultdict(list)
    for story in by_story.values():
        for a, b in cross_pairs(story):
            seen = {topic[a.article], topic[b.article]}
            unseen = tuple(k for k, half in enumerate(halves) if out_of_fold and not seen & half)
            work[unseen or tuple(range(len(halves)))].append((a, b))
    return work


def _cached_probabilities(texts: list[tuple[str, str]], models: tuple[int, ...], cache: Path | None) -> np.ndarray:
    """The mean over ``models`` of each model's probabilities, each model's kept under ``cache``."""
    return np.mean([_cached_model_probabilities(texts, m, cache) for m in models], axis=0)


def _cached_model_probabilities(texts: list[tuple[str, str]], model: int, cache: Path | None) -> np.ndarray:
    digest = hashlib.sha256(model_paths()[model].read_bytes())
    digest.update(json.dumps(texts).encode())
    kept = cache / f"crossenc-{digest.hexdigest()[:16]}.pkl" if cache else None
    if kept and kept.exists():
        with open(kept, "rb") as fh:
            return pickle.load(fh)
    found = probabilities(texts, [model])
    if kept:
        kept.parent.mkdir(parents=True, exist_ok=True)
        with open(kept, "wb") as fh:
            pickle.dump(found, fh)
    return found


CV_SEED = 20  # topics are dealt into the folds in the order of random.Random(CV_SEED).shuffle
HELD_OUT_FOLD = 5  # the fold of ``--folds`` whose errors are never read (GVC dev: scored only)
CV_THRESHOLDS = (0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6)


def cross_validate(
    gold: list[dict],
    feats: list[AnyMention],
    docs: list[dict],
    k: int,
    cross: CrossScores | None = None,
    variant: str = "none",
) -> dict:
    """Topic-wise k-fold cross-validation on the train split: for each fold, the pair weights are
    fitted on the other k-1 folds' topics and every threshold of CV_THRESHOLDS is scored on the
    held-out fold. Gives the mean held-out CoNLL F1 per threshold, the threshold with the best
    mean (how ``coref.threshold`` was chosen), and the nested figure: each fold scored at the
    threshold that was best on the other folds' held-out scores."""
    topic = {str(d["doc_id"]): str(d.get("topic", d.get("incident_id"))) for d in docs}
    topics = sorted(set(topic.values()))
    random.Random(CV_SEED).shuffle(topics)
    fold_of = {t: i % k for i, t in enumerate(topics)}
    table = np.zeros((k, len(CV_THRESHOLDS)))
    for fold in range(k):
        inside = {f.id for f in feats if fold_of[topic[f.article]] == fold}
        weights = fit(
            [m for m in gold if m["id"] not in inside], [f for f in feats if f.id not in inside], cross, variant
        )
        held_gold, held = [m for m in gold if m["id"] in inside], [f for f in feats if f.id in inside]
        for j, threshold in enumerate(CV_THRESHOLDS):
            response = [set(c) for c in group(held, weights, threshold, cross)]
            table[fold, j] = scores(gold_key(held_gold), response)["conll"]
    nested = [table[f, int(np.argmax(np.delete(table, f, axis=0).mean(axis=0)))] for f in range(k)]
    means = table.mean(axis=0)
    return {
        "folds": k,
        "seed": CV_SEED,
        "mean_conll_by_threshold": {str(t): round(float(v), 4) for t, v in zip(CV_THRESHOLDS, means)},
        "best_threshold": CV_THRESHOLDS[int(np.argmax(means))],
        "nested_conll": round(float(np.mean(nested)), 4),
    }


def main(argv=None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--cache", type=Path, default=None, help="folder to keep analysed articles in")
    parser.add_argument("--split", default=None, help="only the documents of this split (e.g. dev)")
    parser.add_argument(
        "--fit", action="store_true", help="print the pair weights fitted on these documents (--split train)"
    )
    parser.add_argument(
        "--bounds",
        action="store_true",
        help="print the CoNLL F1 with stories, singletons, in-document links or pairs from the gold",
    )
    parser.add_argument(
        "--causes",
        type=int,
        choices=(0, 1),
        default=None,
        help="print the grouped pairs, right and wrong, by cause, on the topics of this half only",
    )
    parser.add_argument(
        "--folds",
        type=int,
        default=0,
        help="also print the CoNLL F1 on each of K topic folds (GVC dev: design on folds 1-4, fold 5 held out)",
    )
    parser.add_argument(
        "--cv", type=int, default=0, help="topic-wise K-fold cross-validation of the weights and threshold (train)"
    )
    parser.add_argument(
        "--variant",
        choices=sorted(VARIANTS),
        default="none",
        help="with --fit / --cv: the cross-encoder (models listed in fusion.yaml) as one more feature (add), "
        "in place of the context features (replace), or not at all (none: coref.weights as set)",
    )
    args = parser.parse_args(argv)
    if (args.fit or args.cv) and args.split != "train":
        parser.error("--fit and --cv fit the pair weights on the train split only: add --split train (never dev)")
    gold, feats, story = features(args.data, args.limit, args.cache, args.split)
    docs = split_documents(args.data, args.limit, args.split)
    fitting = args.fit or args.cv
    cross = None
    if fitting or uses_cross_encoder():
        cross = cross_encoder_scores(feats, docs, out_of_fold=args.split == "train", cache=args.cache)
    if args.fit:
        print("weights:", json.dumps(fit(gold, feats, cross, args.variant)))
    if args.cv:
        print("cv:", json.dumps(cross_validate(gold, feats, docs, args.cv, cross, args.variant), sort_keys=True))
    if args.bounds:
        print("bounds:", json.dumps(bounds(gold, feats, docs, cross), sort_keys=True))
    if args.folds:
        print("folds:", json.dumps(fold_scores(gold, feats, docs, args.folds, cross), sort_keys=True))
    if args.causes is not None:
        print("causes:", json.dumps(causes(gold, feats, docs, args.causes, cross), sort_keys=True))
    result = evaluate(gold, feats, cross)
    if not args.json:
        print(
            f"documents {len(story)}  predicted stories {len(set(story))}  "
            f"gold events {len({m['chain'] for m in gold})}"
        )
    print(json.dumps(result, sort_keys=True))
    return result


if __name__ == "__main__":
    main()
