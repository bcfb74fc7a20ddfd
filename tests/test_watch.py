"""Watch mode: new files and changed feeds are picked up; a restart neither skips nor repeats."""

from __future__ import annotations

import shutil

from newsfuse.store import open_store
from newsfuse.watch import load_checkpoint, watch

SEED_000 = "000_b5307fb3d8fa3eef.txt"
SEED_001 = "001_bbec696de197225f.txt"
SEED_002 = "002_05219128a0266354.txt"


def test_watch_picks_up_new_files_and_resumes_from_its_checkpoint(tmp_path, seeds_dir):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    db = str(tmp_path / "w.db")
    shutil.copy(seeds_dir / SEED_000, inbox / "a.txt")
    seen: list[str] = []
    with open_store(db) as store:
        assert watch(store, [str(inbox)], once=True, on_file=lambda p, s: seen.append(p)) == 1
        assert store.count_articles() == 1
    # a restart with nothing new: nothing repeated
    with open_store(db) as store:
        assert watch(store, [str(inbox)], once=True) == 0
        shutil.copy(seeds_dir / SEED_001, inbox / "b.txt")
        assert watch(store, [str(inbox)], once=True, on_file=lambda p, s: seen.append(p)) == 1
        assert store.count_articles() == 2
        assert set(load_checkpoint(store)) == {str(inbox / "a.txt"), str(inbox / "b.txt")}
    assert seen == [str(inbox / "a.txt"), str(inbox / "b.txt")]


def test_a_changed_feed_file_is_read_again_and_only_new_entries_added(tmp_path):
    feed = tmp_path / "feed.xml"

    def rss(items: list[tuple[str, str]]) -> str:
        body = "".join(
            f"<item><title>{t}</title><guid>{t}</guid><pubDate>Tue, 10 Mar 2026 10:00:00 GMT</pubDate>"
            f"<description>{d}</description></item>"
            for t, d in items
        )
        return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>{body}</channel></rss>'

    first = ("Talks in Lisbon", "The foreign ministers of Portugal and Brazil held talks in Lisbon on Monday.")
    second = ("Sanctions announced", "The European Union imposed sanctions on three shipping firms on Tuesday.")
    feed.write_text(rss([first]), encoding="utf-8")
    db = str(tmp_path / "w.db")
    with open_store(db) as store:
        assert watch(store, [str(feed)], once=True) == 1
        assert store.count_articles() == 1
        feed.write_text(rss([first, second]), encoding="utf-8")
        assert watch(store, [str(feed)], once=True) == 1
        assert store.count_articles() == 2
        assert watch(store, [str(feed)], once=True) == 0


def test_watch_reads_a_folder_as_ingest_does(tmp_path, seeds_dir):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(seeds_dir / SEED_002, inbox / "a.txt")
    (inbox / "README.md").write_text("# notes about this folder\n", encoding="utf-8")
    (inbox / "b.txt.part").write_text("still being copied", encoding="utf-8")
    with open_store(str(tmp_path / "w.db")) as store:
        assert watch(store, [str(inbox)], once=True) == 1
        assert set(load_checkpoint(store)) == {str(inbox / "a.txt")}
