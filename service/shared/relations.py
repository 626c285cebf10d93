"""The relationship layer: typed, dated edges between actors, derived from events.

Each PLOVER event type maps to one relationship type (CONSULT -> MET_WITH, ASSAULT -> ATTACKS, ...). Cypher cannot
take a relationship type as a parameter and nothing may be formatted into Cypher, so cypher/write/upsert_relations
has one fixed `FOREACH (... CASE ...) | MERGE (a)-[:TYPE]->(b))` branch per member of `Relation`, and rows name
their type by the Enum's value (tests/test_load.py checks that branches and Enum agree). One statement updates the
edges of every type an article touches.
"""

from __future__ import annotations

from enum import StrEnum
from itertools import combinations


class Relation(StrEnum):
    MET_WITH = "MET_WITH"
    AGREED_WITH = "AGREED_WITH"
    COOPERATES_WITH = "COOPERATES_WITH"
    SUPPORTS = "SUPPORTS"
    CONCEDES_TO = "CONCEDES_TO"
    AIDS = "AIDS"
    DEPLOYS_TROOPS_TO = "DEPLOYS_TROOPS_TO"
    SHOWS_FORCE_TO = "SHOWS_FORCE_TO"
    ATTACKS = "ATTACKS"
    SANCTIONS = "SANCTIONS"
    ACCUSES = "ACCUSES"
    THREATENS = "THREATENS"
    REQUESTS = "REQUESTS"
    REJECTS = "REJECTS"
    COERCES = "COERCES"
    PROTESTS_AGAINST = "PROTESTS_AGAINST"
    RETREATS_FROM = "RETREATS_FROM"

    @property
    def undirected(self) -> bool:
        """Meeting, agreeing and cooperating are mutual whoever the sentence names first: always one edge per pair."""
        return self in UNDIRECTED


UNDIRECTED = frozenset({Relation.MET_WITH, Relation.AGREED_WITH, Relation.COOPERATES_WITH})

RELATION_OF_TYPE: dict[str, Relation] = {
    "CONSULT": Relation.MET_WITH,
    "AGREE": Relation.AGREED_WITH,
    "COOPERATE": Relation.COOPERATES_WITH,
    "SUPPORT": Relation.SUPPORTS,
    "CONCEDE": Relation.CONCEDES_TO,
    "AID": Relation.AIDS,
    "MOBILIZE": Relation.SHOWS_FORCE_TO,  # troop movements: DEPLOYS_TROOPS_TO, see relation_for()
    "ASSAULT": Relation.ATTACKS,
    "SANCTION": Relation.SANCTIONS,
    "ACCUSE": Relation.ACCUSES,
    "THREATEN": Relation.THREATENS,
    "REQUEST": Relation.REQUESTS,
    "REJECT": Relation.REJECTS,
    "COERCE": Relation.COERCES,
    "PROTEST": Relation.PROTESTS_AGAINST,
    "RETREAT": Relation.RETREATS_FROM,
}


def relation_for(event_type: str, mode: str | None) -> Relation:
    if event_type == "MOBILIZE" and mode == "troops":
        return Relation.DEPLOYS_TROOPS_TO
    return RELATION_OF_TYPE[event_type]


def actor_pairs(relation: Relation, symmetric: bool, source: list[str], target: list[str]) -> list[tuple[str, str]]:
    """(start, end) actor ids of the edges an event contributes to.

    A symmetric event, or any event of an undirected relation, gives one edge per unordered pair in a canonical
    direction (smaller id -> larger id), so that "A met B" and "B met A" update the same edge. A directed event
    gives source -> target edges; without a target (troops massed, a protest) it gives none.
    """
    if symmetric:
        actors = sorted(set(source) | set(target))
        return list(combinations(actors, 2))
    pairs = {(s, t) for s in source for t in target if s != t}
    if relation.undirected:
        pairs = {(min(s, t), max(s, t)) for s, t in pairs}
    return sorted(pairs)
