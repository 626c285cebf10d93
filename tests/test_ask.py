"""GET /ask: the question reader alone (no Neo4j) over the question sets of tests/data/ask_questions.jsonl and
ask_questions_fresh.jsonl (held out: written by another hand, without reading the parser, then kept) and the time
phrases, then every form answered through TestClient, on the real server, from a small graph of hand-built
extractions of articles written here, with the server's clock set to TODAY."""

from __future__ import annotations

import contextlib
import hashlib
import json
import random
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from ingest.load import write_article
from ingest.models import PersonRef
from service.api.app import create_app
from service.api.ask import KNOWN_FORMS, UNDERSTOOD_FIELDS, QuestionError, parse_question, understood_fields
from service.api.ask_time import take_time
from service.api.deps import get_today
from service.graph.driver import ConnectionInfo
from service.graph.repository import GraphRepository
from tests.conftest import api_settings
from tests.test_load import make_article, make_event, make_extraction

TODAY = date(2024, 9, 1)  # the question set's clock: "last month" is 2024-08
QUESTIONS = Path(__file__).parent / "data" / "ask_questions.jsonl"
FRESH_QUESTIONS = Path(__file__).parent / "data" / "ask_questions_fresh.jsonl"

# --------------------------------------------------------------------------- the reader, without Neo4j


def _question_set(path: Path = QUESTIONS) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


ALL_FORMS = {"partners", "meetings", "between", "trend", "leaders", "troops", "events"}


def test_the_question_set_is_large_and_covers_every_form() -> None:
    rows = _question_set()
    assert len(rows) >= 150
    assert {row["form"] for row in rows} == ALL_FORMS


def test_the_fresh_set_is_held_out_from_the_first_and_covers_every_form() -> None:
    fresh = _question_set(FRESH_QUESTIONS)
    first = {" ".join(row["q"].lower().split()) for row in _question_set()}
    assert len(fresh) >= 80
    assert {row["form"] for row in fresh} == ALL_FORMS
    assert not [row["q"] for row in fresh if " ".join(row["q"].lower().split()) in first]


@pytest.mark.parametrize(
    "row",
    [*_question_set(), *_question_set(FRESH_QUESTIONS)],
    ids=lambda row: str(row["q"]),
)
def test_each_question_of_the_set_is_understood(row: dict[str, Any]) -> None:
    intent = parse_question(row["q"], today=TODAY)
    got = understood_fields(intent)
    assert got == {field: row[field] for field in UNDERSTOOD_FIELDS}


@pytest.mark.parametrize(
    ("phrase", "since", "until"),
    [
        ("in 2022", "2022", "2022"),
        ("since 2021", "2021", None),
        ("since March 2022", "2022-03", None),
        ("between 2019 and 2021", "2019", "2021"),
        ("from 2020 to 2022", "2020", "2022"),
        ("2019-2021", "2019", "2021"),
        ("this year", "2024", "2024"),
        ("last year", "2023", "2023"),
        ("last month", "2024-08", "2024-08"),
        ("in the past six months", "2024-03", None),
        ("over the last 3 months", "2024-06", None),
        ("in the past year", "2023-09", None),
        ("in March 2023", "2023-03", "2023-03"),
        ("between January 2022 and June 2023", "2022-01", "2023-06"),
        ("in the first quarter of 2023", "2023-01", "2023-03"),
        ("before 2022", None, "2021"),
        ("after March 2022", "2022-04", None),
        ("in May", "2024-05", "2024-05"),
        ("in October", "2023-10", "2023-10"),  # the latest October up to today
        ("yesterday", "2024-08-31", "2024-08-31"),
        ("since October 7, 2023", "2023-10-07", None),
        ("between 1 March 2022 and 30 June 2022", "2022-03-01", "2022-06-30"),
        ("between March and June 2023", "2023-03", "2023-06"),
        ("two years ago", "2022", "2022"),
        ("since last month", "2024-08", None),
        ("between 2022 and now", "2022", None),
        ("from March 2023 to the present", "2023-03", None),
        ("since mid-2023", "2023", None),
        ("in the 2010s", "2010", "2019"),
        ("in the first half of 2023", "2023-01", "2023-06"),
    ],
)
def test_time_phrases_give_an_inclusive_range_at_their_precision(
    phrase: str, since: str | None, until: str | None
) -> None:
    rest, found = take_time(f"who met Putin {phrase}", TODAY)
    assert (found.since, found.until) == (since, until)
    assert rest.split() == ["who", "met", "Putin"]


