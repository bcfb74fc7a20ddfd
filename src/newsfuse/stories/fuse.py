"""Event fusion: event mentions from many articles -> one Event per real-world event.

Mentions are taken in a canonical order (most precise date first, then mention id), so the result
does not depend on the order articles arrived in. Within a story, a mention joins the fused event it
is compatible with every member of (same type and mode, compatible actors and dates; for two
different acts, more than one shared actor; for an undated mention, articles published within days
of each other); else it starts one. Then the events of different stories merge where their dated
mentions match (the same actors on the same day) and no pair of their mentions conflicts.

This module holds the entry (``fuse_events``) and the grouping (which mentions are one event, and
the keys that bound a block); each cluster's event is made in ``fused_event`` (its details in
``event_details``, its readout claims in ``readout_claims``), of what ``mention_facts`` derives
once per mention.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterable, Mapping, Sequence

from ..model import ActorRef, Event, EventMention
from . import dates as D
from . import mention_facts
from .config import load
from .fused_event import _cluster_info, _ClusterInfo, _event_once
from .mention_facts import _actors, _Facts, _facts, _interned, _parties, _party, _same_action, _symmetric
from .readout_claims import find_claims


def fuse_events(
    mentions: Sequence[EventMention],
    outlets: dict[str, str | None],
    story_of: dict[str, str],
    texts: dict[str, str] | None = None,
    claims_of: Mapping[str, Sequence[tuple[str, str]]] | None = None,
) -> list[Event]:
    """Fused events, each with every one of its mentions and its details' support.

    ``texts`` (article id -> Article.text), when given, lets readout claims made outside the event's
    own sentences ("Israel has yet to release its readout") count for the article's main event.
    ``claims_of`` (article id -> ``find_claims`` of that text) gives the same without the texts: an
    incremental fusion keeps each article's claims instead of reading its text again.
    """
    clusters = _clustered_facts(mentions, story_of)
    infos = [_cluster_info(c) for c in clusters]
    if claims_of is None:
        claims_of = {a: find_claims(text) for a, text in (texts or {}).items()}
    claims = _article_claims(claims_of, infos)
    events = [_event_once(c, info, outlets, story_of, claims) for c, info in zip(clusters, infos)]
    return sorted(events, key=lambda e: (e.date is None, e.date or "", e.id))


# ---------------------------------------------------------------------- grouping


def cluster_mentions(mentions: Sequence[EventMention], story_of: dict[str, str]) -> list[list[EventMention]]:
    """Greedy grouping: within each story, each mention joins the compatible cluster sharing most
    actors with it; then clusters of different stories merge (``_across_stories``).

    Only candidate clusters are checked, found through an index over ``_block_keys``; a compatible
    cluster always is one, so the result is the same as checking every cluster, without the
    quadratic scan. A candidate is checked against its distinct member signatures (``_signature_in``:
    all that ``compatible`` reads of a mention), each pair of signatures once (the verdicts are kept
    across calls), and a cluster keeps its verdict for a signature, extended only by the signatures
    it gained since; each signature keeps the candidates it fits (see ``_Grouping``), and the actors
    shared with the members are counted per cluster. Same clusters as checking every member of every
    candidate (tested), in time that grows with the distinct signatures and the clusters a mention
    fits, not with the members of a big story.

    A mention only ever joins a cluster of its own type (``compatible`` asks the same type, and every
    candidate key holds it), so each type is grouped alone, in the same canonical order, and a type
    whose mentions and stories are those of an earlier call is not grouped again (``_type_clusters``);
    the clusters come back in the order the single pass creates them: by their first member.
    """
    return [[f.mention for f in c] for c in _clustered_facts(mentions, story_of)]


def _clustered_facts(mentions: Sequence[EventMention], story_of: dict[str, str]) -> list[list[_Facts]]:
    """``cluster_mentions``, each mention given by its facts."""
    ordered = _canonical_order(mentions)
    by_type: dict[str, list[int]] = {}  # type -> positions of its mentions in the canonical order
    for i, f in enumerate(ordered):
        by_type.setdefault(f.mention.type, []).append(i)
    clusters = [
        [positions[j] for j in c]
        for positions in by_type.values()
        for c in _type_clusters([ordered[i] for i in positions], story_of)
    ]
    return [[ordered[i] for i in c] for c in sorted(clusters)]


def _canonical(f: _Facts) -> tuple[int, str]:
    return f.order


class _Order:
    """The canonical order of the last call's mentions (their facts, from the facts table ``table``
    as it was then), whether no two of them share a key, and each one's facts by its object's id."""

    __slots__ = ("facts", "table", "clears", "distinct", "by_id")

    def __init__(self, facts: list[_Facts], table: dict, clears: int, distinct: bool) -> None:
        self.facts = facts
        self.table = table
        self.clears = clears
        self.distinct = distinct
        self.by_id = {id(f.mention): f for f in facts}


_LAST_ORDER: _Order | None = None


def _canonical_order(mentions: Sequence[EventMention]) -> list[_Facts]:
    """The mentions' facts in the canonical order. The next block holds most of the last one's
    mention objects: their order is kept, those gone are dropped and the new ones inserted at their
    place, the same order as sorting anew while no two mentions share a key (a tie is sorted anew:
    its order is that of the input). Kept facts are the ones ``_facts`` gives while its table is
    the same and has not been cleared since."""
    global _LAST_ORDER
    last = _LAST_ORDER  # read once: another thread may fuse at the same time
    current = {id(m): m for m in mentions}
    ordered = None
    if (
        last is not None
        and last.distinct
        and last.table is mention_facts._FACTS
        and last.clears == mention_facts._facts_cleared
    ):
        ordered = _updated_order(last, current, len(mentions))
    if ordered is None:
        ordered = sorted((_facts(m) for m in mentions), key=_canonical)
        keys = [f.order for f in ordered]
        distinct = len(current) == len(mentions) and all(a != b for a, b in zip(keys, keys[1:]))
    else:
        distinct = True
    _LAST_ORDER = _Order(ordered, mention_facts._FACTS, mention_facts._facts_cleared, distinct)
    return ordered


def _updated_order(last: _Order, current: dict[int, EventMention], count: int) -> list[_Facts] | None:
    """The last order with the mentions not in ``current`` dropped and the new ones inserted; None
    where a mention object comes twice, most are new, or a new one ties with another."""
    if len(current) != count:
        return None
    new = [m for i, m in current.items() if i not in last.by_id]
    if 2 * len(new) > count:
        return None
    ordered = [f for f in last.facts if id(f.mention) in current]
    keys = [f.order for f in ordered]
    for m in sorted(new, key=lambda m: _facts(m).order):
        f = _facts(m)
        at = bisect.bisect_left(keys, f.order)
        if (at < len(keys) and keys[at] == f.order) or (at > 0 and keys[at - 1] == f.order):
            return None
        keys.insert(at, f.order)
        ordered.insert(at, f)
    return ordered if last.clears == mention_facts._facts_cleared else None  # a new mention's facts may clear the table


GROUPINGS_KEPT = 1 << 18  # mentions whose type's grouping is kept (the next block holds most types unchanged)
_GROUPINGS: dict[tuple, list[list[int]]] = {}  # a type's mentions and stories -> its clusters, as positions
_grouped = 0  # mentions in the groupings kept


def _type_clusters(fs: list[_Facts], story_of: dict[str, str]) -> list[list[int]]:
    """The greedy grouping of one type's mentions (their facts, in canonical order) as lists of their
    positions, kept by all it reads: each mention's content and story (two flat tuples: no tuple per
    mention to build, hash and keep)."""
    global _grouped
    key = (tuple([f.content for f in fs]), tuple([story_of.get(f.mention.article_id) for f in fs]))
    found = _GROUPINGS.get(key)
    if found is None:
        ms = [f.mention for f in fs]
        found = _across_stories(ms, _within_stories(fs, story_of), story_of, fs)
        if _grouped + len(ms) > GROUPINGS_KEPT:
            _GROUPINGS.clear()
            _grouped = 0
        _GROUPINGS[key] = found
        _grouped += len(ms)
    return found


def _within_stories(fs: list[_Facts], story_of: dict[str, str]) -> list[list[int]]:
    """Each story's mentions (their facts) grouped greedily among themselves (a mention with no story
    stays alone), as positions, ordered by first member."""
    by_story: dict[str | None, list[int]] = {}
    for i, f in enumerate(fs):
        by_story.setdefault(story_of.get(f.mention.article_id), []).append(i)
    clusters: list[list[int]] = []
    for story, positions in by_story.items():
        if story is None:
            clusters.extend([i] for i in positions)
            continue
        found = _story_clusters([fs[i] for i in positions], story, story_of)
        clusters.extend([positions[j] for j in c] for c in found)
    return sorted(clusters)


PASSES_KEPT = 1 << 17  # mentions in the greedy passes kept (a story's next block holds them plus a few)
_PASSES: dict[tuple[str, str], _Pass] = {}  # (story, type) -> its last greedy pass
_HOLDERS: dict[int, tuple[str, str]] = {}  # a mention's content number -> the kept pass that last took it
_passed = 0  # mentions in the passes kept


class _Pass:
    """One greedy pass over a story's mentions of one type: each mention's content number (in the
    canonical order), the cluster it joined (its index in creation order; the count of clusters
    before it when it started one) and the score that cluster won with."""

    __slots__ = ("contents", "joined", "scores")

    def __init__(self) -> None:
        self.contents: list[int] = []
        self.joined: list[int] = []
        self.scores: list[tuple[int, int]] = []

    def record(self, content: int, joined: int, score: tuple[int, int]) -> None:
        self.contents.append(content)
        self.joined.append(joined)
        self.scores.append(score)

    def prefix(self, k: int) -> _Pass:
        """This pass over its first ``k`` mentions."""
        out = _Pass()
        out.contents, out.joined, out.scores = self.contents[:k], self.joined[:k], self.scores[:k]
        return out

    def kept_in(self, contents: list[int], present: set[int]) -> int | None:
        """How many mentions of this pass are among ``contents`` (``present``: the same as a set), if
        they are there in the same order; else None."""
        kept = [c for c in self.contents if c in present]
        k, n = 0, len(kept)
        for c in contents:
            if k < n and kept[k] == c:
                k += 1
        return n if k == n else None


def _story_clusters(fs: list[_Facts], story: str, story_of: dict[str, str]) -> list[list[int]]:
    """The greedy grouping of one story's mentions of one type (their facts, in canonical order), as
    positions, in creation order. The story's last pass over a subsequence of them (the same story
    with fewer articles) is replayed instead of grouping anew (``_replayed``: the same clusters)."""
    global _passed
    ms = [f.mention for f in fs]
    contents = [f.content for f in fs]
    key = (story, ms[0].type)
    old = _kept_pass(key, contents)
    grouping = _Grouping(story_of)
    if old is not None:
        found, done = _replayed(grouping, fs, contents, old)
    else:
        found, done = [], _Pass()
        for i, m in enumerate(ms):
            joined, score = grouping.add(m)
            if joined == len(found):
                found.append([])
            found[joined].append(i)
            done.record(contents[i], joined, score)
    if _passed + len(ms) > PASSES_KEPT:
        _PASSES.clear()
        _HOLDERS.clear()
        _passed = 0
    replaced = _PASSES.get(key)
    _passed += len(ms) - (len(replaced.contents) if replaced is not None else 0)
    _PASSES[key] = done
    _HOLDERS.update(dict.fromkeys(contents, key))
    return found


def _kept_pass(key: tuple[str, str], contents: list[int]) -> _Pass | None:
    """The kept pass to replay over these mentions (in canonical order) of one story and type: of
    the story's own and those of the stories their mentions were last grouped in, the one holding
    most of them in the same order, where it holds at least as many of them as mentions gone since. A story
    that absorbed a bigger one (a merge keeps the id of the story the new article joined) replays
    the bigger one's pass, not its own few mentions; one that lost articles (a split) its own."""
    present = set(contents)
    keys = {key} | {k for c in contents if (k := _HOLDERS.get(c)) is not None}
    best, most = None, 0
    for k in sorted(keys):
        p = _PASSES.get(k)
        if p is None or k[1] != key[1] or len(p.contents) <= most:
            continue
        kept = p.kept_in(contents, present)
        if kept is not None and kept > most and 2 * kept >= len(p.contents):
            best, most = p, kept
    return best


