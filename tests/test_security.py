"""Issue 7, point 2: who may read and write, CORS, secrets never shown, the managed Neo4j on loopback with auth on;
and a valid article carrying Cypher-looking text is stored as data by the worker."""

from __future__ import annotations

import logging
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import neo4j
import pytest
from fastapi.testclient import TestClient
from neo4j.exceptions import AuthError
from pydantic import SecretStr
from test_bad_input import fingerprint

from ingest.batch import ingest_sources
from ingest.nlp import load_pipeline
from ingest.sources import read_items
from ingest.worker import Worker, WorkerOptions
from service import cli
from service.api.app import create_app
from service.config import Settings, get_settings
from service.graph.driver import ConnectionInfo
from service.graph.local_neo4j import LOOPBACK, LocalNeo4j
from service.graph.repository import GraphRepository
from service.shared import queue

KEY = "sec-api-key-Zq8vR2mW5tY1"
PASSWORD = "sec-neo4j-password-Kp3xN7bL0"  # a Neo4j password the servers here do not have
# Wrong credentials are tried with a user of their own: Neo4j locks a user out for 5 s after 3 failed logins
# (dbms.security.auth_max_failed_attempts), which would fail the other tests' new connections as `neo4j`.
INTRUDER = "geokg-intruder"
ARTICLE = {"text": "Chile and Peru signed a trade agreement in Lima on Tuesday, officials said."}
SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def settings(server: ConnectionInfo | None = None, **overrides: Any) -> Settings:
    values: dict[str, Any] = {"api_key": SecretStr(KEY)}
    if server is not None:
        values |= {
            "neo4j_uri": server.uri,
            "neo4j_user": server.user,
            "neo4j_password": SecretStr(server.password) if server.password else None,
            "neo4j_database": server.database,
        }
    return Settings(_env_file=None, **(values | overrides))  # type: ignore[call-arg]


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def down_server() -> ConnectionInfo:
    return ConnectionInfo(f"neo4j://127.0.0.1:{closed_port()}", INTRUDER, PASSWORD, "neo4j")


# --------------------------------------------------------------------------- settings


def test_settings_never_show_their_secrets() -> None:
    configured = settings(down_server(), neo4j_password=SecretStr(PASSWORD))
    for shown in (repr(configured), str(configured), configured.model_dump_json(), str(configured.model_dump())):
        assert KEY not in shown and PASSWORD not in shown, shown
    assert configured.api_key is not None and configured.api_key.get_secret_value() == KEY
    assert PASSWORD not in repr(ConnectionInfo("bolt://h:1", "neo4j", PASSWORD, "neo4j"))


def test_defaults_are_closed_cors_and_open_reads() -> None:
    defaults = Settings(_env_file=None)  # type: ignore[call-arg]
    assert (defaults.cors_origins, defaults.read_access, defaults.api_key) == ([], "open", None)
    assert defaults.api_host == "127.0.0.1"


