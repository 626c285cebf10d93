"""What the end-to-end benchmarks (bench_watch.py, bench_kafka.py) share: a managed Neo4j instance of their own on
free ports, and the environment of the `geokg` processes they start on it."""

from __future__ import annotations

import os
import socket

from service.config import Settings
from service.graph.driver import ConnectionInfo
from service.graph.local_neo4j import LocalNeo4j


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def bench_neo4j(name: str) -> LocalNeo4j:
    """A managed Neo4j instance of this process alone ("<name>-<pid>", on free ports), not started yet; the
    developer's cached distribution, and a heap and page cache for a benchmark's graph."""
    settings = Settings()
    return LocalNeo4j(
        version=settings.neo4j_version,
        home=settings.neo4j_home,
        instance=f"{name}-{os.getpid()}",
        bolt_port=free_port(),
        http_port=free_port(),
        heap="1g",
        pagecache="512m",
    )


def bench_env(info: ConnectionInfo, **extra: str) -> dict[str, str]:
    """This process's environment with the server's credentials (GEOKG_NEO4J_*) and `extra`."""
    return {**os.environ, **info.environment(), **extra}