def _common_prefix(a: list[int], b: list[int]) -> int:
    """How many first items ``a`` and ``b`` share."""
    n = min(len(a), len(b))
    return next((i for i in range(n) if a[i] != b[i]), n)


def _replayed(grouping: _Grouping, fs: list[_Facts], contents: list[int], old: _Pass) -> tuple[list[list[int]], _Pass]:
    """The greedy pass over the mentions of ``fs`` (their facts), given the pass ``old`` over mentions
    that, but for some gone since, are a subsequence of them: same clusters.

    Each cluster of this pass whose members so far are those its counterpart in the old pass had at
    the same mention (clean) offers the same fit and score as it did then; the others (dirty: a new
    mention joined it, or an old one left it or is gone) are checked anew. An old mention that
    joined a clean cluster joins it again unless a dirty one it fits now scores higher (or as high,
    created earlier), as every clean cluster scored lower then and still does; one that started a cluster,
    which no clean cluster fitted, joins the best dirty one it fits or starts one; one whose cluster
    is dirty keeps it where that cluster still fits and scores at least what it scored then (a
    cluster that has only gained members since then is checked against those alone, as it fitted
    the others then: ``_Replay.kept_score``), else it and every new mention are placed by checking
    every cluster. A cluster fits a mention only if its first member is compatible with it, so an old
    mention that no dirty cluster's first member is compatible with (``_Replay.reaches``: one verdict
    per signature, none asked of a mention sharing no party with them) keeps its old decision unchecked,
    and a cluster failing that test is passed over without its state (its signatures and actor counts,
    built only once a cluster is checked: ``_Replay.state``). The checks are thus those of the mentions
    a changed cluster can reach, not of every mention after the first new one; up to the first new
    mention nothing is dirty, and the old pass's decisions are taken as they are."""
    replay = _Replay(grouping, fs)
    k = _common_prefix(old.contents, contents)
    done = old.prefix(k)
    for i, joined in enumerate(old.joined[:k]):
        if joined == len(replay.found):
            replay.found.append([])
        replay.found[joined].append(i)
    old_clusters = len(replay.found)  # the clusters the old pass had started by its mention ``k``
    counterpart = {j: j for j in range(old_clusters)}  # cluster of the old pass -> the same in this one
    dirty = replay.dirty
    present = set(contents)
    best: int | None
    for i in range(k, len(fs)):
        content = contents[i]
        while k < len(old.contents) and old.contents[k] not in present:  # a mention gone: its cluster lost it
            was = old.joined[k]
            k += 1
            if was == old_clusters:  # it started one: that cluster's later members are placed anew
                old_clusters += 1
            elif (same := counterpart.get(was)) is not None:
                replay.mark(same, None)
        if k < len(old.contents) and old.contents[k] == content:
            was, was_score = old.joined[k], old.scores[k]
            k += 1
            started = was == old_clusters
            old_clusters += started
            same = counterpart.get(was)
            if (started or (same is not None and same not in dirty)) and not replay.reaches(i):
                best, score = (None, (0, 0)) if started else (same, was_score)  # the old decision holds
            elif started:
                best, score = replay.best_dirty(i)
            elif same is not None and same not in dirty:  # it fits ``same`` as it did, with the same score
                best, score = replay.best_dirty(i, (same, was_score))
            elif same is not None and (kept := replay.kept_score(i, same, was_score)) is not None:
                best, score = replay.best_dirty(i, (same, kept))
            else:
                best, score = replay.best_of(i, range(len(replay.found)))
            joined = replay.place(i, best)
            if started and best is None:
                counterpart[was] = joined
            elif joined != same:
                replay.mark(joined, i)
                if same is not None:
                    replay.mark(same, None)
        else:
            best, score = replay.best_of(i, range(len(replay.found)))
            joined = replay.place(i, best)
            replay.mark(joined, i)
        done.record(content, joined, score)
    return replay.found, done


