"""Events: filtered, cursor-paginated lists (newest first) and one event with its participants and evidence."""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query
from fastapi import status as http_status

from service.api.actors import (
    MinConfidence,
    bad_request,
    graph_errors,
    index_bounds,
    parse_quad_class,
    parse_range,
    parse_status,
    parse_type,
    resolve_actor,
)
from service.api.deps import Repository
from service.api.schemas import (
    EVENT_EXAMPLE,
    EVENTS_EXAMPLE,
    EventDetail,
    EventsPage,
    EventSummary,
    error_responses,
    ok_response,
)
from service.graph.repository import GraphRepository, Row

router = APIRouter(prefix="/events", tags=["events"])


def encode_cursor(date_key: str, event_id: str) -> str:
    """The opaque cursor: base64url of the JSON of the last event's sort key (date or "", id)."""
    return base64.urlsafe_b64encode(json.dumps([date_key, event_id]).encode()).decode().rstrip("=")


def decode_cursor(cursor: str | None) -> tuple[str | None, str | None]:
    if not cursor:
        return None, None
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        key = json.loads(raw)
    except (binascii.Error, ValueError, RecursionError):  # RecursionError: JSON nested too deep
        raise bad_request("cursor: not a cursor from a previous page") from None
    if not (isinstance(key, list) and len(key) == 2 and all(isinstance(part, str) for part in key)):
        raise bad_request("cursor: not a cursor from a previous page")
    return key[0], key[1]


@router.get(
    "",
    summary="Events, filtered, newest first, with cursor pagination",
    description=(
        "Filters: `actor` (ISO3, organisation id, name such as `the Kremlin`, or a person id `person:<slug>`), "
        "`type` (one of PLOVER's 16), `quad_class`, `status` (occurred, ongoing, planned), `since`/`until` "
        "(YYYY, YYYY-MM or YYYY-MM-DD; events whose possibly partial date overlaps the range), `location` (a place "
        "name, any case), `q` (words that must all occur in one reporting sentence, any case), `min_confidence` (0..1: "
        "events whose confidence is at least it). Pages hold `limit` "
        "events (1..200); pass `next_cursor` as `cursor` for the next page. Undated events come last."
    ),
    response_model=EventsPage,
    responses=ok_response(EVENTS_EXAMPLE) | error_responses(404, 422, 503),
)
def list_events(
    repo: Repository,
    filters: EventFilterParams,
    cursor: str | None = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
) -> EventsPage:
    query = parse_events_query(filters, cursor)
    with graph_errors():
        rows = read_events(repo, query, limit + 1)
    page = rows[:limit]
    next_cursor = None
    if len(rows) > limit:
        last = page[-1]
        next_cursor = encode_cursor(last["date"] or "", last["id"])
    return EventsPage(events=[EventSummary.model_validate(row) for row in page], next_cursor=next_cursor)


@dataclass(frozen=True)
class EventFilters:
    """The filter parameters of GET /events as given, declared once for it and the event exports (FastAPI reads
    them from the query string through `Depends()`)."""

    actor: str | None = None
    type: str | None = None
    quad_class: str | None = None
    status: str | None = None
    since: str | None = None
    until: str | None = None
    location: str | None = None
    q: str | None = None
    min_confidence: MinConfidence = None


EventFilterParams = Annotated[EventFilters, Depends()]


@dataclass(frozen=True)
class EventsQuery:
    """The checked filters of GET /events (shared with the exports) and the key to continue after."""

    actor: str | None  # graph key: ISO3, organisation id or person id
    type: str | None
    quad_class: str | None
    status: str | None
    since: str | None
    until: str | None
    location: str | None  # lower case
    words: list[str] | None  # lower case
    cursor_date: str | None = None
    cursor_id: str | None = None
    min_confidence: float | None = None  # 0..1, checked by the query parameter's type


def parse_events_query(filters: EventFilters, cursor: str | None = None) -> EventsQuery:
    """422 for a bad filter or cursor, 404 for an unknown actor (checked in this order)."""
    f = filters
    start, end = parse_range(f.since, f.until)
    cursor_date, cursor_id = decode_cursor(cursor)
    words = [word.casefold() for word in (f.q or "").split()] or None
    event_type, quad, state = parse_type(f.type), parse_quad_class(f.quad_class), parse_status(f.status)
    place = " ".join(f.location.split()).lower() if f.location and f.location.strip() else None
    key = None
    if f.actor:
        key = f.actor.strip() if f.actor.strip().startswith("person:") else resolve_actor(f.actor)
    return EventsQuery(key, event_type, quad, state, start, end, place, words, cursor_date, cursor_id, f.min_confidence)


def read_events(repo: GraphRepository, query: EventsQuery, limit: int) -> list[Row]:
    """Up to `limit` events after the query's cursor, newest first (undated last)."""
    # The query that starts from an index: the actor's node, else the events of the type, else all events.
    if query.actor:
        low, high = index_bounds(query.since, query.until)
        return repo.read(
            "read/api_events_of_actor",
            actor=query.actor,
            type=query.type,
            quad_class=query.quad_class,
            status=query.status,
            since=query.since,
            until=query.until,
            date_low=low,
            date_high=high,
            location=query.location,
            words=query.words,
            cursor_date=query.cursor_date,
            cursor_id=query.cursor_id,
            min_confidence=query.min_confidence,
            limit=limit,
        )
    if query.type:
        return repo.read(
            "read/api_events_of_type",
            type=query.type,
            quad_class=query.quad_class,
            status=query.status,
            since=query.since,
            until=query.until,
            location=query.location,
            words=query.words,
            cursor_date=query.cursor_date,
            cursor_id=query.cursor_id,
            min_confidence=query.min_confidence,
            limit=limit,
        )
    return repo.read(
        "read/api_events",
        quad_class=query.quad_class,
        status=query.status,
        since=query.since,
        until=query.until,
        location=query.location,
        words=query.words,
        cursor_date=query.cursor_date,
        cursor_id=query.cursor_id,
        min_confidence=query.min_confidence,
        limit=limit,
    )


@router.get(
    "/{event_id}",
    summary="One event: participants (with their side), places, and every reporting sentence with its article",
    response_model=EventDetail,
    responses=ok_response(EVENT_EXAMPLE) | error_responses(404, 503),
)
def get_event(event_id: str, repo: Repository) -> EventDetail:
    with graph_errors():
        rows = repo.read("read/api_event", id=event_id)
    if not rows:
        raise HTTPException(http_status.HTTP_404_NOT_FOUND, detail=f"unknown event {event_id!r}")
    return EventDetail.model_validate(rows[0])
