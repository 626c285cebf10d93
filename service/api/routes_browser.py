"""Neo4j Browser support, read-only and open: the GraSS style sheet and the guide of saved explore queries.

Neo4j Browser fetches both from its own page (`:style <url>`, `:play <url>`), so the responses allow any origin:
they hold no graph data, only the style and the text of cypher/explore/. The guide request carries `pragma` and
`cache-control` headers, which makes the browser send a CORS preflight first; it is answered here. (If
GEOKG_CORS_ORIGINS is set, its middleware answers preflights instead: list the Browser's origin there too.)
"""

from __future__ import annotations

from fastapi import APIRouter, Request, Response

from service.browser.guide import guide_html, style_sheet

router = APIRouter(prefix="/browser", tags=["browser"])

_OPEN = {"Access-Control-Allow-Origin": "*"}


@router.get(
    "/style.grass",
    summary="The GraSS style sheet for Neo4j Browser (load it with `:style <this URL>`)",
    response_class=Response,
    responses={200: {"content": {"text/plain": {}}, "description": "the style sheet"}},
)
def get_style() -> Response:
    return Response(style_sheet(), media_type="text/plain; charset=utf-8", headers=_OPEN)


@router.get(
    "/guide",
    summary="The Neo4j Browser guide of the saved explore queries (play it with `:play <this URL>`)",
    response_class=Response,
    responses={200: {"content": {"text/html": {}}, "description": "the guide, one slide per query"}},
)
def get_guide(request: Request) -> Response:
    base = str(request.base_url).rstrip("/")
    return Response(guide_html(base), media_type="text/html; charset=utf-8", headers=_OPEN)


@router.options("/style.grass", include_in_schema=False)
@router.options("/guide", include_in_schema=False)
def preflight(request: Request) -> Response:
    """The CORS preflight of a cross-origin GET: any origin, GET only, the headers it asks for."""
    headers = {
        **_OPEN,
        "Access-Control-Allow-Methods": "GET, OPTIONS",
        "Access-Control-Allow-Headers": request.headers.get("access-control-request-headers", ""),
        "Access-Control-Max-Age": "600",
    }
    return Response(status_code=204, headers=headers)
