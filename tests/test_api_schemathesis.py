"""Property tests over the whole OpenAPI spec (schemathesis): no input gives a 500, and every response keeps to what
the spec declares (status code, content type, body schema, headers).

- Every operation gets the spec's examples, schemathesis' coverage cases (edge values, missing or extra parameters,
  other HTTP methods) and up to MAX_EXAMPLES generated valid and invalid (negative) inputs, derandomized so that a
  run is reproducible. The app runs in-process (ASGI) against the real test Neo4j holding the small graph of
  test_api_read.py, with an API key configured. Invalid input must be refused with a 4xx (`negative_data_rejection`).
- POST /articles is called with the key; `ignored_auth` re-sends it without a key and with a wrong one, and a second
  test sends only missing or wrong keys and expects 401/403.
- With Neo4j unreachable, every operation must answer a declared status (503 where it needs the graph), not a 500.

The spec comes from `openapi()` of an app that is never started, so collecting the tests needs no Neo4j; the calls
(and the checks' own probes) go in-process to the app of the `app` fixture. (schemathesis' `pytest.from_fixture`
would load the spec from a fixture, but it does not work with pytest 9.2: it sets `Node._nodeid`.)
"""

from __future__ import annotations

import socket
from collections import Counter
from collections.abc import Iterator
from typing import Any

import neo4j
import pytest
import schemathesis
from fastapi import FastAPI
from hypothesis import HealthCheck, settings
from schemathesis.checks import (
    CheckFunction,
    content_type_conformance,
    ignored_auth,
    negative_data_rejection,
    not_a_server_error,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
    unsupported_method,
)
from schemathesis.core.result import Ok
from schemathesis.python import asgi
from test_api_read import build_graph

from service.api.app import create_app
from service.api.security import API_KEY_HEADER
from service.config import Settings
from service.graph.driver import ConnectionInfo
from service.graph.repository import GraphRepository
from tests.conftest import api_settings

pytestmark = pytest.mark.neo4j

KEY = "schemathesis-key-0123456789"
MAX_EXAMPLES = 50
CHECKS: list[CheckFunction] = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    response_headers_conformance,
]
# Invalid input must be refused with one of these (413: a batch over 100 articles, which the spec's maxItems forbids;
# 415: a body sent as another media type than the spec's application/json).
REJECTED = [400, 401, 403, 404, 405, 413, 415, 422]
CONFIG = {
    "generation": {"mode": "all", "max-examples": MAX_EXAMPLES, "deterministic": True, "database": "none"},
    "checks": {"negative_data_rejection": {"expected-statuses": REJECTED}},
}

CALLS: Counter[str] = Counter()  # responses validated, per "METHOD /path"


class _AppUnderTest:
    """The ASGI app schemathesis calls (its checks' probes too): forwards to the app of the `app` fixture."""

    def __init__(self) -> None:
        self.target: FastAPI | None = None

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if self.target is None:
            raise RuntimeError("no app under test: the `app` fixture sets it")
        await self.target(scope, receive, send)


APP, DOWN_APP = _AppUnderTest(), _AppUnderTest()
# The spec of an app that is never started (no Neo4j needed to collect the tests).
_SPEC = create_app(Settings(_env_file=None)).openapi()  # type: ignore[call-arg]  # pydantic-settings' init-only option
schema = schemathesis.openapi.from_dict(_SPEC, config=schemathesis.Config.from_dict(CONFIG))
schema.app = APP  # the in-process ASGI transport
down_schema = schemathesis.openapi.from_dict(_SPEC, config=schemathesis.Config.from_dict(CONFIG))
down_schema.app = DOWN_APP

_SETTINGS = settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)


def _settings(server: ConnectionInfo) -> Settings:
    return api_settings(server, api_key=KEY)


