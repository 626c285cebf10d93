"""Shared fixtures: one Neo4j server per test session, a clean graph per test, and assertion helpers.

The Kafka broker (`kafka_server`, only for the tests that use it, marked `kafka`): GEOKG_TEST_KAFKA_BOOTSTRAP, else
the managed single-node broker of service/kafka/local_kafka.py on free ports, started and removed by this session.

The Neo4j server, in order of preference:
1. `GEOKG_TEST_NEO4J_URI` (with GEOKG_TEST_NEO4J_USER / _PASSWORD / _DATABASE): a server you run, whose graph
   the tests wipe;
2. a testcontainer (neo4j:5.26-community) when a Docker engine answers;
3. the project's managed local Neo4j, as an instance of this test session alone ("test-<pid>", on free ports, or
   "test" on GEOKG_TEST_NEO4J_BOLT_PORT / _HTTP_PORT when they are set), started for the session and stopped and
   removed at its end, so that two test runs on one machine never share (or stop) each other's server.

Tests that need it are marked `@pytest.mark.neo4j` (added automatically to any test using these fixtures), so
`pytest -m "not neo4j"` runs without a server.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import combinations, islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

import neo4j
import pytest
from pydantic import SecretStr

from service.config import Settings
from service.graph.driver import ConnectionInfo, create_driver
from service.graph.repository import GraphRepository
from service.graph.schema import apply_schema

if TYPE_CHECKING:
    from service.kafka.local_kafka import LocalKafka

TEST_IMAGE = "neo4j:5.26-community"
REPO_ROOT = Path(__file__).resolve().parents[1]
# Where the test server's Neo4j Browser is, once the server is known: the managed instance's or the testcontainer's
# HTTP port, or GEOKG_TEST_NEO4J_BROWSER_URL with a server of GEOKG_TEST_NEO4J_URI (see neo4j_browser_url).
_BROWSER_URL: dict[str, str] = {}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        fixtures = getattr(item, "fixturenames", ())
        if "neo4j_server" in fixtures and item.get_closest_marker("neo4j") is None:
            item.add_marker(pytest.mark.neo4j)
        if "kafka_server" in fixtures and item.get_closest_marker("kafka") is None:
            item.add_marker(pytest.mark.kafka)


def _server_from_env() -> ConnectionInfo | None:
    uri = os.environ.get("GEOKG_TEST_NEO4J_URI")
    if not uri:
        return None
    return ConnectionInfo(
        uri=uri,
        user=os.environ.get("GEOKG_TEST_NEO4J_USER", "neo4j"),
        password=os.environ.get("GEOKG_TEST_NEO4J_PASSWORD") or None,
        database=os.environ.get("GEOKG_TEST_NEO4J_DATABASE", "neo4j"),
    )


def _docker_answers() -> bool:
    try:
        import docker
    except ImportError:
        return False
    try:
        client = docker.from_env(timeout=3)
        try:
            return bool(client.ping())
        finally:
            client.close()
    except Exception:  # no socket, no permission, daemon down: all mean "no Docker here"
        return False


def _testcontainer() -> Iterator[ConnectionInfo]:
    from testcontainers.community.neo4j import Neo4jContainer

    with Neo4jContainer(TEST_IMAGE, password="geokg-test-password") as container:
        host, port = container.get_container_host_ip(), container.get_exposed_port(7474)
        _BROWSER_URL["url"] = f"http://{host}:{port}/browser/"
        yield ConnectionInfo(
            uri=container.get_connection_url(),
            user="neo4j",
            password=container.password,
            database="neo4j",
        )


def _local_neo4j() -> Iterator[ConnectionInfo]:
    from service.graph.local_neo4j import LocalNeo4j

    # The developer's version and install folder (the distribution is shared); the instance's data is not.
    settings = Settings()
    fixed = "GEOKG_TEST_NEO4J_BOLT_PORT" in os.environ
    server = LocalNeo4j(
        version=settings.neo4j_version,
        home=settings.neo4j_home,
        instance="test" if fixed else f"test-{os.getpid()}",
        bolt_port=int(os.environ.get("GEOKG_TEST_NEO4J_BOLT_PORT", 0)) or _free_port(),
        http_port=int(os.environ.get("GEOKG_TEST_NEO4J_HTTP_PORT", 0)) or _free_port(),
        heap="512m",
        pagecache="256m",
    )
    started_here = not server.status().running
    if started_here:
        server.install()
        server.start()
    _BROWSER_URL["url"] = f"{server.http_url}/browser/"
    try:
        yield ConnectionInfo(
            uri=server.bolt_uri, user=server.user, password=server.password, database="neo4j", managed=True
        )
    finally:
        if started_here:  # one left running on purpose (e.g. to debug with Browser) stays up
            server.stop()
            if not fixed:
                shutil.rmtree(server.instance_dir, ignore_errors=True)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture(scope="session")
def neo4j_server() -> Iterator[ConnectionInfo]:
    """Where the test Neo4j is: connection details, not a driver."""
    from_env = _server_from_env()
    if from_env is not None:
        yield from_env
    elif _docker_answers():
        yield from _testcontainer()
    else:
        yield from _local_neo4j()


@dataclass(frozen=True)
class KafkaServer:
    """Where the test Kafka broker is. The managed one also has a SASL_PLAINTEXT (PLAIN) listener with one user,
    for the tests of the client's security settings; a broker of GEOKG_TEST_KAFKA_BOOTSTRAP has none."""

    bootstrap: str
    managed: LocalKafka | None = None
    sasl_bootstrap: str | None = None
    sasl_user: str = "geokg-test"
    sasl_password: str = "geokg-test-secret"


