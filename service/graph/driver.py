"""Where the graph is (`resolve_connection`) and the one driver per process that talks to it
(`create_driver`).

The API creates its driver in the FastAPI lifespan and the worker in its main; both then build a
`GraphRepository` on it. Neo4j's exceptions are translated here into `service.graph.errors`, so callers handle
one family of errors whose messages name the server and never the password.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import neo4j
from neo4j.exceptions import (
    AuthError,
    ClientError,
    ConfigurationError,
    ConnectionAcquisitionTimeoutError,
    ServiceUnavailable,
    SessionExpired,
)

from service.graph.errors import GraphAuthError, GraphError, GraphUnavailable

if TYPE_CHECKING:
    from service.config import Settings

log = logging.getLogger(__name__)

# Server-side failures that mean "these credentials do not get you in", whatever the driver class raised.
_AUTH_CODES = frozenset(
    {
        "Neo.ClientError.Security.Unauthorized",
        "Neo.ClientError.Security.AuthenticationRateLimit",
        "Neo.ClientError.Security.CredentialsExpired",
        "Neo.ClientError.Security.TokenExpired",
    }
)
_DATABASE_MISSING = "Neo.ClientError.Database.DatabaseNotFound"
USER_AGENT = "geokg/0.1"
# Bolt only: neo4j:// routes (clusters, Aura), bolt:// talks to one server; +s / +ssc add TLS.
BOLT_SCHEMES = frozenset(f"{base}{tls}" for base in ("neo4j", "bolt") for tls in ("", "+s", "+ssc"))


@dataclass(frozen=True)
class ConnectionInfo:
    uri: str
    user: str
    password: str | None = field(repr=False)
    database: str
    managed: bool = False  # True when the URI is the managed local Neo4j's

    def environment(self) -> dict[str, str]:
        """The GEOKG_NEO4J_* settings that point a child `geokg` process at this server."""
        return {
            "GEOKG_NEO4J_URI": self.uri,
            "GEOKG_NEO4J_USER": self.user,
            "GEOKG_NEO4J_PASSWORD": self.password or "",
            "GEOKG_NEO4J_DATABASE": self.database,
        }


def resolve_connection(settings: Settings, *, start_managed: bool = True) -> ConnectionInfo:
    """The configured server, or, when `GEOKG_NEO4J_URI` is empty, the managed local Neo4j.

    With `start_managed` (the default) the managed server is installed and started if it is not running, so
    any command that needs the graph works on a fresh machine; pass False to only learn its address (used by
    lazy reconnects).
    """
    secret = settings.neo4j_password.get_secret_value() if settings.neo4j_password is not None else ""
    password = secret or None  # GEOKG_NEO4J_PASSWORD= (empty) counts as unset
    if settings.neo4j_uri:
        return ConnectionInfo(
            uri=settings.neo4j_uri,
            user=settings.neo4j_user,
            password=password,
            database=settings.neo4j_database,
        )

    from service.graph import local_neo4j  # only needed (and its Java checks only run) when there is no URI

    local = local_neo4j.from_settings(settings)
    if start_managed:
        try:
            if not local.status().running:
                log.info("no GEOKG_NEO4J_URI set: starting the managed local Neo4j at %s", local.bolt_uri)
                local.install()
                local.start()
        except local_neo4j.LocalNeo4jError as exc:
            raise GraphUnavailable(local.bolt_uri, f"the managed local Neo4j did not start: {exc}") from exc
    return ConnectionInfo(
        uri=local.bolt_uri,
        user=local.user,
        password=local.password,
        database=settings.neo4j_database,
        managed=True,
    )


def create_driver(info: ConnectionInfo, *, connection_timeout: float = 10.0) -> neo4j.Driver:
    """A driver whose connectivity and credentials have been checked.

    Raises GraphUnavailable (server unreachable) or GraphAuthError (credentials refused).
    """
    scheme = urlsplit(info.uri).scheme
    if scheme not in BOLT_SCHEMES:
        raise GraphError(f"invalid Neo4j URI {info.uri!r}: the scheme must be one of {', '.join(sorted(BOLT_SCHEMES))}")
    auth = (info.user, info.password) if info.password is not None else None
    try:
        driver = neo4j.GraphDatabase.driver(
            info.uri,
            auth=auth,
            user_agent=USER_AGENT,
            connection_timeout=connection_timeout,
            # Notifications are advice for query authors ("property key does not exist yet" on an empty graph,
            # `IF NOT EXISTS` on an existing index); the queries are checked by EXPLAIN in the tests instead.
            notifications_min_severity="OFF",
        )
    except (ConfigurationError, ValueError) as exc:
        raise GraphError(f"invalid Neo4j URI {info.uri!r}: {exc}") from None
    try:
        with translate_errors(info.uri, info.user, has_password=info.password is not None):
            driver.verify_connectivity()
    except GraphError:
        driver.close()
        raise
    return driver


@contextmanager
def translate_errors(uri: str, user: str, *, has_password: bool = True) -> Iterator[None]:
    """Turn the driver's connectivity and authentication failures into GraphUnavailable / GraphAuthError.

    Other Neo4j errors (syntax, constraint violations) are bugs or data problems and pass through.
    """
    try:
        yield
    except (AuthError, ClientError) as exc:
        if isinstance(exc, AuthError) or exc.code in _AUTH_CODES:
            hint = "" if has_password else " (no password configured: set GEOKG_NEO4J_PASSWORD)"
            raise GraphAuthError(uri, user, _server_message(exc) + hint) from None
        if exc.code == _DATABASE_MISSING:
            raise GraphUnavailable(uri, _server_message(exc)) from exc
        raise
    except (ServiceUnavailable, SessionExpired, ConnectionAcquisitionTimeoutError) as exc:
        raise GraphUnavailable(uri, _unavailable_reason(exc)) from exc
    except OSError as exc:
        raise GraphUnavailable(uri, _one_line(str(exc))) from exc


def _unavailable_reason(exc: Exception) -> str:
    """The driver's message plus the first underlying failure.

    With neo4j:// the message is only "Unable to retrieve routing information"; the cause ("Connection
    refused", a DNS error) is in an ExceptionGroup.
    """
    reason = str(exc) or type(exc).__name__
    cause: BaseException | None = exc.__cause__
    while isinstance(cause, BaseExceptionGroup) and cause.exceptions:
        cause = cause.exceptions[0]
    if cause is not None and str(cause) and str(cause) not in reason:
        reason = f"{reason}: {cause}"
    return _one_line(reason)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _server_message(exc: ClientError) -> str:
    return exc.message or exc.code or type(exc).__name__
