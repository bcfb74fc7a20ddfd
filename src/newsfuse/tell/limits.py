"""The one limit policy of the read side: the CLI, the API and the web page cap alike."""

from __future__ import annotations

MAX_EVENTS = 5000  # fused events one answer holds (a timeline, an event list, a story's events)
MAX_PAGE = 500  # records one API page holds
ACTOR_CACHE_SECONDS = 30.0  # how long the API keeps its actor list before reading it again
MAX_PAIR = 2  # a timeline is of one actor or between a pair
