"""Which fused events are guesses: coded below the events stage's confidence threshold."""

from __future__ import annotations

from ..events.ontology import min_confidence


def is_guess(confidence: float) -> bool:
    """An event whose most confident mention is coded below the events stage's threshold is a guess:
    every listing leaves it out unless asked for it (the brief and the GDELT export never state it)."""
    return confidence < min_confidence()


def threshold() -> float:
    """The confidence below which a fused event is a guess."""
    return min_confidence()
