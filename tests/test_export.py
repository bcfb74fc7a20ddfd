"""Exports round-trip: what was written reads back (JSONL, CSV, Parquet, GDELT TSV, GraphML)."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import networkx as nx
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsfuse.events.ontology import min_confidence
from newsfuse.export import ExportError, export, export_to_stream, read_csv, read_gdelt
from newsfuse.export.gdelt import first_day, gdelt_row, shown
from newsfuse.export.rows import COLUMNS, article_row, flat_rows
from newsfuse.model import ActorRef, Article, Block, Event, MentionRef
from newsfuse.store import open_store

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def store(seeds_store_path):
    with open_store(str(seeds_store_path)) as s:
        yield s


def test_the_seed_store_has_something_to_export(store):
    assert store.count_articles() == 3
    assert store.events()
    assert store.mentions()


def test_jsonl_folder_holds_the_full_records(store, tmp_path):
    written = export(store, "jsonl", str(tmp_path / "out") + "/")  # a path ending with / is a folder
    assert sorted(Path(p).name for p in written) == ["articles.jsonl", "events.jsonl", "mentions.jsonl"]
    events = [json.loads(line) for line in (tmp_path / "out" / "events.jsonl").read_text().splitlines()]
    assert events == [e.to_dict() for e in store.events()]
    articles = [json.loads(line) for line in (tmp_path / "out" / "articles.jsonl").read_text().splitlines()]
    assert {a["id"] for a in articles} == {a.id for a in store.articles()}
    mentions = (tmp_path / "out" / "mentions.jsonl").read_text().splitlines()
    assert len(mentions) == len(store.mentions())


def test_csv_reads_back_row_for_row(store, tmp_path):
    export(store, "csv", str(tmp_path / "out") + "/")
    for what in ("articles", "events", "mentions"):
        back = list(read_csv(tmp_path / "out" / f"{what}.csv", what))
        expected = [{k: (v if v != "" else None) for k, v in row.items()} for row in flat_rows(store, what)]
        assert back == expected, what


def test_parquet_keeps_types_and_lists(store, tmp_path):
    path = export(store, "parquet", str(tmp_path / "events.parquet"), what="events")[0]
    table = pq.read_table(path)
    assert table.column_names == list(COLUMNS["events"])
    assert table.to_pylist() == list(flat_rows(store, "events"))
    list_type = table.schema.field("source_actors").type
    assert pa.types.is_list(list_type) and pa.types.is_string(list_type.value_type)


def test_gdelt_table_has_cameo_codes_and_dates(store, tmp_path):
    path = export(store, "gdelt", str(tmp_path / "events.tsv"))[0]
    rows = read_gdelt(path)
    events = {e.id: e for e in store.events()}
    confidence = {m.id: m.confidence for m in store.mentions()}
    kept = {i for i, e in events.items() if shown(e, confidence, min_confidence())}
    assert {r["NewsfuseEventId"] for r in rows} == kept and len(rows) == len(kept)
    for row in rows:
        e = events[row["NewsfuseEventId"]]
        assert row["Status"] not in ("denied", "hypothetical")
        assert row["EventRootCode"] == row["EventCode"][:2]
        assert row["QuadClass"] in {"1", "2", "3", "4"}
        assert row["NumMentions"] == str(len(e.mentions))
        if e.date and e.date_precision == "day":
            assert row["SQLDATE"] == e.date.replace("-", "")
        names = [a.name for a in e.source_actors]
        assert row["Actor1Name"] == (names[0] if names else "")
        if len(names) > 1 and not e.target_actors:  # a two-sided event keeps its second party
            assert row["Actor2Name"] == names[1]
        assert row["SOURCEURL"]  # a URL or the path of the first reporting file
    consult = [r for r in rows if r["PloverType"] == "CONSULT" and r["SQLDATE"] == "20251115"]
    assert consult and consult[0]["EventRootCode"] == "04"


def test_graphml_parses_in_networkx(store, tmp_path):
    path = export(store, "graphml", str(tmp_path))[0]
    assert Path(path).name == "newsfuse.graphml"
    g = nx.read_graphml(path)
    kinds = nx.get_node_attributes(g, "kind")
    assert sum(1 for k in kinds.values() if k == "event") == len(store.events())
    actors = [n for n, k in kinds.items() if k == "actor"]
    assert actors and all(g.nodes[n]["label"] for n in actors)
    for u, v, data in g.edges(data=True):
        assert data["role"] in ("source", "target")
        assert kinds[u if data["role"] == "source" else v] == "actor"


def test_one_table_into_an_existing_folder(store, tmp_path):
    written = export(store, "csv", str(tmp_path), what="mentions")
    assert written == [str(tmp_path / "mentions.csv")]
    assert len(list(read_csv(written[0], "mentions"))) == len(store.mentions())


def test_jsonl_to_a_file_is_one_file_of_every_table_with_its_kind(store, tmp_path):
    written = export(store, "jsonl", str(tmp_path / "all.jsonl"))
    assert written == [str(tmp_path / "all.jsonl")] and (tmp_path / "all.jsonl").is_file()
    records = [json.loads(line) for line in (tmp_path / "all.jsonl").read_text().splitlines()]
    by_kind = {k: [r for r in records if r["kind"] == k] for k in ("article", "event", "mention")}
    assert len(records) == sum(len(v) for v in by_kind.values())
    assert {r["id"] for r in by_kind["article"]} == {a.id for a in store.articles()}
    assert [{k: v for k, v in r.items() if k != "kind"} for r in by_kind["event"]] == [
        e.to_dict() for e in store.events()
    ]
    assert len(by_kind["mention"]) == len(store.mentions())


def test_csv_of_every_table_needs_a_folder_or_one_table(store, tmp_path):
    with pytest.raises(ExportError, match="--what"):
        export(store, "csv", str(tmp_path / "all.csv"))
    assert not (tmp_path / "all.csv").exists()


def test_export_to_a_stream_gives_the_bytes_of_the_file(store, tmp_path):
    stream = io.BytesIO()
    export_to_stream(store, "gdelt", stream)
    export(store, "gdelt", str(tmp_path / "g.tsv"))
    assert stream.getvalue() == (tmp_path / "g.tsv").read_bytes()
    assert stream.getvalue().startswith(b"GLOBALEVENTID\t")


def test_unknown_format_or_table_is_refused(store, tmp_path):
    with pytest.raises(ExportError):
        export(store, "xlsx", str(tmp_path / "x"))
    with pytest.raises(ExportError):
        export(store, "csv", str(tmp_path / "x"), what="quotes")


def test_empty_store_exports_empty_tables(tmp_path):
    with open_store(str(tmp_path / "empty.db")) as empty:
        (tmp_path / "out").mkdir()  # an existing folder
        export(empty, "parquet", str(tmp_path / "out"))
        export(empty, "gdelt", str(tmp_path / "g.tsv"))
        assert pq.read_table(tmp_path / "out" / "articles.parquet").num_rows == 0
        assert read_gdelt(tmp_path / "g.tsv") == []


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_first_day_of_every_precision(day):
    assert first_day(day.isoformat()) == day
    assert first_day(day.strftime("%Y-%m")) == day.replace(day=1)
    assert first_day(str(day.year)) == dt.date(day.year, 1, 1)
    year, week, _ = day.isocalendar()
    assert first_day(f"{year}-W{week:02d}") == day - dt.timedelta(days=day.weekday())
    quarter = (day.month - 1) // 3 + 1
    assert first_day(f"{day.year}-Q{quarter}") == dt.date(day.year, 3 * quarter - 2, 1)


@given(st.text(max_size=12))
def test_first_day_never_raises(text):
    assert first_day(text) is None or isinstance(first_day(text), dt.date)


def _event(status: str, sources, targets=(), mention_ids=("m1",)) -> Event:
    return Event(
        "e-" + status,
        "CONSULT",
        "phone",
        "040",
        "2025-11-15",
        "day",
        tuple(sources),
        tuple(targets),
        None,
        (),
        status,
        (),
        tuple(MentionRef(m, "a1", None, "", 0, 1) for m in mention_ids),
    )


def test_gdelt_writes_no_denied_or_hypothetical_event_and_keeps_both_parties():
    putin, bibi = ActorRef("Vladimir Putin", "RUS", "GOV"), ActorRef("Benjamin Netanyahu", "ISR", "GOV")
    sure = {"m1": 0.9, "m2": 0.3}
    assert shown(_event("occurred", [putin, bibi]), sure, 0.5)
    assert not shown(_event("denied", [putin, bibi]), sure, 0.5)
    assert not shown(_event("hypothetical", [putin, bibi]), sure, 0.5)
    assert not shown(_event("occurred", [putin, bibi], mention_ids=("m2",)), sure, 0.5)  # below the threshold
    row = gdelt_row(_event("occurred", [putin, bibi]), {})
    assert (row["Actor1CountryCode"], row["Actor2CountryCode"]) == ("RUS", "ISR")  # a call has two parties
    row = gdelt_row(_event("occurred", [putin], [bibi]), {})
    assert (row["Actor1Name"], row["Actor2Name"]) == ("Vladimir Putin", "Benjamin Netanyahu")


def test_gdelt_actor2_of_a_two_sided_event_is_the_other_party_not_another_name_of_the_first():
    portugal = ActorRef("Portugal", "PRT", None, None, "state:PRT")
    lisbon_government = ActorRef("Portuguese government", "PRT", "GOV", None, "gov:PRT")
    indonesia = ActorRef("Indonesia", "IDN", None, None, "state:IDN")
    row = gdelt_row(_event("occurred", [portugal, lisbon_government, indonesia]), {})
    assert (row["Actor1Name"], row["Actor2Name"]) == ("Portugal", "Indonesia")


def test_an_articles_wire_dateline_is_a_column_of_its_own():
    blocks = (Block("dateline", "NAIROBI, March 12 (Reuters) -"), Block("paragraph", "Kenya submitted a proposal."))
    row = article_row(Article("a1", "a.txt", "text", None, None, None, None, blocks))
    assert list(row) == list(COLUMNS["articles"])
    assert row["dateline"] == "NAIROBI, March 12 (Reuters) -"