@pytest.fixture(scope="module")
def app(graph_driver: neo4j.Driver, neo4j_server: ConnectionInfo) -> Iterator[_AppUnderTest]:
    """The app (API key configured) on the small graph of test_api_read.py, started (connected to Neo4j)."""
    repo = GraphRepository(graph_driver, neo4j_server.database, uri=neo4j_server.uri, user=neo4j_server.user)
    repo.run_admin("admin/delete_all")
    build_graph(repo)
    APP.target = create_app(_settings(neo4j_server))
    try:
        with asgi.get_client(APP):  # starts the app's lifespan (connects to Neo4j), kept until shutdown_lifespans
            pass
        yield APP
    finally:
        asgi.shutdown_lifespans()  # closes the app's driver
        APP.target = None
        repo.run_admin("admin/delete_all")


@schema.parametrize()
@_SETTINGS
def test_no_input_gives_a_server_error_or_breaks_the_spec(case: schemathesis.Case[Any], app: _AppUnderTest) -> None:
    headers = {API_KEY_HEADER: KEY} if case.method.upper() == "POST" else None
    case.call_and_validate(headers=headers, checks=[*CHECKS, ignored_auth, negative_data_rejection, unsupported_method])
    CALLS[case.operation.label] += 1


@pytest.mark.parametrize("key", [None, "", KEY + "-wrong", KEY[:-1]])
@pytest.mark.parametrize("body", [{"text": "Chile and Peru held talks."}, [{"html": "<p>x</p>"}], {}, [], "x"])
def test_writes_without_the_right_key_answer_401_or_403(app: _AppUnderTest, key: str | None, body: Any) -> None:
    operation = schema["/articles"]["POST"]
    case = operation.Case(
        body=body, media_type="application/json", headers={} if key is None else {API_KEY_HEADER: key}
    )
    response = case.call_and_validate(checks=CHECKS)
    assert response.status_code == (403 if key else 401), response.text
    CALLS["POST /articles without the right key"] += 1


@pytest.fixture(scope="module")
def down_app(app: _AppUnderTest) -> Iterator[_AppUnderTest]:
    """The app configured with a Neo4j that does not answer (a closed port), started."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    DOWN_APP.target = create_app(_settings(ConnectionInfo(f"bolt://127.0.0.1:{port}", "neo4j", "x", "neo4j")))
    try:
        with asgi.get_client(DOWN_APP):  # starts its lifespan: connecting fails, the app starts all the same
            pass
        yield DOWN_APP
    finally:
        DOWN_APP.target = None  # its lifespan ends with the `app` fixture's shutdown_lifespans()


# What answers 200 with Neo4j down: the liveness probe, the static Browser style and guide, and the metrics (which
# then say geokg_graph_up 0: a scrape must still reach a process whose database is down).
NEEDS_NO_GRAPH = {"/health", "/browser/style.grass", "/browser/guide", "/metrics"}


@down_schema.parametrize()
@settings(_SETTINGS, max_examples=5)
def test_with_neo4j_down_every_answer_is_declared(case: schemathesis.Case[Any], down_app: _AppUnderTest) -> None:
    headers = {API_KEY_HEADER: KEY} if case.method.upper() == "POST" else None
    # A declared 503 is the right answer here (not_a_server_error would flag any 5xx); any other 5xx is a failure.
    response = case.call_and_validate(headers=headers, checks=[c for c in CHECKS if c is not not_a_server_error])
    assert response.status_code < 500 or response.status_code == 503, response.text
    assert response.status_code != 200 or case.path in NEEDS_NO_GRAPH, response.text
    CALLS[f"{case.operation.label} (Neo4j down)"] += 1


def test_every_operation_was_exercised() -> None:
    if not CALLS:
        pytest.skip("counts the calls of the tests above: run the whole module")
    operations = {result.ok().label for result in schema.get_all_operations() if isinstance(result, Ok)}
    print("\nschemathesis calls per operation:", dict(sorted(CALLS.items())), "total", sum(CALLS.values()))
    assert operations <= set(CALLS), operations - set(CALLS)
    assert {f"{op} (Neo4j down)" for op in operations} <= set(CALLS)
