"""The BI exports (GET /export/...) on the graph of the sample articles: CSV read back with the csv module, JSON
with json, GraphML with xml.etree; the filters of /events, the relation filters, bad filters, the row cap, and cells
that a spreadsheet would run as formulas."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from httpx import Response

from service.api import routes_exports
from service.api.app import create_app
from service.api.routes_exports import EVENT_COLUMNS, RELATION_COLUMNS, safe_cell
from service.graph.driver import ConnectionInfo
from service.graph.repository import GraphRepository
from tests.conftest import api_settings

GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"


@pytest.fixture(scope="module")
def client(sample_graph: GraphRepository, neo4j_server: ConnectionInfo) -> Iterator[TestClient]:
    settings = api_settings(neo4j_server)
    with TestClient(create_app(settings)) as test_client:
        yield test_client


def download(client: TestClient, path: str, filename: str, **params: Any) -> Response:
    response = client.get(path, params=params)
    assert response.status_code == 200, response.text
    assert response.headers["content-disposition"] == f'attachment; filename="{filename}"'
    assert response.headers["x-export-row-limit"] == str(routes_exports.EXPORT_ROW_LIMIT)
    return response


def csv_rows(response: Response) -> list[dict[str, str]]:
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    assert response.content.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs for UTF-8
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


# --------------------------------------------------------------------------- events


def test_events_csv_of_an_actor(client: TestClient) -> None:
    response = download(client, "/export/events.csv", "geokg-events.csv", actor="North Korea")
    assert response.headers["x-export-truncated"] == "false"
    rows = csv_rows(response)
    assert rows and tuple(rows[0]) == EVENT_COLUMNS
    for row in rows:
        sides = [*row["sources"].split(";"), *row["targets"].split(";"), *row["participants"].split(";")]
        assert "PRK" in sides, row
    troops = [r for r in rows if r["type"] == "MOBILIZE" and r["mode"] == "troops" and r["targets"] == "RUS"]
    assert troops and all(r["sources"] == "PRK" and r["sentence"] for r in troops)
    assert any("North Korean" in r["sentence"] for r in troops)
    dates = [r["date"] for r in rows if r["date"]]
    assert dates == sorted(dates, reverse=True)


def test_events_json_with_the_filters_of_events(client: TestClient) -> None:
    response = download(client, "/export/events.json", "geokg-events.json", type="mobilize", since="2024", until="2024")
    assert response.headers["content-type"] == "application/json"
    events = json.loads(response.text)
    assert events and set(events[0]) == set(EVENT_COLUMNS)
    assert all(e["type"] == "MOBILIZE" and e["date"].startswith("2024") for e in events)
    assert any(e["sources"] == ["PRK"] and e["targets"] == ["RUS"] for e in events)
    # The same events as GET /events with the same filters.
    listed = client.get("/events", params={"type": "mobilize", "since": "2024", "until": "2024", "limit": 200}).json()
    assert [e["id"] for e in events] == [e["id"] for e in listed["events"]]


def test_symmetric_events_list_participants_and_people(client: TestClient) -> None:
    events = json.loads(download(client, "/export/events.json", "geokg-events.json", type="CONSULT", q="Kim").text)
    meeting = next(e for e in events if {"PRK", "RUS"} <= set(e["participants"]))
    assert meeting["sources"] == [] and meeting["targets"] == []
    assert "Kim Jong Un" in meeting["people"]


def test_paging_through_events_loses_nothing(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    whole = json.loads(download(client, "/export/events.json", "geokg-events.json").text)
    monkeypatch.setattr(routes_exports, "PAGE_SIZE", 7)
    paged = json.loads(download(client, "/export/events.json", "geokg-events.json").text)
    assert len(whole) > 7 and [e["id"] for e in paged] == [e["id"] for e in whole]
    assert len({e["id"] for e in whole}) == len(whole)


def test_the_row_cap_truncates_and_says_so(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(routes_exports, "EXPORT_ROW_LIMIT", 3)
    response = download(client, "/export/events.csv", "geokg-events.csv")
    assert response.headers["x-export-truncated"] == "true"
    assert len(csv_rows(response)) == 3
    response = download(client, "/export/relations.json", "geokg-relations.json")
    assert response.headers["x-export-truncated"] == "true"
    assert len(json.loads(response.text)) == 3


# --------------------------------------------------------------------------- relations


def test_relations_csv_of_russia(client: TestClient) -> None:
    rows = csv_rows(download(client, "/export/relations.csv", "geokg-relations.csv", actor="RUS"))
    assert rows and tuple(rows[0]) == RELATION_COLUMNS
    assert all("RUS" in (r["source"], r["target"]) for r in rows)
    edges = {(r["source"], r["target"], r["type"]) for r in rows}
    assert {("PRK", "RUS", "DEPLOYS_TROOPS_TO"), ("RUS", "UKR", "ATTACKS")} <= edges
    troops = next(r for r in rows if r["type"] == "DEPLOYS_TROOPS_TO" and r["source"] == "PRK")
    assert int(troops["event_count"]) >= 1 and troops["first_date"] <= troops["last_date"]


def test_relations_json_filtered_by_types_and_dates(client: TestClient) -> None:
    response = download(client, "/export/relations.json", "geokg-relations.json", types="ATTACKS,sanction")
    edges = json.loads(response.text)
    assert edges and {e["type"] for e in edges} == {"ATTACKS", "SANCTIONS"}
    recent = json.loads(download(client, "/export/relations.json", "geokg-relations.json", since="2025").text)
    assert recent and all(e["last_date"] >= "2025" for e in recent)
    assert len(recent) < len(json.loads(download(client, "/export/relations.json", "geokg-relations.json").text))


# --------------------------------------------------------------------------- GraphML


def test_graphml_is_valid_and_holds_russias_edges(client: TestClient) -> None:
    response = download(client, "/export/graph.graphml", "geokg-graph.graphml")
    assert response.headers["content-type"].startswith("application/graphml+xml")
    root = ET.fromstring(response.content)
    keys = {key.get("id"): (key.get("for"), key.get("attr.name")) for key in root.iter(f"{GRAPHML}key")}
    graph = root.find(f"{GRAPHML}graph")
    assert graph is not None and graph.get("edgedefault") == "directed"

    def attributes(element: ET.Element) -> dict[str, str]:
        values = {}
        for data in element.findall(f"{GRAPHML}data"):
            domain, name = keys[data.get("key")]  # every value refers to a declared key
            assert domain == element.tag.removeprefix(GRAPHML)
            values[name] = data.text or ""
        return values

    nodes = {node.get("id"): attributes(node) for node in graph.iter(f"{GRAPHML}node")}
    assert nodes["RUS"] == {"labels": ":Country", "label": "Russia", "name": "Russia", "kind": "country"}
    assert nodes["NATO"]["labels"] == ":Organization"
    assert nodes["person:vladimir-putin"]["labels"] == ":Person"
    edges = [(e.get("source"), e.get("target"), e.get("directed"), attributes(e)) for e in graph.iter(f"{GRAPHML}edge")]
    assert all(s in nodes and t in nodes for s, t, _, _ in edges)
    russia = {(s, t, a["type"]) for s, t, _, a in edges if "RUS" in (s, t)}
    assert {("PRK", "RUS", "DEPLOYS_TROOPS_TO"), ("PRK", "RUS", "MET_WITH")} <= russia
    assert ("person:vladimir-putin", "RUS", "HOLDS_OFFICE") in russia
    met = next(d for s, t, d, a in edges if (s, t, a["type"]) == ("PRK", "RUS", "MET_WITH"))
    assert met == "false"  # meetings are mutual


def test_graphml_filtered_by_actor(client: TestClient) -> None:
    root = ET.fromstring(download(client, "/export/graph.graphml", "geokg-graph.graphml", actor="PRK").content)
    layer = [e for e in root.iter(f"{GRAPHML}edge") if e.get("id", "").startswith("r")]
    assert layer and all("PRK" in (e.get("source"), e.get("target")) for e in layer)


# --------------------------------------------------------------------------- bad requests and formulas


@pytest.mark.parametrize(
    ("path", "params", "status"),
    [
        ("/export/events.csv", {"since": "2024-13"}, 422),
        ("/export/events.json", {"status": "rumoured"}, 422),
        ("/export/events.csv", {"since": "2025", "until": "2024"}, 422),
        ("/export/events.csv", {"actor": "Atlantis"}, 404),
        ("/export/relations.csv", {"types": "HUGS"}, 422),
        ("/export/relations.json", {"until": "yesterday"}, 422),
        ("/export/graph.graphml", {"types": "MET_WITH,NOPE"}, 422),
    ],
)
def test_bad_filters_are_refused(client: TestClient, path: str, params: dict[str, str], status: int) -> None:
    response = client.get(path, params=params)
    assert response.status_code == status, response.text
    assert "content-disposition" not in response.headers


def test_cells_a_spreadsheet_would_run_are_quoted() -> None:
    for formula in ('=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"):
        assert safe_cell(formula) == "'" + formula
    assert safe_cell("Russia") == "Russia"
    assert safe_cell(-3) == -3 and safe_cell(0.5) == 0.5  # numbers stay numbers
    batch = [{**dict.fromkeys(EVENT_COLUMNS, ""), "sentence": "=cmd|' /C calc'!A0", "sources": ["-X", "RUS"]}]
    text = "".join(routes_exports._events_csv(iter([batch])))
    row = next(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))
    assert row["sentence"] == "'=cmd|' /C calc'!A0"
    assert row["sources"] == "'-X;RUS"