class _Replay:
    """The clusters of a replayed pass: each one's members (positions in ``fs``, the facts of the
    mentions), and the state that ``_Grouping.fits`` and the scores read of the ones checked so far,
    built from their members when first checked and kept up to date after."""

    def __init__(self, grouping: _Grouping, fs: list[_Facts]) -> None:
        self.grouping = grouping
        self.fs = fs
        self.found: list[list[int]] = []
        self.states: dict[int, _Cluster] = {}
        self.signatures: list[tuple[int, set[str]] | None] = [None] * len(fs)  # position -> ``signed``, once asked
        self.dirty: set[int] = set()
        self.marked: list[int] = []  # the dirty clusters, in the order marked
        self.firsts: list[int] = []  # the signature of each one's first member
        self.meets: dict[int, tuple[int, list[int]]] = {}  # signature -> (firsts asked, the clusters met)
        self.first_parties: set[str] = set()  # the parties the dirty clusters' first members name
        self.partyless = False  # whether one of those first members names none
        self.gained: dict[int, list[int] | None] = {}  # dirty cluster -> the members it gained, None once it lost one

    def mark(self, j: int, gained: int | None) -> None:
        """Cluster ``j`` is dirty: checked anew from here on. It gained mention ``gained``, or (None)
        lost a member."""
        if j not in self.dirty:
            self.gained[j] = []
        members = self.gained[j]
        if members is not None:
            if gained is None:
                self.gained[j] = None
            else:
                members.append(gained)
        if j not in self.dirty:
            self.dirty.add(j)
            first = self.found[j][0]
            self.marked.append(j)
            self.firsts.append(self.signed(first)[0])
            parties = self.fs[first].parties
            self.first_parties |= parties
            self.partyless = self.partyless or not parties

    def reaches(self, i: int) -> bool:
        """Whether mention ``i`` is compatible with the first member of a dirty cluster: where it is
        not, no dirty cluster fits it, and the old pass's decision holds. Asked once per signature
        and dirty cluster (the dirty clusters only grow in number)."""
        if not self.dirty:
            return False
        parties = self.fs[i].parties
        if parties and not self.partyless and parties.isdisjoint(self.first_parties):
            return False  # two mentions naming parties are compatible only where they share one
        return bool(self.met(i))

    def met(self, i: int) -> list[int]:
        """The dirty clusters whose first member mention ``i`` is compatible with, in the order
        marked: asked once per signature and dirty cluster."""
        signature = self.signed(i)[0]
        kept = self.meets.get(signature)
        asked, found = kept if kept is not None else (0, [])
        if asked < len(self.firsts):
            pairs = zip(self.marked[asked:], self.firsts[asked:])
            found = found + [j for j, first in pairs if self.grouping.pair_compatible(signature, first)]
            self.meets[signature] = (len(self.firsts), found)
        return found

    def signed(self, i: int) -> tuple[int, set[str]]:
        """The signature number of mention ``i`` and its actors."""
        found = self.signatures[i]
        if found is None:
            f = self.fs[i]
            found = self.signatures[i] = (self.grouping.same_story_id(f), f.actors)
        return found

    def state(self, j: int) -> _Cluster:
        cluster = self.states.get(j)
        if cluster is None:
            cluster = self.states[j] = _Cluster()
            for p in self.found[j]:
                cluster.add(self.fs[p].mention, *self.signed(p))
        return cluster

    def score(self, i: int, j: int) -> tuple[int, int]:
        """What cluster ``j`` offers mention ``i`` if it fits (``_Grouping.add``'s score)."""
        cluster = self.state(j)
        return cluster.shared_actors(self.signed(i)[1]), len(cluster.members)

    def fits(self, i: int, j: int) -> bool:
        return self.grouping.fits(self.state(j), self.signed(i)[0])

    def fit_score(self, i: int, j: int) -> tuple[int, int] | None:
        """``score``, or None if the cluster does not fit the mention."""
        return self.score(i, j) if self.fits(i, j) else None

    def kept_score(self, i: int, j: int, was: tuple[int, int]) -> tuple[int, int] | None:
        """The score cluster ``j`` (mention ``i``'s in the old pass) offers it where it still fits it
        with at least the score it won with then; else None. A cluster that has only gained members
        since then fits it if each one gained does (it fitted the others then), and offers what it
        offered then plus what they add."""
        gained = self.gained.get(j)
        if gained is None:
            score = self.fit_score(i, j)
            return score if score is not None and score >= was else None
        signature, actors = self.signed(i)
        if not self.grouping.all_compatible(signature, [self.signed(p)[0] for p in gained]):
            return None
        shared = sum(len(actors & self.signed(p)[1]) for p in gained)
        return was[0] + shared, was[1] + len(gained)

    def best_dirty(
        self, i: int, known: tuple[int, tuple[int, int]] | None = None
    ) -> tuple[int | None, tuple[int, int]]:
        """``best_of`` the dirty clusters (and ``known``'s), of which only those whose first member
        mention ``i`` meets (``met``) may fit it."""
        clusters = set(self.met(i))
        if known is not None:
            clusters.add(known[0])
        return self.best_of(i, sorted(clusters), known, met=True)

    def best_of(
        self, i: int, clusters: Iterable[int], known: tuple[int, tuple[int, int]] | None = None, met: bool = False
    ) -> tuple[int | None, tuple[int, int]]:
        """Of these clusters (in creation order), the one mention ``i`` fits that scores highest, the
        first on a tie; None and (0, 0) if none fits. ``known``: a cluster it fits, with its score;
        ``met``: mention ``i`` meets the first member of each (``meets_first`` is not asked).
        The fit of a cluster that would not score higher than the best so far is not asked."""
        best, best_score = None, (0, 0)
        for j in clusters:
            if known is not None and j == known[0]:
                score, fits = known[1], True
            elif not (met or self.meets_first(i, j)):
                continue
            else:
                score, fits = self.score(i, j), False
            if score > best_score and (fits or self.fits(i, j)):
                best, best_score = j, score
        return best, best_score

    def meets_first(self, i: int, j: int) -> bool:
        """Whether mention ``i`` is compatible with the first member of cluster ``j``: a cluster that
        fails it does not fit, and this is asked without building the cluster's state."""
        return self.grouping.pair_compatible(self.signed(i)[0], self.signed(self.found[j][0])[0])

    def place(self, i: int, best: int | None) -> int:
        """Add mention ``i`` to cluster ``best``, or to a new one (None); that cluster's index."""
        if best is None:
            self.found.append([])
            best = len(self.found) - 1
        self.found[best].append(i)
        cluster = self.states.get(best)
        if cluster is not None:
            cluster.add(self.fs[i].mention, *self.signed(i))
        return best


