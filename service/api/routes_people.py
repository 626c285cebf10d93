"""People: officials by country, and one person's offices and events."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, status

from service.api.actors import graph_errors, resolve_actor
from service.api.deps import Repository
from service.api.schemas import (
    PEOPLE_EXAMPLE,
    PERSON_EXAMPLE,
    PersonDetail,
    PersonSummary,
    error_responses,
    ok_response,
)

router = APIRouter(prefix="/people", tags=["people"])

PERSON_EVENTS = 100


@router.get(
    "",
    summary="People with their offices, by name; `country` keeps the officials of one state",
    description="`country`: ISO3 code or name (`Russia`, `the Kremlin`).",
    response_model=list[PersonSummary],
    responses=ok_response(PEOPLE_EXAMPLE) | error_responses(404, 422, 503),
)
def list_people(
    repo: Repository,
    country: str | None = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> list[PersonSummary]:
    key = resolve_actor(country) if country else None
    with graph_errors():
        rows = repo.read("read/api_people", country=key, limit=limit)
    return [PersonSummary.model_validate(row) for row in rows]


@router.get(
    "/{person_id}",
    summary="One person: offices (with first and last seen dates) and events, newest first",
    description="`person_id` is `person:<slug>` (`person:vladimir-putin`); the bare slug works too.",
    response_model=PersonDetail,
    responses=ok_response(PERSON_EXAMPLE) | error_responses(404, 503),
)
def get_person(person_id: str, repo: Repository) -> PersonDetail:
    key = person_id if person_id.startswith("person:") else f"person:{person_id}"
    with graph_errors():
        rows = repo.read("read/api_person", id=key, limit=PERSON_EVENTS)
    if not rows:
        raise HTTPException(status.HTTP_404_NOT_FOUND, detail=f"unknown person {person_id!r}")
    return PersonDetail.model_validate(rows[0])
