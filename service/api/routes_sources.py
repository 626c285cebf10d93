"""GET /sources: the sources `geokg watch` follows, with each one's last poll, status, counts and last error (URLs
and errors with any credentials of the source URL taken out). Follows GEOKG_READ_ACCESS like every data endpoint."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel

from service.api.actors import graph_errors
from service.api.deps import Repository
from service.api.schemas import error_responses, ok_response
from service.shared import watch_state

router = APIRouter(tags=["sources"])


class SourceStatus(BaseModel):
    id: str
    url: str  # credentials replaced by ***
    kind: str | None  # rss, atom, sitemap, urls or auto (as configured)
    name: str | None
    status: str  # new (never polled), ok, error
    last_poll: str | None  # ISO 8601
    last_ok: str | None
    last_error: str | None
    last_error_at: str | None
    polls: int
    errors: int  # polls that failed
    consecutive_errors: int
    found: int  # new entries its listing named
    queued: int  # articles put on the queue
    duplicates: int  # pages that were a story already seen (canonical link or same text)
    not_english: int
    no_text: int  # pages without extractable text (the reason is recorded per page)
    failed: int  # pages gone (4xx, too large, too many redirects), disallowed by robots.txt, or refused


class SourcesResponse(BaseModel):
    sources: list[SourceStatus]


EXAMPLE = {
    "sources": [
        {
            "id": "source:5d0c1e0f8a1b2c3d4e5f6a7b",
            "url": "https://news.example/world/rss.xml",
            "kind": "rss",
            "name": "Example world news",
            "status": "ok",
            "last_poll": "2026-12-06T10:15:02.120000000+00:00",
            "last_ok": "2026-12-06T10:15:02.120000000+00:00",
            "last_error": None,
            "last_error_at": None,
            "polls": 12,
            "errors": 0,
            "consecutive_errors": 0,
            "found": 40,
            "queued": 37,
            "duplicates": 2,
            "not_english": 1,
            "no_text": 0,
            "failed": 0,
        }
    ]
}


@router.get(
    "/sources",
    summary="The watched news sources: last poll, status, articles found and queued, errors",
    response_model=SourcesResponse,
    responses=ok_response(EXAMPLE) | error_responses(503),
)
def list_sources(repo: Repository) -> SourcesResponse:
    with graph_errors():
        rows = watch_state.sources(repo)
    return SourcesResponse(sources=[SourceStatus.model_validate(row) for row in rows])