def test_a_month_name_alone_is_not_a_date() -> None:
    assert take_time("what did May say", TODAY)[1].since is None


def test_case_apostrophes_and_punctuation_do_not_matter() -> None:
    readings = {
        parse_question(q, today=TODAY).model_dump_json(exclude={"actors": {0: {"text"}}})
        for q in ("who's the president of Kenya", "WHO IS THE PRESIDENT OF KENYA?", "Who’s the President of kenya ?!")
    }
    assert len(readings) == 1


def test_people_resolve_by_any_known_name_to_the_graph_id() -> None:
    for name in ("Erdogan", "Erdoğan", "Recep Tayyip Erdogan", "Tayyip Erdoğan", "erdogan"):
        person = parse_question(f"who did {name} meet", today=TODAY).person
        assert person is not None and person.id == "person:recep-tayyip-erdogan", name
    # An office on a date is its holder then.
    assert parse_question("who did the British prime minister meet in 2023", today=TODAY).person == (
        parse_question("who did Rishi Sunak meet", today=TODAY).person
    )


def test_a_name_outside_the_vocabulary_is_left_for_the_graph() -> None:
    intent = parse_question("Who met Jane Nobody in 2024?", today=TODAY)
    assert intent.person is not None and (intent.person.id, intent.person.name) == (None, "Jane Nobody")


def test_the_types_a_question_names_are_its_event_types() -> None:
    assert parse_question("who imposed tariffs on Canada", today=TODAY).event_types == ["SANCTION"]
    assert parse_question("who condemned Israel", today=TODAY).event_types == ["ACCUSE"]
    assert parse_question("who is fighting Russia", today=TODAY).event_types == ["ASSAULT"]
    assert parse_question("who is cooperating with Russia", today=TODAY).event_types is None
    assert parse_question("who sent troops to Russia", today=TODAY).event_types == ["MOBILIZE"]


def test_year_stays_for_one_calendar_year_only() -> None:
    assert parse_question("who met Putin in 2022", today=TODAY).year == "2022"
    assert parse_question("who met Putin since 2022", today=TODAY).year is None


def test_the_clock_decides_this_year() -> None:
    intent = parse_question("what happened between the US and China this year", today=date(2031, 1, 5))
    assert (intent.since, intent.until) == ("2031", "2031")


@pytest.mark.parametrize(
    "question",
    ["", "   ?", "what is the meaning of life", "x" * 400, "who met", "2022", "what is the capital of France"],
)
def test_questions_of_no_known_form_are_refused(question: str) -> None:
    with pytest.raises(QuestionError) as caught:
        parse_question(question, today=TODAY)
    assert caught.value.unknown_form


def test_an_unreadable_question_offers_its_closest_readings() -> None:
    with pytest.raises(QuestionError) as caught:
        parse_question("tell me something on Ghana", today=TODAY)
    assert caught.value.unknown_form
    assert caught.value.did_you_mean and all("Ghana" in r for r in caught.value.did_you_mean)


def test_an_unknown_name_is_named_with_the_closest_known_names() -> None:
    with pytest.raises(QuestionError, match="'Rusia' is not a country, organisation or person I know") as caught:
        parse_question("who is cooperating with Rusia", today=TODAY)
    assert not caught.value.unknown_form
    assert "Russia" in caught.value.did_you_mean


def test_any_text_is_read_or_refused_with_a_question_error() -> None:
    """Seeded jumbles of question words, dates out of range and stray characters: never another exception."""
    text = (
        "who is cooperating with Russia in since between and from to last this year month past 99999999 days ago "
        "2022 2019-13 2024-02-30 March the of president meet troops tariffs how changed WHO IS US Kenya's ' ? - \x00"
    )
    words = text.split(" ")
    generator = random.Random(12)
    for _ in range(2000):
        question = " ".join(generator.choice(words) for _ in range(generator.randint(0, 10)))
        with contextlib.suppress(QuestionError):
            parse_question(question, today=TODAY)


