"""GET /relations/timeline on the real Neo4j, over a small graph written through the project's load path
(`ingest.load.write_article`, which also keeps the relationship layer and the (pair, date) index):

Turkey and Greece (scores are confidence x weight, weight 2 material, 1 verbal):
- 2019-03-10 Turkey accuses Greece (conflict 0.8); 2019-03-25 Turkey threatens Greece (conflict, confidence 0.6);
- 2019-11 (month precision) Turkey and Greece hold talks (cooperation 0.8);
- 2020 (year precision) Turkish warships hold drills off Greece (MOBILIZE, mode exercise: conflict 2 x 0.8);
- 2021-06-14 they agree (cooperation 0.9); 2021-08-02 Greece protests against Turkey (material conflict 1.6);
- undated: Greece sends aid to Turkey (cooperation 1.6).
North Korea sends troops to Russia (2024-10-18: MOBILIZE, mode troops, quad class material conflict, but
cooperation by the partners stance rule); Russian warships hold drills near Japan (2023-09: conflict); Russia and
Belarus attack Ukraine together (2022-02-24: Russia and Belarus are not a pair).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import neo4j
import pytest
from fastapi.testclient import TestClient

from ingest.load import write_article
from ingest.models import Event
from service.api.app import create_app
from service.api.routes_timeline import period_days, period_labels
from service.graph.driver import ConnectionInfo
from service.graph.repository import GraphRepository
from tests.conftest import api_settings
from tests.test_load import make_article, make_extraction

URL = "https://news.example.com/timeline/"
ZERO_QUADS = {"verbal_cooperation": 0, "material_cooperation": 0, "verbal_conflict": 0, "material_conflict": 0}

# (sentence, type, source, target, date, options)
ARTICLES: list[tuple[date, list[tuple[str, str, list[str], list[str], str | None, dict[str, Any]]]]] = [
    (
        date(2019, 3, 26),
        [
            ("Turkey accused Greece of provocations on 10 March.", "ACCUSE", ["TUR"], ["GRC"], "2019-03-10", {}),
            (
                "Ankara threatened Athens with retaliation on 25 March.",
                "THREATEN",
                ["TUR"],
                ["GRC"],
                "2019-03-25",
                {"confidence": 0.6},
            ),
        ],
    ),
    (
        date(2019, 12, 1),
        [("Turkey and Greece held talks in November.", "CONSULT", ["TUR", "GRC"], [], "2019-11", {"symmetric": True})],
    ),
    (
        date(2021, 1, 5),
        [
            (
                "Turkish warships held drills off Greece in 2020.",
                "MOBILIZE",
                ["TUR"],
                ["GRC"],
                "2020",
                {"mode": "exercise"},
            )
        ],
    ),
    (
        date(2021, 8, 3),
        [
            (
                "Turkey and Greece agreed on confidence-building measures on 14 June.",
                "AGREE",
                ["TUR", "GRC"],
                [],
                "2021-06-14",
                {"symmetric": True, "confidence": 0.9},
            ),
            (
                "Greece protested against Turkey's overflights on 2 August.",
                "PROTEST",
                ["GRC"],
                ["TUR"],
                "2021-08-02",
                {},
            ),
        ],
    ),
    (date(2021, 9, 1), [("Greece sent aid to Turkey after the earthquake.", "AID", ["GRC"], ["TUR"], None, {})]),
    (
        date(2024, 10, 19),
        [
            (
                "North Korea sent troops to Russia on Friday.",
                "MOBILIZE",
                ["PRK"],
                ["RUS"],
                "2024-10-18",
                {"mode": "troops"},
            )
        ],
    ),
    (
        date(2023, 9, 30),
        [("Russian warships held drills near Japan in September.", "MOBILIZE", ["RUS"], ["JPN"], "2023-09", {})],
    ),
    (
        date(2022, 2, 24),
        [("Russia and Belarus attacked Ukraine.", "ASSAULT", ["RUS", "BLR"], ["UKR"], "2022-02-24", {})],
    ),
]


def _write(repo: GraphRepository, number: int, published: date, events: list[tuple[Any, ...]]) -> None:
    text = " ".join(sentence for sentence, *_ in events)
    built = []
    for sentence, type_, source, target, when, options in events:
        start = text.index(sentence)
        built.append(
            Event(
                type=type_,
                source=source,
                target=target,
                symmetric=options.get("symmetric", False),
                date=when,
                date_precision={4: "year", 7: "month", 10: "day"}[len(when)] if when else None,
                status="occurred",
                location=None,
                evidence=sentence,
                start=start,
                end=start + len(sentence),
                confidence=options.get("confidence", 0.8),
                mode=options.get("mode"),
            )
        )
    article = make_article(text, url=f"{URL}{number}", published=published)
    write_article(repo, article, make_extraction(article, built))


@pytest.fixture(scope="module")
def repo(graph_driver: neo4j.Driver, neo4j_server: ConnectionInfo) -> Iterator[GraphRepository]:
    repo = GraphRepository(graph_driver, neo4j_server.database, uri=neo4j_server.uri, user=neo4j_server.user)
    repo.run_admin("admin/delete_all")
    for number, (published, events) in enumerate(ARTICLES):
        _write(repo, number, published, events)
    yield repo
    repo.run_admin("admin/delete_all")


@pytest.fixture(scope="module")
def client(repo: GraphRepository, neo4j_server: ConnectionInfo) -> Iterator[TestClient]:
    with TestClient(create_app(api_settings(neo4j_server))) as test_client:
        yield test_client


def timeline(client: TestClient, **params: Any) -> Any:
    response = client.get("/relations/timeline", params=params)
    assert response.status_code == 200, response.text
    return response.json()


def brief(period: dict[str, Any]) -> tuple[Any, ...]:
    """(label, events, cooperation, conflict, net)."""
    return period["period"], period["events"], period["cooperation"], period["conflict"], round(period["net"], 6)


# --------------------------------------------------------------------------- periods and counts


def test_yearly_counts_by_type_quad_class_and_stance(client: TestClient) -> None:
    body = timeline(client, a="Turkey", b="greece", interval="year")
    assert (body["a"]["id"], body["b"]["id"], body["interval"]) == ("TUR", "GRC", "year")
    assert [brief(p) for p in body["periods"]] == [
        ("2019", 3, 1, 2, round(0.8 - (0.8 + 0.6), 6)),
        ("2020", 1, 0, 1, -1.6),  # year precision is precise enough for a year
        ("2021", 2, 1, 1, round(0.9 - 1.6, 6)),
    ]
    first = body["periods"][0]
    assert (first["start"], first["end"]) == ("2019-01-01", "2019-12-31")
    assert first["types"] == {"ACCUSE": 1, "CONSULT": 1, "THREATEN": 1}
    assert first["quad_classes"] == ZERO_QUADS | {"verbal_cooperation": 1, "verbal_conflict": 2}
    assert first["cooperation_score"] == pytest.approx(0.8)
    assert first["conflict_score"] == pytest.approx(1.4)
    assert body["periods"][2]["quad_classes"] == ZERO_QUADS | {"verbal_cooperation": 1, "material_conflict": 1}
    assert body["year_only"] == []
    # The undated aid: counted apart, and in the total.
    assert body["undated"]["events"] == 1
    assert body["undated"]["types"] == {"AID": 1}
    assert body["undated"]["net"] == pytest.approx(1.6)
    total = body["total"]
    assert (total["events"], total["cooperation"], total["conflict"]) == (7, 3, 4)
    assert total["net"] == pytest.approx((0.8 + 0.9 + 1.6) - (0.8 + 0.6 + 1.6 + 1.6))
    assert "net = cooperation_score - conflict_score" in body["formula"]


def test_monthly_periods_run_without_gaps_and_year_only_dates_are_apart(client: TestClient) -> None:
    body = timeline(client, a="TUR", b="GRC", interval="month")
    periods = body["periods"]
    assert periods[0]["period"] == "2019-03"
    assert periods[-1]["period"] == "2021-08"
    assert len(periods) == 30  # 2019-03 .. 2021-08, every month
    by_label = {p["period"]: p for p in periods}
    assert brief(by_label["2019-03"]) == ("2019-03", 2, 0, 2, -1.4)
    assert brief(by_label["2019-11"]) == ("2019-11", 1, 1, 0, 0.8)
    assert brief(by_label["2021-06"]) == ("2021-06", 1, 1, 0, 0.9)
    assert brief(by_label["2021-08"]) == ("2021-08", 1, 0, 1, -1.6)
    empty = by_label["2020-05"]
    assert brief(empty) == ("2020-05", 0, 0, 0, 0.0)
    assert empty["types"] == {} and empty["quad_classes"] == ZERO_QUADS
    assert (by_label["2020-02"]["start"], by_label["2020-02"]["end"]) == ("2020-02-01", "2020-02-29")
    # The drills dated only "2020" are in no month: in year_only, not in 2020-01.
    assert by_label["2020-01"]["events"] == 0
    assert [brief(p) for p in body["year_only"]] == [("2020", 1, 0, 1, -1.6)]
    assert body["year_only"][0]["types"] == {"MOBILIZE": 1}
    assert sum(p["events"] for p in periods) + 1 + body["undated"]["events"] == body["total"]["events"] == 7


def test_quarterly_periods(client: TestClient) -> None:
    body = timeline(client, a="GRC", b="TUR", interval="quarter")
    assert (body["a"]["id"], body["b"]["id"]) == ("GRC", "TUR")
    labels = [p["period"] for p in body["periods"]]
    assert labels == [f"{y}-Q{q}" for y in (2019, 2020, 2021) for q in (1, 2, 3, 4)][:11]  # 2019-Q1 .. 2021-Q3
    by_label = {p["period"]: p for p in body["periods"]}
    assert brief(by_label["2019-Q1"]) == ("2019-Q1", 2, 0, 2, -1.4)
    assert brief(by_label["2019-Q4"]) == ("2019-Q4", 1, 1, 0, 0.8)
    assert brief(by_label["2021-Q2"]) == ("2021-Q2", 1, 1, 0, 0.9)
    assert brief(by_label["2021-Q3"]) == ("2021-Q3", 1, 0, 1, -1.6)
    assert (by_label["2021-Q3"]["start"], by_label["2021-Q3"]["end"]) == ("2021-07-01", "2021-09-30")
    assert [p["period"] for p in body["year_only"]] == ["2020"]


def test_the_order_of_the_pair_does_not_change_the_counts(client: TestClient) -> None:
    one = timeline(client, a="TUR", b="GRC", interval="month")
    other = timeline(client, a="Athens", b="Ankara", interval="month")
    assert (other["a"]["id"], other["b"]["id"]) == ("GRC", "TUR")
    for key in ("periods", "year_only", "undated", "total"):
        assert one[key] == other[key]


def test_the_default_interval_is_the_year(client: TestClient) -> None:
    assert timeline(client, a="TUR", b="GRC")["interval"] == "year"


# --------------------------------------------------------------------------- stance rule


def test_troops_sent_to_an_ally_are_cooperation_as_in_partners(client: TestClient) -> None:
    body = timeline(client, a="RUS", b="PRK", interval="month")
    assert [brief(p) for p in body["periods"]] == [("2024-10", 1, 1, 0, 1.6)]
    # Its quad class stays the event's own (MOBILIZE is material conflict); the stance is cooperation.
    assert body["periods"][0]["quad_classes"] == ZERO_QUADS | {"material_conflict": 1}
    # Drills are a show of force, not troops sent in support: conflict.
    drills = timeline(client, a="RUS", b="JPN", interval="month")
    assert [brief(p) for p in drills["periods"]] == [("2023-09", 1, 0, 1, -1.6)]


@pytest.mark.parametrize(("actor", "partner"), [("RUS", "PRK"), ("RUS", "JPN"), ("TUR", "GRC"), ("GRC", "TUR")])
@pytest.mark.parametrize("window", [{}, {"since": "2019-11", "until": "2020"}, {"since": "2021-06-14"}])
def test_the_total_scores_equal_the_partners_scores(
    client: TestClient, actor: str, partner: str, window: dict[str, str]
) -> None:
    """Without a range partners reads the relationship layer's summaries, with one it counts the events: the
    timeline agrees with both."""
    total = timeline(client, a=actor, b=partner, **window)["total"]
    for stance in ("cooperation", "conflict"):
        params = {"stance": stance, **window}
        partners = client.get(f"/countries/{actor}/partners", params=params).json()["partners"]
        found = [p for p in partners if p["id"] == partner]
        assert total[f"{stance}_score"] == pytest.approx(found[0]["score"] if found else 0.0), stance
        assert total[stance] == (found[0]["event_count"] if found else 0), stance


def test_co_attackers_are_not_a_pair_and_an_empty_pair_has_no_periods(client: TestClient) -> None:
    body = timeline(client, a="RUS", b="BLR", interval="month")
    assert body["periods"] == [] and body["year_only"] == [] and body["undated"] is None
    assert body["total"]["events"] == 0 and body["total"]["net"] == 0.0
    assert len(timeline(client, a="RUS", b="UKR")["periods"]) == 1


# --------------------------------------------------------------------------- since / until


def test_since_and_until_are_inclusive_and_overlap_partial_dates(client: TestClient) -> None:
    body = timeline(client, a="TUR", b="GRC", interval="month", since="2019-11", until="2021-06")
    assert (body["since"], body["until"]) == ("2019-11", "2021-06")
    assert [p["period"] for p in body["periods"]][0::19] == ["2019-11", "2021-06"]
    assert len(body["periods"]) == 20
    assert [brief(p) for p in body["periods"] if p["events"]] == [("2019-11", 1, 1, 0, 0.8), ("2021-06", 1, 1, 0, 0.9)]
    assert [p["period"] for p in body["year_only"]] == ["2020"]  # "2020" overlaps the range
    assert body["undated"] is None  # a range leaves undated events out
    assert body["total"]["events"] == 3


def test_a_day_bound_cuts_inside_a_month(client: TestClient) -> None:
    body = timeline(client, a="TUR", b="GRC", interval="month", since="2019-03-20", until="2019-03-31")
    assert [brief(p) for p in body["periods"]] == [("2019-03", 1, 0, 1, -0.6)]
    assert body["periods"][0]["types"] == {"THREATEN": 1}


def test_a_single_year_range(client: TestClient) -> None:
    yearly = timeline(client, a="TUR", b="GRC", since="2020", until="2020")
    assert [brief(p) for p in yearly["periods"]] == [("2020", 1, 0, 1, -1.6)]
    monthly = timeline(client, a="TUR", b="GRC", interval="month", since="2020", until="2020")
    assert monthly["periods"] == []
    assert [p["period"] for p in monthly["year_only"]] == ["2020"]
    assert timeline(client, a="TUR", b="GRC", since="2022")["total"]["events"] == 0


# --------------------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"a": "TUR", "b": "TUR"}, "same actor"),
        ({"a": "Turkey", "b": "Ankara"}, "same actor"),
        ({"a": "TUR", "b": "GRC", "interval": "week"}, None),
        ({"a": "TUR", "b": "GRC", "interval": ""}, None),
        ({"a": "TUR", "b": "GRC", "since": "2023-13"}, "since: expected"),
        ({"a": "TUR", "b": "GRC", "until": "2023-02-30"}, "until: expected"),
        ({"a": "TUR", "b": "GRC", "since": "yesterday"}, "since: expected"),
        ({"a": "TUR", "b": "GRC", "since": "2021", "until": "2020-12"}, "is after until"),
        ({"a": "TUR"}, None),
        ({}, None),
    ],
)
def test_bad_input_is_422_and_changes_nothing(
    client: TestClient, repo: GraphRepository, params: dict[str, Any], message: str | None
) -> None:
    before = repo.run_admin("admin/graph_fingerprint")
    response = client.get("/relations/timeline", params=params)
    assert response.status_code == 422, response.text
    detail = response.json()["detail"]
    if message is None:
        assert isinstance(detail, list) and detail  # FastAPI's own check of the parameters
    else:
        assert isinstance(detail, str) and message in detail
    assert repo.run_admin("admin/graph_fingerprint") == before


@pytest.mark.parametrize("params", [{"a": "Narnia", "b": "TUR"}, {"a": "TUR", "b": "Grece"}])
def test_an_unknown_actor_is_404_with_suggestions(client: TestClient, params: dict[str, str]) -> None:
    response = client.get("/relations/timeline", params=params)
    assert response.status_code == 404
    detail = response.json()["detail"]
    assert "unknown actor" in detail["message"]
    assert isinstance(detail["suggestions"], list)
    if params["b"] == "Grece":
        assert "Greece" in detail["suggestions"]


def test_the_openapi_spec_documents_the_formula_and_the_buckets(client: TestClient) -> None:
    operation = client.get("/openapi.json").json()["paths"]["/relations/timeline"]["get"]
    assert "net = cooperation_score - conflict_score" in operation["description"]
    assert "year_only" in operation["description"] and "undated" in operation["description"]
    assert "example" in operation["responses"]["200"]["content"]["application/json"]
    assert {"404", "422", "503"} <= set(operation["responses"])


# --------------------------------------------------------------------------- period arithmetic (no server)


def test_period_labels_and_bounds() -> None:
    assert period_labels("2023-11", "2024-02", "month") == ["2023-11", "2023-12", "2024-01", "2024-02"]
    assert period_labels("2023-Q4", "2024-Q1", "quarter") == ["2023-Q4", "2024-Q1"]
    assert period_labels("2019", "2021", "year") == ["2019", "2020", "2021"]
    assert period_days("2024-Q1") == (date(2024, 1, 1), date(2024, 3, 31))
    assert period_days("2023-Q4") == (date(2023, 10, 1), date(2023, 12, 31))
    assert period_days("2023-12") == (date(2023, 12, 1), date(2023, 12, 31))
    assert period_days("2024") == (date(2024, 1, 1), date(2024, 12, 31))
    assert period_days("9999-Q4") == (date(9999, 10, 1), date(9999, 12, 31))
    assert period_days("9999-12") == (date(9999, 12, 1), date(9999, 12, 31))
