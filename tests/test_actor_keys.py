"""Every actor node is keyed `id` (a country by its ISO3 code, also kept as `iso3`), so `MATCH (:Country {id: 'RUS'})`
works in Neo4j Browser as `MATCH (:Organization {id: 'NATO'})` does. A graph written by a version that keyed
countries `iso3` only is upgraded at startup (admin/country_id_upgrade, in batches): idempotent, resumable, and the
API then answers exactly as on a graph written fresh."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import neo4j
import pytest
from fastapi.testclient import TestClient

from service.api.app import create_app
from service.graph.driver import ConnectionInfo
from service.graph.repository import GraphRepository
from service.graph.schema import apply_schema, upgrade_country_ids
from tests.conftest import api_settings, nodes
from tests.test_api_read import build_graph

# GET requests covering every read endpoint and export, with and without date ranges.
REQUESTS: list[tuple[str, dict[str, Any]]] = [
    ("/countries", {}),
    ("/countries/RUS", {}),
    ("/countries/RUS/partners", {}),
    ("/countries/RUS/partners", {"stance": "conflict"}),
    ("/countries/RUS/partners", {"stance": "cooperation", "since": "2023", "until": "2024"}),
    ("/countries/UKR/partners", {"types": "AID"}),
    ("/relations", {"a": "RUS", "b": "UKR"}),
    ("/relations", {"a": "PRK", "b": "RUS", "since": "2024-01"}),
    ("/relations/timeline", {"a": "RUS", "b": "UKR", "interval": "month"}),
    ("/events", {}),
    ("/events", {"actor": "RUS"}),
    ("/events", {"actor": "RUS", "since": "2023-01", "until": "2024-12"}),
    ("/events", {"type": "ASSAULT"}),
    ("/people", {}),
    ("/people", {"country": "RUS"}),
    ("/people/person:vladimir-putin", {}),
    ("/graph", {"center": "RUS", "depth": 2}),
    ("/graph", {"center": "RUS", "depth": 1, "since": "2023", "until": "2024"}),
    ("/ask", {"q": "who is cooperating with Russia?"}),
    ("/ask", {"q": "who attacked Ukraine?"}),
    ("/export/relations.json", {"actor": "RUS"}),
    ("/export/relations.csv", {}),
    ("/export/events.json", {"actor": "RUS"}),
    ("/export/graph.graphml", {"actor": "RUS"}),
]


@pytest.fixture
def written(graph: GraphRepository) -> Iterator[GraphRepository]:
    """The read API's test graph, written by the current loader; the country_id constraint is restored after."""
    build_graph(graph)
    yield graph
    apply_schema(graph)


def answers(server: ConnectionInfo) -> list[tuple[int, Any]]:
    """Every REQUESTS answer from a freshly started API (its startup applies the schema and the upgrades)."""
    results: list[tuple[int, Any]] = []
    with TestClient(create_app(api_settings(server))) as client:
        for path, params in REQUESTS:
            response = client.get(path, params=params)
            body = response.json() if "json" in response.headers["content-type"] else response.text
            results.append((response.status_code, body))
        events = client.get("/events", params={"limit": 200}).json()["events"]
        for event in events:
            response = client.get(f"/events/{event['id']}")
            results.append((response.status_code, response.json()))
    return results


def make_old_shape(repo: GraphRepository) -> int:
    """The graph as a version keying countries `iso3` only left it: no `id` on countries, no constraint on it."""
    repo.run_admin("admin/drop_country_id_constraint")
    (row,) = repo.run_admin("admin/country_id_downgrade")
    return int(row["countries"])


def countries_by_id(repo: GraphRepository, key: str) -> list[str]:
    """What a Browser user's `MATCH (c:Country {id: $key}) RETURN c.name` finds."""
    with repo.driver.session(database=repo.database) as session:
        return [r["name"] for r in session.run("MATCH (c:Country {id: $key}) RETURN c.name AS name", key=key)]


def test_countries_are_keyed_id_like_every_actor(written: GraphRepository) -> None:
    countries = nodes(written, "Country", ["id", "iso3"])
    assert ("RUS", "RUS") in countries
    assert all(key == iso3 for key, iso3 in countries)
    assert countries_by_id(written, "RUS") == ["Russia"]


def test_an_old_graph_is_upgraded_at_startup_and_answers_as_a_fresh_one(
    written: GraphRepository, neo4j_server: ConnectionInfo
) -> None:
    fresh = answers(neo4j_server)
    assert [(request, status) for request, (status, _) in zip(REQUESTS, fresh, strict=False) if status != 200] == []
    countries = len(nodes(written, "Country", ["iso3"]))
    assert make_old_shape(written) == countries
    assert nodes(written, "Country", ["id"]) == {(None,)}
    assert countries_by_id(written, "RUS") == []
    assert not written.schema_applied()

    assert answers(neo4j_server) == fresh  # the API's startup upgraded the graph first
    assert written.schema_applied()
    assert countries_by_id(written, "RUS") == ["Russia"]
    assert all(key == iso3 for key, iso3 in nodes(written, "Country", ["id", "iso3"]))


def test_the_upgrade_is_idempotent_and_resumes_after_an_interruption(written: GraphRepository) -> None:
    fingerprint = sorted(map(repr, written.run_admin("admin/graph_fingerprint")))
    countries = make_old_shape(written)
    assert countries >= 5
    apply_schema(written)  # the constraint back, and the countries upgraded

    make_old_shape(written)
    # A start that dies after two batches of two: those four countries keep their id ...
    for _ in range(2):
        (row,) = written.run_admin("admin/country_id_upgrade", batch=2)
        assert row["upgraded"] == 2
    keyed = {key for (key,) in nodes(written, "Country", ["id"])}
    assert len(keyed - {None}) == 4
    # ... and the next start upgrades the rest, in batches of any size.
    assert upgrade_country_ids(written, batch=3) == countries - 4
    assert sorted(map(repr, written.run_admin("admin/graph_fingerprint"))) == fingerprint
    # Once done, running it again changes nothing.
    assert upgrade_country_ids(written) == 0
    apply_schema(written)
    assert sorted(map(repr, written.run_admin("admin/graph_fingerprint"))) == fingerprint


def test_a_bad_batch_size_is_refused_and_changes_nothing(written: GraphRepository) -> None:
    make_old_shape(written)
    for batch in (0, -1):
        with pytest.raises(ValueError, match="batch"):
            upgrade_country_ids(written, batch=batch)
    assert nodes(written, "Country", ["id"]) == {(None,)}


@pytest.mark.neo4j
def test_upgrade_on_a_driver(graph_driver: neo4j.Driver, neo4j_server: ConnectionInfo) -> None:
    """apply_schema with a bare driver (as the worker calls it) runs the upgrade too."""
    repo = GraphRepository(graph_driver, neo4j_server.database)
    repo.run_admin("admin/delete_all")
    build_graph(repo)
    make_old_shape(repo)
    try:
        apply_schema(graph_driver, neo4j_server.database)
        assert countries_by_id(repo, "UKR") == ["Ukraine"]
    finally:
        apply_schema(repo)
        repo.run_admin("admin/delete_all")