def _across_stories(
    ms: list[EventMention], clusters: list[list[int]], story_of: dict[str, str], fs: list[_Facts] | None = None
) -> list[list[int]]:
    """Clusters of different stories merged into one event, greedily by first member: a cluster joins
    the largest earlier group it shares a cross-story match with (``compatible``: same actors, same
    stated day) whose every member it fits (``_fits_across``). The match is asked of the two stories'
    dated mentions, and their story mates come along: an undated line or one that names only one of
    the signers joins its own story's event, which the other story's report matches. Each group and
    cluster is checked through its distinct signatures, each pair of signatures once.

    A cross-story match is between two dated mentions with one actor-set key, so a cluster none of
    whose dated members' keys any other story's cluster holds (``_alone``) matches no other story's
    mention: it stays a group of its own, which no other cluster can join; it is set aside unchecked."""
    groups: list[list[int]] = []
    shapes: list[dict[int, int]] = []  # per group: its distinct signatures -> a position holding one
    index: dict[tuple[str, str], set[int]] = {}  # a dated member's actor-set key -> groups holding one
    pairs = _ACROSS
    fs = fs if fs is not None else [_facts(m) for m in ms]
    keyed = [{k for i in cluster for k in fs[i].dated_keys} for cluster in clusters]
    alone = _alone(ms, clusters, keyed, story_of)
    for cluster, keys, lonely in zip(clusters, keyed, alone):
        if lonely:
            groups.append(list(cluster))
            shapes.append({})
            continue
        mine = _distinct(fs, cluster, story_of)
        best: int | None = None
        for g in sorted({g for k in keys for g in index.get(k, ())}):
            if best is not None and len(groups[g]) <= len(groups[best]):
                continue
            if _mergeable(ms, shapes[g], mine, story_of, pairs):
                best = g
        if best is None:
            groups.append(list(cluster))
            shapes.append(dict(mine))
            best = len(groups) - 1
        else:
            groups[best].extend(cluster)
            for number, i in mine.items():
                shapes[best].setdefault(number, i)
        for k in keys:
            index.setdefault(k, set()).add(best)
    return sorted(sorted(g) for g in groups)


