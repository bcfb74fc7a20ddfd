"""GraphML of actors and events for network tools (Gephi, networkx).

The graph is directed and bipartite: actor nodes (``kind=actor``) and event nodes (``kind=event``);
each source actor has an edge actor -> event (``role=source``), each target actor an edge
event -> actor (``role=target``). Events without a target still appear, with their sources.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import networkx as nx

from ..model import ActorRef, Event
from ..store.base import Store
from .gdelt import event_code, quad_class
from .rows import iter_events


def actor_key(ref: ActorRef) -> str:
    return "actor:" + (ref.actor_id or ref.name.casefold())


def _attrs(**values: Any) -> dict[str, Any]:
    """GraphML holds scalars only: drop None, join lists."""
    out: dict[str, Any] = {}
    for k, v in values.items():
        if v is None:
            continue
        out[k] = "; ".join(str(x) for x in v) if isinstance(v, (list, tuple)) else v
    return out


def _add_actor(g: nx.DiGraph, ref: ActorRef) -> str:
    key = actor_key(ref)
    if key in g:
        g.nodes[key]["events"] += 1
    else:
        g.add_node(
            key, **_attrs(kind="actor", label=ref.name, country=ref.country, sector=ref.sector, role=ref.role, events=1)
        )
    return key


def _add_event(g: nx.DiGraph, e: Event) -> None:
    code = event_code(e)
    key = "event:" + e.id
    g.add_node(
        key,
        **_attrs(
            kind="event",
            label=f"{e.type} {e.date or ''}".strip(),
            type=e.type,
            mode=e.mode,
            cameo=code,
            quad_class=quad_class(code) or None,
            date=e.date,
            status=e.status,
            location=e.location,
            topics=list(e.topics),
            story_id=e.story_id,
            mentions=len(e.mentions),
            sources=len({m.outlet or m.article_id for m in e.mentions}),
        ),
    )
    for ref in e.source_actors:
        g.add_edge(_add_actor(g, ref), key, role="source", type=e.type)
    for ref in e.target_actors:
        g.add_edge(key, _add_actor(g, ref), role="target", type=e.type)


def build_graph(store: Store) -> nx.DiGraph:
    g = nx.DiGraph(name="newsfuse actors and events")
    for e in iter_events(store):
        _add_event(g, e)
    return g


def write_graphml(store: Store, path: Path) -> int:
    g = build_graph(store)
    nx.write_graphml(g, str(path), encoding="utf-8")
    return g.number_of_nodes()
