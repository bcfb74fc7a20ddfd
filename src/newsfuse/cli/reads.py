"""The CLI's answers through the read side, ``tell``: fused events, timelines, actors, quotes."""

from __future__ import annotations

import click

from ..model import ActorRef
from ..store import EventFilter
from ..tell import queries
from ..tell.actors import collect_actors
from ..tell.guesses import is_guess
from ..tell.options import BadOption, checked_actors, checked_range
from .common import DB_HELP, note, one_line_errors, print_json, store_at

ACTOR_HELP = "Actor name, id or country code (a country's name also finds every actor of that country)"


@click.command()
@click.option("--db", default=None, help=DB_HELP)
@click.option("--json", "as_json", is_flag=True)
@click.option("--mentions", is_flag=True, help="Event mentions per article (before fusion).")
@click.option("--actor", default=None, help=ACTOR_HELP + ".")
@click.option("--type", "etype", default=None)
@click.option("--since", default=None, help="YYYY, YYYY-MM or YYYY-MM-DD, inclusive.")
@click.option("--until", default=None, help="YYYY, YYYY-MM or YYYY-MM-DD, inclusive.")
@click.option("--story", default=None)
@click.option("--all", "guesses", is_flag=True, help="Also events coded below the confidence threshold.")
def events(
    db: str | None,
    as_json: bool,
    mentions: bool,
    actor: str | None,
    etype: str | None,
    since: str | None,
    until: str | None,
    story: str | None,
    guesses: bool,
) -> None:
    """List fused events (or, with --mentions, every event mention); guesses only with --all."""
    with one_line_errors(BadOption):
        since, until = checked_range(since, until)
    with store_at(db) as store:
        if mentions:
            for m in store.mentions():
                if etype and m.type != etype.upper():
                    continue
                if as_json:
                    print_json(m.to_dict())
                else:
                    click.echo(
                        f"{m.article_id}  {m.type}/{m.mode or '-'}  {m.date or '?'}  {_names(m.source_actors)} -> "
                        f"{_names(m.target_actors)}  [{m.status}]  {m.sentence[:80]}"
                    )
            return
        flt = EventFilter(actor=actor, type=etype, since=since, until=until, story_id=story)
        answer = queries.events(store, flt, guesses)
    for e in answer.items:
        if as_json:
            print_json(e.to_dict())
        else:
            guess = f"  (guess: confidence {e.confidence:.2f})" if is_guess(e.confidence) else ""
            click.echo(
                f"{e.id}  {e.date or '?':10} {e.type}/{e.mode or '-'}  {_names(e.source_actors)} -> "
                f"{_names(e.target_actors)}  [{e.status}] {len(e.mentions)} mentions{guess}"
            )
    note(answer.note("events"))


def _names(refs: tuple[ActorRef, ...]) -> str:
    return ", ".join(r.name for r in refs) or "?"


@click.command()
@click.option("--actor", "actors", multiple=True, help=ACTOR_HELP + "; twice for a pair.")
@click.option("--since", default=None, help="YYYY, YYYY-MM or YYYY-MM-DD, inclusive.")
@click.option("--until", default=None, help="YYYY, YYYY-MM or YYYY-MM-DD, inclusive.")
@click.option("--all", "guesses", is_flag=True, help="Also events coded below the confidence threshold.")
@click.option("--db", default=None, help=DB_HELP)
@click.option("--json", "as_json", is_flag=True)
def timeline(
    actors: tuple[str, ...], since: str | None, until: str | None, guesses: bool, db: str | None, as_json: bool
) -> None:
    """Dated fused events, oldest first (for a pair of actors: the events between them); events coded
    with a confidence below the threshold (each event's "confidence" in --json) only with --all."""
    with one_line_errors(BadOption):
        chosen = checked_actors("--actor", actors)
        since, until = checked_range(since, until)
    with store_at(db) as store:
        answer = queries.timeline(store, chosen, since, until, guesses)
    for e in answer.items:
        if as_json:
            print_json(e.to_dict())
        else:
            click.echo(
                f"{e.date or 'undated':10} ({e.date_precision or '-'}{', implied' if e.date_implied else ''})  "
                f"{e.type}/{e.mode or '-'}  "
                f"{_names(e.source_actors)} -> {_names(e.target_actors)}  [{e.status}]"
            )
    note(answer.note("events"))


@click.command()
@click.option("--db", default=None, help=DB_HELP)
@click.option("--json", "as_json", is_flag=True, help="One JSON record per line.")
def actors(db: str | None, as_json: bool) -> None:
    """Actors on fused events, most events first, with country, sector, role and counts."""
    with store_at(db) as store:
        items = collect_actors(store)
    for a in items:
        if as_json:
            print_json(a)
        else:
            click.echo(
                f"{a['events']:5}  {a['name']}  [{a['country'] or '-'} {a['sector'] or '-'} {a['role'] or '-'}]"
                f"  source {a['as_source']}, target {a['as_target']}"
            )


@click.command()
@click.option("--speaker", default=None, help="Speaker name (any part, any case), actor id or country code.")
@click.option("--db", default=None, help=DB_HELP)
@click.option("--json", "as_json", is_flag=True, help="One JSON record per line.")
def quotes(speaker: str | None, db: str | None, as_json: bool) -> None:
    """Quotes in the stored articles, with who said them; an attitude or act a source showed
    ("signed ...", "thanked ...") is marked as one ("act" in --json), not taken for words; a negated cue
    ("have not said whether ...") reads "not said" ("negated" in --json): the source did not say it."""
    with store_at(db) as store:
        for q in queries.iter_quotes(store, speaker):
            if as_json:
                print_json(q)
            else:
                who = q["speaker"] or q["speaker_text"] or "?"
                cue = f"{q['verb'] or '-'}, an act" if q["act"] else q["verb"] or "-"
                cue = f"not {cue}" if q["negated"] else cue
                click.echo(f"{q['article_id']}  {who} ({cue}): {q['text'][:160]}")