def test_a_range_that_ends_before_it_starts_is_refused() -> None:
    with pytest.raises(QuestionError, match="starts"):
        parse_question("who met Putin between 2023 and 2021", today=TODAY)


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
ENVOY = PersonRef("person:ana-envoy", "Ana Envoy", "PER", "Envoy")  # in no vocabulary, only in the graph


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
    text = "The United States imposed tariffs on Canadian steel."
    write(graph, text, date(2024, 8, 12), [(text, "SANCTION", ["USA"], ["CAN"], {"date": "2024-08-11"})])
    text = "Peruvian envoy Ana Envoy met Chilean officials in Santiago."
    write(
        graph,
        text,
        date(2024, 7, 2),
        [(text, "CONSULT", ["PER", "CHL"], [], {"symmetric": True, "date": "2024-07-01", "people": [ENVOY.id]})],
        people=[ENVOY],
    )
    # Greece and Turkey: words of conflict, then a thaw.
    for day, sentence, type_, src, tgt, kw in [
        ("2019-06-03", "Turkey accused Greece of provocations.", "ACCUSE", ["TUR"], ["GRC"], {}),
        ("2020-08-14", "Turkey threatened Greece over the survey ship.", "THREATEN", ["TUR"], ["GRC"], {}),
        ("2020-09-01", "Greece accused Turkey of violating its airspace.", "ACCUSE", ["GRC"], ["TUR"], {}),
        ("2023-12-07", "Greece and Turkey held talks in Athens.", "CONSULT", ["GRC", "TUR"], [], sym),
        ("2023-12-07", "Greece and Turkey signed a declaration of friendship.", "AGREE", ["GRC", "TUR"], [], sym),
    ]:
        write(graph, sentence, date.fromisoformat(day), [(sentence, type_, src, tgt, kw | {"date": day})])
    return graph


@pytest.fixture
def client(small_graph: GraphRepository, neo4j_server: ConnectionInfo) -> Iterator[TestClient]:
    app = create_app(api_settings(neo4j_server))
    app.dependency_overrides[get_today] = lambda: TODAY
    with TestClient(app) as test_client:
        yield test_client


def ask(client: TestClient, question: str) -> dict[str, Any]:
    response = client.get("/ask", params={"q": question})
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    assert body["question"] == question
    return body


def test_partners_from_the_partners_endpoint_queries_and_a_range_filters_them(client: TestClient) -> None:
    body = ask(client, "who is cooperating with Russia?")
    assert body["intent"]["form"] == "partners" and body["intent"]["stance"] == "cooperation"
    # As GET /countries/RUS/partners counts them: troops sent to Russia are cooperation.
    assert [(r["id"], r["event_count"]) for r in body["result"]] == [("CHN", 3), ("BLR", 1), ("IRN", 1)]
    assert body["summary"] == "China, Belarus and Iran are reported cooperating with Russia."
    assert body["query"]["name"] == "read/api_partners"
    # The same answer for another wording, a capital and a noun phrase; a range counts only its events.
    assert [r["id"] for r in ask(client, "the Kremlin's partners")["result"]] == ["CHN", "BLR", "IRN"]
    in_2023 = ask(client, "Moscow's allies in 2023")
    assert in_2023["query"]["name"] == "read/api_partners_summarised"  # a year: the per-pair summaries
    assert (in_2023["intent"]["since"], in_2023["intent"]["until"]) == ("2023", "2023")
    assert [(r["id"], r["event_count"]) for r in in_2023["result"]] == [("CHN", 1)]
    assert {r["id"] for r in ask(client, "who has worked with Russia since April 2024")["result"]} == {"CHN", "BLR"}


def test_conflict_partners_and_their_synonyms(client: TestClient) -> None:
    body = ask(client, "Who is fighting Russia?")
    assert [(r["id"], r["last_date"]) for r in body["result"]] == [("UKR", "2024-05-19")]
    assert body["summary"] == "Ukraine is reported fighting Russia."
    assert [r["id"] for r in ask(client, "China's adversaries")["result"]] == ["USA"]
    assert [r["id"] for r in ask(client, "who is the White House clashing with")["result"]] == ["CAN", "CHN"]
    empty = ask(client, "who targeted Iran last month")
    assert empty["result"] == [] and empty["intent"]["since"] == "2024-08"
    assert empty["summary"] == "No one is reported fighting Iran in 2024-08."


