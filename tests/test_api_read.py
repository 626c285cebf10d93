"""The read API (countries and partners, relations, events, people, graph) through FastAPI's TestClient, on a
small graph written with `write_article` from articles and hand-made Extractions written here:

- North Korea sent troops to Russia (two articles, one event); Russia and China held talks (Putin and Xi);
- Russia attacked Ukraine twice, and with Belarus once; Ukraine accused Russia; Germany sent aid to Ukraine
  (undated); Russian warships held drills near Japan (MOBILIZE, not troops: conflict).

So Russia's top cooperation partner is North Korea, its conflict partner Ukraine, and Belarus (a co-attacker) is
neither.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import neo4j
import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

from ingest.cleanup import CleanArticle
from ingest.load import write_article
from ingest.models import ActorRef, Event, Extraction, PersonRef
from service.api.app import create_app
from service.config import Settings
from service.graph.driver import ConnectionInfo
from service.graph.repository import GraphRepository
from service.shared import gazetteer
from tests.conftest import api_settings

PUTIN = PersonRef("person:vladimir-putin", "Vladimir Putin", "RUS", "President", ["Putin"])
XI = PersonRef("person:xi-jinping", "Xi Jinping", "CHN", "President", ["Xi"])


def _event(
    text: str,
    sentence: str,
    type_: str,
    source: list[str],
    target: list[str],
    when: str | None,
    *,
    symmetric: bool = False,
    mode: str | None = None,
    location: str | None = None,
    people: list[str] | None = None,
    confidence: float = 0.8,
) -> Event:
    start = text.index(sentence)
    return Event(
        type=type_,
        source=source,
        target=target,
        symmetric=symmetric,
        date=when,
        date_precision={4: "year", 7: "month", 10: "day"}[len(when)] if when else None,
        status="occurred",
        location=location,
        evidence=sentence,
        start=start,
        end=start + len(sentence),
        confidence=confidence,
        mode=mode,
        people=people or [],
    )


def _write(
    repo: GraphRepository,
    text: str,
    url: str,
    published: date,
    events: list[tuple[str, str, list[str], list[str], str | None, dict[str, Any]]],
    people: list[PersonRef] | None = None,
) -> None:
    """One article; events as (sentence, type, source, target, date, options)."""
    built = [_event(text, s, t, src, tgt, when, **opts) for s, t, src, tgt, when, opts in events]
    actors = gazetteer.load_actors()
    ids = [a for e in built for a in (*e.source, *e.target)] + [p.country for p in people or [] if p.country]
    refs = [ActorRef(a, actors[a].kind, actors[a].name) for a in dict.fromkeys(ids)]
    article = CleanArticle(text=text, title=None, byline=None, dateline=None, published=published, url=url)
    extraction = Extraction(
        text=text,
        title=None,
        byline=None,
        dateline=None,
        published=published.isoformat(),
        url=url,
        countries=[r for r in refs if r.kind == "country"],
        organizations=[r for r in refs if r.kind != "country"],
        people=people or [],
        places=sorted({e.location for e in built if e.location}),
        events=built,
    )
    write_article(repo, article, extraction)


TROOPS = "North Korea sent troops to Russia on Friday."
TROOPS_AGAIN = "Thousands of North Korean troops arrived in Russia, Seoul said."
TALKS = "Russia and China held talks in Beijing."
ATTACK = "Russia launched a missile attack on Ukraine on Thursday."
SHELLING = "Russian forces shelled Kharkiv in Ukraine in March."
INVASION = "Russia and Belarus attacked Ukraine."
ACCUSATION = "Ukraine accused Russia of war crimes."
AID = "Germany sent aid to Ukraine."
DRILLS = "Russian warships held drills near Japan in September."
URL = "https://news.example.com/"


def build_graph(repo: GraphRepository) -> None:
    _write(
        repo,
        TROOPS,
        URL + "troops",
        date(2024, 10, 19),
        [(TROOPS, "MOBILIZE", ["PRK"], ["RUS"], "2024-10-18", {"mode": "troops"})],
    )
    _write(
        repo,
        TROOPS_AGAIN,
        URL + "troops-again",
        date(2024, 10, 20),
        [(TROOPS_AGAIN, "MOBILIZE", ["PRK"], ["RUS"], "2024-10", {"mode": "troops"})],
    )
    _write(
        repo,
        TALKS,
        URL + "talks",
        date(2024, 5, 16),
        [
            (
                TALKS,
                "CONSULT",
                ["RUS", "CHN"],
                [],
                "2024-05-16",
                {"symmetric": True, "location": "Beijing", "people": [PUTIN.id, XI.id]},
            )
        ],
        people=[PUTIN, XI],
    )
    attacks = f"{ATTACK} {SHELLING}"
    _write(
        repo,
        attacks,
        URL + "attacks",
        date(2024, 3, 20),
        [
            (ATTACK, "ASSAULT", ["RUS"], ["UKR"], "2023-08-17", {"location": "Kyiv"}),
            (SHELLING, "ASSAULT", ["RUS"], ["UKR"], "2024-03", {"location": "Kharkiv"}),
        ],
    )
    _write(
        repo,
        INVASION,
        URL + "invasion",
        date(2022, 2, 24),
        [(INVASION, "ASSAULT", ["RUS", "BLR"], ["UKR"], "2022-02-24", {})],
    )
    _write(
        repo,
        ACCUSATION,
        URL + "accusation",
        date(2024, 2, 1),
        [(ACCUSATION, "ACCUSE", ["UKR"], ["RUS"], "2024-02-01", {})],
    )
    _write(repo, AID, URL + "aid", date(2024, 6, 1), [(AID, "AID", ["DEU"], ["UKR"], None, {})])
    drills = (DRILLS, "MOBILIZE", ["RUS"], ["JPN"], "2023-09", {"mode": "exercise"})
    _write(repo, DRILLS, URL + "drills", date(2023, 9, 30), [drills])


@pytest.fixture(scope="module")
def client(graph_driver: neo4j.Driver, neo4j_server: ConnectionInfo) -> Iterator[TestClient]:
    repo = GraphRepository(graph_driver, neo4j_server.database, uri=neo4j_server.uri, user=neo4j_server.user)
    repo.run_admin("admin/delete_all")
    build_graph(repo)
    settings = api_settings(neo4j_server)
    with TestClient(create_app(settings)) as test_client:
        yield test_client
    repo.run_admin("admin/delete_all")


def ok(client: TestClient, path: str, **params: Any) -> Any:
    response = client.get(path, params=params)
    assert response.status_code == 200, response.text
    return response.json()


# --------------------------------------------------------------------------- partners


def test_north_korea_is_russias_top_cooperation_partner(client: TestClient) -> None:
    body = ok(client, "/countries/RUS/partners", stance="cooperation")
    assert body["actor"] == {"id": "RUS", "name": "Russia", "kind": "country"}
    partners = body["partners"]
    assert [p["id"] for p in partners] == ["PRK", "CHN"]
    top = partners[0]
    assert top["score"] == pytest.approx(1.6)  # one material event (troops), confidence 0.8, weight 2
    assert top["types"] == [{"type": "MOBILIZE", "count": 1}]
    assert (top["first_date"], top["last_date"]) == ("2024-10-18", "2024-10-18")
    assert {e["sentence"] for e in top["evidence"]} == {TROOPS, TROOPS_AGAIN}
    assert {e["url"] for e in top["evidence"]} == {URL + "troops", URL + "troops-again"}
    assert partners[1]["score"] == pytest.approx(0.8)  # a verbal event weighs 1


def test_ukraine_is_russias_conflict_partner_and_a_co_attacker_is_not(client: TestClient) -> None:
    partners = ok(client, "/countries/RUS/partners", stance="conflict")["partners"]
    assert [p["id"] for p in partners] == ["UKR", "JPN"]
    assert partners[1]["types"] == [{"type": "MOBILIZE", "count": 1}]  # drills, not troops sent in support
    assert partners[1]["score"] == pytest.approx(1.6)
    ukraine = partners[0]
    assert ukraine["event_count"] == 4
    assert ukraine["types"] == [{"type": "ASSAULT", "count": 3}, {"type": "ACCUSE", "count": 1}]
    assert (ukraine["first_date"], ukraine["last_date"]) == ("2022-02-24", "2024-03")
    assert ukraine["score"] == pytest.approx(3 * 1.6 + 0.8)
    assert len(ukraine["evidence"]) == 3


def test_every_name_of_russia_gives_the_same_answer(client: TestClient) -> None:
    answers = [
        ok(client, f"/countries/{name}/partners", stance="conflict")
        for name in ("RUS", "Russia", "russia", "the Kremlin", "rus")
    ]
    assert all(answer == answers[0] for answer in answers)


def test_an_unknown_actor_is_404_with_suggestions(client: TestClient) -> None:
    response = client.get("/countries/Rusia/partners")
    assert response.status_code == 404
    detail = response.json()["detail"]
    assert "Rusia" in detail["message"]
    assert "Russia" in detail["suggestions"]


def test_partner_filters_by_type_and_date(client: TestClient) -> None:
    only_accusations = ok(client, "/countries/RUS/partners", stance="conflict", types="ACCUSE")["partners"]
    assert [(p["id"], p["event_count"]) for p in only_accusations] == [("UKR", 1)]
    several = ok(client, "/countries/RUS/partners", stance="conflict", types=["accuse", "ASSAULT"])["partners"]
    assert several[0]["event_count"] == 4
    recent = ok(client, "/countries/RUS/partners", stance="conflict", since="2024")["partners"]
    assert recent[0]["event_count"] == 2  # 2024-02-01 and 2024-03
    older = ok(client, "/countries/RUS/partners", stance="conflict", until="2023")["partners"]
    assert (older[0]["first_date"], older[0]["last_date"]) == ("2022-02-24", "2023-08-17")
    assert ok(client, "/countries/RUS/partners", stance="cooperation", until="2023-12")["partners"] == []
    # A month-precision bound overlaps a day-precision date and the other way round.
    assert ok(client, "/countries/RUS/partners", since="2024-10", until="2024-10")["partners"][0]["id"] == "PRK"


# --------------------------------------------------------------------------- relations


def test_relations_are_newest_first_with_evidence(client: TestClient) -> None:
    body = ok(client, "/relations", a="the Kremlin", b="ukraine")
    assert (body["a"]["id"], body["b"]["id"]) == ("RUS", "UKR")
    events = body["events"]
    assert [(e["type"], e["date"]) for e in events] == [
        ("ASSAULT", "2024-03"),
        ("ACCUSE", "2024-02-01"),
        ("ASSAULT", "2023-08-17"),
        ("ASSAULT", "2022-02-24"),
    ]
    assert [(e["a_role"], e["b_role"]) for e in events][:2] == [("source", "target"), ("target", "source")]
    assert events[0]["evidence"] == [
        {
            "sentence": SHELLING,
            "confidence": 0.8,
            "start": len(ATTACK) + 1,
            "end": len(ATTACK) + 1 + len(SHELLING),
            "trigger": None,
            "article_id": events[0]["evidence"][0]["article_id"],
            "url": URL + "attacks",
            "title": None,
            "published": "2024-03-20",
            "source": None,
        }
    ]
    since = ok(client, "/relations", a="RUS", b="UKR", since="2024-01-01", until="2024-02")["events"]
    assert [e["type"] for e in since] == ["ACCUSE"]
    # Co-attackers are not "between" each other.
    assert ok(client, "/relations", a="RUS", b="BLR")["events"] == []


# --------------------------------------------------------------------------- events


def ids(page: dict[str, Any]) -> list[str]:
    return [e["id"] for e in page["events"]]


def test_event_filters(client: TestClient) -> None:
    assert len(ids(ok(client, "/events"))) == 8
    assert {e["type"] for e in ok(client, "/events", type="assault")["events"]} == {"ASSAULT"}
    assert len(ids(ok(client, "/events", type="ASSAULT"))) == 3
    assert [e["type"] for e in ok(client, "/events", actor="North Korea")["events"]] == ["MOBILIZE"]
    assert [e["type"] for e in ok(client, "/events", actor="person:vladimir-putin")["events"]] == ["CONSULT"]
    assert {e["type"] for e in ok(client, "/events", quad_class="verbal_conflict")["events"]} == {"ACCUSE"}
    assert len(ids(ok(client, "/events", status="occurred"))) == 8
    assert ids(ok(client, "/events", status="planned")) == []
    assert [e["date"] for e in ok(client, "/events", since="2024-02", until="2024-05")["events"]] == [
        "2024-05-16",
        "2024-03",
        "2024-02-01",
    ]
    assert [e["places"] for e in ok(client, "/events", location="kyiv")["events"]] == [["Kyiv"]]
    assert [e["date"] for e in ok(client, "/events", q="Missile ATTACK")["events"]] == ["2023-08-17"]
    assert ids(ok(client, "/events", q="missile talks")) == []  # all words in one sentence
    assert [e["date"] for e in ok(client, "/events", actor="Russia", type="ASSAULT", since="2023")["events"]] == [
        "2024-03",
        "2023-08-17",
    ]


def test_event_pages_are_newest_first_without_duplicates(client: TestClient) -> None:
    everything = ok(client, "/events", limit=200)
    assert everything["next_cursor"] is None
    dates = [e["date"] for e in everything["events"]]
    assert dates[-1] is None  # undated last
    assert dates[:-1] == sorted(dates[:-1], reverse=True)
    seen: list[str] = []
    cursor: str | None = None
    pages = 0
    while True:
        params: dict[str, Any] = {"limit": 2} | ({"cursor": cursor} if cursor else {})
        page = ok(client, "/events", **params)
        seen += ids(page)
        pages += 1
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert pages == 4
    assert seen == ids(everything)
    assert len(set(seen)) == 8
    for filters, expected in [
        ({"actor": "RUS"}, 7),
        ({"type": "ASSAULT"}, 3),
        ({"quad_class": "material_conflict"}, 5),  # the attacks and both MOBILIZE
    ]:
        paged = pages_of(client, filters, limit=1)
        assert len(paged) == len(set(paged)) == expected
        assert paged == ids(ok(client, "/events", **filters))


def pages_of(client: TestClient, filters: dict[str, Any], limit: int) -> list[str]:
    seen: list[str] = []
    cursor: str | None = None
    while True:
        page = ok(client, "/events", limit=limit, **filters, **({"cursor": cursor} if cursor else {}))
        seen += ids(page)
        cursor = page["next_cursor"]
        if cursor is None:
            return seen


def test_event_detail_has_participants_places_and_every_sentence(client: TestClient) -> None:
    troops = ok(client, "/events", type="MOBILIZE")["events"][0]
    detail = ok(client, f"/events/{troops['id']}")
    assert detail["mode"] == "troops"
    assert detail["mentions"] == 2
    assert {(p["id"], p["kind"], p["role"]) for p in detail["participants"]} == {
        ("PRK", "country", "source"),
        ("RUS", "country", "target"),
    }
    assert [(e["sentence"], e["url"], e["published"]) for e in detail["evidence"]] == [
        (TROOPS, URL + "troops", "2024-10-19"),
        (TROOPS_AGAIN, URL + "troops-again", "2024-10-20"),
    ]
    talks = ok(client, "/events", type="CONSULT")["events"][0]
    detail = ok(client, f"/events/{talks['id']}")
    assert detail["places"] == [{"id": "place:beijing", "name": "Beijing"}]
    assert {(p["id"], p["kind"], p["role"]) for p in detail["participants"]} == {
        ("CHN", "country", "participant"),
        ("RUS", "country", "participant"),
        ("person:vladimir-putin", "person", "participant"),
        ("person:xi-jinping", "person", "participant"),
    }
    missing = client.get("/events/ev-0000")
    assert missing.status_code == 404 and "ev-0000" in missing.json()["detail"]


# --------------------------------------------------------------------------- countries and people


def test_countries_list_and_detail(client: TestClient) -> None:
    countries = {c["id"]: c for c in ok(client, "/countries")}
    assert set(countries) == {"RUS", "PRK", "CHN", "UKR", "BLR", "DEU", "JPN"}
    assert countries["RUS"]["event_count"] == 7
    assert countries["RUS"]["official_count"] == 1
    assert next(iter(countries)) == "RUS"  # most events first
    detail = ok(client, "/countries/russia")
    assert (detail["id"], detail["name"], detail["event_count"]) == ("RUS", "Russia", 7)
    assert [(o["id"], o["role"], o["first_seen"], o["last_seen"]) for o in detail["officials"]] == [
        ("person:vladimir-putin", "President", "2024-05-16", "2024-05-16")
    ]
    assert detail["partners"]["cooperation"][0]["id"] == "PRK"
    assert detail["partners"]["conflict"][0]["id"] == "UKR"
    assert client.get("/countries/Atlantis").status_code == 404
    not_in_graph = client.get("/countries/France")  # a known state without any article yet
    assert not_in_graph.status_code == 404


def test_people(client: TestClient) -> None:
    russians = ok(client, "/people", country="Russia")
    assert [(p["id"], p["offices"][0]["role"], p["event_count"]) for p in russians] == [
        ("person:vladimir-putin", "President", 1)
    ]
    assert {p["id"] for p in ok(client, "/people")} == {"person:vladimir-putin", "person:xi-jinping"}
    person = ok(client, "/people/person:xi-jinping")
    assert person["offices"] == [
        {
            "country": "CHN",
            "country_name": "China",
            "role": "President",
            "first_seen": "2024-05-16",
            "last_seen": "2024-05-16",
        }
    ]
    assert [(e["type"], e["role"]) for e in person["events"]] == [("CONSULT", "participant")]
    assert ok(client, "/people/xi-jinping")["id"] == "person:xi-jinping"
    assert client.get("/people/person:nobody").status_code == 404


# --------------------------------------------------------------------------- graph


def test_graph_shape_depth_and_limit(client: TestClient) -> None:
    one = ok(client, "/graph", center="the Kremlin")
    assert {n["id"] for n in one["nodes"]} == {"RUS", "PRK", "CHN", "UKR", "JPN"}
    assert {"id": "RUS", "label": "Russia", "kind": "country"} in one["nodes"]
    assert {(e["source"], e["target"], e["type"]) for e in one["edges"]} == {
        ("PRK", "RUS", "DEPLOYS_TROOPS_TO"),
        ("CHN", "RUS", "MET_WITH"),
        ("RUS", "UKR", "ATTACKS"),
        ("UKR", "RUS", "ACCUSES"),
        ("RUS", "JPN", "SHOWS_FORCE_TO"),
    }
    attacks = next(e for e in one["edges"] if e["type"] == "ATTACKS")
    assert attacks == {
        "source": "RUS",
        "target": "UKR",
        "type": "ATTACKS",
        "quad_class": "material_conflict",
        "event_count": 3,
        "first_date": "2022-02-24",
        "last_date": "2024-03",
    }
    assert one["truncated"] is False
    two = ok(client, "/graph", center="RUS", depth=2)
    assert {n["id"] for n in two["nodes"]} == {"RUS", "PRK", "CHN", "UKR", "BLR", "DEU", "JPN"}
    assert ("BLR", "UKR", "ATTACKS") in {(e["source"], e["target"], e["type"]) for e in two["edges"]}
    small = ok(client, "/graph", center="RUS", depth=3, limit=2)
    assert len(small["nodes"]) == 2 and small["truncated"] is True
    node_ids = {n["id"] for n in small["nodes"]}
    assert all(e["source"] in node_ids and e["target"] in node_ids for e in small["edges"])
    recent = ok(client, "/graph", center="RUS", since="2024-06")
    assert {n["id"] for n in recent["nodes"]} == {"RUS", "PRK"}


def _stance(edge: dict[str, Any]) -> str:
    cooperation = edge["quad_class"] in ("verbal_cooperation", "material_cooperation")
    return "cooperation" if cooperation or edge["type"] == "DEPLOYS_TROOPS_TO" else "conflict"


@pytest.mark.parametrize(
    ("since", "until"), [("2022", "2022"), ("2023-01", "2024-06"), ("2024-06", None), (None, "2023")]
)
def test_graph_in_a_range_counts_the_range_as_the_partners_do(
    client: TestClient, since: str | None, until: str | None
) -> None:
    dates = {k: v for k, v in (("since", since), ("until", until)) if v}
    graph = ok(client, "/graph", center="RUS", **dates)
    neighbours = {
        e["source"] if e["target"] == "RUS" else e["target"]
        for e in graph["edges"]
        if "RUS" in (e["source"], e["target"])
    }
    listed = set()
    for stance in ("cooperation", "conflict"):
        for partner in ok(client, "/countries/RUS/partners", stance=stance, limit=50, **dates)["partners"]:
            listed.add(partner["id"])
            edges = [
                e
                for e in graph["edges"]
                if {e["source"], e["target"]} == {"RUS", partner["id"]} and _stance(e) == stance
            ]
            assert sum(e["event_count"] for e in edges) == partner["event_count"], (stance, partner, edges)
            assert min(e["first_date"] for e in edges) == partner["first_date"]
            assert max(e["last_date"] for e in edges) == partner["last_date"]
    assert listed and neighbours == listed
    for edge in graph["edges"]:
        assert not since or edge["last_date"] >= since or since.startswith(edge["last_date"]), edge
        assert not until or edge["first_date"] <= until or edge["first_date"].startswith(until), edge


# --------------------------------------------------------------------------- errors and docs


@pytest.mark.parametrize(
    ("path", "params"),
    [
        ("/countries/RUS/partners", {"since": "2023-13"}),
        ("/countries/RUS/partners", {"since": "23"}),
        ("/countries/RUS/partners", {"until": "2023-02-30"}),
        ("/countries/RUS/partners", {"since": "2024", "until": "2023"}),
        ("/countries/RUS/partners", {"stance": "friendly"}),
        ("/countries/RUS/partners", {"types": "FOO"}),
        ("/countries/RUS/partners", {"limit": 0}),
        ("/relations", {"a": "RUS"}),
        ("/relations", {"a": "RUS", "b": "UKR", "since": "yesterday"}),
        ("/events", {"type": "WAR"}),
        ("/events", {"quad_class": "neutral"}),
        ("/events", {"status": "maybe"}),
        ("/events", {"limit": 201}),
        ("/events", {"cursor": "not-a-cursor"}),
        ("/graph", {"center": "RUS", "depth": 4}),
        ("/graph", {"center": "RUS", "limit": 301}),
    ],
)
def test_bad_parameters_are_422(client: TestClient, path: str, params: dict[str, Any]) -> None:
    response = client.get(path, params=params)
    assert response.status_code == 422, response.text
    assert "detail" in response.json()


def test_unknown_actors_are_404_everywhere(client: TestClient) -> None:
    for path, params in [
        ("/relations", {"a": "Narnia", "b": "RUS"}),
        ("/events", {"actor": "Narnia"}),
        ("/people", {"country": "Narnia"}),
        ("/graph", {"center": "Narnia"}),
    ]:
        response = client.get(path, params=params)
        assert response.status_code == 404, path
        assert "suggestions" in response.json()["detail"]


READ_PATHS = [
    "/countries",
    "/countries/{actor}",
    "/countries/{actor}/partners",
    "/relations",
    "/events",
    "/events/{event_id}",
    "/people",
    "/people/{person_id}",
    "/graph",
]


def closed_settings() -> Settings:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return Settings(
        _env_file=None,  # type: ignore[call-arg]
        neo4j_uri=f"bolt://127.0.0.1:{port}",
        neo4j_password=SecretStr("unused"),
    )


def test_openapi_has_an_example_for_every_read_endpoint() -> None:
    paths = create_app(closed_settings()).openapi()["paths"]
    for path in READ_PATHS:
        responses = paths[path]["get"]["responses"]
        assert "example" in responses["200"]["content"]["application/json"], path
        assert "503" in responses, path


def test_read_endpoints_are_503_while_neo4j_is_down() -> None:
    with TestClient(create_app(closed_settings())) as down:
        assert down.get("/countries").status_code == 503
        assert down.get("/countries/RUS/partners").status_code == 503
        assert down.get("/events").status_code == 503


# --------------------------------------------------------------------------- layer summaries


@pytest.fixture(scope="module")
def read_repo(client: TestClient, graph_driver: neo4j.Driver, neo4j_server: ConnectionInfo) -> GraphRepository:
    """The module's graph (built by `client`), read through the repository directly."""
    return GraphRepository(graph_driver, neo4j_server.database, uri=neo4j_server.uri, user=neo4j_server.user)


