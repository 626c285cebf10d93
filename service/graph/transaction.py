"""Named queries inside a transaction the caller manages (the worker's article write and its queue update)."""

from __future__ import annotations

from typing import Any

import neo4j

from service.graph.errors import QueryNotFound, QueryParameterError
from service.graph.queries import load_query
from service.graph.repository import Row


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
        return [record.data() for record in self.tx.run(query.text, params)]
