"""/health and /ready through FastAPI's TestClient (which runs the lifespan), against the real server and
against a closed port; the app starts while Neo4j is unreachable and becomes ready once it answers, without a
restart."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from urllib.parse import urlsplit

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

from service.api.app import create_app
from service.config import Settings
from service.graph.driver import ConnectionInfo
from service.graph.schema import schema_objects


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


def settings_for(uri: str, user: str = "neo4j", password: str | None = "unused", database: str = "neo4j") -> Settings:
    return Settings(
        _env_file=None,  # type: ignore[call-arg]  # pydantic-settings' init-only option
        neo4j_uri=uri,
        neo4j_user=user,
        neo4j_password=SecretStr(password) if password else None,
        neo4j_database=database,
    )


def settings_from(server: ConnectionInfo, uri: str | None = None) -> Settings:
    return settings_for(uri or server.uri, server.user, server.password, server.database)


def test_health_answers_and_ready_is_503_while_neo4j_is_unreachable() -> None:
    uri = f"neo4j://127.0.0.1:{closed_port()}"
    with TestClient(create_app(settings_for(uri))) as client:  # the lifespan must not crash
        health = client.get("/health")
        assert health.status_code == 200 and health.json() == {"status": "ok"}
        ready = client.get("/ready")
        assert ready.status_code == 503
        assert uri in ready.json()["detail"]
        assert "unused" not in ready.json()["detail"]


def test_openapi_documents_both_endpoints_with_examples() -> None:
    app = create_app(settings_for(f"bolt://127.0.0.1:{closed_port()}"))
    paths = app.openapi()["paths"]
    health = paths["/health"]["get"]["responses"]
    ready = paths["/ready"]["get"]["responses"]
    assert health["200"]["content"]["application/json"]["example"] == {"status": "ok"}
    assert ready["200"]["content"]["application/json"]["example"]["status"] == "ready"
    assert "detail" in ready["503"]["content"]["application/json"]["example"]


@pytest.mark.neo4j
def test_ready_against_the_real_server(neo4j_server: ConnectionInfo) -> None:
    with TestClient(create_app(settings_from(neo4j_server))) as client:
        assert client.get("/health").json() == {"status": "ok"}
        ready = client.get("/ready")
        assert ready.status_code == 200, ready.text
        assert ready.json() == {
            "status": "ready",
            "database": neo4j_server.database,
            "schema_objects": len(schema_objects()),
        }


@contextmanager
def forwarder(listen_port: int, target_host: str, target_port: int) -> Iterator[None]:
    """A TCP relay from 127.0.0.1:listen_port to the real server: "Neo4j comes up" at a port the app
    already uses."""
    listener = socket.create_server(("127.0.0.1", listen_port))
    open_sockets: list[socket.socket] = [listener]

    def pipe(source: socket.socket, sink: socket.socket) -> None:
        with suppress(OSError):
            while data := source.recv(65536):
                sink.sendall(data)
        with suppress(OSError):
            sink.shutdown(socket.SHUT_WR)

    def accept() -> None:
        with suppress(OSError):
            while True:
                client, _ = listener.accept()
                upstream = socket.create_connection((target_host, target_port))
                open_sockets.extend((client, upstream))
                threading.Thread(target=pipe, args=(client, upstream), daemon=True).start()
                threading.Thread(target=pipe, args=(upstream, client), daemon=True).start()

    threading.Thread(target=accept, daemon=True).start()
    try:
        yield
    finally:
        for sock in open_sockets:
            sock.close()


@pytest.mark.neo4j
def test_ready_recovers_when_neo4j_comes_up_after_startup(neo4j_server: ConnectionInfo) -> None:
    target = urlsplit(neo4j_server.uri)
    assert target.hostname and target.port
    port = closed_port()
    # bolt:// so that every connection goes through the relay (neo4j:// follows the server's routing table).
    settings = settings_from(neo4j_server, uri=f"bolt://127.0.0.1:{port}")
    with TestClient(create_app(settings)) as client:
        assert client.get("/ready").status_code == 503
        with forwarder(port, target.hostname, target.port):
            ready = client.get("/ready")
            assert ready.status_code == 200, ready.text
            assert ready.json()["status"] == "ready"
