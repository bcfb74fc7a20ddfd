"""A web address's host as the name of its site."""

from __future__ import annotations

from collections.abc import Collection


def site_labels(host: str, prefixes: Collection[str]) -> list[str]:
    """The host's labels, lower case, without those opening it that name no site (``prefixes``: "www",
    "edition" of edition.cnn.com); a host keeps two labels at least."""
    labels = [p for p in host.lower().split(".") if p]
    while len(labels) > 2 and labels[0] in prefixes:
        labels = labels[1:]
    return labels