# ``_pair_across`` of two signatures, kept across fusions (a signature holds the story: ``_signed``,
# so a verdict holds in any block), as ints only: the collector never walks a dict of ints
_ACROSS: dict[int, int] = {}  # ``_pair_number`` -> 2 * fits + matches


def _alone(
    ms: list[EventMention], clusters: list[list[int]], keyed: list[set[tuple[str, str]]], story_of: dict[str, str]
) -> list[bool]:
    """For each cluster (of one story: ``_within_stories``), whether its story is known and no cluster
    of another story, or of none, holds one of its keys (``keyed``: its dated members' actor-set keys)."""
    stories = [story_of.get(ms[c[0]].article_id) for c in clusters]
    holders: dict[tuple[str, str], set[str | None]] = {}  # key -> the stories of the clusters holding it
    for story, keys in zip(stories, keyed):
        for k in keys:
            holders.setdefault(k, set()).add(story)
    return [story is not None and all(holders[k] == {story} for k in keys) for story, keys in zip(stories, keyed)]


def _mergeable(
    ms: list[EventMention],
    group: dict[int, int],
    cluster: dict[int, int],
    story_of: dict[str, str],
    pairs: dict[int, int],
) -> bool:
    """One pair across stories matches and every pair fits (the same story's pairs as ``compatible``
    asks, other stories' as ``_fits_across``); signatures in, verdicts kept in ``pairs``."""
    matched = False
    for a, i in cluster.items():
        for b, j in group.items():
            number = _pair_number(a, b)
            verdict = pairs.get(number)
            if verdict is None:
                if len(pairs) >= PAIRS_KEPT:
                    pairs.clear()
                fits, matches = _pair_across(ms[i], ms[j], story_of)
                verdict = pairs[number] = 2 * fits + matches
            if verdict < 2:
                return False
            matched = matched or verdict == 3
    return matched