@pytest.fixture(scope="session")
def kafka_server() -> Iterator[KafkaServer]:
    """The session's Kafka broker, started only when a test asks for it: GEOKG_TEST_KAFKA_BOOTSTRAP if set, else
    the managed single-node KRaft broker (assembled from Maven Central, cached) as an instance of this session
    alone, on free ports, stopped and removed at the end. Tests keep apart by using topics and groups of their own."""
    from_env = os.environ.get("GEOKG_TEST_KAFKA_BOOTSTRAP")
    if from_env:
        yield KafkaServer(bootstrap=from_env)
        return
    from service.kafka.local_kafka import LocalKafka

    settings = Settings()
    ports = _free_ports(3)
    user, password = KafkaServer.sasl_user, KafkaServer.sasl_password
    broker = LocalKafka(
        home=settings.kafka_home,
        version=settings.kafka_version,
        instance=f"test-{os.getpid()}",
        port=ports[0],
        controller_port=ports[1],
        sasl_port=ports[2],
        sasl_users={user: password},
        heap="384m",
    )
    try:
        broker.start()
        yield KafkaServer(bootstrap=broker.bootstrap, managed=broker, sasl_bootstrap=broker.sasl_bootstrap)
    finally:
        broker.remove()  # also after a failed start: no instance folder left behind


def _free_ports(count: int) -> list[int]:
    ports: list[int] = []
    while len(ports) < count:
        port = _free_port()
        if port not in ports:
            ports.append(port)
    return ports


@pytest.fixture(scope="session")
def neo4j_browser_url(neo4j_server: ConnectionInfo) -> str:
    """The test server's Neo4j Browser. With GEOKG_TEST_NEO4J_URI, it is GEOKG_TEST_NEO4J_BROWSER_URL; without that
    variable the tests that drive Browser fail: set it, or deselect them with `-m "not neo4j_browser"`."""
    url = os.environ.get("GEOKG_TEST_NEO4J_BROWSER_URL") or _BROWSER_URL.get("url")
    if not url:
        pytest.fail(
            "GEOKG_TEST_NEO4J_URI names the test server but GEOKG_TEST_NEO4J_BROWSER_URL does not say where its "
            'Neo4j Browser is: set it, or deselect the Browser tests with -m "not neo4j_browser"'
        )
    return url


@pytest.fixture(scope="session")
def graph_driver(neo4j_server: ConnectionInfo) -> Iterator[neo4j.Driver]:
    """The session's one driver, with the schema applied once."""
    driver = create_driver(neo4j_server)
    try:
        apply_schema(driver, neo4j_server.database)
        yield driver
    finally:
        driver.close()


@pytest.fixture
def graph(graph_driver: neo4j.Driver, neo4j_server: ConnectionInfo) -> GraphRepository:
    """A repository on an empty graph (constraints and indexes kept)."""
    repo = GraphRepository(graph_driver, neo4j_server.database, uri=neo4j_server.uri, user=neo4j_server.user)
    repo.run_admin("admin/delete_all")
    return repo


