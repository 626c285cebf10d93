"""Who may call the API: the API key of writes (and of reads when they are closed), and browser origins (CORS).

Writes (POST /articles): clients send the key in the `X-API-Key` header; it is compared with `GEOKG_API_KEY` in
constant time (`hmac.compare_digest`). No header: 401. A wrong key: 403.

When no key is configured (GEOKG_API_KEY unset or empty), writes are open to clients on the loopback interface only
(`geokg serve` on a developer's machine, which binds 127.0.0.1 by default) and refused with 503 to everyone else: a
server reachable from the network must never accept writes because someone forgot to set a key. In that mode a
request a browser sends for a page of another site (its `Origin` or `Sec-Fetch-Site` says so) is refused with 403:
otherwise any web page the developer visits could post articles to 127.0.0.1 with a plain form. Caveat: behind a
reverse proxy on the same host every client looks local, so set a key there.

Reads: `GEOKG_READ_ACCESS=open` (default) lets anyone who reaches the API read; `key` makes every read router
require the same key as writes (`read_guard`, passed to `include_router` in app.py, which also declares the
401/403 in the OpenAPI spec). Health, readiness, the docs and the static dashboard stay open: they hold no data.

CORS: closed unless `GEOKG_CORS_ORIGINS` lists origins (`add_cors`); then exactly those, GET and POST, with the
`X-API-Key` and `Content-Type` headers (a JSON POST from a browser needs the latter), no cookies.
"""

from __future__ import annotations

import hmac
import ipaddress
from typing import Annotated, Any
from urllib.parse import urlsplit

from fastapi import Depends, FastAPI, HTTPException, Request, Security, status
from fastapi.middleware.cors import CORSMiddleware
from fastapi.security import APIKeyHeader
from pydantic import BaseModel

from service.api.deps import AppSettings
from service.config import Settings

API_KEY_HEADER = "X-API-Key"

_api_key_header = APIKeyHeader(
    name=API_KEY_HEADER,
    auto_error=False,
    description="The key set in GEOKG_API_KEY (required for writes unless unset and called from loopback)",
)


class AuthErrorResponse(BaseModel):
    detail: str


def _is_loopback(host: str | None) -> bool:
    if host is None:
        return False
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _cross_site(request: Request, allowed: list[str]) -> bool:
    """A browser sent this for a page of another origin that is not in GEOKG_CORS_ORIGINS."""
    origin = request.headers.get("origin")
    if origin is not None and origin != "null":
        parts = urlsplit(origin)
        same = parts.netloc == request.headers.get("host") and parts.scheme == request.url.scheme
        return not same and origin not in allowed
    return origin == "null" or request.headers.get("sec-fetch-site") in ("cross-site", "same-site")


def require_api_key(
    request: Request,
    settings: AppSettings,
    key: Annotated[str | None, Security(_api_key_header)],
) -> None:
    """401 without a key, 403 with a wrong one; with no key configured, 503 when the client is not local and 403
    when a browser sent it from another site."""
    configured = settings.api_key.get_secret_value() if settings.api_key is not None else ""
    if not configured:
        if not _is_loopback(request.client.host if request.client else None):
            raise HTTPException(
                status.HTTP_503_SERVICE_UNAVAILABLE,
                detail="API key not configured (set GEOKG_API_KEY): only loopback clients are served",
            )
        if _cross_site(request, settings.cors_origins):
            raise HTTPException(
                status.HTTP_403_FORBIDDEN,
                detail="cross-site browser request refused: set GEOKG_API_KEY or list the origin in GEOKG_CORS_ORIGINS",
            )
        return
    if not key:
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED,
            detail=f"missing API key: send it in the {API_KEY_HEADER} header",
            headers={"WWW-Authenticate": API_KEY_HEADER},
        )
    if not hmac.compare_digest(key.encode(), configured.encode()):
        raise HTTPException(status.HTTP_403_FORBIDDEN, detail="invalid API key")


WriteAccess = Annotated[None, Depends(require_api_key)]

_GUARD_RESPONSES: dict[int | str, dict[str, Any]] = {
    401: {"model": AuthErrorResponse, "description": f"reads are closed (GEOKG_READ_ACCESS=key): no {API_KEY_HEADER}"},
    403: {"model": AuthErrorResponse, "description": "wrong API key, or a cross-site browser request"},
    503: {"model": AuthErrorResponse, "description": "Neo4j unreachable, or no API key configured"},
}


def read_guard(settings: Settings) -> dict[str, Any]:
    """`include_router` keyword arguments for a router of reads: nothing while reads are open; else the API key
    check of writes, and its answers declared in the OpenAPI spec."""
    if settings.read_access == "open":
        return {}
    return {"dependencies": [Depends(require_api_key)], "responses": _GUARD_RESPONSES}


def add_cors(app: FastAPI, settings: Settings) -> None:
    """CORS headers for exactly the configured origins; none at all (browsers' same-origin rule) by default."""
    if not settings.cors_origins:
        return
    app.add_middleware(
        CORSMiddleware,
        allow_origins=settings.cors_origins,
        allow_methods=["GET", "POST"],
        allow_headers=[API_KEY_HEADER, "Content-Type"],
        allow_credentials=False,
        max_age=600,
    )
