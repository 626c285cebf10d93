"""POST /articles and GET /articles/{id} through TestClient on the real Neo4j: the API key, limits and validation,
the queue, and an article processed by an in-process worker (real spaCy pipeline) read back with its events."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from ingest.nlp import load_pipeline
from ingest.worker import Worker, WorkerOptions
from service.api import routes_articles
from service.api.app import create_app
from service.config import Settings
from service.graph.driver import ConnectionInfo
from service.graph.repository import GraphRepository
from service.shared import queue
from tests.conftest import api_settings

KEY = "test-key-0123456789"
AUTH = {"X-API-Key": KEY}
SENTENCE = "Argentina and Chile signed a trade agreement in the capital on Tuesday, officials said."
ARTICLE = {"text": SENTENCE, "url": "https://news.test/argentina-chile", "published": "2024-06-14"}


def settings_for(server: ConnectionInfo, api_key: str | None) -> Settings:
    return api_settings(server, api_key=api_key)


@pytest.fixture
def client(graph: GraphRepository, neo4j_server: ConnectionInfo) -> Iterator[TestClient]:
    with TestClient(create_app(settings_for(neo4j_server, KEY))) as test_client:
        yield test_client


def post(client: TestClient, body: Any, headers: dict[str, str] | None = None) -> Any:
    return client.post("/articles", json=body, headers=AUTH if headers is None else headers)


# --------------------------------------------------------------------------- the key


def test_writes_need_the_right_key(client: TestClient, graph: GraphRepository) -> None:
    missing = post(client, ARTICLE, headers={})
    assert missing.status_code == 401
    assert missing.json() == {"detail": "missing API key: send it in the X-API-Key header"}
    wrong = post(client, ARTICLE, headers={"X-API-Key": KEY + "x"})
    assert (wrong.status_code, wrong.json()) == (403, {"detail": "invalid API key"})
    assert queue.counts(graph)["queued"] == 0

    accepted = post(client, ARTICLE)
    assert accepted.status_code == 202, accepted.text
    [item_id] = accepted.json()["ids"]
    assert accepted.headers["Location"] == f"/articles/{item_id}"
    state = client.get(f"/articles/{item_id}")
    assert state.status_code == 200
    assert {k: state.json()[k] for k in ("id", "status", "attempts")} == {
        "id": item_id,
        "status": "queued",
        "attempts": 0,
    }
    assert "events" not in state.json()
    # The key is not needed to read, and the same article again is the same item.
    assert post(client, ARTICLE).json() == {"ids": [item_id]}


def test_without_a_configured_key_only_loopback_clients_may_write(
    graph: GraphRepository, neo4j_server: ConnectionInfo
) -> None:
    app = create_app(settings_for(neo4j_server, ""))
    with TestClient(app) as remote:  # TestClient's peer is "testclient", not a loopback address
        refused = post(remote, ARTICLE, headers={})
        assert refused.status_code == 503
        assert refused.json()["detail"].startswith("API key not configured")
    with TestClient(app, client=("127.0.0.1", 50000)) as local:
        assert post(local, ARTICLE, headers={}).status_code == 202


# --------------------------------------------------------------------------- batches, limits, validation


def test_a_batch_is_queued_in_order(client: TestClient, graph: GraphRepository) -> None:
    batch = [{"text": f"Peru and Chile held talks on fishing, round {n}."} for n in range(3)]
    response = post(client, batch)
    assert response.status_code == 202
    ids = response.json()["ids"]
    assert len(set(ids)) == 3 and "Location" not in response.headers
    assert ids == queue.enqueue(graph, batch)  # the payload as submitted (no nulls added) is the item
    assert queue.counts(graph)["queued"] == 3


def test_limits_answer_413(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    too_long = post(client, {"text": "a" * (routes_articles.MAX_ARTICLE_BYTES + 1)})
    assert too_long.status_code == 413
    assert too_long.json() == {"detail": "the article: 'text' is 2000001 bytes, over the 2000000-byte limit"}
    multibyte = post(client, [{"text": "ok"}, {"html": "é" * 1_000_001}])  # 2,000,002 bytes in UTF-8
    assert multibyte.json() == {"detail": "article 1: 'html' is 2000002 bytes, over the 2000000-byte limit"}
    too_many = post(client, [{"text": f"story {n}"} for n in range(routes_articles.MAX_BATCH + 1)])
    assert too_many.status_code == 413
    assert too_many.json() == {"detail": "a batch holds at most 100 articles, this one has 101"}

    monkeypatch.setattr(routes_articles, "MAX_BODY_BYTES", 1000)
    declared = client.post("/articles", content=b"{" + b" " * 2000 + b"}", headers=AUTH)
    assert declared.status_code == 413
    assert declared.json() == {"detail": "request body of 2002 bytes is over the 1000-byte limit"}

    def chunks() -> Iterator[bytes]:  # no Content-Length: counted while read
        yield b'{"text": "'
        for _ in range(20):
            yield b"x" * 100
        yield b'"}'

    streamed = client.post("/articles", content=chunks(), headers=AUTH)
    assert streamed.status_code == 413
    assert streamed.json() == {"detail": "request body is over the 1000-byte limit"}


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"url": "https://news.test/a"}, "Value error, an article needs a non-empty 'text' or 'html'"),
        ({"text": "   "}, "Value error, an article needs a non-empty 'text' or 'html'"),
        ({"text": "a", "html": "<p>a</p>"}, "Value error, give either 'text' or 'html', not both"),
        ({"text": "a", "published": "14/06/2024"}, "Value error, published must be a date written YYYY-MM-DD"),
        ({"text": "a", "published": "2024-02-30"}, "Value error, published must be a date written YYYY-MM-DD"),
        ({"text": "a", "published": "2024-W24-1"}, "Value error, published must be a date written YYYY-MM-DD"),
        ({"text": "a", "url": "ftp://news.test/a"}, "Value error, url must be an absolute http:// or https:// URL"),
        ({"text": "a", "url": "news.test/a"}, "Value error, url must be an absolute http:// or https:// URL"),
        ({"text": "a", "author": "me"}, "Extra inputs are not permitted"),
        ({"text": 42}, "Input should be a valid string"),
    ],
)
def test_invalid_articles_answer_422_with_the_reason(
    client: TestClient, graph: GraphRepository, body: dict[str, Any], message: str
) -> None:
    response = post(client, body)
    assert response.status_code == 422, response.text
    messages = [error["msg"] for error in response.json()["detail"]]
    assert any(m.startswith(message) for m in messages), messages
    # In a batch, the error points at the article.
    batch = post(client, [{"text": "fine"}, body])
    assert batch.status_code == 422
    assert any(error["loc"][:2] == ["body", 1] for error in batch.json()["detail"]), batch.json()
    assert queue.counts(graph)["queued"] == 0


def test_bodies_that_are_not_articles_answer_422(client: TestClient) -> None:
    bad_json = client.post("/articles", content=b'{"text": "unfinished', headers=AUTH)
    assert bad_json.status_code == 422
    assert bad_json.json()["detail"].startswith("the body is not valid JSON: Unterminated string")
    empty = post(client, [])
    assert (empty.status_code, empty.json()) == (422, {"detail": "an empty batch: send at least one article"})
    assert post(client, "just a string").status_code == 422
    assert post(client, [["nested"]]).status_code == 422


def test_unknown_and_malformed_ids(client: TestClient) -> None:
    unknown = client.get("/articles/" + "0" * 32)
    assert unknown.status_code == 404
    assert unknown.json() == {"detail": f"no article submitted with id {'0' * 32}"}
    assert client.get("/articles/not-an-id").status_code == 422


def test_openapi_documents_the_request_body_and_the_key(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    post_spec = spec["paths"]["/articles"]["post"]
    schema = post_spec["requestBody"]["content"]["application/json"]["schema"]
    assert schema["anyOf"][1]["maxItems"] == routes_articles.MAX_BATCH
    assert {"401", "403", "413", "422"} <= set(post_spec["responses"])
    assert spec["components"]["securitySchemes"]["APIKeyHeader"]["name"] == "X-API-Key"


# --------------------------------------------------------------------------- processed by a worker


@pytest.mark.model
def test_a_processed_article_shows_its_events_and_evidence(client: TestClient, graph: GraphRepository) -> None:
    [item_id] = post(client, ARTICLE).json()["ids"]
    [unreadable] = queue.enqueue(graph, [{"html": "<div></div>"}])  # the API refuses it; a worker fails it
    options = WorkerOptions(once=True, poll_interval=0.1, backoff_initial=0.1, backoff_max=0.5)
    stats = Worker(graph, load_pipeline(), options, worker_id="api-test-worker").run()
    assert (stats.done, stats.failed) == (1, 1)

    body = client.get(f"/articles/{item_id}").json()
    assert (body["status"], body["attempts"]) == ("done", 1)
    assert body["article"]["url"] == ARTICLE["url"]
    assert body["article"]["published"] == "2024-06-14"
    [event] = body["events"]
    assert event["type"] == "AGREE"
    assert {(p["id"], p["kind"], p["role"]) for p in event["participants"]} == {
        ("ARG", "country", "participant"),
        ("CHL", "country", "participant"),
    }
    [evidence] = event["evidence"]
    assert evidence["sentence"] == SENTENCE

    failed = client.get(f"/articles/{unreadable}").json()
    assert (failed["status"], failed["error"]) == ("failed", "unreadable article: no text found in the HTML")
    assert "events" not in failed


def test_while_neo4j_is_down_writes_answer_503_and_bad_requests_are_still_refused() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    down = ConnectionInfo(uri=f"neo4j://127.0.0.1:{port}", user="neo4j", password="unused", database="neo4j")
    with TestClient(create_app(settings_for(down, KEY))) as client:
        unavailable = post(client, ARTICLE)
        assert unavailable.status_code == 503
        assert f"127.0.0.1:{port}" in unavailable.json()["detail"]
        assert post(client, {"text": "a", "published": "yesterday"}).status_code == 422
        assert post(client, ARTICLE, headers={}).status_code == 401
        assert client.get("/articles/" + "0" * 32).status_code == 503
