"""The block-level decision: candidates from both bodies, their features, the fit and the choice."""

from __future__ import annotations

import gzip
import json
from dataclasses import replace
from pathlib import Path

import lxml.html
import numpy as np

from newsfuse import model
from newsfuse.clean import blocks
from newsfuse.clean.html import html_variants

WCXB = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus" / "extraction" / "wcxb-dev-articles"

PROSE = [
    "The harbour authority said on Monday that the new breakwater would be finished by the spring.",
    "Engineers had warned for years that the old wall could not stand another winter of storms.",
    "Fishermen who use the harbour welcomed the news but asked for the work to be done at night.",
]
MENU = "Home | World | Sport | Business"


def para(text: str) -> model.Block:
    return model.Block("paragraph", text)


def parts(own: list[str], other: list[str], links: tuple[str, ...] = (), chosen: str = "own") -> blocks.PageParts:
    return blocks.PageParts(tuple(map(para, own)), tuple(map(para, other)), chosen, ("", ""), links, agreement=0.5)


def feature(cand: blocks.Candidate, name: str) -> float:
    return cand.features[blocks.feature_names().index(name)]


def test_both_bodies_merge_in_page_order_with_shared_blocks_once() -> None:
    merged = blocks.merged_blocks(
        [para("a"), para("b"), para("own only"), para("d")], [para("a"), para("b"), para("other only"), para("d")]
    )
    assert [(b.text, o, t) for b, o, t, _ in merged] == [
        ("a", True, True),
        ("b", True, True),
        ("own only", True, False),
        ("other only", False, True),
        ("d", True, True),
    ]


def test_a_line_of_links_has_full_link_share_and_prose_little() -> None:
    links = ("Home", "World", "Sport", "Business", "breakwater")
    assert blocks.link_share(MENU, links) > 0.8
    assert blocks.link_share(PROSE[0], links) < 0.15


def test_the_longest_prose_run_spans_the_article_not_the_teasers_after_it() -> None:
    texts = [MENU, *PROSE, "Share", *PROSE[:1], "Most read", "Teaser one", "Teaser two", "Short teaser text here."]
    cands = blocks.candidates(parts(texts, texts))
    assert [feature(c, "in_core") for c in cands] == [0, 1, 1, 1, 1, 1, 0, 0, 0, 0]
    assert feature(cands[0], "before_core") > 0 and feature(cands[-1], "after_core") > 0


def test_features_say_which_extractor_kept_a_block() -> None:
    cands = blocks.candidates(parts([PROSE[0], PROSE[1]], [PROSE[0], MENU], chosen="other"))
    by_text = {c.block.text: c for c in cands}
    assert feature(by_text[PROSE[0]], "in_both") == 1
    assert (feature(by_text[PROSE[1]], "in_own"), feature(by_text[PROSE[1]], "in_chosen")) == (1, 0)
    assert (feature(by_text[MENU], "in_other"), feature(by_text[MENU], "in_chosen")) == (1, 1)


def train_pages() -> list[tuple[list[blocks.Candidate], str]]:
    """Pages whose truth is the prose; both bodies also hold a menu line made of links."""
    pages = []
    for n in range(12):
        prose = [f"{p} Report {n}." for p in PROSE]
        menu = f"Home | World | Sport | Business {n}"
        links = ("Home", "World", "Sport", f"Business {n}")
        texts = [menu, *prose] if n % 2 else [*prose, menu]
        pages.append((blocks.candidates(parts(texts, texts, links)), "\n".join(prose)))
    return pages


def test_a_fitted_model_drops_the_menu_and_keeps_the_article() -> None:
    fitted = blocks.fit_pages(train_pages())
    page = [MENU, *PROSE]
    kept = blocks.decide(blocks.candidates(parts(page, page, ("Home", "World", "Sport", "Business"))), fitted)
    assert [b.text for b in kept] == PROSE


