"""Named queries inside a transaction the caller manages (the worker's article write and its queue update), and the
short-retry managed transactions the queue and the watcher's state run them in."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

import neo4j

from service.graph.driver import translate_errors
from service.graph.errors import QueryNotFound, QueryParameterError
from service.graph.queries import load_query
from service.graph.repository import GraphRepository
from service.graph.rows import Row, plain_rows

T = TypeVar("T")

# How long the driver retries one transaction on transient errors (server restarting, leader switch, deadlock)
# before giving up. Short, so that an outage reaches the caller's own backoff loop (the worker's, the watcher's),
# which logs it and waits as long as it takes, instead of hiding in the driver for its default 30 s.
TX_RETRY_SECONDS = 5.0


class TxQueries:
    """Runs named queries in a transaction the caller manages, with GraphRepository's checks: the name must be in
    cypher/read/ or cypher/write/ and the keyword arguments exactly the file's `params:`. A worker that also updates
    its queue in the article's transaction uses one of these."""

    def __init__(self, tx: neo4j.ManagedTransaction) -> None:
        self.tx = tx

    def read(self, name: str, /, **params: Any) -> list[Row]:
        return self._run(name, "read", params)

    def write(self, name: str, /, **params: Any) -> list[Row]:
        return self._run(name, "write", params)

    def _run(self, name: str, folder: str, params: dict[str, Any]) -> list[Row]:
        if not name.startswith(f"{folder}/"):
            raise QueryNotFound(f"{folder}() runs queries under cypher/{folder}/, not {name!r}")
        query = load_query(name)
        if frozenset(params) != query.params:
            raise QueryParameterError(f"{name} takes {sorted(query.params)}, not {sorted(params)}")
        return plain_rows(self.tx.run(query.text, params))


@contextmanager
def short_retry_session(repo: GraphRepository) -> Iterator[neo4j.Session]:
    """A session on the repository's database that shares its bookmarks and retries transactions only briefly."""
    with (
        translate_errors(repo.uri, ""),
        repo.driver.session(
            database=repo.database,
            bookmark_manager=repo.driver.execute_query_bookmark_manager,
            max_transaction_retry_time=TX_RETRY_SECONDS,
        ) as session,
    ):
        yield session


def execute_write(repo: GraphRepository, work: Callable[[neo4j.ManagedTransaction], T]) -> T:
    with short_retry_session(repo) as session:
        return session.execute_write(work)


def execute_read(repo: GraphRepository, work: Callable[[neo4j.ManagedTransaction], T]) -> T:
    with short_retry_session(repo) as session:
        return session.execute_read(work)
