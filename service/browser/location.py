"""Where users open Neo4j Browser: shared by `geokg browser` and the API's landing page."""

from __future__ import annotations

from urllib.parse import urlsplit

from service.config import Settings


def browser_url(settings: Settings) -> str:
    """GEOKG_NEO4J_BROWSER_URL when set; else the HTTP port of the server GEOKG_NEO4J_URI names (7474, 7473 for a
    TLS scheme), or the managed local Neo4j's when no URI is set. Ends with `/browser/`."""
    if settings.neo4j_browser_url:
        return settings.neo4j_browser_url
    if settings.neo4j_uri:
        uri = urlsplit(settings.neo4j_uri)
        secure = uri.scheme.endswith(("+s", "+ssc"))
        host = uri.hostname or "localhost"
        return f"{'https' if secure else 'http'}://{host}:{7473 if secure else 7474}/browser/"
    from service.graph.local_neo4j import from_settings

    return f"{from_settings(settings).http_url}/browser/"