def test_a_kept_block_repeating_kept_text_is_dropped() -> None:
    fitted = blocks.fit_pages(train_pages())
    longer = PROSE[0] + " It will cost four million."
    kept = blocks.decide(blocks.candidates(parts([PROSE[0], PROSE[1]], [longer, PROSE[1]])), fitted)
    assert [b.text for b in kept].count(PROSE[1]) == 1
    assert sum(1 for b in kept if b.text in (PROSE[0], longer)) == 1


def test_text_the_page_itself_repeats_stays() -> None:
    fitted = blocks.fit_pages(train_pages())
    page = [PROSE[0], "UK", PROSE[0], PROSE[1]]
    kept = blocks.decide(blocks.candidates(parts(page, page)), fitted)
    assert [b.text for b in kept].count(PROSE[0]) == 2


def test_the_shipped_model_reads_these_features() -> None:
    shipped = blocks.shipped_model()
    assert len(shipped.weights) == len(blocks.feature_names())
    page = [MENU, *PROSE]
    probs = shipped.probabilities(np.array([c.features for c in blocks.candidates(parts(page, page))]))
    assert probs[1:].min() > probs[0]  # the prose above the menu line


def test_switched_on_a_real_page_keeps_its_article_and_names_what_it_dropped(monkeypatch) -> None:
    monkeypatch.setitem(blocks.settings(), "enabled", True)
    page = gzip.decompress((WCXB / "html" / "0118.html.gz").read_bytes()).decode("utf-8")
    doc = model.RawDocument(source_path="0118.html", format="html", text=page, input_sha256="x", meta={"html": True})
    v = html_variants(doc)
    decided = v.articles["blocks"]
    body = "\n".join(b.text for b in decided.blocks)
    assert "Principle Of Regularity: Regularity is defined as conformity to enforced rules and laws." in body
    assert "cookies" not in body.lower()
    assert {b.text for b in decided.blocks} <= {b.text for b in v.parts.own} | {b.text for b in v.parts.other}
    dropped = [r.text for r in decided.removed if r.reason == "block classifier"]
    assert not set(dropped) & {b.text for b in decided.blocks}


def test_a_model_round_trips_through_json_and_refuses_other_features() -> None:
    fitted = blocks.fit_pages(train_pages())
    again = blocks.BlockModel.from_json(json.loads(json.dumps(fitted.to_json())))
    rows = np.array([c.features for c in train_pages()[0][0]])
    assert np.allclose(again.probabilities(rows), fitted.probabilities(rows), atol=1e-4)
    bad = {**fitted.to_json(), "features": ["words"]}
    try:
        blocks.BlockModel.from_json(bad)
    except ValueError:
        return
    raise AssertionError("a model over other features was accepted")


def test_a_real_page_gives_both_bodies_its_links_and_a_candidate_for_every_block() -> None:
    page = gzip.decompress((WCXB / "html" / "0118.html.gz").read_bytes()).decode("utf-8")
    doc = model.RawDocument(source_path="0118.html", format="html", text=page, input_sha256="x", meta={"html": True})
    v = html_variants(doc, with_parts=True)
    assert v.parts is not None and v.parts.own and v.parts.other and v.parts.links
    assert v.parts.own == v.articles["own"].blocks
    texts = [c.block.text for c in blocks.candidates(v.parts)]
    assert set(texts) == {b.text for b in v.parts.own} | {b.text for b in v.parts.other}
    assert all(len(c.features) == len(blocks.feature_names()) for c in blocks.candidates(v.parts))


PAGE = f"""<html><body><div id="page"><article><div class="entry-body">
<p>{PROSE[0]}</p><p>{PROSE[1]}</p>
<div class="promoBox"><p>Read our other stories about the harbour and the town, every day of the week.</p></div>
<p>{PROSE[2]}</p></div></article>
<aside class="related-posts"><ul><li>New ferry timetable for the winter season</li></ul></aside>
<form class="newsletter-signup"><p>Enter email address</p></form></div></body></html>"""
PROMO = "Read our other stories about the harbour and the town, every day of the week."


