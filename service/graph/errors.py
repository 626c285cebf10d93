"""Errors raised by the graph layer.

Callers (API, worker, CLI) catch `GraphError` and show `str(exc)`: every message is complete on its own,
names the server it is about and never contains a password.
"""

from __future__ import annotations


class GraphError(Exception):
    """Base class of every error raised by `service.graph`."""


class GraphUnavailable(GraphError):
    """The Neo4j server cannot be reached (down, wrong host or port, database missing)."""

    def __init__(self, uri: str, reason: str) -> None:
        self.uri = uri
        self.reason = reason
        super().__init__(f"Neo4j is not reachable at {uri}: {reason}")


class GraphAuthError(GraphError):
    """The server refused the credentials."""

    def __init__(self, uri: str, user: str, reason: str = "") -> None:
        self.uri = uri
        self.user = user
        detail = f": {reason}" if reason else ""
        super().__init__(f"Neo4j at {uri} refused the credentials of user {user!r}{detail}")


class QueryNotFound(GraphError, LookupError):
    """No .cypher file has this name (or it is not in the folder the caller may run)."""


class QueryParameterError(GraphError, ValueError):
    """The parameters passed to a query are not exactly the ones its file declares."""


class QueryFileError(GraphError):
    """A .cypher file is malformed: missing header, or a header that disagrees with its text."""
