"""The API docs, Swagger UI at /docs and ReDoc at /redoc, from files the app serves itself: no CDN, so they work on
a machine without internet (issue 13).

The JavaScript and CSS come from the `fastapi-offline` package (pinned in pyproject.toml; MIT), which ships
Swagger UI's `swagger-ui-bundle.js` and `swagger-ui.css` and ReDoc's `redoc.standalone.js` as package data. Only
the pages are taken from FastAPI (`get_swagger_ui_html`, `get_redoc_html`, as FastAPI's "self-hosting JavaScript
and CSS for docs" recipe does); the app is still a plain FastAPI built with `docs_url=None, redoc_url=None`.
Swagger UI's online validator badge is turned off and ReDoc's Google fonts are not loaded; ReDoc's bundle draws
the "API docs by Redocly" footer with a logo from its CDN, which is served here with that image's address emptied
(the bundle then leaves the image out), so every request of both pages stays on this server.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from pathlib import Path

from fastapi import APIRouter, HTTPException, Request, status
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse, Response

router = APIRouter(include_in_schema=False)

ASSETS_PACKAGE = "fastapi_offline"
MEDIA_TYPES = {
    "swagger-ui-bundle.js": "text/javascript; charset=utf-8",
    "swagger-ui.css": "text/css; charset=utf-8",
    "redoc.standalone.js": "text/javascript; charset=utf-8",
    "favicon.png": "image/png",
}
# The files change only with the package's version, but a new install may bring new ones under the same name.
_HEADERS = {"Cache-Control": "public, max-age=3600", "X-Content-Type-Options": "nosniff"}
SWAGGER_UI_PARAMETERS = {
    "validatorUrl": None,  # the badge would ask validator.swagger.io to check the spec
    "deepLinking": True,
    "displayRequestDuration": True,
    "tryItOutEnabled": False,
}


def assets_dir() -> Path:
    """Where the installed package keeps the Swagger UI and ReDoc files."""
    return Path(str(files(ASSETS_PACKAGE) / "static"))


REDOC_REMOTE_LOGO = b'src:"https://cdn.redoc.ly/redoc/logo-mini.svg"'


@cache
def redoc_bundle() -> bytes:
    """ReDoc's bundle with its one remote image emptied (an empty `src` fails at once, without a request, and the
    bundle's error handler then drops the image)."""
    return (assets_dir() / "redoc.standalone.js").read_bytes().replace(REDOC_REMOTE_LOGO, b'src:""')


def _root(request: Request) -> str:
    root: str = request.scope.get("root_path", "") or ""
    return root.rstrip("/")


@router.get("/docs")
def swagger_ui(request: Request) -> HTMLResponse:
    root = _root(request)
    return get_swagger_ui_html(
        openapi_url=f"{root}{request.app.openapi_url}",
        title=f"{request.app.title} - API docs",
        swagger_js_url=f"{root}/docs/static/swagger-ui-bundle.js",
        swagger_css_url=f"{root}/docs/static/swagger-ui.css",
        swagger_favicon_url=f"{root}/docs/static/favicon.png",
        oauth2_redirect_url=None,
        swagger_ui_parameters=SWAGGER_UI_PARAMETERS,
    )


@router.get("/redoc")
def redoc(request: Request) -> HTMLResponse:
    root = _root(request)
    return get_redoc_html(
        openapi_url=f"{root}{request.app.openapi_url}",
        title=f"{request.app.title} - ReDoc",
        redoc_js_url=f"{root}/docs/static/redoc.standalone.js",
        redoc_favicon_url=f"{root}/docs/static/favicon.png",
        with_google_fonts=False,
    )


@router.get("/docs/static/{name}")
def docs_asset(name: str) -> Response:
    media_type = MEDIA_TYPES.get(name)  # a fixed list of names: a request can never name another file
    if media_type is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, detail=f"no docs file {name!r}")
    if name == "redoc.standalone.js":
        return Response(redoc_bundle(), media_type=media_type, headers=_HEADERS)
    return FileResponse(assets_dir() / name, media_type=media_type, headers=_HEADERS)
