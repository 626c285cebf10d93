"""The analyst dashboard at /dashboard (issue 6): static HTML/JS/CSS that reads only the public API.

The files live in `service/api/static/dashboard/` (shipped in the wheel with the package). Only the files found
there at import are served, each with its own content type, so a request can never name a path outside the folder.
Every dashboard response carries a Content-Security-Policy that allows nothing but this origin: no inline script or
style, no other host, so a hostile string that reached the page could not load or run anything.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, HTTPException, status
from fastapi.responses import FileResponse, RedirectResponse

router = APIRouter(tags=["dashboard"])

STATIC_DIR = Path(__file__).resolve().parent / "static" / "dashboard"
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
    "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-cache",
}
MEDIA_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".svg": "image/svg+xml",
}


def _assets() -> dict[str, Path]:
    """File name -> path of the servable assets (the page itself is served at /dashboard, not here)."""
    if not STATIC_DIR.is_dir():
        return {}
    return {
        path.name: path
        for path in STATIC_DIR.iterdir()
        if path.is_file() and path.suffix in MEDIA_TYPES and path.name != "index.html"
    }


ASSETS = _assets()


@router.get("/dashboard", include_in_schema=False)
def dashboard() -> FileResponse:
    return FileResponse(STATIC_DIR / "index.html", media_type=MEDIA_TYPES[".html"], headers=HEADERS)


@router.get("/dashboard/", include_in_schema=False)
def dashboard_slash() -> RedirectResponse:
    # Relative, so that the redirect also holds behind a proxy that serves the API under a path prefix.
    return RedirectResponse("../dashboard", status_code=status.HTTP_308_PERMANENT_REDIRECT, headers=HEADERS)


@router.get("/dashboard/static/{name}", include_in_schema=False)
def dashboard_asset(name: str) -> FileResponse:
    path = ASSETS.get(name)
    if path is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, detail=f"no dashboard file {name!r}", headers=HEADERS)
    return FileResponse(path, media_type=MEDIA_TYPES[path.suffix], headers=HEADERS)
