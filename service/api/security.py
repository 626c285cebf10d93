"""The API key that guards the write endpoints (POST /articles).

Clients send it in the `X-API-Key` header; it is compared with `GEOKG_API_KEY` in constant time
(`hmac.compare_digest`). No header: 401. A wrong key: 403.

When no key is configured (GEOKG_API_KEY unset or empty), writes are open to clients on the loopback interface only
(`geokg serve` on a developer's machine, which binds 127.0.0.1 by default) and refused with 503 to everyone else: a
server reachable from the network must never accept writes because someone forgot to set a key. Caveat: behind a
reverse proxy on the same host every client looks local, so set a key there.
"""

from __future__ import annotations

import hmac
import ipaddress
from typing import Annotated

from fastapi import Depends, HTTPException, Request, Security, status
from fastapi.security import APIKeyHeader

from service.api.deps import AppSettings

API_KEY_HEADER = "X-API-Key"

_api_key_header = APIKeyHeader(
    name=API_KEY_HEADER,
    auto_error=False,
    description="The key set in GEOKG_API_KEY (required for writes unless unset and called from loopback)",
)


def _is_loopback(host: str | None) -> bool:
    if host is None:
        return False
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def require_api_key(
    request: Request,
    settings: AppSettings,
    key: Annotated[str | None, Security(_api_key_header)],
) -> None:
    """401 without a key, 403 with a wrong one, 503 when no key is configured and the client is not local."""
    configured = settings.api_key.get_secret_value() if settings.api_key is not None else ""
    if not configured:
        if _is_loopback(request.client.host if request.client else None):
            return
        raise HTTPException(
            status.HTTP_503_SERVICE_UNAVAILABLE,
            detail="API key not configured (set GEOKG_API_KEY): writes are only open to loopback clients",
        )
    if not key:
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED,
            detail=f"missing API key: send it in the {API_KEY_HEADER} header",
            headers={"WWW-Authenticate": API_KEY_HEADER},
        )
    if not hmac.compare_digest(key.encode(), configured.encode()):
        raise HTTPException(status.HTTP_403_FORBIDDEN, detail="invalid API key")


WriteAccess = Annotated[None, Depends(require_api_key)]