def test_meetings_of_a_person_by_any_name_and_in_a_range(client: TestClient) -> None:
    body = ask(client, "who has Xi met in 2024?")
    assert body["intent"]["person"] == {"id": "person:xi-jinping", "name": "Xi Jinping"}
    assert body["query"] == {
        "name": "read/api_ask_meetings",
        "parameters": {"subject": "person:xi-jinping", "since": "2024", "until": "2024", "limit": 25},
    }
    [meeting] = body["result"]
    assert meeting["date"] == "2024-05-14"
    assert {c["id"] for c in meeting["counterparts"]} == {"RUS", "person:vladimir-putin"}
    assert body["summary"] == "Xi Jinping met Russia and Vladimir Putin in 2024 (1 meeting)."
    assert [m["date"] for m in ask(client, "WHO DID XI JINPING MEET?")["result"]] == ["2024-05-14", "2023-03-21"]
    assert [m["date"] for m in ask(client, "meetings of Xi until 2023")["result"]] == ["2023-03-21"]
    # A country: its own officials are on its side, not counterparts.
    countries = {c["id"] for m in ask(client, "who met China since 2024")["result"] for c in m["counterparts"]}
    assert countries == {"RUS", "USA", "person:vladimir-putin"}


def test_a_known_person_with_nothing_in_the_graph_is_an_empty_answer(client: TestClient) -> None:
    body = ask(client, "who did Macron meet last year")
    assert body["intent"]["person"] == {"id": "person:emmanuel-macron", "name": "Emmanuel Macron"}
    assert body["result"] == [] and body["summary"] == "No meeting of Emmanuel Macron in 2023 is reported."


def test_a_person_only_the_graph_knows_is_found_there_and_anyone_else_is_404(client: TestClient) -> None:
    body = ask(client, "who did Ana Envoy meet")
    assert body["intent"]["person"] == {"id": "person:ana-envoy", "name": "Ana Envoy"}
    assert [c["id"] for c in body["result"][0]["counterparts"]] == ["CHL"]
    assert ask(client, "who has Envoy met")["intent"]["person"]["id"] == "person:ana-envoy"  # by surname
    events = ask(client, "what did Ana Envoy do in July 2024")
    assert events["intent"]["form"] == "events" and events["intent"]["person"]["id"] == "person:ana-envoy"
    assert [e["type"] for e in events["result"]] == ["CONSULT"]
    response = client.get("/ask", params={"q": "who met Jane Nobody"})
    assert response.status_code == 404
    assert response.json() == {"detail": "no person named 'Jane Nobody' in the graph"}


def test_between_from_the_relations_endpoint_query_with_a_range(client: TestClient) -> None:
    body = ask(client, "What happened between the US and China?")
    assert [a["id"] for a in body["intent"]["actors"]] == ["CHN", "USA"]
    assert [(e["type"], e["date"]) for e in body["result"]] == [("CONSULT", "2024-02-02"), ("SANCTION", "2023-10-17")]
    assert body["result"][1]["evidence"][0]["sentence"] == "The United States imposed sanctions on Chinese chip makers."
    assert body["query"]["name"] == "read/api_relations"
    assert body["summary"] == (
        "2 events between China and United States (1 CONSULT, 1 SANCTION), the latest on 2024-02-02."
    )
    assert [e["type"] for e in ask(client, "US-China relations this year")["result"]] == ["CONSULT"]
    assert [e["type"] for e in ask(client, "Washington and Beijing from 2019 to 2023")["result"]] == ["SANCTION"]
    assert ask(client, "what happened between the US and China last month")["result"] == []


def test_trend_is_the_timeline_of_the_pair_by_year(client: TestClient) -> None:
    body = ask(client, "how have relations between Turkey and Greece changed since 2019")
    assert body["intent"]["form"] == "trend" and [a["id"] for a in body["intent"]["actors"]] == ["GRC", "TUR"]
    assert body["query"]["name"] == "read/api_relations_timeline_periods"
    assert [(r["period"], r["events"], r["cooperation"], r["conflict"]) for r in body["result"]] == [
        ("2019", 1, 0, 1),
        ("2020", 2, 0, 2),
        ("2021", 0, 0, 0),
        ("2022", 0, 0, 0),
        ("2023", 2, 2, 0),
    ]
    nets = [r["net"] for r in body["result"]]
    assert nets[0] < 0 and nets[1] < 0 and nets[2] == nets[3] == 0 and nets[4] > 0  # soured, then a thaw
    assert body["summary"].startswith("Greece and Turkey since 2019, net cooperation minus conflict per year: 2019 -")
    assert [r["period"] for r in ask(client, "have Athens-Ankara ties warmed since 2021")["result"]] == ["2023"]
    monthly = ask(client, "Greece-Turkey relations by month in 2020: getting worse?")
    assert monthly["intent"]["interval"] == "month" and monthly["query"]["parameters"]["interval"] == "month"
    assert [r["period"] for r in monthly["result"]] == ["2020-08", "2020-09"]


