"""tell: the read side that the CLI, the API and the web page share.

``queries`` (events, timelines, stories, briefings, quotes), ``actors`` (the actor list),
``timeline`` (the one rule of who an event involves), ``records`` (whole tables page by page),
``options`` (dates and actors checked once) and ``limits`` (the one cap on an answer).
It reads the store through its interface and calls the stages' pure functions; it writes nothing.
"""

from .limits import MAX_EVENTS
from .options import BadOption
from .queries import Capped

__all__ = ["MAX_EVENTS", "BadOption", "Capped"]
