"""GET /ask: the question parser alone (no Neo4j), then each form answered through TestClient from a small graph of
hand-built extractions of articles written here, on the real server."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from fastapi.testclient import TestClient

from ingest.load import write_article
from ingest.models import PersonRef
from service.api.app import create_app
from service.api.ask import KNOWN_FORMS, QuestionError, parse_question
from service.graph.driver import ConnectionInfo
from service.graph.repository import GraphRepository
from tests.conftest import api_settings
from tests.test_load import make_article, make_event, make_extraction

TODAY = date(2024, 9, 1)

# --------------------------------------------------------------------------- the parser, without Neo4j


@pytest.mark.parametrize(
    ("question", "form", "actors", "stance", "year"),
    [
        ("who is cooperating with Russia", "partners", ["RUS"], "cooperation", None),
        ("Who is cooperating with russia?", "partners", ["RUS"], "cooperation", None),
        ("who works with the EU in 2023", "partners", ["EU"], "cooperation", "2023"),
        ("who is in conflict with Israel", "partners", ["ISR"], "conflict", None),
        ("Who is fighting Ukraine this year?", "partners", ["UKR"], "fighting", "2024"),
        ("who attacked Russia last year", "partners", ["RUS"], "fighting", "2023"),
        ("what happened between the US and China", "between", ["USA", "CHN"], None, None),
        ("What happened between the United States and China this year?", "between", ["USA", "CHN"], None, "2024"),
        ("what's going on between india and pakistan in 2022", "between", ["IND", "PAK"], None, "2022"),
        ("what happened between Trinidad and Tobago and Venezuela", "between", ["TTO", "VEN"], None, None),
        ("How are relations between India and China", "between", ["IND", "CHN"], None, None),
        ("who leads Japan?", "leaders", ["JPN"], None, None),
        ("Who is the leader of France", "leaders", ["FRA"], None, None),
        ("who sent troops to Russia", "troops", ["RUS"], None, None),
        ("Who has deployed troops to Belarus in 2024?", "troops", ["BLR"], None, "2024"),
        ("who met Germany in 2024", "meetings", ["DEU"], None, "2024"),
    ],
)
def test_questions_of_each_form_parse(
    question: str, form: str, actors: list[str], stance: str | None, year: str | None
) -> None:
    intent = parse_question(question, today=TODAY)
    assert (intent.form, [a.id for a in intent.actors], intent.stance, intent.year) == (form, actors, stance, year)
    assert intent.person is None


def test_a_name_that_is_no_actor_is_a_person_to_find_in_the_graph() -> None:
    intent = parse_question("Who met Xi Jinping in 2024?", today=TODAY)
    assert (intent.form, intent.person, intent.actors, intent.year) == ("meetings", "Xi Jinping", [], "2024")
    assert parse_question("who has met with Olaf Scholz").person == "Olaf Scholz"


def test_stances_carry_their_event_types() -> None:
    assert set(parse_question("who is cooperating with Russia").event_types) >= {"AGREE", "CONSULT", "COOPERATE"}
    assert "ASSAULT" not in parse_question("who is cooperating with Russia").event_types
    assert set(parse_question("who is in conflict with Russia").event_types) >= {"ASSAULT", "SANCTION", "ACCUSE"}
    assert parse_question("who is fighting Russia").event_types == ["ASSAULT", "COERCE"]
    assert parse_question("who sent troops to Russia").event_types == ["MOBILIZE"]


@pytest.mark.parametrize("question", ["", "   ?", "what is the capital of France", "tell me about Russia", "x" * 400])
def test_questions_of_no_known_form_are_refused(question: str) -> None:
    with pytest.raises(QuestionError) as caught:
        parse_question(question)
    assert caught.value.unknown_form


@pytest.mark.parametrize(
    ("question", "message"),
    [
        ("who is cooperating with Narnia", "'Narnia' is not a country or organisation I know"),
        ("who leads NATO", "North Atlantic Treaty Organization is not a country"),
    ],
)
def test_unknown_or_wrong_actors_are_named(question: str, message: str) -> None:
    with pytest.raises(QuestionError, match=message) as caught:
        parse_question(question)
    assert not caught.value.unknown_form


# --------------------------------------------------------------------------- through the API, on a real graph


def write(
    repo: GraphRepository,
    text: str,
    published: date,
    events: list[tuple[Any, ...]],
    people: list[PersonRef] | None = None,
) -> None:
    """One article: `events` are (sentence, type, source, target, kwargs) with sentences taken from `text`."""
    article = make_article(
        text, url=f"https://news.test/{hashlib.sha256(text.encode()).hexdigest()[:12]}", published=published
    )
    built = [make_event(text, s, t, src, tgt, **kw) for s, t, src, tgt, kw in events]
    write_article(repo, article, make_extraction(article, built, people))


XI = PersonRef("person:xi-jinping", "Xi Jinping", "CHN", "President")
PUTIN = PersonRef("person:vladimir-putin", "Vladimir Putin", "RUS", "President")
KISHIDA = PersonRef("person:fumio-kishida", "Fumio Kishida", "JPN", "Prime Minister")
KAMIKAWA = PersonRef("person:yoko-kamikawa", "Yoko Kamikawa", "JPN", "Foreign Minister")


@pytest.fixture
def small_graph(graph: GraphRepository) -> GraphRepository:
    sym: dict[str, Any] = {"symmetric": True}
    text = "Russia and China signed an energy agreement on Monday. Iran and Russia held talks on trade in Tehran."
    write(
        graph,
        text,
        date(2024, 3, 12),
        [
            ("Russia and China signed an energy agreement on Monday.", "AGREE", ["RUS", "CHN"], [], sym),
            ("Iran and Russia held talks on trade in Tehran.", "CONSULT", ["IRN", "RUS"], [], sym),
        ],
    )
    text = "Ukrainian drones struck a Russian refinery. Belarus sent troops to Russia's border region, officials said."
    write(
        graph,
        text,
        date(2024, 5, 20),
        [
            ("Ukrainian drones struck a Russian refinery.", "ASSAULT", ["UKR"], ["RUS"], {"date": "2024-05-19"}),
            (
                "Belarus sent troops to Russia's border region, officials said.",
                "MOBILIZE",
                ["BLR"],
                ["RUS"],
                {"date": "2024-05-18", "mode": "troops"},
            ),
        ],
    )
    text = "Chinese President Xi Jinping met Russian President Vladimir Putin in Beijing on Tuesday."
    write(
        graph,
        text,
        date(2024, 5, 16),
        [(text, "CONSULT", ["CHN", "RUS"], [], {"symmetric": True, "date": "2024-05-14", "people": [XI.id, PUTIN.id]})],
        people=[XI, PUTIN],
    )
    text = "Xi Jinping met Vladimir Putin in Moscow."
    write(
        graph,
        text,
        date(2023, 3, 22),
        [(text, "CONSULT", ["CHN", "RUS"], [], {"symmetric": True, "date": "2023-03-21", "people": [XI.id, PUTIN.id]})],
        people=[XI, PUTIN],
    )
    text = "The United States imposed sanctions on Chinese chip makers."
    write(graph, text, date(2023, 10, 18), [(text, "SANCTION", ["USA"], ["CHN"], {"date": "2023-10-17"})])
    text = "US and Chinese officials held talks in Washington on Friday."
    write(
        graph,
        text,
        date(2024, 2, 3),
        [(text, "CONSULT", ["USA", "CHN"], [], {"symmetric": True, "date": "2024-02-02"})],
    )
    text = "Japanese Prime Minister Fumio Kishida and Foreign Minister Yoko Kamikawa arrived in Manila."
    write(graph, text, date(2024, 6, 14), [], people=[KISHIDA, KAMIKAWA])
    return graph


@pytest.fixture
def client(small_graph: GraphRepository, neo4j_server: ConnectionInfo) -> Iterator[TestClient]:
    settings = api_settings(neo4j_server)
    with TestClient(create_app(settings)) as test_client:
        yield test_client


def ask(client: TestClient, question: str) -> dict[str, Any]:
    response = client.get("/ask", params={"q": question})
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    assert body["question"] == question
    return body


def test_who_is_cooperating_with(client: TestClient) -> None:
    body = ask(client, "who is cooperating with Russia?")
    assert body["intent"]["form"] == "partners" and body["intent"]["stance"] == "cooperation"
    assert {(r["id"], r["events"]) for r in body["result"]} == {("CHN", 3), ("IRN", 1)}
    assert body["result"][0]["id"] == "CHN"
    assert (
        body["result"][0]["evidence"]
        == "Chinese President Xi Jinping met Russian President Vladimir Putin in Beijing on Tuesday."
    )
    assert body["summary"] == "China and Iran are reported cooperating with Russia."
    assert body["query"]["name"] == "read/api_ask_partners"
    assert body["query"]["parameters"]["actor"] == "RUS" and "AGREE" in body["query"]["parameters"]["types"]
    # A year narrows it to that year's events.
    assert {(r["id"], r["events"]) for r in ask(client, "who is cooperating with Russia in 2023")["result"]} == {
        ("CHN", 1)
    }


def test_who_is_fighting_or_in_conflict_with(client: TestClient) -> None:
    body = ask(client, "Who is fighting Russia?")
    assert [(r["id"], r["last_date"], r["types"]) for r in body["result"]] == [("UKR", "2024-05-19", ["ASSAULT"])]
    assert body["summary"] == "Ukraine is reported fighting Russia."
    # Conflict covers words and force, whichever side X was on.
    assert [r["id"] for r in ask(client, "who is in conflict with China")["result"]] == ["USA"]
    assert [r["id"] for r in ask(client, "who is in conflict with the United States")["result"]] == ["CHN"]
    assert ask(client, "who is fighting Iran")["summary"] == "No one is reported fighting Iran."


def test_who_met_a_person_in_a_year(client: TestClient) -> None:
    body = ask(client, "who met Xi Jinping in 2024?")
    assert body["intent"]["person"] == "Xi Jinping"
    assert body["query"] == {
        "name": "read/api_ask_meetings",
        "parameters": {"subject": "person:xi-jinping", "year": "2024", "limit": 25},
    }
    [meeting] = body["result"]
    assert meeting["date"] == "2024-05-14"
    assert {c["id"] for c in meeting["counterparts"]} == {"RUS", "person:vladimir-putin"}
    assert body["summary"] == "Xi Jinping met Russia and Vladimir Putin in 2024 (1 meeting)."
    # Without a year, both meetings, latest first; names match case-insensitively.
    assert [m["date"] for m in ask(client, "who met xi jinping")["result"]] == ["2024-05-14", "2023-03-21"]
    # A country: its own officials are on its side, not counterparts.
    countries = {c["id"] for m in ask(client, "who met China in 2024")["result"] for c in m["counterparts"]}
    assert countries == {"RUS", "USA", "person:vladimir-putin"}


def test_who_met_someone_not_in_the_graph_is_404(client: TestClient) -> None:
    response = client.get("/ask", params={"q": "who met Jane Nobody"})
    assert response.status_code == 404
    assert response.json() == {"detail": "no person named 'Jane Nobody' in the graph"}


def test_what_happened_between(client: TestClient) -> None:
    body = ask(client, "What happened between the US and China?")
    assert [(e["type"], e["date"], e["sources"], e["targets"]) for e in body["result"]] == [
        ("CONSULT", "2024-02-02", ["CHN", "USA"], []),
        ("SANCTION", "2023-10-17", ["USA"], ["CHN"]),
    ]
    assert body["result"][1]["evidence"] == "The United States imposed sanctions on Chinese chip makers."
    assert body["summary"] == (
        "2 events between United States and China (1 CONSULT, 1 SANCTION), the latest on 2024-02-02."
    )
    this_year = ask(client, "what happened between the US and China this year")
    assert this_year["intent"]["year"] == str(date.today().year)
    assert ask(client, "what happened between the US and China in 2023")["result"][0]["type"] == "SANCTION"


def test_who_leads(client: TestClient) -> None:
    body = ask(client, "Who leads Japan?")
    assert [(r["name"], r["role"], r["last_seen"]) for r in body["result"]] == [
        ("Fumio Kishida", "Prime Minister", "2024-06-14")
    ]
    assert body["summary"] == "Japan is led by Prime Minister Fumio Kishida (last seen 2024-06-14)."
    assert "Foreign Minister" not in body["query"]["parameters"]["roles"]
    assert ask(client, "who leads Peru")["summary"] == "No leader of Peru is reported."


def test_who_sent_troops(client: TestClient) -> None:
    body = ask(client, "who sent troops to Russia?")
    assert [(r["id"], r["events"], r["modes"]) for r in body["result"]] == [("BLR", 1, ["troops"])]
    assert body["result"][0]["evidence"] == "Belarus sent troops to Russia's border region, officials said."
    assert body["summary"] == "Belarus has sent forces to Russia."
    assert ask(client, "who sent troops to Russia in 2023")["result"] == []


def test_an_unknown_question_is_422_with_the_known_forms(client: TestClient) -> None:
    response = client.get("/ask", params={"q": "what is the meaning of life"})
    assert response.status_code == 422
    assert response.json() == {
        "detail": {"message": "the question has none of the known forms", "forms": list(KNOWN_FORMS)}
    }
    unknown_actor = client.get("/ask", params={"q": "who leads Atlantis"})
    assert unknown_actor.status_code == 422
    assert unknown_actor.json()["detail"] == {"message": "'Atlantis' is not a country or organisation I know"}
    assert client.get("/ask").status_code == 422
