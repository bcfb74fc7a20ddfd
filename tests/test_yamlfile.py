"""text.yamlfile: YAML 1.2's booleans. PyYAML follows YAML 1.1, where on/off/yes/no are booleans:
word lists in four data files had silently lost 'on', 'off' and 'yes' ("call on" never asked anyone,
"called off the strike" never conceded)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from newsfuse.text.yamlfile import load_yaml

DATA = Path(__file__).resolve().parents[1] / "src" / "newsfuse"
YAML_11_BOOLEANS = ["on", "off", "yes", "no", "On", "OFF", "Yes", "NO", "y", "n"]


def test_words_that_yaml_1_1_reads_as_booleans_stay_words():
    assert load_yaml("with: [for, on, upon, off, yes, no]") == {"with": ["for", "on", "upon", "off", "yes", "no"]}
    assert load_yaml("{on: 1, no: 2}") == {"on": 1, "no": 2}
    assert load_yaml("[true, false, True, FALSE]") == [True, False, True, False]
    assert load_yaml("[1, 2.5, null, '1']") == [1, 2.5, None, "1"]


@given(st.sampled_from(YAML_11_BOOLEANS))
def test_any_yaml_1_1_boolean_word_is_a_string(word):
    assert load_yaml(f"words: [{word}]") == {"words": [word]}


def _mixed_lists(node, path=""):
    """Lists that hold strings and booleans together: a word the loader read as a boolean."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _mixed_lists(value, f"{path}/{key}")
    elif isinstance(node, list):
        kinds = {type(x) for x in node}
        if str in kinds and bool in kinds:
            yield path
        for i, value in enumerate(node):
            yield from _mixed_lists(value, f"{path}[{i}]")


def test_no_data_file_has_a_word_list_with_a_boolean_in_it():
    files = sorted(DATA.glob("**/data/*.yaml"))
    assert len(files) > 20
    assert [(f.name, p) for f in files for p in _mixed_lists(load_yaml(f.read_text(encoding="utf-8")))] == []
