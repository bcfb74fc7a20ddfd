"""The "where the sources differ" benchmark: items read back from real briefs with the sentences of
each side, a fixed-seed sample, and the score of a labelled sample."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from newsfuse.model import Article, Block, Story
from newsfuse.stories.brief import briefing

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / ".." / "shared" / "corpus" / "clustering"
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "benchmarks" / "accuracy"))

import differences  # noqa: E402


def _documents(*doc_ids: str) -> dict[str, dict]:
    out = {}
    for line in open(DATA / "ecbplus" / "documents.jsonl", encoding="utf-8"):
        d = json.loads(line)
        if d["doc_id"] in doc_ids:
            out[d["doc_id"]] = d
    return out


def _brief_of(doc_ids: tuple[str, ...]) -> dict:
    """The brief of a story of the real ECB+ documents ``doc_ids`` (body: their sentences after the
    URL line), with the articles as ``faithfulness.briefs`` gives them."""
    docs = _documents(*doc_ids)
    articles = {}
    for i, doc_id in enumerate(doc_ids):
        sents = [" ".join(s) for s in docs[doc_id]["sentences"][1:]]
        blocks = tuple(Block("paragraph", s) for s in sents)
        articles[f"a{i}"] = Article(
            f"a{i}", f"{doc_id}.json", "json", None, None, f"Outlet {i}", None, blocks, external_id=doc_id
        )
    b = briefing(Story("s1", "pirates", tuple(articles)), [], articles)
    b["articles"] = {
        a: {"record": art.external_id, "sentences": list(art.paragraphs), "text": art.text}
        for a, art in articles.items()
    }
    return b


def test_a_figure_item_is_read_back_with_each_sides_articles_and_sentences():
    # ECB+ dev 12_5ecbplus gives 12 magazines, 12_7ecbplus 31 magazines
    b = _brief_of(("12_5ecbplus", "12_7ecbplus"))
    items = [differences._item(line, b, {}, None) for line in b["differ"]]
    magazines = next(i for i in items if i["what"] == "magazines")
    assert magazines["kind"] == "figure"
    by_value = {s["value"]: s for s in magazines["sides"]}
    assert set(by_value) == {"12 magazines", "31 magazines"}
    assert by_value["12 magazines"]["records"] == ["12_5ecbplus"]
    assert by_value["31 magazines"]["records"] == ["12_7ecbplus"]
    said = by_value["31 magazines"]["sentences"][0]["sentences"]
    assert len(said) == 1 and "31 magazines" in said[0] and "Navy confiscated" in said[0]
    assert magazines["records"] == ["12_5ecbplus", "12_7ecbplus"]


def _labelled(item: dict, label: str) -> dict:
    return {k: item[k] for k in ("corpus", "split", "story", "kind", "what", "values", "records")} | {
        "label": label,
        "reason": "why",
    }


def _fake(what: str, values: list[str], records: list[str]) -> dict:
    return {
        "corpus": "ecbplus",
        "split": "train",
        "story": "s",
        "kind": "figure",
        "what": what,
        "values": values,
        "records": records,
    }


def test_the_score_counts_real_items_among_the_labelled_ones_still_listed():
    a, b, c = (
        _fake("rifles", ["7 rifles", "9 rifles"], ["1", "2"]),
        _fake("boats", ["2 boats", "3 boats"], ["1", "3"]),
        _fake("people", ["5 people", "6 people"], ["4", "5"]),
    )
    labels = [_labelled(a, "real"), _labelled(b, "not real"), _labelled(c, "real")]
    s = differences.score([a, b], labels)
    assert (s["labelled"], s["listed"], s["real"], s["share_real"]) == (3, 2, 1, 0.5)
    assert s["wilson_95"][0] < 0.5 < s["wilson_95"][1]
    assert differences.wilson(6, 13) == [0.232, 0.709] and differences.wilson(0, 0) is None
    assert [x["what"] for x in s["not_real"]] == ["boats"]
    assert [x["what"] for x in s["no_longer_listed"]] == ["people"]  # a real item lost is reported
    # the key ignores the order the values are written in
    assert differences.score([_fake("rifles", ["9 rifles", "7 rifles"], ["1", "2"])], labels[:1])["real"] == 1
    # items labelled after the rules they test were written are counted apart (out-of-sample)
    fresh = [labels[0], labels[1] | {"out_of_sample": True}, labels[2] | {"out_of_sample": True}]
    assert differences.score([a, b], fresh)["out_of_sample"] == {"listed": 1, "real": 0, "wilson_95": [0.0, 0.793]}


def test_the_sample_is_fixed_by_its_seed_and_takes_all_when_fewer():
    items = [_fake("n", [f"{i} n", f"{i + 1} n"], [str(i)]) for i in range(60)]
    first = differences.sample(items)
    assert len(first) == 40 and first == differences.sample(list(reversed(items)))
    assert differences.sample(items, seed=1) != first
    assert len(differences.sample(items[:7])) == 7


def test_the_labels_name_what_they_label_say_why_and_when():
    for x in differences.load_labels():
        assert x["label"] in ("real", "not real", differences.MISSED) and x["reason"].strip()
        assert x["values"] and x["records"] and x["story"]
        assert x["labelled"].strip() and isinstance(x["out_of_sample"], bool)


def test_run_all_renders_the_share_of_real_items_and_every_item_not_real():
    import run_all

    a, b = _fake("rifles", ["7 rifles", "9 rifles"], ["1", "2"]), _fake("boats", ["2 boats", "3 boats"], ["1", "3"])
    labels = [_labelled(a, "real"), _labelled(b, "not real")]
    result = {
        "items": 2,
        "seed": differences.SEED,
        "protocol": differences.PROTOCOL,
        "sets": {"ecbplus-train": {"items": 2}},
    }
    result |= {"sample": differences.score([a, b], labels), "_environment": {}}
    text = run_all.render({"differences": result})
    assert (
        "**1/2** still listed are real disagreements (0.5, 95 % Wilson interval [0.095, 0.905])" in text
        and "**not met**" in text
    )
    assert "- not real: boats: 2 boats / 3 boats — why" in text and "in-sample for those rules" in text
    assert any(row[1] == "**1/2** (0.5)" for row in run_all.summary_rows({"differences": result}))


def test_each_kind_tried_is_judged_on_its_items_when_first_labelled():
    a, b, c = (
        _fake("people shot", ["3", "4"], ["1", "2"]),
        _fake("people killed", ["1", "2"], ["3", "4"]),
        _fake("age", ["31", "32"], ["5", "6"]),
    )
    labels = [
        _labelled(a, "not real") | {"rule": "casualty counts"},
        _labelled(b, "real") | {"rule": "casualty counts"},
        _labelled(c, "real") | {"rule": "ages set off after a full name"},
    ]
    found = {k["kind"]: k for k in differences.kinds(labels)}
    assert (found["casualty counts"]["first_labelled"], found["casualty counts"]["real"]) == (2, 1)
    assert found["clock times of the incident"]["first_labelled"] == 0 and found["clock times of the incident"]["kept"]
    assert not found["casualty counts"]["kept"]
    # the labels name only the kinds tried, or the plain counts
    named = {x["rule"] for x in differences.load_labels() if "rule" in x}
    assert named <= set(differences.KINDS) | {"plain counts"}
    # the rendered section says each kind and whether it was kept
    import run_all

    result = {"items": 3, "seed": differences.SEED, "protocol": "p", "sets": {}}
    result |= {"sample": differences.score([a, b, c], labels), "_environment": {}}
    text = run_all.render({"differences": result})
    assert "casualty counts (" in text and "1/2 real when first labelled, dropped" in text
    assert "clock times of the incident (" in text and "no item listed, kept" in text


def test_missed_disagreements_count_real_items_no_longer_listed_and_those_seen_by_hand():
    a, b, c = (
        _fake("rifles", ["7 rifles", "9 rifles"], ["1", "2"]),
        _fake("rifles", ["7 rifles", "9 rifles", "10 rifles"], ["1", "2", "3"]),
        _fake("boats", ["2 boats", "3 boats"], ["1", "3"]),
    )
    seen = _labelled(_fake("people", ["5 people", "6 people"], ["4", "5"]), differences.MISSED)
    labels = [_labelled(a, "real"), _labelled(b, "real"), _labelled(c, "not real"), seen]
    s = differences.score([], labels)
    # the two rifle labels share a wording: one disagreement labelled twice; a lost "not real" is no miss
    assert (s["missed"]["count"], s["missed"]["labelled_real_no_longer_listed"], s["missed"]["seen_in_articles"]) == (
        2,
        1,
        1,
    )
    assert s["missed"]["sets"] == {"ecbplus-train": 2}
    # a label of a missed one is no listed item: the share and the labelled count leave it out
    assert s["labelled"] == 3 and differences.score([a], labels)["missed"]["count"] == 1


def test_polnear_is_built_as_the_faithfulness_benchmark_splits_it():
    import faithfulness

    assert differences.CORPORA["polnear"] == faithfulness.SPLITS["polnear"] == ("train", "dev")
    assert set(differences.CORPORA) == {"ecbplus", "gvc", "polnear"}