SAMPLES = Path(__file__).resolve().parent.parent / "samples"


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    """The extraction pipeline (spaCy's model with the project's components), loaded once."""
    from ingest.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="module")
def sample_graph(graph_driver: neo4j.Driver, neo4j_server: ConnectionInfo) -> GraphRepository:
    """The graph of the project's sample articles (`samples/`, as `make run` ingests them), built once per test
    module on an emptied database. Tests using it must not write to it, and must not also use `graph` (which
    empties the database for each test)."""
    from ingest.batch import ingest_sources
    from ingest.nlp import load_pipeline
    from ingest.sources import read_items

    repo = GraphRepository(graph_driver, neo4j_server.database, uri=neo4j_server.uri, user=neo4j_server.user)
    repo.run_admin("admin/delete_all")
    summary = ingest_sources(read_items([SAMPLES]), load_pipeline(), repo)
    assert not summary.failures, summary.failures
    return repo


def api_settings(server: ConnectionInfo, *, api_key: str | None = None) -> Settings:
    """Settings for an API app on the test server: no `.env` read, the server's credentials, an optional key."""
    return Settings(
        _env_file=None,  # type: ignore[call-arg]  # pydantic-settings' init-only option
        neo4j_uri=server.uri,
        neo4j_user=server.user,
        neo4j_password=SecretStr(server.password) if server.password else None,
        neo4j_database=server.database,
        api_key=SecretStr(api_key) if api_key is not None else None,
    )


# --------------------------------------------------------------------------- articles and geokg processes

COUNTRIES = ("Argentina", "Chile", "Brazil", "Peru", "Norway", "Sweden", "Egypt", "Jordan", "Japan", "India")


def agreements(count: int, tag: str = "") -> list[dict[str, str]]:
    """`count` one-sentence articles, each reporting one AGREE event between its own pair of countries."""
    pairs = islice(combinations(COUNTRIES, 2), count)
    return [
        {
            "text": f"{a} and {b} signed a trade agreement in the capital on Tuesday, officials said.",
            "url": f"https://news.test/{tag}{a}-{b}".lower(),
            "published": "2024-06-14",
        }
        for a, b in pairs
    ]


def geokg_env(server: ConnectionInfo, **values: str) -> dict[str, str]:
    """The environment of a `geokg` process on the test server: this one's, the server's credentials, unbuffered
    output (tests read its log as it is written) and `values`."""
    return {**os.environ, **server.environment(), "PYTHONUNBUFFERED": "1", **values}


def spawn_geokg(entry: str, args: Sequence[str], env: dict[str, str]) -> subprocess.Popen[str]:
    """`python -c entry *args` in the repository, its log (stderr) piped: `entry` patches what the test needs (a
    pause, a marker on stderr) and then runs service.cli.main, so that a test can strike at a known moment."""
    return subprocess.Popen(
        [sys.executable, "-c", entry, *args],
        cwd=REPO_ROOT,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


def _hashable(value: Any) -> Any:
    return tuple(_hashable(v) for v in value) if isinstance(value, list) else value


def nodes(repo: GraphRepository, label: str, keys: Iterable[str]) -> set[tuple[Any, ...]]:
    """`{(n[key1], n[key2], ...)}` over every node with `label`.

    e.g. nodes(repo, "Country", ["iso3", "name"]) == {("USA", "United States")}
    """
    rows = repo.run_admin("admin/nodes_with_label", label=label, keys=list(keys))
    return {tuple(_hashable(v) for v in row["values"]) for row in rows}


def rels(
    repo: GraphRepository,
    rel_type: str,
    start_key: str = "id",
    end_key: str = "id",
    rel_keys: Iterable[str] = (),
) -> set[tuple[Any, ...]]:
    """`{(start[start_key], end[end_key], r[rel_key1], ...)}` over every relationship of `rel_type`, e.g.
    rels(repo, "HOLDS_OFFICE", "id", "iso3", ["role"]) == {("person:joe-biden", "USA", "President")}."""
    rows = repo.run_admin(
        "admin/relationships_of_type",
        type=rel_type,
        start_keys=[start_key],
        end_keys=[end_key],
        rel_keys=list(rel_keys),
    )
    return {
        tuple(_hashable(v) for v in (row["start_values"][0], row["end_values"][0], *row["rel_values"])) for row in rows
    }