def _pair_number(a: int, b: int) -> int:
    """One int for the ordered pair of signature numbers (each below 2**64: numbers are counted)."""
    return a << 64 | b


def _pair_across(m: EventMention, n: EventMention, story_of: dict[str, str]) -> tuple[bool, bool]:
    """(fits, matches across stories) of two mentions of merging clusters."""
    story = story_of.get(m.article_id)
    if story is not None and story == story_of.get(n.article_id):
        return compatible(m, n, story_of), False
    fits = _fits_across(m, n)
    return fits, fits and compatible(m, n, story_of)


def _distinct(fs: list[_Facts], positions: list[int], story_of: dict[str, str]) -> dict[int, int]:
    """Each distinct signature (all that ``compatible`` and ``_fits_across`` read) of the mentions
    at these positions (``fs``: their facts) -> a position of it."""
    seen: dict[int, int] = {}
    for i in positions:
        f = fs[i]
        number, _ = _signed(f, story_of.get(f.mention.article_id))
        seen.setdefault(number, i)
    return seen


def _fits_across(m: EventMention, n: EventMention) -> bool:
    """Two mentions of different stories that may stand in one event when their stories' dated
    mentions match: the same type and mode, actors as one story allows (one side naming fewer), and
    no conflicting dates (different days never)."""
    if not _same_kind(m, n):
        return False
    return _actors_compatible(m, n, _parties(m), _parties(n), True) and _dates_compatible(m, n, False)


class _Cluster:
    """A cluster's members with what the grouping asks of them: their distinct signatures (in the
    order gained), how many members name each actor, its verdicts per signature (compatible with
    all, and with how many of its signatures that was checked), and the signatures whose list of
    fitting clusters holds it."""

    __slots__ = ("members", "signatures", "seen", "actor_counts", "verdicts", "watchers")

    def __init__(self) -> None:
        self.members: list[EventMention] = []
        self.signatures: list[int] = []
        self.seen: set[int] = set()
        self.actor_counts: dict[str, int] = {}
        self.verdicts: dict[int, tuple[bool, int]] = {}
        self.watchers: set[int] = set()

    def add(self, m: EventMention, signature: int, actors: set[str]) -> bool:
        """Add a member; whether its signature is new to the cluster."""
        self.members.append(m)
        counts = self.actor_counts
        for a in actors:
            counts[a] = counts.get(a, 0) + 1
        if signature in self.seen:
            return False
        self.seen.add(signature)
        self.signatures.append(signature)
        return True

    def shared_actors(self, actors: set[str]) -> int:
        """Sum over the members of the actors each shares with ``actors``."""
        counts = self.actor_counts
        return sum(counts.get(a, 0) for a in actors)