@pytest.mark.parametrize("actor", ["RUS", "UKR", "PRK", "CHN", "DEU", "BLR"])
@pytest.mark.parametrize("cooperation", [True, False])
@pytest.mark.parametrize("types", [None, ["ASSAULT", "MOBILIZE"]])
def test_partners_from_the_layer_agree_with_counting_the_events(
    read_repo: GraphRepository, actor: str, cooperation: bool, types: list[str] | None
) -> None:
    """Without a range the API ranks partners from the layer's per-edge summaries; over all events, counting the
    events themselves (the query used with a range) must give the same partners, scores, counts, types and dates."""
    layer = read_repo.read("read/api_partners", actor=actor, cooperation=cooperation, types=types, limit=20)
    counted = read_repo.read(
        "read/api_partners_in_range",
        actor=actor,
        cooperation=cooperation,
        since=None,
        until=None,
        date_low="",  # the whole index: undated events ('') included, as the layer includes them
        date_high="~",
        types=types,
        min_confidence=None,
        limit=20,
    )

    def summary(rows: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
        return [
            (r["id"], round(r["score"], 6), r["event_count"], r["types"], r["first_date"], r["last_date"]) for r in rows
        ]

    assert summary(layer) == summary(counted)
    for from_layer, from_events in zip(layer, counted, strict=True):
        assert from_layer["evidence"], from_layer
        assert {e["sentence"] for e in from_layer["evidence"]} == {e["sentence"] for e in from_events["evidence"]}


def test_relations_list_undated_events_last_and_respect_the_limit(client: TestClient) -> None:
    assert [e["date"] for e in ok(client, "/relations", a="DEU", b="UKR")["events"]] == [None]
    assert ok(client, "/relations", a="DEU", b="UKR", until="2030")["events"] == []  # a bound leaves undated out
    newest = ok(client, "/relations", a="UKR", b="RUS", limit=2)["events"]
    assert [(e["type"], e["date"], e["a_role"], e["b_role"]) for e in newest] == [
        ("ASSAULT", "2024-03", "target", "source"),
        ("ACCUSE", "2024-02-01", "source", "target"),
    ]
    # A year-precision bound keeps the day- and month-precision dates inside it, and only those.
    assert [e["date"] for e in ok(client, "/relations", a="RUS", b="UKR", since="2023", until="2023")["events"]] == [
        "2023-08-17"
    ]
