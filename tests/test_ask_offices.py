"""GET /ask on offices: the holder before or after a leader ("who was Japan's prime minister before Kishida") and
the offices an organisation files under one role (the EU's "president"), read alone, then answered through
TestClient on the real server with its clock set to TODAY."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from fastapi.testclient import TestClient

from service.api.app import create_app
from service.api.ask import parse_question
from service.api.ask_offices import offices_meant
from service.api.deps import get_today
from service.graph.driver import ConnectionInfo
from service.graph.repository import GraphRepository
from tests.conftest import api_settings
from tests.test_ask import ask

TODAY = date(2024, 9, 1)
COMMISSION = "President of the European Commission"
COUNCIL = "President of the European Council"

# --------------------------------------------------------------------------- the reader, without Neo4j


@pytest.mark.parametrize(
    ("question", "actor", "person", "role", "succession"),
    [
        (
            "who was Japan's prime minister before Kishida",
            "JPN",
            "person:fumio-kishida",
            "Prime Minister",
            "predecessor",
        ),
        ("who led the UK after Johnson", "GBR", "person:boris-johnson", "Prime Minister", "successor"),
        ("Who succeeded Shinzo Abe?", "JPN", "person:shinzo-abe", "Prime Minister", "successor"),
        ("Merkel's predecessor", "DEU", "person:angela-merkel", "Chancellor", "predecessor"),
        ("who came after Merkel", "DEU", "person:angela-merkel", "Chancellor", "successor"),
        ("who replaced Truss as foreign secretary", "GBR", "person:liz-truss", "Foreign Minister", "successor"),
        ("who was replaced by Sunak", "GBR", "person:rishi-sunak", "Prime Minister", "predecessor"),
        ("WHO WAS PRESIDENT BEFORE BIDEN?", "USA", "person:joe-biden", "President", "predecessor"),
        (
            "who was in office in Israel prior to Bennett",
            "ISR",
            "person:naftali-bennett",
            "Prime Minister",
            "predecessor",
        ),
        ("who took over from Ursula von der Leyen", "EU", "person:ursula-von-der-leyen", "President", "successor"),
    ],
)
def test_a_leaders_predecessor_or_successor_is_read_into_the_intent(
    question: str, actor: str, person: str, role: str, succession: str
) -> None:
    intent = parse_question(question, today=TODAY)
    assert intent.form == "leaders"
    assert [a.id for a in intent.actors] == [actor]
    assert intent.person is not None and intent.person.id == person
    assert (intent.role, intent.succession) == (role, succession)


def test_before_or_after_a_person_without_an_office_word_is_no_succession() -> None:
    meeting = parse_question("who did Xi meet after Putin", today=TODAY)
    assert meeting.form == "meetings" and meeting.succession is None
    assert parse_question("who is the president of Kenya", today=TODAY).succession is None


def test_the_eu_president_means_the_commission_and_council_presidents_unless_one_is_named() -> None:
    president = frozenset({"President"})
    assert offices_meant("EU", president, "who is the president of the EU", [COMMISSION, COUNCIL]) == [
        COMMISSION,
        COUNCIL,
    ]
    for question, office in [
        ("who is the president of the European Commission", COMMISSION),
        ("who chairs the European Council", COUNCIL),
        ("who is the ECB president", "President of the European Central Bank"),
        ("who presides over the European Parliament", "President of the European Parliament"),
    ]:
        assert offices_meant("EU", president, question, [COMMISSION, COUNCIL]) == [office], question
    # The UN's secretary-general is the office of that name, not the high commissioners filed under it.
    secretary = frozenset({"Secretary-General"})
    assert offices_meant("UN", secretary, "who is the UN secretary general") == [
        "Secretary-General of the United Nations"
    ]
    assert offices_meant("NATO", secretary, "who is NATO's secretary general") is None  # one office
    assert parse_question("who is the president of France", today=TODAY).offices is None


def test_the_eu_president_asked_for_a_meeting_is_the_commission_president_and_says_so() -> None:
    intent = parse_question("who did the EU president meet in 2023", today=TODAY)
    assert intent.person is not None and intent.person.id == "person:ursula-von-der-leyen"
    assert intent.offices == [COMMISSION]
    council = parse_question("who did the president of the European Council meet in 2023", today=TODAY)
    assert council.person is not None and council.person.id == "person:charles-michel"


# --------------------------------------------------------------------------- through the API, on a real graph


@pytest.fixture
def client(graph: GraphRepository, neo4j_server: ConnectionInfo) -> Iterator[TestClient]:
    """The API on an empty graph: these answers come from the office-holder data alone."""
    app = create_app(api_settings(neo4j_server))
    app.dependency_overrides[get_today] = lambda: TODAY
    with TestClient(app) as test_client:
        yield test_client


def test_the_office_holder_just_before_or_after_a_leader(client: TestClient) -> None:
    body = ask(client, "who was Japan's prime minister before Kishida")
    assert body["intent"]["succession"] == "predecessor" and body["intent"]["person"]["id"] == "person:fumio-kishida"
    assert [(r["name"], r["start"], r["end"], r["of"]["name"]) for r in body["result"]] == [
        ("Yoshihide Suga", "2020-09-16", "2021-10-04", "Fumio Kishida")
    ]
    assert body["summary"] == (
        "Yoshihide Suga (2020-09-16 to 2021-10-04) was Prime Minister of Japan before Fumio Kishida "
        "(2021-10-04 to 2024-10-01)."
    )
    assert body["query"]["name"] == "office-holder data"
    assert [r["name"] for r in ask(client, "who led the UK after Johnson")["result"]] == ["Liz Truss"]
    # The same office: the EU Commission's president before von der Leyen, not the Central Bank's.
    assert [r["name"] for r in ask(client, "who came before von der Leyen")["result"]] == ["Jean-Claude Juncker"]
    # A caretaker between two terms of one person is no successor, nor is the person's own next term.
    assert [r["name"] for r in ask(client, "who was Greece's prime minister before Mitsotakis")["result"]] == [
        "Alexis Tsipras"
    ]


def test_each_term_of_a_leader_gets_its_own_answer_and_a_gap_is_said(client: TestClient) -> None:
    body = ask(client, "Netanyahu's predecessor")
    assert [(r["name"], r["of"]["start"]) for r in body["result"]] == [("Yair Lapid", "2022-12-29")]
    assert body["summary"].endswith(
        "The Prime Minister of Israel before Benjamin Netanyahu (2009-03-31 to 2021-06-13) is not in the "
        "office-holder data."
    )
    still = ask(client, "who succeeded Modi")
    assert still["result"] == []
    assert still["summary"] == "The Prime Minister of India after Narendra Modi (from 2014-05-26) is still in office."
    nothing = ask(client, "who was France's president before Kishida")
    assert nothing["result"] == []
    assert nothing["summary"] == "No term of Fumio Kishida as President of France is in the office-holder data."


def test_the_eu_president_answer_names_each_office_it_gives(client: TestClient) -> None:
    body = ask(client, "who is the president of the EU")
    assert body["intent"]["offices"] == [COMMISSION, COUNCIL]
    assert [(r["name"], r["role"]) for r in body["result"]] == [
        ("Ursula von der Leyen", COMMISSION),
        ("Charles Michel", COUNCIL),
    ]  # not the Parliament's nor the Central Bank's president
    assert body["summary"] == (
        f"European Union's president is more than one office: {COMMISSION} Ursula von der Leyen, "
        f"{COUNCIL} Charles Michel."
    )
    in_2018 = ask(client, "who was EU president in 2018")
    assert [r["name"] for r in in_2018["result"]] == ["Donald Tusk", "Jean-Claude Juncker"]
    parliament = ask(client, "who is the president of the European Parliament")
    assert parliament["intent"]["offices"] == ["President of the European Parliament"]
    assert [r["name"] for r in parliament["result"]] == ["Roberta Metsola"]
    meeting = ask(client, "who did the EU president meet this year")
    assert meeting["summary"] == f"No meeting of Ursula von der Leyen ({COMMISSION}) in 2024 is reported."