class _Grouping:
    """The state of ``cluster_mentions``: clusters, the candidate index, interned signatures with
    one mention standing for each, the verdict of each pair of signatures, and for each signature
    met so far the candidate clusters it fits, kept up to date as clusters grow (a cluster only
    ever stops fitting a signature when it gains a signature incompatible with it, and only ever
    becomes a candidate when it gains one of the signature's keys)."""

    def __init__(self, story_of: dict[str, str]) -> None:
        self.story_of = story_of
        self.clusters: list[_Cluster] = []
        self.index: dict[tuple[str, str], set[int]] = {}
        self.examples: dict[int, EventMention] = {}  # signature number -> a mention of it in this block
        self.fitting: dict[int, set[int]] = {}  # signature -> the candidate clusters it fits
        self.tracked: dict[tuple[str, str], list[int]] = {}  # key -> signatures with a fitting set

    def signature_id(self, f: _Facts) -> tuple[int, list[tuple[str, str]]]:
        """The number of the mention's signature within a story (``_same_story_number``) and its block
        keys (``_signed``), with the mention standing for the signature."""
        _, keys = _signed(f, self.story_of.get(f.mention.article_id))
        return self.same_story_id(f), keys

    def same_story_id(self, f: _Facts) -> int:
        """The number of the mention's signature within a story, with the mention standing for it."""
        number = _same_story_number(f)
        self.examples.setdefault(number, f.mention)
        return number

    def pair_compatible(self, a: int, b: int) -> bool:
        found = _PAIRS.get((a, b))
        if found is None:
            if len(_PAIRS) >= PAIRS_KEPT:
                _PAIRS.clear()
            found = _PAIRS[(a, b)] = compatible(self.examples[a], self.examples[b], self.story_of)
        return found

    def fits(self, cluster: _Cluster, signature: int) -> bool:
        """Whether a mention of this signature is compatible with every member of the cluster."""
        ok, checked = cluster.verdicts.get(signature, (True, 0))
        if ok and checked < len(cluster.signatures):
            ok = self.all_compatible(signature, cluster.signatures[checked:])
            cluster.verdicts[signature] = (ok, len(cluster.signatures))
        return ok

    def all_compatible(self, a: int, bs: Iterable[int]) -> bool:
        """``pair_compatible`` of ``a`` with each of ``bs``, the kept verdicts read in line."""
        kept = _PAIRS
        for b in bs:
            found = kept.get((a, b))
            if not (found if found is not None else self.pair_compatible(a, b)):
                return False
        return True

    def fitting_clusters(self, signature: int, keys: list[tuple[str, str]]) -> set[int]:
        """The candidate clusters (sharing one of ``keys``) that a mention of this signature fits."""
        found = self.fitting.get(signature)
        if found is None:
            candidates = {i for k in keys for i in self.index.get(k, ())}
            found = self.fitting[signature] = {i for i in candidates if self.fits(self.clusters[i], signature)}
            for k in keys:
                self.tracked.setdefault(k, []).append(signature)
            for i in found:
                self.clusters[i].watchers.add(signature)
        return found

    def add(self, m: EventMention) -> tuple[int, tuple[int, int]]:
        """Add the mention to the best cluster it fits, or to a new one; that cluster's index and
        the score it won with ((0, 0) for a new one)."""
        f = _facts(m)
        signature, keys = self.signature_id(f)
        best, best_score = self.best_of(sorted(self.fitting_clusters(signature, keys)), f.actors)
        if best is None:
            self.clusters.append(_Cluster())
            best = len(self.clusters) - 1
        self.join(best, m, signature, f.actors, keys)
        return best, best_score

    def best_of(self, clusters: Iterable[int], actors: set[str]) -> tuple[int | None, tuple[int, int]]:
        """Of these clusters (in creation order, all fitting), the one that scores highest for a
        mention naming these actors (the actors shared, then its size), the first on a tie; None
        and (0, 0) if there is none."""
        best, best_score = None, (0, 0)
        for i in clusters:
            cluster = self.clusters[i]
            score = (cluster.shared_actors(actors), len(cluster.members))
            if score > best_score:
                best, best_score = i, score
        return best, best_score

    def join(self, i: int, m: EventMention, signature: int, am: set[str], keys: list[tuple[str, str]]) -> None:
        """Add the mention to cluster ``i`` and bring the fitting sets up to date."""
        cluster = self.clusters[i]
        if cluster.add(m, signature, am):
            for w in [w for w in cluster.watchers if not self.pair_compatible(w, signature)]:
                self.fitting[w].discard(i)
                cluster.watchers.discard(w)
        for k in keys:
            members = self.index.setdefault(k, set())
            if i in members:
                continue
            members.add(i)
            for w in self.tracked.get(k, ()):
                if i not in self.fitting[w] and self.fits(cluster, w):
                    self.fitting[w].add(i)
                    cluster.watchers.add(w)


PAIRS_KEPT = 1 << 20  # verdicts on pairs of signatures kept across fusions (the next block re-asks them)
_PAIRS: dict[tuple[int, int], bool] = {}  # (signature number, signature number) -> compatible
SIGNATURES_KEPT = 1 << 18
_SIGNATURES: dict[tuple, int] = {}  # signature -> its number (a number is never given to another signature)
_SIGNATURE_NUMBERS = itertools.count()


def _signed(f: _Facts, story: str | None) -> tuple[int, list[tuple[str, str]]]:
    """The number of the mention's signature in this story and its ``_block_keys``, kept with the
    mention object: the story is in the signature, so a verdict kept by two numbers is
    ``compatible``'s answer in any block."""
    signed = f.signed  # read once: another thread may fuse the same object in another story
    if signed is None or signed[0] != story:
        m = f.mention
        signed = f.signed = (story, _signature_number(_signature_in(m, story)), _block_keys(m, story))
    return signed[1], signed[2]


_ONE_STORY = ("one story",)  # stands for the story in a signature only ever compared within its story


def _same_story_number(f: _Facts) -> int:
    """The number of the mention's signature for comparing it with mentions of its own story (all
    that ``_Grouping`` compares): ``compatible`` reads only whether two mentions share a story, not
    which, so the verdicts kept for a story's pairs hold for its mentions in a story merged into another."""
    if f.alike is None:
        f.alike = _signature_number(_signature_in(f.mention, _ONE_STORY))
    return f.alike


def _signature_number(key: tuple) -> int:
    return _interned(_SIGNATURES, _SIGNATURE_NUMBERS, key, SIGNATURES_KEPT)


def _signature_in(m: EventMention, story: str | tuple | None) -> tuple:
    """All that ``compatible`` reads of a mention in this story: two mentions with one signature get
    the same answer against any third."""
    f = _facts(m)
    return (
        m.type,
        m.mode,
        m.cameo,
        story,
        f.sources,
        f.targets,
        f.symmetric,
        m.date,
        m.date_precision,
        m.date_implied,
        _published_day(m),
    )


def _block_keys(m: EventMention, story: str | None) -> list[tuple[str, str]]:
    """A mention is compatible only with mentions of its type in its story, or with the same actor
    set (see ``compatible``): a cluster it may join shares one of these keys with its first member."""
    keys = [(m.type, "story:" + story)] if story else []
    return keys + _facts(m).set_keys


