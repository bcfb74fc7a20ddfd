"""A source named from its address (no outlet on the page) is named by its site: the host without the labels
that open a host and name no site ("www.", "edition."), never cut to fewer than two labels."""

from __future__ import annotations

import pytest

from newsfuse.stories.sources import host


@pytest.mark.parametrize(
    ("url", "name"),
    [
        ("http://edition.quayside.example/2026/03/12/fund", "quayside.example"),
        ("https://www.quayside.example/a", "quayside.example"),
        ("https://WWW.Quayside.Example/a", "quayside.example"),
        ("https://m.news-desk.example/a", "news-desk.example"),
        ("http://archive30.quayside.example/a", "archive30.quayside.example"),  # a site of its own
        ("http://www.example/a", "www.example"),  # two labels: nothing to drop
        (None, None),
        ("", None),
    ],
)
def test_a_source_is_named_by_its_site(url, name):
    assert host(url) == name
