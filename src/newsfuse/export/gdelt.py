"""A GDELT-style tab-separated event table (one row per fused event, CAMEO codes)."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..events.ontology import min_confidence
from ..model import ActorRef, Event, date_span, sha256_hex
from ..store.base import Store
from ..tell.records import iter_articles, iter_events, iter_mentions
from ..text.yamlfile import load_yaml

NOT_OCCURRED = ("denied", "hypothetical")  # never written: a GDELT row is an event that happened

DATA = Path(__file__).with_name("data") / "gdelt.yaml"


@lru_cache(maxsize=1)
def spec() -> dict[str, Any]:
    with DATA.open(encoding="utf-8") as fh:
        return load_yaml(fh)


def columns() -> list[str]:
    return list(spec()["columns"])


def first_day(value: str | None) -> dt.date | None:
    """ISO date at any precision (2025-11-15, 2025-11, 2025-W46, 2025-Q4, 2025) -> its first day."""
    span = date_span(value)
    return span[0] if span else None


def event_code(e: Event) -> str:
    if e.cameo:
        return e.cameo
    return spec()["plover_to_cameo_root"].get((e.type or "").upper(), "")


def quad_class(code: str) -> int | str:
    return spec()["quad_class"].get(code[:2], "") if code else ""


def global_id(event_id: str) -> int:
    return int(sha256_hex(event_id, 13), 16)


def _actor(prefix: str, refs: tuple[ActorRef, ...]) -> dict[str, str]:
    a = refs[0] if refs else None
    country = (a.country or "") if a else ""
    sector = (a.sector or "") if a else ""
    return {
        f"{prefix}Code": country + sector,
        f"{prefix}Name": a.name if a else "",
        f"{prefix}CountryCode": country,
        f"{prefix}Type1Code": sector,
    }


def parties(e: Event) -> tuple[tuple[ActorRef, ...], tuple[ActorRef, ...]]:
    """Actor1 and Actor2: a two-sided (symmetric) event lists all its participants as sources, so
    its second party is Actor2 (both parties of a call or a clash are kept; "Portugal" and "the
    Portuguese government" are one party)."""
    if not e.target_actors and len(e.source_actors) > 1:
        first = e.source_actors[0]
        others = tuple(a for a in e.source_actors[1:] if not _same_party(a, first))
        return e.source_actors[:1], others
    return e.source_actors, e.target_actors


def _same_party(a: ActorRef, b: ActorRef) -> bool:
    return (a.party or a.name.casefold()) == (b.party or b.name.casefold())


def shown(e: Event, confidence: dict[str, float], threshold: float) -> bool:
    """Written when it occurred (or is planned) and some mention of it is coded with confidence."""
    if e.status in NOT_OCCURRED:
        return False
    known = [confidence[m.mention_id] for m in e.mentions if m.mention_id in confidence]
    return not known or max(known) >= threshold


def gdelt_row(e: Event, sources: dict[str, str]) -> dict[str, Any]:
    day = first_day(e.date)
    actor1, actor2 = parties(e)
    code = event_code(e)
    first = e.mentions[0].article_id if e.mentions else None
    row: dict[str, Any] = {
        "GLOBALEVENTID": global_id(e.id),
        "SQLDATE": day.strftime("%Y%m%d") if day else "",
        "MonthYear": day.strftime("%Y%m") if day else "",
        "Year": day.year if day else "",
        "FractionDate": f"{day.year + day.timetuple().tm_yday / 365:.4f}" if day else "",
        **_actor("Actor1", actor1),
        **_actor("Actor2", actor2),
        "IsRootEvent": 1,
        "EventCode": code,
        "EventBaseCode": code[:3],
        "EventRootCode": code[:2],
        "QuadClass": quad_class(code),
        "NumMentions": len(e.mentions),
        "NumSources": len({m.outlet or m.article_id for m in e.mentions}),
        "NumArticles": len({m.article_id for m in e.mentions}),
        "ActionGeo_FullName": e.location or "",
        "SOURCEURL": sources.get(first, "") if first else "",
        "DatePrecision": e.date_precision or "",
        "PloverType": e.type,
        "PloverMode": e.mode or "",
        "Status": e.status,
        "NewsfuseEventId": e.id,
        "StoryId": e.story_id or "",
    }
    return row


def write_gdelt(store: Store, path: Path, threshold: float | None = None) -> int:
    """Events that occurred, coded with confidence >= ``threshold`` (default events.min_confidence)."""
    sources = {a.id: a.url or a.source_path for a in iter_articles(store)}
    confidence = {m.id: m.confidence for m in iter_mentions(store)}
    threshold = min_confidence() if threshold is None else threshold
    cols = columns()
    n = 0
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write("\t".join(cols) + "\n")
        for e in iter_events(store):
            if not shown(e, confidence, threshold):
                continue
            row = gdelt_row(e, sources)
            fh.write("\t".join(_cell(row[c]) for c in cols) + "\n")
            n += 1
    return n


def read_gdelt(path: str | Path) -> list[dict[str, str]]:
    """Read back a table written by ``write_gdelt`` (all cells as strings)."""
    with Path(path).open(encoding="utf-8") as fh:
        header = fh.readline().rstrip("\n").split("\t")
        return [dict(zip(header, line.rstrip("\n").split("\t"))) for line in fh if line.strip()]


def _cell(value: Any) -> str:
    """Tabs and newlines would break the table: fold all whitespace runs to one space."""
    return " ".join(str(value).split())
