"""`GraphRepository`: runs the named .cypher queries, the only way the API and the worker touch Neo4j.

Reads and writes are managed transactions (`execute_read` / `execute_write`): with a neo4j:// URI the
driver routes them to a reader or the leader of a cluster (Aura included) and retries them on transient
errors, so every query file must be safe to run twice. Parameters are checked against the file's header before
anything is sent.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import AbstractContextManager, contextmanager
from typing import Any

import neo4j

from service.graph.driver import translate_errors
from service.graph.errors import GraphError, QueryNotFound, QueryParameterError
from service.graph.queries import Query, load_query
from service.graph.rows import Row as Row  # re-exported: callers import Row from here
from service.graph.rows import plain_rows

# How long the driver retries a managed transaction on transient errors (a deadlock, a leader switch, a server
# that went away) before the error reaches us. The driver's default, 30 s, would keep an API request hanging for
# the whole of an outage instead of answering 503 at once; the worker has its own backoff loop for outages.
RETRY_SECONDS = 5.0


class GraphRepository:
    def __init__(self, driver: neo4j.Driver, database: str | None, *, uri: str = "", user: str = "") -> None:
        """`uri` and `user` only label error messages (the driver does not expose them)."""
        self.driver = driver
        self.database = database
        self.uri = uri or "the configured Neo4j server"
        self._user = user

    def read(self, name: str, /, **params: Any) -> list[Row]:
        """Rows of the read query `name` (a file under cypher/read/), each a dict of plain values.

        `name` is positional-only (here and below) so that a query may have a `$name` parameter.
        """
        query = self._checked(name, "read", params)
        with self._errors(), self._session() as session:
            return session.execute_read(_fetch_all, query, params)

    def write(self, name: str, /, **params: Any) -> list[Row]:
        """Runs the write query `name` (a file under cypher/write/) in one transaction; returns its rows."""
        query = self._checked(name, "write", params)
        with self._errors(), self._session() as session:
            return session.execute_write(_fetch_all, query, params)

    def run_explore(self, name: str, /, **params: Any) -> list[Row]:
        """Rows of a saved Neo4j Browser query (a file under cypher/explore/), in a read transaction. The files
        are written for people to paste into Browser; this is how code and tests run them."""
        query = self._checked(name, "explore", params)
        with self._errors(), self._session() as session:
            return session.execute_read(_fetch_all, query, params)

    def run_admin(self, name: str, /, **params: Any) -> list[Row]:
        """Runs a maintenance query (cypher/admin/) in an auto-commit transaction, which `CALL { ... } IN
        TRANSACTIONS` and some procedures require. Not retried: admin queries are for the CLI and tests."""
        query = self._checked(name, "admin", params)
        with self._errors(), self._session() as session:
            return plain_rows(session.run(query.text, params))

    def run_schema(self, name: str) -> int:
        """Runs each statement of the schema file `name` (cypher/schema/) in its own transaction, as Neo4j
        wants schema changes; returns how many ran. Statements must be idempotent (`IF NOT EXISTS`)."""
        statements = self._checked(name, "schema", {}).statements()
        with self._errors(), self._session() as session:
            for statement in statements:
                session.execute_write(_consume, statement)
        return len(statements)

    def check_connection(self) -> None:
        """Raises GraphUnavailable or GraphAuthError unless the server answers a query with these
        credentials.

        One auto-commit round trip, not a managed transaction: those retry an unreachable server for up to
        30 s, too long for a readiness probe.
        """
        query = self._checked("read/ping", "read", {})
        with self._errors(), self._session() as session:
            session.run(query.text).consume()

    def ping(self) -> bool:
        """True when the server answers a query with these credentials."""
        try:
            self.check_connection()
        except GraphError:
            return False
        return True

    def schema_applied(self) -> bool:
        """True when every constraint and index named in cypher/schema/ exists and none has failed."""
        from service.graph.schema import missing_schema_objects  # schema.py builds on this module

        return not missing_schema_objects(self)

    def _checked(self, name: str, folder: str, params: Mapping[str, Any]) -> Query:
        if not name.startswith(f"{folder}/"):
            raise QueryNotFound(f"{folder}() runs queries under cypher/{folder}/, not {name!r}")
        query = load_query(name)
        passed = frozenset(params)
        if passed != query.params:
            missing = ", ".join(sorted(query.params - passed)) or "none"
            unexpected = ", ".join(sorted(passed - query.params)) or "none"
            raise QueryParameterError(
                f"{name} takes {_fmt(query.params)}; missing: {missing}; unexpected: {unexpected}"
            )
        return query

    @contextmanager
    def _session(self) -> Iterator[neo4j.Session]:
        # The driver's shared bookmark manager makes a read in a new session see the writes of earlier ones,
        # even on a cluster.
        with self.driver.session(
            database=self.database,
            bookmark_manager=self.driver.execute_query_bookmark_manager,
            max_transaction_retry_time=RETRY_SECONDS,
        ) as session:
            yield session

    def _errors(self) -> AbstractContextManager[None]:
        return translate_errors(self.uri, self._user)


def _fetch_all(tx: neo4j.ManagedTransaction, query: Query, params: dict[str, Any]) -> list[Row]:
    return plain_rows(tx.run(query.text, params))


def _consume(tx: neo4j.ManagedTransaction, statement: str) -> None:
    tx.run(statement).consume()


def _fmt(params: frozenset[str]) -> str:
    return ", ".join(f"${p}" for p in sorted(params)) or "no parameters"