def fusion_keys(mentions: Iterable[EventMention]) -> list[tuple[str, int, int]]:
    """(type and actor set, first day, last day) of each dated mention with actors: outside a shared
    story a mention is compatible only with one of the same key whose days lie within
    ``fusion_reach_days()`` (see ``compatible``). With each article's story, these keys bound the block
    of stored mentions that a new article's mentions can change (incremental fusion)."""
    out = []
    for m in mentions:
        actors = sorted(_actors(m))
        days = D.day_range(m.date)
        if actors and days:
            out.append((f"{m.type}|" + "|".join(actors), days[0], days[1]))
    return out


def fusion_reach_days() -> int:
    """Days between the ranges of two mentions of one key in different stories that may still fuse:
    none. ``compatible`` fuses them only when their dates overlap (``_dates_compatible``: two
    different days never, a day and a month only when the month holds the day). A reach of three
    days (the old ``close_days``, which the overlap made moot) chained each key's mentions three days
    at a time: on a million stored it took a 200-article block to 19,411 articles."""
    return 0


def _same_kind(m: EventMention, n: EventMention) -> bool:
    """The same type, and the same mode where both give one."""
    return m.type == n.type and not (m.mode and n.mode and m.mode != n.mode)


def compatible(m: EventMention, n: EventMention, story_of: dict[str, str]) -> bool:
    if not _same_kind(m, n):
        return False
    same_story = story_of.get(m.article_id) is not None and story_of.get(m.article_id) == story_of.get(n.article_id)
    am, an = _parties(m), _parties(n)
    if not _actors_compatible(m, n, am, an, same_story):
        return False
    if not _dates_compatible(m, n, same_story):
        return False
    if same_story:
        return _same_action(m, n) or len(am & an) > 1 or (_symmetric(m) and _symmetric(n))
    # outside a shared story: the same actors on a day each report states (a week or month, or the
    # publication week implied, holds many acts of the same actors), within reach
    gap = D.gap_days(m.date, n.date)
    stated = _stated_day(m) and _stated_day(n)
    return stated and _actors(m) == _actors(n) and gap is not None and gap <= fusion_reach_days()


def _stated_day(m: EventMention) -> bool:
    return m.date_precision == "day" and not m.date_implied


def _actors_compatible(m: EventMention, n: EventMention, am: set[str], an: set[str], same_story: bool) -> bool:
    if not am or not an:  # "the call", "the two leaders": the story's event of that kind
        return same_story
    # {Putin} fits {Putin, Netanyahu}; {Putin, Lukashenko} and {Putin, Netanyahu, Lukashenko} do not:
    # a counterpart one mention names and the other does not makes another event.
    if not (am == an or (min(len(am), len(an)) == 1 and (am <= an or an <= am))):
        return False
    if _symmetric(m) or _symmetric(n):
        return True
    return _side_ok(m.source_actors, n.source_actors) and _side_ok(m.target_actors, n.target_actors)


def _side_ok(a: Iterable[ActorRef], b: Iterable[ActorRef]) -> bool:
    ka, kb = {_party(x) for x in a}, {_party(x) for x in b}
    return not ka or not kb or ka <= kb or kb <= ka


def _dates_compatible(m: EventMention, n: EventMention, same_story: bool) -> bool:
    if not m.date or not n.date:
        return not _published_apart(m, n)
    if m.date_precision == "day" and n.date_precision == "day" and m.date[:10] != n.date[:10]:
        gap = D.gap_days(m.date, n.date)
        return same_story and gap is not None and gap <= load("fusion.yaml")["same_story_day_tolerance"]
    return D.overlap(m.date, n.date)


def _published_apart(m: EventMention, n: EventMention) -> bool:
    """The two mentions' articles were published more than ``undated_publication_window_days`` apart
    (fusion.yaml): the reports of one incident come out within days of it, so an undated mention
    ("the talks", "Kenya called for a fund") in an article of months later tells another act of a
    long story, or the story again, and is not fused into it. Unknown publication dates never keep
    mentions apart."""
    gap = D.gap_days(_published_day(m), _published_day(n))
    return gap is not None and gap > load("fusion.yaml")["undated_publication_window_days"]


def _published_day(m: EventMention) -> str | None:
    return m.published[:10] if m.published else None


# ---------------------------------------------------------------------- each article's claims to its main event
# (here, not in ``readout_claims``: they read ``_ClusterInfo``, and ``fused_event`` reads
# ``readout_claims`` through ``event_details``)


def _article_claims(
    claims_of: Mapping[str, Sequence[tuple[str, str]]], clusters: list[_ClusterInfo]
) -> dict[str, list[tuple[str, str, str]]]:
    """Claims in each article's text, keyed by the id of the cluster that is that article's main event."""
    main_of = _main_clusters(clusters)
    by_cluster: dict[str, list[tuple[str, str, str]]] = {}
    for article, found in sorted(claims_of.items()):
        main = main_of.get(article)
        if main is None:
            continue
        for kind, words in found:
            by_cluster.setdefault(main, []).append((article, kind, words))
    return by_cluster


def _main_clusters(clusters: list[_ClusterInfo]) -> dict[str, str]:
    """Article id -> the key of the cluster holding most of its mentions (the first such cluster on
    a tie), in one pass over the clusters."""
    best: dict[str, tuple[int, int]] = {}  # article -> (mentions in the cluster, -cluster index)
    for i, cluster in enumerate(clusters):
        for article, count in cluster.counts:
            if (count, -i) > best.get(article, (0, 0)):
                best[article] = (count, -i)
    return {article: clusters[-neg_i].key for article, (_, neg_i) in best.items()}