def test_cors_origins_come_from_the_environment_and_must_be_exact(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GEOKG_CORS_ORIGINS", "https://analyst.example, http://localhost:3000/")
    assert Settings(_env_file=None).cors_origins == ["https://analyst.example", "http://localhost:3000"]  # type: ignore[call-arg]
    monkeypatch.setenv("GEOKG_CORS_ORIGINS", '["https://a.example"]')
    assert Settings(_env_file=None).cors_origins == ["https://a.example"]  # type: ignore[call-arg]
    for bad in ("*", "https://a.example/path", "a.example", "ftp://a.example"):
        monkeypatch.setenv("GEOKG_CORS_ORIGINS", bad)
        with pytest.raises(ValueError, match="CORS origin"):
            Settings(_env_file=None)  # type: ignore[call-arg]
    monkeypatch.setenv("GEOKG_READ_ACCESS", "closed")
    monkeypatch.delenv("GEOKG_CORS_ORIGINS")
    with pytest.raises(ValueError, match="read_access"):
        Settings(_env_file=None)  # type: ignore[call-arg]


# --------------------------------------------------------------------------- reads, writes, CORS

READS = ["/countries", "/countries/RUS", "/events", "/people", "/relations?a=RUS&b=UKR", "/graph?center=RUS"]
READS += ["/ask?q=who%20leads%20Russia%3F", "/articles/" + "0" * 32]
OPEN = ["/health", "/ready", "/docs", "/openapi.json"]


@pytest.fixture
def closed(graph: GraphRepository, neo4j_server: ConnectionInfo) -> Iterator[TestClient]:
    with TestClient(create_app(settings(neo4j_server, read_access="key"))) as client:
        yield client


def test_reads_are_open_by_default(graph: GraphRepository, neo4j_server: ConnectionInfo) -> None:
    with TestClient(create_app(settings(neo4j_server))) as client:
        for path in READS:
            assert client.get(path).status_code in (200, 404), path
        spec = client.get("/openapi.json").json()
    for path, methods in spec["paths"].items():
        if "get" in methods:
            assert "security" not in methods["get"], path  # nothing to send: reads are open
    assert spec["paths"]["/articles"]["post"]["security"] == [{"APIKeyHeader": []}]


def test_closed_reads_need_the_key(closed: TestClient) -> None:
    for path in READS:
        missing = closed.get(path)
        assert (missing.status_code, missing.json()) == (
            401,
            {"detail": "missing API key: send it in the X-API-Key header"},
        )
        wrong = closed.get(path, headers={"X-API-Key": KEY[:-1]})
        assert (wrong.status_code, wrong.json()) == (403, {"detail": "invalid API key"}), path
        assert closed.get(path, headers={"X-API-Key": KEY}).status_code in (200, 404), path
    for path in OPEN:
        assert closed.get(path).status_code == 200, path
    assert closed.post("/articles", json=ARTICLE).status_code == 401


def test_closed_reads_are_declared_in_the_spec(closed: TestClient) -> None:
    spec = closed.get("/openapi.json").json()
    assert spec["components"]["securitySchemes"]["APIKeyHeader"] == {
        "type": "apiKey",
        "in": "header",
        "name": "X-API-Key",
        "description": "The key set in GEOKG_API_KEY (required for writes unless unset and called from loopback)",
    }
    guarded = 0
    for path, methods in spec["paths"].items():
        operation = methods.get("get")
        if operation is None or path in OPEN or path.startswith(("/dashboard", "/browser")):
            continue
        assert operation.get("security") == [{"APIKeyHeader": []}], path
        assert {"401", "403"} <= set(operation["responses"]), path
        guarded += 1
    assert guarded >= len(READS)
    for path in ("/health", "/ready"):
        assert "security" not in spec["paths"][path]["get"]


def test_closed_reads_without_a_configured_key_serve_loopback_only(
    graph: GraphRepository, neo4j_server: ConnectionInfo
) -> None:
    app = create_app(settings(neo4j_server, api_key=None, read_access="key"))
    with TestClient(app) as remote:  # TestClient's peer is "testclient", not a loopback address
        refused = remote.get("/countries")
        assert refused.status_code == 503 and "GEOKG_API_KEY" in refused.json()["detail"]
        assert remote.get("/health").status_code == 200
    with TestClient(app, client=("127.0.0.1", 50000)) as local:
        assert local.get("/countries").status_code == 200


def test_keyless_loopback_writes_refuse_other_sites(graph: GraphRepository, neo4j_server: ConnectionInfo) -> None:
    """Without a key, a page of another site must not be able to post through the developer's browser."""
    app = create_app(settings(neo4j_server, api_key=None, cors_origins=["https://analyst.example"]))
    with TestClient(app, client=("127.0.0.1", 50000)) as local:
        for headers in ({"Origin": "https://evil.example"}, {"Origin": "null"}, {"Sec-Fetch-Site": "cross-site"}):
            refused = local.post("/articles", json=ARTICLE, headers=headers)
            assert refused.status_code == 403, headers
            assert refused.json()["detail"].startswith("cross-site browser request refused")
        assert queue.counts(graph)["queued"] == 0
        for headers in ({}, {"Origin": "http://testserver"}, {"Origin": "https://analyst.example"}):
            assert local.post("/articles", json=ARTICLE, headers=headers).status_code == 202, headers


def test_cors_is_closed_by_default(graph: GraphRepository, neo4j_server: ConnectionInfo) -> None:
    with TestClient(create_app(settings(neo4j_server))) as client:
        answer = client.get("/countries", headers={"Origin": "https://analyst.example"})
        assert answer.status_code == 200
        assert not [h for h in answer.headers if h.lower().startswith("access-control-")]
        preflight = client.options(
            "/articles",
            headers={"Origin": "https://analyst.example", "Access-Control-Request-Method": "POST"},
        )
        assert preflight.status_code == 405
        assert "access-control-allow-origin" not in preflight.headers


def test_cors_allows_exactly_the_configured_origins(graph: GraphRepository, neo4j_server: ConnectionInfo) -> None:
    app = create_app(settings(neo4j_server, cors_origins=["https://analyst.example"]))
    with TestClient(app) as client:
        allowed = client.get("/countries", headers={"Origin": "https://analyst.example"})
        assert allowed.headers["access-control-allow-origin"] == "https://analyst.example"
        assert "access-control-allow-credentials" not in allowed.headers
        other = client.get("/countries", headers={"Origin": "https://evil.example"})
        assert "access-control-allow-origin" not in other.headers
        preflight = client.options(
            "/articles",
            headers={
                "Origin": "https://analyst.example",
                "Access-Control-Request-Method": "POST",
                "Access-Control-Request-Headers": "x-api-key, content-type",
            },
        )
        assert preflight.status_code == 200
        assert preflight.headers["access-control-allow-origin"] == "https://analyst.example"
        assert set(preflight.headers["access-control-allow-methods"].split(", ")) == {"GET", "POST"}
        assert {"x-api-key", "content-type"} <= set(
            preflight.headers["access-control-allow-headers"].lower().split(", ")
        )
        delete = client.options(
            "/articles", headers={"Origin": "https://analyst.example", "Access-Control-Request-Method": "DELETE"}
        )
        assert delete.status_code == 400
        evil = client.options(
            "/articles", headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "POST"}
        )
        assert evil.status_code == 400 and "access-control-allow-origin" not in evil.headers


