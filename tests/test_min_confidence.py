"""`min_confidence` on the endpoints the dashboard reads (partners, graph, events and the events exports): the events
below it are left out in Cypher, and the partners and the network's edges are counted from the events kept, so they
still agree with each other and with the timeline. Bad values are a 422 naming the parameter."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import neo4j
import pytest
from fastapi.testclient import TestClient

from service.api.app import create_app
from service.graph.driver import ConnectionInfo
from service.graph.repository import GraphRepository
from tests.conftest import api_settings
from tests.test_api_read import ACCUSATION, AID, ATTACK, DRILLS, SHELLING, TALKS, TROOPS, URL, _write, ok

# (sentence, type, sources, targets, date, options) with each event's confidence.
EVENTS = {
    "troops": (TROOPS, "MOBILIZE", ["PRK"], ["RUS"], "2024-10-18", {"mode": "troops", "confidence": 0.9}),
    "talks": (TALKS, "CONSULT", ["RUS", "CHN"], [], "2024-05-16", {"symmetric": True, "confidence": 0.3}),
    "attack": (ATTACK, "ASSAULT", ["RUS"], ["UKR"], "2023-08-17", {"confidence": 0.9}),
    "shelling": (SHELLING, "ASSAULT", ["RUS"], ["UKR"], "2024-03", {"confidence": 0.4}),
    "accusation": (ACCUSATION, "ACCUSE", ["UKR"], ["RUS"], "2024-02-01", {"confidence": 0.6}),
    "drills": (DRILLS, "MOBILIZE", ["RUS"], ["JPN"], "2023-09", {"mode": "exercise", "confidence": 0.2}),
    "aid": (AID, "AID", ["DEU"], ["UKR"], None, {"confidence": 0.5}),
}
CONFIDENCE = {name: event[5]["confidence"] for name, event in EVENTS.items()}
BAD_VALUES = ["1.5", "-0.1", "abc", "nan", "inf", "0,5"]


@pytest.fixture(scope="module")
def client(graph_driver: neo4j.Driver, neo4j_server: ConnectionInfo) -> Iterator[TestClient]:
    repo = GraphRepository(graph_driver, neo4j_server.database, uri=neo4j_server.uri, user=neo4j_server.user)
    repo.run_admin("admin/delete_all")
    for name, event in EVENTS.items():
        _write(repo, event[0], URL + name, date(2024, 11, 1), [event])
    with TestClient(create_app(api_settings(neo4j_server))) as test_client:
        yield test_client
    repo.run_admin("admin/delete_all")


def event_names(client: TestClient, **params: Any) -> set[str]:
    """The EVENTS GET /events returns with `params`, by their name here (read from each event's sentence)."""
    sentences = {event[0]: name for name, event in EVENTS.items()}
    names = set()
    for event in ok(client, "/events", limit=200, **params)["events"]:
        detail = ok(client, f"/events/{event['id']}")
        names |= {sentences[e["sentence"]] for e in detail["evidence"]}
    return names


def kept(least: float, *names: str) -> set[str]:
    return {name for name in names or EVENTS if CONFIDENCE[name] >= least}


@pytest.mark.parametrize("least", [0.0, 0.3, 0.5, 0.6, 0.61, 0.9, 1.0])
def test_events_below_the_minimum_are_left_out(client: TestClient, least: float) -> None:
    assert event_names(client) == set(EVENTS)
    assert event_names(client, min_confidence=least) == kept(least)
    russia = ("troops", "talks", "attack", "shelling", "accusation", "drills")
    assert event_names(client, actor="RUS", min_confidence=least) == kept(least, *russia)
    assert event_names(client, type="ASSAULT", min_confidence=least) == kept(least, "attack", "shelling")
    assert event_names(client, actor="UKR", since="2024", min_confidence=least) == kept(least, "shelling", "accusation")
    exported = ok(client, "/export/events.json", min_confidence=least)
    assert len(exported) == len(kept(least))


def partners(client: TestClient, actor: str, stance: str, **params: Any) -> list[tuple[str, int, float]]:
    answer = ok(client, f"/countries/{actor}/partners", stance=stance, **params)
    return [(p["id"], p["event_count"], round(p["score"], 6)) for p in answer["partners"]]


def test_partners_count_only_the_events_kept(client: TestClient) -> None:
    assert partners(client, "RUS", "cooperation") == [("PRK", 1, 1.8), ("CHN", 1, 0.3)]
    assert partners(client, "RUS", "cooperation", min_confidence=0.5) == [("PRK", 1, 1.8)]
    # ATTACKS 0.9 x 2 + ACCUSES 0.6 x 1; the 0.4 shelling and the 0.2 drills are left out.
    assert partners(client, "RUS", "conflict") == [("UKR", 3, 3.2), ("JPN", 1, 0.4)]  # drills: material
    assert partners(client, "RUS", "conflict", min_confidence=0.5) == [("UKR", 2, 2.4)]
    assert partners(client, "RUS", "conflict", min_confidence=0.5, since="2024") == [("UKR", 1, 0.6)]
    assert partners(client, "RUS", "conflict", min_confidence=0.95) == []
    # 0 keeps every event: the same answer as the relationship layer's summaries give without the parameter.
    for stance in ("cooperation", "conflict"):
        assert partners(client, "RUS", stance, min_confidence=0) == partners(client, "RUS", stance)
        assert partners(client, "UKR", stance, min_confidence=0, since="2024-01") == partners(
            client, "UKR", stance, since="2024-01"
        )


def edges(client: TestClient, **params: Any) -> set[tuple[str, str, str, int]]:
    graph = ok(client, "/graph", center="RUS", depth=1, **params)
    return {(e["source"], e["target"], e["type"], e["event_count"]) for e in graph["edges"]}


def test_the_network_counts_only_the_events_kept(client: TestClient) -> None:
    assert edges(client) == {
        ("PRK", "RUS", "DEPLOYS_TROOPS_TO", 1),
        ("CHN", "RUS", "MET_WITH", 1),
        ("RUS", "UKR", "ATTACKS", 2),
        ("UKR", "RUS", "ACCUSES", 1),
        ("RUS", "JPN", "SHOWS_FORCE_TO", 1),
    }
    assert edges(client, min_confidence=0.5) == {
        ("PRK", "RUS", "DEPLOYS_TROOPS_TO", 1),
        ("RUS", "UKR", "ATTACKS", 1),
        ("UKR", "RUS", "ACCUSES", 1),
    }
    assert edges(client, min_confidence=0.5, since="2024") == {
        ("PRK", "RUS", "DEPLOYS_TROOPS_TO", 1),
        ("UKR", "RUS", "ACCUSES", 1),
    }
    assert edges(client, min_confidence=0) == edges(client)
    nodes = {n["id"] for n in ok(client, "/graph", center="RUS", min_confidence=0.5)["nodes"]}
    assert nodes == {"RUS", "PRK", "UKR"}


@pytest.mark.parametrize("least", [0.3, 0.5, 0.7])
def test_the_network_and_the_partners_agree(client: TestClient, least: float) -> None:
    for since in (None, "2024"):
        drawn: dict[str, int] = {}
        for source, target, _, count in edges(client, min_confidence=least, since=since):
            other = target if source == "RUS" else source
            drawn[other] = drawn.get(other, 0) + count
        listed = {
            actor: count
            for stance in ("cooperation", "conflict")
            for actor, count, _ in partners(client, "RUS", stance, min_confidence=least, since=since)
        }
        assert drawn == listed, (least, since)


def relation_names(client: TestClient, a: str, b: str, **params: Any) -> set[str]:
    sentences = {event[0]: name for name, event in EVENTS.items()}
    answer = ok(client, "/relations", a=a, b=b, **params)
    return {sentences[e["sentence"]] for event in answer["events"] for e in event["evidence"]}


@pytest.mark.parametrize("least", [0.0, 0.4, 0.5, 0.6, 0.95])
def test_a_pairs_events_below_the_minimum_are_left_out(client: TestClient, least: float) -> None:
    assert relation_names(client, "RUS", "UKR") == {"attack", "shelling", "accusation"}
    assert relation_names(client, "RUS", "UKR", min_confidence=least) == kept(least, "attack", "shelling", "accusation")
    assert relation_names(client, "UKR", "RUS", since="2024", min_confidence=least) == kept(
        least, "shelling", "accusation"
    )


@pytest.mark.parametrize("value", BAD_VALUES)
@pytest.mark.parametrize(
    ("path", "params"),
    [
        ("/countries/RUS/partners", {}),
        ("/graph", {"center": "RUS"}),
        ("/relations", {"a": "RUS", "b": "UKR"}),
        ("/events", {}),
        ("/events", {"actor": "RUS"}),
        ("/export/events.csv", {}),
    ],
)
def test_a_bad_minimum_is_a_422_naming_it(client: TestClient, path: str, params: dict[str, str], value: str) -> None:
    before = ok(client, "/stats")
    response = client.get(path, params={**params, "min_confidence": value})
    assert response.status_code == 422, response.text
    (error,) = response.json()["detail"]
    assert error["loc"] == ["query", "min_confidence"]
    assert error["msg"]
    assert ok(client, "/stats") == before