def test_leaders_from_the_office_holder_data_and_the_graph(client: TestClient) -> None:
    body = ask(client, "Who leads Japan?")
    assert [(r["name"], r["role"], r["source"]) for r in body["result"]] == [
        ("Fumio Kishida", "Prime Minister", "office-holder data")
    ]
    italy = ask(client, "who was leading Italy in 2022")
    assert {r["name"] for r in italy["result"]} >= {"Mario Draghi", "Giorgia Meloni"}
    chancellor = ask(client, "Germany's chancellor")
    assert chancellor["intent"]["role"] == "Chancellor"
    assert [r["name"] for r in chancellor["result"]] == ["Olaf Scholz"]
    minister = ask(client, "who is Japan's foreign minister")
    assert "Yoko Kamikawa" in [r["name"] for r in minister["result"]]
    assert ask(client, "who is the president of Kenya")["result"][0]["name"] == "William Ruto"


def test_troops_in_a_range(client: TestClient) -> None:
    body = ask(client, "who sent troops to Russia?")
    assert [(r["id"], r["events"], r["modes"]) for r in body["result"]] == [("BLR", 1, ["troops"])]
    assert body["summary"] == "Belarus has sent forces to Russia."
    assert ask(client, "who deployed soldiers to Russia in 2023")["result"] == []
    assert [r["id"] for r in ask(client, "who sent soldiers to Russia since May 2024")["result"]] == ["BLR"]


def test_events_the_question_names(client: TestClient) -> None:
    body = ask(client, "who imposed tariffs on Canada")
    assert body["intent"]["form"] == "events" and body["intent"]["event_types"] == ["SANCTION"]
    assert [(e["type"], e["date"]) for e in body["result"]] == [("SANCTION", "2024-08-11")]
    assert {p["id"] for p in body["result"][0]["participants"]} == {"USA", "CAN"}
    assert ask(client, "who imposed tariffs on Canada in 2023")["result"] == []
    assert [e["type"] for e in ask(client, "what did Canada go through last month")["result"]] == ["SANCTION"]


def test_a_question_it_cannot_read_is_422_with_the_forms_and_closest_readings(
    client: TestClient, small_graph: GraphRepository
) -> None:
    before = small_graph.run_admin("admin/graph_fingerprint")
    response = client.get("/ask", params={"q": "what is the meaning of life"})
    assert response.status_code == 422
    detail = response.json()["detail"]
    assert detail["message"] == "the question has none of the known forms"
    assert detail["forms"] == list(KNOWN_FORMS) and detail["did_you_mean"]
    unknown = client.get("/ask", params={"q": "who leads Atlantis"})
    assert unknown.status_code == 422
    assert unknown.json()["detail"]["message"] == "'Atlantis' is not a country, organisation or person I know"
    assert unknown.json()["detail"]["forms"] == list(KNOWN_FORMS)
    closest = client.get("/ask", params={"q": "who is cooperating with Rusia"}).json()["detail"]
    assert "Russia" in closest["did_you_mean"]
    for bad in ("", "x" * 301, "who met Putin between 2023 and 2020"):
        assert client.get("/ask", params={"q": bad}).status_code == 422
    assert client.get("/ask").status_code == 422
    assert small_graph.run_admin("admin/graph_fingerprint") == before


def test_the_openapi_spec_documents_the_intent_with_examples(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    intent = spec["components"]["schemas"]["Intent"]["properties"]
    assert {"form", "actors", "person", "stance", "event_types", "since", "until", "year"} <= set(intent)
    examples = spec["paths"]["/ask"]["get"]["responses"]["200"]["content"]["application/json"]["examples"]
    assert {"partners", "meetings", "trend"} <= set(examples)
    assert examples["partners"]["value"]["intent"]["since"] == "2022-03"