# --------------------------------------------------------------------------- secrets never logged or returned


def _capture_everything(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    for name in ("neo4j", "neo4j.io", "neo4j.pool", "uvicorn", "uvicorn.error", "uvicorn.access", "fastapi", "httpx"):
        caplog.set_level(logging.DEBUG, logger=name)


def _logged(caplog: pytest.LogCaptureFixture) -> str:
    parts = [caplog.text]
    for record in caplog.records:
        parts += [record.getMessage(), str(record.args), record.exc_text or ""]
    return "\n".join(parts)


def _shown(response: httpx.Response) -> str:
    return f"{response.status_code} {dict(response.headers)} {response.text}"


def _exercise(client: TestClient) -> list[httpx.Response]:
    """Requests that fail in every way the API can fail, and some that succeed."""
    return [
        client.get("/health"),
        client.get("/ready"),
        client.get("/countries"),
        client.get("/events", params={"since": "x"}),
        client.get("/articles/" + "0" * 32),
        client.post("/articles", json=ARTICLE),
        client.post("/articles", json=ARTICLE, headers={"X-API-Key": KEY + "x"}),
        client.post("/articles", json=ARTICLE, headers={"X-API-Key": KEY}),
        client.post("/articles", content=b"{", headers={"X-API-Key": KEY}),
        client.get("/openapi.json"),
    ]


def test_no_secret_in_logs_or_answers(
    graph: GraphRepository, neo4j_server: ConnectionInfo, caplog: pytest.LogCaptureFixture
) -> None:
    """The API key and the Neo4j password, with Neo4j down, refusing the password, and accepting it (the real
    password is then the secret), with every logger at DEBUG (the driver's included)."""
    _capture_everything(caplog)
    wrong_password = ConnectionInfo(neo4j_server.uri, INTRUDER, PASSWORD, neo4j_server.database)
    secrets = [KEY, PASSWORD] + ([neo4j_server.password] if neo4j_server.password else [])
    shown: list[str] = []
    statuses: dict[str, list[int]] = {}
    for name, server in (("down", down_server()), ("bad-auth", wrong_password), ("up", neo4j_server)):
        with TestClient(create_app(settings(server))) as client:
            responses = _exercise(client)
        shown += [_shown(r) for r in responses]
        statuses[name] = [r.status_code for r in responses]
    assert statuses["down"][:3] == [200, 503, 503] and statuses["bad-auth"][:3] == [200, 503, 503]
    assert statuses["up"][:3] == [200, 200, 200]
    assert any("refused the credentials" in text for text in shown)  # the bad-auth answers say why
    logged = _logged(caplog)
    assert "HELLO" in logged or "LOGON" in logged, "the driver's DEBUG log was not captured"
    for secret in secrets:
        assert secret not in logged
        assert not [text for text in shown if secret in text]


def _geokg_serve(env: dict[str, str], port: int) -> tuple[str, list[str]]:
    """Runs `geokg serve` as a user would, makes failing requests, stops it; its output and the answers."""
    command = [sys.executable, "-m", "service.cli", "serve", "--port", str(port)]
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    answers: list[str] = []
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(f"{base}/health", timeout=1)
                break
            except httpx.TransportError:
                assert process.poll() is None and time.monotonic() < deadline, "geokg serve did not start"
                time.sleep(0.3)
        with httpx.Client(base_url=base, timeout=30) as client:
            for path in ("/ready", "/countries", "/events?since=x", f"/articles/{'0' * 32}"):
                answers.append(_shown(client.get(path)))
            for key in (None, "wrong", KEY):
                headers = {"X-API-Key": key} if key else {}
                answers.append(_shown(client.post("/articles", json=ARTICLE, headers=headers)))
    finally:
        process.terminate()
        output, _ = process.communicate(timeout=30)
    return output.decode(errors="replace"), answers


def test_geokg_serve_prints_no_secret(neo4j_server: ConnectionInfo, tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GEOKG_")}
    env |= {"GEOKG_API_KEY": KEY, "GEOKG_NEO4J_PASSWORD": PASSWORD, "GEOKG_NEO4J_USER": INTRUDER}
    for uri in (down_server().uri, neo4j_server.uri):  # Neo4j down, then refusing the password
        output, answers = _geokg_serve(env | {"GEOKG_NEO4J_URI": uri}, closed_port())
        assert '"POST /articles HTTP/1.1" 403' in output and '"GET /ready HTTP/1.1" 503' in output, output
        for secret in (KEY, PASSWORD):
            assert secret not in output
            assert not [a for a in answers if secret in a]


@pytest.fixture
def cli_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    monkeypatch.setenv("GEOKG_API_KEY", KEY)
    monkeypatch.setenv("GEOKG_NEO4J_USER", INTRUDER)
    monkeypatch.setenv("GEOKG_NEO4J_PASSWORD", PASSWORD)
    monkeypatch.setenv("GEOKG_NEO4J_HOME", str(tmp_path / "neo4j-home"))
    monkeypatch.chdir(tmp_path)  # no .env of the checkout
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


def test_cli_prints_no_secret(
    cli_env: None,
    neo4j_server: ConnectionInfo,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    _capture_everything(caplog)
    printed: list[str] = []

    def run(*args: str) -> int:
        get_settings.cache_clear()
        try:
            code = cli.main(list(args))
        except SystemExit as exit_:  # --help
            code = int(exit_.code or 0)
        out = capsys.readouterr()
        printed.append(out.out + out.err)
        return code

    assert run("neo4j", "status") == 3  # not running in this empty home
    for command in ("serve", "worker", "ingest", "queue", "up"):
        assert run(command, "--help") == 0
    monkeypatch.setenv("GEOKG_NEO4J_URI", neo4j_server.uri)  # refuses PASSWORD
    assert run("queue", "status") == 1
    assert "refused the credentials" in printed[-1]
    assert run("ingest", str(SAMPLES / "02_black-sea-grain-deal.txt"), "--no-progress") == 1
    assert "refused the credentials" in printed[-1]
    monkeypatch.setenv("GEOKG_NEO4J_URI", down_server().uri)
    assert run("queue", "status") == 1
    assert "not reachable" in printed[-1]
    everything = "\n".join(printed) + _logged(caplog)
    assert KEY not in everything and PASSWORD not in everything


# --------------------------------------------------------------------------- the managed Neo4j


def _conf(text: str) -> dict[str, str]:
    return dict(line.split("=", 1) for line in text.splitlines() if line and not line.startswith("#"))


def _assert_loopback_and_auth(conf: dict[str, str]) -> None:
    assert conf["server.default_listen_address"] == LOOPBACK == "127.0.0.1"
    for key in ("server.bolt.listen_address", "server.http.listen_address"):
        assert conf[key].startswith("127.0.0.1:"), conf[key]
    assert conf["dbms.security.auth_enabled"] == "true"
    assert conf["server.https.enabled"] == "false"
    assert not [k for k in conf if "listen_address" in k and not conf[k].startswith("127.0.0.1")]


def test_managed_neo4j_conf_listens_on_loopback_with_auth(tmp_path: Path) -> None:
    server = LocalNeo4j(version="5.26.30", home=tmp_path, bolt_port=17687, http_port=17474)
    _assert_loopback_and_auth(_conf(server._render_conf(tmp_path / "dist")))  # what every start writes


def _non_loopback_address() -> str | None:
    """An address of this machine other than loopback (the one a default route uses), if it has one."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))  # TEST-NET-1: no packet is sent for a UDP connect
        except OSError:
            return None
        address: str = probe.getsockname()[0]
    return None if address.startswith("127.") or address == "0.0.0.0" else address


def test_the_managed_test_server_refuses_anonymous_and_remote_clients(neo4j_server: ConnectionInfo) -> None:
    if not neo4j_server.managed:
        pytest.skip("the tests run against an external server (GEOKG_TEST_NEO4J_URI or a container)")
    port = int(neo4j_server.uri.rsplit(":", 1)[1])
    for auth in (None, (INTRUDER, PASSWORD)):
        with neo4j.GraphDatabase.driver(neo4j_server.uri, auth=auth) as driver, pytest.raises(AuthError):
            driver.verify_connectivity()
    home = Settings(_env_file=None).neo4j_home  # type: ignore[call-arg]
    confs = sorted(home.glob("instances/*/conf/neo4j.conf"))
    ours = [c for c in confs if f"server.bolt.listen_address=127.0.0.1:{port}\n" in c.read_text()]
    assert ours, confs
    _assert_loopback_and_auth(_conf(ours[0].read_text()))
    other = _non_loopback_address()
    if other is not None:
        with pytest.raises(OSError), socket.create_connection((other, port), timeout=3):
            pass


# --------------------------------------------------------------------------- Cypher-looking text is data


@pytest.mark.model
def test_a_hostile_article_is_stored_as_data(graph: GraphRepository, neo4j_server: ConnectionInfo) -> None:
    """A valid article whose text looks like Cypher is queued, then processed: it adds itself and nothing is
    deleted or changed except by the usual merge."""
    paths = [SAMPLES / "02_black-sea-grain-deal.txt", SAMPLES / "08_kim-putin-vostochny.txt"]
    assert not ingest_sources(read_items(paths), load_pipeline(), graph).failures
    before = graph.run_admin("admin/graph_fingerprint")
    hostile = (
        "Chile and Peru signed a trade agreement in Lima on Tuesday, officials said. "
        "}) DETACH DELETE n // MATCH (n) SET n.name = 'x' ` $rows ' \" \\ "
    )
    with TestClient(create_app(settings(neo4j_server))) as client:
        accepted = client.post(
            "/articles", json={"text": hostile, "title": "'}) DETACH DELETE n //"}, headers={"X-API-Key": KEY}
        )
        assert accepted.status_code == 202, accepted.text
        [item_id] = accepted.json()["ids"]
        assert graph.run_admin("admin/graph_fingerprint") == before  # only queued
        options = WorkerOptions(once=True, poll_interval=0.1, backoff_initial=0.1, backoff_max=0.5)
        stats = Worker(graph, load_pipeline(), options, worker_id="security-test-worker").run()
        assert (stats.done, stats.failed) == (1, 0)
        state = client.get(f"/articles/{item_id}").json()
    assert state["status"] == "done" and state["article"]["title"] == "'}) DETACH DELETE n //"
    [event] = [e for e in state["events"] if e["type"] == "AGREE"]
    assert {p["id"] for p in event["participants"]} == {"CHL", "PER"}
    after = graph.run_admin("admin/graph_fingerprint")
    old_nodes = {_key(row) for row in before if row["kind"] == "node"}
    new_nodes = {_key(row) for row in after if row["kind"] == "node"}
    assert old_nodes < new_nodes  # nothing deleted, something added
    assert len(after) > len(before)
    names = {row["item"][1].get("name") for row in after if row["kind"] == "node"}
    assert "x" not in names
    assert fingerprint(graph).nodes == len(new_nodes)


def _key(row: dict[str, Any]) -> tuple[str, ...]:
    labels, props = row["item"]
    return (*sorted(labels), str(props.get("id") or props.get("iso3")))
