"""The API process's one driver and repository, connected lazily.

The API must start, and /ready answer 503, while Neo4j is down; once Neo4j answers, the next request
connects and applies the schema without a restart. So the lifespan only *tries* to connect, and every request
that needs the graph goes through `GraphState.repository()`, which finishes whatever step is still missing.
"""

from __future__ import annotations

import logging
import threading

import neo4j
from neo4j.exceptions import Neo4jError

from service.config import Settings
from service.graph.driver import ConnectionInfo, create_driver, resolve_connection
from service.graph.errors import GraphError
from service.graph.repository import GraphRepository
from service.graph.schema import apply_schema

log = logging.getLogger(__name__)


class GraphState:
    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self._lock = threading.Lock()  # sync routes run in a thread pool: connect once, not once per request
        self._info: ConnectionInfo | None = None
        self._driver: neo4j.Driver | None = None
        self._repo: GraphRepository | None = None
        self._schema_applied = False

    @property
    def info(self) -> ConnectionInfo | None:
        return self._info

    def startup(self) -> None:
        """Connects at startup (starting the managed local Neo4j if no URI is configured); a failure is
        logged, not raised, and retried by the first request that needs the graph."""
        try:
            self._connect(start_managed=True)
        except GraphError as exc:
            log.warning("graph not available at startup, will retry on demand: %s", exc)

    def repository(self) -> GraphRepository:
        """The connected repository with the schema applied; raises GraphError while that cannot be done.

        Later attempts do not start the managed Neo4j again: a start can take minutes, too long for a request.
        """
        return self._connect(start_managed=False)

    def schema_lost(self) -> None:
        """Re-apply the schema on the next request (the database was replaced or its indexes dropped)."""
        self._schema_applied = False

    def close(self) -> None:
        with self._lock:
            if self._driver is not None:
                self._driver.close()
            self._driver = self._repo = None
            self._schema_applied = False

    def _connect(self, *, start_managed: bool) -> GraphRepository:
        with self._lock:
            if self._info is None:
                self._info = resolve_connection(self._settings, start_managed=start_managed)
            if self._repo is None:
                self._driver = create_driver(self._info)
                self._repo = GraphRepository(
                    self._driver, self._info.database, uri=self._info.uri, user=self._info.user
                )
            if not self._schema_applied:
                try:
                    report = apply_schema(self._repo)
                except Neo4jError as exc:  # e.g. a user without schema rights: not ready, but no crash
                    reason = exc.message or exc.code
                    raise GraphError(f"could not apply the schema at {self._info.uri}: {reason}") from exc
                log.info(
                    "schema applied: %d constraints, %d indexes",
                    report.constraints_after,
                    report.indexes_after,
                )
                self._schema_applied = True
            return self._repo
