"""A joint act's parties are who does it, not where: "Russia and Belarus signed a deal in Moscow" is
signed by Russia and Belarus in Moscow, not also by the Russian government that the capital's name
may stand for ("Moscow said"). Sentences written here."""

from __future__ import annotations

from newsfuse.model import Article, Block
from newsfuse.pipeline import analyse


def _signings(sentence: str):
    article = Article("p1", "p1.json", "json", None, "2026-03-12", None, None, (Block("paragraph", sentence),))
    [result] = analyse([article], with_embeddings=False)
    return [m for m in result.mentions if m.type == "SUPPORT" and m.mode == "sign"]


def test_the_capital_a_joint_act_is_done_in_is_its_place_not_a_party():
    [m] = _signings("Russia and Belarus signed a five-year ocean research deal in Moscow on Tuesday.")
    assert {a.actor_id for a in m.source_actors + m.target_actors} == {"state:RUS", "state:BLR"}
    assert m.location == "Moscow"


def test_a_party_named_with_with_still_signs():
    [m] = _signings("Russia signed a five-year ocean research deal with Belarus in Moscow on Tuesday.")
    assert {"state:RUS", "state:BLR"} <= {a.actor_id for a in m.source_actors + m.target_actors}
    assert "gov:RUS" not in {a.actor_id for a in m.source_actors + m.target_actors}
