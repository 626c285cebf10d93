"""service/graph against a real server (marked neo4j), and offline for the checks made before anything is
sent."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from dataclasses import replace
from types import SimpleNamespace

import neo4j
import pytest
from conftest import nodes
from pydantic import SecretStr

from service.config import Settings
from service.graph import local_neo4j
from service.graph.driver import ConnectionInfo, create_driver, resolve_connection
from service.graph.errors import (
    GraphAuthError,
    GraphError,
    GraphUnavailable,
    QueryNotFound,
    QueryParameterError,
)
from service.graph.repository import GraphRepository
from service.graph.schema import apply_schema, schema_objects


def closed_port() -> int:
    """A port nothing listens on (bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


@pytest.fixture
def offline_repo() -> Iterator[GraphRepository]:
    """A repository whose driver points at a closed port: creating a driver does not connect."""
    uri = f"bolt://127.0.0.1:{closed_port()}"
    driver = neo4j.GraphDatabase.driver(uri, auth=("neo4j", "unused"))
    try:
        yield GraphRepository(driver, "neo4j", uri=uri, user="neo4j")
    finally:
        driver.close()


# --- a round trip -------------------------------------------------------------------------------------------


@pytest.mark.neo4j
def test_upsert_country_writes_then_reads_back(graph: GraphRepository) -> None:
    graph.write(
        "write/upsert_country",
        rows=[{"id": "USA", "name": "United States"}, {"id": "FRA", "name": "France"}],
    )
    assert nodes(graph, "Country", ["id", "iso3", "name"]) == {
        ("USA", "USA", "United States"),
        ("FRA", "FRA", "France"),
    }


@pytest.mark.neo4j
def test_upsert_country_is_idempotent_and_keeps_the_first_name(graph: GraphRepository) -> None:
    graph.write("write/upsert_country", rows=[{"id": "DEU", "name": None}])
    graph.write("write/upsert_country", rows=[{"id": "DEU", "name": "Germany"}])
    graph.write("write/upsert_country", rows=[{"id": "DEU", "name": "Federal Republic of Germany"}])
    graph.write("write/upsert_country", rows=[])
    assert nodes(graph, "Country", ["id", "iso3", "name"]) == {("DEU", "DEU", "Germany")}


@pytest.mark.neo4j
def test_the_graph_fixture_starts_empty(graph: GraphRepository) -> None:
    assert nodes(graph, "Country", ["id"]) == set()


@pytest.mark.neo4j
def test_read_returns_plain_rows(graph: GraphRepository) -> None:
    assert graph.read("read/ping") == [{"ok": 1}]
    assert graph.ping()


# --- schema -------------------------------------------------------------------------------------------------


SchemaDefinition = tuple[str, str, tuple[str, ...], tuple[str, ...]]


def _schema_definitions(repo: GraphRepository) -> tuple[set[SchemaDefinition], set[SchemaDefinition]]:
    """Name, type, labels and properties of each constraint and index."""
    constraints: set[SchemaDefinition] = {
        (r["name"], r["type"], tuple(r["labels_or_types"]), tuple(r["properties"]))
        for r in repo.read("read/schema_constraints")
    }
    indexes: set[SchemaDefinition] = {
        (r["name"], r["type"], tuple(r["labels_or_types"] or ()), tuple(r["properties"] or ()))
        for r in repo.read("read/schema_indexes")
    }
    return constraints, indexes


@pytest.mark.neo4j
def test_applying_the_schema_twice_changes_nothing(graph: GraphRepository) -> None:
    first = apply_schema(graph)  # the session fixture applied it already: this is at least the second time
    before = _schema_definitions(graph)
    second = apply_schema(graph)
    assert _schema_definitions(graph) == before
    assert not first.changed and not second.changed
    assert second.constraints_before == second.constraints_after
    assert second.indexes_before == second.indexes_after
    assert second.statements == len(schema_objects())
    assert graph.schema_applied()


@pytest.mark.neo4j
def test_every_node_key_has_a_uniqueness_constraint(graph: GraphRepository) -> None:
    keys = {
        (r["labels_or_types"][0], r["properties"][0])
        for r in graph.read("read/schema_constraints")
        if r["type"] == "UNIQUENESS" and len(r["properties"]) == 1
    }
    assert {
        ("Country", "id"),
        ("Country", "iso3"),
        ("Organization", "id"),
        ("Person", "id"),
        ("Place", "id"),
        ("Article", "id"),
        ("Event", "id"),
    } <= keys


@pytest.mark.neo4j
def test_schema_applied_is_false_while_an_index_is_missing(graph: GraphRepository) -> None:
    with graph.driver.session(database=graph.database) as session:
        session.run("DROP INDEX event_status").consume()
    try:
        assert not graph.schema_applied()
        report = apply_schema(graph)
        assert report.created == ("event_status",)
        assert graph.schema_applied()
    finally:
        apply_schema(graph)


# --- connection errors --------------------------------------------------------------------------------------


@pytest.mark.neo4j
def test_wrong_password_gives_an_auth_error_naming_uri_and_user(neo4j_server: ConnectionInfo) -> None:
    wrong = "not-the-password-7f3a"
    with pytest.raises(GraphAuthError) as caught:
        create_driver(replace(neo4j_server, password=wrong))
    message = str(caught.value)
    assert neo4j_server.uri in message
    assert repr(neo4j_server.user) in message
    assert wrong not in message
    assert neo4j_server.password is None or neo4j_server.password not in message
    assert "Traceback" not in message and "\n" not in message
    assert caught.value.__suppress_context__  # nothing of the driver's internals is chained to it


@pytest.mark.parametrize("scheme", ["bolt", "neo4j"])
def test_unreachable_uri_gives_unavailable_naming_it(scheme: str) -> None:
    uri = f"{scheme}://127.0.0.1:{closed_port()}"
    with pytest.raises(GraphUnavailable) as caught:
        create_driver(ConnectionInfo(uri=uri, user="neo4j", password="irrelevant", database="neo4j"))
    message = str(caught.value)
    assert uri in message
    assert "Connection refused" in message  # the cause, also when neo4j:// wraps it in a routing error
    assert "irrelevant" not in message and "\n" not in message


@pytest.mark.parametrize("uri", ["http://127.0.0.1:7474", "127.0.0.1:7687"])
def test_a_uri_that_is_not_bolt_is_refused_up_front(uri: str) -> None:
    with pytest.raises(GraphError, match="scheme must be one of"):
        create_driver(ConnectionInfo(uri=uri, user="neo4j", password="irrelevant", database="neo4j"))


def test_ping_is_false_when_the_server_is_unreachable(offline_repo: GraphRepository) -> None:
    assert offline_repo.ping() is False
    with pytest.raises(GraphUnavailable, match=offline_repo.uri):
        offline_repo.check_connection()


# --- checks made before anything is sent --------------------------------------------------------------------


def test_missing_parameter_is_refused(offline_repo: GraphRepository) -> None:
    with pytest.raises(QueryParameterError, match=r"missing: rows"):
        offline_repo.write("write/upsert_country")


def test_unexpected_parameter_is_refused(offline_repo: GraphRepository) -> None:
    with pytest.raises(QueryParameterError, match=r"unexpected: name"):
        offline_repo.write("write/upsert_country", rows=[], name="x")


def test_read_runs_only_read_queries(offline_repo: GraphRepository) -> None:
    with pytest.raises(QueryNotFound):
        offline_repo.read("write/upsert_country", rows=[])
    with pytest.raises(QueryNotFound):
        offline_repo.write("read/ping")
    with pytest.raises(QueryNotFound):
        offline_repo.read("read/../write/upsert_country", rows=[])


def test_unknown_query_is_refused(offline_repo: GraphRepository) -> None:
    with pytest.raises(QueryNotFound, match="read/no_such_query"):
        offline_repo.read("read/no_such_query")


# --- where the graph is -------------------------------------------------------------------------------------


class FakeLocalNeo4j:
    """Stands in for LocalNeo4j: records what resolve_connection asks of it."""

    user = "neo4j"
    password = "generated-password"
    bolt_uri = "neo4j://127.0.0.1:7687"

    def __init__(self, running: bool, fail: bool = False) -> None:
        self.running, self.fail, self.calls = running, fail, list[str]()

    def status(self) -> SimpleNamespace:
        return SimpleNamespace(running=self.running)

    def install(self) -> None:
        self.calls.append("install")

    def start(self) -> None:
        self.calls.append("start")
        if self.fail:
            raise local_neo4j.LocalNeo4jError("Java not found")


def use_fake_local(monkeypatch: pytest.MonkeyPatch, fake: FakeLocalNeo4j) -> None:
    monkeypatch.setattr(local_neo4j, "from_settings", lambda settings, instance="default": fake)


def test_a_configured_uri_is_used_as_is() -> None:
    settings = Settings(
        _env_file=None,  # type: ignore[call-arg]
        neo4j_uri="bolt://db:7687",
        neo4j_password=SecretStr("s3cret-pass"),
    )
    info = resolve_connection(settings)
    assert (info.uri, info.user, info.password, info.managed) == (
        "bolt://db:7687",
        "neo4j",
        "s3cret-pass",
        False,
    )
    assert "s3cret-pass" not in repr(info)


def test_no_uri_starts_the_managed_neo4j(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = FakeLocalNeo4j(running=False)
    use_fake_local(monkeypatch, fake)
    info = resolve_connection(Settings(_env_file=None, neo4j_uri=""))  # type: ignore[call-arg]
    assert fake.calls == ["install", "start"]
    assert (info.uri, info.password, info.managed) == (fake.bolt_uri, fake.password, True)


def test_no_uri_and_a_running_managed_neo4j_is_just_used(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = FakeLocalNeo4j(running=True)
    use_fake_local(monkeypatch, fake)
    resolve_connection(Settings(_env_file=None, neo4j_uri=""))  # type: ignore[call-arg]
    assert fake.calls == []


def test_lazy_reconnects_do_not_start_the_managed_neo4j(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = FakeLocalNeo4j(running=False)
    use_fake_local(monkeypatch, fake)
    settings = Settings(_env_file=None, neo4j_uri="")  # type: ignore[call-arg]
    info = resolve_connection(settings, start_managed=False)
    assert fake.calls == [] and info.managed


def test_a_managed_neo4j_that_fails_to_start_is_unavailable(monkeypatch: pytest.MonkeyPatch) -> None:
    use_fake_local(monkeypatch, FakeLocalNeo4j(running=False, fail=True))
    with pytest.raises(GraphUnavailable, match="did not start: Java not found"):
        resolve_connection(Settings(_env_file=None, neo4j_uri=""))  # type: ignore[call-arg]