def structured_parts() -> blocks.PageParts:
    tree = lxml.html.fromstring(PAGE)
    texts = [PROSE[0], PROSE[1], PROMO, PROSE[2], "New ferry timetable for the winter season", "Enter email address"]
    base = parts(texts, texts)
    return replace(base, structure=blocks.page_structure(tree))


def structure_feature(cand: blocks.Candidate, name: str) -> float:
    return cand.features[blocks.feature_names().index(name)]


def test_class_and_id_words_split_at_dashes_and_camel_case_into_their_groups() -> None:
    groups = blocks.class_word_groups()
    el = lxml.html.fromstring('<div class="promoBox related-posts" id="newsletterSignup">x</div>')
    assert blocks.class_groups(el, groups) == ("related", "subscribe")
    assert blocks.class_groups(lxml.html.fromstring('<div class="header-adjacent loader">x</div>'), groups) == (
        "furniture",
    )


def test_blocks_map_back_to_their_elements_by_text_or_opening() -> None:
    structure = blocks.page_structure(lxml.html.fromstring(PAGE))
    node = blocks.element_of(structure, PROSE[1])
    assert node is not None and structure.elements[node][1] == "p"
    assert blocks.element_of(structure, PROSE[2] + " A line the page never had.") is not None
    assert blocks.element_of(structure, "Nothing like this is on the page") is None


def test_structure_features_tell_the_main_run_from_asides_forms_and_boxes(monkeypatch) -> None:
    monkeypatch.setitem(blocks.settings()["structure"], "enabled", True)
    cands = {c.block.text: c for c in blocks.candidates(structured_parts())}
    assert all(len(c.features) == len(blocks.feature_names()) for c in cands.values())
    main = cands[PROSE[1]]
    assert [structure_feature(main, n) for n in ("mapped", "in_article_main", "under_core", "core_parent")] == [1] * 4
    promo = cands[PROMO]
    assert structure_feature(promo, "class_related") == 1 and structure_feature(promo, "core_parent") == 0
    assert structure_feature(promo, "depth_below_core") > structure_feature(main, "depth_below_core")
    aside = cands["New ferry timetable for the winter season"]
    assert [structure_feature(aside, n) for n in ("tag_aside", "tag_li", "class_related", "under_core")] == [1, 1, 1, 0]
    assert structure_feature(aside, "steps_off_core") > 0
    form = cands["Enter email address"]
    assert (structure_feature(form, "tag_form"), structure_feature(form, "class_subscribe")) == (1, 1)


def test_without_a_main_run_or_a_tree_the_structure_features_stay_zero(monkeypatch) -> None:
    monkeypatch.setitem(blocks.settings()["structure"], "enabled", True)
    base = structured_parts()
    menus = replace(base, own=(para("New ferry timetable for the winter season"),), other=())
    (cand,) = blocks.candidates(menus)
    assert structure_feature(cand, "tag_aside") == 1 and structure_feature(cand, "steps_off_core") == 0
    (bare,) = blocks.candidates(replace(menus, structure=None))
    assert bare.features[len(blocks.FEATURES) :] == (0.0,) * (len(blocks.feature_names()) - len(blocks.FEATURES))


def test_switched_off_the_model_reads_only_the_text_features(monkeypatch) -> None:
    monkeypatch.setitem(blocks.settings()["structure"], "enabled", False)
    assert blocks.feature_names() == blocks.FEATURES
    assert all(len(c.features) == len(blocks.FEATURES) for c in blocks.candidates(structured_parts()))


def test_switched_on_a_real_page_carries_its_structure_and_its_blocks_find_their_elements(monkeypatch) -> None:
    monkeypatch.setitem(blocks.settings()["structure"], "enabled", True)
    page = gzip.decompress((WCXB / "html" / "0118.html.gz").read_bytes()).decode("utf-8")
    doc = model.RawDocument(source_path="0118.html", format="html", text=page, input_sha256="x", meta={"html": True})
    v = html_variants(doc, with_parts=True)
    assert v.parts is not None and v.parts.structure is not None
    texts = {b.text for b in v.parts.own}
    assert sum(blocks.element_of(v.parts.structure, t) is not None for t in texts) >= 0.9 * len(texts)
