"""``first_of_two`` cuts an average linkage into the same two groups as scipy's fcluster (maxclust 2),
ties at the top included."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.cluster.hierarchy import fcluster, linkage

from newsfuse.stories.cluster import first_of_two


@st.composite
def distances(draw):
    n = draw(st.integers(min_value=2, max_value=12))
    # few distinct values: ties between merges, the case where no cut gives two groups
    values = draw(st.lists(st.integers(min_value=0, max_value=4), min_size=n * (n - 1) // 2, max_size=n * (n - 1) // 2))
    return np.array(values, dtype=np.float64) / 4


@settings(max_examples=300, deadline=None)
@given(distances())
def test_the_two_groups_are_fclusters(condensed):
    merges = linkage(condensed, method="average")
    labels = fcluster(merges, 2, criterion="maxclust")
    first = first_of_two(merges)
    assert [bool(label == labels[0]) for label in labels] == [f == first[0] for f in first]


def test_two_far_groups_are_found():
    points = np.array([0.0, 0.1, 0.2, 5.0, 5.1])
    condensed = np.array([abs(a - b) for i, a in enumerate(points) for b in points[i + 1 :]])
    assert first_of_two(linkage(condensed, method="average")) in (
        [True, True, True, False, False],
        [False, False, False, True, True],
    )
